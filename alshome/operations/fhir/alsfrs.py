"""The ALSFRS-R self-ratings as QuestionnaireResponses, and the Questionnaire they answer.

The scale's own question wording is copyrighted, so neither carries it: each item is
named by alshome's own short label (`alshome.domain.alsfrs.LABELS`), as the app shows it,
under the item's stable key as its linkId. The Questionnaire is alshome's own, with its
own canonical address, and is in the bundle whenever a rating is. Each response also
gives who entered it, the month symptoms began when known, and the total (0-48).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from alshome.domain.alsfrs import ITEMS, LABELS, MAX_TOTAL, MAX_VALUE, EnteredBy
from alshome.operations.exchange import AlsfrsDoc
from alshome.operations.fhir import codes
from alshome.operations.fhir.codes import coding
from alshome.operations.fhir.entries import Entries

ENTERED_BY = ("entered-by", "Entered by")
ONSET = ("onset", "Month symptoms began")
TOTAL = ("total", f"Total (0 to {MAX_TOTAL})")


def add_ratings(entries: Entries, ratings: Sequence[AlsfrsDoc]) -> None:
    """The Questionnaire, then one response for each rating, in the export's order."""
    if not ratings:
        return
    entries.add("Questionnaire", ("questionnaire",), _questionnaire())
    for number, rating in enumerate(ratings):
        entries.add("QuestionnaireResponse", ("alsfrs", number), _response(entries, rating))


def _questionnaire() -> dict[str, Any]:
    linked, text = ENTERED_BY
    items = [
        {
            "linkId": linked,
            "text": text,
            "type": "choice",
            "answerOption": [
                {"valueCoding": coding(codes.ENTERED_BY, code, display)}
                for code, display in codes.ENTERERS.items()
            ],
        },
        {"linkId": ONSET[0], "text": ONSET[1], "type": "date"},
    ]
    items += [
        {
            "linkId": item.value,
            "text": LABELS[item],
            "type": "integer",
            "extension": [
                _bound("minValue", 0),
                _bound("maxValue", MAX_VALUE),
            ],
        }
        for item in ITEMS
    ]
    items.append({"linkId": TOTAL[0], "text": TOTAL[1], "type": "integer", "readOnly": True})
    return {
        "url": codes.ALSFRS_QUESTIONNAIRE,
        "name": "AlshomeAlsfrsRSelfRating",
        "title": "ALSFRS-R self-rating, with alshome's own item labels",
        "status": "active",
        "subjectType": ["Patient"],
        "item": items,
    }


def _bound(name: str, value: int) -> dict[str, Any]:
    return {"url": f"http://hl7.org/fhir/StructureDefinition/{name}", "valueInteger": value}


def _response(entries: Entries, rating: AlsfrsDoc) -> dict[str, Any]:
    entered_by = rating.entered_by.value
    answers: list[tuple[tuple[str, str], dict[str, Any]]] = [
        (
            ENTERED_BY,
            {"valueCoding": coding(codes.ENTERED_BY, entered_by, codes.ENTERERS[entered_by])},
        )
    ]
    if rating.onset is not None:
        answers.append((ONSET, {"valueDate": rating.onset.isoformat()}))
    answers += [
        ((item.value, LABELS[item]), {"valueInteger": rating.values[item]}) for item in ITEMS
    ]
    answers.append((TOTAL, {"valueInteger": sum(rating.values.values())}))
    fields: dict[str, Any] = {
        "questionnaire": codes.ALSFRS_QUESTIONNAIRE,
        "status": "completed",
        "subject": entries.patient,
        "authored": rating.entered_at.isoformat(),
    }
    if rating.entered_by is EnteredBy.PATIENT:
        fields["source"] = entries.patient
    fields["item"] = [
        {"linkId": linked, "text": text, "answer": [answer]} for (linked, text), answer in answers
    ]
    return fields
