"""An Observation's components, made once for each value and then shared by every
Observation that has them (see `codes`: never change one)."""

from __future__ import annotations

from functools import cache
from typing import Any

from alshome.operations.fhir import codes
from alshome.operations.fhir.codes import concept, named_concept, observed, quantity


@cache
def coded(code: str, system: str, value: str, words: str) -> dict[str, Any]:
    return {"code": observed(code), "valueCodeableConcept": concept(system, value, words)}


@cache
def named(code: str, system: str, value: str, words: str) -> dict[str, Any]:
    return {"code": observed(code), "valueCodeableConcept": named_concept(system, value, words)}


@cache
def integer(code: str, value: int) -> dict[str, Any]:
    return {"code": observed(code), "valueInteger": value}


@cache
def text(code: str, value: str) -> dict[str, Any]:
    return {"code": observed(code), "valueString": value}


@cache
def amount(code: str, value: float, unit: tuple[str, str]) -> dict[str, Any]:
    return {"code": observed(code), "valueQuantity": quantity(value, unit)}


@cache
def true(code: str) -> dict[str, Any]:
    return {"code": observed(code), "valueBoolean": True}


@cache
def absent(code: str, reason: str) -> dict[str, Any]:
    return {"code": observed(code), "dataAbsentReason": concept(codes.DATA_ABSENT_REASON, reason)}
