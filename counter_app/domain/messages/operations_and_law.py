"""Messages of: operations: backups, restore, one window per data folder (issue 8), supervisor's
review (issue 7), hardening: central security (issue 12), hardening: poisoned input and limits
(issue 12), hardening: files, paths, secrets (issue 12), hardening: tampering, restore, joining
central (issue 12), officer's day: interface (issue 13), officer's day: moves, amend, sign-off,
online (issue 13), officer's day: search and speed (issue 13), officer's day: wording (issue
13), issue 13, 2026 law: calendar (issue 14), 2026 law: identity papers (issue 14), 2026 law:
papers and forms (issue 14), 2026 law: demo data and any-agency receiving (issue 14), 2026 law:
national portal export (issue 14), 2026 law: the rest (issue 14, law-rest), Windows (issue 15),
seams: settings registry and permissions (issue 16), seams: types and smaller rooms (issue 16),
province scale (issue 17). Key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- operations: backups, restore, one window per data folder (issue 8)
    "app.started_again": (
        "Chương trình được mở lại: đây là cửa sổ đang mở của nó.",
        "The program was started again: this is its open window.",
    ),
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
}
