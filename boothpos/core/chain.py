"""Tamper-evident books: a SHA-256 hash chain over every appended record.

Every record appended to the books (sales and refunds, their lines and
payments, voids, stock moves, fair-day events, audit entries) gets one link
in the ``chain`` table, written in the same transaction as the record::

    hash = SHA-256(prev_hash + "\\n" + canonical content of the record)

The chain is kept **per till**: a link follows the previous link of its own
till (the event's ``till_code`` when the record is written, the code in the
receipt numbers), so records another till wrote keep their own chain when
several tills' books meet.

The canonical content never depends on local integer row ids, which differ
from file to file: a reference to another row is written as that row's
natural key (a sale's UUID, a product's barcode, a partner's code, a user's
name); a record without a UUID of its own is named by its content and its
parent's UUID (``<sale uuid>#<line_no>``).

How records get their link: :func:`install` adds TEMP triggers on this
connection (they are not part of the file, so SQLite's shell or any other
program writing to the file does not feed the chain) that note every new row
in ``temp.chain_pending``; :class:`ChainedDatabase` seals the noted rows at
the end of the outermost ``db.atomic()`` block, just before COMMIT. A row
written by anything else has no link, and :func:`verify` names it.

Several tills (the booth hub): each till pushes its own links verbatim, in
batches of their own, after the records they seal; a till pulling them stores
them as they are (:func:`adopt`), linking each to the record it names here,
or to none for what stays with its till (its audit log, its drawer, records
never pushed). So every till holds every till's chain with the very hashes
that till wrote, and the heads printed on paper are the same on every till.

What the chain proves and what it cannot: see README ("What check proves").
An attacker with the file can recompute a whole consistent chain; the chain
head printed on the Z report and the settlement sheets that people signed is
what catches that.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlite_utils import Database

GENESIS = "0" * 64
HEAD_CHARS = 16  # the prefix of the head hash printed on paper
_CHUNK = 900  # records read per query (SQLite's bound on query parameters)

# Every append-only table of the books, in the order a migration seals old records.
CHAINED = (
    "day_events",
    "sales",
    "sale_lines",
    "payments",
    "voids",
    "stock_moves",
    "audit",
    # schema 4 (core.schema.RECORD_TABLES): business records once kept only as audit JSON
    "stock_documents",
    "stock_document_lines",
    "product_names",
    "price_changes",
    "backups",
)

# Per table: the SQL of its canonical content (natural keys for every reference),
# ``key`` (its natural key) and ``label`` (what a supervisor calls it).
_CANON: dict[str, str] = {
    "sales": """
        SELECT s.id AS _id, s.uuid AS key,
               CASE s.kind WHEN 'refund' THEN 'refund ' ELSE 'receipt ' END || s.receipt_no
                   AS label,
               s.uuid, s.kind, s.till_code, s.seq, s.receipt_no, s.day, s.time,
               cu.username AS cashier, s.total, s.change, r.uuid AS refund_of, s.reason,
               ap.username AS approved_by
        FROM sales s
        LEFT JOIN users cu ON cu.id = s.cashier_id
        LEFT JOIN sales r ON r.id = s.refund_of
        LEFT JOIN users ap ON ap.id = s.approved_by""",
    "sale_lines": """
        SELECT l.id AS _id, s.uuid || '#' || l.line_no AS key,
               'line ' || l.line_no || ' of ' || s.receipt_no AS label,
               s.uuid AS sale, l.line_no, p.barcode AS product, l.barcode, l.name,
               pa.code AS partner, l.partner_code, l.partner_name, l.qty, l.unit_price,
               l.discount, l.line_total,
               CASE WHEN l.refund_of_line IS NULL THEN NULL
                    ELSE rs.uuid || '#' || rl.line_no END AS refund_of_line
        FROM sale_lines l
        LEFT JOIN sales s ON s.id = l.sale_id
        LEFT JOIN products p ON p.id = l.product_id
        LEFT JOIN partners pa ON pa.id = l.partner_id
        LEFT JOIN sale_lines rl ON rl.id = l.refund_of_line
        LEFT JOIN sales rs ON rs.id = rl.sale_id""",
    "payments": """
        SELECT y.id AS _id,
               s.uuid || '#pay' || (SELECT COUNT(*) FROM payments y2
                                    WHERE y2.sale_id = y.sale_id AND y2.id <= y.id) AS key,
               y.method || ' payment of ' || s.receipt_no AS label,
               s.uuid AS sale, y.method, y.amount, y.reference
        FROM payments y
        LEFT JOIN sales s ON s.id = y.sale_id""",
    "voids": """
        SELECT v.id AS _id, v.uuid AS key, 'void of ' || s.receipt_no AS label,
               v.uuid, s.uuid AS sale, v.at, u.username AS user, ap.username AS approved_by,
               v.reason
        FROM voids v
        LEFT JOIN sales s ON s.id = v.sale_id
        LEFT JOIN users u ON u.id = v.user_id
        LEFT JOIN users ap ON ap.id = v.approved_by""",
    "stock_moves": """
        SELECT m.id AS _id, p.barcode || '@' || m.at || '/' || m.kind AS key,
               m.kind || ' stock move of ' || p.barcode || ' at ' || m.at AS label,
               p.barcode AS product, m.kind, m.qty, m.at, m.day, u.username AS user,
               s.uuid AS sale, v.uuid AS void, m.reason
        FROM stock_moves m
        LEFT JOIN products p ON p.id = m.product_id
        LEFT JOIN users u ON u.id = m.user_id
        LEFT JOIN sales s ON s.id = m.sale_id
        LEFT JOIN voids v ON v.id = m.void_id""",
    "day_events": """
        SELECT d.id AS _id, d.day || '/' || d.kind || '@' || d.at AS key,
               'fair day ' || d.day || ' ' || d.kind AS label,
               d.day, d.kind, d.at, u.username AS user, d.opening_float, d.counted_cash,
               d.expected_cash, d.z_number, d.detail
        FROM day_events d
        LEFT JOIN users u ON u.id = d.user_id""",
    "audit": """
        SELECT a.id AS _id, a.action || '@' || a.at AS key,
               'audit entry ' || a.action || ' at ' || a.at AS label,
               a.at, u.username AS user, a.action, a.entity, a.entity_id, a.detail, a.actor
        FROM audit a
        LEFT JOIN users u ON u.id = a.user_id""",
    "stock_documents": """
        SELECT d.id AS _id, d.number AS key, 'stock document ' || d.number AS label,
               d.number, d.kind, d.at, d.day, pa.code AS partner, d.partner_code,
               d.partner_name, d.partner_region, d.username, d.user_name, d.reason, d.note
        FROM stock_documents d
        LEFT JOIN partners pa ON pa.id = d.partner_id""",
    "stock_document_lines": """
        SELECT k.id AS _id, d.number || '#' || k.line_no AS key,
               'line ' || k.line_no || ' of stock document ' || d.number AS label,
               d.number AS document, k.line_no, p.barcode AS product, k.barcode, k.name,
               k.category, k.price, k.qty, k.on_hand_before, k.on_hand_after, k.counted
        FROM stock_document_lines k
        LEFT JOIN stock_documents d ON d.id = k.document_id
        LEFT JOIN products p ON p.id = k.product_id""",
    "product_names": """
        SELECT n.id AS _id, p.barcode || '@' || n.at || '/name' AS key,
               'name change of ' || p.barcode || ' at ' || n.at AS label,
               p.barcode AS product, n.old_name, n.new_name, n.at, u.username AS user, n.source
        FROM product_names n
        LEFT JOIN products p ON p.id = n.product_id
        LEFT JOIN users u ON u.id = n.user_id""",
    "price_changes": """
        SELECT c.id AS _id, p.barcode || '@' || c.at || '/price' AS key,
               'price change of ' || p.barcode || ' at ' || c.at AS label,
               p.barcode AS product, c.old_price, c.new_price, c.at, u.username AS user,
               c.source
        FROM price_changes c
        LEFT JOIN products p ON p.id = c.product_id
        LEFT JOIN users u ON u.id = c.user_id""",
    "backups": """
        SELECT b.id AS _id, b.file AS key, 'backup ' || b.file AS label,
               b.at, u.username AS user, b.reason, b.file, b.files,
               (SELECT uuid FROM sales WHERE id = b.last_sale_id) AS last_sale, b.sales
        FROM backups b
        LEFT JOIN users u ON u.id = b.user_id""",
}
_ALIAS = {
    "sales": "s",
    "sale_lines": "l",
    "payments": "y",
    "voids": "v",
    "stock_moves": "m",
    "day_events": "d",
    "audit": "a",
    "stock_documents": "d",
    "stock_document_lines": "k",
    "product_names": "n",
    "price_changes": "c",
    "backups": "b",
}

CHAIN_TABLE_SQL = """
CREATE TABLE chain (
    till_code TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    table_name TEXT NOT NULL,
    row_key TEXT NOT NULL,
    label TEXT NOT NULL,
    local_id INTEGER NOT NULL,      -- this file's row id: a lookup aid, never hashed
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (till_code, seq)
)"""
CHAIN_INDEX_SQL = "CREATE INDEX chain_row ON chain(table_name, local_id)"


@dataclass(frozen=True)
class Record:
    """One record's canonical form: natural key, label and content."""

    table: str
    local_id: int
    key: str
    label: str
    content: dict

    def canonical(self) -> str:
        return json.dumps(
            {"table": self.table, "key": self.key, "label": self.label, "row": self.content},
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )


@dataclass(frozen=True)
class Head:
    till: str
    count: int
    hash: str

    @property
    def short(self) -> str:
        return self.hash[:HEAD_CHARS]


def link_hash(prev_hash: str, record: Record) -> str:
    return hashlib.sha256((prev_hash + "\n" + record.canonical()).encode("utf-8")).hexdigest()


def records(db: Database, table: str, ids: Iterable[int] | None = None) -> dict[int, Record]:
    """Canonical records of ``table`` (all, or those with the local ``ids``), by local id."""
    sql = _CANON[table]
    params: list = []
    if ids is not None:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        sql += f" WHERE {_ALIAS[table]}.id IN ({','.join('?' * len(wanted))})"
        params = wanted
    cursor = db.conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    out: dict[int, Record] = {}
    for row in cursor:
        values = dict(zip(names, row, strict=True))
        local_id = values.pop("_id")
        key = values.pop("key") or ""
        label = values.pop("label") or f"{table} {local_id}"
        out[local_id] = Record(table, local_id, key, label, values)
    return out


def current_till(db: Database) -> str:
    """The event's till code as stored now ("T1" before an event exists).

    A restore may switch it (:mod:`boothpos.core.merge`) while a screen still
    holds an older event; checkout and refunds read it inside their
    transaction, so a receipt number of a retired till code is never issued.
    """
    row = db.conn.execute("SELECT till_code FROM event WHERE id = 1").fetchone()
    return row[0] if row else "T1"


def append(db: Database, pending: list[tuple[str, int]], *, till: str | None = None) -> int:
    """Link the records ``pending`` (table, local id), in order, to a till's chain.

    ``till`` defaults to this till (the event's till code); records pulled
    from another till (the hub) go on that till's own chain, in its order, and
    their hashes come out the same as on the till that wrote them (the content
    holds no local row ids). Call inside the write transaction that wrote
    them. Returns the links written.
    """
    if not pending:
        return 0
    till = till or current_till(db)
    row = db.conn.execute(
        "SELECT seq, hash FROM chain WHERE till_code = ? ORDER BY seq DESC LIMIT 1", (till,)
    ).fetchone()
    seq, prev = (row[0], row[1]) if row else (0, GENESIS)
    written = 0
    for start in range(0, len(pending), _CHUNK):
        chunk = pending[start : start + _CHUNK]
        by_table: dict[str, list[int]] = {}
        for table, local_id in chunk:
            by_table.setdefault(table, []).append(local_id)
        canon = {table: records(db, table, ids) for table, ids in by_table.items()}
        for table, local_id in chunk:
            record = canon[table].get(local_id)
            if record is None:  # written and gone again within the transaction
                continue
            seq += 1
            digest = link_hash(prev, record)
            db.conn.execute(
                "INSERT INTO chain (till_code, seq, table_name, row_key, label, local_id, "
                "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (till, seq, table, record.key, record.label, local_id, prev, digest),
            )
            prev = digest
            written += 1
    return written


def seal_all_unlinked(db: Database) -> int:
    """Link every record that has no link yet (migration of an existing database)."""
    pending: list[tuple[str, int]] = []
    for table in CHAINED:
        if not db[table].exists():  # a table a later migration adds (and seals) itself
            continue
        pending += [
            (table, rid)
            for (rid,) in db.conn.execute(
                f"SELECT id FROM {table} WHERE id NOT IN "
                "(SELECT local_id FROM chain WHERE table_name = ?) ORDER BY id",
                (table,),
            )
        ]
    return append(db, pending)


# ------------------------------------------------------- the write path ---


def install(db: Database) -> None:
    """Note every record this connection appends (TEMP triggers; not part of the file)."""
    conn = db.conn
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'chain'").fetchone():
        return  # an older schema being migrated: the migration links what is there
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS chain_pending "
        "(n INTEGER PRIMARY KEY, table_name TEXT NOT NULL, local_id INTEGER NOT NULL)"
    )
    for table in CHAINED:
        conn.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS chain_note_{table} AFTER INSERT ON main.{table} "
            f"BEGIN INSERT INTO chain_pending (table_name, local_id) VALUES ('{table}', NEW.id); "
            "END"
        )
    if isinstance(db, ChainedDatabase):
        db.chain_ready = True


def seal(db: Database) -> int:
    """Link the records this connection noted; inside the write transaction that wrote them."""
    pending = db.conn.execute(
        "SELECT table_name, local_id FROM temp.chain_pending ORDER BY n"
    ).fetchall()
    if not pending:
        return 0
    written = append(db, [(t, i) for t, i in pending])
    db.conn.execute("DELETE FROM temp.chain_pending")
    return written


class ChainedDatabase(Database):
    """A sqlite-utils ``Database`` whose outermost ``atomic()`` seals what it appended."""

    chain_ready = False

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        outer = not self.conn.in_transaction
        with super().atomic():
            yield self
            if outer and self.chain_ready:
                seal(self)

    def seal_stray(self) -> None:
        """Link records this connection wrote outside a transaction (autocommit)."""
        if not self.chain_ready:
            return
        try:
            if self.conn.in_transaction:
                return
            pending = self.conn.execute("SELECT 1 FROM temp.chain_pending LIMIT 1").fetchone()
        except sqlite3.Error:  # a closed or damaged connection: nothing to do
            return
        if pending:
            try:
                with self.atomic():
                    pass
            except sqlite3.Error:  # locked or read-only now: the records stay unlinked
                return

    def close(self) -> None:
        try:
            self.seal_stray()
        finally:
            super().close()


# ---------------------------------------------------------------- heads ---


def heads(db: Database) -> list[Head]:
    """Every till's chain head (record count and last hash), till code order."""
    rows = db.conn.execute(
        "SELECT c.till_code, c.seq, c.hash FROM chain c JOIN "
        "(SELECT till_code, MAX(seq) AS seq FROM chain GROUP BY till_code) m "
        "ON m.till_code = c.till_code AND m.seq = c.seq ORDER BY c.till_code"
    ).fetchall()
    return [Head(t, n, h) for t, n, h in rows]


def head_lines(db: Database) -> list[str]:
    """``T1: 1.234 records, head 3f2a9c...`` lines for printed documents (both languages)."""
    from boothpos.core.errors import language

    english = language() == "en"
    lines = []
    for h in heads(db):
        count = f"{h.count:,}".replace(",", ".")
        if english:
            lines.append(f"Book seal {h.till}: {count} records, chain head {h.short} ({h.hash})")
        else:
            lines.append(
                f"Segel buku {h.till}: {count} catatan, kepala rantai {h.short} ({h.hash})"
            )
    return lines


# --------------------------------------------------------------- verify ---


@dataclass(frozen=True)
class Break:
    """One way the chain does not match the books."""

    kind: str  # changed | removed | unlinked | broken | waiting
    till: str
    seq: int
    table: str
    label: str
    local_id: int = 0  # of an unlinked record


def verify(db: Database) -> list[Break]:
    """Walk every till's chain; name each record that was changed, removed or added.

    Streams (a big event's books never sit in memory at once): the links in
    chain order prove the links follow each other; then each table's records
    in row order are matched with their links. Breaks come in chain order.
    """
    breaks: list[Break] = []
    expected: dict[str, tuple[int, str]] = {}
    for till, seq, table, label, prev_hash, digest in db.conn.execute(
        "SELECT till_code, seq, table_name, label, prev_hash, hash FROM chain "
        "ORDER BY till_code, seq"
    ):
        want_seq, want_prev = expected.get(till, (1, GENESIS))
        if seq != want_seq or prev_hash != want_prev:
            breaks.append(Break("broken", till, seq, table, label))
        expected[till] = (seq + 1, digest)
    for till, seq, table, label in db.conn.execute(
        f"SELECT till_code, seq, table_name, label FROM chain "
        f"WHERE table_name NOT IN ({','.join('?' * len(CHAINED))})",
        CHAINED,
    ):
        breaks.append(Break("changed", till, seq, table, label))
    # another till's links may name records this till does not hold (its audit, its
    # drawer, what is parked); this till's own links always name a record here
    for till, seq, table, label in db.conn.execute(
        "SELECT till_code, seq, table_name, label FROM chain WHERE local_id = 0 AND till_code = ?",
        (current_till(db),),
    ):
        breaks.append(Break("removed", till, seq, table, label))
    for table in CHAINED:
        breaks += _verify_table(db, table)
    breaks = [_waiting(db, b) if b.kind == "unlinked" else b for b in breaks]
    order = {"broken": 0, "removed": 1, "changed": 2, "unlinked": 3, "waiting": 4}
    breaks.sort(key=lambda b: (b.till == "", b.till, b.seq, order[b.kind]))
    return breaks


def _verify_table(db: Database, table: str) -> list[Break]:
    """Match ``table``'s records (row order) with its links (by local id): a merge join."""
    breaks: list[Break] = []
    links = db.conn.execute(
        "SELECT till_code, seq, row_key, label, local_id, prev_hash, hash FROM chain "
        "WHERE table_name = ? AND local_id <> 0 ORDER BY local_id, till_code, seq",
        (table,),
    )
    rows = _stream(db, table)
    record = next(rows, None)
    matched = None  # local id of the record the previous link matched
    for till, seq, key, label, local_id, prev_hash, digest in links:
        while record is not None and record.local_id < local_id:
            if record.local_id != matched:
                breaks.append(Break("unlinked", "", 0, table, record.label, record.local_id))
            record = next(rows, None)
        if record is None or record.local_id != local_id or record.key != key:
            breaks.append(Break("removed", till, seq, table, label))
            continue
        if matched == local_id:  # a second link for the same record
            breaks.append(Break("removed", till, seq, table, label))
            continue
        matched = local_id
        if link_hash(prev_hash, record) != digest:
            breaks.append(Break("changed", till, seq, table, record.label))
    while record is not None:
        if record.local_id != matched:
            breaks.append(Break("unlinked", "", 0, table, record.label, record.local_id))
        record = next(rows, None)
    return breaks


_PULLED_SALE = (
    "SELECT till_code FROM hub_records WHERE tbl = 'sales' AND origin = 'hub' AND row_id = ?"
)
_PULLED_FROM = {
    "sales": "SELECT ?",
    "sale_lines": "SELECT sale_id FROM sale_lines WHERE id = ?",
    "payments": "SELECT sale_id FROM payments WHERE id = ?",
}


def _waiting(db: Database, b: Break) -> Break:
    """An unlinked record pulled from another till waits for that till's links (a later sync)."""
    if (
        b.table not in HELD
        or not db.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'hub_records'").fetchone()
    ):
        return b
    till = None
    if b.table in _PULLED_FROM:
        sale = db.conn.execute(_PULLED_FROM[b.table], (b.local_id,)).fetchone()
        row = db.conn.execute(_PULLED_SALE, (sale[0],)).fetchone() if sale else None
        till = row[0] if row else None
    else:
        tbl, row_id = b.table, b.local_id
        if b.table == "stock_moves":
            sale_id, void_id = db.conn.execute(
                "SELECT sale_id, void_id FROM stock_moves WHERE id = ?", (b.local_id,)
            ).fetchone()
            if void_id is not None:
                tbl, row_id = "voids", void_id
            elif sale_id is not None:
                tbl, row_id = "sales", sale_id
        row = db.conn.execute(
            "SELECT till_code FROM hub_records WHERE tbl = ? AND origin = 'hub' AND row_id = ?",
            (tbl, row_id),
        ).fetchone()
        till = row[0] if row else None
    if till is None or till == current_till(db):
        return b
    return Break("waiting", till, 0, b.table, b.label, b.local_id)


def _stream(db: Database, table: str) -> Iterator[Record]:
    """``table``'s canonical records in row order, one at a time."""
    cursor = db.conn.execute(_CANON[table] + f" ORDER BY {_ALIAS[table]}.id")
    names = [c[0] for c in cursor.description]
    for row in cursor:
        values = dict(zip(names, row, strict=True))
        local_id = values.pop("_id")
        key = values.pop("key") or ""
        label = values.pop("label") or f"{table} {local_id}"
        yield Record(table, local_id, key, label, values)


# ------------------------------------------------- other tills' chains ---

FOREIGN = 0  # local_id of another till's link whose record this till does not hold
LINK_FIELDS = ("seq", "table", "key", "label", "prev_hash", "hash")


class ChainFork(Exception):
    """Another till's links do not continue the copy of its chain this till holds."""

    def __init__(self, till: str, seq: int) -> None:
        super().__init__(till, seq)
        self.till, self.seq = till, seq


# Another till's records this till applies to its own tables (the rest, its audit log
# and its drawer's fair-day events, stay with that till: their links name no record here).
HELD = ("sales", "sale_lines", "payments", "voids", "stock_moves")


def own_links(db: Database, after: int, limit: int) -> list[list]:
    """This till's links after seq ``after``, as they travel: seq, table, key, label, hashes."""
    return [
        list(row)
        for row in db.conn.execute(
            "SELECT seq, table_name, row_key, label, prev_hash, hash FROM chain "
            "WHERE till_code = ? AND seq > ? ORDER BY seq LIMIT ?",
            (current_till(db), after, limit),
        )
    ]


def _held(db: Database, table: str, key: str) -> bool:
    """Whether a record of ``table`` with natural key ``key`` is in this till's books."""
    if table in ("sales", "voids"):
        sql, params = f"SELECT 1 FROM {table} WHERE uuid = ?", (key,)
    elif table in ("sale_lines", "payments"):
        sql, params = "SELECT 1 FROM sales WHERE uuid = ?", (key.split("#", 1)[0],)
    else:  # stock_moves: barcode@at/kind
        rest, _, kind = key.rpartition("/")
        barcode, _, at = rest.rpartition("@")
        sql = (
            "SELECT 1 FROM stock_moves m JOIN products p ON p.id = m.product_id "
            "WHERE p.barcode = ? AND m.at = ? AND m.kind = ?"
        )
        params = (barcode, at, kind)
    return db.conn.execute(sql, params).fetchone() is not None


def adopt(db: Database, till: str, links: list[list]) -> tuple[int, str] | None:
    """Store another till's links verbatim (its chain, its hashes), in chain order.

    Inside the caller's write transaction. A link already held must be the
    same, a new one must follow the last one held (else :class:`ChainFork`).
    A link of a record this till applies (a sale, its lines, payments and
    stock moves, a void, a stock move) names the record here, found by natural
    key among the records that have no link yet; a link of what stays with
    that till (its audit log, its drawer) names none (``local_id`` 0). When a
    record is not here yet (parked, or not pulled yet), the links stop before
    it: returns its (seq, label), and the rest is stored when it is tried again.
    """
    if till == current_till(db):
        return None  # never our own chain from outside
    waiting: dict[str, dict[str, list[Record]]] = {}
    for table in HELD:
        ids = [
            rid
            for (rid,) in db.conn.execute(
                f"SELECT id FROM {table} WHERE id NOT IN "
                "(SELECT local_id FROM chain WHERE table_name = ?) ORDER BY id",
                (table,),
            )
        ]
        by_key: dict[str, list[Record]] = {}
        for start in range(0, len(ids), _CHUNK):
            for _, record in sorted(records(db, table, ids[start : start + _CHUNK]).items()):
                by_key.setdefault(record.key, []).append(record)
        waiting[table] = by_key
    last = db.conn.execute(
        "SELECT seq, hash FROM chain WHERE till_code = ? ORDER BY seq DESC LIMIT 1", (till,)
    ).fetchone()
    last_seq, last_hash = last if last else (0, GENESIS)
    for seq, table, key, label, prev_hash, digest in links:
        if seq <= last_seq:  # held already: must be the same link
            row = db.conn.execute(
                "SELECT hash FROM chain WHERE till_code = ? AND seq = ?", (till, seq)
            ).fetchone()
            if row is None or row[0] != digest:
                raise ChainFork(till, seq)
            continue
        if (seq, prev_hash) != (last_seq + 1, last_hash):
            raise ChainFork(till, seq)
        local_id = FOREIGN
        if table in HELD:
            free = waiting[table].get(key)
            if free:  # keys may repeat (two moves of one product at one moment): content
                same = [r for r in free if link_hash(prev_hash, r) == digest]
                record = (same or free)[0]
                free.remove(record)
                local_id = record.local_id
            elif not _held(db, table, key):
                return seq, label
            # else: held here under another chain (a restore merged it): named by none
        db.conn.execute(
            "INSERT INTO chain (till_code, seq, table_name, row_key, label, local_id, "
            "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (till, seq, table, key, label, local_id, prev_hash, digest),
        )
        last_seq, last_hash = seq, digest
    return None


def pending_mark(db: Database) -> int:
    """Where the records this connection has noted so far end (see :func:`take_pulled`)."""
    if not getattr(db, "chain_ready", False):
        return 0
    return db.conn.execute("SELECT COALESCE(MAX(n), 0) FROM temp.chain_pending").fetchone()[0]


def take_pulled(db: Database, mark: int) -> None:
    """Records noted after ``mark`` were pulled from another till: they are in its chain.

    They get the links that till wrote (:func:`adopt`), never a link of ours.
    Audit entries stay noted (this till's own audit of the pull). Inside the
    write transaction that wrote them.
    """
    if getattr(db, "chain_ready", False):
        db.conn.execute(
            "DELETE FROM temp.chain_pending WHERE n > ? AND table_name <> 'audit'", (mark,)
        )
