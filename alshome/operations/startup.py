"""Operations on saved data that the app and the command line share, with no Qt.

Like Anki's operation layer, this is where "what the app does with its data" lives, so
the screens only call one function and show its result.

Starting has two ways in, both giving a `Start`. `quick_start` reads what the home window
needs without importing SQLAlchemy or pydantic (about half a second together), trusting the
shipped files and the documents that were validated before they were saved. `full_start`
reads it through an open Repository and validates the saved program again; the app takes
it whenever the quick way cannot be sure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alshome.domain.program import Program
from alshome.programs.demo import demo_document
from alshome.programs.document import build_program, parse_program
from alshome.programs.library import stock_library
from alshome.storage.snapshot import SessionOverview, read_snapshot

if TYPE_CHECKING:
    from alshome.storage.repository import Repository


@dataclass(frozen=True)
class Start:
    """What the home window opens on.

    `program_id` is None when the program is the demo and is not saved yet: opening the
    database saves it (`load_active_program`).
    """

    program_id: int | None
    program: Program
    last_session: SessionOverview | None


def load_active_program(repository: Repository) -> tuple[int, Program]:
    """The program to follow today and its id; the demo is installed on first launch.

    The demo is validated before it is saved, so a broken one never reaches the database.
    Raises DocumentError when the saved program no longer fits the exercise library.
    """
    stored = repository.active_program()
    if stored is None:
        document = demo_document()
        program = parse_program(document, stock_library())
        return repository.add_program(document, active=True), program
    return stored.id, parse_program(stored.document, stock_library())


def full_start(repository: Repository) -> Start:
    """The start from the open database; saves the demo on first launch."""
    program_id, program = load_active_program(repository)
    return Start(program_id, program, repository.last_session())


def quick_start(database_url: str) -> Start | None:
    """The start read without SQLAlchemy or pydantic, or None if only `full_start` can tell.

    The saved program was validated before it was saved, so it is only built, which still
    checks it against today's library; the demo comes from the shipped file, which the
    tests validate. Any doubt (see `storage.snapshot`, and a document the builder refuses)
    gives None, and the full way then opens the database or explains what is wrong.
    """
    snapshot = read_snapshot(database_url)
    if snapshot is None:
        return None
    stored = snapshot.active_program
    try:
        document = demo_document() if stored is None else stored.document
        program = build_program(document, stock_library())
    except (ValueError, LookupError, TypeError, AttributeError):
        # A DocumentError (a ValueError), or a document no validation would have let
        # through: validating it on the full way says plainly what is wrong.
        return None
    return Start(None if stored is None else stored.id, program, snapshot.last_session)
