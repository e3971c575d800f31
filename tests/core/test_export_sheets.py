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
