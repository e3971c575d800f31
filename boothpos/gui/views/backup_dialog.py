"""Backups (admin only): automatic backup settings, back up now, and restore a backup.

Logic in :class:`~boothpos.gui.controllers.backup_controller.BackupController`.
Restoring is the app shell's job (it owns the connection and the instance
lock): a checked backup's "Restore this backup" emits ``restoreRequested``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.backup import BackupRun
from boothpos.core.errors import BoothError
from boothpos.gui.controllers.backup_controller import BackupController, run_text
from boothpos.gui.models.backups_model import (
    COL_FILE,
    COL_FOLDER,
    COL_TAKEN,
    BackupsTableModel,
)
from boothpos.gui.views.backup_details import BackupDetails

ChooseFile = Callable[[], str | Path | None]


class BackupDialog(QDialog):
    """Emits ``restoreRequested(Path)`` for a checked backup the admin chose to restore."""

    restoreRequested = Signal(object)

    def __init__(
        self,
        controller: BackupController,
        parent: QWidget | None = None,
        *,
        choose_file: ChooseFile | None = None,
        choose_folder: ChooseFile | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.setMinimumSize(760, 600)
        self.controller = controller
        self._choose_file = choose_file or self._ask_for_file
        self._choose_folder = choose_folder or self._ask_for_folder
        self.model = BackupsTableModel(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self._settings_box())
        layout.addLayout(self._now_row())
        layout.addWidget(QLabel(self.tr("Backups of this database, newest first:")))
        layout.addWidget(self._backups_table(), 1)
        layout.addLayout(self._pick_row())
        self._add_restore_section(layout)
        layout.addLayout(self._close_row())

        controller.backupFinished.connect(self._backup_finished)
        self.load_settings()
        self.refresh()

    def _now_row(self) -> QHBoxLayout:
        """Back up now, and what the last run said."""
        now_row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNowButton")
        self.backup_button.setAutoDefault(False)
        self.backup_button.clicked.connect(self.back_up_now)
        now_row.addWidget(self.backup_button)
        self.run_label = QLabel()
        self.run_label.setObjectName("backupRunMessage")
        self.run_label.setWordWrap(True)
        self.run_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        now_row.addWidget(self.run_label, 1)
        return now_row

    def _backups_table(self) -> QTableView:
        self.backups_view = QTableView()
        self.backups_view.setObjectName("backupsView")
        self.backups_view.setModel(self.model)
        self.backups_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backups_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backups_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backups_view.verticalHeader().setVisible(False)
        header = self.backups_view.horizontalHeader()
        header.setSectionResizeMode(COL_TAKEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FOLDER, QHeaderView.ResizeMode.Stretch)
        self.backups_view.doubleClicked.connect(self._double_clicked)
        return self.backups_view

    def _pick_row(self) -> QHBoxLayout:
        """Check the selected backup, or choose a file."""
        pick_row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check selected backup"))
        self.check_button.setObjectName("checkBackupButton")
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.check_selected)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("chooseBackupButton")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        pick_row.addWidget(self.check_button)
        pick_row.addWidget(self.choose_button)
        pick_row.addStretch(1)
        return pick_row

    def _add_restore_section(self, layout: QVBoxLayout) -> None:
        """What restoring does, and the chosen backup's details with its Restore button."""
        warning = QLabel(
            self.tr(
                "Restoring replaces the database with the backup and starts the till again; "
                "the current file is kept aside. Sales made after the backup are not in it."
            )
        )
        warning.setObjectName("hint")
        warning.setWordWrap(True)
        layout.addWidget(warning)
        self.details = BackupDetails(self.tr("Restore this backup"), self)
        self.details.restoreClicked.connect(self.restoreRequested)
        layout.addWidget(self.details)

    def _close_row(self) -> QHBoxLayout:
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        close_row.addWidget(self.close_button)
        return close_row

    # -- layout -----------------------------------------------------------------------

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Automatic backups"))
        self.every_spin = QSpinBox()
        self.every_spin.setObjectName("backupEvery")
        self.every_spin.setRange(0, 10_000)
        self.every_spin.setSpecialValueText(self.tr("off"))
        self.keep_spin = QSpinBox()
        self.keep_spin.setObjectName("backupKeep")
        self.keep_spin.setRange(1, 10_000)
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("backupFolder")
        self.folder_edit.setPlaceholderText(self.tr("none: only the folder beside the database"))
        folder_button = QPushButton(self.tr("Choose folder…"))
        folder_button.setAutoDefault(False)
        folder_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(folder_button)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("saveBackupSettings")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_settings)
        self.settings_message = QLabel()
        self.settings_message.setObjectName("backupSettingsMessage")
        self.settings_message.setWordWrap(True)
        self.settings_message.hide()

        form = QFormLayout(box)
        form.addRow(self.tr("Back up after every … sales (0 = off)"), self.every_spin)
        form.addRow(self.tr("Backups kept in each folder"), self.keep_spin)
        form.addRow(self.tr("Second folder (USB stick)"), folder_row)
        form.addRow(self.save_button, self.settings_message)
        return box

    # -- settings ---------------------------------------------------------------------

    def load_settings(self) -> None:
        conf = self.controller.settings()
        self.every_spin.setValue(conf.every)
        self.keep_spin.setValue(conf.keep)
        self.folder_edit.setText(str(conf.folder) if conf.folder else "")

    def save_settings(self) -> bool:
        try:
            self.controller.save_settings(
                every=self.every_spin.value(),
                keep=self.keep_spin.value(),
                folder=self.folder_edit.text(),
            )
        except BoothError as exc:
            self._settings_said(exc.message(), error=True)
            return False
        self.load_settings()
        self._settings_said(self.tr("Backup settings saved."), error=False)
        self.refresh()  # the USB folder's backups are listed too
        return True

    def _settings_said(self, text: str, *, error: bool) -> None:
        self.settings_message.setProperty("role", "error" if error else "")
        self.settings_message.style().unpolish(self.settings_message)
        self.settings_message.style().polish(self.settings_message)
        self.settings_message.setText(text)
        self.settings_message.show()

    def choose_folder(self) -> None:
        chosen = self._choose_folder()
        if chosen:
            self.folder_edit.setText(str(chosen))

    # -- backups ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.set_backups(self.controller.backups())
        if self.model.rowCount():
            self.backups_view.selectRow(0)

    def back_up_now(self) -> None:
        if self.controller.back_up_now():
            self.backup_button.setEnabled(False)
            self.run_label.setText(self.tr("Backing up…"))

    def _backup_finished(self, run: BackupRun) -> None:
        self.backup_button.setEnabled(True)
        self.run_label.setProperty("role", "" if run.ok else "error")
        self.run_label.style().unpolish(self.run_label)
        self.run_label.style().polish(self.run_label)
        self.run_label.setText(run_text(run))
        self.refresh()

    def selected_path(self) -> Path | None:
        rows = self.backups_view.selectionModel().selectedRows()
        found = self.model.backup_at(rows[0].row()) if rows else None
        return found.path if found is not None else None

    def check_selected(self) -> bool:
        path = self.selected_path()
        if path is None:
            self.details.show_refusal(self.tr("Select a backup in the list first."))
            return False
        return self.show_file(path)

    def choose_file(self) -> None:
        chosen = self._choose_file()
        if chosen:
            self.show_file(Path(chosen))

    def show_file(self, path: Path) -> bool:
        """Check ``path`` and show what it holds (or why it cannot be restored)."""
        try:
            info = self.controller.verify(path)
        except BoothError as exc:
            self.details.show_refusal(exc.message())
            return False
        self.details.show_backup(info)
        return True

    def _double_clicked(self, index: QModelIndex) -> None:
        found = self.model.backup_at(index.row())
        if found is not None:
            self.show_file(found.path)

    # -- file dialogs -----------------------------------------------------------------

    def _ask_for_file(self) -> str | None:
        folder = self.selected_path()
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(folder.parent) if folder else "",
            self.tr("boothpos backups (*.db);;All files (*)"),
        )
        return chosen or None

    def _ask_for_folder(self) -> str | None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Second backup folder"), self.folder_edit.text()
        )
        return chosen or None
