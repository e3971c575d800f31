"""``boothpos check``: prove the database tells one consistent story.

- SQLite ``integrity_check`` and ``foreign_key_check``;
- every product's cached on-hand equals its stock ledger;
- every sale's lines sum to its total, each line to qty × price − discount;
- every sale's payments minus change equal its total;
- no sale gives more change than the cash tendered;
- the append-only guards (triggers) are all in place;
- receipt numbers are gapless per till (1, 2, 3, …) and never reused;
- no receipt the till saved as a PDF, or its newest backup holds, is missing
  from the books (the trace of a lost ``-wal``: :mod:`boothpos.core.lost`);
- the books were not altered outside boothpos (:mod:`boothpos.core.tamper`: the
  hash chain, the schema, the audit log against the records it names);
- no record of the booth hub is parked (:mod:`boothpos.core.parked`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from boothpos.core import parked, stock, tamper
from boothpos.core.errors import Msg
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
LOST_SALE = Msg(
    id="struk {receipt_no} ada di {where} tetapi tidak ada di buku: penjualan hilang (jurnal -wal "
    "database kemungkinan terhapus). Pulihkan cadangan terbaru atau salinan 'rescued' dengan "
    "'boothpos restore FILE', lalu jalankan check lagi",
    en="receipt {receipt_no} is in {where} but not in the books: a sale was lost (the "
    "database's -wal journal was probably deleted). Restore the newest backup or the 'rescued' "
    "copy with 'boothpos restore FILE', then run check again",
)

# integrity_check reports of single rows breaking a constraint (the file itself is sound)
_ROW_CONSTRAINT_FAILURES = ("CHECK constraint failed", "NULL value in")


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


def run_checks(db: Database) -> CheckReport:
    report = CheckReport()
    conn = db.conn
    damaged = False
    for (detail,) in conn.execute("PRAGMA integrity_check").fetchall():
        if detail != "ok":
            report.add(INTEGRITY, detail=detail)
            # A row that breaks a CHECK / NOT NULL constraint is bad data in a sound
            # file: keep checking, so the findings below name the receipt and line.
            damaged = damaged or not detail.startswith(_ROW_CONSTRAINT_FAILURES)
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
        report.add(FOREIGN_KEY, table=table, rowid=rowid, parent=parent)
        damaged = True
    if damaged:
        return report  # a damaged file: the other checks would only add noise

    for barcode, cached, ledger in stock.ledger_mismatches(db):
        report.add(LEDGER, barcode=barcode, cached=cached, ledger=ledger)

    for receipt_no, line_no, qty, price, discount, line_total in conn.execute(
        "SELECT s.receipt_no, l.line_no, l.qty, l.unit_price, l.discount, l.line_total "
        "FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
        "WHERE l.line_total != l.qty * l.unit_price - l.discount"
    ):
        report.add(
            LINE_MATH,
            receipt_no=receipt_no,
            line_no=line_no,
            qty=qty,
            price=price,
            discount=discount,
            line_total=line_total,
        )
    for receipt_no, total, lines, n_lines in conn.execute(
        "SELECT s.receipt_no, s.total, COALESCE(l.sum, 0), COALESCE(l.n, 0) FROM sales s "
        "LEFT JOIN (SELECT sale_id, SUM(line_total) AS sum, COUNT(*) AS n FROM sale_lines "
        "GROUP BY sale_id) l ON l.sale_id = s.id "
        "WHERE COALESCE(l.sum, 0) != s.total OR COALESCE(l.n, 0) = 0"
    ):
        if n_lines == 0:
            report.add(NO_LINES, receipt_no=receipt_no)
        else:
            report.add(LINES_SUM, receipt_no=receipt_no, lines=lines, total=total)
    for receipt_no, total, change, paid in conn.execute(
        "SELECT s.receipt_no, s.total, s.change, COALESCE(p.sum, 0) FROM sales s "
        "LEFT JOIN (SELECT sale_id, SUM(amount) AS sum FROM payments GROUP BY sale_id) p "
        "ON p.sale_id = s.id WHERE COALESCE(p.sum, 0) - s.change != s.total"
    ):
        report.add(PAYMENTS, receipt_no=receipt_no, paid=paid, change=change, total=total)

    for receipt_no, change, cash in conn.execute(
        "SELECT s.receipt_no, s.change, COALESCE(SUM(p.amount), 0) FROM sales s "
        "LEFT JOIN payments p ON p.sale_id = s.id AND p.method = 'cash' "
        "WHERE s.change > 0 GROUP BY s.id HAVING s.change > COALESCE(SUM(p.amount), 0)"
    ):
        report.add(CHANGE_OVER_CASH, receipt_no=receipt_no, change=change, cash=cash)

    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    for table in APPEND_ONLY:
        for trigger in (f"{table}_no_update", f"{table}_no_delete"):
            if trigger not in triggers:
                report.add(TRIGGER_MISSING, trigger=trigger, table=table)

    for (till,) in conn.execute("SELECT DISTINCT till_code FROM sales ORDER BY till_code"):
        expected = 1
        for (seq,) in conn.execute(
            "SELECT seq FROM sales WHERE till_code = ? ORDER BY seq", (till,)
        ):
            if seq != expected:
                report.add(GAP, till=till, expected=expected, found=seq)
                expected = seq
            expected += 1

    tamper.run(db, report.add)
    _lost_sales(db, report)
    parked.check_parked(db, report.add)

    for table in (
        "partners",
        "products",
        "sales",
        "sale_lines",
        "payments",
        "voids",
        "stock_moves",
        "audit",
    ):
        report.counts[table] = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    return report


def _lost_sales(db: Database, report: CheckReport) -> None:
    from boothpos.core import lost
    from boothpos.core.db import database_file

    path = database_file(db)
    if not path:
        return
    for missing in lost.missing_receipts(db, path):
        report.add(LOST_SALE, receipt_no=missing.receipt_no, where=str(missing.where))
