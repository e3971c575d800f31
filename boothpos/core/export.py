"""Exports in the public JSON shapes of DESIGN.md, and their CSV forms."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

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


def products_file_rows(db: Database) -> list[dict]:
    """``export products`` as a catalog file (CSV/XLSX): :data:`PRODUCT_FILE_COLUMNS`."""
    intake = dict(db.execute("SELECT id, catalog_intake FROM products").fetchall())
    regions = {p.code: p.region for p in products.list_partners(db)}
    return [
        {
            "barcode": p.barcode,
            "name": p.name,
            "partner_code": p.partner.code,
            "category": p.category,
            "price": p.price,
            "stock": intake.get(p.id, 0),
            "partner_name": p.partner.name,
            "region": regions.get(p.partner.code, ""),
            "product_name": p.name,
            "on_hand": p.on_hand,
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


PARTNER_COLUMNS = ["code", "name", "region"]
PRODUCT_COLUMNS = ["barcode", "name", "partner_code", "category", "price", "stock"]
# `export products` as CSV/XLSX is also a catalog file the importer takes back unchanged:
# the JSON keys first, then the catalog columns the importer needs (README), and
# ``on_hand``. In these files ``stock`` is the intake from the partner as the catalog states
# it (what the importer reads and compares); the stock at the booth is ``on_hand`` (the
# JSON shape's ``stock``).
PRODUCT_FILE_COLUMNS = [
    *PRODUCT_COLUMNS,
    "partner_name",
    "region",
    "product_name",
    "on_hand",
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


# A text cell a spreadsheet would run as a formula starts with one of these (OWASP, CSV
# injection): such a cell is written with a leading apostrophe, which spreadsheets show as
# text and the catalog importer takes off again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``=HYPERLINK(…)`` → ``'=HYPERLINK(…)``; numbers and other text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(records: list[dict], columns: list[str] | None = None) -> str:
    out = io.StringIO()
    columns = columns or (list(records[0]) if records else [])
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: neutralise(v) for k, v in r.items()} for r in records)
    return out.getvalue()


# ------------------------------------------- settlement, stock, sales lines ---
# Added for the coordinator's spreadsheets (issue 5). The figures are those of
# boothpos.core.reports (see its docstring for the definitions): the same
# numbers as `report settlement --json` and the settlement PDFs.

SETTLEMENT_COLUMNS = [
    "code",
    "name",
    "region",
    "commission_bp",
    "qty",
    "gross",
    "discounts",
    "refunds",
    "net",
    "commission",
    "payout",
    "received",
    "sold",
    "returned",
    "adjusted",
    "on_hand",
    "bank_details",
]

STOCK_COLUMNS = [
    "partner_code",
    "partner_name",
    "barcode",
    "name",
    "price",
    "opening",
    "received",
    "sold",
    "returned",
    "adjusted",
    "on_hand",
    "qty",
    "net",
]


def settlement_rows(settlement) -> list[dict]:
    """One row per partner of a :class:`boothpos.core.reports.Settlement`, money as int."""
    return [
        {
            "code": p.code,
            "name": p.name,
            "region": p.region,
            "commission_bp": p.rate_bp,
            "qty": p.qty,
            "gross": p.gross,
            "discounts": p.discounts,
            "refunds": p.refunds,
            "net": p.net,
            "commission": p.commission,
            "payout": p.payout,
            "received": p.stock.received,
            "sold": p.stock.sold,
            "returned": p.stock.returned,
            "adjusted": p.stock.adjusted,
            "on_hand": p.stock.on_hand,
            "bank_details": p.bank_details,
        }
        for p in settlement.partners
    ]


def settlement_total_row(settlement) -> dict:
    """The totals under :func:`settlement_rows` (for a spreadsheet; not in the CSV)."""
    totals, stock = settlement.totals, settlement.stock
    return {
        "code": "JUMLAH",
        "name": f"{len(settlement.partners)} mitra",
        **totals.to_json(),
        "received": stock.received,
        "sold": stock.sold,
        "returned": stock.returned,
        "adjusted": stock.adjusted,
        "on_hand": stock.on_hand,
    }


def stock_rows(settlement) -> list[dict]:
    """One row per product (needs ``settle(..., detail=True)``): stock moves of the period."""
    return [
        {
            "partner_code": p.code,
            "partner_name": p.name,
            "barcode": item.barcode,
            "name": item.name,
            "price": item.price,
            "opening": item.stock.opening,
            "received": item.stock.received,
            "sold": item.stock.sold,
            "returned": item.stock.returned,
            "adjusted": item.stock.adjusted,
            "on_hand": item.stock.on_hand,
            "qty": item.figures.qty,
            "net": item.figures.net,
        }
        for p in settlement.partners
        for item in p.products
    ]


TEXT_COLUMNS = {
    "code",
    "name",
    "region",
    "bank_details",
    "partner_code",
    "partner_name",
    "barcode",
    "day",
    "time",
    "receipt_no",
    "kind",
    "refund_of",
    "status",
    "cashier",
    "reference",
    "payments",
    "category",
}


def to_xlsx(sheets: list[tuple[str, list[str], list[dict], dict | None]]) -> bytes:
    """An XLSX workbook: one sheet per ``(title, columns, rows, total_row or None)``.

    Row 1 holds the column keys (as in the CSV), bold and frozen; numbers stay
    ``int`` cells (``#,##0``), barcodes and codes stay text. Every text cell is
    written as text (``data_type`` ``s``), never as a formula, and formula-like
    text is neutralised as in the CSV (:func:`neutralise`). A total row, if
    given, is written as values (not formulas) in bold under the rows.

    Printed, each sheet is A4 landscape, fitted to the page width (as many pages
    tall as it needs) with row 1 repeated on every page, so a partner's
    settlement is not 19 pages with its columns split apart.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for title, columns, rows, total in sheets:
        sheet = book.create_sheet(title[:31])
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = bold
        body = [*rows, total] if total is not None else rows
        for row in body:
            sheet.append([neutralise(row.get(c)) for c in columns])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, never a formula
        if total is not None:
            for cell in sheet[sheet.max_row]:
                cell.font = bold
        for index, column in enumerate(columns, start=1):
            letter = get_column_letter(index)
            if column in TEXT_COLUMNS:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "@"
            else:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "#,##0"
            longest = max([len(str(column))] + [len(str(r.get(column) or "")) for r in body])
            sheet.column_dimensions[letter].width = min(max(longest + 2, 8), 48)
        sheet.freeze_panes = "A2"
        _print_setup(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _print_setup(sheet: Any) -> None:
    """A4 landscape, fit to one page wide (any number tall), the header row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True


# ------------------------------------------------- report exports, by name ---

REPORT_EXPORTS = ("settlement", "stock", "lines")


def report_sheets(
    db: Database,
    what: str,
    *,
    first: date | None = None,
    last: date | None = None,
    partner: str | None = None,
) -> list[tuple[str, list[str], list[dict], dict | None]]:
    """The sheets of a report export (``settlement``, ``stock`` or ``lines``) for a period.

    Ready for :func:`to_xlsx`; the first sheet alone is the CSV form
    (:func:`to_csv` of its rows and columns). ``settlement`` has the partners
    with a total row, then the stock per product and the counted sales lines;
    ``stock`` and ``lines`` have one sheet each. Same figures as
    ``boothpos export … --format xlsx``.
    """
    from boothpos.core import reports

    if what not in REPORT_EXPORTS:
        raise ValueError(f"unknown report export {what!r}")
    if what == "lines":
        _, _, rows = reports.counted_lines(db, first=first, last=last, partner=partner)
        return [("Penjualan", list(reports.LINE_COLUMNS), rows, None)]
    settlement = reports.settle(db, first=first, last=last, partner=partner, detail=True)
    stock = ("Stok", list(STOCK_COLUMNS), stock_rows(settlement), None)
    if what == "stock":
        return [stock]
    _, _, lines = reports.counted_lines(
        db, first=settlement.first, last=settlement.last, partner=partner
    )
    return [
        (
            "Rekap Mitra",
            list(SETTLEMENT_COLUMNS),
            settlement_rows(settlement),
            settlement_total_row(settlement),
        ),
        stock,
        ("Penjualan", list(reports.LINE_COLUMNS), lines, None),
    ]
