"""The audit log: who did what, when. Append-only (triggers refuse changes)."""

from __future__ import annotations

import json
import os
from datetime import datetime

from sqlite_utils import Database

from boothpos.core import clock
from boothpos.core.codes import Role
from boothpos.core.errors import Msg, PermissionDenied
from boothpos.core.roles import User, require

ADMIN_ONLY = Msg(
    id="catatan audit hanya untuk admin; '{user}' ({role}) tidak berwenang",
    en="the audit log is for admins only; '{user}' ({role}) may not read it",
)


_actor: str | None = None


def set_actor(actor: str | None) -> str | None:
    """Who acts in this process when nobody signed in (``cli:<os user>``); returns the old one.

    While set, every audit entry records it in ``actor``; ``user_id`` stays the
    booth user the command acts as (``--user`` or the default one).
    """
    global _actor
    old, _actor = _actor, actor
    return old


def cli_actor() -> str:
    """``cli:<operating-system user>`` for command-line actions."""
    import getpass

    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment at all
        name = str(os.getuid()) if hasattr(os, "getuid") else "?"
    return f"cli:{name}"


def record(
    db: Database,
    action: str,
    *,
    user_id: int | None = None,
    entity: str = "",
    entity_id: object = "",
    detail: dict | None = None,
    at: datetime | None = None,
) -> None:
    """Append one audit entry. Call inside the caller's ``db.atomic()`` block."""
    db.execute(
        "INSERT INTO audit (at, user_id, action, entity, entity_id, detail, actor) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            clock.to_iso(at or clock.now()),
            user_id,
            action,
            entity,
            str(entity_id),
            json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
            _actor or "",
        ),
    )


def entries(db: Database, *, action: str | None = None, limit: int = 1000) -> list[dict]:
    """The newest ``limit`` entries, newest first, each with who acted (``user``).

    ``user`` is the actor (``cli:<os user>`` for the command line) or else the
    booth user; ``as_user`` is the booth user the entry was recorded under.

    ``action`` picks one action (``sale.void``) or a family of them: ``sale``
    matches ``sale`` and every ``sale.*``.
    """
    sql = (
        "SELECT a.*, COALESCE(NULLIF(a.actor, ''), u.username) AS user, u.username AS as_user "
        "FROM audit a LEFT JOIN users u ON u.id = a.user_id"
    )
    params: list = []
    if action:
        family = action.rstrip(".")
        escaped = family.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql += " WHERE a.action = ? OR a.action LIKE ? ESCAPE '\\'"
        params += [family, escaped + ".%"]
    sql += " ORDER BY a.id DESC LIMIT ?"
    params.append(limit)
    rows = [dict(r) for r in db.query(sql, params)]
    for row in rows:
        row["detail"] = json.loads(row["detail"])
    _name_entities(db, rows)
    return rows


# entity -> how its id reads for a person: a user's name, a sale's receipt number, …
_ENTITY_NAMES = {
    "user": "SELECT id, username FROM users",
    "sale": "SELECT id, receipt_no FROM sales",
    "product": "SELECT id, name FROM products",
    "partner": "SELECT id, code FROM partners",
}


def _name_entities(db: Database, rows: list[dict]) -> None:
    """Give each entry an ``entity_name`` ("kasir" rather than user 3), when it has one."""
    wanted = {row.get("entity") for row in rows} & set(_ENTITY_NAMES)
    names = {
        entity: {str(k): v for k, v in db.execute(_ENTITY_NAMES[entity]).fetchall()}
        for entity in wanted
    }
    for row in rows:
        known = names.get(row.get("entity"), {})
        row["entity_name"] = known.get(str(row.get("entity_id")), "")


def actions(db: Database) -> list[tuple[str, int]]:
    """Every action in the log with its number of entries (for a filter list)."""
    return db.execute(
        "SELECT action, COUNT(*) FROM audit GROUP BY action ORDER BY action"
    ).fetchall()


def view(db: Database, viewer: User, *, action: str | None = None, limit: int = 1000) -> list[dict]:
    """:func:`entries` for the admin's audit viewer: anyone else is refused here, in core."""
    require(viewer, Role.ATTENDANT)  # a booth user at all (not a partner's session)
    if not viewer.can(Role.ADMIN):
        raise PermissionDenied(ADMIN_ONLY, user=viewer.username, role=viewer.role)
    return entries(db, action=action, limit=limit)
