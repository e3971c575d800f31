"""One till app per database *file*: an instance lock keyed to the file itself.

SQLite itself serialises writers, so short command-line jobs (``export``,
``check``, ``report``, even ``sell`` to backfill a sale) may run while the
app is open. What must not happen is two *apps* (two tills) on one file, or
a restore replacing the file under a running app. The app and ``restore``
therefore hold this lock for as long as they use the file.

A file can be reached by several names (a symlink, a hard link, a relative
path), so the lock is taken twice, and both must be free:

- ``<real path>.lock`` beside the file the name resolves to (symlinks followed);
- ``boothpos-<device>-<inode>.lock`` in a shared lock folder of the machine
  (:func:`identity_lock_path`): every name of one file, hard links included,
  meets there. A restore puts a new file (a new inode) in place:
  :meth:`InstanceLock.follow` moves the identity lock to it.

Neither is ever the database file: opening and closing a descriptor of the
database outside SQLite drops SQLite's own locks (see :mod:`boothpos.core.db`).

The locks are the operating system's (``fcntl.flock`` on POSIX, ``msvcrt.locking``
on Windows), so they are released when their process ends, however it ends: a
crashed or killed app never leaves a stale lock behind. The lock files hold
the holder's pid, host and start time, for the message a second instance shows.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import sys
import tempfile
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
    """``inacraft-2024.db`` → ``inacraft-2024.db.lock`` beside the file the name resolves to."""
    real = Path(os.path.realpath(db_path))
    return real.with_name(real.name + LOCK_SUFFIX)


def lock_folder() -> Path:
    """The machine's shared folder for identity locks (made if missing, open to every user)."""
    folder = Path(tempfile.gettempdir()) / "boothpos-locks"
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):  # like /tmp: all may lock, none delete others'
            os.chmod(folder, 0o1777)
    return folder


def file_identity(db_path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of the file ``db_path`` names, links followed; None when it is missing."""
    try:
        st = os.stat(db_path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def identity_lock_path(identity: tuple[int, int]) -> Path:
    """The lock file every name of the file with this (device, inode) shares."""
    dev, ino = identity
    return lock_folder() / f"boothpos-{dev}-{ino}{LOCK_SUFFIX}"


class InstanceLock:
    """Exclusive use of one database file by one app, held until :meth:`release`.

    ``with InstanceLock(path): ...`` or ``lock = InstanceLock(path).acquire()``.
    :meth:`acquire` raises :class:`DatabaseInUse` naming the holder when another
    process (or another lock object in this process) holds the file, under
    this name or any other.
    """

    def __init__(self, db_path: str | Path, *, purpose: str = "till") -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self.purpose = purpose
        self.identity: tuple[int, int] | None = None
        self._fd: int | None = None
        self._identity_fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def holds(self, db_path: str | Path) -> bool:
        """Whether this lock is held for the file ``db_path`` names now."""
        return (
            self.held
            and self.path == lock_path(db_path)
            and self.identity == file_identity(db_path)
        )

    def acquire(self) -> InstanceLock:
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = self._take(self.path)
        try:
            self._identity_fd, self.identity = self._take_identity()
        except BaseException:
            _release(fd)
            raise
        self._fd = fd
        return self

    def follow(self) -> None:
        """Move the identity lock to the file now at the path (after a restore put a new one).

        The lock beside the real path stays held throughout, so no other app
        can take the new file in between. Raises :class:`DatabaseInUse` when
        another app already holds the new file under another name.
        """
        if self._fd is None:
            raise RuntimeError("follow() needs the lock held")
        if file_identity(self.db_path) == self.identity:
            return
        old = self._identity_fd
        self._identity_fd, self.identity = self._take_identity()
        if old is not None:
            _release(old)

    def release(self) -> None:
        fds = (self._identity_fd, self._fd)
        self._fd = self._identity_fd = None
        self.identity = None
        for fd in fds:
            if fd is not None:
                _release(fd)

    def _take_identity(self) -> tuple[int | None, tuple[int, int] | None]:
        identity = file_identity(self.db_path)
        if identity is None:  # no file yet (init): the lock beside the path is the lock
            return None, None
        return self._take(identity_lock_path(identity)), identity

    def _take(self, path: Path) -> int:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
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
        return fd

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _release(fd: int) -> None:
    try:
        _unlock(fd)
    finally:
        os.close(fd)


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
