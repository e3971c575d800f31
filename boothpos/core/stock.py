"""The stock ledger. On hand is derived from moves; ``products.on_hand`` caches it.

Every change of stock is a move (intake, sale, void, refund, adjustment,
return) recorded here, in the caller's transaction, together with the cache
update. ``check`` (see :mod:`boothpos.core.check`) proves cache == ledger.
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from boothpos.core import clock, codes

MOVE_KINDS = codes.MOVE_KINDS  # re-exported: many importers use stock.MOVE_KINDS


def record_move(
    db: Database,
    product_id: int,
    kind: str,
    qty: int,
    *,
    at: datetime,
    day: str,
    user_id: int | None = None,
    sale_id: int | None = None,
    void_id: int | None = None,
    reason: str = "",
) -> None:
    """Append one signed move and update the cached on-hand figure.

    Must run inside the caller's ``db.atomic()`` block.
    """
    record_moves(
        db,
        kind,
        [(product_id, qty)],
        at=at,
        day=day,
        user_id=user_id,
        sale_id=sale_id,
        void_id=void_id,
        reason=reason,
    )


def record_moves(
    db: Database,
    kind: str,
    items: list[tuple[int, int]],
    *,
    at: datetime,
    day: str,
    user_id: int | None = None,
    sale_id: int | None = None,
    void_id: int | None = None,
    reason: str = "",
) -> None:
    """Append one move per ``(product_id, signed qty)`` and update the cache.

    Must run inside the caller's ``db.atomic()`` block.
    """
    if kind not in MOVE_KINDS:
        raise ValueError(f"unknown stock move kind {kind!r}")
    iso = clock.to_iso(at)
    db.conn.executemany(
        "INSERT INTO stock_moves (product_id, kind, qty, at, day, user_id, sale_id, void_id, "
        "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(pid, kind, qty, iso, day, user_id, sale_id, void_id, reason) for pid, qty in items],
    )
    db.conn.executemany(
        "UPDATE products SET on_hand = on_hand + ? WHERE id = ?",
        [(qty, pid) for pid, qty in items],
    )


def on_hand(db: Database, product_id: int) -> int:
    """On hand from the ledger itself (not the cache)."""
    row = db.execute(
        "SELECT COALESCE(SUM(qty), 0) FROM stock_moves WHERE product_id = ?", (product_id,)
    ).fetchone()
    return row[0]


def ledger_mismatches(db: Database) -> list[tuple[str, int, int]]:
    """Products whose cached on_hand differs from the ledger: (barcode, cached, ledger)."""
    return db.execute(
        "SELECT p.barcode, p.on_hand, COALESCE(m.total, 0) FROM products p "
        "LEFT JOIN (SELECT product_id, SUM(qty) AS total FROM stock_moves GROUP BY product_id) m "
        "ON m.product_id = p.id WHERE p.on_hand != COALESCE(m.total, 0)"
    ).fetchall()
