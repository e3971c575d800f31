"""The shared base of the list models (``RowsTableModel``), driven through a real QTableView."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fixtures_shell import *  # noqa: F403
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QTableView

from boothpos.gui.models import (
    audit_model,
    backups_model,
    catalog_problems_model,
    inventory_model,
    partner_models,
    payment_lines_model,
    product_search_model,
    report_models,
    sale_lines_model,
    sales_model,
    stock_lines_model,
)
from boothpos.gui.models.table_model import LEFT, RIGHT, RowsTableModel

COL_CODE, COL_NAME, COL_PRICE = range(3)


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    price: int


class ItemsModel(RowsTableModel[Item]):
    def __init__(self, parent: QObject | None = None) -> None:
        headers = (self.tr("Code"), self.tr("Name"), self.tr("Price"))
        super().__init__(headers, parent, right=(COL_PRICE,), others=LEFT)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        item = self.row_at(index)
        if item is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (item.code, item.name, str(item.price))[index.column()]


ITEMS = [
    Item("A1", "Tenun ikat", 850_000),
    Item("B2", "Kopi", 65_000),
    Item("C3", "Gelang", 45_000),
]


@pytest.fixture
def view(qtbot):
    table = QTableView()
    qtbot.addWidget(table)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setModel(ItemsModel(table))
    table.model().set_rows(ITEMS)
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_the_view_shows_one_line_per_row_and_one_column_per_header(view):
    model = view.model()
    assert model.rowCount() == view.verticalHeader().count() == 3
    assert model.columnCount() == view.horizontalHeader().count() == 3
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: no children
    assert model.columnCount(model.index(0, 0)) == 0
    assert [model.index(1, c).data() for c in range(3)] == ["B2", "Kopi", "65000"]
    assert view.indexAt(view.visualRect(model.index(2, 1)).center()).data() == "Gelang"


def test_headers_text_and_alignment(view):
    model = view.model()
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    texts = [model.headerData(s, horizontal) for s in range(view.horizontalHeader().count())]
    assert texts == ["Code", "Name", "Price"]
    align = Qt.ItemDataRole.TextAlignmentRole
    assert [model.headerData(s, horizontal, align) for s in range(3)] == [LEFT, LEFT, RIGHT]
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(3, horizontal) is None  # no such column
    assert model.headerData(-1, horizontal) is None
    assert model.headerData(0, vertical) is None


def test_row_at_takes_a_line_number_or_an_index(view):
    model = view.model()
    assert model.row_at(0) == ITEMS[0]
    assert model.row_at(model.index(2, 1)) == ITEMS[2]
    view.setCurrentIndex(model.index(1, 2))
    assert model.row_at(view.currentIndex()) == ITEMS[1]
    assert model.row_at(3) is None
    assert model.row_at(-1) is None
    assert model.row_at(QModelIndex()) is None
    assert model.find_row("code", "C3") == 2
    assert model.find_row("code", "Z9") == -1
    assert model.rows() == ITEMS
    model.rows().clear()  # a copy
    assert model.rowCount() == 3


def test_set_rows_resets_the_model_and_the_selection(qtbot, view):
    model = view.model()
    view.selectRow(1)
    assert view.selectionModel().selectedRows() == [model.index(1, 0)]
    assert view.currentIndex().isValid()

    fresh = [Item("D4", "Batik", 300_000)]
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=1000):
        model.set_rows(fresh)
    fresh.append(Item("E5", "Songket", 1))  # the model keeps its own list
    assert model.rowCount() == view.verticalHeader().count() == 1
    assert model.row_at(0) == Item("D4", "Batik", 300_000)
    assert not view.selectionModel().hasSelection()
    assert not view.currentIndex().isValid()

    view.selectionModel().select(
        model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.set_rows([])
    assert model.rowCount() == view.verticalHeader().count() == 0
    assert not view.selectionModel().hasSelection()
    assert model.row_at(0) is None


def _models() -> list[RowsTableModel]:
    return [
        audit_model.AuditTableModel(),
        backups_model.BackupsTableModel(),
        catalog_problems_model.CatalogProblemsModel([]),
        inventory_model.InventoryTableModel(),
        partner_models.PartnerProductsModel(),
        partner_models.PartnerDaysModel(),
        partner_models.PinStatusModel(),
        payment_lines_model.PaymentLinesModel(),
        product_search_model.ProductSearchModel(None),
        report_models.PartnerTotalsModel(),
        report_models.ProductTotalsModel(),
        sale_lines_model.SaleLinesModel(),
        sales_model.SalesTableModel(),
        stock_lines_model.StockLinesModel(),
    ]


def _headers(model: RowsTableModel) -> list[str]:
    horizontal = Qt.Orientation.Horizontal
    return [model.headerData(s, horizontal) for s in range(model.columnCount())]


def test_every_model_translates_its_headers_in_its_own_context(qapp, translators):
    translators.remove()
    english = {type(m).__name__: _headers(m) for m in _models()}
    translators.install("id")
    for model in _models():
        context = type(model).__name__
        expected = [QCoreApplication.translate(context, text) for text in english[context]]
        assert _headers(model) == expected, context
        assert expected != english[context], context  # the catalogue has them, in that context
