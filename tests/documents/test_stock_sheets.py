"""Intake receipts, return sheets and adjustment records, read back from the PDF."""

from __future__ import annotations

import io
import re

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from boothpos.core import event as eventmod
from boothpos.core import stock, stock_ops
from boothpos.core.errors import RefusedInput
from boothpos.core.money import format_rupiah
from boothpos.documents import fonts as fontsmod
from boothpos.documents.stock_sheets import (
    render_stock_sheet,
    save_stock_sheet,
    sheet_filename,
)

LONG_NAME = "Kain Songket Pandai Sikek Motif Pucuak Rabuang Benang Emas Tenun 210x90 cm"


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def pages_of(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def row_text(line) -> str:
    return f"{format_rupiah(line.price)} {line.qty} {format_rupiah(line.value)}"


@pytest.fixture
def ev(booth):
    return eventmod.get_event(booth.db)


def test_intake_receipt_lists_partner_every_item_and_signature_lines(booth, ev):
    doc = stock_ops.receive(
        booth.db, {booth.pid("kalung"): 5, booth.pid("gelang"): 12}, user=booth.supervisor,
        reason="kiriman kedua", at=booth.time(1, 9, 30),
    )  # fmt: skip
    text = text_of(render_stock_sheet(doc, ev))
    assert "TANDA TERIMA BARANG" in text
    assert doc.number in text and "28/02/2024 09:30 WIB" in text
    assert "AMB01 — Mutiara Ambon Lestari" in text and "Kota Ambon, Maluku" in text
    assert "kiriman kedua" in text
    for line in doc.lines:
        assert line.name in text and line.barcode in text
        assert row_text(line) in text
    assert "2 jenis barang, 17 buah 17 " + format_rupiah(5 * 250_000 + 12 * 35_000) in text
    assert "Tanda tangan Mitra" in text and "Tanda tangan Petugas Booth" in text
    assert "Diserahkan oleh" in text and "Diterima oleh" in text
    assert "Halaman 1 dari 1" in text
    assert ev.name in text


def test_return_sheet_lists_every_item_quantity_and_what_is_left(booth, ev):
    booth.sell(("kalung", 3))
    doc = stock_ops.return_to_partner(booth.db, "AMB01", user=booth.supervisor,
                                      reason="akhir pameran", at=booth.time(5, 18))  # fmt: skip
    pdf = render_stock_sheet(doc, ev)
    text = text_of(pdf)
    assert "BERITA ACARA PENGEMBALIAN BARANG" in text
    assert doc.number in text and "AMB01" in text and "Mutiara Ambon Lestari" in text
    assert [(line.name, line.qty, line.on_hand_after) for line in doc.lines] == [
        ("Gelang Mutiara", 3, 0),
        ("Kalung Mutiara Laut", 7, 0),
    ]
    for line in doc.lines:
        assert f"{row_text(line)} {line.on_hand_after}" in text
    assert "Tanda tangan Mitra" in text and "Petugas Booth" in text
    assert "akhir pameran" in text
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_adjustment_record(booth, ev):
    doc = stock_ops.adjust(booth.db, booth.pid("kopi"), counted=18, reason="damaged",
                           note="kemasan sobek", user=booth.supervisor)  # fmt: skip
    text = text_of(render_stock_sheet(doc, ev))
    assert "BERITA ACARA PENYESUAIAN STOK" in text
    assert "rusak: kemasan sobek" in text
    assert "Kopi Arabika Gayo 250 g" in text and " 20 18 -2 " in text
    assert "Tanda tangan Mitra" in text and "Tanda tangan Petugas Booth" in text


def test_a_long_list_continues_on_more_pages_with_every_item(booth, ev):
    db = booth.db
    partner_id = booth.product["noken"].partner.id
    with db.atomic():
        for n in range(1, 61):
            db.execute(
                "INSERT INTO products (barcode, name, partner_id, category, price, created_at) "
                "VALUES (?, ?, ?, 'Tas', ?, '2024-02-27T10:00:00+07:00')",
                (f"2{n:011d}0", f"Noken Motif Nomor {n:02d}", partner_id, 1000 * n),
            )
    ids = [r[0] for r in db.execute("SELECT id FROM products WHERE name LIKE 'Noken Motif%'")]
    doc = stock_ops.receive(db, {pid: 2 for pid in ids}, user=booth.supervisor)
    pdf = render_stock_sheet(doc, ev)
    pages = pages_of(pdf)
    assert len(pages) >= 2
    for n, page in enumerate(pages, start=1):
        assert f"Halaman {n} dari {len(pages)}" in page
        assert "Nama produk" in page  # the table header repeats
        assert doc.number in page
    text = " ".join(pages)
    for n in range(1, 61):
        assert f"Noken Motif Nomor {n:02d}" in text
    assert text.count("Tanda tangan Mitra") == 1 and "Tanda tangan Mitra" in pages[-1]
    assert f"60 jenis barang, 120 buah 120 {format_rupiah(doc.total_value)}" in text


def test_the_longest_name_wraps_inside_its_cell(booth, ev):
    db = booth.db
    with db.atomic():
        db.execute(
            "INSERT INTO products (barcode, name, partner_id, price, created_at) "
            "VALUES ('2000000000039', ?, ?, 4500000, '2024-02-27T10:00:00+07:00')",
            (LONG_NAME, booth.product["tenun"].partner.id),
        )
    doc = stock_ops.receive(db, {"2000000000039": 2}, user=booth.supervisor)
    pdf = render_stock_sheet(doc, ev)
    assert LONG_NAME in text_of(pdf)
    page = pdfium.PdfDocument(pdf)[0]
    width = page.get_width()
    textpage = page.get_textpage()
    for i in range(textpage.count_chars()):
        left, _, right, _ = textpage.get_charbox(i)
        assert left > 0 and right < width


def test_sheet_in_english_and_reprinted_identically(booth, ev, tmp_path):
    doc = stock_ops.receive(booth.db, {booth.pid("noken"): 1}, user=booth.admin)
    english = text_of(render_stock_sheet(doc, ev, lang="en"))
    assert "GOODS RECEIVED NOTE" in english and "Partner signature" in english
    again = stock_ops.get_document(booth.reopen(), doc.number)
    assert render_stock_sheet(again, ev) == render_stock_sheet(doc, ev)
    path = save_stock_sheet(again, ev, tmp_path)
    assert path.name == sheet_filename(doc) == f"{doc.number}-JPR01.pdf"
    assert path.read_bytes() == render_stock_sheet(doc, ev)
    with pytest.raises(RefusedInput):
        render_stock_sheet(doc, ev, lang="fr")


def test_names_outside_windows_1252_keep_their_letters(booth, ev):
    if fontsmod.truetype_fonts() is None:
        pytest.skip("no TrueType font on this machine")
    db = booth.db
    with db.atomic():
        db.execute("UPDATE partners SET name = 'Tenun Ṭabanan Ā' WHERE code = 'NTT01'")
    doc = stock_ops.receive(db, {booth.pid("tenun"): 1}, user=booth.supervisor)
    assert "Tenun Ṭabanan Ā" in text_of(render_stock_sheet(doc, ev))


def test_document_moves_are_in_the_ledger_with_the_document_number(booth):
    doc = stock_ops.receive(booth.db, {booth.pid("kopi"): 4}, user=booth.supervisor)
    fresh = booth.reopen()
    reasons = [r[0] for r in fresh.execute("SELECT reason FROM stock_moves WHERE qty = 4")]
    assert reasons == [doc.number]
    assert re.fullmatch(r"INA24-T1-TTB-\d{4}", doc.number)
    assert stock.on_hand(fresh, booth.pid("kopi")) == 24
