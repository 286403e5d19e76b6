"""The window opens inside a screen that is there, as it was left, and says where it was.

Real screens, a window manager's frame and a second launch are tested under Xvfb with
openbox (tests/e2e/test_screens.py); here the rules themselves, on made-up screens.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QRect, QSize

from alshome.platform.settings import SETTINGS_FILE, Settings, WindowPlace
from alshome.ui.pages import Page
from alshome.ui.placement import FRAME, first_place, restored_place
from alshome.ui.window_services import WindowServices
from tests.ui.conftest import make_rig
from tests.ui.tour import settle

LAPTOP = QRect(0, 0, 1366, 768 - 32)  # a 1366x768 screen under a 32 px panel
LARGE = QRect(0, 0, 2560, 1440 - 40)
LEAST = QSize(960, 600)  # the window's least size


@pytest.mark.parametrize(
    ("screen", "area"),
    [
        (QSize(1024, 768), QRect(0, 0, 1024, 768)),
        (QSize(1366, 768), LAPTOP),
        (QSize(1920, 1080), QRect(0, 27, 1920, 1053)),
    ],
)
def test_a_first_launch_is_maximized_on_screens_up_to_1920x1080(screen, area):
    rect, maximize = first_place(screen, area, LEAST)
    assert maximize
    assert area.marginsRemoved(FRAME).contains(rect)  # also when un-maximized
    assert rect.width() >= LEAST.width() and rect.height() >= LEAST.height()


def test_a_first_launch_on_a_larger_screen_is_a_centred_share_of_the_work_area():
    rect, maximize = first_place(QSize(2560, 1440), LARGE, LEAST)
    assert not maximize
    assert LARGE.marginsRemoved(FRAME).contains(rect)
    assert rect.width() >= 1600 and rect.height() >= 1000
    assert abs(rect.center().x() - LARGE.center().x()) <= 1


def test_a_place_inside_a_work_area_is_kept_exactly():
    saved = WindowPlace(100, 60, 1000, 600, False)
    assert restored_place(saved, [LAPTOP], LAPTOP) == QRect(100, 60, 1000, 600)
    second = QRect(1366, 0, 1920, 1080)
    on_second = WindowPlace(1500, 100, 1280, 800, True)
    assert restored_place(on_second, [LAPTOP, second], LAPTOP) == QRect(1500, 100, 1280, 800)


def test_a_place_on_a_screen_now_gone_comes_back_onto_the_primary_screen():
    saved = WindowPlace(1366 + 200, 100, 1280, 800, False)  # the second monitor, unplugged
    rect = restored_place(saved, [LAPTOP], LAPTOP)
    assert LAPTOP.marginsRemoved(FRAME).contains(rect)
    assert rect.size() == LAPTOP.marginsRemoved(FRAME).size().boundedTo(QSize(1280, 800))


def test_a_place_too_large_for_a_lowered_resolution_is_shrunk_into_it():
    saved = WindowPlace(300, 200, 1800, 1000, False)  # from 1920x1080, now 1366x768
    rect = restored_place(saved, [LAPTOP], LAPTOP)
    assert rect == LAPTOP.marginsRemoved(FRAME)


def test_a_place_half_off_a_screen_is_moved_the_least_way_onto_the_one_it_overlaps():
    second = QRect(1366, 0, 1920, 1080)
    saved = WindowPlace(2800, 300, 1000, 600, False)  # hangs off the second screen's right
    rect = restored_place(saved, [LAPTOP, second], LAPTOP)
    inside = second.marginsRemoved(FRAME)
    assert inside.contains(rect)
    assert rect.size() == QSize(1000, 600)
    assert rect.right() == inside.right() and rect.top() == 300


def place_file(folder) -> dict:
    return json.loads((folder / SETTINGS_FILE).read_text())["window"]


def test_closing_keeps_the_place_for_the_next_launch(rig, tmp_path):
    rig.window.settings = Settings.load(tmp_path)
    rig.window.setGeometry(40, 50, 1100, 700)
    settle()
    rig.window.close()
    assert place_file(tmp_path) == {
        "x": 40,
        "y": 50,
        "width": 1100,
        "height": 700,
        "maximized": False,
    }


def test_a_maximized_window_keeps_its_un_maximized_place_too(rig, tmp_path):
    rig.window.settings = Settings.load(tmp_path)
    rig.window.setGeometry(40, 50, 1000, 640)
    rig.window.showMaximized()
    settle()
    rig.window.close()
    assert place_file(tmp_path) == {
        "x": 40,
        "y": 50,
        "width": 1000,
        "height": 640,
        "maximized": True,
    }


def test_nothing_is_written_after_every_file_was_deleted(qtbot, tmp_path):
    rig = make_rig(qtbot, WindowServices(delete_all_data=lambda: True))
    rig.window.settings = Settings.load(tmp_path)
    rig.window.open_settings()
    rig.window.screens[Page.SETTINGS].delete_all.click()
    rig.window.screens[Page.SETTINGS].delete_yes.click()
    rig.window.close()
    assert not (tmp_path / SETTINGS_FILE).exists()


def test_leaving_full_screen_goes_back_to_the_window_it_was(rig):
    rig.window.showMaximized()
    rig.window.show_full_screen(True)
    assert rig.window.isFullScreen()
    rig.window.show_full_screen(False)
    assert rig.window.isMaximized() and not rig.window.isFullScreen()
    rig.window.showNormal()
    rig.window.show_full_screen(True)
    rig.window.show_full_screen(False)
    assert not rig.window.isMaximized() and not rig.window.isFullScreen()


def test_opening_follows_the_saved_place_and_the_full_screen_setting(rig, tmp_path):
    settings = Settings.load(tmp_path)
    settings.set("full_screen", True)
    settings.window = WindowPlace(0, 50, 800, 700, True)  # inside the offscreen 800x800
    rig.window.hide()
    rig.window.settings = settings
    rig.window.open_placed()
    settle()
    assert rig.window.normalGeometry() == QRect(0, 50, 800, 700)
    assert rig.window.isFullScreen()
    rig.window.show_full_screen(False)
    settle()
    assert rig.window.isMaximized() and not rig.window.isFullScreen()


def test_full_screen_when_closed_keeps_whether_the_window_was_maximized(rig, tmp_path):
    rig.window.settings = Settings.load(tmp_path)
    rig.window.showMaximized()
    rig.window.show_full_screen(True)
    settle()
    rig.window.close()
    assert place_file(tmp_path)["maximized"] is True
