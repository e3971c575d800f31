"""Commission rates and bank details: the terms a partner is settled on.

The event has a default commission rate (``event.commission_bp``, basis
points: 1000 = 10 %); a partner may have its own rate (``partners.commission_bp``,
NULL = the event default; 0 is a valid override). Bank details are free text
printed on the settlement sheet. Changes are an admin's, audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from boothpos.core import audit, bounds, users
from boothpos.core.codes import Role
from boothpos.core.db import write_transaction
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.event import get_event
from boothpos.core.products import partner_by_code

BAD_RATE = Msg(
    id="tarif komisi {value} tidak sah; harus 0 sampai 10000 basis poin (0–100%)",
    en="commission rate {value} is not valid; it must be 0 to 10000 basis points (0–100%)",
)
BANK_TOO_LONG = Msg(
    id="keterangan rekening terlalu panjang ({length} huruf; paling banyak 200)",
    en="bank details are too long ({length} characters; at most 200)",
)


@dataclass(frozen=True)
class Terms:
    code: str
    rate_bp: int
    override: bool  # False: the event default applies
    bank_details: str


def _check_rate(rate_bp: int) -> int:
    if isinstance(rate_bp, bool) or not isinstance(rate_bp, int) or not 0 <= rate_bp <= 10_000:
        raise RefusedInput(BAD_RATE, value=rate_bp)
    return rate_bp


def terms(db: Database, code: str) -> Terms:
    partner = partner_by_code(db, code)
    override, bank = db.execute(
        "SELECT commission_bp, bank_details FROM partners WHERE id = ?", (partner.id,)
    ).fetchone()
    rate = get_event(db).commission_bp if override is None else override
    return Terms(partner.code, rate, override is not None, bank or "")


def set_event_commission(db: Database, rate_bp: int, *, user: users.User) -> None:
    """The event's default rate (partners without their own rate)."""
    users.require(user, Role.ADMIN)
    _check_rate(rate_bp)
    with write_transaction(db):
        before = db.execute("SELECT commission_bp FROM event WHERE id = 1").fetchone()[0]
        db.execute("UPDATE event SET commission_bp = ? WHERE id = 1", (rate_bp,))
        audit.record(
            db,
            "event.commission",
            user_id=user.id,
            entity="event",
            entity_id=1,
            detail={"before": before, "after": rate_bp},
        )


def set_partner_commission(
    db: Database, code: str, rate_bp: int | None, *, user: users.User
) -> Terms:
    """A partner's own rate (``None``: back to the event default)."""
    users.require(user, Role.ADMIN)
    if rate_bp is not None:
        _check_rate(rate_bp)
    partner = partner_by_code(db, code)
    with write_transaction(db):
        before = db.execute(
            "SELECT commission_bp FROM partners WHERE id = ?", (partner.id,)
        ).fetchone()[0]
        db.execute("UPDATE partners SET commission_bp = ? WHERE id = ?", (rate_bp, partner.id))
        audit.record(
            db,
            "partner.commission",
            user_id=user.id,
            entity="partner",
            entity_id=partner.code,
            detail={"before": before, "after": rate_bp},
        )
    return terms(db, partner.code)


def set_bank_details(db: Database, code: str, text: str, *, user: users.User) -> Terms:
    """Where the partner's payout goes, as printed on the settlement (e.g. ``BRI 0123… a.n. …``)."""
    users.require(user, Role.ADMIN)
    text = " ".join((text or "").split())
    if len(text) > 200:
        raise RefusedInput(BANK_TOO_LONG, length=len(text))
    bounds.check_text(text, "text")
    partner = partner_by_code(db, code)
    with write_transaction(db):
        db.execute("UPDATE partners SET bank_details = ? WHERE id = ?", (text, partner.id))
        audit.record(
            db,
            "partner.bank_details",
            user_id=user.id,
            entity="partner",
            entity_id=partner.code,
            detail={"set": bool(text)},
        )
    return terms(db, partner.code)
