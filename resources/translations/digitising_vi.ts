<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ComponentSection</name>
    <message>
        <location filename="../../counter_app/ui/digitising/panel.py" line="+89"/>
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
        <location filename="../../counter_app/ui/digitising/panel.py" line="-48"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location line="+130"/>
        <source>Digitised PDF…</source>
        <translation>Tệp PDF số hóa…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This dossier lists no papers to scan.</source>
        <translation>Hồ sơ này không có thành phần giấy tờ nào để quét.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{files} scanned file(s), {pages} page(s)</source>
        <translation>{files} tệp đã quét, {pages} trang</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+25"/>
        <source>{n} file(s) attached to “{paper}” of dossier {code}.</source>
        <translation>Đã đính kèm {n} tệp vào “{paper}” của hồ sơ {code}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove a scan</source>
        <translation>Gỡ bỏ bản quét</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Remove “{name}” from “{paper}”? The removal is recorded.</source>
        <translation>Gỡ bỏ “{name}” khỏi “{paper}”? Việc gỡ bỏ sẽ được ghi nhật ký.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“{name}” removed from dossier {code}.</source>
        <translation>Đã gỡ bỏ “{name}” khỏi hồ sơ {code}.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Save the digitised dossier</source>
        <translation>Lưu hồ sơ số hóa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Digitised dossier {code} saved ({pages} pages): {path}</source>
        <translation>Đã lưu hồ sơ số hóa {code} ({pages} trang): {path}</translation>
    </message>
</context>
</TS>
