"""The optional fields of a program file and their values when a file leaves them out.

The schema (`alshome.programs.schema`) declares these defaults and the builder
(`alshome.programs.document`) fills them in; both read them from here, so neither needs
the other.
"""

from __future__ import annotations

from typing import Any

from alshome.domain.program import ExerciseKind, LoadUnit, RangeMode

DEFAULTS: dict[str, dict[str, Any]] = {
    "program": {"example": False, "weekly_target": 2, "notes": "", "lighter_option": ""},
    "author": {"name": "", "contact": ""},
    "thresholds": {"rest_longer_at": 6, "stop_at": 8, "longer_rest_factor": 2.0},
    ExerciseKind.PASSIVE_STRETCH: {"rest_seconds": 15},
    ExerciseKind.RANGE_OF_MOTION: {"sets": 1, "mode": RangeMode.ACTIVE, "rest_seconds": 30},
    ExerciseKind.RESISTANCE: {"unit": LoadUnit.KG, "rest_seconds": 60},
    ExerciseKind.ENDURANCE: {"rest_seconds": 120, "resistance_level": 1},
}
