"""The first start on a data folder with no counter: a wizard sets the counter up, then the
window goes on to the sign-in as usual."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QDialog

from counter_app.ui.i18n import install_translations, remove_translations


def run_first_run(
    app: QApplication, folder: Path, lang: str, translators: list[QTranslator]
) -> tuple[bool, str, list[QTranslator]]:
    """Show the wizard until it is finished or cancelled: (finished, the language chosen, the
    translators now installed)."""
    from counter_app.ui.first_run.wizard import FirstRunWizard

    chosen = {"lang": lang, "translators": translators}

    def switch_language(new: str) -> None:
        remove_translations(app, chosen["translators"])  # type: ignore[arg-type]
        chosen["translators"] = install_translations(app, new)
        chosen["lang"] = new

    wizard = FirstRunWizard(folder, lang)
    wizard.sig_language_changed.connect(switch_language)
    finished = wizard.exec() == QDialog.DialogCode.Accepted
    wizard.deleteLater()
    return finished, chosen["lang"], chosen["translators"]  # type: ignore[return-value]
