"""A supervisor approves a void or refund: their name, their PIN and a reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.codes import Role
from boothpos.core.errors import BoothError
from boothpos.core.users import User
from boothpos.gui.controllers.history_controller import Approval
from boothpos.gui.labels import keep_amounts, role_label, sentence

Verify = Callable[[str, str], User]


class SupervisorDialog(QDialog):
    """Focus starts on the PIN of the preselected supervisor; Enter moves on, then approves."""

    def __init__(
        self,
        title: str,
        summary: str,
        users: list[User],
        verify: Verify,
        *,
        preferred: User | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._verify = verify
        self._approval: Approval | None = None

        self.summary = QLabel(keep_amounts(summary))
        self.summary.setWordWrap(True)
        self.summary.setObjectName("approvalSummary")

        self.user_combo = QComboBox()
        self.user_combo.setObjectName("supervisorUser")
        for user in users:
            self.user_combo.addItem(f"{user.display_name} ({role_label(user.role)})", user)
        self.user_combo.setCurrentIndex(self._start_index(users, preferred))

        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("supervisorPin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.pin_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self)
        )
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("approvalReason")
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("For example: wrong item scanned"))

        self.message = QLabel()
        self.message.setObjectName("approvalMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout()
        form.addRow(self.tr("Supervisor"), self.user_combo)
        form.addRow(self.tr("Supervisor PIN"), self.pin_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.setTabOrder(self.user_combo, self.pin_edit)
        self.setTabOrder(self.pin_edit, self.reason_edit)
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _start_index(users: list[User], preferred: User | None) -> int:
        if preferred is not None and preferred.can(Role.SUPERVISOR):
            for i, user in enumerate(users):
                if user.id == preferred.id:
                    return i
        for i, user in enumerate(users):
            if user.role == Role.SUPERVISOR:
                return i
        for i, user in enumerate(users):
            if user.can(Role.SUPERVISOR):
                return i
        return 0

    def approval(self) -> Approval | None:
        """Set once the dialog was accepted with a valid PIN and a reason."""
        return self._approval

    def selected_user(self) -> User | None:
        return self.user_combo.currentData()

    def accept(self) -> None:
        user = self.selected_user()
        if user is None:
            return self._fail(self.tr("Choose the supervisor."), self.user_combo)
        if not self.pin_edit.text():
            return self._fail(self.tr("The supervisor types their PIN."), self.pin_edit)
        if not self.reason_edit.text().strip():
            self.message.setText(self.tr("Type the reason, then press Enter."))
            self.message.show()
            self.reason_edit.setFocus()
            return None
        try:
            supervisor = self._verify(user.username, self.pin_edit.text())
        except BoothError as exc:
            self.pin_edit.clear()
            return self._fail(exc.message(), self.pin_edit)
        self._approval = Approval(supervisor, self.reason_edit.text().strip())
        super().accept()
        return None

    def _fail(self, text: str, focus: QWidget) -> None:
        self.message.setText(sentence(text))
        self.message.show()
        focus.setFocus()
