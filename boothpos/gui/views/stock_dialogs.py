"""Stock documents from the inventory screen: intake, return to partner, count/adjustment.

Each dialog collects what the document needs and calls the controller; the
core checks everything. A refusal (nothing received, more returned than is
on hand, a loss that raises the stock, …) is shown in the dialog, which stays
open with what was typed: nothing is written. On success the dialog closes
with :attr:`document` set; the screen then saves (and prints) its sheet.

Keys: intake and return: code + Enter in the scan field adds one of that
product; a number typed on a row sets its quantity; Ctrl+Enter saves.
Adjustment: type the count, Enter saves. Esc cancels.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.codes import MoveKind
from boothpos.core.errors import BoothError
from boothpos.core.stock_ops import MAX_QTY, InventoryRow, StockDocument
from boothpos.core.users import User
from boothpos.gui import palette as pal
from boothpos.gui.controllers.inventory_controller import InventoryController
from boothpos.gui.labels import plural
from boothpos.gui.models import stock_lines_model as cols
from boothpos.gui.models.stock_lines_model import StockLinesModel

SAVE_KEY = "Ctrl+Return"

_STYLE = f"""
QLabel#dialogIntro {{ color: {pal.INTRO}; }}
QLabel#stockTotal {{ font-weight: 600; color: {pal.HEADING}; }}
QLabel#dialogMessage {{ color: {pal.DANGER_STRONG}; font-weight: 600; background: {pal.DANGER_SOFT};
                       border: 1px solid {pal.DANGER_BORDER}; border-radius: 4px;
    padding: 6px 8px; }}
QLabel#productInfo {{ background: {pal.ROW_ALT_SOFT}; border: 1px solid {pal.BORDER};
    border-radius: 6px;
                     padding: 8px 10px; }}
QLabel#adjustPreview {{ font-size: 12pt; font-weight: 600; color: {pal.HEADING}; }}
QPushButton#saveButton {{ font-weight: 600; padding: 6px 18px; }}
"""


class _QtyDelegate(QStyledItemDelegate):
    """A quantity cell: a spin box from 0 to the largest quantity a document takes."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(0, MAX_QTY)
        spin.setFrame(False)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin


def _print_box(controller: InventoryController, parent: QWidget) -> QCheckBox:
    """The "Print the sheet on …" box: ticked with a system printer, else off and greyed out."""
    box = QCheckBox(parent)
    box.setObjectName("printSheet")
    output = controller.output
    if output.can_print():
        name = output.printer_name() or QCoreApplication.translate(
            "StockDialogs", "the default system printer"
        )
        box.setText(
            QCoreApplication.translate("StockDialogs", "Print the sheet on {printer}").format(
                printer=name
            )
        )
        box.setChecked(True)
    else:
        box.setText(
            QCoreApplication.translate(
                "StockDialogs", "Print the sheet (no system printer is set: saved as PDF only)"
            )
        )
        box.setChecked(False)
        box.setEnabled(False)
    return box


def sentence(text: str) -> str:
    """A core message ("tidak ada barang …") as a sentence on its own: capital first."""
    return text[:1].upper() + text[1:]


def _message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("dialogMessage")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class StockLinesDialog(QDialog):
    """Base of the intake and return dialogs: a partner, its products, a quantity each."""

    kind = MoveKind.INTAKE

    def __init__(
        self,
        controller: InventoryController,
        user: User,
        partner_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self.setMinimumSize(760, 560)
        self._controller = controller
        self._user = user
        self.document: StockDocument | None = None
        self.model = StockLinesModel(self, limit_to_stock=self.kind == MoveKind.RETURN)

        self.intro = QLabel(self)
        self.intro.setObjectName("dialogIntro")
        self.intro.setWordWrap(True)

        self.partner_combo = QComboBox(self)
        self.partner_combo.setObjectName("stockPartner")
        for partner in controller.partners():
            self.partner_combo.addItem(f"{partner.code} — {partner.name}", partner.id)
        self.partner_combo.setMaxVisibleItems(20)
        self.scan_edit = QLineEdit(self)
        self.scan_edit.setObjectName("stockScan")
        self.scan_edit.setPlaceholderText(self.tr("Scan or type a product code, then Enter: +1"))
        self.scan_edit.setClearButtonEnabled(True)
        self._build_table()
        self._build_footer(controller)

        form = QFormLayout()
        form.addRow(self.tr("Partner"), self.partner_combo)
        form.addRow(self.tr("Scan"), self.scan_edit)
        totals = QHBoxLayout()
        totals.addWidget(self.total_label, 1)
        self.extra_buttons = totals
        totals.addWidget(self.clear_button)
        reason = QFormLayout()
        reason.addRow(self.tr("Note"), self.reason_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_box, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(totals)
        layout.addLayout(reason)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        for key in (SAVE_KEY, "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(self.save)

        self.model.quantitiesChanged.connect(self._update_total)
        self.scan_edit.returnPressed.connect(self._scanned)
        self.partner_combo.currentIndexChanged.connect(self._partner_changed)
        self._select_partner(partner_id)
        self._partner_changed()
        self.scan_edit.setFocus()

    def _build_table(self) -> None:
        """The partner's products, a quantity to type in each."""
        self.table = QTableView(self)
        self.table.setObjectName("stockLines")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(cols.COL_QTY, _QtyDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(cols.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (cols.COL_BARCODE, 130), (cols.COL_PRICE, 110), (cols.COL_ON_HAND, 80),
            (cols.COL_QTY, 90),
        ):  # fmt: skip
            header.resizeSection(column, width)

    def _build_footer(self, controller: InventoryController) -> None:
        """The total, a note, printing, a message; Save and Cancel."""
        self.total_label = QLabel(self)
        self.total_label.setObjectName("stockTotal")
        self.clear_button = QPushButton(self.tr("Clear quantities"), self)
        self.clear_button.clicked.connect(self.model.clear_quantities)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("stockReason")
        self.reason_edit.setMaxLength(200)
        self.print_box = _print_box(controller, self)
        self.message = _message_label(self)

        self.save_button = QPushButton(self.tr("Save") + "  (Ctrl+Enter)", self)
        self.save_button.setObjectName("saveButton")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        for button in (self.save_button, self.cancel_button, self.clear_button):
            button.setAutoDefault(False)  # Enter belongs to the scan field and the cells
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

    # -- public -----------------------------------------------------------------------

    def partner_id(self) -> int | None:
        return self.partner_combo.currentData()

    def print_requested(self) -> bool:
        return self.print_box.isEnabled() and self.print_box.isChecked()

    def save(self) -> None:
        """Commit the document through core; a refusal is shown and nothing is written."""
        partner = self.partner_id()
        if partner is None:
            return self._fail(self.tr("Choose the partner."))
        self._commit_open_editor()
        try:
            self.document = self._record(partner, self.model.items(), self.reason_edit.text())
        except BoothError as exc:
            return self._fail(exc.message())
        self.accept()
        return None

    # -- for subclasses ------------------------------------------------------------------

    def _record(self, partner_id: int, items: dict[int, int], reason: str) -> StockDocument:
        raise NotImplementedError

    # -- private ----------------------------------------------------------------------

    def _select_partner(self, partner_id: int | None) -> None:
        if partner_id is None:
            return
        index = self.partner_combo.findData(partner_id)
        if index >= 0:
            self.partner_combo.setCurrentIndex(index)

    def _partner_changed(self, _index: int = -1) -> None:
        partner = self.partner_id()
        rows: list[InventoryRow] = (
            self._controller.partner_rows(partner) if partner is not None else []
        )
        self.model.set_rows(rows)
        self.message.hide()

    def _scanned(self) -> None:
        code = self.scan_edit.text().strip()
        self.scan_edit.clear()
        if not code:
            return
        try:
            product = self._controller.find_product(code)
        except BoothError as exc:
            return self._fail(exc.message(), self.scan_edit)
        if product.partner.id != self.partner_id():
            if self.model.items():
                return self._fail(
                    self.tr(
                        "{name} belongs to partner {code}, not to this one. Save this "
                        "partner's document first, then scan the other partner's goods."
                    ).format(name=product.name, code=product.partner.code),
                    self.scan_edit,
                )
            self._select_partner(product.partner.id)  # nothing typed yet: follow the scan
        row = self.model.add_one(product.id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.message.hide()
        self.scan_edit.setFocus()

    def _commit_open_editor(self) -> None:
        """A quantity still being typed in a cell counts (Ctrl+Enter straight from the cell):
        taking the focus from the cell editor makes the delegate commit it."""
        focus = self.focusWidget()
        if focus is not None and self.table.viewport().isAncestorOf(focus):
            self.table.setFocus()

    def _update_total(self) -> None:
        products, items = self.model.total()
        self.total_label.setText(
            plural(products, self.tr("{n} product"), self.tr("{n} products"))
            + ", "
            + plural(items, self.tr("{n} item"), self.tr("{n} items"))
        )

    def _fail(self, text: str, focus: QWidget | None = None) -> None:
        self.message.setText(sentence(text))
        self.message.show()
        if focus is not None:
            focus.setFocus()


class IntakeDialog(StockLinesDialog):
    """Goods received from a partner (*tanda terima barang*)."""

    kind = MoveKind.INTAKE

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("Receive goods from a partner"))
        self.intro.setText(
            self.tr(
                "Choose the partner, then scan each item (or type the quantity on its row). "
                "The partner signs the printed intake receipt."
            )
        )
        self.reason_edit.setPlaceholderText(self.tr("For example: second delivery"))

    def _record(self, partner_id: int, items: dict[int, int], reason: str) -> StockDocument:
        return self._controller.receive(partner_id, items, user=self._user, reason=reason)


class ReturnDialog(StockLinesDialog):
    """Unsold goods handed back to their partner, with the partner's signature."""

    kind = MoveKind.RETURN

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setObjectName("returnDialog")
        self.setWindowTitle(self.tr("Return goods to a partner"))
        self.intro.setText(
            self.tr(
                "Choose the partner and how many of each product go back (at most what is "
                "on hand). The partner signs the printed return sheet."
            )
        )
        self.reason_edit.setPlaceholderText(self.tr("For example: end of the fair"))
        self.all_button = QPushButton(self.tr("Everything on hand"), self)
        self.all_button.setObjectName("returnAll")
        self.all_button.setAutoDefault(False)
        self.all_button.clicked.connect(self.model.fill_on_hand)
        self.extra_buttons.insertWidget(1, self.all_button)

    def _record(self, partner_id: int, items: dict[int, int], reason: str) -> StockDocument:
        return self._controller.return_goods(partner_id, items, user=self._user, reason=reason)


# ---------------------------------------------------------------- adjustment


class AdjustDialog(QDialog):
    """Count or correct one product: the counted number or a difference, a reason, a note."""

    def __init__(
        self,
        controller: InventoryController,
        user: User,
        item: InventoryRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("adjustDialog")
        self.setWindowTitle(self.tr("Count or adjust stock"))
        self.setStyleSheet(_STYLE)
        self.setMinimumWidth(500)
        self._controller = controller
        self._user = user
        self._item = item
        self.document: StockDocument | None = None

        self.info = QLabel(self)
        self.info.setObjectName("productInfo")
        self.info.setWordWrap(True)
        self.info.setText(
            f"<b>{escape(item.name)}</b><br>{escape(item.barcode)} · "
            f"{escape(item.partner_code)} — {escape(item.partner_name)}<br>"
            + escape(self.tr("On hand in the books: {n}").format(n=item.on_hand))
        )
        self._build_count_fields(item)
        self._build_reason_fields()
        self.preview = QLabel(self)
        self.preview.setObjectName("adjustPreview")
        self.print_box = _print_box(controller, self)
        self.message = _message_label(self)

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)  # Enter saves: type the count, Enter
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

        grid = self._fields_grid()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(grid)
        layout.addWidget(self.preview)
        layout.addWidget(self.print_box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.counted_spin.valueChanged.connect(self._counted_typed)
        self.delta_spin.valueChanged.connect(self._delta_typed)
        self.counted_radio.toggled.connect(self._update_preview)
        self._update_preview()
        self.counted_spin.setFocus()
        self.counted_spin.selectAll()

    def _build_count_fields(self, item: InventoryRow) -> None:
        """What was counted, or the difference: one of the two."""
        self.counted_radio = QRadioButton(self.tr("Counted"), self)
        self.counted_radio.setObjectName("countedMode")
        self.counted_spin = QSpinBox(self)
        self.counted_spin.setObjectName("countedQty")
        self.counted_spin.setRange(0, MAX_QTY)
        self.counted_spin.setValue(max(item.on_hand, 0))
        self.delta_radio = QRadioButton(self.tr("Difference"), self)
        self.delta_radio.setObjectName("deltaMode")
        self.delta_spin = QSpinBox(self)
        self.delta_spin.setObjectName("deltaQty")
        self.delta_spin.setRange(-MAX_QTY, MAX_QTY)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.counted_radio)
        self.mode.addButton(self.delta_radio)
        self.counted_radio.setChecked(True)

    def _build_reason_fields(self) -> None:
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("adjustReason")
        for code, text in (
            ("miscount", self.tr("Miscount (the books were wrong)")),
            ("damaged", self.tr("Damaged")),
            ("lost", self.tr("Lost")),
        ):
            self.reason_combo.addItem(text, code)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("adjustNote")
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText(self.tr("What happened (optional)"))

    def _fields_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.addWidget(self.counted_radio, 0, 0)
        grid.addWidget(self.counted_spin, 0, 1)
        grid.addWidget(self.delta_radio, 1, 0)
        grid.addWidget(self.delta_spin, 1, 1)
        grid.addWidget(QLabel(self.tr("Reason"), self), 2, 0)
        grid.addWidget(self.reason_combo, 2, 1)
        grid.addWidget(QLabel(self.tr("Note"), self), 3, 0)
        grid.addWidget(self.note_edit, 3, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def counted(self) -> int | None:
        return self.counted_spin.value() if self.counted_radio.isChecked() else None

    def delta(self) -> int | None:
        return self.delta_spin.value() if self.delta_radio.isChecked() else None

    def reason(self) -> str:
        return self.reason_combo.currentData()

    def print_requested(self) -> bool:
        return self.print_box.isEnabled() and self.print_box.isChecked()

    def save(self) -> None:
        self.counted_spin.interpretText()
        self.delta_spin.interpretText()
        try:
            self.document = self._controller.adjust(
                self._item.product_id, user=self._user, reason=self.reason(),
                counted=self.counted(), delta=self.delta(), note=self.note_edit.text(),
            )  # fmt: skip
        except BoothError as exc:
            self.message.setText(sentence(exc.message()))
            self.message.show()
            return
        self.accept()

    def _counted_typed(self, _value: int) -> None:
        self.counted_radio.setChecked(True)
        self._update_preview()

    def _delta_typed(self, _value: int) -> None:
        self.delta_radio.setChecked(True)
        self._update_preview()

    def _update_preview(self, *_args: object) -> None:
        before = self._item.on_hand
        change = (
            self.counted_spin.value() - before
            if self.counted_radio.isChecked()
            else self.delta_spin.value()
        )
        self.preview.setText(
            self.tr("Stock {before} → {after} ({change})").format(
                before=before, after=before + change, change=f"{change:+d}"
            )
        )
        self.message.hide()
