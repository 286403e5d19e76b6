"""One plain sentence for each failure a person can act on, for the command line and the app.

Both open the same database and read the same files, so they explain a failure the same
way: as a `UserError`, whose sentence the command line prints in English and the app shows
translated (`alshome.ui.failure_text`). Anything not named here is a bug and keeps its
traceback.
"""

from __future__ import annotations

import sys

from alshome.platform.errors import (
    BAD_INPUT,
    FAILURE,
    QT_TRANSLATE_NOOP,
    DocumentError,
    UserError,
)

__all__ = ["BAD_INPUT", "FAILURE", "explain_failure", "user_error"]


def user_error(error: BaseException) -> UserError | None:
    """`error` as the person's failure, with its sentence; None when it is not theirs to fix.

    SQLAlchemy is imported here, not at the top, because the app asks only once opening
    the database has failed, by which time it is loaded anyway.
    """
    if isinstance(error, UserError):
        return error
    from sqlalchemy.exc import ArgumentError, DBAPIError

    if isinstance(error, ArgumentError):
        return DocumentError(QT_TRANSLATE_NOOP("Errors", "--database-url: {reason}."), reason=error)
    if isinstance(error, DBAPIError):
        # Only the driver's message: SQLAlchemy's own text includes statement parameters,
        # which may be health data. Its first line: PostgreSQL's add hints on further lines.
        reason = next(iter(str(error.orig).strip().splitlines()), "unknown error")
        return UserError(
            QT_TRANSLATE_NOOP("Errors", "The database cannot be used: {reason}."),
            reason=reason.rstrip("."),
        )
    if isinstance(error, OSError) and error.filename:
        return UserError(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be used: {reason}."),
            path=error.filename,
            reason=error.strerror,
        )
    if isinstance(error, OSError):
        return UserError(
            QT_TRANSLATE_NOOP("Errors", "The data folder cannot be used: {reason}."),
            reason=error.strerror,
        )
    return None


def explain_failure(error: BaseException) -> tuple[int, str] | None:
    """The exit status and the English sentence for `error`; None when it is a bug."""
    failure = user_error(error)
    return None if failure is None else (failure.exit_status, str(failure))


def said_on_stderr(error: Exception) -> int:
    """A command's failure said in one sentence on stderr; its exit status. A bug is
    raised again, with its traceback."""
    failure = explain_failure(error)
    if failure is None:
        raise error
    status, message = failure
    print(message, file=sys.stderr)
    return status
