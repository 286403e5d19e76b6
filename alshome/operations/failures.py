"""One plain sentence for each failure a person can act on, for the command line and the app.

Both open the same database and read the same files, so they explain a failure the same
way; anything not named here is a bug and keeps its traceback.
"""

from __future__ import annotations

BAD_INPUT = 2
FAILURE = 1


def explain_failure(error: BaseException) -> tuple[int, str] | None:
    """The exit status and the sentence for `error`; None when it is not the user's to fix.

    SQLAlchemy is imported here, not at the top, because the app asks only once opening
    the database has failed, by which time it is loaded anyway.
    """
    from sqlalchemy.exc import ArgumentError, DBAPIError

    from alshome.programs.document import DocumentError
    from alshome.storage.backups import BackupError
    from alshome.storage.cipher import (
        ConversionError,
        EncryptedDamageError,
        PassphraseNeeded,
        WrongPassphraseError,
    )
    from alshome.storage.health import DamagedDatabaseError
    from alshome.storage.migrate import NewerDatabaseError

    if isinstance(error, DocumentError | NewerDatabaseError | BackupError):
        return BAD_INPUT, str(error)
    if isinstance(
        error, WrongPassphraseError | PassphraseNeeded | EncryptedDamageError | ConversionError
    ):
        return FAILURE, str(error)
    if isinstance(error, DamagedDatabaseError):
        return FAILURE, (
            "The saved history was damaged. Nothing was deleted: the damaged file was kept "
            f"as {error.kept}. Restore a backup, or start afresh beside it."
        )
    if isinstance(error, ArgumentError):
        return BAD_INPUT, f"--database-url: {error}."
    if isinstance(error, DBAPIError):
        # Only the driver's message: SQLAlchemy's own text includes statement parameters,
        # which may be health data. Its first line: PostgreSQL's add hints on further lines.
        reason = next(iter(str(error.orig).strip().splitlines()), "unknown error")
        return FAILURE, f"The database cannot be used: {reason.rstrip('.')}."
    if isinstance(error, OSError):
        return FAILURE, f"{error.filename or 'The data folder'} cannot be used: {error.strerror}."
    return None


def explain(error: BaseException) -> str | None:
    """The sentence alone, for a screen that shows it; None when it is a bug."""
    failure = explain_failure(error)
    return failure[1] if failure is not None else None
