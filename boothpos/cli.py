"""The ``boothpos`` command line, over core (and documents). No Qt unless the app starts.

Exit codes: 0 success; 1 failure or failed check; 2 refused input (nothing changed).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from boothpos.core import check, clock, errors, export, paths, products, users
from boothpos.core.checkout import METHODS, CartLine, Tender, checkout
from boothpos.core.errors import BoothError, Msg, RefusedInput
from boothpos.core.money import format_rupiah, parse_rupiah

EXIT_OK, EXIT_FAIL, EXIT_REFUSED = 0, 1, 2

T = {
    "created": Msg(
        id="Database dibuat: {path}\nAcara: {event} ({first} s.d. {last})",
        en="Database created: {path}\nEvent: {event} ({first} to {last})",
    ),
    "demo_created": Msg(
        id="Acara demo: {partners} mitra, {products} produk. Pengguna: kasir/1111, "
        "supervisor/5555, admin/9999",
        en="Demo event: {partners} partners, {products} products. Users: kasir/1111, "
        "supervisor/5555, admin/9999",
    ),
    "no_pin_tty": Msg(
        id="PIN admin tidak diberikan dan tidak ada terminal untuk menanyakannya; "
        "gunakan --admin-pin PIN",
        en="no admin PIN given and no terminal to ask for it; use --admin-pin PIN",
    ),
    "pin_mismatch": Msg(id="kedua PIN tidak sama", en="the two PINs differ"),
    "imported": Msg(
        id="Katalog diimpor: mitra baru {pa}, mitra diubah {pu}, produk baru {a}, "
        "produk diubah {u}, tidak berubah {n}, gerakan stok {m}",
        en="Catalog imported: partners added {pa}, partners updated {pu}, products added {a}, "
        "products updated {u}, unchanged {n}, stock moves {m}",
    ),
    "bad_item": Msg(
        id="'{value}' bukan KODE atau KODE:JUMLAH (contoh 8991234567895:2)",
        en="'{value}' is not CODE or CODE:QTY (for example 8991234567895:2)",
    ),
    "bad_pay": Msg(
        id="'{value}' bukan METODE atau METODE=JUMLAH (metode: {methods})",
        en="'{value}' is not METHOD or METHOD=AMOUNT (methods: {methods})",
    ),
    "sold": Msg(
        id="Struk {receipt_no}: total {total}, kembali {change}",
        en="Receipt {receipt_no}: total {total}, change {change}",
    ),
    "warning": Msg(id="Peringatan: {text}", en="Warning: {text}"),
    "no_cashier": Msg(
        id="tidak ada pengguna untuk mencatat penjualan; buat dulu dengan 'boothpos init'",
        en="no user to record the sale; create one first with 'boothpos init'",
    ),
    "check_ok": Msg(
        id="Pemeriksaan lulus: {sales} transaksi, {lines} baris, {moves} gerakan stok, "
        "{products} produk",
        en="Check passed: {sales} transactions, {lines} lines, {moves} stock moves, "
        "{products} products",
    ),
    "check_failed": Msg(
        id="Pemeriksaan GAGAL ({count} masalah):", en="Check FAILED ({count} problems):"
    ),
    "written": Msg(id="Ditulis: {path}", en="Written: {path}"),
    "gui_missing": Msg(
        id="Aplikasi kasir belum terpasang di versi ini", en="The cashier app is not in this build"
    ),
}


def say(key: str, **values: object) -> str:
    return T[key].render(**values)


# ---------------------------------------------------------------- parsing ---


def _parse_item(text: str) -> tuple[str, int]:
    code, sep, qty = text.partition(":")
    if not code.strip() or (sep and not qty.strip().isdigit()) or (sep and int(qty) < 1):
        raise RefusedInput(T["bad_item"], value=text)
    return code.strip(), int(qty) if sep else 1


def _parse_pay(text: str) -> Tender:
    method, sep, amount = text.partition("=")
    method = method.strip().lower()
    if method not in METHODS or (sep and not amount.strip()):
        raise RefusedInput(T["bad_pay"], value=text, methods=", ".join(METHODS))
    return Tender(method, parse_rupiah(amount) if sep else None)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boothpos",
        description="Point of sale and inventory for a shared exhibition booth.",
    )
    parser.add_argument(
        "--db", type=Path, help="event database (default: BOOTHPOS_DB or the user data folder)"
    )
    parser.add_argument("--demo", action="store_true", help="open the app on the demo event")
    parser.add_argument("--lang", choices=errors.LANGUAGES, help="message language (id, en)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="create an event database")
    p.add_argument(
        "--demo",
        action="store_true",
        dest="init_demo",
        help="build the bundled INACRAFT 2024 demo event",
    )
    p.add_argument("--admin-pin", help="PIN of the admin user (asked on a terminal if absent)")
    p.add_argument("--event", default=None, help="event name")
    p.add_argument("--start", default=None, help="first fair day, YYYY-MM-DD (default today)")
    p.add_argument("--days", type=int, default=5, help="number of fair days (default 5)")
    p.add_argument("--venue", default="", help="venue")
    p.add_argument("--prefix", default=None, help="receipt-number prefix (default from name)")

    p = sub.add_parser("import", help="import a catalog file")
    p.add_argument("what", choices=["catalog"])
    p.add_argument("file", type=Path)

    p = sub.add_parser("export", help="export partners, products or sales")
    p.add_argument("what", choices=["partners", "products", "sales"])
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")

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

    p = sub.add_parser("check", help="check the database and its books")
    p.add_argument("--json", action="store_true")
    return parser


# --------------------------------------------------------------- commands ---


def _open(args, *, create: bool = False):
    from boothpos.core import db as dbmod

    return dbmod.connect(args.db or paths.default_db(), create=create)


def cmd_init(args) -> int:
    from boothpos.core import db as dbmod
    from boothpos.core import demo, event

    path = args.db or paths.default_db()
    if args.init_demo:
        db = dbmod.connect(path, create=True)
        ev = demo.build_demo(db)
    else:
        pin = args.admin_pin
        if pin is None:
            if not sys.stdin or not sys.stdin.isatty():
                raise RefusedInput(T["no_pin_tty"])
            pin = getpass.getpass("PIN admin: ")
            if getpass.getpass("PIN admin (ulangi / repeat): ") != pin:
                raise RefusedInput(T["pin_mismatch"])
        users.check_pin_format(pin)
        start = clock.parse_date(args.start) if args.start else date.today()
        name = args.event or f"Pameran {start:%Y}"
        db = dbmod.connect(path, create=True)
        with db.atomic():
            ev = event.create_event(
                db,
                name=name,
                first_day=start,
                days=args.days,
                venue=args.venue,
                receipt_prefix=args.prefix,
            )
            users.add_user(db, "admin", pin, "admin", "Admin")
    print(say("created", path=path, event=ev.name, first=ev.first_day, last=ev.last_day))
    if args.init_demo:
        n_partners = len(products.list_partners(db))
        n_products = len(products.list_products(db))
        print(say("demo_created", partners=n_partners, products=n_products))
    return EXIT_OK


def cmd_import(args) -> int:
    from boothpos.core import catalog

    db = _open(args)
    result = catalog.import_catalog(db, args.file)
    print(
        say(
            "imported",
            pa=result.partners_added,
            pu=result.partners_updated,
            a=result.products_added,
            u=result.products_updated,
            n=result.unchanged,
            m=result.intake_moves,
        )
    )
    return EXIT_OK


def cmd_export(args) -> int:
    db = _open(args)
    if args.what == "partners":
        records, columns = export.partners(db), ["code", "name", "region"]
    elif args.what == "products":
        records = export.products_list(db)
        columns = ["barcode", "name", "partner_code", "category", "price", "stock"]
    else:
        records = export.sales(db)
        columns = export.SALES_CSV_COLUMNS
    if args.format == "json":
        text = export.to_json(records)
    else:
        rows = export.sales_csv_rows(records) if args.what == "sales" else records
        text = export.to_csv(rows, columns)
    if args.output:
        args.output.write_text(text, encoding="utf-8", newline="")
        print(say("written", path=args.output), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _default_cashier(db) -> users.User:
    all_users = users.list_users(db)
    for u in all_users:
        if u.role == "attendant":
            return u
    if all_users:
        return all_users[0]
    raise RefusedInput(T["no_cashier"])


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
    warnings = [w.message() for w in result.warnings]
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


def cmd_check(args) -> int:
    db = _open(args)
    report = check.run_checks(db)
    if args.json:
        print(
            json.dumps(
                {
                    "ok": report.ok,
                    "problems": [f.message() for f in report.findings],
                    "counts": report.counts,
                },
                ensure_ascii=False,
            )
        )
    elif report.ok:
        c = report.counts
        print(
            say(
                "check_ok",
                sales=c["sales"],
                lines=c["sale_lines"],
                moves=c["stock_moves"],
                products=c["products"],
            )
        )
    else:
        print(say("check_failed", count=len(report.findings)))
        for finding in report.findings:
            print("  " + finding.message())
    return EXIT_OK if report.ok else EXIT_FAIL


COMMANDS = {
    "init": cmd_init,
    "import": cmd_import,
    "export": cmd_export,
    "sell": cmd_sell,
    "receipt": cmd_receipt,
    "check": cmd_check,
}


def run_gui(args) -> int:
    try:
        from boothpos.gui.app import run
    except ImportError:
        print(say("gui_missing"), file=sys.stderr)
        return EXIT_FAIL
    return run(db_path=args.db, demo=args.demo)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or os.environ.get("BOOTHPOS_LANG", "id")
    errors.set_language(lang if lang in errors.LANGUAGES else "id")
    try:
        if args.command is None:
            return run_gui(args)
        return COMMANDS[args.command](args)
    except BoothError as exc:
        print(exc.message(), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAIL


def main_gui() -> int:
    return main()
