"""The tray reminder, driven by the rig's manual clock: nothing here waits for real time.

The rig's clock starts on Monday 5 January 2026 at 10:00, local time; the default
session days are Monday and Thursday.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from alshome.platform.settings import Settings
from alshome.ui.reminders import CHECK_EVERY_MS, ReminderService

MESSAGE = "Time for today's exercises, when you are ready."


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """A desktop with a system tray whose notifications are collected."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda tray, title, text, *rest: shown.append((title, text))
    )
    return shown


@pytest.fixture
def settings(tmp_path) -> Settings:
    settings = Settings(tmp_path / "settings.json")
    settings.set("reminder", True)
    settings.set("reminder_time", 11 * 60)
    return settings


def service_for(rig, settings) -> ReminderService:
    return ReminderService(settings, rig.history, rig.window, rig.clock)


def at_hour(rig, hours: float):
    return rig.clock.wall() + timedelta(hours=hours)


def test_it_waits_for_todays_reminder_time_then_reminds_once(rig, settings, messages):
    service = service_for(rig, settings)
    assert service.tray.isVisible()
    assert service.next_moment == at_hour(rig, 1)
    assert service.timer.isActive()
    assert service.timer.interval() == CHECK_EVERY_MS, "never one long wait"
    rig.clock.advance(3600)
    service.check()
    assert messages == [("alshome", MESSAGE)]
    assert service.next_moment == at_hour(rig, 72), "then Thursday at 11:00"
    service.check()
    assert len(messages) == 1


def test_a_wake_before_the_moment_only_waits_on(rig, settings, messages):
    service = service_for(rig, settings)
    rig.clock.advance(50 * 60)
    service.check()
    assert messages == []
    assert service.timer.interval() == 10 * 60 * 1000
    rig.clock.advance(10 * 60)
    service.check()
    assert len(messages) == 1


def test_the_last_wait_ends_exactly_at_the_moment(rig, settings, messages):
    service = service_for(rig, settings)
    rig.clock.advance(55 * 60)
    service.check()
    assert service.timer.interval() == 5 * 60 * 1000


def test_no_reminder_once_a_session_was_started_today(rig, settings, messages):
    service = service_for(rig, settings)
    rig.history.starts = [at_hour(rig, 0.5)]
    rig.clock.advance(3600)
    service.check()
    assert messages == []
    assert service.next_moment == at_hour(rig, 72), "Thursday 11:00"


def test_no_reminder_once_the_weeks_target_is_met(rig, settings, messages):
    service = service_for(rig, settings)
    monday = rig.clock.wall()
    rig.history.starts = [monday - timedelta(hours=1), monday - timedelta(minutes=30)]
    rig.clock.advance(72 * 3600 + 3600)  # Thursday 11:00
    service.check()
    assert messages == []


def test_a_session_done_before_the_app_arms_skips_today(rig, settings, messages):
    rig.history.starts = [rig.clock.wall() - timedelta(hours=1)]
    service = service_for(rig, settings)
    assert service.next_moment == at_hour(rig, 73)


def test_a_moment_slept_through_is_not_shown_on_another_day(rig, settings, messages):
    service = service_for(rig, settings)
    rig.clock.advance(26 * 3600)  # Tuesday, the computer woke from a suspend
    service.check()
    assert messages == []
    assert service.next_moment == at_hour(rig, 47), "Thursday 11:00"


def test_reminders_off_means_no_icon_and_no_timer(rig, settings, messages):
    settings.set("reminder", False)
    service = service_for(rig, settings)
    assert service.tray is None
    assert not service.timer.isActive()


def test_changing_the_settings_rearms(rig, settings, messages):
    service = service_for(rig, settings)
    settings.set("reminder_time", 12 * 60)
    service.follow_setting("voice")
    assert service.next_moment == at_hour(rig, 1), "another setting changes nothing"
    service.follow_setting("reminder_time")
    assert service.next_moment == at_hour(rig, 2)
    settings.set("reminder", False)
    service.follow_setting("reminder")
    assert not service.tray.isVisible()
    assert not service.timer.isActive()
    assert service.next_moment is None


def test_without_session_days_nothing_is_armed(rig, settings, messages):
    settings.set("preferred_days", [])
    service = service_for(rig, settings)
    assert service.next_moment is None
    assert not service.timer.isActive()


def test_without_a_system_tray_nothing_happens_and_nothing_fails(rig, settings, monkeypatch):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    service = service_for(rig, settings)
    assert service.tray is None
    assert not service.timer.isActive()
    service.check()


def test_clicking_the_message_brings_the_window_back(rig, settings, messages):
    service = service_for(rig, settings)
    rig.window.showMinimized()
    rig.qtbot.waitUntil(rig.window.isMinimized)
    service.tray.messageClicked.emit()
    assert not rig.window.isMinimized()
    assert rig.window.isVisible()


def test_the_icon_has_a_picture_and_a_menu_to_open_the_window(rig, settings, messages):
    service = service_for(rig, settings)
    assert not service.tray.icon().isNull()
    actions = service.tray.contextMenu().actions()
    assert [action.text() for action in actions] == ["Open alshome"]
