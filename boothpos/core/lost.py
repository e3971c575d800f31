"""Sales the books should hold but do not: the trace a lost ``-wal`` leaves.

A sale committed into a ``-wal`` that something deleted (a neighbour that
lost SQLite's locks, a careless ``rm``) vanishes from the database without a
trace inside it. Outside it, the till left two: the receipt PDF it saved
for the cashier (``<database>-files/receipts/<receipt_no>.pdf``) and the
backups it took after the sale. ``boothpos check`` names every receipt one
of them holds that the books lack.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from boothpos.core import paths
from boothpos.core.rows import column


@dataclass(frozen=True)
class Missing:
    """A receipt named outside the books that the books lack."""

    receipt_no: str
    where: Path  # the receipt PDF or the backup that holds it


def missing_receipts(db: Database, db_path: str | Path) -> list[Missing]:
    """Receipts of this till saved as PDFs or held by its newest good backup that the books lack.

    Only the till's current code counts: numbers of a code a restore retired
    were reported by that restore (and are never issued again).
    """
    known = set(column(db, "SELECT receipt_no FROM sales"))
    till = db.execute("SELECT till_code FROM event WHERE id = 1").fetchone()[0]
    missing: dict[str, Missing] = {}
    folder = paths.receipts_folder(db_path)
    with contextlib.suppress(OSError):
        if folder.is_dir():
            for entry in sorted(folder.iterdir()):
                match = paths.RECEIPT_FILE.match(entry.name)
                if not match or entry.suffix != ".pdf":
                    continue
                no = match["no"]
                if match["till"] == till and no not in known and no not in missing:
                    missing[no] = Missing(no, entry)
    for receipt_no, where in _only_in_newest_backup(db, Path(db_path)):
        if _till(receipt_no) == till:
            missing.setdefault(receipt_no, Missing(receipt_no, where))
    return sorted(missing.values(), key=lambda m: m.receipt_no)


def _only_in_newest_backup(db: Database, db_path: Path) -> list[tuple[str, Path]]:
    from boothpos.core import backup  # backup reads settings and folders: only when checking

    try:
        info = backup.newest_good_backup(db_path)
    except Exception:  # noqa: BLE001 - no readable backup is no evidence either way
        return []
    if info is None:
        return []
    uuids = set(column(db, "SELECT uuid FROM sales"))
    try:
        conn = sqlite3.connect(Path(info.path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT uuid, receipt_no FROM sales ORDER BY id").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    return [(no, Path(info.path)) for uuid, no in rows if uuid not in uuids]


def _till(receipt_no: str) -> str:
    """``INA24-T1-0228-00001`` → ``T1``."""
    match = paths.RECEIPT_FILE.match(receipt_no)
    return match["till"] if match else ""
