"""The audit log viewer (admin only): who did what and when, filtered by action.

Fed by :class:`~boothpos.gui.controllers.audit_controller.AuditController`,
whose every read is ``core.audit.view``: anyone but an admin is refused in
core, and the viewer shows that refusal instead of the log.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.errors import BoothError
from boothpos.gui.controllers.audit_controller import AuditController
from boothpos.gui.labels import plural
from boothpos.gui.models.audit_model import (
    COL_ACTION,
    COL_DETAIL,
    COL_ENTITY,
    COL_TIME,
    COL_USER,
    AuditTableModel,
)


class AuditDialog(QDialog):
    """A window on the audit log; :attr:`refused` is set when the user may not read it."""

    def __init__(self, controller: AuditController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.setMinimumSize(900, 560)
        self.controller = controller
        self.model = AuditTableModel(self)
        self.refused = ""

        self.action_combo = QComboBox()
        self.action_combo.setObjectName("auditActionCombo")
        self.action_combo.setMinimumContentsLength(24)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("historySummary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Action")))
        top.addWidget(self.action_combo)
        top.addStretch(1)
        top.addWidget(self.summary_label)

        self.message = QLabel()
        self.message.setObjectName("auditMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()

        self.view = QTableView()
        self.view.setObjectName("auditView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        for column in (COL_TIME, COL_USER, COL_ACTION, COL_ENTITY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)

        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        if self.refresh():
            self._fill_filters()
        self.action_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def current_filter(self) -> str | None:
        value = self.action_combo.currentData()
        return str(value) if value else None

    def set_filter(self, action: str | None) -> bool:
        """Choose a filter by its code (``sale.void``, a family ``sale``, None for all)."""
        index = self.action_combo.findData(action or "")
        if index < 0:
            return False
        self.action_combo.setCurrentIndex(index)
        return True

    def refresh(self) -> bool:
        """Read the log again (with the chosen filter); False when the user is refused."""
        try:
            entries = self.controller.entries(self.current_filter())
        except BoothError as exc:
            self.refused = exc.message()
            self.model.set_entries([])
            self.message.setText(self.refused)
            self.message.show()
            self.action_combo.setEnabled(False)
            self.summary_label.clear()
            return False
        self.refused = ""
        self.message.hide()
        self.model.set_entries(entries)
        if len(entries) >= self.controller.limit:
            summary = self.tr("The newest {count} entries").format(count=len(entries))
        else:
            summary = plural(len(entries), self.tr("{n} entry"), self.tr("{n} entries"))
        self.summary_label.setText(summary)
        return True

    def _fill_filters(self) -> None:
        self.action_combo.blockSignals(True)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("All actions"), "")
        for label, action, count in self.controller.filters():
            self.action_combo.addItem(f"{label} ({count})", action)
        self.action_combo.setCurrentIndex(0)
        self.action_combo.blockSignals(False)
