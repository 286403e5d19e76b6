"""A first sync under faults, against the real server in a process of its own: killed
with SIGKILL ten times at random moments, the connection cut, the app killed mid-send;
afterwards the clinic's copy of the patient is the app's own export, nothing missing or
doubled. `tests/benchmarks/sync_faults.py` does the same with fifty kills and more."""

from __future__ import annotations

import pytest

from tests.benchmarks.synthetic_history import write_history
from tests.clinic.faults import sync_under_faults

pytestmark = pytest.mark.databases("sqlite", "postgresql")


def test_a_first_sync_through_server_kills_cuts_and_app_kills_loses_and_doubles_nothing(
    tmp_path, clinic, clinic_url, patient, monkeypatch
):
    """The clinic on each database; the app's history on SQLite, where the synthetic
    history is written."""
    monkeypatch.delenv("ALSHOME_DATABASE_URL", raising=False)
    write_history(tmp_path / "app", years=0.5)
    faults = sync_under_faults(
        tmp_path / "app", clinic, clinic_url, patient, server_kills=10, network_cuts=4, app_kills=2
    )
    assert faults.server_kills >= 8  # a kill that came after the last batch is not counted
    assert faults.server_kills_mid_request >= 1
    assert faults.network_cuts == 4
    assert faults.app_kills == 2
    assert faults.sessions > 50
