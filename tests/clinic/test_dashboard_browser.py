"""The dashboard in a real browser: Debian's chromium, headless, driven by Selenium through
chromium-driver, against a clinic server this test starts on a real PostgreSQL.

One therapist's Monday: log in by keyboard, see the flagged patient first, open them,
read a chart's text alternative, follow a flag to its evidence, publish a program, add
and pair a patient, log out.
Every page is checked for what can be checked without axe-core (not available offline):
a language, landmarks, one h1 and headings in order, a name for every field and button,
a visible focus on everything the keyboard reaches, and no sideways scrolling on a
tablet or at 200 % zoom. Screenshots of each size are kept in the test's folder
(ALSHOME_DASHBOARD_SHOTS names another) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from alshome.clinic import dashboard
from alshome.clinic.accounts import NewPatient, add_patient
from alshome.clinic.api import create_app
from alshome.programs.demo import demo_document
from alshome.programs.transfer import program_file_text
from tests.clinic.conftest import PASSWORD, THERAPIST, batch_of, pair
from tests.tools.ci import skip_or_fail

pytestmark = pytest.mark.databases("postgresql")

TODAY = date(2026, 3, 9)
SIZES = {"desktop": (1366, 768), "tablet": (768, 1024)}

# What each page must have, read in the browser (a page's own words, not its markup).
PAGE_RULES = """
const problems = [];
if (!document.documentElement.lang) problems.push('no lang');
if (document.querySelectorAll('main').length !== 1) problems.push('not one main');
if (!document.querySelector('header')) problems.push('no header');
const headings = [...document.querySelectorAll('h1, h2, h3, h4')];
if (document.querySelectorAll('h1').length !== 1) problems.push('not one h1');
let level = 0;
for (const h of headings) {
  const next = Number(h.tagName[1]);
  if (next > level + 1) problems.push('heading skips to ' + h.tagName + ': ' + h.textContent);
  level = next;
}
for (const field of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
  if (!field.labels.length && !field.getAttribute('aria-label'))
    problems.push('unlabelled ' + field.name);
}
for (const button of document.querySelectorAll('button, a')) {
  if (!(button.getAttribute('aria-label') || button.textContent).trim())
    problems.push('nameless ' + button.outerHTML);
}
for (const th of document.querySelectorAll('th')) {
  if (!th.getAttribute('scope')) problems.push('th without scope: ' + th.textContent);
}
for (const svg of document.querySelectorAll('svg')) {
  const ids = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
  if (svg.getAttribute('role') !== 'img' || !ids.every(id => document.getElementById(id)))
    problems.push('chart without a name');
}
if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('scrolls sideways');
return problems;
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def browser_tools() -> tuple[str, str]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver is None:
        skip_or_fail(
            "Debian's chromium and chromium-driver are not installed; "
            "`packaging/bootstrap.sh test` installs them"
        )
    return chromium, driver


@pytest.fixture
def server(
    clinic: Engine,
    therapist: str,
    patient: NewPatient,
    app_export: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[str]:
    """The clinic server on the loopback address, with one patient's history shared and
    one patient with none; its address."""
    monkeypatch.setattr(dashboard, "today", lambda: TODAY)
    app = create_app(engine=clinic)
    with TestClient(app, base_url="https://clinic.example") as client:
        device = pair(client, patient.pairing_code)
        client.post("/api/v1/upload", json=batch_of(app_export), headers=device)
    add_patient(clinic, therapist, "Aaron", "command:test")
    port = free_port()
    uvicorn_server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started:
        assert time.monotonic() < deadline, "the clinic server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(10)


@pytest.fixture
def browser(browser_tools: tuple[str, str]) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = browser_tools
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--lang=en-GB"):
        options.add_argument(argument)
    options.add_argument("--window-size=1366,768")
    web = webdriver.Chrome(service=Service(driver), options=options)
    web.implicitly_wait(5)
    yield web
    web.quit()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ALSHOME_DASHBOARD_SHOTS", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def viewport(web: Any, width: int, height: int, zoom: float = 1) -> None:
    """A viewport of `width` x `height` screen pixels at `zoom` (200 % halves its CSS size)."""
    web.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": int(width / zoom),
            "height": int(height / zoom),
            "deviceScaleFactor": zoom,
            "mobile": False,
        },
    )


def check_page(web: Any, shots: Path, name: str) -> None:
    """The page's rules at every size, and a screenshot of each."""
    for size, (width, height) in SIZES.items():
        viewport(web, width, height)
        assert web.execute_script(PAGE_RULES) == [], f"{name} at {size}"
        web.save_screenshot(str(shots / f"{name}-{size}.png"))
    viewport(web, 1366, 768, zoom=2)
    assert web.execute_script(PAGE_RULES) == [], f"{name} at 200 %"
    web.save_screenshot(str(shots / f"{name}-zoom200.png"))
    viewport(web, 1366, web.execute_script("return document.documentElement.scrollHeight"))
    web.save_screenshot(str(shots / f"{name}-whole.png"))
    viewport(web, 1366, 768)


def tab(web: Any, times: int = 1) -> Any:
    """Press Tab; the element that has the focus then."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for _ in range(times):
        ActionChains(web).send_keys(Keys.TAB).perform()
    return web.switch_to.active_element


def focus_is_visible(web: Any, element: Any) -> bool:
    style = web.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];",
        element,
    )
    return style[0] != "none" and style[1] not in ("0px", "")


def test_a_therapists_monday_in_the_browser(
    server: str, browser: Any, shots: Path, tmp_path: Path, patient: NewPatient
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    web = browser
    web.get(f"{server}/patients")
    assert web.current_url == f"{server}/login"
    check_page(web, shots, "login")

    # keyboard only: the skip link first, then the fields
    skip = tab(web)
    assert skip.text == "Skip to the content" and focus_is_visible(web, skip)
    email = tab(web)
    assert email.get_attribute("id") == "email" and focus_is_visible(web, email)
    email.send_keys(THERAPIST)
    password = tab(web)
    password.send_keys(PASSWORD, Keys.ENTER)
    assert web.current_url == f"{server}/patients"

    # the flagged patient first, reached by keyboard
    rows = web.find_elements(By.CSS_SELECTOR, "table.patients tbody th a")
    assert [row.text for row in rows] == ["Sam", "Aaron"]
    check_page(web, shots, "patients")
    web.get(f"{server}/patients")
    reached = []
    for _ in range(20):
        element = tab(web)
        assert focus_is_visible(web, element), element.get_attribute("outerHTML")
        reached.append(element.text)
        if element.text == "Sam":
            break
    assert reached[-1] == "Sam", reached
    web.switch_to.active_element.send_keys(Keys.ENTER)
    assert web.current_url == f"{server}/patients/{patient.patient_id}"

    # a chart's text alternative
    chart = web.find_element(By.CSS_SELECTOR, "svg[role=img]")
    names = [
        web.find_element(By.ID, name).get_attribute("textContent")
        for name in chart.get_attribute("aria-labelledby").split()
    ]
    assert names[0] == "Sessions a week against the target"
    assert "weeks met the target" in names[1]
    assert "Could no longer lift Knee straightening" in web.find_element(By.ID, "main").text
    check_page(web, shots, "patient")

    # a flag's evidence: the session it names, with its sets
    web.find_element(By.PARTIAL_LINK_TEXT, "Lift check of").click()
    assert "could not lift it without the weight" in web.find_element(By.ID, "main").text
    check_page(web, shots, "session")

    # publish a program
    program = tmp_path / "strength.json"
    program.write_text(program_file_text({**demo_document(), "version": 7}))
    web.get(f"{server}/patients/{patient.patient_id}/program")
    web.find_element(By.ID, "program").send_keys(str(program))
    web.find_element(By.CSS_SELECTOR, "main form button").click()
    assert "version 7" in web.find_element(By.CSS_SELECTOR, "[role=status]").text
    check_page(web, shots, "program")

    # add a patient and show their pairing code
    web.get(f"{server}/pairing")
    check_page(web, shots, "add-patient")
    web.find_element(By.ID, "name").send_keys("Kim", Keys.ENTER)
    code = web.find_element(By.CSS_SELECTOR, ".pairing-code").text
    assert len(code) == 9 and code[4] == "-"
    assert code in web.find_element(By.CSS_SELECTOR, "img.qr").get_attribute("alt")
    check_page(web, shots, "pairing")

    # log out; the pages are closed again
    web.find_element(By.CSS_SELECTOR, ".logout button").click()
    assert web.current_url == f"{server}/login"
    web.get(f"{server}/patients/{patient.patient_id}")
    assert web.current_url == f"{server}/login"
