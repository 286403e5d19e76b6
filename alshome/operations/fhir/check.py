"""The bundle checked by the fhir.resources models (R4B), fast enough for ten years.

A ten-year history has about 50,000 sets, each an Observation of some forty elements, and
the models check an element in about 20 microseconds: one by one, the sets alone would
take most of a minute. But most elements repeat: every Observation has the same subject
and one of a few categories and codes, and most sets the same exercise, kind, side,
planned amounts and mover as many others (the builders share one object for each). So
each distinct element of those fields is checked once, by the very model the
Observation's model checks it with, and each Observation is then checked whole with
those checked elements in place: the same checks, each done once. Every other resource
is checked as it is.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.observation import Observation, ObservationComponent
from fhir.resources.R4B.reference import Reference
from pydantic import BaseModel

# An Observation's fields whose values repeat from one Observation to the next.
REPEATING = {
    "subject": Reference,
    "category": CodeableConcept,
    "code": CodeableConcept,
    "component": ObservationComponent,
}


class BundleChecker:
    """Raises pydantic's ValidationError (a ValueError) at the first invalid part."""

    def __init__(self) -> None:
        self._checked: dict[tuple[type[BaseModel], str], BaseModel] = {}
        self._seen: dict[tuple[type[BaseModel], int], tuple[Any, BaseModel]] = {}

    def check(self, bundle: dict[str, Any]) -> None:
        """Each resource on its own, then the bundle with its entries' addresses."""
        for entry in bundle["entry"]:
            self._check_resource(entry["resource"])
        addresses = [{"fullUrl": entry["fullUrl"]} for entry in bundle["entry"]]
        Bundle.model_validate({**bundle, "entry": addresses})

    def _check_resource(self, resource: dict[str, Any]) -> None:
        if resource["resourceType"] != "Observation":
            get_fhir_model_class(resource["resourceType"]).model_validate(resource)
            return
        with_checked = dict(resource)
        for name, model in REPEATING.items():
            value = resource.get(name)
            if isinstance(value, list):
                with_checked[name] = [self._element(model, part) for part in value]
            elif value is not None:
                with_checked[name] = self._element(model, value)
        Observation.model_validate(with_checked)

    def _element(self, model: type[BaseModel], value: Any) -> Any:
        """`value` checked by `model`, once for each distinct value.

        The builders share one object for each repeated element, so an object met before
        is known by its identity; it is kept here, so no other object can take its id.
        """
        if not isinstance(value, dict):
            return value  # not an element: left for the Observation's model to refuse
        seen = self._seen.get((model, id(value)))
        if seen is not None:
            return seen[1]
        key = (model, repr(value))  # the builders write equal elements in the same order
        checked = self._checked.get(key)
        if checked is None:
            checked = self._checked[key] = model.model_validate(value)
        self._seen[(model, id(value))] = (value, checked)
        return checked
