"""Voids and refunds: new records that point back; nothing is changed or deleted.

- A **void** cancels a whole sale of the current fair day (a mistake at the
  till): a supervisor approves it with a reason; the goods go back on hand.
- A **refund** gives money back for all or some lines of any earlier sale: a
  new sale record of kind ``refund`` (its own receipt number, negative lines
  and payments), approved by a supervisor, restocking the goods or not. Like
  a sale, it is numbered under the till code read inside its transaction
  (:func:`boothpos.core.chain.current_till`), never a code a restore retired.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlite_utils import Database

from boothpos.core import audit, bounds, clock, days, stock, users
from boothpos.core.chain import current_till
from boothpos.core.checkout import SaleResult, next_seq, receipt_number
from boothpos.core.codes import METHODS, Method, MoveKind, Role, SaleKind, SaleStatus
from boothpos.core.db import write_transaction
from boothpos.core.errors import Msg, SaleError
from boothpos.core.event import get_event
from boothpos.core.sales import Sale, SaleLine, get_sale, refunded_qty_by_line
from boothpos.core.users import User

NEEDS_REASON = Msg(id="alasan wajib diisi", en="a reason is required")
NOT_A_SALE = Msg(
    id="struk {receipt_no} adalah pengembalian dana, bukan penjualan",
    en="receipt {receipt_no} is a refund, not a sale",
)
ALREADY_VOIDED = Msg(
    id="penjualan {receipt_no} sudah dibatalkan", en="sale {receipt_no} is already voided"
)
VOID_OTHER_DAY = Msg(
    id="penjualan {receipt_no} dari hari {day}; pembatalan hanya untuk hari ini ({today}); "
    "gunakan pengembalian dana",
    en="sale {receipt_no} is from {day}; only today's sales ({today}) can be voided; use a refund",
)
VOID_AFTER_REFUND = Msg(
    id="penjualan {receipt_no} sudah ada pengembaliannya; tidak bisa dibatalkan",
    en="sale {receipt_no} already has a refund; it cannot be voided",
)
NOTHING_TO_REFUND = Msg(
    id="tidak ada yang dikembalikan dari {receipt_no}",
    en="nothing to refund from {receipt_no}",
)
NO_SUCH_LINE = Msg(
    id="struk {receipt_no} tidak punya baris {line_no}",
    en="receipt {receipt_no} has no line {line_no}",
)
TOO_MANY = Msg(
    id="baris {line_no} ({name}): hanya {left} yang masih bisa dikembalikan, bukan {qty}",
    en="line {line_no} ({name}): only {left} can still be refunded, not {qty}",
)
BAD_METHOD = Msg(
    id="metode pengembalian '{method}' tidak dikenal", en="unknown refund method '{method}'"
)


@dataclass(frozen=True)
class VoidResult:
    void_id: int
    receipt_no: str
    total: int


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise SaleError(NEEDS_REASON)
    return bounds.check_text(reason, "reason")


def void_sale(
    db: Database,
    receipt_no: str,
    *,
    requested_by: User,
    supervisor: User,
    reason: str,
    at: datetime | None = None,
) -> VoidResult:
    """Void a whole sale of the current fair day; goods go back on hand."""
    users.require(supervisor, Role.SUPERVISOR)
    reason = _reason(reason)
    event = get_event(db)
    moment = clock.moment(at, event.timezone)
    today = clock.fair_day(moment, event.timezone)
    sale = get_sale(db, receipt_no)
    if sale.kind != SaleKind.SALE:
        raise SaleError(NOT_A_SALE, receipt_no=sale.receipt_no)
    if sale.status == SaleStatus.VOIDED:
        raise SaleError(ALREADY_VOIDED, receipt_no=sale.receipt_no)
    if sale.day != today.isoformat():
        raise SaleError(
            VOID_OTHER_DAY, receipt_no=sale.receipt_no, day=sale.day, today=today.isoformat()
        )
    if refunded_qty_by_line(db, sale.id):
        raise SaleError(VOID_AFTER_REFUND, receipt_no=sale.receipt_no)
    with write_transaction(db):
        days.ensure_open_for_sale(db, today, at=moment, user_id=requested_by.id)
        void_id = db.execute(
            "INSERT INTO voids (uuid, sale_id, at, user_id, approved_by, reason) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                str(uuid.uuid4()),
                sale.id,
                clock.to_iso(moment),
                requested_by.id,
                supervisor.id,
                reason,
            ),
        ).lastrowid
        stock.record_moves(
            db,
            MoveKind.VOID,
            [(line.product_id, line.qty) for line in sale.lines],
            at=moment,
            day=today.isoformat(),
            user_id=supervisor.id,
            sale_id=sale.id,
            void_id=void_id,
            reason=reason,
        )
        audit.record(
            db,
            "sale.void",
            user_id=supervisor.id,
            entity="sale",
            entity_id=sale.receipt_no,
            detail={"reason": reason, "total": sale.total, "requested_by": requested_by.username},
            at=moment,
        )
    return VoidResult(void_id, sale.receipt_no, sale.total)


def refund_discount(line: SaleLine, done_qty: int, done_discount: int, qty: int) -> int:
    """The share of ``line``'s discount that a refund of ``qty`` more pieces gives back.

    Rounds the *cumulative* refunded discount (floor of the share of all the
    pieces refunded so far): the last refund takes the exact rest, and no
    partial refund's discount exceeds its own gross (which rounding each
    refund on its own allowed, leaving a refund line above zero).
    """
    return line.discount * (done_qty + qty) // line.qty - done_discount


def refund_preview(sale: Sale, done: dict[int, tuple[int, int]], wanted: dict[int, int]) -> int:
    """Rupiah a refund of ``wanted`` (line no → qty) would give back, before approval.

    ``done`` is :func:`boothpos.core.sales.refunded_qty_by_line` of the sale.
    Uses the same arithmetic as :func:`refund_sale`.
    """
    total = 0
    for line in sale.lines:
        qty = wanted.get(line.line_no, 0)
        if qty > 0:
            done_qty, done_discount = done.get(line.id, (0, 0))
            total += qty * line.unit_price - refund_discount(line, done_qty, done_discount, qty)
    return total


def refund_sale(
    db: Database,
    receipt_no: str,
    lines: dict[int, int] | None = None,
    *,
    cashier: User,
    supervisor: User,
    reason: str,
    restock: bool = True,
    method: str = Method.CASH,
    reference: str = "",
    at: datetime | None = None,
) -> SaleResult:
    """Refund some or all of an earlier sale.

    ``lines`` maps line number → quantity to refund; ``None`` refunds all that
    is left. Discounts are refunded in proportion, rounded on the cumulative
    pieces refunded (the last refund of a line takes the rest, so the rupiah
    add up exactly).
    """
    users.require(supervisor, Role.SUPERVISOR)
    reason = _reason(reason)
    if method not in METHODS:
        raise SaleError(BAD_METHOD, method=method)
    event = get_event(db)
    moment = clock.moment(at, event.timezone)
    today = clock.fair_day(moment, event.timezone)
    sale = _standing_sale(db, receipt_no)
    plan = _refund_plan(db, sale, lines)
    total = -sum(item.line_total for item in plan)
    sale_uuid = str(uuid.uuid4())
    with write_transaction(db):
        days.ensure_open_for_sale(db, today, at=moment, user_id=cashier.id)
        till = current_till(db)  # read inside the transaction: a restore may have switched it
        seq = next_seq(db, till)
        number = receipt_number(replace(event, till_code=till), today, seq)
        refund_id = _insert_refund(
            db,
            _Refund(
                uuid=sale_uuid,
                till=till,
                seq=seq,
                receipt_no=number,
                day=today,
                moment=moment,
                cashier_id=cashier.id,
                total=total,
                refund_of=sale.id,
                reason=reason,
                approved_by=supervisor.id,
                method=method,
                reference=reference.strip(),
                plan=plan,
            ),
        )
        if restock:
            stock.record_moves(
                db,
                MoveKind.REFUND,
                [(item.line.product_id, item.qty) for item in plan],
                at=moment,
                day=today.isoformat(),
                user_id=supervisor.id,
                sale_id=refund_id,
                reason=reason,
            )
        detail = {"refund_of": sale.receipt_no, "total": total, "restock": restock}
        audit.record(
            db,
            "sale.refund",
            user_id=supervisor.id,
            entity="sale",
            entity_id=number,
            detail={**detail, "reason": reason},
            at=moment,
        )
    return SaleResult(refund_id, sale_uuid, number, today, total, 0, ())


def _standing_sale(db: Database, receipt_no: str) -> Sale:
    """The sale ``receipt_no`` names, refused when it is a refund or voided."""
    sale = get_sale(db, receipt_no)
    if sale.kind != SaleKind.SALE:
        raise SaleError(NOT_A_SALE, receipt_no=sale.receipt_no)
    if sale.status == SaleStatus.VOIDED:
        raise SaleError(ALREADY_VOIDED, receipt_no=sale.receipt_no)
    return sale


@dataclass(frozen=True)
class _RefundItem:
    """A line of the sale to refund: how many pieces and how much of its discount."""

    line: SaleLine
    qty: int
    discount: int

    @property
    def line_total(self) -> int:
        return self.qty * self.line.unit_price - self.discount


def _refund_plan(db: Database, sale: Sale, lines: dict[int, int] | None) -> list[_RefundItem]:
    """The lines to refund (all that is left when ``lines`` is None), each checked."""
    done = refunded_qty_by_line(db, sale.id)
    by_no = {line.line_no: line for line in sale.lines}
    wanted = lines if lines is not None else {n: None for n in by_no}
    plan = []
    for line_no, qty in sorted(wanted.items()):
        if line_no not in by_no:
            raise SaleError(NO_SUCH_LINE, receipt_no=sale.receipt_no, line_no=line_no)
        line = by_no[line_no]
        done_qty, done_discount = done.get(line.id, (0, 0))
        left = line.qty - done_qty
        qty = left if qty is None else qty
        if qty == 0 and lines is None:
            continue
        if isinstance(qty, bool) or not isinstance(qty, int) or qty < 1 or qty > left:
            raise SaleError(TOO_MANY, line_no=line_no, name=line.name, left=left, qty=qty)
        discount = refund_discount(line, done_qty, done_discount, qty)
        plan.append(_RefundItem(line=line, qty=qty, discount=discount))
    if not plan:
        raise SaleError(NOTHING_TO_REFUND, receipt_no=sale.receipt_no)
    return plan


@dataclass(frozen=True)
class _Refund:
    """The refund's own row, lines and payment, numbered inside the transaction."""

    uuid: str
    till: str
    seq: int
    receipt_no: str
    day: date  # the fair day of ``moment`` in the event's zone
    moment: datetime
    cashier_id: int
    total: int  # negative: rupiah given back
    refund_of: int  # the sale's id
    reason: str
    approved_by: int
    method: str
    reference: str
    plan: list[_RefundItem]


def _insert_refund(db: Database, refund: _Refund) -> int:
    """The refund's ``sales`` row, its lines and (when money goes back) its payment: its id."""
    refund_id = db.execute(
        "INSERT INTO sales (uuid, kind, till_code, seq, receipt_no, day, time, cashier_id, "
        "total, change, refund_of, reason, approved_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
        (
            refund.uuid,
            SaleKind.REFUND,
            refund.till,
            refund.seq,
            refund.receipt_no,
            refund.day.isoformat(),
            clock.to_iso(refund.moment),
            refund.cashier_id,
            refund.total,
            refund.refund_of,
            refund.reason,
            refund.approved_by,
        ),
    ).lastrowid
    _insert_refund_lines(db, refund_id, refund.plan)
    if refund.total:
        db.execute(
            "INSERT INTO payments (sale_id, method, amount, reference) VALUES (?, ?, ?, ?)",
            (refund_id, refund.method, refund.total, refund.reference),
        )
    return refund_id


def _insert_refund_lines(db: Database, refund_id: int, plan: list[_RefundItem]) -> None:
    """The refund's lines: negative pieces, discount and total, each pointing back."""
    db.conn.executemany(
        "INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, partner_id, "
        "partner_code, partner_name, qty, unit_price, discount, line_total, refund_of_line) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                refund_id,
                n,
                item.line.product_id,
                item.line.barcode,
                item.line.name,
                item.line.partner_id,
                item.line.partner_code,
                item.line.partner_name,
                -item.qty,
                item.line.unit_price,
                -item.discount,
                -item.line_total,
                item.line.id,
            )
            for n, item in enumerate(plan, start=1)
        ],
    )
