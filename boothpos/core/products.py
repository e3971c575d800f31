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
    "SELECT p.id, p.barcode, p.name, p.category, p.price, p.on_hand, "
    "pa.id, pa.code, pa.name, pa.region FROM products p JOIN partners pa ON pa.id = p.partner_id"
)


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


def _product(row) -> Product:
    return Product(
        id=row[0],
        barcode=row[1],
        name=row[2],
        category=row[3],
        price=row[4],
        on_hand=row[5],
        partner=Partner(id=row[6], code=row[7], name=row[8], region=row[9]),
    )


def find_by_code(db: Database, raw: str) -> Product:
    """The active product a scanned/typed code names (UPC-A and EAN-13 forms match).

    Raises :class:`NotFound` for an unknown code.
    """
    forms = barcodes.lookup_forms(raw)
    marks = ",".join("?" * len(forms))
    row = db.execute(
        f"{_PRODUCT_SQL} WHERE p.barcode IN ({marks}) AND p.active = 1", forms
    ).fetchone()
    if row is None:
        raise NotFound(UNKNOWN_CODE, code=str(raw).strip())
    return _product(row)


def product_by_id(db: Database, product_id: int) -> Product:
    row = db.execute(f"{_PRODUCT_SQL} WHERE p.id = ?", (product_id,)).fetchone()
    if row is None:
        raise NotFound(UNKNOWN_CODE, code=product_id)
    return _product(row)


def search(db: Database, text: str, *, limit: int = 50) -> list[Product]:
    """Active products whose name, partner name/code or barcode contains ``text``."""
    like = f"%{text.strip()}%"
    rows = db.execute(
        f"{_PRODUCT_SQL} WHERE p.active = 1 AND (p.name LIKE ? OR pa.name LIKE ? "
        "OR pa.code LIKE ? OR p.barcode LIKE ?) ORDER BY p.name LIMIT ?",
        (like, like, like, like, limit),
    ).fetchall()
    return [_product(r) for r in rows]


def list_products(db: Database) -> list[Product]:
    rows = db.execute(f"{_PRODUCT_SQL} ORDER BY pa.code, p.name").fetchall()
    return [_product(r) for r in rows]


def list_partners(db: Database) -> list[Partner]:
    rows = db.execute("SELECT id, code, name, region FROM partners ORDER BY code").fetchall()
    return [Partner(*r) for r in rows]


def partner_by_code(db: Database, code: str) -> Partner:
    row = db.execute(
        "SELECT id, code, name, region FROM partners WHERE code = ?", (code.strip().upper(),)
    ).fetchone()
    if row is None:
        raise NotFound(UNKNOWN_PARTNER, code=code)
    return Partner(*row)
