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
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
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
from boothpos.gui import palette as pal
from boothpos.gui import pyside_fix  # noqa: F401 - guards PySide6 6.12.0 (see module)
from boothpos.gui.banner_message import BannerMessage
from boothpos.gui.controllers.sale_controller import (
    DAY_CLOSED_KEY,
    FILES_KEY,
    LastSale,
    SaleController,
)
from boothpos.gui.dialogs import DialogSlot
from boothpos.gui.labels import keep_amounts, plural
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
from boothpos.gui.views.sale_widgets import (
    PRODUCT_MIN_WIDTH,
    CartTableView,
    FitLabel,
    ScanField,
)

# Loaded after the screen is shown (cold start), before the cashier needs them.
LATE_MODULES = (
    "boothpos.gui.controllers.payment_controller",
    "boothpos.gui.views.payment_dialog",
    "boothpos.gui.views.search_dialog",
)
WARM_UP_MS = 300
SHORT_BELOW = 600  # px of screen height below which the sale screen packs tighter

if TYPE_CHECKING:
    from boothpos.gui.views.payment_dialog import PaymentDialog
    from boothpos.gui.views.search_dialog import ProductSearchDialog

_STYLE = f"""
QWidget#saleScreen {{ background: {pal.PAGE}; }}
QLabel#eventName {{ font-size: 12pt; font-weight: 600; }}
QLabel#cashier {{ font-size: 11pt; color: {pal.CAPTION}; }}
QLineEdit#scanField {{
    font-size: 20pt; padding: 8px 14px; border: 2px solid {pal.ACCENT}; border-radius: 8px;
    background: {pal.WHITE}; selection-background-color: {pal.ACCENT};
}}
QLineEdit#scanField:focus {{ border: 3px solid {pal.ACCENT}; }}
QTableView#cartView {{
    font-size: 12pt; background: {pal.WHITE}; alternate-background-color: {pal.ROW_ALT_SOFT};
    border: 1px solid {pal.BORDER}; border-radius: 6px; gridline-color: {pal.GRID};
    selection-background-color: {pal.SELECTION}; selection-color: {pal.INK};
}}
QTableView#cartView::item {{ padding: 0 6px; }}
QTableView#cartView QHeaderView::section {{
    font-size: 10pt; font-weight: 600; color: {pal.CAPTION}; background: {pal.HEADER};
    border: none; border-bottom: 1px solid {pal.BORDER}; padding: 6px 8px;
}}
QFrame#totalsPanel {{
    background: {pal.WHITE}; border: 1px solid {pal.BORDER}; border-radius: 8px;
}}
QLabel#caption {{ font-size: 10pt; font-weight: 600; color: {pal.CAPTION}; }}
QLabel#countValue {{ color: {pal.INK}; }}
QLabel#discountValue {{ font-size: 12pt; color: {pal.DANGER}; }}
QLabel#totalValue {{ color: {pal.INK}; }}
QPushButton#sideButton {{ font-size: 11pt; padding: 8px 12px; text-align: left; }}
QPushButton#payButton {{
    font-size: 17pt; font-weight: 700; padding: 14px; background: {pal.SUCCESS}; color: {pal.WHITE};
    border: 1px solid {pal.PAY_BORDER}; border-radius: 8px; text-align: center;
}}
QPushButton#payButton:disabled {{
    background: {pal.PAY_DISABLED}; border-color: {pal.PAY_DISABLED};
}}
QPushButton#payButton[short="true"] {{ font-size: 14pt; padding: 7px; }}
QPushButton#sideButton[short="true"] {{ padding: 5px 10px; }}
QFrame#lastSale {{
    background: {pal.LAST_SALE}; border: 1px solid {pal.LAST_SALE_BORDER}; border-radius: 8px;
}}
QLabel#lastReceipt {{ font-size: 10pt; color: {pal.INTRO}; }}
QLabel#changeValue {{ color: {pal.SUCCESS}; }}
QLabel#keyHints {{ font-size: 10pt; color: {pal.CAPTION}; }}
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
        self._day_closed = ""  # why payment is refused today ("" while the day takes sales)
        self._payments_stopped = ""  # why payments stopped for good ("" while the files are fine)
        self._payment: DialogSlot[PaymentDialog] = DialogSlot(closed=self.focus_scan)
        self._search: DialogSlot[ProductSearchDialog] = DialogSlot(closed=self.focus_scan)

        self._build(event)
        self._scanner_clock = scanner_clock
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
        hheader.setSectionResizeMode(COL_PARTNER, QHeaderView.ResizeMode.Fixed)
        for col in (COL_QTY, COL_PRICE, COL_DISCOUNT, COL_TOTAL):
            hheader.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self.cart_view.setMinimumWidth(PRODUCT_MIN_WIDTH + 56 + 138 + 150 + 24)
        self.cart_view.fit_columns()
        body.addWidget(self.cart_view, 1)
        self.totals_panel = self._totals_panel()
        body.addWidget(self.totals_panel)
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
        self._panel_grid = grid
        grid.setVerticalSpacing(6)

        grid.addWidget(self._caption(self.tr("ITEMS")), 0, 0)
        self.count_label = FitLabel(panel, max_pt=13, min_pt=8, weight=QFont.Weight.DemiBold)
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
        self._last_layout = last
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
        self.model.totalsChanged.connect(self.cart_view.fit_columns)
        c.banner.connect(self.banner.show_message)
        c.banner.connect(self._day_state_shown)
        c.clearBanner.connect(self.banner.clear)
        c.dismissBanner.connect(self.banner.dismiss)
        c.dismissBanner.connect(self._day_state_dismissed)
        c.refused.connect(lambda _text: QApplication.beep())
        c.lineTouched.connect(self._select_row)
        c.saleCompleted.connect(self._sale_completed)

    # -- public -----------------------------------------------------------------------

    def set_cashier(self, user: User | None) -> None:
        previous = self.controller.cashier
        if user is None or previous is None or user.id != previous.id:
            self.last_sale_frame.setVisible(False)  # the last sale was someone else's
            self.last_receipt_label.clear()
            self.change_label.setText("")
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

    @property
    def payment_dialog(self) -> PaymentDialog | None:
        """The payment dialog while it is open (F12)."""
        return self._payment.current

    @property
    def search_dialog(self) -> ProductSearchDialog | None:
        """The product search while it is open (F2)."""
        return self._search.current

    def open_search(self) -> None:
        if self.search_dialog is not None:
            return
        from boothpos.gui.views.search_dialog import ProductSearchDialog

        dialog = ProductSearchDialog(self._db, self)
        dialog.productChosen.connect(self._product_chosen)
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        self._search.open(dialog)
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
        dialog = PaymentDialog(
            payment, self, qris=booth_qris(self._db), scanner_clock=self._scanner_clock
        )
        dialog.scanned.connect(self._scanned_while_paying)
        self._payment.track(dialog)
        self.paymentOpened.emit(dialog)
        dialog.open()
        dialog.amount_edit.setFocus()
        dialog.amount_edit.selectAll()

    # -- reactions --------------------------------------------------------------------

    def _product_chosen(self, product: Product) -> None:
        self.controller.add_product(product)

    def take_scan(self, code: str) -> tuple[bool, str]:
        """A scan made while another screen or dialog is in front: into the cart.

        Returns (added, what to tell the cashier there)."""
        refusals: list[str] = []
        self.controller.refused.connect(refusals.append)
        try:
            added = self.controller.enter_code(code)
        finally:
            self.controller.refused.disconnect(refusals.append)
        if not added:
            reason = (refusals[-1] if refusals else "").rstrip(".")
            reason = reason[:1].upper() + reason[1:]
            return False, self.tr("Scanned {code}: {reason}.").format(code=code, reason=reason)
        row = self.selected_row()
        name = self.model.cart[row].product.name if row is not None else code
        return True, self.tr("Scanned {name}: added to the cart; the total is now {total}.").format(
            name=name, total=format_rupiah(self.model.total())
        )

    def _scanned_while_paying(self, code: str) -> None:
        """A scan during payment goes into the cart behind the dialog, never into an amount."""
        dialog = self.payment_dialog
        if dialog is None:
            return
        added, text = self.take_scan(code)
        if added:
            dialog.retotal(self.model.total(), text)
        else:
            dialog.scan_refused(text + " " + self.tr("Nothing was paid."))

    def _sale_completed(self, last: LastSale) -> None:
        self.last_receipt_label.setText(
            keep_amounts(
                self.tr("{receipt}\nTotal {total}\nPaid {paid}").format(
                    receipt=last.receipt_no,
                    total=format_rupiah(last.total),
                    paid=format_rupiah(last.paid),
                )
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
            self.tr("{items} pcs · {lines}").format(
                items=cart.item_count,
                lines=plural(len(cart), self.tr("{n} line"), self.tr("{n} lines")),
            )
        )
        has_discount = cart.discounts > 0
        self.discount_caption.setVisible(has_discount)
        self.discount_label.setVisible(has_discount)
        self.discount_label.setText(f"-{format_rupiah(cart.discounts)}")
        self._update_pay_button()

    def _day_state_shown(self, message: BannerMessage) -> None:
        if message.key == DAY_CLOSED_KEY:
            self._day_closed = message.text
            self._update_pay_button()
        elif message.key == FILES_KEY:  # the database files changed: payments stop for good
            self._payments_stopped = message.text
            self._update_pay_button()

    def _day_state_dismissed(self, key: str) -> None:
        if key == DAY_CLOSED_KEY and self._day_closed:
            self._day_closed = ""
            self._update_pay_button()

    def _update_pay_button(self) -> None:
        """Grey with the reason while the fair day is closed or payments stopped (the
        database files changed under the till); F12 then says why (banner)."""
        closed = bool(self._day_closed)
        stopped = bool(self._payments_stopped)
        self.pay_button.setEnabled(not closed and not stopped and not self.model.cart.is_empty())
        if stopped:
            self.pay_button.setText(self.tr("Payments stopped"))
        else:
            self.pay_button.setText(self.tr("Day closed") if closed else self.tr("Pay  (F12)"))
        self.pay_button.setToolTip(self._payments_stopped or self._day_closed)

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
        self.receipts.warm_up()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        # a netbook (1024 px) gives the cart the room; a wide screen the big panel
        wide = self.width() >= 1200
        self.totals_panel.setFixedWidth(320 if wide else 268)
        self._panel_grid.setContentsMargins(*((18, 16, 18, 16) if wide else (12, 12, 12, 12)))
        self._last_layout.setContentsMargins(*((12, 8, 12, 8) if wide else (8, 6, 8, 6)))
        self._fit_height(event.size().height() < SHORT_BELOW)

    def _fit_height(self, short: bool) -> None:
        """A short screen (1024×600): the event line goes (the status bar shows it), the
        total and the Pay button get smaller and the last sale shows only its change, so
        that the change is never clipped."""
        if self.property("short") == short:
            return
        self.setProperty("short", short)
        self.header.setVisible(not short)
        self.total_label.set_max_pt(24 if short else 34)
        self.last_receipt_label.setVisible(not short)
        for button in (self.pay_button, self.search_button, self.remove_button):
            button.setProperty("short", short)
            button.style().unpolish(button)
            button.style().polish(button)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.scanner.uninstall()
        super().hideEvent(event)
