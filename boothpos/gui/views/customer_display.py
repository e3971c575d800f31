"""The customer display: a second window facing the customer.

It shows the event's name, the cart lines as they are scanned and the total;
during payment the amount and, for QRIS, the code with the amount in it; after
the sale the change and "Terima kasih". It shows nothing else: it is fed only
by :class:`~boothpos.gui.controllers.customer_display_controller.CustomerDisplayController`,
which follows the sale screen (no partner figures, no reports, no other screen).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.money import format_rupiah
from boothpos.gui import palette as pal
from boothpos.gui.models.cart_model import (
    COL_DISCOUNT,
    COL_PARTNER,
    COL_PRICE,
    COL_PRODUCT,
    COL_QTY,
    COL_TOTAL,
)
from boothpos.gui.views.qris_panel import QrCodeWidget

PAGE_WELCOME, PAGE_CART, PAGE_PAYMENT, PAGE_THANKS = range(4)
THANKS = "Terima kasih"  # said to every customer in Indonesian, whatever the till's language

_STYLE = f"""
QWidget#customerDisplay {{ background: {pal.DISPLAY}; }}
QLabel {{ color: {pal.WHITE}; }}
QLabel#cdEvent {{ font-size: 20pt; font-weight: 700; }}
QLabel#cdWelcome {{ font-size: 30pt; font-weight: 600; }}
QLabel#cdCaption {{ font-size: 16pt; color: {pal.DISPLAY_CAPTION}; }}
QLabel#cdTotal {{ font-size: 44pt; font-weight: 800; }}
QLabel#cdPayAmount {{ font-size: 48pt; font-weight: 800; }}
QLabel#cdHint {{ font-size: 16pt; color: {pal.DISPLAY_HINT}; }}
QLabel#cdThanks {{ font-size: 56pt; font-weight: 800; color: {pal.DISPLAY_THANKS}; }}
QLabel#cdChange {{ font-size: 34pt; font-weight: 700; }}
QFrame#cdQrCard {{ background: {pal.WHITE}; border-radius: 12px; }}
QTableView#cdLines {{
    font-size: 18pt; background: {pal.DISPLAY_ROWS}; color: {pal.WHITE}; border: none;
    alternate-background-color: {pal.DISPLAY_ROWS_ALT}; gridline-color: {pal.DISPLAY};
}}
QTableView#cdLines QHeaderView::section {{
    font-size: 13pt; background: {pal.DISPLAY}; color: {pal.DISPLAY_CAPTION}; border: none;
    padding: 6px;
}}
"""


class CustomerDisplay(QWidget):
    """The customer-facing window; its controller decides what it shows."""

    def __init__(self, event_name: str, cart_model: QAbstractItemModel) -> None:
        # It never takes the keyboard: scans must keep landing on the sale screen.
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(self.tr("Customer display — {event}").format(event=event_name))
        self.resize(1024, 640)
        root = QVBoxLayout(self)
        root.setContentsMargins(28, 20, 28, 20)
        root.setSpacing(12)
        self.event_label = QLabel(event_name, self)
        self.event_label.setObjectName("cdEvent")
        self.event_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.event_label)
        self.pages = QStackedWidget(self)
        root.addWidget(self.pages, 1)
        for page in (  # in the order of PAGE_WELCOME, PAGE_CART, PAGE_PAYMENT, PAGE_THANKS
            self._build_welcome(),
            self._build_cart(cart_model),
            self._build_payment(),
            self._build_thanks(),
        ):
            self.pages.addWidget(page)

    def _build_welcome(self) -> QWidget:
        welcome = QLabel(self.tr("Welcome"), self)
        welcome.setObjectName("cdWelcome")
        welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return welcome

    def _build_cart(self, cart_model: QAbstractItemModel) -> QWidget:
        """The lines as they are scanned, and the total."""
        cart = QWidget(self)
        cart_layout = QVBoxLayout(cart)
        cart_layout.setContentsMargins(0, 0, 0, 0)
        self.lines_view = QTableView(cart)
        self.lines_view.setObjectName("cdLines")
        self.lines_view.setModel(cart_model)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines_view.setAlternatingRowColors(True)
        self.lines_view.verticalHeader().setVisible(False)
        self.lines_view.verticalHeader().setDefaultSectionSize(40)
        for column in (COL_PARTNER, COL_DISCOUNT):
            self.lines_view.setColumnHidden(column, True)
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(COL_PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column in (COL_QTY, COL_PRICE, COL_TOTAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        cart_model.rowsInserted.connect(lambda *_a: self.lines_view.scrollToBottom())
        cart_layout.addWidget(self.lines_view, 1)
        totals = QHBoxLayout()
        caption = QLabel(self.tr("Total"), cart)
        caption.setObjectName("cdCaption")
        totals.addWidget(caption)
        self.total_label = QLabel(format_rupiah(0), cart)
        self.total_label.setObjectName("cdTotal")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        totals.addWidget(self.total_label, 1)
        cart_layout.addLayout(totals)
        return cart

    def _build_payment(self) -> QWidget:
        """The QRIS code with the amount in it, or the amount to pay."""
        pay = QWidget(self)
        pay_layout = QHBoxLayout(pay)
        pay_layout.setContentsMargins(0, 0, 0, 0)
        pay_layout.setSpacing(24)
        self.qr_card = QFrame(pay)
        self.qr_card.setObjectName("cdQrCard")
        card_layout = QVBoxLayout(self.qr_card)
        card_layout.setContentsMargins(12, 12, 12, 12)
        self.qr = QrCodeWidget(self.qr_card, minimum=300)
        card_layout.addWidget(self.qr)
        pay_layout.addWidget(self.qr_card, 1)
        pay_text = QVBoxLayout()
        pay_text.addStretch(1)
        pay_caption = QLabel(self.tr("To pay"), pay)
        pay_caption.setObjectName("cdCaption")
        pay_text.addWidget(pay_caption)
        self.pay_amount_label = QLabel("", pay)
        self.pay_amount_label.setObjectName("cdPayAmount")
        pay_text.addWidget(self.pay_amount_label)
        self.pay_hint_label = QLabel("", pay)
        self.pay_hint_label.setObjectName("cdHint")
        self.pay_hint_label.setWordWrap(True)
        pay_text.addWidget(self.pay_hint_label)
        pay_text.addStretch(1)
        pay_layout.addLayout(pay_text, 1)
        return pay

    def _build_thanks(self) -> QWidget:
        """Thanks, the change and what was paid."""
        thanks = QWidget(self)
        thanks_layout = QVBoxLayout(thanks)
        thanks_layout.addStretch(1)
        self.thanks_label = QLabel(THANKS, thanks)
        self.thanks_label.setObjectName("cdThanks")
        self.thanks_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        thanks_layout.addWidget(self.thanks_label)
        self.change_label = QLabel("", thanks)
        self.change_label.setObjectName("cdChange")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        thanks_layout.addWidget(self.change_label)
        self.paid_label = QLabel("", thanks)
        self.paid_label.setObjectName("cdHint")
        self.paid_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        thanks_layout.addWidget(self.paid_label)
        thanks_layout.addStretch(1)
        return thanks

    # -- what to show -------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def show_welcome(self) -> None:
        self.pages.setCurrentIndex(PAGE_WELCOME)

    def show_cart(self, total: int) -> None:
        self.total_label.setText(format_rupiah(total))
        self.pages.setCurrentIndex(PAGE_CART)

    def show_payment(self, amount: int, payload: str = "", *, static: bool = False) -> None:
        """The amount to pay; with ``payload`` the QRIS code (``static``: amount typed by hand)."""
        self.pay_amount_label.setText(format_rupiah(amount))
        self.qr.set_payload(payload)
        self.qr_card.setVisible(bool(payload))
        if not payload:
            self.pay_hint_label.setText("")
        elif static:
            self.pay_hint_label.setText(
                self.tr("Scan with any QRIS app and type the amount {amount}").format(
                    amount=format_rupiah(amount)
                )
            )
        else:
            self.pay_hint_label.setText(self.tr("Scan with any QRIS app: the amount is filled in"))
        self.pages.setCurrentIndex(PAGE_PAYMENT)

    def show_thanks(self, paid: int, change: int) -> None:
        self.change_label.setText(
            self.tr("Change {amount}").format(amount=format_rupiah(change)) if change else ""
        )
        self.paid_label.setText(self.tr("Paid {amount}").format(amount=format_rupiah(paid)))
        self.qr.set_payload("")
        self.pages.setCurrentIndex(PAGE_THANKS)
