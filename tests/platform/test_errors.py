"""The user-facing error type: English for the command line, any language for the screens."""

from __future__ import annotations

from alshome.platform.errors import (
    BAD_INPUT,
    CONTEXT,
    FAILURE,
    QT_TRANSLATE_NOOP,
    DocumentError,
    Message,
    UserError,
)


def marked(context: str, text: str) -> str:
    """A stand-in translation that shows where it was applied."""
    assert context == CONTEXT
    return f"«{text}»"


def test_the_english_is_the_source_text_with_its_values():
    error = UserError(
        QT_TRANSLATE_NOOP("Errors", "{path} cannot be read: {reason}."), path="/a", reason="gone"
    )
    assert str(error) == "/a cannot be read: gone."
    assert error.message == Message(
        "{path} cannot be read: {reason}.", {"path": "/a", "reason": "gone"}
    )


def test_the_translation_is_of_the_source_text_and_of_every_sentence_inside_it():
    """The values stay as given; a reason that is itself a sentence is translated as well."""
    inner = Message("must be between {low} and {high}", {"low": 1, "high": 10})
    error = DocumentError("{file}: {problem}", file="program.json", problem=inner)
    assert str(error) == "program.json: must be between 1 and 10"
    assert error.message.render(marked) == "«program.json: «must be between 1 and 10»»"


def test_bad_input_and_other_failures_keep_their_exit_statuses():
    assert DocumentError("x").exit_status == BAD_INPUT == 2
    assert UserError("x").exit_status == FAILURE == 1
    assert isinstance(DocumentError("x"), ValueError), "callers that catch ValueError still do"
