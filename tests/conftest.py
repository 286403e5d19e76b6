"""Fixtures and settings shared by the whole test suite.

QT_QPA_PLATFORM is set to "offscreen" here, before anything imports Qt, so that the widget
tests (pytest-qt) build real widgets without a screen: on CI and on a developer's machine
alike they never need a display, never open a window and never steal focus. Qt reads the
variable when the QApplication is made, so setting it at import time of this conftest is early
enough; `setdefault` leaves an explicit choice (say QT_QPA_PLATFORM=xcb to watch the tests)
alone. The real-window tests in tests/e2e start their own Xvfb and give the app they launch
its own DISPLAY and platform instead.

No test may touch the person's real data: the session-wide guard below points the XDG folders
(where platformdirs puts the default data folder) at a temporary folder and drops any
ALSHOME_DATA_DIR / ALSHOME_DATABASE_URL from the developer's own environment.

The tests about what the database holds run twice, on SQLite and on PostgreSQL: a module
or a test marked `@pytest.mark.databases("sqlite", "postgresql")` is parametrized over
`backend` (a test's own mark wins over its module's). On PostgreSQL each test gets a
fresh database on a server the run starts once (`tests/tools/postgres.py`), named in
ALSHOME_DATABASE_URL so that every opening of the history, a subprocess's included, uses it.

Nor may a test speak aloud or wait on the computer's speech service: every app a test
runs speaks through Qt's mock engine (ALSHOME_SPEECH_ENGINE=mock); the voice tests that
need no engine at all set their own value.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.tools.ci import skip_or_fail

if TYPE_CHECKING:
    from tests.tools.postgres import PostgresServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def _no_real_user_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep every test, and every app a test launches, away from the real data folder."""
    home = tmp_path_factory.mktemp("xdg")
    with pytest.MonkeyPatch.context() as mp:
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            folder = home / name.lower()
            folder.mkdir()
            mp.setenv(name, str(folder))
        mp.delenv("ALSHOME_DATA_DIR", raising=False)
        mp.delenv("ALSHOME_DATABASE_URL", raising=False)
        mp.setenv("ALSHOME_SPEECH_ENGINE", "mock")
        yield


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_main_thread() -> Iterator[None]:
    """Cycles are collected between tests, on the main thread, as the app collects them.

    The app switches Python's automatic collection off and collects on the GUI thread
    (`alshome.ui.garbage`), because a collection on a worker thread can delete a GUI
    thread's QObject and crash Qt. Tests start Qt objects without the app's collector, so
    they do the same: nothing is collected while a test runs, and what it left in cycles
    is collected after it. Nothing is promoted while collection is off, so the youngest
    generation holds all of it.
    """
    _delete_closed_widgets()
    gc.disable()
    try:
        yield
    finally:
        gc.collect(0)
        gc.enable()


def _delete_closed_widgets() -> None:
    """Delete the widgets earlier tests closed (pytest-qt closes them and calls
    deleteLater, which only an event loop's return carries out). Without this every
    window of every earlier test stays alive, and a test that restyles the application
    restyles all of them: minutes instead of seconds late in the suite. Done before a
    test, when the earlier one's fixtures are all torn down; only once Qt is loaded."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or widgets.QApplication.instance() is None:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker("databases")
    if marker is not None and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", marker.args)


@pytest.fixture
def backend() -> str:
    """The database a test runs on: SQLite, unless it is marked to run on more."""
    return "sqlite"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole run, started on first use.

    Imported here, as psycopg and SQLAlchemy are, only when a test asks for it.
    """
    from tests.tools.postgres import PostgresServer, find_binaries

    binaries = find_binaries()
    if binaries is None:
        skip_or_fail("PostgreSQL is not installed (Debian package postgresql)")
    server = PostgresServer(binaries)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def server_database_url(
    backend: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str | None]:
    """On PostgreSQL, a fresh database at the schema's head, set as ALSHOME_DATABASE_URL.

    None on SQLite, where each test makes its own file.
    """
    if backend != "postgresql":
        yield None
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.new_database()
    monkeypatch.setenv("ALSHOME_DATABASE_URL", url)
    yield url
    server.drop_database(url)


@pytest.fixture
def another_history(
    server_database_url: str | None, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Callable[[], None]:
    """Call it to put what the test opens next in a second, empty history.

    On SQLite another data folder is another history already, so it does nothing; on
    PostgreSQL it names a second new database in ALSHOME_DATABASE_URL.
    """

    def move() -> None:
        if server_database_url is not None:
            server: PostgresServer = request.getfixturevalue("postgres_server")
            url = server.new_database()
            request.addfinalizer(lambda: server.drop_database(url))
            monkeypatch.setenv("ALSHOME_DATABASE_URL", url)

    return move


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder, set as ALSHOME_DATA_DIR for this test only."""
    folder = tmp_path / "alshome-data"
    folder.mkdir()
    monkeypatch.setenv("ALSHOME_DATA_DIR", str(folder))
    monkeypatch.delenv("ALSHOME_DATABASE_URL", raising=False)
    return folder
