"""Shared fixtures: a real event database file with users and a small catalog.

``booth`` is the workhorse: an INACRAFT-like event (prefix ``INA24``, till
``T1``, fair days 28 Feb – 3 Mar 2024) in a SQLite file under ``tmp_path``,
with the users ``kasir`` (attendant), ``supervisor`` and ``admin``, five
products of four partners, and their intake recorded in the stock ledger on
set-up day (27 Feb). Partners and products are inserted directly, so these
tests do not depend on the catalog importer.
"""

# ruff: noqa: E402  (QT_QPA_PLATFORM must be set before anything can import Qt)
from __future__ import annotations

import os

# The GUI tests need Qt to run without a display; set it before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from boothpos.core import barcodes, db, event, products, stock, users
from boothpos.core.checkout import CartLine, SaleResult, Tender, checkout

WIB = ZoneInfo("Asia/Jakarta")
FIRST_DAY = date(2024, 2, 28)
FAIR_DAYS = 5
PREFIX = "INA24"

PINS = {"kasir": "1111", "supervisor": "5555", "admin": "9999"}

# key: (partner code, partner name, region, product name, category, price, intake)
CATALOG = {
    "kalung": (
        "AMB01", "Mutiara Ambon Lestari", "Kota Ambon, Maluku",
        "Kalung Mutiara Laut", "Perhiasan", 250_000, 10,
    ),
    "gelang": (
        "AMB01", "Mutiara Ambon Lestari", "Kota Ambon, Maluku",
        "Gelang Mutiara", "Perhiasan", 35_000, 3,
    ),
    "noken": (
        "JPR01", "Noken Mama Papua", "Kabupaten Jayapura, Papua",
        "Noken Anyaman Kecil", "Tas", 125_000, 5,
    ),
    "kopi": (
        "ACH01", "Kopi Gayo Takengon", "Aceh Tengah, Aceh",
        "Kopi Arabika Gayo 250 g", "Makanan & Minuman", 85_000, 20,
    ),
    "tenun": (
        "NTT01", "Tenun Ikat Sikka", "Kabupaten Sikka, NTT",
        "Selendang Tenun Ikat", "Kain", 450_000, 1,
    ),
}  # fmt: skip

APPEND_ONLY_TABLES = (
    "sales",
    "sale_lines",
    "payments",
    "voids",
    "stock_moves",
    "day_events",
    "audit",
    # schema 4: records of their own (core.schema.RECORD_TABLES)
    "stock_documents",
    "stock_document_lines",
    "product_names",
    "price_changes",
    "backups",
)


@pytest.fixture(autouse=True)
def _message_language_restored():
    """Every test starts and ends with the message language it found (the CLI's ``--lang``
    and the app's language switch set it process-wide)."""
    from boothpos.core import errors

    before = errors.language()
    yield
    errors.set_language(before)


@pytest.fixture
def english():
    """Core messages in English for this test (restored afterwards by the fixture above)."""
    from boothpos.core import errors

    errors.set_language("en")


def fair_time(day: int = 1, hour: int = 10, minute: int = 0) -> datetime:
    """A moment in WIB on fair day ``day`` (1 = 28 Feb 2024; 0 = set-up day)."""
    moment = datetime.combine(FIRST_DAY + timedelta(days=day - 1), datetime.min.time())
    return moment.replace(hour=hour, minute=minute, tzinfo=WIB)


@dataclass
class Booth:
    """A booth database on disk plus the handles a test needs."""

    path: Path
    db: Database
    kasir: users.User
    supervisor: users.User
    admin: users.User
    product: dict[str, products.Product] = field(default_factory=dict)
    _opened: list[Database] = field(default_factory=list)

    time = staticmethod(fair_time)

    def pid(self, key: str) -> int:
        return self.product[key].id

    def sell(
        self,
        *items: str | tuple,
        pay: list[Tender] | None = None,
        at: datetime | None = None,
        cashier: users.User | None = None,
    ) -> SaleResult:
        """Ring up "kopi", ("kopi", 2) or ("kopi", 2, discount); exact cash unless ``pay``."""
        cart = []
        for item in items:
            key, *rest = (item,) if isinstance(item, str) else item
            cart.append(CartLine(self.pid(key), *rest))
        return checkout(
            self.db,
            cart,
            pay if pay is not None else [Tender("cash")],
            cashier=cashier or self.kasir,
            at=at or fair_time(1, 10),
        )

    def reopen(self) -> Database:
        """A fresh connection to the same file (what another process would see)."""
        fresh = db.connect(self.path)
        self._opened.append(fresh)
        return fresh

    def count(self, table: str, where: str = "1 = 1", params: tuple = ()) -> int:
        sql = f"SELECT COUNT(*) FROM {table} WHERE {where}"
        return self.reopen().execute(sql, params).fetchone()[0]

    def on_hand(self, key: str) -> int:
        """The cached on-hand figure, read through a fresh connection."""
        row = self.reopen().execute("SELECT on_hand FROM products WHERE id = ?", (self.pid(key),))
        return row.fetchone()[0]

    def ledger(self, key: str) -> int:
        return stock.on_hand(self.reopen(), self.pid(key))

    def snapshot(self) -> dict[str, int]:
        """Row counts of every append-only table plus the on-hand cache (for 'nothing changed')."""
        fresh = self.reopen()
        counts = {
            table: fresh.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in APPEND_ONLY_TABLES
        }
        for key in self.product:
            counts[f"on_hand:{key}"] = fresh.execute(
                "SELECT on_hand FROM products WHERE id = ?", (self.pid(key),)
            ).fetchone()[0]
        return counts


def _valid_ean13(serial: int) -> str:
    payload = f"899{serial:09d}"
    return payload + str(barcodes.check_digit(payload))


def _add_catalog(database: Database, admin: users.User) -> dict[str, products.Product]:
    intake_at = fair_time(0, 16)
    partner_ids: dict[str, int] = {}
    product_ids: dict[str, int] = {}
    created = intake_at.isoformat()
    with database.atomic():
        for n, (key, row) in enumerate(CATALOG.items(), start=1):
            code, partner_name, region, name, category, price, intake = row
            if code not in partner_ids:
                partner_ids[code] = database.execute(
                    "INSERT INTO partners (code, name, region, created_at) VALUES (?, ?, ?, ?)",
                    (code, partner_name, region, created),
                ).lastrowid
            product_ids[key] = database.execute(
                "INSERT INTO products (barcode, name, partner_id, category, price, "
                "catalog_intake, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_valid_ean13(n), name, partner_ids[code], category, price, intake, created),
            ).lastrowid
            stock.record_move(
                database,
                product_ids[key],
                "intake",
                intake,
                at=intake_at,
                day=intake_at.date().isoformat(),
                user_id=admin.id,
            )
    return {key: products.product_by_id(database, pid) for key, pid in product_ids.items()}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "inacraft-2024.db"


@pytest.fixture
def empty_db(db_path: Path) -> Iterator[Database]:
    """A new database file with the schema and the event, but no users or products."""
    database = db.connect(db_path, create=True)
    event.create_event(
        database,
        name="INACRAFT 2024",
        venue="Jakarta Convention Center",
        first_day=FIRST_DAY,
        days=FAIR_DAYS,
        receipt_prefix=PREFIX,
    )
    yield database
    database.close()


@pytest.fixture
def booth(empty_db: Database, db_path: Path) -> Iterator[Booth]:
    staff = {
        username: users.add_user(empty_db, username, pin, role)
        for username, pin, role in (
            ("kasir", PINS["kasir"], "attendant"),
            ("supervisor", PINS["supervisor"], "supervisor"),
            ("admin", PINS["admin"], "admin"),
        )
    }
    result = Booth(
        path=db_path,
        db=empty_db,
        kasir=staff["kasir"],
        supervisor=staff["supervisor"],
        admin=staff["admin"],
    )
    result.product = _add_catalog(empty_db, staff["admin"])
    yield result
    for conn in result._opened:
        conn.close()
