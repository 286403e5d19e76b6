"""Render every exercise's figure at its start and end into one contact sheet, for looking at.

Run from the repository (the theme is light, dark or high_contrast):
QT_QPA_PLATFORM=offscreen .venv/bin/python tests/e2e/make_illustration_sheet.py [out.png] [theme]
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from alshome.illustrations.pose import stock_poses
from alshome.ui.figure import render_still
from alshome.ui.theme import PALETTES

CELL = 220
COLUMNS = 4  # exercises per row, each shown at start and end


def make_sheet(path: str, theme: str = "light") -> None:
    palette = PALETTES[theme]
    ids = list(stock_poses())
    rows = (len(ids) + COLUMNS - 1) // COLUMNS
    sheet = QImage(
        COLUMNS * 2 * CELL + COLUMNS * 12, rows * (CELL + 24), QImage.Format.Format_RGB32
    )
    sheet.fill(QColor(palette.background))
    painter = QPainter(sheet)
    painter.setPen(QColor(palette.text))
    for index, exercise_id in enumerate(ids):
        x = (index % COLUMNS) * (2 * CELL + 12)
        y = (index // COLUMNS) * (CELL + 24)
        painter.drawText(x + 4, y + 16, exercise_id)
        for step, t in enumerate((0.0, 0.5 if stock_poses()[exercise_id].loops else 1.0)):
            painter.drawImage(
                QPoint(x + step * CELL, y + 22), render_still(exercise_id, t, CELL - 4, palette)
            )
    painter.end()
    sheet.save(path)


if __name__ == "__main__":
    app = QApplication.instance() or QApplication(sys.argv[:1])
    make_sheet(
        sys.argv[1] if len(sys.argv) > 1 else "/tmp/illustrations.png",
        sys.argv[2] if len(sys.argv) > 2 else "light",
    )
