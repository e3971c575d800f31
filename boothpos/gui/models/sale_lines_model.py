"""Lines of one sale for the history detail, fed by ``core.sales.get_sale``."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from boothpos.core.money import format_rupiah
from boothpos.core.sales import SaleLine

COL_NO, COL_PRODUCT, COL_PARTNER, COL_QTY, COL_PRICE, COL_DISCOUNT, COL_TOTAL = range(7)
COLUMN_COUNT = 7
_NUMERIC = (COL_NO, COL_QTY, COL_PRICE, COL_DISCOUNT, COL_TOTAL)

_Index = QModelIndex | QPersistentModelIndex


class SaleLinesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[SaleLine] = []

    def set_lines(self, lines: list[SaleLine] | tuple[SaleLine, ...]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                COL_NO: self.tr("No."),
                COL_PRODUCT: self.tr("Product"),
                COL_PARTNER: self.tr("Partner"),
                COL_QTY: self.tr("Qty"),
                COL_PRICE: self.tr("Price"),
                COL_DISCOUNT: self.tr("Discount"),
                COL_TOTAL: self.tr("Total"),
            }.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
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
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
