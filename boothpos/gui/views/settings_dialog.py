"""Preferences of this till: language, receipt width and printer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from boothpos.gui.i18n import LANGUAGES
from boothpos.gui.preferences import RECEIPT_WIDTHS, Preferences, normalise_printer


class SettingsDialog(QDialog):
    """Accepted → :meth:`preferences` gives the chosen values."""

    def __init__(
        self,
        prefs: Preferences,
        printers: list[str],
        check_printer: Callable[[str], str | None] = lambda _spec: None,
        parent: QWidget | None = None,
        *,
        hub_address: str | None = None,
        check_hub: Callable[[str], str | None] = lambda _text: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(440)
        self._printers = list(printers)
        self._check_printer = check_printer

        self._build_language_and_width(prefs)
        self._build_printer(prefs)
        note = QLabel(
            self.tr(
                "Receipts are always saved as PDF too, so any receipt can be "
                "printed again from the sales history."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("hint")

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Receipt width"), self.width_combo)
        form.addRow(self.tr("Print receipts on"), self.printer_kind)
        form.addRow(self.target_label, self.printer_target)
        self._check_hub = check_hub
        self.hub_edit: QLineEdit | None = None
        if hub_address is not None:  # this till syncs with a booth hub
            self.hub_edit = self._hub_edit(hub_address)
            form.addRow(self.tr("Booth hub"), self.hub_edit)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _build_language_and_width(self, prefs: Preferences) -> None:
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(prefs.language), 0))

        self.width_combo = QComboBox()
        self.width_combo.setObjectName("widthCombo")
        for width in RECEIPT_WIDTHS:
            self.width_combo.addItem(self.tr("{mm} mm").format(mm=width), width)
        self.width_combo.setCurrentIndex(max(self.width_combo.findData(prefs.receipt_width), 0))

    def _build_printer(self, prefs: Preferences) -> None:
        """Where receipts print: PDF only, a receipt printer, a system printer; and which."""
        self.printer_kind = QComboBox()
        self.printer_kind.setObjectName("printerKind")
        self.printer_kind.addItem(self.tr("PDF only (no printer)"), "pdf")
        self.printer_kind.addItem(self.tr("Receipt printer (ESC/POS)"), "escpos")
        self.printer_kind.addItem(self.tr("System printer"), "system")
        self.printer_target = QComboBox()
        self.printer_target.setObjectName("printerTarget")
        self.printer_target.setEditable(True)
        self.target_label = QLabel(self.tr("Printer"))
        kind, _, target = prefs.printer.partition(":")
        self.printer_kind.setCurrentIndex(max(self.printer_kind.findData(kind), 0))
        self._fill_targets(target)
        self.printer_kind.currentIndexChanged.connect(lambda _i: self._fill_targets(""))

    def _hub_edit(self, hub_address: str) -> QLineEdit:
        edit = QLineEdit(hub_address)
        edit.setObjectName("hubAddress")
        edit.setPlaceholderText("192.168.1.10:5432")
        edit.setToolTip(
            self.tr("Address of the booth hub (HOST:PORT), e.g. after its laptop got a new IP")
        )
        return edit

    def accept(self) -> None:
        problem = self._check_printer(self.preferences().printer)
        if self._needs_target() and not self.printer_target.currentText().strip():
            problem = self.tr("Fill in where the receipt printer is connected.")
        if problem:
            self.message.setText(problem)
            self.message.show()
            self.printer_target.setFocus()
            return
        hub = self.hub_address()
        problem = self._check_hub(hub) if hub is not None else None
        if problem:
            self.message.setText(problem)
            self.message.show()
            self.hub_edit.setFocus()
            return
        super().accept()

    def hub_address(self) -> str | None:
        """The booth hub's address as typed (None: this till has no hub)."""
        return self.hub_edit.text().strip() if self.hub_edit is not None else None

    def _needs_target(self) -> bool:
        return self.printer_kind.currentData() == "escpos"

    def preferences(self) -> Preferences:
        kind = str(self.printer_kind.currentData())
        target = self.printer_target.currentText().strip()
        spec = "pdf" if kind == "pdf" else f"{kind}:{target}"
        return Preferences(
            language=str(self.language_combo.currentData()),
            receipt_width=int(self.width_combo.currentData()),
            printer=normalise_printer(spec),
        )

    def _fill_targets(self, current: str) -> None:
        kind = self.printer_kind.currentData()
        self.printer_target.clear()
        if kind == "system":
            self.printer_target.addItems(self._printers)
            self.printer_target.lineEdit().setPlaceholderText(self.tr("default printer"))
        elif kind == "escpos":
            self.printer_target.lineEdit().setPlaceholderText(
                self.tr("usb:0416:5011, network:192.168.1.50, file:/dev/usb/lp0")
            )
        if current:
            self.printer_target.setCurrentText(current)
        enabled = kind != "pdf"
        self.printer_target.setEnabled(enabled)
        self.target_label.setEnabled(enabled)
