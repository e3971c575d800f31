"""``check``, ``backup``, ``restore`` and ``audit``: keeping the books safe."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from boothpos.cli.common import EXIT_FAIL, EXIT_OK, _open, messages
from boothpos.core import backup, check, paths
from boothpos.core.errors import Msg, RefusedInput

MSG = {
    "check_ok": Msg(
        id="Pemeriksaan lulus: {sales} transaksi, {lines} baris, {moves} gerakan stok, "
        "{products} produk",
        en="Check passed: {sales} transactions, {lines} lines, {moves} stock moves, "
        "{products} products",
    ),
    "check_failed": Msg(
        id="Pemeriksaan GAGAL ({count} masalah):", en="Check FAILED ({count} problems):"
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
}

say = messages(MSG)


def add_parsers(sub) -> None:
    """``check``, ``backup``, ``restore`` and ``audit``."""
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
        raise RefusedInput(MSG["bad_limit"], value=args.limit)
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
