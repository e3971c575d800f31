"""Choose what to refund: quantity per line, restock or not, and how the money goes back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.codes import Method
from boothpos.core.money import format_rupiah
from boothpos.core.sales import Sale
from boothpos.gui.labels import method_label


class RefundDialog(QDialog):
    """One quantity box per line (0 = keep); the refund total updates as you type."""

    def __init__(
        self,
        sale: Sale,
        refundable: dict[int, int],
        amount: Callable[[dict[int, int]], int],
        methods: tuple[str, ...] | list[str],
        default_method: str = Method.CASH,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setWindowTitle(
            self.tr("Refund from receipt {receipt}").format(receipt=sale.receipt_no)
        )
        self.setMinimumWidth(560)
        self._amount = amount
        self.spins: dict[int, QSpinBox] = {}

        intro = QLabel(self.tr("How many of each item does the customer bring back?"))
        intro.setWordWrap(True)
        scroll = self._build_lines(sale, refundable)

        self.all_button = QPushButton(self.tr("Everything left"))
        self.all_button.setAutoDefault(False)
        self.all_button.clicked.connect(self.select_all)
        form = self._build_form(methods, default_method)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Continue"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.all_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        first = next((s for s in self.spins.values() if s.isEnabled()), None)
        if first is not None:
            first.setFocus()
        self._update_total()

    def _build_lines(self, sale: Sale, refundable: dict[int, int]) -> QScrollArea:
        """One row per line of the sale: sold, still refundable, a quantity box."""
        grid = QGridLayout()
        for column, text in enumerate(
            (self.tr("Product"), self.tr("Sold"), self.tr("Can refund"), self.tr("Refund"))
        ):
            header = QLabel(text)
            header.setObjectName("gridHeader")
            grid.addWidget(header, 0, column)
        for row, line in enumerate(sale.lines, start=1):
            left = refundable.get(line.line_no, 0)
            name = QLabel(f"{line.name}\n{format_rupiah(line.unit_price)} · {line.partner_name}")
            grid.addWidget(name, row, 0)
            grid.addWidget(QLabel(str(line.qty)), row, 1, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(QLabel(str(left)), row, 2, Qt.AlignmentFlag.AlignRight)
            spin = QSpinBox()
            spin.setObjectName(f"refundQty{line.line_no}")
            spin.setRange(0, max(left, 0))
            spin.setEnabled(left > 0)
            spin.valueChanged.connect(self._update_total)
            grid.addWidget(spin, row, 3)
            self.spins[line.line_no] = spin
        grid.setColumnStretch(0, 1)
        holder = QWidget()
        holder.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _build_form(self, methods: tuple[str, ...] | list[str], default_method: str) -> QFormLayout:
        """Restock or not, how the money goes back, the refund total."""
        self.restock_box = QCheckBox(self.tr("Put the goods back in stock"))
        self.restock_box.setObjectName("restock")
        self.restock_box.setChecked(True)
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("refundMethod")
        for method in methods:
            self.method_combo.addItem(method_label(method), method)
        index = self.method_combo.findData(default_method)
        self.method_combo.setCurrentIndex(max(index, 0))

        self.total_label = QLabel()
        self.total_label.setObjectName("refundTotal")

        form = QFormLayout()
        form.addRow("", self.restock_box)
        form.addRow(self.tr("Money back by"), self.method_combo)
        form.addRow(self.tr("Refund total"), self.total_label)
        return form

    def lines(self) -> dict[int, int]:
        """Line no → quantity to refund (only lines with a quantity)."""
        return {no: spin.value() for no, spin in self.spins.items() if spin.value() > 0}

    def restock(self) -> bool:
        return self.restock_box.isChecked()

    def method(self) -> str:
        return str(self.method_combo.currentData())

    def select_all(self) -> None:
        for spin in self.spins.values():
            spin.setValue(spin.maximum())

    def accept(self) -> None:
        if self.lines():
            super().accept()

    def _update_total(self) -> None:
        wanted = self.lines()
        self.total_label.setText(format_rupiah(self._amount(wanted)))
        self.ok_button.setEnabled(bool(wanted))
