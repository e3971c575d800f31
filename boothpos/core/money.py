"""Money is an ``int`` of rupiah. Parse what people type; show ``Rp 1.250.000``."""

from __future__ import annotations

import math
import re

from boothpos.core.bounds import MAX_AMOUNT
from boothpos.core.errors import MoneyError, Msg

NOT_A_NUMBER = Msg(
    id="'{value}' bukan jumlah rupiah (contoh: 125000 atau Rp 125.000)",
    en="'{value}' is not a rupiah amount (for example 125000 or Rp 125.000)",
)
NEGATIVE = Msg(
    id="'{value}' negatif; jumlah rupiah tidak boleh kurang dari nol",
    en="'{value}' is negative; a rupiah amount cannot be below zero",
)
FRACTION = Msg(
    id="'{value}' mengandung pecahan rupiah; gunakan rupiah bulat",
    en="'{value}' has a fraction of a rupiah; use whole rupiah",
)
EMPTY = Msg(id="jumlah rupiah kosong", en="the rupiah amount is empty")
TOO_LARGE = Msg(
    id="'{value}' terlalu besar; paling banyak {limit}",
    en="'{value}' is too large; at most {limit}",
)

# "1250000", "1.250.000", "1.250.000,00", "1250000,5" (refused later), "1,250,000"?
_GROUPED_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")


def parse_rupiah(text: str | int) -> int:
    """Parse a rupiah amount typed by a person or found in a spreadsheet.

    Accepts ``1250000``, ``1.250.000``, ``Rp 1.250.000``, ``Rp1.250.000,00``
    (``,00`` is allowed: it is zero sen). Refuses fractions of a rupiah,
    negatives and non-numbers with a :class:`MoneyError` naming the value.
    """
    if isinstance(text, bool):
        raise MoneyError(NOT_A_NUMBER, value=text)
    if isinstance(text, int):
        if text < 0:
            raise MoneyError(NEGATIVE, value=text)
        return _bounded(text, text)
    if isinstance(text, float):
        if not math.isfinite(text):  # NaN or an infinity
            raise MoneyError(NOT_A_NUMBER, value=text)
        if text < 0:
            raise MoneyError(NEGATIVE, value=text)
        if not text.is_integer():
            raise MoneyError(FRACTION, value=text)
        return _bounded(int(text), text)
    original = str(text)
    if len(original) > 40:  # no amount within bounds is written that long
        raise MoneyError(TOO_LARGE, value=original[:40] + "…", limit=format_rupiah(MAX_AMOUNT))
    s = original.strip().replace("\u00a0", " ")
    if not s:
        raise MoneyError(EMPTY, value=original)
    negative = False
    if s[0] in "-\u2212":
        negative, s = True, s[1:].strip()
    if s[:2].lower() == "rp":
        s = s[2:].lstrip(" .")
    if s[:1] in "-\u2212":
        negative, s = True, s[1:].strip()
    s = s.replace(" ", "")
    if not s:
        raise MoneyError(NOT_A_NUMBER, value=original)
    whole, sep, frac = s.partition(",")
    if sep:
        if not frac.isdigit() or "," in frac:
            raise MoneyError(NOT_A_NUMBER, value=original)
        if int(frac) != 0:
            raise MoneyError(FRACTION, value=original)
    if _PLAIN.match(whole):
        value = int(whole)
    elif _GROUPED_DOT.match(whole):
        value = int(whole.replace(".", ""))
    elif re.match(r"^\d+\.\d{1,2}$", whole) and not sep:
        # "125000.50" or "125000.00": a decimal point, as a float-minded export writes
        if int(whole.split(".")[1]) != 0:
            raise MoneyError(FRACTION, value=original)
        value = int(whole.split(".")[0])
    else:
        raise MoneyError(NOT_A_NUMBER, value=original)
    if negative and value != 0:
        raise MoneyError(NEGATIVE, value=original)
    return _bounded(value, original)


def _bounded(value: int, original: object) -> int:
    """Every amount stays within :data:`boothpos.core.bounds.MAX_AMOUNT` (no overflow later)."""
    if value > MAX_AMOUNT:
        raise MoneyError(TOO_LARGE, value=original, limit=format_rupiah(MAX_AMOUNT))
    return value


def format_rupiah(amount: int) -> str:
    """``1250000`` → ``Rp 1.250.000``; ``-5000`` → ``-Rp 5.000``."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"rupiah amounts are int, got {type(amount).__name__}")
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(amount):,}".replace(",", ".")


def format_number(n: int) -> str:
    """Thousands with dots, no currency: ``1250000`` → ``1.250.000``."""
    return f"{n:,}".replace(",", ".")


def round_half_up_div(numerator: int, denominator: int) -> int:
    """Integer division rounded half away from zero (half-up for positives)."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return q if numerator >= 0 else -q


def commission(net: int, rate_bp: int) -> int:
    """Commission on ``net`` at ``rate_bp`` basis points (1000 = 10 %), half-up to the rupiah."""
    return round_half_up_div(net * rate_bp, 10_000)


def parse_rate(text: str | int) -> int:
    """Parse a commission rate in percent (``10``, ``10%``, ``12,5 %``) → basis points.

    Returns an int of basis points (1 bp = 0.01 %, so 10 % is 1000).
    """
    from decimal import Decimal, InvalidOperation

    s = str(text).strip().rstrip("%").strip().replace(",", ".")
    try:
        d = Decimal(s)
        if not d.is_finite():  # NaN, Infinity: no rate at all
            raise InvalidOperation
    except InvalidOperation:
        raise MoneyError(
            Msg(
                id="'{value}' bukan persentase komisi (contoh: 10 atau 12,5%)",
                en="'{value}' is not a commission rate (for example 10 or 12.5%)",
            ),
            value=text,
        ) from None
    bp = d * 100
    if d < 0 or d > 100 or bp != bp.to_integral_value():
        raise MoneyError(
            Msg(
                id="persentase komisi '{value}' harus antara 0 dan 100, paling banyak 2 desimal",
                en="commission rate '{value}' must be between 0 and 100 with at most 2 decimals",
            ),
            value=text,
        )
    return int(bp)
