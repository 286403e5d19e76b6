"""Settings → "Share with my clinic": what is shared and with whom, then the clinic's
address and code; once shared, how up to date the clinic is; and the program the clinic
sent, offered between sessions.

Sharing is opt-in and explained before anything is typed. The two fields are large, named
above themselves (a placeholder would vanish while typing) and reached by Tab and by
switch scanning as every button is. A program from the clinic is never taken without
asking: the page says what changed, then asks, with "Look at it first" chosen by default.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from alshome.domain.program import Program
from alshome.operations.clinic_program import ChangeKind, Offer
from alshome.operations.sync import Status, SyncError
from alshome.programs.transfer import check_program
from alshome.ui import words
from alshome.ui.screens.base import Screen, row
from alshome.ui.spoken import describe, sentences
from alshome.ui.widgets import FitLabel, button, label, set_text

FIELD_HEIGHT = 72  # px: the smallest target anywhere in alshome


class Sharing(Protocol):
    """What the page asks of the app (`alshome.ui.clinic_sharing.ClinicSharing`)."""

    problem: SyncError | None

    def status(self) -> Status | None: ...

    def offer(self) -> Offer | None: ...

    def join(
        self,
        clinic_url: str,
        code: str,
        device_name: str,
        done: Callable[[SyncError | None], None],
    ) -> None: ...

    def stop(self, done: Callable[[bool], None]) -> None: ...

    def sync_soon(self) -> None: ...

    def take_offer(self) -> None: ...

    def leave_offer(self) -> None: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("Share", text)


def sharing_words(status: Status | None, failed: bool = False) -> str:
    """One line for home and settings: up to date, or since when not; "" when not shared."""
    if status is None:
        return ""
    if not status.waiting:
        return _tr("Shared with the clinic: up to date")
    if status.sent_at is None:
        return _tr("Shared with the clinic: nothing sent yet")
    since = words.moment_text(status.sent_at)
    if failed:
        return _tr("Shared with the clinic: not up to date since {moment} (no connection)").format(
            moment=since
        )
    return _tr("Shared with the clinic: not up to date since {moment}").format(moment=since)


def text_field(name: str, description: str) -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(name)
    field.setAccessibleDescription(description)
    field.setMinimumHeight(FIELD_HEIGHT)
    return field


class ShareScreen(Screen):
    """`show_state()` first: the offer if the clinic sent a program, else joining or, once
    shared, how it stands. `explain(error)` turns a failure into a sentence."""

    def __init__(
        self,
        sharing: Sharing,
        on_close: Callable[[], None],
        explain: Callable[[Exception], str | None],
    ) -> None:
        super().__init__(self.tr("Share with my clinic"))
        self.sharing = sharing
        self.explain = explain
        self.on_close = on_close
        self.title = label("", "title")
        self.what = FitLabel(
            self.tr(
                "Your clinic's own server gets a copy of your sessions, sets, fatigue "
                "ratings, symptoms, safety checks, ALSFRS-R ratings and the program you "
                "use. Only your therapist and the clinic see them. New records follow on "
                "their own when there is a connection."
            ),
            "body",
            floor=20,
        )
        self.url_name = FitLabel(self.tr("Your clinic's address"), "body", floor=20, grow=False)
        self.url = text_field(
            self.tr("Your clinic's address"),
            self.tr("As your clinic wrote it down for you, such as https://clinic.example."),
        )
        self.code_name = FitLabel(
            self.tr("The code from your therapist"), "body", floor=20, grow=False
        )
        self.code = text_field(
            self.tr("The code from your therapist"),
            self.tr("Eight letters and digits; it works once, for a day."),
        )
        self.state = FitLabel("", "body", floor=20)
        self.message = FitLabel("", "body", floor=22, grow=False)
        self.join = button(
            self.tr("Start sharing"),
            self.confirm_join,
            role="primary",
            description=self.tr("Connects to your clinic with the code."),
        )
        self.send = button(
            self.tr("Send now"),
            self.send_now,
            role="primary",
            description=self.tr("Sends what is waiting, in the background."),
        )
        self.stop = button(
            self.tr("Stop sharing"),
            self.ask_stop,
            role="large",
            description=self.tr("Asks first; nothing stops until you say yes."),
        )
        self.stop_yes = button(
            self.tr("Yes, stop sharing"),
            self.confirm_stop,
            role="large",
            description=self.tr("Your clinic keeps what it has; nothing new is sent."),
        )
        self.keep = button(
            self.tr("Keep sharing"),
            self.keep_sharing,
            role="primary",
            description=self.tr("Nothing changes."),
        )
        self.look = button(
            self.tr("Look at it first"),
            self.look_first,
            role="primary",
            description=self.tr("Shows each exercise of the new program; nothing changes."),
        )
        self.use = button(
            self.tr("Use it from now on"),
            self.use_offer,
            role="large",
            description=self.tr("Your program until now is kept in your history."),
        )
        self.not_now = button(
            self.tr("Keep my program"),
            self.leave_offer,
            role="large",
            description=self.tr("The new program is not offered again."),
        )
        self.back = button(
            self.tr("Back"),
            on_close,
            role="large",
            description=self.tr("Goes back to the home screen."),
        )
        for widget in (
            self.title,
            self.what,
            self.state,
            self.url_name,
            self.url,
            self.code_name,
            self.code,
            self.message,
        ):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.actions = row(
            self.join,
            self.send,
            self.look,
            self.use,
            self.stop,
            self.keep,
            self.stop_yes,
            self.not_now,
            self.back,
        )
        self.layout_.addLayout(self.actions)
        self.primary = self.join
        # What each control says of itself, before the screen's words join it.
        self.own_words = {
            widget: widget.accessibleDescription()
            for widget in (
                self.url,
                self.code,
                self.join,
                self.send,
                self.look,
                self.use,
                self.keep,
            )
        }

    def show_state(self, asking_stop: bool = False) -> None:
        """Set up the page for what is now: an offer, not shared, shared, or the question
        before stopping."""
        offer = self.sharing.offer()
        status = self.sharing.status()
        joining = status is None
        offering = offer is not None and not joining
        asking = asking_stop and not joining and not offering
        if asking:
            set_text(self.title, self.tr("Stop sharing with your clinic?"))
            self.state.setText(
                self.tr(
                    "Your clinic keeps what it has and gets nothing new. To share again "
                    "you will need a new code from your therapist."
                )
            )
            self.primary = self.keep
        elif offering:
            set_text(self.title, self.tr("Your clinic sent a new program"))
            self.state.setText(self.changes_text(offer))
            self.primary = self.look
        elif joining:
            set_text(self.title, self.tr("Share with my clinic"))
            self.primary = self.join
        else:
            set_text(self.title, self.tr("Shared with my clinic"))
            failed = self.sharing.problem is not None
            self.state.setText(sharing_words(status, failed) + "\n" + status.clinic_url)
            self.primary = self.send
        self.what.setVisible(not offering and not asking)
        self.state.setVisible(not joining)
        for widget in (self.url_name, self.url, self.code_name, self.code, self.join):
            widget.setVisible(joining)
        for widget in (self.send, self.stop):
            widget.setVisible(not joining and not offering and not asking)
        for widget in (self.keep, self.stop_yes):
            widget.setVisible(asking)
        for widget in (self.look, self.use, self.not_now):
            widget.setVisible(offering)
        self.look.setEnabled(True)
        self.back.setVisible(not offering and not asking)  # each question has its way out
        self.url.clear()
        self.code.clear()
        self._say("")
        self._speak_screen()

    def _speak_screen(self) -> None:
        """The screen's title and text, said with the control that takes the focus (see
        `alshome.ui.spoken`): Orca reads the focused control, not the page around it."""
        focus = self.first_focus()
        if focus is None:
            return
        shown = [
            widget.text()
            for widget in (self.title, self.what, self.state)
            if widget.isVisibleTo(self)
        ]
        # A field's own name too: Orca, arriving on a new page, said only its description.
        named = [focus.accessibleName()] if isinstance(focus, QLineEdit) else []
        describe(focus, sentences(*shown, *named, self.own_words.get(focus, "")))

    def first_focus(self) -> QWidget | None:
        return self.url if self.url.isVisibleTo(self) else self.primary

    def changes_text(self, offer: Offer) -> str:
        """What changed, one line each, before any question."""
        name = self.tr("{name}, version {version}")
        lines = [name.format(name=offer.name, version=offer.version)]
        kinds = {
            ChangeKind.ADDED: self.tr("New: {exercise}"),
            ChangeKind.REMOVED: self.tr("No longer: {exercise}"),
            ChangeKind.CHANGED: self.tr("Changed: {exercise}"),
        }
        lines += [kinds[change.kind].format(exercise=change.exercise) for change in offer.changes]
        before, after = offer.weekly_target
        if before != after:
            lines.append(self.tr("Sessions a week: {count}").format(count=after))
        if not offer.changes and before == after:
            lines.append(self.tr("The exercises are the same."))
        lines.append(self.tr("Do you want to use it from now on?"))
        return "\n".join(lines)

    def confirm_join(self) -> None:
        address, code = self.url.text().strip(), self.code.text().strip()
        if not address or not code:
            self._say(self.tr("Type your clinic's address and the code first."))
            return
        self.join.setEnabled(False)
        self._say(self.tr("Connecting to your clinic…"))
        self.sharing.join(address, code, socket.gethostname(), self._joined)

    def _joined(self, failure: SyncError | None) -> None:
        self.join.setEnabled(True)
        if failure is not None:
            self._say(self.explain(failure) or str(failure))
            return
        self.show_state()
        self.primary.setFocus()

    def send_now(self) -> None:
        self.sharing.sync_soon()
        self._say(self.tr("Sending in the background. You can go on."))

    def ask_stop(self) -> None:
        """Stopping cannot be undone from here (joining again needs a new code), so a
        slip of a switch or a caregiver's hand only asks, with "Keep sharing" focused."""
        self.show_state(asking_stop=True)
        self.primary.setFocus()

    def keep_sharing(self) -> None:
        self.show_state()
        self.stop.setFocus()

    def confirm_stop(self) -> None:
        self.stop_yes.setEnabled(False)
        self.sharing.stop(self._stopped)

    def _stopped(self, told: bool) -> None:
        self.stop_yes.setEnabled(True)
        self.show_state()
        if not told:
            self._say(
                self.tr(
                    "Stopped here. The clinic could not be told: ask it to stop accepting "
                    "this computer."
                )
            )

    def look_first(self) -> None:
        offer = self.sharing.offer()
        if offer is None:
            return
        status = self.sharing.status()
        document = None if status is None else status.offered
        if document is not None:
            self.state.setText(self.program_text(check_program(dict(document)).program))
        self.look.setEnabled(False)
        describe(self.use, sentences(self.state.text(), self.own_words[self.use]))
        self.use.setFocus()

    def program_text(self, program: Program) -> str:
        """Each exercise of the offered program with its dose, then the question again."""
        lines = [
            self.tr("{exercise}: {target}, {sets} sets").format(
                exercise=prescription.exercise.name,
                sets=prescription.dose.sets,
                target=words.target(prescription.dose.target()),
            )
            for prescription in program.prescriptions
        ]
        return "\n".join([*lines, self.tr("Do you want to use it from now on?")])

    def use_offer(self) -> None:
        self.sharing.take_offer()
        self.on_close()

    def leave_offer(self) -> None:
        self.sharing.leave_offer()
        self.show_state()

    def _say(self, text: str) -> None:
        """Show `text` under the fields, and say it with the focused control, which is all
        a screen reader reads (`alshome.ui.spoken`)."""
        set_text(self.message, text)
        self.message.setVisible(bool(text))
        focused = QApplication.focusWidget()
        if text and focused in self.own_words:
            describe(focused, sentences(text, self.own_words[focused]))
