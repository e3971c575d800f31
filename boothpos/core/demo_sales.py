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
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from boothpos.core import days, denominations, returns, users
from boothpos.core.checkout import CartLine, SaleResult, Tender, checkout
from boothpos.core.errors import SaleError
from boothpos.core.event import get_event


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
    rng = random.Random(seed)
    event = get_event(db)
    tz = ZoneInfo(event.timezone)
    cashiers = [u for u in users.list_users(db) if u.role == "attendant"] or users.list_users(db)
    supervisor = next(u for u in users.list_users(db) if u.can("supervisor"))
    products = [
        (r[0], r[1])
        for r in db.execute("SELECT id, price FROM products WHERE active = 1 ORDER BY id")
    ]
    price_of = dict(products)
    weights = [1.0 / (1 + rank) ** 0.8 for rank in range(len(products))]
    rng.shuffle(weights)
    counts = [sales_per_day] * event.days if isinstance(sales_per_day, int) else list(sales_per_day)
    run = DemoRun()
    for number, day in enumerate(event.fair_days, start=1):
        n = counts[number - 1] if number - 1 < len(counts) else 0
        start = datetime.combine(day, time(10, 0), tz)
        state = days.state(db, day)
        if state.status == "not_opened":
            days.open_day(
                db,
                day,
                opening_float=opening_float,
                user_id=supervisor.id,
                at=start - timedelta(minutes=30),
            )
        todays: list[SaleResult] = []
        for j in range(n):
            at = start + timedelta(seconds=j * 36_000 // max(n, 1) + rng.randrange(30))
            picked = rng.choices(products, weights=weights, k=rng.choice((1, 1, 1, 2, 2, 3)))
            if respect_stock:
                on_hand = dict(db.execute("SELECT id, on_hand FROM products").fetchall())
                picked = [p for p in picked if on_hand[p[0]] > 0]
                if not picked:
                    in_stock = [p for p in products if on_hand[p[0]] > 0]
                    if not in_stock:
                        break
                    picked = [rng.choice(in_stock)]
            cart = []
            for product_id, price in dict(picked).items():
                qty = rng.choices((1, 2, 3), weights=(78, 17, 5))[0]
                if respect_stock:
                    qty = min(qty, on_hand[product_id])
                discount = 0
                if rng.random() < discount_share:
                    discount = qty * price * 10 // 100 // 500 * 500
                cart.append(CartLine(product_id, qty, discount))
            total = sum(line.qty * price_of[line.product_id] - line.discount for line in cart)
            r = rng.random()
            if r < 0.45:
                tenders = [Tender("cash", _round_up(total, rng.choice((1000, 50_000, 100_000))))]
            elif r < 0.80:
                tenders = [Tender("qris", reference=f"QR{rng.randrange(10**8):08d}")]
            elif r < 0.88:
                tenders = [Tender("debit")]
            elif r < 0.93:
                tenders = [Tender("credit")]
            elif r < 0.96:
                tenders = [Tender("transfer")]
            else:
                part = total // 2 // 1000 * 1000
                tenders = [Tender("qris", part), Tender("cash", _round_up(total - part, 50_000))]
                if part == 0:
                    tenders = [Tender("cash")]
            sale = checkout(db, cart, tenders, cashier=rng.choice(cashiers), at=at)
            run.sales.append(sale)
            todays.append(sale)
            if void_every and j % void_every == void_every // 2 and j + 1 < n:
                returns.void_sale(
                    db,
                    sale.receipt_no,
                    requested_by=cashiers[0],
                    supervisor=supervisor,
                    reason="salah input jumlah",
                    at=at + timedelta(minutes=2),
                )
                run.voided.append(sale.receipt_no)
                todays.pop()
            elif refund_every and j % refund_every == refund_every - 1 and len(run.sales) > 5:
                earlier = rng.choice(run.sales[:-1])
                if earlier.receipt_no in run.voided or any(
                    r.receipt_no == earlier.receipt_no for r in run.refunds
                ):
                    continue
                try:
                    back = returns.refund_sale(
                        db,
                        earlier.receipt_no,
                        {1: 1},
                        cashier=cashiers[0],
                        supervisor=supervisor,
                        reason="barang cacat" if rng.random() < 0.5 else "salah ukuran",
                        restock=rng.random() < 0.6,
                        method="cash",
                        at=at + timedelta(minutes=5),
                    )
                except SaleError:  # nothing left to refund on that line: skip it
                    continue
                run.refunds.append(back)
        is_last = number == event.days
        if not is_last or close_last_day:
            from boothpos.core import reports

            expected = reports.day_report(db, day).cash.expected
            counted = expected - (cash_short or {}).get(number, 0)
            days.close_day(
                db,
                day,
                user=supervisor,
                denominations=drawer_count(counted),
                at=datetime.combine(day, time(21, 15), tz),
            )
            run.closed.append(day)
    return run
