"""Qt's own texts in the Vietnamese window: standard buttons, the text fields' context menus,
the non-native file dialog and the print preview speak Vietnamese (Qt ships no Vietnamese
catalogue: resources/translations/qtbase_vi.ts is ours), and English stays Qt's own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWizard,
)

from counter_app.ui.i18n import install_translations, remove_translations

ENGLISH_LEFTOVERS = ("Undo", "Redo", "Copy", "Paste", "Delete", "Select All", "Cancel", "Open")


@pytest.fixture(params=["vi", "en"])
def lang(request, qapp) -> Iterator[str]:
    translators = install_translations(qapp, request.param)
    yield request.param
    remove_translations(qapp, translators)


def menu_texts(widget: QLineEdit | QPlainTextEdit) -> list[str]:
    menu = widget.createStandardContextMenu()
    try:
        return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    finally:
        menu.deleteLater()


def test_standard_buttons_and_details_of_a_message_box(qtbot, lang: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?")
    qtbot.addWidget(box)
    buttons = (
        QMessageBox.StandardButton.Yes,
        QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Ok,
        QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
        QMessageBox.StandardButton.Close,
    )
    for button in buttons:
        box.addButton(button)
    box.setDetailedText("chi tiết")
    texts = [box.button(b).text() for b in buttons]
    action = QMessageBox.ButtonRole.ActionRole
    details = [b.text() for b in box.findChildren(QPushButton) if box.buttonRole(b) == action]
    if lang == "vi":
        assert texts == ["&Có", "&Không", "Đồng ý", "Hủy", "Lưu", "Đóng"]
        assert details == ["Xem chi tiết..."]
    else:
        assert texts == ["&Yes", "&No", "OK", "Cancel", "Save", "Close"]
        assert details == ["Show Details..."]


def test_the_context_menus_of_text_fields(qtbot, lang: str) -> None:
    line, text = QLineEdit("abc"), QPlainTextEdit("abc")
    for widget in (line, text):
        qtbot.addWidget(widget)
    line_menu, text_menu = menu_texts(line), menu_texts(text)
    if lang == "vi":
        expected = ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]
        assert line_menu[:7] == expected
        assert text_menu[:7] == expected
        leftovers = [t for t in line_menu + text_menu if t.replace("&", "") in ENGLISH_LEFTOVERS]
        assert leftovers == []
    else:
        english = ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"]
        assert line_menu[:7] == english


def test_the_non_native_file_dialog(qtbot, lang: str) -> None:
    dialog = QFileDialog(None, "", "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    texts = sorted(button.text() for button in buttons.buttons())
    if lang == "vi":
        assert texts == ["&Mở", "Hủy"]
        assert labels["lookInLabel"] == "&Tìm trong:"
        assert labels["fileNameLabel"] == "&Tên tệp:"
        assert labels["fileTypeLabel"] == "&Loại tệp:"
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "&Lưu"
    else:
        assert texts == ["&Open", "Cancel"]
        assert labels["lookInLabel"] == "&Look in:"


def test_the_print_preview_and_the_wizard(qtbot, lang: str) -> None:
    preview = QPrintPreviewDialog()
    qtbot.addWidget(preview)
    actions = {action.text() for action in preview.findChildren(QAction)}
    wizard = QWizard()
    qtbot.addWidget(wizard)
    back = wizard.button(QWizard.WizardButton.BackButton).text()
    if lang == "vi":
        assert {"Phóng to", "Thu nhỏ", "In", "Thiết lập trang"} <= actions
        assert "&Quay lại" in back
    else:
        assert {"Zoom in", "Zoom out", "Print", "Page setup"} <= actions
        assert "&Back" in back
