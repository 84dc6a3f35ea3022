<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>FeeLines</name>
    <message>
        <location filename="../../counter_app/ui/intake/fees.py" line="+80"/>
        <source>Fee</source>
        <translation>Khoản thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Mức thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Thành tiền</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a procedure: its fees are listed here.</source>
        <translation>Chọn thủ tục: phí, lệ phí của thủ tục sẽ hiện ở đây.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No fee or charge for this procedure.</source>
        <translation>Thủ tục này không thu phí, lệ phí.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{basis} · {collection}</source>
        <translation>{basis} · {collection}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Amount of {fee}</source>
        <translation>Mức thu của {fee}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quantity of {fee}</source>
        <translation>Số lượng của {fee}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Total: {amount}</source>
        <translation>Tổng cộng: {amount}</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <location filename="../../counter_app/ui/intake/questions.py" line="+17"/>
        <location line="+11"/>
        <source>New dossier</source>
        <translation>Hồ sơ mới</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Clear what was typed and start a new dossier?</source>
        <translation>Xóa các thông tin đã nhập để bắt đầu hồ sơ mới?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the form</source>
        <translation>Xóa để nhập mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Keep editing</source>
        <translation>Tiếp tục nhập</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Clear the form and discard the {n} scanned file(s) of this dossier?</source>
        <translation>Xóa các thông tin đã nhập và bỏ {n} tệp đã quét của hồ sơ này?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear and discard the scans</source>
        <translation>Xóa và bỏ các bản quét</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scans not attached</source>
        <translation>Bản quét chưa được đính kèm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} scanned file(s) are not attached to a dossier yet and would be lost.</source>
        <translation>{n} tệp quét chưa được đính kèm vào hồ sơ nào và sẽ bị mất.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dossier not saved</source>
        <translation>Hồ sơ chưa được lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier being entered has not been saved: what was typed would be lost.</source>
        <translation>Hồ sơ đang nhập chưa được lưu: các thông tin đã nhập sẽ bị mất.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ID card scanned</source>
        <translation>Đã quét căn cước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the applicant typed by hand ({typed}) with the card&apos;s ({card})?</source>
        <translation>Thay người nộp đã nhập tay ({typed}) bằng thông tin trên thẻ ({card})?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace with the card</source>
        <translation>Thay bằng thông tin trên thẻ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep what was typed</source>
        <translation>Giữ thông tin đã nhập</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/intake/values.py" line="+54"/>
        <source>No deadline</source>
        <translation>Không quy định thời hạn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{hour}:{minute}, {weekday} {date}</source>
        <translation>{hour} giờ {minute} phút, {weekday}, ngày {date}</translation>
    </message>
</context>
<context>
    <name>IntakeLayout</name>
    <message>
        <location filename="../../counter_app/ui/intake/layout.py" line="+127"/>
        <source>Code or name of the procedure, accents optional</source>
        <translation>Mã hoặc tên thủ tục, gõ có dấu hay không dấu đều được</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Procedure</source>
        <translation>&amp;Thủ tục</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No procedure chosen yet. Type part of its code or name, move with ↑ and ↓, press Enter to choose it: the cursor then goes on to the applicant.</source>
        <translation>Chưa chọn thủ tục. Gõ một phần mã hoặc tên thủ tục, dùng ↑ và ↓ để di chuyển, nhấn Enter để chọn: con trỏ sẽ chuyển sang phần chủ hồ sơ.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Code:</source>
        <translation>Mã thủ tục:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling agency:</source>
        <translation>Cơ quan giải quyết:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing time:</source>
        <translation>Thời hạn giải quyết:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chosen procedure</source>
        <translation>Thủ tục đã chọn</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Applicant</source>
        <translation>Chủ hồ sơ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check the ID card: the scanned data may have been misread.</source>
        <translation>Hãy kiểm tra lại thẻ căn cước: dữ liệu quét có thể bị đọc sai.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>* required</source>
        <translation>* bắt buộc</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Applicant t&amp;ype</source>
        <translation>&amp;Loại chủ hồ sơ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Full &amp;name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation</source>
        <translation>Tên tổ &amp;chức</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;ID number</source>
        <translation>Số định &amp;danh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>12 digits, or 9 for an old ID card</source>
        <translation>12 chữ số, hoặc 9 chữ số với CMND cũ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Birth date</source>
        <translation>&amp;Ngày sinh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;hone</source>
        <translation>Điện th&amp;oại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. 0912345678</source>
        <translation>ví dụ 0912345678</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-&amp;mail</source>
        <translation>E&amp;mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Agrees to notices by e-mail and SMS</source>
        <translation>Đồng ý nhận thông báo qua thư điện tử và tin nhắn</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Pape&amp;rs received</source>
        <translation>&amp;Giấy tờ đã nhận</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scans of the papers</source>
        <translation>Bản quét giấy tờ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Fees and charges</source>
        <translation>&amp;Phí, lệ phí</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>for a transfer or a card</source>
        <translation>khi chuyển khoản hoặc quẹt thẻ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pai&amp;d by:</source>
        <translation>Nộp &amp;bằng:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reference n&amp;umber:</source>
        <translation>Số tham chiế&amp;u:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Handing in and return</source>
        <translation>Nộp hồ sơ và trả kết quả</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The one-stop desk where the applicant collects the result: this counter, or another agency&apos;s (receiving regardless of residence). Printed on the receipt.</source>
        <translation>Bộ phận Một cửa nơi người nộp nhận kết quả: quầy này hoặc của cơ quan khác (tiếp nhận không phụ thuộc địa giới hành chính). In trên giấy tiếp nhận.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Sets</source>
        <translation>&amp;Số bộ hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel</source>
        <translation>&amp;Kênh nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;turn of the result</source>
        <translation>Hình thức t&amp;rả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result &amp;given at</source>
        <translation>Đăng ký nhận kết &amp;quả tại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not&amp;e</source>
        <translation>Gh&amp;i chú</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This counter</source>
        <translation>Bộ phận Một cửa này</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved, dossier code:</source>
        <translation>Đã lưu. Mã hồ sơ:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Attach the scans again</source>
        <translation>Đính kèm lại bản quét</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Result due:</source>
        <translation>Hẹn trả kết quả:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New dossier (Esc)</source>
        <translation>Nhập mới (Esc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the form for the next citizen (Esc or Ctrl+N)</source>
        <translation>Xóa biểu mẫu để tiếp nhận người tiếp theo (Esc hoặc Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the dossier and give it its code (Ctrl+S or Ctrl+Enter)</source>
        <translation>Lưu hồ sơ và cấp mã hồ sơ (Ctrl+S hoặc Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../counter_app/ui/intake/page.py" line="+160"/>
        <source>No procedure matches the search.</source>
        <translation>Không có thủ tục nào phù hợp.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The catalog is empty: an administrator must import it before intake.</source>
        <translation>Danh mục thủ tục còn trống: quản trị viên cần nhập danh mục trước khi tiếp nhận.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first {n} found: type more to narrow the list.</source>
        <translation>{n} thủ tục đầu tiên: gõ thêm để thu hẹp danh sách.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} found.</source>
        <translation>Tìm thấy {n} thủ tục.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{found} ↑ ↓ to move, Enter to choose.</source>
        <translation>{found} ↑ ↓ để di chuyển, Enter để chọn.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>choose a procedure first</source>
        <translation>hãy chọn thủ tục trước</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fees: {amount}</source>
        <translation>Phí, lệ phí: {amount}</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>ID card read: {name}</source>
        <translation>Đã đọc thẻ căn cước: {name}</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Not saved: correct what is marked in red.</source>
        <translation>Chưa lưu: hãy sửa các mục báo đỏ.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved: {code}</source>
        <translation>Đã lưu: {code}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>result due {due}</source>
        <translation>hẹn trả kết quả {due}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>{n} scanned file(s) attached to dossier {code}.</source>
        <translation>Đã đính kèm {n} tệp đã quét vào hồ sơ {code}.</translation>
    </message>
</context>
<context>
    <name>PaperChecklist</name>
    <message>
        <location filename="../../counter_app/ui/intake/papers.py" line="+90"/>
        <source>Paper (ticked: received)</source>
        <translation>Giấy tờ (đánh dấu: đã nhận)</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Add a paper (Ctrl+D)</source>
        <translation>Thêm giấy tờ (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A paper the procedure does not list</source>
        <translation>Giấy tờ không có trong danh mục của thủ tục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Space ticks or unticks · Ctrl+Shift+D removes the paper with the cursor</source>
        <translation>Phím cách: đánh dấu hoặc bỏ đánh dấu · Ctrl+Shift+D: bỏ dòng giấy tờ đang có con trỏ</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Remove this paper (Ctrl+Shift+D)</source>
        <translation>Bỏ dòng giấy tờ này (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{paper} (optional)</source>
        <translation>{paper} (nếu có)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name of the paper</source>
        <translation>Tên giấy tờ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a procedure: the papers it asks for are listed here.</source>
        <translation>Chọn thủ tục: thành phần hồ sơ của thủ tục sẽ hiện ở đây.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The procedure lists no papers: add those handed in.</source>
        <translation>Thủ tục không quy định thành phần hồ sơ: hãy thêm các giấy tờ đã nhận.</translation>
    </message>
</context>
<context>
    <name>ProcedureListModel</name>
    <message>
        <location filename="../../counter_app/ui/intake/procedure_list.py" line="+58"/>
        <source>{name}
Code: {code}
Handling agency: {agency}
Time: {duration}</source>
        <translation>{name}
Mã: {code}
Cơ quan giải quyết: {agency}
Thời hạn: {duration}</translation>
    </message>
</context>
</TS>
