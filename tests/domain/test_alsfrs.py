"""The ALSFRS-R arithmetic against cases worked by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from alshome.domain.alsfrs import (
    ANCHORS,
    ITEMS,
    LABELS,
    Domain,
    EnteredBy,
    Entry,
    Item,
    Progression,
    latest_onset,
    months_between,
    pre_slope,
    progression,
    rating_due,
    slope,
)

ZONE = timezone(timedelta(hours=2))


def entry(day: date, values, onset: date | None = None, hour: int = 10) -> Entry:
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=ZONE)
    return Entry(moment, tuple(values), EnteredBy.PATIENT, onset)


def with_total(day: date, total: int, onset: date | None = None, hour: int = 10) -> Entry:
    """An entry whose values add up to `total`, lost from the first items on."""
    lost = 48 - total
    values = []
    for _ in ITEMS:
        taken = min(4, lost)
        values.append(4 - taken)
        lost -= taken
    return entry(day, values, onset, hour)


def test_every_item_has_a_label_and_five_anchors_and_one_domain():
    assert len(ITEMS) == 12
    assert set(LABELS) == set(ITEMS)
    assert all(len(ANCHORS[item]) == 5 and all(ANCHORS[item]) for item in ITEMS)
    assert sorted(item for domain in Domain for item in domain.items) == sorted(ITEMS)


def test_total_and_domain_subscores():
    values = (4, 3, 2, 1, 0, 4, 3, 3, 3, 2, 2, 2)
    rated = entry(date(2026, 1, 5), values)
    assert rated.total == 29
    assert rated.subscores() == {
        Domain.BULBAR: 9,
        Domain.FINE_MOTOR: 5,
        Domain.GROSS_MOTOR: 9,
        Domain.RESPIRATORY: 6,
    }
    assert rated.value(Item.CUTTING_FOOD) == 0


@pytest.mark.parametrize("values", [(4,) * 11, (4,) * 13, (4,) * 11 + (5,), (4,) * 11 + (-1,)])
def test_an_entry_refuses_wrong_values(values):
    with pytest.raises(ValueError):
        Entry(datetime(2026, 1, 5, tzinfo=ZONE), values, EnteredBy.CLINICIAN)


def test_an_entry_needs_an_aware_moment():
    with pytest.raises(ValueError):
        Entry(datetime(2026, 1, 5), (4,) * 12, EnteredBy.CAREGIVER)


def test_month_arithmetic():
    assert months_between(date(2026, 1, 1), date(2026, 1, 1)) == 0
    # 2025 is not a leap year: 365 days = 365 / 30.4375 = 11.9917... months
    assert months_between(date(2025, 1, 1), date(2026, 1, 1)) == pytest.approx(11.99178, abs=1e-5)
    # four years with one leap day are exactly 48 mean months
    assert months_between(date(2021, 3, 1), date(2025, 3, 1)) == 48
    assert months_between(date(2026, 3, 1), date(2026, 2, 1)) == pytest.approx(-28 / 30.4375)


def test_pre_slope_worked_by_hand():
    # onset 2024-03-01, rated 2026-03-01: 730 days (the leap day came before) = 23.9836
    # months; total 36 lost 12 points: 12 / 23.9836 = 0.50034 a month, just intermediate
    rated = with_total(date(2026, 3, 1), 36, onset=date(2024, 3, 1))
    assert pre_slope(rated) == pytest.approx(0.50034, abs=1e-5)
    assert progression(pre_slope(rated)) is Progression.INTERMEDIATE
    earlier = with_total(date(2026, 3, 1), 36, onset=date(2024, 2, 1))
    assert pre_slope(earlier) == pytest.approx(12 / (759 / 30.4375))


def test_pre_slope_without_onset_or_with_onset_not_before_the_entry():
    day = date(2026, 3, 1)
    assert pre_slope(with_total(day, 40)) is None
    assert pre_slope(with_total(day, 40, onset=day)) is None
    assert pre_slope(with_total(day, 40, onset=date(2026, 4, 1))) is None


def test_no_slope_from_one_entry_or_one_day():
    day = date(2026, 3, 1)
    assert slope([]) is None
    assert slope([with_total(day, 40)]) is None
    assert slope([with_total(day, 40, hour=9), with_total(day, 30, hour=18)]) is None


def test_slope_of_a_perfect_line():
    # 2021-03-01, 2025-03-01 and 2029-03-01 are 1461 days apart: exactly 48 mean months each;
    # losing 12 points in each span is exactly -0.25 a month
    days = (date(2021, 3, 1), date(2025, 3, 1), date(2029, 3, 1))
    entries = [with_total(day, total) for day, total in zip(days, (48, 36, 24), strict=True)]
    assert slope(entries) == pytest.approx(-0.25)
    assert slope(reversed(entries)) == pytest.approx(-0.25)


def test_negative_and_rising_slopes_worked_by_hand():
    # totals 40, 38, 30 on days 0, 121 and 243: least squares through (0, 40),
    # (3.9754, 38) and (7.9836, 30) in months: mean (3.9863, 36), deviations products
    # -15.9452 - 0.0219 - 23.9836 = -39.9507 over squares 31.8689 = -1.2536 a month
    start = date(2026, 1, 1)
    days = (0, 121, 243)
    totals = (40, 38, 30)
    entries = [with_total(start + timedelta(days=d), t) for d, t in zip(days, totals, strict=True)]
    assert slope(entries) == pytest.approx(-1.2536, abs=1e-4)
    assert progression(-slope(entries)) is Progression.FAST
    rising = [with_total(start, 30), with_total(start + timedelta(days=61), 34)]
    assert slope(rising) == pytest.approx(4 / (61 / 30.4375))


def test_entries_on_the_same_day_are_averaged():
    start = date(2026, 1, 1)
    later = start + timedelta(days=61)  # 2.00411 months
    alone = [with_total(start, 40), with_total(later, 36)]
    twice = [with_total(start, 40), with_total(later, 38, hour=9), with_total(later, 34, hour=17)]
    assert slope(twice) == pytest.approx(slope(alone))
    assert slope(alone) == pytest.approx(-4 / (61 / 30.4375))


def test_slope_over_a_range_and_of_a_subscore():
    start = date(2026, 1, 1)
    entries = [
        with_total(start, 48),
        with_total(start + timedelta(days=61), 46),
        with_total(start + timedelta(days=122), 40),
    ]
    months = 61 / 30.4375
    assert slope(entries, start=start + timedelta(days=1)) == pytest.approx(-6 / months)
    assert slope(entries, end=start + timedelta(days=61)) == pytest.approx(-2 / months)
    assert slope(entries, start=start, end=start) is None
    # the points are lost from speech and saliva: bulbar 12, 10, 4 falls as the total does,
    # breathing stays 12
    assert slope(entries) == pytest.approx(-4 / months)
    bulbar = slope(entries, score=lambda rated: rated.subscore(Domain.BULBAR))
    assert bulbar == pytest.approx(-4 / months)
    assert slope(entries, score=lambda rated: rated.subscore(Domain.RESPIRATORY)) == 0


@pytest.mark.parametrize(
    ("rate", "band"),
    [
        (0.0, Progression.SLOW),
        (0.49, Progression.SLOW),
        (0.5, Progression.INTERMEDIATE),
        (1.0, Progression.INTERMEDIATE),
        (1.01, Progression.FAST),
        (-0.3, Progression.SLOW),
    ],
)
def test_progression_bands(rate, band):
    assert progression(rate) is band


def test_a_rating_is_suggested_monthly():
    last = date(2026, 3, 1)
    entries = [with_total(date(2026, 1, 1), 40), with_total(last, 39)]
    assert rating_due([], last)
    assert not rating_due(entries, last)
    assert not rating_due(entries, last + timedelta(days=29))
    assert rating_due(entries, last + timedelta(days=30))


def test_the_latest_onset_is_offered_again():
    assert latest_onset([]) is None
    entries = [
        with_total(date(2026, 1, 1), 40, onset=date(2024, 5, 1)),
        with_total(date(2026, 2, 1), 40, onset=date(2024, 6, 1)),
        with_total(date(2026, 3, 1), 40),
    ]
    assert latest_onset(entries) == date(2024, 6, 1)
