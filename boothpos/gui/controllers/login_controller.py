"""Sign-in logic: who is offered first, PIN check, remembering the last user.

The PIN picks the user (PIN-only sign-in, :func:`boothpos.core.users.sign_in_by_pin`):
PINs are unique per event, and a PIN nobody has counts against the till, never
against an innocent account. The list only shows who works the till; it starts
on an attendant, never on a supervisor or admin.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from boothpos.core import event, users
from boothpos.core.codes import Role
from boothpos.core.errors import AuthError, DatabaseError
from boothpos.core.users import User

LAST_USER = "last_user"


def initial_index(all_users: list[User], last_username: str | None) -> int:
    """Row to start on: the last user who signed in if an attendant, else the first
    attendant, else 0 (never a supervisor or admin while an attendant exists)."""
    for i, user in enumerate(all_users):
        if last_username and user.username == last_username and user.role == Role.ATTENDANT:
            return i
    for i, user in enumerate(all_users):
        if user.role == Role.ATTENDANT:
            return i
    return 0


class LoginController(QObject):
    """Checks a PIN for the chosen user. Emits ``signedIn(User)`` or ``failed(message)``.

    While the start-up integrity check runs (:meth:`hold` … :meth:`release`)
    nobody signs in: a PIN entered meanwhile is kept and checked once the
    check has passed (``waiting(bool)`` tells the screen to say so).
    """

    signedIn = Signal(object)
    failed = Signal(str)
    waiting = Signal(bool)  # True while sign-in waits for the database check

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._held = False
        self._queued: tuple[User, str] | None = None

    @property
    def held(self) -> bool:
        """True while signing in waits for the start-up database check."""
        return self._held

    def hold(self) -> None:
        """Nobody signs in until :meth:`release` (the database check is running)."""
        self._held = True
        self.waiting.emit(True)

    def release(self) -> User | None:
        """The check passed: sign-in is open, and a PIN entered meanwhile is checked now."""
        self._held = False
        self.waiting.emit(False)
        queued, self._queued = self._queued, None
        return self.sign_in(*queued) if queued is not None else None

    def users(self) -> list[User]:
        return users.list_users(self._db)

    def last_username(self) -> str | None:
        return event.get_setting(self._db, LAST_USER)

    def start_index(self, all_users: list[User]) -> int:
        return initial_index(all_users, self.last_username())

    def sign_in(self, user: User | None, pin: str) -> User | None:
        """Sign in whoever ``pin`` belongs to (``user``, the selected name, only settles an
        old PIN two users share); remember them as the last user on success."""
        if not pin:
            self.failed.emit(self.tr("Type your PIN, then press Enter."))
            return None
        if self._held:  # checked once the database check has passed
            self._queued = (user, pin)
            return None
        try:
            signed_in = users.sign_in_by_pin(self._db, pin, prefer=user)
        except AuthError as exc:  # unknown PIN (tries left) or the till locked (until when)
            self.failed.emit(exc.message())
            return None
        except DatabaseError as exc:
            self.failed.emit(exc.message())
            return None
        with self._db.atomic():
            event.set_setting(self._db, LAST_USER, signed_in.username)
        self.signedIn.emit(signed_in)
        return signed_in
