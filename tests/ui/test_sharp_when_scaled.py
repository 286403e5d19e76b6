"""Pictures stay sharp on a screen Qt scales to 150 % or 200 % (a large, dense screen).

What Qt paints itself (text, frames, the moving figure, the charts) is drawn at the
screen's density anyway. A picture drawn once into an image is not: it must be drawn
with as many pixels as the screen shows for it, or it is enlarged and blurred.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSize

from alshome.ui.figure import render_still
from alshome.ui.theme import PALETTES

LIBRARY_PICTURES = """
import json
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
app = QApplication([])
from alshome.programs.library import stock_library
from alshome.ui.screens.editor_library import PICTURE_SIZE, LibraryPage
page = LibraryPage(stock_library(), lambda exercise: None, lambda: None)
page.show()
page.start()
ratio = page.devicePixelRatioF()
icons = [choice.icon() for choice in page.choices.values() if not choice.icon().isNull()]
pictures = [icon.pixmap(QSize(PICTURE_SIZE, PICTURE_SIZE), ratio) for icon in icons]
print(json.dumps({
    "ratio": ratio,
    "size": PICTURE_SIZE,
    "widths": sorted({picture.width() for picture in pictures}),
}))
"""


@pytest.mark.parametrize("ratio", [1.5, 2.0])
def test_a_still_picture_has_a_device_pixel_for_each_screen_pixel(qapp, ratio):
    image = render_still("hamstring_stretch", 1.0, 100, PALETTES["light"], ratio)
    assert image.size() == QSize(round(100 * ratio), round(100 * ratio))
    assert image.devicePixelRatio() == ratio
    assert image.deviceIndependentSize().toSize() == QSize(100, 100)


@pytest.mark.parametrize("scale", ["1.5", "2"])
def test_the_library_pictures_are_drawn_at_the_screens_scale(scale):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    result = subprocess.run(
        [sys.executable, "-c", LIBRARY_PICTURES],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["ratio"] == float(scale)
    assert found["widths"] == [round(found["size"] * float(scale))]
