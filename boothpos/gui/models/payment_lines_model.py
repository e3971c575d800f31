"""Part payments already taken in the payment dialog (method, reference, amount)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from boothpos.core.checkout import Tender
from boothpos.core.money import format_rupiah
from boothpos.gui.labels import method_label

COL_METHOD, COL_REFERENCE, COL_AMOUNT = range(3)
COLUMN_COUNT = 3

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_Index = QModelIndex | QPersistentModelIndex


class PaymentLinesModel(QAbstractTableModel):
    """Shows a list of :class:`~boothpos.core.checkout.Tender` (amounts always set)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[Tender] = []
        self._headers = (self.tr("Method"), self.tr("Reference"), self.tr("Amount"))

    def set_lines(self, lines: list[Tender]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_METHOD:
                return method_label(line.method)
            if col == COL_REFERENCE:
                return line.reference
            if col == COL_AMOUNT:
                return format_rupiah(line.amount or 0)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col == COL_AMOUNT else _LEFT
        return None
