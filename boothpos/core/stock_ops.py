"""Stock operations: goods received from a partner, counts, goods returned to a partner.

Each operation is a numbered **stock document** for one partner, made by a
user at a time, whose lines are stock-ledger moves (:mod:`boothpos.core.stock`):

- :func:`receive` — intake (``intake`` moves, + qty); the partner signs the
  printed intake receipt (*tanda terima barang*).
- :func:`adjust` — a count or a correction of one product (``adjustment``
  move): damaged, lost or miscounted goods.
- :func:`return_to_partner` — unsold goods handed back (``return`` moves,
  − qty); refused for more than is on hand: nobody can hand back goods the
  booth does not have. (Sales, by contrast, may take stock below zero.)

The moves, the document (stored whole in the append-only audit log, so it
can be printed again exactly) and its number commit together or not at all.
Document numbers are ``{receipt prefix}-{till}-{TTB|RTR|PNY}-{n:04d}``,
gapless per kind and till; each move's ``reason`` starts with its number.

For the inventory screen: :func:`inventory` (rows with partner, category,
price, barcode, on hand and flags) and :func:`update_product` (name,
category, price; every change audited, sales keep the price they were rung
up at because sale lines hold their own snapshot).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlite_utils import Database

from boothpos.core import audit, bounds, clock, products, records, stock, users
from boothpos.core.codes import AdjustReason, ChangeSource, MoveKind, Role
from boothpos.core.db import write_transaction
from boothpos.core.errors import Msg, NotFound, RefusedInput
from boothpos.core.event import get_event, get_setting, set_setting
from boothpos.core.money import format_rupiah, parse_rupiah
from boothpos.core.products import Partner, Product
from boothpos.core.users import User

KINDS = {MoveKind.INTAKE: "TTB", MoveKind.RETURN: "RTR", MoveKind.ADJUSTMENT: "PNY"}  # numbers
ADJUST_REASONS: dict[str, Msg] = {
    AdjustReason.DAMAGED: Msg(id="rusak", en="damaged"),
    AdjustReason.LOST: Msg(id="hilang", en="lost"),
    AdjustReason.MISCOUNT: Msg(id="salah hitung", en="miscount"),
}
MAX_QTY = bounds.MAX_STOCK_QTY  # the one set of bounds (core.bounds)
MAX_NAME = bounds.MAX_NAME
DEFAULT_LOW_THRESHOLD = 2
LOW_THRESHOLD_KEY = "stock.low_threshold"
ROLE = Role.SUPERVISOR  # receiving, counting and returning stock; editing products

ProductRef = int | str | Product  # a product id, a scanned/typed code, or a Product

NO_ITEMS = Msg(id="tidak ada barang yang dicatat", en="no items were given")
BAD_QTY = Msg(
    id="jumlah '{qty}' untuk {name} harus bilangan bulat 1 sampai {limit}",
    en="quantity '{qty}' of {name} must be a whole number from 1 to {limit}",
)
MIXED_PARTNERS = Msg(
    id="barang dari {count} mitra ({codes}); satu dokumen hanya untuk satu mitra",
    en="items of {count} partners ({codes}); one document is for one partner only",
)
WRONG_PARTNER = Msg(
    id="{name} ({barcode}) milik mitra {owner}, bukan {partner}",
    en="{name} ({barcode}) belongs to partner {owner}, not {partner}",
)
RETURN_TOO_MANY = Msg(
    id="tidak bisa mengembalikan lebih dari stok yang ada: {details}",
    en="cannot return more than is on hand: {details}",
)
RETURN_LINE = Msg(
    id="{name} ({barcode}) diminta {qty}, stok {on_hand}",
    en="{name} ({barcode}) asked {qty}, on hand {on_hand}",
)
NOTHING_ON_HAND = Msg(
    id="mitra {code} tidak punya stok di booth untuk dikembalikan",
    en="partner {code} has no stock at the booth to return",
)
BAD_REASON = Msg(
    id="alasan penyesuaian '{value}' tidak dikenal; pilih damaged (rusak), lost (hilang) "
    "atau miscount (salah hitung)",
    en="unknown adjustment reason '{value}'; choose damaged, lost or miscount",
)
COUNT_OR_DELTA = Msg(
    id="isi salah satu: hasil hitung atau selisih", en="give either the count or the difference"
)
BAD_COUNT = Msg(
    id="hasil hitung '{value}' harus bilangan bulat 0 sampai {limit}",
    en="the count '{value}' must be a whole number from 0 to {limit}",
)
BAD_DELTA = Msg(
    id="selisih '{value}' harus bilangan bulat bukan nol (contoh: -2)",
    en="the difference '{value}' must be a whole number other than zero (e.g. -2)",
)
LOSS_MUST_LOWER = Msg(
    id="barang {reason} mengurangi stok {name}: stok {on_hand}, selisih {delta}; "
    "gunakan 'miscount' untuk hitungan yang lebih banyak",
    en="{reason} goods lower the stock of {name}: on hand {on_hand}, difference {delta}; "
    "use 'miscount' for a count above the books",
)
NO_DOCUMENT = Msg(
    id="dokumen stok '{number}' tidak ada", en="there is no stock document '{number}'"
)
EMPTY_NAME = Msg(id="nama produk kosong", en="the product name is empty")
NAME_TOO_LONG = Msg(
    id="nama produk terlalu panjang ({length} huruf; paling banyak {limit})",
    en="the product name is too long ({length} characters; at most {limit})",
)
NAME_TAKEN = Msg(
    id="mitra {code} sudah punya produk bernama '{name}' ({barcode})",
    en="partner {code} already has a product called '{name}' ({barcode})",
)
BAD_THRESHOLD = Msg(
    id="batas stok menipis '{value}' harus bilangan bulat 0 sampai 1000",
    en="the low-stock threshold '{value}' must be a whole number from 0 to 1000",
)


class ReturnRefused(RefusedInput):
    """A return of more than is on hand; names every such product (in either language)."""

    def __init__(self, short: list[tuple[str, str, int, int]]) -> None:
        self.short = list(short)  # (name, barcode, asked, on hand)
        super().__init__(RETURN_TOO_MANY, details="")

    def message(self, lang: str | None = None) -> str:
        details = "; ".join(
            RETURN_LINE.render(lang, name=name, barcode=code, qty=qty, on_hand=have)
            for name, code, qty, have in self.short
        )
        return self.msg.render(lang, details=details)


# ---------------------------------------------------------------- documents


@dataclass(frozen=True)
class DocumentLine:
    """One product on a stock document.

    ``qty`` is the number of items received or returned (positive); on an
    adjustment it is the signed change (``on_hand_after − on_hand_before``).
    """

    product_id: int
    barcode: str
    name: str
    category: str
    price: int  # rupiah, the product's price when the document was made
    qty: int
    on_hand_before: int
    on_hand_after: int
    counted: int | None = None  # adjustments made from a count

    @property
    def value(self) -> int:
        """``qty × price`` in rupiah (signed on an adjustment)."""
        return self.qty * self.price


@dataclass(frozen=True)
class StockDocument:
    """A numbered, dated record of one stock operation for one partner."""

    number: str
    kind: MoveKind  # INTAKE, RETURN or ADJUSTMENT
    at: str  # ISO-8601 with offset
    day: str  # ISO date in the event's zone
    partner: Partner
    user: str  # username
    user_name: str  # display name (printed by the signature line)
    reason: str  # free text; on an adjustment: damaged | lost | miscount
    note: str = ""  # adjustments: what happened
    lines: tuple[DocumentLine, ...] = field(default_factory=tuple)

    @property
    def total_qty(self) -> int:
        return sum(line.qty for line in self.lines)

    @property
    def total_value(self) -> int:
        return sum(line.value for line in self.lines)

    def reason_text(self, lang: str | None = None) -> str:
        """The reason as a person reads it (adjustment codes translated)."""
        msg = ADJUST_REASONS.get(self.reason) if self.kind == MoveKind.ADJUSTMENT else None
        text = msg.render(lang) if msg else self.reason
        return f"{text}: {self.note}" if self.note else text

    def to_json(self) -> dict:
        return asdict(self)


def _document(row: dict, lines: list[dict]) -> StockDocument:
    """A document as stored (``stock_documents`` and its lines, columns by name)."""
    partner = Partner(
        id=row["partner_id"], code=row["partner_code"], name=row["partner_name"],
        region=row["partner_region"],
    )  # fmt: skip
    return StockDocument(
        number=row["number"], kind=MoveKind(row["kind"]), at=row["at"], day=row["day"],
        partner=partner, user=row["username"], user_name=row["user_name"],
        reason=row["reason"], note=row["note"],
        lines=tuple(
            DocumentLine(**{f: line[f] for f in DocumentLine.__dataclass_fields__})
            for line in lines
        ),
    )  # fmt: skip


def get_document(db: Database, number: str) -> StockDocument:
    """The stock document ``number`` (to print it again); :class:`NotFound` if none."""
    for row, lines in records.document_rows(db, number=str(number).strip().upper()):
        return _document(row, lines)
    raise NotFound(NO_DOCUMENT, number=number)


def list_documents(
    db: Database, *, kind: MoveKind | None = None, partner: str | None = None
) -> list[StockDocument]:
    """Stock documents, oldest first; ``kind`` and ``partner`` (code) narrow the list."""
    code = partner.strip().upper() if partner else None
    return [
        _document(row, lines) for row, lines in records.document_rows(db, kind=kind, partner=code)
    ]


def _next_number(db: Database, kind: MoveKind) -> str:
    event = get_event(db)
    prefix = f"{event.receipt_prefix}-{event.till_code}-{KINDS[kind]}-"
    return f"{prefix}{records.document_count(db, prefix) + 1:04d}"


# ---------------------------------------------------------------- helpers


def resolve_product(db: Database, ref: ProductRef) -> Product:
    """A product from its id, a scanned/typed code, or a :class:`Product` (re-read)."""
    if isinstance(ref, Product):
        return products.product_by_id(db, ref.id)
    if isinstance(ref, bool):
        raise NotFound(products.UNKNOWN_CODE, code=ref)
    if isinstance(ref, int):
        return products.product_by_id(db, ref)
    return products.find_by_code(db, str(ref))


def resolve_partner(db: Database, ref: str | int | Partner) -> Partner:
    if isinstance(ref, Partner):
        return ref
    if isinstance(ref, int) and not isinstance(ref, bool):
        return products.partner_by_id(db, ref)
    return products.partner_by_code(db, str(ref))


def _qty(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_QTY:
        raise RefusedInput(BAD_QTY, qty=value, name=name, limit=MAX_QTY)
    return value


def _items(
    db: Database, items: Mapping[ProductRef, int] | Iterable[tuple[ProductRef, int]]
) -> list[tuple[Product, int]]:
    """``(product, qty)`` pairs, same product merged (first position kept)."""
    pairs = items.items() if isinstance(items, Mapping) else items
    merged: dict[int, tuple[Product, int]] = {}
    for ref, qty in pairs:
        product = resolve_product(db, ref)
        qty = _qty(qty, product.name)
        old = merged.get(product.id, (product, 0))[1]
        merged[product.id] = (product, _qty(old + qty, product.name))
    if not merged:
        raise RefusedInput(NO_ITEMS)
    return list(merged.values())


def _one_partner(chosen: list[Product], partner: Partner | None) -> Partner:
    if partner is not None:
        for p in chosen:
            if p.partner.id != partner.id:
                raise RefusedInput(
                    WRONG_PARTNER, name=p.name, barcode=p.barcode,
                    owner=p.partner.code, partner=partner.code,
                )  # fmt: skip
        return partner
    codes = sorted({p.partner.code for p in chosen})
    if len(codes) > 1:
        raise RefusedInput(MIXED_PARTNERS, count=len(codes), codes=", ".join(codes))
    return chosen[0].partner


def _move_reason(number: str, text: str) -> str:
    return f"{number}: {text}" if text else number


def _ledger(db: Database, product_ids: Iterable[int]) -> dict[int, int]:
    ids = list(product_ids)
    marks = ",".join("?" * len(ids))
    on_hand = dict.fromkeys(ids, 0)
    for pid, total in db.execute(
        f"SELECT product_id, SUM(qty) FROM stock_moves WHERE product_id IN ({marks}) "
        "GROUP BY product_id",
        ids,
    ):
        on_hand[pid] = total
    return on_hand


def _record(
    db: Database,
    kind: MoveKind,
    partner: Partner,
    user: User,
    moment: datetime,
    reason: str,
    note: str,
    lines: list[DocumentLine],
    move_text: str,
) -> StockDocument:
    """Write the moves, the document and its audit entry (inside the caller's transaction)."""
    event = get_event(db)
    day = clock.fair_day(moment, event.timezone).isoformat()
    number = _next_number(db, kind)
    signed = [
        (line.product_id, -line.qty if kind == MoveKind.RETURN else line.qty)
        for line in lines
        if line.qty != 0
    ]
    if signed:
        stock.record_moves(
            db, kind, signed, at=moment, day=day, user_id=user.id,
            reason=_move_reason(number, move_text),
        )  # fmt: skip
    doc = StockDocument(
        number=number, kind=kind, at=clock.to_iso(moment), day=day, partner=partner,
        user=user.username, user_name=user.display_name, reason=reason, note=note,
        lines=tuple(lines),
    )  # fmt: skip
    records.add_document(
        db,
        {
            **{k: v for k, v in asdict(doc).items() if k not in ("partner", "lines")},
            "partner_id": partner.id, "partner_code": partner.code,
            "partner_name": partner.name, "partner_region": partner.region,
            "username": doc.user,
        },
        [asdict(line) for line in lines],
    )  # fmt: skip
    audit.record(
        db, f"stock.{kind}", user_id=user.id, entity="stock_document", entity_id=number,
        detail=doc.to_json(), at=moment,
    )  # fmt: skip
    return doc


def _line(product: Product, qty: int, before: int, after: int, counted=None) -> DocumentLine:
    return DocumentLine(
        product.id, product.barcode, product.name, product.category, product.price,
        qty, before, after, counted,
    )  # fmt: skip


# ---------------------------------------------------------------- operations


def receive(
    db: Database,
    items: Mapping[ProductRef, int] | Iterable[tuple[ProductRef, int]],
    *,
    user: User,
    partner: str | int | Partner | None = None,
    reason: str = "",
    at: datetime | None = None,
) -> StockDocument:
    """Goods received from one partner: one intake move per product, one document.

    ``items`` maps products (id, code or Product) to quantities (1 or more).
    Every product must belong to ``partner`` (or, without it, all to one
    partner). Needs a supervisor. All or nothing.
    """
    users.require(user, ROLE)
    chosen = _items(db, items)
    owner = _one_partner(
        [p for p, _ in chosen], resolve_partner(db, partner) if partner is not None else None
    )
    event = get_event(db)
    moment = clock.moment(at, event.timezone)
    reason = bounds.check_text(" ".join(str(reason or "").split()), "reason")
    with write_transaction(db):
        before = _ledger(db, [p.id for p, _ in chosen])
        lines = [_line(p, q, before[p.id], before[p.id] + q) for p, q in chosen]
        return _record(db, MoveKind.INTAKE, owner, user, moment, reason, "", lines, reason)


intake = receive  # the business word on the intake screen


def return_to_partner(
    db: Database,
    partner: str | int | Partner,
    items: Mapping[ProductRef, int] | Iterable[tuple[ProductRef, int]] | None = None,
    *,
    user: User,
    reason: str = "",
    at: datetime | None = None,
) -> StockDocument:
    """Unsold goods handed back to ``partner``: one return move per product, one document.

    ``items`` None returns everything of the partner that is on hand (stock
    above zero). A quantity above the ledger's on-hand figure is refused,
    naming every such product; nothing is changed. Needs a supervisor.
    """
    users.require(user, ROLE)
    owner = resolve_partner(db, partner)
    event = get_event(db)
    moment = clock.moment(at, event.timezone)
    reason = bounds.check_text(" ".join(str(reason or "").split()), "reason")
    chosen = _items(db, items) if items is not None else None
    if chosen is not None:
        _one_partner([p for p, _ in chosen], owner)
    with write_transaction(db):
        if chosen is None:
            own = [p for p in products.list_products(db) if p.partner.id == owner.id]
            on_hand = _ledger(db, [p.id for p in own])
            chosen = [(p, on_hand[p.id]) for p in own if on_hand[p.id] > 0]
            if not chosen:
                raise RefusedInput(NOTHING_ON_HAND, code=owner.code)
        on_hand = _ledger(db, [p.id for p, _ in chosen])
        short = [(p, q) for p, q in chosen if q > on_hand[p.id]]
        if short:
            raise ReturnRefused([(p.name, p.barcode, q, on_hand[p.id]) for p, q in short])
        lines = [_line(p, q, on_hand[p.id], on_hand[p.id] - q) for p, q in chosen]
        return _record(db, MoveKind.RETURN, owner, user, moment, reason, "", lines, reason)


def adjust(
    db: Database,
    product: ProductRef,
    *,
    reason: str,
    user: User,
    counted: int | None = None,
    delta: int | None = None,
    note: str = "",
    at: datetime | None = None,
) -> StockDocument:
    """Correct one product's stock: from a ``counted`` figure, or by a signed ``delta``.

    ``reason`` is ``damaged``, ``lost`` (both must lower the stock) or
    ``miscount``. A count equal to the books is recorded (document, no
    move): the product was counted and found right. Needs a supervisor.
    """
    users.require(user, ROLE)
    if reason not in ADJUST_REASONS:
        raise RefusedInput(BAD_REASON, value=reason)
    if (counted is None) == (delta is None):
        raise RefusedInput(COUNT_OR_DELTA)
    if counted is not None and (
        isinstance(counted, bool) or not isinstance(counted, int) or not 0 <= counted <= MAX_QTY
    ):
        raise RefusedInput(BAD_COUNT, value=counted, limit=MAX_QTY)
    if delta is not None and (
        isinstance(delta, bool) or not isinstance(delta, int) or delta == 0
        or abs(delta) > MAX_QTY
    ):  # fmt: skip
        raise RefusedInput(BAD_DELTA, value=delta)
    item = resolve_product(db, product)
    event = get_event(db)
    moment = clock.moment(at, event.timezone)
    note = bounds.check_text(" ".join(str(note or "").split()), "reason")
    with write_transaction(db):
        before = _ledger(db, [item.id])[item.id]
        change = counted - before if counted is not None else delta
        assert change is not None
        if reason != AdjustReason.MISCOUNT and change >= 0:
            raise RefusedInput(
                LOSS_MUST_LOWER, reason=ADJUST_REASONS[reason].render(), name=item.name,
                on_hand=before, delta=f"{change:+d}",
            )  # fmt: skip
        line = _line(item, change, before, before + change, counted)
        text = f"{reason}: {note}" if note else reason
        return _record(
            db, MoveKind.ADJUSTMENT, item.partner, user, moment, reason, note, [line], text
        )


# ---------------------------------------------------------------- inventory


@dataclass(frozen=True)
class InventoryRow:
    """One product as the inventory screen lists it. ``on_hand`` is from the ledger.

    ``received + adjusted + refunds/voids − sold − returned`` = ``on_hand``:
    ``sold`` is net of voids and restocked refunds.
    """

    product_id: int
    barcode: str
    name: str
    category: str
    price: int
    partner_id: int
    partner_code: str
    partner_name: str
    active: bool
    received: int
    sold: int
    returned: int
    adjusted: int
    on_hand: int
    low: bool  # 0 ≤ on hand ≤ threshold
    negative: bool  # on hand < 0: sold more than the books say was here

    @property
    def status(self) -> str:
        """``negative``, ``out`` (0), ``low`` or ``ok``."""
        if self.negative:
            return "negative"
        if self.on_hand == 0:
            return "out"
        return "low" if self.low else "ok"

    @property
    def price_text(self) -> str:
        return format_rupiah(self.price)


def low_threshold(db: Database) -> int:
    """Stock at or below this is "low" (event setting ``stock.low_threshold``, default 2)."""
    raw = get_setting(db, LOW_THRESHOLD_KEY)
    return int(raw) if raw and raw.isdigit() else DEFAULT_LOW_THRESHOLD


def set_low_threshold(db: Database, value: int, *, user: User | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
        raise RefusedInput(BAD_THRESHOLD, value=value)
    with write_transaction(db):  # set_setting audits the change (setting.change)
        set_setting(db, LOW_THRESHOLD_KEY, str(value), user_id=user.id if user else None)
    return value


_INVENTORY_SQL = """
SELECT p.id AS product_id, p.barcode, p.name, p.category, p.price, pa.id AS partner_id,
       pa.code AS partner_code, pa.name AS partner_name, p.active,
       COALESCE(m.received, 0) AS received, COALESCE(m.sold, 0) AS sold,
       COALESCE(m.returned, 0) AS returned, COALESCE(m.adjusted, 0) AS adjusted,
       COALESCE(m.total, 0) AS on_hand
FROM products p
JOIN partners pa ON pa.id = p.partner_id
LEFT JOIN (
    SELECT product_id,
           SUM(CASE WHEN kind = 'intake' THEN qty ELSE 0 END) AS received,
           -SUM(CASE WHEN kind IN ('sale', 'void', 'refund') THEN qty ELSE 0 END) AS sold,
           -SUM(CASE WHEN kind = 'return' THEN qty ELSE 0 END) AS returned,
           SUM(CASE WHEN kind = 'adjustment' THEN qty ELSE 0 END) AS adjusted,
           SUM(qty) AS total
    FROM stock_moves GROUP BY product_id
) m ON m.product_id = p.id
"""


def inventory(
    db: Database,
    *,
    partner: str | int | Partner | None = None,
    text: str = "",
    low_threshold: int | None = None,
    flagged_only: bool = False,
    include_inactive: bool = False,
) -> list[InventoryRow]:
    """Products with their stock, ordered by partner code then name.

    ``partner`` narrows to one partner; ``text`` keeps rows where every word
    appears in the name, barcode, category, partner code or partner name
    (case-insensitive); ``flagged_only`` keeps low and negative stock.
    One query, so it stays fast with thousands of products.
    """
    threshold = _threshold(db) if low_threshold is None else low_threshold
    where, params = [], []
    if not include_inactive:
        where.append("p.active = 1")
    if partner is not None:
        where.append("pa.id = ?")
        params.append(resolve_partner(db, partner).id)
    for word in str(text or "").split():
        forms = [word]
        if word.isdigit() and len(word) == 12:
            forms.append("0" + word)  # a UPC-A as typed; stored as EAN-13
        like = " OR ".join(
            "(p.name || ' ' || p.barcode || ' ' || p.category || ' ' || pa.code || ' ' || "
            "pa.name) LIKE ?"
            for _ in forms
        )
        where.append(f"({like})")
        params.extend(f"%{form}%" for form in forms)
    sql = _INVENTORY_SQL + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY pa.code, p.name COLLATE NOCASE"
    rows = []
    for r in db.query(sql, params):
        on_hand = r["on_hand"]
        row = InventoryRow(
            **{**r, "active": bool(r["active"])},
            low=0 <= on_hand <= threshold, negative=on_hand < 0,
        )  # fmt: skip
        if not flagged_only or row.low or row.negative:
            rows.append(row)
    return rows


def _threshold(db: Database) -> int:
    return low_threshold(db)


# ---------------------------------------------------------------- product edits


@dataclass(frozen=True)
class PriceChange:
    at: str
    user_id: int | None
    old: int
    new: int
    source: str  # "edit" (update_product) or "catalog" (import)


def update_product(
    db: Database,
    product: ProductRef,
    *,
    user: User,
    name: str | None = None,
    category: str | None = None,
    price: int | str | None = None,
    at: datetime | None = None,
) -> Product:
    """Change a product's name, category and/or price (``None`` leaves a field as it is).

    The price accepts any rupiah form (``125000``, ``Rp 125.000``). Each
    change is audited with old and new values (``product.update``). Sales
    already made keep the name and price they were rung up at (their lines
    hold snapshots). Needs a supervisor. Returns the product as it is now.
    """
    users.require(user, ROLE)
    item = resolve_product(db, product)
    wanted: dict[str, object] = {}
    if name is not None:
        clean = " ".join(str(name).split())
        if not clean:
            raise RefusedInput(EMPTY_NAME)
        if len(clean) > MAX_NAME:
            raise RefusedInput(NAME_TOO_LONG, length=len(clean), limit=MAX_NAME)
        wanted["name"] = bounds.check_text(clean, "product_name")
    if category is not None:
        wanted["category"] = bounds.check_text(" ".join(str(category).split()), "category")
    if price is not None:
        wanted["price"] = bounds.check_money(parse_rupiah(price), "price")
    current = {"name": item.name, "category": item.category, "price": item.price}
    changes = {k: v for k, v in wanted.items() if current[k] != v}
    if not changes:
        return item
    if "name" in changes:
        clash = db.execute(
            "SELECT barcode FROM products WHERE partner_id = ? AND name = ? AND id != ?",
            (item.partner.id, changes["name"], item.id),
        ).fetchone()
        if clash:
            raise RefusedInput(
                NAME_TAKEN, code=item.partner.code, name=changes["name"], barcode=clash[0]
            )
    event = get_event(db)
    moment = clock.moment(at, event.timezone)
    with write_transaction(db):
        sets = ", ".join(f"{k} = ?" for k in changes)
        db.execute(f"UPDATE products SET {sets} WHERE id = ?", (*changes.values(), item.id))
        records.record_product_change(
            db, item.id, current, changes, at=clock.to_iso(moment), user_id=user.id,
            source=ChangeSource.EDIT,
        )  # fmt: skip
        audit.record(
            db, "product.update", user_id=user.id, entity="product", entity_id=item.id,
            detail={
                "barcode": item.barcode, "old": {k: current[k] for k in changes},
                "new": changes, "source": ChangeSource.EDIT,
            },
            at=moment,
        )  # fmt: skip
    return products.product_by_id(db, item.id)


def price_history(db: Database, product: ProductRef) -> list[PriceChange]:
    """Every price change of a product, oldest first (edits and catalog imports)."""
    item = resolve_product(db, product)
    return [
        PriceChange(at=c.at, user_id=c.user_id, old=c.old_price, new=c.new_price, source=c.source)
        for c in records.price_changes(db, item.id)
    ]
