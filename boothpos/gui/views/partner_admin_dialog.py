"""Admin: partner PINs and partner cards.

Lists every partner with their PIN status (``partner_access.pin_status``);
sets or resets a partner's PIN (random 6 digits when the field is empty) and
shows it **once**, in large type, in :class:`PinShownDialog` — nothing in the
GUI keeps it afterwards; saves the partner cards PDF (``partner_card``) of the
selected partners or of all of them. Core refuses anyone but an admin.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.errors import BoothError
from boothpos.gui.controllers.partner_controller import PartnerAdminController
from boothpos.gui.labels import sentence
from boothpos.gui.models.partner_models import COL_PARTNER, PinStatusModel
from boothpos.gui.output import describe_error

AskPath = Callable[[QWidget, Path], Path | None]


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PartnerAdminDialog", "Save partner cards"),
        str(suggested),
        "PDF (*.pdf)",
    )
    if not path:
        return None
    return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")


class PinShownDialog(QDialog):
    """The new PIN, once, in large type. Closing it forgets it."""

    def __init__(self, code: str, name: str, pin: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinShownDialog")
        self.setWindowTitle(self.tr("New partner PIN"))
        self.who = QLabel(self.tr("PIN of {name} ({code})").format(name=name, code=code))
        self.who.setObjectName("pinShownWho")
        self.who.setWordWrap(True)
        self.pin_label = QLabel(pin)
        self.pin_label.setObjectName("pinShown")
        self.pin_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.note = QLabel(
            self.tr(
                "Tell the partner this PIN now, or write it down for them. It is shown only "
                "this once: it is stored encrypted and cannot be looked up later (set a new "
                "one if it is lost)."
            )
        )
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.pin_label)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def done(self, result: int) -> None:
        self.pin_label.clear()  # the PIN leaves the GUI with the dialog
        super().done(result)


class PartnerAdminDialog(QDialog):
    """Partner PINs and cards (admins only)."""

    def __init__(
        self,
        controller: PartnerAdminController,
        parent: QWidget | None = None,
        *,
        ask_path: AskPath = ask_save_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partnerAdminDialog")
        self.setWindowTitle(self.tr("Partner PINs and cards"))
        self._controller = controller
        self._ask_path = ask_path
        self.pin_dialog: PinShownDialog | None = None
        self.model = PinStatusModel(self)

        self.intro = QLabel(
            self.tr(
                "Partners check their own sales on the sign-in screen (“Partner”, F3, or a "
                "scan of their card) with a PIN set here. Cards carry no PIN."
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("partnerPinTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PARTNER, QHeaderView.ResizeMode.Stretch)

        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("newPinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.pin_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self)
        )
        self.pin_edit.setPlaceholderText(self.tr("empty: a random 6-digit PIN"))
        self.set_pin_button = QPushButton(self.tr("Set / reset PIN"))
        self.set_pin_button.setObjectName("setPinButton")
        self.set_pin_button.clicked.connect(self.set_pin)
        self.cards_selected_button = QPushButton(self.tr("Save cards of the selected…"))
        self.cards_selected_button.setObjectName("cardsSelectedButton")
        self.cards_selected_button.clicked.connect(lambda: self.save_cards(selected=True))
        self.cards_all_button = QPushButton(self.tr("Save cards of all partners…"))
        self.cards_all_button.setObjectName("cardsAllButton")
        self.cards_all_button.clicked.connect(lambda: self.save_cards(selected=False))
        self.message = QLabel()
        self.message.setObjectName("partnerAdminMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        pin_row = QHBoxLayout()
        pin_row.addWidget(QLabel(self.tr("New PIN for the selected partner:")))
        pin_row.addWidget(self.pin_edit)
        pin_row.addWidget(self.set_pin_button)
        cards_row = QHBoxLayout()
        cards_row.addWidget(self.cards_selected_button)
        cards_row.addWidget(self.cards_all_button)
        cards_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(pin_row)
        layout.addLayout(cards_row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(760, 560)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.refresh()

    # ----------------------------------------------------------- public ---

    def refresh(self) -> None:
        selected = self.selected_codes()
        self.model.set_rows(self._controller.statuses())
        for code in selected:
            self.select(code, add=True)
        self._update()

    def selected_codes(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.status_at(row).code for row in rows]

    def select(self, code: str, *, add: bool = False) -> None:
        row = self.model.row_of(code)
        if row < 0:
            return
        flags = self.table.selectionModel().SelectionFlag
        command = (flags.Select if add else flags.ClearAndSelect) | flags.Rows
        self.table.selectionModel().select(self.model.index(row, 0), command)
        self.table.scrollTo(self.model.index(row, 0))

    def set_pin(self) -> str | None:
        """Set the PIN of the one selected partner and show it once; the PIN, or None."""
        codes = self.selected_codes()
        if len(codes) != 1:
            self._say(self.tr("Select one partner to set a PIN."), error=True)
            return None
        code = codes[0]
        status = self.model.status_at(self.model.row_of(code))
        typed = self.pin_edit.text()
        self.pin_edit.clear()
        try:
            pin = self._controller.set_pin(code, typed)
        except BoothError as exc:
            self._say(exc.message(), error=True)
            return None
        self.refresh()
        self._say(self.tr("A new PIN was set for {code}.").format(code=code))
        self.pin_dialog = PinShownDialog(code, status.name, pin, self)
        self.pin_dialog.finished.connect(self._forget_pin_dialog)
        self.pin_dialog.open()
        return pin

    def save_cards(self, *, selected: bool) -> Path | None:
        codes = self.selected_codes() if selected else []
        if selected and not codes:
            self._say(self.tr("Select the partners whose cards you want."), error=True)
            return None
        target = self._ask_path(self, self._controller.default_cards_path(codes))
        if target is None:
            return None
        try:
            path = self._controller.save_cards(codes, target)
        except (BoothError, OSError) as exc:
            self._say(describe_error(exc), error=True)
            return None
        count = len(codes) if codes else self.model.rowCount()
        self._say(self.tr("Saved {n} partner card(s): {path}").format(n=count, path=str(path)))
        return path

    # ---------------------------------------------------------- private ---

    def _forget_pin_dialog(self) -> None:
        if self.pin_dialog is not None:
            self.pin_dialog.deleteLater()
            self.pin_dialog = None

    def _update(self) -> None:
        count = len(self.selected_codes())
        self.set_pin_button.setEnabled(count == 1)
        self.cards_selected_button.setEnabled(count > 0)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(sentence(text))
        self.message.setProperty("role", "error" if error else "info")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()
