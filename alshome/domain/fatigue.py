"""The therapist's fatigue rules, and the symptoms that always end a session.

The rules only ever make a session gentler (a longer rest, an offer to end); nothing
here can lengthen a set or raise a dose.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MAX_RATING = 10


class Symptom(StrEnum):
    CRAMP = "cramp"
    PAIN = "pain"
    SHORT_OF_BREATH = "short_of_breath"
    DIZZY = "dizzy"


@dataclass(frozen=True)
class Thresholds:
    """Ratings on the 0-10 scale at which the app rests longer and offers to stop."""

    rest_longer_at: int = 6
    stop_at: int = 8
    longer_rest_factor: float = 2.0
    longer_rest_minimum_seconds: float = 60.0

    def __post_init__(self) -> None:
        if not 1 <= self.stop_at <= MAX_RATING:
            raise ValueError("stop_at must be between 1 and 10")
        if not 1 <= self.rest_longer_at <= self.stop_at:
            raise ValueError("rest_longer_at must be between 1 and stop_at")
        if not 1.0 <= self.longer_rest_factor <= 5.0:
            raise ValueError("longer_rest_factor must be between 1 and 5")

    def rest_after(self, rating: int | None, base_seconds: float) -> float:
        """The rest that follows a set rated `rating`; never shorter than planned.

        A longer rest has a floor, so "rest longer" still means something when the
        therapist planned little or no rest after a set.
        """
        if rating is not None and rating >= self.rest_longer_at:
            return max(base_seconds * self.longer_rest_factor, self.longer_rest_minimum_seconds)
        return base_seconds

    def offers_end(self, rating: int | None) -> bool:
        return rating is not None and rating >= self.stop_at


def check_rating(rating: int) -> int:
    if not 0 <= rating <= MAX_RATING:
        raise ValueError("a fatigue rating is between 0 and 10")
    return rating
