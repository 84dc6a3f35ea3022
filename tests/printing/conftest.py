"""Fixtures for the papers: a workspace with dossiers made at fixed times, a paper service with
a fixed clock and byte-stable PDFs, and the tools that read PDFs back (poppler's pdftotext,
pdffonts, pdftoppm; zxing-cpp for barcodes)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.domain.dossier import Dossier
from counter_app.domain.lifecycle import Action
from counter_app.services.intake import request_from_json
from tests.conftest import TEN_DAYS, intake_json, vn
from tests.ui.queue.conftest import cups_server  # noqa: F401  (fixture: a real CUPS)

RECEIVED = vn(2025, 4, 24, 9, 30)  # a Thursday morning
PRINTED = vn(2025, 5, 2, 10, 0)
STATUS_URL = "https://dichvucong.langson.gov.vn/tra-cuu?ma={code}"
POPPLER = ("pdftotext", "pdffonts", "pdftoppm")


def _need_poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"poppler-utils is needed ({', '.join(missing)} missing): scripts/dev test installs it"
        )


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def pdf_text(pdf: bytes, *, page: int | None = None, layout: bool = False) -> str:
    """The text poppler reads from the PDF, NFC."""
    _need_poppler()
    command = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        command.append("-layout")
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    done = subprocess.run([*command, "-", "-"], input=pdf, capture_output=True, check=True)
    return nfc(done.stdout.decode("utf-8"))


def flat(text: str) -> str:
    """Text with every run of white space made one space: wrapped lines read as one."""
    return " ".join(text.split())


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool
    subset: bool
    unicode: bool


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[FontRow]:
    _need_poppler()
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = []
    for line in done.stdout.splitlines()[2:]:
        parts = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, id
        emb, sub, uni = parts[-5], parts[-4], parts[-3]
        rows.append(
            FontRow(parts[0], " ".join(parts[1:-6]), emb == "yes", sub == "yes", uni == "yes")
        )
    return rows


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    page: int


def pdf_words(pdf: bytes) -> tuple[list[Word], list[tuple[float, float]]]:
    """Every word with its box (points, from the top left) and each page's size."""
    _need_poppler()
    done = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    html = done.stdout.decode("utf-8")
    pages = [
        (float(w), float(h))
        for w, h in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">', html)
    ]
    words = []
    for number, chunk in enumerate(html.split("<page ")[1:], start=1):
        for x0, y0, x1, y1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            chunk,
        ):
            words.append(Word(nfc(text), float(x0), float(y0), float(x1), float(y1), number))
    return words, pages


def render_png(
    pdf: bytes,
    tmp_path: Path,
    dpi: int,
    *,
    page: int = 1,
    gray: bool = True,
    antialias: bool = True,
) -> Path:
    """Page `page` of the PDF as a PNG at `dpi`."""
    _need_poppler()
    source = tmp_path / "render.pdf"
    source.write_bytes(pdf)
    stem = tmp_path / f"render-{dpi}-{page}"
    command = ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile"]
    if gray:
        command.append("-gray")
    if not antialias:
        command += ["-aa", "no", "-aaVector", "no"]
    subprocess.run([*command, str(source), str(stem)], check=True)
    return stem.with_suffix(".png")


def decoded(png: Path) -> dict[str, list[str]]:
    """Barcode format name → texts zxing-cpp reads in the picture."""
    import zxingcpp
    from PIL import Image

    found: dict[str, list[str]] = {}
    with Image.open(png) as image:
        for result in zxingcpp.read_barcodes(image):
            found.setdefault(result.format.name, []).append(result.text)
    return found


@pytest.fixture
def papers(ws):  # type: ignore[no-untyped-def]
    """The workspace's paper service with a fixed clock and byte-stable PDFs."""
    from counter_app.services.printing import PaperService

    ws.settings.set("papers.status_url_template", STATUS_URL)
    return PaperService(
        ws.dossiers, ws.catalog, ws.accounts, ws.settings, clock=lambda: PRINTED, invariant=True
    )


Make = Callable[..., Dossier]


@pytest.fixture
def make(ws, officer) -> Make:  # type: ignore[no-untyped-def]
    """make(procedure=TEN_DAYS, at=RECEIVED, moves=[(action, note, at)], documents, sets,
    **applicant): a dossier taken in and moved through the services."""

    def build(
        procedure: str = TEN_DAYS,
        *,
        at: datetime = RECEIVED,
        moves: list[tuple[Action, str, datetime]] = (),  # type: ignore[assignment]
        documents: list[dict] | None = None,
        sets: int = 1,
        paid: str = "unpaid",  # the fees left due at intake, for the papers that ask them
        **applicant: object,
    ) -> Dossier:
        request = intake_json(procedure, **applicant)
        request["sets"] = sets
        request["payment"] = {"method": paid}
        if documents is not None:
            request["documents"] = documents
        dossier = ws.intake.receive(request_from_json(request), user=officer, at=at)
        for action, note, when in moves:
            dossier = ws.dossiers.transition(dossier.code, action, user=officer, note=note, at=when)
        return dossier

    return build
