"""Helpers for the servers and programs the tests start in the background."""

from __future__ import annotations

import contextlib
import ctypes
import signal


def die_with_parent() -> None:
    """In the child (a `preexec_fn`): get SIGTERM if pytest dies, so no server outlives a
    killed run (Linux; elsewhere nothing happens)."""
    with contextlib.suppress(OSError, AttributeError):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
