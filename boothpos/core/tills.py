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

_NOT_VOIDED = "s.id NOT IN (SELECT sale_id FROM voids)"
# When this till last synced with its hub (ISO time): other tills' figures are as of then.
SETTING_SYNCED_AT = "hub_synced_at"


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
        db.execute("SELECT 1 FROM hub_records WHERE origin = 'hub' LIMIT 1").fetchone() is not None
    )


def till_cash(db: Database, day: str) -> tuple[TillCash, ...]:
    """Each till's cash on ``day`` (ISO date), by till code; empty for a till on its own."""
    if not several_tills(db):
        return ()
    cash: dict[str, int] = {}
    for till, paid in db.execute(
        "SELECT s.till_code, COALESCE(SUM(p.amount), 0) FROM sales s "
        "JOIN payments p ON p.sale_id = s.id AND p.method = 'cash' "
        f"WHERE s.day = ? AND {_NOT_VOIDED} GROUP BY s.till_code",
        (day,),
    ):
        cash[till] = paid
    for till, change in db.execute(
        f"SELECT s.till_code, SUM(s.change) FROM sales s WHERE s.day = ? AND {_NOT_VOIDED} "
        "GROUP BY s.till_code",
        (day,),
    ):
        cash[till] = cash.get(till, 0) - change
    closes, floats = _closes(db, day)
    return tuple(
        TillCash(till, cash.get(till, 0), *closes.get(till, (None, None, None)), floats.get(till))
        for till in sorted(set(cash) | set(closes))
    )


def _closes(
    db: Database, day: str
) -> tuple[dict[str, tuple[int | None, int | None, int | None]], dict[str, int]]:
    """(z_number, expected, counted) of each till whose latest day event of ``day`` is a close,
    and each till's opening float of ``day`` (its latest open or reopen that names one)."""
    latest: dict[str, dict] = {}
    floats: dict[str, int] = {}
    own = db.execute("SELECT till_code FROM event WHERE id = 1").fetchone()
    for kind, z, expected, counted, opening in db.execute(
        "SELECT kind, z_number, expected_cash, counted_cash, opening_float FROM day_events "
        "WHERE day = ? ORDER BY id",
        (day,),
    ):
        latest[own[0]] = {"kind": kind, "z": z, "expected": expected, "counted": counted}
        if kind != "close" and opening is not None:
            floats[own[0]] = opening
    for till, payload in db.execute(
        "SELECT till_code, payload FROM hub_records WHERE kind = 'day_event' AND origin = 'hub' "
        "AND json_extract(payload, '$.day') = ? ORDER BY hub_seq",
        (day,),
    ):
        p = json.loads(payload)
        latest[till] = {
            "kind": p["kind"],
            "z": p["z_number"],
            "expected": p["expected_cash"],
            "counted": p["counted_cash"],
        }
        if p["kind"] != "close" and p.get("opening_float") is not None:
            floats[till] = p["opening_float"]
    return {
        till: (e["z"], e["expected"], e["counted"])
        for till, e in latest.items()
        if e["kind"] == "close"
    }, floats
