"""The audit log: who did what, when. Append-only (triggers refuse changes)."""

from __future__ import annotations

import json
from datetime import datetime

from sqlite_utils import Database

from boothpos.core import clock


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
        "INSERT INTO audit (at, user_id, action, entity, entity_id, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            clock.to_iso(at or clock.now()),
            user_id,
            action,
            entity,
            str(entity_id),
            json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
        ),
    )


def entries(db: Database, *, action: str | None = None, limit: int = 1000) -> list[dict]:
    sql = "SELECT * FROM audit"
    params: list = []
    if action:
        sql += " WHERE action = ?"
        params.append(action)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    rows = [dict(r) for r in db.query(sql, params)]
    for row in rows:
        row["detail"] = json.loads(row["detail"])
    return rows
