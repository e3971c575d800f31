"""Reading sales back: one sale with its lines and payments, lists for history/export."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from boothpos.core.errors import Msg, NotFound

NO_RECEIPT = Msg(id="struk '{receipt_no}' tidak ada", en="there is no receipt '{receipt_no}'")


@dataclass(frozen=True)
class SaleLine:
    id: int
    line_no: int
    product_id: int
    barcode: str
    name: str
    partner_id: int
    partner_code: str
    partner_name: str
    qty: int
    unit_price: int
    discount: int
    line_total: int
    refund_of_line: int | None


@dataclass(frozen=True)
class Payment:
    method: str
    amount: int
    reference: str


@dataclass(frozen=True)
class Sale:
    id: int
    uuid: str
    kind: str  # "sale" or "refund"
    status: str  # "completed", "voided" or "refund"
    receipt_no: str
    till_code: str
    seq: int
    day: str
    time: str
    cashier: str
    cashier_name: str
    total: int
    change: int
    refund_of: str | None  # receipt number of the original sale
    reason: str
    lines: tuple[SaleLine, ...]
    payments: tuple[Payment, ...]
    void_reason: str = ""
    void_time: str = ""
    approved_by: str = ""  # display name of the supervisor who approved a refund

    @property
    def discounts(self) -> int:
        return sum(line.discount for line in self.lines)

    @property
    def gross(self) -> int:
        return sum(line.qty * line.unit_price for line in self.lines)


_SALE_SQL = """
SELECT s.id, s.uuid, s.kind,
       CASE WHEN v.id IS NOT NULL THEN 'voided'
            WHEN s.kind = 'refund' THEN 'refund' ELSE 'completed' END,
       s.receipt_no, s.till_code, s.seq, s.day, s.time, u.username, u.display_name,
       s.total, s.change, o.receipt_no, s.reason, COALESCE(v.reason, ''), COALESCE(v.at, ''),
       COALESCE(a.display_name, a.username, '')
FROM sales s
JOIN users u ON u.id = s.cashier_id
LEFT JOIN users a ON a.id = s.approved_by
LEFT JOIN voids v ON v.sale_id = s.id
LEFT JOIN sales o ON o.id = s.refund_of
"""


def _load(db: Database, rows: list) -> list[Sale]:
    if not rows:
        return []
    ids = [r[0] for r in rows]
    lines: dict[int, list[SaleLine]] = {i: [] for i in ids}
    payments: dict[int, list[Payment]] = {i: [] for i in ids}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for r in db.execute(
            "SELECT sale_id, id, line_no, product_id, barcode, name, partner_id, partner_code, "
            "partner_name, "
            f"qty, unit_price, discount, line_total, refund_of_line FROM sale_lines "
            f"WHERE sale_id IN ({marks}) ORDER BY sale_id, line_no",
            chunk,
        ):
            lines[r[0]].append(SaleLine(*r[1:]))
        for r in db.execute(
            f"SELECT sale_id, method, amount, reference FROM payments WHERE sale_id IN ({marks}) "
            "ORDER BY sale_id, id",
            chunk,
        ):
            payments[r[0]].append(Payment(*r[1:]))
    return [
        Sale(
            id=r[0],
            uuid=r[1],
            kind=r[2],
            status=r[3],
            receipt_no=r[4],
            till_code=r[5],
            seq=r[6],
            day=r[7],
            time=r[8],
            cashier=r[9],
            cashier_name=r[10],
            total=r[11],
            change=r[12],
            refund_of=r[13],
            reason=r[14],
            void_reason=r[15],
            void_time=r[16],
            approved_by=r[17],
            lines=tuple(lines[r[0]]),
            payments=tuple(payments[r[0]]),
        )
        for r in rows
    ]


def get_sale(db: Database, receipt_no: str) -> Sale:
    rows = db.execute(_SALE_SQL + " WHERE s.receipt_no = ?", (receipt_no.strip(),)).fetchall()
    if not rows:
        raise NotFound(NO_RECEIPT, receipt_no=receipt_no)
    return _load(db, rows)[0]


def list_sales(
    db: Database, *, day: str | None = None, search: str = "", limit: int | None = None
) -> list[Sale]:
    """Sales and refunds in receipt order, optionally of one day / matching a receipt number."""
    sql = _SALE_SQL + " WHERE 1 = 1"
    params: list = []
    if day:
        sql += " AND s.day = ?"
        params.append(day)
    if search.strip():
        sql += " AND s.receipt_no LIKE ?"
        params.append(f"%{search.strip()}%")
    sql += " ORDER BY s.till_code, s.seq"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return _load(db, db.execute(sql, params).fetchall())


def refunded_qty_by_line(db: Database, sale_id: int) -> dict[int, tuple[int, int]]:
    """For each line of ``sale_id``: (qty already refunded, discount already refunded)."""
    rows = db.execute(
        "SELECT r.refund_of_line, -SUM(r.qty), -SUM(r.discount) FROM sale_lines r "
        "JOIN sale_lines o ON o.id = r.refund_of_line WHERE o.sale_id = ? "
        "GROUP BY r.refund_of_line",
        (sale_id,),
    ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}
