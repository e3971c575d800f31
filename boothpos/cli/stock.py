"""``stock``, ``product`` and ``labels``: stock documents, product edits, labels."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from boothpos.cli.common import EXIT_OK, T, _at, _open, _parse_item, messages
from boothpos.core import errors, paths, users
from boothpos.core.codes import MoveKind, Role
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.money import format_rupiah

MSG = {
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
}

say = messages(MSG)


def add_parsers(sub) -> None:
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
    for role in (Role.SUPERVISOR, Role.ADMIN):
        for u in staff:
            if u.role == role:
                return u
    raise RefusedInput(T["no_supervisor"])


def _stock_report(args, db, doc) -> int:
    from boothpos.core.event import get_event
    from boothpos.documents.stock_sheets import save_stock_sheet

    if doc.kind == MoveKind.ADJUSTMENT:
        line = doc.lines[0]
        text = say(
            "stock_adjusted", number=doc.number, name=line.name, before=line.on_hand_before,
            after=line.on_hand_after, reason=doc.reason_text(),
        )  # fmt: skip
    else:
        what = say("stock_intake" if doc.kind == MoveKind.INTAKE else "stock_return")
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
        raise RefusedInput(MSG["return_what"])
    if action == "return" and args.items and args.return_all:
        raise RefusedInput(MSG["return_both"])
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
        raise RefusedInput(MSG["labels_output"])
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
