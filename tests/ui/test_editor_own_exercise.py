"""The editor's own exercises: made with a picture or video from a file (checked as a
bundle's are), saved as the next version with its media in the history, and changed in a
later version while the sessions done with the earlier one keep what they were done with."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alshome.domain.program import ExerciseKind
from alshome.programs.document import parse_program
from alshome.programs.library import stock_library
from alshome.programs.transfer import saved_media
from alshome.ui.pages import Page
from alshome.ui.screens.editor_new_exercise import own_id
from alshome.ui.theme import style_for
from tests.programs.bundles import picture, video
from tests.ui.custom_program import custom_rig
from tests.ui.test_fit import WINDOWS, clipped
from tests.ui.tour import settle


@pytest.fixture
def finalizers(request):
    done: list = []
    yield done
    for each in done:
        each()


@pytest.fixture
def rig(qtbot, tmp_path, finalizers):
    return custom_rig(qtbot, tmp_path, finalizers)


@pytest.fixture
def editor(rig):
    rig.window.open_program()
    rig.window.open_editor()
    screen = rig.window.screens[Page.EDITOR]
    screen.yes.click()
    assert screen.pages.currentWidget() is screen.overview
    return screen


def choose(editor, path):
    editor.maker.choose_file = lambda _parent: str(path)
    editor.maker.choose.click()


def active(rig):
    saved = rig.repository.active_program()
    return saved, parse_program(saved.document, stock_library())


def test_a_new_exercise_with_a_picture_is_saved_as_the_next_version(rig, editor, qtbot, tmp_path):
    editor.open_library()
    assert list(editor.finder.own_choices) == ["hand_putty_squeeze"], "the program's own first"
    assert not editor.finder.own_choices["hand_putty_squeeze"].icon().isNull()
    editor.finder.make.click()
    maker = editor.maker
    assert editor.pages.currentWidget() is maker
    assert rig.window.focusWidget() is maker.name
    qtbot.keyClicks(maker.name, "Breathing trainer")
    maker.kinds[ExerciseKind.ENDURANCE].click()
    maker.regions["trunk"].click()
    maker.instruction.setFocus()
    qtbot.keyClicks(maker.instruction, "Breathe in through the trainer, slowly.")
    qtbot.keyClicks(maker.caregiver, "Hold the trainer to the lips.")
    photo = tmp_path / "trainer.png"
    photo.write_bytes(picture(size=(400, 300)))
    choose(editor, photo)
    assert maker.media_message.text() == "trainer.png is ready."
    maker.done.click()
    assert editor.pages.currentWidget() is editor.overview
    added = editor.items[-1].exercise
    assert added.id == "own_breathing_trainer" and added.kind is ExerciseKind.ENDURANCE
    assert added.picture.startswith("media/") and added.picture.endswith(".png")

    before, _ = active(rig)
    editor.save.click()
    saved, program = active(rig)
    assert saved.document["version"] == before.document["version"] + 1
    assert program.prescriptions[-1].exercise == added
    stored = rig.repository.program_media(saved.id)
    assert stored[added.picture] == photo.read_bytes()
    assert "media/putty.mp4" in stored, "the earlier media stay with the new version"
    assert "Saved as version" in editor.message.text()


@pytest.mark.parametrize(
    ("name", "content", "sentence"),
    [
        ("notes.txt", b"hello", "notes.txt is not a picture or video the app can show."),
        ("fake.png", b"not a picture", "fake.png is not a PNG picture that opens."),
        ("clip.mp4", b"\0\0\0\0nope", "clip.mp4 is not an MP4 video."),
    ],
)
def test_a_file_that_cannot_be_used_is_refused_in_one_sentence(
    editor, tmp_path, name, content, sentence
):
    editor.open_new_exercise()
    path = tmp_path / name
    path.write_bytes(content)
    choose(editor, path)
    assert editor.maker.media_message.text() == sentence
    assert editor.maker.media == {}


def test_nothing_is_made_without_a_name_and_words_for_the_patient(editor):
    editor.open_new_exercise()
    count = len(editor.items)
    editor.maker.done.click()
    assert editor.pages.currentWidget() is editor.maker
    assert editor.maker.message.text() == "Give it a name and the words for the patient."
    assert len(editor.items) == count


def test_a_changed_exercise_leaves_the_earlier_versions_sessions_as_they_were(
    rig, editor, qtbot, tmp_path
):
    old, old_program = active(rig)
    rig.window.go_home()
    rig.window.start_session()
    rig.controller.stop_tired()
    rig.controller.close()
    done_with = rig.repository.sessions()[-1]

    rig.window.open_program()
    rig.window.open_editor()
    editor.yes.click()
    editor.rows[0].click()
    assert editor.change_own.isVisible()
    editor.change_own.click()
    maker = editor.maker
    assert maker.name.text() == "Putty squeeze" and maker.media_path == "media/putty.mp4"
    maker.instruction.setPlainText("Squeeze the blue putty.")
    clip = tmp_path / "new.mp4"
    clip.write_bytes(video(seconds=3))
    choose(editor, clip)
    maker.done.click()
    editor.save.click()

    saved, program = active(rig)
    changed = program.prescriptions[0].exercise
    assert changed.instruction == "Squeeze the blue putty." and changed.video != "media/putty.mp4"
    assert rig.repository.program_media(saved.id)[changed.video] == clip.read_bytes()
    assert old_program.prescriptions[0].exercise.instruction.startswith("Squeeze the soft")
    assert saved_media(rig.repository, old_program)["media/putty.mp4"] == video()
    assert rig.repository.sessions()[-1] == done_with
    assert done_with.program_version == old.document["version"]


def test_an_id_is_made_from_the_name_and_never_reused():
    assert own_id("Étirement du poignet", set()) == "own_etirement_du_poignet"
    assert own_id("Putty", {"own_putty"}) == "own_putty_2"
    assert own_id("!!", set()) == "own"


def test_the_new_exercise_page_is_reached_by_keyboard(editor, qtbot):
    editor.open_library()
    editor.finder.make.setFocus()
    qtbot.keyClick(editor.finder.make, Qt.Key.Key_Return)
    assert editor.pages.currentWidget() is editor.maker
    reached = set()
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    maker = editor.maker
    wanted = {maker.name, maker.instruction, maker.caregiver, maker.safety, maker.choose}
    wanted |= set(maker.kinds.values()) | set(maker.regions.values()) | {maker.done, maker.back}
    assert wanted <= reached


def test_the_preview_shows_the_own_exercises_video_and_stops_it_after(editor):
    editor.open_preview()
    media = editor.preview.media
    assert media.isVisible() and media.is_playing()
    assert not editor.preview.figure.isVisible()
    editor.preview.next.click()
    assert media.isHidden() and editor.preview.figure.isVisible()
    editor.preview.previous.click()
    assert media.temporary is not None
    editor.preview.done.click()
    assert media.temporary is None, "its file is gone"


@pytest.mark.parametrize("window", WINDOWS, ids=lambda w: f"{w[0]}x{w[1]}-{w[2]}-{w[3]}")
def test_the_own_exercise_pages_fit_every_window(rig, editor, window, tmp_path):
    width, height, theme, scale = window
    rig.window.setStyleSheet(style_for(theme, scale))
    rig.window.resize(width, height)
    editor.rows[0].click()
    found = {}
    for name, opened in (
        ("list, own chosen", editor.back_to_list),
        ("change it", editor.open_change_exercise),
        ("library", editor.open_library),
        ("new", editor.open_new_exercise),
        ("preview", editor.open_preview),
    ):
        opened()
        settle()
        assert rig.window.width() <= width and rig.window.height() <= height, name
        if problems := clipped(editor, width, height):
            found[name] = problems
    assert not found, found
