"""A few fair days of realistic demo sales, through the real core functions.

For samples, benchmarks and tests: deterministic (seeded) sales over the
event's fair days, with split payments, cash change, line discounts, a void
now and then, refunds (some restocked), opening floats and closes counted by
denomination — everything a Z report and a settlement sheet must show.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from boothpos.core import days, denominations, returns, users
from boothpos.core.checkout import CartLine, SaleResult, Tender, checkout
from boothpos.core.codes import DayStatus, Method, Role
from boothpos.core.errors import SaleError
from boothpos.core.event import get_event
from boothpos.core.rows import named


@dataclass
class DemoRun:
    sales: list[SaleResult] = field(default_factory=list)
    voided: list[str] = field(default_factory=list)
    refunds: list[SaleResult] = field(default_factory=list)
    closed: list[date] = field(default_factory=list)


def _round_up(amount: int, unit: int) -> int:
    return -(-amount // unit) * unit


# percent of the drawer held in each note, the rest made up largest first
_DRAWER_SHARES = ((100_000, 55), (50_000, 25), (20_000, 8), (10_000, 5), (5_000, 3), (2_000, 2))


def drawer_count(amount: int) -> dict[int, int]:
    """A plausible count of ``amount`` rupiah (rounded down to Rp 100) in notes and coins."""
    rest = max(amount, 0) // 100 * 100
    counts = dict.fromkeys(denominations.DENOMINATIONS, 0)
    for denomination, percent in _DRAWER_SHARES:
        n = rest * percent // 100 // denomination
        counts[denomination] += n
        rest -= n * denomination
    for denomination, n in denominations.breakdown(rest).items():
        counts[denomination] += n
    return counts


def simulate_fair(
    db: Database,
    *,
    sales_per_day: int | list[int] = 40,
    seed: int = 2024,
    close_last_day: bool = False,
    opening_float: int = 500_000,
    void_every: int = 60,
    refund_every: int = 45,
    discount_share: float = 0.08,
    cash_short: dict[int, int] | None = None,
    respect_stock: bool = True,
) -> DemoRun:
    """Sell on every fair day of the event (10:00–20:00 WIB), close all days but the last.

    ``cash_short`` maps a fair-day number to rupiah missing from the count
    (the count is otherwise exact, by denomination). With ``respect_stock``
    only what is on hand is sold (as at a real booth); without it, stock may
    go negative (a long benchmark run on a small catalog).
    """
    event = get_event(db)
    tz = ZoneInfo(event.timezone)
    cashiers = [u for u in users.list_users(db) if u.role == Role.ATTENDANT] or users.list_users(db)
    products = [
        _Stocked(id=row["id"], price=row["price"])
        for row in named(db, "SELECT id, price FROM products WHERE active = 1 ORDER BY id")
    ]
    fair = _Fair(
        rng=random.Random(seed),
        cashiers=cashiers,
        supervisor=next(u for u in users.list_users(db) if u.can(Role.SUPERVISOR)),
        products=products,
        weights=[1.0 / (1 + rank) ** 0.8 for rank in range(len(products))],
        respect_stock=respect_stock,
        discount_share=discount_share,
        void_every=void_every,
        refund_every=refund_every,
    )
    fair.rng.shuffle(fair.weights)
    counts = [sales_per_day] * event.days if isinstance(sales_per_day, int) else list(sales_per_day)
    run = DemoRun()
    for number, day in enumerate(event.fair_days, start=1):
        n = counts[number - 1] if number - 1 < len(counts) else 0
        start = datetime.combine(day, time(10, 0), tz)
        if days.state(db, day).status == DayStatus.NOT_OPENED:
            days.open_day(
                db,
                day,
                opening_float=opening_float,
                user_id=fair.supervisor.id,
                at=start - timedelta(minutes=30),
            )
        _sell_day(db, fair, run, start, n)
        if number != event.days or close_last_day:
            missing = (cash_short or {}).get(number, 0)
            _close(db, day, fair.supervisor, missing, at=datetime.combine(day, time(21, 15), tz))
            run.closed.append(day)
    return run


@dataclass(frozen=True)
class _Stocked:
    """A product the demo sells: its id and catalog price."""

    id: int
    price: int


@dataclass
class _Fair:
    """What every demo sale of a run draws on: the seeded dice, the people, the catalog."""

    rng: random.Random
    cashiers: list[users.User]
    supervisor: users.User
    products: list[_Stocked]
    weights: list[float]
    respect_stock: bool
    discount_share: float
    void_every: int
    refund_every: int

    @cached_property
    def price_of(self) -> dict[int, int]:
        return {product.id: product.price for product in self.products}


def _sell_day(db: Database, fair: _Fair, run: DemoRun, start: datetime, n: int) -> None:
    """``n`` sales spread over the day from ``start``, with a void or a refund now and then."""
    rng = fair.rng
    for j in range(n):
        at = start + timedelta(seconds=j * 36_000 // max(n, 1) + rng.randrange(30))
        cart = _cart(db, fair)
        if cart is None:
            break  # nothing left in stock
        total = sum(line.qty * fair.price_of[line.product_id] - line.discount for line in cart)
        sale = checkout(db, cart, _tenders(rng, total), cashier=rng.choice(fair.cashiers), at=at)
        run.sales.append(sale)
        if fair.void_every and j % fair.void_every == fair.void_every // 2 and j + 1 < n:
            returns.void_sale(
                db,
                sale.receipt_no,
                requested_by=fair.cashiers[0],
                supervisor=fair.supervisor,
                reason="salah input jumlah",
                at=at + timedelta(minutes=2),
            )
            run.voided.append(sale.receipt_no)
        elif (
            fair.refund_every
            and j % fair.refund_every == fair.refund_every - 1
            and len(run.sales) > 5
        ):
            _refund_one(db, fair, run, at=at + timedelta(minutes=5))


def _cart(db: Database, fair: _Fair) -> list[CartLine] | None:
    """A few products by popularity (only what is on hand with ``respect_stock``).

    Sold at the catalog price read at commit; None: nothing is in stock.
    """
    rng = fair.rng
    picked = rng.choices(fair.products, weights=fair.weights, k=rng.choice((1, 1, 1, 2, 2, 3)))
    on_hand: dict[int, int] = {}
    if fair.respect_stock:
        on_hand = {
            row["id"]: row["on_hand"] for row in named(db, "SELECT id, on_hand FROM products")
        }
        picked = [p for p in picked if on_hand[p.id] > 0]
        if not picked:
            in_stock = [p for p in fair.products if on_hand[p.id] > 0]
            if not in_stock:
                return None
            picked = [rng.choice(in_stock)]
    cart = []
    for product in {p.id: p for p in picked}.values():
        qty = rng.choices((1, 2, 3), weights=(78, 17, 5))[0]
        if fair.respect_stock:
            qty = min(qty, on_hand[product.id])
        discount = 0
        if rng.random() < fair.discount_share:
            discount = qty * product.price * 10 // 100 // 500 * 500
        cart.append(CartLine(product.id, qty, discount))
    return cart


def _tenders(rng: random.Random, total: int) -> list[Tender]:
    """How the customer pays: mostly cash or QRIS, now and then a card, a transfer or a split."""
    r = rng.random()
    if r < 0.45:
        return [Tender(Method.CASH, _round_up(total, rng.choice((1000, 50_000, 100_000))))]
    if r < 0.80:
        return [Tender(Method.QRIS, reference=f"QR{rng.randrange(10**8):08d}")]
    if r < 0.88:
        return [Tender(Method.DEBIT)]
    if r < 0.93:
        return [Tender(Method.CREDIT)]
    if r < 0.96:
        return [Tender(Method.TRANSFER)]
    part = total // 2 // 1000 * 1000
    if part == 0:
        return [Tender(Method.CASH)]
    return [Tender(Method.QRIS, part), Tender(Method.CASH, _round_up(total - part, 50_000))]


def _refund_one(db: Database, fair: _Fair, run: DemoRun, *, at: datetime) -> None:
    """Refund one piece of the first line of an earlier sale (not voided, not yet refunded)."""
    rng = fair.rng
    earlier = rng.choice(run.sales[:-1])
    if earlier.receipt_no in run.voided or any(
        r.receipt_no == earlier.receipt_no for r in run.refunds
    ):
        return
    try:
        back = returns.refund_sale(
            db,
            earlier.receipt_no,
            {1: 1},
            cashier=fair.cashiers[0],
            supervisor=fair.supervisor,
            reason="barang cacat" if rng.random() < 0.5 else "salah ukuran",
            restock=rng.random() < 0.6,
            method=Method.CASH,
            at=at,
        )
    except SaleError:  # nothing left to refund on that line: skip it
        return
    run.refunds.append(back)


def _close(db: Database, day: date, supervisor: users.User, missing: int, *, at: datetime) -> None:
    """Close ``day`` counted by denomination, ``missing`` rupiah short of what is expected."""
    from boothpos.core import reports  # as days.close_day: loaded when a day closes

    expected = reports.day_report(db, day).cash.expected
    days.close_day(db, day, user=supervisor, denominations=drawer_count(expected - missing), at=at)
