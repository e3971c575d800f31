"""Barcode labels: which products, how many, which label sheet or roll, then a PDF.

Products come from the rows selected on the inventory screen, or from one
partner (or all). Copies are a number per product, or one per item in
stock. A4 sheets can start part-way down a sheet that was used before. The
print offset corrects a printer that prints shifted (measure a test print
with "Draw label outlines"); it is kept per layout for the whole event.

Keys: Ctrl+Enter (or Enter on the Save button) saves the PDF; Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.errors import BoothError
from boothpos.core.labeling import MAX_COPIES, MAX_OFFSET_MM
from boothpos.core.products import Product
from boothpos.gui import palette as pal
from boothpos.gui.controllers.labels_controller import LabelsController, LabelsRequest, LabelsSaved
from boothpos.gui.views.stock_dialogs import sentence

_STYLE = f"""
QLabel#labelsSummary {{ font-size: 12pt; font-weight: 600; color: {pal.HEADING}; }}
QLabel#labelsSummary[role="error"] {{ color: {pal.DANGER_STRONG}; }}
QLabel#labelsResult {{ background: {pal.SUCCESS_SOFT}; color: {pal.SUCCESS_INK};
    border: 1px solid {pal.SUCCESS_BORDER};
                      border-radius: 4px; padding: 6px 8px; }}
QLabel#labelsResult[role="error"] {{ background: {pal.DANGER_SOFT}; color: {pal.DANGER_INK};
                                    border-color: {pal.DANGER_BORDER}; }}
QLabel#hint {{ color: {pal.HINT}; }}
QPushButton#saveButton {{ font-weight: 600; padding: 6px 18px; }}
"""


class LabelsDialog(QDialog):
    """``selected`` are the product ids chosen on the inventory screen (may be empty);
    ``partner_id`` the partner shown there (preselected when nothing is selected)."""

    def __init__(
        self,
        controller: LabelsController,
        selected: list[int] | None = None,
        partner_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.setWindowTitle(self.tr("Print barcode labels"))
        self.setStyleSheet(_STYLE)
        self.setMinimumWidth(560)
        self._controller = controller
        self._selected = list(selected or [])
        self._partners = controller.partners()
        self.last_saved: LabelsSaved | None = None
        self.busy = False

        which = self._build_products(partner_id)
        many = self._build_count()
        sheet = self._build_sheet(controller)
        result_row, buttons = self._build_result(controller)
        layout = QVBoxLayout(self)
        layout.addWidget(which)
        layout.addWidget(many)
        layout.addWidget(sheet)
        layout.addWidget(self.summary)
        layout.addLayout(result_row)
        layout.addLayout(buttons)

        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.save)

        index = self.layout_combo.findData(controller.default_layout())
        self.layout_combo.setCurrentIndex(max(index, 0))
        self._layout_changed()
        self._wire(controller)
        self._update_summary()
        self.copies_spin.setFocus()
        self.copies_spin.selectAll()

    def _build_products(self, partner_id: int | None) -> QGroupBox:
        """Which products: those selected in the list, or one partner's (or all)."""
        self.selected_radio = QRadioButton(
            self.tr("The {n} product(s) selected in the list").format(n=len(self._selected)),
            self,
        )
        self.selected_radio.setObjectName("labelsSelected")
        self.partner_radio = QRadioButton(self.tr("Products of"), self)
        self.partner_radio.setObjectName("labelsByPartner")
        self.partner_combo = QComboBox(self)
        self.partner_combo.setObjectName("labelsPartner")
        self.partner_combo.addItem(self.tr("All partners"), None)
        for partner in self._partners:
            self.partner_combo.addItem(f"{partner.code} — {partner.name}", partner.code)
        self.partner_combo.setMaxVisibleItems(20)
        self.source = QButtonGroup(self)
        self.source.addButton(self.selected_radio)
        self.source.addButton(self.partner_radio)
        if self._selected:
            self.selected_radio.setChecked(True)
        else:
            self.selected_radio.setEnabled(False)
            self.partner_radio.setChecked(True)
        if partner_id is not None:
            for partner in self._partners:
                if partner.id == partner_id:
                    self.partner_combo.setCurrentIndex(self.partner_combo.findData(partner.code))
        which = QGroupBox(self.tr("Products"), self)
        which_layout = QVBoxLayout(which)
        which_layout.addWidget(self.selected_radio)
        by_partner = QHBoxLayout()
        by_partner.addWidget(self.partner_radio)
        by_partner.addWidget(self.partner_combo, 1)
        which_layout.addLayout(by_partner)
        return which

    def _build_count(self) -> QGroupBox:
        """How many: copies of each, or one per item in stock."""
        self.copies_radio = QRadioButton(self.tr("Copies of each product"), self)
        self.copies_radio.setObjectName("labelsCopiesMode")
        self.copies_spin = QSpinBox(self)
        self.copies_spin.setObjectName("labelsCopies")
        self.copies_spin.setRange(1, MAX_COPIES)
        self.stock_radio = QRadioButton(self.tr("One per item in stock"), self)
        self.stock_radio.setObjectName("labelsPerStock")
        self.count_mode = QButtonGroup(self)
        self.count_mode.addButton(self.copies_radio)
        self.count_mode.addButton(self.stock_radio)
        self.copies_radio.setChecked(True)
        many = QGroupBox(self.tr("How many"), self)
        many_layout = QVBoxLayout(many)
        copies_row = QHBoxLayout()
        copies_row.addWidget(self.copies_radio)
        copies_row.addWidget(self.copies_spin)
        copies_row.addStretch(1)
        many_layout.addLayout(copies_row)
        many_layout.addWidget(self.stock_radio)
        return many

    def _build_sheet(self, controller: LabelsController) -> QGroupBox:
        """The label sheet: layout, the first free label, the print offset."""
        self.layout_combo = QComboBox(self)
        self.layout_combo.setObjectName("labelsLayout")
        for layout in controller.layouts():
            self.layout_combo.addItem(layout.describe(), layout.name)
        self.start_spin = QSpinBox(self)
        self.start_spin.setObjectName("labelsStart")
        self.start_hint = QLabel(self)
        self.start_hint.setObjectName("hint")
        self.offset_x = self._offset_spin("labelsOffsetX")
        self.offset_y = self._offset_spin("labelsOffsetY")
        self.outline_box = QCheckBox(
            self.tr("Draw label outlines (a test print on plain paper to check the offset)"),
            self,
        )
        self.outline_box.setObjectName("labelsOutline")
        sheet = QGroupBox(self.tr("Label sheet"), self)
        form = QFormLayout(sheet)
        form.addRow(self.tr("Layout"), self.layout_combo)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_spin)
        start_row.addWidget(self.start_hint, 1)
        form.addRow(self.tr("Start at label"), start_row)
        offset_row = QHBoxLayout()
        offset_row.addWidget(QLabel(self.tr("right"), self))
        offset_row.addWidget(self.offset_x)
        offset_row.addSpacing(12)
        offset_row.addWidget(QLabel(self.tr("down"), self))
        offset_row.addWidget(self.offset_y)
        offset_row.addStretch(1)
        form.addRow(self.tr("Print offset"), offset_row)
        offset_hint = QLabel(
            self.tr("Kept for this layout on every till of the event. Negative: left / up."),
            self,
        )
        offset_hint.setObjectName("hint")
        offset_hint.setWordWrap(True)
        form.addRow("", offset_hint)
        form.addRow("", self.outline_box)
        return sheet

    def _build_result(self, controller: LabelsController) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The summary, what was saved, and the buttons."""
        self.summary = QLabel(self)
        self.summary.setObjectName("labelsSummary")
        self.summary.setWordWrap(True)
        self.print_box = QCheckBox(self)
        self.print_box.setObjectName("labelsPrint")
        output = controller.output
        if output.can_print():
            name = output.printer_name() or self.tr("the default system printer")
            self.print_box.setText(self.tr("Print on {printer}").format(printer=name))
        else:
            self.print_box.setText(self.tr("Print (no system printer is set: PDF only)"))
            self.print_box.setEnabled(False)
        self.result = QLabel(self)
        self.result.setObjectName("labelsResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.open_button.setObjectName("labelsOpenFolder")
        self.open_button.setAutoDefault(False)
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_folder)
        self.save_button = QPushButton(self.tr("Save PDF"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result, 1)
        result_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_box, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        return result_row, buttons

    def _wire(self, controller: LabelsController) -> None:
        for signal in (
            self.source.buttonToggled,
            self.count_mode.buttonToggled,
        ):
            signal.connect(lambda *_args: self._update_summary())
        self.partner_combo.currentIndexChanged.connect(self._partner_chosen)
        self.copies_spin.valueChanged.connect(self._copies_typed)
        self.start_spin.valueChanged.connect(lambda _v: self._update_summary())
        self.layout_combo.currentIndexChanged.connect(self._layout_changed)
        controller.saved.connect(self._saved)
        controller.failed.connect(self._failed)
        controller.printFailed.connect(self._print_failed)

    # -- public ---------------------------------------------------------------------------

    def layout_name(self) -> str:
        return self.layout_combo.currentData()

    def chosen_products(self) -> list[Product]:
        if self.selected_radio.isChecked():
            return self._controller.choose(product_ids=self._selected)
        code = self.partner_combo.currentData()
        return self._controller.choose(partner_codes=[code] if code else [])

    def request(self) -> LabelsRequest:
        if self.selected_radio.isChecked():
            name = "pilihan"
        else:
            name = self.partner_combo.currentData() or "semua"
        return LabelsRequest(
            products=tuple(self.chosen_products()),
            copies=None if self.stock_radio.isChecked() else self.copies_spin.value(),
            layout=self.layout_name(),
            start=self.start_spin.value() if self.start_spin.isEnabled() else 1,
            offset=(self.offset_x.value(), self.offset_y.value()),
            outline=self.outline_box.isChecked(),
            print_labels=self.print_box.isEnabled() and self.print_box.isChecked(),
            name=name,
        )

    def save(self) -> None:
        """Make the PDF (in the background); the result shows in the dialog."""
        if self.busy:
            return
        for spin in (self.copies_spin, self.start_spin, self.offset_x, self.offset_y):
            spin.interpretText()
        try:
            self._controller.make(self.request())
        except BoothError as exc:
            self._show_result(sentence(exc.message()), error=True)
            return
        self.busy = True
        self.save_button.setEnabled(False)
        self._show_result(self.tr("Making the labels…"), error=False)

    def done(self, result: int) -> None:
        """Closing while a PDF is being made waits for it (it is saved, not lost)."""
        if self.busy:
            self._controller.work.wait_idle(60_000)
        super().done(result)

    # -- private -----------------------------------------------------------------------------

    def _offset_spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        limit = float(MAX_OFFSET_MM)
        spin.setRange(-limit, limit)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm")
        return spin

    def _layout_changed(self, _index: int = -1) -> None:
        layout = self._controller.layout(self.layout_name())
        sheet = layout.kind == "a4"
        self.start_spin.setRange(1, layout.per_page)
        self.start_spin.setEnabled(sheet)
        if not sheet:
            self.start_spin.setValue(1)
        self.start_hint.setText(
            self.tr("of {count} on the sheet (skip labels already used)").format(
                count=layout.per_page
            )
            if sheet
            else self.tr("a label roll prints one label per page")
        )
        x, y = self._controller.offset(layout.name)
        self.offset_x.setValue(x)
        self.offset_y.setValue(y)
        self._update_summary()

    def _partner_chosen(self, _index: int) -> None:
        self.partner_radio.setChecked(True)
        self._update_summary()

    def _copies_typed(self, _value: int) -> None:
        self.copies_radio.setChecked(True)
        self._update_summary()

    def _update_summary(self) -> None:
        try:
            labels, pages = self._controller.plan(self.request())
        except BoothError as exc:
            self.summary.setText(sentence(exc.message()))
            self._set_role(self.summary, "error")
            self.save_button.setEnabled(False)
            return
        layout = self._controller.layout(self.layout_name())
        if layout.kind == "a4":
            text = self.tr("{labels} label(s) on {pages} A4 sheet(s)")
        else:
            text = self.tr("{labels} label(s) on the roll")
        self.summary.setText(text.format(labels=labels, pages=pages))
        self._set_role(self.summary, "")
        self.save_button.setEnabled(not self.busy)

    def _saved(self, saved: LabelsSaved) -> None:
        self.busy = False
        self.last_saved = saved
        self.save_button.setEnabled(True)
        text = self.tr("Saved {labels} label(s), {pages} page(s): {path}").format(
            labels=saved.labels, pages=saved.pages, path=saved.path
        )
        if saved.printing:
            text += " " + self.tr("Sent to the printer.")
        self._show_result(text, error=False)
        self.open_button.show()
        self._layout_changed()  # shows the offset as stored

    def _failed(self, message: str) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self._show_result(self.tr("The labels could not be made: {reason}").format(
            reason=message
        ), error=True)  # fmt: skip

    def _print_failed(self, message: str) -> None:
        path = self.last_saved.path if self.last_saved else ""
        self._show_result(
            self.tr("Printer problem: {reason}. The PDF is saved: {path}").format(
                reason=message, path=path
            ),
            error=True,
        )

    def _open_folder(self) -> None:
        if self.last_saved is not None:
            self._controller.output.open_folder(self.last_saved.path)

    def _show_result(self, text: str, *, error: bool) -> None:
        self.result.setText(text)
        self._set_role(self.result, "error" if error else "")
        self.result.show()
        if error:
            self.open_button.hide()

    @staticmethod
    def _set_role(label: QLabel, role: str) -> None:
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)
