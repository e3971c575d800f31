"""What every list model of the GUI shares: a list of row objects under a row of headers.

A subclass passes its column headers, translated in its own context
(``self.tr("Product")``, so ``boothpos_id.ts`` keeps one context per model),
and writes ``data()``; row and column counts, the header row, :meth:`row_at`
and :meth:`set_rows` (a model reset) come from here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from operator import attrgetter, indexOf
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

Row = TypeVar("Row")


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """One row object per line, one column per header.

    ``right``: the header sections aligned right (figures); ``others``: the
    alignment of the other sections (``None``: the view's default).
    """

    def __init__(
        self,
        headers: Sequence[str],
        parent: QObject | None = None,
        *,
        right: Collection[int] = (),
        others: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._headers = tuple(headers)
        self._header_align = tuple(RIGHT if s in right else others for s in range(len(headers)))

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Show ``rows`` instead (a reset: the views drop their selection and current row)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int | Index) -> Row | None:
        """The row object of line ``row`` (a number or an index); ``None`` outside the list."""
        if not isinstance(row, int):
            row = row.row()  # an invalid index has row -1
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find_row(self, field: str, value: object) -> int:
        """The line of the first row whose attribute ``field`` equals ``value``, or -1."""
        try:
            return indexOf(map(attrgetter(field), self._rows), value)  # a C loop: 100,000 rows
        except ValueError:
            return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._header_align[section]
        return None
