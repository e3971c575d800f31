"""``open-day``, ``close-day`` and ``reopen-day``: the fair days and their Z reports."""

from __future__ import annotations

import sys
from pathlib import Path

from boothpos.cli.common import EXIT_OK, _at, _difference, _open, _print_json, _staff, messages
from boothpos.core import backup, clock, errors, paths
from boothpos.core.codes import Role
from boothpos.core.errors import Msg
from boothpos.core.money import format_rupiah, parse_rupiah

MSG = {
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
}

say = messages(MSG)


def add_parsers(sub) -> None:
    """``open-day``, ``close-day`` and ``reopen-day``."""
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


def cmd_open_day(args) -> int:
    from boothpos.core import days

    day = clock.parse_date(args.day)
    amount = parse_rupiah(args.opening_float)
    db = _open(args)
    user = _staff(db, args.user, Role.SUPERVISOR)
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
    user = _staff(db, args.user, Role.SUPERVISOR)
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
        from boothpos.core.qris_match import stored_match
        from boothpos.documents.z_report import save_z_report

        qris = stored_match(db, day)
        path = save_z_report(report, get_event(db), args.pdf, qris=qris, lang=errors.language())
        print(say("written", path=path), file=sys.stderr)
    return EXIT_OK


def cmd_reopen_day(args) -> int:
    from boothpos.core import days

    day = clock.parse_date(args.day)
    db = _open(args)
    user = _staff(db, args.user, Role.ADMIN)
    before = days.state(db, day).z_number
    days.reopen_day(db, day, user=user, reason=args.reason, at=_at(db, args.at))
    print(say("day_reopened", day=day.isoformat(), z=before))
    return EXIT_OK
