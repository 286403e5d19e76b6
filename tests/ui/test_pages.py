"""The window's pages: named by `Page`, each built the first time it is shown, once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QStackedWidget

from alshome.domain.session import Phase
from alshome.ui.pages import PAGE_FOR_PHASE, Page, Screens


def test_every_phase_of_a_session_has_its_page():
    assert set(PAGE_FOR_PHASE) == {None, *Phase}
    assert PAGE_FOR_PHASE[None] is Page.HOME


def test_a_page_is_built_when_first_shown_and_then_kept(rig):
    window = rig.window
    assert window.screens.built(Page.SETTINGS) is None, "nothing but home at start-up"
    pages_at_start = window.stack.count()
    window.open_settings()
    settings = window.screens.built(Page.SETTINGS)
    assert settings is not None and window.current is settings
    window.go_home()
    window.open_settings()
    assert window.screens[Page.SETTINGS] is settings
    assert window.stack.count() == pages_at_start + 1


def test_a_registry_without_a_way_to_build_every_page_is_refused(qapp):
    factories = {page: QStackedWidget for page in Page if page is not Page.EDITOR}
    with pytest.raises(ValueError, match="EDITOR"):
        Screens(QStackedWidget(), factories)
