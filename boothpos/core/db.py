"""Open an event database: one SQLite file per event.

Opened with WAL, ``synchronous=FULL`` (a booth laptop can lose power; a
committed sale must survive it), foreign keys on and a busy timeout. The
schema is applied through :mod:`boothpos.core.schema` (sqlite-utils
``Migrations``); an existing file is copied aside before it is migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from boothpos.core.errors import DatabaseError, Msg
from boothpos.core.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"

NOT_A_DATABASE = Msg(
    id="'{path}' bukan file database boothpos (SQLite)",
    en="'{path}' is not a boothpos (SQLite) database file",
)
MISSING = Msg(
    id="database '{path}' tidak ada; buat dulu dengan 'boothpos init'",
    en="database '{path}' does not exist; create it first with 'boothpos init'",
)
TOO_NEW = Msg(
    id="database '{path}' dibuat oleh boothpos yang lebih baru (skema {found}); "
    "perbarui aplikasi ini (skema {known})",
    en="database '{path}' was made by a newer boothpos (schema {found}); "
    "update this app (schema {known})",
)
MIGRATION_FAILED = Msg(
    id="pembaruan skema database '{path}' gagal ({detail}); file tidak diubah, salinan: {copy}",
    en="updating the schema of database '{path}' failed ({detail}); the file is unchanged, "
    "copy: {copy}",
)
NO_EVENT = Msg(
    id="database '{path}' belum berisi acara; jalankan 'boothpos init'",
    en="database '{path}' holds no event yet; run 'boothpos init'",
)


def _apply_pragmas(db: Database) -> None:
    conn = db.conn
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    with db.ensure_autocommit_on():
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal" and not db.memory:
        raise DatabaseError(NOT_A_DATABASE, path=str(conn))
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _looks_like_sqlite(path: Path) -> bool:
    if path.stat().st_size == 0:
        return True
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def connect(path: str | Path, *, create: bool = False) -> Database:
    """Open (or with ``create=True`` make) the event database at ``path``.

    Applies pending migrations, copying an existing file aside first
    (``NAME.before-<migration>-<time>.db``). Raises :class:`DatabaseError`
    for a missing file, a non-database file or a schema from a newer app.
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if not path.exists() and not create:
        raise DatabaseError(MISSING, path=str(path))
    if path.exists() and not _looks_like_sqlite(path):
        raise DatabaseError(NOT_A_DATABASE, path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = Database(path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(NOT_A_DATABASE, path=str(path)) from exc
    try:
        try:
            version = db.conn.execute("PRAGMA user_version").fetchone()[0]
            db.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(NOT_A_DATABASE, path=str(path)) from exc
        if version > SCHEMA_VERSION:
            raise DatabaseError(TOO_NEW, path=str(path), found=version, known=SCHEMA_VERSION)
        _apply_pragmas(db)
        _migrate(db, path if existed else None)
    except BaseException:
        db.close()
        raise
    return db


def connect_memory() -> Database:
    """An in-memory event database with the full schema (for tests and tools)."""
    db = Database(memory=True)
    db.conn.execute("PRAGMA foreign_keys = ON")
    _migrate(db, None)
    return db


def _migrate(db: Database, existing: Path | None) -> None:
    version = db.conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            TOO_NEW, path=str(existing or ":memory:"), found=version, known=SCHEMA_VERSION
        )
    pending = MIGRATIONS.pending(db)
    if not pending:
        return
    copy = None
    if existing is not None and _has_tables(db):
        copy = backup_before_migration(db, existing, pending[0].name)
    try:
        MIGRATIONS.apply(db)
    except sqlite3.Error as exc:
        raise DatabaseError(
            MIGRATION_FAILED, path=str(existing or ":memory:"), detail=exc, copy=copy or "-"
        ) from exc
    db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _has_tables(db: Database) -> bool:
    return bool(db.table_names())


def backup_before_migration(db: Database, path: Path, migration: str) -> Path:
    """Copy the database aside (consistent copy via SQLite's backup API)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{migration}-{stamp}{path.suffix}")
    dest = sqlite3.connect(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """``db.atomic()`` that takes SQLite's write lock as its first statement.

    A transaction that reads (day state, next receipt number) before its first
    write cannot wait for another connection's commit in between: SQLite then
    fails it at once with "database is locked", busy timeout or not. Taking
    the lock first makes a second till or process wait its turn instead.
    """
    with db.atomic():
        db.execute("UPDATE event SET id = id WHERE 0")
        yield db
