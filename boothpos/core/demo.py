"""The bundled demo event: INACRAFT 2024 at JCC, 51 partner UMK, 82 products.

Demo data only: the businesses are invented (see resources/demo/README.md).
"""

from __future__ import annotations

from datetime import date, datetime
from importlib import resources
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from boothpos.core import catalog, event, users
from boothpos.core.codes import Role
from boothpos.core.paths import resource

DEMO_USERS = (
    ("kasir", "1111", Role.ATTENDANT, "Kasir Booth"),
    ("supervisor", "5555", Role.SUPERVISOR, "Supervisor Booth"),
    ("admin", "9999", Role.ADMIN, "Admin Booth"),
)


def build_demo(db: Database) -> event.Event:
    """Create the demo event, its users, and import the demo catalog (intake on set-up day)."""
    ev = event.create_event(
        db,
        name="INACRAFT 2024 (DEMO)",
        venue="Jakarta Convention Center (JCC), Jakarta",
        first_day=date(2024, 2, 28),
        days=5,
        receipt_header="Booth PLN - UMK Binaan PLN\nINACRAFT 2024 - JCC Jakarta",
        receipt_footer=(
            "Terima kasih telah mendukung UMK Indonesia!\nData demo - bukan transaksi nyata"
        ),
        commission_bp=0,
        receipt_prefix="INA24",
        till_code="T1",
    )
    for username, pin, role, name in DEMO_USERS:
        users.add_user(db, username, pin, role, name)
    admin = users.get_user(db, "admin")
    intake_at = datetime(2024, 2, 27, 16, 0, tzinfo=ZoneInfo(ev.timezone))
    with resources.as_file(resource("demo", "catalog.csv")) as path:
        catalog.import_catalog(db, path, user=admin, at=intake_at)
    return ev
