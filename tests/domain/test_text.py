import unicodedata

import pytest

from counter_app.domain.text import clean, fold, nfc


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đặng", "dang"),
        ("đường", "duong"),
        ("ĐỖ THỊ HƯƠNG", "do thi huong"),
        ("Nguyễn Văn An", "nguyen van an"),
        ("  Lạng   Sơn ", "lang son"),
        ("Nữ", "nu"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_removes_marks_case_and_extra_blanks(text, folded):
    assert fold(text) == folded


def test_fold_treats_nfd_like_nfc():
    composed = "Trần Đăng Ninh"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert fold(decomposed) == fold(composed) == "tran dang ninh"


def test_fold_is_case_insensitive():
    assert fold("HÀ NỘI") == fold("hà nội") == fold("Hà Nội")


def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert len(decomposed) > len("Nguyễn")
    assert nfc(decomposed) == "Nguyễn"


def test_clean_composes_trims_and_collapses():
    raw = " \t" + unicodedata.normalize("NFD", "Nguyễn  Văn\nAn") + "\r\n"
    assert clean(raw) == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", clean(raw))


def test_clean_of_nothing_is_empty():
    assert clean(None) == ""
    assert clean("") == ""
    assert clean("  \t ") == ""
