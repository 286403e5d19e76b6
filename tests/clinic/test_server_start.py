"""What the app does as it starts in a serving process: its start-up objects frozen out of
the garbage collector's sight (`create_app(freeze_at_start=True)`, as `clinic serve`
makes it), and nothing frozen by an app a test makes and drops."""

from __future__ import annotations

import gc

from fastapi.testclient import TestClient

from alshome.clinic.api import create_app


def test_a_serving_app_freezes_what_it_started_with_and_a_test_app_does_not(clinic):
    gc.unfreeze()
    try:
        with TestClient(create_app(engine=clinic)):
            assert gc.get_freeze_count() == 0
        with TestClient(create_app(engine=clinic, freeze_at_start=True)):
            assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
