"""Close the fair day: count the drawer by denomination, see the difference, confirm.

Keys: the focus starts on the Rp 100.000 count; type a count, Enter (or Tab)
moves down to the next denomination; Enter on the last one moves to
"Close the day", and Enter there confirms. Expected cash, counted cash and
the difference follow every keystroke (``core.days.close_preview``; nothing
is written before the confirmation). After the close the Z report is saved
under ``<event folder>/laporan`` and can be printed (Ctrl+P); Esc closes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from boothpos.core import bounds
from boothpos.core.codes import METHODS, DayStatus, Method
from boothpos.core.days import DayChoice
from boothpos.core.denominations import COINS, DENOMINATIONS, NOTES
from boothpos.core.errors import BoothError
from boothpos.core.formatting import day_text
from boothpos.core.money import format_rupiah
from boothpos.core.reports import DayReport
from boothpos.core.users import User
from boothpos.gui import palette as pal
from boothpos.gui.controllers.close_day_controller import FairDayController
from boothpos.gui.labels import method_label, sentence
from boothpos.gui.views.report_widgets import PdfPreview

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

_STYLE = f"""
QDialog#closeDayDialog {{ background: {pal.PAGE}; }}
QLabel#dialogTitle {{ font-size: 15pt; font-weight: 600; color: {pal.HEADING}; }}
QLabel#dayState {{ color: {pal.MUTED}; }}
QFrame#countPanel, QFrame#cashPanel, QFrame#donePanel {{
    background: {pal.WHITE}; border: 1px solid {pal.BORDER}; border-radius: 8px;
}}
QLabel#columnHead {{ color: {pal.CAPTION}; font-weight: 600; font-size: 9pt; }}
QLabel#denomination {{ font-size: 11pt; font-weight: 600; }}
QLabel#denominationKind {{ color: {pal.HINT}; font-size: 9pt; }}
QLabel#lineAmount {{ font-size: 11pt; color: {pal.INK_SOFT}; }}
QSpinBox {{ font-size: 12pt; min-width: 90px; min-height: 26px; }}
QLabel#countedTotal {{ font-size: 13pt; font-weight: 700; }}
QLabel#figureName {{ color: {pal.INK_SOFT}; font-size: 10.5pt; }}
QLabel#figureValue {{ font-size: 10.5pt; }}
QLabel#strongName, QLabel#strongValue {{ font-size: 11.5pt; font-weight: 700; }}
QLabel#differenceValue {{ font-size: 20pt; font-weight: 700; padding: 4px 0; }}
QLabel#differenceValue[state="even"] {{ color: {pal.SUCCESS}; }}
QLabel#differenceValue[state="over"] {{ color: {pal.WARNING}; }}
QLabel#differenceValue[state="short"] {{ color: {pal.DANGER}; }}
QLabel#differenceMeaning {{ font-size: 10.5pt; color: {pal.INTRO}; }}
QLabel#zNote {{ color: {pal.MUTED}; }}
QLabel#closeMessage {{ color: {pal.DANGER}; font-weight: 600; }}
QLabel#hint {{ color: {pal.HINT}; }}
QPushButton#confirmClose {{
    font-size: 12pt; font-weight: 700; padding: 8px 18px; background: {pal.ACCENT};
    color: {pal.WHITE};
    border: 1px solid {pal.ACCENT_BORDER}; border-radius: 6px;
}}
QPushButton#confirmClose:focus, QPushButton#printZ:focus {{ border: 3px solid {pal.ACCENT_FOCUS}; }}
QPushButton#confirmClose:disabled, QPushButton#printZ:disabled {{
    background: {pal.ACCENT_DISABLED}; border-color: {pal.ACCENT_DISABLED};
}}
QPushButton#printZ {{
    font-size: 11pt; font-weight: 600; padding: 6px 14px; background: {pal.ACCENT};
    color: {pal.WHITE};
    border: 1px solid {pal.ACCENT_BORDER}; border-radius: 6px;
}}
QScrollArea#previewScroll {{ background: {pal.PREVIEW}; border: none; }}
QLabel#previewImage {{ background: {pal.PREVIEW}; color: {pal.PREVIEW_TEXT}; padding: 8px; }}
QLabel#previewTitle {{ font-weight: 600; color: {pal.HEADING}; }}
QLabel#doneTitle {{ font-size: 15pt; font-weight: 700; color: {pal.SUCCESS}; }}
QLabel#doneText {{ font-size: 11pt; }}
"""


def difference_text(difference: int) -> str:
    """``+Rp 5.000`` (more cash than expected), ``-Rp 5.000`` (short) or ``Rp 0``."""
    return ("+" if difference > 0 else "") + format_rupiah(difference)


class CloseDayDialog(QDialog):
    """Counts the drawer of one fair day and closes it (``controller.close``)."""

    def __init__(
        self,
        controller: FairDayController,
        user: User,
        *,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeDayDialog")
        self.setWindowTitle(self.tr("Close the fair day"))
        self.setStyleSheet(_STYLE)
        self.setMinimumWidth(900)
        self._controller = controller
        self._user = user
        self._choices: list[DayChoice] = controller.day_choices()
        self.report: DayReport | None = None  # the Z report once the day is closed
        self.z_path = None
        self.spins: dict[int, QSpinBox] = {}
        self._amounts: dict[int, QLabel] = {}
        self._can_close = False

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.pages)

        start = day or controller.default_close_day()
        index = next((i for i, c in enumerate(self._choices) if c.day == start), 0)
        self.day_combo.setCurrentIndex(index)
        self.day_combo.currentIndexChanged.connect(lambda _i: self._day_chosen())
        controller.zSaved.connect(self._z_saved)
        controller.zFailed.connect(self._z_failed)
        controller.zPage.connect(self._z_page)
        self._day_chosen()

    # ------------------------------------------------------------ layout ---

    def _count_page(self) -> QWidget:
        page = QWidget(self)
        root = QVBoxLayout(page)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(10)

        title = QLabel(self.tr("Close the fair day"), page)
        title.setObjectName("dialogTitle")
        self.day_combo = QComboBox(page)
        self.day_combo.setObjectName("closeDayChoice")
        for choice in self._choices:
            self.day_combo.addItem(day_choice_text(choice), choice.day)
        day_label = QLabel(self.tr("&Day"), page)
        day_label.setBuddy(self.day_combo)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(day_label)
        top.addWidget(self.day_combo)
        root.addLayout(top)
        self.state_label = QLabel(page)
        self.state_label.setObjectName("dayState")
        self.state_label.setWordWrap(True)
        root.addWidget(self.state_label)

        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(self._count_panel(page), 5)
        body.addWidget(self._cash_panel(page), 4)
        root.addLayout(body, 1)

        self.message = QLabel(page)
        self.message.setObjectName("closeMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        root.addWidget(self.message)

        hint = QLabel(
            self.tr(
                "Type the number of each note and coin; Enter moves down. Enter on "
                "“Close the day” confirms, Esc cancels. Nothing is saved before that."
            ),
            page,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(self.tr("Close the day"), page)
        self.confirm_button.setObjectName("confirmClose")
        self.confirm_button.setAutoDefault(True)  # Enter confirms only while it has focus
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        root.addLayout(buttons)
        return page

    def _count_panel(self, parent: QWidget) -> QFrame:
        panel = QFrame(parent)
        panel.setObjectName("countPanel")
        grid = QGridLayout(panel)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(3)
        for column, text in enumerate(
            (self.tr("Note / coin"), self.tr("Count"), self.tr("Amount"))
        ):
            head = QLabel(text, panel)
            head.setObjectName("columnHead")
            if column:
                head.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(head, 0, column)
        previous: QWidget | None = None
        for row, denomination in enumerate(DENOMINATIONS, start=1):
            name = QLabel(format_rupiah(denomination), panel)
            name.setObjectName("denomination")
            kind = QLabel(_kind_text(denomination), panel)
            kind.setObjectName("denominationKind")
            label_box = QHBoxLayout()
            label_box.setSpacing(8)
            label_box.addWidget(name)
            label_box.addWidget(kind)
            label_box.addStretch(1)
            spin = QSpinBox(panel)
            spin.setObjectName(f"count{denomination}")
            spin.setRange(0, bounds.MAX_NOTES)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            spin.setAccessibleName(format_rupiah(denomination))
            spin.valueChanged.connect(self._counts_changed)
            spin.installEventFilter(self)
            name.setBuddy(spin)
            amount = QLabel(format_rupiah(0), panel)
            amount.setObjectName("lineAmount")
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            amount.setMinimumWidth(130)
            grid.addLayout(label_box, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(amount, row, 2)
            self.spins[denomination] = spin
            self._amounts[denomination] = amount
            if previous is not None:
                QWidget.setTabOrder(previous, spin)
            previous = spin
        rule = QFrame(panel)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet(f"color: {pal.BORDER};")
        last = len(DENOMINATIONS) + 1
        grid.addWidget(rule, last, 0, 1, 3)
        counted = QLabel(self.tr("Counted in the drawer"), panel)
        counted.setObjectName("strongName")
        self.counted_label = QLabel(format_rupiah(0), panel)
        self.counted_label.setObjectName("countedTotal")
        self.counted_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(counted, last + 1, 0, 1, 2)
        grid.addWidget(self.counted_label, last + 1, 2)
        grid.setColumnStretch(0, 1)
        return panel

    def _cash_panel(self, parent: QWidget) -> QFrame:
        panel = QFrame(parent)
        panel.setObjectName("cashPanel")
        grid = QGridLayout(panel)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setVerticalSpacing(6)
        self._figures: dict[str, QLabel] = {}
        rows = (
            ("sales", self.tr("Sales (receipts)"), False),
            ("net", self.tr("Net sales, all methods"), False),
            ("cash", self.tr("Cash taken, after change and refunds"), False),
            ("float", self.tr("Opening float"), False),
            ("expected", self.tr("Expected in the drawer"), True),
            ("counted", self.tr("Counted"), True),
        )
        for row, (key, text, strong) in enumerate(rows):
            name = QLabel(text, panel)
            name.setObjectName("strongName" if strong else "figureName")
            name.setWordWrap(True)
            value = QLabel("", panel)
            value.setObjectName("strongValue" if strong else "figureValue")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self._figures[key] = value
        row = len(rows)
        rule = QFrame(panel)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet(f"color: {pal.BORDER};")
        grid.addWidget(rule, row, 0, 1, 2)
        caption = QLabel(self.tr("Difference (counted − expected)"), panel)
        caption.setObjectName("strongName")
        grid.addWidget(caption, row + 1, 0, 1, 2)
        self.difference_label = QLabel("", panel)
        self.difference_label.setObjectName("differenceValue")
        self.difference_label.setMinimumHeight(44)
        self.difference_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.difference_label, row + 2, 0, 1, 2)
        self.meaning_label = QLabel("", panel)
        self.meaning_label.setObjectName("differenceMeaning")
        self.meaning_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.meaning_label.setWordWrap(True)
        grid.addWidget(self.meaning_label, row + 3, 0, 1, 2)
        self.z_label = QLabel("", panel)
        self.z_label.setObjectName("zNote")
        self.z_label.setWordWrap(True)
        grid.addWidget(self.z_label, row + 4, 0, 1, 2)
        rule = QFrame(panel)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet(f"color: {pal.BORDER};")
        grid.addWidget(rule, row + 5, 0, 1, 2)
        caption = QLabel(self.tr("Non-cash: check against the EDC and QRIS terminals"))
        caption.setObjectName("zNote")
        caption.setWordWrap(True)
        grid.addWidget(caption, row + 6, 0, 1, 2)
        row += 7
        for method in METHODS:
            if method == Method.CASH:
                continue
            name = QLabel(method_label(method), panel)
            name.setObjectName("figureName")
            value = QLabel("", panel)
            value.setObjectName("figureValue")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self._figures[method] = value
            row += 1
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(0, 1)
        return panel

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        root = QVBoxLayout(page)
        root.setContentsMargins(0, 0, 0, 0)
        panel = QFrame(page)
        panel.setObjectName("donePanel")
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.setSpacing(10)
        self.done_title = QLabel(panel)
        self.done_title.setObjectName("doneTitle")
        self.done_title.setWordWrap(True)
        self.done_text = QLabel(panel)
        self.done_text.setObjectName("doneText")
        self.done_text.setWordWrap(True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_text.setMinimumWidth(300)
        self.z_file_label = QLabel(panel)
        self.z_file_label.setObjectName("doneText")
        self.z_file_label.setWordWrap(True)
        self.z_file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.done_title)
        inner.addWidget(self.done_text)
        inner.addWidget(self.z_file_label)
        inner.addStretch(1)
        self.z_preview = PdfPreview(page)
        self.z_preview.pageRequested.connect(self._z_page_requested)
        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(panel, 4)
        body.addWidget(self.z_preview, 5)
        root.addLayout(body, 1)
        self.print_button = QPushButton(self.tr("Print the Z report") + "  (Ctrl+P)", page)
        self.print_button.setObjectName("printZ")
        self.print_button.setEnabled(False)
        self.print_button.setAutoDefault(True)
        self.print_button.clicked.connect(self.print_z)
        self.done_button = QPushButton(self.tr("Done"), page)
        self.done_button.setAutoDefault(True)
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.done_button)
        root.addLayout(buttons)
        shortcut = QShortcut(QKeySequence("Ctrl+P"), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.print_z)
        return page

    # ------------------------------------------------------------ state ---

    def day(self) -> date:
        return self.day_combo.currentData()

    def counts(self) -> dict[int, int]:
        return {d: spin.value() for d, spin in self.spins.items()}

    def preview(self) -> DayReport | None:
        """The Z report as the close would record it now (None when the day cannot close)."""
        try:
            return self._controller.preview(self.day(), self.counts())
        except BoothError as exc:
            self._show_message(exc.message())
            return None

    def _day_chosen(self) -> None:
        state = self._controller.state(self.day())
        closed = state.status == DayStatus.CLOSED
        for spin in self.spins.values():
            spin.setEnabled(not closed)
        if closed:
            self.state_label.setText(
                self.tr("This day is already closed (Z-{z}). Only an administrator can reopen it.")
                .format(z=state.z_number)
            )  # fmt: skip
        elif state.status == DayStatus.OPEN:
            self.state_label.setText(
                self.tr("The day is open; opening float {float}.").format(
                    float=format_rupiah(state.opening_float)
                )
            )
        else:
            self.state_label.setText(
                self.tr("Nobody opened this day: it has no sales and closes with a zero report.")
            )
        self._refresh()
        QTimer.singleShot(0, self, self._focus_first)

    def _focus_first(self) -> None:
        if self.pages.currentIndex() != 0:
            return
        first = self.spins[DENOMINATIONS[0]]
        if first.isEnabled():
            first.setFocus(Qt.FocusReason.TabFocusReason)
            first.selectAll()
        else:
            self.day_combo.setFocus()

    def _counts_changed(self, _value: int = 0) -> None:
        self._refresh()

    def _refresh(self) -> None:
        counts = self.counts()
        for denomination, amount in self._amounts.items():
            amount.setText(format_rupiah(denomination * counts[denomination]))
        self.counted_label.setText(format_rupiah(sum(d * n for d, n in counts.items())))
        self.message.hide()
        report = self.preview()
        self._can_close = report is not None
        self.confirm_button.setEnabled(self._can_close)
        if report is None:
            for value in self._figures.values():
                value.setText("—")
            self.difference_label.setText("—")
            self.difference_label.setProperty("state", "")
            self.meaning_label.clear()
            self.z_label.clear()
            self._repolish(self.difference_label)
            return
        cash = report.cash
        self._figures["sales"].setText(str(report.transactions))
        self._figures["net"].setText(format_rupiah(report.net))
        self._figures["cash"].setText(format_rupiah(report.by_method.get(Method.CASH, 0)))
        self._figures["float"].setText(format_rupiah(cash.opening_float))
        self._figures["expected"].setText(format_rupiah(cash.expected))
        self._figures["counted"].setText(format_rupiah(cash.counted or 0))
        for method in METHODS:
            if method != Method.CASH:
                self._figures[method].setText(format_rupiah(report.by_method.get(method, 0)))
        difference = cash.difference or 0
        self.difference_label.setText(difference_text(difference))
        if difference == 0:
            state, meaning = "even", self.tr("The drawer matches the records.")
        elif difference > 0:
            state, meaning = "over", self.tr("More cash than expected.")
        else:
            state, meaning = "short", self.tr("Cash is short.")
        self.difference_label.setProperty("state", state)
        self._repolish(self.difference_label)
        self.meaning_label.setText(meaning)
        self.z_label.setText(
            self.tr("Closing gives this day the Z report number Z-{z}.").format(z=report.z_number)
        )
        self.confirm_button.setText(self.tr("Close the day · Z-{z}").format(z=report.z_number))

    def shown_difference(self) -> str:
        return self.difference_label.text()

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _show_message(self, text: str) -> None:
        self.message.setText(sentence(text))
        self.message.show()

    # ------------------------------------------------------------ actions ---

    def confirm(self) -> None:
        """Close the day with the count (core checks the role and that it is still open)."""
        if self.pages.currentIndex() != 0 or not self._can_close:
            return
        try:
            report = self._controller.close(self.day(), self.counts(), self._user)
        except BoothError as exc:
            self._show_message(exc.message())
            return
        self.report = report
        self._show_done(report)

    def _show_done(self, report: DayReport) -> None:
        cash = report.cash
        day_no = self._controller.event.day_number(report.day)
        shown = day_text(report.day)
        if day_no is not None:
            heading = self.tr("Fair day {n} ({day}) is closed: Z-{z}").format(
                n=day_no, day=shown, z=report.z_number
            )
        else:
            heading = self.tr("{day} is closed: Z-{z}").format(day=shown, z=report.z_number)
        self.done_title.setText("✔ " + heading)
        self.done_text.setText(
            self.tr(
                "Expected {expected}, counted {counted}, difference {difference}.\n"
                "Sales on this day are now refused; an administrator can reopen it from "
                "Reports."
            ).format(
                expected=format_rupiah(cash.expected),
                counted=format_rupiah(cash.counted or 0),
                difference=difference_text(cash.difference or 0),
            )
        )
        self.z_file_label.setText(self.tr("Saving the Z report…"))
        self.z_preview.show_message(self.tr("Saving the Z report…"))
        self.pages.setCurrentIndex(1)
        self.done_button.setFocus()

    def _z_saved(self, path) -> None:
        if self.report is None or path != self._controller.z_path(self.report):
            return
        self.z_path = path
        self.z_file_label.setText(self.tr("Z report saved as {file}").format(file=path))
        self.print_button.setEnabled(True)
        self.print_button.setFocus()
        self._z_page_requested(0, self.z_preview.page_width())

    def _z_page_requested(self, index: int, width: int) -> None:
        if self.z_path is not None:
            self._controller.render_page(self.z_path, index, width)

    def _z_page(self, path, index: int, pages: int, image) -> None:
        if path != self.z_path:
            return
        if self.z_preview.page_count() != pages:
            self.z_preview.start(self.tr("Z report Z-{z}").format(z=self.report.z_number), pages)
        self.z_preview.set_page(index, image)

    def _z_failed(self, text: str) -> None:
        if self.report is not None:
            self.z_file_label.setText(text)

    def print_z(self) -> None:
        if self.z_path is None or self.report is None:
            return
        title = self.tr("Z report Z-{z}").format(z=self.report.z_number)
        self._controller.print_file(self.z_path, title)
        self.z_file_label.setText(
            self.tr("Z report saved as {file}; sent to the printer.").format(file=self.z_path)
        )
        self.done_button.setFocus()

    # ------------------------------------------------------------ keys ---

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(obj, QSpinBox):
            assert isinstance(event, QKeyEvent)
            if event.key() in _ENTER:
                self._next_after(obj)
                return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter acts on the focused button only (never a hidden default button)."""
        if event.key() in _ENTER:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                if focus.isEnabled():
                    focus.click()
            elif focus is self.day_combo:
                self._focus_first()
            return
        super().keyPressEvent(event)

    def _next_after(self, spin: QSpinBox) -> None:
        order = list(self.spins.values())
        index = order.index(spin)
        if index + 1 < len(order):
            following = order[index + 1]
            following.setFocus(Qt.FocusReason.TabFocusReason)
            following.selectAll()
        elif self.confirm_button.isEnabled():
            self.confirm_button.setFocus(Qt.FocusReason.TabFocusReason)


def find_day(combo: QComboBox, day: date | None) -> int:
    """The row of ``day`` in a day list (``findData`` cannot compare dates), or -1."""
    for row in range(combo.count()):
        if combo.itemData(row) == day:
            return row
    return -1


def _kind_text(denomination: int) -> str:
    if denomination in NOTES and denomination in COINS:
        return QCoreApplication.translate("CloseDayDialog", "note or coin")
    if denomination in COINS:
        return QCoreApplication.translate("CloseDayDialog", "coin")
    return QCoreApplication.translate("CloseDayDialog", "note")


def day_choice_text(choice: DayChoice) -> str:
    """``Day 2 · 29-02-2024 · closed (Z-2)`` — for the day lists."""
    shown = day_text(choice.day)
    if choice.number is not None:
        text = QCoreApplication.translate("CloseDayDialog", "Day {n} · {date}").format(
            n=choice.number, date=shown
        )
    else:
        text = QCoreApplication.translate("CloseDayDialog", "{date} (outside the fair)").format(
            date=shown
        )
    if choice.status == DayStatus.CLOSED:
        state = QCoreApplication.translate("CloseDayDialog", "closed (Z-{z})").format(
            z=choice.z_number
        )
    elif choice.status == DayStatus.OPEN:
        state = QCoreApplication.translate("CloseDayDialog", "open")
    else:
        state = QCoreApplication.translate("CloseDayDialog", "not opened")
    return f"{text} · {state}"
