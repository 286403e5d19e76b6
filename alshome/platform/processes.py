"""A worker process that ends with the process that started it.

A supervisor that is stopped stops its workers; one that is killed outright (SIGKILL, the
out-of-memory killer) cannot, and its workers would go on with nobody to stop them,
holding the port and their database connections, so that a server started again finds
its port taken. Linux sends a process a signal of its choosing when its parent ends
(prctl PR_SET_PDEATHSIG); elsewhere nothing is done.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def end_with_parent(parent_pid: int, signal_number: int = signal.SIGTERM) -> None:
    """Have this process sent `signal_number` when its parent ends, or now if the parent
    (`parent_pid`) ended before this was asked.

    The kernel's parent is the thread that started this process: the request holds for a
    process started from its parent's main thread, as uvicorn's supervisor starts its
    workers. SIGTERM by default: a server stops as its supervisor would have stopped it.
    """
    if not sys.platform.startswith("linux"):
        return
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal_number) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent_pid:
        os.kill(os.getpid(), signal_number)
