"""The clinic served for real on a loopback port, and the faults a network brings.

- `Proxy`: a TCP proxy between the app and the clinic that can cut a connection while the
  request goes out or once the clinic answers, and can pace a request's bytes so that a
  server killed meanwhile dies with the body half read.
- `ClinicProcess`: `alshome clinic serve` in a process of its own, killed with SIGKILL and
  started again many times a test. A fresh interpreter takes about 2 s to import the
  server on the 2-core test machine, so a keeper process imports it once and forks a
  server from that state for each start (about 0.1 s): the server is still a process
  of its own that holds its database connections and dies without any cleanup. On
  PostgreSQL the server runs its default workers (one a core), which uvicorn starts as
  fresh interpreters, so a start there takes seconds; the server is a process group of
  its own, and a kill ends the whole group at once, as a power cut would.
"""

from __future__ import annotations

import http.client
import os
import select
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.tools.processes import die_with_parent

START_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class _Connection:
    sent: bool = False  # part of a request went out
    answered: bool = False  # part of an answer came back


class Proxy:
    """A loopback TCP proxy to the clinic that can cut the next connections: while the
    request goes out (the clinic gets part of it) or once the clinic answers (the clinic
    stored the batch, the app never hears so).

    With `pace` set, the request's bytes go on in 16 KB steps `pace` seconds apart, as
    over a slow line. `requests_cut` counts the connections that ended, cut here or by the
    clinic going away, after part of a request went out and before any answer came.
    """

    STEP = 16 * 1024

    def __init__(self, upstream: int, pace: float = 0.0) -> None:
        self.upstream = upstream
        self.pace = pace
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.cut: str | None = None
        self.cuts_left = 0
        self.cuts_made = 0
        self.requests_seen = 0
        self.requests_cut = 0
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut_next(self, where: str, times: int = 1) -> None:
        with self._lock:
            self.cut, self.cuts_left = where, times

    def _take_cut(self, where: str) -> bool:
        with self._lock:
            if self.cut != where or self.cuts_left == 0:
                return False
            self.cuts_left -= 1
            self.cuts_made += 1
            return True

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._pipe, args=(client,), daemon=True).start()

    def _pipe(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream))
        except OSError:  # the clinic is down: the app sees its connection closed
            client.close()
            return
        connection = _Connection()
        try:
            with client, upstream:
                while self._forward(client, upstream, connection):
                    pass
        except OSError:
            pass
        if connection.sent and not connection.answered:
            with self._lock:
                self.requests_cut += 1

    def _forward(
        self, client: socket.socket, upstream: socket.socket, connection: _Connection
    ) -> bool:
        """Pass on what either end has; False once the connection is over."""
        readable, _, _ = select.select([client, upstream], [], [], 30)
        if not readable:
            return False
        for end in readable:
            data = end.recv(65536)
            if not data:
                return False
            if end is client:
                if not connection.sent or connection.answered:  # a request begins
                    connection.sent, connection.answered = True, False
                    with self._lock:
                        self.requests_seen += 1
                if len(data) > 1000 and self._take_cut("request"):
                    upstream.sendall(data[: len(data) // 2])
                    return False
                for start in range(0, len(data), self.STEP):
                    upstream.sendall(data[start : start + self.STEP])
                    if self.pace:
                        time.sleep(self.pace)
            elif self._take_cut("response"):
                return False
            else:
                connection.answered = True
                client.sendall(data)
        return True

    def close(self) -> None:
        self.listener.close()


KEEPER = """
import ctypes, os, signal, sys
import uvicorn  # noqa: F401  (imported before the forks, which is the point)
import alshome.clinic.api  # noqa: F401
from alshome.cli import main

PR_SET_CHILD_SUBREAPER = 36
signal.signal(signal.SIGCHLD, signal.SIG_DFL)
# A killed server's workers become the keeper's children, for it to wait for (Linux).
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1)
url, port = sys.argv[1], sys.argv[2]
server = None
for line in sys.stdin:
    if line.strip() == "start":
        server = os.fork()
        if server == 0:
            os.setpgid(0, 0)
            sys.stdin.close()  # the keeper's commands; uvicorn hands its workers a stdin
            sys.stdin = open(os.devnull)
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            os._exit(main(["clinic", "serve", "--database-url", url, "--port", port]))
        os.setpgid(server, server)  # here too: the group is there before its pid is told
        print(server, flush=True)
    elif line.strip() == "kill" and server is not None:
        os.killpg(server, signal.SIGKILL)
        while True:  # the server, then its workers, orphaned to the keeper
            try:
                os.waitpid(-server, 0)
            except ChildProcessError:
                break
        server = None
        print("killed", flush=True)
"""


class ClinicProcess:
    """`alshome clinic serve` on `port` against `database_url`, in a process that `kill`
    ends with SIGKILL and `start` begins again (see the module's docstring)."""

    def __init__(self, database_url: str, log: Path | None = None) -> None:
        """`log`: the file the servers' own log (uvicorn's, errors) goes to."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.pid: int | None = None
        self._log = None if log is None else log.open("w")
        self._keeper = subprocess.Popen(
            [sys.executable, "-c", KEEPER, database_url, str(self.port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
            preexec_fn=die_with_parent,
        )

    def _say(self, command: str) -> str:
        assert self._keeper.stdin is not None and self._keeper.stdout is not None
        self._keeper.stdin.write(command + "\n")
        self._keeper.stdin.flush()
        return self._keeper.stdout.readline().strip()

    def start(self) -> None:
        """Start the server and wait until it answers a request: with workers, the
        supervisor takes connections on its socket before any worker serves them."""
        self.pid = int(self._say("start"))
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, START_TIMEOUT_S)
            try:
                connection.request("GET", "/login")
                connection.getresponse().read()
                return
            except ConnectionRefusedError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
            finally:
                connection.close()

    def kill(self) -> None:
        """SIGKILL the server, its workers with it: no shutdown, no rollback but the
        database's own."""
        assert self._say("kill") == "killed"
        self.pid = None

    def close(self) -> None:
        if self.pid is not None:
            self.kill()
        assert self._keeper.stdin is not None
        self._keeper.stdin.close()
        self._keeper.wait(10)
        if self._keeper.stdout is not None:
            self._keeper.stdout.close()
        if self._log is not None:
            self._log.close()
