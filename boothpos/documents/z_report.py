"""The end-of-day report: LAPORAN Z of a closed day, LAPORAN X of an open one.

Input: a :class:`~boothpos.core.reports.DayReport` and the event. The X report
has the same content without the count (cash counted / difference are
"belum dihitung"); a close preview says so in its title.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from boothpos.core.checkout import METHODS
from boothpos.core.event import Event
from boothpos.core.qris_match import QrisMatch
from boothpos.core.reports import DayReport
from boothpos.documents import charts
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
    local_time,
    long_date,
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
from boothpos.documents.receipt import method_name


def title_of(report: DayReport) -> str:
    if report.preview:
        return "PRATINJAU LAPORAN Z"
    return "LAPORAN Z" if report.kind == "Z" else "LAPORAN X"


def _status(report: DayReport, event: Event) -> str:
    if report.preview:
        return "Pratinjau tutup hari: belum disimpan, hari masih terbuka"
    if report.status == "closed":
        when = local_time(report.closed_at, event.timezone) if report.closed_at else ""
        who = f" oleh {report.closed_by}" if report.closed_by else ""
        return f"Ditutup {when}{who}".strip()
    if report.status == "open":
        return "Hari masih dibuka: laporan sementara, angka masih bisa bertambah"
    return "Hari belum dibuka: belum ada transaksi"


def _difference_text(difference: int | None) -> tuple[str, str]:
    if difference is None:
        return "belum dihitung", ""
    if difference == 0:
        return rp(0), "pas: kas sesuai catatan"
    if difference > 0:
        return "+" + rp(difference), "kas LEBIH dari yang seharusnya"
    return rp(difference), "kas KURANG dari yang seharusnya"


def render_z_report(
    report: DayReport,
    event: Event,
    *,
    printed_at: datetime | None = None,
    qris: QrisMatch | None = None,
) -> bytes:
    """The Z (or X) report of one fair day as PDF bytes (A4 portrait).

    ``qris``: the day's QRIS history matching, when one was imported (a QRIS section).
    """
    texts = [event.name, event.venue, report.closed_by or ""]
    texts += [p.name for p in report.partners]
    fonts = choose_fonts(texts)
    st = make_styles(fonts)
    title = title_of(report)
    heading_text = (
        f"{title} — Z-{report.z_number}" if report.z_number is not None else f"{title} (sementara)"
    )
    day_no = event.day_number(report.day)
    day_label = f"Hari ke-{day_no} · " if day_no else ""
    story: list = [SectionStart("day", f"{day_label}{long_date(report.day)}")]
    story.append(st.p(heading_text, st.title))
    story.append(st.p(f"{day_label}{long_date(report.day)}", st.subtitle))
    info = [("Status", _status(report, event))]
    if report.earlier_z:
        earlier = ", ".join(f"Z-{z}" for z in report.earlier_z)
        info.append(("Menggantikan", f"{earlier} (hari dibuka kembali oleh admin)"))
    for reason in report.reopen_reasons:
        info.append(("Alasan buka kembali", reason))
    story.append(info_table(st, info, CONTENT_WIDTH))

    half = CONTENT_WIDTH * 0.5
    story.append(heading(st, "Ringkasan Penjualan"))
    summary = figures_table(
        st,
        [
            Row("Jumlah transaksi penjualan", pcs(report.transactions)),
            Row(
                "Penjualan dibatalkan (void)",
                pcs(report.voids),
                note="tidak dihitung dalam angka di bawah",
            ),
            Row("Transaksi pengembalian dana", pcs(report.refund_count)),
            Row("Penjualan kotor", rp(report.gross), rule_above=True),
            Row("Diskon", "-" + rp(report.discounts) if report.discounts else rp(0)),
            Row(
                "Pengembalian dana (refund)",
                "-" + rp(report.refunds) if report.refunds else rp(0),
            ),
            Row("PENJUALAN BERSIH", rp(report.net), big=True),
        ],
        half - 4 * mm,
    )
    methods = [(method_name(m), report.by_method[m]) for m in METHODS]
    chart = charts.by_method(
        methods, fonts, width=CONTENT_WIDTH - half - 2 * mm, title="Per metode bayar"
    )
    story.append(side_by_side(summary, chart, half))

    story.append(heading(st, "Penerimaan per Metode Bayar"))
    rows = [
        [method_name(m) + (" (setelah kembalian dan refund tunai)" if m == "cash" else ""),
         rp(report.by_method[m])]
        for m in METHODS
    ]  # fmt: skip
    story.append(
        data_table(
            st,
            ["Metode", "Jumlah"],
            rows,
            [CONTENT_WIDTH - 45 * mm, 45 * mm],
            align="LR",
            total=["Jumlah (= penjualan bersih)", rp(sum(report.by_method.values()))],
        )
    )

    story.append(heading(st, "Kas di Laci"))
    cash = report.cash
    difference, meaning = _difference_text(cash.difference)
    cash_rows = [
        Row("Modal awal kas (uang kembalian)", rp(cash.opening_float)),
        Row("Tunai bersih hari ini", rp(report.by_method["cash"])),
        Row("Kas seharusnya", rp(cash.expected), strong=True, rule_above=True),
        Row(
            "Kas dihitung",
            rp(cash.counted) if cash.counted is not None else "belum dihitung",
            strong=True,
        ),
        Row("Selisih kas", difference, big=True, note=meaning),
    ]
    cash_table = figures_table(st, cash_rows, half - 4 * mm)
    if cash.denominations:
        denom_rows = [[rp(d), pcs(n), rp(d * n)] for d, n in cash.denominations.items() if n] or [
            ["-", "0", rp(0)]
        ]
        denom_table = data_table(
            st,
            ["Pecahan", "Lembar/keping", "Nilai"],
            denom_rows,
            [28 * mm, 24 * mm, CONTENT_WIDTH - half - 52 * mm],
            align="RRR",
            total=["Jumlah", pcs(sum(cash.denominations.values())), rp(cash.counted or 0)],
        )
        story.append(side_by_side(cash_table, denom_table, half))
    else:
        story.append(cash_table)

    story.append(heading(st, "Penjualan per Mitra"))
    partner_rows = [
        [
            p.code,
            wrap_cell(st, p.name),
            pcs(p.qty),
            rp(p.figures.gross),
            rp(p.figures.discounts),
            rp(p.figures.refunds),
            rp(p.net),
        ]
        for p in report.partners
    ]
    if not partner_rows:
        story.append(st.p("Tidak ada penjualan pada hari ini.", st.note))
    else:
        widths = [18 * mm, 0, 12 * mm, 26 * mm, 22 * mm, 22 * mm, 26 * mm]
        widths[1] = CONTENT_WIDTH - sum(widths)
        story.append(
            data_table(
                st,
                ["Kode", "Mitra", "Qty", "Kotor", "Diskon", "Refund", "Bersih"],
                partner_rows,
                widths,
                align="LLRRRRR",
                total=[
                    "",
                    f"Jumlah {len(partner_rows)} mitra",
                    pcs(sum(p.qty for p in report.partners)),
                    rp(report.gross),
                    rp(report.discounts),
                    rp(report.refunds),
                    rp(report.net),
                ],
            )
        )
    if qris is not None:
        from boothpos.documents.qris_sheet import qris_section

        story += qris_section(st, qris, event, title="QRIS: Pencocokan dengan Riwayat Merchant")
    story.append(Spacer(1, 2 * mm))
    story.append(
        st.p(
            "Qty = barang terjual dikurangi barang yang dananya dikembalikan. Pengembalian dana "
            "dicatat pada hari uang dikembalikan. Penjualan yang dibatalkan tidak dihitung.",
            st.note,
        )
    )
    story.append(
        signature_block(
            st,
            [("Petugas Booth / Kasir", ""), ("Supervisor", report.closed_by or "")],
            place_date=f"{long_date(report.day)}",
        )
    )
    info_page = PageInfo(
        event, heading_text, with_seal(printed_text(event, printed_at), report.chain)
    )
    return build_pdf(story, info=info_page, fonts=fonts, subject=f"{title} {report.day}")


def save_z_report(
    report: DayReport,
    event: Event,
    path: str | Path,
    *,
    printed_at: datetime | None = None,
    qris: QrisMatch | None = None,
) -> Path:
    return save_pdf(render_z_report(report, event, printed_at=printed_at, qris=qris), path)
