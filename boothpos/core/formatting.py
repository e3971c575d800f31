"""Text for people: rates, dates and local times, one answer each (Qt-free).

Screens, documents and the command line all show these the same way, Indonesian
style:

- a commission rate: ``10%``, ``12,5%`` (decimal comma, the sign written close);
- a date on a staff screen: ``28-02-2024``; a day in a table: ``28/02``;
- a moment: ``28/02/2024 14:30 WIB`` in the event's zone, named the Indonesian
  way (WIB, WITA, WIT); any other zone shows its own abbreviation, or its name.
  A date shown beside such a moment (the partner screen) is written the same
  way: ``28/02/2024`` (:func:`slash_date`).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

# Indonesian names of the zones; any other zone shows its own abbreviation.
ZONE_NAMES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def rate_text(bp: int) -> str:
    """Basis points as an Indonesian percentage: ``1000`` → ``10%``, ``1250`` → ``12,5%``."""
    whole, frac = divmod(bp, 100)
    if frac == 0:
        return f"{whole}%"
    return f"{whole},{frac:02d}".rstrip("0") + "%"


def zone_name(timezone: str, moment: datetime | None = None) -> str:
    """``Asia/Makassar`` → ``WITA``; another zone: its abbreviation at ``moment``, else its name."""
    named = ZONE_NAMES.get(timezone)
    if named:
        return named
    if moment is not None:
        return moment.astimezone(ZoneInfo(timezone)).tzname() or timezone
    return timezone


def local_text(moment: datetime, timezone: str) -> str:
    """``28/02/2024 14:30 WIB``: a moment as people at the booth read it."""
    local = moment.astimezone(ZoneInfo(timezone))
    return f"{slash_date(local)} {local:%H:%M} {zone_name(timezone, local)}"


def local_time(iso: str, timezone: str) -> str:
    """``2024-02-28T07:30:00+00:00`` in Asia/Jakarta → ``28/02/2024 14:30 WIB``."""
    return local_text(datetime.fromisoformat(iso), timezone)


def clock_time(iso: str, timezone: str) -> str:
    """``2024-02-28T10:15:00+07:00`` → ``10:15`` (in ``timezone``)."""
    return f"{datetime.fromisoformat(iso).astimezone(ZoneInfo(timezone)):%H:%M}"


def day_text(day: date) -> str:
    """``28-02-2024``: a date on a screen (a datetime shows its date)."""
    return f"{day:%d-%m-%Y}"


def slash_date(day: date) -> str:
    """``28/02/2024``: the date of a moment (:func:`local_text`), and a date shown beside one."""
    return f"{day:%d/%m/%Y}"


def day_month_text(day: date) -> str:
    """``28/02``: a fair day in a table row or a chart, where the year is known."""
    return f"{day:%d/%m}"
