"""The QRIS panel of the payment dialog, and the QR widget the customer display shares.

:class:`QrCodeWidget` paints a QR code module by module at a whole number of
pixels per module, centred on white with its quiet zone: crisp at any size
(never a scaled bitmap). :class:`QrisPanel` shows the booth's QRIS with the
amount in the code (``01`` = ``12``, tag ``54``), the amount in large type, and
a fallback button that shows the plain static code instead (the customer types
the amount). The payment stays pending until the attendant confirms it in the
dialog (Enter); the panel only shows the code. ``codeShown(payload, amount)``
tells the customer display what is on screen (``amount`` 0: the static code);
``codeHidden()`` that nothing is.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from boothpos.core.errors import BoothError
from boothpos.core.money import format_rupiah
from boothpos.core.qris import QrisCode, amount_payload
from boothpos.gui import palette as pal

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)

_STYLE = f"""
QFrame#qrisPanel {{ background: {pal.WHITE}; border: 1px solid {pal.BORDER}; border-radius: 8px; }}
QLabel#qrisTitle {{ font-size: 14pt; font-weight: 700; color: {pal.DANGER}; }}
QLabel#qrisAmount {{ font-size: 24pt; font-weight: 700; color: {pal.INK}; }}
QLabel#qrisMerchant {{ font-size: 10pt; color: {pal.CAPTION}; }}
QLabel#qrisStatus {{ font-size: 11pt; font-weight: 600; color: {pal.WARNING}; }}
QLabel#qrisMissing {{ font-size: 11pt; color: {pal.DANGER}; }}
QPushButton#qrisFallback {{ font-size: 10pt; padding: 4px 8px; }}
"""


def fit_to_screen(window: QWidget) -> None:
    """Resize ``window`` to its size hint (grown or shrunk), kept on its screen.

    Not ``adjustSize()``: that caps a window at 2/3 of the screen, too narrow for
    the payment form beside the code on a 1366-pixel booth laptop.
    """
    layout = window.layout()
    if layout is not None:
        layout.activate()
    hint = window.sizeHint()
    area = window.screen().availableGeometry()
    width = min(max(hint.width(), window.minimumWidth()), area.width())
    height = min(max(hint.height(), window.minimumHeight()), area.height())
    window.resize(width, height)
    x = min(max(window.x(), area.left()), area.right() - width + 1)
    y = min(max(window.y(), area.top()), area.bottom() - height + 1)
    window.move(x, y)


def qr_matrix(payload: str) -> list[list[bool]]:
    """The dark/light modules of ``payload`` as a QR code (error correction M, no micro QR)."""
    code = segno.make(payload, error="m", micro=False, boost_error=False)
    return [[bool(v) for v in row] for row in code.matrix]


class QrCodeWidget(QWidget):
    """Paints one QR code as large as it fits, whole pixels per module."""

    def __init__(self, parent: QWidget | None = None, *, minimum: int = 240) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self._payload = ""
        self._matrix: list[list[bool]] = []
        self.setMinimumSize(minimum, minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def payload(self) -> str:
        return self._payload

    def set_payload(self, payload: str) -> None:
        if payload == self._payload:
            return
        self._payload = payload
        self._matrix = qr_matrix(payload) if payload else []
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(340, 340)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return width

    def code_rect(self) -> QRect:
        """Where the code (quiet zone included) is painted."""
        if not self._matrix:
            return QRect()
        modules = len(self._matrix) + 2 * QUIET_ZONE
        scale = max(min(self.width(), self.height()) // modules, 1)
        side = modules * scale
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        rect = self.code_rect()
        if rect.isEmpty():
            painter.end()
            return
        painter.fillRect(rect, QColor("white"))
        scale = rect.width() // (len(self._matrix) + 2 * QUIET_ZONE)
        x0 = rect.x() + QUIET_ZONE * scale
        y0 = rect.y() + QUIET_ZONE * scale
        black = QColor("black")
        for r, row in enumerate(self._matrix):
            for c, dark in enumerate(row):
                if dark:
                    painter.fillRect(x0 + c * scale, y0 + r * scale, scale, scale, black)
        painter.end()


class QrisPanel(QFrame):
    """The booth's QRIS for the amount being paid (or the static code as a fallback)."""

    codeShown = Signal(str, int)  # payload, amount (0: the static code, amount typed by hand)
    codeHidden = Signal()

    def __init__(self, code: QrisCode | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrisPanel")
        self.setStyleSheet(_STYLE)
        self._code = code
        self._amount: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        self.title = QLabel(self.tr("Scan to pay with QRIS"), self)
        self.title.setObjectName("qrisTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.amount_label = QLabel("", self)
        self.amount_label.setObjectName("qrisAmount")
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.amount_label)
        self.qr = QrCodeWidget(self)
        layout.addWidget(self.qr, 1)
        self.merchant_label = QLabel("", self)
        self.merchant_label.setObjectName("qrisMerchant")
        self.merchant_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.merchant_label.setWordWrap(True)
        layout.addWidget(self.merchant_label)
        self.status_label = QLabel("", self)
        self.status_label.setObjectName("qrisStatus")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.fallback_button = QPushButton(self.tr("Show the static code"), self)
        self.fallback_button.setObjectName("qrisFallback")
        self.fallback_button.setCheckable(True)
        self.fallback_button.setAutoDefault(False)
        self.fallback_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fallback_button.toggled.connect(lambda _on: self._show())
        layout.addWidget(self.fallback_button)
        if code is not None:
            nmid = f" · NMID {code.nmid}" if code.nmid else ""
            self.merchant_label.setText(f"{code.merchant_name}, {code.merchant_city}{nmid}")
        else:
            self.merchant_label.setObjectName("qrisMissing")
            self.merchant_label.setText(
                self.tr("No booth QRIS is set: show the printed QRIS sticker (Admin → Booth QRIS…)")
            )
            self.fallback_button.setVisible(False)
            self.qr.setVisible(False)
        self.setMinimumWidth(420)

    @property
    def static_shown(self) -> bool:
        return self.fallback_button.isChecked()

    @property
    def payload(self) -> str:
        """The payload on screen now ("" when none)."""
        return self.qr.payload if self.isVisible() else ""

    def set_amount(self, amount: int | None) -> None:
        """Show the code for ``amount`` rupiah (None: no valid amount typed)."""
        self._amount = amount
        self._show()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        self.codeHidden.emit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._show()

    def _show(self) -> None:
        amount = self._amount
        self.amount_label.setText(format_rupiah(amount) if amount else "–")
        if self._code is None:
            self.status_label.setText(self.tr("Press Enter when the payment is received"))
            self._announce("", amount or 0)
            return
        if self.static_shown:
            self.fallback_button.setText(self.tr("Show the code with the amount"))
            self.qr.set_payload(self._code.payload)
            self.status_label.setText(
                self.tr("Static code: the customer types {amount}. Press Enter when received")
                .format(amount=format_rupiah(amount) if amount else "–")
            )  # fmt: skip
            self._announce(self._code.payload, 0)
            return
        self.fallback_button.setText(self.tr("Show the static code"))
        try:
            payload = amount_payload(self._code, amount) if amount else ""
        except BoothError:
            payload = ""
        self.qr.set_payload(payload)
        if payload:
            self.status_label.setText(
                self.tr("Waiting for the payment… Press Enter when it is received")
            )
        else:
            self.status_label.setText(self.tr("Type the amount to show its code"))
        self._announce(payload, amount or 0)

    def _announce(self, payload: str, amount: int) -> None:
        if not self.isVisible():
            return
        if payload:
            self.codeShown.emit(payload, amount)
        else:
            self.codeHidden.emit()
