"""A damaged event database at start-up: restore a good backup, choose one, or quit.

Shown by ``gui.app.open_till`` when ``core.startup.open_for_till`` raises
:class:`~boothpos.core.errors.DamagedDatabase`. The app holds no lock and no
connection then, so :func:`boothpos.core.backup.restore` takes the instance
lock itself. Accepted after a restore (:attr:`RecoveryDialog.restored` says
what it did, missing receipts included); rejected when the user quits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boothpos.core import backup
from boothpos.core.backup import RestoreResult
from boothpos.core.errors import BoothError, DamagedDatabase
from boothpos.gui.output import describe_error
from boothpos.gui.views.backup_details import BackupDetails

log = logging.getLogger(__name__)

ChooseFile = Callable[[], str | Path | None]
Restore = Callable[[Path, Path], RestoreResult]


class RecoveryDialog(QDialog):
    """The damaged database's message, its newest good backup and what to do about it."""

    def __init__(
        self,
        damaged: DamagedDatabase,
        db_path: Path,
        *,
        choose_file: ChooseFile | None = None,
        restore: Restore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("boothpos — damaged database"))
        self.setMinimumWidth(620)
        self._db_path = Path(db_path)
        self._choose_file = choose_file or self._ask_for_file
        self._restore = restore or (lambda file, path: backup.restore(file, path))
        self.restored: RestoreResult | None = None

        title = QLabel(self.tr("The event database is damaged"))
        title.setObjectName("screenTitle")
        self.message_label = QLabel(damaged.message())
        self.message_label.setObjectName("recoveryMessage")
        self.message_label.setProperty("role", "error")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        advice = QLabel(
            self.tr(
                "Do not sell with this file. Restore a backup: the damaged file is kept "
                "aside, and sales made after the backup must be entered again from the "
                "paper receipts."
            )
        )
        advice.setWordWrap(True)

        self.details = BackupDetails(self.tr("Restore this backup"), self)
        self.details.restoreClicked.connect(self.restore)

        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("chooseBackupButton")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setObjectName("quitButton")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.message_label)
        layout.addWidget(advice)
        layout.addWidget(self.details)
        layout.addLayout(buttons)

        good = damaged.backup
        if good is not None:
            self.show_file(Path(str(good)))
        else:
            self.details.clear(
                self.tr(
                    "No good backup was found beside the database. Choose a backup file, "
                    "for example from the USB stick."
                )
            )
        if self.details.info is not None:
            self.details.restore_button.setDefault(True)
            self.details.restore_button.setFocus()

    def show_file(self, path: Path) -> bool:
        """Check ``path`` and show what it holds (or why it cannot be restored)."""
        try:
            info = backup.verify_backup(path)
        except BoothError as exc:
            self.details.show_refusal(exc.message())
            return False
        self.details.show_backup(info)
        return True

    def choose(self) -> None:
        chosen = self._choose_file()
        if chosen:
            self.show_file(Path(chosen))

    def restore(self, path: Path | None = None) -> bool:
        """Restore ``path`` (else the backup shown) over the database; accept on success."""
        path = path or self.details.path()
        if path is None:
            return False
        try:
            self.restored = self._restore(Path(path), self._db_path)
        except BoothError as exc:
            self.details.show_refusal(exc.message())
            return False
        except Exception as exc:  # noqa: BLE001 - a disk error: say it, keep the dialog open
            log.exception("restore of %s failed", path)
            self.details.show_refusal(
                self.tr("The backup could not be restored: {reason}").format(
                    reason=describe_error(exc)
                )
            )
            return False
        self.accept()
        return True

    def _ask_for_file(self) -> str | None:
        folder = backup.local_folder(self._db_path)
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(folder),
            self.tr("boothpos backups (*.db);;All files (*)"),
        )
        return chosen or None
