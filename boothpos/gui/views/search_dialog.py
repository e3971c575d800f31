"""F2 product search: by product name, partner name or code, or barcode.

Type to search (results follow as you type), ↑/↓ to pick, Enter adds the
product to the cart and closes, Esc closes without adding.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from boothpos.core.products import Product
from boothpos.gui import palette as pal
from boothpos.gui.labels import plural
from boothpos.gui.models.product_search_model import (
    COL_BARCODE,
    COL_NAME,
    COL_PARTNER,
    COL_PRICE,
    COL_STOCK,
    ProductSearchModel,
)

_NAV_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)

_STYLE = f"""
QLineEdit#searchQuery {{ font-size: 15pt; padding: 6px 10px; }}
QTableView {{ font-size: 11pt; }}
QLabel#searchStatus {{ color: {pal.CAPTION}; }}
"""


class ProductSearchDialog(QDialog):
    """Emits ``productChosen(Product)`` and closes when the cashier presses Enter on a row."""

    productChosen = Signal(object)

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, debounce_ms: int = 150
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find a product"))
        self.setObjectName("productSearchDialog")
        self.setStyleSheet(_STYLE)
        self.resize(900, 520)
        self.model = ProductSearchModel(db, self)

        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("searchQuery")
        self.query_edit.setPlaceholderText(
            self.tr("Product name, partner name or code, or barcode")
        )
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.installEventFilter(self)

        self.results = QTableView(self)
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.verticalHeader().setVisible(False)
        self.results.verticalHeader().setDefaultSectionSize(30)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PARTNER, QHeaderView.ResizeMode.Stretch)
        for col in (COL_BARCODE, COL_PRICE, COL_STOCK):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.results.doubleClicked.connect(lambda _index: self.choose())
        self.results.installEventFilter(self)

        self.status = QLabel(self.tr("Type to search."), self)
        self.status.setObjectName("searchStatus")
        hint = QLabel(self.tr("↑/↓ choose · Enter add to cart · Esc close"), self)
        hint.setObjectName("searchStatus")

        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(hint)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.run_search)
        self.query_edit.textChanged.connect(lambda _text: self._timer.start())
        self.query_edit.setFocus()

    # -- actions ----------------------------------------------------------------------

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query_edit.text()
        count = self.model.search(text)
        if not text.strip():
            self.status.setText(self.tr("Type to search."))
        elif count == 0:
            self.status.setText(self.tr("No product matches '{text}'.").format(text=text.strip()))
        else:
            self.status.setText(
                plural(count, self.tr("{n} product found."), self.tr("{n} products found."))
            )
            self.results.selectRow(0)

    def chosen_product(self) -> Product | None:
        if self._timer.isActive() or self.model.query != self.query_edit.text():
            self.run_search()
        index = self.results.currentIndex()
        if not index.isValid():
            return None
        return self.model.product(index.row())

    def choose(self) -> None:
        product = self.chosen_product()
        if product is None:
            return
        self.productChosen.emit(product)
        self.accept()

    def done(self, result: int) -> None:
        self._timer.stop()  # no search after the dialog has closed
        super().done(result)

    # -- keys -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.choose()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose()
                return True
            if obj is self.query_edit and event.key() in _NAV_KEYS:
                if self._timer.isActive():
                    self.run_search()
                self._move(event.key())
                return True
        return super().eventFilter(obj, event)

    def _move(self, key: Qt.Key) -> None:
        rows = self.model.rowCount()
        if rows == 0:
            return
        current = self.results.currentIndex().row()
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10}.get(key, -10)
        row = min(max(current + step, 0), rows - 1) if current >= 0 else 0
        self.results.selectRow(row)
