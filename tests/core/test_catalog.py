"""Catalog import: CSV/XLSX as Excel writes them, every bad case, idempotent re-import."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from boothpos.core import barcodes, catalog, event, stock
from boothpos.core import db as dbmod
from boothpos.core.catalog import CatalogRow, ImportResult, import_catalog, read_catalog
from boothpos.core.errors import BarcodeError, CatalogError, MoneyError
from boothpos.core.money import parse_rupiah
from boothpos.core.users import User

WIB = ZoneInfo("Asia/Jakarta")
AT = datetime(2024, 2, 27, 16, 30, tzinfo=WIB)
TABLES = ("partners", "products", "stock_moves", "audit")
DEMO_CATALOG = Path(__file__).resolve().parents[2] / "resources" / "demo" / "catalog.csv"

EN = ["partner_code", "partner_name", "region", "product_name", "category", "price", "barcode"]
EN += ["stock"]
ID = ["kode_mitra", "nama_mitra", "daerah", "nama_produk", "kategori", "harga", "barcode", "stok"]


def ean(payload: str) -> str:
    """A valid EAN code: ``payload`` plus its check digit."""
    return payload + str(barcodes.check_digit(payload))


EAN_A = ean("899123456789")  # 8991234567891
EAN_B = ean("899123456790")
EAN_C = ean("899123456791")
UPC_A = "036000291452"  # valid 12-digit UPC-A
EAN_8 = "96385074"  # valid EAN-8

ROWS = [
    ["AMB001", "Tenun Ambon Lestari", "Kota Ambon, Maluku", "Kain Tenun Ambon", "Tenun"]
    + ["Rp 125.000", EAN_A, "12"],
    ["AMB001", "Tenun Ambon Lestari", "Kota Ambon, Maluku", "Selendang Tenun", "Tenun"]
    + ["Rp 75.000", "", "5"],
    ["JOG002", "Batik Sekar Jagad", "Kota Yogyakarta, DI Yogyakarta", "Batik Tulis Parang"]
    + ["Batik", "Rp1.250.000,00", "", "3"],
]


# --- helpers --------------------------------------------------------------------


@pytest.fixture
def db(tmp_path):
    database = dbmod.connect(tmp_path / "e.db", create=True)
    event.create_event(database, name="Test Fair", first_day=date(2024, 2, 28), days=5)
    yield database
    database.close()


def counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def csv_text(rows: list[list[str]], delimiter: str = ",", newline: str = "\n") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerows(rows)
    return out.getvalue()


def write_csv(
    tmp_path: Path,
    rows: list[list[str]],
    *,
    header: list[str] = EN,
    name: str = "catalog.csv",
    delimiter: str = ",",
) -> Path:
    path = tmp_path / name
    path.write_bytes(csv_text([header, *rows], delimiter).encode("utf-8"))
    return path


def excel_csv(tmp_path: Path, rows: list[list[str]], name: str = "katalog.csv") -> Path:
    """Bytes as Excel (Indonesian locale) saves "CSV UTF-8": BOM, ';', CRLF."""
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + csv_text([ID, *rows], ";", "\r\n").encode("utf-8"))
    return path


def write_xlsx(tmp_path: Path, rows: list[list[object]], name: str = "katalog.xlsx") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def row_with(**changes: str) -> list[str]:
    """The first sample row with some cells replaced (by English column name)."""
    row = list(ROWS[0])
    for column, value in changes.items():
        row[EN.index(column)] = value
    return row


def refused(db, path: Path) -> CatalogError:
    """Import ``path``, expect a CatalogError, and prove nothing changed."""
    before = counts(db)
    with pytest.raises(CatalogError) as info:
        import_catalog(db, path, at=AT)
    assert counts(db) == before
    return info.value


def where(error: CatalogError) -> list[tuple[int, str]]:
    return [(p.row, p.column) for p in error.problems]


def only_problem(error: CatalogError, row: int, column: str):
    assert where(error) == [(row, column)], error.message("en")
    return error.problems[0]


def product(db, name: str) -> dict:
    return dict(next(db.query("SELECT * FROM products WHERE name = ?", [name])))


# --- reading: what Excel writes ------------------------------------------------------


def test_excel_indonesian_csv_with_bom_semicolon_crlf_and_rupiah(tmp_path):
    rows = read_catalog(excel_csv(tmp_path, ROWS))
    assert rows[0] == CatalogRow(
        row=2,
        partner_code="AMB001",
        partner_name="Tenun Ambon Lestari",
        region="Kota Ambon, Maluku",
        product_name="Kain Tenun Ambon",
        category="Tenun",
        price=125_000,
        barcode=EAN_A,
        stock=12,
    )
    assert [r.price for r in rows] == [125_000, 75_000, 1_250_000]
    assert [r.row for r in rows] == [2, 3, 4]
    assert rows[1].barcode == ""


def test_windows_1252_csv_keeps_accents(tmp_path, db):
    text = csv_text([EN, row_with(partner_name="Kerajinan Pérak Kotagede")], ";", "\r\n")
    path = tmp_path / "cp1252.csv"
    path.write_bytes(text.encode("cp1252"))
    assert b"P\xe9rak" in path.read_bytes()  # really cp1252, not UTF-8
    [row] = read_catalog(path)
    assert row.partner_name == "Kerajinan Pérak Kotagede"
    import_catalog(db, path, at=AT)
    name = db.execute("SELECT name FROM partners").fetchone()[0]
    assert name == "Kerajinan Pérak Kotagede"


def test_bytes_undecodable_even_as_cp1252_name_the_row(tmp_path, db):
    raw = csv_text([EN, ROWS[1], ROWS[2]], ";", "\r\n").encode("cp1252")
    bad = raw.replace(b"Selendang", b"Selen\x81dang")  # 0x81 is undefined in cp1252
    path = tmp_path / "broken.csv"
    path.write_bytes(bad)
    error = refused(db, path)
    problem = only_problem(error, 2, "")
    assert "undecodable text encoding" in problem.message("en")
    assert "0x81" in problem.message("en")
    assert "pengkodean teks" in problem.message("id")


@pytest.mark.parametrize("column", ["partner_code", "product_name", "stock"])
def test_undecodable_byte_at_start_or_end_of_a_row(tmp_path, column):
    rows = [ROWS[1], row_with(**{column: "\x81"}), ROWS[2]]
    raw = csv_text([EN, *rows], ";", "\r\n").encode("latin-1")  # latin-1 keeps 0x81
    path = tmp_path / "broken.csv"
    path.write_bytes(raw)
    with pytest.raises(CatalogError) as info:
        read_catalog(path)
    assert where(info.value) == [(3, "")]


def test_undecodable_row_counts_quoted_newlines(tmp_path):
    text = csv_text([EN, row_with(product_name="Kain\nTenun"), row_with(product_name="Selendang")])
    bad = text.encode("cp1252").replace(b"Selendang", b"Sel\x9dendang")
    path = tmp_path / "broken.csv"
    path.write_bytes(bad)
    with pytest.raises(CatalogError) as info:
        read_catalog(path)
    assert where(info.value) == [(3, "")]


def test_mixed_utf8_and_cp1252_is_refused(tmp_path):
    good = csv_text([EN, row_with(partner_name="Kerajinan Pérak")]).encode("utf-8")
    tail = csv_text([row_with(product_name="Gelang Pérak", barcode=EAN_B)]).encode("cp1252")
    path = tmp_path / "mixed.csv"
    path.write_bytes(good + tail)
    with pytest.raises(CatalogError) as info:
        read_catalog(path)
    problem = only_problem(info.value, 3, "")
    assert "row 2 is UTF-8" in problem.message("en")


def test_utf16_unicode_text_tab_delimited(tmp_path):
    path = tmp_path / "katalog.txt"
    path.write_bytes(csv_text([EN, *ROWS], "\t", "\r\n").encode("utf-16"))
    rows = read_catalog(path)
    assert [r.product_name for r in rows] == [r[3] for r in ROWS]
    assert rows[2].price == 1_250_000


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "katalog.txt"
    path.write_bytes(csv_text([EN, *ROWS], "\t", "\r\n").encode("utf-16-le"))
    assert len(read_catalog(path)) == 3


def test_excel_sep_line_is_not_a_row(tmp_path):
    path = tmp_path / "katalog.csv"
    path.write_bytes(b"sep=;\r\n" + csv_text([EN, *ROWS], ";", "\r\n").encode("utf-8"))
    assert [r.row for r in read_catalog(path)] == [2, 3, 4]


def test_undecodable_row_after_a_sep_line(tmp_path):
    text = "sep=;\r\n" + csv_text([EN, ROWS[1], row_with(product_name="X\x8d")], ";", "\r\n")
    path = tmp_path / "katalog.csv"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(CatalogError) as info:
        read_catalog(path)
    assert where(info.value) == [(3, "")]


def test_xlsx_saved_under_a_csv_name_is_read_as_xlsx(tmp_path):
    xlsx = write_xlsx(tmp_path, [EN, row_with(price="125000")])
    path = tmp_path / "katalog.csv"
    path.write_bytes(xlsx.read_bytes())
    assert read_catalog(path)[0].price == 125_000


def test_tab_delimited_csv_and_lf(tmp_path):
    rows = read_catalog(write_csv(tmp_path, ROWS, delimiter="\t"))
    assert len(rows) == 3 and rows[0].region == "Kota Ambon, Maluku"


@pytest.mark.parametrize("header", [EN, ID], ids=["english", "indonesian"])
def test_english_or_indonesian_headers(tmp_path, header):
    rows = read_catalog(write_csv(tmp_path, ROWS, header=header))
    assert [r.partner_code for r in rows] == ["AMB001", "AMB001", "JOG002"]
    assert rows[0].stock == 12 and rows[0].category == "Tenun"


def test_header_names_ignore_case_and_whitespace(tmp_path):
    header = [" Partner_Code ", "NAMA_MITRA", "Daerah", " product_name", "Kategori "]
    header += ["HARGA", " Barcode", "Stok"]
    rows = read_catalog(write_csv(tmp_path, ROWS, header=header))
    assert rows[2].partner_name == "Batik Sekar Jagad"


def test_unknown_columns_ignored_and_blank_rows_skipped(tmp_path):
    header = ["catatan", *EN, "foto"]
    rows = [
        ["cek ulang", *ROWS[0], "a.jpg"],
        [""] * 10,
        ["", "", "", "", "", "", "", "", "", ""],
        ["", *ROWS[1], ""],
    ]
    path = write_csv(tmp_path, rows, header=header)
    path.write_bytes(path.read_bytes() + b"\n\n;;\n")
    parsed = read_catalog(path)
    assert [r.row for r in parsed] == [2, 5]


def test_optional_columns_may_be_absent(tmp_path, db):
    header = ["partner_code", "partner_name", "product_name", "price"]
    path = write_csv(tmp_path, [["amb001", "Tenun Ambon", "Kain", "125000"]], header=header)
    [row] = read_catalog(path)
    assert (row.partner_code, row.region, row.category, row.barcode, row.stock) == (
        "AMB001",
        "",
        "",
        "",
        0,
    )
    result = import_catalog(db, path, at=AT)
    assert result.products_added == 1 and result.intake_moves == 0
    assert barcodes.is_valid(product(db, "Kain")["barcode"])


@pytest.mark.parametrize("missing", ["partner_code", "partner_name", "product_name", "price"])
def test_missing_required_column_is_named(tmp_path, db, missing):
    keep = [i for i, name in enumerate(EN) if name != missing]
    header = [EN[i] for i in keep]
    path = write_csv(tmp_path, [[r[i] for i in keep] for r in ROWS], header=header)
    error = refused(db, path)
    problem = only_problem(error, 1, missing)
    assert missing in problem.message("en")
    assert catalog.COLUMNS[missing] in problem.message("id")


def test_same_column_twice_is_refused(tmp_path):
    path = write_csv(tmp_path, [[*r, "1"] for r in ROWS], header=[*EN, "Harga"])
    with pytest.raises(CatalogError) as info:
        read_catalog(path)
    assert where(info.value) == [(1, "Harga")]


def test_unquoted_delimiter_in_a_value_is_refused(tmp_path):
    path = tmp_path / "c.csv"
    lines = [",".join(EN), "AMB001,Tenun,Kota Ambon, Maluku,Kain,Tenun,125000,,1"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        read_catalog(path)
    assert (2, "") in where(info.value)
    assert "must be quoted" in info.value.message("en")


# --- reading: XLSX -------------------------------------------------------------------------


def test_xlsx_numbers_and_mixed_case_headers(tmp_path, db):
    header = ["Kode_Mitra", "Nama_Mitra", "Daerah", "Nama_Produk", "Kategori", "Harga"]
    header += ["Barcode", "Stok", "Catatan"]
    path = write_xlsx(
        tmp_path,
        [
            header,
            ["AMB001", "Tenun Ambon", "Kota Ambon, Maluku", "Kain", "Tenun", 125000, int(EAN_A)]
            + [12, "ok"],
            [None] * 9,
            ["AMB001", "Tenun Ambon", "Kota Ambon, Maluku", "Selendang", "Tenun", 75000.0]
            + [float(EAN_B), 12.0],
            ["JOG002", "Batik Jagad", "Yogyakarta", "Batik", "Batik", "Rp 1.250.000", None, None],
            ["JOG002", "Batik Jagad", "Yogyakarta", "Sarung", "Batik", 90000, EAN_C, ""],
            ["SBY003", "Tas Surabaya", "Surabaya", "Tas", "Fesyen", 50000, int(UPC_A), 1],
        ],
    )
    rows = read_catalog(path)
    assert [r.row for r in rows] == [2, 4, 5, 6, 7]
    assert [r.price for r in rows] == [125_000, 75_000, 1_250_000, 90_000, 50_000]
    assert [r.barcode for r in rows] == [EAN_A, EAN_B, "", EAN_C, "0" + UPC_A]
    assert [r.stock for r in rows] == [12, 12, 0, 0, 1]
    result = import_catalog(db, path, at=AT)
    assert result.products_added == 5


def test_xlsx_barcode_that_lost_its_leading_zeros(tmp_path):
    # Excel stores 0036000291452 as the number 36000291452; the check digit survives.
    header = ["partner_code", "partner_name", "product_name", "price", "barcode"]
    path = write_xlsx(tmp_path, [header, ["A1", "A", "Kopi", 1000, int(UPC_A)]])
    assert read_catalog(path)[0].barcode == "0036000291452"


def test_xlsx_bad_cells(tmp_path, db):
    header = ["partner_code", "partner_name", "product_name", "price", "barcode", "stock"]
    path = write_xlsx(
        tmp_path,
        [
            header,
            ["A1", "A", "Kain", 1250.5, EAN_A, 1],
            ["A1", "A", "Syal", 1000, "8.99123E+12", 1],
            ["A1", "A", "Tas", 1000, "", 2.5],
            ["A1", "A", "Topi", -1000, "", -3],
            ["A1", "A", "Gelang", 1000.0, 8991234567.5, 1],
        ],
    )
    error = refused(db, path)
    assert where(error) == [
        (2, "price"),
        (3, "barcode"),
        (4, "stock"),
        (5, "price"),
        (5, "stock"),
        (6, "barcode"),
    ]
    text = error.message("en")
    assert "fraction of a rupiah" in text
    assert "scientific notation" in text and "format the barcode column as Text" in text
    assert "'2.5' has a fraction" in text
    assert "negative" in text


def test_xlsx_catalog_on_second_sheet_after_instructions(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Petunjuk"
    workbook.active.append(["Isi lembar Katalog. Harga dalam rupiah."])
    sheet = workbook.create_sheet("Katalog")
    sheet.append(EN)
    sheet.append(row_with(price="125000"))
    path = tmp_path / "k.xlsx"
    workbook.save(path)
    assert read_catalog(path)[0].price == 125_000


def test_unreadable_files(tmp_path):
    cases = {
        "missing.csv": None,
        "old.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
        "damaged.xlsx": b"PK\x03\x04 not really a zip",
        "catalog.ods": b"whatever",
        "empty.csv": b"",
        "header-only.csv": ",".join(EN).encode() + b"\r\n",
    }
    for name, data in cases.items():
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        with pytest.raises(CatalogError) as info:
            read_catalog(path)
        assert len(info.value.problems) == 1, name
        assert info.value.message("en") and info.value.message("id")


# --- reading: bad cells --------------------------------------------------------------------


@pytest.mark.parametrize("price", ["-5000", "Rp -125.000", "125.000,50", "abc", "", "12,5"])
def test_bad_price_names_row_column_and_money_reason(tmp_path, db, price):
    path = write_csv(tmp_path, [ROWS[1], row_with(price=price)], header=ID)
    error = refused(db, path)
    problem = only_problem(error, 3, "harga")
    with pytest.raises(MoneyError) as money:
        parse_rupiah(price)
    assert problem.msg == money.value.msg
    assert problem.message("en").endswith(money.value.message("en"))


def test_negative_price_message_is_indonesian_first(tmp_path, db):
    error = refused(db, write_csv(tmp_path, [row_with(price="-5000")], header=ID))
    assert "negatif" in error.message("id")
    assert "baris 2, kolom harga" in error.message("id")


@pytest.mark.parametrize(
    ("stock", "reason"),
    [("abc", "not a whole number"), ("-3", "negative"), ("2.5", "fraction"), ("2,5", "fraction")],
)
def test_bad_stock(tmp_path, db, stock, reason):
    error = refused(db, write_csv(tmp_path, [row_with(stock=stock)]))
    problem = only_problem(error, 2, "stock")
    assert reason in problem.message("en")


@pytest.mark.parametrize(("text", "value"), [("12", 12), ("12.0", 12), ("", 0), ("1.000", 1000)])
def test_good_stock(tmp_path, text, value):
    assert read_catalog(write_csv(tmp_path, [row_with(stock=text)]))[0].stock == value


@pytest.mark.parametrize(
    ("column", "reason"),
    [
        ("product_name", "product name is empty"),
        ("partner_code", "partner code is empty"),
        ("partner_name", "partner name is empty"),
    ],
)
def test_empty_names_are_refused(tmp_path, db, column, reason):
    error = refused(db, write_csv(tmp_path, [ROWS[1], row_with(**{column: "  "})]))
    assert only_problem(error, 3, column).message("en").endswith(reason)


@pytest.mark.parametrize(
    "code",
    [
        EAN_A[:-1] + str((int(EAN_A[-1]) + 1) % 10),  # wrong check digit
        "899123456",  # wrong length
        "8991234567X91",  # not digits
        UPC_A[:-1] + "3",  # UPC-A with a wrong check digit
    ],
)
def test_bad_barcode_names_the_barcode_reason(tmp_path, db, code):
    error = refused(db, write_csv(tmp_path, [row_with(barcode=code)]))
    problem = only_problem(error, 2, "barcode")
    with pytest.raises(BarcodeError) as bad:
        barcodes.validate(barcodes.normalise(code))
    assert problem.msg == bad.value.msg


@pytest.mark.parametrize("text", ["8,99123E+12", "8.99123E+12", "8.99123e12"])
def test_scientific_barcode_text_is_refused(tmp_path, db, text):
    error = refused(db, excel_csv(tmp_path, [row_with(barcode=text)]))
    problem = only_problem(error, 2, "barcode")
    assert "scientific notation" in problem.message("en")
    assert "notasi ilmiah" in problem.message("id")


def test_good_barcodes_are_normalised(tmp_path):
    rows = [
        row_with(barcode=f" {EAN_A} "),
        row_with(product_name="B", barcode=UPC_A),
        row_with(product_name="C", barcode=EAN_8),
        row_with(product_name="D", barcode=EAN_B + ".0"),
    ]
    parsed = read_catalog(write_csv(tmp_path, rows))
    assert [r.barcode for r in parsed] == [EAN_A, "0" + UPC_A, EAN_8, EAN_B]


# --- reading: rows that contradict each other ----------------------------------------------


def test_duplicate_barcode_in_file_names_earlier_row(tmp_path, db):
    rows = [ROWS[0], ROWS[1], row_with(product_name="Kain Lain", barcode=EAN_A)]
    problem = only_problem(refused(db, write_csv(tmp_path, rows)), 4, "barcode")
    assert problem.message("en").endswith(f"barcode {EAN_A} is already used on row 2")


def test_upc_a_and_its_ean13_form_are_the_same_barcode(tmp_path):
    rows = [row_with(barcode=UPC_A), row_with(product_name="Lain", barcode="0" + UPC_A)]
    with pytest.raises(CatalogError) as info:
        read_catalog(write_csv(tmp_path, rows))
    assert where(info.value) == [(3, "barcode")]


def test_duplicate_product_of_partner_in_file(tmp_path, db):
    rows = [ROWS[0], ROWS[1], row_with(product_name=" SELENDANG  tenun", barcode="")]
    problem = only_problem(refused(db, write_csv(tmp_path, rows)), 4, "product_name")
    assert "row 3" in problem.message("en")


def test_partner_code_with_two_names(tmp_path, db):
    rows = [ROWS[0], row_with(product_name="Lain", barcode="", partner_name="Tenun Maluku")]
    problem = only_problem(refused(db, write_csv(tmp_path, rows, header=ID)), 3, "nama_mitra")
    assert problem.message("id") == (
        "baris 3, kolom nama_mitra: kode mitra AMB001 muncul dengan dua nama: "
        "'Tenun Ambon Lestari' (baris 2) dan 'Tenun Maluku'"
    )


def test_partner_code_with_two_regions(tmp_path, db):
    rows = [ROWS[0], row_with(product_name="Lain", barcode="", region="Kota Tual, Maluku")]
    problem = only_problem(refused(db, write_csv(tmp_path, rows)), 3, "region")
    assert "two regions" in problem.message("en")


def test_partner_codes_are_normalised_and_region_may_be_given_once(tmp_path, db):
    rows = [row_with(region="")]
    rows.append(row_with(partner_code=" amb001 ", product_name="Lain", barcode=""))
    rows.append(row_with(partner_code="Amb001", product_name="Lagi", barcode="", region=""))
    parsed = read_catalog(write_csv(tmp_path, rows))
    assert {r.partner_code for r in parsed} == {"AMB001"}
    result = import_catalog(db, write_csv(tmp_path, rows), at=AT)
    assert result.partners_added == 1
    region = db.execute("SELECT region FROM partners").fetchone()[0]
    assert region == "Kota Ambon, Maluku"


def test_every_problem_is_reported_sorted_by_row(tmp_path, db):
    rows = [
        ROWS[0],  # row 2: fine
        row_with(product_name="", price="-1", barcode="", stock="x"),  # row 3
        ROWS[1],  # row 4: fine
        row_with(product_name="Lain", barcode=EAN_A),  # row 5: duplicate barcode
        row_with(partner_name="Lain", product_name="Z", barcode="", price="abc"),  # row 6
    ]
    error = refused(db, write_csv(tmp_path, rows))
    assert where(error) == [
        (3, "product_name"),
        (3, "price"),
        (3, "stock"),
        (5, "barcode"),
        (6, "partner_name"),
        (6, "price"),
    ]
    assert "(6 problems)" in error.message("en")
    assert "(6 masalah)" in error.message("id")


def test_problem_column_is_the_header_as_written(tmp_path, db):
    header = [" KODE_MITRA ", "Nama_Mitra", "daerah", "Nama Produk", "kategori", "Harga"]
    header += ["BARCODE", "Stok"]
    error = refused(db, write_csv(tmp_path, [row_with(price="x", stock="-1")], header=header))
    assert where(error) == [(2, "Harga"), (2, "Stok")]


# --- importing -----------------------------------------------------------------------------


def test_import_writes_partners_products_and_intake(tmp_path, db):
    admin = User(id=1, username="admin", display_name="Admin", role="admin")
    db.execute(
        "INSERT INTO users (id, username, display_name, role, pin_hash, created_at) "
        "VALUES (1, 'admin', 'Admin', 'admin', 'x', '2024-01-01T00:00:00+07:00')"
    )
    result = import_catalog(db, excel_csv(tmp_path, ROWS), user=admin, at=AT)
    assert result == ImportResult(
        partners_added=2,
        partners_updated=0,
        products_added=3,
        products_updated=0,
        intake_moves=3,
        unchanged=0,
    )
    assert result.changed
    kain = product(db, "Kain Tenun Ambon")
    assert kain["barcode"] == EAN_A and kain["barcode_internal"] == 0
    assert (kain["price"], kain["on_hand"], kain["catalog_intake"], kain["active"]) == (
        125_000,
        12,
        12,
        1,
    )
    assert kain["created_at"] == "2024-02-27T16:30:00+07:00"
    batik = product(db, "Batik Tulis Parang")
    assert batik["barcode_internal"] == 1 and batik["price"] == 1_250_000
    moves = [dict(m) for m in db.query("SELECT * FROM stock_moves ORDER BY id")]
    assert [m["qty"] for m in moves] == [12, 5, 3]
    assert {m["kind"] for m in moves} == {"intake"}
    assert {m["reason"] for m in moves} == {"catalog import"}
    assert {m["user_id"] for m in moves} == {1}
    assert {m["at"] for m in moves} == {"2024-02-27T16:30:00+07:00"}
    assert {m["day"] for m in moves} == {"2024-02-27"}
    assert stock.ledger_mismatches(db) == []
    [entry] = db.query("SELECT * FROM audit WHERE action = 'catalog.import'")
    detail = json.loads(entry["detail"])
    assert detail["file"] == "katalog.csv" and detail["products_added"] == 3
    assert entry["user_id"] == 1


def test_fair_day_of_moves_is_in_event_timezone(tmp_path, db):
    late = datetime(2024, 2, 27, 18, 30, tzinfo=ZoneInfo("UTC"))  # 01:30 WIB on the 28th
    import_catalog(db, write_csv(tmp_path, ROWS), at=late)
    assert {r[0] for r in db.execute("SELECT day FROM stock_moves")} == {"2024-02-28"}


def test_default_time_is_now(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS))
    at = db.execute("SELECT at FROM stock_moves").fetchone()[0]
    assert at.endswith("+07:00")


def test_zero_stock_writes_no_move(tmp_path, db):
    result = import_catalog(db, write_csv(tmp_path, [row_with(stock="0")]), at=AT)
    assert result.intake_moves == 0 and result.products_added == 1
    assert counts(db)["stock_moves"] == 0


def test_reimport_changes_nothing(tmp_path, db):
    path = excel_csv(tmp_path, ROWS)
    import_catalog(db, path, at=AT)
    before = counts(db)
    snapshot = [dict(r) for r in db.query("SELECT * FROM products ORDER BY id")]
    again = import_catalog(db, path, at=datetime(2024, 2, 29, 10, 0, tzinfo=WIB))
    assert again == ImportResult(0, 0, 0, 0, 0, unchanged=3)
    assert not again.changed
    assert counts(db) == before
    assert [dict(r) for r in db.query("SELECT * FROM products ORDER BY id")] == snapshot


def test_same_catalog_as_xlsx_changes_nothing(tmp_path, db):
    import_catalog(db, excel_csv(tmp_path, ROWS), at=AT)
    before = counts(db)
    xlsx_rows: list[list[object]] = [EN]
    for row in ROWS:
        xlsx_rows.append([*row[:5], parse_rupiah(row[5]), row[6] or None, int(row[7])])
    result = import_catalog(db, write_xlsx(tmp_path, xlsx_rows), at=AT)
    assert not result.changed and counts(db) == before


def test_reimport_with_generated_barcodes_filled_in_changes_nothing(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    before = counts(db)
    exported = [
        row[:6] + [product(db, row[3])["barcode"]] + row[7:] for row in ROWS
    ]  # what `export products` gives back
    result = import_catalog(db, write_csv(tmp_path, exported, name="export.csv"), at=AT)
    assert not result.changed and counts(db) == before


def test_price_change_updates_and_is_audited(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    before = counts(db)
    changed = [row_with(price="Rp 130.000"), ROWS[1], ROWS[2]]
    result = import_catalog(db, write_csv(tmp_path, changed, name="v2.csv"), at=AT)
    assert (result.products_updated, result.unchanged, result.intake_moves) == (1, 2, 0)
    assert product(db, "Kain Tenun Ambon")["price"] == 130_000
    after = counts(db)
    assert after["products"] == before["products"]
    assert after["stock_moves"] == before["stock_moves"]
    assert after["audit"] == before["audit"] + 2  # product.update + catalog.import
    [entry] = db.query("SELECT * FROM audit WHERE action = 'product.update'")
    detail = json.loads(entry["detail"])
    assert detail["old"] == {"price": 125_000} and detail["new"] == {"price": 130_000}
    assert entry["entity"] == "product"


def test_category_and_name_change_by_barcode(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    renamed = [row_with(product_name="Kain Tenun Ambon Biru", category="Kain"), *ROWS[1:]]
    result = import_catalog(db, write_csv(tmp_path, renamed, name="v2.csv"), at=AT)
    assert result.products_updated == 1 and result.products_added == 0
    kain = product(db, "Kain Tenun Ambon Biru")
    assert (kain["barcode"], kain["category"]) == (EAN_A, "Kain")
    [entry] = db.query("SELECT detail FROM audit WHERE action = 'product.update'")
    assert json.loads(entry["detail"])["old"] == {"name": "Kain Tenun Ambon", "category": "Tenun"}


def test_name_match_prefers_the_exact_spelling(tmp_path, db):
    # Case variants made elsewhere (e.g. by hand in a product editor), the exact one second.
    when = "2024-02-27T00:00:00+07:00"
    db.execute(
        "INSERT INTO partners (id, code, name, region, created_at) VALUES (1, ?, ?, ?, ?)",
        (*ROWS[0][:3], when),
    )
    for code, name in (("2000000000015", "KAIN TENUN AMBON"), (EAN_B, "Kain Tenun Ambon")):
        db.execute(
            "INSERT INTO products (barcode, name, partner_id, category, price, catalog_intake, "
            "created_at) VALUES (?, ?, 1, 'Tenun', 125000, 12, ?)",
            (code, name, when),
        )
    again = import_catalog(db, write_csv(tmp_path, [row_with(barcode="")]), at=AT)
    assert again == ImportResult(0, 0, 0, 0, 0, unchanged=1)


def test_stock_change_writes_correction_moves(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    changed = [row_with(stock="20"), ROWS[1][:7] + ["2"], ROWS[2]]
    result = import_catalog(db, write_csv(tmp_path, changed, name="v2.csv"), at=AT)
    assert result.intake_moves == 2 and result.products_updated == 2 and result.unchanged == 1
    moves = db.execute(
        "SELECT qty, reason FROM stock_moves WHERE reason = 'catalog correction' ORDER BY id"
    ).fetchall()
    assert [tuple(m) for m in moves] == [(8, "catalog correction"), (-3, "catalog correction")]
    kain, selendang = product(db, "Kain Tenun Ambon"), product(db, "Selendang Tenun")
    assert (kain["on_hand"], kain["catalog_intake"]) == (20, 20)
    assert (selendang["on_hand"], selendang["catalog_intake"]) == (2, 2)
    assert stock.ledger_mismatches(db) == []
    again = import_catalog(db, write_csv(tmp_path, changed, name="v2.csv"), at=AT)
    assert not again.changed


def test_absent_optional_columns_leave_stored_values_alone(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    before = counts(db)
    keep = [EN.index(c) for c in ("partner_code", "partner_name", "product_name", "price")]
    short = [[row[i] for i in keep] for row in ROWS]
    header = [EN[i] for i in keep]
    result = import_catalog(db, write_csv(tmp_path, short, header=header, name="s.csv"), at=AT)
    assert not result.changed and counts(db) == before
    assert product(db, "Kain Tenun Ambon")["category"] == "Tenun"


def test_partner_name_and_region_change_is_audited(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    renamed = [
        row_with(partner_name="Tenun Ambon Jaya", region="Kota Ambon"),
        ROWS[1][:1] + ["Tenun Ambon Jaya", "Kota Ambon"] + ROWS[1][3:],
        ROWS[2],
    ]
    result = import_catalog(db, write_csv(tmp_path, renamed, name="v2.csv"), at=AT)
    assert (result.partners_updated, result.partners_added, result.products_updated) == (1, 0, 0)
    name, region = db.execute("SELECT name, region FROM partners WHERE code = 'AMB001'").fetchone()
    assert (name, region) == ("Tenun Ambon Jaya", "Kota Ambon")
    [entry] = db.query("SELECT detail FROM audit WHERE action = 'partner.update'")
    assert json.loads(entry["detail"])["old"] == {
        "name": "Tenun Ambon Lestari",
        "region": "Kota Ambon, Maluku",
    }


def test_internal_codes_are_valid_unique_and_restricted_range(tmp_path, db):
    taken = barcodes.internal_code(1)  # a file may carry an internal code from another event
    rows = [row_with(product_name=f"Produk {i}", barcode="") for i in range(12)]
    rows.append(row_with(product_name="Bawaan", barcode=taken))
    import_catalog(db, write_csv(tmp_path, rows), at=AT)
    more = [row_with(partner_code="B01", partner_name="B", product_name="X", barcode="")]
    import_catalog(db, write_csv(tmp_path, more, name="more.csv"), at=AT)
    generated = [
        r[0] for r in db.execute("SELECT barcode FROM products WHERE barcode_internal = 1")
    ]
    assert len(generated) == 13 == len(set(generated))
    assert taken not in generated
    assert all(barcodes.is_valid(c) and len(c) == 13 and c.startswith("2") for c in generated)
    assert product(db, "Bawaan")["barcode_internal"] == 0


def test_upc_a_in_file_is_stored_as_ean13(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, [row_with(barcode=UPC_A)]), at=AT)
    assert product(db, "Kain Tenun Ambon")["barcode"] == "0036000291452"
    again = import_catalog(db, write_csv(tmp_path, [row_with(barcode=UPC_A)]), at=AT)
    assert not again.changed


def test_barcode_of_another_partners_product_is_refused(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    other = [row_with(partner_code="X01", partner_name="X", product_name="Lain", barcode=EAN_A)]
    error = refused(db, write_csv(tmp_path, other, name="v2.csv"))
    problem = only_problem(error, 2, "barcode")
    assert "'Kain Tenun Ambon' of partner AMB001" in problem.message("en")


def test_new_barcode_for_a_stored_product_name_is_refused(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    stored = product(db, "Selendang Tenun")["barcode"]
    error = refused(db, write_csv(tmp_path, [ROWS[1][:6] + [EAN_B, "5"]], name="v2.csv"))
    problem = only_problem(error, 2, "product_name")
    assert stored in problem.message("en")


def test_rename_onto_another_stored_product_is_refused(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    rows = [row_with(product_name="Selendang Tenun")]
    error = refused(db, write_csv(tmp_path, rows, name="v2.csv"))
    only_problem(error, 2, "product_name")


def test_two_rows_for_one_stored_product_are_refused(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    rows = [row_with(product_name="Kain Baru"), row_with(barcode="")]  # by barcode, by name
    error = refused(db, write_csv(tmp_path, rows, name="v2.csv"))
    problem = only_problem(error, 3, "product_name")
    assert "row 2" in problem.message("en")


def test_file_and_database_problems_are_reported_together(tmp_path, db):
    import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    rows = [
        row_with(partner_code="X01", partner_name="X", product_name="Lain", barcode=EAN_A),
        row_with(price="abc", product_name="Baru", barcode=""),
    ]
    error = refused(db, write_csv(tmp_path, rows, name="v2.csv"))
    assert where(error) == [(2, "barcode"), (3, "price")]


def test_failure_mid_transaction_rolls_everything_back(tmp_path, db, monkeypatch):
    calls = []
    real = stock.record_move

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(stock, "record_move", failing)
    before = counts(db)
    with pytest.raises(RuntimeError):
        import_catalog(db, write_csv(tmp_path, ROWS), at=AT)
    assert counts(db) == before
    assert not db.conn.in_transaction


def test_import_needs_an_event(tmp_path):
    from boothpos.core.errors import DatabaseError

    empty = dbmod.connect(tmp_path / "none.db", create=True)
    with pytest.raises(DatabaseError):
        import_catalog(empty, write_csv(tmp_path, ROWS), at=AT)


def test_demo_catalog(db):
    if not DEMO_CATALOG.exists():
        pytest.skip("resources/demo/catalog.csv not written yet")
    result = import_catalog(db, DEMO_CATALOG, at=AT)
    assert (result.partners_added, result.products_added) == (51, 82)
    codes = [r[0] for r in db.execute("SELECT barcode FROM products")]
    assert len(codes) == 82 == len(set(codes))
    assert all(barcodes.is_valid(c) for c in codes)
    assert stock.ledger_mismatches(db) == []
    assert not import_catalog(db, DEMO_CATALOG, at=AT).changed
