"""A till notices when its files are no longer the ones on disk (issue 11).

When the database or its ``-wal`` is unlinked or replaced under a running
till (a neighbour that lost SQLite's locks, a careless ``rm``, a sync tool),
the till stops writing (``FilesChanged``, a ``StorageError``: the sale screen
keeps the cart and shows a red banner), and first saves what its still-open
descriptors hold: a full copy beside the database, and when only the -wal
was lost, a checkpoint back into the file. ``check`` names a sale the books
lost when a receipt PDF or a backup shows it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest
from neighbour_support import boothpos_cli, receipts_in_books

from boothpos.core import backup, check
from boothpos.core import db as dbmod
from boothpos.core.errors import FilesChanged, StorageError


def receipts_in_copy(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT receipt_no FROM sales ORDER BY id")]


def test_a_deleted_wal_stops_the_till_and_its_sales_are_written_back(booth):
    first = booth.sell("kopi").receipt_no
    for suffix in ("-wal", "-shm"):  # what the neighbour did after it lost the locks
        os.unlink(f"{booth.path}{suffix}")

    with pytest.raises(FilesChanged) as stopped:
        booth.sell("kalung")

    assert isinstance(stopped.value, StorageError)  # the sale screen keeps the cart
    text = stopped.value.message("en")
    assert "-wal journal was deleted" in text and "Payments are stopped" in text
    assert "written back into the database file" in text
    rescued = Path(stopped.value.values["rescue"])
    assert receipts_in_copy(rescued) == [first]
    assert receipts_in_books(booth.path) == [first]  # nothing the screen called saved is lost
    with pytest.raises(FilesChanged):  # and it stays stopped
        booth.sell("kalung")
    assert receipts_in_books(booth.path) == [first]
    assert "jurnal -wal-nya dihapus" in stopped.value.message("id")


def test_a_replaced_database_stops_the_till_and_the_rescued_copy_restores_its_sales(booth):
    first = booth.sell("kopi").receipt_no
    taken = backup.backup_now(booth.db, booth.path).written[0]
    second = booth.sell("kopi").receipt_no
    older = booth.path.with_name("older.db")
    shutil.copy(taken, older)
    os.replace(older, booth.path)  # a sync tool puts an older copy in place
    for suffix in ("-wal", "-shm"):
        Path(f"{booth.path}{suffix}").unlink(missing_ok=True)

    with pytest.raises(FilesChanged) as stopped:
        booth.sell("kalung")

    assert "replaced by another file" in stopped.value.message("en")
    rescued = Path(stopped.value.values["rescue"])
    assert receipts_in_copy(rescued) == [first, second]
    booth.db.close()
    assert receipts_in_books(booth.path) == [first]
    backup.restore(rescued, booth.path)  # what the banner tells the supervisor to do
    assert receipts_in_books(booth.path) == [first, second]


def test_a_deleted_database_stops_the_till_and_keeps_a_copy(booth):
    first = booth.sell("kopi").receipt_no
    os.unlink(booth.path)

    with pytest.raises(FilesChanged) as stopped:
        booth.sell("kalung")

    assert "deleted or moved" in stopped.value.message("en")
    assert receipts_in_copy(Path(stopped.value.values["rescue"])) == [first]


def test_a_sound_till_is_not_stopped_by_its_own_checkpoints(booth):
    booth.sell("kopi")
    booth.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other = dbmod.connect(booth.path)  # a second connection opened and closed
    other.close()
    booth.sell("kopi")
    assert dbmod.files_problem(booth.db) is None


LOSE_WAL = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from boothpos.core import db as dbmod, products, users
    from boothpos.core.checkout import CartLine, Tender, checkout

    path = Path(sys.argv[1])
    db = dbmod.connect(path)
    cashier = users.get_user(db, "kasir")
    receipts = path.with_name(path.stem + "-files") / "receipts"
    receipts.mkdir(parents=True, exist_ok=True)
    code = products.list_products(db)[0].barcode
    for n in range(2):
        cart = [CartLine(products.find_by_code(db, code).id, 1)]
        no = checkout(db, cart, [Tender("cash", None)], cashier=cashier).receipt_no
        (receipts / f"{no}.pdf").write_bytes(b"%PDF-1.4 receipt")  # what the cashier was told
        print(no, flush=True)
        if n == 0:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        os.unlink(f"{path}{suffix}")  # a neighbour deletes the journal ...
    os._exit(0)                      # ... and the power goes
    """
)


def test_check_names_a_sale_whose_receipt_was_saved_but_whose_wal_was_lost(tmp_path):
    path = tmp_path / "booth.db"
    done = boothpos_cli(path, "init", "--demo")
    assert done.returncode == 0, done.stderr
    till = subprocess.run(
        [sys.executable, "-c", LOSE_WAL, str(path)], capture_output=True, text=True, timeout=60
    )
    assert till.returncode == 0, till.stderr
    kept, lost = till.stdout.split()

    db = dbmod.connect(path)
    try:
        report = check.run_checks(db)
    finally:
        db.close()
    assert [f.values for f in report.findings] == [
        (
            ("receipt_no", lost),
            ("where", str(path.with_name("booth-files") / "receipts" / f"{lost}.pdf")),
        )
    ]
    assert "a sale was lost" in report.findings[0].message("en")
    cli = boothpos_cli(path, "check")
    assert cli.returncode == 1 and lost in cli.stdout + cli.stderr
    assert kept in receipts_in_books(path)
