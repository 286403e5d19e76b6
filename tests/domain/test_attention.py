"""The needs-attention rules: each fires, stays silent just short of its threshold, and is
said in one plain sentence; and flags and patients sort with the most urgent first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from alshome.domain.alsfrs import ITEMS, Domain, EnteredBy, Entry, slope
from alshome.domain.attention import (
    Attention,
    AttentionThresholds,
    Concern,
    Evidence,
    PatientRecords,
    ProgramInUse,
    Severity,
    Source,
    longest_allowed_gap,
    needs_attention,
)
from alshome.domain.fatigue import Symptom
from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck
from alshome.domain.session import SessionStatus
from alshome.domain.trends import SessionSummary
from alshome.operations.attention_words import sentence

TODAY = date(2026, 12, 7)  # a Monday
PROGRAM = ProgramInUse("Home program", 3, weekly_target=2, since=TODAY - timedelta(days=30))


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def session(day: date, **changes) -> SessionSummary:
    values = dict(
        uuid=f"session-{day.isoformat()}",
        started_at=at(day),
        ended_at=at(day, 11),
        status=SessionStatus.COMPLETED,
        program_name=PROGRAM.name,
        program_version=PROGRAM.version,
        sets_planned=10,
        sets_done=10,
        highest_fatigue=4,
        mean_fatigue=3.0,
        symptoms=(),
    )
    values.update(changes)
    return SessionSummary(**values)


@dataclass(frozen=True)
class Answered:
    check: CarryOverCheck
    session_uuid: str | None


def answered(day: date, answer: CarryOver) -> Answered:
    return Answered(CarryOverCheck(answer, at(day, 9)), f"session-{day.isoformat()}")


def rating(day: date, **lower: int) -> Entry:
    """A rating of 4 on every item but those named, which take the value given."""
    values = tuple(lower.get(item.value, 4) for item in ITEMS)
    return Entry(at(day), values, EnteredBy.PATIENT)


def flags(concern: Concern | None = None, today: date = TODAY, **records):
    records.setdefault("program", None)
    found = needs_attention(PatientRecords(**records), today).flags
    return [flag for flag in found if concern is None or flag.concern is concern]


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


# ----- no session for longer than the weekly target allows ---------------------------------


def test_the_longest_gap_meeting_the_target_every_week():
    assert [longest_allowed_gap(n) for n in (1, 2, 3, 7, 8)] == [13, 11, 9, 1, 1]


def test_no_session_for_longer_than_the_target_allows_is_flagged():
    last = session(days_ago(12))
    [flag] = flags(Concern.NO_RECENT_SESSION, sessions=[last], program=PROGRAM)
    assert flag.severity is Severity.SOON
    assert flag.evidence == (Evidence(Source.SESSION, days_ago(12), last.uuid),)
    assert sentence(flag) == (
        "No session for 12 days, since 25 Nov 2026; the weekly target allows 11 days "
        "between sessions."
    )


def test_a_gap_the_target_allows_is_not_flagged():
    on_edge = flags(Concern.NO_RECENT_SESSION, sessions=[session(days_ago(11))], program=PROGRAM)
    assert on_edge == []
    three_a_week = ProgramInUse("Home program", 3, weekly_target=3, since=None)
    assert flags(Concern.NO_RECENT_SESSION, sessions=[session(days_ago(10))], program=three_a_week)
    assert not flags(Concern.NO_RECENT_SESSION, sessions=[session(days_ago(12))]), "no program"


def test_before_any_session_the_gap_counts_from_the_day_the_program_was_given():
    given = ProgramInUse("Home program", 1, weekly_target=3, since=days_ago(10))
    [flag] = flags(Concern.NO_RECENT_SESSION, program=given)
    assert flag.evidence[0].source is Source.PROGRAM and flag.amount == 10
    assert sentence(flag) == (
        "No session yet in the 10 days since the program was given on 27 Nov 2026; the "
        "weekly target allows 9 days between sessions."
    )
    assert not flags(Concern.NO_RECENT_SESSION, program=given, today=days_ago(1))
    unknown = ProgramInUse("Home program", 1, weekly_target=3, since=None)
    assert not flags(Concern.NO_RECENT_SESSION, program=unknown)


def test_a_clinic_can_allow_more_days():
    lenient = AttentionThresholds(sessions_missed_grace_days=3)
    records = PatientRecords(sessions=[session(days_ago(14))], program=PROGRAM)
    assert not needs_attention(records, TODAY, lenient).flags
    records = PatientRecords(sessions=[session(days_ago(15))], program=PROGRAM)
    assert needs_attention(records, TODAY, lenient).flags[0].concern is Concern.NO_RECENT_SESSION


# ----- a session stopped for a symptom ----------------------------------------------------


def test_a_recent_stop_for_a_symptom_is_flagged_with_the_symptoms_and_the_day():
    stopped = session(
        days_ago(3),
        status=SessionStatus.STOPPED_SYMPTOM,
        symptoms=(Symptom.CRAMP, Symptom.SHORT_OF_BREATH),
    )
    [flag] = flags(Concern.SYMPTOM_STOP, sessions=[stopped])
    assert flag.severity is Severity.URGENT
    assert flag.evidence == (Evidence(Source.SESSION, days_ago(3), stopped.uuid),)
    assert sentence(flag) == "Stopped a session for cramp and shortness of breath on 4 Dec 2026."


def test_a_stop_older_than_the_recent_days_or_for_tiredness_is_not():
    edge = session(days_ago(13), status=SessionStatus.STOPPED_SYMPTOM, symptoms=(Symptom.PAIN,))
    old = session(days_ago(14), status=SessionStatus.STOPPED_SYMPTOM, symptoms=(Symptom.PAIN,))
    tired = session(days_ago(1), status=SessionStatus.STOPPED_TIRED)
    found = flags(Concern.SYMPTOM_STOP, sessions=[old, edge, tired])
    assert [flag.evidence[0].ref for flag in found] == [edge.uuid]
    assert sentence(found[0]) == "Stopped a session for pain on 24 Nov 2026."


def test_three_symptoms_are_listed_with_commas():
    stopped = session(
        days_ago(1),
        status=SessionStatus.STOPPED_SYMPTOM,
        symptoms=(Symptom.CRAMP, Symptom.DIZZY, Symptom.PAIN),
    )
    [flag] = flags(Concern.SYMPTOM_STOP, sessions=[stopped])
    assert "for cramp, dizziness and pain on" in sentence(flag)


# ----- the highest fatigue rising over four weeks ------------------------------------------


def rated(*pairs: tuple[int, int]) -> list[SessionSummary]:
    return [session(days_ago(ago), highest_fatigue=value) for ago, value in pairs]


def test_highest_fatigue_rising_two_points_over_four_weeks_is_flagged():
    sessions = rated((27, 3), (20, 4), (13, 4), (6, 5), (0, 6))
    [flag] = flags(Concern.FATIGUE_RISING, sessions=sessions)
    assert flag.amount == pytest.approx(flag.after - flag.before) and flag.amount >= 2.0
    assert [e.ref for e in flag.evidence] == [s.uuid for s in sessions]
    assert sentence(flag) == (
        "Highest tiredness rising over four weeks, from about 3 to about 5.8."
    )


def test_a_smaller_rise_a_short_span_or_too_few_sessions_is_not():
    assert not flags(
        Concern.FATIGUE_RISING, sessions=rated((27, 3), (20, 4), (13, 4), (6, 5), (0, 5))
    )
    assert not flags(Concern.FATIGUE_RISING, sessions=rated((13, 1), (8, 2), (4, 6), (0, 8)))
    assert not flags(Concern.FATIGUE_RISING, sessions=rated((27, 1), (14, 6), (0, 9)))
    assert flags(Concern.FATIGUE_RISING, sessions=rated((14, 1), (8, 2), (4, 6), (0, 8)))


def test_ratings_older_than_four_weeks_do_not_count():
    sessions = rated((40, 0), (35, 0), (27, 5), (20, 5), (6, 5), (0, 5))
    assert not flags(Concern.FATIGUE_RISING, sessions=sessions)


# ----- still tired or sore at several sessions in a row ------------------------------------


def test_still_tired_or_sore_three_times_in_a_row_is_flagged():
    checks = [
        answered(days_ago(9), CarryOver.TIRED),
        answered(days_ago(7), CarryOver.FINE),
        answered(days_ago(5), CarryOver.TIRED),
        answered(days_ago(3), CarryOver.SORE),
        answered(days_ago(1), CarryOver.TIRED),
    ]
    [flag] = flags(Concern.CARRY_OVER, carry_over=checks)
    assert [e.day for e in flag.evidence] == [days_ago(5), days_ago(3), days_ago(1)]
    assert flag.evidence[0].ref == f"session-{days_ago(5).isoformat()}"
    assert sentence(flag) == "Still tired or sore from the session before, 3 times in a row."


def test_two_in_a_row_or_a_run_that_ended_is_not():
    two = [answered(days_ago(3), CarryOver.SORE), answered(days_ago(1), CarryOver.TIRED)]
    assert not flags(Concern.CARRY_OVER, carry_over=two)
    ended = [answered(days_ago(n), CarryOver.TIRED) for n in (9, 7, 5)]
    ended.append(answered(days_ago(1), CarryOver.FINE))
    assert not flags(Concern.CARRY_OVER, carry_over=ended)


# ----- a "no" to the lift check ------------------------------------------------------------


def lift(exercise: str, able: bool, day: date) -> LiftCheck:
    return LiftCheck(exercise, exercise.replace("_", " "), able, at(day))


def test_a_no_to_the_lift_check_names_the_exercise():
    [flag] = flags(Concern.CANNOT_LIFT, lift_checks=[lift("knee_extension", False, days_ago(2))])
    assert flag.severity is Severity.URGENT
    assert flag.evidence == (Evidence(Source.LIFT_CHECK, days_ago(2), "knee_extension"),)
    assert sentence(flag) == "Could no longer lift knee extension without the weight (5 Dec 2026)."


def test_a_later_yes_clears_it():
    checks = [lift("knee_extension", False, days_ago(9)), lift("knee_extension", True, days_ago(2))]
    assert not flags(Concern.CANNOT_LIFT, lift_checks=checks)
    [flag] = flags(Concern.CANNOT_LIFT, lift_checks=[*checks, lift("hip_flexion", False, TODAY)])
    assert flag.exercise == "hip flexion"


# ----- the ALSFRS-R: a fast slope, a drop in one domain ------------------------------------


def test_an_alsfrs_slope_faster_than_the_threshold_is_flagged():
    entries = [
        rating(days_ago(90)),
        rating(days_ago(45), walking=2),
        rating(TODAY, walking=0, climbing_stairs=2),
    ]
    [flag] = flags(Concern.ALSFRS_FAST, alsfrs=entries)
    assert flag.amount == pytest.approx(-slope(entries))
    assert [e.day for e in flag.evidence] == [days_ago(90), days_ago(45), TODAY]
    assert sentence(flag) == (
        "ALSFRS-R falling by 2 points a month since 8 Sep 2026, faster than the clinic's 1."
    )


def test_a_slope_of_one_point_a_month_or_too_short_a_span_is_not():
    one_a_month = [rating(days_ago(61)), rating(TODAY, walking=2)]  # 2 points in ~2 months
    assert not flags(Concern.ALSFRS_FAST, alsfrs=one_a_month)
    short = [rating(days_ago(55)), rating(TODAY, walking=0)]
    assert not flags(Concern.ALSFRS_FAST, alsfrs=short)
    assert flags(Concern.ALSFRS_FAST, alsfrs=[rating(days_ago(56)), rating(TODAY, walking=0)])


def test_a_drop_of_two_points_in_one_domain_is_flagged():
    entries = [rating(days_ago(30)), rating(TODAY, breathlessness=3, breathless_lying_flat=3)]
    [flag] = flags(Concern.ALSFRS_DOMAIN_DROP, alsfrs=entries)
    assert flag.domain is Domain.RESPIRATORY and (flag.before, flag.after) == (12, 10)
    assert flag.evidence[0] == Evidence(Source.ALSFRS, days_ago(30), at(days_ago(30)).isoformat())
    assert sentence(flag) == "Breathing down 2 points, from 12 to 10, on 7 Dec 2026."


def test_a_drop_of_one_point_or_spread_over_domains_is_not():
    entries = [rating(days_ago(30)), rating(TODAY, speech=3, walking=3, handwriting=3)]
    assert not flags(Concern.ALSFRS_DOMAIN_DROP, alsfrs=entries)


def test_ratings_of_one_day_count_as_their_mean():
    entries = [
        rating(days_ago(30)),
        rating(TODAY, speech=2),
        Entry(at(TODAY, 12), tuple([4] * 12), EnteredBy.CAREGIVER),
    ]
    assert not flags(Concern.ALSFRS_DOMAIN_DROP, alsfrs=entries), "mean drop is one point"


# ----- a program not updated for longer than the review interval ---------------------------


def test_a_program_unchanged_past_the_review_interval_is_flagged():
    old = ProgramInUse("Home program", 3, weekly_target=2, since=days_ago(85))
    [flag] = flags(Concern.PROGRAM_REVIEW, program=old, sessions=[session(TODAY)])
    assert flag.severity is Severity.ROUTINE
    assert flag.evidence == (Evidence(Source.PROGRAM, days_ago(85), "Home program v3"),)
    assert sentence(flag) == (
        "Program unchanged for 85 days, since 13 Sep 2026; the clinic reviews after 84 days."
    )


def test_a_program_within_the_interval_or_of_unknown_age_is_not():
    recent = ProgramInUse("Home program", 3, weekly_target=2, since=days_ago(84))
    assert not flags(Concern.PROGRAM_REVIEW, program=recent)
    unknown = ProgramInUse("Home program", 3, weekly_target=2, since=None)
    assert not flags(Concern.PROGRAM_REVIEW, program=unknown)


# ----- order ------------------------------------------------------------------------------


def test_flags_sort_urgent_first_and_patients_needing_attention_first():
    stopped = session(days_ago(2), status=SessionStatus.STOPPED_SYMPTOM, symptoms=(Symptom.PAIN,))
    old = ProgramInUse("Home program", 3, weekly_target=2, since=days_ago(100))
    mixed = needs_attention(PatientRecords(sessions=[stopped], program=old), TODAY)
    assert [f.concern for f in mixed.flags] == [Concern.SYMPTOM_STOP, Concern.PROGRAM_REVIEW]
    assert mixed.severity is Severity.URGENT
    routine = needs_attention(PatientRecords(sessions=[session(TODAY)], program=old), TODAY)
    calm = needs_attention(PatientRecords(sessions=[session(TODAY)], program=PROGRAM), TODAY)
    assert calm == Attention() and calm.severity is None
    patients = sorted([calm, routine, mixed], key=lambda attention: attention.sort_key)
    assert patients == [mixed, routine, calm]


def test_thresholds_are_checked():
    with pytest.raises(ValueError, match="span"):
        AttentionThresholds(fatigue_min_span_days=30)
    with pytest.raises(ValueError, match="at least two"):
        AttentionThresholds(carry_over_in_a_row=1)
