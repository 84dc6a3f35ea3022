"""The bundled fonts, registered once with reportlab, embedded as subsets that are reused.

reportlab subsets a TrueType font per document in the order characters are first drawn, and
builds, formats and compresses that subset again for every PDF. A counter prints the same
alphabet all day, so each document starts with the whole Vietnamese alphabet already given
its codes, in a fixed order (`SEED`): the first subset of a face is then the same in every
paper, and its program, widths and ToUnicode map are made once per process. It is still a
subset (about 250 of the face's 2,600 glyphs). A name with a letter outside the alphabet (a
foreign "ç") still prints: it lands in a second, small subset made for that document.
"""

from __future__ import annotations

import copy
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    makeToUnicodeCMap,
)

from counter_app.paths import resources_dir

SERIF = "CounterSerif"
SERIF_BOLD = "CounterSerif-Bold"
SERIF_ITALIC = "CounterSerif-Italic"
SANS = "CounterSans"
SANS_BOLD = "CounterSans-Bold"

SERIF_FACES = (SERIF, SERIF_BOLD, SERIF_ITALIC)  # every paper's
SANS_FACES = (SANS, SANS_BOLD)  # the label's

FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SANS: "LiberationSans-Regular.ttf",
    SANS_BOLD: "LiberationSans-Bold.ttf",
}


def _vietnamese_letters() -> str:
    bases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    marks = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # huyền sắc ngã hỏi nặng
    letters = [unicodedata.normalize("NFC", base + mark) for base in bases for mark in marks]
    return "".join(dict.fromkeys([*letters, "đ", "Đ"]))


# Every Vietnamese letter, then the punctuation the papers use beyond ASCII. With ASCII this
# fills the first subset (256 codes) almost exactly.
VIETNAMESE = _vietnamese_letters()
SEED = VIETNAMESE + "–—‘’“”…«»·×°№→"
_FLATE = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])


class MissingGlyphs(RuntimeError):
    """A bundled font lacks Vietnamese letters: a packaging mistake, not the user's."""


@dataclass(frozen=True)
class _SubsetObjects:
    widths: bytes  # the formatted /Widths array
    to_unicode: bytes  # compressed ToUnicode CMap
    program: bytes  # compressed subset font program
    program_length: int


class _Key:
    """A weak-referenceable stand-in for a document, to build the template state on."""


class ReusingTTFont(TTFont):
    """A TrueType font whose subset objects are kept from one document to the next."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._objects: dict[tuple[int, tuple[int, ...]], _SubsetObjects] = {}
        self._lock = threading.Lock()
        key = _Key()
        self.splitString(SEED, key)
        self._template = self.state.pop(key)

    def claim_alphabet(self, doc: object) -> None:
        """Start `doc` with the alphabet's codes already assigned (a copy of the template)."""
        if doc in self.state:
            return
        state = copy.copy(self._template)
        state.assignments = dict(self._template.assignments)
        state.subsets = [list(subset) for subset in self._template.subsets]
        self.state[doc] = state

    def _subset_objects(self, number: int, subset: list[int], base_name: str) -> _SubsetObjects:
        key = (number, tuple(subset))
        with self._lock:
            found = self._objects.get(key)
        if found is not None:
            return found
        face = self.face
        widths = pdfdoc.format(pdfdoc.PDFArray([face.getCharWidth(c) for c in subset]), None)
        cmap = makeToUnicodeCMap(base_name, subset).encode("latin-1")
        program = face.makeSubset(subset)
        made = _SubsetObjects(
            widths,
            pdfdoc.PDFZCompress.encode(cmap),
            pdfdoc.PDFZCompress.encode(program),
            len(program),
        )
        with self._lock:
            if len(self._objects) > 64:  # unusual names make their own; keep it bounded
                self._objects.clear()
            self._objects[key] = made
        return made

    def addObjects(self, doc):  # type: ignore[no-untyped-def]
        """As TTFont.addObjects, with the subset objects taken from the cache."""
        state = self.state.get(doc) or self._assignState(doc)
        state.frozen = 1
        face = self.face
        fonts = doc.idToObject["BasicFonts"].dict
        for number, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(number, doc)[1:]
            base_name = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode(
                "pdfdoc"
            )
            parts = self._subset_objects(number, subset, base_name)
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {number}"
            font.Name = internal
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = parts.widths
            cmap = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Filter": _FLATE}), parts.to_unicode)
            font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)
            program = pdfdoc.PDFStream(
                pdfdoc.PDFDictionary({"Length1": parts.program_length, "Filter": _FLATE}),
                parts.program,
            )
            descriptor = pdfdoc.PDFDictionary(
                {
                    "Type": "/FontDescriptor",
                    "Ascent": face.ascent,
                    "CapHeight": face.capHeight,
                    "Descent": face.descent,
                    "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                    "FontBBox": pdfdoc.PDFArray(face.bbox),
                    "FontName": pdfdoc.PDFName(base_name),
                    "ItalicAngle": face.italicAngle,
                    "StemV": face.stemV,
                    "FontFile2": doc.Reference(program, f"fontFile:{face.filename}({base_name})"),
                    "MissingWidth": face.defaultWidth,
                }
            )
            font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base_name)
            doc.Reference(font, internal)
            fonts[internal] = font
        del self.state[doc]


_lock = threading.Lock()
_fonts: dict[str, ReusingTTFont] = {}
# reportlab keeps per-document font state on shared font objects: one paper at a time.
render_lock = threading.RLock()


def register_fonts(faces: Iterable[str]) -> None:
    """Register these bundled faces with reportlab (each once per process, when a paper
    first needs it: reading a face takes about as long as drawing a receipt), after checking
    that each has every Vietnamese letter."""
    with _lock:
        for name in faces:
            if name in _fonts:
                continue
            filename = FILES[name]
            font = ReusingTTFont(name, str(resources_dir() / "fonts" / filename))
            missing = [ch for ch in VIETNAMESE if ord(ch) not in font.face.charToGlyph]
            if missing:
                raise MissingGlyphs(f"{filename} lacks {''.join(missing)}")
            pdfmetrics.registerFont(font)
            if pdfmetrics.getFont(name) is not font:
                # reportlab hands out the first font registered with the same face name
                # (some other Liberation Serif): keep ours, with its reused subsets.
                pdfmetrics._fonts[name] = font
            _fonts[name] = font


def claim_alphabet(canvas, faces: Iterable[str]) -> None:  # type: ignore[no-untyped-def]
    """Register `faces` and give the alphabet its fixed codes in this document before anything
    is drawn, so the first subset of each face is the cached one. Faces never drawn are not
    embedded."""
    register_fonts(faces)
    doc = canvas._doc
    for name in faces:
        _fonts[name].claim_alphabet(doc)
