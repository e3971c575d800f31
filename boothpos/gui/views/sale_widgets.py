"""Widgets of the sale screen: the scan field, the cart table, the self-fitting total."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTableView, QWidget

from boothpos.gui.models.cart_model import (
    COL_DISCOUNT,
    COL_PARTNER,
    COL_PRICE,
    COL_QTY,
    COL_TOTAL,
)

PRODUCT_MIN_WIDTH = 200  # px: the product name column never gets narrower than this
PARTNER_WIDTH = 170
PARTNER_MIN_WIDTH = 150  # narrower than this the partner column is hidden (tooltip has it)
COLUMN_WIDTHS = {COL_QTY: 56, COL_PRICE: 138, COL_DISCOUNT: 116, COL_TOTAL: 150}

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanField(QLineEdit):
    """The scan/code field. While it is empty, Del, +, -, ↑ and ↓ act on the cart."""

    cartKey = Signal(int)

    _CART_KEYS = (
        Qt.Key.Key_Delete,
        Qt.Key.Key_Plus,
        Qt.Key.Key_Minus,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
    )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if not self.text() and not ctrl and event.key() in self._CART_KEYS:
            self.cartKey.emit(event.key())
            return
        super().keyPressEvent(event)


class CartTableView(QTableView):
    """The cart table. Del removes the row; Enter or a digit edits the row's quantity.

    Columns fit the width (:meth:`fit_columns`): the product name keeps at least
    :data:`PRODUCT_MIN_WIDTH`; on a narrow screen the partner column narrows and
    then hides, and the discount column hides while no line has a discount.
    """

    deletePressed = Signal()

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        model = self.model()
        if model is None:
            return
        cart = getattr(model, "cart", None)
        has_discount = bool(cart is not None and cart.discounts)
        width = self.viewport().width()
        fixed = dict(COLUMN_WIDTHS)
        show_discount = has_discount or width - sum(fixed.values()) >= (
            PRODUCT_MIN_WIDTH + PARTNER_WIDTH
        )
        if not show_discount:
            fixed.pop(COL_DISCOUNT)
        room = width - sum(fixed.values()) - PRODUCT_MIN_WIDTH
        partner = min(PARTNER_WIDTH, room)
        show_partner = partner >= PARTNER_MIN_WIDTH
        self.setColumnHidden(COL_DISCOUNT, not show_discount)
        self.setColumnHidden(COL_PARTNER, not show_partner)
        for col, size in fixed.items():
            header.resizeSection(col, size)
        if show_partner:
            header.resizeSection(COL_PARTNER, partner)
        header.setMinimumSectionSize(40)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        editing = self.state() == QAbstractItemView.State.EditingState
        row = self.currentIndex().row()
        if not editing and row >= 0:
            if event.key() == Qt.Key.Key_Delete:
                self.deletePressed.emit()
                return
            if event.key() in _ENTER:
                self.edit(self.model().index(row, COL_QTY))
                return
            if event.text().isdigit() and self.currentIndex().column() not in (
                COL_QTY,
                COL_DISCOUNT,
            ):
                self.setCurrentIndex(self.model().index(row, COL_QTY))
        super().keyPressEvent(event)


class FitLabel(QLabel):
    """A one-line label whose font shrinks (from ``max_pt`` to ``min_pt``) to fit its width."""

    def __init__(
        self, parent: QWidget | None = None, *, max_pt: float = 34, min_pt: float = 14,
        weight: QFont.Weight = QFont.Weight.ExtraBold,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._max_pt = max_pt
        self._min_pt = min_pt
        self._weight = weight
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self._fit()

    def set_max_pt(self, max_pt: float) -> None:
        """A new largest size (a short screen takes a smaller total)."""
        if max_pt != self._max_pt:
            self._max_pt = max_pt
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        font = QFont(self.font())
        font.setWeight(self._weight)
        width = self.contentsRect().width() - 4  # a little slack: bold glyphs overhang
        size = self._max_pt
        font.setPointSizeF(size)
        while size > self._min_pt and QFontMetrics(font).horizontalAdvance(self.text()) > width:
            size -= 1
            font.setPointSizeF(size)
        if font != self.font():
            self.setFont(font)
