"""Receipts rendered from a real event database, read back from the PDF."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from boothpos.core import checkout, codes, returns, sales, stock, users
from boothpos.core import db as dbmod
from boothpos.core import event as eventmod
from boothpos.core.checkout import CartLine, Tender
from boothpos.core.errors import RefusedInput
from boothpos.core.money import format_rupiah
from boothpos.documents import fonts as fontsmod
from boothpos.documents.receipt import (
    PAPERS,
    local_time,
    method_name,
    receipt_filename,
    render_receipt,
    save_receipt,
    wrap,
    wrap_balanced,
)

WIB = ZoneInfo("Asia/Jakarta")
LONG_NAME = "Kain Songket Pandai Sikek Motif Pucuak Rabuang Benang Emas Tenun 210x90 cm"

CATALOG = [
    # partner code, partner name, product name, price
    ("BTS001", "Songket Pandai Sikek Saiyo", LONG_NAME, 4_500_000),
    ("TKN001", "Kopi Arabika Gayo Tani Mulia", "Kopi Arabika Gayo Bubuk 250 gr", 85_000),
    ("JKT001", "Batik Betawi Terogong", "Boneka Ondel-Ondel Mini Sepasang 30 cm", 150_000),
    ("GRT001", "Batik Garutan Rahayu", "Dodol Garut Aneka Rasa 500 gr", 35_000),
]


@dataclass
class Booth:
    db: object
    event: eventmod.Event
    cashier: users.User
    supervisor: users.User
    product_ids: list[int]


def _add_catalog(db, at: datetime) -> list[int]:
    ids = []
    with db.atomic():
        for code, partner, name, price in CATALOG:
            row = db.execute("SELECT id FROM partners WHERE code = ?", (code,)).fetchone()
            partner_id = (
                row[0]
                if row
                else db.execute(
                    "INSERT INTO partners (code, name, created_at) VALUES (?, ?, ?)",
                    (code, partner, at.isoformat()),
                ).lastrowid
            )
            barcode = f"20000000{len(ids) + 1:04d}"
            barcode += str(
                (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(barcode))) % 10
            )
            pid = db.execute(
                "INSERT INTO products (barcode, barcode_internal, name, partner_id, price, "
                "created_at) VALUES (?, 1, ?, ?, ?, ?)",
                (barcode, name, partner_id, price, at.isoformat()),
            ).lastrowid
            stock.record_move(db, pid, "intake", 20, at=at, day=at.date().isoformat())
            ids.append(pid)
    return ids


def make_booth(path: Path) -> Booth:
    """A real event database with four products from four partners."""
    db = dbmod.connect(path, create=True)
    event = eventmod.create_event(
        db,
        name="INACRAFT 2024",
        first_day=date(2024, 2, 28),
        days=5,
        venue="Jakarta Convention Center, Hall B",
        receipt_header="Booth UMK Binaan PLN\nINACRAFT 2024",
        receipt_footer="Terima kasih telah mendukung UMK Indonesia!\n"
        "Barang yang sudah dibeli dapat ditukar dengan struk ini.",
        receipt_prefix="INA24",
    )
    cashier = users.add_user(db, "sari", "1111", "attendant", "Sari Wulandari")
    supervisor = users.add_user(db, "budi", "5555", "supervisor", "Budi Santoso")
    ids = _add_catalog(db, datetime(2024, 2, 28, 8, 0, tzinfo=WIB))
    return Booth(db, event, cashier, supervisor, ids)


def sell_split(booth: Booth) -> sales.Sale:
    """4 lines, a discount, the long name, QRIS + cash with change."""
    cart = [
        CartLine(booth.product_ids[0], 1, discount=250_000),
        CartLine(booth.product_ids[1], 2),
        CartLine(booth.product_ids[2], 1),
        CartLine(booth.product_ids[3], 3),
    ]
    # total = 4.250.000 + 170.000 + 150.000 + 105.000 = 4.675.000
    tenders = [Tender("qris", 4_500_000, reference="QR240228-0042"), Tender("cash", 200_000)]
    result = checkout.checkout(
        booth.db,
        cart,
        tenders,
        cashier=booth.cashier,
        at=datetime(2024, 2, 28, 14, 35, tzinfo=WIB),
    )
    return sales.get_sale(booth.db, result.receipt_no)


@pytest.fixture()
def booth(tmp_path) -> Booth:
    return make_booth(tmp_path / "e.db")


@pytest.fixture()
def sale(booth) -> sales.Sale:
    return sell_split(booth)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def page_size(pdf: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return float(box.width), float(box.height)


def char_boxes(pdf: bytes) -> list[tuple[str, tuple[float, float, float, float]]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        text = page.get_textpage()
        boxes = [
            (text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())
        ]
        text.close()
        page.close()
        return boxes
    finally:
        doc.close()


# ---------------------------------------------------------------- sale receipts


@pytest.mark.parametrize("width", [58, 80])
def test_receipt_page_is_the_paper_width_and_one_page(sale, booth, width):
    pdf = render_receipt(sale, booth.event, width_mm=width)
    assert pdf.startswith(b"%PDF")
    page_w, page_h = page_size(pdf)
    assert page_w == pytest.approx(width * mm, abs=0.5)
    assert 80 * mm < page_h < 400 * mm
    assert len(pdf) < 20_000


@pytest.mark.parametrize("width", [58, 80])
def test_receipt_text_has_number_names_partners_and_money(sale, booth, width):
    text = pdf_text(render_receipt(sale, booth.event, width_mm=width))
    assert sale.receipt_no in text
    for line in sale.lines:
        assert line.name in text  # wrapped names come back whole once whitespace is normalised
        assert line.partner_name in text
    assert sale.total == 4_675_000 and sale.change == 25_000
    assert "Rp 4.675.000" in text
    assert "Rp 25.000" in text
    assert "-Rp 250.000" in text  # the discount
    assert "2 × Rp 85.000" in text
    for label in ("No. Struk", "Tanggal", "Kasir", "TOTAL", "Tunai", "QRIS", "Kembali", "Diskon"):
        assert label in text
    assert "QR240228-0042" in text
    assert "28/02/2024 14:35 WIB" in text
    assert "Sari Wulandari" in text
    assert "Booth UMK Binaan PLN" in text and "Jakarta Convention Center" in text
    assert "Terima kasih telah mendukung UMK Indonesia!" in text
    assert "Jumlah barang 7" in text
    assert "PENGEMBALIAN" not in text and "VOID" not in text and "REPRINT" not in text


def test_long_name_wraps_on_58mm_and_fits_on_one_line_nowhere_clipped(sale, booth):
    raw = PdfReader(io.BytesIO(render_receipt(sale, booth.event, width_mm=58)))
    lines = raw.pages[0].extract_text().splitlines()
    assert LONG_NAME not in lines  # it did wrap …
    assert LONG_NAME in pdf_text(render_receipt(sale, booth.event, width_mm=58))  # … whole


@pytest.mark.parametrize("width", [58, 80])
def test_every_character_lies_inside_the_printable_width(sale, booth, width):
    pdf = render_receipt(sale, booth.event, width_mm=width, booth_name="Booth PLN Hall B")
    paper = PAPERS[width]
    page_w, page_h = page_size(pdf)
    boxes = char_boxes(pdf)
    assert len(boxes) > 300
    for char, (left, bottom, right, top) in boxes:
        if not char.strip():
            continue
        assert paper.margin - 0.5 <= left <= right <= page_w - paper.margin + 0.5, char
        assert 0 <= bottom <= top <= page_h, char


def test_nothing_overlaps_on_a_line(sale, booth):
    """Characters drawn on one baseline never overlap (a label and its amount keep apart)."""
    boxes = [
        (c, b) for c, b in char_boxes(render_receipt(sale, booth.event, width_mm=58)) if c.strip()
    ]
    rows: dict[int, list[tuple[float, float]]] = {}
    for _, (left, bottom, right, _top) in boxes:
        rows.setdefault(round(bottom), []).append((left, right))
    for spans in rows.values():
        spans.sort()
        for (_, r1), (l2, _) in zip(spans, spans[1:], strict=False):
            assert l2 >= r1 - 0.3


def test_english_labels(sale, booth):
    text = pdf_text(render_receipt(sale, booth.event, lang="en"))
    for label in ("Receipt no.", "Date", "Cashier", "Cash", "QRIS", "Change", "Discount", "Items"):
        assert label in text
    assert "Tunai" not in text and "Kembali" not in text
    assert "Rp 4.675.000" in text


def test_reprint_is_marked(sale, booth):
    text = pdf_text(render_receipt(sale, booth.event, reprint=True))
    assert "CETAK ULANG / REPRINT" in text
    assert sale.receipt_no in text


def test_booth_name_is_printed(sale, booth):
    assert "Booth PLN Hall B" in pdf_text(
        render_receipt(sale, booth.event, booth_name="Booth PLN Hall B")
    )


def test_output_is_deterministic(sale, booth):
    assert render_receipt(sale, booth.event) == render_receipt(sale, booth.event)


# ---------------------------------------------------------------- refunds and voids


@pytest.mark.parametrize("width", [58, 80])
def test_refund_receipt(booth, sale, width):
    result = returns.refund_sale(
        booth.db,
        sale.receipt_no,
        {1: 1, 2: 1},
        cashier=booth.cashier,
        supervisor=booth.supervisor,
        reason="Benang emas lepas di bagian tepi",
        at=datetime(2024, 2, 29, 10, 5, tzinfo=WIB),
    )
    refund = sales.get_sale(booth.db, result.receipt_no)
    assert refund.kind == "refund" and refund.total == -(4_250_000 + 85_000)
    pdf = render_receipt(refund, booth.event, width_mm=width)
    text = pdf_text(pdf)
    assert "PENGEMBALIAN DANA / REFUND" in text
    assert f"atas struk {sale.receipt_no}" in text
    assert refund.receipt_no in text
    assert "Benang emas lepas di bagian tepi" in text
    assert LONG_NAME in text
    assert "-Rp 4.335.000" in text
    assert "Uang dikembalikan: Tunai -Rp 4.335.000" in text
    assert "Kembali" not in text
    assert "29/02/2024 10:05 WIB" in text
    assert page_size(pdf)[0] == pytest.approx(width * mm, abs=0.5)


def test_refund_receipt_in_english(booth, sale):
    result = returns.refund_sale(
        booth.db,
        sale.receipt_no,
        {2: 2},
        cashier=booth.cashier,
        supervisor=booth.supervisor,
        reason="wrong size",
        at=datetime(2024, 2, 28, 16, 0, tzinfo=WIB),
    )
    text = pdf_text(
        render_receipt(sales.get_sale(booth.db, result.receipt_no), booth.event, lang="en")
    )
    assert "PENGEMBALIAN DANA / REFUND" in text
    assert f"of receipt {sale.receipt_no}" in text
    assert "Reason: wrong size" in text


def test_voided_sale_is_marked_prominently(booth, sale):
    returns.void_sale(
        booth.db,
        sale.receipt_no,
        requested_by=booth.cashier,
        supervisor=booth.supervisor,
        reason="salah input",
        at=datetime(2024, 2, 28, 14, 40, tzinfo=WIB),
    )
    voided = sales.get_sale(booth.db, sale.receipt_no)
    assert voided.status == "voided"
    text = pdf_text(render_receipt(voided, booth.event, width_mm=58))
    assert text.count("DIBATALKAN / VOID") == 2  # at the top and by the total
    assert "Alasan batal: salah input" in text
    assert "28/02/2024 14:40 WIB" in text
    assert "Rp 4.675.000" in text


# ---------------------------------------------------------------- refusals and details


@pytest.mark.parametrize("width", [57, 76, 110, 0, "80", True])
def test_other_paper_widths_are_refused(sale, booth, width):
    with pytest.raises(RefusedInput) as err:
        render_receipt(sale, booth.event, width_mm=width)
    assert "58" in err.value.message("en") and "80" in err.value.message("en")
    assert "58 atau 80" in err.value.message("id")


def test_unknown_language_is_refused(sale, booth):
    with pytest.raises(RefusedInput):
        render_receipt(sale, booth.event, lang="fr")


def test_save_receipt_writes_the_pdf(sale, booth, tmp_path):
    path = save_receipt(sale, booth.event, tmp_path / "out" / "struk.pdf", width_mm=58)
    assert path == tmp_path / "out" / "struk.pdf"
    assert path.read_bytes() == render_receipt(sale, booth.event, width_mm=58)
    in_dir = save_receipt(sale, booth.event, tmp_path / "out", reprint=True)
    assert in_dir.name == receipt_filename(sale, reprint=True)
    assert "CETAK ULANG" in pdf_text(in_dir.read_bytes())
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")] == []


def test_method_names():
    assert [method_name(m) for m in codes.METHODS] == [
        "Tunai",
        "QRIS",
        "Kartu Debit",
        "Kartu Kredit",
        "Transfer Bank",
    ]
    assert method_name("cash", "en") == "Cash"


def test_local_time_is_in_the_event_zone():
    assert local_time("2024-02-28T07:30:00+00:00", "Asia/Jakarta") == "28/02/2024 14:30 WIB"
    assert local_time("2024-02-28T07:30:00+00:00", "Asia/Makassar") == "28/02/2024 15:30 WITA"
    assert local_time("2024-02-28T07:30:00+00:00", "Asia/Jayapura") == "28/02/2024 16:30 WIT"


def test_wrap_breaks_at_words_and_cuts_only_overlong_words():
    def measure(s: str) -> float:
        return float(len(s))

    assert wrap("satu dua tiga empat", 9, measure) == ["satu dua", "tiga", "empat"]
    assert wrap("abcdefghijkl", 5, measure) == ["abcde", "fghij", "kl"]
    assert wrap("a\n\nb", 5, measure) == ["a", "", "b"]
    assert wrap("INA24-T1-0228-00042", 16, measure) == ["INA24-T1-0228-", "00042"]
    assert wrap("Terima kasih telah mendukung UMK Indonesia!", 32, measure) == [
        "Terima kasih telah mendukung UMK",
        "Indonesia!",
    ]
    assert wrap_balanced("Terima kasih telah mendukung UMK Indonesia!", 32, measure) == [
        "Terima kasih telah",
        "mendukung UMK Indonesia!",
    ]


def _with_name(sale: sales.Sale, name: str) -> sales.Sale:
    return replace(sale, lines=(replace(sale.lines[0], name=name),) + sale.lines[1:])


ODD_NAME = "Tenun Ikat Sumba Pahikung Ŋ ā ṭ"


def test_names_beyond_windows_1252_keep_their_glyphs(booth, sale):
    if fontsmod.truetype_fonts() is None:
        pytest.skip("no TrueType font (DejaVu Sans or Arial) on this machine")
    pdf = render_receipt(_with_name(sale, ODD_NAME), booth.event, width_mm=58)
    assert ODD_NAME in pdf_text(pdf)
    assert len(pdf) < 60_000  # the font is embedded as a subset


def test_without_a_truetype_font_missing_glyphs_become_question_marks(booth, sale, monkeypatch):
    monkeypatch.setattr(fontsmod, "TRUETYPE_CANDIDATES", ())
    fontsmod.truetype_fonts.cache_clear()
    try:
        text = pdf_text(render_receipt(_with_name(sale, ODD_NAME), booth.event, width_mm=58))
    finally:
        fontsmod.truetype_fonts.cache_clear()
    assert "Tenun Ikat Sumba Pahikung ? ? ?" in text
    assert "2 × Rp 85.000" in text


def test_plain_receipts_use_the_builtin_font(booth, sale):
    assert fontsmod.fonts_for(["Kopi Gayo × 2 – Rp 1.000"]) is fontsmod.HELVETICA
    assert b"FontFile" not in render_receipt(sale, booth.event)  # nothing embedded


def test_money_on_the_receipt_uses_format_rupiah(sale, booth):
    text = pdf_text(render_receipt(sale, booth.event))
    for amount in (sale.total, sale.change, *(p.amount for p in sale.payments)):
        assert format_rupiah(amount) in text
    assert not re.search(r"Rp\d", text)


def test_documents_do_not_import_qt():
    code = (
        "import sys, boothpos.documents.receipt, boothpos.documents.fonts\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
