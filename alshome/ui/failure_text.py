"""A failure the person can act on, in the language of the screens.

`alshome.operations.failures` words each failure once, as an English sentence marked for
translation and its values; here it is translated with the rest of the app's text, from
the "Errors" context of resources/i18n. The command line prints the same sentence in
English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from alshome.operations.failures import user_error


def explain(error: BaseException) -> str | None:
    """The translated sentence for `error`; None when it is a bug, to be raised again."""
    failure = user_error(error)
    return None if failure is None else failure.message.render(QCoreApplication.translate)
