"""What comes before a session, and in which order: decided here, shown by a front end.

A session must never start before the person has recorded who to contact should it stop
(the first-run pages), and never without the carry-over question ("still tired or sore
from last time?") once there has been a last time; a "yes" offers a lighter day or a day
of rest. When alshome opens, a session it stopped in the middle of is offered first, then
the first-run pages if they were never done. A window without a history (a demonstration)
asks nothing and starts at once.

`next_step` holds that order and nothing else: the front end reads the history, asks it
what comes next, shows the page it names, and asks again with the answer. It has no Qt,
so the order is tested in milliseconds and any front end can follow it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from alshome.domain.safety import CarryOver


class Step(Enum):
    """What the person sees next."""

    HOME = auto()  # nothing to ask: home, and the Start button
    UNFINISHED = auto()  # carry on the session that stopped in the middle, or close it
    FIRST_RUN = auto()  # the first-run pages: the therapist's contact and the person's name
    CARRY_OVER = auto()  # "still tired or sore from last time?"
    LIGHTER_DAY = auto()  # still affected: a lighter session, or rest today
    BEGIN = auto()  # the session starts


@dataclass(frozen=True)
class BeforeSession:
    """What is known when the next step is chosen.

    `start_pressed` is False when the history has just opened, True once Start was
    pressed; `carry_over` is the carry-over answer once it has been given.
    """

    start_pressed: bool
    has_history: bool = True
    profile_recorded: bool = False
    unfinished_session: bool = False
    earlier_session: bool = False
    carry_over: CarryOver | None = None


def next_step(known: BeforeSession) -> Step:
    """The one step to show next; the front end asks again once it is answered."""
    if not known.has_history:
        return Step.BEGIN if known.start_pressed else Step.HOME
    if not known.start_pressed:
        if known.unfinished_session:
            return Step.UNFINISHED
        return Step.HOME if known.profile_recorded else Step.FIRST_RUN
    if not known.profile_recorded:
        return Step.FIRST_RUN
    if not known.earlier_session:
        return Step.BEGIN
    if known.carry_over is None:
        return Step.CARRY_OVER
    return Step.LIGHTER_DAY if known.carry_over.still_affected else Step.BEGIN
