"""Catalogs from any spreadsheet: ODS and XLS written by LibreOffice Calc 7.4 (the files in
``tests/core/spreadsheets``, made by its ``make_spreadsheets.py``), XLSX, and a CSV whose
barcodes lost their leading zero."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from boothpos.cli.app import main
from boothpos.core import catalog, event, products
from boothpos.core import db as dbmod
from boothpos.core.errors import CatalogError

FILES = Path(__file__).resolve().parent / "spreadsheets"


@pytest.fixture
def db(tmp_path):
    database = dbmod.connect(tmp_path / "e.db", create=True)
    event.create_event(database, name="Test Fair", first_day=date(2024, 2, 28), days=5)
    yield database
    database.close()


@pytest.mark.parametrize("name", ["katalog-libreoffice.ods", "katalog-libreoffice.xls"])
def test_libreoffice_ods_and_xls_import(db, name):
    rows = catalog.read_catalog(FILES / name)
    assert [(r.partner_code, r.product_name, r.price, r.barcode, r.stock) for r in rows] == [
        ("AMB01", "Gelang Mutiara", 35_000, "8991234500010", 3),
        ("AMB01", "Kalung Mutiara Laut", 250_000, "8991234500027", 5),
        ("NTT01", "Selendang Tenun Ikat", 185_000, "", 4),
    ]
    assert rows[0].region == "Kota Ambon, Maluku"
    result = catalog.import_catalog(db, FILES / name)
    assert result.products_added == 3 and result.partners_added == 2
    assert products.find_by_code(db, "8991234500027").name == "Kalung Mutiara Laut"
    again = catalog.import_catalog(db, FILES / name)  # re-importing changes nothing
    assert not again.changed


@pytest.mark.parametrize("name", ["katalog-nol-hilang.ods", "katalog-nol-hilang.xls"])
def test_a_barcode_that_lost_its_leading_zero_is_refused_with_how_to_keep_it(db, name):
    with pytest.raises(CatalogError) as refused:
        catalog.import_catalog(db, FILES / name)
    [problem] = refused.value.problems
    assert (problem.row, problem.column) == (3, "barcode")
    message = refused.value.message("en")
    assert "'1234565' has only 7 digits" in message
    assert "dropped its leading zero" in message and "01234565" in message
    assert "Format the barcode column as Text" in message
    assert "format kolom barcode sebagai teks" in refused.value.message("id").lower()
    assert db.execute("SELECT COUNT(*) FROM products").fetchone() == (0,)


def test_a_csv_with_stripped_leading_zeros(tmp_path, db):
    csv = tmp_path / "katalog.csv"  # as Excel saves it after reading the codes as numbers
    csv.write_text(
        "kode_mitra;nama_mitra;daerah;nama_produk;kategori;harga;barcode;stok\r\n"
        "AMB01;Mutiara Ambon;Ambon;Gelang;Perhiasan;Rp 35.000;8991234500010;3\r\n"
        "UPC01;Impor;Jakarta;Teh Celup;Minuman;Rp 20.000;36000291452;4\r\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as refused:
        catalog.read_catalog(csv)
    [problem] = refused.value.problems
    assert (problem.row, problem.column) == (3, "barcode")
    assert "dropped its leading zero" in refused.value.message("en")
    assert "036000291452" in refused.value.message("en")  # the UPC-A it was


def test_a_seven_digit_code_that_is_not_a_lost_zero_keeps_the_plain_message(tmp_path):
    csv = tmp_path / "k.csv"
    csv.write_text(
        "partner_code,partner_name,product_name,price,barcode\nA,B,C,1000,1234567\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as refused:
        catalog.read_catalog(csv)
    assert "leading zero" not in refused.value.message("en")
    assert "8, 12 or 13 digits" in refused.value.message("en")


def test_cli_imports_an_ods_catalog(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))
    path = tmp_path / "fair.db"
    assert main(["--db", str(path), "init", "--admin-pin", "2468", "--event", "Kriya"]) == 0
    copy = tmp_path / "x.ods"  # LibreOffice's default format, any file name
    shutil.copy(FILES / "katalog-libreoffice.ods", copy)
    assert main(["--db", str(path), "import", "catalog", str(copy)]) == 0
    capsys.readouterr()
    lost = FILES / "katalog-nol-hilang.ods"
    assert main(["--db", str(path), "import", "catalog", str(lost)]) == 2  # refused input
    err = capsys.readouterr().err
    assert "membuang angka 0 di depannya" in err and "Traceback" not in err
