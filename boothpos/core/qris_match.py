"""Day-end QRIS matching: the merchant's transaction history against the day's QRIS payments.

The history is the CSV/XLSX export of the merchant app or bank portal, one
row per incoming QRIS payment. Columns are found by header (case-insensitive):

- generic: ``time``/``waktu`` (ISO, or ``dd/mm/yyyy HH:MM[:SS]``; a time without
  offset is in the event's zone), ``amount``/``nominal`` (any rupiah form),
  ``reference``/``referensi`` (optional);
- preset ``orderkuota``: the QRIS mutation list of the OrderKuota merchant app as
  its published API/export names the fields — ``date``, ``amount``, ``type``
  (``CR`` incoming, ``DB`` outgoing: only ``CR`` rows are payments) and
  ``issuer_reff`` as the reference. Check a real export against it before the fair.

A history payment matches one QRIS payment of the books with the same amount
within 15 minutes: the closest pairs first, each payment used once. A file with
a bad row is refused whole, naming row, column and reason (nothing is stored).

The history read for a day is stored with the event's settings
(``qris.history.<day>``, audited), so the Z report and the QRIS sheet can show
the matching again, always against the books as they are now.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from boothpos.core import catalog, clock, event
from boothpos.core.codes import Method, SaleKind
from boothpos.core.db import write_transaction
from boothpos.core.errors import BoothError, CatalogError, Msg, Problem, RefusedInput
from boothpos.core.money import parse_rupiah
from boothpos.core.rows import named

WINDOW = timedelta(minutes=15)
SETTING_PREFIX = "qris.history."

# canonical column -> header keys (as catalog._header_key writes them)
GENERIC = {
    "time": ("time", "waktu"),
    "amount": ("amount", "nominal"),
    "reference": ("reference", "referensi"),
}
PRESETS: dict[str, dict[str, tuple[str, ...]]] = {
    "generic": GENERIC,
    "orderkuota": {
        "time": ("date",),
        "amount": ("amount",),
        "reference": ("issuer_reff",),
        "direction": ("type",),
    },
}
INCOMING = {"direction": "CR"}

HISTORY_REFUSED = Msg(
    id="Riwayat QRIS tidak dibaca ({count} masalah); tidak ada yang diubah:\n{details}",
    en="QRIS history not read ({count} {problems}); nothing was changed:\n{details}",
)
NO_COLUMNS = Msg(
    id="kolom waktu dan nominal tidak ditemukan (judul yang dikenal: {known})",
    en="no time and amount columns found (known headers: {known})",
)
MISSING_COLUMN = Msg(id="kolom '{column}' tidak ada", en="there is no '{column}' column")
BAD_TIME = Msg(
    id="'{value}' bukan waktu (contoh 2024-02-28 10:15 atau 28/02/2024 10:15)",
    en="'{value}' is not a time (for example 2024-02-28 10:15 or 28/02/2024 10:15)",
)
EMPTY_CELL = Msg(id="kosong", en="empty")
NOT_POSITIVE = Msg(id="nominal harus di atas 0", en="the amount must be above 0")
NO_ROWS = Msg(id="tidak ada pembayaran QRIS dalam file", en="the file has no QRIS payments")
SEVERAL_DAYS = Msg(
    id="riwayat mencakup beberapa hari ({days}); pilih satu dengan --day",
    en="the history covers several days ({days}); choose one with --day",
)
NOTHING_ON_DAY = Msg(
    id="riwayat tidak memuat pembayaran pada {day} (hari dalam file: {days})",
    en="the history has no payment on {day} (days in the file: {days})",
)
UNKNOWN_PRESET = Msg(
    id="format riwayat '{preset}' tidak dikenal; pilih: {presets}",
    en="unknown history layout '{preset}'; choose: {presets}",
)
UNSUPPORTED = Msg(
    id="format file '{suffix}' tidak didukung; simpan riwayat sebagai .xlsx atau .csv",
    en="file format '{suffix}' is not supported; save the history as .xlsx or .csv",
)

_DMY = re.compile(
    r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$"
)


class HistoryError(RefusedInput):
    """A history file was refused; ``problems`` names every bad row, column and reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        n = len(self.problems)
        super().__init__(
            HISTORY_REFUSED, count=n, problems="problem" if n == 1 else "problems", details=""
        )

    def message(self, lang: str | None = None) -> str:
        details = "\n".join("  " + p.message(lang) for p in self.problems)
        return self.msg.render(lang, **{**self.values, "details": details})


@dataclass(frozen=True)
class HistoryPayment:
    row: int
    time: datetime
    amount: int
    reference: str = ""

    def to_json(self) -> dict:
        return {"amount": self.amount, "time": clock.to_iso(self.time), "reference": self.reference}


@dataclass(frozen=True)
class BookPayment:
    receipt_no: str
    time: datetime
    amount: int
    reference: str = ""

    def to_json(self) -> dict:
        return {
            "receipt_no": self.receipt_no,
            "amount": self.amount,
            "time": clock.to_iso(self.time),
        }


@dataclass(frozen=True)
class Match:
    book: BookPayment
    history: HistoryPayment

    @property
    def gap(self) -> timedelta:
        return abs(self.book.time - self.history.time)

    def to_json(self) -> dict:
        return {
            "receipt_no": self.book.receipt_no,
            "amount": self.book.amount,
            "time": clock.to_iso(self.book.time),
            "reference": self.history.reference or self.book.reference,
        }


@dataclass(frozen=True)
class QrisMatch:
    day: date
    matched: list[Match] = field(default_factory=list)
    unmatched_books: list[BookPayment] = field(default_factory=list)
    unmatched_history: list[HistoryPayment] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "matched": [m.to_json() for m in self.matched],
            "unmatched_books": [b.to_json() for b in self.unmatched_books],
            "unmatched_history": [h.to_json() for h in self.unmatched_history],
        }

    @property
    def matched_total(self) -> int:
        return sum(m.book.amount for m in self.matched)


# -- reading the history ------------------------------------------------------------------


def read_history(path: str | Path, tz: str, *, preset: str = "auto") -> list[HistoryPayment]:
    """The incoming QRIS payments in a history file; :class:`HistoryError` on any bad row."""
    path = Path(path)
    if path.is_file() and path.suffix.lower() not in (
        *catalog.TEXT_SUFFIXES,
        *catalog.XLSX_SUFFIXES,
    ):
        raise HistoryError([Problem(0, "", UNSUPPORTED, (("suffix", path.suffix or path.name),))])
    try:
        sheet = catalog._load(path)
    except CatalogError as exc:
        raise HistoryError(exc.problems) from None
    keys = [catalog._header_key(cell) for cell in sheet.header]
    positions = _columns(keys, preset)
    headers = {name: catalog._text(sheet.header[pos]) for name, pos in positions.items()}
    zone = ZoneInfo(tz)
    payments: list[HistoryPayment] = []
    problems: list[Problem] = []
    for number, cells in sheet.rows:
        values = {name: cells[pos] if pos < len(cells) else None for name, pos in positions.items()}
        if not any(catalog._text(v) for v in values.values()):
            continue
        direction = catalog._text(values.get("direction")).upper()
        if "direction" in positions and direction != INCOMING["direction"]:
            continue
        row_problems: list[Problem] = []
        moment = _time(values["time"], zone, number, headers["time"], row_problems)
        amount = _amount(values["amount"], number, headers["amount"], row_problems)
        if row_problems:
            problems += row_problems
            continue
        assert moment is not None and amount is not None
        reference = catalog._text(values.get("reference"))
        payments.append(HistoryPayment(number, moment, amount, reference))
    if problems:
        raise HistoryError(problems)
    if not payments:
        raise HistoryError([Problem(sheet.header_row + 1, "", NO_ROWS)])
    return payments


def _columns(keys: list[str], preset: str) -> dict[str, int]:
    if preset != "auto" and preset not in PRESETS:
        raise RefusedInput(UNKNOWN_PRESET, preset=preset, presets=", ".join(["auto", *PRESETS]))
    candidates = [preset] if preset != "auto" else ["orderkuota", "generic"]
    for name in candidates:
        layout = PRESETS[name]
        positions = {
            column: keys.index(next(k for k in aliases if k in keys))
            for column, aliases in layout.items()
            if any(k in keys for k in aliases)
        }
        if all(column in positions for column in layout if column != "reference"):
            return positions
    if preset != "auto":
        layout = PRESETS[preset]
        missing = [
            aliases[0]
            for column, aliases in layout.items()
            if column != "reference" and not any(k in keys for k in aliases)
        ]
        raise HistoryError([Problem(1, "", MISSING_COLUMN, (("column", c),)) for c in missing])
    known = ", ".join(
        sorted({a for layout in PRESETS.values() for v in layout.values() for a in v})
    )
    raise HistoryError([Problem(1, "", NO_COLUMNS, (("known", known),))])


def _time(
    value: object, zone: ZoneInfo, row: int, column: str, problems: list[Problem]
) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    text = catalog._text(value)
    if not text:
        problems.append(Problem(row, column, EMPTY_CELL))
        return None
    match = _DMY.match(text)
    try:
        if match:
            d, m, y, hh, mm, ss = match.groups()
            moment = datetime(int(y), int(m), int(d), int(hh), int(mm), int(ss or 0))
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        problems.append(Problem(row, column, BAD_TIME, (("value", text),)))
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _amount(value: object, row: int, column: str, problems: list[Problem]) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if value is None or not catalog._text(value):
        problems.append(Problem(row, column, EMPTY_CELL))
        return None
    try:
        amount = parse_rupiah(value if isinstance(value, int) else catalog._text(value))
    except BoothError as exc:
        problems.append(Problem(row, column, exc.msg, tuple(exc.values.items())))
        return None
    if amount <= 0:
        problems.append(Problem(row, column, NOT_POSITIVE))
        return None
    return amount


def history_day(history: list[HistoryPayment], tz: str, day: date | None) -> date:
    """The fair day to match: ``day``, or the one day the history covers."""
    days = sorted({clock.fair_day(h.time, tz) for h in history})
    listed = ", ".join(d.isoformat() for d in days)
    if day is None:
        if len(days) > 1:
            raise RefusedInput(SEVERAL_DAYS, days=listed)
        return days[0]
    if day not in days:
        raise RefusedInput(NOTHING_ON_DAY, day=day.isoformat(), days=listed)
    return day


# -- the books ----------------------------------------------------------------------------


def book_payments(db: Database, day: date) -> list[BookPayment]:
    """QRIS payments of the day's sales (voided sales and refunds left out), by time."""
    rows = named(
        db,
        "SELECT s.receipt_no, s.time, p.amount, p.reference FROM payments p "
        "JOIN sales s ON s.id = p.sale_id WHERE s.day = ? AND p.method = ? "
        "AND s.kind = ? AND p.amount > 0 AND s.id NOT IN (SELECT sale_id FROM voids) "
        "ORDER BY s.time, s.id, p.id",
        [day.isoformat(), Method.QRIS, SaleKind.SALE],
    )
    return [BookPayment(**{**row, "time": datetime.fromisoformat(row["time"])}) for row in rows]


# -- matching -----------------------------------------------------------------------------


def match(day: date, books: list[BookPayment], history: list[HistoryPayment], tz: str) -> QrisMatch:
    """Same amount within 15 minutes; the closest pairs first; each payment used once."""
    history = [h for h in history if clock.fair_day(h.time, tz) == day]
    pairs = sorted(
        (abs(b.time - h.time), b.time, h.row, bi, hi)
        for bi, b in enumerate(books)
        for hi, h in enumerate(history)
        if b.amount == h.amount and abs(b.time - h.time) <= WINDOW
    )
    used_b: set[int] = set()
    used_h: set[int] = set()
    matched: list[Match] = []
    for _gap, _t, _row, bi, hi in pairs:
        if bi in used_b or hi in used_h:
            continue
        used_b.add(bi)
        used_h.add(hi)
        matched.append(Match(books[bi], history[hi]))
    matched.sort(key=lambda m: (m.book.time, m.book.receipt_no))
    return QrisMatch(
        day,
        matched,
        [b for i, b in enumerate(books) if i not in used_b],
        [h for i, h in enumerate(history) if i not in used_h],
    )


def match_file(
    db: Database,
    path: str | Path,
    *,
    day: date | None = None,
    preset: str = "auto",
    user_id: int | None = None,
) -> QrisMatch:
    """Read a history file, match it to the day's QRIS payments and store it for the reports."""
    tz = event.get_event(db).timezone
    history = read_history(path, tz, preset=preset)
    day = history_day(history, tz, day)
    result = match(day, book_payments(db, day), history, tz)
    kept = [
        {"row": h.row, "time": clock.to_iso(h.time), "amount": h.amount, "reference": h.reference}
        for h in history
        if clock.fair_day(h.time, tz) == day
    ]
    with write_transaction(db):
        event.set_setting(
            db, SETTING_PREFIX + day.isoformat(), json.dumps(kept, ensure_ascii=False),
            user_id=user_id,
        )  # fmt: skip
    return result


def stored_match(db: Database, day: date | str) -> QrisMatch | None:
    """The day's stored history matched against the books as they are now; None if none."""
    day = day if isinstance(day, date) else clock.parse_date(day)
    text = event.get_setting(db, SETTING_PREFIX + day.isoformat())
    if not text:
        return None
    tz = event.get_event(db).timezone
    history = [
        HistoryPayment(h["row"], datetime.fromisoformat(h["time"]), h["amount"], h["reference"])
        for h in json.loads(text)
    ]
    return match(day, book_payments(db, day), history, tz)
