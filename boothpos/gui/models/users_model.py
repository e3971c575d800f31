"""The users offered on the sign-in screen (fed by ``core.users.list_users``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from boothpos.core.users import User
from boothpos.gui.labels import role_label

UserRole = Qt.ItemDataRole.UserRole

_Index = QModelIndex | QPersistentModelIndex


class UsersListModel(QAbstractListModel):
    """One row per active user: "Display name — role"; ``UserRole`` gives the ``User``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[User] = []

    def set_users(self, users: list[User]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user_at(self, row: int) -> User | None:
        return self._users[row] if 0 <= row < len(self._users) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        user = self.user_at(index.row()) if index.isValid() else None
        if user is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{user.display_name}  —  {role_label(user.role)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return user.username
        if role == UserRole:
            return user
        return None
