"""`alshome encrypt` and `alshome decrypt`, and every command on an encrypted history."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest

from alshome.storage import cipher
from alshome.storage.backups import list_backups
from tests.cli.test_cli import output_in, run, tree

PASSPHRASE = "blue heron at dawn"
DATABASE = "alshome.sqlite3"


def exported(capsys, folder: Path, output: Path) -> dict:
    code, _, err = run(capsys, *output_in(folder, "json", output))
    assert (code, err) == (0, "")
    return {**json.loads(output.read_text()), "exported_at": None}


@pytest.fixture
def encrypted(capsys, monkeypatch, history_dir, tmp_path) -> dict:
    """The history encrypted through the command line; its export from before."""
    saved = exported(capsys, history_dir, tmp_path / "before.json")
    monkeypatch.setenv("ALSHOME_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "--data-dir", str(history_dir), "encrypt")
    assert (code, err) == (0, "")
    assert "write it down somewhere safe" in out
    return saved


def test_encrypt_then_every_command_works_with_the_passphrase(
    capsys, history_dir, tmp_path, encrypted
):
    assert cipher.is_encrypted(history_dir / DATABASE)
    assert exported(capsys, history_dir, tmp_path / "after.json") == encrypted
    code, _, err = run(capsys, "--data-dir", str(history_dir), "backup")
    assert (code, err) == (0, "")
    for backup in list_backups(history_dir / "backups"):
        assert not backup.path.read_bytes().startswith(b"SQLite format 3")
    code, _, err = run(capsys, "--data-dir", str(history_dir), "restore", "1")
    assert (code, err) == (0, "")
    assert exported(capsys, history_dir, tmp_path / "restored.json") == encrypted
    assert b"Ana Ruiz" not in (history_dir / DATABASE).read_bytes()


def test_a_wrong_passphrase_is_one_sentence_and_changes_nothing(
    capsys, monkeypatch, history_dir, tmp_path, encrypted
):
    before = tree(history_dir)
    monkeypatch.setenv("ALSHOME_PASSPHRASE", "heron at dusk")
    code, out, err = run(capsys, *output_in(history_dir, "json", tmp_path / "x.json"))
    assert (code, out, err) == (1, "", "That passphrase is not right.\n")
    assert tree(history_dir) == before


def test_without_the_variable_the_passphrase_is_asked_without_echo(
    capsys, monkeypatch, history_dir, tmp_path, encrypted
):
    monkeypatch.delenv("ALSHOME_PASSPHRASE")
    asked = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or PASSPHRASE)
    assert exported(capsys, history_dir, tmp_path / "after.json") == encrypted
    assert asked == ["Passphrase: "]


def test_a_new_passphrase_typed_differently_twice_changes_nothing(
    capsys, monkeypatch, history_dir
):
    before = tree(history_dir)
    typed = iter(["one thing", "another"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(typed))
    code, _, err = run(capsys, "--data-dir", str(history_dir), "encrypt")
    assert (code, err) == (2, "The two passphrases are not the same; nothing was changed.\n")
    assert tree(history_dir) == before


def test_decrypt_gives_back_the_plain_history(
    capsys, monkeypatch, history_dir, tmp_path, encrypted
):
    code, _, err = run(capsys, "--data-dir", str(history_dir), "decrypt")
    assert (code, err) == (0, "")
    monkeypatch.delenv("ALSHOME_PASSPHRASE")
    assert not cipher.is_encrypted(history_dir / DATABASE)
    assert exported(capsys, history_dir, tmp_path / "after.json") == encrypted
