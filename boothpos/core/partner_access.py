"""Partner sign-in: a partner (*mitra UMK*) checks their own sales at the booth.

A partner signs in with their code (typed, or scanned from their partner
card) and a PIN an admin set for them. What they get is a
:class:`PartnerSession`: the partner's id, code and name, and nothing else
(no database handle, no booth user), which is the only key
:mod:`boothpos.core.partner_view` accepts. A session cannot stand in for a
booth user: :func:`boothpos.core.users.require` refuses it.

- :func:`set_partner_pin` (an admin) sets or resets a partner's PIN, a random
  6-digit one unless given, and returns it: the only time it is shown. It is
  stored scrypt-hashed (:func:`boothpos.core.users.hash_pin`); the audit entry
  says a PIN was set, never which.
- :func:`authenticate_partner` checks the PIN. As for booth users,
  :data:`MAX_FAILURES` wrong PINs in a row lock the partner for
  :data:`LOCK_MINUTES` minutes (``partners.failed_pins``/``locked_until``).
  A partner without a PIN cannot sign in.
- The partner card carries a Code 128 barcode of :func:`card_value`
  (``MITRA-AMB001``); :func:`parse_card_scan` turns what the scanner types
  (or a typed code) back into the partner code.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from boothpos.core import audit, barcodes, clock, users
from boothpos.core.codes import Role
from boothpos.core.db import write_transaction
from boothpos.core.errors import AccountLocked, AuthError, Msg, NotFound, RefusedInput
from boothpos.core.event import get_event
from boothpos.core.products import UNKNOWN_PARTNER, list_partners
from boothpos.core.rows import first
from boothpos.core.users import User

MAX_FAILURES = users.MAX_FAILURES  # wrong PINs in a row before the lock
LOCK_MINUTES = users.LOCK_MINUTES
PIN_LENGTH = 6  # generated PINs
CARD_PREFIX = barcodes.PARTNER_CARD_PREFIX
# The partner screen goes back to the sign-in screen after this long without a touch.
IDLE_SECONDS = 45

NO_CODE = Msg(
    id="masukkan kode mitra atau pindai kartu mitra",
    en="enter the partner code or scan the partner card",
)
UNKNOWN_CODE = Msg(
    id="kode mitra '{code}' tidak dikenal; periksa kode pada kartu mitra",
    en="unknown partner code '{code}'; check the code on the partner card",
)
NO_PIN_SET = Msg(
    id="PIN belum diatur, minta admin booth",
    en="no PIN has been set yet; ask the booth admin",
)
EMPTY_PIN = Msg(id="masukkan PIN", en="enter the PIN")
# Neither message names the partner: a wrong PIN shows nothing of them.
WRONG_PIN = Msg(
    id="PIN salah (sisa {left} percobaan)",
    en="wrong PIN ({left} tries left)",
)
LOCKED = Msg(
    id="terlalu banyak PIN salah; coba lagi setelah pukul {until}",
    en="too many wrong PINs; try again after {until}",
)
BAD_CARD_TEXT = Msg(
    id="kode mitra '{code}' tidak bisa dicetak sebagai barcode kartu (hanya huruf, angka "
    "dan tanda baca ASCII)",
    en="partner code '{code}' cannot be printed as a card barcode (ASCII letters, digits "
    "and punctuation only)",
)


@dataclass(frozen=True)
class PartnerSession:
    """A signed-in partner: the key to their own figures, and to nothing else.

    Made by :func:`authenticate_partner`. Holds no database handle and no
    user: every partner-facing query takes the session and the database
    separately and reads only rows of ``partner_id``.
    """

    partner_id: int
    code: str
    name: str


@dataclass(frozen=True)
class PartnerCard:
    """What a partner card shows: no PIN, ever."""

    code: str
    name: str
    region: str

    @property
    def value(self) -> str:
        """What the card's barcode encodes (``MITRA-AMB001``)."""
        return card_value(self.code)


@dataclass(frozen=True)
class PinStatus:
    """For the admin's list: has the partner a PIN, are they locked out."""

    code: str
    name: str
    has_pin: bool
    failed_pins: int
    locked_until: str | None  # ISO time, None when not locked


# ---------------------------------------------------------------- cards


def card_value(code: str) -> str:
    """The text a partner card's barcode encodes: ``MITRA-`` + the partner code."""
    return CARD_PREFIX + code.strip().upper()


def parse_card_scan(text: str) -> str:
    """The partner code in a card scan (``MITRA-AMB001``) or a typed code (``amb001``).

    Scanners type the barcode followed by Enter (sometimes Tab or a control
    character): whitespace and control characters around it are dropped and
    the text is upper-cased. Raises :class:`RefusedInput` for nothing at all.
    """
    cleaned = "".join(ch for ch in str(text or "") if ch.isprintable()).strip().upper()
    if cleaned.startswith(CARD_PREFIX):
        cleaned = cleaned[len(CARD_PREFIX) :].strip()
    if not cleaned:
        raise RefusedInput(NO_CODE)
    return cleaned


def check_card_code(code: str) -> str:
    """``code`` if Code 128 (character set B: printable ASCII) can carry it on a card."""
    value = card_value(code)
    if not re.fullmatch(r"[\x20-\x7e]+", value):
        raise RefusedInput(BAD_CARD_TEXT, code=code)
    return code


def cards(db: Database, codes: list[str] | tuple[str, ...] = ()) -> list[PartnerCard]:
    """Cards of the partners ``codes`` (in that order), or of every partner by code.

    An unknown code is refused (:class:`NotFound`) before anything is printed.
    """
    everyone = {p.code: p for p in list_partners(db)}
    if codes:
        chosen = []
        for code in codes:
            key = parse_card_scan(code)
            if key not in everyone:
                raise NotFound(UNKNOWN_PARTNER, code=code)
            if everyone[key] not in chosen:
                chosen.append(everyone[key])
    else:
        chosen = list(everyone.values())
    for partner in chosen:
        check_card_code(partner.code)
    return [PartnerCard(p.code, p.name, p.region) for p in chosen]


# ---------------------------------------------------------------- PINs


def _weak(pin: str) -> bool:
    """One digit repeated, or a run up or down (123456, 987654)."""
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    return len(steps) == 1 and steps <= {-1, 0, 1}


def generate_pin(length: int = PIN_LENGTH) -> str:
    """A random PIN of ``length`` digits (``secrets``), never a repeated digit or a run."""
    while True:
        pin = f"{secrets.randbelow(10**length):0{length}d}"
        if not _weak(pin):
            return pin


@dataclass(frozen=True)
class _PartnerLogin:
    """What signing a partner in reads of its row."""

    id: int
    code: str
    name: str
    pin_hash: str | None
    locked_until: str | None


def _partner_row(db: Database, code: str) -> _PartnerLogin | None:
    row = first(
        db, "SELECT id, code, name, pin_hash, locked_until FROM partners WHERE code = ?", [code]
    )
    return _PartnerLogin(**row) if row else None


def set_partner_pin(db: Database, code: str, *, admin: User, pin: str | None = None) -> str:
    """Set or reset the PIN of partner ``code``; returns it (show it once, then forget it).

    Only an admin may. Without ``pin`` a random 6-digit PIN is made; a given
    PIN must be 4 to 8 digits. Clears failed tries and any lock. Audited
    (``partner.set_pin``) without the PIN.
    """
    users.require(admin, Role.ADMIN)
    generated = pin is None
    pin = generate_pin() if pin is None else users.check_pin_format(str(pin).strip())
    key = parse_card_scan(code)
    row = _partner_row(db, key)
    if row is None:
        raise NotFound(UNKNOWN_PARTNER, code=code)
    with write_transaction(db):
        db.execute(
            "UPDATE partners SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?",
            (users.hash_pin(pin), row.id),
        )
        audit.record(
            db,
            "partner.set_pin",
            user_id=admin.id,
            entity="partner",
            entity_id=row.code,
            detail={"generated": generated},
        )
    return pin


def pin_status(db: Database, *, admin: User) -> list[PinStatus]:
    """Every partner with whether a PIN is set and any lock (for the admin's screen)."""
    users.require(admin, Role.ADMIN)
    rows = db.execute(
        "SELECT code, name, pin_hash IS NOT NULL, failed_pins, locked_until FROM partners "
        "ORDER BY code"
    ).fetchall()
    now = clock.now()
    return [
        PinStatus(
            code,
            name,
            bool(has),
            failed,
            locked if locked and clock.parse_time(locked) > now else None,
        )  # fmt: skip
        for code, name, has, failed, locked in rows
    ]


def authenticate_partner(
    db: Database, code_or_card_scan: str, pin: str, *, at: datetime | None = None
) -> PartnerSession:
    """Check ``pin`` for the partner of a typed code or a card scan; count failures.

    Raises :class:`AuthError` (unknown code, no PIN set yet, empty or wrong
    PIN) or :class:`AccountLocked` (after :data:`MAX_FAILURES` wrong PINs in
    a row, for :data:`LOCK_MINUTES` minutes; the right PIN is refused too
    until then). No message names the partner.
    """
    moment = clock.moment(at, get_event(db).timezone)
    code = parse_card_scan(code_or_card_scan)
    row = _partner_row(db, code)
    if row is None:
        raise AuthError(UNKNOWN_CODE, code=code)
    partner_id, code, name = row.id, row.code, row.name
    pin_hash, locked_until = row.pin_hash, row.locked_until
    if locked_until and clock.parse_time(locked_until) > moment:
        raise AccountLocked(LOCKED, until=users.lock_time(locked_until))
    if not pin_hash:
        raise AuthError(NO_PIN_SET)
    pin = str(pin or "").strip()
    if not pin:
        raise AuthError(EMPTY_PIN)
    if users.verify_pin(pin, pin_hash):
        with write_transaction(db):
            db.execute(
                "UPDATE partners SET failed_pins = 0, locked_until = NULL WHERE id = ?",
                (partner_id,),
            )
            audit.record(db, "partner.sign_in", entity="partner", entity_id=code, at=moment)
        return PartnerSession(partner_id=partner_id, code=code, name=name)
    with write_transaction(db):
        locked_now, lock, failures = users.count_wrong_pin(db, "partners", partner_id, moment)
        if not locked_now:
            audit.record(
                db,
                "partner.locked" if lock else "partner.wrong_pin",
                entity="partner",
                entity_id=code,
                at=moment,
            )
    if locked_now:
        raise AccountLocked(LOCKED, until=users.lock_time(locked_now))
    if lock:
        raise AccountLocked(LOCKED, until=users.lock_time(lock))
    raise AuthError(WRONG_PIN, left=MAX_FAILURES - failures)
