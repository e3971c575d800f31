"""Backups: verified copies of the event database, and restoring one.

A backup is made with SQLite's online backup API (``sqlite3.Connection.backup``),
so it is a consistent copy even while a till is selling. Each copy is written
under a temporary name, switched to a self-contained single file (rollback
journal, no ``-wal``), checked with ``PRAGMA integrity_check``, flushed to
disk, and only then renamed to its final name — a backup file that exists is
a whole, good one. Names: ``<receipt prefix>-<till>-<YYYYMMDD-HHMMSS>-<seq>.db``
(``INA24-T1-20240228-101502-0007.db``), ``seq`` counting up per folder.

Automatic backups go to the event's local folder (``<db>-files/backups``) and,
when the event setting ``backup_dir`` names one, to a second folder (a USB
stick); each folder keeps the newest ``backup_keep`` (default 30). They are
taken after every ``backup_every`` sales (default 20; 0 turns it off) by
:func:`maybe_backup_after_sale`, which the app and ``boothpos sell`` call
*after* a sale has committed — never inside it — and which cannot fail the
sale: a problem comes back as a warning :class:`Notice`. The day close calls
:func:`backup_after_day_close`. Every backup written is audited
(``db.backup``) and kept in the ``backups`` table, where the count of sales
since the last backup starts.

:func:`restore` puts a backup in place of the database: it refuses a file that
is damaged, not a boothpos database or from a newer app; it holds the
instance lock (no app may have the file open), keeps the current file and its
``-wal``/``-shm`` aside as ``NAME.replaced-<time>.db`` (itself restorable),
and then brings back what the replaced file holds beyond the backup — sales,
refunds, voids, fair-day events, and the users they need — in one write
transaction, switching the event's till code when a receipt number could
otherwise be issued twice, which includes every restore onto a missing or
empty file (:mod:`boothpos.core.merge` explains how and why). A restore that fails
before that transaction commits puts the current file back. :class:`RestoreResult`
says what came back, what could not and the till code now in use.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from boothpos.core import audit, clock, integrity, merge, paths, records
from boothpos.core import db as dbmod
from boothpos.core.backup_settings import (  # noqa: F401 - part of this module's interface
    BAD_EVERY,
    BAD_KEEP,
    DEFAULT_EVERY,
    DEFAULT_KEEP,
    NO_FOLDER,
    SETTING_DIR,
    SETTING_EVERY,
    SETTING_KEEP,
    BackupSettings,
    configure,
    settings,
)
from boothpos.core.errors import BoothError, Msg, RefusedInput, StorageError
from boothpos.core.event import get_event
from boothpos.core.instance import InstanceLock
from boothpos.core.notice import Notice
from boothpos.core.schema import SCHEMA_VERSION

AUDIT_ACTION = "db.backup"

NAME_RE = re.compile(
    r"^(?P<prefix>[A-Z0-9]{1,8})-(?P<till>[A-Z0-9]{1,8})-"
    r"(?P<stamp>\d{8}-\d{6})-(?P<seq>\d{4,})\.db$"
)
# What a file needs to be a boothpos event database (any schema version).
_BOOTHPOS_TABLES = {"event", "sales", "sale_lines", "payments", "audit"}

WRITE_FAILED = Msg(
    id="cadangan ke '{folder}' tidak bisa ditulis: {detail}",
    en="could not write a backup to '{folder}': {detail}",
)
BAD_COPY = Msg(
    id="salinan cadangan di '{folder}' tidak lulus pemeriksaan ({detail}); dibuang",
    en="the backup copy in '{folder}' failed its check ({detail}); it was discarded",
)
IN_TRANSACTION = Msg(
    id="cadangan tidak dibuat di tengah transaksi; ulangi setelah selesai",
    en="no backup is made in the middle of a transaction; try again when it is done",
)
BACKUP_WARNING = Msg(
    id="cadangan gagal: {reason}. Penjualan dan data lain tetap tersimpan di database",
    en="backup failed: {reason}. Sales and all other records are still saved in the database",
)
NO_FILE = Msg(id="file cadangan '{path}' tidak ada", en="backup file '{path}' does not exist")
NOT_BOOTHPOS = Msg(
    id="'{path}' bukan database boothpos; tidak ada yang diubah",
    en="'{path}' is not a boothpos database; nothing was changed",
)
DAMAGED_BACKUP = Msg(
    id="file cadangan '{path}' rusak ({detail}); tidak ada yang diubah",
    en="backup file '{path}' is damaged ({detail}); nothing was changed",
)
FAILS_CHECK = Msg(
    id="file cadangan '{path}' tidak lolos pemeriksaan ({count} masalah: {detail}); "
    "tidak dipulihkan, tidak ada yang diubah",
    en="backup file '{path}' fails the check ({count} problems: {detail}); "
    "not restored, nothing was changed",
)
NEWER_BACKUP = Msg(
    id="file cadangan '{path}' dibuat oleh boothpos yang lebih baru (skema {found}); "
    "perbarui aplikasi ini (skema {known}); tidak ada yang diubah",
    en="backup file '{path}' was made by a newer boothpos (schema {found}); update this "
    "app (schema {known}); nothing was changed",
)
EMPTY_BACKUP = Msg(
    id="file cadangan '{path}' belum berisi acara; tidak ada yang diubah",
    en="backup file '{path}' holds no event; nothing was changed",
)
SAME_FILE = Msg(
    id="'{path}' adalah database itu sendiri; pilih file cadangan",
    en="'{path}' is the database itself; choose a backup file",
)
OTHER_EVENT = Msg(
    id="cadangan '{path}' milik acara lain ({backup_event}, {backup_prefix}), bukan acara "
    "database ini ({event}, {prefix}); tidak ada yang diubah",
    en="backup '{path}' belongs to another event ({backup_event}, {backup_prefix}), not to "
    "this database's event ({event}, {prefix}); nothing was changed",
)


@dataclass(frozen=True)
class BackupFile:
    """A backup found by its name (not opened: see :func:`verify_backup`)."""

    path: Path
    prefix: str
    till: str
    stamp: str  # YYYYMMDD-HHMMSS, the event's local time
    seq: int

    @property
    def taken(self) -> datetime:
        """When it was taken (naive, the event's local time)."""
        return datetime.strptime(self.stamp, "%Y%m%d-%H%M%S")


@dataclass(frozen=True)
class BackupInfo:
    """What a verified backup file holds."""

    path: Path
    event: str
    prefix: str
    till: str
    created_at: str  # the event's creation time: the same event has the same one
    schema: int
    sales: int
    last_sale_id: int
    last_receipt: str | None
    last_sale_time: str | None


@dataclass(frozen=True)
class BackupRun:
    """The outcome of an automatic or manual backup: files written and warnings."""

    written: tuple[Path, ...] = ()
    warnings: tuple[Notice, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.warnings


@dataclass(frozen=True)
class RestoreResult:
    path: Path  # the database, now the restored copy
    backup: BackupInfo  # what was restored
    replaced: Path | None  # the previous file, kept aside (None: there was none)
    # receipts (sales, refunds) the replaced file had that the database still lacks after the
    # merge; None: the replaced file was unreadable (nobody knows what it held)
    missing_receipts: tuple[str, ...] | None
    merged_receipts: tuple[str, ...] = ()  # sales and refunds brought back from it
    merged_voids: tuple[str, ...] = ()  # receipts whose void was brought back
    merged_day_events: int = 0  # fair-day opens / closes / reopens brought back
    unmerged: tuple[merge.Unmerged, ...] = ()  # what could not be brought back, and why
    stock_moves_not_merged: dict[str, int] = field(default_factory=dict)  # intake etc., by kind
    users_added: tuple[str, ...] = ()  # users brought back because merged records need them
    previous_damaged: bool = False  # readable, but damaged: it may have held more
    till_code: str | None = None  # the till code receipts now continue under, when it changed
    previous_till: str | None = None  # the code before: the replaced file's, else the backup's
    warnings: tuple[Notice, ...] = ()  # e.g. the backup after a till switch failed

    @property
    def complete(self) -> bool:
        """True when nothing of the replaced file is, or may be, missing."""
        return (
            self.missing_receipts == ()
            and not self.unmerged
            and not self.stock_moves_not_merged
            and not self.previous_damaged
        )


def local_folder(db_path: str | Path) -> Path:
    """The event's own backup folder: ``<db>-files/backups`` (made if missing)."""
    folder = paths.event_folder(Path(db_path)) / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# -------------------------------------------------------------------- backup ---


def backup(
    db: Database,
    target_dir: str | Path,
    *,
    keep: int | None = None,
    at: datetime | None = None,
) -> Path:
    """Write one verified backup of ``db`` into ``target_dir``; return its path.

    The folder must exist. Keeps the newest ``keep`` backups of this event and
    till in it (default: the event setting). Raises :class:`StorageError` when
    the copy cannot be written or fails its integrity check (nothing is left
    behind then). Not inside a transaction: the copy would hold uncommitted rows.
    """
    if db.conn.in_transaction:
        raise StorageError(IN_TRANSACTION)
    folder = Path(target_dir)
    if not folder.is_dir():
        raise StorageError(NO_FOLDER, folder=str(folder))
    event = get_event(db)
    moment = clock.moment(at, event.timezone).astimezone(ZoneInfo(event.timezone))
    # this till's backups, under its code now and the ones a restore retired: the sequence
    # goes on above them all, so the newest is the newest whatever the clock says
    tills = {event.till_code, *merge.till_history(db)}
    mine = [b for b in list_backups(folder, prefix=event.receipt_prefix) if b.till in tills]
    seq = max((b.seq for b in mine), default=0) + 1
    name = f"{event.receipt_prefix}-{event.till_code}-{moment:%Y%m%d-%H%M%S}-{seq:04d}.db"
    final = folder / name
    # A temporary name of this process's own: two backups racing (parallel `sell`
    # processes, the app beside a CLI backup) must never remove each other's copy.
    temp = folder / f".{name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        problems = _copy(db.conn, temp)
        if problems:
            raise StorageError(BAD_COPY, folder=str(folder), detail=problems[0])
        os.replace(temp, final)
        _fsync_dir(folder)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(WRITE_FAILED, folder=str(folder), detail=_reason(exc)) from exc
    finally:
        _remove(temp, Path(f"{temp}-journal"))
    _remove_stale_temporaries(folder)
    prune(
        folder,
        keep=keep if keep is not None else settings(db).keep,
        prefix=event.receipt_prefix,
        till=event.till_code,
    )
    return final


STALE_TEMPORARY_SECONDS = 3600


def _remove_stale_temporaries(folder: Path) -> None:
    """Temporary copies left by a backup whose process died (older than an hour)."""
    cutoff = datetime.now().timestamp() - STALE_TEMPORARY_SECONDS
    with contextlib.suppress(OSError):
        for entry in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < cutoff:
                    entry.unlink()


def _copy(source: sqlite3.Connection, target: Path) -> list[str]:
    """Copy ``source`` into the new file ``target`` as one self-contained, flushed file.

    Returns the integrity problems of the copy (empty: it is sound).
    """
    _remove(target)
    return dbmod.copy_to_file(source, target, verify=True)


def prune(
    folder: Path, *, keep: int, prefix: str | None = None, till: str | None = None
) -> list[Path]:
    """Delete all but the newest ``keep`` backups (of ``prefix``/``till``) in ``folder``.

    Newest by sequence number, which counts up per folder whatever the clock says.
    """
    found = list_backups(folder, prefix=prefix, till=till)
    removed = []
    for old in sorted(found, key=lambda b: (b.prefix, b.till, -b.seq))[max(keep, 1) :]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def list_backups(
    *folders: str | Path, prefix: str | None = None, till: str | None = None
) -> list[BackupFile]:
    """Backup files (by name) in ``folders``, newest first; missing folders are skipped."""
    found = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            parsed = _parse(entry)
            if parsed is None or not entry.is_file():
                continue
            if (prefix and parsed.prefix != prefix) or (till and parsed.till != till):
                continue
            found.append(parsed)
    return sorted(found, key=_newest_first)


def _parse(path: Path) -> BackupFile | None:
    match = NAME_RE.match(Path(path).name)
    if match is None:
        return None
    return BackupFile(Path(path), match["prefix"], match["till"], match["stamp"], int(match["seq"]))


def _newest_first(b: BackupFile) -> tuple:
    return (-int(b.stamp.replace("-", "")), -b.seq, b.path.name)


# ------------------------------------------------------- automatic backups ---


def sales_since_backup(db: Database) -> int:
    """Sales and refunds recorded after the newest backup (all of them if there is none)."""
    last = records.last_backed_up_sale(db)
    return db.execute("SELECT COUNT(*) FROM sales WHERE id > ?", (last,)).fetchone()[0]


def auto_backup_due(db: Database) -> bool:
    """True when ``backup_every`` (or more) sales were recorded since the newest backup."""
    every = settings(db).every
    return every > 0 and sales_since_backup(db) >= every


def backup_now(
    db: Database,
    db_path: str | Path,
    *,
    reason: str = "manual",
    folders: Iterable[str | Path] | None = None,
    user_id: int | None = None,
) -> BackupRun:
    """Back up to the local folder and the ``backup_dir`` setting (or to ``folders``).

    Each folder is tried on its own: one that fails (a USB stick pulled out)
    is a warning, not an error. Audited as ``db.backup`` when any copy was written.
    """
    conf = settings(db)
    if folders is None:  # (folder, make it if missing): never a USB stick's mount point
        targets = [(None, True)] + ([(conf.folder, False)] if conf.folder else [])
    else:
        targets = [(Path(f), False) for f in folders]
    written: list[Path] = []
    warnings: list[Notice] = []
    for folder, make in targets:
        try:
            target = local_folder(db_path) if make else folder
            written.append(backup(db, target, keep=conf.keep))
        except BoothError as exc:
            warnings.append(Notice(BACKUP_WARNING, (("reason", exc.message()),)))
        except OSError as exc:  # the local folder cannot be made
            failed = StorageError(WRITE_FAILED, folder=str(exc.filename or folder), detail=exc)
            warnings.append(Notice(BACKUP_WARNING, (("reason", failed.message()),)))
    if written:
        try:
            _audit(db, reason, written, user_id)
        except BoothError as exc:
            warnings.append(Notice(BACKUP_WARNING, (("reason", exc.message()),)))
    return BackupRun(tuple(written), tuple(warnings))


def _audit(db: Database, reason: str, written: list[Path], user_id: int | None) -> None:
    last_id, sales = db.execute("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM sales").fetchone()
    files, moment = [str(p) for p in written], clock.now()
    with dbmod.write_transaction(db):
        records.add_backup(
            db, at=clock.to_iso(moment), user_id=user_id, reason=reason,
            file=written[0].name, files=files, last_sale_id=last_id, sales=sales,
        )  # fmt: skip
        audit.record(
            db,
            AUDIT_ACTION,
            user_id=user_id,
            entity="backup",
            entity_id=written[0].name,
            detail={
                "reason": reason,
                "files": files,
                "last_sale_id": last_id,
                "sales": sales,
            },
            at=moment,
        )


def maybe_backup_after_sale(db: Database, db_path: str | Path) -> BackupRun:
    """After a committed sale: back up if one is due. Never raises.

    Call it after ``checkout`` returned, outside any transaction (a background
    thread passes its own connection). An empty :class:`BackupRun` means
    nothing was due; a failure is a warning in ``warnings`` for the banner.
    """
    try:
        if not auto_backup_due(db):
            return BackupRun()
        return backup_now(db, db_path, reason="auto")
    except Exception as exc:  # noqa: BLE001 - the sale is saved; a backup problem is a warning
        reason = exc.message() if isinstance(exc, BoothError) else _reason(exc)
        return BackupRun(warnings=(Notice(BACKUP_WARNING, (("reason", reason),)),))


def backup_after_day_close(
    db: Database, db_path: str | Path, *, user_id: int | None = None
) -> BackupRun:
    """After a day close committed: back up to every folder (warnings, never raises)."""
    try:
        return backup_now(db, db_path, reason="day_close", user_id=user_id)
    except Exception as exc:  # noqa: BLE001 - the close is saved; a backup problem is a warning
        reason = exc.message() if isinstance(exc, BoothError) else _reason(exc)
        return BackupRun(warnings=(Notice(BACKUP_WARNING, (("reason", reason),)),))


# -------------------------------------------------------- verify & restore ---


def verify_backup(path: str | Path) -> BackupInfo:
    """Open ``path`` read-only and prove it is a sound boothpos database this app can use.

    Raises :class:`RefusedInput` (missing, not a boothpos database, damaged,
    from a newer app, no event). Changes nothing.
    """
    path = Path(path)
    if not path.is_file():
        raise RefusedInput(NO_FILE, path=str(path))
    # The file is read through SQLite only, never with open(): it may be the live
    # database under another name (a link), and closing a plain descriptor of it
    # would drop this process's SQLite locks on it (see boothpos.core.db).
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise RefusedInput(DAMAGED_BACKUP, path=str(path), detail=_reason(exc)) from exc
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if problems:
            raise RefusedInput(DAMAGED_BACKUP, path=str(path), detail=problems[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not _BOOTHPOS_TABLES.issubset(tables):
            raise RefusedInput(NOT_BOOTHPOS, path=str(path))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RefusedInput(NEWER_BACKUP, path=str(path), found=version, known=SCHEMA_VERSION)
        event = conn.execute(
            "SELECT name, receipt_prefix, till_code, created_at FROM event WHERE id = 1"
        ).fetchone()
        if event is None:
            raise RefusedInput(EMPTY_BACKUP, path=str(path))
        sales, last_id = conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM sales").fetchone()
        last = conn.execute(
            "SELECT receipt_no, time FROM sales WHERE id = ?", (last_id,)
        ).fetchone()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == 26:  # SQLITE_NOTADB: no SQLite header
            raise RefusedInput(NOT_BOOTHPOS, path=str(path)) from exc
        raise RefusedInput(DAMAGED_BACKUP, path=str(path), detail=_reason(exc)) from exc
    finally:
        conn.close()
    return BackupInfo(
        path=path,
        event=event[0],
        prefix=event[1],
        till=event[2],
        created_at=event[3],
        schema=version,
        sales=sales,
        last_sale_id=last_id,
        last_receipt=last[0] if last else None,
        last_sale_time=last[1] if last else None,
    )


def backup_folders(db_path: str | Path) -> list[Path]:
    """Where backups of this database live: the local folder and, if readable, ``backup_dir``."""
    folders = [local_folder(db_path)]
    try:
        database = sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = database.execute(
                "SELECT value FROM settings WHERE key = ?", (SETTING_DIR,)
            ).fetchone()
        finally:
            database.close()
    except sqlite3.Error:  # a damaged database: the local folder is all we know
        row = None
    if row and row[0].strip():
        folders.append(Path(row[0].strip()).expanduser())
    return folders


def newest_good_backup(
    db_path: str | Path, *, folders: Iterable[str | Path] | None = None
) -> BackupInfo | None:
    """The newest backup of this database that passes :func:`verify_backup`; None if none does.

    Looks in :func:`backup_folders` (or ``folders``). While the database can
    still be read, only backups of its event (same prefix and creation time)
    and of its till — its till code now or one it had before a restore
    switched it (``till_history``) — count; when it cannot, the database's own
    local folder is searched before any shared one (a USB stick may hold
    backups of other events).
    """
    db_path = Path(db_path)
    identity = _identity(db_path)
    search = [Path(f) for f in folders] if folders is not None else backup_folders(db_path)
    if identity is None:
        groups = [[f] for f in search]
        prefix, tills = None, frozenset()
    else:
        groups = [search]
        prefix, tills, _ = identity
    for group in groups:
        for candidate in list_backups(*group, prefix=prefix):
            if identity is not None and candidate.till not in tills:
                continue
            try:
                info = verify_backup(candidate.path)
            except RefusedInput:
                continue
            if identity is None or (
                (info.prefix, info.created_at) == (identity[0], identity[2]) and info.till in tills
            ):
                return info
    return None


def _identity(db_path: Path) -> tuple[str, frozenset[str], str] | None:
    """(receipt prefix, till codes now and before, event creation time), or None if unreadable."""
    try:
        conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            conn.row_factory = sqlite3.Row
            row = conn.execute(
                "SELECT receipt_prefix, till_code, created_at FROM event WHERE id = 1"
            ).fetchone()
            history = conn.execute(
                "SELECT value FROM settings WHERE key = ?", (merge.SETTING_TILL_HISTORY,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    if not row:
        return None
    tills = frozenset({row["till_code"], *merge.parse_history(history["value"] if history else "")})
    return (row["receipt_prefix"], tills, row["created_at"])


def restore(
    backup_file: str | Path,
    db_path: str | Path,
    *,
    lock: InstanceLock | None = None,
    user_id: int | None = None,
) -> RestoreResult:
    """Put a verified copy of ``backup_file`` in place of the database at ``db_path``.

    Refuses (:class:`RefusedInput`, nothing changed) a damaged file, a file that
    is not a boothpos database or comes from a newer app, the database itself,
    and a backup of another event. Takes the instance lock unless the caller
    passes the one it holds (the app, after closing its own connection); a
    running app elsewhere makes it raise :class:`DatabaseInUse`. The current
    file, with its ``-wal``/``-shm``, is kept aside as ``NAME.replaced-<time>.db``.

    What the current file holds beyond the backup (sales, refunds, voids,
    fair-day events, the users they need) is read before anything changes and
    copied into the restored database in one write transaction, with the
    ``db.restore`` audit entry and one ``restore.merge`` entry; when a receipt
    number of the current till could otherwise be issued again — always when
    there is no current file (missing or empty): the till that died may have
    issued numbers after the backup — the event switches to a fresh till code
    and a backup is taken at once (see :mod:`boothpos.core.merge`).
    A current file that cannot be read never fails the restore. A restore that
    fails before that transaction commits (the disk refuses the writes, the
    copy cannot be opened) puts the current file back in place and raises.
    """
    db_path = Path(db_path)
    source = Path(backup_file)
    if source.exists() and db_path.exists() and os.path.samefile(source, db_path):
        raise RefusedInput(SAME_FILE, path=str(source))  # by any name: symlink or hard link
    info = verify_backup(source)
    known = _backup_uuids(info)
    own_lock = None
    if lock is None:
        own_lock = lock = InstanceLock(db_path, purpose="restore").acquire()
    elif not lock.holds(db_path):
        raise ValueError("restore: the lock passed is not held for this database")
    temp = db_path.with_name(f".{db_path.name}.restore.tmp")
    try:
        previous = _check_current(db_path, info, known)
        _checked_copy(source, temp)
        replaced = _swap_in(temp, db_path)
        lock.follow()  # the restored file is a new file: no other app may take it by a link
        used = _tills_named_in_files(db_path, info.prefix)
        return _finish(db_path, info, source, replaced, previous, lock, used=used, user_id=user_id)
    finally:
        _remove(temp, Path(f"{temp}-journal"))
        if own_lock is not None:
            own_lock.release()


def _checked_copy(source: Path, temp: Path) -> None:
    """A private copy of the backup at ``temp``, refused unless whole and passing ``check``."""
    source_conn = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        problems = _copy(source_conn, temp)
    finally:
        source_conn.close()
    if problems:
        raise RefusedInput(DAMAGED_BACKUP, path=str(source), detail=problems[0])
    _require_check(temp, source)


def _swap_in(temp: Path, db_path: Path) -> Path | None:
    """Put the checked copy in place, the current file kept aside (returned); all or nothing."""
    replaced = _set_aside(db_path)
    try:
        os.replace(temp, db_path)
        _fsync_dir(db_path.parent)
    except OSError:
        if replaced is not None:
            _move_with_sidecars(replaced, db_path)
        raise
    return replaced


def _finish(
    db_path: Path,
    info: BackupInfo,
    source: Path,
    replaced: Path | None,
    previous: merge.Previous | None,
    lock: InstanceLock,
    *,
    used: set[str],
    user_id: int | None,
) -> RestoreResult:
    """Merge what the replaced file held, switch the till if needed; undo the swap on failure."""
    committed = False
    try:
        database = dbmod.connect(db_path)
        try:
            result, switched = _bring_back(
                database, db_path, info, source, replaced, previous, used=used, user_id=user_id
            )
            committed = True
            if switched:  # the new till code is named in the backup folders at once
                run = backup_now(database, db_path, reason="restore", user_id=user_id)
                result = replace(result, warnings=result.warnings + run.warnings)
        finally:
            database.close()
    except BaseException:
        if not committed:  # the bare backup must not sell: its numbers may be on paper
            _put_back(db_path, replaced)
            with contextlib.suppress(BoothError):
                lock.follow()
        raise
    return result


def _require_check(candidate: Path, source: Path) -> None:
    """Refuse a candidate that fails ``boothpos check``: schema, chain, books.

    ``candidate`` is the private copy about to replace the database. An older
    one is checked on a throwaway copy brought to this app's schema (the
    candidate itself is migrated after the swap, like any older file, with its
    copy-before-migration beside the database); nothing else is touched.
    """
    with contextlib.closing(sqlite3.connect(candidate)) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    probe = candidate
    if version != SCHEMA_VERSION:
        probe = candidate.with_name(candidate.name + ".check")
        with (
            contextlib.closing(sqlite3.connect(candidate)) as src,
            contextlib.closing(sqlite3.connect(probe)) as dest,
        ):
            src.backup(dest)
    try:
        try:
            database = dbmod.connect(probe)
        except BoothError as exc:
            raise RefusedInput(DAMAGED_BACKUP, path=str(source), detail=exc.message()) from exc
        try:
            findings = integrity.check_books(database).findings
        finally:
            database.close()
    finally:
        if probe != candidate:
            _remove(
                probe,
                *(Path(f"{probe}{s}") for s in ("-wal", "-shm", "-journal")),
                *probe.parent.glob(f"{probe.stem}.before-*"),
            )
    if findings:
        raise RefusedInput(
            FAILS_CHECK,
            path=str(source),
            count=len(findings),
            detail="; ".join(f.message() for f in findings[:3]),
        )


def _put_back(db_path: Path, replaced: Path | None) -> None:
    """Undo the swap of a restore that failed before its merge committed.

    The restored copy (and any -wal/-shm it left) goes and the file it replaced
    comes back in its place, so the database is again what it was: a backup
    left in place without the merge and the till switch could issue receipt
    numbers that are already on paper. Best effort: a failure here leaves the
    replaced file kept aside, and the caller's error is the one reported.
    """
    with contextlib.suppress(OSError):
        _remove(*(Path(f"{db_path}{s}") for s in _SIDECARS if s))
        if replaced is not None:
            _move_with_sidecars(replaced, db_path)
        else:
            _remove(db_path)


def _bring_back(
    database: Database,
    db_path: Path,
    info: BackupInfo,
    source: Path,
    replaced: Path | None,
    previous: merge.Previous | None,
    *,
    used: set[str],
    user_id: int | None,
) -> tuple[RestoreResult, bool]:
    """In one write transaction: merge the replaced file's records, choose the till, audit.

    Returns what happened and whether the till code was switched to a fresh one.
    """
    with dbmod.write_transaction(database):
        till_before = database.execute("SELECT till_code FROM event WHERE id = 1").fetchone()[0]
        history_before = merge.till_history(database)
        outcome = merge.MergeOutcome()
        if previous is not None:
            try:
                with database.atomic():
                    outcome = merge.merge_previous(database, previous)
            except Exception as exc:  # noqa: BLE001 - the restore stands; the rest is reported
                if isinstance(exc, sqlite3.Error) and dbmod.storage_error(database, exc):
                    raise  # the disk refuses writes: nothing can be recorded
                outcome = _nothing_merged(database, previous, exc)
        missing = outcome.missing_receipts if previous is None or previous.readable else None
        audit.record(
            database,
            "db.restore",
            user_id=user_id,
            entity="backup",
            entity_id=source.name,
            detail={
                "from": str(source.resolve()),
                "replaced": str(replaced.resolve()) if replaced else None,
                "sales": info.sales,
                "merged": len(outcome.merged),
                "missing_receipts": None if missing is None else len(missing),
            },
        )
        plan = merge.plan_till(database, previous, used=used)
        merge.apply_till(database, plan, user_id=user_id)
        if (
            outcome.anything
            or previous is None
            or not previous.readable
            or previous.damaged
            or plan.code != till_before
            or plan.history != history_before
        ):
            merge.record(
                database,
                outcome,
                previous=previous,
                till_before=till_before,
                plan=plan,
                source=source.name,
                user_id=user_id,
            )
    # the code the till used before the restore, as far as anyone can know
    was = previous.till_code if previous is not None and previous.till_code else till_before
    result = RestoreResult(
        path=db_path,
        backup=info,
        replaced=replaced,
        missing_receipts=missing,
        merged_receipts=outcome.merged,
        merged_voids=outcome.voids,
        merged_day_events=outcome.day_events,
        unmerged=outcome.unmerged,
        stock_moves_not_merged=outcome.stock_moves_not_merged,
        users_added=outcome.users_added,
        previous_damaged=previous is not None and previous.damaged,
        till_code=plan.code if plan.code != was else None,
        previous_till=was,
    )
    return result, plan.switched


def _nothing_merged(
    database: Database, previous: merge.Previous, exc: Exception
) -> merge.MergeOutcome:
    """The merge failed as a whole (rolled back): every record it had to bring back is missing."""
    have = {r[0] for r in database.execute("SELECT uuid FROM sales")}
    have_voids = {r[0] for r in database.execute("SELECT uuid FROM voids")}
    detail = (("detail", _reason(exc)),)
    unmerged = [
        merge.Unmerged(s.receipt_no, s.kind, merge.NOT_COPIED, detail)
        for s in previous.sales
        if s.uuid not in have
    ]
    unmerged += [
        merge.Unmerged(v.receipt_no, "void", merge.NOT_COPIED, detail)
        for v in previous.voids
        if v.uuid not in have_voids
    ]
    return merge.MergeOutcome(unmerged=tuple(unmerged))


def _backup_uuids(info: BackupInfo) -> tuple[set[str], set[str]]:
    """UUIDs of the sales and voids a verified backup holds."""
    try:
        conn = sqlite3.connect(info.path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            sales = {r[0] for r in conn.execute("SELECT uuid FROM sales")}
            voids = {r[0] for r in conn.execute("SELECT uuid FROM voids")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise RefusedInput(DAMAGED_BACKUP, path=str(info.path), detail=_reason(exc)) from exc
    return sales, voids


def _check_current(
    db_path: Path, info: BackupInfo, known: tuple[set[str], set[str]]
) -> merge.Previous | None:
    """What the current file holds beyond the backup (None: there is no current file).

    An unreadable file gives :meth:`merge.Previous.unreadable`. Refuses a
    backup of another event. Checkpoints the current file's WAL so the copy
    kept aside is one whole file where SQLite still can.
    """
    wal = Path(f"{db_path}-wal")
    if not db_path.exists() or (
        db_path.stat().st_size == 0 and (not wal.exists() or wal.stat().st_size == 0)
    ):
        return None  # nothing was ever written to it
    try:
        conn = sqlite3.connect(db_path)
    except sqlite3.Error:
        return merge.Previous.unreadable()
    try:
        try:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            event = conn.execute(
                "SELECT name, receipt_prefix, created_at FROM event WHERE id = 1"
            ).fetchone()
        except sqlite3.Error:
            return merge.Previous.unreadable()
        if event and (event[1], event[2]) != (info.prefix, info.created_at):
            raise RefusedInput(
                OTHER_EVENT,
                path=str(info.path),
                backup_event=info.event,
                backup_prefix=info.prefix,
                event=event[0],
                prefix=event[1],
            )
        try:
            return merge.read_previous(conn, known_sales=known[0], known_voids=known[1])
        except sqlite3.Error:
            return merge.Previous.unreadable()
    finally:
        conn.close()


def _tills_named_in_files(db_path: Path, prefix: str) -> set[str]:
    """Till codes of this event named by backup files and saved receipt PDFs.

    They may name a till code that no readable database remembers (a file lost
    before its next backup): a new till code must not be one of them.
    """
    tills: set[str] = set()
    with contextlib.suppress(OSError):
        tills |= {b.till for b in list_backups(*backup_folders(db_path), prefix=prefix)}
    receipts = paths.receipts_folder(db_path)
    with contextlib.suppress(OSError):
        if receipts.is_dir():
            for entry in receipts.iterdir():
                match = paths.RECEIPT_FILE.match(entry.name)
                if match and match["prefix"] == prefix:
                    tills.add(match["till"])
    return tills


_SIDECARS = ("", *dbmod.SIDECARS)


def _set_aside(db_path: Path) -> Path | None:
    """Rename the database and its -wal/-shm/-journal to ``NAME.replaced-<time>.db…``."""
    if not db_path.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.replaced-{stamp}{db_path.suffix}")
    n = 1
    while any(Path(f"{aside}{s}").exists() for s in _SIDECARS):
        n += 1
        aside = db_path.with_name(f"{db_path.stem}.replaced-{stamp}-{n}{db_path.suffix}")
    _move_with_sidecars(db_path, aside)
    return aside


def _move_with_sidecars(source: Path, target: Path) -> None:
    moved = []
    try:
        for suffix in _SIDECARS:
            src = Path(f"{source}{suffix}")
            if src.exists():
                os.replace(src, Path(f"{target}{suffix}"))
                moved.append(suffix)
    except OSError:
        for suffix in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(Path(f"{target}{suffix}"), Path(f"{source}{suffix}"))
        raise
    _fsync_dir(target.parent)


# ------------------------------------------------------------------- helpers ---


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _remove(*files: Path) -> None:
    for file in files:
        with contextlib.suppress(FileNotFoundError):
            file.unlink()


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
