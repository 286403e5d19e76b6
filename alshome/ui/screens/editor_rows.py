"""The program editor's rows: a number as "less" and "more" around it, a choice as toggles.

Every bound is read from the program file's schema, so the editor cannot make a value the
import would refuse, and a new exercise starts from a modest dose inside those bounds: the
therapist raises it, the app never does on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, get_type_hints

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alshome.domain.program import (
    DOSE_FOR_KIND,
    Dose,
    EnduranceDose,
    Exercise,
    ExerciseKind,
    Limb,
    LoadUnit,
    PassiveStretchDose,
    RangeMode,
    RangeOfMotionDose,
    ResistanceDose,
    Sides,
)
from alshome.programs import schema
from alshome.ui.screens.base import SPACING, row
from alshome.ui.widgets import button, label, ticked, toggle
from alshome.ui.widgets.steppers import ValueLabel, show_stepped, wide
from alshome.ui.words import number

MODEL_FOR_KIND = {
    ExerciseKind.PASSIVE_STRETCH: schema.PassiveStretchDoc,
    ExerciseKind.RANGE_OF_MOTION: schema.RangeOfMotionDoc,
    ExerciseKind.RESISTANCE: schema.ResistanceDoc,
    ExerciseKind.ENDURANCE: schema.EnduranceDoc,
}

# How far one press of "less" or "more" moves each number.
STEPS: dict[str, float] = {
    "hold_seconds": 5,
    "repetitions": 1,
    "sets": 1,
    "load": 0.5,
    "bout_minutes": 0.5,
    "bouts": 1,
    "rest_seconds": 5,
    "resistance_level": 1,
    "weekly_target": 1,
    "rest_longer_at": 1,
    "stop_at": 1,
    "longer_rest_factor": 0.5,
}

CAPTIONS: dict[str, str] = {
    "hold_seconds": QT_TRANSLATE_NOOP("Editor", "Hold (seconds)"),
    "repetitions": QT_TRANSLATE_NOOP("Editor", "Repetitions"),
    "sets": QT_TRANSLATE_NOOP("Editor", "Sets"),
    "load": QT_TRANSLATE_NOOP("Editor", "Weight"),
    "unit": QT_TRANSLATE_NOOP("Editor", "Weight in"),
    "bout_minutes": QT_TRANSLATE_NOOP("Editor", "Minutes per bout"),
    "bouts": QT_TRANSLATE_NOOP("Editor", "Bouts"),
    "rest_seconds": QT_TRANSLATE_NOOP("Editor", "Rest between sets (seconds)"),
    "resistance_level": QT_TRANSLATE_NOOP("Editor", "Resistance level"),
    "sides": QT_TRANSLATE_NOOP("Editor", "Sides"),
    "mode": QT_TRANSLATE_NOOP("Editor", "Who moves"),
    "limb": QT_TRANSLATE_NOOP("Editor", "Arms or legs"),
    "weekly_target": QT_TRANSLATE_NOOP("Editor", "Sessions a week"),
    "rest_longer_at": QT_TRANSLATE_NOOP("Editor", "Rest longer from tiredness"),
    "stop_at": QT_TRANSLATE_NOOP("Editor", "Offer to stop from tiredness"),
    "longer_rest_factor": QT_TRANSLATE_NOOP("Editor", "A longer rest is this many times longer"),
}

CHOICES: dict[type[StrEnum], dict[str, str]] = {
    Sides: {
        "left": QT_TRANSLATE_NOOP("Editor", "Left"),
        "right": QT_TRANSLATE_NOOP("Editor", "Right"),
        "both": QT_TRANSLATE_NOOP("Editor", "Both sides"),
        "none": QT_TRANSLATE_NOOP("Editor", "No sides"),
    },
    RangeMode: {
        "active": QT_TRANSLATE_NOOP("Editor", "The patient"),
        "active_assisted": QT_TRANSLATE_NOOP("Editor", "With help"),
        "passive": QT_TRANSLATE_NOOP("Editor", "The helper"),
    },
    LoadUnit: {"kg": QT_TRANSLATE_NOOP("Editor", "kg"), "lb": QT_TRANSLATE_NOOP("Editor", "lb")},
    Limb: {
        "arms": QT_TRANSLATE_NOOP("Editor", "Arms"),
        "legs": QT_TRANSLATE_NOOP("Editor", "Legs"),
    },
}

MIDLINE_REGIONS = {"neck", "trunk"}  # worked in the middle: no left and right


def translated(text: str) -> str:
    return QCoreApplication.translate("Editor", text)


@dataclass(frozen=True)
class NumberField:
    """A number the therapist sets, with the schema's bounds and a step per press."""

    name: str
    low: float
    high: float
    step: float
    whole: bool

    def moved(self, value: float, steps: int) -> float:
        moved = min(max(value + steps * self.step, self.low), self.high)
        return round(moved) if self.whole else round(moved, 6)


def number_field(model: Any, name: str) -> NumberField:
    """`name` of a schema model, bounded as the schema bounds it."""
    info = model.model_fields[name]
    low = next(rule.ge for rule in info.metadata if hasattr(rule, "ge"))
    high = next(rule.le for rule in info.metadata if hasattr(rule, "le"))
    return NumberField(name, low, high, STEPS[name], info.annotation is int)


def program_field(name: str) -> NumberField:
    model = schema.ProgramDoc if name == "weekly_target" else schema.ThresholdsDoc
    return number_field(model, name)


def dose_fields(kind: ExerciseKind) -> list[tuple[str, type]]:
    """The dose's fields for a kind, in the dose's order, each with its type."""
    hints = get_type_hints(DOSE_FOR_KIND[kind])
    return [(item.name, hints[item.name]) for item in fields(DOSE_FOR_KIND[kind])]


def default_dose(exercise: Exercise) -> Dose:
    """A modest first dose for a new exercise; the therapist sets the real one."""
    sides = Sides.NONE if exercise.region in MIDLINE_REGIONS else Sides.BOTH
    return {
        ExerciseKind.PASSIVE_STRETCH: lambda: PassiveStretchDose(30, 3, sides, 15),
        ExerciseKind.RANGE_OF_MOTION: lambda: RangeOfMotionDose(10, 1, sides, RangeMode.ACTIVE, 30),
        ExerciseKind.RESISTANCE: lambda: ResistanceDose(0.5, LoadUnit.KG, 8, 1, sides, 60),
        ExerciseKind.ENDURANCE: lambda: EnduranceDose(
            5, 2, 120, 1, Limb.ARMS if exercise.region == "arms" else Limb.LEGS
        ),
    }[exercise.kind]()


# ----- the rows ------------------------------------------------------------------------


class StepperRow(QWidget):
    """A caption, then "less", the value, "more"; a bound disables the button that would
    pass it, and the focus stays in the row."""

    def __init__(self, field: NumberField, change: Callable[[str, float], None]) -> None:
        super().__init__()
        self.field = field
        self.value = field.low
        self.caption = translated(CAPTIONS[field.name])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING // 2)
        column.addWidget(label(self.caption, "body"))
        self.less = self._step("− " + self.tr("Less"), self.tr("{name}: less"), -1, change)
        self.more = self._step("+ " + self.tr("More"), self.tr("{name}: more"), 1, change)
        self.shown = ValueLabel([number(field.low), number(field.high), number(field.step)])
        line = QHBoxLayout()
        line.setSpacing(SPACING)
        for widget in (self.less, self.shown, self.more):
            line.addWidget(widget)
        line.addStretch(1)
        column.addLayout(line)

    def _step(
        self, text: str, name: str, steps: int, change: Callable[[str, float], None]
    ) -> QPushButton:
        return wide(
            button(
                text,
                lambda: change(self.field.name, self.field.moved(self.value, steps)),
                accessible_name=name.format(name=self.caption),
            )
        )

    def show_value(self, value: float) -> None:
        self.value = value
        show_stepped(
            self.less,
            self.shown,
            self.more,
            self.caption,
            number(value),
            value <= self.field.low,
            value >= self.field.high,
        )


class ChoiceRow(QWidget):
    """A caption, then one toggle per option; the chosen one is checked and ticked."""

    def __init__(
        self, name: str, options: type[StrEnum], change: Callable[[str, Any], None]
    ) -> None:
        super().__init__()
        caption = translated(CAPTIONS[name])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING // 2)
        column.addWidget(label(caption, "body"))
        self.texts = {option: translated(text) for option, text in CHOICES[options].items()}
        self.choices = {
            option: toggle(
                text,
                lambda option=option: change(name, options(option)),
                f"{caption}: {text}",
            )
            for option, text in self.texts.items()
        }
        column.addLayout(row(*self.choices.values()))

    def show_value(self, value: StrEnum) -> None:
        for option, widget in self.choices.items():
            chosen = option == value.value
            widget.setChecked(chosen)
            widget.setText(ticked(self.texts[option], chosen))
            widget.setAccessibleDescription(self.tr("Chosen") if chosen else self.tr("Not chosen"))


def dose_rows(
    kind: ExerciseKind, change: Callable[[str, Any], None]
) -> dict[str, StepperRow | ChoiceRow]:
    """One row per dose field of the kind, keyed by the field's name."""
    model = MODEL_FOR_KIND[kind]
    return {
        name: ChoiceRow(name, hint, change)
        if isinstance(hint, type) and issubclass(hint, StrEnum)
        else StepperRow(number_field(model, name), change)
        for name, hint in dose_fields(kind)
    }


def line_field(
    layout: QVBoxLayout, caption: str, length: int, on_edit: Callable[[], None] | None = None
) -> QLineEdit:
    """One line of free text under its caption, which names it for a screen reader."""
    field = QLineEdit()
    field.setMaxLength(length)
    field.setAccessibleName(caption)
    if on_edit is not None:
        field.textChanged.connect(on_edit)
    title = label(caption, "body")
    title.setBuddy(field)
    layout.addWidget(title)
    layout.addWidget(field)
    return field


def text_box(
    layout: QVBoxLayout, caption: str, on_edit: Callable[[], None] | None = None
) -> QPlainTextEdit:
    """A few lines of free text; Tab moves on, as everywhere else in the app."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setAccessibleName(caption)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4)
    if on_edit is not None:
        box.textChanged.connect(on_edit)
    title = label(caption, "body")
    title.setBuddy(box)
    layout.addWidget(title)
    layout.addWidget(box)
    return box
