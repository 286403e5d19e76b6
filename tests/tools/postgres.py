"""A throwaway PostgreSQL server for the tests, from Debian's `postgresql` package.

One server per test run, in a temporary folder of its own that also holds its Unix socket
(no TCP port, so nothing to collide with), tuned for speed over durability: the data is
thrown away at the end. Each test gets a fresh database, copied from a template that the
shipped migrations brought to head once, and dropped after the test.

The folder is in memory (/dev/shm) where there is one: making and dropping a database on
disk forces checkpoints that took about 0.3 s a test here, against 0.02 s in memory. A run
that was killed leaves its folder behind; the next run removes the folders whose server
is gone.

PostgreSQL refuses to run as root, and CI runs the tests as root: then initdb and the
server run as Debian's `postgres` system user, through setpriv, which also tells the kernel
to stop the server if the test run dies, so no server outlives a killed run.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy import URL
from sqlalchemy.engine import make_url

from alshome.storage.db import open_database
from tests.tools.processes import die_with_parent

DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin"
MEMORY_FOLDER = "/dev/shm"
FOLDER_PREFIX = "alshome-postgres-"
SERVICE_USER = "postgres"
SUPERUSER = "postgres"
TEMPLATE = "alshome_template"
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
# Durability costs time and the data is thrown away: never wait for the disk.
SPEED_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


def find_binaries() -> Path | None:
    """The folder of the newest installed initdb and postgres, Debian's first, else on PATH."""
    folders = sorted(Path("/").glob(DEBIAN_BINARIES.lstrip("/")), key=_major_version)
    for folder in reversed(folders):
        if (folder / "initdb").is_file() and (folder / "postgres").is_file():
            return folder
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("postgres") else None


@contextmanager
def benchmark_database(postgresql: bool) -> Iterator[tuple[Path, str | None]]:
    """For a benchmark's run: a temporary folder, and a new database on a PostgreSQL server
    started for it (None without `postgresql`: the benchmark keeps a SQLite file in the
    folder). Both go at the end."""
    server = None
    if postgresql:
        binaries = find_binaries()
        assert binaries is not None, "PostgreSQL is not installed"
        server = PostgresServer(binaries)
        server.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            yield Path(folder), None if server is None else server.new_database(migrated=False)
    finally:
        if server is not None:
            server.stop()


def _major_version(folder: Path) -> int:
    version = folder.parent.name
    return int(version) if version.isdecimal() else 0


class PostgresServer:
    """A server started in a new temporary folder; `stop` ends it and removes the folder."""

    def __init__(self, binaries: Path) -> None:
        self._binaries = binaries
        self._as_service_user = os.geteuid() == 0
        _remove_folders_left_by_killed_runs()
        self.folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=_in_memory()))
        self._names = itertools.count(1)
        self._process: subprocess.Popen[bytes] | None = None
        self._log = self.folder / "server.log"

    def start(self) -> None:
        if self._as_service_user:
            account = pwd.getpwnam(SERVICE_USER)
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        data = self.folder / "data"
        made = subprocess.run(
            [
                *self._as_owner(),
                str(self._binaries / "initdb"),
                "--pgdata",
                str(data),
                "--username",
                SUPERUSER,
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
            capture_output=True,
            text=True,
        )
        if made.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{made.stdout}{made.stderr}")
        settings = ["listen_addresses=", f"unix_socket_directories={self.folder}"]
        options = [arg for setting in (*settings, *SPEED_SETTINGS) for arg in ("-c", setting)]
        with self._log.open("wb") as log:
            self._process = subprocess.Popen(
                [*self._as_owner(), str(self._binaries / "postgres"), "-D", str(data), *options],
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=None if self._as_service_user else die_with_parent,
            )
        self._wait_until_ready()
        self._make_template()

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGINT)  # "fast" shutdown: clients are cut off
            try:
                self._process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str) -> str:
        """A SQLAlchemy URL of `database` on this server, through psycopg and the socket."""
        url = URL.create(
            "postgresql+psycopg",
            username=SUPERUSER,
            database=database,
            query={"host": str(self.folder)},
        )
        return url.render_as_string(hide_password=False)

    def new_database(self, migrated: bool = True) -> str:
        """The URL of a new database: at the schema's head, or empty for the migrations."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        template = TEMPLATE if migrated else "template0"
        self._run(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY file_copy')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a database `new_database` made, cutting off connections a test left open."""
        self._run(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def _as_owner(self) -> list[str]:
        if not self._as_service_user:
            return []
        return [
            "setpriv",
            f"--reuid={SERVICE_USER}",
            f"--regid={SERVICE_USER}",
            "--init-groups",
            "--pdeathsig=TERM",
            "--",
        ]

    def _run(self, statement: str) -> None:
        with psycopg.connect(**self._connection_options("postgres"), autocommit=True) as admin:
            admin.execute(statement)

    def _connection_options(self, database: str) -> dict[str, str]:
        return {"host": str(self.folder), "user": SUPERUSER, "dbname": database}

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                psycopg.connect(**self._connection_options("postgres")).close()
                return
            except psycopg.OperationalError:
                if self._process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"PostgreSQL did not start:\n{self._log.read_text(errors='replace')}"
                    ) from None
                time.sleep(0.05)

    def _make_template(self) -> None:
        """The database every test's is copied from, brought to head by the shipped migrations."""
        self._run(f'CREATE DATABASE "{TEMPLATE}"')
        open_database(self.url(TEMPLATE)).dispose()


def _in_memory() -> str | None:
    """Linux's shared-memory folder when it can be written to; None for the usual temp folder."""
    return MEMORY_FOLDER if os.access(MEMORY_FOLDER, os.W_OK | os.X_OK) else None


def _remove_folders_left_by_killed_runs() -> None:
    """Remove the in-memory folders of servers that no longer run (not those starting now)."""
    for folder in Path(MEMORY_FOLDER).glob(f"{FOLDER_PREFIX}*"):
        pid_file = folder / "data" / "postmaster.pid"
        try:
            server = int(pid_file.read_text().split()[0])
        except (OSError, IndexError, ValueError):
            if time.time() - folder.stat().st_mtime > START_TIMEOUT_S:
                shutil.rmtree(folder, ignore_errors=True)
            continue
        if not Path(f"/proc/{server}").exists():
            shutil.rmtree(folder, ignore_errors=True)
