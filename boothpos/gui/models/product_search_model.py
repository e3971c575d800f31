"""Products found by the search dialog (fed by ``core.products.search``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from sqlite_utils import Database

from boothpos.core import products
from boothpos.core.money import format_rupiah
from boothpos.core.products import Product

COL_NAME, COL_PARTNER, COL_BARCODE, COL_PRICE, COL_STOCK = range(5)
COLUMN_COUNT = 5
ProductRole = Qt.ItemDataRole.UserRole + 1

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_Index = QModelIndex | QPersistentModelIndex


class ProductSearchModel(QAbstractTableModel):
    """Rows of :class:`~boothpos.core.products.Product` matching the last search."""

    def __init__(self, db: Database, parent: Any = None, *, limit: int = 100) -> None:
        super().__init__(parent)
        self._db = db
        self._limit = limit
        self._rows: list[Product] = []
        self._query = ""
        self._headers = (
            self.tr("Product"),
            self.tr("Partner"),
            self.tr("Barcode"),
            self.tr("Price"),
            self.tr("Stock"),
        )
        self._muted = QBrush(QColor("#5f6b7a"))
        self._warn = QBrush(QColor("#b3261e"))

    @property
    def query(self) -> str:
        return self._query

    def search(self, text: str) -> int:
        """Run the search for ``text`` (blank: no rows); returns the number of rows."""
        self._query = text
        found = products.search(self._db, text, limit=self._limit) if text.strip() else []
        self.beginResetModel()
        self._rows = found
        self.endResetModel()
        return len(found)

    def product(self, row: int) -> Product:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in (COL_PRICE, COL_STOCK) else _LEFT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        product = self._rows[index.row()]
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
            return _RIGHT if col in (COL_PRICE, COL_STOCK) else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (COL_PARTNER, COL_BARCODE):
                return self._muted
            if col == COL_STOCK and product.on_hand <= 0:
                return self._warn
        if role == ProductRole:
            return product
        return None
