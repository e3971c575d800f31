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


class CuttableProxy:
    """A TCP proxy on loopback to a server port, whose connections can be cut (the LAN goes).

    ``cut()`` closes every open connection and refuses new ones until ``restore()``.
    """

    def __init__(self, target_port: int) -> None:
        import threading

        self._target = target_port
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.port = self._listener.getsockname()[1]
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._cut = False
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import threading

        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._cut:
                client.close()
                continue
            upstream = socket.create_connection(("127.0.0.1", self._target))
            with self._lock:
                self._open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self._cut = True
        with self._lock:
            for s in self._open:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self._open.clear()

    def restore(self) -> None:
        self._cut = False

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._listener.close()
