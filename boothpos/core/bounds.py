"""One set of bounds for every value a person or a file can give boothpos.

The screens, the command line, the catalog import (and later the hub sync)
check quantities, prices, amounts, dates, name lengths and code shapes here,
with the same numbers, so no entry point lets through what another refuses
and no value can overflow SQLite's 64-bit integers or Python's dates later
(a report over two sales of 40 trillion pieces used to fail for good).

Each ``check_*`` returns the value when it is inside its bounds and raises
:class:`RefusedInput` naming the value and the limit otherwise.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime

from boothpos.core.errors import Msg, RefusedInput

# quantities: pieces in one sale line (the cart's spin box), one stock movement or count
MAX_SALE_QTY = 9_999
MAX_STOCK_QTY = 99_999
MAX_NOTES = 99_999  # notes or coins of one denomination in a drawer count (close-day screen)
# money, whole rupiah: a product's price; any other amount (a payment, a float, a drawer)
MAX_PRICE = 1_000_000_000  # Rp 1.000.000.000
MAX_AMOUNT = 10_000_000_000  # Rp 10.000.000.000
# text
MAX_NAME = 200  # product, partner, region, category, reason (the screens' 200-character fields)
MAX_EVENT_NAME = 80  # the event's name heads every receipt and report page
MAX_REFERENCE = 100  # a payment reference
MAX_CODE = 16  # a partner code
PARTNER_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,15}$")
CARD_PREFIX = "MITRA-"  # a partner card's Code 128 value; never part of a code
# counts and lists
MAX_LIST = 1_000_000  # `audit --limit` and the like
MAX_DAYS = 60  # fair days of one event (the first-run dialog's spin box)
# dates: a fair runs this century; anything else is a typing error (9999-12-31 would
# also overflow the time zone conversion)
FIRST_YEAR, LAST_YEAR = 2000, 2099
MAX_RATE_PERCENT = 100

QTY_OUT = Msg(
    id="jumlah {value} di luar batas (1 sampai {limit})",
    en="quantity {value} is out of bounds (1 to {limit})",
)
STOCK_OUT = Msg(
    id="jumlah stok {value} di luar batas (0 sampai {limit})",
    en="stock quantity {value} is out of bounds (0 to {limit})",
)
MONEY_OUT = Msg(
    id="{what_id} {value} di luar batas (0 sampai {limit})",
    en="{what_en} {value} is out of bounds (0 to {limit})",
)
TEXT_TOO_LONG = Msg(
    id="{what_id} terlalu panjang ({length} karakter; paling banyak {limit})",
    en="{what_en} is too long ({length} characters; at most {limit})",
)
CONTROL_CHARS = Msg(
    id="{what_id} berisi karakter kontrol (tak terlihat) pada posisi {position}",
    en="{what_en} contains an invisible control character at position {position}",
)
BAD_CODE = Msg(
    id="kode mitra '{value}' tidak sah: 1–16 huruf besar, angka, '-' atau '_', "
    "tidak diawali 'MITRA-' (contoh AMB001)",
    en="partner code '{value}' is not valid: 1–16 capital letters, digits, '-' or '_', "
    "not starting with 'MITRA-' (for example AMB001)",
)
DATE_OUT = Msg(
    id="tanggal {value} di luar batas (tahun {first} sampai {last})",
    en="date {value} is out of bounds (years {first} to {last})",
)
COUNT_OUT = Msg(
    id="{what_id} {value} di luar batas (1 sampai {limit})",
    en="{what_en} {value} is out of bounds (1 to {limit})",
)
RATE_OUT = Msg(
    id="persentase '{value}' tidak sah: angka 0 sampai {limit}",
    en="percentage '{value}' is not valid: a number from 0 to {limit}",
)

# what a value is called, in both languages
WHAT = {
    "price": ("harga", "price"),
    "amount": ("jumlah uang", "amount"),
    "float": ("modal awal kas", "opening float"),
    "counted": ("kas dihitung", "counted cash"),
    "payment": ("pembayaran", "payment"),
    "name": ("nama", "name"),
    "product_name": ("nama produk", "product name"),
    "partner_name": ("nama mitra", "partner name"),
    "region": ("daerah", "region"),
    "category": ("kategori", "category"),
    "reason": ("alasan", "reason"),
    "reference": ("referensi", "reference"),
    "text": ("teks", "text"),
    "limit": ("batas", "limit"),
    "count": ("jumlah", "count"),
    "days": ("jumlah hari", "number of days"),
}


def _what(what: str) -> dict[str, str]:
    name_id, name_en = WHAT.get(what, (what, what))
    return {"what_id": name_id, "what_en": name_en}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_sale_qty(value: int) -> int:
    if not _is_int(value) or not 1 <= value <= MAX_SALE_QTY:
        raise RefusedInput(QTY_OUT, value=value, limit=MAX_SALE_QTY)
    return value


def check_stock_qty(value: int) -> int:
    if not _is_int(value) or not 0 <= value <= MAX_STOCK_QTY:
        raise RefusedInput(STOCK_OUT, value=value, limit=MAX_STOCK_QTY)
    return value


def check_money(value: int, what: str = "amount", *, limit: int | None = None) -> int:
    """A whole-rupiah amount from 0 to ``limit`` (:data:`MAX_PRICE` for a price)."""
    limit = limit if limit is not None else (MAX_PRICE if what == "price" else MAX_AMOUNT)
    if not _is_int(value) or not 0 <= value <= limit:
        raise RefusedInput(MONEY_OUT, value=value, limit=limit, **_what(what))
    return value


def check_count(value: int, what: str = "count", *, limit: int = MAX_LIST) -> int:
    if not _is_int(value) or not 1 <= value <= limit:
        raise RefusedInput(COUNT_OUT, value=value, limit=limit, **_what(what))
    return value


def check_text(text: str, what: str = "text", *, limit: int = MAX_NAME) -> str:
    """Text a person typed or a file held: not too long, no control characters.

    Returns it unchanged (callers trim as they always did).
    """
    text = str(text)
    if len(text) > limit:
        raise RefusedInput(TEXT_TOO_LONG, length=len(text), limit=limit, **_what(what))
    for position, char in enumerate(text, start=1):
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn") and char != " ":
            raise RefusedInput(CONTROL_CHARS, position=position, **_what(what))
    return text


def check_partner_code(code: str) -> str:
    """An upper-case partner code: the shape a card (``MITRA-<code>``) and a sign-in accept."""
    code = str(code)
    if not PARTNER_CODE.match(code) or code.startswith(CARD_PREFIX):
        raise RefusedInput(BAD_CODE, value=code[:40])
    return code


def check_date(value: date | datetime) -> date | datetime:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise RefusedInput(DATE_OUT, value=value.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)
    if isinstance(value, datetime) and value.tzinfo is not None:
        # the same moment in any zone must stay inside the bounds too
        try:
            value.utcoffset()
            year = (value - value.utcoffset()).year  # type: ignore[operator]
        except OverflowError:
            year = 0
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise RefusedInput(DATE_OUT, value=value.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)
    return value


def check_percent(value: object) -> object:
    """A commission percentage: a finite number from 0 to 100 (NaN and infinity refused)."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise RefusedInput(RATE_OUT, value=value, limit=MAX_RATE_PERCENT) from None
    if not math.isfinite(number) or not 0 <= number <= MAX_RATE_PERCENT:
        raise RefusedInput(RATE_OUT, value=value, limit=MAX_RATE_PERCENT)
    return value
