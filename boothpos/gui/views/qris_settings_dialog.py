"""Admin → Booth QRIS…: scan the sticker with the 2D scanner, paste the payload or pick a photo.

The payload is validated (CRC, currency 360, country ID, mandatory tags, not
already carrying an amount, no tip/fee tags) before it is stored; a refusal
shows its reason and stores nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.errors import BoothError
from boothpos.core.qris import QrisCode
from boothpos.gui import palette as pal
from boothpos.gui.controllers.qris_controller import QrisSettingsController
from boothpos.gui.views.qris_panel import QrCodeWidget

_STYLE = f"""
QLabel#qrisCurrent {{ font-size: 12pt; font-weight: 600; }}
QLabel#qrisPayload {{ font-family: monospace; font-size: 9pt; color: {pal.CAPTION}; }}
QLabel#qrisError {{ color: {pal.DANGER}; font-weight: 600; }}
QLabel#qrisSaved {{ color: {pal.SUCCESS}; font-weight: 600; }}
QLineEdit#qrisInput {{ font-size: 11pt; padding: 6px; }}
"""


class QrisSettingsDialog(QDialog):
    def __init__(self, controller: QrisSettingsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Booth QRIS"))
        self.setStyleSheet(_STYLE)
        self.setMinimumWidth(640)
        root = QVBoxLayout(self)
        self.current_label = QLabel("", self)
        self.current_label.setObjectName("qrisCurrent")
        self.current_label.setWordWrap(True)
        root.addWidget(self.current_label)
        self.payload_label = QLabel("", self)
        self.payload_label.setObjectName("qrisPayload")
        self.payload_label.setWordWrap(True)
        self.payload_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.payload_label)
        self.qr = QrCodeWidget(self, minimum=220)
        root.addWidget(self.qr, 1)
        hint = QLabel(
            self.tr(
                "Scan the booth's QRIS sticker with the 2D scanner, or paste its payload, "
                "then Enter. Or pick a photo of the sticker."
            ),
            self,
        )
        hint.setWordWrap(True)
        root.addWidget(hint)
        row = QHBoxLayout()
        self.input = QLineEdit(self)
        self.input.setObjectName("qrisInput")
        self.input.setPlaceholderText(self.tr("000201010211…"))
        self.input.returnPressed.connect(self.submit)
        row.addWidget(self.input, 1)
        self.image_button = QPushButton(self.tr("Pick an image…"), self)
        self.image_button.setAutoDefault(False)
        self.image_button.clicked.connect(self.pick_image)
        row.addWidget(self.image_button)
        root.addLayout(row)
        self.message_label = QLabel("", self)
        self.message_label.setWordWrap(True)
        root.addWidget(self.message_label)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        root.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self._show(controller.current())
        self.input.setFocus()

    def _show(self, code: QrisCode | None) -> None:
        if code is None:
            self.current_label.setText(self.tr("No booth QRIS is set yet."))
            self.payload_label.setText("")
            self.qr.set_payload("")
            return
        self.current_label.setText(
            self.tr("{name}, {city} · NMID {nmid}").format(
                name=code.merchant_name, city=code.merchant_city, nmid=code.nmid or "–"
            )
        )
        self.payload_label.setText(code.payload)
        self.qr.set_payload(code.payload)

    def _say(self, text: str, *, error: bool) -> None:
        self.message_label.setObjectName("qrisError" if error else "qrisSaved")
        self.message_label.setStyleSheet(_STYLE)
        self.message_label.setText(text)

    def submit(self) -> bool:
        return self._store(lambda: self.controller.set_payload(self.input.text()))

    def load_image(self, path: str) -> bool:
        return self._store(lambda: self.controller.set_image(path))

    def pick_image(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Photo of the QRIS sticker"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_image(path)

    def _store(self, action) -> bool:
        try:
            code = action()
        except BoothError as exc:
            QApplication.beep()
            self._say(self.tr("Not stored: {reason}").format(reason=exc.message()), error=True)
            self.input.selectAll()
            return False
        self._show(code)
        self.input.clear()
        self._say(self.tr("Stored. QRIS payments now show the code with the amount."), error=False)
        return True
