"""Shared pieces of the command line: exit codes, shared messages, parsing and lookups."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from boothpos.core import bounds, clock, paths, users
from boothpos.core.checkout import Tender
from boothpos.core.codes import METHODS, ROLES, Role
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.money import format_rupiah, parse_rupiah
from boothpos.core.roles import RANK

EXIT_OK, EXIT_FAIL, EXIT_REFUSED = 0, 1, 2


# messages used by several command groups; each group keeps its own in its module
T = {
    "written": Msg(id="Ditulis: {path}", en="Written: {path}"),
    "warning": Msg(id="Peringatan: {text}", en="Warning: {text}"),
    "no_supervisor": Msg(
        id="tidak ada supervisor atau admin untuk mencatat; gunakan --user NAMA",
        en="no supervisor or admin to record this; use --user NAME",
    ),
    "no_admin": Msg(
        id="tidak ada admin untuk tindakan ini; gunakan --user",
        en="no admin user for this; use --user",
    ),
    "bad_item": Msg(
        id="'{value}' bukan KODE atau KODE:JUMLAH (contoh 8991234567895:2)",
        en="'{value}' is not CODE or CODE:QTY (for example 8991234567895:2)",
    ),
    "bad_pay": Msg(
        id="'{value}' bukan METODE atau METODE=JUMLAH (metode: {methods})",
        en="'{value}' is not METHOD or METHOD=AMOUNT (methods: {methods})",
    ),
    "not_counted": Msg(id="belum dihitung", en="not counted yet"),
    "output_is_db": Msg(
        id="'{path}' adalah file database acara; tulis laporan/ekspor ke file lain "
        "(tidak ada yang diubah)",
        en="'{path}' is the event's database file; write the report or export to another "
        "file (nothing was changed)",
    ),
}

# Arguments naming a file a command writes.
OUTPUT_ARGUMENTS = ("output", "pdf")


def refuse_database_as_output(args) -> None:
    """Refuse ``-o``/``--pdf`` naming the database or its -wal/-shm, by any name.

    Writing there would destroy the books, and even opening it outside SQLite
    drops the locks of any connection this process holds (see core.db).
    """
    from boothpos.core.db import names_database_file

    database = Path(getattr(args, "db", None) or paths.default_db())
    for name in OUTPUT_ARGUMENTS:
        value = getattr(args, name, None)
        if not isinstance(value, str | Path) or not str(value):
            continue
        if names_database_file(value, database):
            raise RefusedInput(T["output_is_db"], path=str(value))


def messages(own: dict[str, Msg]) -> Callable[..., str]:
    """A ``say(key, **values)`` over a module's own messages, then the shared ones."""
    table = {**T, **own}

    def say(key: str, **values: object) -> str:
        return table[key].render(**values)

    return say


def say(key: str, **values: object) -> str:
    return T[key].render(**values)


# ---------------------------------------------------------------- parsing ---


def _parse_item(text: str) -> tuple[str, int]:
    code, sep, qty = text.partition(":")
    qty = qty.strip()
    if (
        not code.strip()
        or (sep and not (qty.isascii() and qty.isdigit()))
        or (sep and int(qty[:12]) < 1)
    ):
        raise RefusedInput(T["bad_item"], value=text[:80])
    if sep and len(qty) > 12:
        raise RefusedInput(bounds.QTY_OUT, value=qty[:12] + "…", limit=bounds.MAX_SALE_QTY)
    return code.strip(), bounds.check_sale_qty(int(qty)) if sep else 1


def _parse_pay(text: str) -> Tender:
    method, sep, amount = text.partition("=")
    method = method.strip().lower()
    if method not in METHODS or (sep and not amount.strip()):
        raise RefusedInput(T["bad_pay"], value=text, methods=", ".join(METHODS))
    return Tender(method, parse_rupiah(amount) if sep else None)


def _add_period_arguments(p) -> None:
    p.add_argument("--from", dest="first", metavar="DATE", help="first day (default: all)")
    p.add_argument("--to", dest="last", metavar="DATE", help="last day (default: all)")
    p.add_argument("--partner", metavar="CODE", help="one partner only")


# ---------------------------------------------------------------- lookups ---


def _open(args, *, create: bool = False):
    from boothpos.core import db as dbmod

    return dbmod.connect(args.db or paths.default_db(), create=create)


def _at(db, text: str | None):
    from boothpos.core.event import get_event

    return clock.parse_time(text, get_event(db).timezone) if text else None


def _staff(db, name: str | None, role: Role) -> users.User:
    """``--user`` or the first active user with exactly ``role``, else one above it."""
    if name:
        return users.get_user(db, name)
    staff = users.list_users(db)
    for wanted in ROLES[RANK[role] :]:
        for u in staff:
            if u.role == wanted:
                return u
    raise RefusedInput(T["no_supervisor"] if role == Role.SUPERVISOR else T["no_admin"])


def _print_json(payload) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=2))


def _difference(value: int | None) -> str:
    if value is None:
        return say("not_counted")
    return ("+" if value > 0 else "") + format_rupiah(value)
