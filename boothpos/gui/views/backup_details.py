"""One backup, checked: what it holds (or why it cannot be restored) and its restore button.

Shared by the recovery dialog (a damaged database at start-up) and the backup
dialog (the admin's restore).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from boothpos.core.backup import BackupInfo
from boothpos.gui import palette as pal
from boothpos.gui.controllers.backup_controller import backup_details

_STYLE = f"""
QFrame#backupDetails {{ background: {pal.WHITE}; border: 1px solid {pal.CARD_BORDER};
    border-radius: 6px; }}
QLabel#backupDetailsText {{ font-size: 11pt; }}
QLabel#backupRefusal {{ color: {pal.DANGER}; font-weight: 600; }}
QPushButton#restoreButton {{ font-weight: 600; padding: 7px 14px; }}
"""


class BackupDetails(QFrame):
    """Emits ``restoreClicked(Path)`` for the backup shown (only a verified one can be)."""

    restoreClicked = Signal(object)

    def __init__(self, restore_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDetails")
        self.setStyleSheet(_STYLE)
        self.info: BackupInfo | None = None

        self.details_label = QLabel(self)
        self.details_label.setObjectName("backupDetailsText")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal_label = QLabel(self)
        self.refusal_label.setObjectName("backupRefusal")
        self.refusal_label.setWordWrap(True)
        self.refusal_label.hide()
        self.restore_button = QPushButton(restore_text, self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setAutoDefault(False)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(self.details_label)
        layout.addWidget(self.refusal_label)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.clear()

    def show_backup(self, info: BackupInfo) -> None:
        self.info = info
        self.details_label.setText(backup_details(info))
        self.details_label.show()
        self.refusal_label.hide()
        self.restore_button.setEnabled(True)

    def show_refusal(self, text: str) -> None:
        self.info = None
        self.details_label.hide()
        self.refusal_label.setText(text)
        self.refusal_label.show()
        self.restore_button.setEnabled(False)

    def clear(self, text: str = "") -> None:
        self.info = None
        self.details_label.setText(text)
        self.details_label.setVisible(bool(text))
        self.refusal_label.hide()
        self.restore_button.setEnabled(False)

    def path(self) -> Path | None:
        return self.info.path if self.info is not None else None

    def _clicked(self) -> None:
        if self.info is not None:
            self.restoreClicked.emit(self.info.path)
