"""Audit log entries for the admin's audit viewer, fed by ``core.audit.view``."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QObject, Qt

from boothpos.gui.models.sales_model import display_time
from boothpos.gui.models.table_model import Index, RowsTableModel

COL_TIME, COL_USER, COL_ACTION, COL_ENTITY, COL_DETAIL = range(5)
COLUMN_COUNT = 5

EntryRole = Qt.ItemDataRole.UserRole  # the entry (a dict of ``core.audit.entries``)
ActionRole = Qt.ItemDataRole.UserRole + 1  # its action code, e.g. ``sale.void``


def detail_text(detail: object) -> str:
    """``{"reason": "salah scan", "total": 85000}`` → ``reason: salah scan · total: 85000``;
    true/false read "yes"/"no" ("generated: no", not "generated: False")."""
    if not isinstance(detail, dict):
        return "" if detail is None else str(detail)
    parts = []
    for key, value in detail.items():
        if isinstance(value, bool):
            value = (
                QCoreApplication.translate("AuditTableModel", "yes")
                if value
                else QCoreApplication.translate("AuditTableModel", "no")
            )
        elif isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        parts.append(f"{key}: {value}")
    return " · ".join(parts)


class AuditTableModel(RowsTableModel[dict]):
    """One row per audit entry, newest first: time, user, action, what, details."""

    def __init__(self, parent: QObject | None = None) -> None:
        headers = (
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Concerns"),
            self.tr("Details"),
        )
        super().__init__(headers, parent)

    def set_entries(self, entries: list[dict]) -> None:
        self.set_rows(entries)

    def entry_at(self, row: int) -> dict | None:
        return self.row_at(row)

    def entries(self) -> list[dict]:
        return self.rows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self.row_at(index)
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
            who = entry.get("user") or self.tr("(system)")
            acting_as = entry.get("as_user")
            # a command-line action: cli:<os user>, acting as the booth user it was recorded under
            return f"{who} ({acting_as})" if acting_as and acting_as != who else who
        if column == COL_ACTION:
            return str(entry.get("action") or "")
        if column == COL_ENTITY:
            what = entry.get("entity_name") or entry.get("entity_id") or ""
            return f"{entry.get('entity') or ''} {what}".strip()
        if column == COL_DETAIL:
            return detail_text(entry.get("detail"))
        return ""
