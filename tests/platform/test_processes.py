"""A worker that ends with its parent: the parent's end is signalled to it, and one whose
parent ended before it asked is signalled at once (Linux)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

ASK = "import sys; from alshome.platform.processes import end_with_parent; "

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", ASK + code],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


def test_a_parent_that_ended_already_is_signalled_at_once():
    ended = run("end_with_parent(-1); import time; time.sleep(10); sys.exit(3)")
    assert ended.returncode == -signal.SIGTERM, ended.stderr


def test_a_living_parent_lets_it_be():
    kept = run("import os; end_with_parent(os.getppid()); sys.exit(3)")
    assert kept.returncode == 3, kept.stderr
