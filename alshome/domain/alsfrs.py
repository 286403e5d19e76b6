"""The ALSFRS-R self-rating: twelve items scored 0-4, their sums and how fast they change.

The item wording of the ALSFRS-R is copyrighted and its terms are unclear, so the scale
is shown only through our own short labels and a few anchor words of our own for each
value. They are plain English here because the clinic report and the command line need
the same words without Qt; the screens pass them through Qt's translation by their text.

Decisions, so the report and the screens agree:
- The date of symptom onset is kept with each entry (month precision, as the first of
  that month), so an export or a report carries it with the figures computed from it,
  and an entry made before the onset was known keeps none. The form offers the latest
  entry's onset again.
- Entries made on the same day count as one point of a slope: their mean. Two ratings of
  the same day (say the patient's and the caregiver's) are two views of one state.
- A month is 30.4375 days (the mean month of the Gregorian calendar), as in dFS papers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, StrEnum

MAX_VALUE = 4
MAX_TOTAL = 48
DAYS_PER_MONTH = 30.4375
RATING_INTERVAL_DAYS = 30  # a new rating is suggested monthly
SLOW_BELOW = 0.5  # points lost per month
FAST_ABOVE = 1.0


class Item(StrEnum):
    """The twelve items in the scale's order; the values are stable keys for files."""

    SPEECH = "speech"
    SALIVA = "saliva"
    SWALLOWING = "swallowing"
    HANDWRITING = "handwriting"
    CUTTING_FOOD = "cutting_food"
    DRESSING = "dressing"
    TURNING_IN_BED = "turning_in_bed"
    WALKING = "walking"
    CLIMBING_STAIRS = "climbing_stairs"
    BREATHLESSNESS = "breathlessness"
    BREATHLESS_LYING_FLAT = "breathless_lying_flat"
    BREATHING_SUPPORT = "breathing_support"


ITEMS = tuple(Item)


class Domain(Enum):
    """The four domains, each three items in a row (so each subscore is 0-12)."""

    BULBAR = (Item.SPEECH, Item.SALIVA, Item.SWALLOWING)
    FINE_MOTOR = (Item.HANDWRITING, Item.CUTTING_FOOD, Item.DRESSING)
    GROSS_MOTOR = (Item.TURNING_IN_BED, Item.WALKING, Item.CLIMBING_STAIRS)
    RESPIRATORY = (Item.BREATHLESSNESS, Item.BREATHLESS_LYING_FLAT, Item.BREATHING_SUPPORT)

    @property
    def items(self) -> tuple[Item, ...]:
        return self.value


LABELS: dict[Item, str] = {
    Item.SPEECH: "Speech",
    Item.SALIVA: "Saliva",
    Item.SWALLOWING: "Swallowing",
    Item.HANDWRITING: "Handwriting",
    Item.CUTTING_FOOD: "Cutting food and using utensils",
    Item.DRESSING: "Dressing and washing",
    Item.TURNING_IN_BED: "Turning in bed",
    Item.WALKING: "Walking",
    Item.CLIMBING_STAIRS: "Climbing stairs",
    Item.BREATHLESSNESS: "Breathlessness",
    Item.BREATHLESS_LYING_FLAT: "Breathless lying flat",
    Item.BREATHING_SUPPORT: "Breathing support",
}

# Our own anchor words, indexed by value (0 first, 4 = as before).
ANCHORS: dict[Item, tuple[str, str, str, str, str]] = {
    Item.SPEECH: (
        "Not by voice",
        "Mostly other ways",
        "Much harder to follow",
        "A little changed",
        "As before",
    ),
    Item.SALIVA: (
        "Drooling all the time",
        "A lot, some drooling",
        "Clearly more",
        "A little more",
        "As before",
    ),
    Item.SWALLOWING: (
        "Tube feeding only",
        "Tube feeding as well",
        "Softer food needed",
        "A little harder",
        "As before",
    ),
    Item.HANDWRITING: (
        "Cannot hold a pen",
        "Hold a pen, cannot write",
        "Some words unreadable",
        "A little slower",
        "As before",
    ),
    Item.CUTTING_FOOD: (
        "Others feed me",
        "Others cut for me",
        "Slower, some help",
        "A little slower",
        "As before",
    ),
    Item.DRESSING: (
        "Fully helped",
        "Much help",
        "Some help or aids",
        "Alone, more effort",
        "As before",
    ),
    Item.TURNING_IN_BED: (
        "Need full help",
        "Start alone, need help",
        "Alone, great effort",
        "A little slower",
        "As before",
    ),
    Item.WALKING: (
        "Legs do not help",
        "Transfers only",
        "With a stick or frame",
        "A little harder",
        "As before",
    ),
    Item.CLIMBING_STAIRS: (
        "Not at all",
        "Only with help",
        "Unsteady or tiring",
        "Slower",
        "As before",
    ),
    Item.BREATHLESSNESS: (
        "Very hard, help considered",
        "Even at rest",
        "With daily tasks",
        "When walking",
        "Never",
    ),
    Item.BREATHLESS_LYING_FLAT: (
        "Cannot sleep for it",
        "Only sitting up",
        "Need extra pillows",
        "Some nights",
        "Never",
    ),
    Item.BREATHING_SUPPORT: (
        "Invasive ventilation",
        "Night and day",
        "All night",
        "Sometimes",
        "None",
    ),
}


class EnteredBy(StrEnum):
    PATIENT = "patient"
    CAREGIVER = "caregiver"
    CLINICIAN = "clinician"


class Progression(Enum):
    """How fast function is lost, in the bands used by ALS clinics for dFS."""

    SLOW = "slow"
    INTERMEDIATE = "intermediate"
    FAST = "fast"


@dataclass(frozen=True)
class Entry:
    """One rating: when it was made (aware), the twelve values in item order, and by whom."""

    entered_at: datetime
    values: tuple[int, ...]
    entered_by: EnteredBy
    onset: date | None = None

    def __post_init__(self) -> None:
        if len(self.values) != len(ITEMS):
            raise ValueError("an ALSFRS-R entry has 12 values")
        if any(type(value) is not int or not 0 <= value <= MAX_VALUE for value in self.values):
            raise ValueError("each ALSFRS-R value is a whole number from 0 to 4")
        if self.entered_at.utcoffset() is None:
            raise ValueError("an entry's moment needs its UTC offset")

    @property
    def day(self) -> date:
        """The day as the person lived it (in the offset it was entered at)."""
        return self.entered_at.date()

    @property
    def total(self) -> int:
        return sum(self.values)

    def value(self, item: Item) -> int:
        return self.values[ITEMS.index(item)]

    def subscore(self, domain: Domain) -> int:
        return sum(self.value(item) for item in domain.items)

    def subscores(self) -> dict[Domain, int]:
        return {domain: self.subscore(domain) for domain in Domain}


def months_between(start: date, end: date) -> float:
    """Months from `start` to `end` (negative if `end` is earlier), 30.4375 days each."""
    return (end - start).days / DAYS_PER_MONTH


def pre_slope(entry: Entry) -> float | None:
    """dFS = (48 - total) / months since onset: points lost per month before this entry.

    None without an onset, or with an onset on or after the entry's day (no time has
    passed, so there is no rate).
    """
    if entry.onset is None:
        return None
    months = months_between(entry.onset, entry.day)
    if months <= 0:
        return None
    return (MAX_TOTAL - entry.total) / months


def slope(
    entries: Iterable[Entry],
    start: date | None = None,
    end: date | None = None,
    score: Callable[[Entry], int] = lambda entry: entry.total,
) -> float | None:
    """The least-squares slope of `score` in points per month, over days start..end.

    Entries of the same day are averaged into one point; None for fewer than two days.
    A falling score gives a negative slope. `score` picks a subscore instead of the total,
    e.g. `lambda entry: entry.subscore(Domain.BULBAR)`.
    """
    by_day: dict[date, list[int]] = {}
    for entry in entries:
        if (start is None or entry.day >= start) and (end is None or entry.day <= end):
            by_day.setdefault(entry.day, []).append(score(entry))
    if len(by_day) < 2:
        return None
    first = min(by_day)
    points = [(months_between(first, day), sum(v) / len(v)) for day, v in by_day.items()]
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def progression(points_lost_per_month: float) -> Progression:
    """The band for a rate of loss: a dFS as it is, or a slope with its sign turned."""
    if points_lost_per_month < SLOW_BELOW:
        return Progression.SLOW
    if points_lost_per_month <= FAST_ABOVE:
        return Progression.INTERMEDIATE
    return Progression.FAST


def rating_due(entries: Iterable[Entry], today: date) -> bool:
    """A new rating is suggested when none was made in the last 30 days (or ever)."""
    days = [entry.day for entry in entries]
    return not days or (today - max(days)).days >= RATING_INTERVAL_DAYS


def latest_onset(entries: Iterable[Entry]) -> date | None:
    """The onset given with the most recent entry that has one, to offer it again."""
    dated = [entry for entry in entries if entry.onset is not None]
    return max(dated, key=lambda entry: entry.entered_at).onset if dated else None
