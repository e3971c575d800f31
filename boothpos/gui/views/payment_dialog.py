"""The payment dialog (F12): cash with the exact total filled in; Enter completes.

Keys: F5 cash, F6 QRIS, F7 debit, F8 credit, F9 transfer (the amount field
gets what is still due, selected, so typing replaces it); Enter completes the
sale when the amount covers what is due, or takes a non-cash amount below it
as a part payment (then the rest, usually cash); Ctrl+Enter takes any amount
as a part payment; Esc cancels. A scanner burst (keys < 35 ms apart ending in
Enter) is never an amount nor the Enter that completes: the field gets its
text back and the code is emitted as ``scanned`` (the sale screen puts the
product into the cart behind the dialog and calls :meth:`retotal`). Every rule lives in
:class:`~boothpos.gui.controllers.payment_controller.PaymentController`.
A write the disk refuses (``StorageError``) closes the dialog: the sale
screen shows it on its banner and keeps the cart for a retry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.codes import METHODS, Method
from boothpos.core.errors import BoothError, StorageError
from boothpos.core.money import format_number, format_rupiah
from boothpos.core.qris import QrisCode
from boothpos.gui import palette as pal
from boothpos.gui.controllers.payment_controller import (
    Completed,
    Entry,
    PaymentController,
    Preview,
)
from boothpos.gui.labels import keep_amounts, method_label, sentence
from boothpos.gui.models.payment_lines_model import COL_AMOUNT, PaymentLinesModel
from boothpos.gui.output import describe_error
from boothpos.gui.scanner import BurstGuard
from boothpos.gui.views.qris_panel import QrisPanel, fit_to_screen

log = logging.getLogger(__name__)

METHOD_KEYS = {
    Method.CASH: Qt.Key.Key_F5,
    Method.QRIS: Qt.Key.Key_F6,
    Method.DEBIT: Qt.Key.Key_F7,
    Method.CREDIT: Qt.Key.Key_F8,
    Method.TRANSFER: Qt.Key.Key_F9,
}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

_STYLE = f"""
QDialog#paymentDialog {{ background: {pal.PAGE}; }}
QLabel {{ color: {pal.INK}; }}
QLabel#caption {{ color: {pal.CAPTION}; font-size: 11pt; }}
QLabel#totalValue {{ font-size: 30pt; font-weight: 700; }}
QLabel#dueValue {{ font-size: 16pt; font-weight: 700; color: {pal.WARNING}; }}
QLabel#changeValue {{ font-size: 30pt; font-weight: 700; }}
QLabel#changeValue[state="change"] {{ color: {pal.SUCCESS}; }}
QLabel#changeValue[state="short"] {{ color: {pal.DANGER}; }}
QLabel#changeValue[state="due"] {{ color: {pal.WARNING}; }}
QLabel#changeValue[state="none"] {{ color: {pal.CAPTION}; }}
QLabel#error {{ color: {pal.DANGER}; font-size: 11pt; font-weight: 600; }}
QLabel#error[state="info"] {{ color: {pal.SUCCESS}; }}
QLabel#hint {{ color: {pal.CAPTION}; }}
QFrame#card {{ background: {pal.WHITE}; border: 1px solid {pal.BORDER}; border-radius: 8px; }}
QLineEdit#amount {{
    font-size: 24pt; font-weight: 600; padding: 6px 12px; border: 2px solid {pal.ACCENT};
    border-radius: 6px; background: {pal.WHITE};
}}
QLineEdit#reference {{ font-size: 12pt; padding: 4px 8px; }}
QTableView#paymentLines {{ font-size: 11pt; background: {pal.WHITE}; }}
QLineEdit#reference:disabled {{ background: {pal.INPUT_DISABLED}; }}
QPushButton {{ font-size: 11pt; padding: 6px 12px; text-align: center; }}
QPushButton#method {{ font-size: 12pt; padding: 8px 10px; min-width: 112px; }}
QPushButton#method:checked {{
    background: {pal.ACCENT}; color: {pal.WHITE}; border: 1px solid {pal.ACCENT_BORDER};
    border-radius: 4px;
}}
QPushButton#quick {{ font-size: 12pt; padding: 6px 10px; }}
QPushButton#complete {{
    font-size: 13pt; font-weight: 700; padding: 10px 14px; background: {pal.SUCCESS};
    color: {pal.WHITE}; border: 1px solid {pal.PAY_BORDER}; border-radius: 6px;
}}
"""

# A short screen (a 1024×600 netbook): smaller type and spacing, so that two part
# payments, an error and the buttons still fit above the panel.
_COMPACT = """
QLabel#totalValue { font-size: 20pt; }
QLabel#dueValue { font-size: 13pt; }
QLabel#changeValue { font-size: 20pt; }
QLineEdit#amount { font-size: 17pt; padding: 2px 10px; }
QPushButton#method { font-size: 11pt; padding: 3px 8px; }
QPushButton#quick { font-size: 11pt; padding: 3px 8px; }
QPushButton#complete { font-size: 12pt; padding: 6px 12px; }
QLabel#caption { font-size: 10pt; }
QLabel#hint { font-size: 9pt; }
"""


class PaymentDialog(QDialog):
    """Takes payment through a :class:`PaymentController`; ``completed`` holds the outcome.

    ``scanned(code)``: a scanner burst arrived while the dialog was open (nothing paid).
    """

    scanned = Signal(str)

    def __init__(
        self,
        controller: PaymentController,
        parent: QWidget | None = None,
        *,
        qris: QrisCode | None = None,
        scanner_clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.qris_panel = QrisPanel(qris, self)  # shown while QRIS is the method
        self.completed: Completed | None = None
        self.method: str = Method.CASH
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment"))
        self.setStyleSheet(_STYLE)
        self.setMinimumWidth(860)

        self.compact = False
        self._build()
        self._select_method(Method.CASH)
        self.burst_guard = BurstGuard(self, clock=scanner_clock, parent=self)
        self.burst_guard.scanned.connect(self._burst)

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(18, 16, 18, 16)
        outer.setSpacing(14)
        root = QVBoxLayout()
        root.setSpacing(12)
        outer.addLayout(root, 1)
        self.qris_panel.setVisible(False)
        outer.addWidget(self.qris_panel)
        self._outer = outer
        self._root = root
        root.addWidget(self._build_totals())
        root.addWidget(self._build_lines())
        root.addLayout(self._build_methods())
        root.addLayout(self._build_form())
        self._build_messages(root)
        root.addLayout(self._build_buttons())

    def _build_totals(self) -> QFrame:
        """The card: total to pay, still due."""
        card = QFrame(self)
        card.setObjectName("card")
        top = QGridLayout(card)
        self._card_layout = top
        top.setContentsMargins(16, 12, 16, 12)
        top.addWidget(self._caption(self.tr("Total to pay")), 0, 0)
        self.total_value = QLabel(format_rupiah(self.controller.total), card)
        self.total_value.setObjectName("totalValue")
        self.total_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.total_value, 0, 1)
        self.due_caption = self._caption(self.tr("Still due"))
        self.due_value = QLabel("", card)
        self.due_value.setObjectName("dueValue")
        self.due_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.due_caption, 1, 0)
        top.addWidget(self.due_value, 1, 1)
        return card

    def _build_lines(self) -> QTableView:
        """The part payments taken so far (Del removes one)."""
        self.lines_model = PaymentLinesModel(self)
        self.lines_view = QTableView(self)
        self.lines_view.setObjectName("paymentLines")
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.verticalHeader().setVisible(False)
        self.lines_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lines_view.horizontalHeader().setSectionResizeMode(
            COL_AMOUNT, QHeaderView.ResizeMode.ResizeToContents
        )
        self.lines_view.verticalHeader().setDefaultSectionSize(28)
        self.lines_view.setToolTip(self.tr("Part payments taken; Del removes the selected one"))
        self.lines_view.installEventFilter(self)
        return self.lines_view

    def _build_methods(self) -> QHBoxLayout:
        """One button per payment method, each with its F-key."""
        methods = QHBoxLayout()
        methods.setSpacing(6)
        self.method_group = QButtonGroup(self)
        self.method_group.setExclusive(True)
        self.method_buttons: dict[str, QPushButton] = {}
        for method in METHODS:
            key_name = QKeySequence(METHOD_KEYS[method]).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            button = QPushButton(f"{method_label(method)}\n{key_name}", self)
            button.setObjectName("method")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, m=method: self._select_method(m))
            self.method_group.addButton(button)
            self.method_buttons[method] = button
            methods.addWidget(button)
            shortcut = QShortcut(QKeySequence(METHOD_KEYS[method]), self)
            shortcut.activated.connect(lambda m=method: self._select_method(m))
        return methods

    def _build_form(self) -> QGridLayout:
        """Amount received (with quick amounts), reference, change."""
        form = QGridLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        self._form = form
        self.amount_caption = self._caption(self.tr("Amount received"))
        form.addWidget(self.amount_caption, 0, 0)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("amount")
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_edit.textChanged.connect(lambda _t: self._input_changed())
        form.addWidget(self.amount_edit, 0, 1)

        self.quick_row = QHBoxLayout()
        self.quick_row.setSpacing(6)
        self.quick_buttons: list[QPushButton] = []
        form.addLayout(self.quick_row, 1, 1)

        self.reference_caption = self._caption(self.tr("Reference (optional)"))
        form.addWidget(self.reference_caption, 2, 0)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setObjectName("reference")
        self.reference_edit.setPlaceholderText(self.tr("Approval code, last 4 digits, …"))
        form.addWidget(self.reference_edit, 2, 1)

        self.change_caption = self._caption(self.tr("Change"))
        form.addWidget(self.change_caption, 3, 0)
        self.change_value = QLabel("", self)
        self.change_value.setObjectName("changeValue")
        self.change_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addWidget(self.change_value, 3, 1)
        form.setColumnStretch(1, 1)
        return form

    def _build_messages(self, root: QVBoxLayout) -> None:
        """The refusal line and the keys hint."""
        self.error_label = QLabel("", self)
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        root.addWidget(self.error_label)

        hint = QLabel(
            self.tr(
                "Enter completes the sale · a non-cash amount below the total is taken as a "
                "part payment · Ctrl+Enter adds any part payment · Esc cancels"
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.hint = hint
        root.addWidget(hint)

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add part payment (Ctrl+Enter)"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_part_payment)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.complete_button = QPushButton(self.tr("Complete sale (Enter)"), self)
        self.complete_button.setObjectName("complete")
        self.complete_button.setAutoDefault(False)
        self.complete_button.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.complete_button.clicked.connect(self.press_enter)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.complete_button, 1)
        return buttons

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("caption")
        return label

    # -- state -> widgets -------------------------------------------------------------

    def entry(self) -> Entry:
        return Entry(self.method, self.amount_edit.text(), self.reference_edit.text())

    def _select_method(self, method: str) -> None:
        self.method = method
        self.method_buttons[method].setChecked(True)
        noncash = method != Method.CASH
        self.reference_edit.setEnabled(noncash)
        if not noncash:
            self.reference_edit.clear()
        self.amount_caption.setText(
            self.tr("Amount received") if not noncash else self.tr("Amount")
        )
        self._fill_amount(self.controller.due)
        self._rebuild_quick()
        self._refresh()

    def _fill_amount(self, amount: int) -> None:
        self.amount_edit.setText(format_number(amount))
        self.amount_edit.selectAll()
        self.amount_edit.setFocus()

    def _rebuild_quick(self) -> None:
        for button in self.quick_buttons:
            self.quick_row.removeWidget(button)
            button.hide()  # until deleteLater runs it would sit at the dialog's corner
            button.deleteLater()
        self.quick_buttons = []
        due = self.controller.due
        amounts = [due] + (self.controller.quick_amounts() if self.method == Method.CASH else [])
        for n, amount in enumerate(amounts):
            text = self.tr("Exact amount") if n == 0 else format_rupiah(amount)
            button = QPushButton(text, self)
            button.setObjectName("quick")
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(format_rupiah(amount))
            button.clicked.connect(lambda _c=False, a=amount: self._fill_amount(a))
            self.quick_row.addWidget(button)
            self.quick_buttons.append(button)

    def _input_changed(self) -> None:
        """The cashier corrected the amount: an old refusal no longer applies."""
        self.show_error("")
        self._refresh()

    def _refresh(self) -> None:
        controller = self.controller
        has_lines = bool(controller.lines)
        self.lines_view.setVisible(has_lines)
        if has_lines:
            self._fit_lines_view()
        self.due_caption.setVisible(has_lines)
        self.due_value.setVisible(has_lines)
        self.due_value.setText(format_rupiah(controller.due))
        preview = controller.preview(self.entry())
        self._show_preview(preview)
        self._show_qris(preview)
        if self.isVisible():
            self.fit_screen()

    def _show_qris(self, preview: Preview) -> None:
        """QRIS: the code for the amount typed (see gui.views.qris_panel)."""
        shown = self.method == Method.QRIS
        if shown:
            self.qris_panel.set_amount(preview.amount if preview.action != "invalid" else None)
        if shown != self.qris_panel.isVisibleTo(self):
            self.qris_panel.setVisible(shown)
            fit_to_screen(self)

    def _fit_lines_view(self) -> None:
        view = self.lines_view
        rows = self.lines_model.rowCount()
        height = (
            view.horizontalHeader().sizeHint().height()
            + sum(view.rowHeight(r) for r in range(rows))
            + 2 * view.frameWidth()
        )
        view.setFixedHeight(min(height, 86 if self.compact else 150))

    def screen_height(self) -> int:
        """The height the dialog may take: the screen's, and no more than its window's."""
        height = self.screen().availableGeometry().height()
        parent = self.parentWidget()
        if parent is not None and parent.window().isVisible():
            height = min(height, parent.window().height())
        return height

    def fit_screen(self) -> None:
        """On a short screen switch to the compact layout once the dialog would not fit."""
        if self.compact or self.sizeHint().height() <= self.screen_height():
            return
        self.compact = True
        self.setStyleSheet(_STYLE + _COMPACT)
        self._outer.setContentsMargins(12, 8, 12, 8)
        self._root.setSpacing(6)
        self._card_layout.setContentsMargins(12, 4, 12, 4)
        self._form.setVerticalSpacing(4)
        if self.lines_view.isVisible():
            self._fit_lines_view()
        self.adjustSize()

    def _show_preview(self, preview: Preview) -> None:
        if preview.action == "complete":
            self.change_caption.setText(self.tr("Change"))
            self.change_value.setText(format_rupiah(preview.change))
            state = "change" if preview.change else "none"
            self.complete_button.setText(self.tr("Complete sale (Enter)"))
        elif preview.action == "add":
            self.change_caption.setText(self.tr("Still due after this"))
            self.change_value.setText(format_rupiah(preview.short))
            state = "due"
            self.complete_button.setText(self.tr("Add payment (Enter)"))
        elif preview.action == "short":
            self.change_caption.setText(self.tr("Short"))
            self.change_value.setText(format_rupiah(preview.short))
            state = "short"
            self.complete_button.setText(self.tr("Complete sale (Enter)"))
        else:
            self.change_caption.setText(self.tr("Change"))
            self.change_value.setText("–")
            state = "none"
            self.complete_button.setText(self.tr("Complete sale (Enter)"))
        self.change_value.setProperty("state", state)
        self.change_value.style().unpolish(self.change_value)
        self.change_value.style().polish(self.change_value)

    def show_error(self, text: str, *, state: str = "error") -> None:
        self.error_label.setText(keep_amounts(sentence(text)))
        self.error_label.setVisible(bool(text))
        if text and self.isVisible():
            self.fit_screen()
        self.error_label.setProperty("state", state)
        self.error_label.style().unpolish(self.error_label)
        self.error_label.style().polish(self.error_label)

    # -- a scan while paying ----------------------------------------------------------

    def _burst(self, code: str) -> None:
        self.scanned.emit(code)

    def retotal(self, total: int, note: str) -> None:
        """The cart behind the dialog now totals ``total`` (a product was scanned).

        An amount still showing what was due before follows the new due; an
        amount the cashier typed stays. ``note`` says what happened.
        """
        old_due = self.controller.due
        try:
            untouched = self.controller.parse_amount(self.amount_edit.text()) == old_due
        except BoothError:
            untouched = False
        self.controller.set_total(total)
        self.total_value.setText(format_rupiah(total))
        if untouched:
            self._fill_amount(self.controller.due)
        self._rebuild_quick()
        self._refresh()
        self.show_error(note, state="info")

    def scan_refused(self, text: str) -> None:
        """A scan that could not go into the cart: beep, say why, nothing paid."""
        QApplication.beep()
        self.show_error(text)

    # -- actions ----------------------------------------------------------------------

    def press_enter(self) -> None:
        """Complete the sale, or take a part payment (see PaymentController.enter)."""
        self._act(self.controller.enter)

    def _act(self, action: Callable[[Entry], Completed | None]) -> None:
        self.show_error("")
        try:
            done = action(self.entry())
        except StorageError:
            # Disk full / read-only: nothing was saved. The sale screen keeps the cart and
            # shows the message as a banner that stays; the dialog gets out of the way.
            QApplication.beep()
            self.reject()
            return
        except BoothError as exc:
            self._refused(exc.message())
            return
        except Exception as exc:  # noqa: BLE001 - e.g. the database is locked or the disk full
            log.exception("payment could not be recorded")
            self._refused(
                self.tr("The sale was not recorded: {reason}").format(reason=describe_error(exc))
            )
            return
        if done is None:
            self._after_part_payment()
            return
        self.completed = done
        self.accept()

    def add_part_payment(self) -> None:
        """Ctrl+Enter: take the amount as a part payment (if it pays the rest: complete)."""
        self._act(self.controller.add_line)

    def remove_part_payment(self, row: int) -> None:
        if 0 <= row < len(self.controller.lines):
            self.controller.remove_line(row)
            self.lines_model.set_lines(list(self.controller.lines))
            self._select_method(self.method)

    def _after_part_payment(self) -> None:
        self.lines_model.set_lines(list(self.controller.lines))
        self._select_method(Method.CASH)

    def _refused(self, text: str) -> None:
        QApplication.beep()
        self.show_error(text)
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    # -- keys -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.burst_guard.install()
        self.fit_screen()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.burst_guard.uninstall()
        super().hideEvent(event)

    def done(self, result: int) -> None:
        self.burst_guard.uninstall()
        super().done(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in _ENTER:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.add_part_payment()
            else:
                self.press_enter()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if obj is self.lines_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_part_payment(self.lines_view.currentIndex().row())
                return True
        return super().eventFilter(obj, event)
