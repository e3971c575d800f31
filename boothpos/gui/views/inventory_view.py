"""The inventory screen ("Stock & labels"): every product with its stock, and the stock work.

For supervisors and administrators. Lists the products (partner, barcode,
name, category, price, received / sold / returned / adjusted, on hand and a
status), filtered by partner and by text; low, out-of-stock and negative
stock are coloured and named. Name, category and price are edited in place
(F2); the core audits every change and a refused value shows on the banner.

Keys: Ctrl+F search, F2 edit the selected cell, F3 receive goods, F5 count /
adjust the selected product, F6 return goods to a partner, F7 labels,
Ctrl+I import a catalog, Esc back to the sale screen (F4, F9, F10 and F11 are
the main window's).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothpos.core import errors
from boothpos.core.codes import Level
from boothpos.core.errors import BoothError, CatalogError
from boothpos.core.stock_ops import InventoryRow
from boothpos.core.users import User
from boothpos.gui import palette as pal
from boothpos.gui.banner_message import BannerMessage
from boothpos.gui.controllers.inventory_controller import InventoryController
from boothpos.gui.dialogs import DialogSlot
from boothpos.gui.labels import plural
from boothpos.gui.models import inventory_model as cols
from boothpos.gui.models.inventory_model import InventoryTableModel
from boothpos.gui.views.banner import Banner

INTAKE_KEY = "F3"
ADJUST_KEY = "F5"  # F4 is the main window's "close the day"
RETURN_KEY = "F6"
LABELS_KEY = "F7"
IMPORT_KEY = "Ctrl+I"
SEARCH_KEY = "Ctrl+F"
STATUSES = ("negative", "out", "low", "ok")
NAME_MIN_WIDTH = 220  # px: the product name column never gets narrower than this
# on a narrow screen these columns hide, in this order, before the name gets narrower
DROPPABLE = (cols.COL_ADJUSTED, cols.COL_RETURNED, cols.COL_CATEGORY, cols.COL_BARCODE)

_STYLE = f"""
QWidget#inventoryScreen {{ background: {pal.PAGE}; }}
QTableView#inventoryTable {{
    background: {pal.WHITE}; alternate-background-color: {pal.ROW_ALT};
    border: 1px solid {pal.BORDER};
    border-radius: 6px; gridline-color: {pal.GRID};
    selection-background-color: {pal.SELECTION}; selection-color: {pal.INK};
}}
QTableView#inventoryTable QHeaderView::section {{
    font-weight: 600; color: {pal.MUTED}; background: {pal.HEADER}; border: none;
    border-bottom: 1px solid {pal.BORDER}; border-right: 1px solid {pal.GRID_SOFT};
    padding: 5px 6px;
}}
QLineEdit#inventorySearch {{ padding: 4px 8px; }}
QLabel#inventorySummary {{ color: {pal.MUTED}; }}
QLabel#keyHints {{ color: {pal.HINT}; }}
QPushButton#stockButton {{ padding: 5px 8px; }}
"""


class InventoryScreen(QWidget):
    """``backRequested`` when the user leaves (Esc)."""

    backRequested = Signal()

    def __init__(
        self,
        controller: InventoryController,
        labels: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inventoryScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self._controller = controller
        self._dialogs: DialogSlot[QDialog] = DialogSlot(closed=self._dialog_closed)  # one at a time
        self._pending: Callable[[], None] | None = None  # opens after the approval closes
        self.model = InventoryTableModel(self)

        top = self._build_filters()
        self.banner = Banner(self)
        self._build_table()
        self.summary = QLabel()
        self.summary.setObjectName("inventorySummary")
        actions = self._build_actions()
        bottom = self._build_hints()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addLayout(actions)
        self._add_shortcuts()

        controller.rowsChanged.connect(self._show_rows)
        controller.message.connect(self.banner.show_message)
        self.partner_combo.currentIndexChanged.connect(self._filter_changed)
        self.search_edit.textChanged.connect(self._filter_changed)
        self.search_edit.returnPressed.connect(self._search_entered)
        self.flagged_box.toggled.connect(self._filter_changed)
        self._fill_partners()

    def _build_filters(self) -> QHBoxLayout:
        """The title, the partner, the search and the low-stock filter."""
        title = QLabel(self.tr("Stock & labels"))
        title.setObjectName("screenTitle")
        self.partner_combo = QComboBox()
        self.partner_combo.setObjectName("inventoryPartner")
        self.partner_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.partner_combo.setMinimumContentsLength(28)  # 51 partners' names do not widen it
        self.partner_combo.setMaxVisibleItems(20)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("inventorySearch")
        self.search_edit.setPlaceholderText(
            self.tr("Search name, barcode, category or partner") + f"  ({SEARCH_KEY})"
        )
        self.search_edit.setClearButtonEnabled(True)
        self.flagged_box = QCheckBox(self.tr("Only low or negative stock"))
        self.flagged_box.setObjectName("inventoryFlagged")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        partner_label = QLabel(self.tr("Partner"))
        partner_label.setBuddy(self.partner_combo)
        top.addWidget(partner_label)
        top.addWidget(self.partner_combo)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.flagged_box)
        return top

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("inventoryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Never AnyKeyPressed: a scan landing in the price column must not become a price.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        self._size_columns()

    def _build_actions(self) -> QHBoxLayout:
        """Receive, count, return, labels, import; back to sale."""
        self.intake_button = self._button(self.tr("Receive goods"), INTAKE_KEY, self.open_intake)
        self.adjust_button = self._button(self.tr("Count / adjust"), ADJUST_KEY, self.open_adjust)
        self.return_button = self._button(
            self.tr("Return to partner"), RETURN_KEY, self.open_return
        )
        self.labels_button = self._button(self.tr("Labels…"), LABELS_KEY, self.open_labels)
        self.import_button = self._button(
            self.tr("Import catalog…"), IMPORT_KEY, self.import_catalog
        )
        self.back_button = self._button(self.tr("Back to sale"), "Esc", self.backRequested.emit)
        self.back_button.setObjectName("backButton")
        actions = QHBoxLayout()
        for button in (
            self.intake_button, self.adjust_button, self.return_button, self.labels_button,
            self.import_button,
        ):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.back_button)
        return actions

    def _build_hints(self) -> QHBoxLayout:
        """The summary line and the key hints."""
        self.hints = QLabel(
            self.tr(
                "F2 edit the name, category or price in the selected cell · Ctrl+F search · "
                "select several rows for their labels"
            )
        )
        self.hints.setObjectName("keyHints")
        self.hints.setWordWrap(True)  # never widens the window
        self.hints.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary)
        bottom.addSpacing(16)
        bottom.addWidget(self.hints, 1)  # wraps only when the window is narrow
        return bottom

    def _add_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (INTAKE_KEY, self.open_intake),
            (ADJUST_KEY, self.open_adjust),
            (RETURN_KEY, self.open_return),
            (LABELS_KEY, self.open_labels),
            (IMPORT_KEY, self.import_catalog),
            (SEARCH_KEY, self._focus_search),
            ("Esc", self.backRequested.emit),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # ----------------------------------------------------------- public ---

    def set_user(self, user: User | None) -> None:
        """Who is signed in: a supervisor or admin edits and records stock; others only look."""
        self._controller.set_user(user)
        manager = self._controller.can_manage()
        self.model.set_editor(self._controller.edit_product if manager else None)
        self.import_button.setEnabled(manager)

    def open(self) -> None:
        """Show fresh figures (partners and stock), focus on the list."""
        self._fill_partners()
        self.reload()
        self.table.setFocus()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def reload(self) -> list[InventoryRow]:
        keep = self.selected_ids()
        rows = self._controller.load(self.partner_id(), self.search_edit.text())
        self._reselect(keep)
        return rows

    def partner_id(self) -> int | None:
        return self.partner_combo.currentData()

    def selected_rows(self) -> list[InventoryRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        items = [self.model.row_at(row) for row in rows]
        return [item for item in items if item is not None]

    def selected_ids(self) -> list[int]:
        return [item.product_id for item in self.selected_rows()]

    def current_row(self) -> InventoryRow | None:
        index = self.table.currentIndex()
        item = self.model.row_at(index.row()) if index.isValid() else None
        if item is None:
            chosen = self.selected_rows()
            item = chosen[0] if chosen else None
        return item

    def select_product(self, product_id: int) -> None:
        row = self.model.row_of(product_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # -- stock documents ------------------------------------------------------------------

    def open_intake(self) -> None:
        from boothpos.gui.views.stock_dialogs import IntakeDialog

        self._as_manager(
            self.tr("Receive goods"),
            lambda user: IntakeDialog(self._controller, user, self._partner_hint(), self),
        )

    def open_return(self) -> None:
        from boothpos.gui.views.stock_dialogs import ReturnDialog

        self._as_manager(
            self.tr("Return goods to a partner"),
            lambda user: ReturnDialog(self._controller, user, self._partner_hint(), self),
        )

    def open_adjust(self) -> None:
        from boothpos.gui.views.stock_dialogs import AdjustDialog

        item = self.current_row()
        if item is None:
            self._say(
                self.tr("Choose a product in the list first, then press {key}.").format(
                    key=ADJUST_KEY
                ),
                Level.WARNING,
            )
            return
        self._as_manager(
            self.tr("Count or adjust stock"),
            lambda user: AdjustDialog(self._controller, user, item, self),
        )

    # -- labels and catalog ---------------------------------------------------------------

    def open_labels(self) -> None:
        if self.dialog is not None:
            return
        from boothpos.gui.controllers.labels_controller import LabelsController
        from boothpos.gui.views.labels_dialog import LabelsDialog

        controller = LabelsController(
            self._controller.db, self._controller.output, self._controller.user
        )
        dialog = LabelsDialog(controller, self.selected_ids(), self.partner_id(), self)
        controller.setParent(dialog)
        self._open(dialog)

    def import_catalog(self, path: str | Path | None = None) -> None:
        """Ask for a catalog file (unless given) and import it, all or nothing."""
        if self.dialog is not None:
            return
        if not self._controller.can_manage():
            self._say(
                self.tr("Only a supervisor or an administrator can import a catalog."), Level.ERROR
            )
            return
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import catalog"), str(Path.home()),
                self.tr("Catalog") + " (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv)",
            )  # fmt: skip
            if not chosen:
                return
            path = chosen
        path = Path(path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self._controller.import_catalog(path)
        except CatalogError as exc:
            QApplication.restoreOverrideCursor()
            self._show_problems(path, exc)
            return
        except BoothError as exc:
            QApplication.restoreOverrideCursor()
            self._say(
                self.tr("Catalog not imported: {reason}").format(reason=exc.message()), Level.ERROR
            )
            return
        QApplication.restoreOverrideCursor()
        self._fill_partners()
        if not result.changed:
            text = self.tr("{file}: the catalog is already up to date; nothing changed.")
        else:
            text = self.tr(
                "{file} imported: {partners_added} partner(s) added, {partners_updated} "
                "updated; {products_added} product(s) added, {products_updated} updated, "
                "{unchanged} unchanged; {moves} stock intake(s) recorded."
            )
        self._say(
            text.format(
                file=path.name, partners_added=result.partners_added,
                partners_updated=result.partners_updated, products_added=result.products_added,
                products_updated=result.products_updated, unchanged=result.unchanged,
                moves=result.intake_moves,
            ),
            Level.INFO, sticky=True, key="catalog",
        )  # fmt: skip

    # ---------------------------------------------------------- private ---

    def _button(self, text: str, key: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(f"{text}  ({key})")
        button.setObjectName("stockButton")
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(cols.COL_NAME, QHeaderView.ResizeMode.Stretch)
        width = self.fontMetrics().horizontalAdvance
        heavy = QFont(self.font())
        heavy.setBold(True)
        bold = QFontMetrics(heavy).horizontalAdvance  # the status is bold when it matters
        digits = width("0")
        sizes = {
            cols.COL_PARTNER: width("AAA0000") + 24,
            cols.COL_BARCODE: digits * 13 + 24,
            cols.COL_CATEGORY: width("Makanan & Minuman") + 20,
            cols.COL_PRICE: width("Rp 12.450.000") + 20,
            cols.COL_STATUS: max(bold(self.model.status_text(s)) for s in STATUSES) + 24,
        }
        for column in (
            cols.COL_RECEIVED, cols.COL_SOLD, cols.COL_RETURNED, cols.COL_ADJUSTED,
            cols.COL_ON_HAND,
        ):  # fmt: skip
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            sizes[column] = max(width(label), digits * 5) + 22
        for column, size in sizes.items():
            header.resizeSection(column, size)
        self._sizes = sizes
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Keep the name column at least NAME_MIN_WIDTH by hiding the least needed columns."""
        sizes = getattr(self, "_sizes", None)
        if not sizes:
            return
        # the screen's width (the table's own is laid out only after this screen's resize)
        room = self.contentsRect().width() - 60
        hidden: set[int] = set()
        used = sum(sizes.values())
        for column in DROPPABLE:
            if room - used >= NAME_MIN_WIDTH:
                break
            hidden.add(column)
            used -= sizes.get(column, 0)
        for column in sizes:
            self.table.setColumnHidden(column, column in hidden)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_columns()

    def _fill_partners(self) -> None:
        current = self.partner_id()
        self.partner_combo.blockSignals(True)
        self.partner_combo.clear()
        self.partner_combo.addItem(self.tr("All partners"), None)
        for partner in self._controller.partners():
            self.partner_combo.addItem(f"{partner.code} — {partner.name}", partner.id)
        index = self.partner_combo.findData(current) if current is not None else 0
        self.partner_combo.setCurrentIndex(max(index, 0))
        self.partner_combo.blockSignals(False)

    def _filter_changed(self, *_args: object) -> None:
        self._controller.load(self.partner_id(), self.search_edit.text())
        if self.model.rowCount():
            self.table.selectRow(0)

    def _show_rows(self, rows: list[InventoryRow]) -> None:
        if self.flagged_box.isChecked():
            rows = [r for r in rows if r.low or r.negative]
        self.model.set_rows(rows)
        count, on_hand, low, negative = self._controller.summary(rows)
        text = self.tr("{count} · {items} on hand · {low} low or out").format(
            count=plural(count, self.tr("{n} product"), self.tr("{n} products")),
            items=plural(on_hand, self.tr("{n} item"), self.tr("{n} items")),
            low=low,
        )
        if negative:
            text += " · " + self.tr("{n} negative: count them").format(n=negative)
        self.summary.setText(text)

    def _reselect(self, product_ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = True
        for pid in product_ids:
            row = self.model.row_of(pid)
            if row < 0:
                continue
            flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
            if first:
                self.table.setCurrentIndex(self.model.index(row, cols.COL_NAME))
                first = False
            selection.select(self.model.index(row, 0), flags)

    def _search_entered(self) -> None:
        """Enter in the search (a scanned barcode): to the list, on the first match."""
        self.table.setFocus()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _partner_hint(self) -> int | None:
        partner = self.partner_id()
        if partner is None:
            item = self.current_row()
            partner = item.partner_id if item is not None else None
        return partner

    def _as_manager(self, title: str, make: Callable[[User], QDialog]) -> None:
        """Open ``make(user)`` for the signed-in supervisor, else after a supervisor's PIN."""
        if self.dialog is not None:
            return
        user = self._controller.user
        if user is not None and self._controller.can_manage(user):
            self._open_stock_dialog(make(user))
            return
        from boothpos.gui.views.supervisor_dialog import SupervisorDialog

        check = self._controller.supervisor_check
        approval = SupervisorDialog(
            title, self.tr("This needs a supervisor: they approve with their PIN."),
            check.users(), check.verify, preferred=user, parent=self,
        )  # fmt: skip

        def approved() -> None:
            granted = approval.approval()
            if granted is not None:
                # opened once the approval dialog is gone (it is still closing now)
                self._pending = lambda: self._open_stock_dialog(make(granted.supervisor))

        approval.accepted.connect(approved)
        self._open(approval)

    def _open_stock_dialog(self, dialog: QDialog) -> None:
        def done() -> None:
            document = getattr(dialog, "document", None)
            if document is not None:
                self._controller.document_done(document, print_sheet=dialog.print_requested())
                self.select_product(document.lines[0].product_id)

        dialog.accepted.connect(done)
        self._open(dialog)

    @property
    def dialog(self) -> QDialog | None:
        """The stock dialog open now (one at a time)."""
        return self._dialogs.current

    def _open(self, dialog: QDialog) -> None:
        self._dialogs.open(dialog)

    def _dialog_closed(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending()
            return
        if self.dialog is None:
            self.window().activateWindow()
            self.table.setFocus()

    def _show_problems(self, path: Path, exc: CatalogError) -> None:
        from boothpos.gui.views.catalog_dialog import CatalogProblemsDialog

        self._say(
            self.tr("{file} was not imported ({count} problem(s)); nothing was changed.").format(
                file=path.name, count=len(exc.problems)
            ),
            Level.ERROR, key="catalog",
        )  # fmt: skip
        dialog = CatalogProblemsDialog(path.name, exc.problems, errors.language(), self)
        self._open(dialog)

    def _say(self, text: str, level: Level, *, sticky: bool = False, key: str = "") -> None:
        self.banner.show_message(BannerMessage(level, text, sticky=sticky, key=key))
