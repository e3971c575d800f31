"""``check``, ``backup``, ``restore`` and ``audit``: keeping the books safe."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from boothpos.cli.common import EXIT_FAIL, EXIT_OK, _open, messages
from boothpos.core import backup, bounds, check, paths
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
    "restore_merged": Msg(
        id="Dikembalikan dari file sebelumnya: {count} transaksi sesudah cadangan ini ({receipts})",
        en="Brought back from the previous file: {count} transactions made after this backup "
        "({receipts})",
    ),
    "restore_voids": Msg(
        id="Dikembalikan dari file sebelumnya: pembatalan {count} penjualan ({receipts})",
        en="Brought back from the previous file: the voids of {count} sales ({receipts})",
    ),
    "restore_days": Msg(
        id="Dikembalikan dari file sebelumnya: {count} catatan buka/tutup hari",
        en="Brought back from the previous file: {count} fair-day openings/closings",
    ),
    "restore_users": Msg(
        id="Dikembalikan dari file sebelumnya: akun pengguna yang diperlukan transaksinya "
        "({users}), dengan PIN yang sama",
        en="Brought back from the previous file: the user accounts its transactions need "
        "({users}), with the same PINs",
    ),
    "restore_missing": Msg(
        id="PERHATIAN: {count} catatan di file sebelumnya tidak ada di cadangan ini dan tidak "
        "bisa dikembalikan:",
        en="ATTENTION: {count} records in the previous file are not in this backup and could "
        "not be brought back:",
    ),
    "restore_missing_hint": Msg(
        id="  Catat ulang dari struk kertas bila perlu; file sebelumnya tetap disimpan",
        en="  Re-enter them from the paper receipts if needed; the previous file is kept",
    ),
    "restore_unknown": Msg(
        id="PERHATIAN: file sebelumnya tidak terbaca; transaksi sesudah struk {last} mungkin "
        "hilang. Periksa struk kertas",
        en="ATTENTION: the previous file could not be read; transactions after receipt {last} "
        "may be missing. Check the paper receipts",
    ),
    "restore_damaged": Msg(
        id="PERHATIAN: file sebelumnya rusak; yang masih terbaca sudah dikembalikan, tetapi "
        "transaksi lain mungkin hilang. Periksa struk kertas",
        en="ATTENTION: the previous file is damaged; what could be read was brought back, but "
        "other transactions may be missing. Check the paper receipts",
    ),
    "restore_stock": Msg(
        id="PERHATIAN: {count} perubahan stok di file sebelumnya tidak ada di cadangan ini "
        "({kinds}); catat ulang",
        en="ATTENTION: {count} stock changes in the previous file are not in this backup "
        "({kinds}); record them again",
    ),
    "restore_till": Msg(
        id="Nomor struk kini berlanjut dengan kode kasir {till} (sebelumnya {old}), agar tidak "
        "ada nomor struk yang terpakai dua kali",
        en="Receipt numbers now continue under till code {till} (was {old}), so that no "
        "receipt number is ever issued twice",
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
    if not args.json:  # to compare with the head printed on the signed Z reports and sheets
        from boothpos.core import chain

        for line in chain.head_lines(db):
            print(line)
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
    from boothpos.core import merge

    result = backup.restore(args.file, args.db or paths.default_db())
    info = result.backup
    last = info.last_receipt or "-"
    print(say("restored", file=args.file, event=info.event, sales=info.sales, last=last))
    if result.merged_receipts:
        receipts = _shown(result.merged_receipts)
        print(say("restore_merged", count=len(result.merged_receipts), receipts=receipts))
    if result.merged_voids:
        receipts = _shown(result.merged_voids)
        print(say("restore_voids", count=len(result.merged_voids), receipts=receipts))
    if result.merged_day_events:
        print(say("restore_days", count=result.merged_day_events))
    if result.users_added:
        print(say("restore_users", users=", ".join(result.users_added)))
    if result.till_code is not None:
        print(say("restore_till", till=result.till_code, old=result.previous_till))
    if result.replaced is not None:
        print(say("kept_aside", path=result.replaced))
    if result.missing_receipts is None:
        print(say("restore_unknown", last=last), file=sys.stderr)
    elif result.previous_damaged:
        print(say("restore_damaged"), file=sys.stderr)
    if result.unmerged:
        print(say("restore_missing", count=len(result.unmerged)), file=sys.stderr)
        for item in result.unmerged:
            print("  " + item.describe(), file=sys.stderr)
        print(say("restore_missing_hint"), file=sys.stderr)
    if result.stock_moves_not_merged:
        moves = result.stock_moves_not_merged
        kinds = merge.moves_text(moves)
        print(say("restore_stock", count=sum(moves.values()), kinds=kinds), file=sys.stderr)
    for notice in result.warnings:
        print(say("warning", text=notice.message()), file=sys.stderr)
    return EXIT_OK


def _shown(receipts: tuple[str, ...], limit: int = 10) -> str:
    """The first ``limit`` receipt numbers, then … for the rest."""
    return ", ".join(receipts[:limit]) + (", …" if len(receipts) > limit else "")


def cmd_audit(args) -> int:
    from boothpos.core import audit

    limit = str(args.limit).strip()
    if not (limit.isascii() and limit.isdigit()) or int(limit[:12]) < 1:
        raise RefusedInput(MSG["bad_limit"], value=args.limit[:40])
    if len(limit) > 12:
        raise RefusedInput(bounds.COUNT_OUT, value=limit[:12] + "…", limit=bounds.MAX_LIST,
                           what_id="batas", what_en="limit")  # fmt: skip
    count = bounds.check_count(int(limit), "limit")
    entries = audit.entries(_open(args), action=args.action, limit=count)
    if args.json:
        print(json.dumps(entries, ensure_ascii=False))
        return EXIT_OK
    if not entries:
        print(say("audit_empty"), file=sys.stderr)
    for e in entries:
        detail = json.dumps(e["detail"], ensure_ascii=False, separators=(",", ":"))
        target = f"{e['entity']} {e['entity_id']}".strip()
        who = e["user"] or "-"
        if e.get("as_user") and e["as_user"] != who:
            who = f"{who} ({e['as_user']})"  # cli:<os user> acting as a booth user
        print(f"{e['id']:>6}  {e['at']}  {who:<10}  {e['action']:<16}  {target}  {detail}")
    return EXIT_OK
