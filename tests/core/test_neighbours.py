"""A till process with several connections and a neighbour process beside it.

The reproduction from issue 11: a process that holds two connections to the
event database (as the app does: the start-up background check opens a
second one) sells; a neighbour process runs an ordinary read-only command
(``boothpos export sales``); the first process sells again and dies without
closing anything (a power cut, ``os._exit``). Both sales must be in the books,
and the next receipt number must be a new one.

Before the fix, closing a plain ``open()`` of the database file inside the
till process dropped SQLite's POSIX locks: the neighbour then believed it
was the last connection, checkpointed and deleted the ``-wal`` under the till.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from neighbour_support import boothpos_cli, first_code, receipts_in_books

TILL = textwrap.dedent(
    """
    import os, sys
    from boothpos.core import db as dbmod, products, users
    from boothpos.core.checkout import CartLine, Tender, checkout

    path = sys.argv[1]
    first = dbmod.connect(path)
    second = dbmod.connect(path)          # the app's background check does this
    dbmod.integrity_problems(path, quick=True)   # ... and this
    cashier = users.get_user(first, "kasir")
    code = products.list_products(first)[0].barcode

    def sell():
        cart = [CartLine(products.find_by_code(first, code).id, 1)]
        return checkout(first, cart, [Tender("cash", None)], cashier=cashier).receipt_no

    print(sell(), flush=True)
    sys.stdin.readline()                  # the neighbour runs now
    print(sell(), flush=True)
    os._exit(0)                           # power cut: nothing closed, nothing flushed by Python
    """
)


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "booth.db"
    done = boothpos_cli(db, "init", "--demo")
    assert done.returncode == 0, done.stderr
    return db


@pytest.mark.parametrize("neighbour", ["export", "report", "check"])
def test_a_neighbour_never_costs_a_till_its_last_sale(demo_db: Path, neighbour: str) -> None:
    till = subprocess.Popen(
        [sys.executable, "-c", TILL, str(demo_db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = till.stdout.readline().strip()
    assert first, till.stderr.read()
    args = {
        "export": ("export", "sales", "--format", "json"),
        "report": ("report", "settlement", "--json"),
        "check": ("check",),
    }[neighbour]
    beside = boothpos_cli(demo_db, *args)
    assert beside.returncode == 0, beside.stderr
    if neighbour == "export":
        assert first in [s["receipt_no"] for s in json.loads(beside.stdout)]
    till.stdin.write("go\n")
    till.stdin.flush()
    second = till.stdout.readline().strip()
    assert till.wait(timeout=60) == 0, till.stderr.read()
    assert second and second != first

    books = receipts_in_books(demo_db)
    assert first in books
    assert second in books, f"the sale {second} the till reported saved is lost"
    again = boothpos_cli(demo_db, "sell", "--json", "--pay", "cash", first_code(demo_db))
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["receipt_no"] not in (first, second)
