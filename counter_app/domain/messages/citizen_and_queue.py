"""Messages of: citizen's screen, ratings, notices, payment (issue 18), signing and the paper store
(issue 19), the queue (issue 20). Key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- citizen's screen, ratings, notices, payment (issue 18)
    "payment.method.unpaid": ("chưa nộp", "not yet paid"),
    "notice.template_braces": (
        "Mẫu thông báo có dấu ngoặc nhọn không khớp: mỗi trường viết trong một cặp ngoặc, "
        "ví dụ {{name}}.",
        "The notice template has a brace that does not match: each field goes inside one pair "
        "of braces, e.g. {{name}}.",
    ),
    "notice.field.name": ("họ và tên người nộp", "the applicant's full name"),
    "notice.field.code": ("mã hồ sơ", "the dossier code"),
    "notice.field.procedure": ("tên thủ tục", "the procedure's name"),
    "notice.field.due": ("ngày hẹn trả kết quả", "the due date of the result"),
    "notice.field.note": (
        "ghi chú của cán bộ (nội dung cần bổ sung, lý do)",
        "the officer's note (what to add, the reason)",
    ),
    "notice.field.unit": ("tên bộ phận một cửa", "the counter's name"),
    "paper.kind.payment-request": ("phiếu đề nghị nộp phí, lệ phí", "payment request"),
    "paper.nothing_owed": (
        "Phí, lệ phí của hồ sơ «{code}» đã nộp đủ: không có phiếu đề nghị nộp phí để in.",
        "The fees of dossier “{code}” are paid: there is no payment request to print.",
    ),
    "rating.level.very_satisfied": ("Rất hài lòng", "Very satisfied"),
    "rating.level.satisfied": ("Hài lòng", "Satisfied"),
    "rating.level.dissatisfied": ("Không hài lòng", "Dissatisfied"),
    "rating.reason.waiting": ("Chờ lâu", "Long wait"),
    "rating.reason.attitude": ("Thái độ cán bộ", "The officer's manner"),
    "rating.reason.guidance": ("Hướng dẫn chưa rõ", "Unclear guidance"),
    "rating.reason.papers": ("Giấy tờ phức tạp", "Complicated papers"),
    "rating.reason.fees": ("Phí, lệ phí", "Fees"),
    "rating.reason.result": ("Kết quả giải quyết", "The result"),
    "rating.twice": (
        "Hồ sơ {code} đã được đánh giá khi {what} lúc {at}; không thể đánh giá lại.",
        "Dossier {code} was already rated for its {what} at {at}; it cannot be rated again.",
    ),
    "field.rating": ("mức đánh giá", "rating"),
    "field.rating_reason": ("lý do đánh giá", "rating reason"),
    "rating.occasion.intake": ("tiếp nhận", "intake"),
    "rating.occasion.return": ("trả kết quả", "return"),
    "rating.not_received": (
        "Hồ sơ {code} chưa được tiếp nhận nên chưa thể đánh giá.",
        "Dossier {code} has not been received yet, so it cannot be rated.",
    ),
    "rating.by_officer": (
        "Đánh giá do người dân thực hiện; tài khoản cán bộ {login} không thể đánh giá.",
        "Ratings are the citizen's: the officer's login {login} cannot give one.",
    ),
    "payment.method": (
        "Hình thức nộp phí phải là một trong: {choices}.",
        "The payment method must be one of: {choices}.",
    ),
    "payment.reference_needed": (
        "Nộp phí bằng {what} cần số tham chiếu giao dịch.",
        "A payment by {what} needs the transaction reference.",
    ),
    "payment.setting": (
        "Cài đặt thanh toán chưa đúng ({field}): {value}",
        "The payment setting is not valid ({field}): {value}",
    ),
    "payment.method.cash": ("tiền mặt", "cash"),
    "payment.method.transfer": ("chuyển khoản (QR)", "transfer (QR)"),
    "payment.method.card": ("thẻ", "card"),
    "notice.kind.result_ready": ("Có kết quả", "Result ready"),
    "notice.kind.supplement": ("Cần bổ sung", "Supplement needed"),
    "notice.kind.refused": ("Từ chối", "Refused"),
    "notice.kind.due_changed": ("Đổi ngày hẹn", "Due date changed"),
    "notice.smtp_missing": (
        "Chưa cài đặt máy chủ thư (notices.smtp.host).",
        "No mail server is set (notices.smtp.host).",
    ),
    "notice.sms_missing": (
        "Chưa cài đặt cổng tin nhắn (notices.sms.url).",
        "No SMS gateway is set (notices.sms.url).",
    ),
    "notice.gateway_error": (
        "Cổng tin nhắn trả lời lỗi {status}.",
        "The SMS gateway answered error {status}.",
    ),
    "notice.unreachable": ("Không gửi được: {reason}", "Could not send: {reason}"),
    "notice.template": (
        "Mẫu thông báo dùng trường {{{field}}} không có. Các trường dùng được: {fields}.",
        "The notice template uses the field {{{field}}}, which does not exist. Fields it may "
        "use: {fields}.",
    ),
    "notice.consent": (
        'Giá trị "consent" phải có dạng {{"notices": true|false}}.',
        '"consent" must look like {{"notices": true|false}}.',
    ),
    # --- signing and the paper store (issue 19)
    "papers.central_offline": (
        "Máy chủ trung tâm chưa kết nối được ở lần đồng bộ gần nhất: chỉ hiện giấy tờ lưu tại "
        "quầy này.",
        "Central could not be reached at the last sync: only papers filed at this counter are "
        "shown.",
    ),
    "papers.validity_needs": (
        "--set-validity cần --user (cán bộ sửa) và --issued (ngày cấp).",
        "--set-validity needs --user (the officer correcting) and --issued (the issue date).",
    ),
    "papers.not_on_file": (
        "Không có giấy tờ {paper} của công dân {owner} trong kho.",
        "No paper {paper} of citizen {owner} is on file.",
    ),
    "papers.issued_later": (
        "Ngày cấp {date} còn chưa tới: hãy xem lại ngày ghi trên giấy tờ.",
        "The issue date {date} has not come yet: check the date on the paper.",
    ),
    "papers.validity_order": (
        "Ngày hết hạn {expires} trước ngày cấp {issued}: hãy xem lại các ngày trên giấy tờ.",
        "The expiry {expires} comes before the issue date {issued}: check the dates on the paper.",
    ),
    "papers.copy_missing": (
        'Bản ký số của giấy tờ "{kind}" chưa về tới hệ thống trung tâm: hãy thử lại sau khi '
        "quầy đã lưu nó đồng bộ xong, hoặc quét bản mới.",
        'The signed copy of the paper "{kind}" has not reached central yet: try again once the '
        "counter that filed it has synchronised, or scan a new one.",
    ),
    "signing.pin_prompt": ("Mã PIN của thiết bị ký số:", "The signing token's PIN:"),
    "signing.not_configured": (
        "Chưa cài đặt ký số: hãy đặt {setting} (thư viện PKCS#11 của thiết bị ký số).",
        "Signing is not set up: set {setting} (the signing token's PKCS#11 library).",
    ),
    "signing.module_missing": (
        "Không tìm thấy thư viện PKCS#11 của thiết bị ký số: {path}. Hãy cài trình điều khiển "
        "của nhà cung cấp chữ ký số hoặc sửa cài đặt signing.pkcs11_module.",
        "The signing token's PKCS#11 library is not there: {path}. Install the CA's driver or "
        "correct the setting signing.pkcs11_module.",
    ),
    "signing.module_broken": (
        "Không nạp được thư viện PKCS#11 {path}: {reason}",
        "The PKCS#11 library {path} could not be loaded: {reason}",
    ),
    "signing.token_missing": (
        "Không thấy thiết bị ký số ({token}). Hãy cắm USB ký số rồi thử lại.",
        "The signing token ({token}) is not there. Plug the USB token in and try again.",
    ),
    "signing.token_many": (
        "Có nhiều thiết bị ký số đang cắm: hãy đặt signing.token_label để chọn một.",
        "Several signing tokens are plugged in: set signing.token_label to pick one.",
    ),
    "signing.token_gone": (
        "Thiết bị ký số ({token}) đã bị rút ra hoặc ngừng trả lời trong khi ký. Chưa có tệp "
        "nào được ký hay lưu; hãy cắm lại và ký lại.",
        "The signing token ({token}) was unplugged or stopped answering while signing. No file "
        "was signed or kept; plug it back in and sign again.",
    ),
    "signing.token_failed": (
        "Thiết bị ký số ({token}) báo lỗi {reason}. Chưa có tệp nào được ký.",
        "The signing token ({token}) reported {reason}. No file was signed.",
    ),
    "signing.pin_wrong": (
        "Mã PIN không đúng. Lưu ý: nhập sai nhiều lần sẽ khóa thiết bị ký số.",
        "Wrong PIN. Mind that too many wrong PINs lock the signing token.",
    ),
    "signing.pin_locked": (
        "Thiết bị ký số ({token}) đã bị khóa vì nhập sai mã PIN quá số lần cho phép. Hãy liên "
        "hệ nhà cung cấp chữ ký số để mở khóa.",
        "The signing token ({token}) is locked after too many wrong PINs. Ask the certificate "
        "provider to unlock it.",
    ),
    "signing.pin_expired": (
        "Mã PIN của thiết bị ký số ({token}) đã hết hạn: hãy đổi PIN bằng phần mềm của nhà "
        "cung cấp.",
        "The PIN of the signing token ({token}) has expired: change it with the provider's "
        "software.",
    ),
    "signing.key_missing": (
        'Không thấy khóa ký và chứng thư số "{label}" trên thiết bị ký số (cài đặt '
        "signing.key_label).",
        'No signing key and certificate "{label}" on the token (setting signing.key_label).',
    ),
    "signing.cert_expired": (
        "Chứng thư số của {signer} đã hết hạn ngày {date}: không thể ký. Hãy gia hạn chứng thư số.",
        "{signer}'s certificate expired on {date}: it cannot sign. Renew the certificate.",
    ),
    "signing.cert_not_yet": (
        "Chứng thư số của {signer} chỉ có hiệu lực từ ngày {date}.",
        "{signer}'s certificate is only valid from {date}.",
    ),
    "signing.cert_revoked": (
        "Chứng thư số của {signer} đã bị thu hồi ngày {date}: không thể ký.",
        "{signer}'s certificate was revoked on {date}: it cannot sign.",
    ),
    "signing.trust_unreadable": (
        "Không đọc được tệp chứng thư gốc {path}: {reason} (cài đặt signing.trust_roots).",
        "The trust root file {path} cannot be read: {reason} (setting signing.trust_roots).",
    ),
    "signing.nothing": (
        "Hồ sơ {code} chưa có gì để ký ({what}): hãy quét giấy tờ trước.",
        "Dossier {code} has nothing to sign ({what}): scan its papers first.",
    ),
    "signing.timestamp_failed": (
        "Không lấy được dấu thời gian từ {url}: {reason}. Chưa có tệp nào được ký.",
        "No timestamp could be had from {url}: {reason}. No file was signed.",
    ),
    "signing.not_pdf": ("{path} không phải tệp PDF.", "{path} is not a PDF file."),
    "papers.denied": (
        "Vai trò {role} không được xem kho giấy tờ của công dân.",
        "The {role} role may not see the citizens' paper store.",
    ),
    "papers.unknown": (
        "Không có giấy tờ {paper} của người nộp hồ sơ {code} trong kho.",
        "No paper {paper} of dossier {code}'s applicant is on file.",
    ),
    "papers.no_consent": (
        "Công dân chưa đồng ý dùng lại giấy tờ đã lưu cho hồ sơ {code}: hãy hỏi và ghi nhận "
        "sự đồng ý trước.",
        "The citizen has not agreed to reuse the papers on file for dossier {code}: ask and "
        "record the consent first.",
    ),
    "papers.expired": (
        'Giấy tờ "{kind}" đã hết hiệu lực ngày {date}: không dùng lại được, hãy quét bản mới.',
        'The paper "{kind}" expired on {date}: it cannot be reused; scan a new one.',
    ),
    "signing.verdict.valid": (
        "Chữ ký số hợp lệ, tài liệu không bị thay đổi.",
        "The signature is valid and the document unchanged.",
    ),
    "signing.verdict.unsigned": ("Tài liệu không có chữ ký số.", "The document is not signed."),
    "signing.verdict.unreadable": (
        "Không đọc được tệp PDF (hỏng hoặc không phải PDF).",
        "The PDF cannot be read (damaged, or not a PDF).",
    ),
    "signing.verdict.broken": (
        "Chữ ký số bị hỏng, không kiểm tra được.",
        "The signature is damaged and cannot be checked.",
    ),
    "signing.verdict.changed": (
        "Tài liệu đã bị thay đổi sau khi ký: chữ ký không còn khớp.",
        "The document was changed after signing: the signature no longer matches.",
    ),
    "signing.verdict.changed_after": (
        "Tài liệu đã bị sửa thêm sau khi ký.",
        "The document was edited after it was signed.",
    ),
    "signing.verdict.unknown_signer": (
        "Người ký không thuộc tổ chức cung cấp chữ ký số được tin cậy (cài đặt "
        "signing.trust_roots).",
        "The signer is not from a trusted certificate authority (setting signing.trust_roots).",
    ),
    "signing.verdict.expired": (
        "Chứng thư số của người ký đã hết hạn.",
        "The signer's certificate has expired.",
    ),
    "signing.verdict.revoked": (
        "Chứng thư số của người ký đã bị thu hồi.",
        "The signer's certificate was revoked.",
    ),
    # --- the queue (issue 20)
    "queue.url": (
        "Địa chỉ hàng đợi (queue.url) không hợp lệ: {url}. Dùng postgresql://máy-chủ/tên-csdl "
        "hoặc sqlite:///đường-dẫn-tệp.",
        "The queue address (queue.url) is not valid: {url}. Use postgresql://server/database "
        "or sqlite:///path-to-file.",
    ),
    "queue.offline": (
        "Không kết nối được máy chủ hàng đợi của trung tâm ({reason}). Kiểm tra mạng nội bộ "
        "và máy chủ; không có số nào bị mất.",
        "Cannot reach the centre's queue server ({reason}). Check the local network and the "
        "server; no ticket is lost.",
    ),
    "queue.empty": ("Hàng đợi trống: không còn ai chờ.", "Queue empty: nobody is waiting."),
    "queue.empty_area": (
        "Hàng đợi trống: không còn ai chờ ở khu vực {area}.",
        "Queue empty: nobody is waiting in area {area}.",
    ),
    "queue.area_unknown": (
        "Không có khu vực «{area}». Các khu vực: {areas}.",
        "There is no area “{area}”. The areas: {areas}.",
    ),
    "queue.priority_unknown": (
        "Loại ưu tiên «{value}» không có; chọn một trong: {choices}.",
        "There is no priority “{value}”; choose one of: {choices}.",
    ),
    "queue.desk_range": (
        "Số quầy phải từ 1 đến 99, không phải «{value}».",
        "The desk number must be from 1 to 99, not “{value}”.",
    ),
    "queue.ticket_format": (
        "«{value}» không phải số thứ tự (ví dụ 125, hoặc Ư7 cho số ưu tiên).",
        "“{value}” is not a ticket number (for example 125, or Ư7 for a priority ticket).",
    ),
    "queue.no_ticket": ("Hôm nay không có số {ticket}.", "There is no ticket {ticket} today."),
    "queue.already_called": (
        "Số {ticket} đang được phục vụ ở quầy số {desk}; không gọi lại ở quầy khác.",
        "Ticket {ticket} is being served at desk {desk}; it is not called to another desk.",
    ),
    "queue.already_done": (
        "Số {ticket} đã được phục vụ xong ở quầy số {desk}.",
        "Ticket {ticket} has already been served at desk {desk}.",
    ),
    "queue.no_current": (
        "Quầy số {desk} chưa gọi số nào (hãy gọi số tiếp theo trước).",
        "Desk {desk} has no ticket called (call the next one first).",
    ),
    "queue.no_desk": (
        "Chưa đặt số quầy của máy này (Cài đặt, hoặc --desk N).",
        "This PC's desk number is not set (Settings, or --desk N).",
    ),
    "queue.printer_paper_out": (
        "Máy in phiếu hết giấy. Số {ticket} đã được cấp và giữ nguyên chỗ trong hàng: "
        "hãy thay giấy rồi bấm In lại.",
        "The ticket printer is out of paper. Ticket {ticket} is taken and keeps its place in "
        "the queue: load paper, then press Print again.",
    ),
    "queue.printer_unreachable": (
        "Không in được phiếu số {ticket} ({reason}). Số đã được cấp và giữ nguyên chỗ trong "
        "hàng: hãy kiểm tra máy in rồi bấm In lại.",
        "The ticket {ticket} could not be printed ({reason}). It is taken and keeps its place "
        "in the queue: check the printer, then press Print again.",
    ),
    "queue.printer_setting": (
        "Máy in phiếu (queue.printer) không hợp lệ: {value}. Dùng usb:VID:PID, "
        "tcp:MÁY[:CỔNG], file:ĐƯỜNG-DẪN hoặc qt:TÊN-MÁY-IN.",
        "The ticket printer (queue.printer) is not valid: {value}. Use usb:VID:PID, "
        "tcp:HOST[:PORT], file:PATH or qt:PRINTER-NAME.",
    ),
    "queue.voice_missing": (
        "Không có giọng đọc tiếng Việt (espeak-ng): bảng gọi số vẫn hiện số nhưng không đọc. "
        "Trên Windows: cài espeak-ng bằng bộ cài của espeak-ng (hoặc đặt queue.voice_command).",
        "No Vietnamese voice (espeak-ng): the board shows the numbers but does not speak. "
        "On Windows: install espeak-ng with its own installer (or set queue.voice_command).",
    ),
}
