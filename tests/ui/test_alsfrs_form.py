"""The ALSFRS-R form: answered by keyboard alone, saved as answered, and nothing on a cancel.

The safety rig's clock starts on Monday 5 January 2026 at 10:00, local time.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from alshome.domain.alsfrs import ANCHORS, ITEMS, LABELS, EnteredBy, Entry
from alshome.ui.pages import Page
from tests.ui.tour import settle

ENTER = Qt.Key.Key_Return
ANSWERS = (4, 3, 3, 2, 4, 1, 0, 2, 3, 4, 4, 3)
DIGITS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(5)}


@pytest.fixture
def form(safety):
    """The rig with its first-run pages done and the history open, at home."""
    safety.save_profile()
    safety.window.history_opened()
    settle()
    return safety


def open_form(rig):
    rig.window.open_alsfrs()
    settle()
    return rig.window.screens[Page.ALSFRS]


def test_all_twelve_answered_by_keyboard_are_saved_with_who_answered(form):
    screen = open_form(form)
    assert form.window.current is screen
    assert form.window.focusWidget() is screen, "no answer starts chosen"
    form.key(Qt.Key.Key_Right)
    form.key(Qt.Key.Key_Right)
    assert form.window.focusWidget() is screen.who[EnteredBy.CAREGIVER]
    form.key(ENTER)
    assert screen.who[EnteredBy.CAREGIVER].text().startswith("✓")
    form.key(ENTER)  # Next, where choosing put the focus
    form.key(ENTER)  # the onset page: left out, Next
    for number, value in enumerate(ANSWERS, start=1):
        assert screen.counter.text() == f"Question {number} of 12"
        assert screen.item_label.text() == LABELS[ITEMS[number - 1]]
        form.key(DIGITS[value])
        assert screen.answers[value].isChecked()
        form.key(ENTER)
    assert screen.total.text() == f"Your total: {sum(ANSWERS)} of 48"
    form.key(ENTER)  # Save
    assert form.window.current is form.window.home
    assert form.repository.alsfrs_entries() == [
        Entry(form.clock.wall(), ANSWERS, EnteredBy.CAREGIVER, None)
    ]


def test_a_stray_enter_or_digit_records_nothing(form):
    screen = open_form(form)
    form.key(ENTER)
    form.key(DIGITS[3])
    assert screen.index == 0 and screen.entered_by is None
    screen.who[EnteredBy.PATIENT].click()
    screen.primary.click()
    screen.primary.click()
    form.key(ENTER)
    assert screen.index == 2, "Next waits for an answer"
    assert not screen.primary.isEnabled()
    assert not any(answer.isChecked() for answer in screen.answers.values())


def test_each_item_shows_our_own_words_and_back_keeps_the_answers(form):
    screen = open_form(form)
    screen.who[EnteredBy.PATIENT].click()
    screen.primary.click()
    screen.primary.click()
    screen.choose(2)
    assert screen.answers[2].text() == "✓ 2\n" + "Much harder\nto follow"
    assert screen.answers[4].accessibleName() == f"4, {ANCHORS[ITEMS[0]][4]}"
    screen.primary.click()
    screen.back.click()
    assert screen.answers[2].isChecked() and screen.primary.isEnabled()


def test_cancel_and_esc_save_nothing(form):
    screen = open_form(form)
    screen.who[EnteredBy.PATIENT].click()
    screen.primary.click()
    screen.back.click()
    assert screen.back.text() == "Cancel"
    screen.back.click()
    assert form.window.current is form.window.home
    screen = open_form(form)
    assert screen.entered_by is None, "a new form starts blank"
    screen.who[EnteredBy.PATIENT].click()
    screen.primary.click()
    screen.primary.click()
    for value in ANSWERS[:5]:
        screen.choose(value)
        screen.primary.click()
    form.key(Qt.Key.Key_Escape)
    assert form.window.current is form.window.home
    assert form.repository.alsfrs_entries() == []


def answer_all(screen, values=ANSWERS):
    for value in values:
        screen.choose(value)
        screen.primary.click()


def test_the_last_onset_is_offered_and_can_be_moved_or_left_out(form):
    earlier = form.clock.wall() - timedelta(days=61)
    form.repository.save_alsfrs(Entry(earlier, (4,) * 12, EnteredBy.CLINICIAN, date(2024, 5, 1)))
    screen = open_form(form)
    screen.who[EnteredBy.PATIENT].click()
    screen.primary.click()
    assert screen.month.shown.text().lower().startswith("may")
    assert screen.year.shown.text() == "2024"
    assert not screen.leave_out.isChecked()
    screen.year.less.click()
    screen.month.more.click()
    screen.primary.click()
    answer_all(screen)
    assert "gone down by about" in screen.course.text()
    screen.primary.click()
    assert form.repository.alsfrs_entries()[-1].onset == date(2023, 6, 1)


def test_the_onset_never_passes_this_month(form):
    screen = open_form(form)
    screen.who[EnteredBy.PATIENT].click()
    screen.primary.click()
    assert screen.leave_out.isChecked(), "none was given before"
    screen.year.more.click()
    assert screen.year.shown.text() == "2026" and not screen.year.more.isEnabled()
    assert not screen.month.more.isEnabled(), "January 2026 is this month"
    screen.leave_out.click()
    screen.primary.click()
    answer_all(screen)
    assert screen.course.text().startswith("After your next rating")
    screen.primary.click()
    assert form.repository.alsfrs_entries()[-1].onset is None


def test_home_suggests_a_rating_monthly_and_settings_always_offer_it(form):
    home = form.window.home
    assert home.rating.isVisible(), "never rated: suggested"
    home.rating.click()
    screen = form.window.screens[Page.ALSFRS]
    assert form.window.current is screen
    screen.who[EnteredBy.PATIENT].click()
    screen.primary.click()
    screen.primary.click()
    answer_all(screen)
    screen.primary.click()
    settle()
    assert form.window.current is home
    assert not home.rating.isVisible()
    form.window.open_settings()
    form.window.screens[Page.SETTINGS].rating.click()
    assert form.window.current is screen
    form.window.go_home()
    form.clock.advance(timedelta(days=30).total_seconds())
    form.window.go_home()
    settle()
    assert home.rating.isVisible()
