"""Settings: every declared setting as large buttons under a few headings, saved at each press.

The screen is built from `alshome.platform.settings.SETTINGS`, so a new setting needs no new code
here beyond naming its heading (a test fails until it has one) and, if a plain number
does not read well, how its value is written. Each type has one kind of row: on/off is
one toggle, a number is "less" and "more" around its value, a choice is one button per
option, a set of days is one toggle per day. Chosen buttons carry a tick as well as the
checked colours, so colour never says it alone.

Nothing here needs typing, dragging, hovering or a double click, so a switch, a dwell
click or a helper's finger works as well as a keyboard. The rows scroll; whenever the
focus (which the switch scanner moves too) lands on a control, it is scrolled into view,
so the highlighted control is always on the screen.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from alshome.platform.settings import SETTING_BY_KEY, Setting, Settings, Value
from alshome.programs.document import DocumentError
from alshome.ui import words
from alshome.ui.announce import announce
from alshome.ui.screens.base import SPACING, Screen, row
from alshome.ui.widgets import FitLabel, button, label, set_text, ticked, toggle
from alshome.ui.widgets.scrolling import FocusFollower, column_of, scrolled
from alshome.ui.widgets.steppers import ValueLabel, show_stepped, wide

EPSILON = 1e-9  # float values that sit on a step, give or take rounding

# The headings, in the order shown, and the settings under each.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Settings", "Pace"),
        ("auto_advance", "auto_advance_factor", "lead_in_seconds"),
    ),
    (
        QT_TRANSLATE_NOOP("Settings", "Seeing"),
        ("language", "text_scale", "theme", "full_screen", "moving_pictures"),
    ),
    (
        QT_TRANSLATE_NOOP("Settings", "Voice and sounds"),
        ("voice", "voice_rate", "voice_volume", "voice_time_left", "chime"),
    ),
    (
        QT_TRANSLATE_NOOP("Settings", "Switch access"),
        ("scan_mode", "scan_interval", "scan_first_pause", "scan_loops"),
    ),
    (
        QT_TRANSLATE_NOOP("Settings", "Reminders"),
        ("reminder", "reminder_time", "preferred_days", "start_with_desktop"),
    ),
)


def translated(text: str) -> str:
    """Labels are declared in English in `alshome.platform.settings`; they are shown translated."""
    return QCoreApplication.translate("Settings", text)


# ----- how a value reads (the words are `alshome.ui.words`') ---------------------------

VALUE_TEXT: dict[str, Callable[[float], str]] = {
    "auto_advance_factor": words.factor,
    "lead_in_seconds": words.seconds_text,
    "text_scale": words.percent,
    "voice_rate": words.voice_speed,
    "voice_volume": words.share,
    "scan_interval": words.seconds_text,
    "scan_first_pause": words.seconds_text,
    "reminder_time": words.minutes_of_day,
}


def value_text(setting: Setting, value: float) -> str:
    return VALUE_TEXT.get(setting.key, words.number)(value)


def stepped(setting: Setting, value: float, steps: int) -> int | float:
    """The next value on the setting's steps above (`steps` 1) or below (-1), within bounds.

    Steps count from the minimum; a value between two steps moves to the nearer one in
    the direction asked, never past it.
    """
    position = (value - setting.minimum) / setting.step
    count = math.floor(position + EPSILON) + 1 if steps > 0 else math.ceil(position - EPSILON) - 1
    moved = min(max(setting.minimum + count * setting.step, setting.minimum), setting.maximum)
    return round(moved) if setting.type is int else round(moved, 6)


def grid(setting: Setting) -> list[float]:
    """Every value "less" and "more" can reach, from the minimum to the maximum."""
    count = math.floor((setting.maximum - setting.minimum) / setting.step + EPSILON)
    values = [setting.minimum + index * setting.step for index in range(count + 1)]
    return values if values[-1] >= setting.maximum else [*values, setting.maximum]


# ----- one row per setting -------------------------------------------------------------

Change = Callable[[str, Value], None]


class SettingRow(QWidget):
    """One setting: its label, then its buttons; `show_value` puts a value on them."""

    def __init__(self, setting: Setting, change: Change) -> None:
        super().__init__()
        self.setting = setting
        self.name = translated(setting.label)
        self.change = change
        self.value: Value = setting.default
        self.buttons: list[QPushButton] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(SPACING // 2)
        self.column.addWidget(label(self.name, "body"))

    def show_value(self, value: Value) -> None:
        self.value = value


class OnOffRow(SettingRow):
    """A bool: one toggle reading "✓ On" or "Off"."""

    def __init__(self, setting: Setting, change: Change) -> None:
        super().__init__(setting, change)
        self.switch = wide(
            toggle("", lambda: self.change(self.setting.key, not self.value), self.name)
        )
        self.buttons = [self.switch]
        line = QHBoxLayout()
        line.addWidget(self.switch)
        line.addStretch(1)
        self.column.addLayout(line)

    def show_value(self, value: Value) -> None:
        super().show_value(value)
        state = self.tr("On") if value else self.tr("Off")
        self.switch.setChecked(bool(value))
        self.switch.setText(ticked(state, bool(value)))
        self.switch.setAccessibleDescription(state)


class NumberRow(SettingRow):
    """An int or float: "less", the value, "more"; each press moves one step."""

    def __init__(self, setting: Setting, change: Change) -> None:
        super().__init__(setting, change)
        self.less = self._step_button("− " + self.tr("Less"), self.tr("{name}: less"), -1)
        self.more = self._step_button("+ " + self.tr("More"), self.tr("{name}: more"), 1)
        self.shown = ValueLabel([value_text(setting, value) for value in grid(setting)])
        self.buttons = [self.less, self.more]
        line = QHBoxLayout()
        line.setSpacing(SPACING)
        line.addWidget(self.less)
        line.addWidget(self.shown)
        line.addWidget(self.more)
        line.addStretch(1)
        self.column.addLayout(line)

    def _step_button(self, text: str, name: str, steps: int) -> QPushButton:
        return wide(
            button(
                text,
                lambda: self.change(self.setting.key, stepped(self.setting, self.value, steps)),
                accessible_name=name.format(name=self.name),
            )
        )

    def show_value(self, value: Value) -> None:
        super().show_value(value)
        show_stepped(
            self.less,
            self.shown,
            self.more,
            self.name,
            value_text(self.setting, float(value)),
            value <= self.setting.minimum,
            value >= self.setting.maximum,
        )


class ChoicesRow(SettingRow):
    """A button per choice, a tick on each chosen one: for a str, exactly one is chosen.

    `chosen` says which choices a value holds and `picked` what a press makes of it.
    """

    def __init__(self, setting: Setting, change: Change) -> None:
        super().__init__(setting, change)
        self.choices = {
            choice: toggle(
                translated(text),
                lambda choice=choice: self.change(self.setting.key, self.picked(choice)),
                f"{self.name}: {translated(text)}",
            )
            for choice, text in setting.choices
        }
        self.texts = {choice: translated(text) for choice, text in setting.choices}
        self.buttons = list(self.choices.values())
        self.column.addLayout(row(*self.buttons))

    def chosen(self, value: Value) -> set[str]:
        return {str(value)}

    def picked(self, choice: str) -> Value:
        return choice

    def show_value(self, value: Value) -> None:
        super().show_value(value)
        chosen = self.chosen(value)
        for choice, widget in self.choices.items():
            widget.setChecked(choice in chosen)
            widget.setText(ticked(self.texts[choice], choice in chosen))
            widget.setAccessibleDescription(
                self.tr("Chosen") if choice in chosen else self.tr("Not chosen")
            )


class AnyOfRow(ChoicesRow):
    """A tuple: each press adds or removes its choice (the session days)."""

    def chosen(self, value: Value) -> set[str]:
        return set(value)

    def picked(self, choice: str) -> Value:
        chosen = self.chosen(self.value) ^ {choice}
        return tuple(option for option, _text in self.setting.choices if option in chosen)


ROW_FOR_TYPE: dict[type, type[SettingRow]] = {
    bool: OnOffRow,
    int: NumberRow,
    float: NumberRow,
    str: ChoicesRow,
    tuple: AnyOfRow,
}


# ----- the screen ----------------------------------------------------------------------


class SettingsScreen(Screen):
    """Every setting, saved at each press; `on_change(key)` follows each change.

    `on_change` is called once the value is set and saving has been tried: when the file
    cannot be written the screen says so and the value still applies until the app
    closes. `on_close` leaves the screen; `on_try_voice`, when given, adds "Try the voice".
    `on_delete_all`, when given, adds "Delete all my data" at the very end, asked first;
    it deletes and says whether everything went, and then alshome can only close.
    `on_about`, when given, adds "About alshome" to the list.
    `on_passphrase`, when given, adds the button that sets or removes the history's
    passphrase; `protected()` says which of the two it reads. `on_rating`, when given,
    adds the ALSFRS-R self-rating, which home suggests only once a month. `on_share`, when
    given, adds "Share with my clinic"; `shared()` gives the line that says how up to
    date the clinic is ("" when not shared), shown under it.
    With `history_on_server` (a history on a database server, `--database-url`) the
    backups and passphrase entries are there and say, when pressed, that the server's own
    backups and access control do their work: alshome's copies and passphrase are for a file.
    """

    def __init__(
        self,
        settings: Settings,
        on_change: Callable[[str], None],
        on_close: Callable[[], None],
        on_try_voice: Callable[[], None] | None = None,
        on_program: Callable[[], None] | None = None,
        on_delete_all: Callable[[], bool] | None = None,
        on_backups: Callable[[], None] | None = None,
        on_about: Callable[[], None] | None = None,
        on_passphrase: Callable[[], None] | None = None,
        protected: Callable[[], bool] = lambda: False,
        on_rating: Callable[[], None] | None = None,
        history_on_server: bool = False,
        on_share: Callable[[], None] | None = None,
        shared: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(self.tr("Settings"))
        if history_on_server:
            on_backups = self.say_backups_are_the_servers
            on_passphrase = self.say_protection_is_the_servers
        self.rating = button(
            self.tr("Rate how you are doing"),
            on_rating or (lambda: None),
            role="large",
            description=self.tr("Twelve short questions on everyday things, for your therapist."),
        )
        self.share = button(
            self.tr("Share with my clinic"),
            on_share or (lambda: None),
            role="large",
            description=self.tr("Says what is shared and with whom before anything is."),
        )
        self.shared = shared
        self.shared_line = label("", "body")
        # Last in the list: the program itself, for the therapist or a helper to change.
        self.program = button(
            self.tr("Your program and program files"),
            on_program or (lambda: None),
            role="large",
            description=self.tr("Shows your program and loads a new one from your therapist."),
        )
        self.backups = button(
            self.tr("Backups of your history"),
            on_backups or (lambda: None),
            role="large",
            description=self.tr("Shows the backups alshome made, and puts one back."),
        )
        self.about = button(
            self.tr("About alshome"),
            on_about or (lambda: None),
            role="large",
            description=self.tr("Its version, what it is and is not, and where your data is."),
        )
        self.passphrase = button(
            "",
            on_passphrase or (lambda: None),
            role="large",
            description=self.tr("Asks for the passphrase on a page of its own first."),
        )
        self.protected = protected
        # Last of all, below everything else anyone would press in passing.
        self.delete_all = button(
            self.tr("Delete all my data"),
            self.ask_delete_all,
            role="stop",
            description=self.tr("Asks first before deleting anything."),
        )
        self.on_delete_all = on_delete_all
        self.settings = settings
        self.on_change = on_change
        self.layout_.addWidget(label(self.tr("Settings"), "title"))
        self.notice = FitLabel("", "body", floor=22, grow=False)
        self.notice.hide()
        self.problem = FitLabel(
            self.tr("Your settings could not be saved, so changes last only until alshome closes."),
            "body",
            floor=22,
            grow=False,
        )
        self.problem.hide()
        self.layout_.addWidget(self.notice)
        self.layout_.addWidget(self.problem)

        self.rows: dict[str, SettingRow] = {}
        self._heading_above: dict[SettingRow, QLabel] = {}  # a group's first row: its heading
        self.scroll = self._rows_area()
        self.program.setVisible(on_program is not None)  # inside the list: never a window
        self.delete_all.setVisible(on_delete_all is not None)
        self.backups.setVisible(on_backups is not None)
        self.about.setVisible(on_about is not None)
        self.passphrase.setVisible(on_passphrase is not None)
        self.rating.setVisible(on_rating is not None)
        self.share.setVisible(on_share is not None)
        self.layout_.addWidget(self.scroll, 1)

        self.primary = button(
            self.tr("Done"),
            on_close,
            role="primary",
            description=self.tr("Goes back to the home screen."),
        )
        self.try_voice = button(
            self.tr("Try the voice"),
            on_try_voice or (lambda: None),
            role="large",
            description=self.tr("Says a sentence with the present voice settings."),
        )
        self.reset = button(
            self.tr("Reset to defaults"),
            self.ask_reset,
            role="large",
            description=self.tr("Asks first before changing anything."),
        )
        self.actions = QWidget()
        self.actions.setLayout(row(self.primary, self.try_voice, self.reset))
        self.try_voice.setVisible(on_try_voice is not None)  # once inside: never a window
        self.layout_.addWidget(self.actions)

        self.question = self._reset_question()
        self.delete_question = self._delete_question()
        self.farewell = self._farewell()
        for page in (self.question, self.delete_question, self.farewell):
            page.hide()
            self.layout_.addWidget(page, 1)

        controls = [widget for setting_row in self.rows.values() for widget in setting_row.buttons]
        shown_program = [self.program] if on_program is not None else []
        shown_delete = [self.delete_all] if on_delete_all is not None else []
        shown_backups = [self.backups] if on_backups is not None else []
        shown_about = [self.about] if on_about is not None else []
        shown_passphrase = [self.passphrase] if on_passphrase is not None else []
        shown_rating = [self.rating] if on_rating is not None else []
        shown_share = [self.share] if on_share is not None else []
        self.controls = [
            *controls,
            *shown_rating,
            *shown_share,
            *shown_program,
            *shown_backups,
            *shown_about,
            *shown_passphrase,
            *shown_delete,
            self.primary,
            self.try_voice,
            self.reset,
        ]
        order = [*self.controls, self.yes, self.no, self.delete_yes, self.delete_no, self.close_app]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        FocusFollower(self, [self.scroll], self._top_of)
        self.refresh()

    def _rows_area(self) -> QScrollArea:
        content = QWidget()
        column = column_of(content)
        for heading, keys in GROUPS:
            title = label(translated(heading), "headline")
            column.addWidget(title)
            for key in keys:
                setting = SETTING_BY_KEY[key]
                self.rows[key] = ROW_FOR_TYPE[setting.type](setting, self._change)
                column.addWidget(self.rows[key])
            self._heading_above[self.rows[keys[0]]] = title
            column.addSpacing(SPACING)
        column.addWidget(self.rating)
        column.addWidget(self.share)
        column.addWidget(self.shared_line)
        column.addWidget(self.program)
        column.addWidget(self.backups)
        column.addWidget(self.about)
        column.addWidget(self.passphrase)
        column.addWidget(self.delete_all)
        column.addStretch(1)
        return scrolled(content)

    def _reset_question(self) -> QWidget:
        """Asked in place: the answers are large and far apart, and "no" has the focus."""
        self.yes = button(self.tr("Yes, reset"), self.reset_all, role="large")
        self.no = button(self.tr("No, keep them"), self.keep, role="large")
        return self._page(
            [
                label(self.tr("Put every setting back as it was at the start?"), "headline"),
                label(
                    self.tr(
                        "Text size, colours, voice, switch scanning, reminders and session days "
                        "all go back to how they were when alshome was new."
                    ),
                    "body",
                ),
            ],
            row(self.yes, self.no, stretch_between=True),
        )

    def _delete_question(self) -> QWidget:
        """Asked in place like the reset, saying plainly what goes and that it is for good."""
        self.delete_yes = button(
            self.tr("Yes, delete everything"), self.delete_everything, role="large"
        )
        self.delete_no = button(self.tr("No, keep everything"), self.keep_everything, role="large")
        return self._page(
            [
                label(self.tr("Delete all your data?"), "headline"),
                FitLabel(
                    self.tr(
                        "Every session, the program, the backups and the settings on this "
                        "computer are deleted. This cannot be undone."
                    ),
                    "body",
                    floor=22,
                ),
            ],
            row(self.delete_yes, self.delete_no, stretch_between=True),
        )

    def _farewell(self) -> QWidget:
        """What is left once the data is gone: how it went, and the one way out."""
        self.farewell_text = label("", "headline")
        self.close_app = button(
            self.tr("Close alshome"), lambda: QApplication.exit(0), role="primary"
        )
        return self._page([self.farewell_text], row(self.close_app))

    def _page(self, texts: Sequence[QLabel], answers: QHBoxLayout) -> QWidget:
        """A page in place of the list: its sentences, then its buttons in the middle below."""
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        for text in texts:
            column.addWidget(text)
        column.addStretch(1)
        column.addLayout(answers)
        column.addStretch(1)
        return page

    # ----- what the app calls --------------------------------------------------------

    def show_notice(self, text: str) -> None:
        """A sentence above the settings (no speech engine, say); empty hides it."""
        set_text(self.notice, text)
        self.notice.setVisible(bool(text))

    def say_backups_are_the_servers(self) -> None:
        self._say(
            self.tr(
                "Your history is kept on a database server, so alshome makes no copies of it: "
                "the server's own backups keep it safe."
            )
        )

    def say_protection_is_the_servers(self) -> None:
        self._say(
            self.tr(
                "Your history is kept on a database server, so a passphrase here cannot "
                "protect it: the server's own access control does."
            )
        )

    def _say(self, text: str) -> None:
        self.show_notice(text)
        announce(self.notice, text)

    def refresh(self, session: object = None) -> None:
        """Show every value as the settings hold it now (after a reset or an outside change)."""
        for key, setting_row in self.rows.items():
            setting_row.show_value(self.settings.get(key))
        set_text(
            self.passphrase,
            self.tr("Remove the passphrase")
            if self.protected()
            else self.tr("Protect the history with a passphrase"),
        )
        line = self.shared()
        self.shared_line.setText(line)
        self.shared_line.setVisible(bool(line))

    def first_focus(self) -> QWidget | None:
        for page, answer in (
            (self.question, self.no),
            (self.delete_question, self.delete_no),
            (self.farewell, self.close_app),
        ):
            if page.isVisibleTo(self):
                return answer
        return self.controls[0]

    # ----- changes -------------------------------------------------------------------

    def _change(self, key: str, value: Value) -> None:
        self.settings.set(key, value)
        self._save()
        self.rows[key].show_value(self.settings.get(key))
        if key == "language":  # the translators are installed as alshome opens
            self.show_notice(self.tr("The language changes the next time alshome opens."))
        self.on_change(key)

    def _save(self) -> None:
        try:
            self.settings.save()
        except (DocumentError, OSError):
            if not self.problem.isVisible():
                announce(self, self.problem.text())
            self.problem.show()
        else:
            self.problem.hide()

    def ask_reset(self) -> None:
        self._show(self.question, self.no)

    def keep(self) -> None:
        self._show(None, self.reset)

    def reset_all(self) -> None:
        self.settings.reset()
        self._save()
        self.refresh()
        for key in self.rows:
            self.on_change(key)
        self._show(None, self.reset)

    def ask_delete_all(self) -> None:
        self._show(self.delete_question, self.delete_no)

    def keep_everything(self) -> None:
        self._show(None, self.delete_all)

    def delete_everything(self) -> None:
        """Delete once, then say how it went; nothing is left to go back to but closing."""
        if self.on_delete_all():
            text = self.tr("All your data was deleted. alshome will close now.")
        else:
            text = self.tr(
                "Some of your data could not be deleted and is still on this computer. "
                "alshome will close now."
            )
        set_text(self.farewell_text, text)
        self._show(self.farewell, self.close_app)
        announce(self, text)

    def _show(self, page: QWidget | None, focus: QPushButton) -> None:
        """One question or message in place of the list (None: the list), `focus` focused.

        A question's focus goes to its safe answer; back on the list, to the button that
        asked it.
        """
        for shown in (self.question, self.delete_question, self.farewell):
            shown.setVisible(shown is page)
        self.scroll.setVisible(page is None)
        self.actions.setVisible(page is None)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- keeping the focused control in view ---------------------------------------

    def _top_of(self, control: QWidget) -> QWidget:
        """What shows above a focused control: its setting's label, and its group's
        heading for a group's first setting."""
        holder = control.parentWidget()
        while holder is not None and not isinstance(holder, SettingRow):
            holder = holder.parentWidget()
        return self._heading_above.get(holder, holder) if holder else control
