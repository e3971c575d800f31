"""``sell``, ``receipt`` and ``export`` (partners, products, sales)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from boothpos.cli.common import (
    EXIT_OK,
    _add_period_arguments,
    _open,
    _parse_item,
    _parse_pay,
    messages,
)
from boothpos.cli.reports import REPORT_EXPORTS, _export_reports, _write_export
from boothpos.core import backup, clock, errors, export, paths, products, users
from boothpos.core.checkout import CartLine, checkout
from boothpos.core.codes import Role
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.money import format_rupiah

MSG = {
    "sold": Msg(
        id="Struk {receipt_no}: total {total}, kembali {change}",
        en="Receipt {receipt_no}: total {total}, change {change}",
    ),
    "no_cashier": Msg(
        id="tidak ada pengguna untuk mencatat penjualan; buat dulu dengan 'boothpos init'",
        en="no user to record the sale; create one first with 'boothpos init'",
    ),
}

say = messages(MSG)


def add_parsers(sub) -> None:
    """``export``, ``sell`` and ``receipt``."""
    p = sub.add_parser(
        "export", help="export partners, products, sales, settlement, sales lines or stock"
    )
    p.add_argument(
        "what", choices=["partners", "products", "sales", "settlement", "lines", "stock"]
    )
    p.add_argument("--format", choices=["csv", "json", "xlsx"], default="csv")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    _add_period_arguments(p)

    p = sub.add_parser("sell", help="record a sale")
    p.add_argument("items", nargs="+", metavar="CODE[:QTY]")
    p.add_argument("--at", help="time of the sale, ISO-8601 (default now)")
    p.add_argument("--cashier", help="user name of the cashier (default: first attendant)")
    p.add_argument("--pay", action="append", default=[], metavar="METHOD[=AMOUNT]")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("receipt", help="write (and print) the receipt PDF of a sale")
    p.add_argument("receipt_no", metavar="RECEIPT_NO")
    p.add_argument("-o", "--output", type=Path, required=True, help="PDF file (or folder)")
    p.add_argument(
        "--width",
        type=int,
        choices=[58, 80],
        default=None,
        help="paper width in mm (default: the event setting, else 80)",
    )
    p.add_argument("--reprint", action="store_true", help="mark it CETAK ULANG / REPRINT")
    p.add_argument(
        "--print",
        dest="printer",
        metavar="SPEC",
        help="also print it: system[:NAME], usb:VID:PID, network:HOST[:PORT], "
        "serial:PORT, file:PATH",
    )


def cmd_export(args) -> int:
    if args.what in REPORT_EXPORTS or args.format == "xlsx":
        return _export_reports(args)
    db = _open(args)
    if args.what == "partners":
        records, columns = export.partners(db), export.PARTNER_COLUMNS
    elif args.what == "products":
        records, columns = export.products_list(db), export.PRODUCT_COLUMNS
    else:
        records = export.sales(db)
        columns = export.SALES_CSV_COLUMNS
    if args.format == "json":
        return _write_export(args, export.to_json(records))
    if args.what == "products":  # a catalog file the importer takes back unchanged
        records, columns = export.products_file_rows(db), export.PRODUCT_FILE_COLUMNS
    rows = export.sales_csv_rows(records) if args.what == "sales" else records
    return _write_export(args, export.to_csv(rows, columns))


def _default_cashier(db) -> users.User:
    all_users = users.list_users(db)
    for u in all_users:
        if u.role == Role.ATTENDANT:
            return u
    if all_users:
        return all_users[0]
    raise RefusedInput(MSG["no_cashier"])


def cmd_sell(args) -> int:
    from boothpos.core.event import get_event

    items = [_parse_item(i) for i in args.items]
    tenders = [_parse_pay(p) for p in args.pay]
    db = _open(args)
    event = get_event(db)
    at = clock.parse_time(args.at, event.timezone) if args.at else None
    cashier = users.get_user(db, args.cashier) if args.cashier else _default_cashier(db)
    cart = [CartLine(products.find_by_code(db, code).id, qty) for code, qty in items]
    result = checkout(db, cart, tenders, cashier=cashier, at=at, event=event)
    saved = backup.maybe_backup_after_sale(db, args.db or paths.default_db())  # never raises
    warnings = [w.message() for w in (*result.warnings, *saved.warnings)]
    if args.json:
        payload = {
            "receipt_no": result.receipt_no,
            "total": result.total,
            "change": result.change,
            "warnings": warnings,
        }
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(
            say(
                "sold",
                receipt_no=result.receipt_no,
                total=format_rupiah(result.total),
                change=format_rupiah(result.change),
            )
        )
    for text in warnings:
        print(say("warning", text=text), file=sys.stderr)
    return EXIT_OK


def cmd_receipt(args) -> int:
    from boothpos.core.event import get_event, get_setting
    from boothpos.core.sales import get_sale
    from boothpos.documents.receipt import save_receipt

    db = _open(args)
    sale = get_sale(db, args.receipt_no)
    width = args.width or int(get_setting(db, "receipt_width", "80") or 80)
    printer = None
    if args.printer:
        from boothpos.printing import make_printer

        printer = make_printer(args.printer, paper_mm=width)  # a bad spec: refused before writing
    path = save_receipt(
        sale,
        get_event(db),
        args.output,
        width_mm=width,
        reprint=args.reprint,
        lang=errors.language(),
    )
    print(say("written", path=path), file=sys.stderr)
    if printer is not None:
        printer.print_pdf(path.read_bytes(), title=sale.receipt_no)
    return EXIT_OK
