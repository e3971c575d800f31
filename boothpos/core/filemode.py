"""Event databases and their backups hold bank details and PIN hashes: owner-only files.

SQLite creates a database's ``-wal``, ``-shm`` and ``-journal`` with the
database file's own permissions, so making the file ``0600`` right after
SQLite created it (before any journal exists) makes them ``0600`` too.
``chmod`` opens no descriptor, so it cannot drop SQLite's POSIX locks.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE = 0o600


def make_private(path: str | Path) -> None:
    """Owner read/write only (best effort: a file we may not chmod is left as it is)."""
    with contextlib.suppress(OSError):
        if os.stat(path).st_mode & 0o777 != PRIVATE:
            os.chmod(path, PRIVATE)
