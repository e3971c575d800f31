"""Start-up checks for the till app: one app per database, a sound file, early warnings.

:func:`open_for_till` is what the app runs before its first screen:

1. it takes the :class:`~boothpos.core.instance.InstanceLock` — a second app
   on the same database is refused with :class:`DatabaseInUse`, naming the pid
   and host that hold it (command-line jobs such as ``export``, ``check``,
   ``report`` or a backfilling ``sell`` do not take it: SQLite serialises
   writers, so they may run beside the app; ``restore`` does take it);
2. it runs ``PRAGMA quick_check`` on the file (:func:`check_integrity`) — a
   damaged file raises :class:`DamagedDatabase` naming the newest good backup
   (``exc.backup``), so the app can offer to restore it. The app passes
   ``check=False`` and runs :func:`check_integrity` in the background instead,
   so the check does not hold up its first screen;
3. it opens the database (missing, foreign or newer-schema files are refused
   by :func:`boothpos.core.db.connect` as before);
4. it collects warnings for the start screen: little free disk space, a
   backup folder (USB stick) that is configured but not there.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from boothpos.core import backup_settings
from boothpos.core import db as dbmod
from boothpos.core.errors import DamagedDatabase, Msg
from boothpos.core.instance import InstanceLock
from boothpos.core.notice import Notice

# Below this much free space on the database's disk the start screen warns.
LOW_DISK_BYTES = 200 * 1024 * 1024

DAMAGED_WITH_BACKUP = Msg(
    id="database '{path}' rusak ({detail}); jangan berjualan dengan file ini. "
    "Cadangan baik terbaru: {backup} ({sales} transaksi, struk terakhir {last_receipt}). "
    "Pulihkan cadangan itu: 'boothpos restore {backup_path}' (file yang rusak disimpan)",
    en="database '{path}' is damaged ({detail}); do not sell with this file. "
    "Newest good backup: {backup} ({sales} transactions, last receipt {last_receipt}). "
    "Restore it: 'boothpos restore {backup_path}' (the damaged file is kept)",
)
DAMAGED_NO_BACKUP = Msg(
    id="database '{path}' rusak ({detail}) dan tidak ada cadangan yang baik di {folders}. "
    "Jangan berjualan dengan file ini; cari cadangan lain (USB) dan pulihkan dengan "
    "'boothpos restore FILE'",
    en="database '{path}' is damaged ({detail}) and there is no good backup in {folders}. "
    "Do not sell with this file; find another backup (USB stick) and restore it with "
    "'boothpos restore FILE'",
)
LOW_DISK = Msg(
    id="ruang disk tinggal {free_mb} MB di '{folder}'; kosongkan ruang sebelum berjualan",
    en="only {free_mb} MB free on the disk of '{folder}'; free some space before selling",
)


@dataclass
class Till:
    """The app's hold on its database: the connection, the instance lock, start warnings."""

    path: Path
    db: Database
    lock: InstanceLock
    notices: tuple[Notice, ...] = ()

    def close(self) -> None:
        """Close the connection, then let go of the lock."""
        try:
            self.db.close()
        finally:
            self.lock.release()

    def __enter__(self) -> Till:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_for_till(db_path: str | Path, *, check: bool = True) -> Till:
    """Lock, check and open the database for the till app (see the module text).

    Raises :class:`DatabaseInUse` (another app has it), :class:`DamagedDatabase`
    (``exc.backup``: the newest good backup's path, or None), or the
    :class:`DatabaseError` of :func:`boothpos.core.db.connect`. On any error
    the lock is released again, so a restore can take it.

    ``check=False`` leaves the quick check out (step 2): the app then runs
    :func:`check_integrity` in the background, on its own connection, while
    its first screen is already up. A file too damaged to open or to read its
    settings is still refused with :class:`DamagedDatabase`.
    """
    path = Path(db_path)
    lock = InstanceLock(path, purpose="till").acquire()
    try:
        if check:
            check_integrity(path)
        try:
            database = dbmod.connect(path)
        except DamagedDatabase as exc:
            raise damaged(path, exc.values.get("detail", "?")) from exc
        except sqlite3.DatabaseError as exc:  # unchecked and unreadable
            raise damaged(path, exc) from exc
        try:
            notices = startup_notices(database, path)
        except sqlite3.DatabaseError as exc:
            database.close()
            raise damaged(path, exc) from exc
        except BaseException:
            database.close()
            raise
    except BaseException:
        lock.release()
        raise
    return Till(path, database, lock, notices)


def check_integrity(db_path: str | Path) -> None:
    """``PRAGMA quick_check`` of the file, on a connection of its own (any thread may run it).

    Raises :class:`DamagedDatabase` naming the newest good backup when the
    file is damaged; :class:`DatabaseError` for a missing or foreign file.
    """
    path = Path(db_path)
    problems = dbmod.integrity_problems(path, quick=True)
    if problems:
        raise damaged(path, problems[0])


def damaged(db_path: str | Path, detail: object) -> DamagedDatabase:
    """The error for a damaged database, naming its newest good backup (if any)."""
    from boothpos.core import backup  # only for a damaged file

    path = Path(db_path)
    good = backup.newest_good_backup(path)
    if good is None:
        folders = ", ".join(f"'{f}'" for f in backup.backup_folders(path))
        return DamagedDatabase(
            DAMAGED_NO_BACKUP, path=str(path), detail=detail, folders=folders, backup_path=None
        )
    return DamagedDatabase(
        DAMAGED_WITH_BACKUP,
        path=str(path),
        detail=detail,
        backup=good.path.name,
        backup_path=good.path,
        sales=good.sales,
        last_receipt=good.last_receipt or "-",
    )


def startup_notices(db: Database, db_path: str | Path) -> tuple[Notice, ...]:
    """Warnings for the start screen (never errors): low disk space, missing backup folder."""
    folder = Path(db_path).resolve().parent
    notices = []
    free = shutil.disk_usage(folder).free
    if free < LOW_DISK_BYTES:
        notices.append(
            Notice(LOW_DISK, (("free_mb", free // (1024 * 1024)), ("folder", str(folder))))
        )
    extra = backup_settings.settings(db).folder
    if extra is not None and not extra.is_dir():
        notices.append(Notice(backup_settings.NO_FOLDER, (("folder", str(extra)),)))
    return tuple(notices)
