"""A patient's figures as the dashboard shows them, from the clinic's copy of their history.

The clinic rebuilds the app's own export of the patient (`records.patient_export`) and
reads it with the same Qt-free code the app's history screen and report use: session
summaries (`domain.trends.summarize`), the weekly adherence and series
(`domain.trends`), the ALSFRS-R slope (`domain.alsfrs`) and the needs-attention flags
(`operations.attention`), so a patient is flagged and charted the same way everywhere.

`ClinicRecords` answers what `operations.attention.AttentionRecords` asks, from that
export. A session's weekly target is that of the program version it followed, when the
clinic holds that version and today's exercise library still builds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property

from sqlalchemy.orm import Session

from alshome.clinic.records import patient_export
from alshome.domain.alsfrs import Entry
from alshome.domain.attention import Attention, AttentionThresholds
from alshome.domain.recorded import StoredSession
from alshome.domain.safety import LiftCheck
from alshome.domain.trends import SessionSummary, Trends, monday_of, summarize, trends
from alshome.operations.attention import patient_attention
from alshome.operations.exchange import ExportedHistory
from alshome.storage.repository import ProgramRecord, StoredCarryOver
from alshome.storage.snapshot import StoredProgram

DEFAULT_WEEKLY_TARGET = 3  # the demo program's, for a patient whose program is unknown


class ClinicRecords:
    """One patient's history at the clinic, as the attention rules and charts read it."""

    def __init__(self, history: ExportedHistory) -> None:
        self.history = history

    @classmethod
    def of(cls, db: Session, patient_id: str) -> ClinicRecords:
        return cls(patient_export(db, patient_id, datetime.now(UTC)).history())

    @cached_property
    def _targets(self) -> dict[tuple[str, int], int]:
        from alshome.programs.document import DocumentError, build_program
        from alshome.programs.library import stock_library

        targets = {}
        for record in self.history.programs:
            try:
                program = build_program(record.document, stock_library())
            except (DocumentError, KeyError, TypeError, ValueError):
                continue
            targets[(record.name, record.version)] = program.weekly_target
        return targets

    @cached_property
    def _summaries(self) -> list[SessionSummary]:
        return [
            summarize(session, self._targets.get((session.program_name, session.program_version)))
            for session in self.history.sessions
        ]

    def session_summaries(self) -> list[SessionSummary]:
        return self._summaries

    def sessions(self) -> tuple[StoredSession, ...]:
        return self.history.sessions

    def carry_over_checks(self) -> list[StoredCarryOver]:
        return list(self.history.carry_over_checks)

    def exercises_to_review(self) -> list[LiftCheck]:
        """The exercises whose latest lift check was "no", as the repository answers."""
        latest: dict[str, LiftCheck] = {}
        for session in self.history.sessions:
            for check in session.lift_checks:
                held = latest.get(check.exercise_id)
                if held is None or check.checked_at >= held.checked_at:
                    latest[check.exercise_id] = check
        return sorted(
            (check for check in latest.values() if not check.able),
            key=lambda check: check.checked_at,
        )

    def alsfrs_entries(self) -> list[Entry]:
        return list(self.history.alsfrs)

    def programs(self) -> tuple[ProgramRecord, ...]:
        return self.history.programs

    def active_program(self) -> StoredProgram | None:
        for index, record in enumerate(self.history.programs):
            if record.active:
                return StoredProgram(index, record.name, record.version, record.document)
        return None

    @property
    def weekly_target(self) -> int:
        active = self.active_program()
        if active is not None and (active.name, active.version) in self._targets:
            return self._targets[(active.name, active.version)]
        return DEFAULT_WEEKLY_TARGET


@dataclass(frozen=True)
class PatientOverview:
    """One row of the patients page."""

    patient_id: str
    name: str
    sessions_this_week: int
    weekly_target: int
    last_session: datetime | None
    attention: Attention

    @property
    def met(self) -> bool:
        return self.sessions_this_week >= self.weekly_target


def overview(
    records: ClinicRecords,
    patient_id: str,
    name: str,
    today: date,
    thresholds: AttentionThresholds | None = None,
) -> PatientOverview:
    summaries = records.session_summaries()
    monday = monday_of(today)
    return PatientOverview(
        patient_id=patient_id,
        name=name,
        sessions_this_week=sum(1 for session in summaries if session.local_day >= monday),
        weekly_target=records.weekly_target,
        last_session=summaries[-1].started_at if summaries else None,
        attention=patient_attention(records, today, thresholds),
    )


def patient_trends(records: ClinicRecords, first: date | None, today: date) -> Trends:
    """The charts' figures for the days `first` (None: from the start) to `today`."""
    return trends(
        records.session_summaries(), records.weekly_target, first, today, records.alsfrs_entries()
    )
