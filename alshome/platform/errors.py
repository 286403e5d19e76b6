"""The failures a person can act on, worded so that any language can show them.

Program files, storage and the command line raise a `UserError` with an English sentence
marked for translation and the values it names, rather than finished prose: the command
line prints the English, the app shows the translation (`alshome.ui.failure_text`). The
sentences live in the "Errors" context of resources/i18n, where pyside6-lupdate finds them
through `QT_TRANSLATE_NOOP`. They name files, fields and reasons, never health data.

This is the lowest layer that raises one (`files.write_private_bytes`), and it imports
no Qt: the marker below only carries the text to lupdate.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar

CONTEXT = "Errors"
BAD_INPUT = 2  # the exit status for a file, an option or a value the person can correct
FAILURE = 1  # the exit status for anything else that went wrong and was explained

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker under Qt's name, which pyside6-lupdate looks for: `text` is listed for
    translation under `context` and returned unchanged. Always write the text as a literal."""
    return text


def english(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    """A sentence in its English source form and the values of its `{placeholders}`.

    A value may itself be a Message (a reason inside a sentence), translated with it.
    """

    text: str
    arguments: Mapping[str, object] = field(default_factory=dict)

    def render(self, translate: Translate = english) -> str:
        values = {
            name: value.render(translate) if isinstance(value, Message) else value
            for name, value in self.arguments.items()
        }
        return translate(CONTEXT, self.text).format(**values)


class UserError(Exception):
    """A failure explained in one sentence; `str()` is the English of `message`."""

    exit_status: ClassVar[int] = FAILURE

    def __init__(self, text: str, **arguments: object) -> None:
        self.message = Message(text, arguments)
        super().__init__(self.message.render())


class DocumentError(UserError, ValueError):
    """A file or a value that cannot be used; the person can correct it."""

    exit_status = BAD_INPUT
