"""Every control on every screen: named for screen readers, big enough, and safe to dwell on.

Checked at 100 % and 200 % text, on each state `tour` reaches: a control must have an
accessible name, be at least TARGET_HEIGHT tall, and keep a clear gap from its
neighbours (no small targets touching, which dwell and eye-gaze users hit by mistake);
the answers to "stop?" questions sit far apart.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QScrollArea

from alshome.ui.pages import Page
from alshome.ui.screens.base import FAR_APART
from alshome.ui.theme import TARGET_HEIGHT, style_for
from tests.ui.tour import settle

MIN_GAP = 8  # px between two controls


def controls(screen):
    return [
        widget
        for widget in screen.findChildren(QAbstractButton) + screen.findChildren(QLineEdit)
        if widget.isVisible()
    ]


def box(widget) -> QRect:
    """The part of `widget` on screen (a scroll area may hide the rest), in window terms.

    A control scrolled wholly out of view has no part on screen, and touches nothing.
    """
    shown = widget.visibleRegion().boundingRect()
    return shown.translated(widget.mapTo(widget.window(), shown.topLeft()) - shown.topLeft())


@pytest.fixture(params=[100, 200])
def scaled(request, tour):
    tour[0].window.setStyleSheet(style_for("light", request.param))
    return request.param


def test_every_control_is_named_large_and_apart(tour, scaled):
    _rig, walk = tour
    problems = []
    for name, screen in walk():
        settle()
        found = controls(screen)
        assert found, name
        for widget in found:
            label = widget.accessibleName().strip()
            if not label:
                problems.append(f"{name}: a {type(widget).__name__} has no accessible name")
            if widget.height() < TARGET_HEIGHT:
                problems.append(f"{name}: {label!r} is {widget.height()} px high")
        on_screen = [widget for widget in found if not widget.visibleRegion().isEmpty()]
        for first, second in itertools.combinations(on_screen, 2):
            grown = box(first).adjusted(-MIN_GAP + 1, -MIN_GAP + 1, MIN_GAP - 1, MIN_GAP - 1)
            if grown.intersects(box(second)):
                problems.append(
                    f"{name}: {first.accessibleName()!r} and {second.accessibleName()!r} touch"
                )
    assert not problems, problems


def test_the_answers_to_stop_questions_are_far_apart(rig):
    rig.window.start_session()
    rig.controller.request_stop()
    settle()
    stop = rig.window.screens[Page.CONFIRM_STOP]
    gap = box(stop.back).left() - box(stop.primary).right()
    assert gap >= FAR_APART - 1
    rig.controller.cancel_stop()
    rig.controller.close()
    rig.window.open_settings()
    screen = rig.window.screens[Page.SETTINGS]
    screen.reset.click()
    settle()
    gap = abs(box(screen.no).left() - box(screen.yes).right())
    assert gap >= FAR_APART - 1


def test_no_control_needs_hovering_or_a_double_click(tour):
    """Hover-only help (a tooltip as the only text) would be invisible to dwell users."""
    _rig, walk = tour
    for name, screen in walk():
        for widget in controls(screen):
            assert not widget.toolTip() or widget.accessibleDescription(), (name, widget)


def focus_order(screen) -> list:
    """The screen's visible controls in the order Tab (and the scanner) visits them."""
    shown = set(controls(screen))
    order, widget = [], screen.nextInFocusChain()
    while widget is not screen and len(order) < 500:
        if widget in shown and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order


def scroller(widget):
    """The scroll area `widget` is in, if any: its list is read as one block of the screen."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def place(widget, scroll) -> QRect:
    """Where `widget` lies on its screen, or in its scroll area's whole list."""
    frame = scroll.widget() if scroll is not None else widget.window()
    return QRect(widget.mapTo(frame, widget.rect().topLeft()), widget.size())


def test_the_focus_moves_in_reading_order(tour):
    """Top to bottom, and left to right within a row, as a sighted person reads the screen."""
    _rig, walk = tour
    problems = []
    for name, screen in walk():
        settle()
        for before, after in itertools.pairwise(focus_order(screen)):
            scroll = scroller(before)
            if scroll is not scroller(after):
                continue  # from a scrolled list to the buttons below it, or back
            first, second = place(before, scroll), place(after, scroll)
            same_row = abs(first.center().y() - second.center().y()) < first.height() / 2
            forward = second.left() > first.left() if same_row else second.top() >= first.top()
            if not forward:
                problems.append(
                    f"{name}: {before.accessibleName()!r} then {after.accessibleName()!r}"
                )
    assert not problems, problems
