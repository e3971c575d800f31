"""Counting the cash drawer by denomination: Indonesian notes and coins.

The count at the close of a fair day may be given note by note
(``100000=3,50000=2,…``); the counted cash is then the sum. Denominations in
circulation: notes Rp 100.000 … Rp 1.000, coins Rp 1.000 … Rp 100 (the Rp
1.000 note and coin count as one denomination).
"""

from __future__ import annotations

import re

from boothpos.core import bounds
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.money import format_rupiah, parse_rupiah

DENOMINATIONS: tuple[int, ...] = (
    100_000,
    50_000,
    20_000,
    10_000,
    5_000,
    2_000,
    1_000,
    500,
    200,
    100,
)
NOTES: tuple[int, ...] = DENOMINATIONS[:7]  # Rp 1.000 exists as a note and as a coin
COINS: tuple[int, ...] = DENOMINATIONS[6:]

EMPTY = Msg(
    id="hitungan pecahan kosong (contoh: 100000=3,50000=2)",
    en="the denomination count is empty (for example 100000=3,50000=2)",
)
BAD_ITEM = Msg(
    id="'{value}' bukan PECAHAN=JUMLAH (contoh: 100000=3 atau 100.000=3)",
    en="'{value}' is not DENOMINATION=COUNT (for example 100000=3 or 100.000=3)",
)
UNKNOWN = Msg(
    id="pecahan {value} tidak ada; pecahan rupiah: {known}",
    en="there is no denomination {value}; rupiah denominations: {known}",
)
BAD_COUNT = Msg(
    id="jumlah lembar/keping '{count}' untuk {denomination} harus bilangan bulat 0 atau lebih",
    en="the count '{count}' of {denomination} must be a whole number of 0 or more",
)
TWICE = Msg(
    id="pecahan {denomination} disebut dua kali", en="denomination {denomination} is given twice"
)


def known_text() -> str:
    return ", ".join(str(d) for d in DENOMINATIONS)


def validate(counts: dict[int, int]) -> dict[int, int]:
    """Check a ``{denomination: count}`` mapping; return it ordered largest first, zeros kept."""
    for denomination, count in counts.items():
        if isinstance(denomination, bool) or denomination not in DENOMINATIONS:
            raise RefusedInput(UNKNOWN, value=denomination, known=known_text())
        if (
            isinstance(count, bool)
            or not isinstance(count, int)
            or not 0 <= count <= bounds.MAX_NOTES
        ):
            raise RefusedInput(BAD_COUNT, count=count, denomination=format_rupiah(denomination))
    return {d: counts[d] for d in DENOMINATIONS if d in counts}


def parse(text: str) -> dict[int, int]:
    """``"100000=3, 50.000=2; 500=10"`` → ``{100000: 3, 50000: 2, 500: 10}``.

    Items are separated by commas, semicolons or spaces; a denomination may be
    written ``100000``, ``100.000`` or ``Rp100.000``. Unknown denominations,
    negative or fractional counts and a denomination given twice are refused.
    """
    items = [item for item in re.split(r"[,;\s]+", (text or "").strip()) if item]
    if not items:
        raise RefusedInput(EMPTY)
    counts: dict[int, int] = {}
    for item in items:
        value, sep, count = item.partition("=")
        if not sep or not value.strip() or not count.strip():
            raise RefusedInput(BAD_ITEM, value=item)
        try:
            denomination = parse_rupiah(value)
        except RefusedInput:
            raise RefusedInput(BAD_ITEM, value=item) from None
        if denomination not in DENOMINATIONS:
            raise RefusedInput(UNKNOWN, value=value.strip(), known=known_text())
        count = count.strip()
        if not (count.isascii() and count.isdigit()) or len(count) > 9:
            raise RefusedInput(
                BAD_COUNT, count=count[:12], denomination=format_rupiah(denomination)
            )
        if denomination in counts:
            raise RefusedInput(TWICE, denomination=format_rupiah(denomination))
        counts[denomination] = int(count)
    return validate(counts)


def total(counts: dict[int, int]) -> int:
    """Rupiah in the drawer: Σ denomination × count."""
    return sum(denomination * count for denomination, count in validate(counts).items())


def breakdown(amount: int) -> dict[int, int]:
    """The fewest notes and coins making up ``amount`` (rounded down to Rp 100), largest first.

    Used by the demo and by tests to fill a plausible count.
    """
    counts: dict[int, int] = {}
    rest = max(amount, 0)
    for denomination in DENOMINATIONS:
        counts[denomination], rest = divmod(rest, denomination)
    return counts


def to_text(counts: dict[int, int]) -> str:
    """The inverse of :func:`parse`: ``100000=3,50000=2``."""
    return ",".join(f"{d}={n}" for d, n in validate(counts).items())
