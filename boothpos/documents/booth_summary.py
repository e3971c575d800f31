"""The booth summary across all partners: REKAP BOOTH, for the coordinator.

Totals from gross to payouts, charts (sales by day, by payment method, the
top partners), every partner's line (qty, net, commission, payout, stock
left) and the stock totals. Input: a :class:`~boothpos.core.reports.Settlement`
of all partners built with ``detail=True``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from boothpos.core.codes import METHODS
from boothpos.core.formatting import rate_text
from boothpos.core.reports import Settlement
from boothpos.documents import charts
from boothpos.documents.code_names import method_name
from boothpos.documents.layout import (
    CONTENT_WIDTH,
    PageInfo,
    Row,
    SectionStart,
    build_pdf,
    chart_date,
    choose_fonts,
    data_table,
    figures_table,
    heading,
    make_styles,
    pcs,
    printed_text,
    rp,
    save_pdf,
    side_by_side,
    signature_block,
    with_seal,
    wrap_cell,
)
from boothpos.documents.settlement import minus, period_label

TITLE = "REKAP BOOTH — SEMUA MITRA"


def render_booth_summary(settlement: Settlement, *, printed_at: datetime | None = None) -> bytes:
    if not settlement.detail:
        raise ValueError("render_booth_summary needs reports.settle(..., detail=True)")
    event = settlement.event
    fonts = choose_fonts([event.name, event.venue, *(p.name for p in settlement.partners)])
    st = make_styles(fonts)
    story: list = [SectionStart("booth", period_label(settlement))]
    story.append(st.p(TITLE, st.title))
    story.append(st.p(period_label(settlement), st.subtitle))
    story += _summary_section(st, fonts, settlement)
    story += _partners_section(st, settlement)
    story += _stock_section(st, settlement)
    story.append(signature_block(st, [("Koordinator Booth", ""), ("Petugas Booth", "")]))
    info = PageInfo(event, TITLE, with_seal(printed_text(event, printed_at), settlement.chain))
    return build_pdf(story, info=info, fonts=fonts, subject=period_label(settlement))


def _summary_section(st, fonts, settlement: Settlement) -> list:
    """The booth's figures beside charts by day and by method; the top ten partners."""
    totals = settlement.totals
    story: list = [heading(st, "Ringkasan Booth")]
    half = CONTENT_WIDTH * 0.5
    summary = figures_table(
        st,
        [
            Row("Mitra", pcs(len(settlement.partners))),
            Row("Transaksi penjualan", pcs(settlement.transactions)),
            Row("Penjualan dibatalkan (void)", pcs(settlement.voids)),
            Row("Transaksi refund", pcs(settlement.refund_count)),
            Row("Barang terjual (setelah refund)", f"{pcs(totals.qty)} pcs"),
            Row("Penjualan kotor", rp(totals.gross), rule_above=True),
            Row("Diskon", minus(totals.discounts)),
            Row("Pengembalian dana (refund)", minus(totals.refunds)),
            Row("PENJUALAN BERSIH", rp(totals.net), big=True),
            Row("Komisi booth", rp(totals.commission)),
            Row("Dibayarkan ke mitra", rp(totals.payout), strong=True),
        ],
        half - 4 * mm,
    )
    by_day = charts.sales_by_day(
        [(chart_date(d.day), d.figures.net) for d in settlement.by_day],
        fonts,
        width=CONTENT_WIDTH - half,
        height=165,
    )
    methods = charts.by_method(
        [(method_name(m), settlement.by_method.get(m, 0)) for m in METHODS],
        fonts,
        width=CONTENT_WIDTH - half,
        title="Per metode bayar",
    )
    story.append(side_by_side(summary, [by_day, Spacer(1, 3 * mm), methods], half))
    story.append(Spacer(1, 2 * mm))
    story.append(
        charts.top_partners(
            [(p.name, p.net) for p in settlement.partners],
            fonts,
            width=CONTENT_WIDTH,
            title="10 mitra dengan penjualan bersih terbesar",
        )
    )
    return story


def _partners_section(st, settlement: Settlement) -> list:
    """One row per partner: net, rate, commission, payout, stock left."""
    totals = settlement.totals
    story: list = [heading(st, "Per Mitra")]
    rows = [
        [
            p.code,
            wrap_cell(st, p.name),
            pcs(p.qty),
            rp(p.net),
            rate_text(p.rate_bp),
            rp(p.commission),
            rp(p.payout),
            pcs(p.stock.on_hand),
        ]
        for p in settlement.partners
    ]
    widths = [17 * mm, 0, 11 * mm, 25 * mm, 13 * mm, 22 * mm, 25 * mm, 13 * mm]
    widths[1] = CONTENT_WIDTH - sum(widths)
    story.append(
        data_table(
            st,
            ["Kode", "Mitra", "Qty", "Bersih", "Tarif", "Komisi", "Dibayarkan", "Sisa stok"],
            rows,
            widths,
            align="LLRRRRRR",
            total=[
                "",
                "Jumlah",
                pcs(totals.qty),
                rp(totals.net),
                "",
                rp(totals.commission),
                rp(totals.payout),
                pcs(settlement.stock.on_hand),
            ],
            size=8,
        )
    )
    return story


def _stock_section(st, settlement: Settlement) -> list:
    """Every partner's stock together: received, sold, returned, adjusted, left."""
    stock = settlement.stock
    story: list = [heading(st, "Stok Semua Mitra")]
    header = ["Diterima", "Terjual", "Dikembalikan ke mitra", "Penyesuaian", "Sisa di booth"]
    cells = [
        pcs(stock.received),
        pcs(stock.sold),
        pcs(stock.returned),
        f"{stock.adjusted:+d}" if stock.adjusted else "0",
        pcs(stock.on_hand),
    ]
    if not settlement.whole_event:
        header.insert(0, "Stok awal")
        cells.insert(0, pcs(stock.opening))
    story.append(
        data_table(
            st,
            header,
            [cells],
            [CONTENT_WIDTH / len(header)] * len(header),
            align="R" * len(header),
        )
    )
    return story


def save_booth_summary(
    settlement: Settlement, path: str | Path, *, printed_at: datetime | None = None
) -> Path:
    return save_pdf(render_booth_summary(settlement, printed_at=printed_at), path)
