"""The end-of-day report: LAPORAN Z of a closed day, LAPORAN X of an open one.

In the language asked for (``lang``: ``id`` or ``en``, the app's UI language).

Input: a :class:`~boothpos.core.reports.DayReport` and the event. The X report
has the same content without the count (cash counted / difference are
"belum dihitung"); a close preview says so in its title.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from boothpos.core.codes import METHODS, DayStatus, Method
from boothpos.core.errors import Msg
from boothpos.core.event import Event
from boothpos.core.formatting import local_time
from boothpos.core.qris_match import QrisMatch
from boothpos.core.reports import DayReport
from boothpos.documents import charts
from boothpos.documents.code_names import method_name
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
    side_by_side,
    signature_block,
    with_seal,
    wrap_cell,
)

# Every text of the report, in Indonesian and English.
T: dict[str, Msg] = {
    "preview": Msg(id="PRATINJAU LAPORAN Z", en="Z REPORT PREVIEW"),
    "z": Msg(id="LAPORAN Z", en="Z REPORT"),
    "x": Msg(id="LAPORAN X", en="X REPORT"),
    "provisional": Msg(id="{title} (sementara)", en="{title} (provisional)"),
    "status_preview": Msg(
        id="Pratinjau tutup hari: belum disimpan, hari masih terbuka",
        en="Close-of-day preview: not saved yet, the day is still open",
    ),
    "closed": Msg(id="Ditutup {when}", en="Closed {when}"),
    "closed_by": Msg(id="Ditutup {when} oleh {who}", en="Closed {when} by {who}"),
    "status_open": Msg(
        id="Hari masih dibuka: laporan sementara, angka masih bisa bertambah",
        en="The day is still open: a provisional report, the figures may still grow",
    ),
    "status_none": Msg(
        id="Hari belum dibuka: belum ada transaksi", en="The day is not open: no transactions yet"
    ),
    "not_counted": Msg(id="belum dihitung", en="not counted yet"),
    "even": Msg(id="pas: kas sesuai catatan", en="even: the cash matches the books"),
    "over": Msg(id="kas LEBIH dari yang seharusnya", en="cash is OVER what it should be"),
    "short": Msg(id="kas KURANG dari yang seharusnya", en="cash is SHORT of what it should be"),
    "day_no": Msg(id="Hari ke-{n} · ", en="Fair day {n} · "),
    "status": Msg(id="Status", en="Status"),
    "replaces": Msg(id="Menggantikan", en="Replaces"),
    "replaces_text": Msg(
        id="{earlier} (hari dibuka kembali oleh admin)",
        en="{earlier} (the day was reopened by an administrator)",
    ),
    "reopen_reason": Msg(id="Alasan buka kembali", en="Reason for reopening"),
    "summary": Msg(id="Ringkasan Penjualan", en="Sales Summary"),
    "transactions": Msg(id="Jumlah transaksi penjualan", en="Sales transactions"),
    "voids": Msg(id="Penjualan dibatalkan (void)", en="Voided sales"),
    "voids_note": Msg(
        id="tidak dihitung dalam angka di bawah", en="not counted in the figures below"
    ),
    "refund_count": Msg(id="Transaksi pengembalian dana", en="Refund transactions"),
    "gross": Msg(id="Penjualan kotor", en="Gross sales"),
    "discounts": Msg(id="Diskon", en="Discounts"),
    "refunds": Msg(id="Pengembalian dana (refund)", en="Refunds"),
    "net": Msg(id="PENJUALAN BERSIH", en="NET SALES"),
    "per_method": Msg(id="Per metode bayar", en="By payment method"),
    "methods": Msg(id="Penerimaan per Metode Bayar", en="Takings by Payment Method"),
    "cash_note": Msg(
        id=" (setelah kembalian dan refund tunai)", en=" (after change and cash refunds)"
    ),
    "method": Msg(id="Metode", en="Method"),
    "amount": Msg(id="Jumlah", en="Amount"),
    "methods_total": Msg(id="Jumlah (= penjualan bersih)", en="Total (= net sales)"),
    "drawer": Msg(id="Kas di Laci", en="Cash in the Drawer"),
    "drawer_of": Msg(id=" (kasir {till})", en=" (till {till})"),
    "float": Msg(id="Modal awal kas (uang kembalian)", en="Opening float (change money)"),
    "cash_today": Msg(id="Tunai bersih hari ini", en="Net cash today"),
    "expected": Msg(id="Kas seharusnya", en="Cash expected"),
    "counted": Msg(id="Kas dihitung", en="Cash counted"),
    "difference": Msg(id="Selisih kas", en="Cash difference"),
    "denomination": Msg(id="Pecahan", en="Note / coin"),
    "pieces": Msg(id="Lembar/keping", en="Pieces"),
    "value": Msg(id="Nilai", en="Value"),
    "total": Msg(id="Jumlah", en="Total"),
    "tills": Msg(id="Kas per Kasir (laci masing-masing)", en="Cash per Till (each its own drawer)"),
    "till": Msg(id="Kasir", en="Till"),
    "z_col": Msg(id="Laporan Z", en="Z report"),
    "col_float": Msg(id="Modal awal", en="Opening float"),
    "col_cash": Msg(id="Tunai bersih", en="Net cash"),
    "col_expected": Msg(id="Seharusnya", en="Expected"),
    "col_counted": Msg(id="Dihitung", en="Counted"),
    "col_difference": Msg(id="Selisih", en="Difference"),
    "till_open": Msg(id="belum tutup", en="not closed"),
    "tills_note": Msg(
        id="Angka penjualan di atas mencakup semua kasir booth; kas dihitung per laci. "
        "Kasir lain: per sinkronisasi terakhir.",
        en="The sales figures above cover every till of the booth; cash is counted per "
        "drawer. Other tills: as of the last sync.",
    ),
    "partners": Msg(id="Penjualan per Mitra", en="Sales by Partner"),
    "no_sales": Msg(id="Tidak ada penjualan pada hari ini.", en="No sales on this day."),
    "code": Msg(id="Kode", en="Code"),
    "partner": Msg(id="Mitra", en="Partner"),
    "qty": Msg(id="Qty", en="Qty"),
    "col_gross": Msg(id="Kotor", en="Gross"),
    "col_discount": Msg(id="Diskon", en="Discount"),
    "col_refund": Msg(id="Refund", en="Refund"),
    "col_net": Msg(id="Bersih", en="Net"),
    "n_partners": Msg(id="Jumlah {n} mitra", en="{n} partners"),
    "n_partner": Msg(id="Jumlah {n} mitra", en="{n} partner"),
    "qty_note": Msg(
        id="Qty = barang terjual dikurangi barang yang dananya dikembalikan. Pengembalian dana "
        "dicatat pada hari uang dikembalikan. Penjualan yang dibatalkan tidak dihitung.",
        en="Qty = items sold less items refunded. A refund counts on the day the money was "
        "paid back. Voided sales are not counted.",
    ),
    "cashier": Msg(id="Petugas Booth / Kasir", en="Booth attendant / Cashier"),
    "supervisor": Msg(id="Supervisor", en="Supervisor"),
}


def _t(key: str, lang: str, **values: object) -> str:
    return T[key].render(lang, **values)


def title_of(report: DayReport, lang: str = "id") -> str:
    if report.preview:
        return _t("preview", lang)
    return _t("z", lang) if report.kind == "Z" else _t("x", lang)


def _status(report: DayReport, event: Event, lang: str) -> str:
    if report.preview:
        return _t("status_preview", lang)
    if report.status == DayStatus.CLOSED:
        when = local_time(report.closed_at, event.timezone) if report.closed_at else ""
        if report.closed_by:
            return _t("closed_by", lang, when=when, who=report.closed_by).strip()
        return _t("closed", lang, when=when).strip()
    if report.status == DayStatus.OPEN:
        return _t("status_open", lang)
    return _t("status_none", lang)


def _difference_text(difference: int | None, lang: str) -> tuple[str, str]:
    if difference is None:
        return _t("not_counted", lang), ""
    if difference == 0:
        return rp(0), _t("even", lang)
    if difference > 0:
        return "+" + rp(difference), _t("over", lang)
    return rp(difference), _t("short", lang)


def render_z_report(
    report: DayReport,
    event: Event,
    *,
    printed_at: datetime | None = None,
    qris: QrisMatch | None = None,
    lang: str = "id",
) -> bytes:
    """The Z (or X) report of one fair day as PDF bytes (A4 portrait), in ``lang``.

    ``qris``: the day's QRIS history matching, when one was imported (a QRIS section).
    """
    texts = [event.name, event.venue, report.closed_by or ""]
    texts += [p.name for p in report.partners]
    fonts = choose_fonts(texts)
    st = make_styles(fonts)
    title = title_of(report, lang)
    heading_text = (
        f"{title} — Z-{report.z_number}"
        if report.z_number is not None
        else _t("provisional", lang, title=title)
    )
    shown_day = long_date(report.day, lang)
    story = _opening(st, report, event, heading_text, shown_day, lang)
    story += _summary_section(st, fonts, report, lang)
    story += _methods_section(st, report, lang)
    story += _cash_section(st, report, event, lang)
    if report.tills:
        story += _till_section(st, report, lang)
    story += _partners_section(st, report, lang)
    if qris is not None:
        from boothpos.documents.qris_sheet import qris_section

        story += qris_section(st, qris, event, title="QRIS: Pencocokan dengan Riwayat Merchant")
    story.append(Spacer(1, 2 * mm))
    story.append(st.p(_t("qty_note", lang), st.note))
    story.append(
        signature_block(
            st,
            [(_t("cashier", lang), ""), (_t("supervisor", lang), report.closed_by or "")],
            place_date=shown_day,
            lang=lang,
        )
    )
    info_page = PageInfo(
        event,
        heading_text,
        with_seal(printed_text(event, printed_at), report.chain, lang),
        lang=lang,
    )
    return build_pdf(story, info=info_page, fonts=fonts, subject=f"{title} {report.day}")


_HALF = CONTENT_WIDTH * 0.5  # the left column of two side by side


def _opening(
    st, report: DayReport, event: Event, heading_text: str, shown_day: str, lang: str
) -> list:
    """The title, the day, and its status (with any earlier Z and reopen reasons)."""
    day_no = event.day_number(report.day)
    day_label = _t("day_no", lang, n=day_no) if day_no else ""
    story: list = [SectionStart("day", f"{day_label}{shown_day}")]
    story.append(st.p(heading_text, st.title))
    story.append(st.p(f"{day_label}{shown_day}", st.subtitle))
    info = [(_t("status", lang), _status(report, event, lang))]
    if report.earlier_z:
        earlier = ", ".join(f"Z-{z}" for z in report.earlier_z)
        info.append((_t("replaces", lang), _t("replaces_text", lang, earlier=earlier)))
    for reason in report.reopen_reasons:
        info.append((_t("reopen_reason", lang), reason))
    story.append(info_table(st, info, CONTENT_WIDTH))
    return story


def _summary_section(st, fonts, report: DayReport, lang: str) -> list:
    """Transactions and the sales figures, beside a chart of the payment methods."""
    half = _HALF
    story: list = [heading(st, _t("summary", lang))]
    summary = figures_table(
        st,
        [
            Row(_t("transactions", lang), pcs(report.transactions)),
            Row(_t("voids", lang), pcs(report.voids), note=_t("voids_note", lang)),
            Row(_t("refund_count", lang), pcs(report.refund_count)),
            Row(_t("gross", lang), rp(report.gross), rule_above=True),
            Row(_t("discounts", lang), "-" + rp(report.discounts) if report.discounts else rp(0)),
            Row(_t("refunds", lang), "-" + rp(report.refunds) if report.refunds else rp(0)),
            Row(_t("net", lang), rp(report.net), big=True),
        ],
        half - 4 * mm,
    )
    methods = [(method_name(m, lang), report.by_method[m]) for m in METHODS]
    chart = charts.by_method(
        methods, fonts, width=CONTENT_WIDTH - half - 2 * mm, title=_t("per_method", lang)
    )
    story.append(side_by_side(summary, chart, half))
    return story


def _methods_section(st, report: DayReport, lang: str) -> list:
    """What each payment method took toward sales (cash net of change)."""
    story: list = [heading(st, _t("methods", lang))]
    rows = [
        [method_name(m, lang) + (_t("cash_note", lang) if m == Method.CASH else ""),
         rp(report.by_method[m])]
        for m in METHODS
    ]  # fmt: skip
    story.append(
        data_table(
            st,
            [_t("method", lang), _t("amount", lang)],
            rows,
            [CONTENT_WIDTH - 45 * mm, 45 * mm],
            align="LR",
            total=[_t("methods_total", lang), rp(sum(report.by_method.values()))],
        )
    )
    return story


def _cash_section(st, report: DayReport, event: Event, lang: str) -> list:
    """This till's drawer: float, expected, counted, the difference and the notes counted."""
    half = _HALF
    own_till = event.till_code if report.tills else None
    drawer = _t("drawer", lang) + (_t("drawer_of", lang, till=own_till) if own_till else "")
    story: list = [heading(st, drawer)]
    cash = report.cash
    difference, meaning = _difference_text(cash.difference, lang)
    cash_rows = [
        Row(_t("float", lang), rp(cash.opening_float)),
        Row(_t("cash_today", lang), rp(cash.expected - cash.opening_float)),
        Row(_t("expected", lang), rp(cash.expected), strong=True, rule_above=True),
        Row(
            _t("counted", lang),
            rp(cash.counted) if cash.counted is not None else _t("not_counted", lang),
            strong=True,
        ),
        Row(_t("difference", lang), difference, big=True, note=meaning),
    ]
    cash_table = figures_table(st, cash_rows, half - 4 * mm)
    if cash.denominations:
        denom_rows = [[rp(d), pcs(n), rp(d * n)] for d, n in cash.denominations.items() if n] or [
            ["-", "0", rp(0)]
        ]
        denom_table = data_table(
            st,
            [_t("denomination", lang), _t("pieces", lang), _t("value", lang)],
            denom_rows,
            [28 * mm, 24 * mm, CONTENT_WIDTH - half - 52 * mm],
            align="RRR",
            total=[
                _t("total", lang),
                pcs(sum(cash.denominations.values())),
                rp(cash.counted or 0),
            ],
        )
        story.append(side_by_side(cash_table, denom_table, half))
    else:
        story.append(cash_table)
    return story


def _partners_section(st, report: DayReport, lang: str) -> list:
    """Each partner's quantity and figures for the day, with the booth's totals."""
    story: list = [heading(st, _t("partners", lang))]
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
        story.append(st.p(_t("no_sales", lang), st.note))
    else:
        widths = [18 * mm, 0, 12 * mm, 26 * mm, 22 * mm, 22 * mm, 26 * mm]
        widths[1] = CONTENT_WIDTH - sum(widths)
        story.append(
            data_table(
                st,
                [
                    _t(key, lang)
                    for key in (
                        "code",
                        "partner",
                        "qty",
                        "col_gross",
                        "col_discount",
                        "col_refund",
                        "col_net",
                    )
                ],  # fmt: skip
                partner_rows,
                widths,
                align="LLRRRRR",
                total=[
                    "",
                    _t(
                        "n_partner" if len(partner_rows) == 1 else "n_partners",
                        lang,
                        n=len(partner_rows),
                    ),
                    pcs(sum(p.qty for p in report.partners)),
                    rp(report.gross),
                    rp(report.discounts),
                    rp(report.refunds),
                    rp(report.net),
                ],
            )
        )
    return story


def _till_section(st, report: DayReport, lang: str) -> list:
    """Each till's drawer (several tills, the booth hub): float, cash, expected, counted, Z."""
    rows = []
    for t in report.tills:
        difference = "" if t.difference is None else _difference_text(t.difference, lang)[0]
        expected = t.expected  # an open drawer: what it should hold now
        if expected is None and t.opening_float is not None:
            expected = t.opening_float + t.cash
        rows.append(
            [
                t.till,
                f"Z-{t.z_number}" if t.z_number is not None else _t("till_open", lang),
                rp(t.opening_float) if t.opening_float is not None else "-",
                rp(t.cash),
                rp(expected) if expected is not None else "-",
                rp(t.counted) if t.counted is not None else _t("not_counted", lang),
                difference or "-",
            ]
        )
    widths = [16 * mm, 22 * mm, 0, 26 * mm, 26 * mm, 26 * mm, 24 * mm]
    widths[2] = CONTENT_WIDTH - sum(widths)
    header = [
        _t(key, lang)
        for key in (
            "till", "z_col", "col_float", "col_cash", "col_expected", "col_counted",
            "col_difference",
        )
    ]  # fmt: skip
    return [
        heading(st, _t("tills", lang)),
        data_table(st, header, rows, widths, align="LLRRRRR"),
        st.p(_t("tills_note", lang), st.note),
    ]


def save_z_report(
    report: DayReport,
    event: Event,
    path: str | Path,
    *,
    printed_at: datetime | None = None,
    qris: QrisMatch | None = None,
    lang: str = "id",
) -> Path:
    return save_pdf(
        render_z_report(report, event, printed_at=printed_at, qris=qris, lang=lang), path
    )
