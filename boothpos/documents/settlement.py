"""Final settlement per partner: REKAP PENJUALAN MITRA, the sheet a partner signs.

One partner per page(s), each numbered on its own ("Halaman 1 dari 2"), all
partners in one PDF or one partner alone. Each sheet: who the partner is and
where the money goes (bank details, or blank lines to fill in by hand), the
summary from gross to the payout, sales day by day (table and chart), sales
per product, stock received / sold / returned / adjusted / still at the
booth, the rules used, and signature lines for the partner and the booth
officer. Input: a :class:`~boothpos.core.reports.Settlement` built with
``detail=True``.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from boothpos.core.formatting import rate_text
from boothpos.core.reports import PartnerSettlement, ProductLine, Settlement, StockFigures
from boothpos.documents import charts
from boothpos.documents.layout import (
    CONTENT_WIDTH,
    PageInfo,
    Row,
    SectionStart,
    Styles,
    build_pdf,
    chart_date,
    choose_fonts,
    data_table,
    figures_table,
    heading,
    info_table,
    make_styles,
    pcs,
    period_text,
    plain_date,
    printed_text,
    rp,
    save_pdf,
    short_date,
    side_by_side,
    signature_block,
    with_seal,
    wrap_cell,
)

TITLE = "REKAP PENJUALAN MITRA"
NO_BANK = "belum tercatat — isi: Bank ............  No. rek. ..................  a.n. ............"


def minus(amount: int) -> str:
    """A deduction: ``-Rp 5.000``; ``Rp 0`` when there is none; ``+Rp 5.000`` when negative.

    (A commission on a negative net — a period of refunds — is given back.)
    """
    if amount > 0:
        return "-" + rp(amount)
    return "+" + rp(-amount) if amount < 0 else rp(0)


def period_label(settlement: Settlement) -> str:
    """``Periode: 28 Februari – 1 Maret 2024``, or for the whole event its fair days.

    The whole event's records usually start with the stock received on the
    set-up day; that is said after the fair days, not instead of them.
    """
    if not settlement.whole_event:
        return f"Periode: {period_text(settlement.first, settlement.last)}"
    event = settlement.event
    text = f"Seluruh acara: {period_text(event.first_day, event.last_day)}"
    if settlement.first < event.first_day:
        text += f" (stok diterima sejak {plain_date(settlement.first)})"
    if settlement.last > event.last_day:
        text += f" (catatan sampai {plain_date(settlement.last)})"
    return text


def city_of(venue: str) -> str:
    """``Jakarta Convention Center (JCC), Jakarta`` → ``Jakarta``."""
    return venue.rsplit(",", 1)[-1].strip() if venue.strip() else ""


def rate_label(partner: PartnerSettlement) -> str:
    kind = "khusus mitra ini" if partner.rate_is_override else "tarif umum acara"
    return f"{rate_text(partner.rate_bp)} dari penjualan bersih ({kind})"


def partner_info(st: Styles, partner: PartnerSettlement, *, bank: bool = True):
    pairs = [("Mitra", f"{partner.code} — {partner.name}")]
    if partner.region:
        pairs.append(("Daerah", partner.region))
    pairs.append(("Komisi booth", rate_label(partner)))
    if bank:
        pairs.append(("Rekening bank", partner.bank_details.strip() or NO_BANK))
    return info_table(st, pairs, CONTENT_WIDTH)


def summary_rows(partner: PartnerSettlement) -> list[Row]:
    return [
        Row("Barang terjual (setelah refund)", f"{pcs(partner.qty)} pcs"),
        Row("Penjualan kotor", rp(partner.gross), rule_above=True),
        Row("Diskon", minus(partner.discounts)),
        Row("Pengembalian dana (refund)", minus(partner.refunds)),
        Row("Penjualan bersih", rp(partner.net), strong=True, rule_above=True),
        Row(
            f"Komisi booth {rate_text(partner.rate_bp)}",
            minus(partner.commission),
            note=f"{rate_text(partner.rate_bp)} × penjualan bersih, dibulatkan ke rupiah",
        ),
        Row("DIBAYARKAN KE MITRA", rp(partner.payout), big=True),
    ]


def _product_rows(st: Styles, products: tuple[ProductLine, ...]) -> list[list]:
    return [
        [
            wrap_cell(st, p.name),
            rp(p.price),
            pcs(p.figures.qty),
            rp(p.figures.gross),
            rp(p.figures.discounts),
            rp(p.figures.refunds),
            rp(p.figures.net),
        ]
        for p in products
        if p.figures.qty or p.figures.gross or p.figures.refunds
    ]


def sales_tables(st: Styles, partner: PartnerSettlement, *, by_day: bool = True) -> list:
    story: list = []
    money_widths = [10 * mm, 24 * mm, 20 * mm, 20 * mm, 24 * mm]  # qty … net
    if by_day and partner.days:
        story.append(heading(st, "Penjualan per Hari"))
        rows = [
            [
                short_date(d.day),
                pcs(d.figures.qty),
                rp(d.figures.gross),
                rp(d.figures.discounts),
                rp(d.figures.refunds),
                rp(d.figures.net),
            ]
            for d in partner.days
        ]
        widths = [CONTENT_WIDTH - sum(money_widths), *money_widths]
        story.append(
            data_table(
                st,
                ["Tanggal", "Qty", "Kotor", "Diskon", "Refund", "Bersih"],
                rows,
                widths,
                align="LRRRRR",
                total=_total_cells("Jumlah", partner),
            )
        )
    story.append(heading(st, "Penjualan per Produk"))
    rows = _product_rows(st, partner.products)
    if rows:
        widths = [0, 21 * mm, *money_widths]
        widths[0] = CONTENT_WIDTH - sum(widths)
        story.append(
            data_table(
                st,
                ["Produk", "Harga", "Qty", "Kotor", "Diskon", "Refund", "Bersih"],
                rows,
                widths,
                align="LRRRRRR",
                total=["Jumlah", "", *_total_cells("", partner)[1:]],
            )
        )
    else:
        story.append(st.p("Belum ada penjualan pada periode ini.", st.note))
    return story


def _total_cells(label: str, partner: PartnerSettlement) -> list[str]:
    return [
        label,
        pcs(partner.qty),
        rp(partner.gross),
        rp(partner.discounts),
        rp(partner.refunds),
        rp(partner.net),
    ]


def stock_table(st: Styles, partner: PartnerSettlement, *, with_opening: bool) -> list:
    story: list = [heading(st, "Stok Barang di Booth")]
    products = [p for p in partner.products if p.stock != StockFigures() or p.figures.qty]
    if not products:
        story.append(st.p("Tidak ada stok tercatat.", st.note))
        return story
    header = [
        "Produk",
        "Diterima",
        "Terjual",
        "Dikembalikan ke mitra",
        "Penyesuaian",
        "Sisa di booth",
    ]
    widths = [0, 18 * mm, 16 * mm, 26 * mm, 21 * mm, 16 * mm]
    if with_opening:
        header.insert(1, "Stok awal")
        widths.insert(1, 16 * mm)
    widths[0] = CONTENT_WIDTH - sum(widths)

    def cells(s: StockFigures) -> list[str]:
        values = [s.received, s.sold, s.returned, s.adjusted, s.on_hand]
        out = [pcs(v) for v in values]
        out[3] = f"{s.adjusted:+d}" if s.adjusted else "0"
        return [pcs(s.opening), *out] if with_opening else out

    rows = [[wrap_cell(st, p.name), *cells(p.stock)] for p in products]
    story.append(
        data_table(
            st,
            header,
            rows,
            widths,
            align="L" + "R" * (len(header) - 1),
            total=["Jumlah", *cells(partner.stock)],
        )
    )
    formula = (
        "Sisa = stok awal + diterima - terjual - dikembalikan + penyesuaian"
        if with_opening
        else "Sisa = diterima - terjual - dikembalikan ke mitra + penyesuaian"
    )
    story.append(Spacer(1, 1.5 * mm))
    story.append(
        st.p(
            f"{formula}. Terjual = barang yang keluar karena penjualan, setelah pembatalan dan "
            "barang refund yang kembali ke booth. Penyesuaian = koreksi hitungan stok "
            "(+ ditemukan, - hilang/rusak).",
            st.note,
        )
    )
    return story


def partner_story(
    st: Styles, settlement: Settlement, partner: PartnerSettlement, *, printed: date
) -> list:
    """The flowables of one partner's settlement sheet (starting its own page numbering)."""
    fonts = st.fonts
    story: list = [SectionStart(partner.code, f"{partner.code} · {partner.name}")]
    story.append(st.p(TITLE, st.title))
    story.append(st.p(f"Penyelesaian pembayaran · {period_label(settlement)}", st.subtitle))
    story.append(partner_info(st, partner))
    story.append(heading(st, "Ringkasan"))
    half = CONTENT_WIDTH * 0.52
    summary = figures_table(st, summary_rows(partner), half - 4 * mm)
    if len(partner.days) > 1:
        chart = charts.sales_by_day(
            [(chart_date(d.day), d.figures.net) for d in partner.days],
            fonts,
            width=CONTENT_WIDTH - half,
            height=124,
        )
        story.append(side_by_side(summary, chart, half))
    else:
        story.append(summary)
    story += sales_tables(st, partner, by_day=len(partner.days) > 1)
    story += stock_table(st, partner, with_opening=not settlement.whole_event)
    city = city_of(settlement.event.venue)
    story.append(
        signature_block(
            st,
            [("Tanda tangan Mitra", partner.name), ("Petugas Booth", "")],
            statement=(
                f"Mitra menyetujui rekap ini dan jumlah yang dibayarkan sebesar "
                f"{rp(partner.payout)}."
            ),
            place_date=f"{city + ', ' if city else ''}{plain_date(printed)}",
        )
    )
    return story


def render_settlement(settlement: Settlement, *, printed_at: datetime | None = None) -> bytes:
    """Settlement sheets of every partner in ``settlement`` (one, or all) as one PDF."""
    if not settlement.detail:
        raise ValueError("render_settlement needs reports.settle(..., detail=True)")
    event = settlement.event
    texts = [event.name, event.venue]
    for p in settlement.partners:
        texts += [p.name, p.region, p.bank_details, *(x.name for x in p.products)]
    fonts = choose_fonts(texts)
    st = make_styles(fonts)
    printed = with_seal(printed_text(event, printed_at), settlement.chain)
    printed_day = _printed_day(printed_at, event.timezone)
    story: list = []
    for n, partner in enumerate(settlement.partners):
        if n:
            story.append(PageBreak())
        story += partner_story(st, settlement, partner, printed=printed_day)
    if not settlement.partners:
        story.append(st.p("Tidak ada mitra.", st.body))
    info = PageInfo(event, TITLE, printed)
    return build_pdf(story, info=info, fonts=fonts, subject=period_label(settlement))


def _printed_day(printed_at: datetime | None, timezone: str) -> date:
    from zoneinfo import ZoneInfo

    moment = printed_at or datetime.now(ZoneInfo(timezone))
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(timezone))
    return moment.date()


def save_settlement(
    settlement: Settlement, path: str | Path, *, printed_at: datetime | None = None
) -> Path:
    return save_pdf(render_settlement(settlement, printed_at=printed_at), path)
