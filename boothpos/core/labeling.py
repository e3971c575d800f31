"""Which labels to print, how many, and each layout's print-offset calibration.

Plain data for :mod:`boothpos.documents.labels`: one :class:`LabelData` per
label to print (copies repeated, same product together). The print offset
of a layout (how far the printer shifts the page, measured once with a
test print) is an event setting, so every till of the event prints aligned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlite_utils import Database

from boothpos.core import products
from boothpos.core.db import write_transaction
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.event import get_setting, set_setting
from boothpos.core.products import Product
from boothpos.core.rows import column
from boothpos.core.users import User

MAX_COPIES = 1000
MAX_LABELS = 10_000
MAX_OFFSET_MM = Decimal(10)
OFFSET_KEY = "labels.offset.{layout}"
LAYOUT_KEY = "labels.layout"

BAD_COPIES = Msg(
    id="jumlah salinan '{value}' harus bilangan bulat 1 sampai {limit}",
    en="copies '{value}' must be a whole number from 1 to {limit}",
)
NO_LABELS = Msg(
    id="tidak ada label untuk dicetak (tidak ada produk terpilih, atau stoknya 0 atau kurang)",
    en="there are no labels to print (no product chosen, or its stock is 0 or less)",
)
TOO_MANY_LABELS = Msg(
    id="{count} label terlalu banyak untuk satu file (paling banyak {limit}); cetak per mitra",
    en="{count} labels are too many for one file (at most {limit}); print per partner",
)
BAD_OFFSET = Msg(
    id="geser cetak '{value}' mm harus angka antara -{limit} dan {limit} (contoh: -1,5)",
    en="print offset '{value}' mm must be a number between -{limit} and {limit} (e.g. -1.5)",
)
BAD_LAYOUT_NAME = Msg(
    id="nama tata letak label '{value}' tidak sah", en="label layout name '{value}' is not valid"
)


@dataclass(frozen=True)
class LabelData:
    """What one label shows: name, partner code, price and the product's code."""

    barcode: str
    name: str
    partner_code: str
    price: int  # rupiah


def label_for(product: Product) -> LabelData:
    return LabelData(product.barcode, product.name, product.partner.code, product.price)


def choose_products(
    db: Database,
    *,
    partners: Iterable[str] = (),
    codes: Iterable[str] = (),
    product_ids: Iterable[int] = (),
) -> list[Product]:
    """The products to label: those named (in the order given), then the partners' products.

    ``partners`` are partner codes, ``codes`` scanned/typed product codes,
    ``product_ids`` rows selected on a screen. Nothing named at all: every
    active product. Each product appears once. Unknown codes are refused.
    """
    partners, codes, product_ids = list(partners), list(codes), list(product_ids)
    chosen: dict[int, Product] = {}
    for pid in product_ids:
        product = products.product_by_id(db, pid)
        chosen.setdefault(product.id, product)
    for code in codes:
        product = products.find_by_code(db, code)
        chosen.setdefault(product.id, product)
    partner_ids = {products.partner_by_code(db, code).id for code in partners}
    everything = not (partners or codes or product_ids)
    if partner_ids or everything:
        active = set(column(db, "SELECT id FROM products WHERE active = 1"))
        for product in products.list_products(db):  # by partner code, then name
            if product.id in active and (everything or product.partner.id in partner_ids):
                chosen.setdefault(product.id, product)
    return list(chosen.values())


def check_copies(copies: object) -> int:
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= MAX_COPIES:
        raise RefusedInput(BAD_COPIES, value=copies, limit=MAX_COPIES)
    return copies


def labels_for(
    chosen: Iterable[Product], *, copies: int = 1, per_stock: bool = False
) -> list[LabelData]:
    """One :class:`LabelData` per label: ``copies`` each, or (``per_stock``) one per
    item on hand (none for stock of 0 or less). Refused when nothing is left to print."""
    if not per_stock:
        check_copies(copies)
    labels: list[LabelData] = []
    for product in chosen:
        count = max(product.on_hand, 0) if per_stock else copies
        labels.extend([label_for(product)] * count)
    if not labels:
        raise RefusedInput(NO_LABELS)
    if len(labels) > MAX_LABELS:
        raise RefusedInput(TOO_MANY_LABELS, count=len(labels), limit=MAX_LABELS)
    return labels


# ---------------------------------------------------------------- calibration


def parse_offset_mm(value: object) -> float:
    """``"-1,5"``, ``"0.75"``, ``2`` → millimetres (±10 mm, at most 0.01 mm precision)."""
    text = str(value).strip().replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise RefusedInput(BAD_OFFSET, value=value, limit=MAX_OFFSET_MM) from None
    if not number.is_finite() or abs(number) > MAX_OFFSET_MM:
        raise RefusedInput(BAD_OFFSET, value=value, limit=MAX_OFFSET_MM)
    return float(round(number, 2))


def _check_layout_name(layout: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,39}", layout):
        raise RefusedInput(BAD_LAYOUT_NAME, value=layout)
    return layout


def get_offset(db: Database, layout: str) -> tuple[float, float]:
    """The stored print offset ``(x, y)`` of ``layout`` in mm (right and down), else (0, 0)."""
    stored = get_setting(db, OFFSET_KEY.format(layout=layout))
    if not stored:
        return (0.0, 0.0)
    x, _, y = stored.partition(",")
    try:
        return (parse_offset_mm(x), parse_offset_mm(y))
    except RefusedInput:  # a hand-edited setting: print uncorrected rather than fail
        return (0.0, 0.0)


def set_offset(
    db: Database, layout: str, x_mm: object, y_mm: object, *, user: User | None = None
) -> tuple[float, float]:
    """Store the print offset of ``layout``: content moves ``x`` mm right, ``y`` mm down.

    ``layout`` must be a layout name (the caller checks it exists). Audited.
    """
    _check_layout_name(layout)
    x, y = parse_offset_mm(x_mm), parse_offset_mm(y_mm)
    with write_transaction(db):  # set_setting audits the change (setting.change)
        set_setting(
            db, OFFSET_KEY.format(layout=layout), f"{x:g},{y:g}", user_id=user.id if user else None
        )
    return (x, y)


def default_layout(db: Database, fallback: str) -> str:
    """The event's preferred label layout (setting ``labels.layout``), else ``fallback``."""
    return get_setting(db, LAYOUT_KEY) or fallback


def set_default_layout(db: Database, layout: str, *, user: User | None = None) -> None:
    _check_layout_name(layout)
    with write_transaction(db):
        set_setting(db, LAYOUT_KEY, layout, user_id=user.id if user else None)
