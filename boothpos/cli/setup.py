"""``init`` and ``import``: create an event database, import a catalog."""

from __future__ import annotations

import getpass
import sys
from datetime import date
from pathlib import Path

from boothpos.cli.common import EXIT_OK, _open, messages
from boothpos.core import clock, paths, products, users
from boothpos.core.codes import Role
from boothpos.core.errors import Msg, RefusedInput

MSG = {
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
}

say = messages(MSG)


def add_parsers(sub) -> None:
    """``init`` and ``import``."""
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
                raise RefusedInput(MSG["no_pin_tty"])
            pin = getpass.getpass("PIN admin: ")
            if getpass.getpass("PIN admin (ulangi / repeat): ") != pin:
                raise RefusedInput(MSG["pin_mismatch"])
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
            users.add_user(db, "admin", pin, Role.ADMIN, "Admin")
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
