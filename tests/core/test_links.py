"""One till per database *file*, whatever name reaches it (issue 11).

A till opened through a symlink or a hard link holds the file itself: a
second app by another name is refused, and so is ``boothpos restore`` on the
real path, so the till's next sale can never land in a replaced file and the
next command-line sale can never reuse its receipt number.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from neighbour_support import boothpos_cli, first_code, receipts_in_books

from boothpos.core import db as dbmod
from boothpos.core import startup
from boothpos.core.errors import DatabaseError, DatabaseInUse
from boothpos.core.instance import InstanceLock

TILL = textwrap.dedent(
    """
    import sys
    from boothpos.core import products, startup, users
    from boothpos.core.checkout import CartLine, Tender, checkout

    till = startup.open_for_till(sys.argv[1])
    cashier = users.get_user(till.db, "kasir")
    code = products.list_products(till.db)[0].barcode

    def sell():
        cart = [CartLine(products.find_by_code(till.db, code).id, 1)]
        return checkout(till.db, cart, [Tender("cash", None)], cashier=cashier).receipt_no

    for line in sys.stdin:
        if line.strip() == "sell":
            print(sell(), flush=True)
        else:
            break
    till.close()
    """
)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    real = tmp_path / "real" / "booth.db"
    real.parent.mkdir()
    done = boothpos_cli(real, "init", "--demo")
    assert done.returncode == 0, done.stderr
    return real


def _name(real: Path, kind: str) -> Path:
    other = real.parent.parent / "elsewhere"
    other.mkdir()
    name = other / "till.db"
    if kind == "symlink":
        name.symlink_to(real)
    else:  # the same folder reached through a symlinked folder
        (other / "dir").symlink_to(real.parent, target_is_directory=True)
        name = other / "dir" / real.name
    return name


class Till:
    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", TILL, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def sell(self) -> str:
        self.proc.stdin.write("sell\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline().strip()
        assert line, self.proc.stderr.read()
        return line

    def stop(self) -> None:
        self.proc.stdin.write("stop\n")
        self.proc.stdin.flush()
        assert self.proc.wait(timeout=60) == 0, self.proc.stderr.read()


@pytest.mark.parametrize("kind", ["symlink", "linked-folder"])
def test_a_till_opened_by_another_name_holds_the_file(demo: Path, kind: str) -> None:
    name = _name(demo, kind)
    backup_dir = demo.parent / "usb"
    backup_dir.mkdir()
    done = boothpos_cli(demo, "backup", str(backup_dir))
    assert done.returncode == 0, done.stderr
    taken = next(backup_dir.glob("*.db"))

    till = Till(name)
    try:
        first = till.sell()
        with pytest.raises(DatabaseInUse):  # a second app by the real name
            startup.open_for_till(demo)
        with pytest.raises(DatabaseInUse):
            InstanceLock(demo).acquire()

        refused = boothpos_cli(demo, "restore", str(taken))  # restore under the open till
        assert refused.returncode != 0
        assert "dipakai" in refused.stderr or "in use" in refused.stderr

        second = till.sell()  # the till's sale lands in the one file
        books = receipts_in_books(demo)
        assert first in books and second in books
        again = boothpos_cli(demo, "sell", "--json", "--pay", "cash", first_code(demo))
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["receipt_no"] not in (first, second)
    finally:
        till.stop()

    assert boothpos_cli(demo, "check").returncode == 0
    restored = boothpos_cli(demo, "restore", str(taken))  # with the till closed it goes ahead
    assert restored.returncode == 0, restored.stderr
    assert set(receipts_in_books(demo)) >= {first, second}


def test_a_database_with_two_hard_links_is_refused_by_every_name(demo: Path) -> None:
    """Two hard links are two journals (-wal) for one file: nothing may open it."""
    other = demo.parent.parent / "elsewhere"
    other.mkdir()
    link = other / "till.db"
    os.link(demo, link)
    before = demo.stat().st_mtime_ns

    for name in (demo, link):
        refused = boothpos_cli(name, "export", "sales", "--format", "json")
        assert refused.returncode == 1
        assert "hard link" in refused.stderr and "2" in refused.stderr
        with pytest.raises(DatabaseError) as exc:
            startup.open_for_till(name)
        assert exc.value.msg is dbmod.LINKED
    assert demo.stat().st_mtime_ns == before
    assert not Path(f"{link}-wal").exists()

    link.unlink()
    assert receipts_in_books(demo) == []


def test_a_restore_by_a_hard_link_name_is_refused_while_the_till_runs(demo: Path) -> None:
    backup_dir = demo.parent / "usb"
    backup_dir.mkdir()
    assert boothpos_cli(demo, "backup", str(backup_dir)).returncode == 0
    taken = next(backup_dir.glob("*.db"))
    till = Till(demo)
    try:
        first = till.sell()
        other = demo.parent.parent / "elsewhere"
        other.mkdir()
        link = other / "till.db"
        os.link(demo, link)  # a second name made while the till runs
        with pytest.raises(DatabaseInUse):
            InstanceLock(link).acquire()
        refused = boothpos_cli(link, "restore", str(taken))
        assert refused.returncode != 0
        link.unlink()
        second = till.sell()
    finally:
        till.stop()
    assert {first, second} <= set(receipts_in_books(demo))


def test_the_lock_follows_the_file_a_restore_puts_in_place(tmp_path: Path) -> None:
    real = tmp_path / "booth.db"
    real.write_bytes(b"")
    with InstanceLock(real) as lock:
        old = lock.identity
        replacement = tmp_path / "new.db"
        replacement.write_bytes(b"")
        os.replace(replacement, real)
        assert not lock.holds(real)
        lock.follow()
        assert lock.holds(real) and lock.identity != old
        link = tmp_path / "link.db"
        os.link(real, link)
        with pytest.raises(DatabaseInUse):
            InstanceLock(link).acquire()
    InstanceLock(link).acquire().release()
