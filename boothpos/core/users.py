"""Booth users (attendant / supervisor / admin) and PINs.

PINs are stored salted and hashed with scrypt, never in clear. Repeated
wrong PINs for a named user lock that account for a while.

PIN-only sign-in (:func:`sign_in_by_pin`, the till's sign-in screen): the PIN
picks the user, so PINs are unique per event (:func:`add_user` and
:func:`set_pin` refuse a PIN another user has). A PIN nobody has counts
against the *till* (this event file), not against an innocent account: after
:data:`MAX_FAILURES` of them in a row the till's sign-in waits
:data:`LOCK_MINUTES` minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta

from sqlite_utils import Database

from boothpos.core import audit, clock
from boothpos.core.codes import ROLES
from boothpos.core.db import write_transaction
from boothpos.core.errors import (
    AccountLocked,
    AuthError,
    Msg,
    NotFound,
    RefusedInput,
)
from boothpos.core.event import get_setting
from boothpos.core.roles import (  # noqa: F401 - users.User, users.require etc. stay importable
    NEEDS_ROLE,
    NOT_STAFF,
    RANK,
    User,
    require,
)
from boothpos.core.rows import first, named

MAX_FAILURES = 5
LOCK_MINUTES = 5

# scrypt parameters: n=2**14, r=8, p=1 (~16 MiB, tens of ms): a 4–6 digit PIN
# still needs the lockout, the hash keeps a stolen file from giving PINs away.
_N, _R, _P = 2**14, 8, 1

BAD_PIN_FORMAT = Msg(id="PIN harus 4 sampai 8 angka", en="a PIN must be 4 to 8 digits")
WRONG_PIN = Msg(
    id="PIN salah untuk '{user}' (sisa {left} percobaan)",
    en="wrong PIN for '{user}' ({left} tries left)",
)
LOCKED = Msg(
    id="akun '{user}' dikunci karena terlalu banyak PIN salah; coba lagi setelah {until}",
    en="account '{user}' is locked after too many wrong PINs; try again after {until}",
)
WRONG_TILL_PIN = Msg(
    id="PIN tidak dikenal (sisa {left} percobaan sebelum kasir ini dikunci)",
    en="Unknown PIN ({left} tries left before this till locks)",
)
TILL_LOCKED = Msg(
    id="Masuk di kasir ini dikunci karena terlalu banyak PIN salah; coba lagi setelah {until}",
    en="Sign-in on this till is locked after too many wrong PINs; try again after {until}",
)
PIN_TAKEN = Msg(
    id="PIN ini sudah dipakai pengguna lain; pilih PIN lain",
    en="this PIN is already used by another user; choose another PIN",
)
PIN_SHARED = Msg(
    id="PIN ini dipakai lebih dari satu pengguna; pilih nama Anda dulu, lalu ganti PIN",
    en="this PIN belongs to more than one user; choose your name first, then change the PIN",
)
TILL_FAILURES = "till_pin_failures"  # settings: wrong PINs in a row on this till
TILL_LOCKED_UNTIL = "till_locked_until"  # settings: ISO time, or "" when open
NO_USER = Msg(id="pengguna '{user}' tidak ada", en="there is no user '{user}'")
USER_EXISTS = Msg(id="pengguna '{user}' sudah ada", en="user '{user}' already exists")
BAD_ROLE = Msg(
    id="peran '{role}' tidak dikenal (attendant, supervisor, admin)",
    en="unknown role '{role}' (attendant, supervisor, admin)",
)
BAD_USERNAME = Msg(
    id="nama pengguna '{user}' harus 1–32 huruf kecil, angka, titik, strip atau garis bawah",
    en="user name '{user}' must be 1–32 lower-case letters, digits, dot, dash or underscore",
)


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(candidate.hex(), digest)


def check_pin_format(pin: str) -> str:
    if not re.fullmatch(r"[0-9]{4,8}", pin or ""):
        raise RefusedInput(BAD_PIN_FORMAT)
    return pin


_USER_COLUMNS = "id, username, display_name, role"


def _row_to_user(row: dict) -> User:
    return User(
        id=row["id"], username=row["username"], display_name=row["display_name"], role=row["role"]
    )


def add_user(
    db: Database,
    username: str,
    pin: str,
    role: str,
    display_name: str = "",
    *,
    by: User | None = None,
) -> User:
    username = username.strip().lower()
    if not re.fullmatch(r"[a-z0-9._-]{1,32}", username):
        raise RefusedInput(BAD_USERNAME, user=username)
    if role not in ROLES:
        raise RefusedInput(BAD_ROLE, role=role)
    check_pin_format(pin)
    if db.execute("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone():
        raise RefusedInput(USER_EXISTS, user=username)
    if _pin_owners(db, pin):
        raise RefusedInput(PIN_TAKEN)
    with db.atomic():
        cur = db.execute(
            "INSERT INTO users (username, display_name, role, pin_hash, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (username, display_name or username, role, hash_pin(pin), clock.to_iso(clock.now())),
        )
        audit.record(
            db,
            "user.add",
            user_id=by.id if by else None,
            entity="user",
            entity_id=cur.lastrowid,
            detail={"role": role, "username": username},
        )
    return get_user(db, username)


def get_user(db: Database, username: str) -> User:
    row = first(
        db,
        f"SELECT {_USER_COLUMNS} FROM users WHERE username = ? AND active = 1",
        [username.strip().lower()],
    )
    if row is None:
        raise NotFound(NO_USER, user=username)
    return _row_to_user(row)


def list_users(db: Database) -> list[User]:
    rows = named(db, f"SELECT {_USER_COLUMNS} FROM users WHERE active = 1 ORDER BY id")
    return [_row_to_user(row) for row in rows]


def authenticate(db: Database, username: str, pin: str, *, at: datetime | None = None) -> User:
    """Check ``pin`` for ``username``; count failures and lock after MAX_FAILURES.

    Raises :class:`AuthError` (wrong PIN or user) or :class:`AccountLocked`.
    """
    moment = at or clock.now()
    row = first(
        db,
        f"SELECT {_USER_COLUMNS}, pin_hash, locked_until "
        "FROM users WHERE username = ? AND active = 1",
        [username.strip().lower()],
    )
    if row is None:
        raise AuthError(NO_USER, user=username)
    user = _row_to_user(row)
    locked_until = row["locked_until"]
    if locked_until and clock.parse_time(locked_until) > moment:
        raise AccountLocked(LOCKED, user=user.username, until=lock_time(locked_until))
    if verify_pin(pin or "", row["pin_hash"]):
        with db.atomic():
            db.execute(
                "UPDATE users SET failed_pins = 0, locked_until = NULL WHERE id = ?", (user.id,)
            )
            audit.record(
                db, "user.sign_in", user_id=user.id, entity="user", entity_id=user.id, at=moment
            )
        return user
    with write_transaction(db):
        locked_now, lock, failures = count_wrong_pin(db, "users", user.id, moment)
        if not locked_now:
            audit.record(
                db,
                "user.locked" if lock else "user.wrong_pin",
                user_id=user.id,
                entity="user",
                entity_id=user.id,
                at=moment,
            )
    if locked_now:
        raise AccountLocked(LOCKED, user=user.username, until=lock_time(locked_now))
    if lock:
        raise AccountLocked(LOCKED, user=user.username, until=lock_time(lock))
    raise AuthError(WRONG_PIN, user=user.username, left=MAX_FAILURES - failures)


def count_wrong_pin(
    db: Database, table: str, row_id: int, moment: datetime
) -> tuple[str | None, str | None, int]:
    """Count one wrong PIN of a user or a partner (``table`` ``users`` or ``partners``).

    Call inside the write transaction, so parallel tries each see the one
    before. Returns ``(locked_now, lock, failures)``: the lock already in force
    (nothing counted), else the lock this try set (``None`` below
    :data:`MAX_FAILURES`) and the wrong PINs in a row so far.
    """
    if table not in ("users", "partners"):
        raise ValueError(f"no PINs in {table!r}")
    failures, locked_until = db.execute(
        f"SELECT failed_pins, locked_until FROM {table} WHERE id = ?", (row_id,)
    ).fetchone()
    if locked_until and clock.parse_time(locked_until) > moment:
        return locked_until, None, failures
    failures += 1
    lock = None
    if failures >= MAX_FAILURES:
        lock = clock.to_iso(moment + timedelta(minutes=LOCK_MINUTES))
        failures = 0
    db.execute(
        f"UPDATE {table} SET failed_pins = ?, locked_until = ? WHERE id = ?",
        (failures, lock, row_id),
    )
    return None, lock, failures


def _pin_owners(db: Database, pin: str) -> list[User]:
    """The active users whose PIN is ``pin`` (one scrypt check per user)."""
    rows = named(db, f"SELECT {_USER_COLUMNS}, pin_hash FROM users WHERE active = 1 ORDER BY id")
    return [_row_to_user(row) for row in rows if verify_pin(pin, row["pin_hash"])]


def _setting(db: Database, key: str) -> str:
    return get_setting(db, key) or ""


def _put_setting(db: Database, key: str, value: str) -> None:
    """Write a till sign-in counter without ``set_setting``'s own audit entry (the caller
    records ``till.wrong_pin`` / ``till.sign_in_locked``)."""
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def till_locked_until(db: Database, *, at: datetime | None = None) -> str:
    """ "HH:MM" while this till's sign-in is locked, else ""."""
    until = _setting(db, TILL_LOCKED_UNTIL)
    if until and clock.parse_time(until) > (at or clock.now()):
        return lock_time(until)
    return ""


def sign_in_by_pin(
    db: Database, pin: str, *, prefer: User | None = None, at: datetime | None = None
) -> User:
    """PIN-only sign-in: the user whose PIN this is (``prefer`` wins a shared old PIN).

    Raises :class:`AccountLocked` while the till (or the user's own account) is
    locked, :class:`AuthError` for a PIN nobody has (counted against the till).
    """
    moment = at or clock.now()
    until = till_locked_until(db, at=moment)
    if until:
        raise AccountLocked(TILL_LOCKED, until=until)
    owners = _pin_owners(db, pin or "") if re.fullmatch(r"[0-9]{1,8}", pin or "") else []
    if len(owners) > 1:
        owners = [u for u in owners if prefer is not None and u.id == prefer.id]
        if not owners:
            raise AuthError(PIN_SHARED)
    if owners:
        user = owners[0]
        locked = db.execute("SELECT locked_until FROM users WHERE id = ?", (user.id,)).fetchone()
        if locked and locked[0] and clock.parse_time(locked[0]) > moment:
            raise AccountLocked(LOCKED, user=user.username, until=lock_time(locked[0]))
        with db.atomic():
            _put_setting(db, TILL_FAILURES, "0")
            db.execute(
                "UPDATE users SET failed_pins = 0, locked_until = NULL WHERE id = ?", (user.id,)
            )
            audit.record(
                db, "user.sign_in", user_id=user.id, entity="user", entity_id=user.id, at=moment
            )
        return user
    with write_transaction(db):
        # counted inside the write transaction, like a named user's (count_wrong_pin)
        failures = int(_setting(db, TILL_FAILURES) or 0) + 1
        lock = ""
        if failures >= MAX_FAILURES:
            lock = clock.to_iso(moment + timedelta(minutes=LOCK_MINUTES))
            failures = 0
        _put_setting(db, TILL_FAILURES, str(failures))
        if lock:
            _put_setting(db, TILL_LOCKED_UNTIL, lock)
        audit.record(
            db,
            "till.sign_in_locked" if lock else "till.wrong_pin",
            entity="till",
            detail={"failures": MAX_FAILURES if lock else failures},
            at=moment,
        )
    if lock:
        raise AccountLocked(TILL_LOCKED, until=lock_time(lock))
    raise AuthError(WRONG_TILL_PIN, left=MAX_FAILURES - failures)


def set_pin(db: Database, username: str, pin: str, *, by: User | None = None) -> None:
    check_pin_format(pin)
    user = get_user(db, username)
    if any(owner.id != user.id for owner in _pin_owners(db, pin)):
        raise RefusedInput(PIN_TAKEN)
    with db.atomic():
        db.execute(
            "UPDATE users SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?",
            (hash_pin(pin), user.id),
        )
        audit.record(
            db, "user.set_pin", user_id=by.id if by else None, entity="user", entity_id=user.id
        )


def lock_time(iso: str) -> str:
    """When a lock ends, as the message shows it: ``14:05``."""
    return clock.parse_time(iso).strftime("%H:%M")
