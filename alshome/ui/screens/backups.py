"""The backups of the history: see them, make one now, or put one back.

alshome backs the history up by itself (see `alshome.ui.automatic_backups`); this screen
is for the day something went wrong, usually with a helper or the therapist beside the
patient. A backup is chosen with its toggle, then "Put this one back" asks first, with
"no" focused and far from "yes". The history in use is backed up before it is replaced,
so a restore can itself be undone from this list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from alshome.storage.backups import Backup
from alshome.ui import words
from alshome.ui.screens.base import SPACING, Screen, row
from alshome.ui.widgets import FitLabel, PageStack, button, label, set_text, ticked, toggle
from alshome.ui.widgets.scrolling import column_of, scrolled

SHOWN = 40  # retention keeps about 33; a list longer than this is not a choice anyone makes

REASONS = {
    "automatic": QT_TRANSLATE_NOOP("Backups", "made by alshome"),
    "before-migration": QT_TRANSLATE_NOOP("Backups", "before an update"),
    "before-import": QT_TRANSLATE_NOOP("Backups", "before an import"),
    "before-restore": QT_TRANSLATE_NOOP("Backups", "before a backup was put back"),
    "manual": QT_TRANSLATE_NOOP("Backups", "made by hand"),
}


class HistoryBackups(Protocol):
    """What the screen asks of the app: the history's backups, and the history itself."""

    def list(self) -> Sequence[Backup]: ...

    def take_now(self) -> None: ...

    def restore(self, backup: Backup) -> None: ...


@dataclass
class BackupChoice:
    backup: Backup
    toggle: QPushButton


def describe(backup: Backup) -> str:
    when = words.moment_text(backup.taken_at)
    reason = QCoreApplication.translate("Backups", REASONS.get(backup.reason, backup.reason))
    return f"{when}\n{reason}"


class BackupsScreen(Screen):
    """`show_backups()` fills the list; `explain(error)` turns a failure into a sentence."""

    def __init__(
        self,
        backups: HistoryBackups,
        on_close: Callable[[], None],
        explain: Callable[[Exception], str | None],
    ) -> None:
        super().__init__(self.tr("Backups"))
        self.backups = backups
        self.explain = explain
        self.choices: list[BackupChoice] = []
        self.chosen: Backup | None = None
        self.pages = PageStack()
        self.layout_.addWidget(self.pages, 1)

        self.message = FitLabel("", "body", floor=20, grow=False)
        content = QWidget()
        self.list_column = column_of(content)
        self.list_column.addStretch(1)
        self.area = scrolled(content)
        self.none = label(self.tr("There is no backup yet. alshome makes one after changes."))
        self.take = button(self.tr("Make a backup now"), self.take_now)
        self.put_back = button(
            self.tr("Put this one back"),
            self.ask_restore,
            description=self.tr("Asks first. Today's history is kept as a backup."),
        )
        self.done = button(self.tr("Done"), on_close, role="primary")
        listing = QWidget()
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        column.addWidget(label(self.tr("Backups of your history"), "title"))
        column.addWidget(self.none)
        column.addWidget(self.area, 1)
        column.addWidget(self.message)
        column.addLayout(row(self.take, self.put_back))
        column.addLayout(row(self.done))
        self.listing = listing

        self.question = FitLabel("", "headline", floor=28)
        self.yes = button(self.tr("Yes, put it back"), self.restore_chosen, role="large")
        self.no = button(self.tr("No, keep today's"), self.back_to_list, role="large")
        asking = QWidget()
        ask = QVBoxLayout(asking)
        ask.setContentsMargins(0, 0, 0, 0)
        ask.setSpacing(SPACING)
        ask.addWidget(label(self.tr("Put a backup back?"), "title"))
        ask.addWidget(self.question, 1)
        ask.addLayout(row(self.yes, self.no, stretch_between=True))
        self.asking = asking

        self.pages.addWidget(self.listing)
        self.pages.addWidget(self.asking)
        self._focus_on: QWidget = self.done

    def first_focus(self) -> QWidget | None:
        return self._focus_on

    def show_backups(self, said: str = "") -> None:
        """The list afresh, nothing chosen; `said` is the sentence shown under it."""
        for choice in self.choices:
            self.list_column.removeWidget(choice.toggle)
            choice.toggle.hide()
            choice.toggle.deleteLater()
        self.choices = []
        self.chosen = None
        for index, backup in enumerate(self.backups.list()[:SHOWN]):
            text = describe(backup)
            each = toggle(
                text,
                lambda backup=backup: self.choose(backup),
                text.replace("\n", ", "),
            )
            self.list_column.insertWidget(index, each)
            self.choices.append(BackupChoice(backup, each))
        self.none.setVisible(not self.choices)
        self.area.setVisible(bool(self.choices))
        self.message.setText(said)
        self._refresh_choices()
        self._show(self.listing, self.done)

    def choose(self, backup: Backup) -> None:
        self.chosen = None if self.chosen == backup else backup
        self._refresh_choices()

    def _refresh_choices(self) -> None:
        for choice in self.choices:
            picked = choice.backup == self.chosen
            choice.toggle.setChecked(picked)
            set_text(choice.toggle, ticked(describe(choice.backup), picked))
        self.put_back.setEnabled(self.chosen is not None)

    def take_now(self) -> None:
        self._attempt(self.backups.take_now, self.tr("A backup was made."))

    def ask_restore(self) -> None:
        when = describe(self.chosen).split("\n")[0]
        set_text(
            self.question,
            self.tr(
                "Put back the history saved on {when}? The sessions saved since then will "
                "be in a backup of today's history, not in the history you see."
            ).format(when=when),
        )
        self._show(self.asking, self.no)

    def back_to_list(self) -> None:
        self._show(self.listing, self.put_back)

    def restore_chosen(self) -> None:
        chosen = self.chosen
        self._attempt(
            lambda: self.backups.restore(chosen),
            self.tr("The history from {when} is back.").format(
                when=describe(chosen).split("\n")[0]
            ),
        )

    def _attempt(self, action: Callable[[], None], done: str) -> None:
        try:
            action()
        except Exception as error:
            sentence = self.explain(error)
            if sentence is None:
                raise
            self.show_backups(sentence)
            return
        self.show_backups(done)

    def _show(self, page: QWidget, focus: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        self._focus_on = focus
        focus.setFocus()
