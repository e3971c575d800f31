"""Reading sales back: one sale with its lines and payments, lists for history/export."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from boothpos.core.codes import Method, SaleKind, SaleStatus
from boothpos.core.errors import Msg, NotFound
from boothpos.core.rows import named

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
    method: Method
    amount: int
    reference: str


@dataclass(frozen=True)
class Sale:
    id: int
    uuid: str
    kind: SaleKind
    status: SaleStatus
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


_SALE_SQL = f"""
SELECT s.id, s.uuid, s.kind,
       CASE WHEN v.id IS NOT NULL THEN '{SaleStatus.VOIDED}'
            WHEN s.kind = '{SaleKind.REFUND}' THEN '{SaleStatus.REFUND}'
            ELSE '{SaleStatus.COMPLETED}' END AS status,
       s.receipt_no, s.till_code, s.seq, s.day, s.time, u.username AS cashier,
       u.display_name AS cashier_name, s.total, s.change, o.receipt_no AS refund_of, s.reason,
       COALESCE(v.reason, '') AS void_reason, COALESCE(v.at, '') AS void_time,
       COALESCE(a.display_name, a.username, '') AS approved_by
FROM sales s
JOIN users u ON u.id = s.cashier_id
LEFT JOIN users a ON a.id = s.approved_by
LEFT JOIN voids v ON v.sale_id = s.id
LEFT JOIN sales o ON o.id = s.refund_of
"""


def _load(db: Database, rows: list[dict]) -> list[Sale]:
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    lines: dict[int, list[SaleLine]] = {i: [] for i in ids}
    payments: dict[int, list[Payment]] = {i: [] for i in ids}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for row in named(
            db,
            "SELECT sale_id, id, line_no, product_id, barcode, name, partner_id, partner_code, "
            "partner_name, "
            f"qty, unit_price, discount, line_total, refund_of_line FROM sale_lines "
            f"WHERE sale_id IN ({marks}) ORDER BY sale_id, line_no",
            chunk,
        ):
            lines[row.pop("sale_id")].append(SaleLine(**row))
        for row in named(
            db,
            f"SELECT sale_id, method, amount, reference FROM payments WHERE sale_id IN ({marks}) "
            "ORDER BY sale_id, id",
            chunk,
        ):
            payments[row.pop("sale_id")].append(Payment(**row))
    return [
        Sale(**row, lines=tuple(lines[row["id"]]), payments=tuple(payments[row["id"]]))
        for row in rows
    ]


def get_sale(db: Database, receipt_no: str) -> Sale:
    rows = list(named(db, _SALE_SQL + " WHERE s.receipt_no = ?", [receipt_no.strip()]))
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
    return _load(db, list(named(db, sql, params)))


def refunded_qty_by_line(db: Database, sale_id: int) -> dict[int, tuple[int, int]]:
    """For each line of ``sale_id``: (qty already refunded, discount already refunded)."""
    rows = named(
        db,
        "SELECT r.refund_of_line AS line, -SUM(r.qty) AS qty, -SUM(r.discount) AS discount "
        "FROM sale_lines r JOIN sale_lines o ON o.id = r.refund_of_line WHERE o.sale_id = ? "
        "GROUP BY r.refund_of_line",
        [sale_id],
    )
    return {row["line"]: (row["qty"], row["discount"]) for row in rows}
