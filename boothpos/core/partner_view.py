"""What a signed-in partner sees: their own sales and stock, and nothing else.

These are the **only** partner-facing queries. Each takes the
:class:`~boothpos.core.partner_access.PartnerSession` made by
:func:`~boothpos.core.partner_access.authenticate_partner` and every SQL
statement it runs is bound to ``session.partner_id`` (a test traces them): no
statement reads all partners and filters afterwards, and the returned data
holds no other partner's name, code or figure and no booth total.

- :func:`dashboard` — today's pieces and net, each fair day's, each product's
  (sold, net, still at the booth), the stock at the booth, and commission and
  payout for the event to date. The to-date figures are
  :func:`boothpos.core.reports.settle_partner`: the same arithmetic, and so
  the same numbers, as this partner's row of ``report settlement --json``
  for the period ``dashboard.to_date.first`` – ``.last``.

The partner's slip for the receipt printer is laid out from a dashboard alone
(no database) by :mod:`boothpos.documents.partner_slip`: it shows exactly the
figures on the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from boothpos.core import clock, reports
from boothpos.core.errors import AuthError, Msg, PermissionDenied
from boothpos.core.event import EVENT_COLUMNS, Event, event_from_row
from boothpos.core.partner_access import PartnerSession
from boothpos.core.rows import first

NOT_A_PARTNER = Msg(
    id="hanya mitra yang sudah masuk dengan PIN yang dapat melihat ini",
    en="only a partner signed in with their PIN can see this",
)
SESSION_GONE = Msg(
    id="sesi mitra tidak berlaku lagi; silakan masuk lagi",
    en="the partner session is no longer valid; please sign in again",
)

_EVENT_SELECT = ", ".join(f"e.{column.strip()}" for column in EVENT_COLUMNS.split(","))


# ---------------------------------------------------------------- the dashboard


@dataclass(frozen=True)
class DayFigures:
    """A day's pieces sold (net of refunds) and net rupiah of one partner."""

    day: date
    day_number: int | None  # 1-based fair day; None for a day outside the event
    qty: int
    net: int

    def to_json(self) -> dict:
        return {
            "date": self.day.isoformat(),
            "day_number": self.day_number,
            "qty": self.qty,
            "net": self.net,
        }


@dataclass(frozen=True)
class ProductFigures:
    """One of the partner's products: sold to date, net to date, still at the booth."""

    barcode: str
    name: str
    price: int
    qty: int
    net: int
    on_hand: int

    def to_json(self) -> dict:
        return {
            "barcode": self.barcode,
            "name": self.name,
            "price": self.price,
            "qty": self.qty,
            "net": self.net,
            "on_hand": self.on_hand,
        }


@dataclass(frozen=True)
class ToDate:
    """The partner's settlement from their first record (or the first fair day) to today."""

    first: date
    last: date
    qty: int
    gross: int
    discounts: int
    refunds: int
    net: int
    rate_bp: int  # commission rate in basis points (1000 = 10 %)
    commission: int
    payout: int
    stock: reports.StockFigures
    sales_from: date | None = None  # what "sold since" names: the first fair day (or sale)

    def to_json(self) -> dict:
        """The keys of a ``report settlement --json`` partner row (less code and name)."""
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "qty": self.qty,
            "gross": self.gross,
            "discounts": self.discounts,
            "refunds": self.refunds,
            "net": self.net,
            "commission": self.commission,
            "payout": self.payout,
            "stock": self.stock.to_json(),
            "rate_bp": self.rate_bp,
        }


@dataclass(frozen=True)
class PartnerDashboard:
    """Everything the partner screen (and slip) shows; one partner's figures only."""

    code: str
    name: str
    region: str
    event_name: str
    venue: str
    timezone: str
    as_of: str  # ISO time the figures were read
    today: DayFigures
    days: tuple[DayFigures, ...]  # each fair day of the period (and any other day with sales)
    products: tuple[ProductFigures, ...]  # by name
    to_date: ToDate
    # several tills (booth hub): the other tills' sales are in as of this till's last sync
    booth_as_of: str | None = None

    @property
    def on_hand(self) -> int:
        """Pieces of this partner still at the booth."""
        return self.to_date.stock.on_hand

    @property
    def commission(self) -> int:
        return self.to_date.commission

    @property
    def payout(self) -> int:
        return self.to_date.payout

    def to_json(self) -> dict:
        return {
            "partner": {"code": self.code, "name": self.name, "region": self.region},
            "event": self.event_name,
            "as_of": self.as_of,
            **({"booth_as_of": self.booth_as_of} if self.booth_as_of else {}),
            "today": self.today.to_json(),
            "days": [d.to_json() for d in self.days],
            "products": [p.to_json() for p in self.products],
            "on_hand": self.on_hand,
            "to_date": self.to_date.to_json(),
        }


def _check(session: object) -> PartnerSession:
    if not isinstance(session, PartnerSession):
        raise PermissionDenied(NOT_A_PARTNER)
    return session


def _me(db: Database, session: PartnerSession) -> tuple[str, str, str, Event]:
    """The partner's own code, name, region and the event, in one partner-bound statement."""
    row = first(
        db,
        "SELECT pa.code AS partner_code, pa.name AS partner_name, pa.region AS partner_region, "
        f"{_EVENT_SELECT} FROM partners pa, event e "  # the event table holds one row
        "WHERE pa.id = :partner_id AND pa.code = :code",
        {"partner_id": session.partner_id, "code": session.code},
    )
    if row is None:
        raise AuthError(SESSION_GONE)
    return row["partner_code"], row["partner_name"], row["partner_region"], event_from_row(row)


def _record_days(db: Database, session: PartnerSession) -> tuple[date, date] | None:
    """The days of the partner's first and last stock move or counted line, if any."""
    row = first(
        db,
        "SELECT MIN(day) AS first, MAX(day) AS last FROM ("
        "SELECT m.day AS day FROM stock_moves m "
        "WHERE m.product_id IN (SELECT id FROM products WHERE partner_id = :partner_id) "
        "UNION ALL SELECT s.day FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE l.partner_id = :partner_id)",
        {"partner_id": session.partner_id},
    )
    if not row or not row["first"]:
        return None
    return date.fromisoformat(row["first"]), date.fromisoformat(row["last"])


def _to_date_period(
    db: Database, session: PartnerSession, event: Event, today: date
) -> tuple[date, date, date]:
    """(first, last, sales_from) of the to-date figures (see :func:`dashboard`)."""
    first, last = min(event.first_day, today), today
    span = _record_days(db, session)
    if span is not None:
        first = min(first, span[0])
        # a record dated in the future (a sale rung up with a later --at) counts, as it
        # does in report settlement: nothing of the books may hide from the partner
        if span[1] > clock.fair_day(clock.now(), event.timezone):
            last = max(last, span[1])
    first_sale = db.execute(
        "SELECT MIN(s.day) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE l.partner_id = ?",
        (session.partner_id,),
    ).fetchone()[0]
    sales_starts = [event.first_day, today]
    if first_sale:
        sales_starts.append(date.fromisoformat(first_sale))
    return first, last, min(sales_starts)


def dashboard(
    db: Database,
    session: PartnerSession,
    *,
    today: date | None = None,
    at: datetime | None = None,
    booth_as_of: str | None = None,
) -> PartnerDashboard:
    """The signed-in partner's figures: today, each fair day, each product, to date.

    ``today`` is the fair day shown as "today" and the last day of the
    to-date period (default: the fair day of ``at``, or of now, in the
    event's zone). The to-date period starts at the partner's first record
    (goods are usually received the day before the fair) or the first fair
    day, whichever is earlier, and ends today, or at the partner's last record
    when that is dated after the real today (a sale rung up with a later time).
    Raises :class:`PermissionDenied` for anything but a :class:`PartnerSession`,
    :class:`AuthError` if its partner is gone.
    ``booth_as_of``: with several tills (booth hub), when this till last synced
    (the caller reads it: every statement here is bound to the partner).
    """
    session = _check(session)
    code, name, region, event = _me(db, session)
    moment = clock.moment(at, event.timezone).astimezone(ZoneInfo(event.timezone))
    today = today or clock.fair_day(moment, event.timezone)
    first, last, sales_from = _to_date_period(db, session, event, today)
    own = reports.settle_partner(
        db, session.partner_id, first=first, last=last, event=event, detail=True
    )

    def day_figures(day: date, figures: reports.Figures) -> DayFigures:
        return DayFigures(
            day=day, day_number=event.day_number(day), qty=figures.qty, net=figures.net
        )

    days = tuple(day_figures(line.day, line.figures) for line in own.days)
    today_line = next((d for d in days if d.day == today), day_figures(today, reports.Figures()))
    products = tuple(
        ProductFigures(
            barcode=p.barcode,
            name=p.name,
            price=p.price,
            qty=p.figures.qty,
            net=p.figures.net,
            on_hand=p.stock.on_hand,
        )
        for p in own.products
    )
    to_date = ToDate(
        first=first,
        last=last,
        sales_from=sales_from,
        qty=own.qty,
        gross=own.gross,
        discounts=own.discounts,
        refunds=own.refunds,
        net=own.net,
        rate_bp=own.rate_bp,
        commission=own.commission,
        payout=own.payout,
        stock=own.stock,
    )
    return PartnerDashboard(
        code=code,
        name=name,
        region=region,
        event_name=event.name,
        venue=event.venue,
        timezone=event.timezone,
        as_of=clock.to_iso(moment),
        today=today_line,
        days=days,
        products=products,
        to_date=to_date,
        booth_as_of=booth_as_of,
    )
