"""The window's pages by name, which one each phase of a session shows, and the registry
that builds each page the first time it is shown.

Every screen but home is built, and its module imported, only when first needed: the
home window appears sooner (benchmark a), and most screens wait for Start or are never
opened at all. The window names a page with `Page`, never with a string, and asks the
registry, not its own attributes, whether a page exists yet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum, auto

from PySide6.QtWidgets import QStackedWidget

from alshome.domain.session import Phase
from alshome.ui.screens.base import Screen


class Page(Enum):
    HOME = auto()
    # a session's phases
    EXERCISE = auto()
    FATIGUE = auto()
    REST = auto()
    PAUSED = auto()
    CONFIRM_STOP = auto()
    STOP_SAFELY = auto()
    SUMMARY = auto()
    # before a session
    FIRST_RUN = auto()
    CONTACT = auto()
    UNFINISHED = auto()
    CARRY_OVER = auto()
    LIGHTER_DAY = auto()
    # outside a session, from home or settings
    SETTINGS = auto()
    BACKUPS = auto()
    PASSPHRASE = auto()
    ABOUT = auto()
    ALSFRS = auto()
    PROGRAM = auto()
    EDITOR = auto()
    HISTORY = auto()
    SHARE = auto()


PAGE_FOR_PHASE: dict[Phase | None, Page] = {
    None: Page.HOME,
    Phase.READY: Page.EXERCISE,
    Phase.LIFT_CHECK: Page.EXERCISE,
    Phase.LEAD_IN: Page.EXERCISE,
    Phase.RUNNING: Page.EXERCISE,
    Phase.FATIGUE_CHECK: Page.FATIGUE,
    Phase.END_OFFERED: Page.FATIGUE,
    Phase.REST: Page.REST,
    Phase.PAUSED: Page.PAUSED,
    Phase.CONFIRM_STOP: Page.CONFIRM_STOP,
    Phase.STOP_SAFELY: Page.STOP_SAFELY,
    Phase.SUMMARY: Page.SUMMARY,
}


class Screens:
    """One factory per page; `screens[page]` builds the page on first use and keeps it.

    A built page joins `stack`, the widget that shows one page at a time.
    """

    def __init__(self, stack: QStackedWidget, factories: Mapping[Page, Callable[[], Screen]]):
        missing = set(Page) - set(factories)
        if missing:
            raise ValueError(f"no factory for {sorted(page.name for page in missing)}")
        self._stack = stack
        self._factories = factories
        self._built: dict[Page, Screen] = {}

    def __getitem__(self, page: Page) -> Screen:
        if page not in self._built:
            screen = self._factories[page]()
            self._stack.addWidget(screen)
            self._built[page] = screen
        return self._built[page]

    def built(self, page: Page) -> Screen | None:
        """The page if it has been built, else None (and it is not built by asking)."""
        return self._built.get(page)
