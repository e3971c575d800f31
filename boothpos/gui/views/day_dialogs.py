"""Small dialogs of the fair day: open it with a float (supervisor), reopen it (administrator).

Both are keyboard-first: the focus starts in the text field, Enter confirms,
Esc cancels. Core refuses what is not allowed; its message is shown in the
dialog and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
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

from boothpos.core.codes import DayStatus
from boothpos.core.days import DayChoice
from boothpos.core.errors import BoothError
from boothpos.core.money import format_rupiah, parse_rupiah
from boothpos.gui.labels import sentence
from boothpos.gui.views.close_day_dialog import day_choice_text


class _DayDialog(QDialog):
    """A day list, one text field, a message line and OK/Cancel."""

    def __init__(self, choices: list[DayChoice], day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(460)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.day_combo = QComboBox()
        self.day_combo.setObjectName("dialogDay")
        for choice in choices:
            self.day_combo.addItem(day_choice_text(choice), choice.day)
        index = next((i for i, c in enumerate(choices) if c.day == day), 0)
        self.day_combo.setCurrentIndex(index)
        self.field = QLineEdit()
        self.field.setObjectName("dialogField")
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.message = QLabel()
        self.message.setObjectName("dialogMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.field_label = QLabel()
        self.field_label.setBuddy(self.field)
        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day_combo)
        form.addRow(self.field_label, self.field)
        form.addRow("", self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _texts(self, title: str, intro: str, field_label: str, ok_text: str) -> None:
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.field_label.setText(field_label)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)

    def day(self) -> date:
        return self.day_combo.currentData()

    def fail(self, text: str) -> None:
        self.message.setText(sentence(text))
        self.message.show()
        self.field.setFocus()
        self.field.selectAll()


class OpenDayDialog(_DayDialog):
    """The supervisor opens a fair day with the cash float in the drawer."""

    def __init__(
        self,
        choices: list[DayChoice],
        day: date,
        open_day: Callable[[date, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(choices, day, parent)
        self._texts(
            self.tr("Open the fair day"),
            self.tr(
                "Count the change money put in the drawer before the first sale. "
                "Without this, the first sale opens the day with a float of Rp 0."
            ),
            self.tr("Opening float"),
            self.tr("Open the day"),
        )
        self.setObjectName("openDayDialog")
        self._open_day = open_day
        self.field.setPlaceholderText(self.tr("for example 500.000"))
        self.field.textChanged.connect(self._show_amount)
        self._show_amount("")

    def _show_amount(self, text: str) -> None:
        if not text.strip():
            self.note.setText("")
            return
        try:
            self.note.setText(format_rupiah(parse_rupiah(text)))
        except BoothError as exc:
            self.note.setText(exc.message())

    def accept(self) -> None:
        text = self.field.text().strip() or "0"
        try:
            self._open_day(self.day(), text)
        except BoothError as exc:
            self.fail(exc.message())
            return
        super().accept()


class ReopenDayDialog(_DayDialog):
    """An administrator reopens a closed day, giving the reason (kept in the audit log)."""

    def __init__(
        self,
        choices: list[DayChoice],
        day: date,
        reopen: Callable[[date, str], object],
        parent: QWidget | None = None,
    ) -> None:
        closed = [c for c in choices if c.status == DayStatus.CLOSED] or choices
        super().__init__(closed, day, parent)
        self._texts(
            self.tr("Reopen a closed day"),
            self.tr(
                "The day takes sales and changes again. Closing it again gives it a new "
                "Z number; the old Z report stays on record."
            ),
            self.tr("Reason"),
            self.tr("Reopen the day"),
        )
        self.setObjectName("reopenDayDialog")
        self._reopen = reopen
        self.field.setMaxLength(200)
        self.field.setPlaceholderText(self.tr("for example: a sale was rung up after closing"))

    def accept(self) -> None:
        try:
            self._reopen(self.day(), self.field.text())
        except BoothError as exc:
            self.fail(exc.message())
            return
        super().accept()
