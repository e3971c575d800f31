"""The record of fair days, read: where a day stands, its closes and reopens, the next Z number.

Reading only. The actions (open, close, reopen) are :mod:`boothpos.core.days`,
which re-exports everything here; the reports read the record from here, so
:mod:`boothpos.core.reports` and :mod:`boothpos.core.days` do not need each other
both ways (closing a day computes its Z report; the Z report reads the day).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from boothpos.core import denominations as denoms
from boothpos.core.codes import DayEvent, DayStatus
from boothpos.core.rows import named


@dataclass(frozen=True)
class DayState:
    day: date
    status: DayStatus
    opening_float: int
    z_number: int | None


def _iso(day: date | str) -> str:
    return day if isinstance(day, str) else day.isoformat()


def state(db: Database, day: date | str) -> DayState:
    iso = _iso(day)
    status, opening_float, z_number = DayStatus.NOT_OPENED, 0, None
    for row in named(
        db, "SELECT kind, opening_float, z_number FROM day_events WHERE day = ? ORDER BY id", [iso]
    ):
        if row["kind"] == DayEvent.OPEN:
            status, opening_float = DayStatus.OPEN, row["opening_float"] or 0
        elif row["kind"] == DayEvent.REOPEN:
            status, z_number = DayStatus.OPEN, None
        elif row["kind"] == DayEvent.CLOSE:
            status, z_number = DayStatus.CLOSED, row["z_number"]
    return DayState(
        day=date.fromisoformat(iso), status=status, opening_float=opening_float, z_number=z_number
    )


@dataclass(frozen=True)
class CloseRecord:
    """One close of a day (a day reopened and closed again has several)."""

    day: date
    z_number: int
    at: str
    user_id: int | None
    user_name: str | None
    counted_cash: int
    expected_cash: int
    denominations: dict[int, int] | None


@dataclass(frozen=True)
class ReopenRecord:
    day: date
    at: str
    user_name: str | None
    reason: str
    z_number: int | None  # the Z number the reopen set aside


def closes(db: Database, day: date | str) -> list[CloseRecord]:
    iso = _iso(day)
    rows = named(
        db,
        "SELECT e.z_number, e.at, e.user_id, u.display_name AS user_name, e.counted_cash, "
        "e.expected_cash, e.detail FROM day_events e LEFT JOIN users u ON u.id = e.user_id "
        "WHERE e.day = ? AND e.kind = ? ORDER BY e.id",
        [iso, DayEvent.CLOSE],
    )
    result = []
    for row in rows:
        raw = json.loads(row.pop("detail") or "{}").get("denominations")
        counts = denoms.validate({int(k): int(v) for k, v in raw.items()}) if raw else None
        result.append(CloseRecord(day=date.fromisoformat(iso), denominations=counts, **row))
    return result


def reopens(db: Database, day: date | str) -> list[ReopenRecord]:
    iso = _iso(day)
    rows = named(
        db,
        "SELECT e.at, u.display_name AS user_name, e.detail FROM day_events e "
        "LEFT JOIN users u ON u.id = e.user_id WHERE e.day = ? AND e.kind = ? "
        "ORDER BY e.id",
        [iso, DayEvent.REOPEN],
    )
    result = []
    for row in rows:
        info = json.loads(row["detail"] or "{}")
        result.append(
            ReopenRecord(
                day=date.fromisoformat(iso),
                at=row["at"],
                user_name=row["user_name"],
                reason=str(info.get("reason", "")),
                z_number=info.get("z_number"),
            )
        )
    return result


def next_z_number(db: Database) -> int:
    """Z numbers run 1, 2, 3 … over the whole event, in close order."""
    return db.execute("SELECT COALESCE(MAX(z_number), 0) + 1 FROM day_events").fetchone()[0]
