"""The reports screen's lists, fed by ``core.reports.settle``: partners, or one partner's products.

Both keep the core rows (``PartnerSettlement`` / ``ProductLine``) and show
their figures; money columns are right-aligned ``Rp`` text, and
:data:`SortRole` gives the raw ``int`` so a sort proxy orders money as numbers.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from boothpos.core.money import format_rupiah
from boothpos.core.reports import PartnerSettlement, ProductLine
from boothpos.gui import palette as pal
from boothpos.gui.models.table_model import RIGHT, Index, RowsTableModel

(
    COL_CODE,
    COL_NAME,
    COL_QTY,
    COL_GROSS,
    COL_DISCOUNTS,
    COL_REFUNDS,
    COL_NET,
    COL_COMMISSION,
    COL_PAYOUT,
    COL_ON_HAND,
) = range(10)
PARTNER_COLUMNS = 10

(
    PCOL_BARCODE,
    PCOL_NAME,
    PCOL_PRICE,
    PCOL_QTY,
    PCOL_NET,
    PCOL_RECEIVED,
    PCOL_SOLD,
    PCOL_ON_HAND,
) = range(8)
PRODUCT_COLUMNS = 8

RowRole = Qt.ItemDataRole.UserRole  # the core row
SortRole = Qt.ItemDataRole.UserRole + 1  # raw value for sorting (int for figures)

_MUTED = QColor(pal.FADED)
_NEGATIVE = QColor(pal.DANGER)


class PartnerTotalsModel(RowsTableModel[PartnerSettlement]):
    """One row per partner of a settlement: qty, gross … payout, pieces still at the booth."""

    TEXT_COLUMNS = (COL_CODE, COL_NAME)
    MONEY_COLUMNS = (COL_GROSS, COL_DISCOUNTS, COL_REFUNDS, COL_NET, COL_COMMISSION, COL_PAYOUT)

    def __init__(self, parent: QObject | None = None) -> None:
        headers = (
            self.tr("Code"),
            self.tr("Partner"),
            self.tr("Qty"),
            self.tr("Gross"),
            self.tr("Discounts"),
            self.tr("Refunds"),
            self.tr("Net"),
            self.tr("Commission"),
            self.tr("Payout"),
            self.tr("In stock"),
        )
        right = set(range(PARTNER_COLUMNS)) - set(self.TEXT_COLUMNS)
        super().__init__(headers, parent, right=right)

    def set_partners(self, partners: tuple[PartnerSettlement, ...] | list[PartnerSettlement]):
        self.set_rows(partners)

    def partner_at(self, row: int) -> PartnerSettlement | None:
        return self.row_at(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section == COL_ON_HAND
        ):
            return self.tr("Pieces still at the booth at the end of the period")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        partner = self.row_at(index)
        if partner is None:
            return None
        column = index.column()
        if role == RowRole:
            return partner
        value = _partner_value(partner, column)
        if role == SortRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if column in self.MONEY_COLUMNS:
                return format_rupiah(value)
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in self.TEXT_COLUMNS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in self.MONEY_COLUMNS and isinstance(value, int) and value < 0:
                return QBrush(_NEGATIVE)
            if partner.qty == 0 and partner.net == 0:
                return QBrush(_MUTED)  # nothing sold in the period
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME and partner.region:
            return partner.region
        return None


def _partner_value(p: PartnerSettlement, column: int) -> int | str:
    return {
        COL_CODE: p.code,
        COL_NAME: p.name,
        COL_QTY: p.qty,
        COL_GROSS: p.gross,
        COL_DISCOUNTS: p.discounts,
        COL_REFUNDS: p.refunds,
        COL_NET: p.net,
        COL_COMMISSION: p.commission,
        COL_PAYOUT: p.payout,
        COL_ON_HAND: p.stock.on_hand,
    }.get(column, "")


class ProductTotalsModel(RowsTableModel[ProductLine]):
    """One row per product of one partner: price, pieces sold, net, stock received/sold/left."""

    TEXT_COLUMNS = (PCOL_BARCODE, PCOL_NAME)
    MONEY_COLUMNS = (PCOL_PRICE, PCOL_NET)

    def __init__(self, parent: QObject | None = None) -> None:
        headers = (
            self.tr("Barcode"),
            self.tr("Product"),
            self.tr("Price"),
            self.tr("Qty"),
            self.tr("Net"),
            self.tr("Received"),
            self.tr("Sold"),
            self.tr("In stock"),
        )
        right = set(range(PRODUCT_COLUMNS)) - set(self.TEXT_COLUMNS)
        super().__init__(headers, parent, right=right)

    def set_products(self, products: tuple[ProductLine, ...] | list[ProductLine]) -> None:
        self.set_rows(products)

    def product_at(self, row: int) -> ProductLine | None:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        product = self.row_at(index)
        if product is None:
            return None
        column = index.column()
        if role == RowRole:
            return product
        value = _product_value(product, column)
        if role == SortRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return format_rupiah(value) if column in self.MONEY_COLUMNS else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in self.TEXT_COLUMNS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == PCOL_ON_HAND and isinstance(value, int) and value < 0:
                return QBrush(_NEGATIVE)
            if product.figures.qty == 0 and product.figures.net == 0:
                return QBrush(_MUTED)
        return None


def _product_value(p: ProductLine, column: int) -> int | str:
    return {
        PCOL_BARCODE: p.barcode,
        PCOL_NAME: p.name,
        PCOL_PRICE: p.price,
        PCOL_QTY: p.figures.qty,
        PCOL_NET: p.figures.net,
        PCOL_RECEIVED: p.stock.received,
        PCOL_SOLD: p.stock.sold,
        PCOL_ON_HAND: p.stock.on_hand,
    }.get(column, "")
