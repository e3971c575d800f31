"""Backup files for the backup dialog, fed by ``core.backup.list_backups``."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from boothpos.core.backup import BackupFile

COL_TAKEN, COL_FILE, COL_FOLDER = range(3)
COLUMN_COUNT = 3

BackupRole = Qt.ItemDataRole.UserRole  # the core ``BackupFile``
PathRole = Qt.ItemDataRole.UserRole + 1  # its path

_Index = QModelIndex | QPersistentModelIndex


class BackupsTableModel(QAbstractTableModel):
    """One row per backup file, newest first: when it was taken, its name, its folder."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backups: list[BackupFile] = []

    def set_backups(self, backups: list[BackupFile]) -> None:
        self.beginResetModel()
        self._backups = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupFile | None:
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def backups(self) -> list[BackupFile]:
        return list(self._backups)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._backups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_TAKEN: self.tr("Taken"),
            COL_FILE: self.tr("File"),
            COL_FOLDER: self.tr("Folder"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        found = self.backup_at(index.row()) if index.isValid() else None
        if found is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == COL_TAKEN:
                return found.taken.strftime("%d-%m-%Y %H:%M:%S")
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
