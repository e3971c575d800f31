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

from boothpos.core import chain
from boothpos.core.errors import DamagedDatabase, DatabaseError, Msg, StorageError
from boothpos.core.filemode import make_private
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
DAMAGED = Msg(
    id="database '{path}' rusak ({detail}); tidak ada yang diubah. "
    "Pulihkan dari cadangan dengan 'boothpos restore FILE'",
    en="database '{path}' is damaged ({detail}); nothing was changed. "
    "Restore a backup with 'boothpos restore FILE'",
)
CANNOT_OPEN = Msg(
    id="database '{path}' tidak bisa dibuka untuk ditulis ({detail}); periksa ruang disk "
    "dan izin file serta foldernya",
    en="database '{path}' cannot be opened for writing ({detail}); check the free disk "
    "space and the permissions of the file and its folder",
)

# A write the disk refused. {what_id}/{what_en} name what was not saved ("penjualan" / "the sale").
DISK_FULL = Msg(
    id="disk penuh: {what_id} TIDAK tersimpan. Kosongkan ruang di disk '{folder}', "
    "lalu ulangi; data yang sudah tersimpan aman",
    en="disk full: {what_en} was NOT saved. Free some space on the disk of '{folder}', "
    "then try again; everything saved before is safe",
)
READ_ONLY = Msg(
    id="database hanya-baca: {what_id} TIDAK tersimpan. Pastikan file '{path}' dan foldernya "
    "boleh ditulis (bukan USB terkunci atau folder hanya-baca), lalu ulangi; "
    "data yang sudah tersimpan aman",
    en="the database is read-only: {what_en} was NOT saved. Make sure the file '{path}' and "
    "its folder can be written (not a locked USB stick or a read-only folder), then try "
    "again; everything saved before is safe",
)
IO_ERROR = Msg(
    id="kesalahan baca/tulis disk: {what_id} TIDAK tersimpan ({detail}). Periksa disk atau "
    "USB '{folder}', lalu ulangi dan jalankan 'boothpos check'",
    en="disk read/write error: {what_en} was NOT saved ({detail}). Check the disk or USB "
    "stick of '{folder}', then try again and run 'boothpos check'",
)
CORRUPT = Msg(
    id="database '{path}' rusak: {what_id} TIDAK tersimpan ({detail}). Jalankan "
    "'boothpos check' dan pulihkan dari cadangan ('boothpos restore FILE')",
    en="database '{path}' is damaged: {what_en} was NOT saved ({detail}). Run "
    "'boothpos check' and restore a backup ('boothpos restore FILE')",
)
# SQLite primary result codes of a refused write, and what the user is told.
_STORAGE_CODES = {
    13: DISK_FULL,  # SQLITE_FULL
    8: READ_ONLY,  # SQLITE_READONLY
    10: IO_ERROR,  # SQLITE_IOERR
    14: IO_ERROR,  # SQLITE_CANTOPEN (e.g. the WAL file cannot be created)
    11: CORRUPT,  # SQLITE_CORRUPT
    26: CORRUPT,  # SQLITE_NOTADB
}
SUBJECTS = {
    "change": ("perubahan", "the change"),
    "sale": ("penjualan", "the sale"),
}


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


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> DatabaseError:
    """Why SQLite could not open a file with an SQLite header (or an empty one)."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in (11, 26) and path.stat().st_size > 0:  # SQLITE_CORRUPT, SQLITE_NOTADB
        return DamagedDatabase(DAMAGED, path=str(path), detail=exc, backup_path=None)
    if code in (8, 10, 13, 14):  # READONLY, IOERR, FULL, CANTOPEN
        return DatabaseError(CANNOT_OPEN, path=str(path), detail=exc)
    return DatabaseError(NOT_A_DATABASE, path=str(path))


def integrity_problems(path: str | Path, *, quick: bool = False) -> list[str]:
    """SQLite's ``integrity_check`` (or the faster ``quick_check``) of the file at ``path``.

    An empty list means the file is sound. A file SQLite cannot read at all
    reports that as its one problem. The file is opened on its own connection
    (a pending WAL is read, as any connection would); nothing is changed.
    """
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(MISSING, path=str(path))
    if not _looks_like_sqlite(path):
        raise DatabaseError(NOT_A_DATABASE, path=str(path))
    pragma = "quick_check" if quick else "integrity_check"
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [detail for (detail,) in rows if detail != "ok"]


def connect(path: str | Path, *, create: bool = False) -> Database:
    """Open (or with ``create=True`` make) the event database at ``path``.

    Applies pending migrations, copying an existing file aside first
    (``NAME.before-<migration>-<time>.db``). Raises :class:`DatabaseError`
    for a missing file, a non-database file or a schema from a newer app.

    sqlite-utils plugins installed in the same Python are not run on the
    connection (``execute_plugins=False``): the event database depends on
    nothing but this code, and the app starts without scanning every
    installed package's entry points for plugins.
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if not path.exists() and not create:
        raise DatabaseError(MISSING, path=str(path))
    if path.exists() and not _looks_like_sqlite(path):
        raise DatabaseError(NOT_A_DATABASE, path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = chain.ChainedDatabase(path, execute_plugins=False)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    make_private(path)  # before SQLite makes its -wal/-shm, which take the file's mode
    try:
        try:
            version = db.conn.execute("PRAGMA user_version").fetchone()[0]
            db.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise _unreadable(path, exc) from exc
        if version > SCHEMA_VERSION:
            raise DatabaseError(TOO_NEW, path=str(path), found=version, known=SCHEMA_VERSION)
        try:
            _apply_pragmas(db)
            _migrate(db, path if existed else None)
            chain.install(db)
        except sqlite3.DatabaseError as exc:
            raise _unreadable(path, exc) from exc
    except BaseException:
        db.close()
        raise
    return db


def connect_memory() -> Database:
    """An in-memory event database with the full schema (for tests and tools)."""
    db = chain.ChainedDatabase(memory=True, execute_plugins=False)
    db.conn.execute("PRAGMA foreign_keys = ON")
    _migrate(db, None)
    chain.install(db)
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
    make_private(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


@contextmanager
def write_transaction(db: Database, *, subject: str = "change") -> Iterator[Database]:
    """``db.atomic()`` that takes SQLite's write lock as its first statement.

    A transaction that reads (day state, next receipt number) before its first
    write cannot wait for another connection's commit in between: SQLite then
    fails it at once with "database is locked", busy timeout or not. Taking
    the lock first makes a second till or process wait its turn instead.

    A write the disk refuses (full, read-only, I/O error, damaged file) is
    rolled back whole and raised as :class:`StorageError`, its message naming
    ``subject`` (a key of ``SUBJECTS``: "change", "sale") as NOT saved.
    """
    try:
        with db.atomic():
            db.execute("UPDATE event SET id = id WHERE 0")
            yield db
    except sqlite3.Error as exc:
        refused = storage_error(db, exc, subject=subject)
        if refused is None:
            raise
        raise refused from exc


def storage_error(
    db: Database, exc: sqlite3.Error, *, subject: str = "change"
) -> StorageError | None:
    """The :class:`StorageError` for a write the disk refused; None for any other error."""
    msg = _STORAGE_CODES.get(getattr(exc, "sqlite_errorcode", -1) & 0xFF)
    if msg is None:
        return None
    path = database_file(db)
    what_id, what_en = SUBJECTS.get(subject, SUBJECTS["change"])
    return StorageError(
        msg,
        path=path,
        folder=str(Path(path).parent) if path else "-",
        detail=exc,
        what_id=what_id,
        what_en=what_en,
    )


def database_file(db: Database) -> str:
    """The file behind ``db`` ('' for an in-memory database)."""
    try:
        row = db.conn.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return ""
    return (row[2] if row else "") or ""
