"""``partner pin|cards|view|slip``: partner PINs and cards, a partner's own figures."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from boothpos.cli.common import EXIT_OK, _open, _print_json, _staff, messages
from boothpos.core import clock, errors, products
from boothpos.core.codes import Role
from boothpos.core.errors import Msg, RefusedInput

MSG = {
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

say = messages(MSG)


def add_parsers(sub) -> None:
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
        raise RefusedInput(MSG["partner_pin_needed"])
    return getpass.getpass("PIN: ")


def cmd_partner(args) -> int:
    from boothpos.core import partner_access, partner_view

    action = args.partner_action
    db = _open(args)
    if action == "pin":
        admin = _staff(db, args.user, Role.ADMIN)
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
            from boothpos.documents.partner_slip import slip_text

            sys.stdout.write(slip_text(dash, lang=errors.language()))
        return EXIT_OK
    from boothpos.core.event import get_setting
    from boothpos.documents.partner_slip import save_partner_slip

    width = args.width or int(get_setting(db, "receipt_width", "80") or 80)
    path = save_partner_slip(dash, args.output, width_mm=width, lang=errors.language())
    print(say("written", path=path), file=sys.stderr)
    return EXIT_OK
