"""Changing the program in the app, for the therapist or a helper: saved as a new version.

A plain question comes first, with "no" focused and far from "yes", so a stray press by
the patient changes nothing; a therapist may also set a PIN that the question then asks
for. Then the exercises are listed; one is chosen with its toggle
and moved, taken out (after asking) or given another dose with "less" and "more" buttons
bounded by the program file's schema. New exercises come from the library, by body region
or by typed words, or are the therapist's own, made here with a picture or video
(`editor_new_exercise`); one of those can be changed again in a later version. Nothing
needs a drag, a double click or typing, except the contact, an own exercise's words,
the notes and the PIN. A preview shows the draft exercise by exercise as the session will.

Saving builds the program's document and checks it exactly as a program file is checked,
so a problem reads as the same one sentence; it is then saved under the next version
number, never over the one in use, and older versions stay for the history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from alshome.domain.program import Exercise, Prescription, Program, Therapist
from alshome.operations.editor_pin import EditorPin
from alshome.programs.document import DocumentError
from alshome.programs.library import stock_library
from alshome.programs.transfer import CheckedProgram, check_program, document_of
from alshome.ui import words
from alshome.ui.exercise_media import MediaSource, no_media
from alshome.ui.figure import FigureView
from alshome.ui.i18n import program_text
from alshome.ui.screens.base import SPACING, Screen, row
from alshome.ui.screens.editor_dose import DosePage
from alshome.ui.screens.editor_library import LibraryPage
from alshome.ui.screens.editor_new_exercise import NewExercisePage
from alshome.ui.screens.editor_pin_page import PinPage, pin_field
from alshome.ui.screens.editor_preview import PreviewPage
from alshome.ui.screens.editor_rows import (
    CHOICES,
    StepperRow,
    default_dose,
    line_field,
    program_field,
    text_box,
    translated,
)
from alshome.ui.screens.program import ProgramFiles
from alshome.ui.theme import Palette
from alshome.ui.widgets import FitLabel, PageStack, button, label, set_text, ticked, toggle
from alshome.ui.widgets.scrolling import FocusFollower, column_of, scrolled

PROGRAM_NUMBERS = ("weekly_target", "rest_longer_at", "stop_at", "longer_rest_factor")


def page(*widgets: QWidget) -> QWidget:
    """A page of the editor: its widgets in a column."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(SPACING)
    for widget in widgets:
        column.addWidget(widget)
    return holder


def sides_text(prescription: Prescription) -> str:
    sides = prescription.dose.sides
    return "" if sides.value == "none" else translated(CHOICES[type(sides)][sides.value])


class EditorScreen(Screen):
    """The editor; `ask(program)` opens it at its guarding question."""

    def __init__(
        self,
        files: ProgramFiles,
        on_saved: Callable[[Program], None],
        on_close: Callable[[], None],
        explain: Callable[[Exception], str | None],
        pin: EditorPin,
        media: MediaSource = no_media,
    ) -> None:
        super().__init__(self.tr("Change the program"))
        self._files = files
        self._media_source = media
        self.pin = pin
        self._on_saved = on_saved
        self._explain = explain
        self.library = stock_library()
        self.base: Program | None = None
        self.items: list[Prescription] = []
        self.own: list[Exercise] = []  # the program's own exercises, as in the draft
        self.media: dict[str, bytes] = {}  # their pictures and videos, by path
        self.selected: int | None = None
        self.whole: dict[str, float] = {}
        self.pages = PageStack()
        self.layout_.addWidget(self.pages, 1)
        self.guard = self._guard_page(on_close)
        self.overview = self._overview_page(on_close)
        self.finder = LibraryPage(
            self.library, self.add_exercise, self.back_to_list, self.open_new_exercise
        )
        self.maker = NewExercisePage(self._ids_taken, self.made_exercise, self.back_to_list)
        self.dose = DosePage(self._dose_changed, self.back_to_list)
        self.removal = self._removal_page()
        self.preview = PreviewPage(self.back_to_list)
        self.pin_page = PinPage(pin, self.back_to_list)
        for each in (
            self.guard,
            self.overview,
            self.finder,
            self.maker,
            self.dose,
            self.removal,
            self.preview,
            self.pin_page,
        ):
            self.pages.addWidget(each)
        self._focus_on: QWidget = self.no
        self.areas = (
            self.list_area,
            self.finder.area,
            self.maker.area,
            self.dose.area,
            self.preview.area,
            self.pin_page.area,
        )
        FocusFollower(self, self.areas)

    # ----- the pages ---------------------------------------------------------------------

    def _guard_page(self, on_close: Callable[[], None]) -> QWidget:
        self.yes = button(self.tr("Yes, change it"), self.enter, role="large")
        self.no = button(self.tr("No, go back"), on_close, role="large")
        self.typed_pin = pin_field(self.tr("The therapist's PIN"))
        self.typed_pin.returnPressed.connect(self.enter)
        self.pin_caption = label(self.typed_pin.accessibleName(), "body")
        self.pin_caption.setBuddy(self.typed_pin)
        self.guard_message = label("", "body")
        holder = page(
            label(self.tr("Change the program"), "title"),
            FitLabel(
                self.tr("This is for your therapist or helper. Change the program?"),
                "headline",
                floor=28,
            ),
            self.pin_caption,
            self.typed_pin,
            self.guard_message,
        )
        holder.layout().addStretch(1)
        holder.layout().addLayout(row(self.yes, self.no, stretch_between=True))
        return holder

    def _overview_page(self, on_close: Callable[[], None]) -> QWidget:
        self.heading = FitLabel("", "headline", floor=28, grow=False)
        content = QWidget()
        layout = column_of(content)
        layout.addWidget(label(self.tr("Exercises, in order"), "headline"))
        self.list_column = QVBoxLayout()
        self.list_column.setSpacing(SPACING // 2)
        layout.addLayout(self.list_column)
        # Under the list, shown while one of the program's own exercises is chosen (a sixth
        # button in the row below would not fit a 1024 px window in Spanish).
        self.change_own = button(
            self.tr("Change its words or picture"),
            self.open_change_exercise,
            description=self.tr("For your own exercise. Sessions already done keep theirs."),
        )
        layout.addWidget(self.change_own)
        self.try_it = button(
            self.tr("Preview the session"),
            self.open_preview,
            description=self.tr("Shows each exercise as the session will. Records nothing."),
        )
        layout.addWidget(self.try_it)
        layout.addWidget(label(self.tr("For the whole program"), "headline"))
        self.program_rows = {
            name: StepperRow(program_field(name), self._program_changed) for name in PROGRAM_NUMBERS
        }
        for each in self.program_rows.values():
            layout.addWidget(each)
        self.therapist = line_field(layout, self.tr("Therapist's name"), 200, self._edited)
        self.contact = line_field(
            layout, self.tr("How to reach the therapist"), 500, self._edited
        )
        self.notes = text_box(layout, self.tr("Notes for the patient and helper"), self._edited)
        self.lighter = text_box(
            layout,
            self.tr("What to do instead on a day still tired from last time"),
            self._edited,
        )
        self.set_pin = button(
            self.tr("A PIN for this editor"),
            self.open_pin,
            description=self.tr("Set, change or remove the PIN the editor asks for."),
        )
        layout.addWidget(self.set_pin)
        layout.addStretch(1)
        self.list_area = scrolled(content)

        self.up = button(self.tr("Move up"), lambda: self.move(-1))
        self.down = button(self.tr("Move down"), lambda: self.move(1))
        self.edit = button(self.tr("Change the dose"), self.open_dose)
        self.remove = button(self.tr("Remove"), self.ask_remove, description=self.tr("Asks first."))
        self.add = button(self.tr("Add an exercise"), self.open_library)
        self.message = FitLabel("", "body", floor=20, grow=False)
        self.save = button("", self.save_version, role="primary")
        self.cancel = button(self.tr("Cancel"), on_close, role="large")
        holder = page(self.heading, self.list_area, self.message)
        holder.layout().setStretch(1, 1)
        holder.layout().addLayout(row(self.up, self.down, self.edit, self.remove, self.add))
        holder.layout().addLayout(row(self.save, self.cancel, stretch_between=True))
        return holder

    def _removal_page(self) -> QWidget:
        self.removal_question = FitLabel("", "headline", floor=28)
        self.confirm_remove = button(
            self.tr("Yes, take it out"), self.remove_selected, role="large"
        )
        self.keep = button(self.tr("No, keep it"), self.back_to_list, role="large")
        holder = page(self.removal_question)
        holder.layout().addLayout(row(self.confirm_remove, self.keep, stretch_between=True))
        return holder

    # ----- opening and leaving -------------------------------------------------------------

    def ask(self, program: Program) -> None:
        """Start over from `program`, at the guarding question (with the PIN if one is set)."""
        self._start_from(program)
        self.message.setText("")
        self.guard_message.setText("")
        self.typed_pin.clear()
        for each in (self.pin_caption, self.typed_pin):
            each.setVisible(self.pin.is_set)
        self._show_page(self.guard, self.no)

    def enter(self) -> None:
        if not self.pin.matches(self.typed_pin.text()):
            self.typed_pin.clear()
            self.guard_message.setText(self.tr("That PIN is not right."))
            self.typed_pin.setFocus()
            return
        self.typed_pin.clear()
        self._show_page(self.overview, self.add)

    def back_to_list(self) -> None:
        self.preview.media.stop()  # and its video's file is gone
        self._refresh_list()
        target = self.edit if self.selected is not None else self.add
        self._show_page(self.overview, target)

    def first_focus(self) -> QWidget | None:
        return self._focus_on

    def _start_from(self, program: Program) -> None:
        self.base = program
        self.items = list(program.prescriptions)
        self.own = list(program.custom_exercises)
        self.media = dict(self._media_source(program)) if program.media else {}
        self.selected = None
        thresholds = program.thresholds
        self.whole = {
            "weekly_target": program.weekly_target,
            "rest_longer_at": thresholds.rest_longer_at,
            "stop_at": thresholds.stop_at,
            "longer_rest_factor": thresholds.longer_rest_factor,
        }
        self.therapist.setText(program.therapist.name)
        self.contact.setText(program.therapist.contact)
        self.notes.setPlainText(program.notes)
        self.lighter.setPlainText(program.lighter_option)
        for name, each in self.program_rows.items():
            each.show_value(self.whole[name])
        set_text(self.save, self.tr("Save as version {n}").format(n=program.version + 1))
        set_text(
            self.heading,
            self.tr("Changing {name}, version {version}").format(
                name=program_text(program.name), version=program.version
            ),
        )
        self._refresh_list()

    def _show_page(self, shown: QWidget, focus: QWidget) -> None:
        self.pages.setCurrentWidget(shown)
        self._focus_on = focus
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- the list ----------------------------------------------------------------------

    def _refresh_list(self) -> None:
        while self.list_column.count():
            gone = self.list_column.takeAt(0).widget()
            gone.hide()
            gone.deleteLater()
        self.rows: list[Any] = []
        for index, prescription in enumerate(self.items):
            text = self.describe(index, prescription)
            item = toggle(
                ticked(text, index == self.selected),
                lambda index=index: self.select(index),
                text.replace("\n", ": "),
            )
            item.setChecked(index == self.selected)
            self.rows.append(item)
            self.list_column.addWidget(item)
        chosen = self.selected is not None
        self.up.setEnabled(chosen and self.selected > 0)
        self.down.setEnabled(chosen and self.selected < len(self.items) - 1)
        self.edit.setEnabled(chosen)
        self.remove.setEnabled(chosen)
        own = {exercise.id for exercise in self.own}
        self.change_own.setVisible(chosen and self.items[self.selected].exercise.id in own)

    def describe(self, index: int, prescription: Prescription) -> str:
        dose = prescription.dose
        parts = [words.target(dose.target()), sides_text(prescription)]
        if dose.sets > 1:
            parts.append(self.tr("{n} sets").format(n=dose.sets))
        summary = ", ".join(part for part in parts if part)
        return f"{index + 1}. {prescription.exercise.name}\n{summary}"

    def select(self, index: int) -> None:
        self.selected = None if self.selected == index else index
        self._refresh_list()
        self.rows[index].setFocus()

    def move(self, steps: int) -> None:
        index = self.selected
        other = index + steps
        self.items[index], self.items[other] = self.items[other], self.items[index]
        self.selected = other
        self._changed(self.tr("Moved."))
        moved = self.up if steps < 0 else self.down
        (moved if moved.isEnabled() else self.rows[other]).setFocus()

    def ask_remove(self) -> None:
        name = self.items[self.selected].exercise.name
        set_text(
            self.removal_question,
            self.tr("Take {name} out of the program?").format(name=name),
        )
        self._show_page(self.removal, self.keep)

    def remove_selected(self) -> None:
        removed = self.items.pop(self.selected)
        self.selected = None
        self._changed(self.tr("Took out {name}.").format(name=removed.exercise.name))
        self.back_to_list()

    def _changed(self, said: str) -> None:
        self.message.setText(said)
        self._edited()
        self._refresh_list()

    def _edited(self) -> None:
        """A change after a save: leaving now would drop it, so the button says so."""
        set_text(self.cancel, self.tr("Cancel"))

    def _program_changed(self, name: str, value: float) -> None:
        self.whole[name] = value
        self.program_rows[name].show_value(value)
        self._changed("")

    # ----- the library -------------------------------------------------------------------

    def open_library(self) -> None:
        self.finder.set_own(self.own, self.media)
        self._show_page(self.finder, self.finder.start())

    # ----- the therapist's own exercises ---------------------------------------------------

    def _ids_taken(self) -> set[str]:
        return {*self.library, *(exercise.id for exercise in self.own)}

    def open_new_exercise(self) -> None:
        self._show_page(self.maker, self.maker.start())

    def open_change_exercise(self) -> None:
        exercise = self.items[self.selected].exercise
        self._show_page(self.maker, self.maker.start(exercise, self.media))

    def made_exercise(self, exercise: Exercise, media: dict[str, bytes]) -> None:
        """A new exercise goes at the end of the list; a changed one replaces the old one
        everywhere in the draft, with a new dose only if its kind changed."""
        self.media.update(media)
        old = next((each for each in self.own if each.id == exercise.id), None)
        if old is None:
            self.own.append(exercise)
            self.add_exercise(exercise)
            return
        self.own[self.own.index(old)] = exercise
        self.items = [
            prescription
            if prescription.exercise.id != exercise.id
            else Prescription(
                exercise,
                prescription.dose if exercise.kind == old.kind else default_dose(exercise),
            )
            for prescription in self.items
        ]
        self._changed(self.tr("Changed {name}.").format(name=exercise.name))
        self.back_to_list()

    def add_exercise(self, exercise: Exercise) -> None:
        self.items.append(Prescription(exercise, default_dose(exercise)))
        self.selected = len(self.items) - 1
        self._changed(self.tr("Added {name}. Check its dose.").format(name=exercise.name))
        self.back_to_list()

    # ----- the preview, the PIN and the pictures -----------------------------------------

    def open_preview(self) -> None:
        if not self.items:
            self.message.setText(self.tr("Add an exercise first."))
            return
        self._show_page(
            self.preview, self.preview.start(self.base, self.items, self.describe, self.media)
        )

    def open_pin(self) -> None:
        self._show_page(self.pin_page, self.pin_page.start())

    def figures(self) -> list[FigureView]:
        return [self.dose.figure, self.preview.figure]

    def set_palette(self, palette: Palette) -> None:
        for figure in self.figures():
            figure.set_palette(palette)
        self.finder.set_palette(palette)

    # ----- the dose ----------------------------------------------------------------------

    def open_dose(self) -> None:
        chosen = self.items[self.selected]
        self._show_page(self.dose, self.dose.start(chosen.exercise, chosen.dose))

    def _dose_changed(self, name: str, value: Any) -> None:
        prescription = self.items[self.selected]
        self.items[self.selected] = replace(
            prescription, dose=replace(prescription.dose, **{name: value})
        )
        self.dose.show_dose(self.items[self.selected].dose)
        self._changed("")

    # ----- saving ------------------------------------------------------------------------

    def draft_document(self) -> dict[str, Any]:
        """The edited program as a document under the next version number."""
        draft = replace(
            self.base,
            version=self.base.version + 1,
            prescriptions=tuple(self.items),
            custom_exercises=tuple(self.own),
            weekly_target=int(self.whole["weekly_target"]),
            therapist=Therapist(self.therapist.text().strip(), self.contact.text().strip()),
            notes=self.notes.toPlainText().strip(),
            lighter_option=self.lighter.toPlainText().strip(),
        )
        document = document_of(draft)  # with no exercises left, says the list needs one
        document["thresholds"].update(
            rest_longer_at=int(self.whole["rest_longer_at"]),
            stop_at=int(self.whole["stop_at"]),
            longer_rest_factor=self.whole["longer_rest_factor"],
        )
        return document

    def save_version(self) -> None:
        try:
            checked = check_program(self.draft_document())
        except DocumentError as error:
            self.message.setText(self._explain(error))
            return
        named = {path: self.media[path] for path in checked.program.media if path in self.media}
        try:
            program = self._files.use(CheckedProgram(checked.document, checked.program, named))
        except Exception as error:
            sentence = self._explain(error)
            if sentence is None:
                raise
            self.message.setText(sentence)
            return
        self._on_saved(program)
        self._start_from(program)
        set_text(self.cancel, self.tr("Back"))
        self.message.setText(
            self.tr("Saved as version {n}. It is the program from now on.").format(
                n=program.version
            )
        )
