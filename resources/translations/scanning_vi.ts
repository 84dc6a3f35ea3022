<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ScannerTestWidget</name>
    <message>
        <location filename="../../counter_app/ui/scanning/tester.py" line="+51"/>
        <source>Scan a dossier code or a citizen ID card while the box below has the focus. Every key is listed with the pause before it.</source>
        <translation>Quét một mã hồ sơ hoặc thẻ căn cước khi con trỏ đang ở ô bên dưới. Mỗi phím nhận được hiện cùng khoảng nghỉ trước nó.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan here</source>
        <translation>Quét vào đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Key</source>
        <translation>Phím</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After (ms)</source>
        <translation>Sau (ms)</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Received: {keys}</source>
        <translation>Đã nhận: {keys}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} keys in {total} ms, longest pause {gap} ms</source>
        <translation>{count} phím trong {total} ms, khoảng nghỉ dài nhất {gap} ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recognised as a scan of {count} characters.</source>
        <translation>Nhận ra là một lần quét gồm {count} ký tự.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Vietnamese input method changed keys during this scan: switch it off on this computer before scanning.</source>
        <translation>Bộ gõ tiếng Việt đã sửa các phím trong lần quét này: hãy tắt bộ gõ trên máy này trước khi quét.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Taken as typing: {reason}.</source>
        <translation>Được coi là gõ phím: {reason}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dossier code {code}</source>
        <translation>Mã hồ sơ {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Citizen ID card {number}: {name}</source>
        <translation>Thẻ căn cước {number}: {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not usable: {reason}</source>
        <translation>Không dùng được: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Space</source>
        <translation>Dấu cách</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Input method: {text}</source>
        <translation>Bộ gõ: {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backspace</source>
        <translation>Xóa lùi (Backspace)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+5"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Another key</source>
        <translation>Phím khác</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{first} or {second}</source>
        <translation>{first} hoặc {second}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a pause</source>
        <translation>một khoảng nghỉ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A scan: at most {interval} ms between keys, at least {length} characters, ending with {end}.</source>
        <translation>Một lần quét: giữa hai phím tối đa {interval} ms, ít nhất {length} ký tự, kết thúc bằng {end}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a pause of {gap} ms between two keys (the limit is {limit} ms)</source>
        <translation>khoảng nghỉ {gap} ms giữa hai phím (giới hạn là {limit} ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keys stopped without {end}</source>
        <translation>các phím dừng lại mà không có {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fewer than {length} characters</source>
        <translation>ít hơn {length} ký tự</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a key that scanners do not send</source>
        <translation>có một phím mà máy quét không gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it does not begin with the prefix {prefix}</source>
        <translation>không bắt đầu bằng tiền tố {prefix}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it does not end with the suffix {suffix}</source>
        <translation>không kết thúc bằng hậu tố {suffix}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more keys than any scan has</source>
        <translation>nhiều phím hơn mọi lần quét</translation>
    </message>
</context>
</TS>
