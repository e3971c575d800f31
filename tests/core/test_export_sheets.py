"""``export.report_sheets``: the settlement, stock and sales-lines exports as sheets."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from boothpos.core import export, reports
from boothpos.core.checkout import Tender


@pytest.fixture
def sold(booth):
    booth.sell(("kopi", 2), "noken")
    booth.sell(("kalung", 1, 25_000), pay=[Tender("qris")], at=booth.time(2, 11))
    return booth


def test_settlement_sheets_carry_the_settlement_figures(sold):
    sheets = export.report_sheets(sold.db, "settlement")
    assert [title for title, *_ in sheets] == ["Rekap Mitra", "Stok", "Penjualan"]
    _title, columns, rows, total = sheets[0]
    assert columns == export.SETTLEMENT_COLUMNS
    settlement = reports.settle(sold.db).to_json()
    assert [(r["code"], r["net"]) for r in rows] == [
        (p["code"], p["net"]) for p in settlement["partners"]
    ]
    assert {k: total[k] for k in settlement["totals"]} == settlement["totals"]
    assert sum(line["line_total"] for line in sheets[2][2]) == settlement["totals"]["net"]


def test_a_period_and_a_partner_narrow_every_sheet(sold):
    day = date(2024, 2, 29)
    (stock,) = export.report_sheets(sold.db, "stock", first=day, last=day, partner="AMB01")
    assert {r["partner_code"] for r in stock[2]} == {"AMB01"}
    (lines,) = export.report_sheets(sold.db, "lines", first=day, last=day, partner="AMB01")
    assert [r["name"] for r in lines[2]] == ["Kalung Mutiara Laut"]
    assert lines[2][0]["discount"] == 25_000


def test_the_sheets_make_a_workbook(sold, tmp_path):
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(export.to_xlsx(export.report_sheets(sold.db, "settlement")))
    book = load_workbook(path)
    assert book.sheetnames == ["Rekap Mitra", "Stok", "Penjualan"]


def test_an_unknown_export_is_a_programming_error(sold):
    with pytest.raises(ValueError):
        export.report_sheets(sold.db, "partners")


def test_the_workbook_prints_landscape_fit_to_width_with_the_header_on_every_page(sold, tmp_path):
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(export.to_xlsx(export.report_sheets(sold.db, "settlement")))
    book = load_workbook(path)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.print_title_rows == "$1:$1"


def test_libreoffice_prints_the_settlement_sheet_on_landscape_pages(sold, tmp_path):
    """A real spreadsheet program prints it: every page landscape, the columns not split."""
    import shutil
    import subprocess

    from pypdf import PdfReader

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    rows = export.report_sheets(sold.db, "settlement")[:1]  # "Rekap Mitra"
    title, columns, body, total = rows[0]
    many = [dict(body[0], code=f"P{n:03d}", name=f"Mitra {n}") for n in range(120)]
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(export.to_xlsx([(title, columns, many, total)]))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = PdfReader(tmp_path / "rekap.pdf")
    assert 1 < len(pdf.pages) < 10
    for page in pdf.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    texts = [page.extract_text() for page in pdf.pages]
    header = columns[-1]  # the last column is on every page: nothing split off
    assert all(header in text for text in texts)
