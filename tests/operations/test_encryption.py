"""A passphrase on the history: put on and taken off again with nothing lost, by a
command or by the app while its history is open; the new one is asked for only once
the history is known to need it."""

from __future__ import annotations

import pytest

from alshome.operations.encryption import (
    HistoryPassphrase,
    is_protected,
    opens_with,
    protect,
    protected_history,
    unprotect,
)
from alshome.operations.history import History
from alshome.platform.paths import sqlite_url
from alshome.programs.document import DocumentError
from alshome.storage.cipher import PassphraseNeeded, WrongPassphraseError
from tests.operations.conftest import session_count

PASSPHRASE = "correct horse battery"


def never_asked() -> str:
    raise AssertionError("the passphrase was asked for")


def test_a_command_protects_the_history_and_takes_the_passphrase_off_again(saved):
    url = sqlite_url(saved)
    protect(url, lambda: PASSPHRASE)
    assert is_protected(saved) and protected_history(url)
    assert opens_with(saved, PASSPHRASE) and not opens_with(saved, "wrong")
    history = History(url, None)
    with pytest.raises(PassphraseNeeded):
        history.open()
    history.passphrase = PASSPHRASE
    assert len(history.safety_records().sessions()) == 1
    history.close()
    unprotect(url, lambda: PASSPHRASE)
    assert not is_protected(saved) and not protected_history(url)
    assert session_count(saved) == 1


def test_the_app_converts_its_open_history_and_keeps_it_open(saved):
    history = History(sqlite_url(saved), None)
    history.open()
    passphrase = HistoryPassphrase(history, saved)
    passphrase.protect(PASSPHRASE)
    assert passphrase.is_protected() and history.passphrase == PASSPHRASE
    assert history.is_open and len(history.safety_records().sessions()) == 1
    passphrase.unprotect(PASSPHRASE)
    assert not passphrase.is_protected() and history.passphrase is None
    assert history.is_open
    history.close()
    assert session_count(saved) == 1


def test_a_wrong_passphrase_leaves_the_apps_history_protected_and_open(saved):
    history = History(sqlite_url(saved), None)
    passphrase = HistoryPassphrase(history, saved)
    passphrase.protect(PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        passphrase.unprotect("wrong")
    assert passphrase.is_protected() and history.is_open
    history.close()


def test_nothing_is_asked_where_there_is_nothing_to_convert(database, saved):
    with pytest.raises(DocumentError, match="no alshome history"):
        protect(sqlite_url(database.with_name("elsewhere.sqlite3")), never_asked)
    with pytest.raises(DocumentError, match="no passphrase to remove"):
        unprotect(sqlite_url(saved), never_asked)
    protect(sqlite_url(saved), lambda: PASSPHRASE)
    with pytest.raises(DocumentError, match="already protected"):
        protect(sqlite_url(saved), never_asked)
