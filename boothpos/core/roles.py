"""Who a booth user is and what their role lets them do: the one check every action makes.

Its own module so that anything may ask "may this user do that?" (the audit
viewer, checkout, stock) without importing :mod:`boothpos.core.users`, which
keeps accounts and PINs and records its own actions in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass

from boothpos.core.codes import ROLES, Role
from boothpos.core.errors import Msg, PermissionDenied

RANK: dict[str, int] = {role: i for i, role in enumerate(ROLES)}

NOT_STAFF = Msg(
    id="hanya petugas booth yang masuk dengan PIN-nya yang boleh melakukan ini",
    en="only booth staff signed in with their own PIN may do this",
)
NEEDS_ROLE = Msg(
    id="'{user}' ({role}) tidak berwenang; perlu {needed}",
    en="'{user}' ({role}) is not allowed; this needs a {needed}",
)


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role

    def can(self, role: Role) -> bool:
        """True if this user has at least ``role``."""
        return RANK[self.role] >= RANK[role]


def require(user: User, role: Role) -> User:
    """Raise PermissionDenied unless ``user`` is a booth :class:`User` with at least ``role``.

    Anything else (a partner's session, a name, None) is refused here, in core.
    """
    if not isinstance(user, User):
        raise PermissionDenied(NOT_STAFF)
    if not user.can(role):
        raise PermissionDenied(NEEDS_ROLE, user=user.username, role=user.role, needed=role)
    return user
