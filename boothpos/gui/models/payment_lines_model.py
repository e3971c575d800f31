"""Part payments already taken in the payment dialog (method, reference, amount)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from boothpos.core.checkout import Tender
from boothpos.core.money import format_rupiah
from boothpos.gui.labels import method_label
from boothpos.gui.models.table_model import LEFT, RIGHT, Index, RowsTableModel

COL_METHOD, COL_REFERENCE, COL_AMOUNT = range(3)
COLUMN_COUNT = 3


class PaymentLinesModel(RowsTableModel[Tender]):
    """Shows a list of :class:`~boothpos.core.checkout.Tender` (amounts always set)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__((self.tr("Method"), self.tr("Reference"), self.tr("Amount")), parent)

    def set_lines(self, lines: list[Tender]) -> None:
        self.set_rows(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.row_at(index)
        if line is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_METHOD:
                return method_label(line.method)
            if col == COL_REFERENCE:
                return line.reference
            if col == COL_AMOUNT:
                return format_rupiah(line.amount or 0)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col == COL_AMOUNT else LEFT
        return None
