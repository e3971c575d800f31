"""Fair days: open, closed, reopened — a ledger of day events.

Selling never waits for a ceremony: the first sale of a fair day opens that
day (float 0) if nobody opened it; only a closed day refuses sales, voids and
refunds.

- :func:`open_day` records the opening cash float (supervisor's choice).
- :func:`close_preview` shows expected vs counted cash and the difference
  before anything is written; :func:`close_day` (a supervisor) then records
  the count (in rupiah or by denomination) and gives the day the next Z
  number: 1, 2, 3 … in close order over the whole event. Closing a closed day
  is refused; closing a day without sales is allowed (a zero Z report).
- :func:`reopen_day` (an admin, with a reason, audited) makes a closed day
  take sales again; closing it again gives it a new Z number.

The reports themselves are computed in :mod:`boothpos.core.reports`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from boothpos.core import audit, bounds, clock, users
from boothpos.core import denominations as denoms
from boothpos.core.db import write_transaction
from boothpos.core.errors import DayClosed, Msg, RefusedInput
from boothpos.core.money import format_rupiah

CLOSED = Msg(
    id="hari {day} sudah ditutup; penjualan dan perubahan ditolak",
    en="fair day {day} is closed; sales and changes are refused",
)
ALREADY_OPEN = Msg(id="hari {day} sudah dibuka", en="fair day {day} is already open")
ALREADY_CLOSED = Msg(
    id="hari {day} sudah ditutup (Z-{z_number}); menutup dua kali ditolak",
    en="fair day {day} is already closed (Z-{z_number}); closing twice is refused",
)
NOT_CLOSED = Msg(
    id="hari {day} belum ditutup; tidak ada yang perlu dibuka kembali",
    en="fair day {day} is not closed; there is nothing to reopen",
)
NO_COUNT = Msg(
    id="masukkan hitungan kas: jumlah rupiah atau per pecahan",
    en="enter the cash count: an amount or a count per denomination",
)
COUNT_MISMATCH = Msg(
    id="kas dihitung {counted} tidak sama dengan jumlah pecahan {total}",
    en="counted cash {counted} differs from the denominations' total {total}",
)
NEEDS_REASON = Msg(
    id="alasan membuka kembali hari wajib diisi", en="a reason to reopen the day is required"
)
BAD_FLOAT = Msg(
    id="modal awal kas {value} tidak sah; harus rupiah bulat 0 atau lebih",
    en="opening float {value} is not valid; it must be whole rupiah, 0 or more",
)
BAD_COUNTED = Msg(
    id="kas dihitung {value} tidak sah; harus rupiah bulat 0 atau lebih",
    en="counted cash {value} is not valid; it must be whole rupiah, 0 or more",
)


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
            status, z_number = "open", None
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
    if isinstance(opening_float, bool) or not isinstance(opening_float, int) or opening_float < 0:
        raise RefusedInput(BAD_FLOAT, value=opening_float)
    with write_transaction(db):
        current = state(db, day)
        if current.status == "closed":
            raise DayClosed(CLOSED, day=day.isoformat())
        if current.status == "open":
            raise RefusedInput(ALREADY_OPEN, day=day.isoformat())
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


# ---------------------------------------------------------------- close / reopen


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
    iso = day if isinstance(day, str) else day.isoformat()
    rows = db.execute(
        "SELECT e.z_number, e.at, e.user_id, u.display_name, e.counted_cash, e.expected_cash, "
        "e.detail FROM day_events e LEFT JOIN users u ON u.id = e.user_id "
        "WHERE e.day = ? AND e.kind = 'close' ORDER BY e.id",
        (iso,),
    ).fetchall()
    result = []
    for z, at, user_id, user_name, counted, expected, detail in rows:
        raw = json.loads(detail or "{}").get("denominations")
        counts = denoms.validate({int(k): int(v) for k, v in raw.items()}) if raw else None
        result.append(
            CloseRecord(
                date.fromisoformat(iso), z, at, user_id, user_name, counted, expected, counts
            )
        )
    return result


def reopens(db: Database, day: date | str) -> list[ReopenRecord]:
    iso = day if isinstance(day, str) else day.isoformat()
    rows = db.execute(
        "SELECT e.at, u.display_name, e.detail FROM day_events e "
        "LEFT JOIN users u ON u.id = e.user_id WHERE e.day = ? AND e.kind = 'reopen' "
        "ORDER BY e.id",
        (iso,),
    ).fetchall()
    result = []
    for at, user_name, detail in rows:
        info = json.loads(detail or "{}")
        result.append(
            ReopenRecord(
                date.fromisoformat(iso),
                at,
                user_name,
                str(info.get("reason", "")),
                info.get("z_number"),
            )
        )
    return result


def next_z_number(db: Database) -> int:
    """Z numbers run 1, 2, 3 … over the whole event, in close order."""
    return db.execute("SELECT COALESCE(MAX(z_number), 0) + 1 FROM day_events").fetchone()[0]


def cash_count(
    counted_cash: int | None = None, denominations: dict[int, int] | None = None
) -> tuple[int, dict[int, int] | None]:
    """The counted cash from an amount, a count per denomination, or both (they must agree)."""
    if counted_cash is None and denominations is None:
        raise RefusedInput(NO_COUNT)
    counts = denoms.validate(denominations) if denominations is not None else None
    if counted_cash is not None and (
        isinstance(counted_cash, bool) or not isinstance(counted_cash, int) or counted_cash < 0
    ):
        raise RefusedInput(BAD_COUNTED, value=counted_cash)
    if counts is not None:
        total = denoms.total(counts)
        if counted_cash is not None and counted_cash != total:
            raise RefusedInput(
                COUNT_MISMATCH, counted=format_rupiah(counted_cash), total=format_rupiah(total)
            )
        counted_cash = total
    return counted_cash, counts


def close_preview(
    db: Database,
    day: date,
    *,
    counted_cash: int | None = None,
    denominations: dict[int, int] | None = None,
):
    """The Z report as the close would record it: expected, counted, difference. Writes nothing.

    Returns a :class:`boothpos.core.reports.DayReport` with ``preview`` set and
    ``z_number`` the number the close would take. Refuses a closed day.
    """
    from dataclasses import replace

    from boothpos.core import reports

    counted, counts = cash_count(counted_cash, denominations)
    current = state(db, day)
    if current.status == "closed":
        raise DayClosed(ALREADY_CLOSED, day=day.isoformat(), z_number=current.z_number)
    report = reports.day_report(db, day)
    return replace(
        report,
        z_number=next_z_number(db),
        cash=replace(report.cash, counted=counted, denominations=counts),
        preview=True,
    )


def close_day(
    db: Database,
    day: date,
    *,
    user: users.User,
    counted_cash: int | None = None,
    denominations: dict[int, int] | None = None,
    at: datetime | None = None,
):
    """Close ``day`` with the cash count; returns its Z report (a ``reports.DayReport``).

    A supervisor (or admin) closes. The count is ``counted_cash`` rupiah or
    ``denominations`` (``{100000: 3, …}``), or both if they agree. A day
    nobody opened is opened (float 0) and closed at once: a zero Z report.
    """
    from boothpos.core import reports

    users.require(user, "supervisor")
    counted, counts = cash_count(counted_cash, denominations)
    moment = at or clock.now()
    with write_transaction(db):
        current = state(db, day)
        if current.status == "closed":
            raise DayClosed(ALREADY_CLOSED, day=day.isoformat(), z_number=current.z_number)
        if current.status == "not_opened":
            _insert_open(db, day, at=moment, user_id=user.id, opening_float=0, automatic=True)
        expected = reports.day_report(db, day).cash.expected
        z_number = next_z_number(db)
        detail: dict = {"difference": counted - expected}
        if counts is not None:
            detail["denominations"] = {str(d): n for d, n in counts.items()}
        db.execute(
            "INSERT INTO day_events (day, kind, at, user_id, counted_cash, expected_cash, "
            "z_number, detail) VALUES (?, 'close', ?, ?, ?, ?, ?, ?)",
            (
                day.isoformat(),
                clock.to_iso(moment),
                user.id,
                counted,
                expected,
                z_number,
                json.dumps(detail, sort_keys=True),
            ),
        )
        audit.record(
            db,
            "day.close",
            user_id=user.id,
            entity="day",
            entity_id=day.isoformat(),
            detail={
                "z_number": z_number,
                "counted_cash": counted,
                "expected_cash": expected,
                "difference": counted - expected,
                "by_denomination": counts is not None,
            },
            at=moment,
        )
    return reports.day_report(db, day)


def reopen_day(
    db: Database, day: date, *, user: users.User, reason: str, at: datetime | None = None
) -> DayState:
    """Reopen a closed day (an admin, with a reason; audited). Its Z number is set aside."""
    users.require(user, "admin")
    reason = (reason or "").strip()
    if not reason:
        raise RefusedInput(NEEDS_REASON)
    bounds.check_text(reason, "reason")
    moment = at or clock.now()
    with write_transaction(db):
        current = state(db, day)
        if current.status != "closed":
            raise RefusedInput(NOT_CLOSED, day=day.isoformat())
        db.execute(
            "INSERT INTO day_events (day, kind, at, user_id, detail) VALUES (?, 'reopen', ?, ?, ?)",
            (
                day.isoformat(),
                clock.to_iso(moment),
                user.id,
                json.dumps({"reason": reason, "z_number": current.z_number}, ensure_ascii=False),
            ),
        )
        audit.record(
            db,
            "day.reopen",
            user_id=user.id,
            entity="day",
            entity_id=day.isoformat(),
            detail={"reason": reason, "z_number": current.z_number},
            at=moment,
        )
    return state(db, day)
