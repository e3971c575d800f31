"""Push and pull: store-and-forward of a till's records through the booth hub.

- **push** sends every local record the hub lacks (the outbox: ``hub_records``
  rows of origin ``local`` not yet ``pushed``), in batches, each batch one
  PostgreSQL transaction of ``INSERT … ON CONFLICT (uuid) DO NOTHING`` under an
  advisory lock (so the hub order ``seq`` is commit order). Only after the hub
  committed are they marked pushed in SQLite: a till killed in between resends
  them, and the hub keeps one copy. A record the hub refuses is parked locally
  (named, retried at the next sync) and the rest still go.
- **pull** applies, in hub order, the records of other tills with ``seq``
  greater than the till's cursor, each in its own SQLite write transaction that
  also moves the cursor. A record that cannot be applied is parked, on the till
  and in the hub's ``parked`` table, and never blocks the rest. Parked records
  are retried first at every sync.

Selling never waits for any of this: a sale commits to SQLite alone, and sync
only ever reads what is committed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import psycopg
from sqlite_utils import Database

from boothpos.core import audit, clock
from boothpos.core import db as dbmod
from boothpos.core.db import write_transaction
from boothpos.core.errors import BoothError, Msg, RefusedInput
from boothpos.core.event import get_event, get_setting
from boothpos.core.tills import SETTING_HUB_DSN, SETTING_SYNCED_AT
from boothpos.hub import records, schema

PUSH_BATCH = 500
PULL_BATCH = 500

NOT_JOINED = Msg(
    id="kasir ini belum tergabung ke hub; jalankan 'boothpos --db FILE join DSN --till KODE' "
    "atau 'boothpos hub init'",
    en="this till has not joined a hub; run 'boothpos --db FILE join DSN --till CODE' "
    "or 'boothpos hub init'",
)
DB_EXISTS = Msg(
    id="database {path} sudah ada; 'join' membuat database kasir baru",
    en="database {path} already exists; 'join' makes a new till database",
)
ALREADY_JOINED = Msg(
    id="database {path} sudah tergabung ke hub sebagai kasir {till}",
    en="database {path} has already joined a hub as till {till}",
)
REFUSED_BY_HUB = Msg(id="ditolak hub ({detail})", en="refused by the hub ({detail})")
LOST = Msg(
    id="koneksi ke hub terputus ({detail})", en="the connection to the hub was lost ({detail})"
)


@dataclass
class SyncResult:
    pushed: int = 0
    pulled: int = 0
    pending: int = 0
    parked: int = 0
    error: str | None = None

    def to_json(self) -> dict:
        data = asdict(self)
        if data["error"] is None:
            del data["error"]
        return data


def hub_dsn(db: Database) -> str:
    dsn = get_setting(db, SETTING_HUB_DSN)
    if not dsn:
        raise RefusedInput(NOT_JOINED)
    return dsn


# ------------------------------------------------------------------ push ---


def push(db: Database, conn: psycopg.Connection, *, batch: int = PUSH_BATCH) -> int:
    """Send every local record the hub lacks; returns how many the hub newly stored."""
    records.register_local(db)
    with write_transaction(db):  # records refused at the last sync are tried again
        db.execute(
            "UPDATE hub_records SET status = 'ok', reason = '' "
            "WHERE origin = 'local' AND status = 'parked'"
        )
    stored = 0
    while True:
        pending = records.pending(db, batch)
        if not pending:
            return stored
        rows = [
            (r.uuid, r.till_code, r.kind, json.dumps(r.payload, ensure_ascii=False))
            for r in pending
        ]
        refused: dict[str, str] = {}
        try:
            stored += _insert(conn, rows)
        except psycopg.OperationalError:
            raise
        except psycopg.Error:
            for row in rows:  # one by one: find the refused ones, send the rest
                try:
                    stored += _insert(conn, [row])
                except psycopg.OperationalError:
                    raise
                except psycopg.Error as exc:
                    detail = str(exc).strip().splitlines()[0]
                    refused[row[0]] = REFUSED_BY_HUB.render("en", detail=detail)
        sent = [r.uuid for r in pending if r.uuid not in refused]
        records.mark_pushed(db, sent)
        if refused:
            _park_local(db, conn, refused)


def _insert(conn: psycopg.Connection, rows: list[tuple]) -> int:
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (schema.PUSH_LOCK,))
        cur.executemany(
            "INSERT INTO records (uuid, till_code, kind, payload) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (uuid) DO NOTHING",
            rows,
        )
        return max(cur.rowcount, 0)


def _park_local(db: Database, conn: psycopg.Connection, refused: dict[str, str]) -> None:
    with write_transaction(db):
        for record_uuid, reason in refused.items():
            db.execute(
                "UPDATE hub_records SET status = 'parked', reason = ? WHERE uuid = ?",
                (reason, record_uuid),
            )
            audit.record(
                db,
                records.AUDIT_PARK,
                entity="push",
                entity_id=record_uuid,
                detail={"reason": reason},
            )
    _report_parked(db, conn, refused)


def _report_parked(db: Database, conn: psycopg.Connection, parked: dict[str, str]) -> None:
    """Name the parked records on the hub too (best effort: the till keeps them anyway)."""
    till = get_event(db).till_code
    try:
        with conn.transaction(), conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO parked (uuid, till_code, reason) VALUES (%s, %s, %s) "
                "ON CONFLICT (uuid, till_code) DO NOTHING",
                [(u, till, reason) for u, reason in parked.items()],
            )
    except psycopg.OperationalError:
        raise
    except psycopg.Error:
        pass


# ------------------------------------------------------------------ pull ---


def pull(
    db: Database, conn: psycopg.Connection, *, batch: int = PULL_BATCH, own: bool = False
) -> int:
    """Apply the records of other tills the till lacks, in hub order; returns how many.

    ``own=True`` also takes the records pushed by this connection's role (a
    hub report's scratch copy reads every record).
    """
    applied = 0
    for rec in records.parked_records(db):  # what was stuck may fit now
        if records.apply_or_park(db, rec, cursor=None) is None:
            applied += 1
    # The till's own records come back without their payload: only their hub order
    # is noted (the last catalog version in hub order wins).
    wanted = "payload" if own else "CASE WHEN pushed_by = current_user THEN NULL ELSE payload END"
    while True:
        rows = conn.execute(
            f"SELECT seq, uuid::text, till_code, kind, {wanted} FROM records WHERE seq > %s "
            "ORDER BY seq LIMIT %s",
            (records.cursor(db), batch),
        ).fetchall()
        if not rows:
            return applied
        newly_parked: dict[str, str] = {}
        # records this till holds, and records it only keeps: noted in one transaction
        held: list[tuple[int, str]] = []
        stored: list[records.Record] = []
        for seq, record_uuid, till, kind, payload in rows:
            if payload is None or records.known(db, record_uuid) is not None:
                held.append((seq, record_uuid))
                continue
            rec = records.Record(record_uuid, till, kind, payload, seq)
            if records.stored_only(rec):
                stored.append(rec)
                applied += 1
                continue
            records.skip(db, held, stored)
            held, stored = [], []
            reason = records.apply_or_park(db, rec, cursor=seq)
            if reason is None:
                applied += 1
            else:
                newly_parked[record_uuid] = reason
        records.skip(db, held, stored)
        if newly_parked and not own:
            _report_parked(db, conn, newly_parked)


# ------------------------------------------------------------------ sync ---


def sync(db: Database, dsn: str | None = None) -> SyncResult:
    """Push, then pull. A hub out of reach is no failure of the till: the result says so."""
    dsn = dsn or hub_dsn(db)
    result = SyncResult()
    records.register_local(db)
    try:
        with schema.connect(dsn, autocommit=True) as conn:
            result.pushed = push(db, conn)
            result.pulled = pull(db, conn)
    except BoothError as exc:
        result.error = exc.message()
    except psycopg.OperationalError as exc:
        result.error = LOST.render(detail=str(exc).strip().splitlines()[0])
    else:
        with write_transaction(db):
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (SETTING_SYNCED_AT, clock.to_iso(clock.now(get_event(db).timezone))),
            )
    result.pending = records.pending_count(db)
    result.parked = records.parked_count(db)
    return result


def watch(
    db: Database,
    *,
    interval: float = 3.0,
    report: Callable[[SyncResult], None] | None = None,
    rounds: int | None = None,
) -> None:
    """Sync every ``interval`` seconds (``rounds`` times, or until interrupted)."""
    n = 0
    while rounds is None or n < rounds:
        result = sync(db)
        if report:
            report(result)
        n += 1
        if rounds is None or n < rounds:
            time.sleep(interval)


# ------------------------------------------------------------------ hub init / join ---


def init_hub(dsn: str, from_path: Path) -> str:
    """Hub schema + the booth's seed from a till database, which joins as its till code.

    Returns the till code. The till stores its own DSN (its role) in its settings;
    its records go to the hub at its first ``sync``.
    """
    db = dbmod.connect(from_path)
    try:
        till = get_event(db).till_code
        if get_setting(db, SETTING_HUB_DSN):
            raise RefusedInput(ALREADY_JOINED, path=str(from_path), till=till)
        with schema.connect(dsn, autocommit=True) as conn:
            schema.migrate(conn)
            with conn.transaction():
                schema.store_seed(conn, schema.read_seed(db))
                till_dsn = schema.add_till(conn, dsn, till)
        with write_transaction(db):
            records.mark_catalog_known(db)  # the seed: no need to send it again
            _store_dsn(db, till_dsn, till)
        return till
    finally:
        db.close()


def join(path: Path, dsn: str, till: str) -> SyncResult:
    """A new till database from the hub (event, catalog, users, every record so far)."""
    till = schema.valid_till(till)
    if path.exists() and path.stat().st_size > 0:
        raise RefusedInput(DB_EXISTS, path=str(path))
    with schema.connect(dsn, autocommit=True) as conn:
        if schema.version(conn) == 0:
            raise BoothError(schema.NOT_INITIALISED)
        if conn.execute("SELECT 1 FROM tills WHERE till_code = %s", (till,)).fetchone():
            raise RefusedInput(schema.TILL_TAKEN, till=till)
        seed = schema.load_seed(conn)
        db = dbmod.connect(path, create=True)
        try:
            with write_transaction(db):
                schema.write_seed(db, seed, till_code=till)
                records.mark_catalog_known(db)
            till_dsn = schema.add_till(conn, dsn, till)
        except BaseException:
            db.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            raise
    try:
        with write_transaction(db):
            _store_dsn(db, till_dsn, till)
        return sync(db)
    finally:
        db.close()


def _store_dsn(db: Database, till_dsn: str, till: str) -> None:
    """The till's hub DSN in its settings, audited without it (it holds the till's password)."""
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (SETTING_HUB_DSN, till_dsn),
    )
    audit.record(db, "hub.join", entity="till", entity_id=till)


def books(dsn: str) -> Database:
    """The booth's books as the hub holds them: an in-memory till with every record applied.

    The hub's reports run the very same core code as a till's, so after
    every till has synced they agree to the rupiah.
    """
    with schema.connect(dsn, autocommit=True) as conn:
        seed = schema.load_seed(conn)
        db = dbmod.connect_memory()
        with write_transaction(db):
            schema.write_seed(db, seed, till_code="HUB")
        pull(db, conn, own=True)
    return db
