"""Exports a spreadsheet opens never run a formula; `export products` imports back unchanged."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from boothpos.cli import main
from boothpos.core import export
from boothpos.core.catalog import import_catalog

EVIL = '=HYPERLINK("http://x","y")'
CATALOG = (
    "partner_code;partner_name;region;product_name;category;price;barcode;stock\n"
    f"AMB001;{EVIL.replace(';', ',')};Ambon;Kalung;Perhiasan;125000;;10\n"
    f"AMB001;{EVIL.replace(';', ',')};Ambon;+Gelang;@cat;35000;;4\n"
    "ACH001;Kopi Gayo;-Aceh;-Kopi 250 g;Kopi;85000;8991234567891;20\n"
)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))


def run(*argv) -> tuple[int, str, str]:
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *(str(a) for a in argv)])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def fair(tmp_path):
    path = tmp_path / "fair.db"
    assert run("--db", path, "init", "--admin-pin", "2468", "--start", "2024-02-28")[0] == 0
    (tmp_path / "catalog.csv").write_text(CATALOG, encoding="utf-8")
    code, _, err = run("--db", path, "import", "catalog", tmp_path / "catalog.csv")
    assert code == 0, err
    code, _, err = run("--db", path, "sell", "8991234567891:3", "--at", "2024-02-28T10:00:00+07:00")
    assert code == 0, err
    code, _, err = run("--db", path, "stock", "intake", "8991234567891:5")
    assert code == 0, err
    return path


def books(path) -> dict:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as conn:
        return {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("partners", "products", "stock_moves", "sales")
        }


@pytest.mark.parametrize("what", ["partners", "products", "sales", "settlement", "stock", "lines"])
def test_csv_exports_never_start_a_text_cell_with_a_formula(fair, what):
    code, out, err = run("--db", fair, "export", what, "--format", "csv")
    assert code == 0, err
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    if what in ("partners", "products", "settlement"):
        assert "'" + EVIL in cells  # shown as text, taken back by the importer
    offending = [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    offending += [c for c in cells if c[:1] == "-" and not c[1:].isdigit()]
    assert offending == [], offending


@pytest.mark.parametrize("what", ["settlement", "partners", "products", "sales"])
def test_xlsx_exports_hold_no_formula_cells(fair, tmp_path, what):
    target = tmp_path / f"{what}.xlsx"
    code, _, err = run("--db", fair, "export", what, "--format", "xlsx", "-o", target)
    assert code == 0, err
    book = load_workbook(target)  # not read-only: data_type as written
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c for c in cells if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in texts)
    assert not [c.value for c in texts if c.value[:1] in ("=", "+", "@")]
    if what in ("settlement", "partners", "products"):
        assert "'" + EVIL in [c.value for c in texts]


def test_products_json_keeps_exactly_the_design_shape(fair):
    code, out, _ = run("--db", fair, "export", "products", "--format", "json")
    records = json.loads(out)
    assert code == 0 and records
    assert all(list(r) == export.PRODUCT_COLUMNS for r in records)
    kopi = next(r for r in records if r["barcode"] == "8991234567891")
    assert kopi["stock"] == 20 - 3 + 5  # on hand, as before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_real_products_export_imports_back_changing_nothing(fair, tmp_path, fmt):
    target = tmp_path / f"products.{fmt}"
    code, _, err = run("--db", fair, "export", "products", "--format", fmt, "-o", target)
    assert code == 0, err
    before = books(fair)

    code, _, err = run("--db", fair, "import", "catalog", target)

    assert code == 0, err
    assert books(fair) == before
    # and the core import says so in so many words
    from boothpos.core import db as dbmod

    conn = dbmod.connect(fair)
    try:
        result = import_catalog(conn, target)
    finally:
        conn.close()
    assert not result.changed and result.unchanged == 3
