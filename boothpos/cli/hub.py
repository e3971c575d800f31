"""``hub start|stop|init|report``, ``join`` and ``sync``: several tills through the booth hub.

Nothing here imports psycopg or :mod:`boothpos.hub` until a hub command runs:
the till alone needs neither (``pip install 'boothpos[hub]'`` adds them).
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

from boothpos.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    _add_period_arguments,
    _open,
    _print_json,
    messages,
)
from boothpos.core import paths
from boothpos.core.errors import BoothError, Msg

MSG = {
    "started": Msg(
        id="Hub berjalan (folder {dir}). DSN untuk 'hub init' dan 'join':\n{dsn}",
        en="The hub is running (folder {dir}). DSN for 'hub init' and 'join':\n{dsn}",
    ),
    "waiting": Msg(id="Tekan Ctrl-C untuk menghentikan hub.", en="Press Ctrl-C to stop the hub."),
    "stopped": Msg(id="Hub dihentikan.", en="The hub has stopped."),
    "not_running": Msg(id="Hub tidak sedang berjalan.", en="The hub is not running."),
    "initialised": Msg(
        id="Hub siap: acara, katalog dan pengguna dari {path}; kasir {till} tergabung. "
        "Jalankan 'boothpos --db {path} sync'",
        en="The hub is ready: event, catalog and users from {path}; till {till} has joined. "
        "Run 'boothpos --db {path} sync'",
    ),
    "joined": Msg(
        id="Kasir {till} tergabung: {path} ({pulled} catatan diambil dari hub)",
        en="Till {till} has joined: {path} ({pulled} records pulled from the hub)",
    ),
    "synced": Msg(
        id="Dikirim {pushed}, diambil {pulled}, menunggu {pending}, ditahan {parked}",
        en="Pushed {pushed}, pulled {pulled}, waiting {pending}, parked {parked}",
    ),
    "offline": Msg(
        id="Hub tidak terjangkau: {error}; {pending} catatan menunggu, penjualan tetap jalan",
        en="The hub is out of reach: {error}; {pending} records wait, selling goes on",
    ),
    "parked_line": Msg(
        id="  ditahan: {kind} {uuid} dari kasir {till}: {reason}",
        en="  parked: {kind} {uuid} from till {till}: {reason}",
    ),
}

say = messages(MSG)

NOT_INSTALLED = Msg(
    id="hub belum terpasang di boothpos ini: pip install 'boothpos[hub]' ({detail})",
    en="the hub is not installed in this boothpos: pip install 'boothpos[hub]' ({detail})",
)


def _hub(name: str):
    """``boothpos.hub.<name>``, or a clear refusal when the optional extra is missing."""
    import importlib

    try:
        return importlib.import_module(f"boothpos.hub.{name}")
    except ImportError as exc:
        raise BoothError(NOT_INSTALLED, detail=exc) from exc


def add_parsers(sub) -> None:
    """``hub …``, ``join`` and ``sync``."""
    p = sub.add_parser("hub", help="the booth hub (PostgreSQL) for several tills")
    hsub = p.add_subparsers(dest="hub_command", metavar="HUB_COMMAND", required=True)
    q = hsub.add_parser("start", help="start the booth's PostgreSQL; prints the DSN")
    q.add_argument("--dir", type=Path, help="hub folder (default: in the user data folder)")
    q.add_argument("--port", type=int, help="TCP port (default 5432)")
    q.add_argument("--listen", default="*", help="address to listen on (default: every one)")
    q.add_argument("--detach", action="store_true", help="return once the server runs")
    q = hsub.add_parser("stop", help="stop the hub's PostgreSQL")
    q.add_argument("--dir", type=Path, help="hub folder")
    q = hsub.add_parser("init", help="hub schema + event, catalog and users from a till")
    q.add_argument("--dsn", required=True, help="the hub's DSN (from 'hub start')")
    q.add_argument("--from", dest="source", type=Path, required=True, metavar="TILL.db")
    q = hsub.add_parser("report", help="the booth's reports as the hub holds them")
    q.add_argument("report", choices=["settlement"])
    q.add_argument("--dsn", required=True)
    _add_period_arguments(q)
    q.add_argument("--json", action="store_true")

    p = sub.add_parser("join", help="make a new till database from the hub")
    p.add_argument("dsn", help="the hub's DSN (from 'hub start')")
    p.add_argument("--till", required=True, help="this till's code (T2, T3, …)")

    p = sub.add_parser("sync", help="push this till's records, pull the other tills'")
    p.add_argument("--watch", action="store_true", help="keep syncing every few seconds")
    p.add_argument(
        "--interval", type=float, default=3.0, help="seconds between syncs with --watch (default 3)"
    )
    p.add_argument("--json", action="store_true")


def cmd_hub(args) -> int:
    if args.hub_command == "start":
        return _start(args)
    if args.hub_command == "stop":
        server = _hub("server")
        print(say("stopped" if server.stop(args.dir) else "not_running"))
        return EXIT_OK
    if args.hub_command == "init":
        till = _hub("sync").init_hub(args.dsn, args.source)
        print(say("initialised", path=args.source, till=till))
        return EXIT_OK
    return _report(args)


def _start(args) -> int:
    server = _hub("server")

    hub = server.start(args.dir, port=args.port, listen=args.listen)
    print(say("started", dir=hub.folder, dsn=hub.dsn()), flush=True)
    if args.detach:
        return EXIT_OK
    print(say("waiting"), file=sys.stderr, flush=True)
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    while not done.wait(1.0):
        if not server.is_running(hub):
            return EXIT_FAIL
    server.stop(hub.folder)
    print(say("stopped"))
    return EXIT_OK


def _report(args) -> int:
    from boothpos.cli.reports import _print_settlement
    from boothpos.core import clock, reports

    sync = _hub("sync")

    first = clock.parse_date(args.first) if args.first else None
    last = clock.parse_date(args.last) if args.last else None
    db = sync.books(args.dsn)
    try:
        settlement = reports.settle(db, first=first, last=last, partner=args.partner)
        if args.json:
            _print_json(settlement.to_json())
        else:
            _print_settlement(settlement)
    finally:
        db.close()
    return EXIT_OK


def cmd_join(args) -> int:
    sync = _hub("sync")

    path = Path(args.db or paths.default_db())
    result = sync.join(path, args.dsn, args.till)
    print(say("joined", till=args.till, path=path, pulled=result.pulled))
    return EXIT_OK if result.error is None else EXIT_FAIL


def cmd_sync(args) -> int:
    records, sync = _hub("records"), _hub("sync")

    db = _open(args)
    try:
        sync.hub_dsn(db)  # refuse a till that never joined, before anything else

        def show(result) -> None:
            if args.json:
                _print_json(result.to_json())
            elif result.error:
                print(say("offline", error=result.error, pending=result.pending))
            else:
                print(say("synced", **result.to_json()))
                for p in records.parked(db):
                    print(say("parked_line", till=p["till_code"], **p))
            sys.stdout.flush()

        if args.watch:
            try:
                sync.watch(db, interval=args.interval, report=show)
            except KeyboardInterrupt:
                return EXIT_OK
        result = sync.sync(db)
        show(result)
        if result.error:
            print(result.error, file=sys.stderr)
        return EXIT_OK if result.error is None else EXIT_FAIL
    finally:
        db.close()
