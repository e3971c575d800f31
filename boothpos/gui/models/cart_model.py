"""The cart as a Qt table: one row per cart line, editable quantity and discount."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from boothpos.core.cart import Cart, CartItem
from boothpos.core.errors import BoothError
from boothpos.core.money import format_rupiah, parse_rupiah
from boothpos.core.products import Product
from boothpos.gui import palette as pal

COL_PRODUCT, COL_PARTNER, COL_QTY, COL_PRICE, COL_DISCOUNT, COL_TOTAL = range(6)
COLUMN_COUNT = 6

ProductRole = Qt.ItemDataRole.UserRole + 1
ItemRole = Qt.ItemDataRole.UserRole + 2

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

_Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        ProductRole,
        ItemRole,
    )
)


class CartTableModel(QAbstractTableModel):
    """Shows a :class:`~boothpos.core.cart.Cart`; every change goes through the cart.

    Edits of the quantity and discount cells are validated by the cart; a
    refused edit leaves the cart unchanged and emits ``inputRefused(message)``.
    ``totalsChanged`` is emitted after every change of the cart.
    """

    inputRefused = Signal(str)
    totalsChanged = Signal()

    def __init__(self, cart: Cart | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._cart = cart if cart is not None else Cart()
        self._headers = (
            self.tr("Product"),
            self.tr("Partner"),
            self.tr("Qty"),
            self.tr("Price"),
            self.tr("Discount"),
            self.tr("Line total"),
        )
        self._bold = QFont()
        self._bold.setBold(True)
        self._muted = QBrush(QColor(pal.CAPTION))
        self._warn = QBrush(QColor(pal.WARNING_STRONG))
        self._discount = QBrush(QColor(pal.DANGER))

    # -- the cart ---------------------------------------------------------------------

    @property
    def cart(self) -> Cart:
        return self._cart

    def item(self, row: int) -> CartItem:
        return self._cart[row]

    def total(self) -> int:
        return self._cart.total

    def item_count(self) -> int:
        return self._cart.item_count

    def add_product(self, product: Product, qty: int = 1) -> int:
        """Add ``product``; returns its row.

        The same product at the same price again raises that line's quantity; at a
        changed price it starts a new line (see :meth:`boothpos.core.cart.Cart.add`).
        """
        before = len(self._cart)
        existing = self._cart.line_for(product)
        if existing is None:
            self.beginInsertRows(QModelIndex(), before, before)
            row = self._cart.add(product, qty)
            self.endInsertRows()
        else:
            row = self._cart.add(product, qty)
            self._row_changed(row)
        self.totalsChanged.emit()
        return row

    def set_qty(self, row: int, qty: str | int) -> CartItem:
        """Set a line's quantity; raises the cart's SaleError (cart unchanged) if refused."""
        item = self._cart.set_qty(row, qty)
        self._row_changed(row)
        self.totalsChanged.emit()
        return item

    def change_qty(self, row: int, delta: int) -> CartItem:
        return self.set_qty(row, self._cart[row].qty + delta)

    def set_discount(self, row: int, amount: str | int) -> CartItem:
        """Set a line's discount (any accepted rupiah form); raises if refused."""
        value = parse_rupiah(amount) if isinstance(amount, str) else amount
        item = self._cart.set_discount(row, value)
        self._row_changed(row)
        self.totalsChanged.emit()
        return item

    def remove_row(self, row: int) -> CartItem:
        item = self._cart[row]
        self.beginRemoveRows(QModelIndex(), row, row)
        self._cart.remove(row)
        self.endRemoveRows()
        self.totalsChanged.emit()
        return item

    def clear(self) -> None:
        self.beginResetModel()
        self._cart.clear()
        self.endResetModel()
        self.totalsChanged.emit()

    def swap_cart(self, cart: Cart) -> Cart:
        """Show ``cart`` instead; returns the cart shown until now (a cart parked at sign-out)."""
        self.beginResetModel()
        old, self._cart = self._cart, cart
        self.endResetModel()
        self.totalsChanged.emit()
        return old

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    # -- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cart)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _LEFT if section in (COL_PRODUCT, COL_PARTNER) else _RIGHT
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (COL_QTY, COL_DISCOUNT):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or index.row() >= len(self._cart):
            return None  # the view asks for many roles per cell on every repaint
        item = self._cart[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == Qt.ItemDataRole.EditRole:
            if col == COL_QTY:
                return str(item.qty)
            if col == COL_DISCOUNT:
                return str(item.discount)
            return self._display(item, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if col in (COL_PRODUCT, COL_PARTNER) else _RIGHT
        if role == Qt.ItemDataRole.FontRole and col in (COL_TOTAL, COL_QTY):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_PARTNER:
                return self._muted
            if col == COL_QTY and item.qty > item.product.on_hand:
                return self._warn
            if col == COL_DISCOUNT and item.discount:
                return self._discount
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, col)
        if role == ProductRole:
            return item.product
        if role == ItemRole:
            return item
        return None

    def _display(self, item: CartItem, col: int) -> str:
        product = item.product
        if col == COL_PRODUCT:
            return product.name
        if col == COL_PARTNER:
            return f"{product.partner.code} · {product.partner.name}"
        if col == COL_QTY:
            return str(item.qty)
        if col == COL_PRICE:
            return format_rupiah(item.price)  # the price carried by the line, as charged
        if col == COL_DISCOUNT:
            return f"-{format_rupiah(item.discount)}" if item.discount else ""
        if col == COL_TOTAL:
            return format_rupiah(item.line_total)
        return ""

    def _tooltip(self, item: CartItem, col: int) -> str | None:
        product = item.product
        if col == COL_PRODUCT:
            return self.tr("Barcode {code}").format(code=product.barcode)
        if col == COL_PARTNER:
            return f"{product.partner.name} ({product.partner.region})"
        if col == COL_QTY:
            if item.qty > product.on_hand:
                return self.tr("Only {n} in stock according to the ledger").format(
                    n=product.on_hand
                )
            return self.tr("Type a number to change the quantity; + and - step it")
        if col == COL_DISCOUNT:
            return self.tr("Rupiah off the whole line")
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            if index.column() == COL_QTY:
                self.set_qty(index.row(), value if isinstance(value, int) else str(value))
            elif index.column() == COL_DISCOUNT:
                text = str(value).strip()
                self.set_discount(index.row(), text or "0")
            else:
                return False
        except BoothError as exc:
            self.inputRefused.emit(exc.message())
            return False
        return True
