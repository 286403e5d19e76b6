"""Helpers for the servers and programs the tests start in the background."""

from __future__ import annotations

import os

from alshome.platform.processes import end_with_parent


def die_with_parent() -> None:
    """In the child (a `preexec_fn`): get SIGTERM if pytest dies, so no server outlives a
    killed run (Linux; elsewhere nothing happens)."""
    end_with_parent(os.getppid())

