"""Program files in and out of the database: `alshome program export` and `import`, no Qt.

A program file comes from a therapist and is untrusted. `read_program_file` checks it
whole - the size cap, the schema (unknown fields refused, numbers bounded), exercise ids
known in the library, thresholds in order - before anything opens the database, so a bad
file writes nothing and creates no data folder. Only then does `import_program` save it,
in one transaction, as the active program. Older programs and versions stay saved:
past sessions name them, and the history must still say what was prescribed then.

Files are written in one canonical form, every field written out in the schema's order,
so a therapist sees each setting there is to change, and a program exported, imported
and exported again gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from alshome.domain.program import Exercise, Program
from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
from alshome.programs.document import (
    ProgramConflictError,
    build_program,
    read_json_file,
    refuse_shadowed_ids,
)
from alshome.programs.library import stock_library
from alshome.programs.schema import validate_program


class Outcome(StrEnum):
    """What an import changed; the program is the active one in every case."""

    ADDED = "added"
    REACTIVATED = "reactivated"  # the same document was saved before; it is active again
    UNCHANGED = "unchanged"  # it was already the active program


class SavedProgram(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def document(self) -> dict[str, Any]: ...


class ProgramStore(Protocol):
    """What saving a program needs of the history: `alshome.storage.repository.Repository`,
    named by its shape so that program files stay a layer below storage."""

    def program_named(self, name: str, version: int) -> SavedProgram | None: ...

    def active_program(self) -> SavedProgram | None: ...

    def add_program(
        self, document: dict[str, Any], active: bool, media: Mapping[str, bytes] | None = None
    ) -> int: ...

    def program_media(self, program_id: int) -> dict[str, bytes]: ...


def saved_media(store: ProgramStore, program: Program) -> dict[str, bytes]:
    """The pictures and videos saved with `program`'s own version, by path: a session done
    with an earlier version shows what that version named, not today's."""
    if not program.media:
        return {}
    saved = store.program_named(program.name, program.version)
    return {} if saved is None else store.program_media(saved.id)


@dataclass(frozen=True)
class CheckedProgram:
    """A program file that passed every check, in canonical form, and what it builds.

    `media` holds the pictures and videos its own exercises name, by path, each checked
    (`alshome.programs.media`): a plain program file has none, a bundle all it names.
    """

    document: dict[str, Any]
    program: Program
    media: Mapping[str, bytes] = field(default_factory=dict)


def check_program(data: Any, library: Mapping[str, Exercise] | None = None) -> CheckedProgram:
    """Validate an untrusted document whole; raise one plain DocumentError if unusable."""
    document = validate_program(data)
    library = library or stock_library()
    refuse_shadowed_ids(document, library)
    return CheckedProgram(document, build_program(document, library))


def document_of(program: Program) -> dict[str, Any]:
    """The canonical document of a program, as a file would hold it: for the editor to save.

    Every field is written out (a dose's fields are the document's, by name), so checking
    the result with `check_program` gives back the same program.
    """
    thresholds = program.thresholds
    return validate_program(
        {
            "format": "alshome-program",
            "format_version": 2 if program.custom_exercises else 1,
            "name": program.name,
            "version": program.version,
            "example": program.example,
            "author": {"name": program.therapist.name, "contact": program.therapist.contact},
            "weekly_target": program.weekly_target,
            "thresholds": {
                "rest_longer_at": thresholds.rest_longer_at,
                "stop_at": thresholds.stop_at,
                "longer_rest_factor": thresholds.longer_rest_factor,
            },
            "notes": program.notes,
            "lighter_option": program.lighter_option,
            "custom_exercises": [asdict(exercise) for exercise in program.custom_exercises],
            "prescriptions": [
                {
                    "exercise": prescription.exercise.id,
                    "kind": prescription.exercise.kind.value,
                    **{
                        item.name: getattr(prescription.dose, item.name)
                        for item in fields(prescription.dose)
                    },
                }
                for prescription in program.prescriptions
            ],
        }
    )


def read_program_file(path: Path) -> CheckedProgram:
    """Read and check a program file; the error names the file, the field and the reason."""
    data = read_json_file(path)
    try:
        return check_program(data)
    except DocumentError as exc:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{file}: {problem}"), file=path.name, problem=exc.message
        ) from None


def import_program(checked: CheckedProgram, repository: ProgramStore) -> Outcome:
    """Save a checked program and its media as the active one, in one transaction, keeping
    the others.

    A name and version name one document for good: sessions refer to programs by them.
    Importing the same document again only makes it active; a different document under
    a name and version already saved is refused, as it needs a version of its own.

    A new version made in the editor from the active program names that program's
    pictures and videos without holding them: each one the checked program lacks is taken
    from the active program, at the same path. Any still missing refuses the import, so a
    saved program never names a picture or video that is not saved with it.
    """
    active = repository.active_program()
    media = _with_kept_media(checked, repository, active)
    document = checked.document
    saved = repository.program_named(document["name"], document["version"])
    if saved is not None and not (
        _same_document(saved.document, document) and repository.program_media(saved.id) == media
    ):
        raise _taken(document)
    try:
        repository.add_program(
            document if saved is None else saved.document, active=True, media=media
        )
    except ProgramConflictError:
        raise _taken(document) from None
    if saved is None:
        return Outcome.ADDED
    if active is not None and active.id == saved.id:
        return Outcome.UNCHANGED
    return Outcome.REACTIVATED


def _with_kept_media(
    checked: CheckedProgram, repository: ProgramStore, active: SavedProgram | None
) -> dict[str, bytes]:
    media = dict(checked.media)
    missing = [path for path in checked.program.media if path not in media]
    if not missing:
        return media
    kept = {} if active is None else repository.program_media(active.id)
    for path in missing:
        if path not in kept:
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "{path} is named by the program but is not in it."),
                path=repr(path),
            )
        media[path] = kept[path]
    return media


def program_file_text(document: Mapping[str, Any]) -> str:
    """A saved program document as a file: canonical, pretty JSON ending with a newline."""
    canonical = validate_program(document)
    return json.dumps(canonical, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _same_document(saved: Mapping[str, Any], document: Mapping[str, Any]) -> bool:
    """Compared in canonical form, since a saved document may leave defaults out."""
    try:
        return validate_program(saved) == document
    except DocumentError:
        return False


def _taken(document: Mapping[str, Any]) -> DocumentError:
    return DocumentError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "A different program named {name}, version {version}, is already saved; "
            "give this one a new version number.",
        ),
        name=repr(document["name"]),
        version=document["version"],
    )
