"""Many rows at once, on PostgreSQL and on SQLite: inserted into one table in one
statement (`insert_rows`), or read by a column's values a thousand at a time
(`in_chunks`).

PostgreSQL gets the rows as one JSON parameter that `json_populate_recordset` turns into
rows of the table (whose columns the rows' keys name): one short statement. A multi-row
VALUES would have a placeholder per value, which psycopg parses in Python, seconds for a
batch of a few thousand sets; an executemany sends a statement a row. Plain json, not
jsonb: the text is read once either way, and building jsonb's tree first took half the
statement's time for ten years of sets. SQLite takes the rows as an executemany, which
costs it no round trips.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Table, insert, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session


def insert_rows(
    db: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    returning: Sequence[str] = (),
    *,
    skip_held: bool = True,
) -> list[Row[Any]]:
    """Insert the rows (every row with the same keys); with `skip_held`, those the table
    holds already by a unique key are skipped. The `returning` columns of the rows
    inserted."""
    if not rows:
        return []
    if db.get_bind().dialect.name != "postgresql":
        statement = sqlite.insert(table).on_conflict_do_nothing() if skip_held else insert(table)
        if not returning:
            db.execute(statement, rows)
            return []
        return list(db.execute(statement.returning(*(table.c[name] for name in returning)), rows))
    columns = ", ".join(f'"{name}"' for name in rows[0])
    statement = (
        f"INSERT INTO {table.name} ({columns}) SELECT {columns} "
        f"FROM json_populate_recordset(NULL::{table.name}, CAST(:rows AS json))"
    )
    if skip_held:
        statement += " ON CONFLICT DO NOTHING"
    if returning:
        statement += f" RETURNING {', '.join(returning)}"
    result = db.execute(text(statement), {"rows": json.dumps(rows, default=datetime.isoformat)})
    return list(result) if returning else []


def in_chunks(
    db: Session, query: Any, column: ColumnElement[Any], values: Sequence[Any]
) -> Iterable[Any]:
    """The query's rows for `column IN values`, a thousand values a statement."""
    for start in range(0, len(values), 1000):
        yield from db.execute(query.where(column.in_(values[start : start + 1000])))
