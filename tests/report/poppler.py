"""poppler's tools, reading a report back as a clinic's PDF viewer would; a machine
without them skips the tests that use them (CI installs them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Image:
    page: int
    height_pt: float  # as drawn on the page


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    top: float  # points from the page's top
    bottom: float


def images(pdf: Path) -> list[Image]:
    """Each image in the order drawn, with its height on the page (its pixels at its ppi)."""
    listed = poppler("pdfimages", "-list", pdf).splitlines()[2:]  # under the header lines
    found = []
    for row in listed:
        fields = row.split()
        page, height, y_ppi = int(fields[0]), int(fields[4]), float(fields[13])
        found.append(Image(page, height / y_ppi * 72))
    return found


def lines(pdf: Path) -> list[Line]:
    """Every line of text with its page and its top and bottom, from `pdftotext -bbox-layout`."""
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(poppler("pdftotext", "-bbox-layout", pdf, "-"))
    found = []
    for number, page in enumerate(root.iterfind(".//x:page", namespace), start=1):
        for line in page.iterfind(".//x:line", namespace):
            words = [word.text or "" for word in line.iterfind("x:word", namespace)]
            text = unicodedata.normalize("NFKC", " ".join(words))
            found.append(Line(number, text, float(line.get("yMin")), float(line.get("yMax"))))
    return found
