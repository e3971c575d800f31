"""Widgets of the sale screen: the scan field, the cart table, the self-fitting total."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTableView, QWidget

from boothpos.gui.models.cart_model import COL_DISCOUNT, COL_QTY

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
    """The cart table. Del removes the row; Enter or a digit edits the row's quantity."""

    deletePressed = Signal()

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

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        font = QFont(self.font())
        font.setWeight(self._weight)
        width = self.contentsRect().width()
        size = self._max_pt
        font.setPointSizeF(size)
        while size > self._min_pt and QFontMetrics(font).horizontalAdvance(self.text()) > width:
            size -= 1
            font.setPointSizeF(size)
        if font != self.font():
            self.setFont(font)
