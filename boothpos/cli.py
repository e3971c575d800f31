"""The ``boothpos`` command line, over core (and documents). No Qt unless the app starts.

Exit codes: 0 success; 1 failure or failed check; 2 refused input (nothing changed).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from boothpos.core import backup, check, clock, errors, export, paths, products, users
from boothpos.core.checkout import METHODS, CartLine, Tender, checkout
from boothpos.core.errors import BoothError, DamagedDatabase, Msg, RefusedInput
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
    # stock and labels (issue 4)
    "stock_done": Msg(
        id="{number}: {what} {qty} barang ({lines} produk), mitra {partner}",
        en="{number}: {what} {qty} items ({lines} products), partner {partner}",
    ),
    "stock_intake": Msg(id="diterima", en="received"),
    "stock_return": Msg(id="dikembalikan", en="returned"),
    "stock_adjusted": Msg(
        id="{number}: stok {name} {before} → {after} ({reason})",
        en="{number}: stock of {name} {before} → {after} ({reason})",
    ),
    "return_what": Msg(
        id="sebutkan barang (KODE:JUMLAH ...) atau --all untuk semua stok mitra",
        en="name the items (CODE:QTY ...) or --all for all the partner's stock",
    ),
    "return_both": Msg(
        id="pilih salah satu: daftar barang atau --all",
        en="give either a list of items or --all, not both",
    ),
    "no_supervisor": Msg(
        id="tidak ada supervisor atau admin untuk mencatat; gunakan --user NAMA",
        en="no supervisor or admin to record this; use --user NAME",
    ),
    "stock_row": Msg(
        id="{partner:<7} {barcode:<13} {name:<44} {price:>13} {on_hand:>6} {flag}",
        en="{partner:<7} {barcode:<13} {name:<44} {price:>13} {on_hand:>6} {flag}",
    ),
    "flag_negative": Msg(id="MINUS", en="NEGATIVE"),
    "flag_out": Msg(id="habis", en="out"),
    "flag_low": Msg(id="menipis", en="low"),
    "product_same": Msg(id="Produk {barcode} tidak berubah", en="Product {barcode} is unchanged"),
    "product_changed": Msg(
        id="Produk {barcode} diubah: {changes}", en="Product {barcode} changed: {changes}"
    ),
    "labels_output": Msg(
        id="sebutkan file PDF tujuan dengan -o FILE.pdf",
        en="name the PDF file to write with -o FILE.pdf",
    ),
    "labels_written": Msg(
        id="Ditulis: {path} ({labels} label, {pages} halaman, tata letak {layout}, "
        "geser x {x} mm, y {y} mm)",
        en="Written: {path} ({labels} labels, {pages} pages, layout {layout}, "
        "offset x {x} mm, y {y} mm)",
    ),
    "offset": Msg(
        id="Geser cetak {layout}: x {x} mm (ke kanan), y {y} mm (ke bawah)",
        en="Print offset of {layout}: x {x} mm (right), y {y} mm (down)",
    ),
    "backup_written": Msg(id="Cadangan ditulis: {path}", en="Backup written: {path}"),
    "restored": Msg(
        id="Dipulihkan dari {file}: acara {event}, {sales} transaksi, struk terakhir {last}",
        en="Restored from {file}: event {event}, {sales} transactions, last receipt {last}",
    ),
    "kept_aside": Msg(
        id="File sebelumnya disimpan sebagai {path}", en="The previous file is kept as {path}"
    ),
    "restore_missing": Msg(
        id="PERHATIAN: {count} transaksi di file sebelumnya tidak ada di cadangan ini: "
        "{receipts}. Catat ulang dari struk kertas bila perlu",
        en="ATTENTION: {count} transactions in the previous file are not in this backup: "
        "{receipts}. Re-enter them from the paper receipts if needed",
    ),
    "restore_unknown": Msg(
        id="PERHATIAN: file sebelumnya tidak terbaca; transaksi sesudah struk {last} mungkin "
        "hilang. Periksa struk kertas",
        en="ATTENTION: the previous file could not be read; transactions after receipt {last} "
        "may be missing. Check the paper receipts",
    ),
    "audit_empty": Msg(id="Tidak ada catatan audit", en="No audit entries"),
    "bad_limit": Msg(
        id="--limit '{value}' harus bilangan bulat 1 atau lebih",
        en="--limit '{value}' must be a whole number of 1 or more",
    ),
    "db_error": Msg(
        id="kesalahan database: {detail}; tidak ada yang diubah. Jalankan 'boothpos check'",
        en="database error: {detail}; nothing was changed. Run 'boothpos check'",
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

    _add_stock_parsers(sub)
    _add_report_parsers(sub)
    _add_partner_parsers(sub)

    p = sub.add_parser("check", help="check the database and its books")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("backup", help="write a verified backup of the database")
    p.add_argument(
        "dir",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="folder to write it to (default: the event's backup folder and backup_dir)",
    )

    p = sub.add_parser("restore", help="replace the database with a backup (kept aside)")
    p.add_argument("file", type=Path, metavar="FILE")

    p = sub.add_parser("audit", help="show the audit log (newest first)")
    p.add_argument("--action", help="one action (sale.void) or a family (sale, day, user)")
    p.add_argument("--limit", default="50", help="number of entries (default 50)")
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
    if args.what in REPORT_EXPORTS or args.format == "xlsx":
        return _export_reports(args)
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


def cmd_backup(args) -> int:
    db = _open(args)
    # DIR must exist: a USB stick's mount point is never made on the laptop's own disk
    folders = None if args.dir is None else [args.dir]
    run = backup.backup_now(db, args.db or paths.default_db(), folders=folders)
    for path in run.written:
        print(say("backup_written", path=path))
    for notice in run.warnings:
        print(say("warning", text=notice.message()), file=sys.stderr)
    return EXIT_OK if run.written and run.ok else EXIT_FAIL


def cmd_restore(args) -> int:
    result = backup.restore(args.file, args.db or paths.default_db())
    info = result.backup
    last = info.last_receipt or "-"
    print(say("restored", file=args.file, event=info.event, sales=info.sales, last=last))
    if result.replaced is not None:
        print(say("kept_aside", path=result.replaced))
    if result.missing_receipts is None:
        print(say("restore_unknown", last=last), file=sys.stderr)
    elif result.missing_receipts:
        shown = list(result.missing_receipts[:10])
        if len(result.missing_receipts) > 10:
            shown.append("…")
        missing = len(result.missing_receipts)
        print(say("restore_missing", count=missing, receipts=", ".join(shown)), file=sys.stderr)
    return EXIT_OK


def cmd_audit(args) -> int:
    from boothpos.core import audit

    limit = str(args.limit).strip()
    if not limit.isdigit() or int(limit) < 1:
        raise RefusedInput(T["bad_limit"], value=args.limit)
    entries = audit.entries(_open(args), action=args.action, limit=int(limit))
    if args.json:
        print(json.dumps(entries, ensure_ascii=False))
        return EXIT_OK
    if not entries:
        print(say("audit_empty"), file=sys.stderr)
    for e in entries:
        detail = json.dumps(e["detail"], ensure_ascii=False, separators=(",", ":"))
        target = f"{e['entity']} {e['entity_id']}".strip()
        who = e["user"] or "-"
        print(f"{e['id']:>6}  {e['at']}  {who:<10}  {e['action']:<16}  {target}  {detail}")
    return EXIT_OK


# ------------------------------------------------ stock, products, labels ---


def _add_stock_parsers(sub) -> None:
    """``stock intake|adjust|return|list|sheet``, ``product edit`` and ``labels``."""

    def who(q) -> None:
        q.add_argument("--user", help="user name (default: the first supervisor, else admin)")
        q.add_argument("--at", help="time, ISO-8601 (default now)")
        q.add_argument("--json", action="store_true", help="print the document as JSON")

    p = sub.add_parser("stock", help="stock: intake, count/adjust, return to partner, list")
    ssub = p.add_subparsers(dest="stock_action", metavar="ACTION", required=True)
    q = ssub.add_parser("intake", help="goods received from a partner (intake receipt)")
    q.add_argument("items", nargs="+", metavar="CODE:QTY")
    q.add_argument("--partner", metavar="CODE", help="the partner (checked against the items)")
    q.add_argument("--reason", default="", help="note on the receipt, e.g. 'kiriman kedua'")
    q.add_argument("--pdf", type=Path, metavar="FILE", help="write the intake receipt PDF")
    who(q)
    q = ssub.add_parser("adjust", help="correct one product's stock after a count")
    q.add_argument("code", metavar="CODE")
    how = q.add_mutually_exclusive_group(required=True)
    how.add_argument("--count", type=int, metavar="N", help="the number counted")
    how.add_argument("--delta", type=int, metavar="±N", help="the change, e.g. -2")
    q.add_argument("--reason", required=True, metavar="damaged|lost|miscount")
    q.add_argument("--note", default="", help="what happened")
    q.add_argument("--pdf", type=Path, metavar="FILE", help="write the adjustment record PDF")
    who(q)
    q = ssub.add_parser("return", help="unsold goods handed back to a partner (return sheet)")
    q.add_argument("items", nargs="*", metavar="CODE:QTY")
    q.add_argument("--partner", required=True, metavar="CODE")
    q.add_argument("--all", action="store_true", dest="return_all", help="all stock on hand")
    q.add_argument("--reason", default="", help="note on the sheet, e.g. 'akhir pameran'")
    q.add_argument("--pdf", type=Path, metavar="FILE", help="write the return sheet PDF")
    who(q)
    q = ssub.add_parser("list", help="products with stock on hand; low and negative flagged")
    q.add_argument("--partner", metavar="CODE")
    q.add_argument("--text", default="", help="words in name, barcode, category or partner")
    q.add_argument("--low", type=int, metavar="N", help="low-stock threshold (default setting)")
    q.add_argument("--flagged", action="store_true", help="only low and negative stock")
    q.add_argument("--json", action="store_true")
    q = ssub.add_parser("sheet", help="write a stock document's PDF again")
    q.add_argument("number", metavar="DOC_NO")
    q.add_argument("-o", "--output", type=Path, required=True, help="PDF file (or folder)")

    p = sub.add_parser("product", help="change a product's name, category or price")
    psub = p.add_subparsers(dest="product_action", metavar="ACTION", required=True)
    q = psub.add_parser("edit", help="change name, category and/or price (audited)")
    q.add_argument("code", metavar="CODE")
    q.add_argument("--name")
    q.add_argument("--category")
    q.add_argument("--price", metavar="AMOUNT")
    who(q)

    p = sub.add_parser("labels", help="write barcode labels (A4 sheets or label rolls) as PDF")
    p.add_argument("--partner", action="append", default=[], metavar="CODE", help="repeatable")
    p.add_argument("--product", action="append", default=[], metavar="CODE", help="repeatable")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--copies", type=int, metavar="N", help="labels per product (default 1)")
    how.add_argument(
        "--per-stock", action="store_true", help="one label per item on hand (none for ≤ 0)"
    )
    p.add_argument("--layout", metavar="NAME", help="see 'boothpos labels layouts'")
    p.add_argument("--start", type=int, default=1, metavar="N", help="first free A4 label (1–)")
    p.add_argument("--outline", action="store_true", help="draw label edges (test print)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE.pdf")
    lsub = p.add_subparsers(dest="labels_action", metavar="ACTION")
    q = lsub.add_parser("layouts", help="list the label layouts and their print offsets")
    q.add_argument("--json", action="store_true", dest="layouts_json")
    q = lsub.add_parser("calibrate", help="store a layout's print offset (mm right, mm down)")
    q.add_argument("--layout", required=True, dest="cal_layout", metavar="NAME")
    q.add_argument("--x", dest="cal_x", metavar="MM", help="mm right; left: --x=-1.5")
    q.add_argument("--y", dest="cal_y", metavar="MM", help="mm down; up: --y=-0.5")
    q.add_argument("--default", action="store_true", dest="cal_default", help="make it default")


def _stock_user(db, name: str | None) -> users.User:
    if name:
        return users.get_user(db, name)
    staff = users.list_users(db)
    for role in ("supervisor", "admin"):
        for u in staff:
            if u.role == role:
                return u
    raise RefusedInput(T["no_supervisor"])


def _at(db, text: str | None):
    from boothpos.core.event import get_event

    return clock.parse_time(text, get_event(db).timezone) if text else None


def _stock_report(args, db, doc) -> int:
    from boothpos.core.event import get_event
    from boothpos.documents.stock_sheets import save_stock_sheet

    if doc.kind == "adjustment":
        line = doc.lines[0]
        text = say(
            "stock_adjusted", number=doc.number, name=line.name, before=line.on_hand_before,
            after=line.on_hand_after, reason=doc.reason_text(),
        )  # fmt: skip
    else:
        what = say("stock_intake" if doc.kind == "intake" else "stock_return")
        text = say(
            "stock_done", number=doc.number, what=what, qty=doc.total_qty,
            lines=len(doc.lines), partner=f"{doc.partner.code} ({doc.partner.name})",
        )  # fmt: skip
    if args.json:
        print(json.dumps(doc.to_json(), ensure_ascii=False))
    else:
        print(text)
    if getattr(args, "pdf", None):
        path = save_stock_sheet(doc, get_event(db), args.pdf, lang=errors.language())
        print(say("written", path=path), file=sys.stderr)
    return EXIT_OK


def cmd_stock(args) -> int:
    from boothpos.core import stock_ops

    action = args.stock_action
    if action == "return" and not args.items and not args.return_all:
        raise RefusedInput(T["return_what"])
    if action == "return" and args.items and args.return_all:
        raise RefusedInput(T["return_both"])
    items = [_parse_item(i) for i in getattr(args, "items", [])]
    db = _open(args)
    if action == "list":
        return _stock_list(args, db)
    if action == "sheet":
        return _stock_sheet(args, db)
    user, at = _stock_user(db, args.user), _at(db, args.at)
    if action == "intake":
        doc = stock_ops.receive(
            db, items, user=user, partner=args.partner, reason=args.reason, at=at
        )
    elif action == "return":
        doc = stock_ops.return_to_partner(
            db, args.partner, None if args.return_all else items, user=user,
            reason=args.reason, at=at,
        )  # fmt: skip
    else:
        doc = stock_ops.adjust(
            db, args.code, counted=args.count, delta=args.delta, reason=args.reason,
            note=args.note, user=user, at=at,
        )  # fmt: skip
    return _stock_report(args, db, doc)


def _stock_list(args, db) -> int:
    from dataclasses import asdict

    from boothpos.core import stock_ops

    rows = stock_ops.inventory(
        db, partner=args.partner, text=args.text, low_threshold=args.low,
        flagged_only=args.flagged,
    )  # fmt: skip
    if args.json:
        payload = [asdict(r) | {"status": r.status} for r in rows]
        print(json.dumps(payload, ensure_ascii=False))
        return EXIT_OK
    flags = {"negative": "flag_negative", "out": "flag_out", "low": "flag_low"}
    for r in rows:
        name = r.name if len(r.name) <= 44 else r.name[:43] + "…"
        flag = say(flags[r.status]) if r.status in flags else ""
        print(
            say(
                "stock_row", partner=r.partner_code, barcode=r.barcode, name=name,
                price=format_rupiah(r.price), on_hand=r.on_hand, flag=flag,
            ).rstrip()
        )  # fmt: skip
    return EXIT_OK


def _stock_sheet(args, db) -> int:
    from boothpos.core.event import get_event
    from boothpos.core.stock_ops import get_document
    from boothpos.documents.stock_sheets import save_stock_sheet

    doc = get_document(db, args.number)
    path = save_stock_sheet(doc, get_event(db), args.output, lang=errors.language())
    print(say("written", path=path), file=sys.stderr)
    return EXIT_OK


def cmd_product(args) -> int:
    from boothpos.core import stock_ops

    db = _open(args)
    user, at = _stock_user(db, args.user), _at(db, args.at)
    before = stock_ops.resolve_product(db, args.code)
    after = stock_ops.update_product(
        db, before, user=user, name=args.name, category=args.category, price=args.price, at=at
    )
    changes = []
    for field in ("name", "category", "price"):
        old, new = getattr(before, field), getattr(after, field)
        if old != new:
            if field == "price":
                old, new = format_rupiah(old), format_rupiah(new)
            changes.append(f"{field} '{old}' → '{new}'")
    if args.json:
        payload = {
            "barcode": after.barcode, "name": after.name, "category": after.category,
            "price": after.price, "partner_code": after.partner.code, "changed": bool(changes),
        }  # fmt: skip
        print(json.dumps(payload, ensure_ascii=False))
    elif changes:
        print(say("product_changed", barcode=after.barcode, changes="; ".join(changes)))
    else:
        print(say("product_same", barcode=after.barcode))
    return EXIT_OK


def cmd_labels(args) -> int:
    from boothpos.core import labeling
    from boothpos.documents import label_layouts
    from boothpos.documents import labels as labeldoc

    if args.labels_action == "layouts":
        return _labels_layouts(args)
    if args.labels_action == "calibrate":
        return _labels_calibrate(args)
    if args.output is None:
        raise RefusedInput(T["labels_output"])
    db = _open(args)
    name = args.layout or labeling.default_layout(db, label_layouts.DEFAULT_LAYOUT)
    layout = label_layouts.get_layout(name)
    labeldoc.check_start(layout, args.start)
    chosen = labeling.choose_products(db, partners=args.partner, codes=args.product)
    items = labeling.labels_for(
        chosen, copies=1 if args.copies is None else args.copies, per_stock=args.per_stock
    )
    x, y = labeling.get_offset(db, layout.name)
    path = labeldoc.save_labels(
        args.output, items, layout, offset=(x, y), start=args.start, outline=args.outline
    )
    pages = len(labeldoc.page_plan(len(items), layout, args.start))
    print(
        say(
            "labels_written", path=path, labels=len(items), pages=pages, layout=layout.name,
            x=f"{x:g}", y=f"{y:g}",
        ),
        file=sys.stderr,
    )  # fmt: skip
    return EXIT_OK


def _labels_layouts(args) -> int:
    from boothpos.core import labeling
    from boothpos.documents import label_layouts

    offsets: dict[str, tuple[float, float]] = {}
    default = label_layouts.DEFAULT_LAYOUT
    path = args.db or paths.default_db()
    if Path(path).exists():
        db = _open(args)
        offsets = {name: labeling.get_offset(db, name) for name in label_layouts.LAYOUTS}
        default = labeling.default_layout(db, default)
    rows = []
    for layout in label_layouts.LAYOUTS.values():
        x, y = offsets.get(layout.name, (0.0, 0.0))
        rows.append(
            {
                "name": layout.name, "kind": layout.kind, "page_mm": [layout.page_w, layout.page_h],
                "cols": layout.cols, "rows": layout.rows,
                "label_mm": [layout.label_w, layout.label_h],
                "margins_mm": [layout.margin_left, layout.margin_top],
                "gaps_mm": [layout.gap_x, layout.gap_y], "dpi": layout.dpi,
                "offset_mm": [x, y], "default": layout.name == default,
            }
        )  # fmt: skip
    if args.layouts_json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        layout = label_layouts.LAYOUTS[row["name"]]
        mark = " *" if row["default"] else ""
        x, y = row["offset_mm"]
        print(f"{layout.name:<11} {layout.describe():<44} x {x:g} y {y:g} mm{mark}")
    return EXIT_OK


def _labels_calibrate(args) -> int:
    from boothpos.core import labeling
    from boothpos.documents import label_layouts

    layout = label_layouts.get_layout(args.cal_layout)
    db = _open(args)
    x, y = labeling.get_offset(db, layout.name)
    if args.cal_x is not None or args.cal_y is not None:
        x, y = labeling.set_offset(
            db,
            layout.name,
            args.cal_x if args.cal_x is not None else x,
            args.cal_y if args.cal_y is not None else y,
        )
    if args.cal_default:
        labeling.set_default_layout(db, layout.name)
    print(say("offset", layout=layout.name, x=f"{x:g}", y=f"{y:g}"))
    return EXIT_OK


# ------------------------------------------ fair days, reports, settlement ---

T.update(
    {
        "day_opened": Msg(
            id="Hari {day} dibuka, modal awal kas {float}",
            en="Fair day {day} opened, opening float {float}",
        ),
        "day_closed": Msg(
            id="Hari {day} ditutup: Laporan Z-{z}. Kas seharusnya {expected}, dihitung "
            "{counted}, selisih {difference}",
            en="Fair day {day} closed: Z report {z}. Cash expected {expected}, counted "
            "{counted}, difference {difference}",
        ),
        "close_preview": Msg(
            id="PRATINJAU (belum ditutup) hari {day}, akan menjadi Z-{z}: kas seharusnya "
            "{expected}, dihitung {counted}, selisih {difference}",
            en="PREVIEW (not closed) of fair day {day}, would be Z {z}: cash expected "
            "{expected}, counted {counted}, difference {difference}",
        ),
        "day_reopened": Msg(
            id="Hari {day} dibuka kembali; saat ditutup lagi, Z baru menggantikan Z-{z}",
            en="Fair day {day} reopened; closing it again gives a new Z in place of Z {z}",
        ),
        "no_admin": Msg(
            id="tidak ada admin untuk tindakan ini; gunakan --user",
            en="no admin user for this; use --user",
        ),
        "xlsx_needs_file": Msg(
            id="XLSX adalah file biner: berikan -o FILE.xlsx",
            en="XLSX is a binary file: give -o FILE.xlsx",
        ),
        "rate_set": Msg(id="Komisi {who}: {rate}", en="Commission of {who}: {rate}"),
        "rate_event": Msg(id="acara (tarif umum)", en="the event (default rate)"),
        "rate_default": Msg(id="{rate} (tarif umum acara)", en="{rate} (the event's default rate)"),
        "bank_set": Msg(id="Rekening {code}: {text}", en="Bank details of {code}: {text}"),
        "report_title": Msg(
            id="LAPORAN {kind}{number} · {day} ({status})",
            en="{kind} REPORT{number} · {day} ({status})",
        ),
        "status_closed": Msg(id="ditutup", en="closed"),
        "status_open": Msg(id="masih dibuka, sementara", en="still open, provisional"),
        "status_not_opened": Msg(id="belum dibuka", en="not opened"),
        "counts": Msg(
            id="Transaksi {sales}, dibatalkan {voids}, refund {refunds}",
            en="Sales {sales}, voided {voids}, refunds {refunds}",
        ),
        "gross": Msg(id="Penjualan kotor", en="Gross sales"),
        "discounts": Msg(id="Diskon", en="Discounts"),
        "refunds": Msg(id="Pengembalian dana", en="Refunds"),
        "net": Msg(id="Penjualan bersih", en="Net sales"),
        "commission": Msg(id="Komisi booth", en="Booth commission"),
        "payout": Msg(id="Dibayarkan ke mitra", en="Paid to partners"),
        "cash_line": Msg(
            id="Kas: modal {float}, seharusnya {expected}, dihitung {counted}, selisih "
            "{difference}",
            en="Cash: float {float}, expected {expected}, counted {counted}, difference "
            "{difference}",
        ),
        "not_counted": Msg(id="belum dihitung", en="not counted yet"),
        "cash_open": Msg(
            id="Kas: modal {float}, seharusnya {expected}; belum dihitung (hari belum ditutup)",
            en="Cash: float {float}, expected {expected}; not counted (the day is not closed)",
        ),
        "settlement_head": Msg(
            id="Kode     Mitra                            Qty           Bersih         Komisi"
            "       Dibayarkan  Stok",
            en="Code     Partner                          Qty              Net     Commission"
            "           Payout Stock",
        ),
        "period": Msg(id="Periode {first} s.d. {last}", en="Period {first} to {last}"),
        "total": Msg(id="JUMLAH", en="TOTAL"),
    }
)

REPORT_EXPORTS = ("settlement", "lines", "stock")


def _add_period_arguments(p) -> None:
    p.add_argument("--from", dest="first", metavar="DATE", help="first day (default: all)")
    p.add_argument("--to", dest="last", metavar="DATE", help="last day (default: all)")
    p.add_argument("--partner", metavar="CODE", help="one partner only")


def _add_report_parsers(sub) -> None:
    """Fair days, reports and partner terms.

    ``open-day``, ``close-day``, ``reopen-day``, ``report day|partner-day|settlement|summary``,
    ``commission``, ``bank-details``.
    """
    p = sub.add_parser("open-day", help="open a fair day with an opening cash float")
    p.add_argument("day", metavar="DATE")
    p.add_argument("--float", required=True, dest="opening_float", metavar="AMOUNT")
    p.add_argument("--user", help="user name (default: the first supervisor, else admin)")
    p.add_argument("--at", help="time, ISO-8601 (default now)")

    p = sub.add_parser("close-day", help="close a fair day with the cash count (Z report)")
    p.add_argument("day", metavar="DATE")
    count = p.add_mutually_exclusive_group(required=True)
    count.add_argument("--counted-cash", metavar="AMOUNT", help="cash counted in the drawer")
    count.add_argument(
        "--denominations", metavar="SPEC", help="count per note/coin: 100000=3,50000=2,…"
    )
    p.add_argument("--preview", action="store_true", help="show the difference; close nothing")
    p.add_argument("--user", help="user name (default: the first supervisor, else admin)")
    p.add_argument("--at", help="time, ISO-8601 (default now)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the Z report as JSON")
    out.add_argument("--pdf", type=Path, metavar="FILE", help="also write the Z report PDF")

    p = sub.add_parser("reopen-day", help="reopen a closed fair day (admin; audited)")
    p.add_argument("day", metavar="DATE")
    p.add_argument("--reason", required=True, help="why the day is reopened")
    p.add_argument("--user", help="admin user name (default: the first admin)")
    p.add_argument("--at", help="time, ISO-8601 (default now)")

    p = sub.add_parser("report", help="day report (X/Z), partner day sheet, settlement, summary")
    rsub = p.add_subparsers(dest="report", metavar="REPORT", required=True)
    q = rsub.add_parser("day", help="X report of an open day, Z report of a closed one")
    q.add_argument("day", metavar="DATE")
    out = q.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--pdf", type=Path, metavar="FILE")
    q = rsub.add_parser("partner-day", help="one partner's day sheet (PDF)")
    q.add_argument("day", metavar="DATE")
    q.add_argument("--partner", required=True, metavar="CODE")
    q.add_argument("--pdf", type=Path, required=True, metavar="FILE")
    q = rsub.add_parser("settlement", help="partner settlement of a period (default: all)")
    _add_period_arguments(q)
    out = q.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--pdf", type=Path, metavar="FILE", help="settlement sheets to sign")
    q = rsub.add_parser("summary", help="booth summary across all partners (PDF)")
    q.add_argument("--from", dest="first", metavar="DATE")
    q.add_argument("--to", dest="last", metavar="DATE")
    q.add_argument("--pdf", type=Path, required=True, metavar="FILE")

    p = sub.add_parser("commission", help="set the commission rate (event or one partner)")
    p.add_argument("rate", metavar="PERCENT", help="e.g. 10 or 12,5; 'default' with --partner")
    p.add_argument("--partner", metavar="CODE", help="a partner's own rate (0 allowed)")
    p.add_argument("--user", help="admin user name (default: the first admin)")

    p = sub.add_parser("bank-details", help="set where a partner's payout goes")
    p.add_argument("partner", metavar="CODE")
    p.add_argument("text", metavar="TEXT", help="e.g. 'BRI 0123-01-000123-30-1 a.n. Siti'")
    p.add_argument("--user", help="admin user name (default: the first admin)")


def _staff(db, name: str | None, role: str) -> users.User:
    """``--user`` or the first active user with exactly ``role``, else one above it."""
    if name:
        return users.get_user(db, name)
    staff = users.list_users(db)
    for wanted in users.ROLES[users.RANK[role] :]:
        for u in staff:
            if u.role == wanted:
                return u
    raise RefusedInput(T["no_supervisor"] if role == "supervisor" else T["no_admin"])


def _period(args) -> tuple[date | None, date | None]:
    first = clock.parse_date(args.first) if args.first else None
    last = clock.parse_date(args.last) if args.last else None
    return first, last


def _print_json(payload) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=2))


def _difference(value: int | None) -> str:
    if value is None:
        return say("not_counted")
    return ("+" if value > 0 else "") + format_rupiah(value)


def _print_day(report) -> None:
    number = f"-{report.z_number}" if report.z_number is not None else ""
    print(
        say(
            "report_title",
            kind=report.kind,
            number=number,
            day=report.day.isoformat(),
            status=say(f"status_{report.status}"),
        )
    )
    print(say("counts", sales=report.transactions, voids=report.voids, refunds=report.refund_count))
    for key, value in (
        ("gross", report.gross),
        ("discounts", -report.discounts),
        ("refunds", -report.refunds),
        ("net", report.net),
    ):
        print(f"  {say(key):<22}{format_rupiah(value):>18}")
    from boothpos.documents.receipt import method_name

    for method in METHODS:
        name = method_name(method, errors.language())
        print(f"  {name:<22}{format_rupiah(report.by_method[method]):>18}")
    cash = report.cash
    if cash.counted is None:
        print(
            say(
                "cash_open",
                float=format_rupiah(cash.opening_float),
                expected=format_rupiah(cash.expected),
            )
        )
    else:
        print(
            say(
                "cash_line",
                float=format_rupiah(cash.opening_float),
                expected=format_rupiah(cash.expected),
                counted=format_rupiah(cash.counted),
                difference=_difference(cash.difference),
            )
        )
    for p in report.partners:
        print(f"  {p.code:<8} {p.name[:34]:<34} {p.qty:>5} {format_rupiah(p.net):>16}")


def _print_settlement(settlement) -> None:
    print(say("period", first=settlement.first.isoformat(), last=settlement.last.isoformat()))
    print(say("settlement_head"))
    rows = [
        (p.code, p.name, p.qty, p.net, p.commission, p.payout, p.stock.on_hand)
        for p in settlement.partners
    ]
    t = settlement.totals
    rows.append((say("total"), "", t.qty, t.net, t.commission, t.payout, settlement.stock.on_hand))
    for code, name, qty, net, commission, payout, on_hand in rows:
        print(
            f"{code:<8} {name[:30]:<30} {qty:>5} {format_rupiah(net):>16} "
            f"{format_rupiah(commission):>14} {format_rupiah(payout):>16} {on_hand:>5}"
        )


def cmd_open_day(args) -> int:
    from boothpos.core import days

    day = clock.parse_date(args.day)
    amount = parse_rupiah(args.opening_float)
    db = _open(args)
    user = _staff(db, args.user, "supervisor")
    state = days.open_day(db, day, opening_float=amount, user_id=user.id, at=_at(db, args.at))
    print(say("day_opened", day=day.isoformat(), float=format_rupiah(state.opening_float)))
    return EXIT_OK


def cmd_close_day(args) -> int:
    from boothpos.core import days, denominations
    from boothpos.core.event import get_event

    day = clock.parse_date(args.day)
    counted = parse_rupiah(args.counted_cash) if args.counted_cash is not None else None
    counts = denominations.parse(args.denominations) if args.denominations else None
    db = _open(args)
    user = _staff(db, args.user, "supervisor")
    if args.preview:
        report = days.close_preview(db, day, counted_cash=counted, denominations=counts)
    else:
        report = days.close_day(
            db, day, user=user, counted_cash=counted, denominations=counts, at=_at(db, args.at)
        )
        saved = backup.backup_after_day_close(db, args.db or paths.default_db(), user_id=user.id)
        for notice in saved.warnings:  # the close is committed: a backup problem only warns
            print(say("warning", text=notice.message()), file=sys.stderr)
    if args.json:
        _print_json(report.to_json())
    else:
        print(
            say(
                "close_preview" if args.preview else "day_closed",
                day=day.isoformat(),
                z=report.z_number,
                expected=format_rupiah(report.cash.expected),
                counted=format_rupiah(report.cash.counted),
                difference=_difference(report.cash.difference),
            )
        )
    if args.pdf:
        from boothpos.documents.z_report import save_z_report

        path = save_z_report(report, get_event(db), args.pdf)
        print(say("written", path=path), file=sys.stderr)
    return EXIT_OK


def cmd_reopen_day(args) -> int:
    from boothpos.core import days

    day = clock.parse_date(args.day)
    db = _open(args)
    user = _staff(db, args.user, "admin")
    before = days.state(db, day).z_number
    days.reopen_day(db, day, user=user, reason=args.reason, at=_at(db, args.at))
    print(say("day_reopened", day=day.isoformat(), z=before))
    return EXIT_OK


def cmd_report(args) -> int:
    from boothpos.core import reports
    from boothpos.core.event import get_event

    if args.report in ("day", "partner-day"):
        day = clock.parse_date(args.day)
        db = _open(args)
        if args.report == "partner-day":
            from boothpos.documents.partner_day import save_partner_day

            sheet = reports.partner_day(db, day, args.partner)
            path = save_partner_day(sheet, get_event(db), args.pdf)
            print(say("written", path=path), file=sys.stderr)
            return EXIT_OK
        report = reports.day_report(db, day)
        if args.json:
            _print_json(report.to_json())
        elif args.pdf:
            from boothpos.documents.z_report import save_z_report

            path = save_z_report(report, get_event(db), args.pdf)
            print(say("written", path=path), file=sys.stderr)
        else:
            _print_day(report)
        return EXIT_OK
    first, last = _period(args)
    db = _open(args)
    if args.report == "summary":
        from boothpos.documents.booth_summary import save_booth_summary

        settlement = reports.settle(db, first=first, last=last, detail=True)
        path = save_booth_summary(settlement, args.pdf)
        print(say("written", path=path), file=sys.stderr)
        return EXIT_OK
    settlement = reports.settle(
        db, first=first, last=last, partner=args.partner, detail=bool(args.pdf)
    )
    if args.json:
        _print_json(settlement.to_json())
    elif args.pdf:
        from boothpos.documents.settlement import save_settlement

        path = save_settlement(settlement, args.pdf)
        print(say("written", path=path), file=sys.stderr)
    else:
        _print_settlement(settlement)
    return EXIT_OK


def cmd_commission(args) -> int:
    from boothpos.core import money, partner_terms
    from boothpos.documents.layout import rate_text

    db = _open(args)
    user = _staff(db, args.user, "admin")
    if args.partner:
        clear = args.rate.strip().lower() in ("default", "umum", "-")
        rate = None if clear else money.parse_rate(args.rate)
        terms = partner_terms.set_partner_commission(db, args.partner, rate, user=user)
        shown = rate_text(terms.rate_bp)
        if not terms.override:
            shown = say("rate_default", rate=shown)
        print(say("rate_set", who=terms.code, rate=shown))
    else:
        rate = money.parse_rate(args.rate)
        partner_terms.set_event_commission(db, rate, user=user)
        print(say("rate_set", who=say("rate_event"), rate=rate_text(rate)))
    return EXIT_OK


def cmd_bank_details(args) -> int:
    from boothpos.core import partner_terms

    db = _open(args)
    user = _staff(db, args.user, "admin")
    terms = partner_terms.set_bank_details(db, args.partner, args.text, user=user)
    print(say("bank_set", code=terms.code, text=terms.bank_details or "-"))
    return EXIT_OK


def _export_reports(args) -> int:
    """``export settlement|lines|stock`` (and any export as XLSX)."""
    from boothpos.core import reports

    if args.format == "xlsx" and not args.output:
        raise RefusedInput(T["xlsx_needs_file"])
    first, last = _period(args)
    db = _open(args)
    sheets: list = []
    if args.what == "settlement":
        settlement = reports.settle(
            db, first=first, last=last, partner=args.partner, detail=args.format == "xlsx"
        )
        if args.format == "json":
            return _write_export(args, export.to_json(settlement.to_json()))
        rows = export.settlement_rows(settlement)
        if args.format == "csv":
            return _write_export(args, export.to_csv(rows, export.SETTLEMENT_COLUMNS))
        _, _, lines = reports.counted_lines(
            db, first=settlement.first, last=settlement.last, partner=args.partner
        )
        sheets = [
            (
                "Rekap Mitra",
                export.SETTLEMENT_COLUMNS,
                rows,
                export.settlement_total_row(settlement),
            ),
            ("Stok", export.STOCK_COLUMNS, export.stock_rows(settlement), None),
            ("Penjualan", reports.LINE_COLUMNS, lines, None),
        ]
    elif args.what == "stock":
        settlement = reports.settle(db, first=first, last=last, partner=args.partner, detail=True)
        rows = export.stock_rows(settlement)
        if args.format == "json":
            return _write_export(args, export.to_json(rows))
        if args.format == "csv":
            return _write_export(args, export.to_csv(rows, export.STOCK_COLUMNS))
        sheets = [("Stok", export.STOCK_COLUMNS, rows, None)]
    elif args.what == "lines":
        _, _, rows = reports.counted_lines(db, first=first, last=last, partner=args.partner)
        if args.format == "json":
            return _write_export(args, export.to_json(rows))
        if args.format == "csv":
            return _write_export(args, export.to_csv(rows, reports.LINE_COLUMNS))
        sheets = [("Penjualan", reports.LINE_COLUMNS, rows, None)]
    else:  # partners, products, sales as XLSX
        if args.what == "partners":
            rows, columns = export.partners(db), ["code", "name", "region"]
        elif args.what == "products":
            rows = export.products_list(db)
            columns = ["barcode", "name", "partner_code", "category", "price", "stock"]
        else:
            rows, columns = export.sales_csv_rows(export.sales(db)), export.SALES_CSV_COLUMNS
        sheets = [(args.what, columns, rows, None)]
    from boothpos.documents.layout import save_pdf as save_atomically

    save_atomically(export.to_xlsx(sheets), args.output)
    print(say("written", path=args.output), file=sys.stderr)
    return EXIT_OK


def _write_export(args, text: str) -> int:
    if args.output:
        args.output.write_text(text, encoding="utf-8", newline="")
        print(say("written", path=args.output), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


# ------------------------------------------------- partner self-view (issue 6) ---

T.update(
    {
        "partner_pin": Msg(
            id="PIN mitra {code} ({name}): {pin}\nBerikan kepada mitra sekarang; PIN ini tidak "
            "disimpan dalam bentuk yang bisa dibaca dan tidak akan ditampilkan lagi.",
            en="PIN of partner {code} ({name}): {pin}\nGive it to the partner now; it is not "
            "stored readably and will not be shown again.",
        ),
        "partner_pin_needed": Msg(
            id="PIN mitra tidak diberikan dan tidak ada terminal untuk menanyakannya; "
            "gunakan --pin PIN",
            en="no partner PIN given and no terminal to ask for it; use --pin PIN",
        ),
        "cards_written": Msg(
            id="Ditulis: {path} ({cards} kartu mitra, {pages} halaman)",
            en="Written: {path} ({cards} partner cards, {pages} pages)",
        ),
    }
)


def _add_partner_parsers(sub) -> None:
    """``partner pin|cards|view|slip``: partner PINs and cards, and a partner's own figures."""
    p = sub.add_parser("partner", help="partner PINs and cards; a partner's own sales (with PIN)")
    psub = p.add_subparsers(dest="partner_action", metavar="ACTION", required=True)
    q = psub.add_parser("pin", help="set or reset a partner's PIN (admin); shown once")
    q.add_argument("code", metavar="CODE")
    q.add_argument("--pin", help="the PIN, 4-8 digits (default: a random 6-digit PIN)")
    q.add_argument("--user", help="admin user name (default: the first admin)")
    q = psub.add_parser("cards", help="write partner cards (barcode, no PIN) as PDF")
    q.add_argument("--partner", action="append", default=[], metavar="CODE", help="repeatable")
    q.add_argument(
        "--sheet", choices=["a4", "card"], default="a4", help="a4: 10 per page; card: one each"
    )
    q.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    for name, text in (
        ("view", "a partner's own sales and stock (needs the partner's PIN)"),
        ("slip", "write a partner's slip for the receipt printer (needs the partner's PIN)"),
    ):
        q = psub.add_parser(name, help=text)
        q.add_argument("code", metavar="CODE", help="partner code or card scan (MITRA-CODE)")
        q.add_argument("--pin", help="the partner's PIN (asked on a terminal if absent)")
        q.add_argument("--today", metavar="DATE", help="the day shown as today (default today)")
        if name == "view":
            q.add_argument("--json", action="store_true")
        else:
            q.add_argument("-o", "--output", type=Path, required=True, help="PDF file (or folder)")
            q.add_argument(
                "--width", type=int, choices=[58, 80], default=None,
                help="paper width in mm (default: the receipt setting, else 80)",
            )  # fmt: skip


def _partner_pin(args) -> str:
    if args.pin is not None:
        return args.pin
    if not sys.stdin or not sys.stdin.isatty():
        raise RefusedInput(T["partner_pin_needed"])
    return getpass.getpass("PIN: ")


def cmd_partner(args) -> int:
    from boothpos.core import partner_access, partner_view

    action = args.partner_action
    db = _open(args)
    if action == "pin":
        admin = _staff(db, args.user, "admin")
        pin = partner_access.set_partner_pin(db, args.code, admin=admin, pin=args.pin)
        partner = products.partner_by_code(db, partner_access.parse_card_scan(args.code))
        print(say("partner_pin", code=partner.code, name=partner.name, pin=pin))
        return EXIT_OK
    if action == "cards":
        from boothpos.core.event import get_event
        from boothpos.documents.partner_card import SHEETS, save_partner_cards

        cards = partner_access.cards(db, args.partner)
        path = save_partner_cards(args.output, cards, get_event(db).name, sheet=args.sheet)
        pages = -(-len(cards) // SHEETS[args.sheet].per_page)
        print(say("cards_written", path=path, cards=len(cards), pages=pages), file=sys.stderr)
        return EXIT_OK
    today = clock.parse_date(args.today) if args.today else None
    session = partner_access.authenticate_partner(db, args.code, _partner_pin(args))
    dash = partner_view.dashboard(db, session, today=today)
    if action == "view":
        if args.json:
            _print_json(dash.to_json())
        else:
            sys.stdout.write(partner_view.slip_text(dash, lang=errors.language()))
        return EXIT_OK
    from boothpos.core.event import get_setting
    from boothpos.documents.partner_slip import save_partner_slip

    width = args.width or int(get_setting(db, "receipt_width", "80") or 80)
    path = save_partner_slip(dash, args.output, width_mm=width, lang=errors.language())
    print(say("written", path=path), file=sys.stderr)
    return EXIT_OK


COMMANDS = {
    "init": cmd_init,
    "import": cmd_import,
    "export": cmd_export,
    "sell": cmd_sell,
    "receipt": cmd_receipt,
    "check": cmd_check,
    "stock": cmd_stock,
    "product": cmd_product,
    "labels": cmd_labels,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "audit": cmd_audit,
    "open-day": cmd_open_day,
    "close-day": cmd_close_day,
    "reopen-day": cmd_reopen_day,
    "report": cmd_report,
    "commission": cmd_commission,
    "bank-details": cmd_bank_details,
    "partner": cmd_partner,
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
    except DamagedDatabase as exc:
        if exc.backup is None and args.command != "restore":
            from boothpos.core import startup

            exc = startup.damaged(args.db or paths.default_db(), exc.values.get("detail", "?"))
        print(exc.message(), file=sys.stderr)
        return exc.exit_code
    except BoothError as exc:
        print(exc.message(), file=sys.stderr)
        return exc.exit_code
    except sqlite3.DatabaseError as exc:  # a damaged page met outside a write: no traceback
        print(say("db_error", detail=exc), file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAIL
