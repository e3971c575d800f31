"""Checkout: a cart becomes a sale in one transaction.

Sale row, lines (with snapshots of name, partner and unit price), payments,
stock moves, the fair-day auto-open and the audit entry commit together in
one ``db.atomic()`` block, or not at all. Receipt numbers are gapless per
till and never reused. Voids and refunds are new records pointing back
(:mod:`boothpos.core.returns`); nothing is updated or deleted.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import NamedTuple

from sqlite_utils import Database

from boothpos.core import audit, bounds, clock, codes, days, products, stock, users
from boothpos.core.chain import current_till
from boothpos.core.codes import Method, MoveKind, Role, SaleKind
from boothpos.core.db import write_transaction
from boothpos.core.errors import Msg, PaymentError, SaleError
from boothpos.core.event import Event, get_event
from boothpos.core.notice import Notice
from boothpos.core.users import User

EMPTY_CART = Msg(id="keranjang kosong", en="the cart is empty")
BAD_QTY = Msg(
    id="jumlah '{qty}' untuk {name} harus bilangan bulat 1 atau lebih",
    en="quantity '{qty}' of {name} must be a whole number of 1 or more",
)
BAD_DISCOUNT = Msg(
    id="diskon {discount} untuk {name} harus antara Rp 0 dan harga baris {limit}",
    en="discount {discount} on {name} must be between Rp 0 and the line price {limit}",
)
BAD_METHOD = Msg(
    id="metode bayar '{method}' tidak dikenal ({known})",
    en="unknown payment method '{method}' ({known})",
)
BAD_AMOUNT = Msg(
    id="jumlah bayar {amount} untuk {method} tidak sah",
    en="payment amount {amount} for {method} is not valid",
)
TWO_REMAINDERS = Msg(
    id="hanya satu pembayaran boleh tanpa jumlah (sisa tagihan)",
    en="only one payment may leave out its amount (the remainder)",
)
SHORT = Msg(
    id="pembayaran kurang: total {total}, dibayar {paid}, kurang {short}",
    en="payment is short: total {total}, paid {paid}, {short} missing",
)
NONCASH_OVER = Msg(
    id="pembayaran non-tunai {noncash} melebihi total {total}; hanya tunai boleh ada kembalian",
    en="non-cash payments {noncash} exceed the total {total}; only cash may give change",
)
NO_REMAINDER = Msg(
    id="tidak ada sisa tagihan untuk {method}: sudah dibayar {paid} dari total {total}",
    en="nothing left for {method} to pay: {paid} of the total {total} is already paid",
)
NEGATIVE_STOCK = Msg(
    id="stok {name} ({partner}) menjadi {on_hand}; periksa hitungan stok",
    en="stock of {name} ({partner}) is now {on_hand}; check the stock count",
)
BAD_PRICE = Msg(
    id="harga satuan '{price}' untuk {name} harus bilangan bulat rupiah 0 atau lebih",
    en="unit price '{price}' of {name} must be a whole number of rupiah, 0 or more",
)
PRICE_CHANGED = Msg(
    id="harga {name} berubah menjadi {catalog}; dijual dengan harga di keranjang {charged}",
    en="the price of {name} changed to {catalog}; sold at the cart price {charged}",
)
OUTSIDE_EVENT = Msg(
    id="penjualan tanggal {day} di luar hari acara ({first} s.d. {last}); tetap dicatat",
    en="sale dated {day} is outside the fair days ({first} to {last}); recorded anyway",
)


@dataclass(frozen=True)
class CartLine:
    """One line of a cart: ``discount`` is rupiah off the whole line.

    ``unit_price`` is the price the cashier's screen showed for the line (the
    product's price when it was scanned): given, the sale charges exactly that,
    even if the catalog price changed since (the sale then carries a
    :data:`PRICE_CHANGED` notice and its audit entry names the change). ``None``
    charges the catalog price read at commit: the command line's ``sell`` has
    no screen and no cart, so the catalog is what it sells at.
    """

    product_id: int
    qty: int = 1
    discount: int = 0
    unit_price: int | None = None


@dataclass(frozen=True)
class Tender:
    """A payment: ``amount`` None takes the remainder of the total."""

    method: Method
    amount: int | None = None
    reference: str = ""


@dataclass(frozen=True)
class SaleResult:
    sale_id: int
    uuid: str
    receipt_no: str
    day: date
    total: int
    change: int
    warnings: tuple[Notice, ...] = field(default_factory=tuple)


class PriceChange(NamedTuple):
    """A line sold at its cart's price although the catalog price had changed meanwhile."""

    line: int  # 1-based line number of the sale
    barcode: str
    name: str
    catalog: int  # the catalog price at commit
    charged: int  # the price the cart showed, and the sale charged


@dataclass(frozen=True)
class SettledPayment:
    method: Method
    amount: int
    reference: str


def settle_payments(total: int, tenders: list[Tender]) -> tuple[list[SettledPayment], int]:
    """Resolve remainders and check the rules; return (payments, change).

    Only cash may exceed the total (change); a short payment is refused.
    No tenders at all means exact cash.
    """
    if not tenders:
        tenders = [Tender(Method.CASH)]
    remainder_count = sum(1 for t in tenders if t.amount is None)
    if remainder_count > 1:
        raise PaymentError(TWO_REMAINDERS)
    for t in tenders:
        if t.method not in codes.METHODS:
            raise PaymentError(BAD_METHOD, method=t.method, known=", ".join(codes.METHODS))
        if t.amount is not None and (
            isinstance(t.amount, bool) or not isinstance(t.amount, int) or t.amount < 0
        ):
            raise PaymentError(BAD_AMOUNT, amount=t.amount, method=t.method)
        if t.amount is not None:
            bounds.check_money(t.amount, "payment")
        bounds.check_text(t.reference or "", "reference", limit=bounds.MAX_REFERENCE)
    given = sum(t.amount for t in tenders if t.amount is not None)
    settled: list[SettledPayment] = []
    for t in tenders:
        amount = t.amount
        if amount is None:
            amount = total - given
            if amount <= 0 and total > 0:
                raise PaymentError(NO_REMAINDER, method=t.method, paid=_rp(given), total=_rp(total))
            amount = max(amount, 0)
        if amount == 0 and total > 0:
            continue
        settled.append(SettledPayment(t.method, amount, (t.reference or "").strip()))
    paid = sum(p.amount for p in settled)
    if paid < total:
        raise PaymentError(SHORT, total=_rp(total), paid=_rp(paid), short=_rp(total - paid))
    noncash = sum(p.amount for p in settled if p.method != Method.CASH)
    if noncash > total:
        raise PaymentError(NONCASH_OVER, noncash=_rp(noncash), total=_rp(total))
    return settled, paid - total


def _rp(amount: int) -> str:
    from boothpos.core.money import format_rupiah

    return format_rupiah(amount)


def receipt_number(event: Event, day: date, seq: int) -> str:
    """``INA24-T1-0228-00042``: event prefix, till, fair day (MMDD), gapless sequence."""
    return f"{event.receipt_prefix}-{event.till_code}-{day:%m%d}-{seq:05d}"


def next_seq(db: Database, till_code: str) -> int:
    row = db.execute(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM sales WHERE till_code = ?", (till_code,)
    ).fetchone()
    return row[0]


def checkout(
    db: Database,
    cart: list[CartLine],
    tenders: list[Tender],
    *,
    cashier: User,
    at: datetime | None = None,
    event: Event | None = None,
) -> SaleResult:
    """Commit a sale: one transaction or nothing. Returns the receipt number and warnings.

    Each line is sold at its ``unit_price`` when it carries one (what the
    cashier's screen showed), else at the catalog price. A carried price that
    differs from the catalog's at commit still sells, at the carried price,
    with a :data:`PRICE_CHANGED` warning and a ``price_changes`` list in the
    audit detail (line, barcode, name, catalog, charged). A bad carried price
    (not an int, or negative) is refused with nothing written.
    """
    users.require(cashier, Role.ATTENDANT)  # a booth user: never a partner's session
    event = event or get_event(db)
    moment = bounds.check_date(clock.moment(at, event.timezone))
    day = clock.fair_day(moment, event.timezone)
    if not cart:
        raise SaleError(EMPTY_CART)
    items, price_changes = _priced_lines(db, cart)
    total = sum(item.line_total for item in items)
    payments, change = settle_payments(total, tenders)
    warnings: list[Notice] = _price_notices(price_changes)
    warnings += _outside_event(event, day)
    sale = _NewSale(
        uuid=str(uuid.uuid4()),
        day=day,
        moment=moment,
        cashier=cashier,
        total=total,
        change=change,
        items=items,
        payments=payments,
    )
    with write_transaction(db, subject="sale"):  # the sale is one transaction or nothing
        days.ensure_open_for_sale(db, day, at=moment, user_id=cashier.id)
        sale_id, receipt_no = _insert_sale(db, event, sale)
        stock.record_moves(
            db,
            MoveKind.SALE,
            [(item.product.id, -item.line.qty) for item in items],
            at=moment,
            day=day.isoformat(),
            user_id=cashier.id,
            sale_id=sale_id,
        )
        warnings += _negative_stock(db, items)
        detail: dict[str, object] = {"total": total, "lines": len(items), "uuid": sale.uuid}
        if price_changes:
            detail["price_changes"] = [change._asdict() for change in price_changes]
        audit.record(
            db,
            "sale.checkout",
            user_id=cashier.id,
            entity="sale",
            entity_id=receipt_no,
            detail=detail,
            at=moment,
        )
    return SaleResult(sale_id, sale.uuid, receipt_no, day, total, change, tuple(warnings))


@dataclass(frozen=True)
class _PricedLine:
    """A cart line checked against the catalog: its product, price and total."""

    line: CartLine
    product: products.Product
    price: int
    line_total: int


@dataclass(frozen=True)
class _NewSale:
    """What :func:`checkout` writes, checked and priced before the transaction starts."""

    uuid: str
    day: date
    moment: datetime
    cashier: User
    total: int
    change: int
    items: list[_PricedLine]
    payments: list[SettledPayment]


def _priced_lines(
    db: Database, cart: list[CartLine]
) -> tuple[list[_PricedLine], list[PriceChange]]:
    """Every line checked (quantity, price, discount) and priced; the prices that moved."""
    items = []
    price_changes: list[PriceChange] = []
    for n, line in enumerate(cart, start=1):
        product = products.product_by_id(db, line.product_id)
        if isinstance(line.qty, bool) or not isinstance(line.qty, int) or line.qty < 1:
            raise SaleError(BAD_QTY, qty=line.qty, name=product.name)
        bounds.check_sale_qty(line.qty)
        price = bounds.check_money(_unit_price(line, product), "price")
        if price != product.price:
            price_changes.append(
                PriceChange(
                    line=n,
                    barcode=product.barcode,
                    name=product.name,
                    catalog=product.price,
                    charged=price,
                )
            )
        gross = line.qty * price
        if (
            isinstance(line.discount, bool)
            or not isinstance(line.discount, int)
            or not 0 <= line.discount <= gross
        ):
            raise SaleError(
                BAD_DISCOUNT, discount=line.discount, name=product.name, limit=_rp(gross)
            )
        items.append(
            _PricedLine(line=line, product=product, price=price, line_total=gross - line.discount)
        )
    return items, price_changes


def _outside_event(event: Event, day: date) -> list[Notice]:
    """A sale outside the event's days is recorded with a warning, never refused."""
    if event.day_number(day) is not None:
        return []
    values = (
        ("day", day.isoformat()),
        ("first", event.first_day.isoformat()),
        ("last", event.last_day.isoformat()),
    )
    return [Notice(OUTSIDE_EVENT, values)]


def _insert_sale(db: Database, event: Event, sale: _NewSale) -> tuple[int, str]:
    """The sale row (numbered inside the transaction), its lines and payments: (id, receipt)."""
    # read inside the transaction: a restore may have switched the till code
    # (core.merge) while the screen holds an older Event; a retired code is never issued
    till = current_till(db)
    seq = next_seq(db, till)
    receipt_no = receipt_number(replace(event, till_code=till), sale.day, seq)
    sale_id = db.execute(
        "INSERT INTO sales (uuid, kind, till_code, seq, receipt_no, day, time, cashier_id, "
        "total, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            sale.uuid,
            SaleKind.SALE,
            till,
            seq,
            receipt_no,
            sale.day.isoformat(),
            clock.to_iso(sale.moment),
            sale.cashier.id,
            sale.total,
            sale.change,
        ),
    ).lastrowid
    db.conn.executemany(
        "INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, partner_id, "
        "partner_code, partner_name, qty, unit_price, discount, line_total) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                sale_id,
                n,
                item.product.id,
                item.product.barcode,
                item.product.name,
                item.product.partner.id,
                item.product.partner.code,
                item.product.partner.name,
                item.line.qty,
                item.price,
                item.line.discount,
                item.line_total,
            )
            for n, item in enumerate(sale.items, start=1)
        ],
    )
    db.conn.executemany(
        "INSERT INTO payments (sale_id, method, amount, reference) VALUES (?, ?, ?, ?)",
        [(sale_id, p.method, p.amount, p.reference) for p in sale.payments],
    )
    return sale_id, receipt_no


def _negative_stock(db: Database, items: list[_PricedLine]) -> list[Notice]:
    """A warning for each product sold below zero (selling is never blocked by a wrong count)."""
    notices = []
    for product in {item.product.id: item.product for item in items}.values():
        on_hand = db.conn.execute(
            "SELECT on_hand FROM products WHERE id = ?", (product.id,)
        ).fetchone()[0]
        if on_hand < 0:
            values = (("name", product.name), ("partner", product.partner.code))
            notices.append(Notice(NEGATIVE_STOCK, (*values, ("on_hand", on_hand))))
    return notices


def _unit_price(line: CartLine, product: products.Product) -> int:
    """The price a line is sold at: the one its cart carried, else the catalog's."""
    price = line.unit_price
    if price is None:
        return product.price
    if isinstance(price, bool) or not isinstance(price, int) or price < 0:
        raise SaleError(BAD_PRICE, price=price, name=product.name)
    return price


def _price_notices(changes: list[PriceChange]) -> list[Notice]:
    """One notice per product and carried price whose catalog price changed under the cart."""
    notices: dict[tuple[str, int], Notice] = {}
    for c in changes:
        values = (("name", c.name), ("catalog", _rp(c.catalog)), ("charged", _rp(c.charged)))
        notices.setdefault((c.barcode, c.charged), Notice(PRICE_CHANGED, values))
    return list(notices.values())
