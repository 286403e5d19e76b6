"""Settings → "Share with my clinic" in the real window: explained before anything is
typed, the address and code taken from large fields reached by the keyboard, how up to
date the clinic is on home and in the settings, and a program from the clinic offered on
home, never during a session, with "Look at it first" chosen by default."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from alshome.operations.sync import Status, SyncError
from alshome.ui.pages import Page
from alshome.ui.screens.share import sharing_words
from alshome.ui.window_services import WindowServices
from tests.ui.conftest import make_rig
from tests.ui.tour import ClinicWithAProgram, settle

CLINIC = "https://clinic.example"


class Unreachable(ClinicWithAProgram):
    def join(self, clinic_url: str, code: str, device_name: str, done) -> None:
        self.tried = (clinic_url, code)
        done(SyncError("The clinic could not be reached ({reason}).", reason="ConnectError"))


def sharing_rig(qtbot, sharing):
    """The demonstration window, sharing with the clinic through `sharing`."""
    return make_rig(qtbot, WindowServices(clinic_sharing=lambda: sharing))


def open_share(qtbot, sharing):
    rig = sharing_rig(qtbot, sharing)
    rig.window.open_share()
    settle()
    return rig


def joined(qtbot, sharing):
    """The share screen, with the clinic's address and code typed and "Start sharing" pressed."""
    rig = open_share(qtbot, sharing)
    screen = rig.window.screens[Page.SHARE]
    screen.url.setText(CLINIC)
    screen.code.setText("CUKF-D26A")
    screen.join.click()
    settle()
    return rig, screen


def test_the_page_says_what_is_shared_and_with_whom_before_the_fields(qtbot):
    rig = open_share(qtbot, ClinicWithAProgram())
    screen = rig.window.screens[Page.SHARE]
    assert rig.window.current is screen
    for shared in ("sessions", "sets", "fatigue", "symptoms", "ALSFRS-R", "program", "therapist"):
        assert shared in screen.what.text()
    assert screen.what.isVisible() and screen.url.isVisible() and screen.code.isVisible()
    assert rig.window.focusWidget() is screen.url
    assert screen.url.height() >= 72 and screen.code.height() >= 72


def test_the_address_and_code_are_typed_and_sent_by_keyboard(qtbot):
    sharing = Unreachable()
    rig = open_share(qtbot, sharing)
    screen = rig.window.screens[Page.SHARE]
    rig.qtbot.keyClicks(screen.url, f"  {CLINIC} ")
    rig.qtbot.keyClick(screen.url, Qt.Key.Key_Tab)
    assert rig.window.focusWidget() is screen.code
    rig.qtbot.keyClicks(screen.code, "CUKF-D26A")
    screen.join.click()
    assert sharing.tried == (CLINIC, "CUKF-D26A")
    assert screen.message.text() == "The clinic could not be reached (ConnectError)."
    assert screen.url.isVisible()  # still joining: nothing was kept


def test_empty_fields_are_asked_for_first(qtbot):
    sharing = ClinicWithAProgram()
    rig = open_share(qtbot, sharing)
    rig.window.screens[Page.SHARE].join.click()
    assert not sharing.shared
    assert "address and the code" in rig.window.screens[Page.SHARE].message.text()


def test_joined_a_program_from_the_clinic_says_what_changed_then_asks_looking_first(qtbot):
    sharing = ClinicWithAProgram()
    rig, screen = joined(qtbot, sharing)
    assert sharing.shared
    lines = screen.state.text().splitlines()
    assert lines == [
        "Your program, version 2",
        "New: Shoulder circles",
        "Changed: Back-of-thigh stretch",
        "Sessions a week: 4",
        "Do you want to use it from now on?",
    ]
    assert screen.primary is screen.look
    assert rig.window.focusWidget() is screen.look
    screen.look.click()
    looked = screen.state.text().splitlines()
    assert looked[0].startswith("Back-of-thigh stretch: Hold ")
    assert looked[-1] == "Do you want to use it from now on?"
    screen.use.click()
    assert not sharing.offered
    assert rig.window.current is rig.window.home


def test_home_and_settings_say_how_up_to_date_the_clinic_is(qtbot):
    sharing = ClinicWithAProgram()
    sharing.shared, sharing.offered = True, False
    rig = sharing_rig(qtbot, sharing)
    rig.window.go_home()
    settle()
    assert rig.window.home.sharing.text() == "Shared with the clinic: up to date"
    assert rig.window.home.sharing.isVisible()
    assert not rig.window.home.offer.isVisible()
    rig.window.open_settings()
    settle()
    assert (
        rig.window.screens[Page.SETTINGS].shared_line.text() == "Shared with the clinic: up to date"
    )
    assert rig.window.screens[Page.SETTINGS].share in rig.window.screens[Page.SETTINGS].controls


def test_a_program_from_the_clinic_is_offered_on_home_and_never_during_a_session(qtbot):
    sharing = ClinicWithAProgram()
    sharing.shared = True
    rig = sharing_rig(qtbot, sharing)
    rig.window.go_home()
    settle()
    assert rig.window.home.offer.isVisible()
    rig.window.start_session()
    rig.window.open_share()
    assert rig.window.current is not rig.window.screens[Page.SHARE]


def test_stopping_asks_first_with_keep_sharing_focused_and_only_yes_stops(qtbot):
    sharing = ClinicWithAProgram()
    sharing.shared, sharing.offered = True, False
    rig = open_share(qtbot, sharing)
    share = rig.window.screens[Page.SHARE]
    share.stop.click()
    settle()
    assert share.title.text() == "Stop sharing with your clinic?"
    assert share.keep.hasFocus()
    assert share.keep.isVisible() and share.stop_yes.isVisible()
    assert not share.stop.isVisible() and not share.back.isVisible()
    assert sharing.shared
    qtbot.keyClick(share.keep, Qt.Key.Key_Space)
    settle()
    assert sharing.shared
    assert share.stop.hasFocus() and not share.keep.isVisible()
    share.stop.click()
    share.stop_yes.click()
    settle()
    assert not sharing.shared
    assert share.title.text() == "Share with my clinic"


def test_a_screen_reader_hears_each_state_with_the_focused_control(qtbot):
    """Orca reads the focused control and its description only (`alshome.ui.spoken`)."""
    sharing = Unreachable()
    rig = open_share(qtbot, sharing)
    screen = rig.window.screens[Page.SHARE]
    heard = screen.url.accessibleDescription()
    assert heard.startswith("Share with my clinic. Your clinic's own server gets a copy")
    assert heard.endswith(
        "Your clinic's address. As your clinic wrote it down for you, such as https://clinic.example."
    )
    screen.url.setText(CLINIC)
    screen.code.setText("CUKF-D26A")
    screen.code.setFocus()
    screen.join.click()
    assert screen.code.accessibleDescription().startswith(
        "The clinic could not be reached (ConnectError). Eight letters"
    )
    _rig, screen = joined(qtbot, ClinicWithAProgram())
    assert screen.look.accessibleDescription().startswith(
        "Your clinic sent a new program. Your program, version 2. New: Shoulder circles."
    )
    screen.look.click()
    assert screen.use.accessibleDescription().startswith("Back-of-thigh stretch: Hold ")
    screen.not_now.click()
    screen.stop.click()
    settle()
    assert screen.keep.accessibleDescription() == (
        "Stop sharing with your clinic? Your clinic keeps what it has and gets nothing new. "
        "To share again you will need a new code from your therapist. Nothing changes."
    )


def test_the_line_says_since_when_the_clinic_is_not_up_to_date():
    sent = datetime(2026, 11, 24, 18, 5, tzinfo=UTC)
    waiting = Status(CLINIC, 3, sent, None)
    assert sharing_words(None) == ""
    assert sharing_words(waiting).startswith("Shared with the clinic: not up to date since ")
    assert sharing_words(waiting, failed=True).endswith("(no connection)")
    assert sharing_words(Status(CLINIC, 3, None, None)) == (
        "Shared with the clinic: nothing sent yet"
    )
