"""The kiosk's printed ticket: drawn as a picture (Vietnamese diacritics survive any printer's
code page), sent to an 80 mm ESC/POS printer through python-escpos, or to any printer by Qt.

A printer that reports no paper, or cannot be reached, is a refusal naming the ticket: the
ticket is taken already and keeps its place in the queue, and the kiosk offers to print it
again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol
from urllib.parse import urlencode

import segno
from PIL import Image, ImageDraw, ImageFont

from counter_app.domain.clock import local
from counter_app.domain.errors import CounterError
from counter_app.domain.queue import PRIORITY_REASONS
from counter_app.paths import resources_dir
from counter_app.services.queue.service import TakenTicket

WIDTH_DOTS = 576  # 80 mm paper, 72 mm printable at 203 dpi
MARGIN = 16
PAPER_OUT = 0  # python-escpos paper_status(): 0 no paper, 1 near the end, 2 enough
PRIORITY_WORDS = dict(
    zip(PRIORITY_REASONS, ("Người cao tuổi", "Người khuyết tật", "Phụ nữ mang thai"), strict=True)
)


def follow_text(taken: TakenTicket, follow_url: str) -> str:
    """What the QR holds: the page that follows the queue, else the ticket itself."""
    ticket = taken.ticket
    if follow_url:
        query = urlencode({"day": ticket.day.isoformat(), "ticket": ticket.label})
        return f"{follow_url}{'&' if '?' in follow_url else '?'}{query}"
    return f"QUEUE:{ticket.day.isoformat()}:{taken.area.code}:{ticket.label}"


def _font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    return ImageFont.truetype(str(resources_dir() / "fonts" / name), size)


def render_ticket(taken: TakenTicket, centre: str, follow_url: str = "") -> Image.Image:
    """The ticket as a 1-bit picture the width of the paper."""
    ticket = taken.ticket
    heading, area = _font(26, bold=True), _font(32, bold=True)
    lines: list[tuple[str, ImageFont.FreeTypeFont]] = [
        *((line, heading) for line in _wrapped(centre, heading)),
        ("SỐ THỨ TỰ", _font(30, bold=True)),
        (ticket.label, _font(150, bold=True)),
        *((line, area) for line in _wrapped(taken.area.name, area)),
    ]
    if ticket.priority:
        reason = PRIORITY_WORDS.get(ticket.priority, ticket.priority)
        lines.append((f"Ưu tiên: {reason}", _font(28)))
    lines += [
        (local(ticket.taken_at).strftime("Lấy số lúc %H:%M, ngày %d/%m/%Y"), _font(26)),
        (f"Số người chờ trước bạn: {taken.ahead}", _font(28)),
        (f"Thời gian chờ dự kiến: khoảng {taken.wait_minutes} phút", _font(28)),
    ]
    qr = segno.make(follow_text(taken, follow_url), error="m")
    scale = 6
    qr_size = int(qr.symbol_size(scale=scale)[0])
    footer = ("Quét mã để theo dõi lượt gọi. Xin cảm ơn!", _font(22))
    measure = ImageDraw.Draw(Image.new("1", (1, 1)))
    heights = [_height(measure, text, font) + 10 for text, font in [*lines, footer]]
    image = Image.new("1", (WIDTH_DOTS, sum(heights) + qr_size + 3 * MARGIN), 1)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for (text, font), height in zip(lines, heights, strict=False):
        _centred(draw, text, font, y)
        y += height
    qr_image = _qr_image(qr, scale)
    image.paste(qr_image, ((WIDTH_DOTS - qr_image.width) // 2, y))
    y += qr_image.height + MARGIN // 2
    _centred(draw, *footer, y)
    return image


def _wrapped(text: str, font: ImageFont.FreeTypeFont) -> list[str]:
    """Words to lines that fit the paper (a centre's full name takes two)."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(joined) <= WIDTH_DOTS - 2 * MARGIN:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines or [""]


def _height(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont) -> int:
    return int(draw.textbbox((0, 0), text, font=font)[3])


def _centred(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, y: int) -> None:
    width = draw.textlength(text, font=font)
    while width > WIDTH_DOTS - 2 * MARGIN and len(text) > 4:  # a long name: cut, never overflow
        text = text[:-2].rstrip() + "…"
        width = draw.textlength(text, font=font)
    draw.text(((WIDTH_DOTS - width) / 2, y), text, font=font, fill=0)


def _qr_image(qr: segno.QRCode, scale: int) -> Image.Image:
    import io

    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=2)
    buffer.seek(0)
    return Image.open(buffer).convert("1")


# --- ESC/POS printers


class EscposDevice(Protocol):
    """What the kiosk uses of a python-escpos printer."""

    def paper_status(self) -> int: ...
    def image(self, img_source: Image.Image) -> None: ...
    def cut(self) -> None: ...
    def close(self) -> None: ...


def escpos_printer(spec: str) -> EscposDevice | None:
    """The python-escpos printer a `queue.printer` setting names; None: print through Qt."""
    from escpos import printer

    kind, _, rest = spec.strip().partition(":")
    device: EscposDevice | None = None
    try:
        if kind == "usb":
            vendor, product = rest.split(":")
            device = printer.Usb(int(vendor, 16), int(product, 16))
        elif kind == "tcp":
            host, _, port = rest.partition(":")
            device = printer.Network(host, int(port or 9100))
        elif kind == "file":
            device = printer.File(rest)
    except ValueError:
        raise CounterError("queue.printer_setting", value=spec) from None
    return device


class TicketPrinter:
    """Sends tickets to one ESC/POS printer, asking for paper first when it can tell."""

    def __init__(self, connect: Callable[[], EscposDevice | None], *, has_status: bool) -> None:
        self._connect = connect
        self._has_status = has_status

    @classmethod
    def from_setting(cls, spec: str) -> TicketPrinter | None:
        kind = spec.strip().partition(":")[0]
        if kind not in ("usb", "tcp", "file"):
            return None
        return cls(lambda: escpos_printer(spec), has_status=kind in ("usb", "tcp"))

    def print(self, taken: TakenTicket, image: Image.Image) -> None:
        label = taken.ticket.label
        try:
            device = self._connect()
            if device is None:
                raise CounterError("queue.printer_setting", value="")
            try:
                if self._has_status and device.paper_status() == PAPER_OUT:
                    raise CounterError("queue.printer_paper_out", ticket=label)
                device.image(image)
                device.cut()
            finally:
                device.close()
        except CounterError:
            raise
        except Exception as error:  # USB, network and escpos errors alike: the ticket is kept
            reason = str(error).strip() or type(error).__name__
            raise CounterError("queue.printer_unreachable", ticket=label, reason=reason) from error


def ticket_bytes(image: Image.Image) -> bytes:
    """What an ESC/POS printer receives for a ticket (the tests read it back)."""
    from escpos.printer import Dummy

    dummy = Dummy()
    dummy.image(image)
    dummy.cut()
    return bytes(dummy.output)
