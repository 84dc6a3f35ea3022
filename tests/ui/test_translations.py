"""The Vietnamese catalogue: complete, NFC, faithful to placeholders, and in step with the
code (lupdate) and with its compiled .qm (lrelease)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from counter_app.ui.i18n import install_translations, remove_translations, translations_dir

ROOT = Path(__file__).resolve().parents[2]
TS = translations_dir() / "counter_app_vi.ts"
QM = translations_dir() / "counter_app_vi.qm"
PLACEHOLDER = re.compile(r"\{\w*\}")


def tool(name: str) -> str:
    found = Path(sys.executable).parent / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.skip(f"{name} is not installed")
    return which


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_message_is_translated_in_nfc_with_its_placeholders() -> None:
    found = messages(TS)
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


def test_the_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "counter_app" / "ui").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(fresh), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    shipped = {(c, s) for c, s, _ in messages(TS)}
    assert in_code - shipped == set(), "run pyside6-lupdate (see resources/translations)"
    assert shipped - in_code == set(), "the catalogue has strings the code no longer uses"


def test_the_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    compiled = tmp_path / "counter_app_vi.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease"


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
