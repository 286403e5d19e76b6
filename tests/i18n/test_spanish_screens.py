"""With Spanish chosen, every screen speaks Spanish and still fits unclipped.

Spanish runs about a fifth longer than English, so the fit test of tests/ui is run again
in Spanish: 1280x720 at the smallest and the largest text size, and the narrowest window
(an eye-gaze device's, framed) at 100 %.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from alshome.ui.theme import style_for
from tests.ui.test_fit import FRAMED, HEIGHT, WIDTH, clipped
from tests.ui.tour import settle

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))

import update_translations

TS = update_translations.I18N / "alshome_es.ts"


def english_only() -> set[str]:
    """The English texts whose Spanish differs: seeing one on screen means it was missed."""
    return {
        source
        for _context, source, text in update_translations.read_ts(TS)
        if text != source and "{" not in source
    }


def shown_texts(screen) -> list[str]:
    widgets = [*screen.findChildren(QLabel), *screen.findChildren(QAbstractButton)]
    return [widget.text() for widget in widgets if widget.isVisible() and widget.text()]


def test_every_screen_shows_spanish(spanish, tour):
    _rig, walk = tour
    english = english_only()
    found = {}
    for name, screen in walk():
        settle()
        missed = [text for text in shown_texts(screen) if text in english]
        if missed:
            found[name] = missed
    assert not found, found


def test_home_and_the_exercise_are_in_spanish(spanish, rig):
    texts = shown_texts(rig.window.home)
    assert "Empezar la sesión" in texts
    assert "Programa de ejemplo para casa" in texts
    rig.window.start_session()
    settle()
    texts = shown_texts(rig.window.current)
    assert "Estiramiento posterior del muslo" in texts  # the demo's first exercise


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(WIDTH, HEIGHT, 100), (WIDTH, HEIGHT, 200), (1024, 768 - FRAMED, 100)],
)
def test_every_screen_fits_in_spanish(spanish, tour, width, height, scale):
    rig, walk = tour
    rig.window.setStyleSheet(style_for("light", scale))
    rig.window.resize(width, height)
    found = {}
    for name, screen in walk():
        settle()
        assert rig.window.width() <= width and rig.window.height() <= height, name
        found.update({f"{name}: {problem}": scale for problem in clipped(screen, width, height)})
    assert not found, "\n".join(found)
