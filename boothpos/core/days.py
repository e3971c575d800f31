"""Fair days: open, closed, reopened — a ledger of day events.

Selling never waits for a ceremony: the first sale of a fair day opens that
day (float 0) if nobody opened it; only a closed day refuses sales.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from boothpos.core import audit, clock
from boothpos.core.db import write_transaction
from boothpos.core.errors import DayClosed, Msg, RefusedInput

CLOSED = Msg(
    id="hari {day} sudah ditutup; penjualan dan perubahan ditolak",
    en="fair day {day} is closed; sales and changes are refused",
)
ALREADY_OPEN = Msg(id="hari {day} sudah dibuka", en="fair day {day} is already open")


@dataclass(frozen=True)
class DayState:
    day: date
    status: str  # "not_opened", "open", "closed"
    opening_float: int
    z_number: int | None


def state(db: Database, day: date | str) -> DayState:
    iso = day if isinstance(day, str) else day.isoformat()
    rows = db.execute(
        "SELECT kind, opening_float, z_number FROM day_events WHERE day = ? ORDER BY id", (iso,)
    ).fetchall()
    status, opening_float, z_number = "not_opened", 0, None
    for kind, flt, z in rows:
        if kind == "open":
            status, opening_float = "open", flt or 0
        elif kind == "reopen":
            status = "open"
        elif kind == "close":
            status, z_number = "closed", z
    return DayState(date.fromisoformat(iso), status, opening_float, z_number)


def ensure_open_for_sale(db: Database, day: date, *, at: datetime, user_id: int | None) -> DayState:
    """Open ``day`` with float 0 if nobody did; refuse a closed day.

    Must run inside the caller's ``db.atomic()`` block (the sale's).
    """
    current = state(db, day)
    if current.status == "closed":
        raise DayClosed(CLOSED, day=day.isoformat())
    if current.status == "not_opened":
        _insert_open(db, day, at=at, user_id=user_id, opening_float=0, automatic=True)
        return DayState(day, "open", 0, None)
    return current


def open_day(
    db: Database, day: date, *, opening_float: int, user_id: int | None, at: datetime | None = None
) -> DayState:
    current = state(db, day)
    if current.status == "closed":
        raise DayClosed(CLOSED, day=day.isoformat())
    if current.status == "open":
        raise RefusedInput(ALREADY_OPEN, day=day.isoformat())
    with write_transaction(db):
        _insert_open(db, day, at=at or clock.now(), user_id=user_id, opening_float=opening_float)
    return state(db, day)


def _insert_open(
    db: Database,
    day: date,
    *,
    at: datetime,
    user_id: int | None,
    opening_float: int,
    automatic: bool = False,
) -> None:
    db.execute(
        "INSERT INTO day_events (day, kind, at, user_id, opening_float, detail) "
        "VALUES (?, 'open', ?, ?, ?, ?)",
        (
            day.isoformat(),
            clock.to_iso(at),
            user_id,
            opening_float,
            json.dumps({"automatic": automatic}),
        ),
    )
    audit.record(
        db,
        "day.open",
        user_id=user_id,
        entity="day",
        entity_id=day.isoformat(),
        detail={"opening_float": opening_float, "automatic": automatic},
        at=at,
    )
