"""Helpers for the servers and programs the tests start in the background."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from alshome.platform.processes import end_with_parent


def die_with_parent() -> None:
    """In the child (a `preexec_fn`): get SIGTERM if pytest dies, so no server outlives a
    killed run (Linux; elsewhere nothing happens)."""
    end_with_parent(os.getppid())


def descendants(pid: int) -> list[int]:
    """The processes `pid` started, and those they started, from /proc (Linux): a server's
    workers. One not yet reaped is among them."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):  # a process that ended meanwhile
            children.setdefault(_state_and_parent(stat)[1], []).append(int(stat.parent.name))
    found: list[int] = []
    waiting = [pid]
    while waiting:
        started = children.get(waiting.pop(), [])
        found += started
        waiting += started
    return found


def running(pid: int) -> bool:
    """Whether the process is alive: not ended, nor ended and waiting to be reaped."""
    try:
        return _state_and_parent(Path(f"/proc/{pid}/stat"))[0] != "Z"
    except OSError:
        return False


def _state_and_parent(stat: Path) -> tuple[str, int]:
    """A process's state ("Z": ended, not yet reaped) and its parent's id, from its /proc
    stat (after the command's name, which may hold any character)."""
    state, parent = stat.read_text().rsplit(")", 1)[1].split()[:2]
    return state, int(parent)
