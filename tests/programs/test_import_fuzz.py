"""Property-based tests of the program importer: whatever a file holds, the import gives a
program or one plain sentence, never a traceback, and a refused import writes nothing.

The documents are the demo program with a few things broken (keys dropped, wrong types,
numbers out of range or huge or not numbers at all, unknown fields and exercise ids,
values wrapped in lists) and plain random JSON; the files are also random bytes.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alshome.domain.program import Program
from alshome.platform.paths import sqlite_url
from alshome.programs.demo import demo_document
from alshome.programs.document import DocumentError, build_program
from alshome.programs.library import stock_library
from alshome.programs.transfer import check_program, import_program, read_program_file
from alshome.storage.db import open_database
from alshome.storage.repository import Repository

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

DEMO = demo_document()

ODD_VALUES = [
    float("nan"),
    float("inf"),
    -float("inf"),
    10**400,
    -(10**30),
    1e308,
    -1,
    0,
    0.5,
    True,
    None,
    "",
    "30",
    "x" * 5000,
    "\ud800",
    "moonwalk",
    "leg_cycle",
    "passive_stretch",
    "endurance",
    [],
    {},
]

# Keys a file may make up, including ones that could break a one-line message.
keys = st.text(max_size=12) | st.sampled_from(["a\nb", "\ud800", "x" * 300, "endurance"])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(ODD_VALUES),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=12,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key and index in a document, as the path from the top to it."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in items:
        yield (*prefix, key)
        if isinstance(child, dict | list):
            yield from paths(child, (*prefix, key))


DEMO_PATHS = list(paths(DEMO))


@st.composite
def mutated_demos(draw: st.DrawFn) -> dict[str, Any]:
    document = copy.deepcopy(DEMO)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(DEMO_PATHS))
        parent: Any = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            current = parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this part
        action = draw(st.sampled_from(["drop", "replace", "nest", "extra"]))
        if action == "drop":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "nest":
            parent[path[-1]] = draw(st.sampled_from([[current], {"value": current}]))
        elif isinstance(parent, dict):
            parent[draw(keys)] = draw(json_values)
        else:
            parent.append(draw(json_values))
    return document


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[Repository]:
    engine = open_database(sqlite_url(tmp_path / "alshome.sqlite3"))
    yield Repository(engine)
    engine.dispose()


def assert_imports_or_explains(data: Any, repository: Repository) -> None:
    before = repository.programs()
    try:
        checked = check_program(data)
        import_program(checked, repository)
    except DocumentError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message
        assert repository.programs() == before
        return
    assert isinstance(checked.program, Program)
    active = repository.active_program()
    assert active is not None
    assert (active.name, active.version) == (checked.program.name, checked.program.version)
    # What was saved builds the same program on the quick start, without pydantic.
    assert build_program(active.document, stock_library()) == checked.program


@FUZZ
@given(document=mutated_demos())
def test_a_mutated_program_imports_or_is_refused_whole(document, repository):
    assert_imports_or_explains(document, repository)


@FUZZ
@given(data=json_values)
def test_any_json_value_imports_or_is_refused_whole(data, repository):
    assert_imports_or_explains(data, repository)


@FUZZ
@given(content=st.binary(max_size=300) | mutated_demos().map(json.dumps).map(str.encode))
def test_any_file_is_read_as_a_program_or_refused_in_one_sentence(content, tmp_path):
    file = tmp_path / "program.json"
    file.write_bytes(content)
    try:
        checked = read_program_file(file)
    except DocumentError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert isinstance(checked.program, Program)
