"""Messages of: validation, files, input, database (rendered by the services and the command line),
papers (printing), lifecycle, codes, sync with the central database, citizen ID QR, scans at the
desk, digitising: scanned originals attached to a dossier. Key -> (Vietnamese, English)."""

from __future__ import annotations

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
}
