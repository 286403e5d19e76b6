"""The built-in example program that makes the app usable at first launch."""

from __future__ import annotations

from typing import Any

from alshome.platform.resources import resource
from alshome.programs.document import read_json_file

DEMO_FILE = resource("programs", "demo.json")


def demo_document() -> dict[str, Any]:
    return read_json_file(DEMO_FILE)
