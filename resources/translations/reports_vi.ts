<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>DailyReviewTab</name>
    <message>
        <location filename="../../counter_app/ui/reports/daily.py" line="+82"/>
        <source>&amp;Day:</source>
        <translation>N&amp;gày:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous day (Alt+Left)</source>
        <translation>Ngày trước (Alt+Mũi tên trái)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next day (Alt+Right)</source>
        <translation>Ngày sau (Alt+Mũi tên phải)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Today</source>
        <translation>Hôm na&amp;y</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Whole counter</source>
        <translation>Cả bộ phận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Officer:</source>
        <translation>&amp;Cán bộ:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Computing the figures…</source>
        <translation>Đang tính số liệu…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report:</source>
        <translation>Báo cáo:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tracking book:</source>
        <translation>Sổ theo dõi:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Sign off the day…</source>
        <translation>&amp;Ký xác nhận ngày…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reopen the day…</source>
        <translation>&amp;Mở lại ngày…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results handed back</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees collected</source>
        <translation>Phí, lệ phí đã thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on the day</source>
        <translation>Đến hạn trong ngày</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Intake per hour</source>
        <translation>Tiếp nhận theo giờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake per officer</source>
        <translation>Tiếp nhận theo cán bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake over 30 days</source>
        <translation>Tiếp nhận trong 30 ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed on the day, against the due day</source>
        <translation>Giải quyết xong trong ngày, so với ngày hẹn trả</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Channel</source>
        <translation>Kênh tiếp nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Dossiers</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Share</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handling agency</source>
        <translation>Cơ quan giải quyết</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collection</source>
        <translation>Hình thức thu</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid by</source>
        <translation>Hình thức nộp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payments</source>
        <translation>Số lần nộp</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breakdown</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossiers of the day</source>
        <translation>Hồ sơ trong ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+121"/>
        <source>Deadlines</source>
        <translation>Hạn giải quyết</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the day</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No dossier received on this day</source>
        <translation>Không có hồ sơ tiếp nhận trong ngày</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No dossier in these 30 days</source>
        <translation>Không có hồ sơ trong 30 ngày này</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No dossier completed on this day</source>
        <translation>Không có hồ sơ giải quyết xong trong ngày</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deadlines ({overdue} overdue)</source>
        <translation>Hạn giải quyết ({overdue} quá hạn)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{online} online, {postal} by post</source>
        <translation>{online} trực tuyến, {postal} bưu chính</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>on-time rate {rate}</source>
        <translation>tỷ lệ đúng hạn {rate}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>in cash: {cash}</source>
        <translation>tiền mặt: {cash}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>next working day: {n}</source>
        <translation>ngày làm việc tiếp theo: {n}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Total collected</source>
        <translation>Tổng đã thu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Total paid</source>
        <translation>Tổng đã nộp</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The day {day} is not signed off yet.</source>
        <translation>Ngày {day} chưa được ký xác nhận.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed off by {who} at {when}: cash counted {cash}, {difference}.</source>
        <translation>{who} đã ký xác nhận lúc {when}: tiền mặt kiểm đếm {cash}, {difference}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Note: {note}</source>
        <translation>Ghi chú: {note}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed before closing time: {reason}</source>
        <translation>Ký trước giờ đóng cửa, lý do: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reopened by {who} at {when} (reason: {reason}); the day must be signed off again.</source>
        <translation>{who} đã mở lại ngày lúc {when} (lý do: {reason}); ngày cần được ký xác nhận lại.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>daily-review-{day}</source>
        <translation>so-lieu-ngay-{day}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>tracking-book-{day}</source>
        <translation>so-theo-doi-{day}</translation>
    </message>
</context>
<context>
    <name>DayDossiers</name>
    <message>
        <location filename="../../counter_app/ui/reports/day_list.py" line="+106"/>
        <source>All statuses</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+64"/>
        <source>All procedures</source>
        <translation>Tất cả thủ tục</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>All channels</source>
        <translation>Tất cả các kênh</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Status:</source>
        <translation>&amp;Trạng thái:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Procedure:</source>
        <translation>T&amp;hủ tục:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hannel:</source>
        <translation>Kê&amp;nh:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Enter or double-click: details</source>
        <translation>Enter hoặc nhấp đúp: xem chi tiết</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dossiers: {n}</source>
        <translation>Số hồ sơ: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dossiers: {n}, of which {refused} refused or not yet accepted</source>
        <translation>Số hồ sơ: {n}, trong đó {refused} bị từ chối hoặc chưa được tiếp nhận</translation>
    </message>
</context>
<context>
    <name>DeadlineLists</name>
    <message>
        <location filename="../../counter_app/ui/reports/deadlines.py" line="+192"/>
        <source>Overdue: {n}</source>
        <translation>Quá hạn: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on the day: {n}</source>
        <translation>Đến hạn trong ngày: {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due on the next working day: {n}</source>
        <translation>Đến hạn vào ngày làm việc tiếp theo: {n}</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <location line="-145"/>
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
        <source>Due</source>
        <translation>Ngày hẹn trả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <location filename="../../counter_app/ui/reports/exports.py" line="+59"/>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Writing {name}…</source>
        <translation>Đang ghi {name}…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file could not be written: {reason}</source>
        <translation>Không ghi được tệp: {reason}</translation>
    </message>
</context>
<context>
    <name>PeriodTab</name>
    <message>
        <location filename="../../counter_app/ui/reports/province.py" line="+258"/>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This quarter</source>
        <translation>Quý này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Computing the figures…</source>
        <translation>Đang tính số liệu…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Citizens&apos; ratings</source>
        <translation>Đánh giá của người dân</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>period-report-{start}-{end}</source>
        <translation>bao-cao-ky-{start}-{end}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tracking-book-{start}-{end}</source>
        <translation>so-theo-doi-{start}-{end}</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>By agency</source>
        <translation>Theo cơ quan</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Report:</source>
        <translation>Báo cáo:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tracking book:</source>
        <translation>Sổ theo dõi:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>By procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resolved</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In progress</source>
        <translation>Đang giải quyết</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>From {start} to {end}: {received} received ({carried} carried over), {resolved} resolved, {on_time} on time or early, {online} received online.</source>
        <translation>Từ {start} đến {end}: nhận giải quyết {received} hồ sơ ({carried} từ kỳ trước chuyển qua), đã giải quyết {resolved}, đúng hạn hoặc trước hạn {on_time}, tiếp nhận trực tuyến {online}.</translation>
    </message>
</context>
<context>
    <name>PeriodTableModel</name>
    <message>
        <location line="-261"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New</source>
        <translation>Mới
tiếp nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Early</source>
        <translation>Trước
hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time</source>
        <translation>Đúng
hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late</source>
        <translation>Quá
hạn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue</source>
        <translation>Quá
hạn</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Carried
over</source>
        <translation>Kỳ trước
chuyển qua</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>Total</source>
        <comment>column</comment>
        <translation>Tổng
số</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>of which
online</source>
        <translation>Trong đó
trực tuyến</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not yet
due</source>
        <translation>Trong
hạn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On-time
rate</source>
        <translation>Tỷ lệ
đúng hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online
share</source>
        <translation>Tỷ lệ
trực tuyến</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received before the period and not resolved when it began</source>
        <translation>Tiếp nhận trước kỳ, chưa giải quyết xong khi kỳ bắt đầu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received during the period</source>
        <translation>Tiếp nhận trong kỳ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of all received, submitted online</source>
        <translation>Số nộp trực tuyến trong tổng số nhận giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved before the due day</source>
        <translation>Giải quyết xong trước ngày hẹn trả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved on the due day</source>
        <translation>Giải quyết xong đúng ngày hẹn trả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved after the due day</source>
        <translation>Giải quyết xong sau ngày hẹn trả</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not resolved at the end of the period, still on time</source>
        <translation>Chưa giải quyết xong khi hết kỳ, còn trong hạn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not resolved at the end of the period and past due</source>
        <translation>Chưa giải quyết xong khi hết kỳ và đã quá hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved early or on time, of all resolved</source>
        <translation>Số giải quyết trước hạn và đúng hạn trên tổng số đã giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted online, of all received</source>
        <translation>Số nộp trực tuyến trên tổng số nhận giải quyết</translation>
    </message>
</context>
<context>
    <name>RatingsTable</name>
    <message>
        <location filename="../../counter_app/ui/reports/ratings.py" line="+23"/>
        <source>By</source>
        <translation>Theo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Officer or procedure</source>
        <translation>Cán bộ hoặc thủ tục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share satisfied or better</source>
        <translation>Tỷ lệ hài lòng trở lên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share dissatisfied</source>
        <translation>Tỷ lệ không hài lòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratings</source>
        <translation>Số lượt đánh giá</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../counter_app/ui/reports/sign_off.py" line="+351"/>
        <source>Reopen the day {day}</source>
        <translation>Mở lại ngày {day}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The day&apos;s dossiers can be changed again, and the day must be signed off again afterwards. The reopening is recorded in the audit log with its reason.</source>
        <translation>Hồ sơ của ngày sẽ sửa được trở lại, và sau đó ngày cần được ký xác nhận lại. Việc mở lại được ghi vào nhật ký kiểm tra cùng lý do.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Lý do (bắt buộc):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Reopen the day</source>
        <translation>&amp;Mở lại ngày</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Say why the day is reopened.</source>
        <translation>Hãy ghi lý do mở lại ngày.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../counter_app/ui/reports/page.py" line="+31"/>
        <source>Daily review</source>
        <translation>Số liệu trong ngày</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Province figures</source>
        <translation>Số liệu báo cáo tỉnh</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location filename="../../counter_app/ui/reports/sign_off.py" line="-214"/>
        <source>Sign off the day {day}</source>
        <translation>Ký xác nhận ngày {day}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Check the day&apos;s figures, count the cash and sign. Once signed, the day&apos;s dossiers can no longer be changed unless a supervisor reopens the day.</source>
        <translation>Kiểm tra số liệu trong ngày, kiểm đếm tiền mặt rồi ký. Sau khi ký, hồ sơ của ngày không sửa được nữa, trừ khi lãnh đạo bộ phận mở lại ngày.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>in đồng, e.g. 1.250.000</source>
        <translation>tính bằng đồng, ví dụ 1.250.000</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Do not sign yet</source>
        <translation>Chưa ký</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>the cash matches the fees recorded</source>
        <translation>tiền mặt khớp với số đã ghi nhận</translation>
    </message>
    <message>
        <location line="+123"/>
        <location line="+97"/>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>&amp;Cash counted:</source>
        <translation>&amp;Tiền mặt kiểm đếm:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fees recorded in cash:</source>
        <translation>Phí, lệ phí thu tiền mặt đã ghi nhận:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Difference:</source>
        <translation>Chênh lệch:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Why sign off early (required):</source>
        <translation>&amp;Lý do ký sớm (bắt buộc):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Sign off the day</source>
        <translation>&amp;Ký xác nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading…</source>
        <translation>Đang đọc…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>none, the cash matches</source>
        <translation>không có, tiền mặt khớp</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>{amount} more than recorded</source>
        <translation>thừa {amount} so với số đã ghi nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{amount} less than recorded</source>
        <translation>thiếu {amount} so với số đã ghi nhận</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>&amp;Note (required):</source>
        <translation>&amp;Ghi chú (bắt buộc):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The counter is open until {closing}. Once the day is signed off, every intake and every move of a dossier today is refused until a supervisor reopens the day.</source>
        <translation>Bộ phận làm việc đến {closing}. Sau khi ký xác nhận, mọi tiếp nhận và thao tác hồ sơ trong ngày hôm nay đều bị từ chối cho đến khi lãnh đạo mở lại ngày.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The day is not over. Once it is signed off, every intake and every move of a dossier today is refused until a supervisor reopens the day.</source>
        <translation>Ngày hôm nay chưa kết thúc. Sau khi ký xác nhận, mọi tiếp nhận và thao tác hồ sơ trong ngày hôm nay đều bị từ chối cho đến khi lãnh đạo mở lại ngày.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the cash counted.</source>
        <translation>Hãy nhập số tiền mặt đã kiểm đếm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The cash differs from the fees recorded: say why in the note.</source>
        <translation>Tiền mặt lệch so với số phí đã ghi nhận: hãy ghi lý do vào ghi chú.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The counter is still open: say why the day is signed off now.</source>
        <translation>Bộ phận vẫn đang làm việc: ghi rõ lý do ký xác nhận ngày ngay bây giờ.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign off the day now?</source>
        <translation>Ký xác nhận ngày ngay bây giờ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign off and &amp;lock the day</source>
        <translation>Ký và &amp;khóa số liệu ngày</translation>
    </message>
</context>
</TS>
