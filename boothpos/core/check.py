"""``boothpos check``: prove the database tells one consistent story.

Everything :mod:`boothpos.core.integrity` checks inside the file (SQLite's
integrity, the stock ledger, the sale arithmetic, the append-only guards,
gapless receipt numbers, the hash chain, parked hub records), and the evidence
outside it: no receipt the till saved as a PDF, or its newest backup holds, is
missing from the books (the trace of a lost ``-wal``: :mod:`boothpos.core.lost`).
"""

from __future__ import annotations

from sqlite_utils import Database

from boothpos.core import lost
from boothpos.core.db import database_file
from boothpos.core.errors import Msg
from boothpos.core.integrity import (  # noqa: F401 - check.CheckReport, check.LEDGER etc. stay
    CHANGE_OVER_CASH,
    FOREIGN_KEY,
    GAP,
    INTEGRITY,
    LEDGER,
    LINE_MATH,
    LINES_SUM,
    NO_LINES,
    PAYMENTS,
    TRIGGER_MISSING,
    CheckReport,
    Finding,
    check_books,
    check_records,
    count_rows,
    file_damaged,
)

LOST_SALE = Msg(
    id="struk {receipt_no} ada di {where} tetapi tidak ada di buku: penjualan hilang (jurnal -wal "
    "database kemungkinan terhapus). Pulihkan cadangan terbaru atau salinan 'rescued' dengan "
    "'boothpos restore FILE', lalu jalankan check lagi",
    en="receipt {receipt_no} is in {where} but not in the books: a sale was lost (the "
    "database's -wal journal was probably deleted). Restore the newest backup or the 'rescued' "
    "copy with 'boothpos restore FILE', then run check again",
)


def run_checks(db: Database) -> CheckReport:
    """``boothpos check``: the file's own checks plus receipts the books lack."""
    return check_books(db, outside=_lost_sales)


def _lost_sales(db: Database, report: CheckReport) -> None:
    path = database_file(db)
    if not path:
        return
    for missing in lost.missing_receipts(db, path):
        report.add(LOST_SALE, receipt_no=missing.receipt_no, where=str(missing.where))
