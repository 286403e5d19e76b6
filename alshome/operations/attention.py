"""One patient's needs-attention flags, gathered from their history.

The rules are the domain's (`alshome.domain.attention`); this reads what they need from an
open repository, so the app, the clinic report and the clinic server flag a patient the
same way. Qt-free, and it writes nothing.

Decisions:
- The program is the active one; its weekly target is that of its own document. A saved
  program that no longer fits today's exercise library is left out, which silences the
  two rules that read it rather than guessing a target.
- The day a program version was given is not recorded on the patient's device, so it is
  taken as the first day a session followed that version; before any, it is unknown (and
  the review rule says nothing). The clinic server, which knows when it published a
  version, passes that day instead (`ProgramInUse`), and gives it to the report it makes
  (`given`), so the report flags what the dashboard flags.
- Lift checks are the latest "no" of each exercise (`Repository.exercises_to_review`),
  exactly what the domain's rule keeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

from alshome.domain.alsfrs import Entry
from alshome.domain.attention import (
    Attention,
    AttentionThresholds,
    PatientRecords,
    ProgramInUse,
    needs_attention,
)
from alshome.domain.safety import LiftCheck
from alshome.domain.trends import SessionSummary

if TYPE_CHECKING:
    from alshome.storage.repository import StoredCarryOver
    from alshome.storage.snapshot import StoredProgram


class AttentionRecords(Protocol):
    """What the flags read: the repository, or anything answering the same."""

    def session_summaries(self) -> list[SessionSummary]: ...

    def carry_over_checks(self) -> list[StoredCarryOver]: ...

    def exercises_to_review(self) -> list[LiftCheck]: ...

    def alsfrs_entries(self) -> list[Entry]: ...

    def active_program(self) -> StoredProgram | None: ...


def patient_attention(
    records: AttentionRecords,
    today: date,
    thresholds: AttentionThresholds | None = None,
    given: date | None = None,
) -> Attention:
    """The flags of the patient whose history `records` holds, most urgent first; `given`
    is the day the active program was given, where someone knows it."""
    sessions = records.session_summaries()
    return needs_attention(
        PatientRecords(
            sessions=sessions,
            carry_over=records.carry_over_checks(),
            lift_checks=records.exercises_to_review(),
            alsfrs=records.alsfrs_entries(),
            program=program_in_use(records.active_program(), sessions, given),
        ),
        today,
        thresholds,
    )


def program_in_use(
    stored: StoredProgram | None, sessions: Sequence[SessionSummary], given: date | None = None
) -> ProgramInUse | None:
    """The active program as the rules read it (see the module's decisions): unchanged
    since it was `given`, or first followed, whichever is known and earlier."""
    from alshome.programs.document import DocumentError, build_program
    from alshome.programs.library import stock_library

    if stored is None:
        return None
    try:
        program = build_program(stored.document, stock_library())
    except (DocumentError, KeyError, TypeError, ValueError):
        return None
    days = [] if given is None else [given]
    days += [
        session.local_day
        for session in sessions
        if (session.program_name, session.program_version) == (stored.name, stored.version)
    ]
    return ProgramInUse(
        stored.name, stored.version, program.weekly_target, min(days) if days else None
    )
