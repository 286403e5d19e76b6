"""One patient's history as a FHIR R4 Bundle of type "collection", checked whole by the
`fhir.resources` models (R4B) before a byte of it is written.

The bundle is made from the JSON export's own models (`alshome.operations.exchange`),
so the app (`alshome export --format fhir`) and the clinic server, which keeps the same
history, give the same bundle for the same history. It holds, in this order: a Patient
with nothing but the identifier the caller gives (and a name only if one is given: the
clinic's record system knows who it is); the sessions with their sets, fatigue ratings,
symptoms and safety checks, and the weekly measures (`activity`); the ALSFRS-R self-ratings
(`alsfrs`). Its moment is the export's, and every id is made from what the resource
stands for, so the same history gives the same bytes.

The whole bundle is checked by the `fhir.resources` models (`check`) before it is
written; the text is written from the very dictionaries that were checked, since writing
100,000 models back out through `fhir.resources` would take minutes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alshome.domain.clock import SystemClock
from alshome.operations.exchange import ExportDoc, export_document
from alshome.operations.fhir import codes
from alshome.operations.fhir.activity import add_sessions
from alshome.operations.fhir.alsfrs import add_ratings
from alshome.operations.fhir.check import BundleChecker
from alshome.operations.fhir.entries import Entries
from alshome.operations.history import saved_history
from alshome.platform.files import write_private_file


@dataclass(frozen=True)
class PatientIdentity:
    """Who the bundle is about, as the clinic's record system knows them."""

    identifier: str
    system: str = codes.PATIENT_IDENTIFIER
    name: str | None = None


def fhir_bundle(document: ExportDoc, patient: PatientIdentity) -> dict[str, Any]:
    """The bundle of `document`'s history, as JSON-ready dictionaries, each resource checked."""
    entries = Entries(f"{patient.system}|{patient.identifier}")
    person: dict[str, Any] = {
        "identifier": [{"system": patient.system, "value": patient.identifier}]
    }
    if patient.name:
        person["name"] = [{"text": patient.name}]
    entries.add("Patient", ("patient",), person)
    add_sessions(entries, document.sessions, document.carry_over_checks, document.exported_at)
    add_ratings(entries, document.alsfrs)
    bundle = {
        "resourceType": "Bundle",
        "id": entries.identity("bundle", document.exported_at.isoformat()),
        "type": "collection",
        "timestamp": document.exported_at.isoformat(),
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            for resource in entries.resources
        ],
    }
    BundleChecker().check(bundle)
    return bundle


def fhir_text(document: ExportDoc, patient: PatientIdentity) -> str:
    """The bundle as FHIR JSON text: UTF-8 as is, no spaces, keys in the order made."""
    bundle = fhir_bundle(document, patient)
    return json.dumps(bundle, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


def export_fhir_file(
    database_url: str, passphrase: str | None, output: Path, patient: PatientIdentity
) -> int:
    """Write the saved history to `output` as a FHIR bundle; the number of sessions in it."""
    with saved_history(database_url, passphrase) as repository:
        document = export_document(repository, SystemClock().wall())
    write_private_file(output, fhir_text(document, patient))
    return len(document.sessions)
