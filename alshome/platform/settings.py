"""Every user setting, declared once with its type, default, bounds and label; and their file.

As in Picard's `options.py`, a setting is declared in one place and everything else (the
file, a settings screen, the session) reads that declaration, so a default or a bound
cannot disagree between two places. Labels are plain English source text: the UI shows
them through `QCoreApplication.translate("Settings", label)`, which keeps this module,
like the domain, free of Qt.

The file is `settings.json` in the data folder, beside the database. It is read leniently:
a bad value must never stop the app from opening on the day someone needs it, so a value
that is missing, of the wrong type or out of bounds takes its default, and a file that
cannot be read at all counts as empty (the next save rewrites it). Its `version` names
the file's layout; a later layout that changes what a key means adds a step here that
upgrades the older file before its values are read.

The file also keeps where the window was when alshome last closed (`WindowPlace`, under
"window"). That is not a setting anyone chooses, so it is not declared in SETTINGS and the
settings screen never shows it; it is read as leniently, and resetting the settings keeps it.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from alshome.domain.session import SessionOptions
from alshome.platform.files import write_private_file
from alshome.platform.paths import ensure_private_dir

SETTINGS_FILE = "settings.json"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024  # far above a real file; a bigger one is not read into memory
WINDOW_KEY = "window"
MAX_COORDINATE = 100_000  # px: beyond any desktop; a larger number is a damaged value

Value = bool | int | float | str | tuple[str, ...]


@dataclass(frozen=True)
class Setting:
    """One setting: `type` is bool, int, float, str or tuple.

    A str setting takes one of `choices`, a tuple setting any set of them (kept in the
    order of `choices`); `choices` pairs each stored value with its label, so the labels
    are declared here too. `step` is what one press of "more" or "less" changes a number
    by on the settings screen (and, for whole numbers, the only values allowed).
    """

    key: str
    type: type[bool] | type[int] | type[float] | type[str] | type[tuple]
    default: Value
    label: str
    minimum: float | None = None
    maximum: float | None = None
    step: float = 1
    choices: tuple[tuple[str, str], ...] = ()

    def check(self, value: object) -> Value:
        """`value` as this setting keeps it, or a ValueError in one plain sentence.

        The bounds also refuse NaN and infinity, which Python's JSON reader accepts.
        """
        if self.type is bool:
            if isinstance(value, bool):
                return value
            raise ValueError(f"{self.label}: must be on or off (true or false).")
        allowed = [choice for choice, _label in self.choices]
        if self.type is str:
            if value in allowed:
                return value
            raise ValueError(f"{self.label}: must be one of {', '.join(allowed)}.")
        if self.type is tuple:
            if isinstance(value, list | tuple) and all(item in allowed for item in value):
                return tuple(choice for choice in allowed if choice in value)
            raise ValueError(f"{self.label}: must be a list of {', '.join(allowed)}.")
        bounds = f"from {self.minimum:g} to {self.maximum:g}"
        if self.type is int:
            if (
                isinstance(value, int)
                and not isinstance(value, bool)
                and self.minimum <= value <= self.maximum
                and (value - self.minimum) % self.step == 0
            ):
                return value
            steps = f" in steps of {self.step:g}" if self.step != 1 else ""
            raise ValueError(f"{self.label}: must be a whole number {bounds}{steps}.")
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and self.minimum <= value <= self.maximum
        ):
            return float(value)
        raise ValueError(f"{self.label}: must be a number {bounds}.")


SETTINGS: tuple[Setting, ...] = (
    Setting("auto_advance", bool, False, "Move on by itself when a hold or rest ends"),
    # WCAG 2.2.1: whoever lets the app move on by itself can give themselves up to ten
    # times as long before it does.
    Setting(
        "auto_advance_factor",
        int,
        1,
        "Time to wait before moving on (times)",
        minimum=1,
        maximum=10,
    ),
    Setting("lead_in_seconds", int, 3, "Get-ready count (seconds)", minimum=0, maximum=10),
    Setting("text_scale", int, 100, "Text size (%)", minimum=100, maximum=200, step=25),
    Setting(
        "theme",
        str,
        "light",
        "Colours",
        choices=(("light", "Light"), ("dark", "Dark"), ("high_contrast", "High contrast")),
    ),
    Setting(
        "language",
        str,
        "system",
        "Language",
        choices=(("system", "Same as the computer"), ("en", "English"), ("es", "Español")),
    ),
    Setting("full_screen", bool, False, "Full screen"),
    # Some people find motion distracting or tiring to watch: the figure can stand still,
    # showing the end position over a faint start position.
    Setting("moving_pictures", bool, True, "Moving pictures of each exercise"),
    Setting("voice", bool, True, "Spoken guidance"),
    Setting("voice_rate", float, 0.0, "Speaking speed", minimum=-1.0, maximum=1.0, step=0.1),
    Setting("voice_volume", float, 0.8, "Volume", minimum=0.0, maximum=1.0, step=0.1),
    Setting("chime", bool, True, "Chime at the start and end of a hold"),
    Setting(
        "voice_time_left",
        str,
        "halfway",
        "Say the time left",
        choices=(
            ("off", "Never"),
            ("halfway", "Half way and 10 seconds before the end"),
            ("every_10", "Every 10 seconds"),
        ),
    ),
    # Switch access: one switch lets the highlight move by itself (auto), two switches
    # move it with Space and choose with Enter (step).
    Setting(
        "scan_mode",
        str,
        "off",
        "Switch scanning",
        choices=(
            ("off", "Off"),
            ("auto", "One switch: the highlight moves by itself"),
            ("step", "Two switches: Space moves, Enter chooses"),
        ),
    ),
    Setting(
        "scan_interval",
        float,
        1.5,
        "Time on each item (seconds)",
        minimum=0.5,
        maximum=6.0,
        step=0.25,
    ),
    Setting(
        "scan_first_pause",
        float,
        1.5,
        "Extra time on the first item (seconds)",
        minimum=0.0,
        maximum=6.0,
        step=0.5,
    ),
    Setting("scan_loops", int, 3, "Rounds before the highlight rests", minimum=1, maximum=10),
    Setting("reminder", bool, False, "Remind me on session days"),
    Setting(
        "reminder_time",
        int,
        600,
        "Reminder time",
        minimum=0,
        maximum=23 * 60 + 45,
        step=15,
    ),
    Setting(
        "preferred_days",
        tuple,
        ("mon", "thu"),
        "Session days",
        choices=(
            ("mon", "Monday"),
            ("tue", "Tuesday"),
            ("wed", "Wednesday"),
            ("thu", "Thursday"),
            ("fri", "Friday"),
            ("sat", "Saturday"),
            ("sun", "Sunday"),
        ),
    ),
    Setting("start_with_desktop", bool, False, "Open alshome when the computer starts"),
)
SETTING_BY_KEY = {setting.key: setting for setting in SETTINGS}


@dataclass(frozen=True)
class WindowPlace:
    """The window as it was left: its rectangle when not maximized (the inside of the
    window, without the frame, in desktop pixels) and whether it was maximized."""

    x: int
    y: int
    width: int
    height: int
    maximized: bool

    @classmethod
    def from_json(cls, value: object) -> WindowPlace | None:
        """The place kept in the file, or None for anything missing, damaged or absurd."""
        if not isinstance(value, dict):
            return None
        numbers = [value.get(key) for key in ("x", "y", "width", "height")]
        maximized = value.get("maximized")
        if not isinstance(maximized, bool) or not all(
            isinstance(number, int)
            and not isinstance(number, bool)
            and abs(number) <= MAX_COORDINATE
            for number in numbers
        ):
            return None
        x, y, width, height = numbers
        if width <= 0 or height <= 0:
            return None
        return cls(x, y, width, height, maximized)

    def to_json(self) -> dict[str, int | bool]:
        return {
            "x": self.x,
            "y": self.y,
            "width": self.width,
            "height": self.height,
            "maximized": self.maximized,
        }


class Settings:
    """The person's settings as kept in `path`; changes stay in memory until `save`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Value] = {}
        self.window: WindowPlace | None = None  # where the window was left, once it closed
        self.reset()

    @classmethod
    def in_memory(cls) -> Settings:
        """The defaults, kept nowhere: for a window built without a data folder (tests)."""
        return cls(Path(os.devnull))

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        """The settings saved in `data_dir`, defaults for anything unusable; never raises."""
        settings = cls(data_dir / SETTINGS_FILE)
        document = _read_object(settings.path)
        for key, value in document.items():
            with contextlib.suppress(ValueError):  # "version", "window", unknown, bad values
                settings.set(key, value)
        settings.window = WindowPlace.from_json(document.get(WINDOW_KEY))
        return settings

    def get(self, key: str) -> Value:
        return self._values[key]

    def set(self, key: str, value: Value) -> None:
        setting = SETTING_BY_KEY.get(key)
        if setting is None:
            raise ValueError(f"There is no setting called {key!r}.")
        self._values[key] = setting.check(value)

    def reset(self) -> None:
        """Every setting back to its default; `save` makes it last."""
        self._values = {setting.key: setting.default for setting in SETTINGS}

    def save(self) -> None:
        """Write the file whole and private, or raise DocumentError having changed nothing."""
        if self.path == Path(os.devnull):
            return
        ensure_private_dir(self.path.parent)
        document: dict[str, object] = {"version": VERSION, **self._values}
        if self.window is not None:
            document[WINDOW_KEY] = self.window.to_json()
        write_private_file(self.path, json.dumps(document, indent=2) + "\n")

    def save_window(self, place: WindowPlace) -> None:
        """Keep `place` in the file and change nothing else there, or raise DocumentError.

        The other values are not written: defaults the person never chose stay defaults.
        Before the data folder exists (a first launch closed at once) the place is kept
        in memory only: a window's place is no reason to make the folder.
        """
        self.window = place
        if self.path == Path(os.devnull) or not self.path.parent.is_dir():
            return
        document = _read_object(self.path) or {"version": VERSION}
        document[WINDOW_KEY] = place.to_json()
        write_private_file(self.path, json.dumps(document, indent=2) + "\n")

    def session_options(self) -> SessionOptions:
        return SessionOptions(
            lead_in_seconds=float(self.get("lead_in_seconds")),
            auto_advance=self.get("auto_advance"),
            auto_advance_factor=self.get("auto_advance_factor"),
        )


def _read_object(path: Path) -> dict[str, object]:
    """The file's top-level JSON object; empty when there is none, or it cannot be read."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return {}
        document = json.loads(data.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return document if isinstance(document, dict) else {}
