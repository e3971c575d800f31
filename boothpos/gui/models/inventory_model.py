"""Products and their stock for the inventory screen, fed by ``core.stock_ops.inventory``.

One row per product: partner, barcode, name, category, price, what was
received, sold, returned and adjusted, what is on hand, and a status. Low
and negative stock are coloured *and* named in the status column (colour
alone says nothing to a colour-blind supervisor or on a washed-out screen).

Name, category and price are editable when the model is told who may edit
(:meth:`InventoryTableModel.set_editor`); an edit goes to that callable, which
returns the product's new row (the model shows it) or ``None`` when the edit
was refused (nothing changes; the caller reports why).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from boothpos.core.money import format_rupiah
from boothpos.core.stock_ops import InventoryRow
from boothpos.gui import palette as pal
from boothpos.gui.models.table_model import RIGHT, Index, RowsTableModel

(
    COL_PARTNER,
    COL_BARCODE,
    COL_NAME,
    COL_CATEGORY,
    COL_PRICE,
    COL_RECEIVED,
    COL_SOLD,
    COL_RETURNED,
    COL_ADJUSTED,
    COL_ON_HAND,
    COL_STATUS,
) = range(11)
COLUMN_COUNT = 11

EDITABLE_COLUMNS = {COL_NAME: "name", COL_CATEGORY: "category", COL_PRICE: "price"}
NUMBER_COLUMNS = (COL_PRICE, COL_RECEIVED, COL_SOLD, COL_RETURNED, COL_ADJUSTED, COL_ON_HAND)

RowRole = Qt.ItemDataRole.UserRole  # the core ``InventoryRow``
ProductIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2  # "negative" | "out" | "low" | "ok"

# field name ("name", "category", "price"), product id, typed value → new row or None
Editor = Callable[[int, str, str], InventoryRow | None]

_BACKGROUND = {
    "negative": QColor(pal.DANGER_SOFT),
    "out": QColor(pal.WARNING_SOFT),
    "low": QColor(pal.WARNING_SOFTER),
}
_FOREGROUND = {
    "negative": QColor(pal.DANGER_STRONG),
    "out": QColor(pal.WARNING),
    "low": QColor(pal.WARNING),
}
_QUIET = QColor(pal.QUIET)
_MOVEMENT_COLUMNS = (COL_RECEIVED, COL_SOLD, COL_RETURNED, COL_ADJUSTED)


def _movement(item: InventoryRow, column: int) -> int:
    return {
        COL_RECEIVED: item.received,
        COL_SOLD: item.sold,
        COL_RETURNED: item.returned,
        COL_ADJUSTED: item.adjusted,
    }[column]


class InventoryTableModel(RowsTableModel[InventoryRow]):
    """The inventory list; read-only until :meth:`set_editor` hands it an editor."""

    def __init__(self, parent: QObject | None = None) -> None:
        headers = (
            self.tr("Partner"),
            self.tr("Barcode"),
            self.tr("Product"),
            self.tr("Category"),
            self.tr("Price"),
            self.tr("Received"),
            self.tr("Sold"),
            self.tr("Returned"),
            self.tr("Adjusted"),
            self.tr("On hand"),
            self.tr("Status"),
        )
        super().__init__(headers, parent, right=NUMBER_COLUMNS)
        self._editor: Editor | None = None

    # -- content ----------------------------------------------------------------------

    def set_editor(self, editor: Editor | None) -> None:
        """Who edits name, category and price (``None``: nobody, the list is read-only)."""
        self.beginResetModel()  # the views ask flags() again
        self._editor = editor
        self.endResetModel()

    @property
    def editable(self) -> bool:
        return self._editor is not None

    def row_of(self, product_id: int) -> int:
        return self.find_row("product_id", product_id)

    def replace(self, item: InventoryRow) -> None:
        """Show a product's fresh row in place (after an edit), without a reset."""
        row = self.row_of(item.product_id)
        if row >= 0:
            self._rows[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    # -- Qt model API -------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips().get(section)
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self._editor is not None and index.column() in EDITABLE_COLUMNS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # self._rows, not row_at(): this runs for every cell and role of 100,000 rows
        rows, row = self._rows, index.row()  # an invalid index has row -1
        if not 0 <= row < len(rows):
            return None
        item = rows[row]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(item, column)
        if role == RowRole:
            return item
        if role == ProductIdRole:
            return item.product_id
        if role == StatusRole:
            return item.status
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and item.status in _BACKGROUND:
            return QBrush(_BACKGROUND[item.status])
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.status in _FOREGROUND and column in (COL_ON_HAND, COL_STATUS):
                return QBrush(_FOREGROUND[item.status])
            if column in _MOVEMENT_COLUMNS and not _movement(item, column):
                return QBrush(_QUIET)  # a column of zeros reads better in grey
        if role == Qt.ItemDataRole.FontRole and column in (COL_ON_HAND, COL_STATUS):
            font = QFont()
            font.setBold(item.status != "ok")
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.row_at(index)
        field = EDITABLE_COLUMNS.get(index.column())
        if item is None or field is None or role != Qt.ItemDataRole.EditRole:
            return False
        if self._editor is None:
            return False
        text = "" if value is None else str(value)
        if text == self._edit_text(item, index.column()):
            return False  # the editor was left as it was
        fresh = self._editor(item.product_id, field, text)
        if fresh is None:
            return False
        self.replace(fresh)
        return True

    # -- texts ----------------------------------------------------------------------------

    def status_text(self, status: str) -> str:
        return {
            "negative": self.tr("Negative: count it"),
            "out": self.tr("Out of stock"),
            "low": self.tr("Low"),
            "ok": self.tr("OK"),
        }.get(status, status)

    def _header_tips(self) -> dict[int, str]:
        return {
            COL_RECEIVED: self.tr("Received from the partner (intake)"),
            COL_SOLD: self.tr("Sold, less voids and restocked refunds"),
            COL_RETURNED: self.tr("Handed back to the partner"),
            COL_ADJUSTED: self.tr("Corrections after a count (damaged, lost, miscount)"),
            COL_ON_HAND: self.tr("At the booth now, from the stock ledger"),
        }

    def _text(self, item: InventoryRow, column: int) -> str:
        if column == COL_PARTNER:
            return item.partner_code
        if column == COL_BARCODE:
            return item.barcode
        if column == COL_NAME:
            return item.name
        if column == COL_CATEGORY:
            return item.category
        if column == COL_PRICE:
            return format_rupiah(item.price)
        if column == COL_RECEIVED:
            return str(item.received)
        if column == COL_SOLD:
            return str(item.sold)
        if column == COL_RETURNED:
            return str(item.returned)
        if column == COL_ADJUSTED:
            return f"{item.adjusted:+d}" if item.adjusted else "0"
        if column == COL_ON_HAND:
            return str(item.on_hand)
        if column == COL_STATUS:
            return self.status_text(item.status)
        return ""

    def _edit_text(self, item: InventoryRow, column: int) -> str:
        # Always text: a number here would give the cell an integer spin box (max 99).
        if column == COL_PRICE:
            return format_rupiah(item.price)
        return self._text(item, column)

    def _tooltip(self, item: InventoryRow, column: int) -> str | None:
        if column == COL_PARTNER:
            return item.partner_name
        if column == COL_NAME:
            return item.name
        if column in (COL_ON_HAND, COL_STATUS) and item.status == "negative":
            return self.tr(
                "More was sold than the books say was received: count the goods and "
                "record an adjustment."
            )
        if column in EDITABLE_COLUMNS and self._editor is not None:
            return self.tr("F2 or double-click to edit")
        return None
