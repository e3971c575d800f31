"""Day reports (X and Z) and partner settlement, computed by SQL aggregates.

Every figure is an ``int`` of rupiah (or of pieces). The same definitions hold
in the Z report, the settlement sheets, ``report … --json`` and the exports:

- **Voided sales count for nothing**: not in transactions, gross, discounts,
  payments or partner figures. ``voids`` is the number of sales of the day
  that were voided (a void is always of a sale of the same fair day).
- **transactions**: completed sales of the day (not voided, not refunds).
  ``refund_count`` (not in the JSON) is the number of refund records.
- **gross** = Σ qty × unit price over the lines of completed sales;
  **discounts** = Σ line discounts of those lines.
- **refunds**: money given back by refund records in the period, as a
  positive number, counted on the day the refund happened (not the day of
  the original sale), attributed line by line to the partner of each
  refunded line (−Σ line_total of the refund lines).
- **net** = gross − discounts − refunds.
- **by_method**: what each payment method paid toward sales, cash net of the
  change given; a refund subtracts from the method it was paid back with.
  So Σ by_method = net = Σ payments − change − refunds paid.
- **cash**: ``expected`` = opening float + by_method.cash; with several tills
  (the booth hub) only this till's own sales count here, as each till counts
  its own drawer (sales pulled from other tills are in every other figure;
  ``tills``, in the JSON only then, gives each till's cash and close); ``counted`` is the
  count entered at the close (``None`` before the close, i.e. in an X
  report); ``difference`` = counted − expected (``None`` before the close).
  After a reopen and a new close the latest close's count and Z number hold.
- **partner qty** = pieces sold minus pieces refunded. Partner gross,
  discounts, refunds and net follow the same rules per line, so
  Σ partner net = booth net for any period.
- **commission** = ``money.commission(net, rate)``: the partner's rate
  (``partners.commission_bp``, or the event default when that is NULL; zero
  is a valid override), applied to the partner's net of the whole period and
  rounded half-up to the rupiah once per partner per period (never per line
  or per day). A period whose refunds exceed its sales has a negative net and
  hence a negative commission: the refund takes its share of commission back.
  **payout** = net − commission. Σ payout + Σ commission = Σ net.
- **stock** of a partner in the period, from the stock ledger by the day of
  each move: ``received`` = intake moves; ``sold`` = −(sale + void + refund
  restock moves) = net pieces that left the booth by sale (a restocked refund
  is a negative sale); ``returned`` = pieces handed back to the partner
  (−return moves); ``adjusted`` = adjustment moves (signed: + found, − lost);
  ``on_hand`` = the ledger at the end of the period; ``opening`` (not in the
  JSON) = the ledger before the period. Always
  ``opening + received − sold − returned + adjusted = on_hand``; over the whole
  event ``opening`` is 0, so ``received − sold − returned + adjusted = on_hand``.
  ``stock.sold`` differs from ``qty`` only by refunds that were not restocked
  (the goods stayed with the customer or were thrown away).
- A **period** is a range of fair days (``sales.day``, ``stock_moves.day``),
  both ends included. Without dates it is the whole event: from the earlier of
  the first fair day and the first record (stock is usually received on the
  set-up day before the fair) to the later of the last fair day and the last
  record. The JSON ``from``/``to`` always name the dates actually covered, so
  giving them back explicitly reproduces the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlite_utils import Database

from boothpos.core import chain as chainmod
from boothpos.core import day_book as daysmod
from boothpos.core import money
from boothpos.core.codes import METHODS, DayStatus, Method, MoveKind, SaleKind
from boothpos.core.errors import Msg, NotFound, RefusedInput
from boothpos.core.event import Event, get_event
from boothpos.core.products import partner_by_code
from boothpos.core.rows import first as first_row
from boothpos.core.rows import named
from boothpos.core.tills import TillCash, till_cash

BAD_PERIOD = Msg(
    id="periode terbalik: dari {first} sampai {last}; tanggal awal harus sebelum tanggal akhir",
    en="the period is reversed: from {first} to {last}; the start must not be after the end",
)

UNKNOWN_PARTNER_ID = Msg(id="mitra #{partner_id} tidak ada", en="there is no partner #{partner_id}")

_NOT_VOIDED = "s.id NOT IN (SELECT sale_id FROM voids)"


# ---------------------------------------------------------------- figures


@dataclass(frozen=True)
class Figures:
    """Money and pieces of some lines: ``net`` is derived, never stored."""

    qty: int = 0
    gross: int = 0
    discounts: int = 0
    refunds: int = 0

    @property
    def net(self) -> int:
        return self.gross - self.discounts - self.refunds

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.qty + other.qty,
            self.gross + other.gross,
            self.discounts + other.discounts,
            self.refunds + other.refunds,
        )


@dataclass(frozen=True)
class StockFigures:
    """Pieces moved in a period; ``opening + received − sold − returned + adjusted = on_hand``."""

    opening: int = 0
    received: int = 0
    sold: int = 0
    returned: int = 0
    adjusted: int = 0
    on_hand: int = 0

    def __add__(self, other: StockFigures) -> StockFigures:
        return StockFigures(
            self.opening + other.opening,
            self.received + other.received,
            self.sold + other.sold,
            self.returned + other.returned,
            self.adjusted + other.adjusted,
            self.on_hand + other.on_hand,
        )

    def to_json(self) -> dict:
        return {
            "received": self.received,
            "sold": self.sold,
            "returned": self.returned,
            "adjusted": self.adjusted,
            "on_hand": self.on_hand,
        }


def _sum_figures(items) -> Figures:
    total = Figures()
    for item in items:
        total = total + item
    return total


def _sum_stock(items) -> StockFigures:
    total = StockFigures()
    for item in items:
        total = total + item
    return total


# ---------------------------------------------------------------- aggregate queries


def _money_by(
    db: Database, first: str, last: str, key: str | None, partner_id: int | None
) -> list[dict]:
    """Rows ``{partner_id, key, qty, gross, discounts, refunds}`` of counted lines.

    ``key`` is a second grouping column (``l.product_id``, ``s.day``) or None.
    """
    where = f"s.day BETWEEN ? AND ? AND {_NOT_VOIDED}"
    params: list = [first, last]
    if partner_id is not None:
        where += " AND l.partner_id = ?"
        params.append(partner_id)
    group = f"l.partner_id, {key}" if key else "l.partner_id"
    return list(
        named(
            db,
            f"SELECT l.partner_id, {key or 'NULL'} AS key, SUM(l.qty) AS qty, "
            f"SUM(CASE WHEN s.kind = '{SaleKind.SALE}' THEN l.qty * l.unit_price ELSE 0 END) "
            "AS gross, "
            f"SUM(CASE WHEN s.kind = '{SaleKind.SALE}' THEN l.discount ELSE 0 END) AS discounts, "
            f"-SUM(CASE WHEN s.kind = '{SaleKind.REFUND}' THEN l.line_total ELSE 0 END) AS refunds "
            f"FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE {where} "
            f"GROUP BY {group}",
            params,
        )
    )


def _figures(row: dict) -> Figures:
    """The money figures of a :func:`_money_by` row."""
    return Figures(
        qty=row["qty"], gross=row["gross"], discounts=row["discounts"], refunds=row["refunds"]
    )


def _by_method(db: Database, first: str, last: str) -> dict[str, int]:
    """What each method paid toward sales in the period: cash net of change, refunds off."""
    result = dict.fromkeys(METHODS, 0)
    for row in named(
        db,
        "SELECT p.method, SUM(p.amount) AS amount FROM payments p JOIN sales s ON s.id = p.sale_id "
        f"WHERE s.day BETWEEN ? AND ? AND {_NOT_VOIDED} GROUP BY p.method",
        [first, last],
    ):
        result[row["method"]] = row["amount"]
    change = db.execute(
        f"SELECT COALESCE(SUM(s.change), 0) FROM sales s WHERE s.day BETWEEN ? AND ? "
        f"AND {_NOT_VOIDED}",
        (first, last),
    ).fetchone()[0]
    result[Method.CASH] -= change
    return result


def _drawer_cash(db: Database, day: str, by_method: dict[str, int]) -> int:
    """The cash this till's drawer took on ``day``: the booth's, less other tills' sales.

    With several tills (the booth hub) a till holds every till's sales but each
    till counts its own drawer; sales pulled from the hub (``hub_records`` of
    origin 'hub') are in the booth's figures and not in this drawer.
    """
    pulled = db.execute(
        "SELECT COALESCE(SUM(p.amount), 0) FROM payments p JOIN sales s ON s.id = p.sale_id "
        "WHERE p.method = 'cash' AND s.day = ? AND "
        f"{_NOT_VOIDED} AND s.id IN (SELECT row_id FROM hub_records WHERE tbl = 'sales' "
        "AND origin = 'hub')",
        (day,),
    ).fetchone()[0]
    pulled_change = db.execute(
        "SELECT COALESCE(SUM(s.change), 0) FROM sales s WHERE s.day = ? AND "
        f"{_NOT_VOIDED} AND s.id IN (SELECT row_id FROM hub_records WHERE tbl = 'sales' "
        "AND origin = 'hub')",
        (day,),
    ).fetchone()[0]
    return by_method[Method.CASH] - (pulled - pulled_change)


def _counts(db: Database, first: str, last: str) -> tuple[int, int, int]:
    """(completed sales, refund records, voided sales) of the period."""
    sales_n, refunds_n = db.execute(
        "SELECT COALESCE(SUM(s.kind = 'sale'), 0), COALESCE(SUM(s.kind = 'refund'), 0) "
        f"FROM sales s WHERE s.day BETWEEN ? AND ? AND {_NOT_VOIDED}",
        (first, last),
    ).fetchone()
    voids_n = db.execute(
        "SELECT COUNT(*) FROM voids v JOIN sales s ON s.id = v.sale_id WHERE s.day BETWEEN ? AND ?",
        (first, last),
    ).fetchone()[0]
    return sales_n, refunds_n, voids_n


def _stock_by_product(
    db: Database, first: str, last: str, partner_id: int | None
) -> dict[int, StockFigures]:
    # All partners: a full scan and one sort beat walking the product index row by row
    # (measured 2-3x at 100,000 sales); one partner: the index finds its few products.
    where, params = "NOT INDEXED", [first, first, last, first, last, first, last, first, last, last]
    if partner_id is not None:
        where = "WHERE m.product_id IN (SELECT id FROM products WHERE partner_id = ?)"
        params.append(partner_id)
    rows = named(
        db,
        "SELECT m.product_id, "
        "SUM(CASE WHEN m.day < ? THEN m.qty ELSE 0 END) AS opening, "
        "SUM(CASE WHEN m.day BETWEEN ? AND ? AND m.kind = "
        f"'{MoveKind.INTAKE}' THEN m.qty ELSE 0 END) AS received, "
        "-SUM(CASE WHEN m.day BETWEEN ? AND ? AND m.kind IN "
        f"('{MoveKind.SALE}', '{MoveKind.VOID}', '{MoveKind.REFUND}') THEN m.qty ELSE 0 END) "
        "AS sold, "
        "-SUM(CASE WHEN m.day BETWEEN ? AND ? AND m.kind = "
        f"'{MoveKind.RETURN}' THEN m.qty ELSE 0 END) AS returned, "
        "SUM(CASE WHEN m.day BETWEEN ? AND ? AND m.kind = "
        f"'{MoveKind.ADJUSTMENT}' THEN m.qty ELSE 0 END) AS adjusted, "
        "SUM(CASE WHEN m.day <= ? THEN m.qty ELSE 0 END) AS on_hand "
        f"FROM stock_moves m {where} GROUP BY m.product_id",
        params,
    )
    return {row.pop("product_id"): StockFigures(**row) for row in rows}


# ---------------------------------------------------------------- day report (X / Z)


@dataclass(frozen=True)
class PartnerLine:
    """One partner's figures of a day."""

    partner_id: int
    code: str
    name: str
    figures: Figures

    @property
    def qty(self) -> int:
        return self.figures.qty

    @property
    def net(self) -> int:
        return self.figures.net

    def to_json(self) -> dict:
        return {"code": self.code, "name": self.name, "qty": self.qty, "net": self.net}


@dataclass(frozen=True)
class CashCount:
    opening_float: int
    expected: int
    counted: int | None = None
    denominations: dict[int, int] | None = None

    @property
    def difference(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected

    def to_json(self) -> dict:
        return {
            "opening_float": self.opening_float,
            "expected": self.expected,
            "counted": self.counted,
            "difference": self.difference,
        }


@dataclass(frozen=True)
class DayReport:
    """The X report of an open day, or the Z report of a closed one (same shape)."""

    day: date
    status: DayStatus
    z_number: int | None
    transactions: int
    voids: int
    refund_count: int
    figures: Figures
    by_method: dict[str, int]
    cash: CashCount
    partners: tuple[PartnerLine, ...]
    closed_at: str | None = None
    closed_by: str | None = None
    earlier_z: tuple[int, ...] = ()  # Z numbers of earlier closes of this day (then reopened)
    reopen_reasons: tuple[str, ...] = ()
    preview: bool = False  # a close not yet confirmed (counted filled in, nothing written)
    chain: tuple[chainmod.Head, ...] = field(default=(), compare=False)  # books' seal
    tills: tuple[TillCash, ...] = ()  # several tills (booth hub): each drawer's cash

    @property
    def kind(self) -> str:
        return "Z" if self.z_number is not None else "X"

    @property
    def gross(self) -> int:
        return self.figures.gross

    @property
    def discounts(self) -> int:
        return self.figures.discounts

    @property
    def refunds(self) -> int:
        return self.figures.refunds

    @property
    def net(self) -> int:
        return self.figures.net

    def to_json(self) -> dict:
        """The public ``report day --json`` shape (DESIGN.md)."""
        return {
            "date": self.day.isoformat(),
            "z_number": self.z_number,
            "transactions": self.transactions,
            "voids": self.voids,
            "gross": self.gross,
            "discounts": self.discounts,
            "refunds": self.refunds,
            "net": self.net,
            "by_method": {m: self.by_method[m] for m in METHODS},
            "cash": self.cash.to_json(),
            "partners": [p.to_json() for p in self.partners],
        } | ({"tills": [t.to_json() for t in self.tills]} if self.tills else {})


@dataclass(frozen=True)
class PartnerInfo:
    """A partner as a settlement names it; ``commission_bp`` None: the event's rate."""

    id: int
    code: str
    name: str
    region: str
    bank_details: str | None
    commission_bp: int | None


@dataclass(frozen=True)
class ProductInfo:
    """A product as a settlement lists it."""

    id: int
    partner_id: int
    barcode: str
    name: str
    price: int


_PARTNER_SQL = "SELECT id, code, name, region, bank_details, commission_bp FROM partners"
_PRODUCT_SQL = "SELECT id, partner_id, barcode, name, price FROM products"


def _partner_names(db: Database) -> dict[int, PartnerInfo]:
    return {row["id"]: PartnerInfo(**row) for row in named(db, _PARTNER_SQL)}


def _products(db: Database, where: str = "", params: list | None = None) -> list[ProductInfo]:
    return [ProductInfo(**row) for row in named(db, _PRODUCT_SQL + where, params or [])]


def day_report(db: Database, day: date | str) -> DayReport:
    """The X report (day open or not opened) or Z report (closed) of one fair day."""
    day = day if isinstance(day, date) else date.fromisoformat(day)
    iso = day.isoformat()
    state = daysmod.state(db, day)
    names = _partner_names(db)
    partner_figures: dict[int, Figures] = {}
    for row in _money_by(db, iso, iso, None, None):
        partner_figures[row["partner_id"]] = _figures(row)
    partners = sorted(
        (
            PartnerLine(partner_id=pid, code=names[pid].code, name=names[pid].name, figures=figures)
            for pid, figures in partner_figures.items()
        ),
        key=lambda p: p.code,
    )
    transactions, refund_count, voids = _counts(db, iso, iso)
    by_method = _by_method(db, iso, iso)
    closes = daysmod.closes(db, day)
    cash = CashCount(
        opening_float=state.opening_float,
        expected=state.opening_float + _drawer_cash(db, iso, by_method),
    )
    closed_at = closed_by = None
    if state.status == DayStatus.CLOSED and closes:
        last = closes[-1]
        cash = replace(cash, counted=last.counted_cash, denominations=last.denominations)
        closed_at, closed_by = last.at, last.user_name
    earlier = tuple(c.z_number for c in closes if c.z_number != state.z_number)
    return DayReport(
        day=day,
        status=state.status,
        z_number=state.z_number,
        transactions=transactions,
        voids=voids,
        refund_count=refund_count,
        figures=_sum_figures(partner_figures.values()),
        by_method=by_method,
        cash=cash,
        partners=tuple(partners),
        closed_at=closed_at,
        closed_by=closed_by,
        earlier_z=earlier,
        reopen_reasons=tuple(r.reason for r in daysmod.reopens(db, day)),
        chain=tuple(chainmod.heads(db)),
        tills=till_cash(db, iso),
    )


# ---------------------------------------------------------------- settlement


@dataclass(frozen=True)
class DayLine:
    day: date
    figures: Figures


@dataclass(frozen=True)
class ProductLine:
    product_id: int
    barcode: str
    name: str
    price: int
    figures: Figures
    stock: StockFigures


@dataclass(frozen=True)
class PartnerSettlement:
    partner_id: int
    code: str
    name: str
    region: str
    bank_details: str
    rate_bp: int
    rate_is_override: bool
    figures: Figures
    commission: int
    stock: StockFigures
    days: tuple[DayLine, ...] = ()
    products: tuple[ProductLine, ...] = ()

    qty = property(lambda self: self.figures.qty)
    gross = property(lambda self: self.figures.gross)
    discounts = property(lambda self: self.figures.discounts)
    refunds = property(lambda self: self.figures.refunds)
    net = property(lambda self: self.figures.net)

    @property
    def payout(self) -> int:
        return self.net - self.commission

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "qty": self.qty,
            "gross": self.gross,
            "discounts": self.discounts,
            "refunds": self.refunds,
            "net": self.net,
            "commission": self.commission,
            "payout": self.payout,
            "stock": self.stock.to_json(),
        }


@dataclass(frozen=True)
class Totals:
    qty: int
    gross: int
    discounts: int
    refunds: int
    net: int
    commission: int
    payout: int

    def to_json(self) -> dict:
        return {
            "qty": self.qty,
            "gross": self.gross,
            "discounts": self.discounts,
            "refunds": self.refunds,
            "net": self.net,
            "commission": self.commission,
            "payout": self.payout,
        }


@dataclass(frozen=True)
class Settlement:
    """Partner settlement of a period (one partner or all). ``detail`` adds days/products."""

    event: Event
    first: date
    last: date
    whole_event: bool
    partners: tuple[PartnerSettlement, ...]
    detail: bool = False
    by_day: tuple[DayLine, ...] = ()  # the booth, day by day (with detail)
    by_method: dict[str, int] = field(default_factory=dict)  # the booth (with detail)
    transactions: int = 0  # the booth (with detail)
    voids: int = 0
    refund_count: int = 0
    chain: tuple[chainmod.Head, ...] = field(default=(), compare=False)  # books' seal

    @property
    def totals(self) -> Totals:
        figures = _sum_figures(p.figures for p in self.partners)
        commission = sum(p.commission for p in self.partners)
        return Totals(
            figures.qty,
            figures.gross,
            figures.discounts,
            figures.refunds,
            figures.net,
            commission,
            figures.net - commission,
        )

    @property
    def stock(self) -> StockFigures:
        return _sum_stock(p.stock for p in self.partners)

    def to_json(self) -> dict:
        """The public ``report settlement --json`` shape (DESIGN.md)."""
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "partners": [p.to_json() for p in self.partners],
            "totals": self.totals.to_json(),
        }


def event_period(db: Database, event: Event | None = None) -> tuple[date, date]:
    """The whole event: fair days widened to the first and last record (set-up day intake)."""
    event = event or get_event(db)
    first, last = event.first_day.isoformat(), event.last_day.isoformat()
    for table in ("sales", "stock_moves"):
        low, high = db.execute(f"SELECT MIN(day), MAX(day) FROM {table}").fetchone()
        if low is not None:
            first, last = min(first, low), max(last, high)
    return date.fromisoformat(first), date.fromisoformat(last)


def sales_period(db: Database, event: Event | None = None) -> tuple[date, date]:
    """The days the fair sells: its fair days, widened only by sales made outside them.

    What a screen names as "the whole event" (28/02 – 03/03): the set-up day's
    intake is not a fair day. :func:`event_period` (what the figures cover, stock
    received on the set-up day included) may start earlier.
    """
    event = event or get_event(db)
    first, last = event.first_day.isoformat(), event.last_day.isoformat()
    low, high = db.execute("SELECT MIN(day), MAX(day) FROM sales").fetchone()
    if low is not None:
        first, last = min(first, low), max(last, high)
    return date.fromisoformat(first), date.fromisoformat(last)


def resolve_period(
    db: Database, first: date | None, last: date | None, event: Event | None = None
) -> tuple[date, date, bool]:
    """Fill missing ends from :func:`event_period`; refuse a reversed period."""
    whole = first is None and last is None
    if first is None or last is None:
        event_first, event_last = event_period(db, event)
        first = first or event_first
        last = last or event_last
    if first > last:
        raise RefusedInput(BAD_PERIOD, first=first.isoformat(), last=last.isoformat())
    return first, last, whole


def settle(
    db: Database,
    *,
    first: date | None = None,
    last: date | None = None,
    partner: str | None = None,
    detail: bool = False,
) -> Settlement:
    """Settlement of every partner (or of ``partner``, a code) for a period.

    Without ``detail`` it runs two grouped queries (lines by partner and
    product, stock moves by product), which is what ``--json`` needs; with
    ``detail`` it adds day-by-day and per-product figures for the sheets and
    the booth's figures by day and payment method.
    """
    event = get_event(db)
    first, last, whole = resolve_period(db, first, last, event)
    lo, hi = first.isoformat(), last.isoformat()
    only = partner_by_code(db, partner).id if partner else None
    days_of: dict[int, dict[str, Figures]] = {}
    if detail:
        for row in _money_by(db, lo, hi, "s.day", only):
            days_of.setdefault(row["partner_id"], {})[row["key"]] = _figures(row)
    fair_days = [d.isoformat() for d in event.fair_days if first <= d <= last]  # shown when empty
    settled = _settle_partners(db, lo, hi, only, days_of, fair_days, event, detail)
    result = Settlement(
        event, first, last, whole, tuple(settled), detail=detail, chain=tuple(chainmod.heads(db))
    )
    if detail and only is None:
        result = _with_booth_figures(db, result, days_of, fair_days)
    return result


@dataclass(frozen=True)
class _PartnerRows:
    """One partner's grouped rows of a period, the input of :func:`_partner_settlement`."""

    by_product: dict[int, Figures]  # money by product id
    stock_by_product: dict[int, StockFigures]
    own_products: list[ProductInfo]
    moved_products: list[ProductInfo] = field(default_factory=list)  # since given to another
    per_day: dict[str, Figures] = field(default_factory=dict)


def _settle_partners(
    db: Database,
    lo: str,
    hi: str,
    only: int | None,
    days_of: dict[int, dict[str, Figures]],
    fair_days: list[str],
    event: Event,
    detail: bool,
) -> list[PartnerSettlement]:
    """Every partner's settlement (or ``only`` one's) from the period's grouped rows."""
    names = _partner_names(db)
    money_by_product: dict[int, dict[int, Figures]] = {}
    for row in _money_by(db, lo, hi, "l.product_id", only):
        money_by_product.setdefault(row["partner_id"], {})[row["key"]] = _figures(row)
    stock_by_product = _stock_by_product(db, lo, hi, only)
    products_of: dict[int, list[ProductInfo]] = {}
    for product in _products(db, *((" WHERE partner_id = ?", [only]) if only is not None else ())):
        products_of.setdefault(product.partner_id, []).append(product)

    settled = []
    for pid in sorted(names, key=lambda i: names[i].code):
        if only is not None and pid != only:
            continue
        by_product = money_by_product.get(pid, {})
        own_products = products_of.get(pid, [])
        moved: list[ProductInfo] = []
        if detail:
            known = {product.id for product in own_products}
            # lines of a product since moved to another partner still belong to this one
            moved = [
                _products(db, " WHERE id = ?", [product_id])[0]
                for product_id in by_product
                if product_id not in known
            ]
        rows = _PartnerRows(
            by_product=by_product,
            stock_by_product=stock_by_product,
            own_products=own_products,
            moved_products=moved,
            per_day=days_of.get(pid, {}),
        )
        settled.append(
            _partner_settlement(
                names[pid],
                rows,
                default_bp=event.commission_bp,
                fair_days=fair_days,
                detail=detail,
            )
        )
    return settled


def _with_booth_figures(
    db: Database,
    result: Settlement,
    days_of: dict[int, dict[str, Figures]],
    fair_days: list[str],
) -> Settlement:
    """The booth's figures of the period: by day, by payment method, the counts."""
    lo, hi = result.first.isoformat(), result.last.isoformat()
    booth_days: dict[str, Figures] = {}
    for per_day in days_of.values():
        for d, figures in per_day.items():
            booth_days[d] = booth_days.get(d, Figures()) + figures
    transactions, refund_count, voids = _counts(db, lo, hi)
    return replace(
        result,
        by_day=tuple(
            DayLine(date.fromisoformat(d), booth_days.get(d, Figures()))
            for d in sorted(set(fair_days) | set(booth_days))
        ),
        by_method=_by_method(db, lo, hi),
        transactions=transactions,
        voids=voids,
        refund_count=refund_count,
    )


def _partner_settlement(
    partner: PartnerInfo,
    rows: _PartnerRows,
    *,
    default_bp: int,
    fair_days: list[str],
    detail: bool,
) -> PartnerSettlement:
    """One partner's figures from its grouped rows: the arithmetic every settlement shares."""
    override = partner.commission_bp
    rate = default_bp if override is None else override
    figures = _sum_figures(rows.by_product.values())
    stock = _sum_stock(
        rows.stock_by_product.get(product.id, StockFigures()) for product in rows.own_products
    )
    day_lines: tuple[DayLine, ...] = ()
    product_lines: tuple[ProductLine, ...] = ()
    if detail:
        day_lines = tuple(
            DayLine(date.fromisoformat(d), rows.per_day.get(d, Figures()))
            for d in sorted(set(fair_days) | set(rows.per_day))
        )
        product_lines = _product_lines(rows)
    return PartnerSettlement(
        partner_id=partner.id,
        code=partner.code,
        name=partner.name,
        region=partner.region,
        bank_details=partner.bank_details or "",
        rate_bp=rate,
        rate_is_override=override is not None,
        figures=figures,
        commission=money.commission(figures.net, rate),
        stock=stock,
        days=day_lines,
        products=product_lines,
    )


def _product_lines(rows: _PartnerRows) -> tuple[ProductLine, ...]:
    """A partner's products by name; a moved product's stock is its new partner's."""
    known = {product.id for product in rows.own_products}
    return tuple(
        sorted(
            (
                ProductLine(
                    product_id=product.id,
                    barcode=product.barcode,
                    name=product.name,
                    price=product.price,
                    figures=rows.by_product.get(product.id, Figures()),
                    stock=rows.stock_by_product.get(product.id, StockFigures())
                    if product.id in known
                    else StockFigures(),
                )
                for product in [*rows.own_products, *rows.moved_products]
            ),
            key=lambda p: p.name.casefold(),
        )
    )


def settle_partner(
    db: Database,
    partner_id: int,
    *,
    first: date,
    last: date,
    event: Event,
    detail: bool = True,
) -> PartnerSettlement:
    """One partner's settlement of ``first``–``last``; every statement binds ``partner_id``.

    The same figures as that partner's row of :func:`settle` for the same
    period (the same grouped queries and :func:`_partner_settlement`), but
    nothing is read that is not this partner's: no other partner's name, no
    booth total, no all-partner scan. This is what a partner-facing screen
    builds on (:mod:`boothpos.core.partner_view`). ``event`` is passed in so
    no unscoped statement is needed.
    """
    if first > last:
        raise RefusedInput(BAD_PERIOD, first=first.isoformat(), last=last.isoformat())
    lo, hi = first.isoformat(), last.isoformat()
    found = first_row(db, _PARTNER_SQL + " WHERE id = :partner_id", {"partner_id": partner_id})
    if found is None:
        raise NotFound(UNKNOWN_PARTNER_ID, partner_id=partner_id)
    by_product = {
        row["key"]: _figures(row) for row in _money_by(db, lo, hi, "l.product_id", partner_id)
    }
    rows = _PartnerRows(
        by_product=by_product,
        stock_by_product=_stock_by_product(db, lo, hi, partner_id),
        own_products=_products(db, " WHERE partner_id = ?", [partner_id]),
    )
    if detail:
        moved = _products(
            db,
            " WHERE partner_id != ? AND id IN (SELECT product_id FROM sale_lines "
            "WHERE partner_id = ?)",
            [partner_id, partner_id],
        )
        rows = replace(
            rows,
            # lines counted in the period only
            moved_products=[product for product in moved if product.id in by_product],
            per_day={
                row["key"]: _figures(row) for row in _money_by(db, lo, hi, "s.day", partner_id)
            },
        )
    fair_days = [d.isoformat() for d in event.fair_days if first <= d <= last]
    return _partner_settlement(
        PartnerInfo(**found),
        rows,
        default_bp=event.commission_bp,
        fair_days=fair_days,
        detail=detail,
    )


# ---------------------------------------------------------------- partner day sheet


@dataclass(frozen=True)
class SheetLine:
    """One counted line on a partner's day sheet (refund lines are negative)."""

    receipt_no: str
    time: str
    kind: SaleKind
    refund_of: str | None
    barcode: str
    name: str
    qty: int
    unit_price: int
    discount: int
    line_total: int


@dataclass(frozen=True)
class PartnerDaySheet:
    day: date
    status: DayStatus
    z_number: int | None
    partner: PartnerSettlement  # the day's settlement of this partner, with detail
    lines: tuple[SheetLine, ...]
    voided_lines: int  # lines of this partner on sales voided that day (not counted)


def partner_day(db: Database, day: date | str, partner: str) -> PartnerDaySheet:
    """One partner's lines of one fair day, with its figures and stock."""
    day = day if isinstance(day, date) else date.fromisoformat(day)
    iso = day.isoformat()
    settlement = settle(db, first=day, last=day, partner=partner, detail=True)
    own = settlement.partners[0]
    rows = named(
        db,
        "SELECT s.receipt_no, s.time, s.kind, o.receipt_no AS refund_of, l.barcode, l.name, "
        "l.qty, l.unit_price, l.discount, l.line_total FROM sales s "
        "JOIN sale_lines l ON l.sale_id = s.id LEFT JOIN sales o ON o.id = s.refund_of "
        f"WHERE s.day = ? AND l.partner_id = ? AND {_NOT_VOIDED} "
        "ORDER BY s.time, s.id, l.line_no",
        [iso, own.partner_id],
    )
    voided = db.execute(
        "SELECT COUNT(*) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE s.day = ? AND l.partner_id = ? AND s.id IN (SELECT sale_id FROM voids)",
        (iso, own.partner_id),
    ).fetchone()[0]
    state = daysmod.state(db, day)
    return PartnerDaySheet(
        day=day,
        status=state.status,
        z_number=state.z_number,
        partner=own,
        lines=tuple(SheetLine(**row) for row in rows),
        voided_lines=voided,
    )


# ---------------------------------------------------------------- lines for exports


LINE_COLUMNS = [
    "day",
    "time",
    "receipt_no",
    "kind",
    "refund_of",
    "partner_code",
    "partner_name",
    "barcode",
    "name",
    "qty",
    "unit_price",
    "gross",
    "discount",
    "refund",
    "line_total",
]


def counted_lines(
    db: Database,
    *,
    first: date | None = None,
    last: date | None = None,
    partner: str | None = None,
) -> tuple[date, date, list[dict]]:
    """Every line that counts in the period (completed sales and refunds, no voided sale).

    Σ line_total of the rows is the booth's net; per partner code, the
    partner's net. Each row has ``line_total = gross − discount − refund``:
    a sale line has ``refund`` 0; a refund line has ``gross`` and ``discount``
    0 and ``refund`` the money given back (positive; its ``line_total`` and
    ``qty`` are negative).
    """
    first, last, _ = resolve_period(db, first, last)
    where = f"s.day BETWEEN ? AND ? AND {_NOT_VOIDED}"
    params: list = [first.isoformat(), last.isoformat()]
    if partner:
        where += " AND l.partner_id = ?"
        params.append(partner_by_code(db, partner).id)
    rows = db.execute(
        "SELECT s.day, s.time, s.receipt_no, s.kind, o.receipt_no, pa.code, pa.name, "
        "l.barcode, l.name, l.qty, l.unit_price, "
        "CASE WHEN s.kind = 'sale' THEN l.qty * l.unit_price ELSE 0 END, "
        "CASE WHEN s.kind = 'sale' THEN l.discount ELSE 0 END, "
        "CASE WHEN s.kind = 'refund' THEN -l.line_total ELSE 0 END, l.line_total "
        "FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "JOIN partners pa ON pa.id = l.partner_id LEFT JOIN sales o ON o.id = s.refund_of "
        f"WHERE {where} ORDER BY s.till_code, s.seq, l.line_no",
        params,
    ).fetchall()
    return first, last, [dict(zip(LINE_COLUMNS, r, strict=True)) for r in rows]
