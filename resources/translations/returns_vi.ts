<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>DossierSummary</name>
    <message>
        <location filename="../../counter_app/ui/returns/summary.py" line="+34"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Applicant:</source>
        <translation>Chủ hồ sơ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number:</source>
        <translation>Số định danh:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure:</source>
        <translation>Thủ tục:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received:</source>
        <translation>Ngày tiếp nhận:</translation>
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
        <location line="-7"/>
        <source>Fees to collect at return:</source>
        <translation>Phí, lệ phí thu khi trả kết quả:</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{total} ({quantity} × {amount})</source>
        <translation>{total} ({quantity} × {amount})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total: {total}</source>
        <translation>Tổng cộng: {total}</translation>
    </message>
</context>
<context>
    <name>HandBackDialog</name>
    <message>
        <location filename="../../counter_app/ui/returns/hand_back.py" line="+253"/>
        <source>Hand back the result of {code}</source>
        <translation>Trả kết quả hồ sơ {code}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>HandBackForm</name>
    <message>
        <location line="-203"/>
        <source>Who collects the result</source>
        <translation>Người nhận kết quả</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The &amp;applicant</source>
        <translation>&amp;Chủ hồ sơ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A person the applicant a&amp;uthorised</source>
        <translation>Người được chủ hồ sơ ủ&amp;y quyền</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>12 digits, as on the ID card</source>
        <translation>12 chữ số, như trên thẻ căn cước</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional, e.g. papers handed over</source>
        <translation>Không bắt buộc, ví dụ: các giấy tờ đã giao</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ID number:</source>
        <translation>&amp;Số định danh:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Confirm hand-back</source>
        <translation>&amp;Xác nhận trả kết quả</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Result of dossier {code} handed back to {who}.</source>
        <translation>Đã trả kết quả hồ sơ {code} cho {who}.</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <location filename="../../counter_app/ui/returns/readiness.py" line="+30"/>
        <source>{name} (authorised by the applicant, ID {number})</source>
        <translation>{name} (người được ủy quyền, số định danh {number})</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The applicant asked for the result by post: hand it over here only if they came for it.</source>
        <translation>Chủ hồ sơ đã đăng ký nhận kết quả qua bưu chính: chỉ trả tại quầy khi họ đến nhận trực tiếp.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The result is ready to be handed back.</source>
        <translation>Kết quả đã sẵn sàng để trả.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The result has already been handed back.</source>
        <translation>Kết quả đã được trả.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed back on {when} to {who}.</source>
        <translation>Đã trả lúc {when} cho {who}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no result to hand back.</source>
        <translation>Hồ sơ không có kết quả để trả.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dossier was refused at intake on {when}.</source>
        <translation>Hồ sơ đã bị từ chối tiếp nhận lúc {when}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The applicant withdrew the dossier on {when}.</source>
        <translation>Chủ hồ sơ đã rút hồ sơ lúc {when}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processing of the dossier was stopped on {when}.</source>
        <translation>Hồ sơ đã bị dừng giải quyết lúc {when}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The result is not ready yet.</source>
        <translation>Chưa có kết quả để trả.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dossier was submitted online and has not been accepted at the counter.</source>
        <translation>Hồ sơ nộp trực tuyến, chưa được tiếp nhận tại quầy.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for the applicant to supplement the dossier (asked on {when}).</source>
        <translation>Đang chờ chủ hồ sơ bổ sung giấy tờ (yêu cầu lúc {when}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting for the applicant&apos;s payment (asked on {when}).</source>
        <translation>Đang chờ chủ hồ sơ thực hiện nghĩa vụ tài chính (yêu cầu lúc {when}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Still being processed; this procedure has no due date.</source>
        <translation>Hồ sơ đang được giải quyết; thủ tục này không quy định thời hạn trả kết quả.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Still being processed. The result was due on {due} and is late: ask the handling agency when it will be ready.</source>
        <translation>Hồ sơ đang được giải quyết. Hẹn trả lúc {due} nhưng đã quá hạn: hãy hỏi cơ quan giải quyết khi nào có kết quả.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Still being processed. The result is due on {due}.</source>
        <translation>Hồ sơ đang được giải quyết. Hẹn trả kết quả lúc {due}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reason: {reason}</source>
        <translation>Lý do: {reason}</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <location filename="../../counter_app/ui/returns/page.py" line="+44"/>
        <source>Return of results</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. {code}</source>
        <translation>ví dụ: {code}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Dossier code:</source>
        <translation>&amp;Mã hồ sơ:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Look up</source>
        <translation>&amp;Tra cứu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan the barcode on the receipt, or type the code and press Enter.</source>
        <translation>Quét mã vạch trên giấy tiếp nhận, hoặc gõ mã hồ sơ rồi nhấn Enter.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>That is a citizen ID card. Scan the barcode on the receipt, or type the dossier code.</source>
        <translation>Đây là mã trên thẻ căn cước, không phải mã hồ sơ. Hãy quét mã vạch trên giấy tiếp nhận hoặc gõ mã hồ sơ.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Last hand-back: {code} to {who}, at {when}.</source>
        <translation>Lần trả gần nhất: hồ sơ {code} cho {who}, lúc {when}.</translation>
    </message>
</context>
</TS>
