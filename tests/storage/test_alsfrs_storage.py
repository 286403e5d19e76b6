"""ALSFRS-R ratings: stored and read back exactly, checked by the schema, exported and merged."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import IntegrityError

from alshome.domain.alsfrs import ITEMS, EnteredBy, Entry
from alshome.operations.exchange import EXPORT_VERSION, export_json, import_history, read_export
from alshome.programs.document import DocumentError
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.storage.conftest import write_directly

pytestmark = pytest.mark.databases("sqlite", "postgresql")

BERLIN = timezone(timedelta(hours=1))
NEW_YORK = timezone(timedelta(hours=-5))
EXPORTED_AT = datetime(2026, 5, 1, 12, 0, tzinfo=BERLIN)
FIRST = Entry(
    datetime(2026, 3, 2, 9, 30, tzinfo=BERLIN),
    (4, 4, 3, 3, 3, 2, 4, 3, 2, 4, 4, 4),
    EnteredBy.PATIENT,
    onset=date(2024, 6, 1),
)
# Earlier in UTC than FIRST, though its wall-clock time reads later.
TRAVELLING = Entry(
    datetime(2026, 3, 1, 23, 0, tzinfo=NEW_YORK),
    (4, 3, 3, 3, 3, 2, 4, 3, 2, 4, 4, 4),
    EnteredBy.CAREGIVER,
)
LATER = Entry(
    datetime(2026, 4, 2, 10, 0, tzinfo=BERLIN),
    (3, 3, 3, 2, 3, 2, 4, 3, 1, 4, 3, 4),
    EnteredBy.CLINICIAN,
    onset=date(2024, 6, 1),
)


@pytest.fixture
def fresh_repository(another_database_url):
    engine = open_database(another_database_url)
    yield Repository(engine)
    engine.dispose()


def test_ratings_come_back_exactly_oldest_first_in_utc(repository):
    for entry in (LATER, FIRST, TRAVELLING):
        repository.save_alsfrs(entry)
    assert repository.alsfrs_entries() == [TRAVELLING, FIRST, LATER]
    assert repository.alsfrs_entries()[0].entered_at.utcoffset() == timedelta(hours=-5)
    assert repository.alsfrs_entries(since=datetime(2026, 3, 2, 8, 30, tzinfo=UTC)) == [
        FIRST,
        LATER,
    ]


@pytest.mark.parametrize(
    ("column", "value"), [("walking", 5), ("speech", -1), ("entered_by", "neighbour")]
)
def test_the_schema_refuses_what_the_domain_would(repository, database_url, column, value):
    repository.save_alsfrs(FIRST)
    with pytest.raises(IntegrityError):
        write_directly(database_url, f"UPDATE alsfrs_entries SET {column} = :value", value=value)


def test_a_rating_without_an_offset_is_never_stored(repository):
    with pytest.raises(ValueError):
        repository.save_alsfrs(Entry(datetime(2026, 3, 2), (4,) * 12, EnteredBy.PATIENT))
    assert repository.alsfrs_entries() == []


def test_export_carries_the_ratings_and_an_import_merges_them_once(
    repository, fresh_repository, tmp_path
):
    for entry in (FIRST, TRAVELLING, LATER):
        repository.save_alsfrs(entry)
    text, _count = export_json(repository, EXPORTED_AT)
    document = json.loads(text)
    assert document["version"] == EXPORT_VERSION
    assert document["alsfrs"][1] == {
        "entered_at": "2026-03-02T09:30:00+01:00",
        "entered_by": "patient",
        "onset": "2024-06-01",
        "values": {
            "speech": 4,
            "saliva": 4,
            "swallowing": 3,
            "handwriting": 3,
            "cutting_food": 3,
            "dressing": 2,
            "turning_in_bed": 4,
            "walking": 3,
            "climbing_stairs": 2,
            "breathlessness": 4,
            "breathless_lying_flat": 4,
            "breathing_support": 4,
        },
    }
    path = tmp_path / "export.json"
    path.write_text(text)
    fresh_repository.save_alsfrs(FIRST)
    import_history(read_export(path), fresh_repository)
    import_history(read_export(path), fresh_repository)
    assert fresh_repository.alsfrs_entries() == [TRAVELLING, FIRST, LATER]


def test_a_rating_at_the_same_moment_with_other_values_is_a_second_rating(
    repository, fresh_repository, tmp_path
):
    repository.save_alsfrs(FIRST)
    changed = Entry(FIRST.entered_at, (0,) * 12, EnteredBy.PATIENT)
    fresh_repository.save_alsfrs(changed)
    path = tmp_path / "export.json"
    path.write_text(export_json(repository, EXPORTED_AT)[0])
    import_history(read_export(path), fresh_repository)
    assert fresh_repository.alsfrs_entries() == [changed, FIRST]


def test_a_version_2_export_without_ratings_is_still_read(repository, fresh_repository, tmp_path):
    document = json.loads(export_json(repository, EXPORTED_AT)[0])
    del document["alsfrs"]
    document["version"] = 2
    path = tmp_path / "old.json"
    path.write_text(json.dumps(document))
    import_history(read_export(path), fresh_repository)
    assert fresh_repository.alsfrs_entries() == []


def rating_with(**changes) -> dict:
    rating = {
        "entered_at": "2026-03-02T09:30:00+01:00",
        "entered_by": "patient",
        "onset": None,
        "values": {item.value: 4 for item in ITEMS},
    }
    rating.update(changes)
    return rating


def values_with(**changes) -> dict:
    return {**rating_with()["values"], **changes}


@pytest.mark.parametrize(
    ("rating", "message"),
    [
        (rating_with(values=values_with(walking=5)), "alsfrs[0].values.walking"),
        (rating_with(values=values_with(walking=True)), "alsfrs[0].values.walking"),
        (rating_with(values=values_with(tapping=1)), "alsfrs[0].values"),
        (
            rating_with(values={k: v for k, v in values_with().items() if k != "speech"}),
            "each of the 12 items",
        ),
        (rating_with(entered_by="neighbour"), "alsfrs[0].entered_by"),
        (rating_with(onset="May 2024"), "alsfrs[0].onset: must be a date in ISO 8601"),
        (rating_with(entered_at="2026-03-02T09:30:00"), "alsfrs[0].entered_at"),
    ],
)
def test_a_damaged_rating_refuses_the_whole_file(
    repository, fresh_repository, tmp_path, rating, message
):
    document = json.loads(export_json(repository, EXPORTED_AT)[0])
    document["alsfrs"] = [rating]
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(document))
    with pytest.raises(DocumentError, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_export(path)
