"""After a restore: bring back what the replaced file still holds, never reuse a receipt number.

:func:`boothpos.core.backup.restore` puts an older backup in place of the
database. The file it replaces may hold sales made after that backup —
receipts already printed and handed to customers. This module is the part of
the restore that deals with them:

1. :func:`read_previous` reads, *before anything is changed*, what the file
   about to be replaced holds beyond the backup (sales and refunds, voids,
   fair-day events, other stock moves, its users and till codes). A file that
   cannot be read gives :meth:`Previous.unreadable` — never an error that fails
   the restore.
2. :func:`merge_previous` copies into the restored database, inside the
   restore's one write transaction, every sale, refund and void the backup
   lacks (matched by UUID). First come the users those records name (cashier,
   approver, the user of their stock moves) that the backup lacks, matched by
   username and copied from the replaced file's ``users`` row — same role,
   display name, PIN hash (with its salt) and active flag: it is the same
   event's user, who signs in with the same PIN; a user the backup has is
   never changed. Then the records: sale rows with their original uuid, till
   code, sequence, receipt number, time, fair day and cashier; their lines,
   payments and the stock moves they caused (through
   :func:`boothpos.core.stock.record_moves`, so ``products.on_hand`` stays
   equal to the ledger); and the fair-day opens, closes and reopens the backup
   lacks. Foreign keys are mapped by natural keys (product barcode, partner
   code, username, a sale's UUID and line number), never by raw ids, which can
   differ between the two files. Each record is copied under its own
   savepoint: one that cannot be copied is reported as :class:`Unmerged` with
   the reason (a product or partner the backup does not have, a receipt
   number the backup gives to another sale, a refund of a sale that could not
   be copied, …) and the rest still come back.
3. :func:`plan_till` decides which till code the restored database sells
   under, so that no receipt number is ever issued twice (below).

What is *not* merged, on purpose: intake, stock adjustments and returns to
partners, catalog and setting changes, and user changes beyond the accounts
the merged records need (a fair-day event's user the backup lacks is kept by
name in the event's detail). A restore is often chosen to undo exactly such
an administrative mistake, while sales are facts (money taken, receipt handed
over) that must come back whatever the reason. Stock moves of that kind found
in the replaced file and missing from the backup are counted
(``stock_moves_not_merged``) so they can be recorded again; nothing vanishes
without being named.

**Never reusing a receipt number: the till code is switched.** A receipt
number is ``PREFIX-TILL-MMDD-SEQ``; ``checkout.next_seq`` gives MAX(seq) + 1
for the event's till code. When the replaced file could be read and all of
the current till's sales came back, that maximum is again the highest number
ever issued, and numbering simply goes on (gapless). Otherwise — there is no
replaced file at all (a restore onto a new laptop: the one that died may have
issued numbers after the backup, and nothing tells which), the replaced file
is unreadable, it is damaged (what could be read may not be all), or a sale
of the current till above the restored maximum could not be copied — the
event's till code becomes a fresh one, ``<root>R<n>`` (``T1`` → ``T1R1``
→ ``T1R2``), whose numbers start at 1. Fresh means: used by no sale of either
file, not in either file's till history, and named by no backup file and no
saved receipt PDF of the event.

Why a new till code rather than a "receipt floor" (a setting ``next_seq``
would respect):

- a missing or unreadable file tells no floor: any number chosen would be a
  guess, and a wrong guess reuses numbers. A till code nobody used is certain;
- a floor leaves a gap inside one till, which ``boothpos check`` (receipts
  gapless per till) would report as a failure for the rest of the event; with
  a new code every till's numbers stay gapless and the check keeps passing;
- the receipt number stays unique everywhere it is used as a name (saved
  receipt PDFs, exports), and sales of several tills still merge by
  (till code, seq) and UUID without collision.

The switch is carried forward: the restored database takes over the replaced
file's till code and its ``till_history`` setting (earlier codes, oldest
first), so restoring an even older backup later never brings a retired code
back. :func:`boothpos.core.backup.newest_good_backup` still accepts backups
taken under a retired code, and the restore takes a backup right after a
switch, so the new code is named in the backup folders at once.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

from boothpos.core import audit, days, stock
from boothpos.core.codes import DayEvent, Method, MoveKind, Role, SaleKind
from boothpos.core.errors import Msg
from boothpos.core.event import get_setting, set_setting
from boothpos.core.rows import column, first, named

AUDIT_ACTION = "restore.merge"
SETTING_TILL_HISTORY = "till_history"
_TILL_RE = re.compile(r"^[A-Z0-9]{1,8}$")
_CHUNK = 500  # ids per IN (...) list

NO_PRODUCT = Msg(
    id="produk {barcode} ({name}) tidak ada di cadangan",
    en="product {barcode} ({name}) is not in the backup",
)
NO_PARTNER = Msg(
    id="mitra {code} ({name}) tidak ada di cadangan",
    en="partner {code} ({name}) is not in the backup",
)
NO_USER = Msg(id="pengguna '{user}' tidak ada di cadangan", en="user '{user}' is not in the backup")
NUMBER_TAKEN = Msg(
    id="nomor struk {receipt_no} sudah dipakai transaksi lain di cadangan",
    en="receipt number {receipt_no} is used by another transaction in the backup",
)
ORIGINAL_MISSING = Msg(
    id="mengacu ke struk {original}, yang tidak bisa dipulihkan",
    en="it belongs to receipt {original}, which could not be brought back",
)
LINE_MISSING = Msg(
    id="baris {line_no} struk {original} tidak ada di cadangan",
    en="line {line_no} of receipt {original} is not in the backup",
)
VOIDED_ELSEWHERE = Msg(
    id="penjualan {receipt_no} sudah punya pembatalan lain di cadangan",
    en="sale {receipt_no} already has another void in the backup",
)
TOTALS_OFF = Msg(
    id="catatan di file sebelumnya tidak cocok (baris, total atau pembayaran)",
    en="the record in the previous file does not add up (lines, total or payments)",
)
NOT_COPIED = Msg(id="tidak bisa disalin ({detail})", en="it could not be copied ({detail})")


# ----------------------------------------------------------------- what was read ---


@dataclass(frozen=True)
class OldLine:
    line_no: int
    product_barcode: str | None  # the product's barcode in the previous file
    barcode: str  # snapshots, copied as they are
    name: str
    partner_code: str | None  # the partner's code in the previous file
    snap_partner_code: str
    partner_name: str
    qty: int
    unit_price: int
    discount: int
    line_total: int
    refund_of_uuid: str | None  # the original sale's UUID (a refund line)
    refund_of_line_no: int | None
    refund_of_receipt: str | None


@dataclass(frozen=True)
class OldMove:
    barcode: str | None
    name: str | None
    kind: MoveKind
    qty: int
    at: str
    day: str
    user: str | None
    reason: str

    @property
    def key(self) -> tuple:
        """What identifies a move across two files (no UUID): product, kind, qty, time."""
        return (self.barcode, self.kind, self.qty, self.at, self.day, self.reason)


@dataclass(frozen=True)
class OldPayment:
    method: Method
    amount: int
    reference: str


@dataclass(frozen=True)
class OldSale:
    """A sale or refund of the previous file, with everything that belongs to it."""

    uuid: str
    kind: SaleKind
    till_code: str
    seq: int
    receipt_no: str
    day: str
    time: str
    cashier: str | None
    total: int
    change: int
    refund_of_uuid: str | None
    refund_of_receipt: str | None
    reason: str
    approved_by: str | None
    lines: tuple[OldLine, ...] = ()
    payments: tuple[OldPayment, ...] = ()
    moves: tuple[OldMove, ...] = ()


@dataclass(frozen=True)
class OldVoid:
    uuid: str
    sale_uuid: str
    receipt_no: str  # of the voided sale
    at: str
    user: str | None
    approved_by: str | None
    reason: str
    moves: tuple[OldMove, ...] = ()


@dataclass(frozen=True)
class OldDayEvent:
    day: str
    kind: DayEvent
    at: str
    user: str | None
    opening_float: int | None
    counted_cash: int | None
    expected_cash: int | None
    z_number: int | None
    detail: str

    @property
    def key(self) -> tuple:
        return (self.day, self.kind, self.at)


@dataclass(frozen=True)
class OldUser:
    """A ``users`` row of the previous file: copied as it is when a merged record needs it."""

    username: str
    display_name: str
    role: Role
    pin_hash: str  # salt and hash together: the same PIN signs in
    active: int
    created_at: str


@dataclass(frozen=True)
class Previous:
    """What the file being replaced holds beyond the backup (read before the swap).

    ``readable`` False: the file could not be read at all (everything else is
    empty). ``damaged``: it could be read, but SQLite's quick check found
    problems, so what was read may not be all it held.
    """

    readable: bool
    damaged: bool = False
    till_code: str | None = None
    till_history: tuple[str, ...] = ()
    max_seq: dict[str, int] = field(default_factory=dict)  # till code → highest seq
    sales: tuple[OldSale, ...] = ()  # sales and refunds the backup lacks, in order
    voids: tuple[OldVoid, ...] = ()  # voids the backup lacks, in order
    day_events: tuple[OldDayEvent, ...] = ()  # all of them (compared at merge time)
    other_moves: tuple[OldMove, ...] = ()  # intake, adjustment, return: all of them
    users: tuple[OldUser, ...] = ()  # all of them, in the order they were added

    @classmethod
    def unreadable(cls) -> Previous:
        return cls(readable=False)


def read_previous(
    conn: sqlite3.Connection,
    *,
    known_sales: Iterable[str] = (),
    known_voids: Iterable[str] = (),
) -> Previous:
    """Read what ``conn`` (the file about to be replaced) holds beyond the backup.

    ``known_sales`` / ``known_voids`` are the UUIDs the backup has: only the
    others are read in full. Raises ``sqlite3.Error`` when the file cannot be
    read (the caller turns that into :meth:`Previous.unreadable`).
    """
    try:
        damaged = any(result != "ok" for result in column(conn, "PRAGMA quick_check"))
    except sqlite3.DatabaseError:  # too damaged to check: still read what can be read
        damaged = True
    event = first(conn, "SELECT till_code FROM event WHERE id = 1")
    history = first(conn, "SELECT value FROM settings WHERE key = ?", [SETTING_TILL_HISTORY])
    max_seq = {
        row["till_code"]: row["seq"]
        for row in named(conn, "SELECT till_code, MAX(seq) AS seq FROM sales GROUP BY till_code")
    }
    return Previous(
        readable=True,
        damaged=damaged,
        till_code=event["till_code"] if event else None,
        till_history=parse_history(history["value"] if history else ""),
        max_seq=max_seq,
        sales=_old_sales(conn, set(known_sales)),
        voids=_old_voids(conn, set(known_voids)),
        day_events=tuple(
            OldDayEvent(**row)
            for row in named(
                conn,
                "SELECT e.day, e.kind, e.at, u.username AS user, e.opening_float, "
                "e.counted_cash, e.expected_cash, e.z_number, e.detail FROM day_events e "
                "LEFT JOIN users u ON u.id = e.user_id ORDER BY e.id",
            )
        ),
        other_moves=tuple(
            _old_move(row)
            for row in named(
                conn,
                f"{_moves_sql('id')} WHERE m.sale_id IS NULL AND m.void_id IS NULL ORDER BY m.id",
            )
        ),
        users=tuple(
            OldUser(**row)
            for row in named(
                conn,
                "SELECT username, display_name, role, pin_hash, active, created_at FROM users "
                "ORDER BY id",
            )
        ),
    )


def _old_sales(conn: sqlite3.Connection, known: set[str]) -> tuple[OldSale, ...]:
    """Sales and refunds the backup lacks, each with its lines, payments and stock moves."""
    sale_rows = [
        row
        for row in named(
            conn,
            "SELECT s.id, s.uuid, s.kind, s.till_code, s.seq, s.receipt_no, s.day, s.time, "
            "cu.username AS cashier, s.total, s.change, o.uuid AS refund_of_uuid, "
            "o.receipt_no AS refund_of_receipt, s.reason, au.username AS approved_by "
            "FROM sales s LEFT JOIN users cu ON cu.id = s.cashier_id "
            "LEFT JOIN users au ON au.id = s.approved_by "
            "LEFT JOIN sales o ON o.id = s.refund_of ORDER BY s.id",
        )
        if row["uuid"] not in known
    ]
    ids = [row["id"] for row in sale_rows]
    lines: dict[int, list[OldLine]] = {i: [] for i in ids}
    payments: dict[int, list[OldPayment]] = {i: [] for i in ids}
    moves: dict[int, list[OldMove]] = {i: [] for i in ids}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in named(
            conn,
            "SELECT l.sale_id, l.line_no, p.barcode AS product_barcode, l.barcode, l.name, "
            "pa.code AS partner_code, l.partner_code AS snap_partner_code, l.partner_name, "
            "l.qty, l.unit_price, l.discount, l.line_total, os.uuid AS refund_of_uuid, "
            "ol.line_no AS refund_of_line_no, os.receipt_no AS refund_of_receipt "
            "FROM sale_lines l "
            "LEFT JOIN products p ON p.id = l.product_id "
            "LEFT JOIN partners pa ON pa.id = l.partner_id "
            "LEFT JOIN sale_lines ol ON ol.id = l.refund_of_line "
            f"LEFT JOIN sales os ON os.id = ol.sale_id WHERE l.sale_id IN ({marks}) "
            "ORDER BY l.sale_id, l.line_no",
            chunk,
        ):
            lines[row.pop("sale_id")].append(OldLine(**row))
        for row in named(
            conn,
            "SELECT sale_id, method, amount, reference FROM payments "
            f"WHERE sale_id IN ({marks}) ORDER BY id",
            chunk,
        ):
            payments[row.pop("sale_id")].append(OldPayment(**row))
        for row in named(
            conn,
            f"{_moves_sql('sale_id')} WHERE m.void_id IS NULL AND m.sale_id IN ({marks}) "
            "ORDER BY m.id",
            chunk,
        ):
            moves[row["owner"]].append(_old_move(row))
    return tuple(
        OldSale(
            **{key: value for key, value in row.items() if key != "id"},
            lines=tuple(lines[row["id"]]),
            payments=tuple(payments[row["id"]]),
            moves=tuple(moves[row["id"]]),
        )
        for row in sale_rows
    )


def _old_voids(conn: sqlite3.Connection, known: set[str]) -> tuple[OldVoid, ...]:
    """Voids the backup lacks, each with the stock moves it made."""
    void_rows = [
        row
        for row in named(
            conn,
            "SELECT v.id, v.uuid, s.uuid AS sale_uuid, s.receipt_no, v.at, u.username AS user, "
            "a.username AS approved_by, v.reason "
            "FROM voids v JOIN sales s ON s.id = v.sale_id "
            "LEFT JOIN users u ON u.id = v.user_id LEFT JOIN users a ON a.id = v.approved_by "
            "ORDER BY v.id",
        )
        if row["uuid"] not in known
    ]
    void_moves: dict[int, list[OldMove]] = {row["id"]: [] for row in void_rows}
    for chunk in _chunks(list(void_moves)):
        marks = ",".join("?" * len(chunk))
        for row in named(
            conn, f"{_moves_sql('void_id')} WHERE m.void_id IN ({marks}) ORDER BY m.id", chunk
        ):
            void_moves[row["owner"]].append(_old_move(row))
    return tuple(
        OldVoid(
            **{key: value for key, value in row.items() if key != "id"},
            moves=tuple(void_moves[row["id"]]),
        )
        for row in void_rows
    )


def _moves_sql(owner: str) -> str:
    """Stock moves with their natural keys, ``m.<owner>`` as the column ``owner``."""
    return (
        f"SELECT m.{owner} AS owner, p.barcode, p.name, m.kind, m.qty, m.at, m.day, "
        "u.username AS user, m.reason FROM stock_moves m "
        "LEFT JOIN products p ON p.id = m.product_id LEFT JOIN users u ON u.id = m.user_id"
    )


def _old_move(row: dict) -> OldMove:
    return OldMove(**{key: value for key, value in row.items() if key != "owner"})


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


# ------------------------------------------------------------------------ merge ---


KIND_NAMES = {
    "sale": Msg(id="penjualan", en="sale"),
    "refund": Msg(id="pengembalian dana", en="refund"),
    "void": Msg(id="pembatalan", en="void"),
}
MOVE_NAMES = {
    "intake": Msg(id="barang masuk", en="intake"),
    "adjustment": Msg(id="penyesuaian", en="adjustment"),
    "return": Msg(id="retur ke mitra", en="return to partner"),
}


@dataclass(frozen=True)
class Unmerged:
    """A record of the previous file that could not be brought back, and why."""

    receipt_no: str  # the sale's or refund's number; for a void, the voided sale's
    kind: str  # "sale", "refund" or "void"
    msg: Msg
    values: tuple[tuple[str, object], ...] = ()

    def message(self, lang: str | None = None) -> str:
        """Why it could not be brought back."""
        return self.msg.render(lang, **dict(self.values))

    def describe(self, lang: str | None = None) -> str:
        """``INA24-T1-0228-00007 (sale): product … is not in the backup``."""
        kind = KIND_NAMES[self.kind].render(lang) if self.kind in KIND_NAMES else self.kind
        return f"{self.receipt_no} ({kind}): {self.message(lang)}"


def moves_text(counts: dict[str, int], lang: str | None = None) -> str:
    """``intake 2, adjustment 1``: stock moves by kind, in the language asked."""
    return ", ".join(
        f"{MOVE_NAMES[k].render(lang) if k in MOVE_NAMES else k} {n}" for k, n in counts.items()
    )


@dataclass(frozen=True)
class MergeOutcome:
    merged: tuple[str, ...] = ()  # receipt numbers of the sales and refunds brought back
    voids: tuple[str, ...] = ()  # receipt numbers of the sales whose void was brought back
    day_events: int = 0
    unmerged: tuple[Unmerged, ...] = ()
    stock_moves_not_merged: dict[str, int] = field(default_factory=dict)  # kind → count
    users_added: tuple[str, ...] = ()  # usernames brought back because merged records need them

    @property
    def missing_receipts(self) -> tuple[str, ...]:
        """Sales and refunds of the previous file that the database still lacks."""
        return tuple(u.receipt_no for u in self.unmerged if u.kind != "void")

    @property
    def anything(self) -> bool:
        return bool(
            self.merged
            or self.voids
            or self.day_events
            or self.unmerged
            or self.stock_moves_not_merged
            or self.users_added
        )


class _Skip(Exception):
    """This record cannot be copied: ``Unmerged`` details in ``args``."""

    def __init__(self, msg: Msg, **values: object) -> None:
        super().__init__(msg)
        self.msg = msg
        self.values = tuple(values.items())


class _Keys:
    """Ids of the restored database by natural key."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.products = dict(db.execute("SELECT barcode, id FROM products").fetchall())
        self.partners = dict(db.execute("SELECT code, id FROM partners").fetchall())
        self.users = dict(db.execute("SELECT username, id FROM users").fetchall())
        self.sales = dict(db.execute("SELECT uuid, id FROM sales").fetchall())
        self.voids = set(column(db, "SELECT uuid FROM voids"))
        self.voided = set(column(db, "SELECT sale_id FROM voids"))
        self.receipts = set(column(db, "SELECT receipt_no FROM sales"))
        self.numbers = set(db.execute("SELECT till_code, seq FROM sales").fetchall())

    def user(self, username: str | None, *, optional: bool = False) -> int | None:
        if username is None and optional:
            return None
        if username not in self.users:
            raise _Skip(NO_USER, user=username or "?")
        return self.users[username]

    def product(self, barcode: str | None, fallback: str, name: str) -> int:
        for code in (barcode, fallback):
            if code in self.products:
                return self.products[code]
        raise _Skip(NO_PRODUCT, barcode=barcode or fallback, name=name)

    def partner(self, code: str | None, fallback: str, name: str) -> int:
        for candidate in (code, fallback):
            if candidate in self.partners:
                return self.partners[candidate]
        raise _Skip(NO_PARTNER, code=code or fallback, name=name)

    def moves(self, moves: Iterable[OldMove]) -> list[tuple[int, OldMove, int | None]]:
        return [
            (
                self.product(m.barcode, m.barcode or "", m.name or "?"),
                m,
                self.user(m.user, optional=True),
            )
            for m in moves
        ]


def merge_previous(db: Database, previous: Previous) -> MergeOutcome:
    """Copy what ``previous`` has and ``db`` lacks into ``db`` (see the module text).

    Runs inside the caller's write transaction; the users the records need
    come first, then every sale, refund and void is copied under its own
    savepoint, so one that cannot be copied is reported and the others still
    come back. Idempotent: what ``db`` already has (by UUID, or the same day
    event, or the username) is left alone.
    """
    if not previous.readable:
        return MergeOutcome()
    keys = _Keys(db)
    users_added = _add_users(db, keys, previous)
    merged: list[str] = []
    voided: list[str] = []
    unmerged: list[Unmerged] = []
    for sale in previous.sales:
        if sale.uuid in keys.sales:
            continue
        try:
            with db.atomic():
                keys.sales[sale.uuid] = _copy_sale(db, keys, sale)
        except _Skip as skip:
            unmerged.append(Unmerged(sale.receipt_no, sale.kind, skip.msg, skip.values))
            continue
        except sqlite3.IntegrityError as exc:
            unmerged.append(Unmerged(sale.receipt_no, sale.kind, NOT_COPIED, (("detail", exc),)))
            continue
        keys.receipts.add(sale.receipt_no)
        keys.numbers.add((sale.till_code, sale.seq))
        merged.append(sale.receipt_no)
    for void in previous.voids:
        if void.uuid in keys.voids:
            continue
        try:
            with db.atomic():
                _copy_void(db, keys, void)
        except _Skip as skip:
            unmerged.append(Unmerged(void.receipt_no, "void", skip.msg, skip.values))
            continue
        except sqlite3.IntegrityError as exc:
            unmerged.append(Unmerged(void.receipt_no, "void", NOT_COPIED, (("detail", exc),)))
            continue
        keys.voids.add(void.uuid)
        voided.append(void.receipt_no)
    return MergeOutcome(
        merged=tuple(merged),
        voids=tuple(voided),
        day_events=_copy_day_events(db, keys, previous.day_events),
        unmerged=tuple(unmerged),
        stock_moves_not_merged=_other_moves_missing(db, previous.other_moves),
        users_added=users_added,
    )


def _add_users(db: Database, keys: _Keys, previous: Previous) -> tuple[str, ...]:
    """Bring back the users the records to copy name and ``db`` lacks; their usernames.

    Each is the previous file's ``users`` row as it is (role, display name,
    PIN hash and salt, active flag, creation time), without a lockout; a
    username ``db`` has is never touched. One that cannot be inserted is left
    out: the records naming it are then reported as :class:`Unmerged`.
    """
    needed: set[str | None] = set()
    for sale in previous.sales:
        if sale.uuid not in keys.sales:
            needed |= {sale.cashier, sale.approved_by, *(m.user for m in sale.moves)}
    for void in previous.voids:
        if void.uuid not in keys.voids:
            needed |= {void.user, void.approved_by, *(m.user for m in void.moves)}
    added: list[str] = []
    for user in previous.users:
        if user.username not in needed or user.username in keys.users:
            continue
        try:
            with db.atomic():
                keys.users[user.username] = db.execute(
                    "INSERT INTO users (username, display_name, role, pin_hash, active, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        user.username,
                        user.display_name,
                        user.role,
                        user.pin_hash,
                        user.active,
                        user.created_at,
                    ),
                ).lastrowid
        except sqlite3.IntegrityError:
            continue
        added.append(user.username)
    return tuple(added)


def _copy_sale(db: Database, keys: _Keys, sale: OldSale) -> int:
    """Copy one sale or refund of the previous file; :class:`_Skip` says why it cannot be."""
    _refuse_unsound(keys, sale)
    cashier = keys.user(sale.cashier)
    approved_by = keys.user(sale.approved_by, optional=True)
    refund_of = None
    if sale.refund_of_uuid is not None:
        refund_of = keys.sales.get(sale.refund_of_uuid)
        if refund_of is None:
            raise _Skip(ORIGINAL_MISSING, original=sale.refund_of_receipt or "?")
    targets = [_line_target(db, keys, line) for line in sale.lines]
    moves = keys.moves(sale.moves)
    sale_id = db.execute(
        "INSERT INTO sales (uuid, kind, till_code, seq, receipt_no, day, time, cashier_id, "
        "total, change, refund_of, reason, approved_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            sale.uuid,
            sale.kind,
            sale.till_code,
            sale.seq,
            sale.receipt_no,
            sale.day,
            sale.time,
            cashier,
            sale.total,
            sale.change,
            refund_of,
            sale.reason,
            approved_by,
        ),
    ).lastrowid
    _insert_lines(db, sale_id, targets)
    db.conn.executemany(
        "INSERT INTO payments (sale_id, method, amount, reference) VALUES (?, ?, ?, ?)",
        [(sale_id, p.method, p.amount, p.reference) for p in sale.payments],
    )
    _record(db, moves, sale_id=sale_id)
    return sale_id


def _refuse_unsound(keys: _Keys, sale: OldSale) -> None:
    """A number the database already uses, or figures that do not add up, are not copied."""
    if sale.receipt_no in keys.receipts or (sale.till_code, sale.seq) in keys.numbers:
        raise _Skip(NUMBER_TAKEN, receipt_no=sale.receipt_no)
    if (
        not sale.lines
        or sum(line.line_total for line in sale.lines) != sale.total
        or sum(p.amount for p in sale.payments) - sale.change != sale.total
    ):
        raise _Skip(TOTALS_OFF)


@dataclass(frozen=True)
class _LineTarget:
    """An old line with the ids it takes in the database it is copied into."""

    line: OldLine
    product_id: int
    partner_id: int
    refund_of_line: int | None


def _line_target(db: Database, keys: _Keys, line: OldLine) -> _LineTarget:
    product = keys.product(line.product_barcode, line.barcode, line.name)
    partner = keys.partner(line.partner_code, line.snap_partner_code, line.partner_name)
    refund_line = None
    if line.refund_of_uuid is not None:
        original = keys.sales.get(line.refund_of_uuid)
        found = (
            first(
                db,
                "SELECT id FROM sale_lines WHERE sale_id = ? AND line_no = ?",
                [original, line.refund_of_line_no],
            )
            if original is not None
            else None
        )
        if found is None:
            raise _Skip(
                LINE_MISSING,
                line_no=line.refund_of_line_no,
                original=line.refund_of_receipt or "?",
            )
        refund_line = found["id"]
    return _LineTarget(
        line=line, product_id=product, partner_id=partner, refund_of_line=refund_line
    )


def _insert_lines(db: Database, sale_id: int, targets: list[_LineTarget]) -> None:
    db.conn.executemany(
        "INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, partner_id, "
        "partner_code, partner_name, qty, unit_price, discount, line_total, refund_of_line) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                sale_id,
                t.line.line_no,
                t.product_id,
                t.line.barcode,
                t.line.name,
                t.partner_id,
                t.line.snap_partner_code,
                t.line.partner_name,
                t.line.qty,
                t.line.unit_price,
                t.line.discount,
                t.line.line_total,
                t.refund_of_line,
            )
            for t in targets
        ],
    )


def _copy_void(db: Database, keys: _Keys, void: OldVoid) -> None:
    sale_id = keys.sales.get(void.sale_uuid)
    if sale_id is None:
        raise _Skip(ORIGINAL_MISSING, original=void.receipt_no)
    if sale_id in keys.voided:
        raise _Skip(VOIDED_ELSEWHERE, receipt_no=void.receipt_no)
    user = keys.user(void.user)
    approved_by = keys.user(void.approved_by)
    moves = keys.moves(void.moves)
    void_id = db.execute(
        "INSERT INTO voids (uuid, sale_id, at, user_id, approved_by, reason) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (void.uuid, sale_id, void.at, user, approved_by, void.reason),
    ).lastrowid
    _record(db, moves, sale_id=sale_id, void_id=void_id)
    keys.voided.add(sale_id)


def _record(
    db: Database,
    moves: list[tuple[int, OldMove, int | None]],
    *,
    sale_id: int,
    void_id: int | None = None,
) -> None:
    """The moves a copied record caused, through the stock ledger (cache kept equal)."""
    for product, move, user in moves:
        stock.record_move(
            db,
            product,
            move.kind,
            move.qty,
            at=datetime.fromisoformat(move.at),
            day=move.day,
            user_id=user,
            sale_id=sale_id,
            void_id=void_id,
            reason=move.reason,
        )


def _copy_day_events(db: Database, keys: _Keys, events: tuple[OldDayEvent, ...]) -> int:
    """Append the opens, closes and reopens the database lacks, in their order.

    A Z number the database already gives to another close gets the next free
    one (the original is kept in the event's detail as ``merged_z_number``); a
    user the database does not have is kept by name in the detail. A day opens
    once: an open of a day the database already opened (a file whose history
    went apart from the backup's) is not copied, so it can neither replace the
    day's opening float nor make a closed day take sales again.
    """
    have = Counter(db.execute("SELECT day, kind, at FROM day_events").fetchall())
    opened = set(column(db, "SELECT day FROM day_events WHERE kind = ?", [DayEvent.OPEN]))
    copied = 0
    for event in events:
        if have[event.key] > 0:
            have[event.key] -= 1
            continue
        if event.kind == DayEvent.OPEN:
            if event.day in opened:
                continue
            opened.add(event.day)
        detail = json.loads(event.detail or "{}")
        user = keys.users.get(event.user) if event.user is not None else None
        if event.user is not None and user is None:
            detail["merged_user"] = event.user
        z_number = event.z_number
        if (
            z_number is not None
            and db.execute("SELECT 1 FROM day_events WHERE z_number = ?", (z_number,)).fetchone()
        ):
            detail["merged_z_number"] = z_number
            z_number = days.next_z_number(db)
        db.execute(
            "INSERT INTO day_events (day, kind, at, user_id, opening_float, counted_cash, "
            "expected_cash, z_number, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.day,
                event.kind,
                event.at,
                user,
                event.opening_float,
                event.counted_cash,
                event.expected_cash,
                z_number,
                json.dumps(detail, ensure_ascii=False, sort_keys=True),
            ),
        )
        copied += 1
    return copied


def _other_moves_missing(db: Database, moves: tuple[OldMove, ...]) -> dict[str, int]:
    """Intake, adjustments and returns of the previous file the database lacks, by kind."""
    have = Counter(
        db.execute(
            "SELECT p.barcode, m.kind, m.qty, m.at, m.day, m.reason FROM stock_moves m "
            "LEFT JOIN products p ON p.id = m.product_id "
            "WHERE m.sale_id IS NULL AND m.void_id IS NULL"
        ).fetchall()
    )
    missing: Counter[str] = Counter()
    for move in moves:
        if have[move.key] > 0:
            have[move.key] -= 1
        else:
            missing[move.kind] += 1
    return dict(sorted(missing.items()))


# ------------------------------------------------------------------------- till ---


@dataclass(frozen=True)
class TillPlan:
    code: str  # the till code the restored database sells under
    history: tuple[str, ...]  # earlier codes, oldest first
    switched: bool  # a fresh code was taken (numbers of ``retired`` may be on paper)
    retired: str | None  # the code given up by the switch


def parse_history(text: str | None) -> tuple[str, ...]:
    return tuple(c for c in (p.strip().upper() for p in (text or "").split(",")) if c)


def till_history(db: Database) -> tuple[str, ...]:
    """Earlier till codes of this database, oldest first (setting ``till_history``)."""
    return parse_history(get_setting(db, SETTING_TILL_HISTORY, ""))


def plan_till(
    db: Database,
    previous: Previous | None,
    *,
    used: Iterable[str] = (),
) -> TillPlan:
    """The till code the restored ``db`` (merge done) must sell under, and its history.

    ``previous`` None: there was no file to replace (missing or empty), which
    is planned exactly as an unreadable one — the till that held the event
    after the backup may have issued numbers nobody can read. ``used``: till
    codes known from outside the two files (backup file names, saved receipts).

    The replaced file's code is kept (it may be a switch made after the
    backup), then the backup's own; a code either file lists in its history is
    retired and never sells again. The code kept is given up for a fresh one
    when numbers of it may be on paper beyond the restored database: there is
    no replaced file, it is unreadable or damaged, or it has a higher sequence
    of that code than the database now has.
    """
    current = db.execute("SELECT till_code FROM event WHERE id = 1").fetchone()[0]
    history = list(till_history(db))
    if previous is None:
        previous = Previous.unreadable()
    retired = set(history) | set(previous.till_history)
    candidates = [previous.till_code] if previous.readable and previous.till_code else []
    candidates.append(current)
    code = next((c for c in candidates if c not in retired), None)
    for old in (*previous.till_history, *candidates):
        if old != code and old not in history:
            history.append(old)
    if code is None or not previous.readable or previous.damaged:
        risky = True
    else:
        have = db.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM sales WHERE till_code = ?", (code,)
        ).fetchone()[0]
        risky = previous.max_seq.get(code, 0) > have
    if not risky:
        return TillPlan(code, tuple(c for c in history if c != code), False, None)
    taken = set(used) | set(history) | set(candidates) | set(previous.max_seq)
    taken |= set(column(db, "SELECT DISTINCT till_code FROM sales"))
    root = history[0] if history else code or current
    match = re.fullmatch(r"(.+?)R\d+", root)  # never T1R1R1: a switched code's own root
    fresh = next_till_code(match[1] if match else root, taken)
    if code is not None and code not in history:
        history.append(code)
    return TillPlan(fresh, tuple(c for c in history if c != fresh), True, code)


def next_till_code(root: str, taken: Iterable[str]) -> str:
    """``<root>R<n>`` with ``n`` above every such code in ``taken`` (at most 8 characters)."""
    taken = {t.upper() for t in taken}
    root = root.upper()
    highest = 0
    for code in taken:
        match = re.fullmatch(r"(.+)R(\d+)", code)
        if match and root.startswith(match[1]) and code not in (root,):
            highest = max(highest, int(match[2]))
    n = highest + 1
    while True:
        suffix = f"R{n}"
        candidate = root[: 8 - len(suffix)] + suffix
        if candidate not in taken and _TILL_RE.match(candidate):
            return candidate
        n += 1


def apply_till(db: Database, plan: TillPlan, *, user_id: int | None = None) -> bool:
    """Make ``db`` sell under ``plan.code`` and keep its history; True when anything changed.

    Inside the caller's write transaction. The history setting's change is
    audited (``setting.change``); the till change itself is in the caller's
    ``restore.merge`` entry.
    """
    current = db.execute("SELECT till_code FROM event WHERE id = 1").fetchone()[0]
    changed = False
    if plan.code != current:
        db.execute("UPDATE event SET till_code = ? WHERE id = 1", (plan.code,))
        changed = True
    history = ",".join(plan.history)
    if history != (get_setting(db, SETTING_TILL_HISTORY, "") or ""):
        set_setting(db, SETTING_TILL_HISTORY, history, user_id=user_id)
        changed = True
    return changed


def record(
    db: Database,
    outcome: MergeOutcome,
    *,
    previous: Previous | None,
    till_before: str,
    plan: TillPlan,
    source: str,
    user_id: int | None,
) -> None:
    """The one ``restore.merge`` audit entry: what came back, what did not, the till code.

    ``previous`` None: there was no file to replace, missing or empty (``"previous": "none"``).
    """
    audit.record(
        db,
        AUDIT_ACTION,
        user_id=user_id,
        entity="backup",
        entity_id=source,
        detail={
            "previous": (
                "none"
                if previous is None
                else "unreadable"
                if not previous.readable
                else "damaged"
                if previous.damaged
                else "readable"
            ),
            "merged": len(outcome.merged),
            "receipts": list(outcome.merged),
            "voids": list(outcome.voids),
            "day_events": outcome.day_events,
            "unmerged": [
                {"receipt_no": u.receipt_no, "kind": u.kind, "reason": u.message("en")}
                for u in outcome.unmerged
            ],
            "stock_moves_not_merged": outcome.stock_moves_not_merged,
            "users_added": list(outcome.users_added),
            "till": {
                "backup": till_before,
                "replaced": previous.till_code if previous is not None else None,
                "now": plan.code,
                "switched": plan.switched,
            },
        },
    )
