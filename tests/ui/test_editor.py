"""The program editor: asked first, then add, reorder, dose, remove, and save a new version."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from alshome.domain.program import ExerciseKind, Program
from alshome.programs.transfer import CheckedProgram
from alshome.ui.pages import Page
from alshome.ui.window_services import WindowServices


class RecordedFiles:
    """Program files that keep each checked program given to `use`, and use it."""

    def __init__(self) -> None:
        self.used: list[CheckedProgram] = []

    def check(self, path):
        raise AssertionError("the editor reads no file")

    def use(self, checked: CheckedProgram) -> Program:
        self.used.append(checked)
        return checked.program


@pytest.fixture
def files():
    return RecordedFiles()


@pytest.fixture
def window_services(files):
    return WindowServices(program_files=files)


@pytest.fixture
def editor(rig, files):
    rig.window.open_program()
    rig.window.screens[Page.PROGRAM].edit.click()
    screen = rig.window.screens[Page.EDITOR]
    assert rig.window.current is screen
    screen.yes.click()
    assert screen.pages.currentWidget() is screen.overview
    return screen


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def offered(editor) -> list[str]:
    """The library's exercises the page shows now."""
    finder = editor.finder
    return [key for key, widget in finder.choices.items() if widget.isVisibleTo(finder)]


def names(editor) -> list[str]:
    return [prescription.exercise.id for prescription in editor.items]


def test_the_editor_asks_first_with_no_focused_and_no_goes_back(rig, files):
    rig.window.open_program()
    rig.window.screens[Page.PROGRAM].edit.click()
    screen = rig.window.screens[Page.EDITOR]
    assert screen.pages.currentWidget() is screen.guard
    assert rig.window.focusWidget() is screen.no
    screen.no.click()
    assert rig.window.current is rig.window.screens[Page.PROGRAM]
    rig.window.screens[Page.PROGRAM].edit.click()
    screen.yes.click()
    assert screen.pages.currentWidget() is screen.overview
    assert files.used == []


def test_the_list_shows_each_exercise_with_its_dose(rig, editor):
    settle()
    assert len(editor.rows) == len(rig.window.program.prescriptions)
    first = rig.window.program.prescriptions[0]
    assert first.exercise.name in editor.rows[0].text()
    assert editor.save.text() == f"Save as version {rig.window.program.version + 1}"
    assert not editor.up.isEnabled() and not editor.edit.isEnabled(), "nothing chosen yet"


def test_an_exercise_is_added_from_a_region(editor):
    editor.add.click()
    assert editor.pages.currentWidget() is editor.finder
    editor.finder.regions["neck"].click()
    shown = offered(editor)
    assert shown and all(editor.finder.library[key].region == "neck" for key in shown)
    editor.finder.choices["chin_tuck"].click()
    assert names(editor)[-1] == "chin_tuck"
    assert editor.selected == len(editor.items) - 1
    assert editor.pages.currentWidget() is editor.overview
    assert editor.items[-1].dose.sides.value == "none", "the neck has no sides"


def test_an_exercise_is_added_by_typing_part_of_its_name(editor, qtbot):
    editor.add.click()
    qtbot.keyClicks(editor.finder.search, "cycle")
    shown = offered(editor)
    assert sorted(shown) == ["arm_cycle", "leg_cycle"]
    editor.finder.choices["arm_cycle"].click()
    added = editor.items[-1]
    assert added.exercise.kind is ExerciseKind.ENDURANCE
    assert added.dose.limb.value == "arms"


def test_a_chosen_exercise_moves_down_and_up(editor):
    before = names(editor)
    editor.rows[0].click()
    editor.down.click()
    assert names(editor) == [before[1], before[0], *before[2:]]
    assert editor.selected == 1
    editor.up.click()
    assert names(editor) == before
    assert not editor.up.isEnabled(), "the first cannot move further up"


def test_a_dose_steps_within_the_schemas_bounds(editor):
    editor.add.click()
    editor.finder.choices["hamstring_stretch"].click()
    editor.edit.click()
    assert editor.pages.currentWidget() is editor.dose
    assert editor.dose.figure.accessibleName() == "Illustration: Back-of-thigh stretch"
    hold = editor.dose.rows["hold_seconds"]
    hold.more.click()
    assert editor.items[-1].dose.hold_seconds == 35
    repetitions = editor.dose.rows["repetitions"]
    for _ in range(20):
        if repetitions.more.isEnabled():
            repetitions.more.click()
    assert editor.items[-1].dose.repetitions == 10
    assert not repetitions.more.isEnabled() and repetitions.less.isEnabled()
    editor.dose.rows["sides"].choices["left"].click()
    assert editor.items[-1].dose.sides.value == "left"
    editor.dose.done.click()
    assert "Hold 35 seconds" in editor.rows[-1].text() and "Left" in editor.rows[-1].text()


def test_remove_asks_first(rig, editor):
    before = names(editor)
    editor.rows[0].click()
    editor.remove.click()
    assert editor.pages.currentWidget() is editor.removal
    assert rig.window.focusWidget() is editor.keep
    editor.keep.click()
    assert names(editor) == before
    assert editor.selected == 0, "still chosen"
    editor.remove.click()
    editor.confirm_remove.click()
    assert names(editor) == before[1:]


def test_save_makes_the_next_version_and_uses_it(rig, editor, files):
    old = rig.window.program
    editor.add.click()
    editor.finder.choices["ankle_pump_rom"].click()
    editor.edit.click()
    editor.dose.rows["repetitions"].less.click()
    editor.dose.rows["mode"].choices["passive"].click()
    editor.dose.done.click()
    editor.rows[0].click()
    editor.down.click()
    editor.program_rows["weekly_target"].more.click()
    editor.contact.setText("Ana Ruiz, 555 0100")
    expected = list(editor.items)
    editor.save.click()
    assert len(files.used) == 1
    checked = files.used[0]
    assert checked.program.version == old.version + 1
    assert checked.document["version"] == old.version + 1
    assert list(checked.program.prescriptions) == expected
    assert checked.program.prescriptions[-1].dose.repetitions == 9
    assert checked.program.weekly_target == old.weekly_target + 1
    assert checked.program.therapist.contact == "Ana Ruiz, 555 0100"
    assert rig.window.program is checked.program
    assert f"version {old.version + 1}" in editor.message.text()
    assert editor.save.text() == f"Save as version {old.version + 2}"


def test_thresholds_out_of_order_are_refused_with_the_files_sentence(editor, files):
    rest_longer = editor.program_rows["rest_longer_at"]
    stop = editor.program_rows["stop_at"]
    while stop.less.isEnabled():
        stop.less.click()
    while rest_longer.more.isEnabled():
        rest_longer.more.click()
    editor.save.click()
    assert files.used == []
    assert editor.message.text() == "thresholds.rest_longer_at: must not be above stop_at"


def test_a_program_with_no_exercises_is_refused(editor, files):
    while editor.items:
        editor.rows[0].click()
        editor.remove.click()
        editor.confirm_remove.click()
    editor.save.click()
    assert files.used == []
    assert editor.message.text() == "prescriptions: must have at least 1 entry"


def test_cancel_leaves_without_saving(rig, editor, files):
    editor.rows[0].click()
    editor.down.click()
    editor.cancel.click()
    assert rig.window.current is rig.window.screens[Page.PROGRAM]
    assert files.used == []


def test_a_focused_control_further_down_is_scrolled_into_view(editor):
    settle()
    editor.contact.setFocus()
    settle()
    assert editor.list_area.verticalScrollBar().value() > 0
    top = editor.contact.mapTo(editor.list_area.viewport(), editor.contact.rect().topLeft())
    assert 0 <= top.y() <= editor.list_area.viewport().height() - editor.contact.height()


def pages(editor):
    yield "guard", editor.guard
    editor.enter()
    editor.rows[0].click()
    yield "list", editor.overview
    editor.open_library()
    yield "library", editor.finder
    editor.open_new_exercise()
    yield "new exercise", editor.maker
    editor.back_to_list()
    editor.open_dose()
    yield "dose", editor.dose
    editor.back_to_list()
    editor.ask_remove()
    yield "remove?", editor.removal
    editor.back_to_list()
    editor.open_preview()
    yield "preview", editor.preview
    editor.open_pin()
    yield "pin", editor.pin_page


def test_every_control_is_named_and_large(rig, files, tmp_path):
    rig.window.open_program()
    rig.window.open_editor()
    for name, shown in pages(rig.window.screens[Page.EDITOR]):
        settle()
        rig.window.grab().save(str(tmp_path / f"{name}.png"))
        controls = [
            widget
            for widget in shown.findChildren(QPushButton) + shown.findChildren(QLineEdit)
            if widget.isVisibleTo(shown)
        ]
        assert controls, name
        for widget in controls:
            assert widget.accessibleName(), f"{name}: {widget.text()!r} has no name"
            assert widget.height() >= 72, f"{name}: {widget.accessibleName()} is too small"


def test_escape_leaves_the_editor_without_saving(rig, editor, files):
    editor.rows[0].click()
    editor.down.click()
    rig.key(Qt.Key.Key_Escape)
    assert rig.window.current is rig.window.home
    assert files.used == []
    rig.window.open_editor()
    assert editor.pages.currentWidget() is editor.guard, "asks again every time"
    editor.yes.click()
    assert names(editor) == [p.exercise.id for p in rig.window.program.prescriptions]


def test_notes_lighter_option_and_longer_rest_are_saved(editor, files):
    editor.notes.setPlainText("Slowly, and breathe out as you move.")
    editor.lighter.setPlainText("Only the stretches, one round.")
    factor = editor.program_rows["longer_rest_factor"]
    before = editor.whole["longer_rest_factor"]
    factor.more.click()
    editor.save.click()
    program = files.used[0].program
    assert program.notes == "Slowly, and breathe out as you move."
    assert program.lighter_option == "Only the stretches, one round."
    assert program.thresholds.longer_rest_factor == before + 0.5


def test_the_preview_walks_the_draft_and_records_nothing(rig, editor, files):
    editor.add.click()
    editor.finder.choices["ankle_pump_rom"].click()
    editor.try_it.click()
    preview = editor.preview
    assert editor.pages.currentWidget() is preview
    total = len(editor.items)
    assert f"{total} exercises" in preview.length.text()
    assert "minutes" in preview.length.text() or "minute" in preview.length.text()
    assert preview.name.text() == editor.items[0].exercise.name
    assert not preview.previous.isEnabled()
    for _ in range(total - 1):
        preview.next.click()
    assert preview.name.text() == editor.items[-1].exercise.name
    assert preview.position.text() == f"Exercise {total} of {total}"
    assert not preview.next.isEnabled()
    assert rig.window.focusWidget() is preview.previous, "focus stays on a button that works"
    assert preview.figure.exercise_id == "ankle_pump_rom"
    preview.done.click()
    assert editor.pages.currentWidget() is editor.overview
    assert files.used == []


def test_the_preview_speaks_to_the_helper_when_the_helper_moves(editor):
    editor.add.click()
    editor.finder.choices["ankle_pump_rom"].click()
    editor.edit.click()
    editor.dose.rows["mode"].choices["passive"].click()
    editor.dose.done.click()
    editor.try_it.click()
    preview = editor.preview
    while preview.next.isEnabled():
        preview.next.click()
    exercise = editor.items[-1].exercise
    assert preview.audience.text() == "Shown to the helper:"
    assert preview.instruction.text() == exercise.caregiver_instruction


def test_a_pin_is_typed_twice_and_then_asked_for(rig, editor, tmp_path):
    from alshome.operations.editor_pin import EditorPin

    pin = EditorPin(tmp_path)
    editor.pin = editor.pin_page.pin = pin
    editor.set_pin.click()
    page = editor.pin_page
    assert rig.window.focusWidget() is page.first
    page.first.setText("12")
    page.save.click()
    assert page.message.text() == "A PIN is 4 to 8 digits."
    assert not pin.is_set
    page.first.setText("2468")
    page.again.setText("2469")
    page.save.click()
    assert page.message.text().startswith("The two PINs are not the same")
    page.again.setText("2468")
    page.save.click()
    assert pin.is_set
    kept = (tmp_path / "editor-pin.json").read_text()
    stored = json.loads(kept)
    assert set(stored) == {"salt", "hash"}
    # The random salt's hex digits may hold "2468" by chance; nowhere else may the PIN be.
    assert "2468" not in kept.replace(stored["salt"], "").replace(stored["hash"], "")
    assert (tmp_path / "editor-pin.json").stat().st_mode & 0o777 == 0o600
    page.done.click()

    editor.ask(rig.window.program)
    assert editor.typed_pin.isVisibleTo(editor.guard)
    assert rig.window.focusWidget() is editor.no, "a stray press still goes back"
    editor.typed_pin.setText("1111")
    editor.yes.click()
    assert editor.pages.currentWidget() is editor.guard
    assert editor.guard_message.text() == "That PIN is not right."
    assert editor.typed_pin.text() == ""
    editor.typed_pin.setText("2468")
    editor.yes.click()
    assert editor.pages.currentWidget() is editor.overview
    assert EditorPin(tmp_path).matches("2468"), "kept for the next start"
    assert not EditorPin(tmp_path).matches("1111")

    editor.set_pin.click()
    page.remove.click()
    assert not pin.is_set and not (tmp_path / "editor-pin.json").exists()
    editor.ask(rig.window.program)
    assert not editor.typed_pin.isVisibleTo(editor.guard)


def test_the_library_shows_a_picture_of_every_drawn_exercise(editor):
    from alshome.illustrations.pose import stock_poses

    editor.add.click()
    drawn = stock_poses()
    for exercise_id, choice in editor.finder.choices.items():
        assert choice.icon().isNull() is (exercise_id not in drawn), exercise_id
        assert choice.iconSize().height() >= 64
