"""``qris``: the booth's static QRIS, the amount code, and day-end matching of the history."""

from __future__ import annotations

import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from boothpos.cli.common import EXIT_OK, _open, _print_json, _staff, messages
from boothpos.core import clock
from boothpos.core.codes import Role
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.money import format_rupiah, parse_rupiah

MSG = {
    "stored": Msg(
        id="QRIS booth disimpan: {name}, {city} (NMID {nmid})",
        en="Booth QRIS stored: {name}, {city} (NMID {nmid})",
    ),
    "payload_or_image": Msg(
        id="berikan PAYLOAD atau --image FILE (salah satu)",
        en="give PAYLOAD or --image FILE (one of them)",
    ),
    "merchant": Msg(id="Merchant : {name}, {city}", en="Merchant : {name}, {city}"),
    "nmid": Msg(id="NMID     : {nmid}", en="NMID     : {nmid}"),
    "match_head": Msg(
        id="QRIS {day}: {matched} cocok ({total}), {books} di pembukuan tanpa pasangan, "
        "{history} di riwayat tanpa pasangan",
        en="QRIS {day}: {matched} matched ({total}), {books} unmatched in the books, "
        "{history} unmatched in the history",
    ),
    "in_books": Msg(id="Tanpa pasangan di pembukuan:", en="Unmatched in the books:"),
    "in_history": Msg(id="Tanpa pasangan di riwayat:", en="Unmatched in the history:"),
}

say = messages(MSG)


def add_parsers(sub) -> None:
    p = sub.add_parser("qris", help="the booth's QRIS: store it, amount codes, day-end matching")
    qsub = p.add_subparsers(dest="qris_command", metavar="ACTION", required=True)

    s = qsub.add_parser("set", help="validate and store the booth's static QRIS")
    s.add_argument("payload", nargs="?", metavar="PAYLOAD", help="the payload the scanner types")
    s.add_argument("--image", type=Path, metavar="FILE", help="a photo or PNG of the QRIS sticker")
    s.add_argument("--user", help="admin user name (default: the first admin)")
    _partner_option(s)

    s = qsub.add_parser("show", help="the stored payload and its parsed fields")
    s.add_argument("--json", action="store_true", help="print JSON")
    _partner_option(s)

    s = qsub.add_parser("payload", help="print the payload asking for AMOUNT")
    s.add_argument("amount", metavar="AMOUNT")
    _partner_option(s)

    s = qsub.add_parser("png", help="the amount payload as a QR image")
    s.add_argument("amount", metavar="AMOUNT")
    _partner_option(s)
    s.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.png")
    s.add_argument("--scale", type=int, default=10, help="pixels per module (default 10)")

    s = qsub.add_parser("match", help="match a QRIS transaction history to the day's payments")
    s.add_argument("file", type=Path, metavar="FILE", help="CSV or XLSX export of the history")
    s.add_argument("--day", metavar="DATE", help="fair day (default: the day in the file)")
    s.add_argument(
        "--preset",
        default="auto",
        help="column layout: auto (default), generic, orderkuota",
    )
    s.add_argument("--json", action="store_true", help="print the matching as JSON")
    s.add_argument("--pdf", type=Path, metavar="FILE", help="also write the QRIS sheet PDF")
    s.add_argument("--user", help="user name recorded (default: the first supervisor)")


def _partner_option(p) -> None:
    p.add_argument(
        "--partner",
        metavar="CODE",
        help="a partner's own QRIS (paid directly) instead of the booth's",
    )


def _stored(db, args):
    from boothpos.core import qris

    return qris.require_partner(db, args.partner) if args.partner else qris.require(db)


def cmd_qris(args) -> int:
    return {
        "set": _set,
        "show": _show,
        "payload": _payload,
        "png": _png,
        "match": _match,
    }[args.qris_command](args)


def _set(args) -> int:
    from boothpos.core import qris

    if (args.payload is None) == (args.image is None):
        raise RefusedInput(MSG["payload_or_image"])
    payload = args.payload if args.payload is not None else qris.decode_image(args.image)
    code = qris.validate_static(payload)  # refuse before opening/creating anything
    db = _open(args)
    user = _staff(db, args.user, Role.ADMIN)
    if args.partner:
        code = qris.set_partner_static(db, args.partner, code.payload, user_id=user.id)
    else:
        code = qris.set_static(db, code.payload, user_id=user.id)
    print(say("stored", name=code.merchant_name, city=code.merchant_city, nmid=code.nmid or "-"))
    return EXIT_OK


def _show(args) -> int:
    code = _stored(_open(args), args)
    if args.json:
        _print_json(code.to_json())
        return EXIT_OK
    print(code.payload)
    print(say("merchant", name=code.merchant_name, city=code.merchant_city))
    print(say("nmid", nmid=code.nmid or "-"))
    for f in code.to_json()["fields"]:
        print(f"  {f['tag']} {f['name']:<32} {f['value']}")
    return EXIT_OK


def _amount_payload(args) -> str:
    from boothpos.core import qris

    amount = parse_rupiah(args.amount)
    return qris.amount_payload(_stored(_open(args), args), amount)


def _payload(args) -> int:
    print(_amount_payload(args))
    return EXIT_OK


def _png(args) -> int:
    import segno

    payload = _amount_payload(args)
    segno.make(payload, error="m", micro=False).save(
        str(args.output), kind="png", scale=max(args.scale, 1), border=4
    )
    print(say("written", path=args.output), file=sys.stderr)
    return EXIT_OK


def _match(args) -> int:
    from boothpos.core import qris_match
    from boothpos.core.event import get_event

    db = _open(args)
    user = _staff(db, args.user, Role.SUPERVISOR)
    day = clock.parse_date(args.day) if args.day else None
    result = qris_match.match_file(db, args.file, day=day, preset=args.preset, user_id=user.id)
    if args.json:
        _print_json(result.to_json())
    else:
        print(
            say(
                "match_head",
                day=result.day.isoformat(),
                matched=len(result.matched),
                total=format_rupiah(result.matched_total),
                books=len(result.unmatched_books),
                history=len(result.unmatched_history),
            )
        )
        tz = get_event(db).timezone
        if result.unmatched_books:
            print(say("in_books"))
            for b in result.unmatched_books:
                when = b.time.astimezone(ZoneInfo(tz)).strftime("%H:%M")
                print(f"  {b.receipt_no:<22} {when} {format_rupiah(b.amount):>14}")
        if result.unmatched_history:
            print(say("in_history"))
            for h in result.unmatched_history:
                when = h.time.astimezone(ZoneInfo(tz)).strftime("%H:%M")
                print(f"  {h.reference or '-':<22} {when} {format_rupiah(h.amount):>14}")
    if args.pdf:
        from boothpos.documents.qris_sheet import save_qris_sheet

        path = save_qris_sheet(result, get_event(db), args.pdf)
        print(say("written", path=path), file=sys.stderr)
    return EXIT_OK
