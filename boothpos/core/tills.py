"""One booth, many drawers: the cash of each till on a fair day (the booth hub, issue 15).

A till that syncs with a booth hub holds every till's sales, but each till
opens, counts and closes its own drawer. The day report's per-till section
says, for each till code with sales or a close that day: the cash its sales
took (cash paid toward sales, net of change, less cash refunds) and, once that
till closed the day, its Z number, expected and counted cash. This till's own
closes come from its ``day_events``; another till's from the fair-day events
pulled from the hub (kept in ``hub_records``; they never change this till's
day). A till that never synced with a hub has no per-till section.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from boothpos.core.codes import DayEvent, Method, Origin
from boothpos.core.rows import named

_NOT_VOIDED = "s.id NOT IN (SELECT sale_id FROM voids)"
# When this till last synced with its hub (ISO time): other tills' figures are as of then.
SETTING_SYNCED_AT = "hub_synced_at"
# The till's hub DSN (its own role and password): set by ``join``, read by sync and the app.
SETTING_HUB_DSN = "hub_dsn"


@dataclass(frozen=True)
class TillCash:
    till: str
    cash: int  # what the till's sales of the day took in cash
    z_number: int | None = None  # set once the till closed the day
    expected: int | None = None
    counted: int | None = None
    opening_float: int | None = None  # set once the till opened the day

    @property
    def difference(self) -> int | None:
        if self.counted is None or self.expected is None:
            return None
        return self.counted - self.expected

    def to_json(self) -> dict:
        return {
            "till": self.till,
            "opening_float": self.opening_float,
            "cash": self.cash,
            "z_number": self.z_number,
            "expected": self.expected,
            "counted": self.counted,
            "difference": self.difference,
        }


def several_tills(db: Database) -> bool:
    """True once this till holds records of another till (it syncs with a hub)."""
    return (
        db.execute("SELECT 1 FROM hub_records WHERE origin = ? LIMIT 1", [Origin.HUB]).fetchone()
        is not None
    )


def till_cash(db: Database, day: str) -> tuple[TillCash, ...]:
    """Each till's cash on ``day`` (ISO date), by till code; empty for a till on its own."""
    if not several_tills(db):
        return ()
    cash: dict[str, int] = {}
    for row in named(
        db,
        "SELECT s.till_code, COALESCE(SUM(p.amount), 0) AS paid FROM sales s "
        "JOIN payments p ON p.sale_id = s.id AND p.method = ? "
        f"WHERE s.day = ? AND {_NOT_VOIDED} GROUP BY s.till_code",
        [Method.CASH, day],
    ):
        cash[row["till_code"]] = row["paid"]
    for row in named(
        db,
        f"SELECT s.till_code, SUM(s.change) AS change FROM sales s "
        f"WHERE s.day = ? AND {_NOT_VOIDED} GROUP BY s.till_code",
        [day],
    ):
        cash[row["till_code"]] = cash.get(row["till_code"], 0) - row["change"]
    closes, floats = _closes(db, day)
    return tuple(
        TillCash(
            till=till,
            cash=cash.get(till, 0),
            opening_float=floats.get(till),
            **(closes[till].as_fields() if till in closes else {}),
        )
        for till in sorted(set(cash) | set(closes))
    )


@dataclass(frozen=True)
class _Close:
    """A till's latest day event of a day: a close carries its Z number and cash."""

    kind: str
    z_number: int | None
    expected: int | None
    counted: int | None

    def as_fields(self) -> dict:
        return {"z_number": self.z_number, "expected": self.expected, "counted": self.counted}


def _closes(db: Database, day: str) -> tuple[dict[str, _Close], dict[str, int]]:
    """Each till whose latest day event of ``day`` is a close, with that close,
    and each till's opening float of ``day`` (its latest open or reopen that names one)."""
    latest: dict[str, _Close] = {}
    floats: dict[str, int] = {}
    own = db.execute("SELECT till_code FROM event WHERE id = 1").fetchone()[0]
    for row in named(
        db,
        "SELECT kind, z_number, expected_cash, counted_cash, opening_float FROM day_events "
        "WHERE day = ? ORDER BY id",
        [day],
    ):
        latest[own] = _Close(
            kind=row["kind"],
            z_number=row["z_number"],
            expected=row["expected_cash"],
            counted=row["counted_cash"],
        )
        if row["kind"] != DayEvent.CLOSE and row["opening_float"] is not None:
            floats[own] = row["opening_float"]
    for row in named(
        db,
        "SELECT till_code, payload FROM hub_records WHERE kind = 'day_event' AND origin = ? "
        "AND json_extract(payload, '$.day') = ? ORDER BY hub_seq",
        [Origin.HUB, day],
    ):
        p = json.loads(row["payload"])
        latest[row["till_code"]] = _Close(
            kind=p["kind"],
            z_number=p["z_number"],
            expected=p["expected_cash"],
            counted=p["counted_cash"],
        )
        if p["kind"] != DayEvent.CLOSE and p.get("opening_float") is not None:
            floats[row["till_code"]] = p["opening_float"]
    return {till: e for till, e in latest.items() if e.kind == DayEvent.CLOSE}, floats
