"""The partner screen's tables, fed by ``core.partner_view.dashboard`` (one partner's rows only).

- :class:`PartnerProductsModel`: each of the partner's products — name,
  price, pieces sold, net rupiah, pieces still at the booth.
- :class:`PartnerDaysModel`: each fair day — pieces sold and net rupiah.

Both are read-only and hold nothing but the signed-in partner's figures;
:meth:`clear` empties them when the partner leaves the screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from boothpos.core.formatting import day_month_text
from boothpos.core.money import format_number, format_rupiah
from boothpos.core.partner_view import DayFigures, ProductFigures
from boothpos.gui.models.table_model import LEFT, RIGHT, Index, RowsTableModel

COL_NAME, COL_PRICE, COL_SOLD, COL_NET, COL_ON_HAND = range(5)
PRODUCT_COLUMNS = 5
COL_DAY, COL_DAY_SOLD, COL_DAY_NET = range(3)
DAY_COLUMNS = 3

_DAY_NAMES = {
    "id": ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def count_text(n: int) -> str:
    """``1.250`` (dot thousands), negative with a minus."""
    return format_number(n) if n >= 0 else "-" + format_number(-n)


class PartnerProductsModel(RowsTableModel[ProductFigures]):
    """The partner's products: name, price, sold, net, on hand."""

    def __init__(self, parent: QObject | None = None) -> None:
        headers = (
            self.tr("Product"),
            self.tr("Price"),
            self.tr("Sold"),
            self.tr("Net sales"),
            self.tr("At the booth"),
        )
        right = (COL_PRICE, COL_SOLD, COL_NET, COL_ON_HAND)
        super().__init__(headers, parent, right=right, others=LEFT)

    def clear(self) -> None:
        self.set_rows([])

    def product_at(self, row: int) -> ProductFigures:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.row_at(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return item.name
            if column == COL_PRICE:
                return format_rupiah(item.price)
            if column == COL_SOLD:
                return count_text(item.qty)
            if column == COL_NET:
                return format_rupiah(item.net)
            if column == COL_ON_HAND:
                return count_text(item.on_hand)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if column == COL_NAME else RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return f"{item.name} · {item.barcode}"
        if role == Qt.ItemDataRole.FontRole and column == COL_NET:
            font = QFont()
            font.setBold(True)
            return font
        return None


class PartnerDaysModel(RowsTableModel[DayFigures]):
    """Each fair day of the partner: the day, pieces sold, net; today in bold."""

    def __init__(self, parent: QObject | None = None, *, lang: str = "id") -> None:
        headers = (self.tr("Fair day"), self.tr("Sold"), self.tr("Net sales"))
        super().__init__(headers, parent, right=(COL_DAY_SOLD, COL_DAY_NET), others=LEFT)
        self._today = None
        self._lang = lang if lang in _DAY_NAMES else "id"

    def set_rows(self, rows: Sequence[DayFigures], today=None) -> None:
        self._today = today
        super().set_rows(rows)

    def set_language(self, lang: str) -> None:
        self._lang = lang if lang in _DAY_NAMES else "id"

    def clear(self) -> None:
        self.set_rows([])

    def day_text(self, item: DayFigures) -> str:
        shown = f"{_DAY_NAMES[self._lang][item.day.weekday()]} {day_month_text(item.day)}"
        if item.day_number:
            return self.tr("Day {n} · {date}").format(n=item.day_number, date=shown)
        return shown

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.row_at(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_DAY:
                return self.day_text(item)
            if column == COL_DAY_SOLD:
                return count_text(item.qty)
            if column == COL_DAY_NET:
                return format_rupiah(item.net)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if column == COL_DAY else RIGHT
        if role == Qt.ItemDataRole.FontRole and item.day == self._today:
            font = QFont()
            font.setBold(True)
            return font
        return None


COL_CODE, COL_PARTNER, COL_PIN, COL_LOCK = range(4)
PIN_COLUMNS = 4


class PinStatusModel(RowsTableModel):
    """The admin's list: each partner, whether a PIN is set, wrong tries or a lock."""

    def __init__(self, parent: QObject | None = None) -> None:  # rows: core PinStatus
        headers = (self.tr("Code"), self.tr("Partner"), self.tr("PIN"), self.tr("Sign-in"))
        super().__init__(headers, parent)

    def status_at(self, row: int):
        return self._rows[row]

    def row_of(self, code: str) -> int:
        return self.find_row("code", code)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.row_at(index)
        if item is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_CODE:
            return item.code
        if column == COL_PARTNER:
            return item.name
        if column == COL_PIN:
            return self.tr("set") if item.has_pin else self.tr("not set")
        if column == COL_LOCK:
            if item.locked_until:
                until = item.locked_until[11:16]
                return self.tr("locked until {time}").format(time=until)
            if item.failed_pins:
                return self.tr("{n} wrong PIN(s)").format(n=item.failed_pins)
            return self.tr("ready") if item.has_pin else "—"
        return None
