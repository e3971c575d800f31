"""A refused catalog import: every problem (row, column, reason) in a read-only list.

Nothing was imported; the coordinator corrects the spreadsheet and imports
it again. "Copy list" puts the problems on the clipboard (tab-separated) to
paste into a message or beside the spreadsheet.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.errors import Problem
from boothpos.gui.models.catalog_problems_model import (
    COL_COLUMN,
    COL_REASON,
    COL_ROW,
    CatalogProblemsModel,
)


class CatalogProblemsDialog(QDialog):
    """Lists why ``filename`` was not imported."""

    def __init__(
        self,
        filename: str,
        problems: list[Problem],
        lang: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("catalogProblemsDialog")
        self.setWindowTitle(self.tr("Catalog not imported"))
        self.setMinimumSize(720, 420)
        self.model = CatalogProblemsModel(problems, lang, self)

        count = len(problems)
        self.heading = QLabel(
            self.tr(
                "<b>{file}</b> was not imported: {count} problem(s) found. Nothing was "
                "changed. Correct these cells in the spreadsheet and import it again."
            ).format(file=escape(filename), count=count),
            self,
        )
        self.heading.setObjectName("catalogHeading")
        self.heading.setWordWrap(True)

        self.table = QTableView(self)
        self.table.setObjectName("catalogProblems")
        self.table.setStyleSheet("QTableView#catalogProblems::item { padding: 3px 6px; }")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # rows as tall as their (wrapped) reason, at the width the columns really get
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ROW, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)

        self.copy_button = QPushButton(self.tr("Copy list"), self)
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.model.as_text())
