"""Operations on saved data that the app and the command line share, with no Qt.

Like Anki's operation layer, this is where "what the app does with its data" lives, so
the screens only call one function and show its result.
"""

from __future__ import annotations

from alshome.domain.program import Program
from alshome.programs.demo import demo_document
from alshome.programs.document import parse_program
from alshome.programs.library import stock_library
from alshome.storage.repository import Repository


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
