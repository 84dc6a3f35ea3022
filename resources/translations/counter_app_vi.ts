<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../counter_app/ui/dossiers/action.py" line="+219"/>
        <source>Dossier {code} of {name}</source>
        <translation>Hồ sơ {code} của {name}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Ghi chú (không bắt buộc):</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Paid by:</source>
        <translation>Hình thức nộp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transaction reference:</source>
        <translation>Số tham chiếu giao dịch:</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../counter_app/ui/catalog/page.py" line="+152"/>
        <source>Search procedures by code, name or field (accents optional)</source>
        <translation>Tìm thủ tục theo mã, tên hoặc lĩnh vực (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Procedures: {n}</source>
        <translation>Số thủ tục: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No procedure matches the search.</source>
        <translation>Không có thủ tục nào phù hợp.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The catalog is empty. An administrator imports it with: counter-app catalog import FILE</source>
        <translation>Danh mục thủ tục đang trống. Quản trị viên nhập danh mục bằng lệnh: counter-app catalog import TỆP</translation>
    </message>
</context>
<context>
    <name>CatalogTableModel</name>
    <message>
        <location filename="../../counter_app/ui/models/catalog_table.py" line="+44"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling agency</source>
        <translation>Cơ quan giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
</context>
<context>
    <name>CitizenDesk</name>
    <message>
        <location filename="../../counter_app/ui/citizen/desk.py" line="+84"/>
        <source>The citizen&apos;s screen was unplugged: it is shown here as a window.</source>
        <translation>Màn hình người dân đã bị rút: đang hiển thị tại đây dưới dạng cửa sổ.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Your dossier has been received</source>
        <translation>Hồ sơ của Ông/Bà đã được tiếp nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your result has been handed over</source>
        <translation>Ông/Bà đã nhận kết quả</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Thank you!</source>
        <translation>Xin cảm ơn Ông/Bà!</translation>
    </message>
</context>
<context>
    <name>CitizenScreen</name>
    <message>
        <location filename="../../counter_app/ui/citizen/screen.py" line="+95"/>
        <source>Citizen&apos;s screen</source>
        <translation>Màn hình người dân</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Please check what the officer types:</source>
        <translation>Ông/Bà vui lòng kiểm tra thông tin cán bộ nhập:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Papers received</source>
        <translation>Giấy tờ đã nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>Fees</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Result due</source>
        <translation>Hẹn trả kết quả</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Photograph the code to follow your dossier.</source>
        <translation>Chụp mã này để tra cứu hồ sơ của Ông/Bà.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How satisfied are you with the service?</source>
        <translation>Ông/Bà có hài lòng với việc giải quyết hồ sơ?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Very satisfied</source>
        <translation>Rất hài lòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied</source>
        <translation>Hài lòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissatisfied</source>
        <translation>Không hài lòng</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reasons (optional), touch before rating:</source>
        <translation>Lý do (nếu có), chạm chọn trước khi đánh giá:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Long wait</source>
        <translation>Chờ lâu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The officer&apos;s manner</source>
        <translation>Thái độ cán bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unclear guidance</source>
        <translation>Hướng dẫn chưa rõ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complicated papers</source>
        <translation>Giấy tờ phức tạp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The result</source>
        <translation>Kết quả giải quyết</translation>
    </message>
</context>
<context>
    <name>CorrectIntakeDialog</name>
    <message>
        <location filename="../../counter_app/ui/dossiers/correct_intake.py" line="+66"/>
        <source>Correct the intake of {code}</source>
        <translation>Sửa thông tin tiếp nhận hồ sơ {code}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ID number:</source>
        <translation>Số định danh (&amp;CCCD):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Birth date:</source>
        <translation>&amp;Ngày sinh:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Phone:</source>
        <translation>Điện &amp;thoại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ddress:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paper</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Add a paper</source>
        <translation>Thê&amp;m giấy tờ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove the paper</source>
        <translation>&amp;Xóa giấy tờ</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Sets:</source>
        <translation>Số &amp;bộ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result &amp;returned:</source>
        <translation>Hình thức t&amp;rả kết quả:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rea&amp;son (required: the dossier has left the counter):</source>
        <translation>&amp;Lý do (bắt buộc: hồ sơ đã rời bộ phận tiếp nhận):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rea&amp;son:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The correction is recorded in the dossier&apos;s history and the audit log, sent to the central system, and a corrected receipt is printed that replaces the one handed over before.</source>
        <translation>Nội dung sửa được ghi vào lịch sử hồ sơ và nhật ký, gửi lên hệ thống trung tâm, và giấy tiếp nhận đã sửa được in để thay thế giấy đã giao trước đó.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sa&amp;ve the correction</source>
        <translation>Lư&amp;u nội dung sửa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>DossierActions</name>
    <message>
        <location filename="../../counter_app/ui/dossiers/action.py" line="-195"/>
        <source>&amp;Accept the online submission</source>
        <translation>Tiếp &amp;nhận hồ sơ trực tuyến</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Transfer for processing</source>
        <translation>&amp;Chuyển xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request a &amp;supplement</source>
        <translation>Yêu cầu &amp;bổ sung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resubmit (supplement &amp;received)</source>
        <translation>Nhận hồ sơ bổ &amp;sung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request &amp;payment</source>
        <translation>Yêu cầu nộp &amp;phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record pa&amp;yment</source>
        <translation>&amp;Ghi nhận đã nộp phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fuse</source>
        <translation>&amp;Từ chối tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Withdraw</source>
        <translation>&amp;Rút hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>St&amp;op processing</source>
        <translation>&amp;Dừng xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mark as resolved</source>
        <translation>Hoàn thành &amp;xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand back the result</source>
        <translation>Trả &amp;kết quả</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Papers to add or fix, and why. This text is printed on the supplement request the applicant takes home: write it so they know exactly what to bring.</source>
        <translation>&amp;Giấy tờ cần bổ sung, hoàn thiện và lý do. Nội dung này được in trên Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ giao cho người nộp: hãy ghi rõ để người dân biết cần mang đến những gì.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reason for refusing the dossier. This text is printed on the refusal slip the applicant takes home: state the specific reason.</source>
        <translation>&amp;Lý do từ chối tiếp nhận hồ sơ. Nội dung này được in trên Phiếu từ chối tiếp nhận giải quyết hồ sơ giao cho người nộp: hãy nêu rõ lý do cụ thể.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reason for stopping the processing. This text is printed on the stop notice sent to the applicant: state the specific reason.</source>
        <translation>&amp;Lý do dừng giải quyết hồ sơ. Nội dung này được in trên Thông báo dừng giải quyết gửi người nộp: hãy nêu rõ lý do cụ thể.</translation>
    </message>
</context>
<context>
    <name>DossierDetailDialog</name>
    <message>
        <location filename="../../counter_app/ui/dossiers/detail.py" line="+116"/>
        <source>Dossier {code}</source>
        <translation>Hồ sơ {code}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(no code yet)</source>
        <translation>(chưa có mã)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>History ({n})</source>
        <translation>Quá trình xử lý ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Papers ({n})</source>
        <translation>Thành phần hồ sơ ({n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fees ({n})</source>
        <translation>Phí, lệ phí ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Supplement rounds ({n})</source>
        <translation>Các lần bổ sung ({n})</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Show the citizen</source>
        <translation>Hiện cho người dân xem</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Notices ({n})</source>
        <translation>Thông báo ({n})</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>&amp;Correct intake…</source>
        <translation>Sử&amp;a thông tin tiếp nhận…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Dossier {code}: intake corrected; the corrected receipt is printing.</source>
        <translation>Hồ sơ {code}: đã sửa thông tin tiếp nhận; đang in giấy tiếp nhận đã sửa.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Dossier {code}: {move}; now “{status}”.</source>
        <translation>Hồ sơ {code}: {move}; trạng thái mới «{status}».</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Applicant</source>
        <translation>Chủ hồ sơ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>Loại đối tượng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation:</source>
        <translation>Tổ chức:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number:</source>
        <translation>Số định danh:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identity paper:</source>
        <translation>Loại giấy tờ:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Birth date:</source>
        <translation>Ngày sinh:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail:</source>
        <translation>Thư điện tử:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notices:</source>
        <translation>Thông báo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agreed</source>
        <translation>đồng ý nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not asked for</source>
        <translation>không nhận</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This counter</source>
        <translation>Bộ phận Một cửa này</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Procedure:</source>
        <translation>Thủ tục:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling agency:</source>
        <translation>Cơ quan giải quyết:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel:</source>
        <translation>Kênh nộp:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Return of result:</source>
        <translation>Hình thức trả kết quả:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place of return:</source>
        <translation>Nơi trả kết quả:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sets:</source>
        <translation>Số bộ hồ sơ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees in total:</source>
        <translation>Tổng phí, lệ phí:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dates</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received:</source>
        <translation>Ngày tiếp nhận:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by:</source>
        <translation>Cán bộ tiếp nhận:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due:</source>
        <translation>Ngày hẹn trả:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed:</source>
        <translation>Ngày xử lý xong:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeliness:</source>
        <translation>Tiến độ giải quyết:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result returned at:</source>
        <translation>Ngày trả kết quả:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected by:</source>
        <translation>Người nhận kết quả:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} (authorised, ID {number})</source>
        <translation>{name} (người được ủy quyền, số định danh {number})</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From status</source>
        <translation>Từ trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To status</source>
        <translation>Sang trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Nơi thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper</source>
        <translation>Tên giấy tờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Component code</source>
        <translation>Mã thành phần</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Fee</source>
        <translation>Tên phí, lệ phí</translation>
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
        <location line="+1"/>
        <source>Collection</source>
        <translation>Hình thức thu</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>waiting</source>
        <translation>đang chờ gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>being sent (check before sending again)</source>
        <translation>đang gửi (kiểm tra trước khi gửi lại)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>không gửi được</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notice</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Gửi đến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued</source>
        <translation>Lập lúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Gửi lúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Requested</source>
        <translation>Ngày yêu cầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due before</source>
        <translation>Hạn trả cũ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resubmitted</source>
        <translation>Ngày nộp bổ sung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New due</source>
        <translation>Hạn trả mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status before</source>
        <translation>Trạng thái trước đó</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location filename="../../counter_app/ui/models/dossier_table.py" line="+175"/>
        <source>Code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>Chủ hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Ngày hẹn trả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{text} — overdue</source>
        <translation>{text} — quá hạn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{text} — due today</source>
        <translation>{text} — đến hạn hôm nay</translation>
    </message>
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <location filename="../../counter_app/ui/dossiers/list_page.py" line="+71"/>
        <source>Code, name, ID number or phone</source>
        <translation>Mã hồ sơ, họ tên, số định danh hoặc số điện thoại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a dossier code, part of the applicant&apos;s name (with or without accents), an ID number or a phone number. Ctrl+F comes back here.</source>
        <translation>Gõ mã hồ sơ, một phần họ tên chủ hồ sơ (có dấu hoặc không dấu), số định danh hoặc số điện thoại. Nhấn Ctrl+F để quay lại ô tìm kiếm.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All statuses</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Overdue</source>
        <translation>&amp;Quá hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due &amp;today</source>
        <translation>Đến hạn &amp;hôm nay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received &amp;from</source>
        <translation>Tiếp nhận &amp;từ ngày</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All procedures</source>
        <translation>Tất cả thủ tục</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Procedure:</source>
        <translation>Thủ t&amp;ục:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Colours:</source>
        <translation>Chú thích màu:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter or double-click: details</source>
        <translation>Enter hoặc nhấp đúp: xem chi tiết</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dossiers found: {n}</source>
        <translation>Tìm thấy {n} hồ sơ</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../counter_app/ui/formatting.py" line="+40"/>
        <source>{weekday}, {date}</source>
        <translation>{weekday}, {date}</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../counter_app/ui/header.py" line="+47"/>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign out so that another officer can sign in (Ctrl+Shift+L)</source>
        <translation>Đăng xuất để cán bộ khác đăng nhập (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Desk {n}</source>
        <translation>Quầy số {n}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../counter_app/ui/labels.py" line="+19"/>
        <source>Front-desk officer</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Lãnh đạo bộ phận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Monday</source>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tuesday</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wednesday</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thursday</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friday</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturday</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sunday</source>
        <translation>Chủ nhật</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Citizen</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State agency</source>
        <translation>Cơ quan nhà nước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Walk-in</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public postal service</source>
        <translation>Bưu chính công ích</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>At the counter</source>
        <translation>Tại Bộ phận Một cửa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By post</source>
        <translation>Qua dịch vụ bưu chính</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certified copy</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Bản chụp</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Collected at intake</source>
        <translation>Thu khi tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected at return</source>
        <translation>Thu khi trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exempt</source>
        <translation>Miễn thu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>per dossier</source>
        <translation>mỗi hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per page</source>
        <translation>mỗi trang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per copy</source>
        <translation>mỗi bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per person</source>
        <translation>mỗi người</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Before the due date</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Level 1</source>
        <translation>Mức độ 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level 2</source>
        <translation>Mức độ 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level 3</source>
        <translation>Mức độ 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level 4</source>
        <translation>Mức độ 4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fully online</source>
        <translation>Toàn trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly online</source>
        <translation>Một phần</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Received at the counter</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online submission accepted</source>
        <translation>Tiếp nhận hồ sơ trực tuyến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferred for processing</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement received</source>
        <translation>Nhận hồ sơ bổ sung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment requested</source>
        <translation>Yêu cầu thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment recorded</source>
        <translation>Đã thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused at intake</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn by the applicant</source>
        <translation>Công dân rút hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing stopped</source>
        <translation>Dừng xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing completed</source>
        <translation>Hoàn thành xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result returned</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake corrected</source>
        <translation>Sửa thông tin tiếp nhận</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../counter_app/ui/login.py" line="+44"/>
        <location line="+29"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Sign in with your counter account.</source>
        <translation>Đăng nhập bằng tài khoản cán bộ của Bộ phận Một cửa.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Login:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Enter your login.</source>
        <translation>Hãy nhập tên đăng nhập.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter your password.</source>
        <translation>Hãy nhập mật khẩu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="+175"/>
        <source>{counter} — counter workstation</source>
        <translation>{counter} — Máy trạm tiếp nhận</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Papers not printed</source>
        <translation>Giấy tờ chưa in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some papers have not been printed yet. Close the window anyway?</source>
        <translation>Còn giấy tờ chưa in xong. Vẫn đóng cửa sổ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close and lose them</source>
        <translation>Đóng và bỏ các giấy chưa in</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the window</source>
        <translation>Đóng cửa sổ</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../counter_app/ui/dossiers/action.py" line="+50"/>
        <source>Status: {before} → {after}</source>
        <translation>Trạng thái: {before} → {after}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Ctrl+Enter confirms; Esc cancels.</source>
        <translation>Ctrl+Enter để xác nhận; Esc để hủy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter confirms; Esc cancels.</source>
        <translation>Enter để xác nhận; Esc để hủy.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Write the reason: the applicant will read it on paper.</source>
        <translation>Hãy ghi lý do: chủ hồ sơ sẽ đọc nội dung này trên phiếu giấy.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../counter_app/ui/navigation.py" line="+84"/>
        <source>Intake</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return of results</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online submissions</source>
        <translation>Hồ sơ trực tuyến</translation>
    </message>
</context>
<context>
    <name>Notify</name>
    <message>
        <location filename="../../counter_app/ui/notify.py" line="+44"/>
        <source>Stay</source>
        <translation>Ở lại</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>One-stop counter</source>
        <translation>Bộ phận Một cửa</translation>
    </message>
</context>
<context>
    <name>PaperOffer</name>
    <message>
        <location filename="../../counter_app/ui/signing/papers_offer.py" line="+320"/>
        <source>{n} paper(s) reused from the store</source>
        <translation>Đã dùng lại {n} giấy tờ từ kho</translation>
    </message>
</context>
<context>
    <name>PaperValidityDialog</name>
    <message>
        <location line="-268"/>
        <source>Validity of the paper</source>
        <translation>Hiệu lực của giấy tờ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Issued on</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires on</source>
        <translation>Ngày hết hạn</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PapersOnFileDialog</name>
    <message>
        <location line="+35"/>
        <source>Papers on file</source>
        <translation>Giấy tờ đã lưu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} paper(s) of this citizen are on file, digitised and signed:</source>
        <translation>Công dân này có {n} giấy tờ đã số hóa và ký số trong kho:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Validity…</source>
        <translation>Hiệu lực…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the selected paper&apos;s issue date and expiry</source>
        <translation>Đặt ngày cấp và ngày hết hạn của giấy tờ đang chọn</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{kind} — signed by {signer}, {at}</source>
        <translation>{kind} — ký bởi {signer}, {at}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — issued {issued}, valid until {expires}</source>
        <translation> — cấp ngày {issued}, có hiệu lực đến {expires}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (expired on {date})</source>
        <translation> (hết hiệu lực ngày {date})</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Validity saved.</source>
        <translation>Đã lưu hiệu lực.</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Fill empty contact details from the last dossier</source>
        <translation>Điền thông tin liên hệ còn trống theo hồ sơ gần nhất</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The citizen agrees to reuse the ticked papers</source>
        <translation>Công dân đồng ý dùng lại các giấy tờ đã chọn</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use</source>
        <translation>Dùng lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not now</source>
        <translation>Để sau</translation>
    </message>
</context>
<context>
    <name>ProcedurePanel</name>
    <message>
        <location filename="../../counter_app/ui/catalog/page.py" line="-170"/>
        <source>Code:</source>
        <translation>Mã thủ tục:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field:</source>
        <translation>Lĩnh vực:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling agency:</source>
        <translation>Cơ quan giải quyết:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online service:</source>
        <translation>Mức độ dịch vụ công:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing time:</source>
        <translation>Thời hạn giải quyết:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result:</source>
        <translation>Kết quả:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paper</source>
        <translation>Tên giấy tờ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fee</source>
        <translation>Tên phí, lệ phí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Mức thu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Collection</source>
        <translation>Hình thức thu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a procedure in the list to see its details.</source>
        <translation>Chọn một thủ tục trong danh sách để xem chi tiết.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Papers to hand in:</source>
        <translation>Thành phần hồ sơ:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fees and charges:</source>
        <translation>Phí, lệ phí:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{paper} (optional)</source>
        <translation>{paper} (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{amount} {basis}</source>
        <translation>{amount} {basis}</translation>
    </message>
</context>
<context>
    <name>SignedCopiesTab</name>
    <message>
        <location filename="../../counter_app/ui/signing/signed_copies.py" line="+75"/>
        <source>Sign the copies…</source>
        <translation>Ký số các bản điện tử…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Digital signature</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The signing token&apos;s PIN:</source>
        <translation>Mã PIN của thiết bị ký số:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signing…</source>
        <translation>Đang ký số…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n} copies signed.</source>
        <translation>Đã ký số {n} bản.</translation>
    </message>
</context>
<context>
    <name>SignedCopiesTable</name>
    <message>
        <location line="-75"/>
        <source>Copy</source>
        <translation>Bản chụp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paper</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed at</source>
        <translation>Thời điểm ký</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Digitised dossier</source>
        <translation>Hồ sơ điện tử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper of the dossier</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>Phiếu tiếp nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reused from the paper store</source>
        <translation>Dùng lại từ kho giấy tờ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signed copies ({n})</source>
        <translation>Bản ký số ({n})</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../counter_app/ui/app.py" line="+53"/>
        <source>This computer has no counter data yet. To set it up with the demo catalog and accounts, run in a terminal:

    counter-app init --demo</source>
        <translation>Máy tính này chưa có dữ liệu của Bộ phận Một cửa. Để khởi tạo kèm danh mục và tài khoản mẫu, hãy chạy lệnh sau trong cửa sổ dòng lệnh:

    counter-app init --demo</translation>
    </message>
</context>
</TS>
