"""The sale screen: scan field, cart, big total, banner. Layout only; logic in SaleController.

Keys (see DESIGN.md, "Cashier keyboard flow"):

- code + Enter in the scan field adds the product (again: quantity + 1); a
  scanner burst typed while focus is elsewhere on this screen lands in the
  cart too (:mod:`boothpos.gui.scanner`);
- ``*3`` + Enter sets the selected (else the last) line's quantity to 3;
- ``+`` / ``-`` step the selected line's quantity, ``Del`` removes it (from the
  cart table, or from the scan field while it is empty); ↑/↓ in the empty scan
  field move the selection; a digit or Enter on a cart row edits its quantity;
- ``F2`` product search, ``F12`` payment.

Warnings and refusals show on the banner, never in a modal dialog.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from boothpos.core.event import Event
from boothpos.core.money import format_rupiah
from boothpos.core.products import Product
from boothpos.core.users import User
from boothpos.gui import pyside_fix  # noqa: F401 - guards PySide6 6.12.0 (see module)
from boothpos.gui.controllers.sale_controller import LastSale, SaleController
from boothpos.gui.models.cart_model import (
    COL_DISCOUNT,
    COL_PARTNER,
    COL_PRICE,
    COL_PRODUCT,
    COL_QTY,
    COL_TOTAL,
)
from boothpos.gui.receipts import ReceiptService
from boothpos.gui.scanner import ScanCatcher
from boothpos.gui.views.banner import Banner
from boothpos.gui.views.sale_widgets import CartTableView, FitLabel, ScanField

# Loaded after the screen is shown (cold start), before the cashier needs them.
LATE_MODULES = (
    "boothpos.gui.controllers.payment_controller",
    "boothpos.gui.views.payment_dialog",
    "boothpos.gui.views.search_dialog",
)
WARM_UP_MS = 300

if TYPE_CHECKING:
    from boothpos.gui.views.payment_dialog import PaymentDialog
    from boothpos.gui.views.search_dialog import ProductSearchDialog

_STYLE = """
QWidget#saleScreen { background: #f6f7f9; }
QLabel#eventName { font-size: 12pt; font-weight: 600; }
QLabel#cashier { font-size: 11pt; color: #5f6b7a; }
QLineEdit#scanField {
    font-size: 20pt; padding: 8px 14px; border: 2px solid #1d6fb8; border-radius: 8px;
    background: white; selection-background-color: #1d6fb8;
}
QLineEdit#scanField:focus { border: 3px solid #1d6fb8; }
QTableView#cartView {
    font-size: 12pt; background: white; alternate-background-color: #f3f6fa;
    border: 1px solid #d0d7de; border-radius: 6px; gridline-color: #e6e9ee;
    selection-background-color: #cfe3f8; selection-color: #1f2328;
}
QTableView#cartView::item { padding: 0 6px; }
QTableView#cartView QHeaderView::section {
    font-size: 10pt; font-weight: 600; color: #5f6b7a; background: #eef1f5;
    border: none; border-bottom: 1px solid #d0d7de; padding: 6px 8px;
}
QFrame#totalsPanel { background: white; border: 1px solid #d0d7de; border-radius: 8px; }
QLabel#caption { font-size: 10pt; font-weight: 600; color: #5f6b7a; }
QLabel#countValue { font-size: 13pt; font-weight: 600; }
QLabel#discountValue { font-size: 12pt; color: #b3261e; }
QLabel#totalValue { color: #1f2328; }
QPushButton#sideButton { font-size: 11pt; padding: 8px 12px; text-align: left; }
QPushButton#payButton {
    font-size: 17pt; font-weight: 700; padding: 14px; background: #1b7f3b; color: white;
    border: 1px solid #14602c; border-radius: 8px; text-align: center;
}
QPushButton#payButton:disabled { background: #9fb8a7; border-color: #9fb8a7; }
QFrame#lastSale { background: #eef7f0; border: 1px solid #b7dcc1; border-radius: 8px; }
QLabel#lastReceipt { font-size: 10pt; color: #3d4a56; }
QLabel#changeValue { color: #1b7f3b; }
QLabel#keyHints { font-size: 10pt; color: #5f6b7a; }
"""


class SaleScreen(QWidget):
    """The cashier's screen. Emits ``saleCompleted(receipt_no)`` after each committed sale."""

    saleCompleted = Signal(str)
    paymentOpened = Signal(object)  # the PaymentDialog (the customer display follows it)

    def __init__(
        self,
        db: Database,
        event: Event,
        receipts: ReceiptService,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
        scanner_clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saleScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self._db = db
        self.receipts = receipts
        self.controller = SaleController(db, event, receipts, now=now, parent=self)
        self.model = self.controller.model
        self._warmed = False
        self.payment_dialog: PaymentDialog | None = None
        self.search_dialog: ProductSearchDialog | None = None

        self._build(event)
        self.scanner = ScanCatcher(self, self.scan_field, clock=scanner_clock, parent=self)
        self.scanner.scanned.connect(self._scanned)
        self._wire()
        self._update_totals()

    # -- layout -----------------------------------------------------------------------

    def _build(self, event: Event) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 10)
        root.setSpacing(10)

        self.header = QWidget(self)
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        self.event_label = QLabel(event.name, self)
        self.event_label.setObjectName("eventName")
        self.cashier_label = QLabel(self.tr("Nobody signed in"), self)
        self.cashier_label.setObjectName("cashier")
        header.addWidget(self.event_label)
        header.addStretch(1)
        header.addWidget(self.cashier_label)
        root.addWidget(self.header)

        self.scan_field = ScanField(self)
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(self.tr("Scan a barcode or type a code, then Enter"))
        self.scan_field.setClearButtonEnabled(False)
        root.addWidget(self.scan_field)

        self.banner = Banner(self)
        root.addWidget(self.banner)

        body = QHBoxLayout()
        body.setSpacing(12)
        self.cart_view = CartTableView(self)
        self.cart_view.setObjectName("cartView")
        self.cart_view.setModel(self.model)
        self.cart_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cart_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cart_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.cart_view.setAlternatingRowColors(True)
        self.cart_view.setShowGrid(False)
        self.cart_view.setWordWrap(False)
        self.cart_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        vheader = self.cart_view.verticalHeader()
        vheader.setDefaultSectionSize(38)
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setVisible(False)
        hheader = self.cart_view.horizontalHeader()
        hheader.setHighlightSections(False)
        hheader.setSectionResizeMode(COL_PRODUCT, QHeaderView.ResizeMode.Stretch)
        hheader.setSectionResizeMode(COL_PARTNER, QHeaderView.ResizeMode.Interactive)
        hheader.resizeSection(COL_PARTNER, 170)
        for col, width in ((COL_QTY, 56), (COL_PRICE, 138), (COL_DISCOUNT, 116), (COL_TOTAL, 150)):
            hheader.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            hheader.resizeSection(col, width)
        body.addWidget(self.cart_view, 1)
        body.addWidget(self._totals_panel())
        root.addLayout(body, 1)

        self.hints = QLabel(
            self.tr(
                "Enter add · *3 set quantity · + / − quantity · Del remove line · "
                "F2 search · F12 pay"
            ),
            self,
        )
        self.hints.setObjectName("keyHints")
        root.addWidget(self.hints)

        for shortcut_key, slot in (
            (Qt.Key.Key_F2, self.open_search),
            (Qt.Key.Key_F12, self.open_payment),
        ):
            shortcut = QShortcut(QKeySequence(shortcut_key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        for text, delta in (("+", 1), ("-", -1)):
            shortcut = QShortcut(QKeySequence(text), self.cart_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda d=delta: self.step_qty(d))

    def _totals_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("totalsPanel")
        panel.setFixedWidth(320)
        grid = QGridLayout(panel)
        grid.setContentsMargins(18, 16, 18, 16)
        grid.setVerticalSpacing(6)

        grid.addWidget(self._caption(self.tr("ITEMS")), 0, 0)
        self.count_label = QLabel("", panel)
        self.count_label.setObjectName("countValue")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.count_label, 0, 1)
        self.discount_caption = self._caption(self.tr("DISCOUNTS"))
        grid.addWidget(self.discount_caption, 1, 0)
        self.discount_label = QLabel("", panel)
        self.discount_label.setObjectName("discountValue")
        self.discount_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.discount_label, 1, 1)

        grid.addWidget(self._caption(self.tr("TOTAL")), 2, 0, 1, 2)
        self.total_label = FitLabel(panel, max_pt=34, min_pt=14)
        self.total_label.setObjectName("totalValue")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.total_label, 3, 0, 1, 2)

        self.pay_button = QPushButton(self.tr("Pay  (F12)"), panel)
        self.pay_button.setObjectName("payButton")
        self.search_button = QPushButton(self.tr("Find product  (F2)"), panel)
        self.remove_button = QPushButton(self.tr("Remove line  (Del)"), panel)
        for button in (self.search_button, self.remove_button):
            button.setObjectName("sideButton")
        for button in (self.pay_button, self.search_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        grid.addWidget(self.pay_button, 4, 0, 1, 2)
        grid.addWidget(self.search_button, 5, 0, 1, 2)
        grid.addWidget(self.remove_button, 6, 0, 1, 2)
        grid.setRowStretch(7, 1)

        self.last_sale_frame = QFrame(panel)
        self.last_sale_frame.setObjectName("lastSale")
        last = QVBoxLayout(self.last_sale_frame)
        last.setContentsMargins(12, 8, 12, 8)
        last.setSpacing(2)
        last.addWidget(self._caption(self.tr("LAST SALE")))
        self.last_receipt_label = QLabel("", self.last_sale_frame)
        self.last_receipt_label.setObjectName("lastReceipt")
        self.last_receipt_label.setWordWrap(True)
        last.addWidget(self.last_receipt_label)
        self.change_label = FitLabel(self.last_sale_frame, max_pt=20, min_pt=11)
        self.change_label.setObjectName("changeValue")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        last.addWidget(self.change_label)
        self.last_sale_frame.setVisible(False)
        grid.addWidget(self.last_sale_frame, 8, 0, 1, 2)
        return panel

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("caption")
        return label

    def _wire(self) -> None:
        c = self.controller
        self.scan_field.returnPressed.connect(self._scan_field_entered)
        self.scan_field.cartKey.connect(self._scan_field_cart_key)
        self.cart_view.deletePressed.connect(self.remove_selected)
        self.pay_button.clicked.connect(self.open_payment)
        self.search_button.clicked.connect(self.open_search)
        self.remove_button.clicked.connect(self.remove_selected)
        self.model.totalsChanged.connect(self._update_totals)
        c.banner.connect(self.banner.show_message)
        c.clearBanner.connect(self.banner.clear)
        c.dismissBanner.connect(self.banner.dismiss)
        c.refused.connect(lambda _text: QApplication.beep())
        c.lineTouched.connect(self._select_row)
        c.saleCompleted.connect(self._sale_completed)

    # -- public -----------------------------------------------------------------------

    def set_cashier(self, user: User | None) -> None:
        self.controller.set_cashier(user)
        if user is None:
            self.cashier_label.setText(self.tr("Nobody signed in"))
        else:
            self.cashier_label.setText(
                self.tr("Cashier: {name}").format(name=user.display_name or user.username)
            )

    def check_day(self) -> bool:
        """Show on the banner whether today's fair day is closed (sales refused)."""
        return self.controller.check_day()

    def set_header_visible(self, visible: bool) -> None:
        """Hide the event/cashier line when a main window already shows them."""
        self.header.setVisible(visible)

    def focus_scan(self) -> None:
        """Put the keyboard focus on the scan field (its window activated), text selected."""
        window = self.window()
        if window.isVisible() and not window.isActiveWindow() and self._no_dialog_open():
            window.activateWindow()
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scan_field.selectAll()

    def _no_dialog_open(self) -> bool:
        return self.payment_dialog is None and self.search_dialog is None

    def selected_row(self) -> int | None:
        selected = self.cart_view.selectionModel().selectedRows()
        if selected:
            return selected[0].row()
        current = self.cart_view.currentIndex()
        return current.row() if current.isValid() else None

    # -- actions ----------------------------------------------------------------------

    def _scan_field_entered(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if text.strip():
            self.controller.enter_code(text, self.selected_row())
        self.focus_scan()

    def _scanned(self, code: str) -> None:
        self.controller.enter_code(code)
        self.focus_scan()

    def _scan_field_cart_key(self, key: int) -> None:
        if key == Qt.Key.Key_Delete:
            self.remove_selected()
        elif key == Qt.Key.Key_Plus:
            self.step_qty(1)
        elif key == Qt.Key.Key_Minus:
            self.step_qty(-1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            rows = self.model.rowCount()
            if rows:
                row = self.selected_row()
                step = -1 if key == Qt.Key.Key_Up else 1
                row = rows - 1 if row is None else min(max(row + step, 0), rows - 1)
                self._select_row(row)

    def step_qty(self, delta: int) -> None:
        row = self.selected_row()
        if row is None and self.model.rowCount():
            row = self.model.rowCount() - 1
        self.controller.change_qty(-1 if row is None else row, delta)

    def remove_selected(self) -> None:
        self.controller.remove_line(self.selected_row())
        self.focus_scan()

    def open_search(self) -> None:
        if self.search_dialog is not None:
            return
        from boothpos.gui.views.search_dialog import ProductSearchDialog

        dialog = ProductSearchDialog(self._db, self)
        dialog.productChosen.connect(self._product_chosen)
        dialog.finished.connect(self._search_closed)
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        self.search_dialog = dialog
        dialog.open()
        if text:
            dialog.query_edit.setText(text)
            dialog.run_search()
        dialog.query_edit.setFocus()

    def open_payment(self) -> None:
        if self.payment_dialog is not None:
            return
        if not self.controller.check_payment():
            self.focus_scan()
            return
        self.scanner.flush()
        from boothpos.core.qris import booth_code as booth_qris
        from boothpos.gui.controllers.payment_controller import PaymentController
        from boothpos.gui.views.payment_dialog import PaymentDialog

        payment = PaymentController(self.model.total(), commit=self.controller.commit_sale)
        dialog = PaymentDialog(payment, self, qris=booth_qris(self._db))
        dialog.finished.connect(self._payment_closed)
        self.payment_dialog = dialog
        self.paymentOpened.emit(dialog)
        dialog.open()
        dialog.amount_edit.setFocus()
        dialog.amount_edit.selectAll()

    # -- reactions --------------------------------------------------------------------

    def _product_chosen(self, product: Product) -> None:
        self.controller.add_product(product)

    def _search_closed(self, _result: int) -> None:
        dialog, self.search_dialog = self.search_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.focus_scan()

    def _payment_closed(self, _result: int) -> None:
        dialog, self.payment_dialog = self.payment_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.focus_scan()

    def _sale_completed(self, last: LastSale) -> None:
        self.last_receipt_label.setText(
            self.tr("{receipt}\nTotal {total}\nPaid {paid}").format(
                receipt=last.receipt_no,
                total=format_rupiah(last.total),
                paid=format_rupiah(last.paid),
            )
        )
        self.change_label.setText(
            self.tr("Change {amount}").format(amount=format_rupiah(last.change))
        )
        self.last_sale_frame.setVisible(True)
        self.saleCompleted.emit(last.receipt_no)

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.cart_view.selectRow(row)
            self.cart_view.scrollTo(self.model.index(row, 0))

    def _update_totals(self) -> None:
        cart = self.model.cart
        self.total_label.setText(format_rupiah(cart.total))
        self.count_label.setText(
            self.tr("{items} pcs · {lines} lines").format(items=cart.item_count, lines=len(cart))
        )
        has_discount = cart.discounts > 0
        self.discount_caption.setVisible(has_discount)
        self.discount_label.setVisible(has_discount)
        self.discount_label.setText(f"-{format_rupiah(cart.discounts)}")
        self.pay_button.setEnabled(not cart.is_empty())

    # -- Qt events --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.scanner.install()
        self.check_day()
        QTimer.singleShot(0, self, self.focus_scan)
        if not self._warmed:
            self._warmed = True
            QTimer.singleShot(WARM_UP_MS, self, self._warm_up)

    def _warm_up(self) -> None:
        """After the screen is up: load what the first F2/F12 and receipt need."""
        for module in LATE_MODULES:
            importlib.import_module(module)
        warm_up = getattr(self.receipts, "warm_up", None)
        if callable(warm_up):
            warm_up()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.scanner.uninstall()
        super().hideEvent(event)
