"""Render resources/icons/counter-app.svg to the PNG sizes desktops ask for and the Windows .ico.

Run again after changing the SVG: QT_QPA_PLATFORM=offscreen .venv/bin/python
packaging/make_icons.py. Small sizes are drawn from the vector, not scaled down from 256 px.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    path = ICONS / f"counter-app-{size}.png"
    image.save(str(path))
    return path


def main() -> None:
    app = QGuiApplication([])  # noqa: F841  (QImage and QSvgRenderer need an application)
    renderer = QSvgRenderer(str(ICONS / "counter-app.svg"))
    pngs = [render(renderer, size) for size in SIZES]
    largest = Image.open(pngs[-1])
    frames = [Image.open(path) for path in pngs]
    largest.save(ICONS / "counter-app.ico", sizes=[f.size for f in frames], append_images=frames)


if __name__ == "__main__":
    main()
