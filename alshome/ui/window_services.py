"""What the window is given at construction: the history's records and the services
behind the pages that work on files (program files, backups, the passphrase, deleting
everything, the clinic report's PDF). The app makes them (they need storage); the window
only shows them.

A service left out (None) hides the button that would open it: a window without a
history (a demonstration, a test) has no history, rating, backups or passphrase pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from alshome.domain.program import Program
from alshome.domain.safety import CarryOverCheck, Profile

if TYPE_CHECKING:
    from alshome.domain.alsfrs import Entry
    from alshome.domain.fatigue import Symptom
    from alshome.domain.session import SessionStatus
    from alshome.operations.reports import ReportFigures
    from alshome.programs.transfer import SavedProgram
    from alshome.storage.repository import UnfinishedSession
    from alshome.ui.screens.backups import HistoryBackups
    from alshome.ui.screens.passphrase import HistoryProtection
    from alshome.ui.screens.program import ProgramFiles
    from alshome.ui.screens.share import Sharing


class SafetyRecords(Protocol):
    """What the screens before a session read and write: the history's repository."""

    def profile(self) -> Profile | None: ...

    def save_profile(self, profile: Profile) -> None: ...

    def record_rest_day(self, check: CarryOverCheck) -> None: ...

    def last_lift_checks(self) -> dict[str, datetime]: ...

    def unfinished_sessions(self) -> list[UnfinishedSession]: ...

    def alsfrs_entries(self, since: datetime | None = None) -> list[Entry]: ...

    def save_alsfrs(self, entry: Entry) -> None: ...

    def program_named(self, name: str, version: int) -> SavedProgram | None: ...

    def program_media(self, program_id: int) -> dict[str, bytes]: ...

    def end_session(
        self,
        session_id: int,
        status: SessionStatus,
        ended_at: datetime,
        symptoms: Iterable[Symptom],
    ) -> None: ...


class ReportWriter(Protocol):
    """Writes the clinic report of `figures` to `path` (the report layer, above the UI)."""

    def __call__(self, path: Path, figures: ReportFigures) -> None: ...


def _no_problem() -> str:
    return ""


def _not_shared() -> None:
    return None


@dataclass(frozen=True)
class WindowServices:
    """Everything optional is None when this window has no such service.

    `records` opens the history when first called: without it no check comes before a
    session. `history_backups` is given the window's way to use a program, since putting
    a backup back brings its program with it. `voice_problem` says in one sentence why
    the voice or the chime cannot sound here ("" when they can). `report_writer` saves
    the history's clinic report; the screens never import the report themselves.
    """

    records: Callable[[], SafetyRecords] | None = None
    program_files: ProgramFiles | None = None
    history_backups: Callable[[Callable[[Program], None]], HistoryBackups] | None = None
    history_passphrase: HistoryProtection | None = None
    delete_all_data: Callable[[], bool] | None = None
    voice_problem: Callable[[], str] = _no_problem
    data_folder: Path | None = None  # the About screen shows it; the editor's PIN lives there
    history_on_server: bool = False  # backups and the passphrase are then the server's
    report_writer: ReportWriter | None = None
    # Sharing with the clinic, made once the history is open (its HTTP client and storage
    # are not imported before the first frame): None until then, and when not offered.
    clinic_sharing: Callable[[], Sharing | None] = _not_shared
