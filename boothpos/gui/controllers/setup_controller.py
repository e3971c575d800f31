"""Opening the first event database: the demo event, or a new event with its catalog.

A new event is built in a scratch file beside the target and moved into
place only when everything (event, users, catalog) succeeded, so a refused
catalog leaves nothing behind.

Every start calls :func:`has_event`; the catalog importer and the demo
builder are imported only when a database is actually created.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from boothpos.core import db as dbmod
from boothpos.core import event, users
from boothpos.core.codes import Role
from boothpos.core.errors import DatabaseError, Msg, RefusedInput

if TYPE_CHECKING:
    from boothpos.core.catalog import ImportResult

PIN_MISMATCH = Msg(id="kedua PIN admin tidak sama", en="the two admin PINs differ")
CASHIER_PIN_MISMATCH = Msg(id="kedua PIN kasir tidak sama", en="the two cashier PINs differ")
TARGET_EXISTS = Msg(
    id="database '{path}' sudah ada; buka file itu atau pilih nama lain",
    en="database '{path}' already exists; open it or choose another name",
)


@dataclass(frozen=True)
class NewEvent:
    name: str
    first_day: date
    days: int
    admin_pin: str
    admin_pin_again: str
    venue: str = ""
    cashier_pin: str = ""  # optional: also create the attendant "kasir"
    cashier_pin_again: str = ""
    catalog: Path | None = None


def has_event(path: Path) -> bool:
    """True if ``path`` is a database that already holds an event."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    db = dbmod.connect(path)
    try:
        event.get_event(db)
    except DatabaseError:
        return False
    finally:
        db.close()
    return True


def ensure_demo(path: Path) -> Path:
    """The demo database at ``path``, built on first use (INACRAFT 2024 + demo users)."""
    if has_event(path):
        return path
    from boothpos.core import demo

    scratch = _scratch(path)
    db = dbmod.connect(scratch, create=True)
    try:
        demo.build_demo(db)
    finally:
        db.close()
    os.replace(scratch, path)
    return path


def create_event_database(target: Path, spec: NewEvent) -> ImportResult | None:
    """Create the event, its admin (and cashier), import the catalog; all or nothing.

    Raises a ``BoothError`` (``CatalogError`` naming every bad row) and leaves
    no file behind when anything is refused.
    """
    if has_event(target):
        raise RefusedInput(TARGET_EXISTS, path=str(target))
    users.check_pin_format(spec.admin_pin)
    if spec.admin_pin != spec.admin_pin_again:
        raise RefusedInput(PIN_MISMATCH)
    if spec.cashier_pin or spec.cashier_pin_again:
        users.check_pin_format(spec.cashier_pin)
        if spec.cashier_pin != spec.cashier_pin_again:
            raise RefusedInput(CASHIER_PIN_MISMATCH)
        if spec.cashier_pin == spec.admin_pin:  # the PIN picks the user: unique per event
            raise RefusedInput(users.PIN_TAKEN)
    scratch = _scratch(target)
    db = dbmod.connect(scratch, create=True)
    result = None
    try:
        with db.atomic():
            event.create_event(
                db, name=spec.name, first_day=spec.first_day, days=spec.days, venue=spec.venue
            )
            admin = users.add_user(db, "admin", spec.admin_pin, Role.ADMIN, "Admin")
            if spec.cashier_pin:
                users.add_user(db, "kasir", spec.cashier_pin, Role.ATTENDANT, "Kasir")
        if spec.catalog is not None:
            from boothpos.core import catalog

            result = catalog.import_catalog(db, spec.catalog, user=admin)
    except BaseException:
        db.close()
        _remove(scratch)
        raise
    db.close()
    os.replace(scratch, target)
    return result


def _scratch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(path.name + ".new")
    _remove(scratch)
    return scratch


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
