"""Backup files for the backup dialog, fed by ``core.backup.list_backups``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from boothpos.core.backup import BackupFile
from boothpos.core.formatting import day_text
from boothpos.gui.models.table_model import Index, RowsTableModel

COL_TAKEN, COL_FILE, COL_FOLDER = range(3)
COLUMN_COUNT = 3

BackupRole = Qt.ItemDataRole.UserRole  # the core ``BackupFile``
PathRole = Qt.ItemDataRole.UserRole + 1  # its path


class BackupsTableModel(RowsTableModel[BackupFile]):
    """One row per backup file, newest first: when it was taken, its name, its folder."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Taken"), self.tr("File"), self.tr("Folder")), parent)

    def set_backups(self, backups: list[BackupFile]) -> None:
        self.set_rows(backups)

    def backup_at(self, row: int) -> BackupFile | None:
        return self.row_at(row)

    def backups(self) -> list[BackupFile]:
        return self.rows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        found = self.row_at(index)
        if found is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == COL_TAKEN:
                return f"{day_text(found.taken)} {found.taken:%H:%M:%S}"
            if column == COL_FILE:
                return found.path.name
            if column == COL_FOLDER:
                return str(found.path.parent)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(found.path)
        if role == BackupRole:
            return found
        if role == PathRole:
            return found.path
        return None
