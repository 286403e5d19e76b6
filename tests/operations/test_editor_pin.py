"""The editor's PIN: a salted hash in a private file, and harmless when damaged or missing."""

from __future__ import annotations

import pytest

from alshome.operations.editor_pin import PIN_FILE, EditorPin, valid_pin


@pytest.mark.parametrize("pin", ["1234", "00000000", "2468"])
def test_four_to_eight_digits_are_a_pin(pin):
    assert valid_pin(pin)


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", " 1234", "١٢٣٤"])
def test_anything_else_is_not(pin):
    assert not valid_pin(pin)
    with pytest.raises(ValueError):
        EditorPin.in_memory().set(pin)


def test_no_pin_lets_anyone_in():
    pin = EditorPin.in_memory()
    assert not pin.is_set
    assert pin.matches("") and pin.matches("9999")


def test_a_set_pin_is_kept_hashed_and_private(tmp_path):
    folder = tmp_path / "data"
    EditorPin(folder).set("4321")
    stored = folder / PIN_FILE
    assert "4321" not in stored.read_text()
    assert stored.stat().st_mode & 0o777 == 0o600
    again = EditorPin(folder)
    assert again.is_set
    assert again.matches("4321")
    assert not again.matches("1234")
    assert not again.matches("")


def test_the_same_pin_hashes_differently_each_time(tmp_path):
    first, second = EditorPin(tmp_path / "a"), EditorPin(tmp_path / "b")
    first.set("5555")
    second.set("5555")
    assert (tmp_path / "a" / PIN_FILE).read_text() != (tmp_path / "b" / PIN_FILE).read_text()


@pytest.mark.parametrize(
    "text", ["", "{", "[]", '{"salt": 1, "hash": "00"}', '{"salt": "zz", "hash": "00"}', "x" * 5000]
)
def test_a_damaged_file_means_no_pin_rather_than_a_locked_editor(tmp_path, text):
    (tmp_path / PIN_FILE).write_text(text)
    assert not EditorPin(tmp_path).is_set


def test_clearing_removes_the_file(tmp_path):
    pin = EditorPin(tmp_path)
    pin.set("8642")
    pin.clear()
    assert not (tmp_path / PIN_FILE).exists()
    assert not EditorPin(tmp_path).is_set
