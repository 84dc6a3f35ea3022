"""The Vietnamese catalogue: complete, NFC, faithful to placeholders, and in step with the
code (lupdate) and with its compiled .qm (lrelease)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from counter_app.ui.i18n import (
    QT_CATALOGUE,
    catalogue_sources,
    install_translations,
    remove_translations,
    translations_dir,
)

CATALOGUES = sorted(catalogue_sources())
SHIPPED = [*CATALOGUES, QT_CATALOGUE]  # Qt's own texts have no sources of ours
PLACEHOLDER = re.compile(r"\{\w*\}|%\d")


def tool(name: str) -> str:
    """Qt's own `lupdate`/`lrelease`, from the PySide6 package: its `pyside6-*` commands are
    Python scripts that start the interpreter only to run them (half a second each time)."""
    import PySide6

    native = Path(PySide6.__file__).parent / name
    if native.exists():
        return str(native)
    which = shutil.which(f"pyside6-{name}")
    if which is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed (it comes with PySide6: scripts/dev test)")
        pytest.skip(f"{name} is not installed")
    return which


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def ts(catalogue: str) -> Path:
    return translations_dir() / f"{catalogue}_vi.ts"


@pytest.mark.parametrize("catalogue", SHIPPED)
def test_every_message_is_translated_in_nfc_with_its_placeholders(catalogue: str) -> None:
    found = messages(ts(catalogue))
    assert found
    for context, source, message in found:
        translation = message.find("translation")
        assert translation is not None
        where = f"{context}: {source!r}"
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), where
        text = translation.text or ""
        assert text.strip(), where
        assert unicodedata.is_normalized("NFC", text), where
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        assert text.count("&") == source.count("&"), where


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_the_catalogue_holds_every_string_of_the_code(tmp_path: Path, catalogue: str) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in catalogue_sources()[catalogue]]
    subprocess.run(
        [tool("lupdate"), *sources, "-ts", str(fresh), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    shipped = {(c, s) for c, s, _ in messages(ts(catalogue))}
    assert in_code - shipped == set(), "run scripts/translations (see resources/translations)"
    assert shipped - in_code == set(), "the catalogue has strings the code no longer uses"


@pytest.mark.parametrize("catalogue", SHIPPED)
def test_the_compiled_catalogue_matches_the_source(tmp_path: Path, catalogue: str) -> None:
    compiled = tmp_path / f"{catalogue}_vi.qm"
    subprocess.run(
        [tool("lrelease"), str(ts(catalogue)), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    shipped = translations_dir() / f"{catalogue}_vi.qm"
    assert compiled.read_bytes() == shipped.read_bytes(), "run scripts/translations"


def test_no_catalogue_is_left_without_sources() -> None:
    shipped = {path.name.removesuffix("_vi.ts") for path in translations_dir().glob("*_vi.ts")}
    assert shipped == set(SHIPPED)


def test_vietnamese_is_installed_and_removed(qapp) -> None:
    translators = install_translations(qapp, "vi")
    try:
        assert QCoreApplication.translate("Navigation", "Dossiers") == "Hồ sơ"
        assert QCoreApplication.translate("Labels", "Saturday") == "Thứ Bảy"
    finally:
        remove_translations(qapp, translators)
    assert QCoreApplication.translate("Navigation", "Dossiers") == "Dossiers"


def test_english_loads_no_translation(qapp) -> None:
    assert install_translations(qapp, "en") == []
