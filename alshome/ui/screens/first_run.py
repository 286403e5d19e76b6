"""The first-run screens: what alshome does and does not do, then how to reach the therapist.

Shown until they are completed once, in plain words (clinical brief: no medical advice,
the program comes from the therapist). The second page is the one place where the app
asks for typing: a caregiver may do it, every field may stay empty, and every field and
button is reached by Tab and the arrow keys. What is typed stays on this computer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout, QWidget

from alshome.domain.program import Therapist
from alshome.ui.screens.base import Screen, row
from alshome.ui.spoken import sentences
from alshome.ui.widgets import FitLabel, button, label, panel

# As long as the program file allows for the therapist, so either can hold the other's.
NAME_LENGTH = 200
CONTACT_LENGTH = 500


class FirstRunScreen(Screen):
    """What alshome is, before anything else."""

    def __init__(self, on_continue: Callable[[], None]) -> None:
        super().__init__(self.tr("Welcome"))
        title = label(self.tr("Welcome to alshome"), "title")
        self.layout_.addWidget(title)
        does = (
            self.tr("What alshome does"),
            self.tr(
                "It guides you, step by step, through the exercise program your therapist "
                "gave you, and keeps your history on this computer only."
            ),
        )
        does_not = (
            self.tr("What alshome does not do"),
            self.tr(
                "It gives no medical advice, never changes your program and is not a "
                "medical device. With a new symptom, stop and contact your therapist."
            ),
        )
        self.does = self._box(*does)
        self.does_not = self._box(*does_not)
        self.primary = button(self.tr("Continue"), on_continue, role="primary")
        self.layout_.addWidget(self.primary)
        # The whole page, said with its one button (see `alshome.ui.spoken`).
        self.primary.setAccessibleDescription(
            sentences(
                title.text(),
                ": ".join(does),
                ": ".join(does_not),
                self.tr("Next, how to reach your therapist."),
            )
        )

    def _box(self, heading: str, text: str) -> FitLabel:
        box = panel()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(28, 18, 28, 18)
        inner.addWidget(label(heading, "headline"))
        body = FitLabel(text, "body", floor=22)
        inner.addWidget(body, 1)
        self.layout_.addWidget(box, 1)  # the two boxes share the room alike
        return body


class ContactScreen(Screen):
    """The therapist's name and contact, and the name the patient wants on reports."""

    def __init__(
        self, on_save: Callable[[str, str, str], None], on_back: Callable[[], None]
    ) -> None:
        super().__init__(self.tr("How to reach your therapist"))
        title = label(self.tr("How to reach your therapist"), "title")
        intro = FitLabel(
            self.tr(
                "alshome shows this whenever you need to stop. Anyone may type it for "
                "you, and any field can stay empty."
            ),
            "body",
            floor=22,
            grow=False,
        )
        self.layout_.addWidget(title)
        self.layout_.addWidget(intro)
        form = QGridLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(14)
        # The page, said with the field the focus starts in (see `alshome.ui.spoken`).
        self.therapist_name = self._field(
            form,
            self.tr("Your therapist's name"),
            NAME_LENGTH,
            sentences(title.text(), intro.text()),
        )
        self.therapist_contact = self._field(form, self.tr("Phone or email"), CONTACT_LENGTH)
        self.patient_name = self._field(
            form,
            self.tr("Your name (optional)"),
            NAME_LENGTH,
            self.tr("Used only on reports you choose to give your clinic."),
        )
        form.setColumnStretch(1, 1)
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        self.back = button(self.tr("Back"), on_back, role="large")
        self.primary = button(
            self.tr("Save and continue"),
            lambda: on_save(*self.values()),
            role="primary",
            description=self.tr("Keeps these details on this computer."),
        )
        self.layout_.addLayout(row(self.back, self.primary, stretch_between=True))
        for before, after in (
            (self.therapist_name, self.therapist_contact),
            (self.therapist_contact, self.patient_name),
            (self.patient_name, self.back),
            (self.back, self.primary),
        ):
            QWidget.setTabOrder(before, after)

    def _field(self, form: QGridLayout, name: str, length: int, description: str = "") -> QLineEdit:
        line = form.rowCount()
        caption = label(name, "body", wrap=False)
        field = QLineEdit()
        field.setMaxLength(length)
        field.setAccessibleName(name)
        field.setAccessibleDescription(description)
        caption.setBuddy(field)
        form.addWidget(caption, line, 0)
        form.addWidget(field, line, 1)
        return field

    def fill(self, therapist: Therapist) -> None:
        """Offer the program's therapist, without overwriting what someone already typed."""
        for field, value in (
            (self.therapist_name, therapist.name),
            (self.therapist_contact, therapist.contact),
        ):
            if not field.text():
                field.setText(value)

    def values(self) -> tuple[str, str, str]:
        return (
            self.therapist_name.text().strip(),
            self.therapist_contact.text().strip(),
            self.patient_name.text().strip(),
        )

    def first_focus(self) -> QWidget | None:
        return self.therapist_name
