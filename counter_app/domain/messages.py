"""Every message the user can see from the domain and services, in Vietnamese and English.

Widgets translate their own strings through Qt; what comes out of the rules (a refused
move, an invalid ID number) is rendered here so the command line and the window say the same.
"""

from __future__ import annotations

DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")

# key: (Vietnamese, English). Parameters use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    # --- validation
    "field.required": ("Chưa nhập {field}.", "Please enter the {field}."),
    "id_number.format": (
        "Số định danh phải gồm 12 chữ số (hoặc CMND cũ 9 chữ số): {value}",
        "The ID number must have 12 digits (or 9 for an old ID card): {value}",
    ),
    "id_number.province": (
        "Mã tỉnh {province} trong số định danh không tồn tại.",
        "Province code {province} in the ID number does not exist.",
    ),
    "id_number.century": (
        "Chữ số giới tính/thế kỷ {digit} trong số định danh không hợp lệ.",
        "The gender/century digit {digit} of the ID number is not valid.",
    ),
    "phone.format": (
        "Số điện thoại không hợp lệ: {value} (ví dụ 0912345678).",
        "The phone number is not valid: {value} (for example 0912345678).",
    ),
    "email.format": (
        "Địa chỉ thư điện tử không hợp lệ: {value}",
        "The e-mail address is not valid: {value}",
    ),
    "birth_date.future": (
        "Ngày sinh không thể ở tương lai.",
        "The birth date cannot be in the future.",
    ),
    "birth_date.format": (
        "Ngày sinh không hợp lệ: {value}",
        "The birth date is not valid: {value}",
    ),
    "sets.range": ("Số bộ hồ sơ phải từ 1 đến 99.", "The number of sets must be between 1 and 99."),
    "count.range": (
        "Số lượng giấy tờ phải từ 1 đến 999.",
        "The document count must be between 1 and 999.",
    ),
    "value.choice": (
        "Giá trị của {field} phải là một trong: {choices}.",
        "The {field} must be one of: {choices}.",
    ),
    "text.too_long": (
        "Nội dung {field} quá dài (tối đa {limit} ký tự).",
        "The {field} is too long (at most {limit} characters).",
    ),
    # field names, used inside the messages above
    "field.full_name": ("họ và tên", "full name"),
    "field.id_number": ("số định danh", "ID number"),
    "field.phone": ("số điện thoại", "phone number"),
    "field.email": ("thư điện tử", "e-mail"),
    "field.address": ("địa chỉ", "address"),
    "field.birth_date": ("ngày sinh", "birth date"),
    "field.procedure": ("thủ tục", "procedure"),
    "field.organisation": ("tên tổ chức", "organisation"),
    "field.document_name": ("tên giấy tờ", "document name"),
    "field.form": ("hình thức giấy tờ", "document form"),
    "field.channel": ("kênh nộp", "channel"),
    "field.return_method": ("hình thức trả kết quả", "return method"),
    "field.type": ("loại chủ hồ sơ", "applicant type"),
    "field.note": ("ghi chú", "note"),
    "field.issue_date": ("ngày cấp", "issue date"),
    # --- files, input, database (rendered by the services and the command line)
    "file.missing": ("Không tìm thấy tệp: {path}", "File not found: {path}"),
    "file.unreadable": (
        "Không đọc được tệp {path}: {reason}",
        "Cannot read the file {path}: {reason}",
    ),
    "file.unwritable": ("Không ghi được vào {path}: {reason}", "Cannot write to {path}: {reason}"),
    "json.malformed": (
        "Dữ liệu JSON không hợp lệ (dòng {line}, cột {column}): {reason}",
        "Malformed JSON (line {line}, column {column}): {reason}",
    ),
    "json.shape": (
        "Dữ liệu không đúng cấu trúc: {where} {reason}.",
        "Unexpected data: {where} {reason}.",
    ),
    "input.date": (
        "Ngày không hợp lệ: {value} (dạng YYYY-MM-DD).",
        "Not a date: {value} (use YYYY-MM-DD).",
    ),
    "input.datetime": (
        "Thời điểm không hợp lệ: {value} (dạng ISO 8601, ví dụ 2025-04-24T09:30:00+07:00).",
        "Not a time: {value} (use ISO 8601, e.g. 2025-04-24T09:30:00+07:00).",
    ),
    "input.time": (
        "Giờ không hợp lệ: {value} (dạng HH:MM).",
        "Not a time of day: {value} (use HH:MM).",
    ),
    "input.number": (
        "{field} phải là số nguyên dương: {value}",
        "{field} must be a positive whole number: {value}",
    ),
    "input.amount": (
        "{field} phải là một số từ 0 đến 10000: {value}",
        "{field} must be a number from 0 to 10000: {value}",
    ),
    "input.year_range": (
        "Thời điểm phải trong các năm 2000–2099: {value}",
        "The time must fall in the years 2000–2099: {value}",
    ),
    "input.cutoff_same_day": (
        "--cutoff chỉ dùng cùng --same-day.",
        "--cutoff goes only with --same-day.",
    ),
    "db.locked": (
        "Cơ sở dữ liệu đang bị khóa bởi một chương trình khác. Hãy thử lại sau ít phút.",
        "The database is locked by another program. Try again in a moment.",
    ),
    "db.readonly": (
        "Không ghi được cơ sở dữ liệu {path}: tệp hoặc thư mục chỉ cho phép đọc.",
        "Cannot write the database {path}: the file or its folder is read-only.",
    ),
    "db.corrupt": (
        "Tệp cơ sở dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu. Hãy khôi phục từ bản sao lưu.",
        "The database file {path} is damaged or not a database. Restore it from a backup.",
    ),
    "db.disk_full": (
        "Ổ đĩa đã đầy: không lưu được dữ liệu. Hãy giải phóng dung lượng rồi thử lại.",
        "The disk is full: nothing could be saved. Free some space and try again.",
    ),
    "db.newer": (
        "Cơ sở dữ liệu {path} thuộc phiên bản mới hơn của chương trình. Hãy cập nhật chương trình.",
        "The database {path} belongs to a newer version of the program. Update the program.",
    ),
    "db.not_initialised": (
        "Chưa khởi tạo dữ liệu tại {path}. Hãy chạy: counter-app init",
        "No data has been set up at {path}. Run: counter-app init",
    ),
    "db.error": ("Lỗi cơ sở dữ liệu: {reason}", "Database error: {reason}"),
    "user.unknown": ("Không có tài khoản «{login}».", "There is no account “{login}”."),
    "user.exists": ("Tài khoản «{login}» đã tồn tại.", "The account “{login}” already exists."),
    "user.login_format": (
        "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang (2–32 ký tự): {login}",
        "A login has 2–32 unaccented letters, digits, dots, underscores or hyphens: {login}",
    ),
    "user.password_mismatch": (
        "Hai lần nhập mật khẩu không khớp.",
        "The two passwords do not match.",
    ),
    "user.password_short": (
        "Mật khẩu phải có ít nhất {length} ký tự.",
        "The password must have at least {length} characters.",
    ),
    "user.password_missing": (
        "Hãy nhập mật khẩu hai lần, mỗi lần một dòng.",
        "Give the password twice, one line each.",
    ),
    "user.role": (
        "Vai trò phải là staff, supervisor hoặc admin: {role}",
        "The role must be staff, supervisor or admin: {role}",
    ),
    "user.last_admin": (
        "Không thể vô hiệu hóa hoặc hạ quyền quản trị viên cuối cùng.",
        "The last administrator cannot be disabled or demoted.",
    ),
    "permission.accounts": ("quản lý tài khoản", "manage accounts"),
    "login.failed": ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong login or password."),
    "login.locked": (
        "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Thử lại sau {minutes} phút.",
        "The account is locked after repeated wrong passwords. Try again in {minutes} minutes.",
    ),
    "login.inactive": (
        "Tài khoản «{login}» đã bị vô hiệu hóa.",
        "The account “{login}” is disabled.",
    ),
    "permission.denied": (
        "Tài khoản «{login}» không có quyền {what}.",
        "The account “{login}” may not {what}.",
    ),
    "procedure.unknown": (
        "Không có thủ tục mã «{code}» trong danh mục.",
        "There is no procedure “{code}” in the catalog.",
    ),
    "procedure.inactive": (
        "Thủ tục «{code}» đã ngừng áp dụng.",
        "The procedure “{code}” is no longer in force.",
    ),
    "agency.unknown": ("Không có cơ quan mã «{code}».", "There is no agency “{code}”."),
    "dossier.unknown": ("Không tìm thấy hồ sơ «{code}».", "There is no dossier “{code}”."),
    "catalog.invalid": (
        "Danh mục không hợp lệ: {where}: {reason}",
        "Invalid catalog: {where}: {reason}",
    ),
    # reasons, rendered inside "catalog.invalid" (no parameters of their own)
    "catalog.reason.not_object": ("phải là một đối tượng JSON", "must be a JSON object"),
    "catalog.reason.not_list": ("phải là một danh sách JSON", "must be a JSON list"),
    "catalog.reason.missing": ("thiếu trường bắt buộc", "is required but missing"),
    "catalog.reason.not_text": ("phải là chuỗi ký tự", "must be text"),
    "catalog.reason.empty": ("không được để trống", "must not be empty"),
    "catalog.reason.too_long": (
        "quá dài (tối đa 1000 ký tự)",
        "is too long (at most 1000 characters)",
    ),
    "catalog.reason.not_bool": ("phải là true hoặc false", "must be true or false"),
    "catalog.reason.format": (
        "không phải tệp danh mục (format phải là «counter-app-catalog»)",
        "not a catalog file (format must be “counter-app-catalog”)",
    ),
    "catalog.reason.version": (
        "phiên bản tệp không được hỗ trợ (chương trình này đọc phiên bản 1)",
        "unsupported file version (this program reads version 1)",
    ),
    "catalog.reason.agency_code": (
        "mã định danh gồm tối đa 13 ký tự: chữ in hoa, chữ số, ngăn bởi dấu chấm (ví dụ 000.00.12.H37)",
        "an agency identifier has at most 13 capital letters and digits in dotted groups (e.g. 000.00.12.H37)",
    ),
    "catalog.reason.procedure_code": (
        "mã thủ tục chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (tối đa 64 ký tự)",
        "a procedure code has only unaccented letters, digits, dots, underscores and hyphens (at most 64)",
    ),
    "catalog.reason.duplicate": (
        "mã này đã dùng ở một mục phía trên",
        "this code is already used above",
    ),
    "catalog.reason.unknown_agency": (
        "không có cơ quan mang mã này trong tệp",
        "no agency with this code in the file",
    ),
    "catalog.reason.parent_cycle": (
        "chuỗi cơ quan cấp trên quay vòng về chính nó",
        "the chain of parent agencies loops back on itself",
    ),
    "catalog.reason.unit": (
        "phải là working_days, calendar_days, working_hours, same_day hoặc none",
        "must be working_days, calendar_days, working_hours, same_day or none",
    ),
    "catalog.reason.level": (
        "phải là level_1, level_2, level_3, level_4, full_online hoặc partial_online",
        "must be level_1, level_2, level_3, level_4, full_online or partial_online",
    ),
    "catalog.reason.form": (
        "phải là original, certified_copy hoặc copy",
        "must be original, certified_copy or copy",
    ),
    "catalog.reason.collection": (
        "phải là before, after hoặc exempt",
        "must be before, after or exempt",
    ),
    "catalog.reason.per": (
        "phải là dossier, page, copy hoặc person",
        "must be dossier, page, copy or person",
    ),
    "catalog.reason.amount": ("phải là một số không âm", "must be a number, zero or more"),
    "catalog.reason.fee": (
        "phải là số nguyên đồng, từ 0 đến 1.000.000.000.000",
        "must be a whole number of đồng, from 0 to 1,000,000,000,000",
    ),
    "catalog.reason.count": (
        "phải là số nguyên từ 1 đến 999",
        "must be a whole number from 1 to 999",
    ),
    "catalog.reason.cutoff": (
        "phải là giờ dạng HH:MM (ví dụ 15:00) hoặc null",
        "must be a time as HH:MM (e.g. 15:00) or null",
    ),
    "audit.broken": (
        "Nhật ký kiểm toán bị sửa đổi tại bản ghi {entry}.",
        "The audit log has been tampered with at entry {entry}.",
    ),
    "app.bug": (
        "Lỗi ngoài dự kiến của chương trình; dữ liệu đã nhập không bị mất. Chi tiết kỹ thuật đã ghi vào {log} — hãy gửi tệp này cho bộ phận hỗ trợ.",
        "An unexpected error in the program; nothing entered was lost. Technical details are in {log}: please send that file to support.",
    ),
    "demo.empty": (
        "Chưa có danh mục thủ tục hoặc tài khoản cán bộ: hãy chạy counter-app init --demo trước.",
        "There is no catalog or officer account yet: run counter-app init --demo first.",
    ),
    # --- papers (printing)
    "paper.wrong_state": (
        "Không in được {what} cho hồ sơ «{code}»: hồ sơ đang ở trạng thái «{status}».",
        "Cannot print the {what} of dossier “{code}”: its status is “{status}”.",
    ),
    "paper.no_supplement": (
        "Hồ sơ «{code}» chưa có yêu cầu bổ sung nào: không có phiếu yêu cầu bổ sung để in.",
        "Dossier “{code}” was never asked for a supplement: there is no supplement request to print.",
    ),
    "paper.no_due": (
        "Hồ sơ «{code}» không có hạn trả kết quả: không có ngày hẹn để hẹn lại.",
        "Dossier “{code}” has no due time: there is no appointment to move.",
    ),
    "paper.new_due_missing": (
        "Văn bản xin lỗi cần thời điểm hẹn trả mới (--new-due, ví dụ 2025-05-20T16:00:00+07:00).",
        "The apology needs the new due time (--new-due, e.g. 2025-05-20T16:00:00+07:00).",
    ),
    "paper.new_due_early": (
        "Thời điểm hẹn trả mới ({new_due}) phải sau hạn trả đã hẹn ({due}).",
        "The new due time ({new_due}) must be later than the time promised ({due}).",
    ),
    "paper.size": (
        "Khổ giấy «{value}» không dùng được cho {what}; chọn một trong: {choices}.",
        "Size “{value}” is not available for the {what}; choose one of: {choices}.",
    ),
    "paper.book_dates": (
        "Hãy chọn ngày của sổ: --date YYYY-MM-DD, hoặc --from YYYY-MM-DD --to YYYY-MM-DD.",
        "Say which days the book covers: --date YYYY-MM-DD, or --from YYYY-MM-DD --to YYYY-MM-DD.",
    ),
    "paper.book_range": (
        "Khoảng ngày không hợp lệ: ngày bắt đầu {first} sau ngày kết thúc {last}.",
        "Invalid range: the first day {first} is after the last day {last}.",
    ),
    "paper.setting": (
        "Cài đặt {name} không hợp lệ: {value}",
        "The setting {name} is not valid: {value}",
    ),
    "paper.no_printer": (
        "Không tìm thấy máy in mặc định. Hãy cài đặt máy in, hoặc lưu ra tệp với -o TỆP.pdf.",
        "No default printer was found. Set up a printer, or save to a file with -o FILE.pdf.",
    ),
    "paper.print_failed": (
        "Máy in {printer} không nhận lệnh in: {reason}",
        "The printer {printer} refused the job: {reason}",
    ),
    "paper.kind.receipt": ("giấy tiếp nhận hồ sơ và hẹn trả kết quả", "receipt"),
    "paper.kind.label": ("nhãn hồ sơ", "folder label"),
    "paper.kind.supplement": ("phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "supplement request"),
    "paper.kind.refusal": ("phiếu từ chối tiếp nhận giải quyết hồ sơ", "refusal slip"),
    "paper.kind.control-sheet": ("phiếu kiểm soát quá trình giải quyết hồ sơ", "control sheet"),
    "paper.kind.apology": ("văn bản xin lỗi và hẹn lại ngày trả kết quả", "apology and new date"),
    "paper.kind.stop-notice": ("thông báo dừng giải quyết hồ sơ", "stop notice"),
    "paper.kind.book": ("sổ theo dõi hồ sơ", "tracking book"),
    "attachment.rotation": (
        "Chỉ xoay trang theo bội số của 90 độ (được yêu cầu {degrees} độ).",
        "Pages turn only by multiples of 90 degrees ({degrees} asked).",
    ),
    # --- lifecycle
    "lifecycle.illegal": (
        "Không thể {action} hồ sơ đang ở trạng thái «{status}».",
        "Cannot {action} a dossier whose status is “{status}”.",
    ),
    "lifecycle.unknown_action": ("Thao tác không tồn tại: {action}", "Unknown action: {action}"),
    "lifecycle.note_required": (
        "Thao tác «{action}» cần ghi rõ lý do.",
        "The action “{action}” needs a reason.",
    ),
    # --- codes
    "code.format": ("Mã hồ sơ không đúng dạng: {value}", "Not a dossier code: {value}"),
    "code.exhausted": (
        "Đã hết số hồ sơ được cấp cho {agency} ngày {day}. Hãy đồng bộ với hệ thống trung tâm.",
        "No dossier numbers left for {agency} on {day}. Sync with the central system.",
    ),
    "code.unregistered": (
        "Quầy đã khai báo máy chủ trung tâm nhưng chưa đăng ký: chưa thể cấp mã hồ sơ. "
        "Hãy đồng bộ khi có mạng để đăng ký quầy.",
        "This counter has a central server set but is not registered yet, so it cannot give "
        "dossier codes. Sync while online to register the counter.",
    ),
    # --- sync with the central database
    "sync.no_central": (
        "Chưa khai báo địa chỉ máy chủ trung tâm. Dùng: counter-app sync --central URL",
        "No central server is set. Use: counter-app sync --central URL",
    ),
    "sync.offline": (
        "Không kết nối được máy chủ trung tâm ({reason}). Hồ sơ vẫn được tiếp nhận và sẽ được gửi khi có mạng.",
        "Cannot reach the central server ({reason}). Intake goes on; dossiers go up when the line is back.",
    ),
    "sync.other_central": (
        "Quầy đã đăng ký với máy chủ trung tâm {url}; không thể chuyển sang máy chủ khác.",
        "This counter is registered with the central server {url}; it cannot move to another one.",
    ),
    "sync.no_keyring": (
        "Máy này chưa có kho mật khẩu của hệ điều hành (keyring) nên không thể lưu mật khẩu máy chủ trung tâm. "
        "Hãy cài và mở một kho mật khẩu (Windows Credential Manager, GNOME Keyring / KWallet), rồi chạy lại.",
        "This machine has no operating-system keyring, so the central password cannot be stored. "
        "Set one up (Windows Credential Manager, GNOME Keyring / KWallet) and try again.",
    ),
    "sync.keyring_failed": (
        "Kho mật khẩu của hệ điều hành báo lỗi ({reason}).",
        "The operating-system keyring failed ({reason}).",
    ),
    "sync.no_conflict": ("Không có xung đột số {id}.", "There is no conflict number {id}."),
    "sync.no_submission": (
        "Không có hồ sơ trực tuyến {uuid}.",
        "There is no online submission {uuid}.",
    ),
    "central.url": (
        "Địa chỉ máy chủ trung tâm không hợp lệ: {url} (dạng postgresql://người_dùng@máy/csdl hoặc sqlite:///tệp).",
        "Not a central address: {url} (postgresql://user@host/database or sqlite:///FILE).",
    ),
    "central.auth": (
        "Máy chủ trung tâm từ chối đăng nhập ({reason}). Kiểm tra mật khẩu đã lưu trong kho mật khẩu.",
        "The central server refused the login ({reason}). Check the password kept in the keyring.",
    ),
    "central.no_database": (
        "Máy chủ trung tâm không có cơ sở dữ liệu này ({reason}).",
        "The central server has no such database ({reason}).",
    ),
    "central.denied": (
        "Máy chủ trung tâm không cho phép thao tác này ({reason}).",
        "The central server does not allow this ({reason}).",
    ),
    "central.not_a_counter": (
        "Tài khoản {user} không phải tài khoản của một quầy. Dùng tài khoản do «central add-counter» cấp.",
        "The login {user} is not a counter's. Use the login made by “central add-counter”.",
    ),
    "central.counter_taken": (
        "Tài khoản của quầy {counter} đã được một máy khác dùng. Xin cấp tài khoản riêng cho máy này.",
        "The login of counter {counter} is already used by another machine. Ask for a login of its own.",
    ),
    "central.counter_exists": ("Quầy {counter} đã có.", "Counter {counter} already exists."),
    "central.counter_id": ("Mã quầy không hợp lệ: «{counter}».", "Not a counter ID: “{counter}”."),
    "central.no_calendar_day": (
        "Máy chủ trung tâm không có ngày {day} trong lịch làm việc riêng.",
        "Central has no calendar day {day} to remove.",
    ),
    "sync.conflict_closed": (
        "Xung đột số {id} đã được giải quyết trước đó.",
        "Conflict number {id} was already resolved.",
    ),
    "sync.conflict_supervisor": (
        "Chỉ tổ trưởng hoặc quản trị viên được giải quyết xung đột đồng bộ.",
        "Only a supervisor or an administrator may resolve a sync conflict.",
    ),
    "sync.reapply_nothing": (
        "Xung đột này không có thao tác nào của quầy để làm lại.",
        "This conflict has no move of the counter to make again.",
    ),
    "sync.reapply_refused": (
        "Không thể làm lại thao tác «{action}» của quầy: hồ sơ đang ở trạng thái «{status}». "
        "Hãy giữ bản của máy chủ trung tâm.",
        "The counter's move “{action}” cannot be made again: the dossier is now “{status}”. "
        "Keep central's version.",
    ),
    "sync.reapply_intake": (
        "Thao tác «{action}» không làm lại ở đây được: hồ sơ cần mã mới. "
        "Hãy giữ bản của máy chủ trung tâm, rồi tiếp nhận lại nếu cần.",
        "The move “{action}” cannot be made again here: it would need a new code. "
        "Keep central's version, then take the dossier again if need be.",
    ),
    "sync.attachment_held": (
        "Chưa gửi được bản quét «{name}» của hồ sơ {code} lên máy chủ trung tâm: {problem}. "
        "Hồ sơ vẫn được gửi bình thường; bản quét sẽ được thử lại sau. Hãy quét lại trang này "
        "(xóa bản hỏng rồi đính kèm lại) nếu lỗi vẫn còn.",
        "The scan “{name}” of dossier {code} could not be sent to the central server: {problem}. "
        "Dossiers still go up as usual; the scan is tried again later. Scan the page again "
        "(remove the damaged one, then attach it again) if the problem stays.",
    ),
    # --- citizen ID QR
    "qr.empty": ("Mã QR trống.", "The QR code is empty."),
    "qr.fields": (
        "Mã QR căn cước cần ít nhất 7 trường ngăn bởi «|», nhận được {count}.",
        "A citizen-ID QR needs at least 7 fields separated by “|”, got {count}.",
    ),
    "qr.id_number": (
        "Số định danh trong mã QR không hợp lệ: {value}",
        "The ID number in the QR is not valid: {value}",
    ),
    "qr.old_id": (
        "Số CMND cũ trong mã QR không hợp lệ: {value}",
        "The old ID number in the QR is not valid: {value}",
    ),
    "qr.name": ("Mã QR không có họ tên.", "The QR carries no name."),
    "qr.date": (
        "Ngày trong mã QR không hợp lệ ({field}): {value}",
        "A date in the QR is not valid ({field}): {value}",
    ),
    "qr.gender": (
        "Giới tính trong mã QR không hợp lệ: {value}",
        "The gender in the QR is not valid: {value}",
    ),
    "qr.warn.birth_year": (
        "Năm sinh {year} không khớp với số định danh (mã {digits}): có thể đọc sai.",
        "Birth year {year} does not match the ID number ({digits}): possibly a misread.",
    ),
    "qr.warn.gender": (
        "Giới tính không khớp với số định danh: có thể đọc sai.",
        "The gender does not match the ID number: possibly a misread.",
    ),
    "qr.warn.century": (
        "Thế kỷ sinh không khớp với số định danh: có thể đọc sai.",
        "The century of birth does not match the ID number: possibly a misread.",
    ),
    "qr.warn.province": (
        "Mã tỉnh {province} trong số định danh không có trong danh mục.",
        "Province code {province} in the ID number is not a known province.",
    ),
    "qr.warn.issue_before_birth": (
        "Ngày cấp trước ngày sinh: có thể đọc sai.",
        "The issue date is before the birth date: possibly a misread.",
    ),
    # --- scans at the desk
    "scan.empty": ("Không nhận được dữ liệu quét.", "Nothing was scanned."),
    "scan.unknown": (
        "Không nhận ra mã vừa quét (không phải mã hồ sơ hay mã QR căn cước): {value}",
        "Not a dossier code nor a citizen-ID QR: {value}",
    ),
    "scan.input_method": (
        "Bộ gõ tiếng Việt (Unikey, EVKey…) đã làm sai nội dung vừa quét: {value}. Hãy tắt bộ gõ tiếng Việt (chuyển sang chữ E) rồi quét lại.",
        "The Vietnamese input method (Unikey, EVKey…) altered the scan: {value}. Switch the input method off (to “E”) and scan again.",
    ),
    # actions and states, used inside lifecycle messages
    "action.receive": ("tiếp nhận", "receive"),
    "action.accept": ("tiếp nhận hồ sơ trực tuyến", "accept"),
    "action.transfer": ("chuyển xử lý", "transfer"),
    "action.request-supplement": ("yêu cầu bổ sung", "request a supplement for"),
    "action.resubmit": ("nhận bổ sung", "take the supplement of"),
    "action.request-payment": ("yêu cầu nộp phí", "request payment for"),
    "action.pay": ("ghi nhận đã nộp phí", "record the payment of"),
    "action.refuse": ("từ chối tiếp nhận", "refuse"),
    "action.withdraw": ("rút", "withdraw"),
    "action.stop": ("dừng xử lý", "stop"),
    "action.resolve": ("hoàn thành xử lý", "resolve"),
    "action.return": ("trả kết quả", "return the result of"),
    "status.receiving": ("Mới đăng ký", "Submitted online"),
    "status.new": ("Được tiếp nhận", "Received"),
    "status.denied": ("Không được tiếp nhận", "Refused at intake"),
    "status.processing": ("Đang xử lý", "Processing"),
    "status.waiting": ("Yêu cầu bổ sung giấy tờ", "Waiting for supplement"),
    "status.paying": ("Yêu cầu thực hiện nghĩa vụ tài chính", "Waiting for payment"),
    "status.cancelled": ("Công dân yêu cầu rút hồ sơ", "Withdrawn"),
    "status.unresolved": ("Dừng xử lý", "Processing stopped"),
    "status.releasing": ("Đã xử lý xong", "Result ready"),
    "status.done": ("Đã trả kết quả", "Result returned"),
    # --- digitising: scanned originals attached to a dossier
    "attachment.empty": (
        "Tệp {path} rỗng: không có gì để lưu.",
        "The file {path} is empty: nothing to store.",
    ),
    "attachment.too_large": (
        "Tệp {path} quá lớn ({size} MB, tối đa {limit} MB).",
        "The file {path} is too large ({size} MB, at most {limit} MB).",
    ),
    "attachment.unsupported": (
        "Tệp {path} không phải bản quét được hỗ trợ (JPEG, PNG, TIFF, PDF).",
        "The file {path} is not a supported scan (JPEG, PNG, TIFF, PDF).",
    ),
    "attachment.type_mismatch": (
        "Tệp {path} có đuôi {extension} nhưng nội dung là {actual}.",
        "The file {path} is named {extension} but its content is {actual}.",
    ),
    "attachment.corrupt": (
        "Tệp {path} bị hỏng hoặc không đọc được: {detail}",
        "The file {path} is damaged or unreadable: {detail}",
    ),
    "attachment.bomb": (
        "Ảnh {path} quá nhiều điểm ảnh ({pixels}, tối đa {limit}): có thể là tệp độc hại.",
        "The image {path} has too many pixels ({pixels}, at most {limit}): possibly a malicious file.",
    ),
    "attachment.component": (
        "Hồ sơ {code} không có thành phần «{component}». Chọn một trong: {choices}.",
        "Dossier {code} has no component “{component}”. Choose one of: {choices}.",
    ),
    "attachment.duplicate": (
        "Tệp {path} đã được đính kèm vào hồ sơ {code}.",
        "The file {path} is already attached to dossier {code}.",
    ),
    "attachment.none_given": ("Chưa chọn tệp nào để đính kèm.", "No file was given to attach."),
    "attachment.unknown": (
        "Hồ sơ {code} không có tệp đính kèm {sha256}.",
        "Dossier {code} has no attachment {sha256}.",
    ),
    "digitised.title": ("HỒ SƠ ĐIỆN TỬ", "DIGITISED DOSSIER"),
    "digitised.code": ("Mã hồ sơ", "Dossier code"),
    "digitised.applicant": ("Người nộp", "Applicant"),
    "digitised.procedure": ("Thủ tục", "Procedure"),
    "digitised.components": ("Thành phần hồ sơ", "Components"),
    "digitised.pages": ("{pages} trang", "{pages} pages"),
    # --- operations: backups, restore, one window per data folder (issue 8)
    "app.already_open": (
        "Bộ phận Một cửa đang mở trên máy này với thư mục dữ liệu {path}. Hãy dùng cửa sổ đang mở (hoặc đóng nó trước).",
        "The counter is already open on this computer with the data folder {path}. Use the open window (or close it first).",
    ),
    "restore.sync_running": (
        "Lệnh đồng bộ (counter-app sync) đang chạy với thư mục dữ liệu {path}. Hãy dừng nó trước khi khôi phục, rồi chạy lại sau. Không có gì bị thay đổi.",
        "A sync (counter-app sync) is running on the data folder {path}. Stop it before restoring, then start it again afterwards. Nothing was changed.",
    ),
    "sync.folder_busy": (
        "Chưa đồng bộ được: thư mục dữ liệu {path} đang được khôi phục từ bản sao lưu, hoặc một lệnh đồng bộ khác đang chạy với nó. Hãy đợi việc đó xong rồi chạy lại.",
        "Not synced: the data folder {path} is being restored from a backup, or another sync is running on it. Wait until it has finished, then run sync again.",
    ),
    "backup.not_a_backup": (
        "Tệp {path} không phải bản sao lưu của Bộ phận Một cửa (không phải tệp zip). Không có gì bị thay đổi.",
        "The file {path} is not a backup of the counter (not a zip file). Nothing was changed.",
    ),
    "backup.not_ours": (
        "Tệp {path} không phải bản sao lưu của Bộ phận Một cửa (thiếu bản kê hợp lệ). Không có gì bị thay đổi.",
        "The file {path} is not a backup of the counter (no valid manifest). Nothing was changed.",
    ),
    "backup.tampered": (
        "Bản sao lưu {path} bị hỏng hoặc đã bị sửa (thành phần {member} không khớp bản kê). Không có gì bị thay đổi.",
        "The backup {path} is damaged or was altered ({member} does not match its manifest). Nothing was changed.",
    ),
    "backup.damaged": (
        "Cơ sở dữ liệu trong bản sao lưu {path} bị hỏng (kiểm tra toàn vẹn thất bại). Không có gì bị thay đổi.",
        "The database inside the backup {path} is damaged (integrity check failed). Nothing was changed.",
    ),
    "backup.newer": (
        "Bản sao lưu {path} được tạo bởi phiên bản mới hơn của chương trình ({version}). Hãy cập nhật chương trình trước khi khôi phục.",
        "The backup {path} was made by a newer version of the program ({version}). Update the program before restoring it.",
    ),
    "backup.newer_schema": (
        "Bản sao lưu {path} thuộc phiên bản dữ liệu mới hơn của chương trình ({revision}). Hãy cập nhật chương trình trước khi khôi phục.",
        "The backup {path} holds data of a newer version of the program ({revision}). Update the program before restoring it.",
    ),
    "backup.no_folder": (
        "Không có thư mục {path} để ghi bản sao lưu (ổ USB hoặc ổ mạng chưa được gắn?). Hãy kiểm tra rồi thử lại.",
        "There is no folder {path} to write the backup to (a USB or network drive not mounted?). Check it and try again.",
    ),
    "backup.keep_range": (
        "Số bản sao lưu giữ lại phải từ {low} đến {high}.",
        "The number of backups kept must be between {low} and {high}.",
    ),
    "setup.exists": (
        "Thư mục {path} đã có dữ liệu của Bộ phận Một cửa: không thiết lập lại.",
        "The folder {path} already holds counter data: it is not set up again.",
    ),
    "attachment.pdf_encrypted": (
        "Tệp PDF {path} được khóa bằng mật khẩu: hãy quét lại giấy tờ hoặc lưu thành PDF không khóa.",
        "The PDF {path} is locked with a password: scan the papers again or save an unlocked PDF.",
    ),
    "attachment.pdf_pages": (
        "Tệp PDF {path} có {pages} trang, tối đa {limit} trang.",
        "The PDF {path} has {pages} pages, at most {limit}.",
    ),
    "scan.folder_missing": (
        "Không tìm thấy thư mục quét {folder}: hãy chọn lại bằng nút «Thư mục quét…».",
        "The scan folder {folder} does not exist: choose it again with “Scan folder…”.",
    ),
    "scan.folder_unwritable": (
        "Không chuyển được tệp {path} vào thư mục {folder}: {reason}",
        "Could not move the file {path} into the folder {folder}: {reason}",
    ),
    "scan.no_device": (
        "Không tìm thấy máy quét nào. Kiểm tra cáp, nguồn điện và trình điều khiển.",
        "No scanner was found. Check the cable, the power and the driver.",
    ),
    "scan.device_lost": (
        "Máy quét {device} bị ngắt giữa chừng ({reason}): không trang nào được lưu, hãy quét lại.",
        "The scanner {device} was lost mid-scan ({reason}): no page was kept, scan again.",
    ),
    "scan.no_pages": (
        "Máy quét {device} không trả về trang nào: kiểm tra giấy trong khay rồi quét lại.",
        "The scanner {device} gave no page: check the paper in the tray and scan again.",
    ),
    "scan.already_staged": (
        "Tệp {path} đã có trong các bản quét của hồ sơ đang nhập.",
        "The file {path} is already among the scans of the dossier being entered.",
    ),
    "scan.staged_unticked": (
        "Giấy tờ «{paper}» có bản quét nhưng chưa được đánh dấu đã nhận: đánh dấu giấy tờ hoặc bỏ các bản quét.",
        "The paper “{paper}” has scans but is not ticked as received: tick it or remove its scans.",
    ),
    "scan.staged_kept": (
        "Hồ sơ {code} đã lưu nhưng chưa đính kèm được bản quét: {reason} Các bản quét vẫn được giữ, hãy thử lại.",
        "Dossier {code} is saved but its scans could not be attached: {reason} The scans are kept: try again.",
    ),
    "scan.device_gone": (
        "Không mở được máy quét {device} ({reason}): máy đã tắt, bị rút cáp hoặc đang bận. Hãy kiểm tra rồi chọn lại máy quét.",
        "The scanner {device} could not be opened ({reason}): it is switched off, unplugged or busy. Check it, then choose the scanner again.",
    ),
    # --- supervisor's review (issue 7)
    "permission.report_counter": (
        "xem số liệu của cả bộ phận hoặc của cán bộ khác",
        "see the whole counter's or another officer's figures",
    ),
    "permission.report_period": ("xem báo cáo số liệu theo kỳ", "see the period report"),
    "permission.sign_off": (
        "ký xác nhận hoặc mở lại ngày làm việc",
        "sign off or reopen a working day",
    ),
    "report.range": (
        "Khoảng thời gian không hợp lệ: từ ngày {start} đến ngày {end}.",
        "Not a period: from {start} to {end}.",
    ),
    "report.day_signed": (
        "Ngày {day} đã được {by} ký xác nhận: không thể ghi thay đổi làm đổi số liệu của ngày đó. "
        "Lãnh đạo bộ phận cần mở lại ngày (ghi rõ lý do) trước.",
        "The day {day} was signed off by {by}: changes to its figures cannot be written. "
        "A supervisor must reopen the day (with a reason) first.",
    ),
    "report.already_signed": (
        "Ngày {day} đã được {by} ký xác nhận lúc {at}.",
        "The day {day} was already signed off by {by} at {at}.",
    ),
    "report.not_signed": (
        "Ngày {day} chưa được ký xác nhận nên không cần mở lại.",
        "The day {day} is not signed off, so there is nothing to reopen.",
    ),
    "report.future_day": (
        "Không thể ký xác nhận ngày {day} khi ngày đó chưa đến.",
        "The day {day} cannot be signed off before it has come.",
    ),
    "report.cash_amount": (
        "Số tiền mặt đếm được phải là số đồng không âm: {value}",
        "The cash counted must be a whole, non-negative number of đồng: {value}",
    ),
    "report.reopen_reason_required": (
        "Cần ghi lý do mở lại ngày {day}.",
        "A reason is needed to reopen the day {day}.",
    ),
    # --- hardening: central security (issue 12)
    "central.role_exists": (
        "Máy chủ đã có tài khoản {role} (của một cơ sở dữ liệu khác hay một lần thêm quầy dở). "
        "Chọn mã quầy khác, hoặc quản trị viên xóa tài khoản đó.",
        "The server already has a login {role} (another database's, or an unfinished "
        "add-counter). Choose another counter ID, or have the administrator drop that login.",
    ),
    # --- hardening: poisoned input and limits (issue 12)
    "text.broken": (
        "Nội dung {field} có ký tự bị hỏng (do sao chép hoặc mã hóa tệp sai). Hãy nhập lại.",
        "The {field} holds a broken character (a bad copy or file encoding). Type it again.",
    ),
    "field.fee_name": ("tên khoản phí", "fee name"),
    "birth_date.past": (
        "Ngày sinh phải từ năm {year} trở đi.",
        "The birth date must be in {year} or later.",
    ),
    "fees.total": (
        "Tổng phí, lệ phí của hồ sơ vượt quá {limit} đồng.",
        "The fees of the dossier add up to more than {limit} đồng.",
    ),
    "input.too_many": (
        "Danh sách {where} quá dài (tối đa {limit} mục).",
        "The list {where} is too long (at most {limit} items).",
    ),
    "input.range": (
        "{field} phải từ {low} đến {high}: {value}",
        "{field} must be from {low} to {high}: {value}",
    ),
    "input.date_range": (
        "Ngày phải trong các năm {first}–{last}: {value}",
        "The date must fall in the years {first}–{last}: {value}",
    ),
    "json.too_deep": (
        "Dữ liệu JSON lồng nhau quá sâu; tệp không phải hồ sơ hay danh mục hợp lệ.",
        "The JSON is nested too deeply; it is not a valid dossier or catalog file.",
    ),
    "file.too_big": (
        "Tệp {path} quá lớn (tối đa {limit} MB).",
        "The file {path} is too big (at most {limit} MB).",
    ),
    "catalog.reason.duration_long": (  # the limits of domain/limits.py
        "quá dài (tối đa 1000 ngày hoặc 8000 giờ làm việc)",
        "is too long (at most 1000 days or 8000 working hours)",
    ),
    "sync.set_aside": (
        "Hồ sơ {code} chưa gửi được lên máy chủ trung tâm ({reason}); các hồ sơ khác vẫn được gửi. "
        "Hồ sơ này sẽ được gửi lại khi có thay đổi: hãy sửa lại thông tin của hồ sơ.",
        "Dossier {code} could not be sent to the central server ({reason}); the others still "
        "go up. It is sent again when it changes: correct the dossier's details.",
    ),
    "central.no_move": (
        "Không thể chuyển hồ sơ đang ở trạng thái «{status}» sang «{what}».",
        "A dossier whose status is “{status}” cannot be moved to “{what}”.",
    ),
    "code.exhausted_standalone": (
        "Đã hết số hồ sơ của {agency} ngày {day} (quầy làm việc độc lập cấp tối đa 9999 số "
        "một ngày). Hãy kết nối quầy với máy chủ trung tâm (counter-app sync --central URL) "
        "hoặc báo quản trị viên.",
        "No dossier numbers left for {agency} on {day} (a standalone counter gives at most "
        "9999 a day). Connect the counter to a central server (counter-app sync --central URL) "
        "or call the administrator.",
    ),
    "sync.offline_unregistered": (
        "Không kết nối được máy chủ trung tâm ({reason}). Quầy chưa đăng ký nên chưa tiếp nhận "
        "được hồ sơ: hãy kiểm tra mạng và địa chỉ máy chủ, rồi đồng bộ lại.",
        "Cannot reach the central server ({reason}). The counter is not registered yet, so it "
        "cannot take dossiers: check the line and the central address, then sync again.",
    ),
    "procedure.duration": (
        "Thời hạn giải quyết của thủ tục {code} trong danh mục quá dài, không tính được ngày hẹn "
        "trả. Hãy báo quản trị viên sửa danh mục.",
        "The time limit of procedure {code} in the catalog is too long for a due time to be "
        "worked out. Ask the administrator to correct the catalog.",
    ),
    "catalog.reason.broken": (
        "có ký tự bị hỏng (sao chép hoặc mã hóa tệp sai)",
        "holds a broken character (a bad copy or file encoding)",
    ),
    # --- hardening: files, paths, secrets (issue 12)
    "secret.admin_login": (
        "Lệnh này cần một quản trị viên: thêm --user TÊN_ĐĂNG_NHẬP (mật khẩu trên dòng đầu của "
        "stdin, hoặc nhập khi được hỏi).",
        "This command needs an administrator: add --user LOGIN (the password on stdin's first "
        "line, or typed when asked).",
    ),
    "secret.admin_what": ("thực hiện lệnh của quản trị viên", "run an administrator's command"),
    "secret.prompt_central": ("Mật khẩu máy chủ trung tâm ({user}):", "Central password ({user}):"),
    "secret.prompt_user": ("Mật khẩu của {login}:", "Password of {login}:"),
    "secret.missing": (
        "Chưa có mật khẩu: hãy đưa vào một dòng trên đầu vào chuẩn (stdin), hoặc nhập khi được hỏi.",
        "No password: give it as one line on standard input (stdin), or type it when asked.",
    ),
    "secret.in_address": (
        "Cảnh báo: mật khẩu trong địa chỉ hiện với mọi người dùng khác của máy này (danh sách "
        "tiến trình) suốt thời gian lệnh chạy. Lần sau hãy bỏ mật khẩu khỏi địa chỉ và dùng "
        "--password-stdin, hoặc nhập khi được hỏi.",
        "Warning: the password in the address is visible to every other user of this machine "
        "(the process list) for as long as the command runs. Next time leave it out of the "
        "address and use --password-stdin, or type it when asked.",
    ),
    "db.emptied": (
        "Tệp dữ liệu {path} rỗng (0 byte): dữ liệu của quầy đã mất. Không tạo cơ sở dữ liệu mới "
        "(số hồ sơ sẽ bắt đầu lại từ 0001). Hãy khôi phục bản sao lưu gần nhất "
        "(counter-app restore TỆP); các bản sao lưu thường nằm trong {backups}.",
        "The database file {path} is empty (0 bytes): the counter's data is gone. No new "
        "database is made (dossier numbers would start again at 0001). Restore the newest "
        "backup (counter-app restore FILE); backups are usually in {backups}.",
    ),
    "db.emptied_backup": (
        "Tệp dữ liệu {path} rỗng (0 byte): dữ liệu của quầy đã mất. Không tạo cơ sở dữ liệu mới "
        "(số hồ sơ sẽ bắt đầu lại từ 0001). Bản sao lưu gần nhất: {backup} — khôi phục bằng "
        "counter-app restore TỆP.",
        "The database file {path} is empty (0 bytes): the counter's data is gone. No new "
        "database is made (dossier numbers would start again at 0001). The newest backup: "
        "{backup} — restore it with counter-app restore FILE.",
    ),
    "output.store": (
        "Không ghi vào {path}: đó là dữ liệu của quầy trong {data} (cơ sở dữ liệu hoặc bản quét "
        "gốc), ghi đè sẽ làm mất dữ liệu. Hãy chọn tệp khác.",
        "Not writing {path}: it is the counter's own data in {data} (the database or the "
        "scanned originals), and writing over it would destroy it. Choose another file.",
    ),
    "attachment.frames": (
        "Tệp {path} có hơn {limit} trang: không phải bản quét hồ sơ, có thể là tệp độc hại.",
        "The file {path} has more than {limit} pages: no scan of papers, possibly a malicious file.",
    ),
    "attachment.total_pixels": (
        "Các trang của tệp {path} cộng lại quá nhiều điểm ảnh ({pixels}, tối đa {limit}): "
        "có thể là tệp độc hại.",
        "The pages of {path} together have too many pixels ({pixels}, at most {limit}): "
        "possibly a malicious file.",
    ),
    "attachment.inflates": (
        "Tệp {path} giải nén ra quá lớn (hơn {size} MB, tối đa {limit} MB): có thể là tệp độc hại.",
        "The file {path} inflates too much (over {size} MB, at most {limit} MB): "
        "possibly a malicious file.",
    ),
    # --- hardening: tampering, restore, joining central (issue 12)
    "audit.truncated": (
        "Nhật ký kiểm toán chỉ còn {entries} bản ghi, ít hơn {anchored} bản ghi theo {what}: nhật ký đã bị cắt bớt. Hãy báo ngay cho người quản trị.",
        "The audit log holds only {entries} entries, fewer than the {anchored} recorded by {what}: it has been cut short. Tell the administrator at once.",
    ),
    "audit.rewritten": (
        "Bản ghi thứ {anchored} của nhật ký kiểm toán không còn khớp với {what}: nhật ký đã bị viết lại. Hãy báo ngay cho người quản trị.",
        "Entry {anchored} of the audit log no longer matches {what}: the log has been rewritten. Tell the administrator at once.",
    ),
    "audit.anchor.local": (
        "mốc neo mà cơ sở dữ liệu tập trung đã xác nhận (lưu tại quầy)",
        "the anchor central acknowledged (kept at this counter)",
    ),
    "audit.anchor.central": (
        "mốc neo lưu ở cơ sở dữ liệu tập trung",
        "the anchor central keeps",
    ),
    "audit.triggers_missing": (
        "Nhật ký kiểm toán không còn được bảo vệ chống sửa, xóa (thiếu trigger {names}). Hãy chạy counter-app init để khôi phục và báo cho người quản trị.",
        "The audit log is no longer protected against edits and deletions (triggers {names} are missing). Run counter-app init to restore them and tell the administrator.",
    ),
    "audit.anchor_refused": (
        "Cơ sở dữ liệu tập trung không nhận mốc neo {entries} bản ghi của nhật ký kiểm toán (đã có mốc {anchored} bản ghi khác với nhật ký tại quầy).",
        "Central did not take the audit log's anchor at {entries} entries (it holds one at {anchored} entries that differs from this counter's log).",
    ),
    "backup.audit_unprotected": (
        "Bản sao lưu {path} có nhật ký kiểm toán không được bảo vệ (thiếu trigger {names}): dữ liệu đã bị sửa ngoài chương trình. Không có gì bị thay đổi.",
        "The backup {path} holds an audit log without its protection (triggers {names} are missing): the data was altered outside the program. Nothing was changed.",
    ),
    "backup.audit_broken": (
        "Nhật ký kiểm toán trong bản sao lưu {path} bị sửa đổi tại bản ghi {entry}. Không có gì bị thay đổi.",
        "The audit log inside the backup {path} was altered at entry {entry}. Nothing was changed.",
    ),
    "backup.audit_behind": (
        "Bản sao lưu {path} không khớp với nhật ký kiểm toán mà cơ sở dữ liệu tập trung đã xác nhận cho quầy này ({anchored} bản ghi; bản sao lưu có {entries}): bản sao lưu đã bị sửa hoặc được tạo trước mốc đó. Không có gì bị thay đổi; hãy dùng một bản sao lưu mới hơn.",
        "The backup {path} does not match the audit log central acknowledged for this counter ({anchored} entries; the backup has {entries}): it was altered or made before that point. Nothing was changed; use a newer backup.",
    ),
    # --- officer's day: interface (issue 13)
    # --- officer's day: moves, amend, sign-off, online (issue 13)
    "field.early_reason": ("lý do ký xác nhận sớm", "reason for signing off early"),
    "action.amend": ("sửa thông tin tiếp nhận", "correct the intake of"),
    "amend.fields": (
        "Không sửa được {fields} sau khi tiếp nhận; chỉ sửa được: {allowed}.",
        "{fields} cannot be corrected after intake; only these can: {allowed}.",
    ),
    "amend.nothing": (
        "Thông tin sửa giống hệt thông tin đã tiếp nhận của hồ sơ {code}: không có gì để ghi.",
        "The correction is the same as what dossier {code} holds: nothing to record.",
    ),
    "amend.not_received": (
        "Hồ sơ {code} chưa được tiếp nhận: hãy tiếp nhận hoặc từ chối hồ sơ trực tuyến trước.",
        "Dossier {code} has not been received yet: accept or refuse the online submission first.",
    ),
    "amend.supervisor_only": (
        "Hồ sơ {code} đã rời bộ phận tiếp nhận ({status}): chỉ lãnh đạo bộ phận được sửa thông tin tiếp nhận, kèm lý do.",
        "Dossier {code} has left the counter ({status}): only a supervisor may correct its intake, giving the reason.",
    ),
    "amend.reason_required": (
        "Hồ sơ {code} đã chuyển xử lý: ghi rõ lý do sửa thông tin tiếp nhận.",
        "Dossier {code} was transferred: give the reason for correcting its intake.",
    ),
    "report.sign_off_early": (
        "Bộ phận chưa hết giờ làm việc ngày {day} (đóng cửa lúc {closing}): ký xác nhận bây giờ sẽ chặn mọi tiếp nhận và thao tác hồ sơ trong ngày cho đến khi lãnh đạo mở lại ngày. Nếu vẫn cần ký sớm, ghi rõ lý do.",
        "The counter is open until {closing} on {day}: signing the day off now blocks every intake and every move of a dossier for the rest of the day, until a supervisor reopens it. To sign off early all the same, give the reason.",
    ),
    # --- officer's day: search and speed (issue 13)
    # --- officer's day: wording (issue 13)
    "login.attempts_left": (
        "Sai tên đăng nhập hoặc mật khẩu. Còn {left} lần thử trước khi tài khoản bị tạm khóa "
        "{minutes} phút.",
        "Wrong login or password. Attempts left before the account is locked for {minutes} "
        "minutes: {left}.",
    ),
    "report.cash_over_note_required": (
        "Tiền mặt đếm được ({counted} đ) thừa {difference} đ so với phí thu tiền mặt đã ghi "
        "nhận ({recorded} đ): cần ghi chú lý do chênh lệch.",
        "The cash counted ({counted} đ) is {difference} đ over the cash fees recorded "
        "({recorded} đ): a note explaining the difference is needed.",
    ),
    "report.cash_short_note_required": (
        "Tiền mặt đếm được ({counted} đ) thiếu {difference} đ so với phí thu tiền mặt đã ghi "
        "nhận ({recorded} đ): cần ghi chú lý do chênh lệch.",
        "The cash counted ({counted} đ) is {difference} đ short of the cash fees recorded "
        "({recorded} đ): a note explaining the difference is needed.",
    ),
    # --- issue 13
    "sync.worker_died": (
        "Tiến trình đồng bộ đã dừng bất ngờ (mã thoát {code}). Hồ sơ vẫn được tiếp nhận và chờ gửi; việc đồng bộ sẽ tự chạy lại sau ít giây.",
        "The sync process stopped unexpectedly (exit code {code}). Intake goes on and dossiers wait to go up; the sync starts again in a few seconds.",
    ),
    "sync.worker_failed": (
        "Tiến trình đồng bộ đã dừng vì lỗi: {reason}. Hồ sơ vẫn được tiếp nhận và chờ gửi; việc đồng bộ sẽ tự chạy lại sau ít giây.",
        "The sync process stopped on an error: {reason}. Intake goes on and dossiers wait to go up; the sync starts again in a few seconds.",
    ),
    # --- 2026 law: calendar (issue 14)
    "calendar_file.invalid": (
        "Tệp lịch nghỉ chính thức không hợp lệ: {where}: {reason}",
        "Invalid official calendar file: {where}: {reason}",
    ),
    "calendar_file.day_twice": (
        "Tệp lịch nghỉ chính thức không hợp lệ: {where}: ngày {day} đã có trong một quyết định khác.",
        "Invalid official calendar file: {where}: the day {day} is already in another decision.",
    ),
    # reasons, rendered inside "calendar_file.invalid" (no parameters of their own)
    "calendar_file.reason.date": ("phải là một ngày dạng YYYY-MM-DD", "must be a date YYYY-MM-DD"),
    "calendar_file.reason.format": (
        'phải là "counter-app-official-days"',
        'must be "counter-app-official-days"',
    ),
    "calendar_file.reason.version": (
        "phải là một số nguyên từ 1 trở lên",
        "must be a whole number, 1 or more",
    ),
    "calendar_file.reason.verdict": (
        'phải là "matches" hoặc "differs"',
        'must be "matches" or "differs"',
    ),
    "calendar_file.reason.no_days": (
        "phải có ít nhất một ngày nghỉ hoặc ngày làm bù",
        "must name at least one day off or make-up working day",
    ),
    "central.calendar.date_or_import": (
        "Cần --date D với --kind hoặc --remove, hoặc chỉ --import TỆP.",
        "Give --date D with --kind or --remove, or --import FILE alone.",
    ),
    # --- 2026 law: identity papers (issue 14)
    "field.id_type": ("loại giấy tờ", "identity paper"),
    "id_type.citizen_id": ("CCCD/số định danh", "citizen ID"),
    "id_type.old_id": ("CMND (cũ)", "old ID card (CMND)"),
    "id_type.passport": ("hộ chiếu", "passport"),
    "id_type.foreign_id": ("giấy tờ của người nước ngoài", "foreigner's document"),
    "id_type.enterprise_code": ("mã số doanh nghiệp/mã số thuế", "enterprise/tax code"),
    "id_type.other": ("giấy tờ khác", "other document"),
    "id_number.old_id": (
        "CMND 9 số đã hết giá trị sử dụng từ 01/01/2025: vẫn nhận hồ sơ, nên ghi thêm số "
        "định danh cá nhân (CCCD) của người nộp.",
        "The 9-digit ID card (CMND) has not been valid since 1 January 2025: the dossier is "
        "received; better also note the applicant's 12-digit personal ID number.",
    ),
    "id_number.old_id_format": (
        "Số CMND phải gồm 9 chữ số: {value}",
        "An old ID card (CMND) number has 9 digits: {value}",
    ),
    "id_number.passport_format": (
        "Số hộ chiếu phải gồm 6 đến 9 chữ cái hoặc chữ số, có ít nhất một chữ số (hộ chiếu "
        "Việt Nam: 1 chữ cái và 7 chữ số, ví dụ C1234567): {value}",
        "A passport number has 6 to 9 letters or digits, at least one a digit (Vietnamese "
        "passport: 1 letter and 7 digits, e.g. C1234567): {value}",
    ),
    "id_number.foreign_id_format": (
        "Số giấy tờ của người nước ngoài phải gồm 5 đến 20 chữ cái hoặc chữ số, có ít nhất một "
        "chữ số: {value}",
        "A foreigner's document number has 5 to 20 letters or digits, at least one a digit: "
        "{value}",
    ),
    "id_number.enterprise_code_format": (
        "Mã số doanh nghiệp/mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc "
        "(ví dụ 0101234567-001): {value}",
        "An enterprise/tax code has 10 digits, or 13 for a dependent unit "
        "(e.g. 0101234567-001): {value}",
    ),
    "id_number.other_format": (
        "Số giấy tờ phải có chữ cái hoặc chữ số, tối đa 30 ký tự: {value}",
        "A document number needs letters or digits, at most 30 characters: {value}",
    ),
    # --- 2026 law: papers and forms (issue 14)
    "paper.new_due_day_off": (
        "Ngày hẹn trả mới ({day}) là ngày nghỉ của quầy; hãy chọn một ngày làm việc.",
        "The new due date ({day}) is a day off at the counter; choose a working day.",
    ),
    # --- 2026 law: demo data and any-agency receiving (issue 14)
    "return_at.unknown": (
        "Nơi trả kết quả {code} không có trong danh mục cơ quan.",
        "The place of return {code} is not an agency of the catalog.",
    ),
    # --- 2026 law: national portal export (issue 14)
    "central.since_invalid": (
        "--since phải là số thứ tự thay đổi (số nguyên không âm), không phải «{value}».",
        "--since must be a change sequence number (a whole number, 0 or more), not “{value}”.",
    ),
    # --- 2026 law: the rest (issue 14, law-rest)
    "field.title": ("chức vụ", "title"),
    # --- Windows (issue 15)
    "paper.printer_unknown": (
        "Máy này không có máy in {printer}. Hãy chọn máy in khác, hoặc lưu ra tệp với -o TỆP.pdf.",
        "This computer has no printer {printer}. Choose another printer, or save to a file with -o FILE.pdf.",
    ),
    "paper.not_printed": (
        "Máy in {printer} không in được giấy này{detail}. Hãy kiểm tra máy in (bật, đủ giấy, có kết nối) rồi in lại, hoặc lưu ra tệp với -o TỆP.pdf.",
        "The printer {printer} did not print this paper{detail}. Check the printer (on, paper loaded, connected) and print again, or save to a file with -o FILE.pdf.",
    ),
    "scan.wia_missing": (
        "Máy này không dùng được máy quét qua WIA của Windows ({reason}). Hãy lưu bản quét vào thư mục quét bằng phần mềm của máy quét, hoặc thêm tệp.",
        "Windows' scanner service (WIA) cannot be used on this computer ({reason}). Save the scans into the scan folder with the scanner's own software, or add the files.",
    ),
    "app.data_drive_missing": (
        "Không thấy ổ đĩa {drive} của thư mục dữ liệu {path} (ổ USB đã rút, ổ mạng chưa kết nối?). Hãy cắm lại ổ rồi mở lại chương trình; dữ liệu không bị mất.",
        "The drive {drive} of the data folder {path} is not there (a USB drive removed, a network drive not connected?). Plug it back in and start the program again; no data was lost.",
    ),
    "app.data_path_too_long": (
        "Đường dẫn thư mục dữ liệu quá dài cho Windows ({length} ký tự, tối đa {limit}): {path}. Hãy chọn thư mục ngắn hơn, ví dụ C:\\MotCua.",
        "The data folder's path is too long for Windows ({length} characters, at most {limit}): {path}. Choose a shorter folder, e.g. C:\\MotCua.",
    ),
    # --- seams: settings registry and permissions (issue 16)
    "setting.unknown": ("Không có thiết lập «{name}».", "There is no setting “{name}”."),
    "setting.not_int": (
        "Thiết lập «{name}» phải là số nguyên, không phải «{value}».",
        "The setting “{name}” must be a whole number, not “{value}”.",
    ),
    "setting.not_bool": (
        "Thiết lập «{name}» phải là true hoặc false, không phải «{value}».",
        "The setting “{name}” must be true or false, not “{value}”.",
    ),
    "setting.not_text": (
        "Thiết lập «{name}» phải là một chuỗi chữ, không phải «{value}».",
        "The setting “{name}” must be text, not “{value}”.",
    ),
    "setting.not_json": (
        "Thiết lập «{name}» phải là một giá trị JSON có cấu trúc đúng, không phải «{value}».",
        "The setting “{name}” must be a JSON value of the right shape, not “{value}”.",
    ),
    "setting.range": (
        "Thiết lập «{name}» phải từ {low} đến {high}, không phải {value}.",
        "The setting “{name}” must be from {low} to {high}, not {value}.",
    ),
    "setting.choice": (
        "Thiết lập «{name}» phải là một trong: {choices} (không phải «{value}»).",
        "The setting “{name}” must be one of: {choices} (not “{value}”).",
    ),
    "setting.too_long": (
        "Thiết lập «{name}» dài quá {length} ký tự.",
        "The setting “{name}” is longer than {length} characters.",
    ),
    "setting.invalid": (
        "Giá trị của thiết lập «{name}» không hợp lệ ({problem}): {value}",
        "The value of the setting “{name}” is not valid ({problem}): {value}",
    ),
    "setting.system": (
        "Thiết lập «{name}» do chương trình tự ghi, không sửa bằng tay được.",
        "The setting “{name}” is written by the program itself and cannot be changed by hand.",
    ),
    "setting.unknown_agency": (
        "Thiết lập «{name}»: không có cơ quan mã {agency} trong danh mục của quầy.",
        "The setting “{name}”: there is no agency with code {agency} in this counter's catalog.",
    ),
    "permission.settings_page": ("mở trang Cài đặt", "open the settings page"),
    "permission.setting_admin": (
        "thay đổi thiết lập của quản trị viên",
        "change an administrator's setting",
    ),
    "permission.setting_supervisor": (
        "thay đổi thiết lập của lãnh đạo",
        "change a supervisor's setting",
    ),
    "permission.setting_desk": ("thay đổi thiết lập tại quầy", "change a desk setting"),
    "permission.correct_after_transfer": (
        "sửa hồ sơ đã chuyển đi xử lý",
        "correct a dossier already transferred",
    ),
    "permission.resolve_conflict": (
        "quyết định xung đột đồng bộ",
        "decide a sync conflict",
    ),
    # --- seams: types and smaller rooms (issue 16)
    "scan.spooled_waiting": (
        "Hồ sơ {code} còn {n} bản quét chờ đính kèm (được giữ trên đĩa từ trước).",
        "Dossier {code} has {n} scanned file(s) waiting to be attached (kept on disk from before).",
    ),
    # --- province scale (issue 17)
    "codes.number_space_low": (
        "Dải số hồ sơ của {agency} ngày {day} sắp hết: đã cấp {leased}/{leasable} số. Khi hết,"
        " các quầy chỉ còn số dự phòng; xem hướng dẫn quản trị (docs/ADMIN.md).",
        "The dossier numbers of {agency} for {day} are running low: {leased} of {leasable}"
        " leased. Once they are out, counters have only their fallback numbers; see the"
        " administrator's guide (docs/ADMIN.md).",
    ),
    "central.status_needs_both": (
        "Ghi quyết định cần cả mã hồ sơ và trạng thái (CODE STATUS).",
        "A decision needs both the dossier code and the status (CODE STATUS).",
    ),
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


# Parameters that may name another message (a field, an action, a state, a reason) rather
# than carry what the user typed; only these are translated, so typed text never is.
KEY_PARAMETERS = frozenset({"field", "action", "status", "reason", "what"})


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Render a message in the user's language, translating parameters that name keys."""
    vi, en = MESSAGES[key]
    template = en if lang == "en" else vi
    rendered = {
        name: (
            translate(value, lang)
            if name in KEY_PARAMETERS and isinstance(value, str) and value in MESSAGES
            else value
        )
        for name, value in params.items()
    }
    return template.format(**rendered)
