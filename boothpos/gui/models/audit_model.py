"""Audit log entries for the admin's audit viewer, fed by ``core.audit.view``."""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from boothpos.gui.models.sales_model import display_time

COL_TIME, COL_USER, COL_ACTION, COL_ENTITY, COL_DETAIL = range(5)
COLUMN_COUNT = 5

EntryRole = Qt.ItemDataRole.UserRole  # the entry (a dict of ``core.audit.entries``)
ActionRole = Qt.ItemDataRole.UserRole + 1  # its action code, e.g. ``sale.void``

_Index = QModelIndex | QPersistentModelIndex


def detail_text(detail: object) -> str:
    """``{"reason": "salah scan", "total": 85000}`` → ``reason: salah scan · total: 85000``."""
    if not isinstance(detail, dict):
        return "" if detail is None else str(detail)
    parts = []
    for key, value in detail.items():
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        parts.append(f"{key}: {value}")
    return " · ".join(parts)


class AuditTableModel(QAbstractTableModel):
    """One row per audit entry, newest first: time, user, action, what, details."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[dict] = []

    def set_entries(self, entries: list[dict]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> dict | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def entries(self) -> list[dict]:
        return list(self._entries)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_TIME: self.tr("Time"),
            COL_USER: self.tr("User"),
            COL_ACTION: self.tr("Action"),
            COL_ENTITY: self.tr("Concerns"),
            COL_DETAIL: self.tr("Details"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_DETAIL:
            return json.dumps(entry.get("detail"), ensure_ascii=False, indent=2, sort_keys=True)
        if role == EntryRole:
            return entry
        if role == ActionRole:
            return entry.get("action")
        return None

    def _text(self, entry: dict, column: int) -> str:
        if column == COL_TIME:
            return display_time(str(entry.get("at") or ""), with_date=True)
        if column == COL_USER:
            return entry.get("user") or self.tr("(system)")
        if column == COL_ACTION:
            return str(entry.get("action") or "")
        if column == COL_ENTITY:
            return f"{entry.get('entity') or ''} {entry.get('entity_id') or ''}".strip()
        if column == COL_DETAIL:
            return detail_text(entry.get("detail"))
        return ""
