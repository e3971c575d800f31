"""What the database file itself says about its books: the checks that need nothing outside it.

- SQLite ``integrity_check`` and ``foreign_key_check``;
- every product's cached on-hand equals its stock ledger;
- every sale's lines sum to its total, each line to qty × price − discount;
- every sale's payments minus change equal its total;
- no sale gives more change than the cash tendered;
- the append-only guards (triggers) are all in place;
- receipt numbers are gapless per till (1, 2, 3, …) and never reused;
- the books were not altered outside boothpos (:mod:`boothpos.core.tamper`);
- no record of the booth hub is parked (:mod:`boothpos.core.parked`).

``boothpos check`` (:mod:`boothpos.core.check`) adds the evidence outside the
file (receipt PDFs, backups: :mod:`boothpos.core.lost`); a restore proves its
candidate with :func:`check_books` alone (a private copy has no outside).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlite_utils import Database

from boothpos.core import parked, stock, tamper
from boothpos.core.codes import Method
from boothpos.core.errors import Msg
from boothpos.core.rows import named
from boothpos.core.schema import APPEND_ONLY

INTEGRITY = Msg(id="integritas SQLite: {detail}", en="SQLite integrity: {detail}")
FOREIGN_KEY = Msg(
    id="kunci asing rusak: tabel {table} baris {rowid} → {parent}",
    en="broken foreign key: table {table} row {rowid} → {parent}",
)
LEDGER = Msg(
    id="stok {barcode}: tersimpan {cached}, menurut buku stok {ledger}",
    en="stock of {barcode}: stored {cached}, stock ledger says {ledger}",
)
LINES_SUM = Msg(
    id="struk {receipt_no}: jumlah baris {lines} ≠ total {total}",
    en="receipt {receipt_no}: lines add up to {lines}, total is {total}",
)
LINE_MATH = Msg(
    id="struk {receipt_no} baris {line_no}: {qty} × {price} − {discount} ≠ {line_total}",
    en="receipt {receipt_no} line {line_no}: {qty} × {price} − {discount} ≠ {line_total}",
)
PAYMENTS = Msg(
    id="struk {receipt_no}: bayar {paid} − kembali {change} ≠ total {total}",
    en="receipt {receipt_no}: paid {paid} − change {change} ≠ total {total}",
)
GAP = Msg(
    id="nomor struk kasir {till}: urutan {expected} hilang (ditemukan {found})",
    en="receipts of till {till}: number {expected} is missing (found {found})",
)
CHANGE_OVER_CASH = Msg(
    id="struk {receipt_no}: kembalian {change} melebihi tunai {cash}",
    en="receipt {receipt_no}: change {change} exceeds the cash tendered {cash}",
)
TRIGGER_MISSING = Msg(
    id="pelindung catatan '{trigger}' hilang: tabel {table} bisa diubah",
    en="record guard '{trigger}' is missing: table {table} can be changed",
)
NO_LINES = Msg(id="struk {receipt_no} tanpa baris", en="receipt {receipt_no} has no lines")
# integrity_check reports of single rows breaking a constraint (the file itself is sound)
_ROW_CONSTRAINT_FAILURES = ("CHECK constraint failed", "NULL value in")
COUNTED_TABLES = (
    "partners",
    "products",
    "sales",
    "sale_lines",
    "payments",
    "voids",
    "stock_moves",
    "audit",
)


@dataclass(frozen=True)
class Finding:
    msg: Msg
    values: tuple[tuple[str, object], ...] = ()

    def message(self, lang: str | None = None) -> str:
        return self.msg.render(lang, **dict(self.values))


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.findings

    def add(self, msg: Msg, **values: object) -> None:
        self.findings.append(Finding(msg, tuple(values.items())))


def check_books(
    db: Database, *, outside: Callable[[Database, CheckReport], None] | None = None
) -> CheckReport:
    """Every check of the file itself (no receipts folder, no backups); ``outside`` adds
    the checks against evidence beside the file (``check.run_checks``: lost sales)."""
    report = CheckReport()
    if file_damaged(db, report):
        return report  # a damaged file: the other checks would only add noise
    check_records(db, report)
    tamper.run(db, report.add)
    if outside is not None:
        outside(db, report)
    parked.check_parked(db, report.add)
    count_rows(db, report)
    return report


def file_damaged(db: Database, report: CheckReport) -> bool:
    """SQLite's own checks; True when the file is too damaged to check its books."""
    damaged = False
    for row in named(db, "PRAGMA integrity_check"):
        detail = row["integrity_check"]
        if detail != "ok":
            report.add(INTEGRITY, detail=detail)
            # A row that breaks a CHECK / NOT NULL constraint is bad data in a sound
            # file: keep checking, so the findings below name the receipt and line.
            damaged = damaged or not detail.startswith(_ROW_CONSTRAINT_FAILURES)
    for row in named(db, "PRAGMA foreign_key_check"):
        report.add(FOREIGN_KEY, table=row["table"], rowid=row["rowid"], parent=row["parent"])
        damaged = True
    return damaged


def check_records(db: Database, report: CheckReport) -> None:
    """Stock ledger, sale arithmetic, payments, the append-only guards, receipt numbers."""
    for barcode, cached, ledger in stock.ledger_mismatches(db):
        report.add(LEDGER, barcode=barcode, cached=cached, ledger=ledger)
    _line_math(db, report)
    _sale_sums(db, report)
    _guards(db, report)
    _receipt_gaps(db, report)


def _line_math(db: Database, report: CheckReport) -> None:
    for row in named(
        db,
        "SELECT s.receipt_no, l.line_no, l.qty, l.unit_price AS price, l.discount, l.line_total "
        "FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
        "WHERE l.line_total != l.qty * l.unit_price - l.discount",
    ):
        report.add(LINE_MATH, **row)


def _sale_sums(db: Database, report: CheckReport) -> None:
    for row in named(
        db,
        "SELECT s.receipt_no, s.total, COALESCE(l.sum, 0) AS lines, COALESCE(l.n, 0) AS n_lines "
        "FROM sales s "
        "LEFT JOIN (SELECT sale_id, SUM(line_total) AS sum, COUNT(*) AS n FROM sale_lines "
        "GROUP BY sale_id) l ON l.sale_id = s.id "
        "WHERE COALESCE(l.sum, 0) != s.total OR COALESCE(l.n, 0) = 0",
    ):
        if row["n_lines"] == 0:
            report.add(NO_LINES, receipt_no=row["receipt_no"])
        else:
            report.add(
                LINES_SUM, receipt_no=row["receipt_no"], lines=row["lines"], total=row["total"]
            )
    for row in named(
        db,
        "SELECT s.receipt_no, COALESCE(p.sum, 0) AS paid, s.change, s.total FROM sales s "
        "LEFT JOIN (SELECT sale_id, SUM(amount) AS sum FROM payments GROUP BY sale_id) p "
        "ON p.sale_id = s.id WHERE COALESCE(p.sum, 0) - s.change != s.total",
    ):
        report.add(PAYMENTS, **row)
    for row in named(
        db,
        "SELECT s.receipt_no, s.change, COALESCE(SUM(p.amount), 0) AS cash FROM sales s "
        "LEFT JOIN payments p ON p.sale_id = s.id AND p.method = ? "
        "WHERE s.change > 0 GROUP BY s.id HAVING s.change > COALESCE(SUM(p.amount), 0)",
        [Method.CASH],
    ):
        report.add(CHANGE_OVER_CASH, **row)


def _guards(db: Database, report: CheckReport) -> None:
    triggers = {
        row["name"] for row in named(db, "SELECT name FROM sqlite_master WHERE type='trigger'")
    }
    for table in APPEND_ONLY:
        for trigger in (f"{table}_no_update", f"{table}_no_delete"):
            if trigger not in triggers:
                report.add(TRIGGER_MISSING, trigger=trigger, table=table)


def _receipt_gaps(db: Database, report: CheckReport) -> None:
    tills = [
        row["till_code"]
        for row in named(db, "SELECT DISTINCT till_code FROM sales ORDER BY till_code")
    ]
    for till in tills:
        expected = 1
        for row in named(db, "SELECT seq FROM sales WHERE till_code = ? ORDER BY seq", [till]):
            if row["seq"] != expected:
                report.add(GAP, till=till, expected=expected, found=row["seq"])
                expected = row["seq"]
            expected += 1


def count_rows(db: Database, report: CheckReport) -> None:
    for table in COUNTED_TABLES:
        report.counts[table] = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
