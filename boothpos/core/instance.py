"""One till app per database: an instance lock on ``<database>.lock``.

SQLite itself serialises writers, so short command-line jobs (``export``,
``check``, ``report``, even ``sell`` to backfill a sale) may run while the
app is open. What must not happen is two *apps* (two tills) on one file, or
a restore replacing the file under a running app. The app and ``restore``
therefore hold this lock for as long as they use the file.

The lock is the operating system's (``fcntl.flock`` on POSIX, ``msvcrt.locking``
on Windows), so it is released when its process ends, however it ends: a
crashed or killed app never leaves a stale lock behind. The lock file holds
the holder's pid, host and start time, for the message a second instance shows.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

from boothpos.core import clock
from boothpos.core.errors import DatabaseInUse, Msg

LOCK_SUFFIX = ".lock"
# Windows locks a byte range and then refuses others to read it: lock one byte
# far past the holder's details, so a second instance can still read them.
_WINDOWS_LOCK_OFFSET = 1 << 20

IN_USE = Msg(
    id="database '{path}' sedang dipakai aplikasi boothpos lain ({purpose}; pid {pid} di "
    "komputer {host}, sejak {since}). Satu database hanya untuk satu aplikasi kasir: "
    "tutup aplikasi itu dulu",
    en="database '{path}' is in use by another boothpos app ({purpose}; pid {pid} on "
    "{host}, since {since}). Only one till app may open a database: close that one first",
)


def lock_path(db_path: str | Path) -> Path:
    """``inacraft-2024.db`` → ``inacraft-2024.db.lock`` (beside the database)."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


class InstanceLock:
    """Exclusive use of one database by one app, held until :meth:`release`.

    ``with InstanceLock(path): ...`` or ``lock = InstanceLock(path).acquire()``.
    :meth:`acquire` raises :class:`DatabaseInUse` naming the holder when another
    process (or another lock object in this process) holds it.
    """

    def __init__(self, db_path: str | Path, *, purpose: str = "till") -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self.purpose = purpose
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> InstanceLock:
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock(fd)
        except OSError:
            holder = _read_holder(fd)
            os.close(fd)
            raise DatabaseInUse(
                IN_USE,
                path=str(self.db_path),
                purpose=holder.get("purpose", "?"),
                pid=holder.get("pid", "?"),
                host=holder.get("host", "?"),
                since=holder.get("since", "?"),
            ) from None
        except BaseException:
            os.close(fd)
            raise
        _write_holder(
            fd,
            {
                "pid": os.getpid(),
                "host": platform.node(),
                "since": clock.to_iso(clock.now()),
                "purpose": self.purpose,
            },
        )
        self._fd = fd
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_holder(fd: int) -> dict:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096).decode("utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_holder(fd: int, holder: dict) -> None:
    data = json.dumps(holder).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
