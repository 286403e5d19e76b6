"""One running copy per data folder: the lock, the request to show, and a lock left by a kill.

The second copy that asks to show is a real child process: its blocking socket calls hold
Python's lock, so in a thread of this process they would stop the first copy answering.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from alshome.operations.failures import FAILURE
from alshome.ui import single_instance
from alshome.ui.single_instance import ask_to_show, bring_forward, claim, hand_over, server_name

HOLD_THE_LOCK = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from alshome.ui.single_instance import claim

app = QCoreApplication([])
first = claim(Path(sys.argv[1]))
print("held" if first is not None else "refused", flush=True)
sys.stdin.readline()
"""

ASK_TO_SHOW = r"""
import sys
from pathlib import Path
from alshome.ui.single_instance import ask_to_show

print("shown" if ask_to_show(Path(sys.argv[1])) else "no answer", flush=True)
"""


def child(code: str, data_dir: Path) -> subprocess.Popen[str]:
    """A second process on `data_dir`, with this test's runtime folder."""
    return subprocess.Popen(
        [sys.executable, "-c", code, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.fixture(autouse=True)
def private_runtime_dir(tmp_path, monkeypatch) -> Path:
    """Locks and sockets of these tests live apart from any running alshome."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return runtime


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def first_copies():
    """Every first copy a test makes gives its lock up afterwards."""
    made = []
    yield made
    for first in made:
        first.release()


def test_a_second_claim_on_the_same_folder_is_refused(qapp, data_dir, first_copies):
    first = claim(data_dir)
    assert first is not None
    first_copies.append(first)
    assert claim(data_dir) is None
    first.release()
    first_copies.append(claim(data_dir))
    assert first_copies[-1] is not None


def test_claiming_creates_nothing_in_the_data_folder(qapp, data_dir, first_copies):
    first_copies.append(claim(data_dir))
    assert not data_dir.exists()


def test_the_name_follows_the_resolved_folder(tmp_path):
    assert server_name(tmp_path / "a") == server_name(tmp_path / "b" / ".." / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert len(server_name(tmp_path / "a")) < len(str(tmp_path)) + 30


def test_two_folders_are_claimed_side_by_side(qapp, tmp_path, first_copies):
    first_copies.append(claim(tmp_path / "a"))
    first_copies.append(claim(tmp_path / "b"))
    assert None not in first_copies


def test_a_request_to_show_brings_the_minimised_window_forward(
    qapp, qtbot, data_dir, first_copies
):
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    first = claim(data_dir)
    first.listen()
    first_copies.append(first)
    requests: list[bool] = []

    def show_window() -> None:
        requests.append(True)
        bring_forward(window)

    first.show_requested.connect(show_window)
    second = child(ASK_TO_SHOW, data_dir)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)

    assert second.stdout.read().strip() == "shown"
    assert requests == [True]
    assert window.isVisible()
    assert not window.isMinimized()


def test_a_copy_that_holds_the_lock_but_does_not_answer_is_reported(
    qapp, data_dir, first_copies, monkeypatch, capsys
):
    first = claim(data_dir)
    first.listen()  # listening, but this test never runs its events
    first_copies.append(first)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))

    assert hand_over(data_dir, connect_within_ms=500, reply_within_ms=300) == FAILURE

    assert len(messages) == 1
    assert messages[0].startswith("alshome is already open but is not answering.")
    assert capsys.readouterr().err == messages[0] + "\n"


def test_with_nobody_listening_the_request_gives_up(qapp, data_dir):
    assert not ask_to_show(data_dir, connect_within_ms=200, reply_within_ms=200)


def test_a_lock_left_by_a_killed_copy_does_not_block(qapp, data_dir, first_copies):
    holder = child(HOLD_THE_LOCK, data_dir)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert claim(data_dir) is None  # alive, it keeps the lock
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    assert single_instance.lock_path(data_dir).exists()  # left behind by the kill

    first = claim(data_dir)
    assert first is not None
    first_copies.append(first)


def test_a_launch_before_the_first_copy_listens_is_answered_once_it_does(
    qapp, qtbot, data_dir, first_copies
):
    first = claim(data_dir)  # the lock at once; the socket only after the first frame
    first_copies.append(first)
    requests: list[bool] = []
    first.show_requested.connect(lambda: requests.append(True))
    second = child(ASK_TO_SHOW, data_dir)
    qtbot.wait(300)
    first.listen()
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    assert second.stdout.read().strip() == "shown"
    assert requests == [True]
