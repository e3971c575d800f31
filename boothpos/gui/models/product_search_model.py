"""Products found by the search dialog (fed by ``core.products.search``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from sqlite_utils import Database

from boothpos.core import products
from boothpos.core.money import format_rupiah
from boothpos.core.products import Product
from boothpos.gui import palette as pal
from boothpos.gui.models.table_model import LEFT, RIGHT, Index, RowsTableModel

COL_NAME, COL_PARTNER, COL_BARCODE, COL_PRICE, COL_STOCK = range(5)
COLUMN_COUNT = 5
ProductRole = Qt.ItemDataRole.UserRole + 1


class ProductSearchModel(RowsTableModel[Product]):
    """Rows of :class:`~boothpos.core.products.Product` matching the last search."""

    def __init__(self, db: Database, parent: Any = None, *, limit: int = 100) -> None:
        headers = (
            self.tr("Product"),
            self.tr("Partner"),
            self.tr("Barcode"),
            self.tr("Price"),
            self.tr("Stock"),
        )
        super().__init__(headers, parent, right=(COL_PRICE, COL_STOCK), others=LEFT)
        self._db = db
        self._limit = limit
        self._query = ""
        self._muted = QBrush(QColor(pal.CAPTION))
        self._warn = QBrush(QColor(pal.DANGER))

    @property
    def query(self) -> str:
        return self._query

    def search(self, text: str) -> int:
        """Run the search for ``text`` (blank: no rows); returns the number of rows."""
        self._query = text
        found = products.search(self._db, text, limit=self._limit) if text.strip() else []
        self.set_rows(found)
        return len(found)

    def product(self, row: int) -> Product:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # self._rows, not row_at(): this runs for every cell and role
        rows, row = self._rows, index.row()  # an invalid index has row -1
        if not 0 <= row < len(rows):
            return None
        product = rows[row]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return product.name
            if col == COL_PARTNER:
                return f"{product.partner.code} · {product.partner.name}"
            if col == COL_BARCODE:
                return product.barcode
            if col == COL_PRICE:
                return format_rupiah(product.price)
            if col == COL_STOCK:
                return str(product.on_hand)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col in (COL_PRICE, COL_STOCK) else LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (COL_PARTNER, COL_BARCODE):
                return self._muted
            if col == COL_STOCK and product.on_hand <= 0:
                return self._warn
        if role == ProductRole:
            return product
        return None
