<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../counter_app/ui/queue/board.py" line="+133"/>
        <source>Queue board</source>
        <translation>Bảng gọi số</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+67"/>
        <source>Please come to the desk when your number is called</source>
        <translation>Mời công dân đến quầy khi số của mình được gọi</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Queue server not answering: trying again…</source>
        <translation>Máy chủ hàng đợi không trả lời: đang thử lại…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{area}: {count} waiting</source>
        <translation>{area}: {count} người chờ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nobody is waiting</source>
        <translation>Không có ai đang chờ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number {ticket} — desk {desk}</source>
        <translation>Số {ticket} — quầy {desk}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Desk {desk}</source>
        <translation>Quầy {desk}</translation>
    </message>
</context>
<context>
    <name>DeskQueueBar</name>
    <message>
        <location filename="../../counter_app/ui/queue/desk.py" line="+55"/>
        <location line="+104"/>
        <source>No ticket called</source>
        <translation>Chưa gọi số nào</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Call next</source>
        <translation>Gọi số tiếp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call again</source>
        <translation>Gọi lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call a number…</source>
        <translation>Gọi một số…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to area…</source>
        <translation>Chuyển khu vực…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Queue:</source>
        <translation>Hàng đợi:</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Call a number</source>
        <translation>Gọi một số</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket number (e.g. 125, or Ư7):</source>
        <translation>Số thứ tự (ví dụ 125, hoặc Ư7):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ticket {ticket}: {state}</source>
        <translation>Số {ticket}: {state}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>absent</source>
        <translation>vắng mặt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent to area {area}</source>
        <translation>đã chuyển sang khu vực {area}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>served</source>
        <translation>đã phục vụ xong</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Number {ticket} (area {area}), taken at {taken}, waited {minutes} min</source>
        <translation>Số {ticket} (khu vực {area}), lấy lúc {taken}, đã chờ {minutes} phút</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../counter_app/ui/queue/kiosk.py" line="+63"/>
        <source>Take a ticket</source>
        <translation>Lấy số thứ tự</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Touch your service area to take a ticket</source>
        <translation>Chạm vào lĩnh vực cần giải quyết để lấy số thứ tự</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Priority:</source>
        <translation>Ưu tiên:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Print again</source>
        <translation>In lại</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Elderly</source>
        <translation>Người cao tuổi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Người khuyết tật</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pregnant</source>
        <translation>Phụ nữ mang thai</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Your number: {ticket}
{area}
{ahead} ahead of you, about {minutes} min</source>
        <translation>Số của bạn: {ticket}
{area}
Còn {ahead} người trước bạn, khoảng {minutes} phút</translation>
    </message>
</context>
<context>
    <name>QueueFiguresTab</name>
    <message>
        <location filename="../../counter_app/ui/queue/figures.py" line="+41"/>
        <source>Area</source>
        <translation>Khu vực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hour taken</source>
        <translation>Giờ lấy số</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Day:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Queue</source>
        <translation>Hàng đợi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Called</source>
        <translation>Đã gọi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean wait (min)</source>
        <translation>Chờ trung bình (phút)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest wait (min)</source>
        <translation>Chờ lâu nhất (phút)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean service (min)</source>
        <translation>Phục vụ trung bình (phút)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over target</source>
        <translation>Quá chỉ tiêu</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{called} called, {waiting} not called; mean wait {wait} min; {share} waited more than {target} min</source>
        <translation>{called} lượt đã gọi, {waiting} lượt chưa gọi; chờ trung bình {wait} phút; {share} chờ quá {target} phút</translation>
    </message>
</context>
</TS>
