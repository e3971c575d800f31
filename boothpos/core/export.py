"""Exports in the public JSON shapes of DESIGN.md, and their CSV forms."""

from __future__ import annotations

import csv
import io
import json

from sqlite_utils import Database

from boothpos.core import products
from boothpos.core.sales import list_sales


def partners(db: Database) -> list[dict]:
    """``[{code, name, region}]``"""
    return [
        {"code": p.code, "name": p.name, "region": p.region} for p in products.list_partners(db)
    ]


def products_list(db: Database) -> list[dict]:
    """``[{barcode, name, partner_code, category, price, stock}]``"""
    return [
        {
            "barcode": p.barcode,
            "name": p.name,
            "partner_code": p.partner.code,
            "category": p.category,
            "price": p.price,
            "stock": p.on_hand,
        }
        for p in products.list_products(db)
    ]


def sales(db: Database, *, day: str | None = None) -> list[dict]:
    """``[{receipt_no, time, day, status, cashier, total, change, lines, payments}]``"""
    return [
        {
            "receipt_no": s.receipt_no,
            "time": s.time,
            "day": s.day,
            "status": s.status,
            "cashier": s.cashier,
            "total": s.total,
            "change": s.change,
            "lines": [
                {
                    "barcode": line.barcode,
                    "name": line.name,
                    "partner_code": line.partner_code,
                    "qty": line.qty,
                    "unit_price": line.unit_price,
                    "discount": line.discount,
                    "line_total": line.line_total,
                }
                for line in s.lines
            ],
            "payments": [
                {"method": p.method, "amount": p.amount, "reference": p.reference}
                for p in s.payments
            ],
        }
        for s in list_sales(db, day=day)
    ]


SALES_CSV_COLUMNS = [
    "receipt_no",
    "time",
    "day",
    "status",
    "cashier",
    "total",
    "change",
    "line_no",
    "barcode",
    "name",
    "partner_code",
    "qty",
    "unit_price",
    "discount",
    "line_total",
    "payments",
]


def sales_csv_rows(records: list[dict]) -> list[dict]:
    """One CSV row per sale line; the sale's fields repeat; payments as ``cash=50000;qris=…``."""
    rows = []
    for s in records:
        paid = ";".join(
            f"{p['method']}={p['amount']}" + (f"({p['reference']})" if p["reference"] else "")
            for p in s["payments"]
        )
        for n, line in enumerate(s["lines"], start=1):
            rows.append(
                {
                    **{k: s[k] for k in SALES_CSV_COLUMNS[:7]},
                    "line_no": n,
                    **line,
                    "payments": paid,
                }
            )
    return rows


def to_json(records: list[dict]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def to_csv(records: list[dict], columns: list[str] | None = None) -> str:
    out = io.StringIO()
    columns = columns or (list(records[0]) if records else [])
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()
