"""Tools the packaging tests run: skipped on a developer's machine without them, never on CI.

`packaging/bootstrap.sh test` installs them (Debian packages desktop-file-utils and
appstream), so on CI a missing tool is a set-up bug and fails the test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable

import pytest


@pytest.fixture
def tool() -> Callable[[str, str], str]:
    def find(command: str, debian_package: str) -> str:
        path = shutil.which(command)
        if path is not None:
            return path
        reason = (
            f"{command} is not installed; `packaging/bootstrap.sh test` installs it "
            f"(Debian package {debian_package})"
        )
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
        pytest.skip(reason)

    return find
