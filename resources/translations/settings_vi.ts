<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../counter_app/ui/settings/accounts.py" line="+61"/>
        <source>New account</source>
        <translation>Tạo tài khoản mới</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change an account</source>
        <translation>Sửa tài khoản</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>e.g. Chuyên viên</source>
        <translation>ví dụ: Chuyên viên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent with the officer&apos;s name in each move&apos;s record to the national portal.</source>
        <translation>Gửi kèm họ tên cán bộ trong từng bước xử lý hồ sơ lên Cổng Dịch vụ công quốc gia.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Login:</source>
        <translation>Tên đăng &amp;nhập:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Chức vụ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;again:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Login: unaccented letters, digits, dots, hyphens (2–32). Password: at least {n} characters.</source>
        <translation>Tên đăng nhập: chữ không dấu, chữ số, dấu chấm, gạch ngang (2–32 ký tự). Mật khẩu: ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Create the account</source>
        <translation>Tạo tài khoản</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Enter a login.</source>
        <translation>Hãy nhập tên đăng nhập.</translation>
    </message>
</context>
<context>
    <name>AccountsSection</name>
    <message>
        <location line="+94"/>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who may sign in at this counter. Accounts are never deleted, so the history keeps its names: disable the account of someone who has left.</source>
        <translation>Những người được đăng nhập tại Bộ phận Một cửa này. Tài khoản không bao giờ bị xóa để lịch sử hồ sơ giữ đúng tên người thực hiện: khi cán bộ nghỉ việc, hãy vô hiệu hóa tài khoản.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Login</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;New account…</source>
        <translation>&amp;Thêm tài khoản…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Change name or role…</source>
        <translation>&amp;Sửa tên, vai trò…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+55"/>
        <source>&amp;Disable</source>
        <translation>&amp;Vô hiệu hóa</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>&amp;Reset password…</source>
        <translation>Đặt lại &amp;mật khẩu…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Đã vô hiệu hóa</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Enable</source>
        <translation>&amp;Kích hoạt lại</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Account {login} created.</source>
        <translation>Đã tạo tài khoản {login}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>You cannot take the administrator role from yourself; another administrator can.</source>
        <translation>Không thể tự bỏ quyền quản trị của chính mình; việc này do một quản trị viên khác thực hiện.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Account {login} saved.</source>
        <translation>Đã lưu tài khoản {login}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You cannot disable the account you are signed in with.</source>
        <translation>Không thể vô hiệu hóa tài khoản đang đăng nhập.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Account {login} disabled: it can no longer sign in.</source>
        <translation>Đã vô hiệu hóa tài khoản {login}: tài khoản này không đăng nhập được nữa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account {login} enabled.</source>
        <translation>Đã kích hoạt lại tài khoản {login}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New password set for {login}.</source>
        <translation>Đã đặt mật khẩu mới cho {login}.</translation>
    </message>
</context>
<context>
    <name>AgenciesSection</name>
    <message>
        <location filename="../../counter_app/ui/settings/general.py" line="+108"/>
        <source>Agencies served</source>
        <translation>Cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick the agencies whose dossiers this counter takes in. Their procedures are offered at intake; the others stay in the catalog for reference.</source>
        <translation>Đánh dấu các cơ quan mà Bộ phận Một cửa này tiếp nhận hồ sơ. Thủ tục của các cơ quan này được đưa ra khi tiếp nhận; các cơ quan khác vẫn có trong danh mục để tra cứu.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tick &amp;all</source>
        <translation>&amp;Chọn tất cả</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Untick all</source>
        <translation>&amp;Bỏ chọn tất cả</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The catalog has no agencies yet: import the catalog first.</source>
        <translation>Danh mục chưa có cơ quan nào: hãy nhập danh mục thủ tục trước.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Served: {n} of {total}</source>
        <translation>Đang tiếp nhận: {n}/{total} cơ quan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick at least one agency.</source>
        <translation>Hãy chọn ít nhất một cơ quan.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Agencies served saved: {n} of {total}.</source>
        <translation>Đã lưu danh sách cơ quan tiếp nhận: {n}/{total} cơ quan.</translation>
    </message>
</context>
<context>
    <name>BackupsSection</name>
    <message>
        <location filename="../../counter_app/ui/settings/backups.py" line="+92"/>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A backup of the data and the scans is taken every day when the window starts (and checked every hour); the oldest are removed beyond the number kept. To restore one, close the window and run: counter-app restore FILE</source>
        <translation>Mỗi ngày, khi cửa sổ khởi động, chương trình sao lưu dữ liệu và bản quét (và kiểm tra lại mỗi giờ); các bản cũ nhất vượt quá số bản giữ lại sẽ bị xóa. Để khôi phục, hãy đóng cửa sổ rồi chạy: counter-app restore TỆP</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>C&amp;hoose…</source>
        <translation>C&amp;họn…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Last backup:</source>
        <translation>Lần sao lưu gần nhất:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next backup:</source>
        <translation>Lần sao lưu tiếp theo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Thư mục:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Best on another disk or a network share. Default: {folder}</source>
        <translation>Nên đặt trên ổ đĩa khác hoặc thư mục dùng chung trên mạng. Mặc định: {folder}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Keep the newest:</source>
        <translation>&amp;Giữ lại số bản mới nhất:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>None yet.</source>
        <translation>Chưa có.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{when}, {size}: {path}</source>
        <translation>{when}, {size}: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{when}: FAILED. {reason}</source>
        <translation>{when}: THẤT BẠI. {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The last good one: {when}.</source>
        <translation>Bản thành công gần nhất: {when}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Give the whole path of the folder, e.g. D:\Backups or /mnt/backups.</source>
        <translation>Hãy nhập đường dẫn đầy đủ của thư mục, ví dụ D:\SaoLuu hoặc /mnt/saoluu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backup settings saved.</source>
        <translation>Đã lưu cài đặt sao lưu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder of the daily backups</source>
        <translation>Thư mục chứa bản sao lưu hằng ngày</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup saved: {path} ({size}).</source>
        <translation>Đã sao lưu: {path} ({size}).</translation>
    </message>
</context>
<context>
    <name>CalendarSection</name>
    <message>
        <location filename="../../counter_app/ui/settings/calendar.py" line="+526"/>
        <source>Working calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due dates are counted on these working days and hours.</source>
        <translation>Ngày hẹn trả kết quả được tính theo các ngày và giờ làm việc này.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Working hours</source>
        <translation>Giờ làm việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National holidays</source>
        <translation>Ngày lễ, Tết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days off and extra working days</source>
        <translation>Ngày nghỉ và ngày làm việc thêm</translation>
    </message>
</context>
<context>
    <name>CounterSection</name>
    <message>
        <location filename="../../counter_app/ui/settings/general.py" line="-167"/>
        <source>Counter</source>
        <translation>Bộ phận Một cửa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name printed on receipts and, with the desk&apos;s number, shown at the top of the window.</source>
        <translation>Tên in trên giấy tiếp nhận và, cùng số quầy, hiện ở đầu cửa sổ.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not set</source>
        <translation>Chưa thiết lập</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set when this counter is connected to the central system (the synchronisation work); it cannot be changed here.</source>
        <translation>Được thiết lập khi Bộ phận Một cửa kết nối với hệ thống trung tâm (phần đồng bộ dữ liệu); không sửa tại đây.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Counter &amp;name:</source>
        <translation>&amp;Tên Bộ phận Một cửa:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Desk number:</source>
        <translation>&amp;Số quầy:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Central se&amp;rver:</source>
        <translation>&amp;Máy chủ trung tâm:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Enter the counter&apos;s name.</source>
        <translation>Hãy nhập tên Bộ phận Một cửa.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Counter name saved: {name}.</source>
        <translation>Đã lưu tên Bộ phận Một cửa: {name}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter saved: {name}, desk {desk}.</source>
        <translation>Đã lưu quầy: {name}, quầy số {desk}.</translation>
    </message>
</context>
<context>
    <name>Curtain</name>
    <message>
        <location filename="../../counter_app/ui/settings/idle_lock.py" line="+76"/>
        <source>Locked</source>
        <translation>Đã khóa</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <location filename="../../counter_app/ui/settings/backups.py" line="-151"/>
        <source>Daily backup saved: {path}</source>
        <translation>Đã sao lưu hằng ngày: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The daily backup failed: {reason}</source>
        <translation>Sao lưu hằng ngày thất bại: {reason}</translation>
    </message>
</context>
<context>
    <name>DisplaySection</name>
    <message>
        <location filename="../../counter_app/ui/settings/display.py" line="+34"/>
        <source>Language and display</source>
        <translation>Ngôn ngữ và hiển thị</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The new language takes effect the next time the program starts.</source>
        <translation>Ngôn ngữ mới có hiệu lực từ lần mở chương trình tiếp theo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size of the text in the whole window, applied as soon as it is saved (default {size} pt).</source>
        <translation>Cỡ chữ của toàn bộ cửa sổ, áp dụng ngay khi lưu (mặc định {size} pt).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Te&amp;xt size:</source>
        <translation>&amp;Cỡ chữ:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Display settings saved; the language changes at the next start of the program.</source>
        <translation>Đã lưu cài đặt hiển thị; ngôn ngữ sẽ đổi từ lần mở chương trình tiếp theo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display settings saved.</source>
        <translation>Đã lưu cài đặt hiển thị.</translation>
    </message>
</context>
<context>
    <name>HolidaysView</name>
    <message>
        <location filename="../../counter_app/ui/settings/calendar.py" line="-236"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day</source>
        <translation>Thứ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Tên ngày lễ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Public holidays and the Saturdays or Sundays worked in exchange, as decided by the government. They apply to every agency; add the counter&apos;s own changes under “Days off and extra working days”.</source>
        <translation>Các ngày lễ, Tết và những ngày thứ Bảy, Chủ nhật đi làm bù theo quyết định của Chính phủ. Áp dụng cho mọi cơ quan; thay đổi riêng của Bộ phận Một cửa được thêm ở mục “Ngày nghỉ và ngày làm việc thêm”.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Worked in exchange for a day off</source>
        <translation>Làm bù cho ngày nghỉ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make-up working day</source>
        <translation>Ngày làm việc bù</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public holiday</source>
        <translation>Ngày lễ</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../counter_app/ui/settings/idle_lock.py" line="+283"/>
        <source>Enter your password.</source>
        <translation>Hãy nhập mật khẩu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wrong password.</source>
        <translation>Sai mật khẩu.</translation>
    </message>
</context>
<context>
    <name>IdleLockSection</name>
    <message>
        <location filename="../../counter_app/ui/settings/display.py" line="+13"/>
        <source>Idle lock</source>
        <translation>Tự động khóa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When nobody has used the keyboard or the mouse for this long, the window hides its data and asks the officer&apos;s password again.</source>
        <translation>Khi không ai dùng bàn phím hoặc chuột trong khoảng thời gian này, cửa sổ sẽ ẩn dữ liệu và yêu cầu cán bộ nhập lại mật khẩu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> minutes</source>
        <translation> phút</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>Không bao giờ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 turns the lock off (default {minutes} minutes).</source>
        <translation>Chọn 0 để tắt tự động khóa (mặc định {minutes} phút).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lock after:</source>
        <translation>&amp;Khóa sau:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Idle lock turned off.</source>
        <translation>Đã tắt tự động khóa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window now locks after {n} minutes without use.</source>
        <translation>Cửa sổ sẽ tự khóa sau {n} phút không sử dụng.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../counter_app/ui/settings/idle_lock.py" line="-263"/>
        <source>Locked</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The window is locked</source>
        <translation>Cửa sổ đã khóa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nobody has used it for {n} minutes, so its data is hidden.</source>
        <translation>Không có thao tác nào trong {n} phút nên dữ liệu đã được ẩn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its data is hidden until the officer comes back.</source>
        <translation>Dữ liệu được ẩn cho đến khi cán bộ quay lại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} ({login}), enter your password to continue.</source>
        <translation>{name} ({login}), hãy nhập mật khẩu để tiếp tục.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unlock</source>
        <translation>Mở &amp;khóa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only the officer who signed in can unlock this window.</source>
        <translation>Chỉ cán bộ đã đăng nhập mới mở khóa được cửa sổ này.</translation>
    </message>
</context>
<context>
    <name>NoticeTemplatesSection</name>
    <message>
        <location filename="../../counter_app/ui/settings/notices.py" line="+40"/>
        <source>Notices to applicants</source>
        <translation>Thông báo cho người nộp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What an applicant who agreed to notices receives by e-mail and SMS, for each occasion. Write in Vietnamese; a field in braces, such as {name}, is filled in from the dossier. The SMS carries the text only.</source>
        <translation>Nội dung người nộp đã đồng ý nhận thông báo sẽ nhận qua thư điện tử và tin nhắn, cho từng trường hợp. Viết bằng tiếng Việt; trường trong ngoặc nhọn, ví dụ {name}, được điền từ hồ sơ. Tin nhắn chỉ gửi phần nội dung.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Insert {field}: {meaning}</source>
        <translation>Chèn {field}: {meaning}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fields it may use: {fields}.</source>
        <translation>Các trường dùng được: {fields}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the &amp;default text</source>
        <translation>Trở về nội dung &amp;mặc định</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Occasion:</source>
        <translation>Trường &amp;Trường hợp:amp;hợp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Su&amp;bject (e-mail):</source>
        <translation>&amp;Tiêu đề (thư điện tử):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Text:</source>
        <translation>&amp;Nội dung:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fields:</source>
        <translation>Các trường:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview for a sample dossier</source>
        <translation>Xem trước với một hồ sơ mẫu</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>No preview until the template is right.</source>
        <translation>Chưa xem trước được khi mẫu còn sai.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject: {subject}</source>
        <translation>Tiêu đề: {subject}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Write the text, or go back to the default one.</source>
        <translation>Hãy viết nội dung, hoặc trở về nội dung mặc định.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Notice templates saved.</source>
        <translation>Đã lưu mẫu thông báo.</translation>
    </message>
</context>
<context>
    <name>OverridesEditor</name>
    <message>
        <location filename="../../counter_app/ui/settings/calendar.py" line="+15"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day</source>
        <translation>Thứ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applies to</source>
        <translation>Áp dụng cho</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No local day off or extra working day yet.</source>
        <translation>Chưa có ngày nghỉ hoặc ngày làm việc thêm nào của đơn vị.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+78"/>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+77"/>
        <source>Extra working day</source>
        <translation>Ngày làm việc thêm</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Why, e.g. the decision that declares it (optional)</source>
        <translation>Lý do, ví dụ văn bản quyết định (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a day</source>
        <translation>Thêm một ngày</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;pplies to:</source>
        <translation>Áp &amp;dụng cho:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+19"/>
        <source>Every agency</source>
        <translation>Mọi cơ quan</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>every agency</source>
        <translation>mọi cơ quan</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{date} is already a working day for {agency}.</source>
        <translation>Ngày {date} đã là ngày làm việc của {agency}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{date} is already a day off for {agency}.</source>
        <translation>Ngày {date} đã là ngày nghỉ của {agency}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Extra working day on {date} saved for {agency}.</source>
        <translation>Đã lưu ngày làm việc thêm {date} cho {agency}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day off on {date} saved for {agency}.</source>
        <translation>Đã lưu ngày nghỉ {date} cho {agency}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It replaces the earlier entry for that day.</source>
        <translation>Mục mới thay cho mục đã có của ngày này.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{date} removed for {agency}: the usual calendar applies again.</source>
        <translation>Đã xóa ngày {date} của {agency}: áp dụng lại lịch thông thường.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../counter_app/ui/settings/accounts.py" line="-248"/>
        <source>Reset a password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password for {name} ({login}).</source>
        <translation>Mật khẩu mới cho {name} ({login}).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;again:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>At least {n} characters. Give it to the officer in person.</source>
        <translation>Ít nhất {n} ký tự. Hãy trao trực tiếp cho cán bộ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set the password</source>
        <translation>Đặt mật khẩu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PrintingSection</name>
    <message>
        <location filename="../../counter_app/ui/settings/printing.py" line="+26"/>
        <source>Printing</source>
        <translation>In ấn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer chosen in a preview is remembered for that kind of paper; it can also be set here.</source>
        <translation>Máy in được chọn khi xem trước sẽ được ghi nhớ cho từng loại giấy tờ; cũng có thể chọn tại đây.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print the &amp;receipt as soon as a dossier is saved</source>
        <translation>Tự động in &amp;giấy tiếp nhận ngay khi lưu hồ sơ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The system&apos;s default printer</source>
        <translation>Máy in mặc định của hệ thống</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The operating system knows no printer yet.</source>
        <translation>Hệ điều hành chưa có máy in nào.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} (not installed now)</source>
        <translation>{name} (hiện không còn cài đặt)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Printing settings saved.</source>
        <translation>Đã lưu cài đặt in ấn.</translation>
    </message>
</context>
<context>
    <name>ScannerSection</name>
    <message>
        <location filename="../../counter_app/ui/settings/scanner.py" line="+52"/>
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The handheld scanner types like a keyboard, only much faster. These values let the window tell a scan from a person typing.</source>
        <translation>Máy quét cầm tay gõ ký tự như bàn phím nhưng nhanh hơn nhiều. Các thông số này giúp phân biệt một lần quét với việc người dùng gõ phím.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Enter</source>
        <translation>&amp;Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tab</source>
        <translation>T&amp;ab</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> characters</source>
        <translation> ký tự</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>With neither, a scan ends when the keys stop coming.</source>
        <translation>Nếu không chọn phím nào, lần quét kết thúc khi không còn ký tự gửi đến.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Prefix:</source>
        <translation>&amp;Tiền tố:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Characters the scanner sends before each code; empty if none.</source>
        <translation>Các ký tự máy quét gửi trước mỗi mã; để trống nếu không có.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;uffix:</source>
        <translation>&amp;Hậu tố:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Characters the scanner sends after each code, before the ending key.</source>
        <translation>Các ký tự máy quét gửi sau mỗi mã, trước phím kết thúc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan ends with:</source>
        <translation>Phím kết thúc:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lon&amp;gest pause between characters:</source>
        <translation>&amp;Khoảng nghỉ tối đa giữa hai ký tự:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>How long a key is held back while it could still be the start of a scan; no shorter than the longest pause.</source>
        <translation>Thời gian giữ lại một phím khi nó còn có thể là phần đầu của một lần quét; không ngắn hơn khoảng nghỉ tối đa.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Only characters a keyboard types.</source>
        <translation>Chỉ dùng các ký tự gõ được từ bàn phím.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>At least the longest pause between characters ({n} ms).</source>
        <translation>Không được ngắn hơn khoảng nghỉ tối đa giữa hai ký tự ({n} ms).</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>A scan types faster than this; people type slower.</source>
        <translation>Máy quét gõ nhanh hơn mức này; người gõ phím chậm hơn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shortest s&amp;can:</source>
        <translation>Độ dài &amp;ngắn nhất:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shorter bursts are taken as typing.</source>
        <translation>Chuỗi ngắn hơn được coi là gõ phím.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Wait after the last character:</source>
        <translation>&amp;Chờ sau ký tự cuối:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scanner test</source>
        <translation>Thử máy quét</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>At most {n} characters.</source>
        <translation>Tối đa {n} ký tự.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Scanner settings saved.</source>
        <translation>Đã lưu cài đặt máy quét.</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <location filename="../../counter_app/ui/settings/calendar.py" line="-435"/>
        <source>&amp;Save the schedule</source>
        <translation>&amp;Lưu lịch làm việc</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This agency has its o&amp;wn schedule</source>
        <translation>Cơ quan này có lịch làm việc &amp;riêng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Without its own schedule, the agency follows the default schedule.</source>
        <translation>Nếu không có lịch riêng, cơ quan làm việc theo lịch chung.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Period {n}:</source>
        <translation>Buổi {n}:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Schedule &amp;of:</source>
        <translation>Lịch làm việc &amp;của:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Working days:</source>
        <translation>Ngày làm việc:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Working hours:</source>
        <translation>Giờ làm việc:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Times as HH:MM. Leave a period empty when it is not used. Public holidays and make-up working days apply whatever the schedule.</source>
        <translation>Giờ ghi theo dạng HH:MM. Để trống buổi không dùng. Ngày lễ, Tết và ngày làm việc bù luôn được áp dụng, bất kể lịch làm việc.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Per working day:</source>
        <translation>Mỗi ngày làm việc:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Every agency (default schedule)</source>
        <translation>Mọi cơ quan (lịch chung)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>{hours} hours</source>
        <translation>{hours} giờ</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{agency} now follows the default schedule.</source>
        <translation>{agency} từ nay làm việc theo lịch chung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Default working schedule saved.</source>
        <translation>Đã lưu lịch làm việc chung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working schedule of {agency} saved.</source>
        <translation>Đã lưu lịch làm việc của {agency}.</translation>
    </message>
</context>
<context>
    <name>ScheduleForm</name>
    <message>
        <location filename="../../counter_app/ui/settings/forms.py" line="+53"/>
        <source>Choose at least one working day.</source>
        <translation>Hãy chọn ít nhất một ngày làm việc.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Give both the start and the end, or leave both empty.</source>
        <translation>Hãy nhập cả giờ bắt đầu và giờ kết thúc, hoặc để trống cả hai.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write the times as HH:MM, for example 07:30.</source>
        <translation>Hãy ghi giờ theo dạng HH:MM, ví dụ 07:30.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The period must end after it starts.</source>
        <translation>Giờ kết thúc phải sau giờ bắt đầu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The period must start after the previous one ends ({time}).</source>
        <translation>Buổi này phải bắt đầu sau khi buổi trước kết thúc ({time}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give at least one working period.</source>
        <translation>Hãy nhập ít nhất một buổi làm việc.</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../../counter_app/ui/settings/widgets.py" line="+135"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../counter_app/ui/settings/page.py" line="+110"/>
        <source>Only an administrator can change the counter&apos;s settings.</source>
        <translation>Chỉ quản trị viên mới được thay đổi cài đặt của Bộ phận Một cửa.</translation>
    </message>
</context>
<context>
    <name>SupportSection</name>
    <message>
        <location filename="../../counter_app/ui/settings/diagnostics.py" line="+23"/>
        <source>Support</source>
        <translation>Hỗ trợ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When asking for help, copy the diagnostics and paste them into the message: versions, the data folder, sync, the last backup and the end of the log. They name no citizen: the log holds dossier codes only.</source>
        <translation>Khi cần hỗ trợ, hãy sao chép thông tin chẩn đoán và dán vào tin nhắn gửi bộ phận hỗ trợ: phiên bản, thư mục dữ liệu, đồng bộ, lần sao lưu gần nhất và phần cuối nhật ký. Thông tin này không nêu tên công dân nào: nhật ký chỉ ghi mã hồ sơ.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;Sao chép thông tin chẩn đoán</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data folder:</source>
        <translation>Thư mục dữ liệu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log file:</source>
        <translation>Tệp nhật ký:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Diagnostics copied: paste them into your message to support.</source>
        <translation>Đã sao chép thông tin chẩn đoán: hãy dán vào tin nhắn gửi bộ phận hỗ trợ.</translation>
    </message>
</context>
</TS>
