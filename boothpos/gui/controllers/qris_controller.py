"""Setting the booth's QRIS from the admin menu: scan or paste the payload, or pick a photo."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from boothpos.core import qris
from boothpos.core.codes import Role
from boothpos.core.errors import Msg, PermissionDenied
from boothpos.core.qris import QrisCode
from boothpos.core.users import User

ADMINS_ONLY = Msg(
    id="hanya admin yang boleh mengatur QRIS booth; '{user}' ({role}) tidak berwenang",
    en="only an admin may set the booth's QRIS; '{user}' ({role}) may not",
)


class QrisSettingsController:
    """Validates and stores the booth's static QRIS for an admin (refused for anyone else)."""

    def __init__(self, db: Database, user: User) -> None:
        if not user.can(Role.ADMIN):
            raise PermissionDenied(ADMINS_ONLY, user=user.username, role=user.role)
        self._db = db
        self._user = user

    def current(self) -> QrisCode | None:
        return qris.booth_code(self._db)

    def set_payload(self, text: str) -> QrisCode:
        """Store ``text`` (what the scanner typed or what was pasted); raises QrisError."""
        return qris.set_static(self._db, text, user_id=self._user.id)

    def set_image(self, path: str | Path) -> QrisCode:
        """Read the code in a photo/PNG of the sticker and store it; raises QrisError."""
        return self.set_payload(qris.decode_image(path))
