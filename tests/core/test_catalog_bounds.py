"""The catalog import checks the same bounds as every other entry point (core.bounds)."""

from __future__ import annotations

import pytest

from boothpos.core.catalog import import_catalog
from boothpos.core.errors import CatalogError

HEADER = "partner_code;partner_name;product_name;price;stock\n"
GOOD = "AMB001;Mutiara Ambon;Kalung;125000;5\n"


@pytest.mark.parametrize(
    "row, column, words",
    [
        ("AMB001;Mutiara Ambon;" + "N" * 5000 + ";125000;5", "product_name", "too long"),
        ("AMB001;" + "P" * 201 + ";Kalung;125000;5", "partner_name", "too long"),
        ("AMB001;Mutiara Ambon;Kalung;125000;1000000000000", "stock", "out of bounds"),
        ("AMB001;Mutiara Ambon;Kalung;125000;" + "9" * 5000, "stock", "out of bounds"),
        ("AMB001;Mutiara Ambon;Kalung;9223372036854775808;5", "price", "too large"),
        ("AMB001;Mutiara Ambon;Kalung;Rp 2.000.000.000;5", "price", "out of bounds"),
        ("MITRA-AMB001;Mutiara Ambon;Kalung;125000;5", "partner_code", "not valid"),
        ("AMB001' OR 1=1 --;Mutiara Ambon;Kalung;125000;5", "partner_code", "not valid"),
        ("AMB001;Mutiara\x07Ambon;Kalung;125000;5", "partner_name", "control character"),
        ("AMB001;Mutiara Ambon;Ka\x1blung;125000;5", "product_name", "control character"),
    ],
)
def test_a_row_outside_the_bounds_is_refused_and_named(empty_db, tmp_path, row, column, words):
    path = tmp_path / "catalog.csv"
    path.write_text(HEADER + GOOD + row + "\n", encoding="utf-8")
    with pytest.raises(CatalogError) as refused:
        import_catalog(empty_db, path)
    text = refused.value.message("en")
    assert "row 3" in text and f"column {column}" in text and words in text, text
    assert empty_db.execute("SELECT COUNT(*) FROM products").fetchone()[0] == 0
