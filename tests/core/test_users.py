"""Users and PINs: hashed with a salt, verified, locked after repeated wrong PINs."""

from __future__ import annotations

from datetime import timedelta

import pytest

from boothpos.core import audit, users
from boothpos.core.errors import AccountLocked, AuthError, PermissionDenied, RefusedInput

# A PIN long and odd enough that finding it by chance in the file's bytes is impossible.
SECRET_PIN = "80427315"


def user_row(database, username: str) -> tuple:
    return database.execute(
        "SELECT pin_hash, failed_pins, locked_until FROM users WHERE username = ?", (username,)
    ).fetchone()


def wrong_pins(database, username: str, count: int, at) -> None:
    for _ in range(count):
        with pytest.raises(AuthError):
            users.authenticate(database, username, "0000", at=at)


# --- storing PINs --------------------------------------------------------------------------


def test_the_pin_is_stored_as_a_salted_scrypt_hash(empty_db):
    users.add_user(empty_db, "kasir2", SECRET_PIN, "attendant")

    pin_hash = user_row(empty_db, "kasir2")[0]
    assert pin_hash.startswith("scrypt$")
    assert SECRET_PIN not in pin_hash
    assert users.verify_pin(SECRET_PIN, pin_hash)
    assert not users.verify_pin("80427316", pin_hash)


def test_the_clear_pin_is_nowhere_in_the_database_files(empty_db, db_path):
    users.add_user(empty_db, "kasir2", SECRET_PIN, "attendant")
    users.authenticate(empty_db, "kasir2", SECRET_PIN)
    with pytest.raises(AuthError):
        users.authenticate(empty_db, "kasir2", "80427314")
    empty_db.conn.commit()

    files = [db_path, db_path.with_name(db_path.name + "-wal")]
    contents = b"".join(path.read_bytes() for path in files if path.exists())
    assert len(contents) > 0
    assert SECRET_PIN.encode() not in contents
    assert SECRET_PIN.encode("utf-16-le") not in contents
    for (text,) in empty_db.execute("SELECT detail FROM audit"):
        assert SECRET_PIN not in text


def test_the_same_pin_hashes_differently_each_time():
    first, second = users.hash_pin("1111"), users.hash_pin("1111")
    assert first != second
    assert users.verify_pin("1111", first) and users.verify_pin("1111", second)


def test_a_pin_another_user_has_is_refused(empty_db):
    users.add_user(empty_db, "kasir2", "1111", "attendant")
    with pytest.raises(RefusedInput) as refused:
        users.add_user(empty_db, "kasir3", "1111", "attendant")
    assert "already used by another user" in refused.value.message("en")
    assert "kasir2" not in refused.value.message("en")  # never says whose PIN it is
    users.add_user(empty_db, "kasir3", "3333", "attendant")
    with pytest.raises(RefusedInput):
        users.set_pin(empty_db, "kasir3", "1111")
    users.set_pin(empty_db, "kasir2", "1111")  # one's own PIN again is fine
    assert empty_db.execute("SELECT COUNT(*) FROM users").fetchone() == (2,)


def test_pin_only_sign_in_picks_the_user(booth):
    assert users.sign_in_by_pin(booth.db, "5555").username == "supervisor"
    assert users.sign_in_by_pin(booth.db, "1111").username == "kasir"
    assert booth.count("audit", "action = 'user.sign_in'") == 2


def test_wrong_pins_lock_the_till_not_an_account(booth):
    at = booth.time(1, 9)
    for left in range(users.MAX_FAILURES - 1, 0, -1):
        with pytest.raises(AuthError) as wrong:
            users.sign_in_by_pin(booth.db, "0000", at=at)
        assert f"{left} tries left" in wrong.value.message("en")
    with pytest.raises(AccountLocked) as locked:
        users.sign_in_by_pin(booth.db, "0000", at=at)
    assert "this till is locked" in locked.value.message("en")
    with pytest.raises(AccountLocked):  # the right PIN waits too, on this till
        users.sign_in_by_pin(booth.db, "1111", at=at)
    # no account was touched: named sign-in (CLI, supervisor approval) still works
    rows = booth.db.execute("SELECT failed_pins, locked_until FROM users").fetchall()
    assert rows == [(0, None)] * 3
    assert users.authenticate(booth.db, "admin", "9999", at=at).role == "admin"
    later = at + timedelta(minutes=users.LOCK_MINUTES, seconds=1)
    assert users.sign_in_by_pin(booth.db, "1111", at=later).username == "kasir"
    assert booth.count("audit", "action = 'till.wrong_pin'") == users.MAX_FAILURES - 1
    assert booth.count("audit", "action = 'till.sign_in_locked'") == 1


def test_an_old_pin_two_users_share_needs_the_chosen_name(booth):
    booth.db.execute(  # a database from before PINs were unique
        "UPDATE users SET pin_hash = ? WHERE username = 'supervisor'", (users.hash_pin("1111"),)
    )
    with pytest.raises(AuthError):
        users.sign_in_by_pin(booth.db, "1111")
    supervisor = users.get_user(booth.db, "supervisor")
    assert users.sign_in_by_pin(booth.db, "1111", prefer=supervisor).username == "supervisor"


def test_verify_pin_rejects_a_stored_value_of_another_scheme():
    assert not users.verify_pin("1111", "1111")
    assert not users.verify_pin("1111", "md5$x$y$z$aa$bb")


# --- signing in ----------------------------------------------------------------------------


def test_the_right_pin_signs_in(booth):
    user = users.authenticate(booth.db, "kasir", "1111", at=booth.time(1, 8))

    assert user == booth.kasir
    assert audit.entries(booth.reopen(), action="user.sign_in")[0]["user_id"] == booth.kasir.id


def test_user_names_are_case_and_space_insensitive(booth):
    assert users.authenticate(booth.db, " Kasir ", "1111", at=booth.time()) == booth.kasir


def test_an_unknown_user_is_refused(booth):
    with pytest.raises(AuthError) as refused:
        users.authenticate(booth.db, "siapa", "1111", at=booth.time())

    assert refused.value.msg is users.NO_USER


def test_a_wrong_pin_counts_down_the_tries_left(booth):
    at = booth.time(1, 8)
    left = []
    for _ in range(4):
        with pytest.raises(AuthError) as refused:
            users.authenticate(booth.db, "kasir", "0000", at=at)
        assert type(refused.value) is AuthError
        left.append(refused.value.values["left"])

    assert left == [4, 3, 2, 1]
    assert user_row(booth.reopen(), "kasir")[1:] == (4, None)


def test_a_right_pin_resets_the_count_of_wrong_pins(booth):
    at = booth.time(1, 8)
    wrong_pins(booth.db, "kasir", 4, at)

    users.authenticate(booth.db, "kasir", "1111", at=at)

    assert user_row(booth.reopen(), "kasir")[1:] == (0, None)
    with pytest.raises(AuthError) as refused:
        users.authenticate(booth.db, "kasir", "0000", at=at)
    assert refused.value.values["left"] == 4


def test_the_fifth_wrong_pin_locks_the_account(booth):
    at = booth.time(1, 8)
    wrong_pins(booth.db, "kasir", 4, at)

    with pytest.raises(AccountLocked) as locked:
        users.authenticate(booth.db, "kasir", "0000", at=at)

    assert locked.value.exit_code == 2
    locked_until = user_row(booth.reopen(), "kasir")[2]
    assert locked_until == (at + timedelta(minutes=users.LOCK_MINUTES)).isoformat()
    assert audit.entries(booth.reopen(), action="user.locked")


def test_a_locked_account_refuses_even_the_right_pin(booth):
    at = booth.time(1, 8)
    wrong_pins(booth.db, "kasir", users.MAX_FAILURES, at)

    just_before = at + timedelta(minutes=users.LOCK_MINUTES) - timedelta(seconds=1)
    with pytest.raises(AccountLocked):
        users.authenticate(booth.db, "kasir", "1111", at=just_before)


def test_the_lock_ends_after_lock_minutes(booth):
    at = booth.time(1, 8)
    wrong_pins(booth.db, "kasir", users.MAX_FAILURES, at)

    later = at + timedelta(minutes=users.LOCK_MINUTES, seconds=1)
    assert users.authenticate(booth.db, "kasir", "1111", at=later) == booth.kasir
    assert user_row(booth.reopen(), "kasir")[1:] == (0, None)


def test_after_the_lock_a_wrong_pin_starts_a_new_count(booth):
    at = booth.time(1, 8)
    wrong_pins(booth.db, "kasir", users.MAX_FAILURES, at)

    later = at + timedelta(minutes=users.LOCK_MINUTES, seconds=1)
    with pytest.raises(AuthError) as refused:
        users.authenticate(booth.db, "kasir", "0000", at=later)

    assert type(refused.value) is AuthError
    assert refused.value.values["left"] == users.MAX_FAILURES - 1


def test_locking_one_user_does_not_lock_another(booth):
    at = booth.time(1, 8)
    wrong_pins(booth.db, "kasir", users.MAX_FAILURES, at)

    assert users.authenticate(booth.db, "supervisor", "5555", at=at) == booth.supervisor


def test_setting_a_new_pin_unlocks_and_replaces_the_old_one(booth):
    at = booth.time(1, 8)
    wrong_pins(booth.db, "kasir", users.MAX_FAILURES, at)

    users.set_pin(booth.db, "kasir", "2468", by=booth.admin)

    assert users.authenticate(booth.db, "kasir", "2468", at=at) == booth.kasir
    with pytest.raises(AuthError):
        users.authenticate(booth.db, "kasir", "1111", at=at)


# --- roles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "needed", "allowed"),
    [
        ("attendant", "attendant", True),
        ("attendant", "supervisor", False),
        ("attendant", "admin", False),
        ("supervisor", "attendant", True),
        ("supervisor", "supervisor", True),
        ("supervisor", "admin", False),
        ("admin", "supervisor", True),
        ("admin", "admin", True),
    ],
)
def test_roles_are_ranked_attendant_supervisor_admin(role, needed, allowed):
    user = users.User(id=1, username="u", display_name="U", role=role)

    assert user.can(needed) is allowed
    if allowed:
        assert users.require(user, needed) is user
    else:
        with pytest.raises(PermissionDenied) as refused:
            users.require(user, needed)
        assert refused.value.exit_code == 2
        assert needed in refused.value.message("en")


def test_a_new_user_keeps_its_role_and_display_name(empty_db):
    added = users.add_user(empty_db, "Siti", "4321", "supervisor", "Siti Rahma")

    assert (added.username, added.display_name, added.role) == ("siti", "Siti Rahma", "supervisor")
    assert users.get_user(empty_db, "siti") == added
    assert users.list_users(empty_db) == [added]


# --- refused input -------------------------------------------------------------------------


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", "12 34", "1234\n", "-1234"])
def test_a_pin_that_is_not_4_to_8_digits_is_refused(empty_db, pin):
    with pytest.raises(RefusedInput) as refused:
        users.add_user(empty_db, "kasir2", pin, "attendant")

    assert refused.value.msg is users.BAD_PIN_FORMAT
    assert empty_db.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 0


def test_set_pin_refuses_a_bad_format_and_keeps_the_old_pin(booth):
    with pytest.raises(RefusedInput):
        users.set_pin(booth.db, "kasir", "12")

    assert users.authenticate(booth.db, "kasir", "1111", at=booth.time()) == booth.kasir


def test_an_unknown_role_is_refused(empty_db):
    with pytest.raises(RefusedInput) as refused:
        users.add_user(empty_db, "kasir2", "1111", "manager")

    assert refused.value.msg is users.BAD_ROLE


@pytest.mark.parametrize("username", ["", "kasir satu", "kasir/1", "a" * 33])
def test_a_bad_user_name_is_refused(empty_db, username):
    with pytest.raises(RefusedInput) as refused:
        users.add_user(empty_db, username, "1111", "attendant")

    assert refused.value.msg is users.BAD_USERNAME


def test_a_duplicate_user_name_is_refused(booth):
    with pytest.raises(RefusedInput) as refused:
        users.add_user(booth.db, "KASIR", "2222", "attendant")

    assert refused.value.msg is users.USER_EXISTS
    assert users.authenticate(booth.db, "kasir", "1111", at=booth.time()) == booth.kasir
