"""The dashboard's colours, computed from its stylesheet (WCAG 2.2 AA: 4.5:1 for text,
3:1 for focus rings, field borders and chart marks), and the rules every page served
keeps without a browser: a language, a skip link to the main landmark, one h1, headings
in order, a label for every field, a scope for every table header."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from alshome.clinic.accounts import NewPatient
from alshome.clinic.dashboard import HERE

STYLESHEET = (HERE / "static" / "dashboard.css").read_text()
WHITE = "#ffffff"

# (foreground, background) of each text the pages show
TEXT_PAIRS = [
    ("--text", "--page"),
    ("--text", "--panel"),
    ("--muted", "--page"),
    ("--muted", "--panel"),
    ("--link", "--page"),
    ("--link", "--panel"),
    (WHITE, "--link"),
    ("--urgent", "--page"),
    ("--urgent", "--urgent-page"),
    ("--soon", "--soon-page"),
    ("--ok", "--page"),
]
# (mark, background) of what must be seen but is not text
MARK_PAIRS = [
    ("--focus", "--page"),
    ("--focus", "--panel"),
    ("--line", "--page"),
    ("--bar", "--page"),
    ("--target", "--page"),
    ("--urgent", "--page"),
    ("--soon", "--page"),
]


def colour(name: str) -> str:
    if name.startswith("#"):
        return name
    found = re.search(rf"{re.escape(name)}:\s*(#[0-9a-fA-F]{{6}});", STYLESHEET)
    assert found is not None, f"{name} is not a colour of the stylesheet"
    return found.group(1)


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((luminance(colour(foreground)), luminance(colour(background))))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS)
def test_text_contrast(foreground: str, background: str) -> None:
    assert contrast(foreground, background) >= 4.5


@pytest.mark.parametrize(("mark", "background"), MARK_PAIRS)
def test_marks_contrast(mark: str, background: str) -> None:
    assert contrast(mark, background) >= 3


def test_the_contrast_is_computed_right() -> None:
    assert round(contrast("#000000", WHITE), 1) == 21.0
    assert round(contrast("#767676", WHITE), 2) == 4.54


class Outline(HTMLParser):
    """What the rules read of a page: its language, headings, fields, labels, headers."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.headings: list[int] = []
        self.fields: list[str | None] = []
        self.labelled: set[str] = set()
        self.unscoped = 0
        self.landmarks: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("input", "select", "textarea") and attributes.get("type") != "hidden":
            self.fields.append(attributes.get("id"))
        if tag == "label":
            self.labelled.add(attributes.get("for") or "")
        if tag == "th" and not attributes.get("scope"):
            self.unscoped += 1
        if tag in ("main", "nav", "header", "footer"):
            self.landmarks.add(tag)
        if tag == "a":
            self.links.append(attributes.get("href") or "")


def outline(page: str) -> Outline:
    parsed = Outline()
    parsed.feed(page)
    return parsed


def assert_accessible(page: str, logged_in: bool = True) -> None:
    parsed = outline(page)
    assert parsed.lang == "en"
    assert parsed.links[0] == "#main" and 'id="main"' in page
    assert {"main", "header", "footer"} <= parsed.landmarks
    assert ("nav" in parsed.landmarks) == logged_in
    assert parsed.headings.count(1) == 1 and parsed.headings[0] == 1
    assert all(b <= a + 1 for a, b in zip(parsed.headings, parsed.headings[1:], strict=False))
    assert all(field in parsed.labelled for field in parsed.fields)
    assert parsed.unscoped == 0


def test_the_login_page(client: TestClient) -> None:
    assert_accessible(client.get("/login").text, logged_in=False)


def test_every_page_of_a_patient(
    client: TestClient, csrf: str, patient: NewPatient, other_patient: NewPatient
) -> None:
    pages = [
        "/patients",
        "/pairing",
        f"/patients/{patient.patient_id}",
        f"/patients/{patient.patient_id}/program",
        f"/patients/{patient.patient_id}/pairing",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_accessible(response.text)
        assert "default-src 'none'" in response.headers["content-security-policy"]
