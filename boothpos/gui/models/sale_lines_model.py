"""Lines of one sale for the history detail, fed by ``core.sales.get_sale``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from boothpos.core.money import format_rupiah
from boothpos.core.sales import SaleLine
from boothpos.gui.models.table_model import RIGHT, Index, RowsTableModel

COL_NO, COL_PRODUCT, COL_PARTNER, COL_QTY, COL_PRICE, COL_DISCOUNT, COL_TOTAL = range(7)
COLUMN_COUNT = 7
_NUMERIC = (COL_NO, COL_QTY, COL_PRICE, COL_DISCOUNT, COL_TOTAL)


class SaleLinesModel(RowsTableModel[SaleLine]):
    def __init__(self, parent: QObject | None = None) -> None:
        headers = (
            self.tr("No."),
            self.tr("Product"),
            self.tr("Partner"),
            self.tr("Qty"),
            self.tr("Price"),
            self.tr("Discount"),
            self.tr("Total"),
        )
        super().__init__(headers, parent, right=_NUMERIC)

    def set_lines(self, lines: list[SaleLine] | tuple[SaleLine, ...]) -> None:
        self.set_rows(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        line = self.row_at(index)
        if line is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                COL_NO: str(line.line_no),
                COL_PRODUCT: line.name,
                COL_PARTNER: line.partner_name,
                COL_QTY: str(line.qty),
                COL_PRICE: format_rupiah(line.unit_price),
                COL_DISCOUNT: format_rupiah(line.discount) if line.discount else "",
                COL_TOTAL: format_rupiah(line.line_total),
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_PRODUCT:
            return f"{line.barcode} · {line.partner_code}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return RIGHT
        return None
