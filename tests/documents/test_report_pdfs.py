"""The A4 reports read back: Z/X report, partner day sheet, settlement, booth summary."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from boothpos.core import days, demo, partner_terms, reports, stock, users
from boothpos.core import db as dbmod
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.core.db import write_transaction
from boothpos.core.demo_sales import simulate_fair
from boothpos.core.event import get_event
from boothpos.core.formatting import rate_text
from boothpos.documents import charts, fonts
from boothpos.documents.booth_summary import render_booth_summary, save_booth_summary
from boothpos.documents.layout import long_date, period_text, rp, short_date
from boothpos.documents.partner_day import render_partner_day
from boothpos.documents.settlement import minus, render_settlement, save_settlement
from boothpos.documents.z_report import render_z_report, save_z_report

WIB = ZoneInfo("Asia/Jakarta")
PRINTED = datetime(2024, 3, 3, 21, 40, tzinfo=WIB)
DAY_1, DAY_2 = date(2024, 2, 28), date(2024, 2, 29)


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return "\n".join(pages(pdf))


def has_raster_images(pdf: bytes) -> bool:
    for page in PdfReader(io.BytesIO(pdf)).pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for ref in getattr(xobjects, "values", lambda: [])():
            if ref.get_object().get("/Subtype") == "/Image":
                return True
    return False


@pytest.fixture
def demo_fair(tmp_path):
    """The demo event with three small days of sales; day 1 and 2 closed; one 10 % partner."""
    db = dbmod.connect(tmp_path / "demo.db", create=True)
    demo.build_demo(db)
    simulate_fair(db, sales_per_day=[14, 16, 12, 0, 0], cash_short={2: 2_000}, refund_every=6)
    admin = users.get_user(db, "admin")
    code = max(reports.settle(db).partners, key=lambda p: (p.refunds > 0, p.net)).code
    partner_terms.set_partner_commission(db, code, 1000, user=admin)
    partner_terms.set_bank_details(db, code, "BNI 0123456789 a.n. Ibu Rahmawati", user=admin)
    yield db, code
    db.close()


# ---------------------------------------------------------------- words and numbers


def test_indonesian_dates_rates_and_short_amounts():
    assert long_date(DAY_1) == "Rabu, 28 Februari 2024"
    assert short_date(date(2024, 3, 3)) == "Min 03/03"
    assert period_text(DAY_1, date(2024, 3, 3)) == "28 Februari – 3 Maret 2024"
    assert period_text(DAY_1, DAY_2) == "28 – 29 Februari 2024"
    assert period_text(DAY_1, DAY_1) == "Rabu, 28 Februari 2024"
    assert [rate_text(bp) for bp in (0, 1000, 1250, 333, 5)] == [
        "0%",
        "10%",
        "12,5%",
        "3,33%",
        "0,05%",
    ]
    assert charts.short_rupiah(12_500_000) == "Rp 12,5 jt"
    assert charts.short_rupiah(652_500) == "Rp 653 rb"
    assert charts.short_rupiah(999_950) == "Rp 1 jt"
    assert charts.short_rupiah(-285_000) == "-Rp 285 rb"
    assert (minus(5_000), minus(0), minus(-8_000)) == ("-Rp 5.000", "Rp 0", "+Rp 8.000")


# ---------------------------------------------------------------- Z / X report


def test_z_report_states_the_day_the_count_and_every_partner(demo_fair):
    db, _ = demo_fair
    report = reports.day_report(db, DAY_2)
    assert report.kind == "Z"

    pdf = render_z_report(report, get_event(db), printed_at=PRINTED)
    text = text_of(pdf)

    assert f"LAPORAN Z — Z-{report.z_number}" in text
    assert "Hari ke-2 · Kamis, 29 Februari 2024" in text
    for amount in (report.gross, report.net, report.cash.expected, report.cash.counted):
        assert rp(amount) in text
    assert "-Rp 2.000" in text and "kas KURANG dari yang seharusnya" in text
    for label in ("Tunai", "QRIS", "Kartu Debit", "Kartu Kredit", "Transfer Bank", "Pecahan"):
        assert label in text
    for p in report.partners:
        assert p.code in text and rp(p.net) in text
    n = len(pages(pdf))
    assert [f"Halaman {i} dari {n}" in page for i, page in enumerate(pages(pdf), 1)] == [True] * n
    assert "Dicetak 03/03/2024 21:40 WIB" in text
    assert not has_raster_images(pdf)  # the chart is vector


def test_x_report_of_an_open_day_says_it_is_provisional(demo_fair):
    db, _ = demo_fair
    text = text_of(render_z_report(reports.day_report(db, date(2024, 3, 3)), get_event(db)))

    assert "LAPORAN X (sementara)" in text
    assert "belum dihitung" in text and "laporan sementara" in text


def test_close_preview_and_a_zero_day(booth):
    days.open_day(booth.db, DAY_1, opening_float=250_000, user_id=booth.supervisor.id)
    preview = days.close_preview(booth.db, DAY_1, denominations={100_000: 2, 50_000: 1})
    text = text_of(render_z_report(preview, get_event(booth.db)))
    assert "PRATINJAU LAPORAN Z — Z-1" in text and "belum disimpan" in text
    assert "Tidak ada penjualan pada hari ini." in text
    assert "Rp 250.000" in text and "pas: kas sesuai catatan" in text


def test_a_reopened_and_reclosed_day_names_the_z_it_replaces(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    days.close_day(booth.db, DAY_1, user=booth.supervisor, counted_cash=0, at=booth.time(1, 21))
    days.reopen_day(booth.db, DAY_1, user=booth.admin, reason="kas belum dihitung ulang")
    z = days.close_day(booth.db, DAY_1, user=booth.supervisor, counted_cash=85_000)

    text = text_of(render_z_report(z, get_event(booth.db)))

    assert "LAPORAN Z — Z-2" in text
    assert "Z-1 (hari dibuka kembali oleh admin)" in text
    assert "kas belum dihitung ulang" in text


# ---------------------------------------------------------------- partner day sheet


def test_partner_day_sheet_lists_the_partners_lines(demo_fair):
    db, code = demo_fair
    day = next(
        d.day
        for d in reports.settle(db, partner=code, detail=True).partners[0].days
        if d.figures.qty
    )
    sheet = reports.partner_day(db, day, code)

    text = text_of(render_partner_day(sheet, get_event(db), printed_at=PRINTED))

    assert "LEMBAR HARIAN MITRA" in text and f"{code} —" in text
    assert long_date(day) in text
    for line in sheet.lines:
        assert line.receipt_no in text and rp(line.line_total) in text
    assert rp(sheet.partner.net) in text
    assert "Tanda tangan Mitra" in text and "Petugas Booth" in text
    assert "Komisi booth dihitung sekali pada rekap akhir" in text


# ---------------------------------------------------------------- settlement


def test_settlement_sheet_of_one_partner(demo_fair):
    db, code = demo_fair
    settlement = reports.settle(db, partner=code, detail=True)
    (p,) = settlement.partners

    pdf = render_settlement(settlement, printed_at=PRINTED)
    text = text_of(pdf)

    assert "REKAP PENJUALAN MITRA" in text
    assert "Seluruh acara: 28 Februari – 3 Maret 2024" in text
    assert "10% dari penjualan bersih (khusus mitra ini)" in text
    assert "BNI 0123456789 a.n. Ibu Rahmawati" in text
    for amount in (p.gross, p.net):
        assert rp(amount) in text
    assert minus(p.commission) in text and minus(p.refunds) in text
    assert f"DIBAYARKAN KE MITRA {rp(p.payout)}" in re.sub(r"\s+", " ", text)
    assert f"sebesar {rp(p.payout)}." in text
    assert "Tanda tangan Mitra" in text and "Petugas Booth" in text
    assert "Jakarta, 3 Maret 2024" in text
    for label in ("Diterima", "Terjual", "Dikembalikan ke", "Penyesuaian", "Sisa"):
        assert label in text
    assert not has_raster_images(pdf)


def test_settlement_without_bank_details_leaves_lines_to_fill(demo_fair):
    db, code = demo_fair
    other = next(p.code for p in reports.settle(db).partners if p.code != code)
    text = text_of(render_settlement(reports.settle(db, partner=other, detail=True)))
    assert "belum tercatat" in text and "tarif umum acara" in text


def test_each_partner_is_numbered_on_its_own(booth):
    """A partner with many products runs over two pages: 1 dari 2, 2 dari 2; the next: 1 dari 1."""
    partner_id = booth.product["kopi"].partner.id
    with write_transaction(booth.db):
        for n in range(45):
            pid = booth.db.execute(
                "INSERT INTO products (barcode, name, partner_id, price, created_at) "
                "VALUES (?, ?, ?, ?, '2024-02-27T10:00:00+07:00')",
                (f"29{n:011d}", f"Kopi Gayo Varian Nomor {n:02d} Kemasan Hadiah", partner_id, 1000),
            ).lastrowid
            stock.record_moves(
                booth.db, "intake", [(pid, 5)], at=booth.time(0, 16), day="2024-02-27"
            )
            checkout(booth.db, [CartLine(pid, 1)], [Tender("cash")], cashier=booth.kasir,
                     at=booth.time(1, 10, n))  # fmt: skip

    texts = pages(render_settlement(reports.settle(booth.db, detail=True)))

    numbering = [re.search(r"Halaman (\d+) dari (\d+)", t).groups() for t in texts]
    heads = [re.search(r"(ACH01|AMB01|JPR01|NTT01) ·", t).group(1) for t in texts]
    kopi = [numbering[i] for i, h in enumerate(heads) if h == "ACH01"]
    assert len(kopi) >= 2
    assert kopi == [(str(i), str(len(kopi))) for i in range(1, len(kopi) + 1)]
    assert [numbering[i] for i, h in enumerate(heads) if h == "NTT01"] == [("1", "1")]
    assert sorted(set(heads)) == ["ACH01", "AMB01", "JPR01", "NTT01"]
    assert "Tanda tangan Mitra" in texts[heads.index("ACH01") + len(kopi) - 1]


def test_all_partners_in_one_pdf_and_files_written(demo_fair, tmp_path):
    db, _ = demo_fair
    settlement = reports.settle(db, detail=True)

    path = save_settlement(settlement, tmp_path / "out" / "rekap.pdf", printed_at=PRINTED)

    texts = pages(path.read_bytes())
    assert len(texts) >= 51
    assert sum("Halaman 1 dari" in t for t in texts) == 51
    document = pdfium.PdfDocument(path)
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (595, 842)  # A4 portrait, in points
    bitmap = document[0].render(scale=0.5).to_pil()
    assert bitmap.getextrema() != ((255, 255), (255, 255), (255, 255))  # something is drawn
    document.close()


def test_booth_summary_has_totals_charts_and_every_partner(demo_fair, tmp_path):
    db, _ = demo_fair
    settlement = reports.settle(db, detail=True)

    path = save_booth_summary(settlement, tmp_path / "booth.pdf", printed_at=PRINTED)
    pdf = path.read_bytes()
    text = text_of(pdf)

    assert "REKAP BOOTH — SEMUA MITRA" in text
    totals = settlement.totals
    for amount in (totals.gross, totals.net, totals.commission, totals.payout):
        assert rp(amount) in text
    for p in settlement.partners:
        assert p.code in text
    assert "10 mitra dengan penjualan bersih terbesar" in text
    assert "Penjualan bersih per hari" in text and "Per metode bayar" in text
    assert not has_raster_images(pdf)


def test_documents_need_the_detailed_settlement(demo_fair):
    db, _ = demo_fair
    with pytest.raises(ValueError):
        render_settlement(reports.settle(db))
    with pytest.raises(ValueError):
        render_booth_summary(reports.settle(db))


def test_names_outside_windows_1252_use_an_embedded_font(booth, tmp_path):
    if fonts.truetype_fonts() is None:
        pytest.skip("no TrueType font on this machine")
    booth.db.execute("UPDATE partners SET name = 'Tenun Ikat Sikka Ṭāna' WHERE code = 'NTT01'")
    booth.sell("tenun", at=booth.time(1, 10))

    pdf = render_settlement(reports.settle(booth.db, partner="NTT01", detail=True))
    assert "Tenun Ikat Sikka Ṭāna" in text_of(pdf)
    z = save_z_report(reports.day_report(booth.db, DAY_1), get_event(booth.db), tmp_path / "z.pdf")
    assert "Ṭāna" in text_of(z.read_bytes())


def test_z_report_in_english_when_the_ui_is_english(demo_fair):
    db, _ = demo_fair
    report = reports.day_report(db, DAY_2)
    pdf = render_z_report(report, get_event(db), printed_at=PRINTED, lang="en")
    text = text_of(pdf)
    assert f"Z REPORT — Z-{report.z_number}" in text
    assert "Fair day 2 · Thursday, 29 February 2024" in text
    for label in ("Sales Summary", "Cash in the Drawer", "Sales by Partner", "NET SALES"):
        assert label in text
    for label in ("Cash", "Debit card", "Credit card", "Bank transfer", "Note / coin"):
        assert label in text
    assert "cash is SHORT of what it should be" in text
    n = len(pages(pdf))
    assert [f"Page {i} of {n}" in page for i, page in enumerate(pages(pdf), 1)] == [True] * n
    assert "Printed 03/03/2024 21:40 WIB" in text
    for indonesian in ("LAPORAN", "Ringkasan", "Halaman", "Dicetak", "Tunai", "Pecahan"):
        assert indonesian not in text
    assert rp(report.net) in text
