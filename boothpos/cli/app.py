"""The parser, the command table and the error handling of the ``boothpos`` command line."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from boothpos.cli import days, hub, partners, qris, reports, safety, sales, setup, stock
from boothpos.cli.common import EXIT_FAIL, messages, refuse_database_as_output
from boothpos.core import audit, errors, paths
from boothpos.core.errors import BoothError, DamagedDatabase, Msg

MSG = {
    "gui_missing": Msg(
        id="Aplikasi kasir belum terpasang di versi ini", en="The cashier app is not in this build"
    ),
    "db_error": Msg(
        id="kesalahan database: {detail}; tidak ada yang diubah. Jalankan 'boothpos check'",
        en="database error: {detail}; nothing was changed. Run 'boothpos check'",
    ),
}

say = messages(MSG)


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

    setup.add_parsers(sub)
    sales.add_parsers(sub)
    stock.add_parsers(sub)
    days.add_parsers(sub)
    reports.add_parsers(sub)
    partners.add_parsers(sub)
    safety.add_parsers(sub)
    qris.add_parsers(sub)
    hub.add_parsers(sub)
    return parser


COMMANDS = {
    "init": setup.cmd_init,
    "import": setup.cmd_import,
    "export": sales.cmd_export,
    "sell": sales.cmd_sell,
    "receipt": sales.cmd_receipt,
    "check": safety.cmd_check,
    "stock": stock.cmd_stock,
    "product": stock.cmd_product,
    "labels": stock.cmd_labels,
    "backup": safety.cmd_backup,
    "restore": safety.cmd_restore,
    "audit": safety.cmd_audit,
    "open-day": days.cmd_open_day,
    "close-day": days.cmd_close_day,
    "reopen-day": days.cmd_reopen_day,
    "report": reports.cmd_report,
    "commission": reports.cmd_commission,
    "bank-details": reports.cmd_bank_details,
    "partner": partners.cmd_partner,
    "qris": qris.cmd_qris,
    "hub": hub.cmd_hub,
    "join": hub.cmd_join,
    "sync": hub.cmd_sync,
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
    # command-line actions are audited as cli:<os user>, not as a booth user nobody signed in as
    previous_actor = audit.set_actor(audit.cli_actor() if args.command else None)
    try:
        if args.command is None:
            return run_gui(args)
        refuse_database_as_output(args)
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
    finally:
        audit.set_actor(previous_actor)
