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
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlite_utils import Database

from boothpos.core import audit, bounds, clock, users
from boothpos.core import denominations as denoms
from boothpos.core.codes import DayEvent, DayStatus, Role
from boothpos.core.day_book import (  # noqa: F401 - the record, read: days.state etc. stay here
    CloseRecord,
    DayState,
    ReopenRecord,
    closes,
    next_z_number,
    reopens,
    state,
)
from boothpos.core.db import write_transaction
from boothpos.core.errors import DayClosed, Msg, RefusedInput
from boothpos.core.event import Event
from boothpos.core.money import format_rupiah
from boothpos.core.rows import named

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


def ensure_open_for_sale(db: Database, day: date, *, at: datetime, user_id: int | None) -> DayState:
    """Open ``day`` with float 0 if nobody did; refuse a closed day.

    Must run inside the caller's ``db.atomic()`` block (the sale's).
    """
    current = state(db, day)
    if current.status == DayStatus.CLOSED:
        raise DayClosed(CLOSED, day=day.isoformat())
    if current.status == DayStatus.NOT_OPENED:
        _insert_open(db, day, at=at, user_id=user_id, opening_float=0, automatic=True)
        return DayState(day=day, status=DayStatus.OPEN, opening_float=0, z_number=None)
    return current


def open_day(
    db: Database, day: date, *, opening_float: int, user_id: int | None, at: datetime | None = None
) -> DayState:
    if isinstance(opening_float, bool) or not isinstance(opening_float, int) or opening_float < 0:
        raise RefusedInput(BAD_FLOAT, value=opening_float)
    with write_transaction(db):
        current = state(db, day)
        if current.status == DayStatus.CLOSED:
            raise DayClosed(CLOSED, day=day.isoformat())
        if current.status == DayStatus.OPEN:
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
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            day.isoformat(),
            DayEvent.OPEN,
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
    from boothpos.core import reports  # loaded when a day closes, not at the till's start

    counted, counts = cash_count(counted_cash, denominations)
    current = state(db, day)
    if current.status == DayStatus.CLOSED:
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
    from boothpos.core import reports  # loaded when a day closes, not at the till's start

    users.require(user, Role.SUPERVISOR)
    counted, counts = cash_count(counted_cash, denominations)
    moment = at or clock.now()
    with write_transaction(db):
        current = state(db, day)
        if current.status == DayStatus.CLOSED:
            raise DayClosed(ALREADY_CLOSED, day=day.isoformat(), z_number=current.z_number)
        if current.status == DayStatus.NOT_OPENED:
            _insert_open(db, day, at=moment, user_id=user.id, opening_float=0, automatic=True)
        expected = reports.day_report(db, day).cash.expected
        z_number = next_z_number(db)
        detail: dict = {"difference": counted - expected}
        if counts is not None:
            detail["denominations"] = {str(d): n for d, n in counts.items()}
        db.execute(
            "INSERT INTO day_events (day, kind, at, user_id, counted_cash, expected_cash, "
            "z_number, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                day.isoformat(),
                DayEvent.CLOSE,
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
    users.require(user, Role.ADMIN)
    reason = (reason or "").strip()
    if not reason:
        raise RefusedInput(NEEDS_REASON)
    bounds.check_text(reason, "reason")
    moment = at or clock.now()
    with write_transaction(db):
        current = state(db, day)
        if current.status != DayStatus.CLOSED:
            raise RefusedInput(NOT_CLOSED, day=day.isoformat())
        db.execute(
            "INSERT INTO day_events (day, kind, at, user_id, detail) VALUES (?, ?, ?, ?, ?)",
            (
                day.isoformat(),
                DayEvent.REOPEN,
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


# ---------------------------------------------------------------- the days to choose from


@dataclass(frozen=True)
class DayChoice:
    """A day a screen offers: its fair-day number (None outside the fair) and state."""

    day: date
    number: int | None
    status: DayStatus
    z_number: int | None


def day_choices(db: Database, event: Event) -> list[DayChoice]:
    """The fair days, plus any other day with sales or a day record, in order."""
    known = set(event.fair_days)
    for table in ("sales", "day_events"):
        for row in named(db, f"SELECT DISTINCT day FROM {table}"):
            known.add(date.fromisoformat(row["day"]))
    choices = []
    for day in sorted(known):
        current = state(db, day)
        choices.append(
            DayChoice(
                day=day,
                number=event.day_number(day),
                status=current.status,
                z_number=current.z_number,
            )
        )
    return choices
