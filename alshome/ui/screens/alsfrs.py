"""The ALSFRS-R self-rating as a guided form: one question per page, then a summary.

Pages: who is answering, the month symptoms began (optional), the twelve items, the
summary with Save. Only our own short labels and anchor words are shown, never the
scale's copyrighted wording (see `alshome.domain.alsfrs`). No answer is chosen for the
person: each page focuses the screen itself, as the fatigue check does, so a stray Enter
records nothing, and Next stays off until the page is answered. Digits 0-4 answer an
item. Esc, or Back on the first page, leaves without saving anything. The answers are
not in an exclusive button group: Qt would make a group one stop for Tab and the arrow
keys, and the keyboard contract and switch scanning must reach every answer.

The summary describes the course in plain, calm words and leaves judging it to the
therapist: no bands, no warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alshome.domain.alsfrs import (
    ANCHORS,
    ITEMS,
    LABELS,
    MAX_TOTAL,
    MAX_VALUE,
    Domain,
    EnteredBy,
    Entry,
    Item,
    latest_onset,
    slope,
)
from alshome.ui import words
from alshome.ui.screens.base import SPACING, ButtonRow, Screen, row
from alshome.ui.widgets import FitLabel, FramedButton, button, label, set_text, ticked, toggle
from alshome.ui.widgets.steppers import ValueLabel, show_stepped, wide

FIRST_YEAR = 1950  # the earliest onset year the stepper offers
STEADY = 0.1  # points a month: a smaller change in either direction reads "about the same"
# The form's steps: who answers, the onset, one per item, the summary.
WHO, ONSET, FIRST_ITEM = 0, 1, 2
SUMMARY = FIRST_ITEM + len(ITEMS)


def scale_text(text: str) -> str:
    """The scale's words (labels, anchors) in the person's language, by their English text."""
    return QCoreApplication.translate("Alsfrs", text)


def two_lines(text: str) -> str:
    """`text` broken at the space nearest its middle, so five answers fit across."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    middle = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{text[:middle]}\n{text[middle + 1 :]}"


class AnswerButton(FramedButton):
    """A value with its anchor words underneath; the chosen one is ticked, not only coloured."""

    def __init__(self, value: int) -> None:
        super().__init__()
        self.value = value
        self.anchor = ""
        self.setCheckable(True)
        self.setProperty("role", "rating")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.toggled.connect(self._show_state)

    def show_anchor(self, anchor: str) -> None:
        self.anchor = anchor
        self.setAccessibleName(f"{self.value}, {anchor}")
        self._show_state(self.isChecked())

    def _show_state(self, checked: bool) -> None:
        self.setText(ticked(f"{self.value}\n{two_lines(self.anchor)}", checked))


class Stepper(QWidget):
    """A caption, "earlier", the value, "later" in one line, as the editor's number rows."""

    def __init__(self, caption: str, samples: Sequence[str], move: Callable[[int], None]) -> None:
        super().__init__()
        self.caption = caption
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(SPACING)
        self.less = wide(
            button(
                "− " + self.tr("Earlier"),
                lambda: move(-1),
                accessible_name=self.tr("{name}: earlier").format(name=caption),
            )
        )
        self.more = wide(
            button(
                "+ " + self.tr("Later"),
                lambda: move(1),
                accessible_name=self.tr("{name}: later").format(name=caption),
            )
        )
        self.shown = ValueLabel(samples)
        for widget in (label(caption, "body", wrap=False), self.less, self.shown, self.more):
            line.addWidget(widget)
        line.addStretch(1)

    def show_value(self, text: str, at_low: bool, at_high: bool) -> None:
        show_stepped(self.less, self.shown, self.more, self.caption, text, at_low, at_high)


def page() -> tuple[QWidget, QVBoxLayout]:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(SPACING)
    return widget, layout


class AlsfrsScreen(Screen):
    """The whole form; `start` opens it afresh, `on_save` receives the finished entry."""

    def __init__(
        self,
        on_save: Callable[[Entry], None],
        on_cancel: Callable[[], None],
        now: Callable[[], datetime],
    ) -> None:
        super().__init__(self.tr("Rate how you are doing"))
        self.on_save = on_save
        self.on_cancel = on_cancel
        self.now = now
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleDescription(
            self.tr("Choose an answer, then Next. On a question, the keys 0 to 4 answer it.")
        )
        self.earlier: list[Entry] = []
        self.entered_by: EnteredBy | None = None
        self.onset_month = (FIRST_YEAR, 1)  # (year, month), set by `start`
        self.onset_given = False
        self.values: list[int | None] = [None] * len(ITEMS)
        self.index = WHO  # the step shown

        # Pages in one column, all but the one shown hidden: unlike a stacked widget, whose
        # height is its tallest page's, the form then needs only the shown page's room.
        self.pages = (self._who_page(), self._onset_page(), self._item_page(), self._summary_page())
        for each in self.pages:
            each.hide()
            self.layout_.addWidget(each, 1)

        self.back = button(self.tr("Back"), self.go_back, role="large")
        self.primary = button(
            self.tr("Next"),
            self.go_next,
            role="primary",
            description=self.tr("On the last page, Save keeps your answers."),
        )
        self.layout_.addLayout(row(self.back, self.primary, stretch_between=True))

    # ----- the pages ---------------------------------------------------------------------

    def _who_page(self) -> QWidget:
        widget, layout = page()
        layout.addWidget(label(self.tr("Rate how you are doing"), "title"))
        layout.addWidget(
            FitLabel(
                self.tr(
                    "Twelve short questions, each answered from 4 (as before) to 0. Think of "
                    "the last two weeks. It helps your therapist follow how you are doing."
                ),
                "body",
                floor=20,
                grow=False,
            )
        )
        layout.addWidget(label(self.tr("Who is answering?"), "headline"))
        self.who: dict[EnteredBy, QPushButton] = {}
        self.who_names = {
            EnteredBy.PATIENT: self.tr("Me, the patient"),
            EnteredBy.CAREGIVER: self.tr("A caregiver"),
            EnteredBy.CLINICIAN: self.tr("A clinician"),
        }
        for who, name in self.who_names.items():
            choice = toggle(name, lambda w=who: self.choose_who(w), accessible_name=name)
            self.who[who] = choice
        layout.addLayout(row(*self.who.values()))
        layout.addStretch(1)
        return widget

    def _onset_page(self) -> QWidget:
        widget, layout = page()
        layout.addWidget(label(self.tr("When did symptoms begin?"), "title"))
        layout.addWidget(
            FitLabel(
                self.tr("If you know the month, it helps your therapist. You can leave it out."),
                "body",
                floor=20,
                grow=False,
            )
        )
        months = [QLocale().monthName(month) for month in range(1, 13)]
        self.month = Stepper(self.tr("Month"), months, lambda steps: self.move_onset(0, steps))
        self.year = Stepper(self.tr("Year"), ["2000"], lambda steps: self.move_onset(steps, 0))
        layout.addWidget(self.month)
        layout.addWidget(self.year)
        self.leave_out = toggle(
            self.tr("Leave it out"), self.toggle_leave_out, accessible_name=self.tr("Leave it out")
        )
        self.leave_out.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.leave_out, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return widget

    def _item_page(self) -> QWidget:
        """One page for all twelve items: `show_item` puts each one's words on it."""
        widget, layout = page()
        self.counter = label("", "note", wrap=False)
        self.item_label = label("", "title")
        heading = QHBoxLayout()
        heading.addWidget(self.item_label, 1)
        heading.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(heading)
        layout.addWidget(
            FitLabel(
                self.tr("How is it now? 4 is as before; lower is harder."),
                "body",
                floor=20,
                grow=False,
            )
        )
        answers = ButtonRow(gap=8)
        answers.setSpacing(8)
        self.answers: dict[int, AnswerButton] = {}
        for value in range(MAX_VALUE, -1, -1):
            answer = AnswerButton(value)
            answer.clicked.connect(lambda _checked=False, v=value: self.choose(v))
            answers.addWidget(answer)
            self.answers[value] = answer
        layout.addLayout(answers)
        self.chosen = FitLabel("", "body", floor=20, grow=False)
        layout.addWidget(self.chosen)
        layout.addStretch(1)
        return widget

    def _summary_page(self) -> QWidget:
        """The total, the four subscores and the course; at large text sizes they shrink
        (never below a readable floor) before anything is cut off."""
        widget, layout = page()
        self.total = label("", "title")
        self.subscores = FitLabel("", "body", floor=24)
        self.course = FitLabel("", "body", floor=24, grow=False)
        for each in (self.total, self.subscores, self.course):
            layout.addWidget(each)
        return widget

    # ----- opening and moving through the form -------------------------------------------

    def start(self, earlier: Sequence[Entry]) -> None:
        """A blank form; `earlier` ratings give the onset to offer and the course so far."""
        self.earlier = list(earlier)
        self.entered_by = None
        self.values = [None] * len(ITEMS)
        onset = latest_onset(self.earlier)
        today = self.now().date()
        self.onset_given = onset is not None
        self.onset_month = (onset.year, onset.month) if onset else (today.year - 1, today.month)
        for who, widget in self.who.items():
            widget.setChecked(False)
            widget.setText(self._who_name(who))
        self.show_page(0)

    def show_page(self, index: int) -> None:
        self.index = index
        shown = self.pages[min(index, FIRST_ITEM) if index < SUMMARY else -1]
        for each in self.pages:
            each.setVisible(each is shown)
        if index == ONSET:
            self._show_onset()
        elif self._on_item():
            self.show_item(ITEMS[index - FIRST_ITEM])
        elif index == SUMMARY:
            self._show_summary()
        set_text(self.back, self.tr("Cancel") if index == WHO else self.tr("Back"))
        set_text(self.primary, self.tr("Save") if index == SUMMARY else self.tr("Next"))
        self._update_next()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_next(self) -> None:
        if not self.primary.isEnabled():
            return
        if self.index == SUMMARY:
            self.on_save(self.entry())
        else:
            self.show_page(self.index + 1)

    def go_back(self) -> None:
        if self.index == WHO:
            self.on_cancel()
        else:
            self.show_page(self.index - 1)

    def first_focus(self) -> QWidget | None:
        return self

    def digit(self, value: int) -> bool:
        if self._on_item() and value in self.answers:
            self.choose(value)
        return True

    def _on_item(self) -> bool:
        return FIRST_ITEM <= self.index < SUMMARY

    # ----- the answers -------------------------------------------------------------------

    def _who_name(self, who: EnteredBy) -> str:
        return ticked(self.who_names[who], who is self.entered_by)

    def choose_who(self, who: EnteredBy) -> None:
        self.entered_by = who
        for each, widget in self.who.items():
            widget.setChecked(each is who)
            widget.setText(self._who_name(each))
        self._update_next()
        self.primary.setFocus()

    def move_onset(self, years: int, months: int) -> None:
        year, month = self.onset_month
        serial = (year + years) * 12 + (month - 1) + months
        today = self.now().date()
        serial = min(max(serial, FIRST_YEAR * 12), today.year * 12 + today.month - 1)
        year, month = divmod(serial, 12)
        self.onset_month = (year, month + 1)
        self.onset_given = True
        self._show_onset()

    def toggle_leave_out(self) -> None:
        self.onset_given = not self.leave_out.isChecked()
        self._show_onset()

    def _show_onset(self) -> None:
        year, month = self.onset_month
        today = self.now().date()
        latest = (today.year, today.month)
        self.month.show_value(
            QLocale().monthName(month),
            (year, month) <= (FIRST_YEAR, 1),
            (year, month) >= latest,
        )
        self.year.show_value(str(year), year <= FIRST_YEAR, year >= today.year)
        self.leave_out.setChecked(not self.onset_given)
        self.leave_out.setText(ticked(self.tr("Leave it out"), not self.onset_given))

    def show_item(self, item: Item) -> None:
        number = ITEMS.index(item) + 1
        self.counter.setText(self.tr("Question {n} of {total}").format(n=number, total=len(ITEMS)))
        set_text(self.item_label, scale_text(LABELS[item]))
        chosen = self.values[number - 1]
        for value, answer in self.answers.items():
            answer.setChecked(value == chosen)
            answer.show_anchor(scale_text(ANCHORS[item][value]))
        self._show_chosen()

    def choose(self, value: int) -> None:
        self.values[self.index - FIRST_ITEM] = value
        for each, answer in self.answers.items():
            answer.setChecked(each == value)
        self._show_chosen()
        self._update_next()
        self.primary.setFocus()

    def _show_chosen(self) -> None:
        value = self.values[self.index - FIRST_ITEM]
        if value is None:
            text = self.tr("Press a key from 0 to 4, or choose a button.")
        else:
            text = self.tr("Chosen: {value}, {words}.").format(
                value=value, words=self.answers[value].anchor.lower()
            )
        set_text(self.chosen, text)

    def _update_next(self) -> None:
        if self.index == WHO:
            ready = self.entered_by is not None
        elif self._on_item():
            ready = self.values[self.index - FIRST_ITEM] is not None
        else:
            ready = True
        self.primary.setEnabled(ready)

    # ----- the summary -------------------------------------------------------------------

    def entry(self) -> Entry:
        """The answers as an entry; only the summary asks, once every page is answered."""
        if self.entered_by is None or None in self.values:
            raise ValueError("the form is not finished")
        year, month = self.onset_month
        return Entry(
            entered_at=self.now(),
            values=tuple(self.values),
            entered_by=self.entered_by,
            onset=date(year, month, 1) if self.onset_given else None,
        )

    def _show_summary(self) -> None:
        entry = self.entry()
        set_text(
            self.total,
            self.tr("Your total: {total} of {most}").format(total=entry.total, most=MAX_TOTAL),
        )
        names = {
            Domain.BULBAR: self.tr("Speech, saliva and swallowing"),
            Domain.FINE_MOTOR: self.tr("Writing, eating and dressing"),
            Domain.GROSS_MOTOR: self.tr("Turning, walking and stairs"),
            Domain.RESPIRATORY: self.tr("Breathing"),
        }
        set_text(
            self.subscores,
            "\n".join(
                self.tr("{name}: {score} of 12").format(name=name, score=entry.subscore(domain))
                for domain, name in names.items()
            ),
        )
        self.course.setText(self.course_text([*self.earlier, entry]))
        self.course.setAccessibleName(self.course.text())

    def course_text(self, entries: Sequence[Entry]) -> str:
        """The least-squares slope in plain words, or nothing before a second day."""
        change = slope(entries)
        if change is None:
            return self.tr("After your next rating, this page will show how your total changes.")
        amount = words.decimal(abs(change))
        if abs(change) < STEADY:
            return self.tr("Across your ratings, your total has stayed about the same.")
        if change < 0:
            return self.tr(
                "Across your ratings, your total has gone down by about {n} points a month."
            ).format(n=amount)
        return self.tr(
            "Across your ratings, your total has gone up by about {n} points a month."
        ).format(n=amount)
