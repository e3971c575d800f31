"""Exports follow the public JSON shapes of DESIGN.md exactly; every amount is an int."""

from __future__ import annotations

import csv
import io
import json

import pytest

from boothpos.core import export, returns
from boothpos.core.checkout import Tender

SALE_KEYS = {
    "receipt_no",
    "time",
    "day",
    "status",
    "cashier",
    "total",
    "change",
    "lines",
    "payments",
}
LINE_KEYS = {"barcode", "name", "partner_code", "qty", "unit_price", "discount", "line_total"}
PAYMENT_KEYS = {"method", "amount", "reference"}


def is_int(value) -> bool:
    return type(value) is int


@pytest.fixture
def traded(booth):
    """Three receipts: a completed sale, a voided sale, and a refund of the first."""
    first = booth.sell(
        ("kopi", 2, 10_000),
        "kalung",
        pay=[Tender("qris", 200_000, "QR-55"), Tender("cash", 250_000)],
        at=booth.time(1, 10),
    )
    voided = booth.sell("noken", at=booth.time(1, 11))
    returns.void_sale(
        booth.db,
        voided.receipt_no,
        requested_by=booth.kasir,
        supervisor=booth.supervisor,
        reason="salah scan",
        at=booth.time(1, 11, 1),
    )
    returns.refund_sale(
        booth.db,
        first.receipt_no,
        {1: 1},
        cashier=booth.kasir,
        supervisor=booth.supervisor,
        reason="rusak",
        at=booth.time(2, 9),
    )
    return booth


def test_partners_export_has_exactly_code_name_region(booth):
    records = export.partners(booth.reopen())

    assert records == [
        {"code": "ACH01", "name": "Kopi Gayo Takengon", "region": "Aceh Tengah, Aceh"},
        {"code": "AMB01", "name": "Mutiara Ambon Lestari", "region": "Kota Ambon, Maluku"},
        {"code": "JPR01", "name": "Noken Mama Papua", "region": "Kabupaten Jayapura, Papua"},
        {"code": "NTT01", "name": "Tenun Ikat Sikka", "region": "Kabupaten Sikka, NTT"},
    ]


def test_products_export_has_exactly_the_design_keys(booth):
    records = export.products_list(booth.reopen())

    assert len(records) == 5
    for record in records:
        assert set(record) == {"barcode", "name", "partner_code", "category", "price", "stock"}
        assert is_int(record["price"]) and is_int(record["stock"])
    kopi = next(r for r in records if r["partner_code"] == "ACH01")
    assert kopi == {
        "barcode": booth.product["kopi"].barcode,
        "name": "Kopi Arabika Gayo 250 g",
        "partner_code": "ACH01",
        "category": "Makanan & Minuman",
        "price": 85_000,
        "stock": 20,
    }


def test_products_export_stock_follows_sales(booth):
    booth.sell(("kopi", 3), ("tenun", 2))

    stock = {r["name"]: r["stock"] for r in export.products_list(booth.reopen())}
    assert stock["Kopi Arabika Gayo 250 g"] == 17
    assert stock["Selendang Tenun Ikat"] == -1


def test_sales_export_has_exactly_the_design_keys_and_int_amounts(traded):
    records = export.sales(traded.reopen())

    assert len(records) == 3
    for record in records:
        assert set(record) == SALE_KEYS
        assert is_int(record["total"]) and is_int(record["change"])
        for line in record["lines"]:
            assert set(line) == LINE_KEYS
            for key in ("qty", "unit_price", "discount", "line_total"):
                assert is_int(line[key]), (key, line[key])
        for payment in record["payments"]:
            assert set(payment) == PAYMENT_KEYS
            assert is_int(payment["amount"])


def test_sales_export_of_a_completed_sale(traded):
    record = export.sales(traded.reopen())[0]
    kopi, kalung = traded.product["kopi"], traded.product["kalung"]

    assert record == {
        "receipt_no": "INA24-T1-0228-00001",
        "time": "2024-02-28T10:00:00+07:00",
        "day": "2024-02-28",
        "status": "completed",
        "cashier": "kasir",
        "total": 410_000,
        "change": 40_000,
        "lines": [
            {"barcode": kopi.barcode, "name": "Kopi Arabika Gayo 250 g", "partner_code": "ACH01",
             "qty": 2, "unit_price": 85_000, "discount": 10_000, "line_total": 160_000},
            {"barcode": kalung.barcode, "name": "Kalung Mutiara Laut", "partner_code": "AMB01",
             "qty": 1, "unit_price": 250_000, "discount": 0, "line_total": 250_000},
        ],
        "payments": [
            {"method": "qris", "amount": 200_000, "reference": "QR-55"},
            {"method": "cash", "amount": 250_000, "reference": ""},
        ],
    }  # fmt: skip


def test_sales_export_statuses(traded):
    statuses = [(r["receipt_no"], r["status"]) for r in export.sales(traded.reopen())]

    assert statuses == [
        ("INA24-T1-0228-00001", "completed"),
        ("INA24-T1-0228-00002", "voided"),
        ("INA24-T1-0229-00003", "refund"),
    ]


def test_sales_export_of_a_refund_is_negative(traded):
    record = export.sales(traded.reopen())[2]

    assert (record["total"], record["change"]) == (-80_000, 0)
    assert [(ln["qty"], ln["discount"], ln["line_total"]) for ln in record["lines"]] == [
        (-1, -5_000, -80_000)
    ]
    assert record["payments"] == [{"method": "cash", "amount": -80_000, "reference": ""}]


def test_sales_export_can_be_limited_to_one_day(traded):
    records = export.sales(traded.reopen(), day="2024-02-29")

    assert [r["receipt_no"] for r in records] == ["INA24-T1-0229-00003"]


def test_sales_export_shows_the_name_and_price_at_the_time_of_sale(booth):
    booth.sell("kopi")
    booth.db.execute(
        "UPDATE products SET name = 'Kopi Baru', price = 1 WHERE id = ?", (booth.pid("kopi"),)
    )

    line = export.sales(booth.reopen())[0]["lines"][0]
    assert (line["name"], line["unit_price"]) == ("Kopi Arabika Gayo 250 g", 85_000)


def test_json_output_round_trips_with_int_amounts(traded):
    records = export.sales(traded.reopen())

    parsed = json.loads(export.to_json(records))

    assert parsed == records
    assert all(is_int(r["total"]) for r in parsed)


def test_sales_csv_has_one_row_per_line(traded):
    rows = export.sales_csv_rows(export.sales(traded.reopen()))
    text = export.to_csv(rows, export.SALES_CSV_COLUMNS)

    parsed = list(csv.DictReader(io.StringIO(text)))
    assert [r["receipt_no"] for r in parsed] == [
        "INA24-T1-0228-00001",
        "INA24-T1-0228-00001",
        "INA24-T1-0228-00002",
        "INA24-T1-0229-00003",
    ]
    assert parsed[0]["payments"] == "qris=200000(QR-55);cash=250000"
    assert parsed[1]["line_total"] == "250000"


def test_empty_exports_are_empty_lists(empty_db):
    assert export.partners(empty_db) == []
    assert export.products_list(empty_db) == []
    assert export.sales(empty_db) == []
    assert export.to_json([]) == "[]\n"
