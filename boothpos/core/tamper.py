"""The tamper checks of ``boothpos check``: hash chain, schema, audit log against the books.

- every record's link in the hash chain (:mod:`boothpos.core.chain`) matches it,
  no link is missing and no record lacks one;
- the schema (tables, indexes, triggers and their SQL) is exactly the one the
  migrations build: a fresh in-memory database is built and compared;
- every audit entry that names a record (a checkout, refund, void, fair-day
  open/close/reopen) finds that record in the books.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from boothpos.core import chain
from boothpos.core.errors import Msg, language

CHANGED = Msg(
    id="BUKU DIUBAH di luar boothpos: {label} tidak sama lagi dengan segelnya "
    "(mata rantai {seq} kasir {till})",
    en="BOOKS ALTERED outside boothpos: {label} no longer matches its seal "
    "(link {seq} of till {till})",
)
REMOVED = Msg(
    id="CATATAN DIHAPUS di luar boothpos: {label} (mata rantai {seq} kasir {till}) "
    "tidak ada lagi di buku",
    en="RECORD DELETED outside boothpos: {label} (link {seq} of till {till}) "
    "is no longer in the books",
)
UNLINKED = Msg(
    id="CATATAN DITAMBAHKAN di luar boothpos: {label} tidak punya segel di rantai",
    en="RECORD ADDED outside boothpos: {label} has no seal in the chain",
)
WAITING = Msg(
    id="{label} datang dari kasir {till} lewat hub dan belum bersegel: mata rantai kasir {till} "
    "belum tiba (tertahan atau menunggu sinkronisasi berikutnya)",
    en="{label} came from till {till} through the hub and has no seal yet: till {till}'s chain "
    "links have not arrived (parked, or waiting for the next sync)",
)
BROKEN = Msg(
    id="rantai segel kasir {till} putus pada mata rantai {seq} ({label}): "
    "segel dihapus atau ditulis ulang",
    en="the seal chain of till {till} is broken at link {seq} ({label}): "
    "seals were removed or rewritten",
)
MORE = Msg(
    id="... dan {count} masalah rantai lainnya",
    en="... and {count} more chain problems",
)
SCHEMA_EXTRA = Msg(
    id="STRUKTUR DATABASE DIUBAH: {kind_id} '{name}' tidak dibuat oleh boothpos "
    "(bisa mengubah data diam-diam)",
    en="DATABASE STRUCTURE ALTERED: {kind_en} '{name}' was not made by boothpos "
    "(it could change data behind your back)",
)
SCHEMA_MISSING = Msg(
    id="STRUKTUR DATABASE DIUBAH: {kind_id} '{name}' hilang",
    en="DATABASE STRUCTURE ALTERED: {kind_en} '{name}' is missing",
)
SCHEMA_DIFFERENT = Msg(
    id="STRUKTUR DATABASE DIUBAH: {kind_id} '{name}' berbeda dari yang dibuat boothpos",
    en="DATABASE STRUCTURE ALTERED: {kind_en} '{name}' differs from the one boothpos builds",
)
AUDIT_ORPHAN = Msg(
    id="catatan audit '{action}' ({at}) menyebut {what} {ref}, tetapi itu tidak ada di buku",
    en="the audit log's '{action}' ({at}) names {what} {ref}, but it is not in the books",
)

Report = Callable[..., None]
KINDS_ID = {"table": "tabel", "index": "indeks", "trigger": "pemicu", "view": "view"}
MAX_CHAIN_FINDINGS = 20


def check_chain(db: Database, add: Report) -> None:
    breaks = chain.verify(db)
    msgs = {
        "changed": CHANGED,
        "removed": REMOVED,
        "unlinked": UNLINKED,
        "broken": BROKEN,
        "waiting": WAITING,
    }
    for b in breaks[:MAX_CHAIN_FINDINGS]:
        add(msgs[b.kind], label=b.label, seq=b.seq, till=b.till)
    if len(breaks) > MAX_CHAIN_FINDINGS:
        add(MORE, count=len(breaks) - MAX_CHAIN_FINDINGS)


def _schema(db: Database) -> dict[tuple[str, str], str | None]:
    return {
        (kind, name): " ".join((sql or "").split())
        for kind, name, sql in db.conn.execute(
            "SELECT type, name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        )
    }


def expected_schema() -> dict[tuple[str, str], str | None]:
    from boothpos.core.db import connect_memory

    fresh = connect_memory()
    try:
        return _schema(fresh)
    finally:
        fresh.close()


def check_schema(db: Database, add: Report) -> None:
    want, have = expected_schema(), _schema(db)
    for kind, name in sorted(set(have) - set(want)):
        add(SCHEMA_EXTRA, **_kind(kind), name=name)
    for kind, name in sorted(set(want) - set(have)):
        add(SCHEMA_MISSING, **_kind(kind), name=name)
    for key in sorted(set(want) & set(have)):
        if want[key] != have[key]:
            add(SCHEMA_DIFFERENT, **_kind(key[0]), name=key[1])


def _kind(kind: str) -> dict[str, str]:
    return {"kind_en": kind, "kind_id": KINDS_ID.get(kind, kind)}


# audit action → (SQL that finds the record its entity_id names, what it is called)
_AUDITED = {
    "sale.checkout": (
        "SELECT 1 FROM sales WHERE receipt_no = ? AND kind = 'sale'",
        ("struk", "receipt"),
    ),
    "sale.refund": (
        "SELECT 1 FROM sales WHERE receipt_no = ? AND kind = 'refund'",
        ("retur", "refund"),
    ),
    "sale.void": (
        "SELECT 1 FROM voids v JOIN sales s ON s.id = v.sale_id WHERE s.receipt_no = ?",
        ("pembatalan struk", "the void of receipt"),
    ),
    "day.open": (
        "SELECT 1 FROM day_events WHERE day = ? AND kind = 'open'",
        ("pembukaan hari pameran", "the opening of fair day"),
    ),
    "day.close": (
        "SELECT 1 FROM day_events WHERE day = ? AND kind = 'close'",
        ("penutupan hari pameran", "the close of fair day"),
    ),
    "day.reopen": (
        "SELECT 1 FROM day_events WHERE day = ? AND kind = 'reopen'",
        ("pembukaan ulang hari pameran", "the reopening of fair day"),
    ),
}


def check_audit(db: Database, add: Report) -> None:
    actions = tuple(_AUDITED)
    rows = db.conn.execute(
        f"SELECT action, at, entity_id FROM audit WHERE action IN ({','.join('?' * len(actions))})"
        " ORDER BY id",
        actions,
    ).fetchall()
    for action, at, ref in rows:
        sql, (what_id, what_en) = _AUDITED[action]
        if db.conn.execute(sql, (ref,)).fetchone() is None:
            what = what_en if language() == "en" else what_id
            add(AUDIT_ORPHAN, action=action, at=at, what=what, ref=ref)


def run(db: Database, add: Report) -> None:
    check_schema(db, add)
    check_chain(db, add)
    check_audit(db, add)
