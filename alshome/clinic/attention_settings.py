"""The clinic's own needs-attention thresholds, kept in its database.

One clinic calls sooner than another: a program reviewed every 8 weeks instead of 12, a
symptom stop kept in view for three weeks. The rules and their defaults are the domain's
(`alshome.domain.attention.AttentionThresholds`, written out in the README); a clinic
stores only the values it changed, so a default improved in a later version reaches
every clinic that kept it. The dashboard's pages and its clinic report read them at each
request, so a change shows at the next page without restarting the server.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from alshome.clinic.errors import ClinicError
from alshome.clinic.models import ClinicSetting
from alshome.domain.attention import AttentionThresholds

KEY = "attention"
FIELDS = {field.name: field for field in dataclasses.fields(AttentionThresholds)}


def clinic_thresholds(db: Session) -> AttentionThresholds:
    """The thresholds this clinic uses: its own values over the defaults."""
    return AttentionThresholds(**changed_values(db))


def changed_values(db: Session) -> dict[str, float | int]:
    """Only the values the clinic set, by name."""
    setting = db.get(ClinicSetting, KEY)
    return _known(setting.value if setting else {})


def set_thresholds(engine: Engine, assignments: Iterable[str], reset: bool = False) -> None:
    """Apply `NAME=VALUE` assignments (after forgetting every value first, with `reset`);
    ClinicError names the first one that is unknown, not a number, or out of range, and
    then nothing changes."""
    with Session(engine) as db, db.begin():
        values = {} if reset else changed_values(db)
        for assignment in assignments:
            name, value = _assignment(assignment)
            values[name] = value
        try:
            AttentionThresholds(**values)
        except ValueError as refused:
            raise ClinicError(f"Those thresholds do not fit together: {refused}.") from None
        defaults = AttentionThresholds()
        kept = {name: value for name, value in values.items() if getattr(defaults, name) != value}
        setting = db.get(ClinicSetting, KEY)
        if setting is None:
            db.add(ClinicSetting(key=KEY, value=kept))
        else:
            setting.value = kept


def _assignment(text: str) -> tuple[str, float | int]:
    name, equals, value = text.partition("=")
    name = name.strip()
    if not equals or name not in FIELDS:
        raise ClinicError(
            f"{text!r} names no threshold; write NAME=VALUE with one of: {', '.join(FIELDS)}."
        )
    whole = FIELDS[name].type == "int"
    try:
        number = int(value) if whole else float(value)
    except ValueError:
        kind = "a whole number" if whole else "a number"
        raise ClinicError(f"{name} must be {kind}, not {value.strip()!r}.") from None
    if not 0 <= number <= 3650:
        raise ClinicError(f"{name} must be between 0 and 3650, not {value.strip()}.")
    return name, number


def _known(values: Mapping[str, object]) -> dict[str, float | int]:
    """The stored values that name a threshold of this version (one dropped since is
    forgotten, not an error)."""
    return {name: value for name, value in values.items() if name in FIELDS}  # type: ignore[misc]
