"""A program the clinic published, offered on home: what changed, then take it or not.

The sender keeps the clinic's latest program as an offer (`alshome.operations.sync`); it
changes nothing by itself. Home asks between sessions, never during one. Taking it makes
it the program in use as an import of a program file does (`import_program`), so the
previous version stays, for the history and to go back to; the change is shared back to
the clinic through the outbox like any other program saved. Leaving it keeps the program
in use; the same program is not offered again, only a newer one the clinic publishes. A
program with the therapist's pictures or video is taken with them, from the bundle the
sync kept beside the offer, so they are stored with the new program version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine

from alshome.platform.errors import DocumentError
from alshome.programs.bundle import BUNDLE_SUFFIX, bundle_from_bytes
from alshome.programs.transfer import CheckedProgram, check_program, import_program
from alshome.storage.outbox import Outbox
from alshome.storage.repository import Repository


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"  # the same exercise with another dose


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    exercise: str  # the exercise's name, as the person knows it


@dataclass(frozen=True)
class Offer:
    name: str
    version: int
    changes: tuple[Change, ...]
    weekly_target: tuple[int | None, int]  # (in use, offered)


def offered_program(engine: Engine) -> Offer | None:
    """The clinic's program waiting to be offered, with what it changes; None for none."""
    sharing = Outbox(engine).sharing()
    if sharing is None or sharing.offered is None:
        return None
    offered = check_program(sharing.offered)
    in_use = Repository(engine).active_program()
    current: dict[str, Any] = {} if in_use is None else in_use.document
    return Offer(
        name=offered.program.name,
        version=offered.program.version,
        changes=changes(current, offered.document),
        weekly_target=(current.get("weekly_target"), offered.program.weekly_target),
    )


def changes(current: dict[str, Any], offered: dict[str, Any]) -> tuple[Change, ...]:
    """The exercises the offered program adds, drops or doses differently, in its order
    (the dropped ones last)."""
    names = {**_names(current), **_names(offered)}
    before = {entry["exercise"]: entry for entry in current.get("prescriptions", ())}
    after = {entry["exercise"]: entry for entry in offered.get("prescriptions", ())}
    found = []
    for exercise, entry in after.items():
        if exercise not in before:
            found.append(Change(ChangeKind.ADDED, names.get(exercise, exercise)))
        elif before[exercise] != entry:
            found.append(Change(ChangeKind.CHANGED, names.get(exercise, exercise)))
    found.extend(
        Change(ChangeKind.REMOVED, names.get(exercise, exercise))
        for exercise in before
        if exercise not in after
    )
    return tuple(found)


def _names(document: dict[str, Any]) -> dict[str, str]:
    """The names of a program's exercises by id; none for a program no longer valid (then
    the ids stand in)."""
    if not document:
        return {}
    try:
        program = check_program(document).program
    except DocumentError:
        return {}
    return {entry.exercise.id: entry.exercise.name for entry in program.prescriptions}


def take_offer(
    engine: Engine, use: Callable[[CheckedProgram], object] | None = None
) -> CheckedProgram | None:
    """Make the offered program the one in use, keeping the previous version; None when
    nothing was offered. `use` saves it as the app does (after a backup, and the
    window's program follows); by default it is imported into the history here."""
    outbox = Outbox(engine)
    sharing = outbox.sharing()
    if sharing is None or sharing.offered is None:
        return None
    bundle = outbox.offered_bundle()
    if bundle is None:
        checked = check_program(sharing.offered)
    else:  # checked when it came; checked again, as any bundle is before it is used
        checked = bundle_from_bytes(bundle, f"{sharing.offered['name']}{BUNDLE_SUFFIX}")
    if use is None:
        import_program(checked, Repository(engine))
    else:
        use(checked)
    outbox.clear_offer()
    return checked


def leave_offer(engine: Engine) -> None:
    """Keep the program in use; the clinic's program is not offered again."""
    Outbox(engine).clear_offer()
