"""poppler's tools, reading a report back as a clinic's PDF viewer would; a machine
without them skips the tests that use them (CI installs them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

TOOLS = ("pdfinfo", "pdftoppm", "pdftotext", "pdfimages")


def skip_without_poppler() -> None:
    if not all(shutil.which(tool) for tool in TOOLS) and not os.environ.get("CI"):
        pytest.skip("poppler-utils is not installed", allow_module_level=True)


def poppler(*arguments: str | Path) -> str:
    return subprocess.run(
        [str(argument) for argument in arguments], capture_output=True, text=True, check=True
    ).stdout


def written(tmp_path: Path, data: bytes, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def page_text(pdf: Path, page: int) -> str:
    """The words of one page (from 1), on one line, in the order drawn (a table cell's lines
    together), ligatures such as "ﬁ" written out."""
    text = poppler("pdftotext", "-raw", "-f", page, "-l", page, pdf, "-")
    return " ".join(unicodedata.normalize("NFKC", text).split())


def image_pages(pdf: Path) -> list[int]:
    """The page of each image, in the order they are drawn."""
    listed = poppler("pdfimages", "-list", pdf).splitlines()[2:]  # under the header lines
    return [int(line.split()[0]) for line in listed]
