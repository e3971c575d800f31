"""Business records with tables of their own (schema 4).

Stock documents (with their lines), product name history, price history and
the backups taken used to live only as audit JSON; business reads parsed the
audit log. Now each is written to its own append-only table, in the same
transaction as its audit entry (the audit log keeps recording exactly as
before), and read from there:

- :func:`add_document` / :func:`document_rows` / :func:`document_count`
  (``stock_documents``, ``stock_document_lines``) for :mod:`boothpos.core.stock_ops`;
- :func:`add_name_change` / :func:`old_names` (``product_names``) for the
  catalog import's old-name matching;
- :func:`add_price_change` / :func:`price_changes` (``price_changes``);
- :func:`add_backup` / :func:`last_backed_up_sale` (``backups``) for the count
  of sales since the newest backup.

:func:`move_from_audit` is the migration's step that copies what an older
database holds in its audit log into these tables.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from boothpos.core.codes import ChangeSource

SOURCES = tuple(ChangeSource)  # who changed a name or price: a person, or a catalog file

_DOCUMENT_COLUMNS = (
    "number", "kind", "at", "day", "partner_id", "partner_code", "partner_name",
    "partner_region", "username", "user_name", "reason", "note",
)  # fmt: skip
_LINE_COLUMNS = (
    "product_id", "barcode", "name", "category", "price", "qty", "on_hand_before",
    "on_hand_after", "counted",
)  # fmt: skip


# ------------------------------------------------------------ stock documents ---


def add_document(db: Database, document: Mapping, lines: list[Mapping]) -> int:
    """Append one stock document and its lines (inside the caller's transaction).

    ``document`` holds the columns of ``stock_documents`` by name, ``lines``
    those of ``stock_document_lines`` (line numbers follow the list order).
    Returns the document's row id.
    """
    doc_id = db.execute(
        f"INSERT INTO stock_documents ({', '.join(_DOCUMENT_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_DOCUMENT_COLUMNS))})",
        [document[c] for c in _DOCUMENT_COLUMNS],
    ).lastrowid
    db.conn.executemany(
        f"INSERT INTO stock_document_lines (document_id, line_no, {', '.join(_LINE_COLUMNS)}) "
        f"VALUES (?, ?, {', '.join('?' * len(_LINE_COLUMNS))})",
        [
            (doc_id, n, *(line.get(c) for c in _LINE_COLUMNS))
            for n, line in enumerate(lines, start=1)
        ],
    )
    return doc_id


def add_document_json(
    db: Database,
    doc: Mapping,
    *,
    partner_id: int | None,
    product_id: Callable[[Mapping], int] | None = None,
) -> int:
    """Append a stock document given as its JSON (``StockDocument.to_json()``, as audited).

    ``product_id`` finds a line's product here (another till's document names
    its own row ids: the hub maps them by barcode); default: the id in the line.
    """
    partner = doc["partner"]
    lines = [
        {**line, "product_id": product_id(line)} if product_id else line for line in doc["lines"]
    ]
    return add_document(
        db,
        {
            **{c: doc.get(c, "") for c in _DOCUMENT_COLUMNS},
            "partner_id": partner_id,
            "partner_code": partner["code"],
            "partner_name": partner["name"],
            "partner_region": partner.get("region", ""),
            "username": doc["user"],
        },
        lines,
    )


def _rows(db: Database, sql: str, params: tuple | list = ()) -> Iterator[dict]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def document_rows(
    db: Database, *, number: str | None = None, kind: str | None = None, partner: str | None = None
) -> list[tuple[dict, list[dict]]]:
    """Stock documents (columns by name) with their lines, oldest first."""
    where, params = [], []
    for column, value in (("number", number), ("kind", kind), ("partner_code", partner)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = "SELECT * FROM stock_documents" + (" WHERE " + " AND ".join(where) if where else "")
    docs = list(_rows(db, sql + " ORDER BY id", params))
    if not docs:
        return []
    lines: dict[int, list[dict]] = {d["id"]: [] for d in docs}
    for line in _rows(
        db,
        "SELECT * FROM stock_document_lines WHERE document_id IN "
        "(SELECT value FROM json_each(?)) ORDER BY document_id, line_no",
        (json.dumps(list(lines)),),
    ):
        lines[line["document_id"]].append(line)
    return [(d, lines[d["id"]]) for d in docs]


def document_count(db: Database, prefix: str) -> int:
    """How many stock documents have a number starting with ``prefix``."""
    return db.execute(
        "SELECT COUNT(*) FROM stock_documents WHERE substr(number, 1, ?) = ?",
        (len(prefix), prefix),
    ).fetchone()[0]


# ------------------------------------------------------- name and price history ---


@dataclass(frozen=True)
class PriceRow:
    product_id: int
    old_price: int
    new_price: int
    at: str
    user_id: int | None
    source: str


def add_name_change(
    db: Database, product_id: int, old: str, new: str, *, at: str, user_id: int | None, source: str
) -> None:
    db.execute(
        "INSERT INTO product_names (product_id, old_name, new_name, at, user_id, source) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (product_id, old, new, at, user_id, source),
    )


def add_price_change(
    db: Database, product_id: int, old: int, new: int, *, at: str, user_id: int | None, source: str
) -> None:
    db.execute(
        "INSERT INTO price_changes (product_id, old_price, new_price, at, user_id, source) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (product_id, old, new, at, user_id, source),
    )


def record_product_change(
    db: Database,
    product_id: int,
    old: Mapping[str, object],
    new: Mapping[str, object],
    *,
    at: str,
    user_id: int | None,
    source: str,
) -> None:
    """The name and price history rows of one product update (old/new column values)."""
    if "name" in new and old.get("name") != new["name"]:
        add_name_change(
            db, product_id, str(old["name"]), str(new["name"]), at=at, user_id=user_id,
            source=source,
        )  # fmt: skip
    if "price" in new and old.get("price") != new["price"]:
        add_price_change(
            db, product_id, int(old["price"]), int(new["price"]), at=at, user_id=user_id,
            source=source,
        )  # fmt: skip


def old_names(db: Database, *, source: str = ChangeSource.EDIT) -> list[tuple[int, str]]:
    """``(product id, name it had before)`` of every rename from ``source``, oldest first."""
    return [
        (row["product_id"], row["old_name"])
        for row in _rows(
            db,
            "SELECT product_id, old_name FROM product_names WHERE source = ? ORDER BY id",
            (source,),
        )
    ]


def price_changes(db: Database, product_id: int) -> list[PriceRow]:
    """Every price change of a product, oldest first."""
    return [
        PriceRow(**row)
        for row in _rows(
            db,
            "SELECT product_id, old_price, new_price, at, user_id, source FROM price_changes "
            "WHERE product_id = ? ORDER BY id",
            (product_id,),
        )
    ]


# ----------------------------------------------------------------- backups ---


def add_backup(
    db: Database,
    *,
    at: str,
    user_id: int | None,
    reason: str,
    file: str,
    files: list[str],
    last_sale_id: int,
    sales: int,
) -> None:
    """One backup written: ``file`` names the first copy, ``files`` every copy (paths)."""
    db.execute(
        "INSERT INTO backups (at, user_id, reason, file, files, last_sale_id, sales) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (at, user_id, reason, file, json.dumps(files, ensure_ascii=False), last_sale_id, sales),
    )


def last_backed_up_sale(db: Database) -> int:
    """The id of the last sale the newest backup holds (0: no backup, or none held a sale)."""
    row = db.execute("SELECT last_sale_id FROM backups ORDER BY id DESC LIMIT 1").fetchone()
    return int(row[0] or 0) if row else 0


# --------------------------------------------------------- the migration ---

_AUDIT = (
    "SELECT id, at, user_id, action, entity, entity_id, detail FROM audit WHERE {where} ORDER BY id"
)


def move_from_audit(db: Database) -> None:
    """Copy the records an older database kept only as audit JSON into their tables.

    Stock documents (``entity = 'stock_document'``, the document whole in
    ``detail``), renames and price changes (``product.update``: old and new
    values; ``source`` absent means a catalog import) and backups
    (``db.backup``: reason, files, last sale id). Besides this till's audit
    log, the other tills' entries it kept as received from the booth hub
    (``hub_records``) bring their stock documents and product changes, as a
    pull does now. Oldest first, so numbers, histories and the newest backup
    come out as the audit log told them.
    """
    partners = {code: pid for pid, code in db.execute("SELECT id, code FROM partners")}
    products = {barcode: pid for pid, barcode in db.execute("SELECT id, barcode FROM products")}
    users = {name: uid for uid, name in db.execute("SELECT id, username FROM users")}
    entries = [
        {**entry, "detail": json.loads(entry["detail"])}
        for entry in _rows(
            db,
            _AUDIT.format(
                where="entity = 'stock_document' OR (action = 'product.update' "
                "AND entity = 'product')"
            ),
        )
    ]
    entries += _pulled_entries(db, users)
    entries.sort(key=lambda entry: datetime.fromisoformat(entry["at"]))  # stable
    numbers: set[str] = set()
    for entry in entries:
        detail = entry["detail"]
        if entry["entity"] == "stock_document":
            lines = detail["lines"]
            if detail["number"] in numbers or any(x["barcode"] not in products for x in lines):
                continue  # the first entry of a number is the document
            numbers.add(detail["number"])
            add_document_json(
                db, detail, partner_id=partners.get(detail["partner"]["code"]),
                product_id=lambda line: products[line["barcode"]],
            )  # fmt: skip
        elif detail.get("barcode") in products:
            source = detail.get("source", ChangeSource.CATALOG)
            record_product_change(
                db, products[detail["barcode"]], detail.get("old", {}), detail.get("new", {}),
                at=entry["at"], user_id=entry["user_id"], source=source,
            )  # fmt: skip
    for entry in _rows(db, _AUDIT.format(where="action = 'db.backup'")):
        detail = json.loads(entry["detail"])
        files = [str(f) for f in detail.get("files") or [entry["entity_id"]]]
        add_backup(
            db, at=entry["at"], user_id=entry["user_id"], reason=str(detail.get("reason", "")),
            file=entry["entity_id"], files=files, last_sale_id=int(detail.get("last_sale_id") or 0),
            sales=int(detail.get("sales") or 0),
        )  # fmt: skip


def _pulled_entries(db: Database, users: dict[str, int]) -> list[dict]:
    """Other tills' audit entries of stock documents and product changes kept from the hub."""
    if not db["hub_records"].exists():
        return []
    found = []
    for row in _rows(
        db,
        "SELECT payload FROM hub_records WHERE kind = 'audit' AND origin = 'hub' "
        "AND status = 'ok' AND payload IS NOT NULL ORDER BY hub_seq",
    ):
        p = json.loads(row["payload"])
        if p.get("entity") == "stock_document" or (
            p.get("action") == "product.update" and p.get("entity") == "product"
        ):
            found.append(
                {"entity": p["entity"], "at": p["at"], "detail": p.get("detail") or {},
                 "user_id": users.get(p.get("user"))}
            )  # fmt: skip
    return found
