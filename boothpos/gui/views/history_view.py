"""Sales history of a fair day: list, detail, reprint, void and refund."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelection, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.codes import SaleKind, SaleStatus
from boothpos.core.money import format_rupiah
from boothpos.core.sales import Sale
from boothpos.core.users import User
from boothpos.gui.controllers.history_controller import HistoryController
from boothpos.gui.dialogs import DialogSlot
from boothpos.gui.labels import keep_amounts, method_label, plural, sentence, status_label
from boothpos.gui.models import sale_lines_model as lines_cols
from boothpos.gui.models.sale_lines_model import SaleLinesModel
from boothpos.gui.models.sales_model import (
    COL_CASHIER,
    SalesTableModel,
    display_time,
)
from boothpos.gui.scanner import BurstGuard
from boothpos.gui.views.refund_dialog import RefundDialog
from boothpos.gui.views.supervisor_dialog import SupervisorDialog

REPRINT_KEY = "F6"
VOID_KEY = "F7"
REFUND_KEY = "F8"


def looks_like_barcode(code: str) -> bool:
    """A product scan (EAN-8, UPC-A, EAN-13 digits), not a receipt number typed fast."""
    return code.isascii() and code.isdigit() and len(code) in (8, 12, 13)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class HistoryScreen(QWidget):
    """Keys: ↑/↓ choose a sale, F6 reprint, F7 void, F8 refund, Ctrl+F search, Esc back."""

    backRequested = Signal()
    scanned = Signal(str)  # a scanner burst on this screen (the window puts it in the cart)

    def __init__(self, controller: HistoryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyScreen")
        self._controller = controller
        self._selected: Sale | None = None
        self._dialogs: DialogSlot[QDialog] = DialogSlot(closed=self._dialog_closed)  # one at a time

        self.model = SalesTableModel(self)
        self.lines_model = SaleLinesModel(self)

        top = self._build_top(controller)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_sales_list())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setChildrenCollapsible(False)
        bottom = self._build_bottom()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._add_shortcuts()

        # a scan here is never silently dropped: the window sells it, this screen says so
        self.burst_guard = BurstGuard(self, wants=looks_like_barcode, parent=self)
        self.burst_guard.scanned.connect(self.scanned)

        controller.salesChanged.connect(self._show_sales)
        controller.info.connect(lambda text: self._show_banner(text, error=False))
        controller.failed.connect(lambda text: self._show_banner(text, error=True))
        controller.printed.connect(self._on_printed)
        self._show_detail(None)

    def _build_top(self, controller: HistoryController) -> QHBoxLayout:
        """The title, the day shown and the receipt search."""
        title = QLabel(self.tr("Sales history"))
        title.setObjectName("screenTitle")
        self.day_edit = QDateEdit()
        self.day_edit.setObjectName("historyDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd-MM-yyyy")
        self.day_edit.setDate(_qdate(controller.day))
        self.day_edit.dateChanged.connect(self._on_day_changed)
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setAutoDefault(False)
        self.today_button.clicked.connect(self.show_today)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("historySearch")
        self.search_edit.setPlaceholderText(self.tr("Search receipt no. (all days)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search)
        self.search_edit.returnPressed.connect(lambda: self.table.setFocus())

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        day_label = QLabel(self.tr("Day"))
        day_label.setBuddy(self.day_edit)
        top.addWidget(day_label)
        top.addWidget(self.day_edit)
        top.addWidget(self.today_button)
        top.addSpacing(12)
        top.addWidget(self.search_edit, 1)
        return top

    def _build_sales_list(self) -> QWidget:
        """The day's sales and their summary."""
        self.table = QTableView()
        self.table.setObjectName("salesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CASHIER, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.summary)
        return left

    def _build_detail(self) -> QFrame:
        """The chosen sale: its lines, payments, and reprint / void / refund."""
        self.detail_title = QLabel()
        self.detail_title.setObjectName("detailTitle")
        self.detail_info = QLabel()
        self.detail_info.setObjectName("detailInfo")
        self.detail_info.setWordWrap(True)
        self.lines_view = QTableView()
        self.lines_view.setObjectName("saleLines")
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines_view.verticalHeader().hide()
        self.lines_view.setWordWrap(False)
        lines_header = self.lines_view.horizontalHeader()
        lines_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lines_header.setSectionResizeMode(lines_cols.COL_PRODUCT, QHeaderView.ResizeMode.Stretch)
        lines_header.setSectionResizeMode(
            lines_cols.COL_PARTNER, QHeaderView.ResizeMode.Interactive
        )
        lines_header.resizeSection(lines_cols.COL_PARTNER, 200)
        self.payments_label = QLabel()
        self.payments_label.setObjectName("detailPayments")
        self.payments_label.setWordWrap(True)

        self.reprint_button = QPushButton(self.tr("Reprint") + f"  ({REPRINT_KEY})")
        self.reprint_button.setObjectName("reprintButton")
        self.void_button = QPushButton(self.tr("Void") + f"  ({VOID_KEY})")
        self.void_button.setObjectName("voidButton")
        self.refund_button = QPushButton(self.tr("Refund") + f"  ({REFUND_KEY})")
        self.refund_button.setObjectName("refundButton")
        for button, slot in (
            (self.reprint_button, self.reprint),
            (self.void_button, self.void),
            (self.refund_button, self.refund),
        ):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(self.void_button)
        buttons.addWidget(self.refund_button)

        detail = QFrame()
        detail.setObjectName("detailPanel")
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_info)
        detail_layout.addWidget(self.lines_view, 1)
        detail_layout.addWidget(self.payments_label)
        detail_layout.addLayout(buttons)
        return detail

    def _build_bottom(self) -> QHBoxLayout:
        """Messages, and back to the sale screen."""
        self.banner = QLabel()
        self.banner.setObjectName("historyBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.back_button = QPushButton(self.tr("Back to sale") + "  (Esc)")
        self.back_button.setObjectName("backButton")
        self.back_button.setAutoDefault(False)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.backRequested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.banner, 1)
        bottom.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignRight)
        return bottom

    def _add_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (REPRINT_KEY, self.reprint),
            (VOID_KEY, self.void),
            (REFUND_KEY, self.refund),
            ("Ctrl+F", self._focus_search),
            ("Esc", self.backRequested.emit),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # ----------------------------------------------------------- public ---

    def open_day(self, day: date | None = None) -> None:
        """Show ``day`` (default: today) with the newest sale selected."""
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._controller.search = ""
        self.banner.hide()
        day = day or self._controller.today()
        if self.day_edit.date() != _qdate(day):
            self.day_edit.setDate(_qdate(day))  # loads through _on_day_changed
        else:
            self._controller.load(day)
        self.select_last()
        self.table.setFocus()

    def set_user(self, user: User | None) -> None:
        """The signed-in user: asks for voids and records refunds."""
        self._controller.set_user(user)

    def show_today(self) -> None:
        self.open_day(self._controller.today())

    def selected_sale(self) -> Sale | None:
        return self._selected

    def select_receipt(self, receipt_no: str) -> None:
        row = self.model.row_of(receipt_no)
        if row >= 0:
            self.table.selectRow(row)

    def select_last(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(self.model.rowCount() - 1)

    def reprint(self) -> None:
        if self._selected is not None:
            self._controller.reprint(self._selected.receipt_no)

    def void(self) -> None:
        sale = self._selected
        if sale is None or self.dialog is not None:
            return
        if not self._controller.can_void(sale):
            self._show_banner(self._why_not_void(sale), error=True)
            return
        summary = self.tr(
            "Void the whole sale {receipt} of {total}? The goods go back in "
            "stock. A supervisor approves with their PIN."
        ).format(receipt=sale.receipt_no, total=format_rupiah(sale.total))
        dialog = self._supervisor_dialog(self.tr("Void sale"), summary)
        dialog.accepted.connect(lambda: self._controller.void(sale.receipt_no, dialog.approval()))
        self._open(dialog)

    def refund(self) -> None:
        sale = self._selected
        if sale is None or self.dialog is not None:
            return
        if not self._controller.can_refund(sale):
            self._show_banner(self._why_not_refund(sale), error=True)
            return
        dialog = RefundDialog(
            sale,
            self._controller.refundable(sale),
            lambda wanted: self._controller.refund_amount(sale, wanted),
            self._controller.refund_methods(sale),
            self._controller.default_refund_method(sale),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._approve_refund(sale, dialog))
        self._open(dialog)

    # ---------------------------------------------------------- private ---

    def _approve_refund(self, sale: Sale, choice: RefundDialog) -> None:
        lines, restock, method = choice.lines(), choice.restock(), choice.method()
        amount = self._controller.refund_amount(sale, lines)
        summary = self.tr(
            "Refund {amount} from receipt {receipt} ({method}). A supervisor "
            "approves with their PIN."
        ).format(amount=format_rupiah(amount), receipt=sale.receipt_no, method=method_label(method))
        dialog = self._supervisor_dialog(self.tr("Approve refund"), summary)
        dialog.accepted.connect(
            lambda: self._controller.refund(
                sale.receipt_no, lines, dialog.approval(), restock=restock, method=method
            )
        )
        self._open(dialog)

    def _supervisor_dialog(self, title: str, summary: str) -> SupervisorDialog:
        check = self._controller.supervisor_check
        return SupervisorDialog(
            title, summary, check.users(), check.verify,
            preferred=self._controller.user, parent=self,
        )  # fmt: skip

    @property
    def dialog(self) -> QDialog | None:
        """The approval or refund dialog open now (one at a time)."""
        return self._dialogs.current

    def _open(self, dialog: SupervisorDialog | RefundDialog) -> None:
        self._dialogs.open(dialog)

    def _dialog_closed(self) -> None:
        if self.dialog is None:
            self.window().activateWindow()  # back to the list, ready for the next key
            self.table.setFocus()

    def _why_not_void(self, sale: Sale) -> str:
        if sale.kind != SaleKind.SALE:
            return self.tr("A refund cannot be voided.")
        if sale.status == SaleStatus.VOIDED:
            return self.tr("This sale is already voided.")
        if sale.day != self._controller.today().isoformat():
            return self.tr("Only today's sales can be voided; use Refund for an earlier day.")
        return self.tr("This sale already has a refund; it cannot be voided.")

    def _why_not_refund(self, sale: Sale) -> str:
        if sale.kind != SaleKind.SALE:
            return self.tr("A refund cannot be refunded.")
        if sale.status == SaleStatus.VOIDED:
            return self.tr("This sale is voided; there is nothing to refund.")
        return self.tr("Everything on this receipt has already been refunded.")

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _on_day_changed(self, qdate: QDate) -> None:
        self._controller.load(date(qdate.year(), qdate.month(), qdate.day()))
        self.select_last()

    def _on_search(self, text: str) -> None:
        self._controller.load(search=text)
        if self.model.rowCount():
            self.table.selectRow(0)

    def _show_sales(self, sales: list[Sale]) -> None:
        keep = self._selected.receipt_no if self._selected else None
        self.model.set_sales(sales, with_date=bool(self._controller.search))
        count, total = self._controller.summary(sales)
        self.summary.setText(
            self.tr("{count} · {total}").format(
                count=plural(count, self.tr("{n} receipt"), self.tr("{n} receipts")),
                total=format_rupiah(total),
            )
        )
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show_detail(None)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        sale = self.model.sale_at(rows[0].row()) if rows else None
        self._show_detail(sale)
        if sale is not None:
            self.table.scrollTo(rows[0])

    def _show_detail(self, sale: Sale | None) -> None:
        self._selected = sale
        if sale is not None:
            sale = self._controller.sale(sale.receipt_no)  # fresh: status may have changed
            self._selected = sale
        self.reprint_button.setEnabled(sale is not None)
        self.void_button.setEnabled(self._controller.can_void(sale))
        self.refund_button.setEnabled(self._controller.can_refund(sale))
        if sale is None:
            self.detail_title.setText(self.tr("No sale selected"))
            self.detail_info.setText(self.tr("Choose a sale in the list."))
            self.lines_model.set_lines([])
            self.payments_label.clear()
            return
        self.detail_title.setText(
            f"{sale.receipt_no}  ·  {status_label(sale.status)}  ·  {format_rupiah(sale.total)}"
        )
        info = [
            self.tr("{time} · cashier {cashier}").format(
                time=display_time(sale.time, with_date=True), cashier=sale.cashier_name
            )
        ]
        if sale.refund_of:
            info.append(
                self.tr("Refund of receipt {receipt}: {reason}").format(
                    receipt=sale.refund_of, reason=sale.reason
                )
            )
        if sale.kind == SaleKind.REFUND and sale.approved_by:
            info.append(self.tr("Approved by {name}").format(name=sale.approved_by))
        is_sale = sale.kind == SaleKind.SALE
        items, amount = self._controller.refunded_so_far(sale) if is_sale else (0, 0)
        if items:
            info.append(
                self.tr("Refunded so far: {items}, {amount}").format(
                    items=plural(items, self.tr("{n} item"), self.tr("{n} items")),
                    amount=format_rupiah(amount),
                )
            )
        if sale.status == SaleStatus.VOIDED:
            info.append(
                self.tr("Voided at {time}: {reason}").format(
                    time=display_time(sale.void_time, with_date=True), reason=sale.void_reason
                )
            )
        self.detail_info.setText(keep_amounts("\n".join(info)))
        self.lines_model.set_lines(sale.lines)
        if sale.kind == SaleKind.REFUND:  # money paid back: "Refund: Tunai Rp 285.000"
            back = [f"{method_label(p.method)} {format_rupiah(-p.amount)}" for p in sale.payments]
            text = self.tr("Refund: {payments}").format(payments=", ".join(back) or "—")
            self.payments_label.setText(keep_amounts(text))
            return
        paid = [f"{method_label(p.method)} {format_rupiah(p.amount)}" for p in sale.payments]
        text = self.tr("Paid: {payments}").format(payments=", ".join(paid) or "—")
        if sale.change:
            text += "  ·  " + self.tr("Change: {change}").format(change=format_rupiah(sale.change))
        self.payments_label.setText(keep_amounts(text))

    def show_scan_result(self, text: str, *, error: bool) -> None:
        """What became of a scan made on this screen (added to the cart, or why not)."""
        if error:
            QApplication.beep()
        self._show_banner(text, error=error)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.burst_guard.install()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.burst_guard.uninstall()
        super().hideEvent(event)

    def _on_printed(self, receipt_no: str, text: str) -> None:
        """Add "printed" to the message about that receipt instead of replacing it."""
        current = self.banner.text()
        same_receipt = current and receipt_no in current
        if same_receipt and self.banner.isVisible() and self.banner.property("role") == "info":
            text = f"{current} {text}"
        self._show_banner(text, error=False)

    def _show_banner(self, text: str, *, error: bool) -> None:
        self.banner.setText(keep_amounts(sentence(text)))
        self.banner.setProperty("role", "error" if error else "info")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.show()
