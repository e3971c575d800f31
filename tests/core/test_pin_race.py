"""Wrong PINs tried in parallel on the real file are each counted: the lock comes after 5."""

from __future__ import annotations

import threading

import pytest

from boothpos.core import db as dbmod
from boothpos.core import partner_access, users
from boothpos.core.errors import AccountLocked, AuthError
from boothpos.core.partner_access import authenticate_partner, set_partner_pin

TRIES = 40


def parallel(booth, attempt) -> list[BaseException]:
    """``attempt(db)`` from TRIES threads at once, each on its own connection to the file."""
    start = threading.Barrier(TRIES)
    outcomes: list[BaseException] = []
    guard = threading.Lock()

    def worker() -> None:
        conn = dbmod.connect(booth.path)
        try:
            start.wait()
            try:
                attempt(conn)
            except (AuthError, AccountLocked) as exc:
                with guard:
                    outcomes.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=worker) for _ in range(TRIES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return outcomes


def audit_count(booth, action: str) -> int:
    return booth.count("audit", "action = ?", (action,))


def test_forty_parallel_wrong_partner_pins_lock_after_exactly_five(booth):
    set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin="4321")
    at = booth.time(2, 10)

    outcomes = parallel(booth, lambda conn: authenticate_partner(conn, "AMB01", "0000", at=at))

    assert len(outcomes) == TRIES
    wrong = [o for o in outcomes if type(o) is AuthError]
    locked = [o for o in outcomes if isinstance(o, AccountLocked)]
    assert len(wrong) == partner_access.MAX_FAILURES - 1
    assert len(locked) == TRIES - len(wrong)
    assert audit_count(booth, "partner.wrong_pin") == partner_access.MAX_FAILURES - 1
    assert audit_count(booth, "partner.locked") == 1
    with pytest.raises(AccountLocked):  # the right PIN waits for the lock too
        authenticate_partner(booth.db, "AMB01", "4321", at=at)


def test_forty_parallel_wrong_staff_pins_lock_after_exactly_five(booth):
    at = booth.time(2, 10)

    outcomes = parallel(booth, lambda conn: users.authenticate(conn, "kasir", "0000", at=at))

    wrong = [o for o in outcomes if type(o) is AuthError]
    assert len(wrong) == users.MAX_FAILURES - 1
    assert len(outcomes) == TRIES
    assert audit_count(booth, "user.wrong_pin") == users.MAX_FAILURES - 1
    assert audit_count(booth, "user.locked") == 1
