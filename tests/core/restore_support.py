"""What a restore must give back: the books of an event database, read for comparison."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from boothpos.core import db, export, reports

DAY1 = date(2024, 2, 28)
DAY2 = date(2024, 2, 29)


def books(path: Path) -> dict:
    """Everything a merge must reproduce, read on a connection of its own."""
    database = db.connect(path)
    try:
        return {
            "sales": export.sales(database),
            "uuids": database.execute(
                "SELECT uuid, kind, till_code, seq, receipt_no, day, time FROM sales "
                "ORDER BY till_code, seq"
            ).fetchall(),
            "voids": database.execute(
                "SELECT v.uuid, s.receipt_no, v.at, v.reason FROM voids v "
                "JOIN sales s ON s.id = v.sale_id ORDER BY v.at, s.receipt_no"
            ).fetchall(),
            "on_hand": database.execute(
                "SELECT barcode, on_hand FROM products ORDER BY barcode"
            ).fetchall(),
            "moves": Counter(
                database.execute(
                    "SELECT p.barcode, m.kind, m.qty, m.at, m.day, m.reason, s.receipt_no, "
                    "v.uuid FROM stock_moves m JOIN products p ON p.id = m.product_id "
                    "LEFT JOIN sales s ON s.id = m.sale_id LEFT JOIN voids v ON v.id = m.void_id"
                ).fetchall()
            ),
            "day_events": database.execute(
                "SELECT day, kind, at, opening_float, counted_cash, expected_cash, z_number "
                "FROM day_events ORDER BY id"
            ).fetchall(),
            "day1": reports.day_report(database, DAY1),
            "day2": reports.day_report(database, DAY2),
            "settlement": reports.settle(database),
        }
    finally:
        database.close()
