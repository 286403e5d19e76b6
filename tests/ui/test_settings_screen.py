"""The settings screen: a control for every declared setting, each press saved, reset asked.

Built on a real settings file in a temporary folder, so "saved" means the file says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from alshome.platform.settings import SETTINGS, SETTINGS_FILE, Setting, Settings
from alshome.programs.document import DocumentError
from alshome.ui.screens.settings import GROUPS, SettingsScreen, stepped
from alshome.ui.theme import PRIMARY_HEIGHT, TARGET_HEIGHT, style_for

NUMBERS = [setting for setting in SETTINGS if setting.type in (int, float)]
DEFAULTS = {setting.key: setting.default for setting in SETTINGS}
HEIGHT_IN_WINDOW = 720 - 60  # a 1280x720 window less its footer


@dataclass
class Rig:
    screen: SettingsScreen
    settings: Settings
    folder: Path
    changes: list[str] = field(default_factory=list)
    closed: list[bool] = field(default_factory=list)
    voice_tries: list[bool] = field(default_factory=list)

    def saved(self) -> dict[str, object]:
        return json.loads((self.folder / SETTINGS_FILE).read_text())

    def value(self, key: str):
        return self.settings.get(key)

    def row(self, key: str):
        return self.screen.rows[key]

    def choice(self, key: str, choice: str) -> QAbstractButton:
        return self.row(key).choices[choice]


def make_rig(qtbot, folder: Path, try_voice: bool = True) -> Rig:
    settings = Settings.load(folder)
    rig = Rig(None, settings, folder)
    rig.screen = SettingsScreen(
        settings,
        rig.changes.append,
        lambda: rig.closed.append(True),
        on_try_voice=(lambda: rig.voice_tries.append(True)) if try_voice else None,
    )
    qtbot.addWidget(rig.screen)
    rig.screen.resize(1280, 720)
    rig.screen.show()
    qtbot.waitExposed(rig.screen)
    rig.screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is rig.screen)
    return rig


def style(theme: str = "light", scale: int = 100) -> None:
    app = QApplication.instance()
    sheet = style_for(theme, scale)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


@pytest.fixture
def rig(qtbot, tmp_path):
    style()
    return make_rig(qtbot, tmp_path)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


# ----- one control per declared setting --------------------------------------------------


def test_every_declared_setting_has_a_control_of_its_kind_under_one_heading(rig):
    grouped = [key for _heading, keys in GROUPS for key in keys]
    assert sorted(grouped) == sorted(setting.key for setting in SETTINGS)
    assert len(grouped) == len(set(grouped))
    for setting in SETTINGS:
        controls = rig.row(setting.key).buttons
        assert controls and all(widget.isVisible() for widget in controls), setting.key
        if setting.type is bool:
            assert len(controls) == 1 and controls[0].isCheckable()
        elif setting.type in (int, float):
            assert [widget.isCheckable() for widget in controls] == [False, False]
        else:
            assert len(controls) == len(setting.choices)
            assert all(widget.isCheckable() for widget in controls)


def test_values_read_as_people_say_them(qtbot, tmp_path):
    style()
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        rig = make_rig(qtbot, tmp_path)
        shown = {setting.key: rig.row(setting.key).shown.text() for setting in NUMBERS}
    finally:
        QLocale.setDefault(previous)
    assert shown == {
        "auto_advance_factor": "× 1",
        "lead_in_seconds": "3 seconds",
        "text_scale": "100 %",
        "voice_rate": "Normal",
        "voice_volume": "80 %",
        "scan_interval": "1.5 seconds",
        "scan_first_pause": "1.5 seconds",
        "scan_loops": "3",
        "reminder_time": "10:00",
    }


# ----- numbers -------------------------------------------------------------------------


@pytest.mark.parametrize("setting", NUMBERS, ids=lambda setting: setting.key)
def test_more_and_less_move_one_step_and_save(rig, setting):
    more, less = rig.row(setting.key).more, rig.row(setting.key).less
    more.click()
    raised = min(setting.default + setting.step, setting.maximum)
    assert rig.value(setting.key) == pytest.approx(raised)
    assert rig.saved()[setting.key] == pytest.approx(raised)
    assert rig.changes == [setting.key]
    less.click()
    less.click()
    lowered = max(raised - 2 * setting.step, setting.minimum)
    assert rig.value(setting.key) == pytest.approx(lowered)
    assert rig.saved()[setting.key] == pytest.approx(lowered)


def test_text_size_stops_at_its_bounds_with_the_button_disabled(rig):
    row = rig.row("text_scale")
    assert not row.less.isEnabled()
    seen = []
    while row.more.isEnabled():
        row.more.click()
        seen.append(rig.value("text_scale"))
    assert seen == [125, 150, 175, 200]
    assert row.shown.text() == "200 %"
    assert rig.saved()["text_scale"] == 200
    assert row.less.isEnabled()


def test_reaching_a_bound_keeps_the_focus_in_the_row(rig):
    row = rig.row("auto_advance_factor")
    row.more.setFocus()
    for _ in range(9):
        row.more.click()
    assert rig.value("auto_advance_factor") == 10
    assert not row.more.isEnabled()
    assert row.less.hasFocus()


def test_a_step_moves_to_the_next_step_from_a_value_between_steps():
    setting = Setting("x", float, 0.8, "x", minimum=0.0, maximum=1.0, step=0.25)
    assert stepped(setting, 0.8, 1) == 1.0
    assert stepped(setting, 0.8, -1) == 0.75
    assert stepped(setting, 0.75, -1) == 0.5
    assert stepped(setting, 1.0, 1) == 1.0


def test_the_buttons_describe_the_value_they_change(rig):
    row = rig.row("voice_volume")
    assert row.more.accessibleName() == "Volume: more"
    assert row.less.accessibleName() == "Volume: less"
    assert "80 %" in row.more.accessibleDescription()
    row.less.click()
    assert "0 %" in row.more.accessibleDescription()


# ----- on and off, choices and days ----------------------------------------------------


def test_a_toggle_says_its_state_in_words_and_a_tick(rig):
    switch = rig.row("auto_advance").switch
    assert (switch.text(), switch.isChecked()) == ("Off", False)
    switch.click()
    assert rig.value("auto_advance") is True
    assert (switch.text(), switch.isChecked()) == ("✓ On", True)
    assert rig.saved()["auto_advance"] is True
    switch.click()
    assert rig.value("auto_advance") is False
    assert switch.text() == "Off"


def test_a_choice_is_chosen_with_a_tick_on_it_alone(rig):
    rig.choice("theme", "dark").click()
    assert rig.value("theme") == "dark"
    assert rig.saved()["theme"] == "dark"
    texts = {choice: widget.text() for choice, widget in rig.row("theme").choices.items()}
    assert texts == {"light": "Light", "dark": "✓ Dark", "high_contrast": "High contrast"}
    assert [widget.isChecked() for widget in rig.row("theme").buttons] == [False, True, False]
    rig.choice("theme", "dark").click()  # choosing it again keeps it chosen
    assert rig.choice("theme", "dark").isChecked()
    assert rig.value("theme") == "dark"


def test_each_day_toggles_on_its_own(rig):
    rig.choice("preferred_days", "tue").click()
    assert rig.value("preferred_days") == ("mon", "tue", "thu")
    rig.choice("preferred_days", "mon").click()
    assert rig.value("preferred_days") == ("tue", "thu")
    assert rig.saved()["preferred_days"] == ["tue", "thu"]
    ticked = [widget.text() for widget in rig.row("preferred_days").buttons if "✓" in widget.text()]
    assert ticked == ["✓ Tuesday", "✓ Thursday"]


def test_refresh_shows_a_change_made_elsewhere(rig):
    rig.settings.set("scan_mode", "step")
    rig.screen.refresh()
    assert rig.choice("scan_mode", "step").isChecked()
    assert rig.choice("scan_mode", "step").text().startswith("✓")
    assert not rig.choice("scan_mode", "off").isChecked()


# ----- reset, saving, the bottom row ---------------------------------------------------


def test_reset_asks_first_and_no_keeps_every_value(rig):
    rig.choice("theme", "high_contrast").click()
    rig.row("text_scale").more.click()
    rig.screen.reset.click()
    assert rig.screen.question.isVisible()
    assert not rig.screen.scroll.isVisible()
    assert rig.screen.no.hasFocus()
    assert rig.screen.first_focus() is rig.screen.no
    rig.screen.no.click()
    assert rig.value("theme") == "high_contrast"
    assert rig.value("text_scale") == 125
    assert rig.screen.scroll.isVisible() and not rig.screen.question.isVisible()


def test_reset_yes_restores_every_default_saves_and_reports_every_key(rig):
    rig.choice("theme", "dark").click()
    rig.row("auto_advance").switch.click()
    rig.choice("preferred_days", "sun").click()
    rig.changes.clear()
    rig.screen.reset.click()
    rig.screen.yes.click()
    assert {key: rig.value(key) for key in DEFAULTS} == DEFAULTS
    saved = rig.saved()
    assert {key: saved[key] for key in DEFAULTS} == json.loads(json.dumps(DEFAULTS))
    assert sorted(rig.changes) == sorted(DEFAULTS)
    assert rig.choice("theme", "light").isChecked()
    assert rig.row("auto_advance").switch.text() == "Off"
    assert not rig.choice("preferred_days", "sun").isChecked()
    assert rig.screen.scroll.isVisible()


@pytest.mark.parametrize("error", [DocumentError("cannot be written"), PermissionError(13, "no")])
def test_a_failed_save_says_so_and_keeps_the_value(rig, monkeypatch, error):
    def fail():
        raise error

    assert not rig.screen.problem.isVisible()
    with monkeypatch.context() as patch:
        patch.setattr(rig.settings, "save", fail)
        rig.row("lead_in_seconds").more.click()
    assert rig.screen.problem.isVisible()
    assert "could not be saved" in rig.screen.problem.text()
    assert rig.value("lead_in_seconds") == 4
    assert rig.changes == ["lead_in_seconds"]
    rig.row("lead_in_seconds").more.click()  # saving works again
    assert not rig.screen.problem.isVisible()
    assert rig.saved()["lead_in_seconds"] == 5


def test_done_closes_and_try_the_voice_calls_back(rig):
    rig.screen.try_voice.click()
    assert rig.voice_tries == [True]
    rig.screen.primary.click()
    assert rig.closed == [True]


def test_try_the_voice_is_hidden_without_a_voice(qtbot, tmp_path):
    style()
    rig = make_rig(qtbot, tmp_path, try_voice=False)
    assert not rig.screen.try_voice.isVisible()


def test_the_notice_shows_and_hides(rig):
    rig.screen.show_notice("No speech engine was found.")
    assert rig.screen.notice.isVisible()
    assert rig.screen.notice.text() == "No speech engine was found."
    rig.screen.show_notice("")
    assert not rig.screen.notice.isVisible()


# ----- reaching every control ----------------------------------------------------------


def in_view(rig, widget: QWidget) -> bool:
    viewport = rig.screen.scroll.viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft())
    bottom = widget.mapTo(viewport, widget.rect().bottomRight())
    return top.y() >= 0 and bottom.y() <= viewport.height()


def test_focus_on_a_control_below_scrolls_it_into_view(rig):
    last = rig.row("start_with_desktop").switch
    settle()
    assert not in_view(rig, last)
    last.setFocus()  # as the switch scanner moves the focus
    settle()
    assert in_view(rig, last)
    first = rig.screen.first_focus()
    assert first is rig.row("auto_advance").switch
    first.setFocus()
    settle()
    assert in_view(rig, first)
    assert rig.screen.scroll.verticalScrollBar().value() == 0


def test_the_focus_order_runs_top_to_bottom_then_the_bottom_row(rig):
    controls = rig.screen.controls
    found = []
    widget = controls[0]
    for _ in range(500):
        if widget in controls and widget not in found:
            found.append(widget)
        widget = widget.nextInFocusChain()
    assert found == controls
    assert controls[-3:] == [rig.screen.primary, rig.screen.try_voice, rig.screen.reset]
    middles = [widget.mapTo(rig.screen, widget.rect().center()).y() for widget in controls[:-3]]
    assert middles == sorted(middles)


@pytest.mark.parametrize("scale", [100, 200])
def test_every_button_is_named_large_and_fits_its_words(qtbot, tmp_path, scale):
    style("light", scale)
    try:
        rig = make_rig(qtbot, tmp_path)
        rig.screen.resize(1280, HEIGHT_IN_WINDOW)
        rig.screen.show_notice(  # the longest sentence the voice guide gives
            "Spoken guidance and the chime are off because a file they need is missing on "
            "this computer (libQt6Multimedia.so.6); installing the package that holds it, "
            "or reinstalling alshome, brings them back."
        )
        rig.screen.problem.show()
        settle()
        assert rig.screen.layout().minimumHeightForWidth(1280) <= HEIGHT_IN_WINDOW
        # Even with both sentences shown, a setting and its label fit in view together.
        assert rig.screen.scroll.viewport().height() >= rig.row("reminder_time").height()
        check_buttons(rig.screen)
        rig.screen.reset.click()
        settle()
        check_buttons(rig.screen)
    finally:
        style()


def check_buttons(screen: SettingsScreen) -> None:
    buttons = [widget for widget in screen.findChildren(QAbstractButton) if widget.isVisible()]
    assert len(buttons) >= 2
    for widget in buttons:
        name = widget.accessibleName()
        assert name.strip(), widget.text()
        assert widget.height() >= TARGET_HEIGHT, (name, widget.height())
        needed = widget.fontMetrics().horizontalAdvance(widget.text())
        assert needed < widget.width(), (name, needed, widget.width())
    if screen.primary.isVisible():
        assert screen.primary.height() >= PRIMARY_HEIGHT
