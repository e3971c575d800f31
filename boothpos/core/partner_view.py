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
- :func:`slip_lines` — the partner's slip for the receipt printer, as lines of
  text made from a dashboard alone (no database): the slip shows exactly the
  figures on the screen. :mod:`boothpos.documents.partner_slip` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from boothpos.core import clock, reports
from boothpos.core.errors import AuthError, Msg, PermissionDenied, language
from boothpos.core.event import EVENT_COLUMNS, Event, event_from_row
from boothpos.core.money import format_number, format_rupiah
from boothpos.core.partner_access import PartnerSession

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
    row = db.execute(
        f"SELECT pa.code, pa.name, pa.region, {_EVENT_SELECT} "
        "FROM partners pa, event e "  # the event table holds one row
        "WHERE pa.id = :partner_id AND pa.code = :code",
        {"partner_id": session.partner_id, "code": session.code},
    ).fetchone()
    if row is None:
        raise AuthError(SESSION_GONE)
    return row[0], row[1], row[2], event_from_row(row[3:])


def _record_days(db: Database, session: PartnerSession) -> tuple[date, date] | None:
    """The days of the partner's first and last stock move or counted line, if any."""
    row = db.execute(
        "SELECT MIN(day), MAX(day) FROM ("
        "SELECT m.day AS day FROM stock_moves m "
        "WHERE m.product_id IN (SELECT id FROM products WHERE partner_id = :partner_id) "
        "UNION ALL SELECT s.day FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE l.partner_id = :partner_id)",
        {"partner_id": session.partner_id},
    ).fetchone()
    if not row or not row[0]:
        return None
    return date.fromisoformat(row[0]), date.fromisoformat(row[1])


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
    own = reports.settle_partner(
        db, session.partner_id, first=first, last=last, event=event, detail=True
    )

    def day_figures(day: date, figures: reports.Figures) -> DayFigures:
        return DayFigures(day, event.day_number(day), figures.qty, figures.net)

    days = tuple(day_figures(line.day, line.figures) for line in own.days)
    today_line = next((d for d in days if d.day == today), day_figures(today, reports.Figures()))
    products = tuple(
        ProductFigures(p.barcode, p.name, p.price, p.figures.qty, p.figures.net, p.stock.on_hand)
        for p in own.products
    )
    to_date = ToDate(
        first=first,
        last=last,
        sales_from=min(sales_starts),
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


# ---------------------------------------------------------------- the slip


@dataclass(frozen=True)
class SlipLine:
    """One line of the partner's slip.

    ``kind``: ``title`` (large, bold, centred), ``center``, ``small`` (small,
    centred when ``center``), ``heading`` (bold), ``item`` (bold text),
    ``pair`` (label left, value right; ``bold``/``indent``), ``total`` (large
    bold pair), ``rule``, ``double_rule``, ``space``, ``note`` (small text).
    """

    kind: str
    text: str = ""
    value: str = ""
    bold: bool = False
    indent: bool = False
    center: bool = False

    @property
    def plain(self) -> str:
        """The line as plain text (for a test, a log, a screen reader)."""
        if self.kind in ("rule", "double_rule"):
            return "-" * 32 if self.kind == "rule" else "=" * 32
        if self.value:
            return f"{'  ' if self.indent else ''}{self.text}  {self.value}"
        return self.text


SLIP: dict[str, Msg] = {
    "title": Msg(id="SLIP PENJUALAN MITRA", en="PARTNER SALES SLIP"),
    "printed": Msg(id="Dicetak", en="Printed"),
    "today": Msg(id="HARI INI · {day}", en="TODAY · {day}"),
    "sold": Msg(id="Terjual", en="Sold"),
    "net": Msg(id="Penjualan bersih", en="Net sales"),
    "per_day": Msg(id="PER HARI PAMERAN", en="BY FAIR DAY"),
    "no_days": Msg(id="Belum ada hari pameran.", en="No fair day yet."),
    "per_product": Msg(id="PER PRODUK (s.d. hari ini)", en="BY PRODUCT (to date)"),
    "no_products": Msg(id="Belum ada produk.", en="No products yet."),
    "product_sold": Msg(id="Terjual {qty} pcs", en="Sold {qty} pcs"),
    "product_stock": Msg(id="Stok di booth", en="Stock at the booth"),
    "stock_total": Msg(id="STOK DI BOOTH", en="STOCK AT THE BOOTH"),
    "to_date": Msg(id="S.D. HARI INI · {period}", en="TO DATE · {period}"),
    "gross": Msg(id="Penjualan kotor", en="Gross sales"),
    "discounts": Msg(id="Diskon", en="Discounts"),
    "refunds": Msg(id="Pengembalian dana", en="Refunds"),
    "commission": Msg(id="Komisi booth ({rate})", en="Booth commission ({rate})"),
    "payout": Msg(id="HAK MITRA", en="DUE TO PARTNER"),
    "provisional": Msg(
        id="Angka sementara s.d. saat dicetak. Pembayaran final mengikuti lembar rekap "
        "akhir yang ditandatangani.",
        en="Provisional figures as printed. The final payment follows the signed final "
        "settlement sheet.",
    ),
    "fair_day": Msg(id="hari ke-{n}", en="day {n}"),
    "pcs": Msg(id="{qty} pcs", en="{qty} pcs"),
}
_DAYS = {
    "id": ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def _count(n: int) -> str:
    return format_number(n) if n >= 0 else "-" + format_number(-n)


def _pcs(n: int, lang: str) -> str:
    return SLIP["pcs"].render(lang, qty=_count(n))


def _minus(amount: int) -> str:
    return format_rupiah(-amount)


def _rate(bp: int) -> str:
    whole, frac = divmod(bp, 100)
    return f"{whole}%" if frac == 0 else f"{whole},{frac:02d}".rstrip("0") + "%"


def _day(day: date, lang: str) -> str:
    return f"{_DAYS[lang][day.weekday()]} {day:%d/%m}"


def _period(first: date, last: date) -> str:
    return f"{first:%d/%m} – {last:%d/%m/%Y}" if first != last else f"{last:%d/%m/%Y}"


def slip_lines(dash: PartnerDashboard, *, lang: str | None = None) -> tuple[SlipLine, ...]:
    """The partner's slip as lines: made from ``dash`` alone, so it shows what the screen shows.

    Bahasa Indonesia unless ``lang`` is ``"en"`` (default: the current
    message language).
    """
    lang = lang if lang in ("id", "en") else language()
    t = {key: msg.render(lang) for key, msg in SLIP.items() if "{" not in msg.id}
    out: list[SlipLine] = [
        SlipLine("title", t["title"]),
        SlipLine("center", dash.event_name),
    ]
    if dash.venue:
        out.append(SlipLine("small", dash.venue, center=True))
    out += [
        SlipLine("rule"),
        SlipLine("item", f"{dash.code} · {dash.name}"),
    ]
    if dash.region:
        out.append(SlipLine("small", dash.region))
    printed = clock.local_text(datetime.fromisoformat(dash.as_of), dash.timezone)
    out += [SlipLine("pair", t["printed"], printed), SlipLine("rule")]

    today = dash.today
    label = _day(today.day, lang)
    if today.day_number:
        label += f" ({SLIP['fair_day'].render(lang, n=today.day_number)})"
    out += [
        SlipLine("heading", SLIP["today"].render(lang, day=label)),
        SlipLine("pair", t["sold"], _pcs(today.qty, lang)),
        SlipLine("pair", t["net"], format_rupiah(today.net), bold=True),
        SlipLine("rule"),
        SlipLine("heading", t["per_day"]),
    ]
    if not dash.days:
        out.append(SlipLine("note", t["no_days"]))
    for d in dash.days:
        name = f"{_day(d.day, lang)} · {_pcs(d.qty, lang)}"
        out.append(SlipLine("pair", name, format_rupiah(d.net), bold=d.day == today.day))
    out += [SlipLine("rule"), SlipLine("heading", t["per_product"])]
    if not dash.products:
        out.append(SlipLine("note", t["no_products"]))
    for n, p in enumerate(dash.products):
        if n:
            out.append(SlipLine("space"))
        out += [
            SlipLine("item", p.name),
            SlipLine("small", f"{p.barcode} · {format_rupiah(p.price)}"),
            SlipLine(
                "pair",
                SLIP["product_sold"].render(lang, qty=_count(p.qty)),
                format_rupiah(p.net),
                indent=True,
            ),
            SlipLine("pair", t["product_stock"], _pcs(p.on_hand, lang), indent=True),
        ]
    todate = dash.to_date
    out += [
        SlipLine("rule"),
        SlipLine("pair", t["stock_total"], _pcs(dash.on_hand, lang), bold=True),
        SlipLine("rule"),
        SlipLine(
            "heading", SLIP["to_date"].render(lang, period=_period(todate.first, todate.last))
        ),
        SlipLine("pair", t["sold"], _pcs(todate.qty, lang)),
        SlipLine("pair", t["gross"], format_rupiah(todate.gross)),
    ]
    if todate.discounts:
        out.append(SlipLine("pair", t["discounts"], _minus(todate.discounts)))
    if todate.refunds:
        out.append(SlipLine("pair", t["refunds"], _minus(todate.refunds)))
    out += [
        SlipLine("pair", t["net"], format_rupiah(todate.net), bold=True),
        SlipLine(
            "pair",
            SLIP["commission"].render(lang, rate=_rate(todate.rate_bp)),
            _minus(todate.commission),
        ),
        SlipLine("double_rule"),
        SlipLine("total", t["payout"], format_rupiah(todate.payout)),
        SlipLine("space"),
        SlipLine("note", t["provisional"]),
    ]
    return tuple(out)


def slip_text(dash: PartnerDashboard, *, lang: str | None = None) -> str:
    """The slip as plain text, one line per :class:`SlipLine` (the CLI's ``partner view``)."""
    return "\n".join(line.plain for line in slip_lines(dash, lang=lang)) + "\n"
