"""The hub's schema in PostgreSQL (versioned migrations), the booth's seed, and till roles.

- ``hub_meta``: the schema version;
- ``seed``: what a new till starts from (event, partners, products, users), as jsonb;
- ``tills``: one row per till code; a code belongs to one till (joined once);
- ``records``: every record of every till, keyed by UUID, with the till code,
  the kind, the payload (jsonb) and ``seq``, the hub order. Pushes take an
  advisory lock for their transaction, so ``seq`` order is also commit order
  and a till reading ``seq > cursor`` never skips a record committed late.
  Append-only (a trigger refuses UPDATE and DELETE);
- ``parked``: records a till could not apply, named with the till and the reason.

Each till signs in with its own role (``<database>_<till>``), created at
join: it may read the booth's tables and insert records and parked notes,
nothing else; row-level security makes every record name the role that
pushed it.
"""

from __future__ import annotations

import json
import secrets

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo
from sqlite_utils import Database

from boothpos.core.errors import BoothError, Msg, RefusedInput

PUSH_LOCK = 715_001  # pg_advisory_xact_lock key of a push

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
CREATE TABLE seed (
    key text PRIMARY KEY,
    payload jsonb NOT NULL
);
CREATE TABLE tills (
    till_code text PRIMARY KEY,
    role text NOT NULL UNIQUE,
    joined_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE records (
    uuid uuid PRIMARY KEY,
    seq bigserial NOT NULL UNIQUE,
    till_code text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('sale', 'refund', 'void', 'stock_move', 'day_event',
                                       'partner', 'product', 'user', 'audit')),
    payload jsonb NOT NULL,
    pushed_by text NOT NULL DEFAULT current_user,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX records_till ON records (till_code);
CREATE TABLE parked (
    uuid uuid NOT NULL,
    till_code text NOT NULL,
    reason text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (uuid, till_code)
);
CREATE FUNCTION records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'records are append-only: never changed or deleted';
END $$;
CREATE TRIGGER records_no_change BEFORE UPDATE OR DELETE ON records
    FOR EACH ROW EXECUTE FUNCTION records_append_only();
ALTER TABLE records ENABLE ROW LEVEL SECURITY;
CREATE POLICY records_read ON records FOR SELECT USING (true);
CREATE POLICY records_push ON records FOR INSERT WITH CHECK (pushed_by = current_user);
""",
    ),
    (
        2,
        """
ALTER TABLE records DROP CONSTRAINT records_kind_check;
ALTER TABLE records ADD CONSTRAINT records_kind_check
    CHECK (kind IN ('sale', 'refund', 'void', 'stock_move', 'day_event',
                    'partner', 'product', 'user', 'audit', 'chain'));
""",
    ),
]
VERSION = MIGRATIONS[-1][0]

NOT_INITIALISED = Msg(
    id="hub belum disiapkan; jalankan 'boothpos hub init --dsn DSN --from TILL.db'",
    en="the hub is not initialised; run 'boothpos hub init --dsn DSN --from TILL.db'",
)
ALREADY_INITIALISED = Msg(
    id="hub ini sudah berisi acara '{name}'", en="this hub already holds the event '{name}'"
)
TILL_TAKEN = Msg(
    id="kode kasir {till} sudah dipakai kasir lain di hub ini; pilih kode lain (--till)",
    en="till code {till} already belongs to another till of this hub; choose another (--till)",
)
BAD_TILL = Msg(
    id="kode kasir '{till}' harus 1–8 huruf besar/angka (contoh T2)",
    en="till code '{till}' must be 1–8 capital letters or digits (for example T2)",
)
UNREACHABLE = Msg(id="hub tidak terjangkau ({detail})", en="the hub cannot be reached ({detail})")
NEWER_HUB = Msg(
    id="skema hub {found} lebih baru dari aplikasi ini ({known}); perbarui boothpos",
    en="the hub's schema {found} is newer than this app's ({known}); update boothpos",
)


def connect(dsn: str, **kwargs) -> psycopg.Connection:
    try:
        return psycopg.connect(dsn, connect_timeout=5, **kwargs)
    except psycopg.Error as exc:
        raise BoothError(UNREACHABLE, detail=str(exc).strip().splitlines()[0]) from exc


def version(conn: psycopg.Connection) -> int:
    exists = conn.execute("SELECT to_regclass('hub_meta')").fetchone()[0]
    if exists is None:
        return 0
    return int(conn.execute("SELECT value FROM hub_meta WHERE key = 'version'").fetchone()[0])


def migrate(conn: psycopg.Connection) -> int:
    """Apply pending hub migrations in one transaction; returns the version."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK + 1,))
        conn.execute("CREATE TABLE IF NOT EXISTS hub_meta (key text PRIMARY KEY, value text)")
        row = conn.execute("SELECT value FROM hub_meta WHERE key = 'version'").fetchone()
        current = int(row[0]) if row else 0
        if current > VERSION:
            raise BoothError(NEWER_HUB, found=current, known=VERSION)
        for number, script in MIGRATIONS:
            if number > current:
                conn.execute(script)
                current = number
        conn.execute(
            "INSERT INTO hub_meta (key, value) VALUES ('version', %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(current),),
        )
    return current


# ------------------------------------------------------------------ seed ---

_SEED_QUERIES = {
    "partners": "SELECT code, name, region, commission_bp, bank_details, pin_hash, created_at "
    "FROM partners ORDER BY id",
    "products": "SELECT p.barcode, p.barcode_internal, p.name, pa.code AS partner_code, "
    "p.category, p.price, p.catalog_intake, p.active, p.created_at FROM products p "
    "JOIN partners pa ON pa.id = p.partner_id ORDER BY p.id",
    "users": "SELECT username, display_name, role, pin_hash, active, created_at FROM users "
    "ORDER BY id",
}


def read_seed(db: Database) -> dict[str, object]:
    """Event, partners, products and users of a till database, as the hub keeps them."""
    event = dict(next(iter(db.query("SELECT * FROM event WHERE id = 1"))))
    seed: dict[str, object] = {"event": event}
    for key, query in _SEED_QUERIES.items():
        seed[key] = [dict(r) for r in db.query(query)]
    return seed


def store_seed(conn: psycopg.Connection, seed: dict[str, object]) -> None:
    existing = conn.execute("SELECT payload FROM seed WHERE key = 'event'").fetchone()
    if existing is not None:
        raise RefusedInput(ALREADY_INITIALISED, name=existing[0]["name"])
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO seed (key, payload) VALUES (%s, %s)",
            [(key, json.dumps(value, ensure_ascii=False)) for key, value in seed.items()],
        )


def load_seed(conn: psycopg.Connection) -> dict[str, object]:
    seed = {key: payload for key, payload in conn.execute("SELECT key, payload FROM seed")}
    if "event" not in seed:
        raise BoothError(NOT_INITIALISED)
    return seed


def write_seed(db: Database, seed: dict, *, till_code: str) -> None:
    """Fill an empty till database from the hub's seed (inside the caller's transaction)."""
    event = dict(seed["event"])
    event["till_code"] = till_code
    columns = ", ".join(event)
    db.execute(
        f"INSERT INTO event ({columns}) VALUES ({', '.join('?' for _ in event)})",
        list(event.values()),
    )
    for row in seed["partners"]:
        db.execute(
            "INSERT INTO partners (code, name, region, commission_bp, bank_details, pin_hash, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [row[k] for k in _keys("partners")],
        )
    for row in seed["products"]:
        partner_id = db.execute(
            "SELECT id FROM partners WHERE code = ?", (row["partner_code"],)
        ).fetchone()[0]
        db.execute(
            "INSERT INTO products (barcode, barcode_internal, name, partner_id, category, price, "
            "catalog_intake, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row["barcode"],
                row["barcode_internal"],
                row["name"],
                partner_id,
                row["category"],
                row["price"],
                row["catalog_intake"],
                row["active"],
                row["created_at"],
            ),
        )
    for row in seed["users"]:
        db.execute(
            "INSERT INTO users (username, display_name, role, pin_hash, active, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [row[k] for k in _keys("users")],
        )


def _keys(table: str) -> list[str]:
    select = _SEED_QUERIES[table].split(" FROM ")[0].removeprefix("SELECT ")
    return [c.strip() for c in select.split(",")]


# ------------------------------------------------------------------ tills ---


def valid_till(code: str) -> str:
    code = (code or "").strip()
    if not (1 <= len(code) <= 8 and code.isalnum() and code == code.upper() and code.isascii()):
        raise RefusedInput(BAD_TILL, till=code)
    return code


def add_till(conn: psycopg.Connection, dsn: str, till_code: str) -> str:
    """Create the till's role (own password) and register its code; returns the till's DSN.

    Refused when the code already belongs to a till of this hub. Runs on the
    admin's connection, in one transaction.
    """
    till_code = valid_till(till_code)
    dbname = conn.execute("SELECT current_database()").fetchone()[0]
    role = f"{dbname}_{till_code}".lower()
    password = secrets.token_urlsafe(18)
    with conn.transaction():
        taken = conn.execute("SELECT 1 FROM tills WHERE till_code = %s", (till_code,)).fetchone()
        if taken:
            raise RefusedInput(TILL_TAKEN, till=till_code)
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(
            sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(role), sql.Literal(password)
            )
        )
        ident = sql.Identifier(role)
        for statement in (
            "GRANT CONNECT ON DATABASE {db} TO {role}",
            "GRANT USAGE ON SCHEMA public TO {role}",
            "GRANT SELECT ON hub_meta, seed, tills, records, parked TO {role}",
            "GRANT INSERT ON records, parked TO {role}",
            "GRANT USAGE ON SEQUENCE records_seq_seq TO {role}",
        ):
            conn.execute(sql.SQL(statement).format(db=sql.Identifier(dbname), role=ident))
        conn.execute("INSERT INTO tills (till_code, role) VALUES (%s, %s)", (till_code, role))
    return _with_credentials(dsn, role, password)


def _with_credentials(dsn: str, user: str, password: str) -> str:
    """The admin's DSN (URL or key=value) with the till's role and password instead."""
    return make_conninfo(dsn, user=user, password=password)
