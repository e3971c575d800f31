"""Rows by column name: what a ``SELECT`` returns, as dicts keyed by its column names.

``sqlite_utils.Database.query`` does the same, but wraps every read in a
savepoint (two more statements per query: a cost on the sale path, and noise in
a statement trace); this is the plain cursor, read by name. Build the small
frozen dataclasses from it with keywords (``Thing(**row)``), never by position.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence

from sqlite_utils import Database

Readable = Database | sqlite3.Connection


def named(
    db: Readable, sql: str, params: Sequence | Mapping[str, object] = ()
) -> Iterator[dict[str, object]]:
    """Run ``sql`` now; its rows, read lazily, each a dict of column name → value."""
    cursor = db.execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return (dict(zip(keys, row, strict=True)) for row in cursor)


def first(
    db: Readable, sql: str, params: Sequence | Mapping[str, object] = ()
) -> dict[str, object] | None:
    """The first row of ``sql`` by column name, or None when there is none."""
    return next(named(db, sql, params), None)


def column(db: Readable, sql: str, params: Sequence | Mapping[str, object] = ()) -> list[object]:
    """The values of a one-column ``SELECT`` (ids, codes, numbers), in order."""
    cursor = db.execute(sql, params)
    if len(cursor.description) != 1:
        raise ValueError(f"column() needs a one-column SELECT, not {len(cursor.description)}")
    return [value for (value,) in cursor]
