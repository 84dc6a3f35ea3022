<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ApologyDialog</name>
    <message>
        <location filename="../../counter_app/ui/printing/actions.py" line="+260"/>
        <source>Dossier {code}: the result was due {due}.</source>
        <translation>Hồ sơ {code}: hạn trả kết quả là {due}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Both are printed on the apology the applicant receives.</source>
        <translation>Cả hai được in trên văn bản xin lỗi gửi người nộp hồ sơ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New due time:</source>
        <translation>&amp;Thời điểm hẹn trả mới:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Why it is late:</source>
        <translation>&amp;Lý do chậm:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre&amp;view</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PaperPrinter</name>
    <message>
        <location line="-193"/>
        <source>Save as PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The printer “{lost}” chosen for the {paper} is not installed any more: printing on “{printer}”.</source>
        <translation>Máy in «{lost}» đã chọn cho {paper} không còn được cài đặt: in trên máy «{printer}».</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Saved as PDF: {path}</source>
        <translation>Đã lưu PDF: {path}</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../counter_app/ui/printing/preview.py" line="+63"/>
        <source>Preview: {paper}</source>
        <translation>Xem trước: {paper}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>1 page, {size}</source>
        <translation>1 trang, {size}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} pages, {size}</source>
        <translation>{n} trang, {size}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This paper was printed before: this copy is marked “BẢN IN LẠI” (reprint) and the print is recorded in the audit log.</source>
        <translation>Giấy tờ này đã được in trước đây: bản này mang dấu «BẢN IN LẠI» và lần in được ghi vào nhật ký kiểm tra.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>P&amp;rinter:</source>
        <translation>&amp;Máy in:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No printer is installed on this computer: the paper waits in the print queue until one is.</source>
        <translation>Máy tính này chưa cài máy in nào: giấy tờ sẽ chờ trong hàng đợi in cho đến khi có máy in.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this paper as a PDF file (Ctrl+S)</source>
        <translation>Lưu giấy này thành tệp PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <location filename="../../counter_app/ui/printing/panel.py" line="+248"/>
        <source>Nothing waits to be printed.</source>
        <translation>Không có giấy tờ nào chờ in.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} to print</source>
        <translation>{n} đang chờ in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} failed: select one and retry it</source>
        <translation>{n} in không được: chọn lệnh in rồi bấm In lại</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/printing/queue.py" line="+216"/>
        <location line="+70"/>
        <source>Cancelled: {paper}.</source>
        <translation>Đã hủy lệnh in: {paper}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unexpected error while printing: {error}</source>
        <translation>Lỗi ngoài dự kiến khi in: {error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reprinted: {paper} on {printer}.</source>
        <translation>Đã in lại: {paper}, trên máy «{printer}».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed: {paper} on {printer}.</source>
        <translation>Đã in: {paper}, trên máy «{printer}».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The printer says: “{status}”.</source>
        <translation>Máy in báo: «{status}».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The print could not be recorded: {reason}</source>
        <translation>Không ghi được lần in vào nhật ký: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not printed: {paper}. {reason} The job stays in the print queue.</source>
        <translation>Chưa in được: {paper}. {reason} Lệnh in vẫn nằm trong hàng đợi in.</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <location filename="../../counter_app/ui/printing/panel.py" line="+12"/>
        <source>Print queue</source>
        <translation>Hàng đợi in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>PrintQueueIndicator</name>
    <message>
        <location line="+27"/>
        <source>Printing: {n} failed</source>
        <translation>In: {n} lệnh lỗi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing: {n} waiting</source>
        <translation>In: {n} lệnh đang chờ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print queue</source>
        <translation>Hàng đợi in</translation>
    </message>
</context>
<context>
    <name>PrintQueueModel</name>
    <message>
        <location line="-257"/>
        <source>Sent</source>
        <translation>Gửi lúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{paper} (reprint)</source>
        <translation>{paper} (in lại)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{state} (try {n})</source>
        <translation>{state} (lần {n})</translation>
    </message>
</context>
<context>
    <name>PrintQueuePanel</name>
    <message>
        <location line="+63"/>
        <source>Retry &amp;on:</source>
        <translation>In lại &amp;trên:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retry</source>
        <translation>In &amp;lại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel the job</source>
        <translation>&amp;Hủy lệnh in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear &amp;finished</source>
        <translation>&amp;Xóa lệnh đã xong</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>its own printer (or the default)</source>
        <translation>máy in của lệnh (hoặc máy mặc định)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../counter_app/ui/printing/texts.py" line="+15"/>
        <source>Receipt and appointment</source>
        <translation>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder label</source>
        <translation>Nhãn hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement request</source>
        <translation>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refusal slip</source>
        <translation>Phiếu từ chối tiếp nhận giải quyết hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Control sheet</source>
        <translation>Phiếu kiểm soát quá trình giải quyết hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and new date</source>
        <translation>Văn bản xin lỗi và hẹn lại ngày trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop notice</source>
        <translation>Thông báo dừng giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment request</source>
        <translation>Phiếu đề nghị nộp phí, lệ phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking book</source>
        <translation>Sổ theo dõi hồ sơ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing</source>
        <translation>Đang in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>Đã in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No printer is installed on this computer. Install or connect one, then retry the job in the print queue.</source>
        <translation>Máy tính này chưa cài máy in nào. Hãy cài đặt hoặc kết nối máy in, rồi in lại lệnh trong hàng đợi in.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The printer “{printer}” is not installed on this computer (any more). Retry the job on another printer.</source>
        <translation>Máy in «{printer}» không (còn) được cài đặt trên máy tính này. Hãy in lại lệnh trên máy in khác.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The printer “{printer}” reports a fault (offline, out of paper, jammed?). Check it, then retry the job.</source>
        <translation>Máy in «{printer}» báo lỗi (mất kết nối, hết giấy, kẹt giấy?). Hãy kiểm tra máy in rồi in lại lệnh.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The printer “{printer}” did not accept the job.</source>
        <translation>Máy in «{printer}» không nhận lệnh in.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The printer “{printer}” stopped in the middle of the job.</source>
        <translation>Máy in «{printer}» dừng giữa chừng khi đang in.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The paper could not be prepared for printing ({detail}).</source>
        <translation>Không chuẩn bị được giấy tờ để in ({detail}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The system says: “{detail}”.</source>
        <translation>Hệ thống báo: «{detail}».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print pap&amp;ers…</source>
        <translation>&amp;In giấy tờ…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print the receipt again (Ctrl+P)</source>
        <translation>In lại giấy tiếp nhận (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the receipt of {code} once more; it is marked as a reprint.</source>
        <translation>In thêm một lần giấy tiếp nhận của hồ sơ {code}; bản in mang dấu «BẢN IN LẠI».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save a dossier first: this prints its receipt again.</source>
        <translation>Hãy lưu hồ sơ trước: nút này in lại giấy tiếp nhận của hồ sơ vừa lưu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pre&amp;view and choose the printer</source>
        <translation>&amp;Xem trước và chọn máy in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print a paper of this dossier: only the papers its status allows are listed.</source>
        <translation>In giấy tờ của hồ sơ này: chỉ liệt kê các giấy tờ mà trạng thái hiện tại của hồ sơ cho phép.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No paper can be printed in this status</source>
        <translation>Không có giấy tờ nào in được ở trạng thái này</translation>
    </message>
</context>
<context>
    <name>ReprintReceiptButton</name>
    <message>
        <location filename="../../counter_app/ui/printing/actions.py" line="+215"/>
        <source>Preview / PDF…</source>
        <translation>Xem trước / PDF…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Preview the receipt of {code}, to print it or save it as PDF (Ctrl+Shift+P)</source>
        <translation>Xem trước giấy tiếp nhận của {code} để in hoặc lưu PDF (Ctrl+Shift+P)</translation>
    </message>
</context>
</TS>
