"""The problems of a refused catalog import (row, column, reason), for a read-only list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from boothpos.core.errors import Problem

COL_ROW, COL_COLUMN, COL_REASON = range(3)
COLUMN_COUNT = 3

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CatalogProblemsModel(QAbstractTableModel):
    """One row per problem, in the order the importer found them (by row)."""

    def __init__(
        self, problems: list[Problem], lang: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._problems = list(problems)
        self._lang = lang

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def reason(self, problem: Problem) -> str:
        """The reason alone (row and column have their own columns), as a sentence."""
        text = problem.msg.render(self._lang, **dict(problem.values))
        return text[:1].upper() + text[1:]

    def as_text(self) -> str:
        """Every problem on a line, as the clipboard gets it (tab-separated)."""
        lines = []
        for row in range(self.rowCount()):
            cells = [str(self.index(row, col).data() or "") for col in range(COLUMN_COUNT)]
            lines.append("\t".join(cells))
        return "\n".join(lines)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_ROW: self.tr("Row"),
            COL_COLUMN: self.tr("Column"),
            COL_REASON: self.tr("Problem"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_ROW:
                return str(problem.row) if problem.row else self.tr("file")
            if column == COL_COLUMN:
                return problem.column or "—"
            if column == COL_REASON:
                return self.reason(problem)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return _RIGHT
        return None
