"""Partner PINs, sign-in, lockout and card scans (boothpos.core.partner_access)."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest

from boothpos.core import audit, days, partner_access, stock_ops, users
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.core.errors import (
    AccountLocked,
    AuthError,
    NotFound,
    PermissionDenied,
    RefusedInput,
)
from boothpos.core.partner_access import (
    PartnerSession,
    authenticate_partner,
    parse_card_scan,
    set_partner_pin,
)


def partner_row(booth, code: str) -> dict:
    row = booth.reopen().execute(
        "SELECT pin_hash, failed_pins, locked_until FROM partners WHERE code = ?", (code,)
    )
    pin_hash, failed, locked = row.fetchone()
    return {"pin_hash": pin_hash, "failed_pins": failed, "locked_until": locked}


# ---------------------------------------------------------------- setting a PIN


def test_admin_sets_a_random_six_digit_pin_shown_once_and_stored_hashed(booth):
    pin = set_partner_pin(booth.db, "AMB01", admin=booth.admin)
    assert len(pin) == 6 and pin.isdigit()
    stored = partner_row(booth, "AMB01")["pin_hash"]
    assert stored.startswith("scrypt$") and pin not in stored
    assert users.verify_pin(pin, stored)
    # the audit says a PIN was set, by whom, for whom; never which PIN
    (entry,) = audit.entries(booth.db, action="partner.set_pin")
    assert entry["user_id"] == booth.admin.id and entry["entity_id"] == "AMB01"
    assert entry["detail"] == {"generated": True}
    everything = json.dumps(audit.entries(booth.db, limit=10_000))
    assert pin not in everything


def test_a_given_pin_is_checked_and_a_reset_clears_the_lock(booth):
    assert set_partner_pin(booth.db, "amb01", admin=booth.admin, pin="4321") == "4321"
    at = booth.time(2, 10)
    for _ in range(partner_access.MAX_FAILURES):
        with pytest.raises(AuthError):
            authenticate_partner(booth.db, "AMB01", "0000", at=at)
    assert partner_row(booth, "AMB01")["locked_until"] is not None
    set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin="8642")
    assert partner_row(booth, "AMB01") | {"pin_hash": None} == {
        "pin_hash": None,
        "failed_pins": 0,
        "locked_until": None,
    }
    assert authenticate_partner(booth.db, "AMB01", "8642", at=at).code == "AMB01"
    assert audit.entries(booth.db, action="partner.set_pin")[0]["detail"] == {"generated": False}


@pytest.mark.parametrize("bad", ["12", "123456789", "12a4", "", " "])
def test_a_bad_pin_is_refused_and_nothing_changes(booth, bad):
    before = booth.snapshot()
    with pytest.raises(RefusedInput):
        set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin=bad)
    assert partner_row(booth, "AMB01")["pin_hash"] is None
    assert booth.snapshot() == before


def test_only_an_admin_sets_a_partner_pin(booth):
    set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin="4321")
    session = authenticate_partner(booth.db, "AMB01", "4321")
    for who in (booth.kasir, booth.supervisor, session, None, "admin"):
        with pytest.raises(PermissionDenied):
            set_partner_pin(booth.db, "JPR01", admin=who)
        with pytest.raises(PermissionDenied):
            partner_access.pin_status(booth.db, admin=who)
    assert partner_row(booth, "JPR01")["pin_hash"] is None


def test_unknown_partner_is_refused(booth):
    with pytest.raises(NotFound):
        set_partner_pin(booth.db, "XXX99", admin=booth.admin)


def test_generated_pins_are_never_trivial():
    pins = {partner_access.generate_pin() for _ in range(300)}
    assert all(len(p) == 6 and p.isdigit() for p in pins)
    assert len(pins) > 290  # random, not a sequence
    for weak in ("000000", "111111", "123456", "654321", "234567"):
        assert partner_access._weak(weak)
    assert not partner_access._weak("123457")


def test_pin_status_lists_pins_and_locks_without_the_pins(booth):
    set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin="4321")
    set_partner_pin(booth.db, "JPR01", admin=booth.admin, pin="5678")
    for _ in range(partner_access.MAX_FAILURES):
        with pytest.raises(AuthError):
            authenticate_partner(booth.db, "JPR01", "0000")
    status = {s.code: s for s in partner_access.pin_status(booth.db, admin=booth.admin)}
    assert status["AMB01"].has_pin and status["AMB01"].locked_until is None
    assert status["JPR01"].has_pin and status["JPR01"].locked_until is not None
    assert not status["ACH01"].has_pin
    assert "4321" not in repr(status) and "5678" not in repr(status)


# ---------------------------------------------------------------- signing in


def test_sign_in_by_code_or_card_scan_gives_a_bare_session(booth):
    set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin="4321")
    expected = PartnerSession(booth.product["kalung"].partner.id, "AMB01", "Mutiara Ambon Lestari")
    for typed in ("AMB01", "amb01", " AMB01 ", "MITRA-AMB01", "mitra-amb01\r\n", "\tMITRA-AMB01\n"):
        assert authenticate_partner(booth.db, typed, "4321") == expected
    # the session is the partner's id, code and name: no database, no user, no role
    assert [f.name for f in dataclasses.fields(PartnerSession)] == ["partner_id", "code", "name"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        expected.partner_id = 99  # type: ignore[misc]
    entries = audit.entries(booth.db, action="partner.sign_in")
    assert len(entries) == 6 and entries[0]["entity_id"] == "AMB01"


def test_a_partner_without_a_pin_cannot_sign_in(booth):
    with pytest.raises(AuthError) as caught:
        authenticate_partner(booth.db, "AMB01", "1111")
    assert caught.value.message("id") == "PIN belum diatur, minta admin booth"
    assert "ask the booth admin" in caught.value.message("en")
    assert not isinstance(caught.value, AccountLocked)
    assert partner_row(booth, "AMB01")["failed_pins"] == 0


def test_unknown_code_and_empty_pin_are_refused_without_counting(booth):
    set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin="4321")
    with pytest.raises(AuthError) as caught:
        authenticate_partner(booth.db, "MITRA-ZZZ01", "4321")
    assert "ZZZ01" in caught.value.message("id")
    for empty in ("", "  ", None):
        with pytest.raises(AuthError) as caught:
            authenticate_partner(booth.db, "AMB01", empty)
        assert caught.value.message("id") == "masukkan PIN"
    with pytest.raises(RefusedInput):
        authenticate_partner(booth.db, "  \r\n", "4321")
    assert partner_row(booth, "AMB01")["failed_pins"] == 0


def test_five_wrong_pins_lock_the_partner_for_five_minutes(booth):
    set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin="4321")
    at = booth.time(2, 10)
    left = []
    for _ in range(partner_access.MAX_FAILURES - 1):
        with pytest.raises(AuthError) as caught:
            authenticate_partner(booth.db, "AMB01", "9999", at=at)
        assert not isinstance(caught.value, AccountLocked)
        left.append(caught.value.values["left"])
        # a wrong PIN names nothing of the partner
        for lang in ("id", "en"):
            text = caught.value.message(lang)
            assert "AMB01" not in text and "Mutiara" not in text
    assert left == [4, 3, 2, 1]
    with pytest.raises(AccountLocked) as caught:
        authenticate_partner(booth.db, "AMB01", "9999", at=at)
    assert "10:05" in caught.value.message("id") and "10:05" in caught.value.message("en")
    # locked: even the right PIN is refused, and the lock does not move
    with pytest.raises(AccountLocked):
        authenticate_partner(booth.db, "MITRA-AMB01", "4321", at=at + timedelta(minutes=4))
    assert partner_row(booth, "AMB01")["locked_until"] == "2024-02-29T10:05:00+07:00"
    # five minutes later the right PIN works and the count starts again
    session = authenticate_partner(booth.db, "AMB01", "4321", at=at + timedelta(minutes=5))
    assert session.code == "AMB01"
    assert partner_row(booth, "AMB01") | {"pin_hash": None} == {
        "pin_hash": None,
        "failed_pins": 0,
        "locked_until": None,
    }
    actions = [e["action"] for e in audit.entries(booth.db, action="partner")]
    assert actions.count("partner.wrong_pin") == 4 and actions.count("partner.locked") == 1


def test_a_lock_is_per_partner_and_other_partners_still_sign_in(booth):
    set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin="4321")
    set_partner_pin(booth.db, "JPR01", admin=booth.admin, pin="5678")
    for _ in range(partner_access.MAX_FAILURES):
        with pytest.raises(AuthError):
            authenticate_partner(booth.db, "AMB01", "0000")
    assert authenticate_partner(booth.db, "JPR01", "5678").code == "JPR01"
    with pytest.raises(AuthError):  # B's PIN does not open A
        authenticate_partner(booth.db, "ACH01", "5678")


def test_a_partner_pin_is_not_a_staff_pin(booth):
    """The partners' and the users' PINs are separate: neither signs in as the other."""
    set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin="9999")  # = admin's PIN
    with pytest.raises(AuthError):
        users.authenticate(booth.db, "AMB01", "9999")
    set_partner_pin(booth.db, "JPR01", admin=booth.admin, pin="4321")
    with pytest.raises(AuthError):
        authenticate_partner(booth.db, "admin", "9999")


# ---------------------------------------------------------------- no way out of the session


def test_a_partner_session_cannot_act_as_booth_staff(booth):
    set_partner_pin(booth.db, "AMB01", admin=booth.admin, pin="4321")
    session = authenticate_partner(booth.db, "AMB01", "4321")
    before = booth.snapshot()
    for role in users.ROLES:
        with pytest.raises(PermissionDenied):
            users.require(session, role)
    with pytest.raises(PermissionDenied):
        checkout(booth.db, [CartLine(booth.pid("kalung"))], [Tender("cash")], cashier=session)
    with pytest.raises(PermissionDenied):
        days.close_day(booth.db, booth.time(1).date(), user=session, counted_cash=0)
    with pytest.raises(PermissionDenied):
        stock_ops.receive(booth.db, {booth.pid("kalung"): 1}, user=session)
    with pytest.raises(PermissionDenied):
        audit.view(booth.db, session)
    assert booth.snapshot() == before


# ---------------------------------------------------------------- card scans


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("MITRA-AMB001", "AMB001"),
        ("mitra-amb001", "AMB001"),
        ("AMB001", "AMB001"),
        ("  amb001\r\n", "AMB001"),
        ("MITRA-AMB001\t", "AMB001"),
        ("\x02MITRA-AMB001\x03", "AMB001"),  # STX/ETX some scanners wrap a scan in
        ("MITRA-MITRA1", "MITRA1"),
    ],
)
def test_parse_card_scan(text, code):
    assert parse_card_scan(text) == code
    assert parse_card_scan(partner_access.card_value(code)) == code


def test_card_value_and_cards(booth):
    assert partner_access.card_value(" amb01 ") == "MITRA-AMB01"
    every = partner_access.cards(booth.db)
    assert [c.code for c in every] == ["ACH01", "AMB01", "JPR01", "NTT01"]
    chosen = partner_access.cards(booth.db, ["jpr01", "MITRA-AMB01", "JPR01"])
    assert [(c.code, c.value) for c in chosen] == [
        ("JPR01", "MITRA-JPR01"),
        ("AMB01", "MITRA-AMB01"),
    ]
    with pytest.raises(NotFound):
        partner_access.cards(booth.db, ["AMB01", "XXX99"])
    with pytest.raises(RefusedInput):
        partner_access.check_card_code("ÄÖ1")
