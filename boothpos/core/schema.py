"""The event database schema, as sqlite-utils ``Migrations``.

Add a new migration function for every change; never edit an applied one.
Bump ``SCHEMA_VERSION`` with each migration (it is written to
``PRAGMA user_version`` so an older app refuses a newer file).

Money columns are INTEGER rupiah. Times are ISO-8601 text with offset.
Sales, lines, payments, voids, stock moves, fair-day events and the audit
log are append-only: triggers refuse UPDATE and DELETE on them.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("boothpos")
SCHEMA_VERSION = 4

APPEND_ONLY = (
    "sales",
    "sale_lines",
    "payments",
    "voids",
    "stock_moves",
    "day_events",
    "audit",
)

_SCHEMA_1 = """
CREATE TABLE event (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    first_day TEXT NOT NULL,              -- ISO date of fair day 1
    days INTEGER NOT NULL CHECK (days >= 1),
    timezone TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    receipt_header TEXT NOT NULL DEFAULT '',
    receipt_footer TEXT NOT NULL DEFAULT '',
    commission_bp INTEGER NOT NULL DEFAULT 0 CHECK (commission_bp BETWEEN 0 AND 10000),
    receipt_prefix TEXT NOT NULL,
    till_code TEXT NOT NULL DEFAULT 'T1',
    created_at TEXT NOT NULL
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE partners (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    region TEXT NOT NULL DEFAULT '',
    commission_bp INTEGER CHECK (commission_bp IS NULL OR commission_bp BETWEEN 0 AND 10000),
    bank_details TEXT NOT NULL DEFAULT '',
    pin_hash TEXT,
    failed_pins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    barcode TEXT NOT NULL UNIQUE,
    barcode_internal INTEGER NOT NULL DEFAULT 0,   -- 1: generated 20–29 code
    name TEXT NOT NULL,
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    category TEXT NOT NULL DEFAULT '',
    price INTEGER NOT NULL CHECK (price >= 0),
    on_hand INTEGER NOT NULL DEFAULT 0,            -- cache of SUM(stock_moves.qty)
    catalog_intake INTEGER NOT NULL DEFAULT 0,     -- stock column as last imported
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    UNIQUE (partner_id, name)
);
CREATE INDEX products_partner ON products(partner_id);
CREATE INDEX products_name ON products(name COLLATE NOCASE);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('attendant', 'supervisor', 'admin')),
    pin_hash TEXT NOT NULL,
    failed_pins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

-- Fair-day ledger: open / close / reopen records; a day's state is its latest record.
CREATE TABLE day_events (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,                     -- ISO date
    kind TEXT NOT NULL CHECK (kind IN ('open', 'close', 'reopen')),
    at TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    opening_float INTEGER CHECK (opening_float IS NULL OR opening_float >= 0),
    counted_cash INTEGER,
    expected_cash INTEGER,
    z_number INTEGER UNIQUE,
    detail TEXT NOT NULL DEFAULT '{}'      -- JSON (denominations, reason)
);
CREATE INDEX day_events_day ON day_events(day);

-- A sale or a refund. Voids are separate records (table voids) pointing back.
CREATE TABLE sales (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
    till_code TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),          -- gapless per till
    receipt_no TEXT NOT NULL UNIQUE,
    day TEXT NOT NULL,                              -- fair day (ISO date, event timezone)
    time TEXT NOT NULL,                             -- ISO-8601 with offset
    cashier_id INTEGER NOT NULL REFERENCES users(id),
    total INTEGER NOT NULL,                         -- Σ line_total (negative for a refund)
    change INTEGER NOT NULL DEFAULT 0 CHECK (change >= 0),
    refund_of INTEGER REFERENCES sales(id),
    reason TEXT NOT NULL DEFAULT '',
    approved_by INTEGER REFERENCES users(id),
    UNIQUE (till_code, seq),
    CHECK ((kind = 'refund') = (refund_of IS NOT NULL))
);
CREATE INDEX sales_day ON sales(day);
CREATE INDEX sales_refund_of ON sales(refund_of);

CREATE TABLE sale_lines (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    line_no INTEGER NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products(id),
    barcode TEXT NOT NULL,                  -- snapshots at the time of sale
    name TEXT NOT NULL,
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    partner_code TEXT NOT NULL,
    partner_name TEXT NOT NULL,
    qty INTEGER NOT NULL CHECK (qty != 0),  -- negative on a refund
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    discount INTEGER NOT NULL DEFAULT 0,    -- same sign as qty
    line_total INTEGER NOT NULL,            -- qty * unit_price - discount
    refund_of_line INTEGER REFERENCES sale_lines(id),
    UNIQUE (sale_id, line_no),
    CHECK (line_total = qty * unit_price - discount)
);
CREATE INDEX sale_lines_sale ON sale_lines(sale_id);
CREATE INDEX sale_lines_partner ON sale_lines(partner_id);
CREATE INDEX sale_lines_product ON sale_lines(product_id);
CREATE INDEX sale_lines_refund_of ON sale_lines(refund_of_line);

CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    method TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'debit', 'credit', 'transfer')),
    amount INTEGER NOT NULL,                -- tendered (negative: paid back on a refund)
    reference TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payments_sale ON payments(sale_id);

CREATE TABLE voids (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    sale_id INTEGER NOT NULL UNIQUE REFERENCES sales(id),
    at TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),      -- who asked
    approved_by INTEGER NOT NULL REFERENCES users(id),  -- supervisor
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
);

CREATE TABLE stock_moves (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id),
    kind TEXT NOT NULL CHECK (kind IN
        ('intake', 'sale', 'void', 'refund', 'adjustment', 'return')),
    qty INTEGER NOT NULL,                   -- signed: + into the booth, - out
    at TEXT NOT NULL,
    day TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    sale_id INTEGER REFERENCES sales(id),
    void_id INTEGER REFERENCES voids(id),
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stock_moves_product ON stock_moves(product_id);
CREATE INDEX stock_moves_sale ON stock_moves(sale_id);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    action TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}'       -- JSON
);
CREATE INDEX audit_action ON audit(action);
"""


def _append_only_triggers(table: str) -> str:
    return f"""
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only: records are never changed'); END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only: records are never deleted'); END;
"""


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: Database) -> None:
    for statement in _SCHEMA_1.split(";\n"):
        if statement.strip():
            db.execute(statement)
    for table in APPEND_ONLY:
        for statement in _append_only_triggers(table).strip().split("END;"):
            if statement.strip():
                db.execute(statement + "END;")


@MIGRATIONS(name="0002_chain")
def m0002_chain(db: Database) -> None:
    """The tamper-evident hash chain (boothpos.core.chain), linking every existing record.

    Also ``audit.actor``: who acted when no booth user signed in (``cli:<os user>``).
    """
    from boothpos.core import chain

    db.execute(chain.CHAIN_TABLE_SQL)
    db.execute(chain.CHAIN_INDEX_SQL)
    for statement in _append_only_triggers("chain").strip().split("END;"):
        if statement.strip():
            db.execute(statement + "END;")
    # who acted when no booth user signed in: "cli:<os user>" for the command line
    db.execute("ALTER TABLE audit ADD COLUMN actor TEXT NOT NULL DEFAULT ''")
    chain.seal_all_unlinked(db)


_HUB_RECORDS = """
-- The booth hub (several tills): every record this till exchanges with the hub,
-- under the UUID and till code it travels with. A sale, refund or void keeps its
-- own uuid; stock moves, fair-day events and audit entries get theirs here (their
-- tables are append-only and carry none). origin 'local': made on this till (pushed = 1 once
-- the hub has it); origin 'hub': pulled from another till (hub_seq = hub order).
-- status 'parked': a pulled record that could not be applied (reason names why);
-- it is retried at every sync and never blocks the records behind it.
-- Catalog records (partner, product, user) are versions of a row, named by
-- entity_key (partner code, barcode, username); their payload is the snapshot sent.
CREATE TABLE hub_records (
    uuid TEXT PRIMARY KEY,
    tbl TEXT NOT NULL,                       -- sales, voids, stock_moves, day_events,
                                             -- audit, partners, products, users
    row_id INTEGER,                          -- the row in tbl (NULL: not applied here,
                                             -- or a catalog version)
    till_code TEXT NOT NULL,
    kind TEXT NOT NULL,                      -- sale, refund, void, stock_move, day_event,
                                             -- audit, partner, product, user
    entity_key TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('local', 'hub')),
    pushed INTEGER NOT NULL DEFAULT 0,
    hub_seq INTEGER,
    status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'parked')),
    reason TEXT NOT NULL DEFAULT '',
    payload TEXT,                            -- JSON as pulled (other tills' records),
                                             -- or as sent (a catalog version)
    UNIQUE (tbl, row_id)
);
CREATE INDEX hub_records_pending ON hub_records(origin, pushed);
CREATE INDEX hub_records_status ON hub_records(status);
CREATE INDEX hub_records_entity ON hub_records(tbl, entity_key);

-- The catalog as last exchanged with the hub: a digest per partner, product and
-- user; a row whose digest differs has changed here and is pushed as a new version.
CREATE TABLE hub_catalog (
    tbl TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (tbl, entity_key)
);
"""


@MIGRATIONS(name="0003_hub_records")
def m0003_hub_records(db: Database) -> None:
    """UUID and till code of every record exchanged with the booth hub (issue 15).

    Depends on nothing but 0001: the append-only tables are not altered.
    """
    for statement in _HUB_RECORDS.split(";\n"):
        if statement.strip():
            db.execute(statement)


# The business records that lived only inside audit JSON until schema 4: stock
# documents (and their lines), product name and price history, backups taken.
# Append-only like the other books, and chained (core.chain.CHAINED).
RECORD_TABLES = (
    "stock_documents",
    "stock_document_lines",
    "product_names",
    "price_changes",
    "backups",
)

_SCHEMA_4 = """
-- A numbered stock document: goods received from, counted for or returned to one
-- partner. number = {receipt prefix}-{till}-{TTB|RTR|PNY}-{n:04d}, gapless per kind
-- and till. Partner and user are snapshots as printed on the document.
CREATE TABLE stock_documents (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('intake', 'return', 'adjustment')),
    at TEXT NOT NULL,                       -- ISO-8601 with offset
    day TEXT NOT NULL,                      -- ISO date in the event's zone
    partner_id INTEGER REFERENCES partners(id),
    partner_code TEXT NOT NULL,
    partner_name TEXT NOT NULL,
    partner_region TEXT NOT NULL DEFAULT '',
    username TEXT NOT NULL,
    user_name TEXT NOT NULL,                -- display name, printed by the signature line
    reason TEXT NOT NULL DEFAULT '',        -- adjustments: damaged | lost | miscount
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stock_documents_partner ON stock_documents(partner_code);

-- One product on a stock document, with its name and price when the document was made.
CREATE TABLE stock_document_lines (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES stock_documents(id),
    line_no INTEGER NOT NULL CHECK (line_no >= 1),
    product_id INTEGER NOT NULL REFERENCES products(id),
    barcode TEXT NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    price INTEGER NOT NULL,
    qty INTEGER NOT NULL,                   -- received/returned (+); adjustment: signed change
    on_hand_before INTEGER NOT NULL,
    on_hand_after INTEGER NOT NULL,
    counted INTEGER,                        -- adjustments made from a count
    UNIQUE (document_id, line_no)
);

-- Every rename of a product: by hand ('edit') or by a catalog import ('catalog').
-- A catalog row under a name the product had before a rename by hand is that product.
CREATE TABLE product_names (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id),
    old_name TEXT NOT NULL,
    new_name TEXT NOT NULL,
    at TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    source TEXT NOT NULL CHECK (source IN ('edit', 'catalog'))
);
CREATE INDEX product_names_product ON product_names(product_id);

-- Every price change of a product (rupiah): by hand ('edit') or a catalog import.
CREATE TABLE price_changes (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id),
    old_price INTEGER NOT NULL,
    new_price INTEGER NOT NULL,
    at TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    source TEXT NOT NULL CHECK (source IN ('edit', 'catalog'))
);
CREATE INDEX price_changes_product ON price_changes(product_id);

-- Every backup written: the sales it holds (up to last_sale_id) start the count of
-- sales since the newest backup (the automatic backup's trigger).
CREATE TABLE backups (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    reason TEXT NOT NULL,                   -- manual | auto | day_close | restore
    file TEXT NOT NULL,                     -- name of the first copy written
    files TEXT NOT NULL DEFAULT '[]',       -- JSON: every copy written (paths)
    last_sale_id INTEGER NOT NULL DEFAULT 0,
    sales INTEGER NOT NULL DEFAULT 0
)
"""


@MIGRATIONS(name="0004_records")
def m0004_records(db: Database) -> None:
    """Stock documents, name and price history and backups in tables of their own.

    Until now they lived only as audit JSON; the migration moves every such
    entry into the new tables (the audit log keeps them too, and keeps
    recording) and links the moved rows to the hash chain.
    """
    from boothpos.core import chain, records

    for statement in _SCHEMA_4.split(";\n"):
        if statement.strip():
            db.execute(statement)
    for table in RECORD_TABLES:
        for statement in _append_only_triggers(table).strip().split("END;"):
            if statement.strip():
                db.execute(statement + "END;")
    records.move_from_audit(db)
    chain.seal_all_unlinked(db)
