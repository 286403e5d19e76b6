"""Writes the app icon: resources/icons/alshome.svg and PNGs in the usual sizes.

The icon is drawn by the project with the same figure renderer as the exercise
illustrations: a person seated, one arm raised, in white on the app's calm blue, inside a
rounded square. Small sizes keep the figure's strokes thick enough to read at 16 px.
`packaging/install.sh` and the PyInstaller spec take the files from resources/icons.

Run from the repository root: `python packaging/make_icons.py`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath
from PySide6.QtSvg import QSvgGenerator

from alshome.illustrations.pose import illustration
from alshome.ui.figure import paint_figure
from alshome.ui.theme import LIGHT

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
EXERCISE = "shoulder_raise_rom"  # arm raised: movement, effort, calm
BLUE = LIGHT.primary
# The figure in white on blue: every layer of the renderer in shades of white.
ICON_PALETTE = replace(LIGHT, text="#ffffff", muted="#dbe7f5", panel=BLUE)


def paint_icon(painter: QPainter, side: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    outline = QPainterPath()
    outline.addRoundedRect(QRectF(0, 0, side, side), side * 0.22, side * 0.22)
    painter.fillPath(outline, QColor(BLUE))
    figure = illustration(EXERCISE)
    inset = side * 0.1
    paint_figure(
        painter,
        QRectF(inset, inset, side - 2 * inset, side - 2 * inset),
        figure.scene(1.0),
        ICON_PALETTE,
        figure.frame,
    )


def write_png(size: int) -> Path:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint_icon(painter, size)
    painter.end()
    path = OUT / "hicolor" / f"{size}x{size}" / "apps" / "alshome.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))
    return path


def write_svg() -> Path:
    path = OUT / "alshome.svg"
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(256, 256))
    generator.setViewBox(QRectF(0, 0, 256, 256))
    generator.setTitle("alshome")
    generator.setDescription("The alshome app icon")
    painter = QPainter(generator)
    paint_icon(painter, 256)
    painter.end()
    return path


def main() -> int:
    QGuiApplication(sys.argv[:1])
    for size in SIZES:
        print(write_png(size))
    print(write_svg())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
