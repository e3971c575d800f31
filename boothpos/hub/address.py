"""The hub's address on a till: shown and changed in Settings (the hub laptop got a new IP).

The till keeps its hub DSN (its own role and password) in its settings; only
the host and port change here, never the credentials. The change is audited
by address only: the DSN holds the till's password and never goes into the
audit log.
"""

from __future__ import annotations

import re

from psycopg.conninfo import conninfo_to_dict, make_conninfo
from sqlite_utils import Database

from boothpos.core import audit
from boothpos.core.db import write_transaction
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.event import get_setting
from boothpos.core.tills import SETTING_HUB_DSN

DEFAULT_PORT = 5432
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")

BAD_ADDRESS = Msg(
    id="alamat hub '{value}' tidak sah; tulis HOST atau HOST:PORT (contoh 192.168.1.10:5432)",
    en="hub address '{value}' is not valid; write HOST or HOST:PORT (for example "
    "192.168.1.10:5432)",
)


def current(db: Database) -> str | None:
    """``host:port`` of the till's hub, or None when the till has not joined one."""
    dsn = get_setting(db, SETTING_HUB_DSN)
    if not dsn:
        return None
    parts = conninfo_to_dict(dsn)
    return f"{parts.get('host', '')}:{parts.get('port', DEFAULT_PORT)}"


def parse(text: str) -> tuple[str, int]:
    """``HOST`` or ``HOST:PORT`` → (host, port); refused with a message naming the value."""
    value = (text or "").strip()
    host, sep, port_text = value.rpartition(":")
    if not sep:
        host, port_text = value, str(DEFAULT_PORT)
    if not _HOST.match(host) or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise RefusedInput(BAD_ADDRESS, value=value)
    return host, int(port_text)


def problem(text: str) -> str | None:
    """What is wrong with ``text`` as a hub address (for a dialog), or None."""
    try:
        parse(text)
    except RefusedInput as exc:
        return exc.message()
    return None


def change(db: Database, text: str, *, user_id: int | None = None) -> str:
    """Point the till at its hub on a new ``HOST[:PORT]``; returns the new address."""
    host, port = parse(text)
    dsn = get_setting(db, SETTING_HUB_DSN)
    if not dsn:
        raise RefusedInput(BAD_ADDRESS, value=text)
    old = current(db)
    new_dsn = make_conninfo(dsn, host=host, port=str(port))
    with write_transaction(db):
        db.execute("UPDATE settings SET value = ? WHERE key = ?", (new_dsn, SETTING_HUB_DSN))
        audit.record(
            db,
            "hub.address",
            user_id=user_id,
            entity="setting",
            entity_id=SETTING_HUB_DSN,
            detail={"old": old, "new": f"{host}:{port}"},
        )
    return f"{host}:{port}"
