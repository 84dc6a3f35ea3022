<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ComponentSection</name>
    <message>
        <location filename="../../counter_app/ui/digitising/sections.py" line="+119"/>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Xem lớn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn ↻</source>
        <translation>Xoay ↻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier</source>
        <translation>Lên trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Xuống sau</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Drop scanned files here, or add them with the button.</source>
        <translation>Kéo thả tệp đã quét vào đây, hoặc thêm bằng nút.</translation>
    </message>
</context>
<context>
    <name>Digitising</name>
    <message>
        <location filename="../../counter_app/ui/digitising/texts.py" line="+10"/>
        <source>Digital dossier</source>
        <translation>Hồ sơ điện tử</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../counter_app/ui/digitising/sections.py" line="-48"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../counter_app/ui/digitising/panel.py" line="+103"/>
        <source>Digitised PDF…</source>
        <translation>Tệp PDF số hóa…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>New scans go to:</source>
        <translation>Bản quét mới đưa vào:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No scanner driver here (SANE on Linux, WIA on Windows). Save scans into the scan folder, or add the files.</source>
        <translation>Máy này không có trình điều khiển máy quét (SANE trên Linux, WIA trên Windows). Hãy lưu bản quét vào thư mục quét, hoặc thêm tệp.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan with the scanner connected to this computer</source>
        <translation>Quét bằng máy quét nối với máy tính này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner…</source>
        <translation>Máy quét…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which scanner, and how it scans: feeder or glass, resolution, colour</source>
        <translation>Chọn máy quét và cách quét: khay nạp giấy hay mặt kính, độ phân giải, màu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan folder…</source>
        <translation>Thư mục quét…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folder your scanner&apos;s software saves into; new files are offered here</source>
        <translation>Thư mục phần mềm máy quét lưu tệp vào; tệp mới sẽ được đề xuất ở đây</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Choose a procedure: its papers can then be scanned here.</source>
        <translation>Hãy chọn thủ tục: sau đó có thể quét các giấy tờ của thủ tục ở đây.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This dossier lists no papers to scan.</source>
        <translation>Hồ sơ này không có thành phần giấy tờ nào để quét.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{files} scanned file(s), {pages} page(s), attached when saved</source>
        <translation>{files} tệp đã quét, {pages} trang, sẽ đính kèm khi lưu hồ sơ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{files} scanned file(s), {pages} page(s)</source>
        <translation>{files} tệp đã quét, {pages} trang</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} ({pages} pages)</source>
        <translation>{name} ({pages} trang)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}, turned {degrees}°</source>
        <translation>{name}, đã xoay {degrees}°</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Scans of “{paper}”</source>
        <translation>Bản quét của “{paper}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanned pages ({patterns})</source>
        <translation>Trang đã quét ({patterns})</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No scanner chosen.</source>
        <translation>Chưa chọn máy quét.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner: {name}</source>
        <translation>Máy quét: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>feeder</source>
        <translation>khay nạp giấy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>glass</source>
        <translation>mặt kính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grey</source>
        <translation>xám</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>colour</source>
        <translation>màu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanner: {name}, {source}, {dpi} dpi, {mode}</source>
        <translation>Máy quét: {name}, {source}, {dpi} dpi, {mode}</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>{n} file(s) ready for “{paper}”: attached when the dossier is saved.</source>
        <translation>{n} tệp đã sẵn sàng cho “{paper}”: sẽ đính kèm khi lưu hồ sơ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} file(s) attached to “{paper}” of dossier {code}.</source>
        <translation>Đã đính kèm {n} tệp vào “{paper}” của hồ sơ {code}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The folder the scanner saves into</source>
        <translation>Thư mục máy quét lưu tệp vào</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No scan folder chosen.</source>
        <translation>Chưa chọn thư mục quét.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan folder: {folder}</source>
        <translation>Thư mục quét: {folder}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{n} new scan(s) in the folder</source>
        <translation>{n} bản quét mới trong thư mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take them</source>
        <translation>Lấy vào</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Remove a scan</source>
        <translation>Gỡ bỏ bản quét</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove “{name}” from “{paper}”?</source>
        <translation>Gỡ bỏ “{name}” khỏi “{paper}”?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove “{name}” from “{paper}”? The removal is recorded.</source>
        <translation>Gỡ bỏ “{name}” khỏi “{paper}”? Việc gỡ bỏ sẽ được ghi nhật ký.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“{name}” removed from dossier {code}.</source>
        <translation>Đã gỡ bỏ “{name}” khỏi hồ sơ {code}.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Save the digitised dossier</source>
        <translation>Lưu hồ sơ số hóa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Digitised dossier {code} saved ({pages} pages): {path}</source>
        <translation>Đã lưu hồ sơ số hóa {code} ({pages} trang): {path}</translation>
    </message>
</context>
<context>
    <name>ScannerDialog</name>
    <message>
        <location filename="../../counter_app/ui/digitising/scanner.py" line="+48"/>
        <source>Choose the scanner</source>
        <translation>Chọn máy quét</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Look again</source>
        <translation>Tìm lại</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Document feeder (every sheet)</source>
        <translation>Khay nạp giấy (quét mọi tờ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glass (one page)</source>
        <translation>Mặt kính (một trang)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{dpi} dpi</source>
        <translation>{dpi} dpi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grey</source>
        <translation>Xám</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Scanner:</source>
        <translation>&amp;Máy quét:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;ource:</source>
        <translation>&amp;Nguồn giấy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resolution:</source>
        <translation>Độ &amp;phân giải:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Colour:</source>
        <translation>Mà&amp;u:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Use this scanner</source>
        <translation>Dùng máy quét này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Looking for scanners…</source>
        <translation>Đang tìm máy quét…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No scanner found. Switch it on, check the cable, then look again.</source>
        <translation>Không tìm thấy máy quét nào. Hãy bật máy, kiểm tra cáp rồi tìm lại.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{n} scanner(s) found.</source>
        <translation>Tìm thấy {n} máy quét.</translation>
    </message>
</context>
</TS>
