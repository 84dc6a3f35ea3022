<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../counter_app/ui/sync/conflicts.py" line="+80"/>
        <source>Sync conflicts</source>
        <translation>Xung đột đồng bộ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes the central system could not take</source>
        <translation>Thay đổi hệ thống trung tâm không nhận được</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The dossier had already moved on in the central system. Its central state was kept and is what this counter shows now; what was done here is kept beside it, never overwritten. Keep central&apos;s version, or make this counter&apos;s moves again on it where the dossier&apos;s state still allows them.</source>
        <translation>Hồ sơ đã được xử lý tiếp trên hệ thống trung tâm. Trạng thái ở trung tâm được giữ và là trạng thái quầy đang hiển thị; thao tác đã làm tại quầy được lưu bên cạnh, không bị ghi đè. Hãy giữ bản của trung tâm, hoặc làm lại các thao tác của quầy trên bản đó nếu trạng thái hồ sơ còn cho phép.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show &amp;resolved conflicts too</source>
        <translation>Hiện cả các xung đột đã xử &amp;lý</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded</source>
        <translation>Thời điểm ghi nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>At this counter</source>
        <translation>Tại quầy này</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+20"/>
        <source>In the central system</source>
        <translation>Trên hệ thống trung tâm</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Người làm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done at this counter, not taken by the central system</source>
        <translation>Đã làm tại quầy, trung tâm chưa nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Value</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Values that differ</source>
        <translation>Thông tin khác nhau</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Keep central&apos;s version</source>
        <translation>&amp;Giữ bản của trung tâm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Redo this counter&apos;s moves</source>
        <translation>&amp;Làm lại thao tác của quầy</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Open</source>
        <translation>Chưa giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Central&apos;s version kept</source>
        <translation>Đã giữ bản của trung tâm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moves redone</source>
        <translation>Đã làm lại thao tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as seen</source>
        <translation>Đã đánh dấu đã xem</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Now at this counter: {status} · version sent {sent}, central&apos;s {central}</source>
        <translation>Hiện tại ở quầy: {status} · phiên bản đã gửi {sent}, của trung tâm {central}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{decision} on {when} by {who}</source>
        <translation>{decision} lúc {when}, người thực hiện: {who}</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+5"/>
        <source>Keep central&apos;s version</source>
        <translation>Giữ bản của trung tâm</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Keep the central system&apos;s version of {code}? The moves made here are dropped; the decision is recorded in the audit log.</source>
        <translation>Giữ bản của hệ thống trung tâm cho hồ sơ {code}? Các thao tác đã làm tại quầy sẽ bị bỏ; quyết định được ghi vào nhật ký kiểm tra.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Redo this counter&apos;s moves</source>
        <translation>Làm lại thao tác của quầy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make these moves again on {code} as it stands now ({status})? They are checked like any move and sent to the central system.</source>
        <translation>Làm lại các thao tác này trên hồ sơ {code} ở trạng thái hiện tại ({status})? Thao tác được kiểm tra như mọi thao tác khác và gửi lên hệ thống trung tâm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Redo the moves</source>
        <translation>Làm lại thao tác</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Central&apos;s version kept; the decision is recorded.</source>
        <translation>Đã giữ bản của trung tâm; quyết định đã được ghi lại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moves redone: the dossier is now “{status}”.</source>
        <translation>Đã làm lại thao tác: hồ sơ hiện ở trạng thái «{status}».</translation>
    </message>
    <message>
        <location line="-278"/>
        <source>No open conflict.</source>
        <translation>Không có xung đột nào cần xử lý.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Open the dossier</source>
        <translation>&amp;Mở hồ sơ</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Why: {reason}</source>
        <translation>Lý do: {reason}</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../counter_app/ui/sync/decision.py" line="+37"/>
        <source>Online submission of {name}: {procedure}</source>
        <translation>Hồ sơ trực tuyến của {name}: {procedure}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The dossier gets its code and its due time now, counted from this moment as for a walk-in; the decision goes up to the central system.</source>
        <translation>Hồ sơ được cấp mã và ngày hẹn trả ngay bây giờ, tính từ thời điểm này như hồ sơ nộp trực tiếp; quyết định được gửi lên hệ thống trung tâm.</translation>
    </message>
</context>
<context>
    <name>OnlineSubmissionsPage</name>
    <message>
        <location filename="../../counter_app/ui/sync/submissions.py" line="+237"/>
        <source>Online submissions</source>
        <translation>Hồ sơ trực tuyến</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the queue again (F5)</source>
        <translation>Đọc lại danh sách chờ (F5)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>S&amp;ync now</source>
        <translation>Đồng bộ n&amp;gay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetch new submissions from the central system</source>
        <translation>Lấy hồ sơ mới nộp từ hệ thống trung tâm</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dossiers citizens submitted through the public service portal. Check each one against the procedure, then accept it (it gets its code and due time as a walk-in would), ask for a supplement or refuse it with a reason.</source>
        <translation>Hồ sơ công dân nộp qua Cổng dịch vụ công. Kiểm tra từng hồ sơ theo thủ tục, rồi tiếp nhận (hồ sơ được cấp mã và ngày hẹn trả như hồ sơ nộp trực tiếp), yêu cầu bổ sung hoặc từ chối kèm lý do.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Submitted</source>
        <translation>Thời điểm nộp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>Chủ hồ sơ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Reading…</source>
        <translation>Đang đọc…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Waiting: {n}</source>
        <translation>Đang chờ: {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This counter runs standalone, not connected to the central server: online submissions cannot reach it.</source>
        <translation>Quầy đang chạy độc lập, chưa kết nối máy chủ trung tâm: hồ sơ trực tuyến không thể chuyển đến quầy.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No online submission is waiting.</source>
        <translation>Không có hồ sơ trực tuyến nào đang chờ.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Accepted {name}: code {code}, due {due}.</source>
        <translation>Đã tiếp nhận hồ sơ của {name}: mã {code}, hẹn trả {due}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refused the online submission of {name}.</source>
        <translation>Đã từ chối hồ sơ trực tuyến của {name}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asked {name} for a supplement.</source>
        <translation>Đã yêu cầu {name} bổ sung hồ sơ.</translation>
    </message>
</context>
<context>
    <name>SubmissionView</name>
    <message>
        <location line="-406"/>
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
        <source>ID number:</source>
        <translation>Số định danh:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth:</source>
        <translation>Ngày sinh:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email:</source>
        <translation>Thư điện tử:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request</source>
        <translation>Yêu cầu</translation>
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
        <source>Submitted online:</source>
        <translation>Nộp trực tuyến lúc:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sets:</source>
        <translation>Số bộ hồ sơ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result returned:</source>
        <translation>Hình thức trả kết quả:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paper</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Form</source>
        <translation>Loại bản</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Collected</source>
        <translation>Hình thức thu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No paper listed with the submission.</source>
        <translation>Hồ sơ nộp không kê khai giấy tờ nào.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No fee.</source>
        <translation>Không có phí, lệ phí.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Papers submitted</source>
        <translation>Thành phần hồ sơ đã nộp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fees and charges</source>
        <translation>Phí, lệ phí</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../counter_app/ui/sync/controller.py" line="+275"/>
        <source>Few dossier codes are left for offline intake ({n}): synchronise while the line is up.</source>
        <translation>Sắp hết mã hồ sơ để tiếp nhận khi mất mạng (còn {n}): hãy đồng bộ khi có mạng.</translation>
    </message>
</context>
<context>
    <name>SyncDescribe</name>
    <message>
        <location filename="../../counter_app/ui/sync/describe.py" line="+77"/>
        <source>Reading the sync state…</source>
        <translation>Đang đọc tình trạng đồng bộ…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Standalone — not connected to the central server</source>
        <translation>Chạy độc lập — chưa kết nối máy chủ trung tâm</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This counter runs on its own: dossiers get their codes here and nothing is sent to the central system. An administrator connects it with: counter-app sync --central URL</source>
        <translation>Quầy đang chạy độc lập: mã hồ sơ được cấp tại quầy và không có gì được gửi lên hệ thống trung tâm. Quản trị viên kết nối quầy bằng lệnh: counter-app sync --central URL</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not synchronised yet</source>
        <translation>Chưa đồng bộ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synchronising…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting to send: {n}</source>
        <translation>Chờ gửi: {n}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scans not sent: {n}</source>
        <translation>Bản quét chưa gửi được: {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Never synchronised</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last sync: {when}</source>
        <translation>Đồng bộ lần cuối: {when}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counter number: {n}</source>
        <translation>Số hiệu quầy: {n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Codes left today without the central server:</source>
        <translation>Số mã còn cấp được hôm nay khi không kết nối máy chủ trung tâm:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Synchronise while the line is up: the first round registers the counter.</source>
        <translation>Hãy đồng bộ khi có mạng: lần đồng bộ đầu tiên sẽ đăng ký quầy.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Synchronise while the line is up to get more codes before they run out.</source>
        <translation>Hãy đồng bộ khi có mạng để nhận thêm mã trước khi hết.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dossier changes waiting: {changes}; dossiers with scans: {scans}</source>
        <translation>Thay đổi hồ sơ đang chờ: {changes}; hồ sơ có bản quét chờ gửi: {scans}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Conflicts for the supervisor: {n}</source>
        <translation>Xung đột chờ lãnh đạo xử lý: {n}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not registered: no dossier codes yet</source>
        <translation>Chưa đăng ký: chưa cấp được mã hồ sơ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No codes left offline</source>
        <translation>Hết mã để cấp khi mất mạng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes left: {n}</source>
        <translation>Còn {n} mã</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The last attempt ({when}) failed: {reason}</source>
        <translation>Lần đồng bộ gần nhất ({when}) không thành công: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected to the central server; dossiers go up as soon as they are saved.</source>
        <translation>Đã kết nối máy chủ trung tâm; hồ sơ được gửi lên ngay khi lưu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first synchronisation has not ended yet.</source>
        <translation>Lần đồng bộ đầu tiên chưa xong.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The central server could not be reached</source>
        <translation>Không kết nối được máy chủ trung tâm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The central server refused the login</source>
        <translation>Máy chủ trung tâm từ chối đăng nhập</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The central server has no such database</source>
        <translation>Máy chủ trung tâm không có cơ sở dữ liệu này</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The central server refused the operation</source>
        <translation>Máy chủ trung tâm không cho phép thao tác</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>“{action}” was recorded here while the dossier was “{status}” centrally; that decision belongs to the processing department.</source>
        <translation>«{action}» được ghi tại quầy khi hồ sơ đang ở trạng thái «{status}» trên hệ thống trung tâm; quyết định này thuộc cơ quan giải quyết.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{action}” cannot follow “{status}”, the state the central system holds.</source>
        <translation>«{action}» không thể thực hiện sau «{status}», trạng thái trên hệ thống trung tâm.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Central already holds a newer version of this dossier.</source>
        <translation>Hệ thống trung tâm đã có phiên bản mới hơn của hồ sơ này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The state recorded here does not follow from the central system&apos;s state.</source>
        <translation>Trạng thái ghi tại quầy không nối tiếp được trạng thái trên hệ thống trung tâm.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The dossier was received a second time.</source>
        <translation>Hồ sơ bị tiếp nhận lần thứ hai.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The dossier has no receipt in its history.</source>
        <translation>Lịch sử hồ sơ không có bước tiếp nhận.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant type</source>
        <translation>Loại đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>Người nộp</translation>
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
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sets</source>
        <translation>Số bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kênh tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result returned by</source>
        <translation>Hình thức trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
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
        <source>Completed</source>
        <translation>Ngày hoàn thành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Ngày trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Collected by</source>
        <translation>Người nhận kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collector&apos;s ID</source>
        <translation>Số giấy tờ người nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorised person</source>
        <translation>Người được ủy quyền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeliness</source>
        <translation>Đúng hạn / trễ hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../counter_app/ui/sync/indicator.py" line="+86"/>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send what waits and fetch what changed, now</source>
        <translation>Gửi ngay những gì đang chờ và lấy về những thay đổi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync log: the latest rounds and the state</source>
        <translation>Nhật ký đồng bộ: các lần đồng bộ gần nhất và tình trạng</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Changes the central system could not take</source>
        <translation>Thay đổi hệ thống trung tâm không nhận được</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Submitted online: {n}</source>
        <translation>Nộp trực tuyến: {n}</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Conflicts: {n}</source>
        <translation>Xung đột: {n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} online submission(s) wait for the counter</source>
        <translation>{n} hồ sơ trực tuyến đang chờ quầy tiếp nhận</translation>
    </message>
</context>
<context>
    <name>SyncLogDialog</name>
    <message>
        <location filename="../../counter_app/ui/sync/log_dialog.py" line="+47"/>
        <source>Sync log</source>
        <translation>Nhật ký đồng bộ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synchronisation with the central system</source>
        <translation>Đồng bộ với hệ thống trung tâm</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Central server:</source>
        <translation>Máy chủ trung tâm:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter number:</source>
        <translation>Số hiệu quầy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State:</source>
        <translation>Tình trạng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to send:</source>
        <translation>Chờ gửi:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scans not sent:</source>
        <translation>Bản quét chưa gửi được:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last successful sync:</source>
        <translation>Đồng bộ thành công lần cuối:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last attempt:</source>
        <translation>Lần thử gần nhất:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes left today offline:</source>
        <translation>Số mã còn lại hôm nay khi mất mạng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open conflicts:</source>
        <translation>Xung đột chưa xử lý:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No synchronisation yet.</source>
        <translation>Chưa đồng bộ lần nào.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>S&amp;ync now</source>
        <translation>Đồng bộ n&amp;gay</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Không thành công</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>({n} scans held back in all)</source>
        <translation>(tổng cộng {n} bản quét chưa gửi được)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None — the counter runs standalone</source>
        <translation>Chưa có — quầy đang chạy độc lập</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{changes} dossier change(s), {scans} dossier(s) with scans</source>
        <translation>{changes} thay đổi hồ sơ, {scans} hồ sơ có bản quét</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not limited (standalone)</source>
        <translation>Không giới hạn (chạy độc lập)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None: the counter is not registered with the central server yet</source>
        <translation>Chưa có: quầy chưa đăng ký với máy chủ trung tâm</translation>
    </message>
</context>
</TS>
