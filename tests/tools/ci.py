"""What a test does when a tool it needs is missing: skip here, fail on CI.

A developer without Xvfb or PostgreSQL still runs the rest of the suite; CI installs both
(`packaging/bootstrap.sh test`), so there a missing one is a setup bug that must not pass
as a silently skipped test.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_or_fail(reason: str) -> NoReturn:
    """Skip on a developer's machine; fail on CI, where a missing tool is a setup bug."""
    if on_ci():
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)
