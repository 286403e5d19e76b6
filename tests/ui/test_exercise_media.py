"""The therapist's own exercise on the set screen: its video looping silently, or its
picture, in the figure's place, read from the history; and the picture or the words when
the video cannot play here."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from alshome.domain.program import Exercise, ExerciseKind, Prescription
from alshome.domain.session import Phase
from alshome.programs.transfer import check_program, document_of
from alshome.ui import exercise_media
from alshome.ui.pages import Page
from alshome.ui.screens.editor_rows import default_dose
from alshome.ui.screens.exercise import FIGURE_MIN
from alshome.ui.sound_modules import SoundModules
from alshome.ui.theme import style_for
from tests.programs.bundles import PUTTY, custom_document, picture, video
from tests.ui.custom_program import custom_rig
from tests.ui.test_fit import WINDOWS, clipped
from tests.ui.tour import settle

ENTER = Qt.Key.Key_Return


@pytest.fixture
def finalizers(request):
    done: list = []
    yield done
    for each in done:
        each()


def set_screen(rig):
    rig.key(ENTER)  # Start today's session
    assert rig.phase in (Phase.READY, Phase.LIFT_CHECK)
    return rig.window.screens[Page.EXERCISE]


def test_the_video_loops_silently_from_a_private_file_removed_afterwards(
    qtbot, tmp_path, finalizers
):
    rig = custom_rig(qtbot, tmp_path, finalizers)
    screen = set_screen(rig)
    media = screen.media
    assert screen.name.text() == "Putty squeeze"
    assert media.isVisible() and media.is_playing()
    assert not screen.figure.isVisible()
    player = media.player
    assert player.audioOutput() is None, "no sound, ever"
    assert player.loops() == player.Loops.Infinite
    played = Path(player.source().toLocalFile())
    assert played.read_bytes() == video()
    assert stat.S_IMODE(played.stat().st_mode) == 0o600
    qtbot.waitUntil(lambda: player.playbackState() == player.PlaybackState.PlayingState)
    assert media.accessibleName() == "Video of Putty squeeze"

    rig.controller.skip_exercise()
    assert not played.exists()
    assert not media.isVisible()
    assert screen.figure.isVisible(), "the next, a library exercise, is drawn again"


def test_without_qt_multimedia_the_picture_stands_in(qtbot, tmp_path, finalizers, monkeypatch):
    monkeypatch.setattr(
        exercise_media, "sound_modules", lambda: SoundModules(None, None, "libpulse.so.0")
    )
    rig = custom_rig(qtbot, tmp_path, finalizers)
    media = set_screen(rig).media
    assert media.isVisible() and not media.is_playing()
    assert media.currentWidget() is media.picture and not media.picture.pixmap.isNull()
    assert media.accessibleName() == "Picture of Putty squeeze"


def test_a_video_that_will_not_play_gives_way_to_the_picture(qtbot, tmp_path, finalizers):
    broken = {"media/putty.png": picture(), "media/putty.mp4": video()[:48]}
    rig = custom_rig(qtbot, tmp_path, finalizers, media=broken)
    media = set_screen(rig).media
    qtbot.waitUntil(lambda: media.currentWidget() is media.picture, timeout=10_000)
    assert media.isVisible() and media.temporary is None
    assert media.accessibleName() == "Picture of Putty squeeze"


def test_a_video_alone_that_will_not_play_leaves_the_words_alone(qtbot, tmp_path, finalizers):
    clip_only = {key: value for key, value in PUTTY.items() if key != "picture"}
    rig = custom_rig(
        qtbot,
        tmp_path,
        finalizers,
        media={"media/putty.mp4": video()[:48]},
        document=custom_document(clip_only),
    )
    screen = set_screen(rig)
    qtbot.waitUntil(lambda: screen.media.isHidden(), timeout=10_000)
    assert not screen.figure.isVisible() and screen.instruction.isVisible()
    assert screen.media.temporary is None


def test_a_whole_session_of_a_custom_program_by_keyboard(qtbot, tmp_path, finalizers):
    """Every set, with the lift check, each kind's dose, the fatigue check and the rest,
    as for the library's exercises; the custom one's sets are recorded under its id."""
    rig = custom_rig(qtbot, tmp_path, finalizers)
    screen = set_screen(rig)
    asked = []
    while rig.phase is not Phase.SUMMARY:
        step = rig.controller.session.step
        if rig.phase is Phase.LIFT_CHECK:
            asked.append(step.exercise.id)
            rig.key(Qt.Key.Key_Right)
            rig.key(ENTER)  # Yes
        assert rig.phase is Phase.READY
        if step.exercise.id == "hand_putty_squeeze":
            assert screen.media.isVisible() and screen.instruction.text().startswith("Squeeze")
        rig.key(ENTER)  # Start
        if step.target.timed:
            rig.key(ENTER)  # Start now
        rig.key(ENTER)  # Done
        assert rig.phase in (Phase.FATIGUE_CHECK, Phase.SUMMARY)
        if rig.phase is Phase.FATIGUE_CHECK:
            rig.key(Qt.Key.Key_3)
            rig.key(ENTER)
        if rig.phase is Phase.REST:
            rig.key(ENTER)  # Skip rest
    assert asked[0] == "hand_putty_squeeze"
    sets = rig.repository.sessions()[-1].sets
    putty = [row for row in sets if row.exercise_id == "hand_putty_squeeze"]
    assert len(putty) == 4, "2 sets on each side"
    assert all(row.done == {"repetitions": 8} for row in putty)
    assert len(sets) == len(rig.controller.session.program.steps())


@pytest.mark.parametrize("window", WINDOWS, ids=lambda w: f"{w[0]}x{w[1]}-{w[2]}-{w[3]}")
@pytest.mark.parametrize("playing", [True, False], ids=["video", "picture"])
def test_the_picture_or_video_fits_the_figures_box_at_every_size(
    qtbot, tmp_path, finalizers, monkeypatch, window, playing
):
    if not playing:
        monkeypatch.setattr(
            exercise_media, "sound_modules", lambda: SoundModules(None, None, "libpulse.so.0")
        )
    rig = custom_rig(qtbot, tmp_path, finalizers)
    width, height, theme, scale = window
    rig.window.setStyleSheet(style_for(theme, scale))
    rig.window.resize(width, height)
    screen = set_screen(rig)
    rig.key(Qt.Key.Key_Right)
    rig.key(ENTER)  # past the lift check, to the set
    settle()
    media = screen.media
    assert media.is_playing() is playing and media.isVisible()
    assert clipped(screen, width, height) == []
    box = media.parentWidget().contentsRect()
    placed = media.geometry()
    assert box.contains(placed) and min(placed.width(), placed.height()) >= FIGURE_MIN


def test_orca_hears_the_exercise_name_and_instruction_as_before(qtbot, tmp_path, finalizers):
    rig = custom_rig(qtbot, tmp_path, finalizers)
    screen = set_screen(rig)
    rig.key(Qt.Key.Key_Right)
    rig.key(ENTER)  # Yes, past the lift check
    focused = rig.window.focusWidget()
    assert focused is screen.primary
    said = focused.accessibleDescription()
    assert "Putty squeeze" in said
    assert "Light strengthening: Squeeze the soft putty slowly, then let go." in said
    assert "Stop if your hand cramps." in said
    assert screen.media.focusPolicy() is Qt.FocusPolicy.NoFocus


def test_without_moving_pictures_the_picture_stands_in_for_the_video(qtbot, tmp_path, finalizers):
    rig = custom_rig(qtbot, tmp_path, finalizers)
    rig.window.settings.set("moving_pictures", False)
    rig.window.apply_setting("moving_pictures")
    media = set_screen(rig).media
    assert media.isVisible() and not media.is_playing()
    assert media.currentWidget() is media.picture


@pytest.mark.parametrize("kind", list(ExerciseKind), ids=lambda kind: kind.value)
def test_a_custom_exercise_of_each_kind_runs_its_dose_and_is_recorded(
    qtbot, tmp_path, finalizers, kind
):
    own = Exercise(
        "own_move",
        "My move",
        kind,
        "trunk",
        "Move gently.",
        "Move it for them.",
        picture="media/putty.png",
    )
    base = check_program(custom_document()).program
    program = replace(
        base,
        custom_exercises=(own,),
        prescriptions=(Prescription(own, default_dose(own)), *base.prescriptions[1:]),
    )
    rig = custom_rig(
        qtbot,
        tmp_path,
        finalizers,
        media={"media/putty.png": picture()},
        document=document_of(program),
    )
    screen = set_screen(rig)
    if rig.phase is Phase.LIFT_CHECK:
        rig.key(Qt.Key.Key_Right)
        rig.key(ENTER)  # Yes
    if rig.window.screens[Page.EXERCISE].who_moves.isVisible():
        rig.key(ENTER)  # the patient moves
    step = rig.controller.session.step
    assert screen.media.isVisible() and screen.name.text() == "My move"
    rig.key(ENTER)  # Start
    if step.target.timed:
        rig.key(ENTER)  # Start now
        rig.advance(5)
    rig.key(ENTER)  # Done
    assert rig.phase is Phase.FATIGUE_CHECK
    (recorded,) = rig.repository.sessions()[-1].sets
    assert (recorded.exercise_id, recorded.kind) == ("own_move", kind)
    assert recorded.done
