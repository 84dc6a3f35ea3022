<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../counter_app/ui/first_run/wizard.py" line="+363"/>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first account, for the settings and the other accounts. The officers&apos; accounts are added later in Settings.</source>
        <translation>Tài khoản đầu tiên, dùng để cài đặt và quản lý các tài khoản khác. Tài khoản của cán bộ được thêm sau trong phần Cài đặt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Login:</source>
        <translation>Tên đăng &amp;nhập:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password a&amp;gain:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. quantri</source>
        <translation>ví dụ: quantri</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The password needs at least {n} characters.</source>
        <translation>Mật khẩu cần ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passwords differ.</source>
        <translation>Hai lần nhập mật khẩu không khớp nhau.</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location line="-245"/>
        <source>Catalog and agencies</source>
        <translation>Danh mục và cơ quan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The procedures come from a catalog file. Tick the agencies whose dossiers this counter receives.</source>
        <translation>Thủ tục hành chính lấy từ một tệp danh mục. Hãy đánh dấu các cơ quan mà bộ phận này tiếp nhận hồ sơ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import a catalog file…</source>
        <translation>&amp;Nhập tệp danh mục…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agencies served:</source>
        <translation>&amp;Cơ quan được phục vụ:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Catalog: the demo catalog shipped with the program</source>
        <translation>Danh mục: danh mục mẫu kèm theo chương trình</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Catalog: {file}</source>
        <translation>Danh mục: {file}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Catalog file</source>
        <translation>Tệp danh mục</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catalog (*.json)</source>
        <translation>Danh mục (*.json)</translation>
    </message>
</context>
<context>
    <name>CentralPage</name>
    <message>
        <location line="+81"/>
        <source>Central database</source>
        <translation>Cơ sở dữ liệu trung tâm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: leave it empty to run this counter alone.</source>
        <translation>Không bắt buộc: để trống nếu bộ phận này làm việc độc lập.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central &amp;address:</source>
        <translation>&amp;Địa chỉ máy chủ trung tâm:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test the connection</source>
        <translation>&amp;Kiểm tra kết nối</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The province&apos;s IT staff give this address. The password in it is kept in the operating system&apos;s keyring, never in a file.</source>
        <translation>Cán bộ công nghệ thông tin của tỉnh cung cấp địa chỉ này. Mật khẩu trong địa chỉ được cất trong kho mật khẩu của hệ điều hành, không bao giờ ghi ra tệp.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter an address first.</source>
        <translation>Hãy nhập địa chỉ trước.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected ({kind}).</source>
        <translation>Đã kết nối ({kind}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not reached: {reason}</source>
        <translation>Không kết nối được: {reason}</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location line="-74"/>
        <source>The counter</source>
        <translation>Bộ phận Một cửa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name printed on receipts and shown at the top of the window.</source>
        <translation>Tên được in trên giấy tiếp nhận và hiển thị ở đầu cửa sổ.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counter &amp;name:</source>
        <translation>Tê&amp;n Bộ phận Một cửa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. One-stop counter of Hoàng Đồng commune</source>
        <translation>ví dụ: Bộ phận Một cửa xã Hoàng Đồng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Desk number:</source>
        <translation>&amp;Số quầy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>không có</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location line="+285"/>
        <source>Setting up the counter</source>
        <translation>Thiết lập bộ phận một cửa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Setting up…</source>
        <translation>Đang thiết lập…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not set up: {reason} Nothing was saved: correct it and press Finish again.</source>
        <translation>Chưa thiết lập được: {reason} Chưa có gì được lưu: hãy sửa lại rồi bấm Hoàn tất lần nữa.</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location line="-482"/>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer has no counter data yet. These few steps set the counter up; nothing is saved until Finish.</source>
        <translation>Máy tính này chưa có dữ liệu của Bộ phận Một cửa. Vài bước sau sẽ thiết lập bộ phận; chưa có gì được lưu cho đến khi bấm Hoàn tất.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The language of the window. It can be changed later in Settings.</source>
        <translation>Ngôn ngữ của cửa sổ. Có thể đổi lại sau trong phần Cài đặt.</translation>
    </message>
</context>
<context>
    <name>PrintingPage</name>
    <message>
        <location line="+330"/>
        <source>Printers and paper</source>
        <translation>Máy in và khổ giấy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the papers and the folder labels are printed.</source>
        <translation>Nơi in giấy tờ và nhãn dán bìa hồ sơ.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system&apos;s default printer</source>
        <translation>Máy in mặc định của hệ thống</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Papers (receipt, slips):</source>
        <translation>&amp;Giấy tờ (giấy tiếp nhận, phiếu):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Receipt size:</source>
        <translation>&amp;Khổ giấy tiếp nhận:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label printer:</source>
        <translation>Máy in &amp;nhãn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label si&amp;ze (mm):</source>
        <translation>Khổ n&amp;hãn (mm):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The operating system knows no printer yet.</source>
        <translation>Hệ điều hành chưa có máy in nào.</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <location line="+17"/>
        <source>Scanner test</source>
        <translation>Thử máy quét</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional: scan a receipt&apos;s code or a citizen ID card to see that the scanner works. Its timings can be tuned later in Settings.</source>
        <translation>Không bắt buộc: quét mã trên giấy tiếp nhận hoặc thẻ căn cước để xem máy quét có hoạt động không. Có thể chỉnh thông số thời gian sau trong phần Cài đặt.</translation>
    </message>
</context>
</TS>
