"""The exercise figure on screen: it renders every exercise, moves, and can stand still."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from alshome.programs.library import stock_library
from alshome.ui.figure import FigureView, render_still
from alshome.ui.theme import PALETTES

LIBRARY = stock_library()


def _inked(image: QImage, background: str) -> int:
    """How many sampled pixels differ from the background: a blank image has none."""
    plain = QColor(background).rgb()
    return sum(
        image.pixel(x, y) != plain
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )


@pytest.mark.parametrize("exercise_id", sorted(LIBRARY))
def test_every_exercise_renders_at_start_middle_and_end(qapp, exercise_id):
    palette = PALETTES["light"]
    for t in (0.0, 0.5, 1.0):
        image = render_still(exercise_id, t, 160, palette)
        assert image.size() == QSize(160, 160)
        assert _inked(image, palette.panel) > 40


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_the_figure_is_drawn_in_the_theme_colours(qapp, theme):
    palette = PALETTES[theme]
    image = render_still("hamstring_stretch", 1.0, 200, palette)
    colours = {image.pixel(x, y) for x in range(0, 200, 2) for y in range(0, 200, 2)}
    assert QColor(palette.text).rgb() in colours
    assert QColor(palette.panel).rgb() in colours


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def view(qtbot):
    clock = Clock()
    widget = FigureView(clock=clock)
    widget.clock = clock
    qtbot.addWidget(widget)
    widget.resize(240, 240)
    widget.show_exercise("knee_extension_weight", "Seated knee straightening")
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_it_is_named_for_the_exercise_and_takes_no_focus(view):
    assert view.accessibleName() == "Illustration: Seated knee straightening"
    assert "start position to the end position" in view.accessibleDescription()
    assert view.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_figure_moves_over_time(view, qtbot):
    first = view.grab().toImage()
    assert view.is_animating()
    view.clock.now += 0.9  # half way through the movement
    qtbot.wait(120)
    assert view.moment() == pytest.approx(0.5)
    assert view.grab().toImage() != first


def test_it_stops_moving_when_hidden(view, qtbot):
    view.hide()
    assert not view.is_animating()
    view.show()
    qtbot.waitExposed(view)
    assert view.is_animating()


def test_standing_still_shows_the_end_over_a_faint_start(view, qtbot):
    view.set_animated(False)
    assert not view.is_animating()
    still = view.grab().toImage()
    view.clock.now += 0.9
    qtbot.wait(120)
    assert view.moment() == 1.0
    assert view.grab().toImage() == still
    view.set_animated(True)
    assert view.is_animating()
    assert view.moment() == 0.0


def test_pedalling_goes_round(view, qtbot):
    view.show_exercise("leg_cycle", "Leg pedalling")
    view.clock.now += 0.75
    qtbot.wait(120)
    assert view.moment() == pytest.approx(0.25)
