"""The event is data: name, venue, fair days, receipt texts, commission, prefixes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from boothpos.core import audit, bounds, clock
from boothpos.core.errors import DatabaseError, Msg, RefusedInput
from boothpos.core.rows import first

NO_EVENT = Msg(
    id="database ini belum berisi acara; jalankan 'boothpos init'",
    en="this database holds no event yet; run 'boothpos init'",
)
EVENT_EXISTS = Msg(
    id="database ini sudah berisi acara '{name}'",
    en="this database already holds the event '{name}'",
)
BAD_DAYS = Msg(
    id="jumlah hari acara harus 1 sampai 60, bukan {value}",
    en="the number of fair days must be 1 to 60, not {value}",
)
BAD_PREFIX = Msg(
    id="awalan nomor struk '{value}' harus 1–8 huruf/angka",
    en="receipt prefix '{value}' must be 1–8 letters or digits",
)
EMPTY_NAME = Msg(id="nama acara kosong", en="the event name is empty")


@dataclass(frozen=True)
class Event:
    name: str
    venue: str
    first_day: date
    days: int
    timezone: str
    receipt_header: str
    receipt_footer: str
    commission_bp: int
    receipt_prefix: str
    till_code: str

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=self.days - 1)

    @property
    def fair_days(self) -> list[date]:
        return [self.first_day + timedelta(days=i) for i in range(self.days)]

    def day_number(self, day: date) -> int | None:
        """1-based fair-day number, or None for a date outside the event."""
        n = (day - self.first_day).days + 1
        return n if 1 <= n <= self.days else None


def default_prefix(name: str, first_day: date) -> str:
    word = re.sub(r"[^A-Za-z0-9]", "", (name.split() or ["EV"])[0]).upper()[:3] or "EV"
    return f"{word}{first_day:%y}"


def create_event(
    db: Database,
    *,
    name: str,
    first_day: date,
    days: int,
    venue: str = "",
    receipt_header: str = "",
    receipt_footer: str = "",
    commission_bp: int = 0,
    receipt_prefix: str | None = None,
    till_code: str = "T1",
    timezone: str = clock.DEFAULT_TZ,
) -> Event:
    name = name.strip()
    if not name:
        raise RefusedInput(EMPTY_NAME)
    if not 1 <= days <= bounds.MAX_DAYS:
        raise RefusedInput(BAD_DAYS, value=days)
    bounds.check_text(name, "name", limit=bounds.MAX_EVENT_NAME)
    bounds.check_text(venue, "text", limit=bounds.MAX_NAME)
    bounds.check_date(first_day)
    prefix = receipt_prefix or default_prefix(name, first_day)
    for value in (prefix, till_code):
        if not re.fullmatch(r"[A-Za-z0-9]{1,8}", value):
            raise RefusedInput(BAD_PREFIX, value=value)
    existing = first(db, "SELECT name FROM event WHERE id = 1")
    if existing:
        raise RefusedInput(EVENT_EXISTS, name=existing["name"])
    with db.atomic():
        db.execute(
            "INSERT INTO event (id, name, venue, first_day, days, timezone, receipt_header, "
            "receipt_footer, commission_bp, receipt_prefix, till_code, created_at) "
            "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                venue,
                first_day.isoformat(),
                days,
                timezone,
                receipt_header or name,
                receipt_footer or "Terima kasih / Thank you",
                commission_bp,
                prefix.upper(),
                till_code.upper(),
                clock.to_iso(clock.now(timezone)),
            ),
        )
        audit.record(db, "event.create", entity="event", entity_id=1, detail={"name": name})
    return get_event(db)


# The event's columns, which :func:`event_from_row` reads by name (for a statement that
# reads the event together with something else, e.g. a partner's own row).
EVENT_COLUMNS = (
    "name, venue, first_day, days, timezone, receipt_header, receipt_footer, "
    "commission_bp, receipt_prefix, till_code"
)


def event_from_row(row: Mapping[str, object]) -> Event:
    """An :class:`Event` from a row of :data:`EVENT_COLUMNS`, read by column name."""
    return Event(
        name=row["name"],
        venue=row["venue"],
        first_day=date.fromisoformat(row["first_day"]),
        days=row["days"],
        timezone=row["timezone"],
        receipt_header=row["receipt_header"],
        receipt_footer=row["receipt_footer"],
        commission_bp=row["commission_bp"],
        receipt_prefix=row["receipt_prefix"],
        till_code=row["till_code"],
    )


def get_event(db: Database) -> Event:
    row = first(db, f"SELECT {EVENT_COLUMNS} FROM event WHERE id = 1")
    if row is None:
        raise DatabaseError(NO_EVENT)
    return event_from_row(row)


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    row = first(db, "SELECT value FROM settings WHERE key = ?", [key])
    return row["value"] if row else default


# Remembered screen state rather than a business setting: not worth an audit entry.
UNAUDITED_SETTINGS = frozenset({"last_user"})


def set_setting(db: Database, key: str, value: str, *, user_id: int | None = None) -> None:
    """Store a setting; a real change is audited (``setting.change``, old and new value)."""
    old = get_setting(db, key)
    if old == value:
        return
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        if key not in UNAUDITED_SETTINGS:
            audit.record(
                db,
                "setting.change",
                user_id=user_id,
                entity="setting",
                entity_id=key,
                detail={"old": old, "new": value},
            )
