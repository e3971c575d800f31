"""Products and partners: look-ups used at the till and in lists."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from boothpos.core import barcodes
from boothpos.core.errors import Msg, NotFound

UNKNOWN_CODE = Msg(
    id="kode '{code}' tidak dikenal: tidak ada produk dengan kode ini",
    en="unknown code '{code}': no product has this code",
)
UNKNOWN_PARTNER = Msg(id="mitra '{code}' tidak ada", en="there is no partner '{code}'")

_PRODUCT_SQL = (
    "SELECT p.id, p.barcode, p.name, p.category, p.price, p.on_hand, pa.id AS partner_id, "
    "pa.code AS partner_code, pa.name AS partner_name, pa.region AS partner_region "
    "FROM products p JOIN partners pa ON pa.id = p.partner_id"
)
_PARTNER_SQL = "SELECT id, code, name, region FROM partners"


@dataclass(frozen=True)
class Partner:
    id: int
    code: str
    name: str
    region: str


@dataclass(frozen=True)
class Product:
    id: int
    barcode: str
    name: str
    category: str
    price: int
    on_hand: int
    partner: Partner


def _product(row: dict) -> Product:
    """A product from a row of ``_PRODUCT_SQL`` (columns by name)."""
    return Product(
        id=row["id"],
        barcode=row["barcode"],
        name=row["name"],
        category=row["category"],
        price=row["price"],
        on_hand=row["on_hand"],
        partner=Partner(
            id=row["partner_id"],
            code=row["partner_code"],
            name=row["partner_name"],
            region=row["partner_region"],
        ),
    )


def _first(db: Database, sql: str, params: tuple | list) -> dict | None:
    return next(iter(db.query(sql, params)), None)


def find_by_code(db: Database, raw: str) -> Product:
    """The active product a scanned/typed code names (UPC-A and EAN-13 forms match).

    Raises :class:`NotFound` for an unknown code.
    """
    forms = barcodes.lookup_forms(raw)
    marks = ",".join("?" * len(forms))
    row = _first(db, f"{_PRODUCT_SQL} WHERE p.barcode IN ({marks}) AND p.active = 1", forms)
    if row is None:
        raise NotFound(UNKNOWN_CODE, code=str(raw).strip())
    return _product(row)


def product_by_id(db: Database, product_id: int) -> Product:
    row = _first(db, f"{_PRODUCT_SQL} WHERE p.id = ?", (product_id,))
    if row is None:
        raise NotFound(UNKNOWN_CODE, code=product_id)
    return _product(row)


def search(db: Database, text: str, *, limit: int = 50) -> list[Product]:
    """Active products whose name, partner name/code or barcode contains ``text``."""
    like = f"%{text.strip()}%"
    rows = db.query(
        f"{_PRODUCT_SQL} WHERE p.active = 1 AND (p.name LIKE ? OR pa.name LIKE ? "
        "OR pa.code LIKE ? OR p.barcode LIKE ?) ORDER BY p.name LIMIT ?",
        (like, like, like, like, limit),
    )
    return [_product(r) for r in rows]


def list_products(db: Database) -> list[Product]:
    return [_product(r) for r in db.query(f"{_PRODUCT_SQL} ORDER BY pa.code, p.name")]


def list_partners(db: Database) -> list[Partner]:
    return [Partner(**r) for r in db.query(f"{_PARTNER_SQL} ORDER BY code")]


def partner_by_code(db: Database, code: str) -> Partner:
    row = _first(db, f"{_PARTNER_SQL} WHERE code = ?", (code.strip().upper(),))
    if row is None:
        raise NotFound(UNKNOWN_PARTNER, code=code)
    return Partner(**row)


def partner_by_id(db: Database, partner_id: int) -> Partner:
    row = _first(db, f"{_PARTNER_SQL} WHERE id = ?", (partner_id,))
    if row is None:
        raise NotFound(UNKNOWN_PARTNER, code=partner_id)
    return Partner(**row)
