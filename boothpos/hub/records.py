"""The till's side of the booth hub: records as they travel, and applying pulled ones.

Qt-free and PostgreSQL-free (no psycopg here): this module only reads and
writes the till's SQLite file. :mod:`boothpos.hub.sync` moves what it builds.

A **record** is ``{uuid, till_code, kind, payload}``; ``kind`` is one of
:data:`KINDS`. Payloads name everything by natural keys (product barcode,
partner code, username, a sale's UUID and line number), never by row ids,
which differ from till to till:

- ``sale`` / ``refund``: the sale row with its lines (snapshots), payments and
  the stock moves it caused; a pulled sale keeps its till code, sequence and
  receipt number (receipt numbers stay gapless per till);
- ``void``: the voided sale's UUID, who, why, and the stock moves back;
- ``stock_move``: intake, adjustment or return to a partner (moves of a sale or
  a void travel inside that record);
- ``partner`` / ``product`` / ``user``: a version of a catalog row (prices,
  names, commission rates, PIN hashes, active flags), sent whenever the row
  changed on a till (a digest per row in ``hub_catalog`` tells). Versions apply
  in hub order, the last one wins on every till; a till's own version not yet
  in the hub (or later in hub order) is never overwritten by an older one;
- ``day_event``: a fair-day open, close or reopen of the till that made it.
  Each till keeps its own drawer: another till's day events are kept in
  ``hub_records`` (the booth's books) and never change this till's day state;
- ``audit``: an entry of the till's audit log (but sync's own ``hub.*``
  entries), kept as received on the other tills like day events.

Every local record gets its ``hub_records`` row (uuid, till code) in
:func:`register_local`, inside a SQLite transaction, *before* it is sent: a
resend after a crash sends the same UUID, which the hub ignores.
A pulled record that cannot be applied (a product or user this till does not
know, the original of a refund not here yet, a receipt number taken) is
**parked**: kept with its reason in ``hub_records`` and retried at each sync;
it never blocks the records behind it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid as uuidlib
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from boothpos.core import audit, chain, stock
from boothpos.core import records as core_records
from boothpos.core.chain import current_till
from boothpos.core.codes import RecordStatus, SaleKind
from boothpos.core.db import write_transaction
from boothpos.core.errors import BoothError, Msg

KINDS = (
    "partner", "product", "user", "sale", "refund", "void", "stock_move", "day_event", "audit",
    "chain",
)  # fmt: skip
# Kept as received (in hub_records), never applied to this till's tables: each till
# keeps its own drawer and its own audit log; the booth's are in every till's outbox.
STORED_ONLY = ("day_event", "audit")
# The audit entries of sync itself stay on their till (every pull would echo them back).
LOCAL_AUDIT = "action NOT LIKE 'hub.%'"
STANDALONE_MOVES = "sale_id IS NULL AND void_id IS NULL"
SETTING_CURSOR = "hub_pull_cursor"
SETTING_CHAIN = "hub_chain_registered"  # this till's last chain link given to the outbox
CHAIN_BATCH = 500  # links per chain record
AUDIT_PULL = "hub.pull"
AUDIT_PARK = "hub.park"
# push order: a sale before the void or refund that points back to it
_TABLE_ORDER = (
    "CASE tbl WHEN 'partners' THEN 0 WHEN 'products' THEN 1 WHEN 'users' THEN 2 "
    "WHEN 'sales' THEN 3 WHEN 'voids' THEN 4 WHEN 'stock_moves' THEN 5 "
    "WHEN 'day_events' THEN 6 WHEN 'chain' THEN 8 ELSE 7 END"
)
# Catalog records: versions of a partner, product or user row, keyed by its natural key.
CATALOG = {
    "partners": (
        "partner",
        "code",
        "SELECT code, name, region, commission_bp, bank_details, pin_hash, created_at "
        "FROM partners",
    ),
    "products": (
        "product",
        "barcode",
        "SELECT p.barcode, p.barcode_internal, p.name, pa.code AS partner_code, p.category, "
        "p.price, p.catalog_intake, p.active, p.created_at FROM products p "
        "JOIN partners pa ON pa.id = p.partner_id",
    ),
    "users": (
        "user",
        "username",
        "SELECT username, display_name, role, pin_hash, active, created_at FROM users",
    ),
}
CATALOG_TABLES = {kind: tbl for tbl, (kind, _, _) in CATALOG.items()}
TABLE_OF = {
    "sale": "sales",
    "refund": "sales",
    "void": "voids",
    "stock_move": "stock_moves",
    "day_event": "day_events",
    "audit": "audit",
    "chain": "chain",
    **CATALOG_TABLES,
}
AUDIT_CATALOG = "hub.catalog"

NO_PRODUCT = Msg(
    id="produk {barcode} ({name}) tidak ada di kasir ini",
    en="product {barcode} ({name}) is not on this till",
)
NO_PARTNER = Msg(id="mitra {code} tidak ada di kasir ini", en="partner {code} is not on this till")
NO_USER = Msg(id="pengguna '{user}' tidak ada di kasir ini", en="user '{user}' is not on this till")
NO_SALE = Msg(
    id="transaksi asal {uuid} belum ada di kasir ini",
    en="the original transaction {uuid} is not on this till (yet)",
)
NO_LINE = Msg(
    id="baris {line_no} transaksi asal {uuid} tidak ada",
    en="line {line_no} of the original transaction {uuid} is not here",
)
NUMBER_TAKEN = Msg(
    id="nomor struk {receipt_no} sudah dipakai transaksi lain di kasir ini",
    en="receipt number {receipt_no} is used by another transaction on this till",
)
ALREADY_VOIDED = Msg(
    id="penjualan {uuid} sudah punya pembatalan lain di kasir ini",
    en="sale {uuid} already has another void on this till",
)
CHAIN_FORK = Msg(
    id="rantai segel kasir {till} dari mata rantai {seq} tidak menyambung salinan di kasir ini "
    "(mata rantai sebelumnya belum tiba, atau kasir {till} dipulihkan dari cadangan)",
    en="the seal chain of till {till} from link {seq} does not continue the copy on this till "
    "(earlier links not here yet, or till {till} was restored from a backup)",
)
CHAIN_WAITS = Msg(
    id="rantai segel kasir {till} menunggu {label} (mata rantai {seq}), belum ada di kasir ini",
    en="the seal chain of till {till} waits for {label} (link {seq}), not on this till yet",
)
UNKNOWN_KIND = Msg(id="jenis catatan '{kind}' tidak dikenal", en="unknown record kind '{kind}'")
REFUSED = Msg(
    id="ditolak database kasir ({detail})", en="refused by the till's database ({detail})"
)


class Unapplicable(BoothError):
    """A pulled record this till cannot apply now: it is parked, with this reason."""


@dataclass(frozen=True)
class Record:
    uuid: str
    till_code: str
    kind: str
    payload: dict
    hub_seq: int | None = None


# ------------------------------------------------------------------ local records ---


def register_local(db: Database) -> int:
    """Give every local record not yet known to the outbox its UUID and till code.

    What is new is read first, outside any write transaction; the rows are
    then added in one short write transaction (a sale on this till never waits
    for the scan). Returns how many were added. Sales, refunds and voids keep
    their own UUID; stock moves, fair-day events and audit entries get a fresh
    one here, once (``INSERT OR IGNORE`` on the row: a second sync process on
    the same till registers nothing twice).
    """
    known = "SELECT row_id FROM hub_records WHERE tbl = '{tbl}' AND row_id IS NOT NULL"
    sales = db.execute(
        "SELECT uuid, id, till_code, kind FROM sales "
        f"WHERE id NOT IN ({known.format(tbl='sales')}) ORDER BY id"
    ).fetchall()
    voids = db.execute(
        f"SELECT uuid, id FROM voids WHERE id NOT IN ({known.format(tbl='voids')}) ORDER BY id"
    ).fetchall()
    others = {
        (tbl, kind): [
            r[0]
            for r in db.execute(
                f"SELECT id FROM {tbl} WHERE {where} "
                f"AND id NOT IN ({known.format(tbl=tbl)}) ORDER BY id"
            )
        ]
        for tbl, kind, where in (
            ("stock_moves", "stock_move", STANDALONE_MOVES),
            ("day_events", "day_event", "1"),
            ("audit", "audit", LOCAL_AUDIT),
        )
    }
    catalog = _catalog_changes(db)
    chain_from = _chain_registered(db)
    links = chain.own_links(db, chain_from, 1_000_000)
    if not (sales or voids or catalog or links or any(others.values())):
        return 0
    before = db.conn.total_changes
    with write_transaction(db):
        till = current_till(db)
        insert = (
            "INSERT OR IGNORE INTO hub_records (uuid, tbl, row_id, till_code, kind, origin) "
            "VALUES (?, ?, ?, ?, ?, 'local')"
        )
        db.conn.executemany(insert, [(u, "sales", i, t, k) for u, i, t, k in sales])
        db.conn.executemany(insert, [(u, "voids", i, till, "void") for u, i in voids])
        for (tbl, kind), ids in others.items():
            db.conn.executemany(insert, [(str(uuidlib.uuid4()), tbl, i, till, kind) for i in ids])
        for tbl, key, snapshot, digest in catalog:
            now = db.execute(
                "SELECT digest FROM hub_catalog WHERE tbl = ? AND entity_key = ?", (tbl, key)
            ).fetchone()
            if (now[0] if now else None) != digest:
                continue  # a pulled version landed meanwhile: looked at again next time
            db.execute(
                "INSERT INTO hub_records (uuid, tbl, row_id, till_code, kind, entity_key, origin, "
                "payload) VALUES (?, ?, NULL, ?, ?, ?, 'local', ?)",
                (str(uuidlib.uuid4()), tbl, till, CATALOG[tbl][0], key, json.dumps(snapshot)),
            )
            _store_digest(db, tbl, key, snapshot)
        if links and _chain_registered(db) == chain_from:  # else another sync process did
            for start in range(0, len(links), CHAIN_BATCH):
                batch = links[start : start + CHAIN_BATCH]
                db.execute(
                    "INSERT INTO hub_records (uuid, tbl, row_id, till_code, kind, entity_key, "
                    "origin, payload) VALUES (?, 'chain', NULL, ?, 'chain', ?, 'local', ?)",
                    (
                        str(uuidlib.uuid4()),
                        till,
                        f"{batch[0][0]}-{batch[-1][0]}",
                        json.dumps({"links": batch}, ensure_ascii=False),
                    ),
                )
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (SETTING_CHAIN, str(links[-1][0])),
            )
    return db.conn.total_changes - before


def _chain_registered(db: Database) -> int:
    row = db.execute("SELECT value FROM settings WHERE key = ?", (SETTING_CHAIN,)).fetchone()
    return int(row[0]) if row else 0


def _catalog_rows(db: Database, tbl: str, key: str | None = None) -> dict[str, dict]:
    _, column, query = CATALOG[tbl]
    if key is not None:
        alias = "p." if tbl == "products" else ""
        rows = db.query(f"{query} WHERE {alias}{column} = ?", (key,))
    else:
        rows = db.query(query)
    return {row[column]: dict(row) for row in rows}


def _digest(snapshot: dict) -> str:
    """What identifies a version of a row (its creation time aside)."""
    content = {k: v for k, v in snapshot.items() if k != "created_at"}
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _store_digest(db: Database, tbl: str, key: str, snapshot: dict) -> None:
    db.execute(
        "INSERT INTO hub_catalog (tbl, entity_key, digest) VALUES (?, ?, ?) "
        "ON CONFLICT (tbl, entity_key) DO UPDATE SET digest = excluded.digest",
        (tbl, key, _digest(snapshot)),
    )


def _catalog_changes(db: Database) -> list[tuple[str, str, dict, str | None]]:
    """Catalog rows that changed (or appeared) since last exchanged with the hub.

    Each with the digest it was compared with (None: a new row).
    """
    changed = []
    for tbl in CATALOG:
        known = dict(db.execute("SELECT entity_key, digest FROM hub_catalog WHERE tbl = ?", (tbl,)))
        for key, snapshot in _catalog_rows(db, tbl).items():
            if known.get(key) != _digest(snapshot):
                changed.append((tbl, key, snapshot, known.get(key)))
    return changed


def mark_catalog_known(db: Database) -> None:
    """The catalog as it is now counts as exchanged (a till made from, or seeding, the hub).

    Inside the caller's write transaction.
    """
    for tbl in CATALOG:
        for key, snapshot in _catalog_rows(db, tbl).items():
            _store_digest(db, tbl, key, snapshot)


def pending_count(db: Database) -> int:
    return db.execute(
        "SELECT COUNT(*) FROM hub_records WHERE origin = 'local' AND pushed = 0 AND status = 'ok'"
    ).fetchone()[0]


def parked_count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM hub_records WHERE status = 'parked'").fetchone()[0]


def parked(db: Database) -> list[dict]:
    """The parked records, oldest first: uuid, till_code, kind, hub_seq, reason."""
    return [
        dict(r)
        for r in db.query(
            "SELECT uuid, till_code, kind, hub_seq, reason FROM hub_records "
            "WHERE status = 'parked' ORDER BY hub_seq"
        )
    ]


def pending(db: Database, limit: int = 500) -> list[Record]:
    """Local records the hub does not have yet, in push order, with their payloads."""
    rows = db.execute(
        "SELECT uuid, tbl, row_id, till_code, kind, payload FROM hub_records "
        "WHERE origin = 'local' AND pushed = 0 AND status = 'ok' "
        f"ORDER BY {_TABLE_ORDER}, row_id, rowid LIMIT ?",
        (limit,),
    ).fetchall()
    sales = sale_payloads(db, [row_id for _, tbl, row_id, *_ in rows if tbl == "sales"])
    return [
        Record(
            u,
            till,
            kind,
            json.loads(stored)
            if stored
            else sales[row_id]
            if tbl == "sales"
            else payload(db, tbl, row_id),
        )
        for u, tbl, row_id, till, kind, stored in rows
    ]


def mark_pushed(db: Database, uuids: list[str]) -> None:
    with write_transaction(db):
        db.conn.executemany(
            "UPDATE hub_records SET pushed = 1 WHERE uuid = ?", [(u,) for u in uuids]
        )


# ------------------------------------------------------------------ payloads ---


def _moves(db: Database, where: str, params: tuple) -> list[dict]:
    return list(
        db.query(
            "SELECT p.barcode, p.name, m.kind, m.qty, m.at, m.day, u.username AS user, m.reason "
            "FROM stock_moves m JOIN products p ON p.id = m.product_id "
            f"LEFT JOIN users u ON u.id = m.user_id WHERE {where} ORDER BY m.id",
            params,
        )
    )


def _one(db: Database, sql: str, row_id: int) -> dict:
    return next(iter(db.query(sql, (row_id,))))


def payload(db: Database, tbl: str, row_id: int) -> dict:
    """The record of one local row, every reference by natural key."""
    if tbl == "sales":
        return _sale_payload(db, row_id)
    if tbl == "voids":
        v = _one(
            db,
            "SELECT s.uuid AS sale_uuid, v.at, u.username AS user, a.username AS approved_by, "
            "v.reason FROM voids v JOIN sales s ON s.id = v.sale_id "
            "LEFT JOIN users u ON u.id = v.user_id LEFT JOIN users a ON a.id = v.approved_by "
            "WHERE v.id = ?",
            row_id,
        )
        return {**v, "moves": _moves(db, "m.void_id = ?", (row_id,))}
    if tbl == "stock_moves":
        return _moves(db, "m.id = ?", (row_id,))[0]
    if tbl == "day_events":
        d = _one(
            db,
            "SELECT d.day, d.kind, d.at, u.username AS user, d.opening_float, d.counted_cash, "
            "d.expected_cash, d.z_number, d.detail FROM day_events d "
            "LEFT JOIN users u ON u.id = d.user_id WHERE d.id = ?",
            row_id,
        )
        return {**d, "detail": json.loads(d["detail"] or "{}")}
    if tbl == "audit":
        a = _one(
            db,
            "SELECT a.at, u.username AS user, a.action, a.entity, a.entity_id, a.detail "
            "FROM audit a LEFT JOIN users u ON u.id = a.user_id WHERE a.id = ?",
            row_id,
        )
        return {**a, "detail": json.loads(a["detail"] or "{}")}
    raise ValueError(f"no records of table {tbl!r}")


def _sale_payload(db: Database, sale_id: int) -> dict:
    return sale_payloads(db, [sale_id])[sale_id]


_IDS = "(SELECT value FROM json_each(?))"


def sale_payloads(db: Database, sale_ids: list[int]) -> dict[int, dict]:
    """The records of many sales at once (four queries, whatever their number)."""
    ids = json.dumps(sale_ids)
    payloads = _sale_heads(db, ids)
    _add_sale_lines(db, ids, payloads)
    _add_sale_payments(db, ids, payloads)
    _add_sale_moves(db, ids, payloads)
    return payloads


def _sale_heads(db: Database, ids: str) -> dict[int, dict]:
    """Each sale's own fields by sale id, with empty lines, payments and moves."""
    payloads: dict[int, dict] = {}
    for row in db.query(
        "SELECT s.id, s.uuid, s.kind, s.till_code, s.seq, s.receipt_no, s.day, s.time, "
        "c.username AS cashier, s.total, s.change, o.uuid AS refund_of, s.reason, "
        "a.username AS approved_by FROM sales s "
        "LEFT JOIN sales o ON o.id = s.refund_of LEFT JOIN users c ON c.id = s.cashier_id "
        f"LEFT JOIN users a ON a.id = s.approved_by WHERE s.id IN {_IDS}",
        (ids,),
    ):
        sale_id = row.pop("id")
        payloads[sale_id] = {**row, "lines": [], "payments": [], "moves": []}
    return payloads


def _add_sale_lines(db: Database, ids: str, payloads: dict[int, dict]) -> None:
    for row in db.query(
        "SELECT l.sale_id, l.line_no, p.barcode AS product_barcode, l.barcode, l.name, "
        "pa.code AS partner_code, l.partner_code AS snap_partner_code, l.partner_name, l.qty, "
        "l.unit_price, l.discount, l.line_total, os.uuid AS orig_uuid, ol.line_no AS orig_line "
        "FROM sale_lines l JOIN products p ON p.id = l.product_id "
        "JOIN partners pa ON pa.id = l.partner_id "
        "LEFT JOIN sale_lines ol ON ol.id = l.refund_of_line "
        f"LEFT JOIN sales os ON os.id = ol.sale_id WHERE l.sale_id IN {_IDS} "
        "ORDER BY l.sale_id, l.line_no",
        (ids,),
    ):
        sale_id, orig_uuid, orig_line = (
            row.pop("sale_id"),
            row.pop("orig_uuid"),
            row.pop("orig_line"),
        )
        row["refund_of"] = [orig_uuid, orig_line] if orig_uuid else None
        payloads[sale_id]["lines"].append(row)


def _add_sale_payments(db: Database, ids: str, payloads: dict[int, dict]) -> None:
    for row in db.query(
        f"SELECT sale_id, method, amount, reference FROM payments WHERE sale_id IN {_IDS} "
        "ORDER BY id",
        (ids,),
    ):
        payloads[row.pop("sale_id")]["payments"].append(row)


def _add_sale_moves(db: Database, ids: str, payloads: dict[int, dict]) -> None:
    for row in db.query(
        "SELECT m.sale_id, p.barcode, p.name, m.kind, m.qty, m.at, m.day, u.username AS user, "
        "m.reason FROM stock_moves m JOIN products p ON p.id = m.product_id "
        "LEFT JOIN users u ON u.id = m.user_id "
        f"WHERE m.sale_id IN {_IDS} AND m.void_id IS NULL ORDER BY m.id",
        (ids,),
    ):
        payloads[row.pop("sale_id")]["moves"].append(row)


# ------------------------------------------------------------------ applying ---


def _user_id(db: Database, username: str | None) -> int | None:
    if username is None:
        return None
    row = db.execute("SELECT id FROM users WHERE username = ?", (username,)).fetchone()
    if row is None:
        raise Unapplicable(NO_USER, user=username)
    return row[0]


def _product_id(db: Database, barcode: str, name: str) -> int:
    row = db.execute("SELECT id FROM products WHERE barcode = ?", (barcode,)).fetchone()
    if row is None:
        raise Unapplicable(NO_PRODUCT, barcode=barcode, name=name)
    return row[0]


def _partner_id(db: Database, code: str) -> int:
    row = db.execute("SELECT id FROM partners WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise Unapplicable(NO_PARTNER, code=code)
    return row[0]


def _sale_id(db: Database, sale_uuid: str) -> int:
    row = db.execute("SELECT id FROM sales WHERE uuid = ?", (sale_uuid,)).fetchone()
    if row is None:
        raise Unapplicable(NO_SALE, uuid=sale_uuid)
    return row[0]


def _apply_moves(
    db: Database, moves: list[dict], *, sale_id: int | None = None, void_id: int | None = None
) -> int | None:
    """Record pulled moves through the stock ledger (keeps the on-hand cache); last move id."""
    last = None
    for m in moves:
        stock.record_move(
            db,
            _product_id(db, m["barcode"], m.get("name", "")),
            m["kind"],
            m["qty"],
            at=datetime.fromisoformat(m["at"]),
            day=m["day"],
            user_id=_user_id(db, m["user"]),
            sale_id=sale_id,
            void_id=void_id,
            reason=m["reason"],
        )
        last = db.execute("SELECT last_insert_rowid()").fetchone()[0]
    return last


def _apply_sale(db: Database, p: dict) -> tuple[str, int, str]:
    taken = db.execute(
        "SELECT uuid FROM sales WHERE receipt_no = ? OR (till_code = ? AND seq = ?)",
        (p["receipt_no"], p["till_code"], p["seq"]),
    ).fetchone()
    if taken is not None:
        raise Unapplicable(NUMBER_TAKEN, receipt_no=p["receipt_no"])
    refund_of = _sale_id(db, p["refund_of"]) if p["refund_of"] else None
    sale_id = db.execute(
        "INSERT INTO sales (uuid, kind, till_code, seq, receipt_no, day, time, cashier_id, "
        "total, change, refund_of, reason, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)",
        (
            p["uuid"],
            p["kind"],
            p["till_code"],
            p["seq"],
            p["receipt_no"],
            p["day"],
            p["time"],
            _user_id(db, p["cashier"]),
            p["total"],
            p["change"],
            refund_of,
            p["reason"],
            _user_id(db, p["approved_by"]),
        ),
    ).lastrowid
    for line in p["lines"]:
        refund_of_line = None
        if line["refund_of"]:
            orig_uuid, orig_line = line["refund_of"]
            row = db.execute(
                "SELECT id FROM sale_lines WHERE sale_id = ? AND line_no = ?",
                (_sale_id(db, orig_uuid), orig_line),
            ).fetchone()
            if row is None:
                raise Unapplicable(NO_LINE, uuid=orig_uuid, line_no=orig_line)
            refund_of_line = row[0]
        db.execute(
            "INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, partner_id, "
            "partner_code, partner_name, qty, unit_price, discount, line_total, refund_of_line) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sale_id,
                line["line_no"],
                _product_id(db, line["product_barcode"], line["name"]),
                line["barcode"],
                line["name"],
                _partner_id(db, line["partner_code"]),
                line["snap_partner_code"],
                line["partner_name"],
                line["qty"],
                line["unit_price"],
                line["discount"],
                line["line_total"],
                refund_of_line,
            ),
        )
    db.conn.executemany(
        "INSERT INTO payments (sale_id, method, amount, reference) VALUES (?, ?, ?, ?)",
        [(sale_id, x["method"], x["amount"], x["reference"]) for x in p["payments"]],
    )
    _apply_moves(db, p["moves"], sale_id=sale_id)
    return "sales", sale_id, p["receipt_no"]


def carries_records(record: Record) -> bool:
    """Whether an audit entry of another till carries a business record of its own (schema 4).

    A stock document, and a product's rename or price change, live in tables of
    their own (``core.records``); the other till's audit entry is how they travel.
    Its audit log stays with it: only those tables get the rows here.
    """
    p = record.payload
    return record.kind == "audit" and (
        p.get("entity") == "stock_document"
        or (p.get("action") == "product.update" and p.get("entity") == "product")
    )


def stored_only(record: Record) -> bool:
    """Kept as received (``hub_records``) without applying anything to this till's tables."""
    return record.kind in STORED_ONLY and not carries_records(record)


def _apply_audit_records(db: Database, p: dict) -> str:
    """Another till's stock document or product change into this till's own tables.

    The rows are this till's copy: its chain seals them, like what it writes itself.
    """
    detail = p["detail"]
    if p["entity"] == "stock_document":
        core_records.add_document_json(
            db,
            detail,
            partner_id=_partner_id(db, detail["partner"]["code"]),
            product_id=lambda line: _product_id(db, line["barcode"], line["name"]),
        )
        return detail["number"]
    row = db.execute("SELECT id FROM users WHERE username = ?", (p["user"],)).fetchone()
    core_records.record_product_change(
        db,
        _product_id(db, detail["barcode"], ""),
        detail.get("old", {}),
        detail.get("new", {}),
        at=p["at"],
        user_id=row[0] if row else None,
        source=detail.get("source", "catalog"),
    )
    return detail["barcode"]


def _apply_void(db: Database, p: dict) -> tuple[str, int, str]:
    sale_id = _sale_id(db, p["sale_uuid"])
    if db.execute("SELECT 1 FROM voids WHERE sale_id = ?", (sale_id,)).fetchone():
        raise Unapplicable(ALREADY_VOIDED, uuid=p["sale_uuid"])
    return "voids", sale_id, p["sale_uuid"]


def apply(db: Database, record: Record) -> str:
    """Apply one pulled record inside the caller's write transaction; returns what it names.

    Raises :class:`Unapplicable` (or ``sqlite3.IntegrityError``) when it cannot:
    the caller rolls the transaction back and parks the record.
    """
    p, kind = record.payload, record.kind
    row_id: int | None
    mark, waiting = chain.pending_mark(db), None
    if kind in tuple(SaleKind):
        tbl, row_id, name = _apply_sale(db, p)
    elif kind == "void":
        tbl, sale_id, name = _apply_void(db, p)
        row_id = db.execute(
            "INSERT INTO voids (uuid, sale_id, at, user_id, approved_by, reason) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                record.uuid,
                sale_id,
                p["at"],
                _user_id(db, p["user"]),
                _user_id(db, p["approved_by"]),
                p["reason"],
            ),
        ).lastrowid
        _apply_moves(db, p["moves"], sale_id=sale_id, void_id=row_id)
    elif kind == "stock_move":
        tbl, name = "stock_moves", f"{p['kind']} {p['barcode']}"
        row_id = _apply_moves(db, [p])
    elif kind in STORED_ONLY:
        tbl, row_id, name = TABLE_OF[kind], None, ""
        if carries_records(record):
            name = _apply_audit_records(db, p)
    elif kind == "chain":
        tbl, row_id, name = "chain", None, f"{record.till_code} {p['links'][0][0]}"
        try:
            waiting = chain.adopt(db, record.till_code, p["links"])
        except chain.ChainFork as fork:
            raise Unapplicable(CHAIN_FORK, till=fork.till, seq=fork.seq) from None
    elif kind in CATALOG_TABLES:
        tbl, row_id = CATALOG_TABLES[kind], None
        name = p[CATALOG[tbl][1]]
        _apply_catalog(db, tbl, p, record)
    else:
        raise Unapplicable(UNKNOWN_KIND, kind=kind)
    if kind in ("sale", "refund", "void", "stock_move"):  # the other till's records: its chain
        chain.take_pulled(db, mark)
    db.execute(
        "INSERT INTO hub_records (uuid, tbl, row_id, till_code, kind, entity_key, origin, pushed, "
        "hub_seq, status, reason, payload) VALUES (?, ?, ?, ?, ?, ?, 'hub', 1, ?, 'ok', '', ?) "
        "ON CONFLICT (uuid) DO UPDATE SET tbl = excluded.tbl, row_id = excluded.row_id, "
        "entity_key = excluded.entity_key, status = 'ok', reason = ''",
        (
            record.uuid,
            tbl,
            row_id,
            record.till_code,
            kind,
            name if kind in CATALOG_TABLES else None,
            record.hub_seq,
            json.dumps(p, ensure_ascii=False),
        ),
    )
    if kind == "chain" and waiting is not None:  # the links before it are kept
        db.execute(
            "UPDATE hub_records SET status = 'parked', reason = ? WHERE uuid = ?",
            (
                CHAIN_WAITS.render("en", till=record.till_code, seq=waiting[0], label=waiting[1]),
                record.uuid,
            ),
        )
    if kind not in CATALOG_TABLES and kind not in STORED_ONLY and kind != "chain":
        audit.record(
            db,
            AUDIT_PULL,
            entity=kind,
            entity_id=name,
            detail={"uuid": record.uuid, "till": record.till_code, "hub_seq": record.hub_seq},
        )
    return name


_CATALOG_COLUMNS = {
    "partners": ("name", "region", "commission_bp", "bank_details", "pin_hash"),
    "products": (
        "barcode_internal",
        "name",
        "partner_id",
        "category",
        "price",
        "catalog_intake",
        "active",
    ),
    "users": ("display_name", "role", "pin_hash", "active"),
}


def _apply_catalog(db: Database, tbl: str, p: dict, record: Record) -> None:
    """Insert or update a partner, product or user as the pulled version says; audited.

    Skipped when this till holds a version of the same row that is later in
    hub order or not in the hub yet: the last version in hub order wins everywhere.
    """
    kind, column, _ = CATALOG[tbl]
    key = p[column]
    newer = db.execute(
        "SELECT 1 FROM hub_records WHERE tbl = ? AND entity_key = ? AND origin = 'local' "
        "AND (hub_seq IS NULL OR hub_seq > ?)",
        (tbl, key, record.hub_seq or 0),
    ).fetchone()
    if newer:
        return
    values = {c: p[c] for c in _CATALOG_COLUMNS[tbl] if c != "partner_id"}
    if tbl == "products":
        values["partner_id"] = _partner_id(db, p["partner_code"])
    old = db.execute(f"SELECT {', '.join(values)} FROM {tbl} WHERE {column} = ?", (key,)).fetchone()
    if old is None:
        columns = [column, *values, "created_at"]
        db.execute(
            f"INSERT INTO {tbl} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            (key, *values.values(), p["created_at"]),
        )
        changes = {"new": True}
    else:
        changes = {
            c: [was, values[c]] for c, was in zip(values, old, strict=True) if was != values[c]
        }
        if changes:
            sets = ", ".join(f"{c} = ?" for c in changes)
            db.execute(
                f"UPDATE {tbl} SET {sets} WHERE {column} = ?",
                (*(values[c] for c in changes), key),
            )
    _store_digest(db, tbl, key, _catalog_rows(db, tbl, key)[key])
    if changes:
        if changes.pop("pin_hash", None) is not None:  # never a PIN hash in the audit log
            changes["pin"] = "changed"
        audit.record(
            db,
            AUDIT_CATALOG,
            entity=kind,
            entity_id=key,
            detail={"till": record.till_code, "hub_seq": record.hub_seq, "changes": changes},
        )


def known(db: Database, record_uuid: str) -> str | None:
    """'ok', 'parked' or None: what this till holds of a record.

    A sale, refund or void already in its table counts as held even without an
    outbox row (a restore merges the replaced file's sales back by UUID).
    """
    row = db.execute("SELECT status FROM hub_records WHERE uuid = ?", (record_uuid,)).fetchone()
    if row:
        return row[0]
    for table in ("sales", "voids"):
        if db.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", (record_uuid,)).fetchone():
            return RecordStatus.OK
    return None


def apply_or_park(db: Database, record: Record, *, cursor: int | None) -> str | None:
    """Apply ``record`` in its own write transaction, or park it; None when applied.

    ``cursor`` (the record's hub order) is stored in the same transaction, so a
    till killed at any point resumes after the last record it kept. Returns the
    reason when the record was parked.
    """
    try:
        with write_transaction(db):
            apply(db, record)
            if cursor is not None:
                _store_cursor(db, cursor)
        row = next(  # a chain batch keeps what it could and waits for the rest
            iter(db.query("SELECT status, reason FROM hub_records WHERE uuid = ?", (record.uuid,))),
            None,
        )
        return row["reason"] if row and row["status"] == RecordStatus.PARKED else None
    except (Unapplicable, sqlite3.IntegrityError) as exc:
        reason = (
            exc.message("en") if isinstance(exc, Unapplicable) else REFUSED.render("en", detail=exc)
        )
    with write_transaction(db):
        tbl = TABLE_OF.get(record.kind, record.kind)
        db.execute(
            "INSERT INTO hub_records (uuid, tbl, row_id, till_code, kind, origin, pushed, "
            "hub_seq, status, reason, payload) VALUES (?, ?, NULL, ?, ?, 'hub', 1, ?, 'parked', "
            "?, ?) ON CONFLICT (uuid) DO UPDATE SET reason = excluded.reason",
            (
                record.uuid,
                tbl,
                record.till_code,
                record.kind,
                record.hub_seq,
                reason,
                json.dumps(record.payload, ensure_ascii=False),
            ),
        )
        audit.record(
            db,
            AUDIT_PARK,
            entity=record.kind,
            entity_id=record.uuid,
            detail={"till": record.till_code, "hub_seq": record.hub_seq, "reason": reason},
        )
        if cursor is not None:
            _store_cursor(db, cursor)
    return reason


def parked_records(db: Database) -> list[Record]:
    """Pulled records parked on this till, in hub order (to try again)."""
    return [
        Record(u, till, kind, json.loads(payload), seq)
        for u, till, kind, payload, seq in db.execute(
            "SELECT uuid, till_code, kind, payload, hub_seq FROM hub_records "
            "WHERE status = 'parked' AND origin = 'hub' ORDER BY hub_seq"
        )
    ]


def cursor(db: Database) -> int:
    row = db.execute("SELECT value FROM settings WHERE key = ?", (SETTING_CURSOR,)).fetchone()
    return int(row[0]) if row else 0


def _store_cursor(db: Database, value: int) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (SETTING_CURSOR, str(value)),
    )


def skip(db: Database, held: list[tuple[int, str]], stored: list[Record] = ()) -> None:
    """Advance the cursor past records this till holds or only keeps; one write transaction.

    ``held``: ``(hub seq, uuid)`` of records this till already has (their hub
    order is noted); ``stored``: records of :data:`STORED_ONLY` kinds, kept as
    received. Both in hub order, and all before any record still to apply.
    """
    if not held and not stored:
        return
    with write_transaction(db):
        db.conn.executemany(
            "UPDATE hub_records SET hub_seq = ? WHERE uuid = ? AND hub_seq IS NULL", held
        )
        db.conn.executemany(
            "INSERT INTO hub_records (uuid, tbl, row_id, till_code, kind, origin, pushed, "
            "hub_seq, payload) VALUES (?, ?, NULL, ?, ?, 'hub', 1, ?, ?) "
            "ON CONFLICT (uuid) DO NOTHING",
            [
                (r.uuid, TABLE_OF[r.kind], r.till_code, r.kind, r.hub_seq, json.dumps(r.payload))
                for r in stored
            ],
        )
        _store_cursor(db, max([seq for seq, _ in held] + [r.hub_seq for r in stored]))
