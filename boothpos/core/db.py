"""Open an event database: one SQLite file per event.

Opened with WAL, ``synchronous=FULL`` (a booth laptop can lose power; a
committed sale must survive it), foreign keys on and a busy timeout. The
schema is applied through :mod:`boothpos.core.schema` (sqlite-utils
``Migrations``); an existing file is copied aside before it is migrated.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from boothpos.core import chain
from boothpos.core.errors import (
    DamagedDatabase,
    DatabaseError,
    FilesChanged,
    Msg,
    StorageError,
)
from boothpos.core.filemode import make_private
from boothpos.core.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 5000

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
LINKED = Msg(
    id="database '{path}' punya {links} nama (hard link). SQLite menyimpan jurnalnya di samping "
    "tiap nama, jadi dua nama untuk satu file bisa menghilangkan penjualan. Hapus nama lainnya "
    "(pakai symlink bila perlu nama kedua), lalu buka lagi; tidak ada yang diubah",
    en="database '{path}' has {links} names (hard links). SQLite keeps its journal beside each "
    "name, so two names of one file can lose sales. Remove the other names (use a symlink if a "
    "second name is needed), then open it again; nothing was changed",
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
FILES_CHANGED = Msg(
    id="File database diubah dari luar aplikasi kasir ({reason_id}). Pembayaran dihentikan agar "
    "tidak ada penjualan yang hilang; keranjang tetap ada. Semua yang sudah tersimpan diamankan "
    "di '{rescue}'{saved_id}. Tutup aplikasi dan buka lagi, lalu jalankan 'boothpos check'; bila "
    "ada penjualan yang tidak muncul, pulihkan dengan 'boothpos restore {rescue}'",
    en="The database files were changed outside the till app ({reason_en}). Payments are "
    "stopped so that no sale is lost; the cart is kept. Everything saved so far is secured in "
    "'{rescue}'{saved_en}. Close the app, open it again and run 'boothpos check'; if sales "
    "are missing, restore with 'boothpos restore {rescue}'",
)
NOT_RESCUED = Msg(
    id="File database diubah dari luar aplikasi kasir ({reason_id}) dan salinan pengaman "
    "tidak bisa ditulis ({detail}). Pembayaran dihentikan; keranjang tetap ada. JANGAN tutup "
    "aplikasi: panggil supervisor",
    en="The database files were changed outside the till app ({reason_en}) and the rescue copy "
    "could not be written ({detail}). Payments are stopped; the cart is kept. Do NOT close the "
    "app: call a supervisor",
)
# What happened to the files, as told to the user.
FILE_PROBLEMS = {
    "database_gone": (
        "file database dihapus atau dipindah",
        "the database file was deleted or moved",
    ),
    "database_replaced": (
        "file database diganti file lain",
        "the database file was replaced by another file",
    ),
    "wal_gone": ("jurnal -wal-nya dihapus", "its -wal journal was deleted"),
    "wal_replaced": ("jurnal -wal-nya diganti", "its -wal journal was replaced"),
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


def refuse_hard_links(path: Path) -> None:
    """Refuse a database file reachable by more than one hard link.

    SQLite names the ``-wal``/``-shm`` after the name it was opened by, so two
    hard links of one file are two journals for one database: a connection by
    one name does not see what the other committed, and a checkpoint by one
    name can overwrite the other's sales. (Symlinks are safe: SQLite follows
    them and keeps one journal beside the real file.)
    """
    try:
        links = os.stat(path).st_nlink
    except OSError:
        return
    if links > 1:
        raise DatabaseError(LINKED, path=str(path), links=links)


SIDECARS = ("-wal", "-shm", "-journal")


def is_own_file(db: Database, path: str | Path) -> bool:
    """Whether ``path`` is ``db``'s file or one of its ``-wal``/``-shm``/``-journal``, by any name.

    Code that opens a file the user picked (a catalog, a history export) asks
    this first and refuses: reading the database with a plain ``open()`` while
    this process holds a connection to it would drop SQLite's locks.
    """
    own = database_file(db)
    return bool(own) and names_database_file(path, own)


def names_database_file(path: str | Path, database: str | Path) -> bool:
    """Whether ``path`` names the database file ``database`` or one of its sidecars.

    By any name: two existing files are compared by identity (symlinks and
    hard links included), a file not made yet by its real path.
    """
    for suffix in ("", *SIDECARS):
        own = f"{database}{suffix}"
        with contextlib.suppress(OSError):
            if os.path.exists(path) and os.path.exists(own):
                if os.path.samefile(path, own):
                    return True
            elif os.path.realpath(path) == os.path.realpath(own):
                return True
    return False


# Every event database this process has connected to (closed ones answer "no file").
_CONNECTED: weakref.WeakSet[Database] = weakref.WeakSet()


def is_open_database_file(path: str | Path) -> bool:
    """Whether ``path`` is a file (or -wal/-shm) of a database this process has open.

    Asked before reading a file the user picked (a catalog, a QRIS history or
    photo): a plain ``open()`` of it would drop this process's SQLite locks.
    """
    return any(is_own_file(db, path) for db in list(_CONNECTED))


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> DatabaseError:
    """Why SQLite could not open ``path``.

    The file is never opened outside SQLite to look at its header (see the
    module notes): SQLite itself tells a file that is not a database
    (``SQLITE_NOTADB``: no SQLite header) from a damaged one (``SQLITE_CORRUPT``).
    """
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == 26:  # SQLITE_NOTADB
        return DatabaseError(NOT_A_DATABASE, path=str(path))
    if code == 11 and path.stat().st_size > 0:  # SQLITE_CORRUPT
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
    refuse_hard_links(path)
    pragma = "quick_check" if quick else "integrity_check"
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == 26:  # SQLITE_NOTADB
            raise DatabaseError(NOT_A_DATABASE, path=str(path)) from exc
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
    refuse_hard_links(path)
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
    remember_files(db, path)
    return db


# ------------------------------------------------ the files under a connection ---


@dataclass(frozen=True)
class _Files:
    """The database file and its -wal as they were when the connection opened them."""

    path: str
    database: tuple[int, int] | None
    wal: tuple[int, int] | None


@dataclass(frozen=True)
class Rescue:
    """What :func:`verify_files` saved of a connection whose files were changed under it."""

    problem: str  # a key of FILE_PROBLEMS
    copy: Path | None  # a full copy of what the connection held (None: could not be written)
    checkpointed: bool  # the committed frames were written back into the file on disk
    detail: str = ""


def _identity(name: str) -> tuple[int, int] | None:
    try:
        st = os.stat(name)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def remember_files(db: Database, path: str | Path) -> None:
    """Note which files ``db`` uses now, so :func:`verify_files` can tell when they change."""
    name = os.path.realpath(path)
    db._boothpos_files = _Files(name, _identity(name), _identity(name + "-wal"))
    db._boothpos_rescue = None
    _CONNECTED.add(db)


def files_problem(db: Database) -> str | None:
    """Why ``db``'s files are no longer the ones on disk (a FILE_PROBLEMS key), or None.

    Two ``stat`` calls: cheap enough for every write and a timer of the app.
    """
    files: _Files | None = getattr(db, "_boothpos_files", None)
    if files is None or files.database is None:
        return None
    now = _identity(files.path)
    if now is None:
        return "database_gone"
    if now != files.database:
        return "database_replaced"
    wal = _identity(files.path + "-wal")
    if files.wal is None:  # not made yet when opened: remember the first one
        if wal is not None:
            db._boothpos_files = _Files(files.path, files.database, wal)
        return None
    if wal is None:
        return "wal_gone"
    if wal != files.wal:
        return "wal_replaced"
    return None


def verify_files(db: Database) -> None:
    """Raise :class:`FilesChanged` when ``db``'s files were deleted or replaced under it.

    The first time, what the connection still holds is saved first (its
    descriptors of the unlinked files still read): a full copy beside the
    database (``NAME.rescued-<time>.db``), and, when only the -wal was lost
    and nobody has written a new one, a checkpoint of the committed frames
    back into the database file. Every later call raises again: a till whose
    files were changed never writes another sale into them.
    """
    problem = files_problem(db)
    if problem is None:
        return
    done: Rescue | None = getattr(db, "_boothpos_rescue", None)
    if done is None:
        done = rescue(db, problem)
        db._boothpos_rescue = done
    reason_id, reason_en = FILE_PROBLEMS[done.problem]
    if done.copy is None:
        raise FilesChanged(
            NOT_RESCUED, reason_id=reason_id, reason_en=reason_en, detail=done.detail
        )
    raise FilesChanged(
        FILES_CHANGED,
        reason_id=reason_id,
        reason_en=reason_en,
        rescue=str(done.copy),
        saved_id=" dan ditulis kembali ke file database" if done.checkpointed else "",
        saved_en=" and written back into the database file" if done.checkpointed else "",
    )


def rescue(db: Database, problem: str) -> Rescue:
    """Save what ``db`` holds after its files were changed (see :func:`verify_files`)."""
    files: _Files = db._boothpos_files
    source = Path(files.path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.rescued-{stamp}{source.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = source.with_name(f"{source.stem}.rescued-{stamp}-{n}{source.suffix}")
    copy: Path | None = target
    detail = ""
    try:
        copy_to_file(db.conn, target)
    except (OSError, sqlite3.Error) as exc:
        copy, detail = None, str(exc) or type(exc).__name__
    checkpointed = False
    if problem in ("wal_gone", "wal_replaced") and _identity(files.path) == files.database:
        try:
            fresh = os.stat(files.path + "-wal").st_size
        except OSError:
            fresh = 0
        if fresh == 0:  # nobody wrote into a new -wal: our frames go back into the file
            try:
                busy, _, _ = db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                checkpointed = busy == 0
            except sqlite3.Error:
                checkpointed = False
    return Rescue(problem, copy, checkpointed, detail)


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
    copy_to_file(db.conn, target)
    return target


def copy_to_file(source: sqlite3.Connection, target: Path, *, verify: bool = False) -> list[str]:
    """Copy what ``source`` holds into the new file ``target``: one self-contained file
    (no -wal beside it), owner-only, flushed to disk. Backups, pre-migration copies and a
    till's rescued copy are all made this way.

    With ``verify``, returns the copy's integrity problems (empty: it is sound).
    """
    dest = sqlite3.connect(target)
    make_private(target)  # a full copy of the books: owner-only, like the database
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        problems = (
            [r[0] for r in dest.execute("PRAGMA integrity_check") if r[0] != "ok"] if verify else []
        )
    finally:
        dest.close()
    fd = os.open(target, os.O_RDWR)  # the new copy, never the database; Windows flushes
    try:  # only a writable handle
        os.fsync(fd)
    finally:
        os.close(fd)
    return problems


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
    verify_files(db)  # never write into a file that is no longer the one on disk
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
