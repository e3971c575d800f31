"""A partner's products with a quantity to receive or return, for the stock dialogs.

Fed by ``core.stock_ops.inventory(partner=...)``; the quantity column is the
only editable cell (a whole number, 0 = not on this document). A scanned
code adds one (:meth:`StockLinesModel.add_one`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from boothpos.core.money import format_rupiah
from boothpos.core.stock_ops import MAX_QTY, InventoryRow
from boothpos.gui import palette as pal
from boothpos.gui.models.table_model import RIGHT, Index, RowsTableModel

COL_BARCODE, COL_NAME, COL_PRICE, COL_ON_HAND, COL_QTY = range(5)
COLUMN_COUNT = 5

RowRole = Qt.ItemDataRole.UserRole

_OVER = QColor(pal.DANGER_STRONG)
_INPUT = QColor(pal.INPUT)


class StockLinesModel(RowsTableModel[InventoryRow]):
    """Products of one partner and the quantity typed for each.

    ``limit_to_stock`` (returns) marks a quantity above the stock on hand in
    red; the core refuses such a return, naming the product.
    ``quantitiesChanged`` after every change of a quantity.
    """

    quantitiesChanged = Signal()

    def __init__(self, parent: QObject | None = None, *, limit_to_stock: bool = False) -> None:
        headers = (
            self.tr("Barcode"),
            self.tr("Product"),
            self.tr("Price"),
            self.tr("On hand"),
            self.tr("Quantity"),
        )
        super().__init__(headers, parent, right=(COL_PRICE, COL_ON_HAND, COL_QTY))
        self._qty: dict[int, int] = {}
        self._limit = limit_to_stock

    def set_rows(self, rows: list[InventoryRow]) -> None:
        self._qty = {}
        super().set_rows(rows)
        self.quantitiesChanged.emit()

    def row_of(self, product_id: int) -> int:
        return self.find_row("product_id", product_id)

    def qty(self, product_id: int) -> int:
        return self._qty.get(product_id, 0)

    def items(self) -> dict[int, int]:
        """Product id → quantity, for the products with a quantity (list order)."""
        qty = self._qty
        return {r.product_id: qty[r.product_id] for r in self._rows if r.product_id in qty}

    def total(self) -> tuple[int, int]:
        """(products, items) with a quantity."""
        chosen = self.items()
        return len(chosen), sum(chosen.values())

    def set_qty(self, product_id: int, qty: int) -> bool:
        row = self.row_of(product_id)
        if row < 0 or not 0 <= qty <= MAX_QTY:
            return False
        if qty:
            self._qty[product_id] = qty
        else:
            self._qty.pop(product_id, None)
        index = self.index(row, COL_QTY)
        self.dataChanged.emit(self.index(row, 0), index)
        self.quantitiesChanged.emit()
        return True

    def add_one(self, product_id: int) -> int:
        """One more of a product (a scan); its row, or -1 when it is not in the list."""
        row = self.row_of(product_id)
        if row >= 0:
            self.set_qty(product_id, min(self.qty(product_id) + 1, MAX_QTY))
        return row

    def fill_on_hand(self) -> None:
        """Every product's quantity set to what is on hand (returns: "everything")."""
        self._qty = {r.product_id: r.on_hand for r in self._rows if r.on_hand > 0}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COL_QTY))
        self.quantitiesChanged.emit()

    def clear_quantities(self) -> None:
        self._qty = {}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COL_QTY))
        self.quantitiesChanged.emit()

    # -- Qt model API -------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == COL_QTY:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self.row_at(index)
        if item is None:
            return None
        column = index.column()
        qty = self.qty(item.product_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                COL_BARCODE: item.barcode,
                COL_NAME: item.name,
                COL_PRICE: format_rupiah(item.price),
                COL_ON_HAND: str(item.on_hand),
                COL_QTY: str(qty) if qty else "",
            }.get(column)
        if role == Qt.ItemDataRole.EditRole and column == COL_QTY:
            return qty
        if role == RowRole:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            COL_PRICE, COL_ON_HAND, COL_QTY,
        ):  # fmt: skip
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_QTY:
            return QBrush(_INPUT)  # the column to type in
        if role == Qt.ItemDataRole.FontRole and column == COL_QTY and qty:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self._over(item, qty) and column in (
            COL_ON_HAND, COL_QTY,
        ):  # fmt: skip
            return QBrush(_OVER)
        if role == Qt.ItemDataRole.ToolTipRole and self._over(item, qty):
            return self.tr("More than is on hand ({on_hand}).").format(on_hand=item.on_hand)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.row_at(index)
        if item is None or index.column() != COL_QTY or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            qty = int(str(value).strip() or 0)
        except ValueError:
            return False
        return self.set_qty(item.product_id, qty)

    def _over(self, item: InventoryRow, qty: int) -> bool:
        return self._limit and qty > max(item.on_hand, 0)
