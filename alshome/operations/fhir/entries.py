"""The bundle's entries as they are made: each resource with an id that says what it is.

An id is a UUID made (version 5) from what the resource stands for, such as a session's
uuid and a set's position, so the same history always gives the same ids, and a resource
can be referred to before it is added (a session names its sets before they follow it).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid5

from alshome.operations.fhir.codes import ID_NAMESPACE

_NAMESPACE = UUID(ID_NAMESPACE)


class Entries:
    """The resources of one bundle in their order, all about one patient."""

    def __init__(self, patient_key: str) -> None:
        self._patient_key = patient_key
        self.resources: list[dict[str, Any]] = []
        self.patient = self.reference("patient")

    def identity(self, *key: object) -> str:
        return str(uuid5(_NAMESPACE, "|".join(map(str, (self._patient_key, *key)))))

    def reference(self, *key: object) -> dict[str, str]:
        return {"reference": f"urn:uuid:{self.identity(*key)}"}

    def add(self, kind: str, key: tuple[object, ...], fields: dict[str, Any]) -> dict[str, str]:
        """Add a resource of type `kind` made of `fields`, under `key`; a reference to it."""
        self.resources.append({"resourceType": kind, "id": self.identity(*key), **fields})
        return self.reference(*key)
