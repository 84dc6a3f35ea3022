"""The kiosk's printed ticket: drawn as a picture (Vietnamese diacritics survive any printer's
code page), sent to an 80 mm ESC/POS printer through python-escpos; `ticket_lines` says what
it holds for the window's print through Qt to any printer (counter_app/ui/queue/ticket_print.py).

A printer that reports no paper, or cannot be reached, is a refusal naming the ticket: the
ticket is taken already and keeps its place in the queue, and the kiosk offers to print it
again."""

from __future__ import annotations

import io
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlencode

import segno
from PIL import Image, ImageDraw, ImageFont

from counter_app.domain.clock import local
from counter_app.domain.errors import CounterError
from counter_app.domain.queue import PRIORITY_REASONS
from counter_app.paths import cache_dir, resources_dir
from counter_app.services.printing.printer import SystemPrinter
from counter_app.services.queue.service import TakenTicket
from counter_app.services.settings import SettingsService

if TYPE_CHECKING:
    from escpos.capabilities import Profile

WIDTH_DOTS = 576  # 80 mm paper, 72 mm printable at 203 dpi
DOTS_PER_INCH = 203
MARGIN = 16
PRINTABLE = WIDTH_DOTS - 2 * MARGIN
PAPER_OUT = 0  # python-escpos paper_status(): 0 no paper, 1 near the end, 2 enough
PRIORITY_WORDS = dict(
    zip(PRIORITY_REASONS, ("Người cao tuổi", "Người khuyết tật", "Phụ nữ mang thai"), strict=True)
)


@dataclass(frozen=True)
class TicketSetup:
    """What every printed ticket of this PC shares: the centre's name heading it, the page its
    QR opens, the printer (`queue.printer`)."""

    centre: str
    follow_url: str
    printer: str

    @classmethod
    def of(cls, settings: SettingsService) -> TicketSetup:
        return cls(
            str(settings.get("counter.name") or "Bộ phận Một cửa"),
            str(settings.get("queue.follow_url") or ""),
            str(settings.get("queue.printer") or ""),
        )


def follow_text(taken: TakenTicket, follow_url: str) -> str:
    """What the QR holds: the page that follows the queue, else the ticket itself."""
    ticket = taken.ticket
    if follow_url:
        query = urlencode({"day": ticket.day.isoformat(), "ticket": ticket.label})
        return f"{follow_url}{'&' if '?' in follow_url else '?'}{query}"
    return f"QUEUE:{ticket.day.isoformat()}:{taken.area.code}:{ticket.label}"


@dataclass(frozen=True)
class TicketLine:
    """One line of the ticket: its font's height in printer dots; a name wraps onto more lines,
    anything else is cut to fit."""

    text: str
    size: int
    bold: bool = False
    wraps: bool = False


FOOTER = TicketLine("Quét mã để theo dõi lượt gọi. Xin cảm ơn!", 22)
QR_SCALE = 6  # dots per QR module
QR_BORDER = 2  # modules of quiet zone


def ticket_lines(taken: TakenTicket, centre: str) -> list[TicketLine]:
    """What the ticket says above its QR, top to bottom, whatever draws it."""
    ticket = taken.ticket
    lines = [
        TicketLine(centre, 26, bold=True, wraps=True),
        TicketLine("SỐ THỨ TỰ", 30, bold=True),
        TicketLine(ticket.label, 150, bold=True),
        TicketLine(taken.area.name, 32, bold=True, wraps=True),
    ]
    if ticket.priority:
        reason = PRIORITY_WORDS.get(ticket.priority, ticket.priority)
        lines.append(TicketLine(f"Ưu tiên: {reason}", 28))
    return [
        *lines,
        TicketLine(local(ticket.taken_at).strftime("Lấy số lúc %H:%M, ngày %d/%m/%Y"), 26),
        TicketLine(f"Số người chờ trước bạn: {taken.ahead}", 28),
        TicketLine(f"Thời gian chờ dự kiến: khoảng {taken.wait_minutes} phút", 28),
    ]


def ticket_qr(taken: TakenTicket, follow_url: str) -> segno.QRCode:
    return segno.make(follow_text(taken, follow_url), error="m")


def wrapped(text: str, width: Callable[[str], float]) -> list[str]:
    """Words to lines that fit the paper (a centre's full name takes two), measured in dots
    by `width`."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and width(joined) <= PRINTABLE:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines or [""]


def _font(line: TicketLine) -> ImageFont.FreeTypeFont:
    name = "LiberationSans-Bold.ttf" if line.bold else "LiberationSans-Regular.ttf"
    return ImageFont.truetype(str(resources_dir() / "fonts" / name), line.size)


def render_ticket(taken: TakenTicket, centre: str, follow_url: str = "") -> Image.Image:
    """The ticket as a 1-bit picture the width of the paper."""
    lines: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for line in ticket_lines(taken, centre):
        font = _font(line)
        texts = wrapped(line.text, font.getlength) if line.wraps else [line.text]
        lines += [(text, font) for text in texts]
    qr = ticket_qr(taken, follow_url)
    qr_size = int(qr.symbol_size(scale=QR_SCALE, border=QR_BORDER)[0])
    footer = (FOOTER.text, _font(FOOTER))
    measure = ImageDraw.Draw(Image.new("1", (1, 1)))
    heights = [_height(measure, text, font) + 10 for text, font in [*lines, footer]]
    image = Image.new("1", (WIDTH_DOTS, sum(heights) + qr_size + 3 * MARGIN), 1)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for (text, font), height in zip(lines, heights, strict=False):
        _centred(draw, text, font, y)
        y += height
    qr_image = _qr_image(qr)
    image.paste(qr_image, ((WIDTH_DOTS - qr_image.width) // 2, y))
    y += qr_image.height + MARGIN // 2
    _centred(draw, *footer, y)
    return image


def _height(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont) -> int:
    return int(draw.textbbox((0, 0), text, font=font)[3])


def _centred(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, y: int) -> None:
    width = draw.textlength(text, font=font)
    while width > PRINTABLE and len(text) > 4:  # a long name: cut, never overflow
        text = text[:-2].rstrip() + "…"
        width = draw.textlength(text, font=font)
    draw.text(((WIDTH_DOTS - width) / 2, y), text, font=font, fill=0)


def _qr_image(qr: segno.QRCode) -> Image.Image:
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=QR_SCALE, border=QR_BORDER)
    buffer.seek(0)
    return Image.open(buffer).convert("1")


# --- which printer: `queue.printer`

ESCPOS_KINDS = ("usb", "tcp", "file")


def qt_printer_name(spec: str) -> str | None:
    """The system printer `queue.printer` names with `qt:NAME` ("" for `qt:` or an empty
    setting: the default printer); None when it names an ESC/POS printer; refused otherwise."""
    kind, colon, rest = spec.strip().partition(":")
    if not spec.strip():
        return ""
    if kind == "qt" and colon:
        return rest.strip()
    if kind in ESCPOS_KINDS and colon:
        return None
    raise CounterError("queue.printer_setting", value=spec)


def print_from_command_line(taken: TakenTicket, setup: TicketSetup) -> None:
    """`queue take --print`: the ESC/POS printer the setting names, else the system printer's
    spooler, which gets the ticket's picture as a PDF at the roll's size (as the command line
    sends every paper: counter_app/services/printing/printer.py)."""
    picture = render_ticket(taken, setup.centre, setup.follow_url)
    escpos = TicketPrinter.from_setting(setup.printer)
    if escpos is not None:
        escpos.print(taken, picture)
        return
    system = SystemPrinter()
    name = qt_printer_name(setup.printer) or system.default()
    buffer = io.BytesIO()
    picture.save(buffer, format="PDF", resolution=DOTS_PER_INCH)
    system.send(buffer.getvalue(), name, f"Phiếu số {taken.ticket.label}")


# --- ESC/POS printers


class EscposDevice(Protocol):
    """What the kiosk uses of a python-escpos printer."""

    def paper_status(self) -> int: ...
    def image(self, img_source: Image.Image) -> None: ...
    def cut(self) -> None: ...
    def close(self) -> None: ...


def load_escpos() -> None:
    """Import python-escpos leaving nothing behind: at import it makes a temporary folder with
    `mkdtemp()` even when told where to keep its printer profiles, and calls
    `logging.basicConfig()`. Its profiles are kept in our cache, the folder it makes is made
    there and removed, and the root logger is left as it was (no stderr handler of its own)."""
    if "escpos.capabilities" in sys.modules:
        return
    kept = cache_dir() / "escpos"
    root, handlers = logging.getLogger(), list(logging.getLogger().handlers)
    hush = logging.NullHandler()
    saved_tempdir = tempfile.tempdir
    scratch: str | None = None
    try:
        kept.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(kept))
        scratch = tempfile.tempdir = tempfile.mkdtemp(dir=kept)
    except OSError:  # no cache folder (read-only profile): python-escpos's own temporary one
        pass
    if not handlers:
        root.addHandler(hush)  # basicConfig() does nothing on a root logger with a handler
    try:
        import escpos.capabilities  # noqa: F401
    finally:
        root.removeHandler(hush)
        tempfile.tempdir = saved_tempdir
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def roll_profile() -> Profile:
    """python-escpos's generic profile told the roll's width (80 mm, 576 dots): a picture wider
    than the paper is refused, and nothing is printed on our stdout (the command line's JSON)
    about a width it does not know."""
    load_escpos()
    from escpos.capabilities import Profile

    generic = Profile.profile_data
    profile = Profile(features=generic["features"])
    media = {"dpi": DOTS_PER_INCH, "width": {"mm": 80, "pixels": WIDTH_DOTS}}
    profile.profile_data = {**generic, "media": media}
    return profile


def escpos_printer(spec: str) -> EscposDevice | None:
    """The python-escpos printer a `queue.printer` setting names; None: print through Qt."""
    load_escpos()
    from escpos import printer

    kind, _, rest = spec.strip().partition(":")
    device: EscposDevice | None = None
    try:
        if kind == "usb":
            vendor, product = rest.split(":")
            device = printer.Usb(int(vendor, 16), int(product, 16), profile=roll_profile())
        elif kind == "tcp":
            host, _, port = rest.partition(":")
            device = printer.Network(host, int(port or 9100), profile=roll_profile())
        elif kind == "file":
            device = printer.File(rest, profile=roll_profile())
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
        """The ESC/POS printer the setting names; None: a system printer, through Qt."""
        kind = spec.strip().partition(":")[0]
        if kind not in ESCPOS_KINDS:
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
    load_escpos()
    from escpos.printer import Dummy

    dummy = Dummy(profile=roll_profile())
    dummy.image(image)
    dummy.cut()
    return bytes(dummy.output)
