"""Sales of a day (or a receipt search) for the history list, fed by ``core.sales.list_sales``."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from boothpos.core.codes import SaleStatus
from boothpos.core.formatting import day_text
from boothpos.core.money import format_rupiah
from boothpos.core.sales import Sale
from boothpos.gui import palette as pal
from boothpos.gui.labels import status_label
from boothpos.gui.models.table_model import RIGHT, Index, RowsTableModel

COL_RECEIPT, COL_TIME, COL_CASHIER, COL_STATUS, COL_TOTAL = range(5)
COLUMN_COUNT = 5

SaleRole = Qt.ItemDataRole.UserRole  # the core ``Sale``
ReceiptRole = Qt.ItemDataRole.UserRole + 1  # its receipt number

_VOIDED = QColor(pal.VOIDED)
_REFUND = QColor(pal.DANGER)


def display_time(iso: str, *, with_date: bool = False) -> str:
    """``2024-02-28T14:05:09+07:00`` → ``14:05:09`` (``28-02-2024 14:05`` with the date)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day_text(moment)} {moment:%H:%M}" if with_date else f"{moment:%H:%M:%S}"


class SalesTableModel(RowsTableModel[Sale]):
    """One row per sale or refund: receipt no, time, cashier, status, total."""

    def __init__(self, parent: QObject | None = None) -> None:
        headers = (
            self.tr("Receipt no."),
            self.tr("Time"),
            self.tr("Cashier"),
            self.tr("Status"),
            self.tr("Total"),
        )
        super().__init__(headers, parent, right=(COL_TOTAL,))
        self._with_date = False

    def set_sales(self, sales: list[Sale], *, with_date: bool = False) -> None:
        self._with_date = with_date
        self.set_rows(sales)

    def sale_at(self, row: int) -> Sale | None:
        return self.row_at(row)

    def row_of(self, receipt_no: str) -> int:
        return self.find_row("receipt_no", receipt_no)

    def sales(self) -> list[Sale]:
        return self.rows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        sale = self.row_at(index)
        if sale is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(sale, column)
        if role == SaleRole:
            return sale
        if role == ReceiptRole:
            return sale.receipt_no
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TOTAL:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if sale.status == SaleStatus.VOIDED:
                return QBrush(_VOIDED)
            if sale.status == SaleStatus.REFUND:
                return QBrush(_REFUND)
        if role == Qt.ItemDataRole.FontRole and sale.status == SaleStatus.VOIDED:
            font = QFont()
            font.setStrikeOut(column == COL_TOTAL)
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and sale.refund_of:
            return self.tr("Refund of {receipt}").format(receipt=sale.refund_of)
        return None

    def _text(self, sale: Sale, column: int) -> str:
        if column == COL_RECEIPT:
            return sale.receipt_no
        if column == COL_TIME:
            return display_time(sale.time, with_date=self._with_date)
        if column == COL_CASHIER:
            return sale.cashier_name
        if column == COL_STATUS:
            return status_label(sale.status)
        if column == COL_TOTAL:
            return format_rupiah(sale.total)
        return ""
