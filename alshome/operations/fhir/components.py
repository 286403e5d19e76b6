"""An Observation's components, made once for each value and then shared by every
Observation that has them, as the codes are (see `codes.SHARED`: never change one)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from alshome.operations.fhir import codes
from alshome.operations.fhir.codes import SHARED, concept, named_concept, observed, quantity


@lru_cache(maxsize=SHARED)
def coded(code: str, system: str, value: str, words: str) -> dict[str, Any]:
    return {"code": observed(code), "valueCodeableConcept": concept(system, value, words)}


@lru_cache(maxsize=SHARED)
def named(code: str, system: str, value: str, words: str) -> dict[str, Any]:
    return {"code": observed(code), "valueCodeableConcept": named_concept(system, value, words)}


@lru_cache(maxsize=SHARED)
def integer(code: str, value: int) -> dict[str, Any]:
    return {"code": observed(code), "valueInteger": value}


@lru_cache(maxsize=SHARED)
def text(code: str, value: str) -> dict[str, Any]:
    return {"code": observed(code), "valueString": value}


@lru_cache(maxsize=SHARED)
def amount(code: str, value: float, unit: tuple[str, str]) -> dict[str, Any]:
    return {"code": observed(code), "valueQuantity": quantity(value, unit)}


@lru_cache(maxsize=SHARED)
def true(code: str) -> dict[str, Any]:
    return {"code": observed(code), "valueBoolean": True}


@lru_cache(maxsize=SHARED)
def absent(code: str, reason: str) -> dict[str, Any]:
    return {"code": observed(code), "dataAbsentReason": concept(codes.DATA_ABSENT_REASON, reason)}
