"""The FHIR R4 export: valid R4 by the fhir.resources models, everything once, the right
codes and units, and the same bytes for the same history."""

from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from alshome.domain.alsfrs import ITEMS, LABELS, EnteredBy, Entry, Item
from alshome.domain.fatigue import Symptom
from alshome.domain.program import ExerciseKind, Mover, Side
from alshome.domain.recorded import StoredSession, StoredSet
from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck, Profile
from alshome.domain.session import SessionStatus
from alshome.operations.exchange import ExportDoc, ExportedHistory, export_document
from alshome.operations.fhir import codes
from alshome.operations.fhir.bundle import PatientIdentity, fhir_bundle, fhir_text
from alshome.operations.fhir.check import BundleChecker
from alshome.operations.history import saved_history
from alshome.platform.paths import resolve_locations
from alshome.storage.repository import StoredCarryOver
from tests.benchmarks.synthetic_history import write_history

BERLIN_WINTER = timezone(timedelta(hours=1))
EXPORTED_AT = datetime(2026, 3, 2, 8, 0, tzinfo=BERLIN_WINTER)  # a Monday
PATIENT = PatientIdentity("MRN-0042", "https://hospital.example/mrn")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 2, day, hour, minute, tzinfo=BERLIN_WINTER)


def a_set(position: int, moment: datetime, kind: ExerciseKind, **fields: Any) -> StoredSet:
    values = {
        "position": position,
        "exercise_id": f"{kind.value}_exercise",
        "exercise_name": kind.value.replace("_", " ").capitalize(),
        "kind": kind,
        "side": Side.NONE,
        "set_number": 1,
        "total_sets": 1,
        "mover": Mover.PATIENT,
        "planned": {},
        "done": None,
        "fatigue": None,
        "symptoms": (),
        "started_at": moment,
        "ended_at": moment + timedelta(minutes=1),
    }
    return StoredSet(**{**values, **fields})


def a_session(
    uuid_end: str,
    start: datetime,
    end: datetime | None,
    status: SessionStatus,
    *sets: StoredSet,
    symptoms: tuple[Symptom, ...] = (),
) -> StoredSession:
    return StoredSession(
        uuid=f"00000000-0000-4000-8000-{uuid_end:0>12}",
        started_at=start,
        ended_at=end,
        status=status,
        program_name="Home program",
        program_version=2,
        symptoms=symptoms,
        sets=sets,
    )


def history() -> ExportedHistory:
    """Three sessions over three weeks (the middle one without any) and two ratings.

    Week of 2 Feb: a completed session (two resistance sets, one in kg and one in lb, an
    endurance set of 4 minutes, a skipped stretch, a "no" to the lift check), a day of
    rest when still sore, and a session after "still tired", stopped for a cramp during 2
    minutes of endurance, with dizziness reported for the session alone. Week of 16 Feb:
    one session never finished, with no set.
    """
    resistance = ExerciseKind.RESISTANCE
    completed = a_session(
        "1",
        at(2, 10),
        at(2, 10, 40),
        SessionStatus.COMPLETED,
        a_set(
            0,
            at(2, 10, 1),
            resistance,
            planned={"repetitions": 6, "load": 0.5, "unit": "kg"},
            done={"repetitions": 5},
            fatigue=3,
            set_number=1,
            total_sets=2,
        ),
        a_set(
            1,
            at(2, 10, 5),
            resistance,
            planned={"repetitions": 6, "load": 2.0, "unit": "lb"},
            done={"repetitions": 6},
            fatigue=4,
            set_number=2,
            total_sets=2,
        ),
        a_set(
            2,
            at(2, 10, 10),
            ExerciseKind.ENDURANCE,
            planned={"seconds": 300.0},
            done={"seconds": 240.0},
            fatigue=5,
        ),
        a_set(
            3,
            at(2, 10, 20),
            ExerciseKind.PASSIVE_STRETCH,
            planned={"seconds": 30.0},
            side=Side.LEFT,
            mover=Mover.CAREGIVER,
        ),
    )
    stopped = a_session(
        "2",
        at(5, 10),
        at(5, 10, 20),
        SessionStatus.STOPPED_SYMPTOM,
        a_set(
            0,
            at(5, 10, 1),
            ExerciseKind.ENDURANCE,
            planned={"seconds": 300.0},
            done={"seconds": 120.0},
            fatigue=6,
            symptoms=(Symptom.CRAMP,),
        ),
        symptoms=(Symptom.CRAMP, Symptom.DIZZY),
    )
    unfinished = a_session("3", at(18, 18), None, SessionStatus.IN_PROGRESS)
    completed = replace(
        completed,
        lift_checks=(LiftCheck("resistance_exercise", "Resistance", False, at(2, 10, 3)),),
    )
    carry_overs = (
        StoredCarryOver(CarryOverCheck(CarryOver.SORE, at(3, 9)), None),
        StoredCarryOver(CarryOverCheck(CarryOver.TIRED, at(4, 9)), None),
        StoredCarryOver(CarryOverCheck(CarryOver.TIRED, at(5, 9, 58)), stopped.uuid),
    )
    ratings = (
        Entry(
            at(1, 19),
            tuple(3 if item is Item.WALKING else 4 for item in ITEMS),
            EnteredBy.PATIENT,
            date(2025, 3, 1),
        ),
        Entry(
            datetime(2026, 3, 1, 19, tzinfo=BERLIN_WINTER), (2,) * len(ITEMS), EnteredBy.CAREGIVER
        ),
    )
    return ExportedHistory(
        programs=(),
        sessions=(completed, stopped, unfinished),
        carry_over_checks=carry_overs,
        profile=Profile("Ana Ruiz, PT", "555 0100", "Sam Example", at(1, 9)),
        alsfrs=ratings,
    )


@pytest.fixture(scope="module")
def document() -> ExportDoc:
    """The history as an import reads it: validated by the export's own models."""
    return ExportDoc.model_validate_json(ExportDoc.of(history(), EXPORTED_AT).canonical_text())


@pytest.fixture(scope="module")
def text(document) -> str:
    return fhir_text(document, PATIENT)


@pytest.fixture(scope="module")
def resources(text) -> list[dict[str, Any]]:
    return [entry["resource"] for entry in json.loads(text)["entry"]]


def coded(resources: list[dict[str, Any]], code: str) -> list[dict[str, Any]]:
    return [r for r in resources if r.get("code", {}).get("coding", [{}])[0].get("code") == code]


def component(resource: dict[str, Any], code: str) -> dict[str, Any] | None:
    found = [c for c in resource["component"] if c["code"]["coding"][0]["code"] == code]
    assert len(found) <= 1
    return found[0] if found else None


def value_code(part: dict[str, Any]) -> str:
    return part["valueCodeableConcept"]["coding"][0]["code"]


def test_the_bundle_is_valid_r4_and_every_reference_is_inside_it(text):
    bundle = Bundle.model_validate_json(text)
    assert bundle.type == "collection"
    assert bundle.timestamp.isoformat() == EXPORTED_AT.isoformat()
    urls = [entry.fullUrl for entry in bundle.entry]
    assert len(set(urls)) == len(urls)
    references = set(_references(json.loads(text)["entry"]))
    assert references
    assert references <= set(urls)


def _references(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [ref for part in value.values() for ref in _references(part)]
    if isinstance(value, list):
        return [ref for part in value for ref in _references(part)]
    return []


def test_a_broken_resource_is_refused(document, monkeypatch):
    from alshome.operations.fhir import activity

    monkeypatch.setattr(activity, "FINAL", "final ")  # a code never ends in a space
    with pytest.raises(ValueError, match="status"):
        fhir_bundle(document, PATIENT)


def test_the_patient_is_only_the_identifier_given(resources, text):
    (patient,) = [r for r in resources if r["resourceType"] == "Patient"]
    assert set(patient) == {"resourceType", "id", "identifier"}
    assert patient["identifier"] == [{"system": PATIENT.system, "value": PATIENT.identifier}]
    assert "Sam Example" not in text  # the profile's name stays out
    assert "Ana Ruiz" not in text
    named = fhir_bundle(
        ExportDoc.of(history(), EXPORTED_AT), PatientIdentity("7", name="Sam Example")
    )
    assert named["entry"][0]["resource"]["name"] == [{"text": "Sam Example"}]


def test_each_session_is_one_exercise_duration_in_minutes(resources):
    sessions = coded(resources, "55411-3")
    assert len(sessions) == 3
    completed, stopped, unfinished = sessions
    for session in sessions:
        assert session["meta"]["profile"] == [codes.ACTIVITY_MEASURE_PROFILE]
        assert session["code"]["coding"] == [
            {"system": "http://loinc.org", "code": "55411-3", "display": "Exercise duration"}
        ]
        assert [c["coding"][0]["code"] for c in session["category"]] == [
            "activity",
            "PhysicalActivity",
        ]
    assert completed["valueQuantity"] == {
        "value": 40.0,
        "unit": "minutes",
        "system": "http://unitsofmeasure.org",
        "code": "min",
    }
    assert completed["effectivePeriod"] == {
        "start": "2026-02-02T10:00:00+01:00",
        "end": "2026-02-02T10:40:00+01:00",
    }
    assert value_code(component(completed, "session-outcome")) == "completed"
    assert component(completed, "program")["valueString"] == "Home program"
    assert component(completed, "program-version")["valueInteger"] == 2
    assert value_code(component(stopped, "session-outcome")) == "stopped_symptom"
    assert stopped["valueQuantity"]["value"] == 20.0
    assert "valueQuantity" not in unfinished
    assert unfinished["effectiveDateTime"] == "2026-02-18T18:00:00+01:00"
    assert unfinished["dataAbsentReason"]["coding"][0]["code"] == "unknown"


def test_every_set_appears_once_as_a_member_of_its_session(resources):
    by_url = {f"urn:uuid:{r['id']}": r for r in resources}
    sessions = coded(resources, "55411-3")
    sets = coded(resources, "exercise-set")
    assert len(sets) == 5
    members = [by_url[ref["reference"]] for s in sessions for ref in s.get("hasMember", [])]
    assert sorted(id(m) for m in members if m in sets) == sorted(id(s) for s in sets)
    first = sets[0]
    assert first["effectivePeriod"]["start"] == "2026-02-02T10:01:00+01:00"
    assert component(first, "exercise")["valueCodeableConcept"]["coding"][0] == {
        "system": codes.EXERCISE,
        "code": "resistance_exercise",
        "display": "Resistance",
    }
    assert value_code(component(first, "exercise-kind")) == "resistance"
    assert component(first, "planned-repetitions")["valueInteger"] == 6
    assert component(first, "planned-load")["valueQuantity"] == {
        "value": 0.5,
        "unit": "kg",
        "system": "http://unitsofmeasure.org",
        "code": "kg",
    }
    assert component(first, "done-repetitions")["valueInteger"] == 5
    assert (
        component(first, "set-number")["valueInteger"],
        component(first, "total-sets")["valueInteger"],
    ) == (1, 2)
    assert value_code(component(first, "mover")) == "patient"
    assert component(sets[1], "planned-load")["valueQuantity"]["code"] == "[lb_av]"
    endurance = sets[2]
    assert component(endurance, "planned-duration")["valueQuantity"]["code"] == "s"
    assert component(endurance, "done-duration")["valueQuantity"]["value"] == 240.0
    skipped = sets[3]
    assert component(skipped, "done")["dataAbsentReason"]["coding"][0]["code"] == "not-performed"
    assert component(skipped, "done-duration") is None
    assert value_code(component(skipped, "mover")) == "caregiver"
    assert value_code(component(skipped, "side")) == "left"


def test_every_fatigue_rating_and_symptom_appears_once_beside_its_set(resources):
    by_url = {f"urn:uuid:{r['id']}": r for r in resources}
    ratings = coded(resources, "fatigue-rating")
    assert [r["valueInteger"] for r in ratings] == [3, 4, 5, 6]
    assert ratings[0]["effectiveDateTime"] == "2026-02-02T10:02:00+01:00"
    symptoms = coded(resources, "symptom")
    assert [value_code(s) for s in symptoms] == ["cramp", "dizzy"]
    assert all(s["valueCodeableConcept"]["coding"][0]["system"] == codes.SYMPTOM for s in symptoms)
    cramp_set = coded(resources, "exercise-set")[4]
    held = [by_url[ref["reference"]] for ref in cramp_set["hasMember"]]
    assert held == [ratings[3], symptoms[0]]
    stopped = coded(resources, "55411-3")[1]
    assert by_url[stopped["hasMember"][-1]["reference"]] is symptoms[1]


def test_each_whole_week_gives_aerobic_minutes_and_strength_days(resources):
    minutes = coded(resources, "82290-8")
    strength = coded(resources, "82291-6")
    assert [m["effectiveDateTime"] for m in minutes] == ["2026-02-08", "2026-02-15", "2026-02-22"]
    assert [m["valueQuantity"]["value"] for m in minutes] == [6.0, 0.0, 0.0]
    assert {m["valueQuantity"]["code"] for m in minutes} == {"min/wk"}
    assert [s["valueQuantity"]["value"] for s in strength] == [1, 0, 0]
    assert {s["valueQuantity"]["code"] for s in strength} == {"d/wk"}
    assert {m["meta"]["profile"][0] for m in minutes} == {codes.MINUTES_PER_WEEK_PROFILE}
    assert {s["meta"]["profile"][0] for s in strength} == {codes.STRENGTH_DAYS_PROFILE}
    sessions = coded(resources, "55411-3")
    session_urls = [f"urn:uuid:{s['id']}" for s in sessions]
    assert [d["reference"] for d in minutes[0]["derivedFrom"]] == session_urls[:2]
    assert [d["reference"] for d in strength[0]["derivedFrom"]] == session_urls[:1]
    assert "derivedFrom" not in minutes[1]


def test_a_week_not_over_by_the_export_is_left_out(document):
    on_the_sunday = document.model_copy(update={"exported_at": at(22, 20)})
    resources = [entry["resource"] for entry in fhir_bundle(on_the_sunday, PATIENT)["entry"]]
    assert [m["effectiveDateTime"] for m in coded(resources, "82290-8")] == [
        "2026-02-08",
        "2026-02-15",
    ]


def test_the_alsfrs_r_ratings_carry_alshome_labels_only(resources):
    (questionnaire,) = [r for r in resources if r["resourceType"] == "Questionnaire"]
    responses = [r for r in resources if r["resourceType"] == "QuestionnaireResponse"]
    assert len(responses) == 2
    assert questionnaire["url"] == codes.ALSFRS_QUESTIONNAIRE
    scale = {item["linkId"]: item["text"] for item in questionnaire["item"]}
    assert {key: scale[key] for key in ITEMS} == {item.value: LABELS[item] for item in ITEMS}
    first, second = responses
    assert first["questionnaire"] == codes.ALSFRS_QUESTIONNAIRE
    assert first["authored"] == "2026-02-01T19:00:00+01:00"
    answers = {item["linkId"]: item["answer"][0] for item in first["item"]}
    assert answers["walking"] == {"valueInteger": 3}
    assert answers["total"] == {"valueInteger": 47}
    assert answers["onset"] == {"valueDate": "2025-03-01"}
    assert answers["entered-by"]["valueCoding"]["code"] == "patient"
    assert first["source"] == first["subject"]
    texts = {item["text"] for item in first["item"]} - set(LABELS.values())
    assert texts == {"Entered by", "Month symptoms began", "Total (0 to 48)"}
    later = {item["linkId"]: item["answer"][0] for item in second["item"]}
    assert "onset" not in later
    assert later["entered-by"]["valueCoding"]["code"] == "caregiver"
    assert "source" not in second


@pytest.mark.parametrize(
    ("values", "names"),
    [
        (Symptom, codes.SYMPTOMS),
        (Mover, codes.MOVERS),
        (ExerciseKind, codes.KINDS),
        (Side, codes.SIDES),
        (SessionStatus, codes.OUTCOMES),
        (EnteredBy, codes.ENTERERS),
        (CarryOver, codes.CARRY_OVERS),
    ],
)
def test_every_value_the_app_records_has_a_code(values, names):
    assert set(names) == {value.value for value in values}


def test_the_same_history_gives_the_same_bytes(document, text):
    assert fhir_text(document, PATIENT) == text
    again = ExportDoc.model_validate_json(document.canonical_text())
    assert fhir_text(again, PATIENT) == text
    other = fhir_text(document, PatientIdentity("MRN-0043", PATIENT.system))
    assert other != text
    assert {e["fullUrl"] for e in json.loads(other)["entry"]}.isdisjoint(
        {e["fullUrl"] for e in json.loads(text)["entry"]}
    )


def test_the_check_refuses_a_bad_element_even_beside_good_ones_like_it(resources):
    """Repeating elements are checked once each: a different one is still checked."""
    good = coded(resources, "exercise-set")[0]
    bad = copy.deepcopy(good)
    component(bad, "set-number")["valueInteger"] = "one"
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": f"urn:uuid:{entry['id']}", "resource": entry} for entry in (good, bad)
        ],
    }
    checker = BundleChecker()
    with pytest.raises(ValueError, match="valueInteger"):
        checker.check(bundle)
    both_values = copy.deepcopy(good)
    both_values["valueString"] = "x"
    both_values["valueInteger"] = 1
    bundle["entry"][1]["resource"] = both_values
    with pytest.raises(ValueError, match="value"):
        checker.check(bundle)


def test_safety_answers_appear_once_beside_their_session(resources):
    by_url = {f"urn:uuid:{r['id']}": r for r in resources}
    completed, stopped, _unfinished = coded(resources, "55411-3")
    (lift,) = coded(resources, "lift-check")
    assert lift["valueBoolean"] is False
    assert component(lift, "exercise")["valueCodeableConcept"]["coding"][0]["code"] == (
        "resistance_exercise"
    )
    assert lift["effectiveDateTime"] == "2026-02-02T10:03:00+01:00"
    assert lift in [by_url[ref["reference"]] for ref in completed["hasMember"]]
    before, *rest_days = coded(resources, "carry-over")  # days of rest come after the sessions
    assert [value_code(answer) for answer in (before, *rest_days)] == ["tired", "sore", "tired"]
    assert [day["effectiveDateTime"][:10] for day in rest_days] == ["2026-02-03", "2026-02-04"]
    assert all(component(day, "rested")["valueBoolean"] is True for day in rest_days)
    assert "component" not in before
    assert by_url[stopped["hasMember"][0]["reference"]] is before
    members = [
        by_url[ref["reference"]]
        for s in coded(resources, "55411-3")
        for ref in s.get("hasMember", [])
    ]
    assert all(day not in members for day in rest_days)


def test_a_month_of_a_synthetic_history_is_exported_whole(tmp_path):
    """Real exercises from the library, both load units, movers and stopped sessions."""
    written = write_history(tmp_path, years=1 / 12)
    with saved_history(resolve_locations(str(tmp_path)).database_url, None) as repository:
        document = export_document(repository, EXPORTED_AT)
    bundle = Bundle.model_validate_json(fhir_text(document, PATIENT))
    codes_written = Counter(
        entry.resource.code.coding[0].code
        for entry in bundle.entry
        if entry.resource.get_resource_type() == "Observation"
    )
    sets = [entry for session in document.sessions for entry in session.sets]
    assert codes_written["55411-3"] == written.sessions
    assert codes_written["exercise-set"] == written.sets == len(sets)
    assert codes_written["fatigue-rating"] == sum(entry.fatigue is not None for entry in sets)
    assert codes_written["symptom"] == sum(len(entry.symptoms) for entry in sets)
    responses = [
        e for e in bundle.entry if e.resource.get_resource_type() == "QuestionnaireResponse"
    ]
    assert len(responses) == written.ratings
