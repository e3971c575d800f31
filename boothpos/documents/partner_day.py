"""A partner's day sheet: LEMBAR HARIAN MITRA — one partner's lines of one fair day.

Every counted line (sales and refunds; voided sales are left out and
counted in a note), the day's summary up to the net, and the stock of each
product at the end of the day, with signature lines. Commission is not on
the day sheet: it is computed once on the final settlement.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from boothpos.core.codes import DayStatus, SaleKind
from boothpos.core.event import Event
from boothpos.core.formatting import clock_time
from boothpos.core.reports import PartnerDaySheet
from boothpos.documents.layout import (
    CONTENT_WIDTH,
    PageInfo,
    Row,
    SectionStart,
    build_pdf,
    choose_fonts,
    data_table,
    figures_table,
    heading,
    info_table,
    long_date,
    make_styles,
    pcs,
    printed_text,
    rp,
    save_pdf,
    signature_block,
    wrap_cell,
)
from boothpos.documents.settlement import minus, stock_table

TITLE = "LEMBAR HARIAN MITRA"


def _status(sheet: PartnerDaySheet) -> str:
    if sheet.status == DayStatus.CLOSED:
        return f"Hari sudah ditutup (Laporan Z-{sheet.z_number}): angka final"
    if sheet.status == DayStatus.OPEN:
        return "Hari masih dibuka: angka sementara"
    return "Hari belum dibuka"


def render_partner_day(
    sheet: PartnerDaySheet, event: Event, *, printed_at: datetime | None = None
) -> bytes:
    partner = sheet.partner
    texts = [event.name, event.venue, partner.name, partner.region]
    texts += [line.name for line in sheet.lines]
    fonts = choose_fonts(texts)
    st = make_styles(fonts)
    day_no = event.day_number(sheet.day)
    day_text = (f"Hari ke-{day_no} · " if day_no else "") + long_date(sheet.day)
    story: list = [SectionStart(partner.code, f"{partner.code} · {day_text}")]
    story.append(st.p(TITLE, st.title))
    story.append(st.p(f"Rekap Penjualan Mitra · {day_text}", st.subtitle))
    story.append(
        info_table(
            st,
            [
                ("Mitra", f"{partner.code} — {partner.name}"),
                *([("Daerah", partner.region)] if partner.region else []),
                ("Status hari", _status(sheet)),
            ],
            CONTENT_WIDTH,
        )
    )
    story += _summary_section(st, sheet)
    story += _lines_section(st, sheet, event)
    story += stock_table(st, partner, with_opening=True)
    story.append(
        signature_block(
            st,
            [("Tanda tangan Mitra", partner.name), ("Petugas Booth", "")],
            place_date=long_date(sheet.day),
        )
    )
    info = PageInfo(event, TITLE, printed_text(event, printed_at))
    return build_pdf(story, info=info, fonts=fonts, subject=f"{partner.code} {sheet.day}")


def _summary_section(st, sheet: PartnerDaySheet) -> list:
    """The partner's figures for the day (commission comes once, at the settlement)."""
    partner = sheet.partner
    story: list = [heading(st, "Ringkasan Hari Ini")]
    story.append(
        figures_table(
            st,
            [
                Row("Barang terjual (setelah refund)", f"{pcs(partner.qty)} pcs"),
                Row("Penjualan kotor", rp(partner.gross), rule_above=True),
                Row("Diskon", minus(partner.discounts)),
                Row("Pengembalian dana (refund)", minus(partner.refunds)),
                Row("PENJUALAN BERSIH HARI INI", rp(partner.net), big=True),
            ],
            CONTENT_WIDTH * 0.55,
        )
    )
    story.append(Spacer(1, 1 * mm))
    story.append(
        st.p(
            "Komisi booth dihitung sekali pada rekap akhir (penyelesaian pembayaran), "
            "bukan per hari.",
            st.note,
        )
    )
    return story


def _lines_section(st, sheet: PartnerDaySheet, event: Event) -> list:
    """Every line sold or refunded that day, by time, with the notes on refunds and voids."""
    partner = sheet.partner
    story: list = [heading(st, "Rincian Transaksi")]
    rows = []
    for line in sheet.lines:
        refund = line.kind == SaleKind.REFUND
        note = f"Refund atas struk {line.refund_of}" if refund else ""
        rows.append(
            [
                clock_time(line.time, event.timezone),
                line.receipt_no,
                wrap_cell(st, line.name, note),
                pcs(line.qty),
                rp(line.unit_price),
                rp(-line.discount) if refund else rp(line.discount),
                rp(line.line_total),
            ]
        )
    if rows:
        widths = [10 * mm, 36 * mm, 0, 10 * mm, 22 * mm, 19 * mm, 24 * mm]
        widths[2] = CONTENT_WIDTH - sum(widths)
        story.append(
            data_table(
                st,
                ["Jam", "No. Struk", "Produk", "Qty", "Harga", "Diskon", "Jumlah"],
                rows,
                widths,
                align="LLLRRRR",
                total=["", "Jumlah", "", pcs(partner.qty), "", "", rp(partner.net)],
                size=8,
            )
        )
    else:
        story.append(st.p("Tidak ada transaksi pada hari ini.", st.note))
    notes = [
        "Baris refund bernilai minus: uang yang dikembalikan kepada pembeli hari ini "
        "(diskonnya ikut dikembalikan sebanding)."
    ]
    if sheet.voided_lines:
        notes.append(
            f"{sheet.voided_lines} baris dari penjualan yang dibatalkan (void) tidak dihitung."
        )
    story.append(Spacer(1, 1.5 * mm))
    story.append(st.p(" ".join(notes), st.note))
    return story


def save_partner_day(
    sheet: PartnerDaySheet, event: Event, path: str | Path, *, printed_at: datetime | None = None
) -> Path:
    return save_pdf(render_partner_day(sheet, event, printed_at=printed_at), path)
