"""One running copy per data folder: a second launch brings the first window forward and exits.

Two copies writing one history could each believe a session is theirs; so the first copy
holds a lock file and listens on a local socket, and a later launch, finding the lock
taken, asks the running copy to show its window, then ends before it reads the settings
or opens the database.

The lock never outlives its process: with a stale time of 0, `QLockFile` takes over a lock
whose process is gone (killed, crashed, power cut) and never one whose process still runs,
however old. Lock and socket are named by a short hash of the resolved data folder, so two
folders can be open side by side and the name stays within the length limit of socket
paths. They live in the user's runtime folder (the temporary folder if there is none), not
in the data folder: a first launch creates nothing there before its window is shown, and a
lock cannot wait for the folder it guards to exist. Only the lock holder ever removes a
leftover socket of that name.

When the lock is held but nobody answers (a frozen first copy), the second copy says so
plainly and ends with a failure status, touching nothing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QCryptographicHash,
    QDeadlineTimer,
    QDir,
    QLockFile,
    QObject,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtWidgets import QWidget

from alshome.operations.failures import FAILURE

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_WAIT_MS = 200
SHOW = b"show\n"
SHOWN = b"shown\n"
# The first copy may have taken the lock an instant ago and not yet be listening, or be
# busy building its window before its event loop answers; both take well under these.
CONNECT_WITHIN_MS = 3000
REPLY_WITHIN_MS = 8000
RETRY_CONNECT_MS = 50


def server_name(data_dir: Path) -> str:
    """A short path, the same for every copy on one data folder, different for another."""
    # Qt's own hash: hashlib would be one more module to load before the first frame.
    folder = str(data_dir.resolve()).encode()
    hashed = QCryptographicHash.hash(folder, QCryptographicHash.Algorithm.Sha256)
    digest = bytes(hashed.toHex()).decode()[:16]
    return str(_runtime_dir() / f"alshome-{digest}")


def lock_path(data_dir: Path) -> Path:
    """The lock file of `data_dir`, next to its socket."""
    return Path(server_name(data_dir) + ".lock")


def _runtime_dir() -> Path:
    """The session's private runtime folder; Qt's own lookup warns on stderr when unset."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    return Path(runtime) if runtime and Path(runtime).is_dir() else Path(QDir.tempPath())


class FirstCopy(QObject):
    """The lock and the socket of the running copy; `show_requested` when another launches."""

    show_requested = Signal()

    def __init__(self, lock: QLockFile | None, name: str, parent: QObject | None = None) -> None:
        """Hold `lock` (None: run unguarded); `listen()` then answers other launches."""
        super().__init__(parent)
        self._lock = lock
        self._name = name
        self._server: QLocalServer | None = None
        if (app := QCoreApplication.instance()) is not None:
            app.aboutToQuit.connect(self.release)

    def listen(self) -> None:
        """Answer later launches on the socket: once the window is up, so that Qt's
        network module loads after the first frame. A launch in between keeps trying to
        connect for a few seconds (`ask_to_show`), so it is answered all the same."""
        from PySide6.QtNetwork import QLocalServer

        if self._lock is None or self._server is not None:
            return
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        QLocalServer.removeServer(self._name)  # left by a copy that crashed: we hold the lock
        self._server.listen(self._name)

    def release(self) -> None:
        """Stop listening and give the lock up (also done when the process ends)."""
        if self._server is not None:
            self._server.close()
        if self._lock is not None:
            self._lock.unlock()

    def _accept(self) -> None:
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.readyRead.connect(lambda c=connection: self._answer(c))
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._answer(connection)

    def _answer(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            return
        if bytes(connection.readLine().data()) == SHOW:
            self.show_requested.emit()
            connection.write(SHOWN)
            connection.flush()
        connection.disconnectFromServer()


def claim(data_dir: Path, parent: QObject | None = None) -> FirstCopy | None:
    """Become the one running copy for `data_dir`; None when another copy already is.

    A runtime folder that refuses the lock file is no sign of another copy: the app then
    runs unguarded rather than not at all.
    """
    lock = QLockFile(str(lock_path(data_dir)))
    lock.setStaleLockTime(0)
    if lock.tryLock(LOCK_WAIT_MS):
        return FirstCopy(lock, server_name(data_dir), parent)
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    return FirstCopy(None, server_name(data_dir), parent)


def ask_to_show(
    data_dir: Path,
    connect_within_ms: int = CONNECT_WITHIN_MS,
    reply_within_ms: int = REPLY_WITHIN_MS,
) -> bool:
    """Ask the running copy to bring its window forward; False if it does not answer in time."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    name = server_name(data_dir)
    connecting = QDeadlineTimer(connect_within_ms)
    while not _connect(socket, name, connecting.remainingTime()):
        if connecting.hasExpired():
            return False
        QThread.msleep(RETRY_CONNECT_MS)
    socket.write(SHOW)
    replying = QDeadlineTimer(reply_within_ms)
    while not socket.canReadLine():
        if not socket.waitForReadyRead(max(replying.remainingTime(), 0)):
            return False
    return bytes(socket.readLine().data()) == SHOWN


def hand_over(
    data_dir: Path,
    connect_within_ms: int = CONNECT_WITHIN_MS,
    reply_within_ms: int = REPLY_WITHIN_MS,
) -> int:
    """The second copy's whole run: its exit status, 0 once the first has shown its window.

    A first copy that does not answer is reported on stderr and in a message (FAILURE).
    """
    if ask_to_show(data_dir, connect_within_ms, reply_within_ms):
        return 0
    message = QCoreApplication.translate(
        "SingleInstance",
        "alshome is already open but is not answering. Close it, or restart the computer, "
        "then open alshome again.",
    )
    print(message, file=sys.stderr)
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "alshome", message)
    return FAILURE


def bring_forward(window: QWidget) -> None:
    """Show `window` on top and give it the keyboard, out of the taskbar if minimised.

    Only the minimised flag is cleared, so a full-screen window comes back full screen.
    """
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if (handle := window.windowHandle()) is not None:
        handle.requestActivate()


def _connect(socket: QLocalSocket, name: str, within_ms: int) -> bool:
    socket.connectToServer(name)
    if socket.waitForConnected(max(within_ms, 0)):
        return True
    socket.abort()
    return False
