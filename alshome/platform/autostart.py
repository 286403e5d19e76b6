"""Opening alshome with the desktop session, through an XDG autostart entry.

Desktops that follow the freedesktop.org autostart specification (GNOME, KDE, Xfce and
most others on Linux) start every application whose desktop entry lies in
`$XDG_CONFIG_HOME/autostart`. Switching the setting on writes that entry; switching it off
removes it, so nothing is left behind. The entry holds no health data.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from alshome.platform.files import write_private_file

ENTRY_NAME = "alshome.desktop"
# Characters that make an Exec argument need quotes, per the Desktop Entry Specification.
RESERVED = set(" \t\n\r\"'\\><~|&;$*?#()`")
ESCAPED_IN_QUOTES = '"`$\\'
# The escapes of a string value; the backslash first, so the others are not doubled.
STRING_ESCAPES = (("\\", "\\\\"), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r"))


def autostart_dir() -> Path:
    """`$XDG_CONFIG_HOME/autostart`; the spec ignores an empty or relative value."""
    configured = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(configured) if os.path.isabs(configured) else Path.home() / ".config"
    return base / "autostart"


def autostart_entry() -> Path:
    return autostart_dir() / ENTRY_NAME


def autostart_enabled() -> bool:
    return autostart_entry().is_file()


def launch_command(data_dir: Path) -> list[str]:
    """The command the desktop runs: this Python, the package, and this data folder.

    The interpreter's own path works however alshome was installed (a virtual
    environment, pipx, a system package), and naming the folder opens the same history.
    In the standalone app (PyInstaller) the executable is alshome itself, with no `-m`.
    """
    package = [] if getattr(sys, "frozen", False) else ["-m", "alshome"]
    return [sys.executable, *package, "--data-dir", str(data_dir)]


def set_autostart(enabled: bool, command: Sequence[str]) -> Path | None:
    """Write or remove the entry; the path written, or None once removed.

    Raises DocumentError when the entry cannot be written.
    """
    entry = autostart_entry()
    if not enabled:
        entry.unlink(missing_ok=True)
        return None
    entry.parent.mkdir(parents=True, exist_ok=True)
    write_private_file(entry, desktop_entry(command))
    return entry


def desktop_entry(command: Sequence[str]) -> str:
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Name=alshome",
        "Comment=Home exercise program",
        f"Exec={exec_value(command)}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
    ]
    return "\n".join(lines) + "\n"


def exec_value(command: Sequence[str]) -> str:
    """The Exec key's value: arguments quoted where needed, then escaped as a string value.

    `%` starts a field code, so a literal one is doubled; inside quotes `"`, `` ` ``, `$`
    and `\\` take a backslash; and the key's value, like any string, doubles backslashes
    and writes line breaks and tabs as escapes.
    """
    value = " ".join(_quoted(argument) for argument in command)
    for char, escape in STRING_ESCAPES:
        value = value.replace(char, escape)
    return value


def _quoted(argument: str) -> str:
    argument = argument.replace("%", "%%")
    if argument and not RESERVED & set(argument):
        return argument
    escaped = "".join("\\" + char if char in ESCAPED_IN_QUOTES else char for char in argument)
    return f'"{escaped}"'
