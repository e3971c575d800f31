"""Time: ISO-8601 with offset; the fair day is the calendar date in the event's zone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from boothpos.core import bounds, formatting
from boothpos.core.errors import Msg, RefusedInput

DEFAULT_TZ = "Asia/Jakarta"

BAD_TIME = Msg(
    id="'{value}' bukan waktu ISO-8601 (contoh: 2024-02-28T14:30:00+07:00)",
    en="'{value}' is not an ISO-8601 time (for example 2024-02-28T14:30:00+07:00)",
)
BAD_DATE = Msg(
    id="'{value}' bukan tanggal (contoh: 2024-02-28)",
    en="'{value}' is not a date (for example 2024-02-28)",
)


def now(tz: str = DEFAULT_TZ) -> datetime:
    return datetime.now(ZoneInfo(tz))


def to_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every stored time carries its offset")
    return moment.isoformat(timespec="seconds")


def parse_time(text: str, tz: str = DEFAULT_TZ) -> datetime:
    """Parse an ISO time; a time without offset is taken in the event's zone."""
    try:
        moment = datetime.fromisoformat(str(text).strip())
    except ValueError:
        raise RefusedInput(BAD_TIME, value=text) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(tz))
    return bounds.check_date(moment)


def moment(at: datetime | None, tz: str = DEFAULT_TZ) -> datetime:
    """``at`` (a naive time is taken in the event's zone), or now."""
    if at is None:
        return now(tz)
    if at.tzinfo is None:
        return at.replace(tzinfo=ZoneInfo(tz))
    return at


def today(tz: str = DEFAULT_TZ, at: datetime | None = None) -> date:
    """The fair day of ``at`` (default: now) in the event's zone."""
    return fair_day(moment(at, tz), tz)


def parse_date(text: str) -> date:
    try:
        day = date.fromisoformat(str(text).strip())
    except ValueError:
        raise RefusedInput(BAD_DATE, value=text) from None
    return bounds.check_date(day)


def fair_day(moment: datetime, tz: str = DEFAULT_TZ) -> date:
    """The calendar date of ``moment`` in the event's time zone."""
    return moment.astimezone(ZoneInfo(tz)).date()


def local_text(moment: datetime, tz: str = DEFAULT_TZ) -> str:
    """``28/02/2024 14:30 WIB``: a moment as people at the booth read it (see core.formatting)."""
    return formatting.local_text(moment, tz)


ZONE_NAMES = formatting.ZONE_NAMES  # old home, kept importable; the names live in formatting
