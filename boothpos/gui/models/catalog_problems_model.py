"""The problems of a refused catalog import (row, column, reason), for a read-only list."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from boothpos.core.errors import Problem
from boothpos.gui.models.table_model import RIGHT, Index, RowsTableModel

COL_ROW, COL_COLUMN, COL_REASON = range(3)
COLUMN_COUNT = 3


class CatalogProblemsModel(RowsTableModel[Problem]):
    """One row per problem, in the order the importer found them (by row)."""

    def __init__(
        self, problems: list[Problem], lang: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__((self.tr("Row"), self.tr("Column"), self.tr("Problem")), parent)
        self._rows = list(problems)
        self._lang = lang

    def problems(self) -> list[Problem]:
        return self.rows()

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        problem = self.row_at(index)
        if problem is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_ROW:
                return str(problem.row) if problem.row else self.tr("file")
            if column == COL_COLUMN:
                return problem.column or "—"
            if column == COL_REASON:
                return self.reason(problem)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return RIGHT
        return None
