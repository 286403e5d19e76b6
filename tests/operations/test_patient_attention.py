"""One patient's flags gathered from a saved SQLite history: the sessions, lift checks,
ratings and the active program as the rules read them, with the evidence to link to."""

from __future__ import annotations

from datetime import date, timedelta

from alshome.domain.alsfrs import ITEMS, EnteredBy, Entry
from alshome.domain.attention import Concern, Source
from alshome.domain.safety import LiftCheck
from alshome.operations.attention import patient_attention
from alshome.operations.attention_words import sentence
from alshome.operations.history import opened_history
from alshome.platform.paths import sqlite_url
from tests.operations.conftest import SESSION_START


def test_a_saved_history_is_flagged_with_links_to_its_records(saved):
    session_day = SESSION_START.date()
    today = session_day + timedelta(days=90)
    with opened_history(sqlite_url(saved), None) as repository:
        [stored] = repository.sessions()
        repository.record_lift_check(
            1, LiftCheck("knee_extension", "Knee extension", False, SESSION_START)
        )
        for days, breathing in ((0, 4), (60, 2)):
            values = tuple(breathing if i >= 9 else 4 for i in range(len(ITEMS)))
            moment = SESSION_START + timedelta(days=days)
            repository.save_alsfrs(Entry(moment, values, EnteredBy.PATIENT))
        attention = patient_attention(repository, today)
    concerns = [flag.concern for flag in attention.flags]
    assert concerns == [
        Concern.CANNOT_LIFT,
        Concern.NO_RECENT_SESSION,
        Concern.ALSFRS_FAST,
        Concern.ALSFRS_DOMAIN_DROP,
        Concern.PROGRAM_REVIEW,
    ]
    gap, review = attention.flags[1], attention.flags[-1]
    assert gap.evidence[0].ref == stored.uuid and gap.amount == 90
    assert review.evidence[0].source is Source.PROGRAM and review.evidence[0].day == session_day
    assert sentence(gap) == (
        "No session for 90 days, since 2 Mar 2026; the weekly target allows 11 days "
        "between sessions."
    ), "the demo's target of two a week"


def test_a_history_without_sessions_raises_no_flag_it_cannot_date(database):
    with opened_history(sqlite_url(database), None) as repository:
        assert patient_attention(repository, date(2026, 3, 20)).flags == ()
