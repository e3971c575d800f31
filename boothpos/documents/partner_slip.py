"""The partner's slip: their own figures on the receipt printer (58 or 80 mm roll).

Printed from the partner screen ("Cetak slip"): exactly the lines of
:func:`slip_lines` for the dashboard on the screen
(:func:`boothpos.core.partner_view.dashboard`, which holds the figures; the
slip only says them) — today, each fair day, each product with its stock at the booth,
the stock in total, and commission and payout to date — laid out with the
receipt's own line layout (:mod:`boothpos.documents.receipt`): one page as
wide as the roll and as tall as the content, text wrapped, never clipped.
Nothing on it is of another partner: it is made from the dashboard alone.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from boothpos.core import clock
from boothpos.core.errors import Msg, language
from boothpos.core.formatting import day_month_text, rate_text, slash_date
from boothpos.core.money import format_number, format_rupiah
from boothpos.core.partner_view import PartnerDashboard
from boothpos.documents.fonts import fonts_for
from boothpos.documents.pdf_files import write_pdf
from boothpos.documents.receipt import (
    BOTTOM_MARGIN,
    INDENT,
    TOP_MARGIN,
    Layout,
    draw,
    paper_for,
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


def _day(day: date, lang: str) -> str:
    return f"{_DAYS[lang][day.weekday()]} {day_month_text(day)}"


def _period(first: date, last: date) -> str:
    if first == last:
        return slash_date(last)
    return f"{day_month_text(first)} – {slash_date(last)}"


def slip_lines(dash: PartnerDashboard, *, lang: str | None = None) -> tuple[SlipLine, ...]:
    """The partner's slip as lines: made from ``dash`` alone, so it shows what the screen shows.

    Bahasa Indonesia unless ``lang`` is ``"en"`` (default: the current
    message language).
    """
    lang = lang if lang in ("id", "en") else language()
    t = {key: msg.render(lang) for key, msg in SLIP.items() if "{" not in msg.id}
    return (
        *_header(dash, t),
        *_today(dash, t, lang),
        *_by_product(dash, t, lang),
        *_to_date(dash, t, lang),
    )


def _header(dash: PartnerDashboard, t: dict[str, str]) -> list[SlipLine]:
    """Title, event, the partner, when it was printed."""
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
    return [*out, SlipLine("pair", t["printed"], printed), SlipLine("rule")]


def _today(dash: PartnerDashboard, t: dict[str, str], lang: str) -> list[SlipLine]:
    """Today's pieces and net, then each fair day's (today's in bold)."""
    today = dash.today
    label = _day(today.day, lang)
    if today.day_number:
        label += f" ({SLIP['fair_day'].render(lang, n=today.day_number)})"
    out = [
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
    return out


def _by_product(dash: PartnerDashboard, t: dict[str, str], lang: str) -> list[SlipLine]:
    """Each product: sold and net to date, and its stock at the booth."""
    out = [SlipLine("rule"), SlipLine("heading", t["per_product"])]
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
    return out


def _to_date(dash: PartnerDashboard, t: dict[str, str], lang: str) -> list[SlipLine]:
    """The stock at the booth, then the period to date down to what is due to the partner."""
    todate = dash.to_date
    out = [
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
    return [
        *out,
        SlipLine("pair", t["net"], format_rupiah(todate.net), bold=True),
        SlipLine(
            "pair",
            SLIP["commission"].render(lang, rate=rate_text(todate.rate_bp)),
            _minus(todate.commission),
        ),
        SlipLine("double_rule"),
        SlipLine("total", t["payout"], format_rupiah(todate.payout)),
        SlipLine("space"),
        SlipLine("note", t["provisional"]),
    ]


def slip_text(dash: PartnerDashboard, *, lang: str | None = None) -> str:
    """The slip as plain text, one line per :class:`SlipLine` (the CLI's ``partner view``)."""
    return "\n".join(line.plain for line in slip_lines(dash, lang=lang)) + "\n"


# ---------------------------------------------------------------- the slip on paper


def layout_slip(lines: tuple[SlipLine, ...], width_mm: int = 80) -> Layout:
    """The slip's lines wrapped to the roll's printable width."""
    paper = paper_for(width_mm)
    texts = [text for line in lines for text in (line.text, line.value)]
    lay = Layout(paper, fonts_for(texts))
    for line in lines:
        kind = line.kind
        if kind == "title":
            lay.text(line.text, paper.title, bold=True, align="center")
        elif kind == "center":
            lay.text(line.text, bold=True, align="center")
        elif kind == "small":
            lay.text(line.text, paper.small, align="center" if line.center else "left")
        elif kind == "heading":
            lay.space(2)
            lay.text(line.text, bold=True)
        elif kind == "item":
            lay.text(line.text, bold=True)
        elif kind == "pair":
            lay.pair(line.text, line.value, bold=line.bold, indent=INDENT if line.indent else 0)
        elif kind == "total":
            lay.pair(line.text, line.value, paper.total, bold=True)
        elif kind == "rule":
            lay.rule()
        elif kind == "double_rule":
            lay.rule(double=True)
        elif kind == "space":
            lay.space(3)
        elif kind == "note":
            lay.text(line.text, paper.small)
        else:
            raise ValueError(f"unknown slip line kind {kind!r}")
    return lay


def render_partner_slip(
    dash: PartnerDashboard, *, width_mm: int = 80, lang: str | None = None
) -> bytes:
    """The slip of ``dash`` as PDF bytes: one page ``width_mm`` wide, as tall as needed."""
    lay = layout_slip(slip_lines(dash, lang=lang), width_mm)
    height = TOP_MARGIN + lay.height + BOTTOM_MARGIN
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(lay.paper.width, height), invariant=1, pageCompression=1)
    c.setTitle(f"Slip mitra {dash.code}")
    c.setAuthor(dash.event_name)
    c.setCreator("boothpos")
    draw(c, lay, height - TOP_MARGIN)
    c.showPage()
    c.save()
    return buffer.getvalue()


def slip_filename(dash: PartnerDashboard) -> str:
    """``slip-TKN001-20240301-1430.pdf``."""
    moment = datetime.fromisoformat(dash.as_of)
    return f"slip-{dash.code}-{moment:%Y%m%d-%H%M}.pdf"


def save_partner_slip(
    dash: PartnerDashboard, path: str | Path, *, width_mm: int = 80, lang: str | None = None
) -> Path:
    """Render the slip and write it atomically to ``path`` (a folder: named by
    :func:`slip_filename`); returns the path."""
    target = Path(path)
    if target.is_dir():
        target = target / slip_filename(dash)
    return write_pdf(target, render_partner_slip(dash, width_mm=width_mm, lang=lang))
