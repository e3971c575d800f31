"""The audit viewer's logic: the log as the signed-in admin may read it.

Who may read it is decided in core (:func:`boothpos.core.audit.view` refuses
anyone but an admin with ``PermissionDenied``), not by hiding a button.
"""

from __future__ import annotations

from sqlite_utils import Database

from boothpos.core import audit, users
from boothpos.core.codes import Role
from boothpos.core.users import User

DEFAULT_LIMIT = 1000


class AuditController:
    """Reads the audit log for ``user``; every read goes through ``audit.view``."""

    def __init__(self, db: Database, user: User | None, *, limit: int = DEFAULT_LIMIT) -> None:
        self._db = db
        self._user = user
        self.limit = limit

    @property
    def user(self) -> User | None:
        return self._user

    def entries(self, action: str | None = None) -> list[dict]:
        """The newest entries (of ``action`` or its family); raises ``PermissionDenied``."""
        if self._user is None:
            users.require(self._user, Role.ADMIN)  # nobody signed in: refused, with core's message
        return audit.view(self._db, self._user, action=action or None, limit=self.limit)

    def filters(self) -> list[tuple[str, str, int]]:
        """(label, filter, entries) for the filter list: families first, then each action.

        A family (``sale.*``, filter ``sale``) is offered where it holds more than
        one action. Read after :meth:`entries` has let the user in.
        """
        found = [(str(action), int(count)) for action, count in audit.actions(self._db)]
        families: dict[str, tuple[int, int]] = {}
        for action, count in found:
            if "." in action:
                family = action.split(".", 1)[0]
                kinds, total = families.get(family, (0, 0))
                families[family] = (kinds + 1, total + count)
        grouped = [
            (f"{family}.*", family, total)
            for family, (kinds, total) in sorted(families.items())
            if kinds > 1
        ]
        return grouped + [(action, action, count) for action, count in found]
