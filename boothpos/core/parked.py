"""Parked hub records as ``boothpos check`` findings a supervisor understands.

A record another till made that this till could not apply (a product it does
not know, a refund whose sale is not here yet, ...) is *parked* by sync
(:mod:`boothpos.hub.records`): kept, named, retried at every sync. One of this
till's records the hub refused is parked the same way. While a record is
parked this till's books are not the booth's books, so ``check`` names it.
(Reads the till's own ``hub_records`` table only: no hub, no network.)
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlite_utils import Database

from boothpos.core.codes import Origin
from boothpos.core.errors import Msg

PULLED = Msg(
    id="catatan dari kasir {till} TERTAHAN, belum masuk buku kasir ini: {what_id} (alasan: "
    "{reason}). Dicoba lagi setiap sinkronisasi; perbaiki penyebabnya, lalu jalankan "
    "'boothpos sync'",
    en="a record from till {till} is PARKED, not in this till's books yet: {what_en} (why: "
    "{reason}). It is tried again at every sync; fix the cause, then run 'boothpos sync'",
)
REFUSED = Msg(
    id="catatan kasir ini DITOLAK hub dan tertahan, kasir lain belum menerimanya: {what_id} "
    "(alasan: {reason}). Dicoba lagi setiap sinkronisasi",
    en="a record of this till was REFUSED by the hub and is parked, the other tills do not "
    "have it: {what_en} (why: {reason}). It is tried again at every sync",
)
MORE = Msg(id="... dan {count} catatan tertahan lainnya", en="... and {count} more parked records")
MAX_FINDINGS = 20

_WHAT = {
    "sale": Msg(id="struk {receipt_no}", en="receipt {receipt_no}"),
    "refund": Msg(id="retur {receipt_no}", en="refund {receipt_no}"),
    "void": Msg(id="pembatalan transaksi {sale_uuid}", en="the void of transaction {sale_uuid}"),
    "stock_move": Msg(id="gerakan stok {kind} {barcode}", en="{kind} stock move of {barcode}"),
    "product": Msg(id="produk {barcode} ({name})", en="product {barcode} ({name})"),
    "partner": Msg(id="mitra {code} ({name})", en="partner {code} ({name})"),
    "user": Msg(id="pengguna '{username}'", en="user '{username}'"),
    "day_event": Msg(id="hari pameran {day} ({kind})", en="fair day {day} ({kind})"),
    "audit": Msg(id="catatan audit {action}", en="audit entry {action}"),
    "chain": Msg(
        id="segel buku (rantai hash) kasir {till}, mata rantai {first}",
        en="the books' seal (hash chain) of till {till}, links from {first}",
    ),
}
_OTHER = Msg(id="catatan {kind} {uuid}", en="{kind} record {uuid}")


def describe(kind: str, till: str, record_uuid: str, payload: dict, lang: str | None) -> str:
    """What a parked record is, in words (receipt number, barcode, ...)."""
    values = {"kind": kind, "uuid": record_uuid, "till": till, **payload}
    if kind == "chain":
        links = payload.get("links") or [[""]]
        values["first"] = links[0][0]
    try:
        return _WHAT.get(kind, _OTHER).render(lang, **values)
    except (KeyError, IndexError):
        return _OTHER.render(lang, **values)


def check_parked(db: Database, add: Callable[..., None]) -> None:
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'hub_records'").fetchone():
        return
    rows = db.execute(
        "SELECT uuid, till_code, kind, origin, reason, payload, tbl, row_id FROM hub_records "
        "WHERE status = 'parked' ORDER BY origin = 'local', hub_seq, rowid"
    ).fetchall()
    for record_uuid, till, kind, origin, reason, payload, tbl, row_id in rows[:MAX_FINDINGS]:
        try:
            content = json.loads(payload) if payload else {}
        except ValueError:
            content = {}
        if not isinstance(content, dict):
            content = {}
        if tbl == "sales" and row_id is not None and "receipt_no" not in content:
            found = db.execute("SELECT receipt_no FROM sales WHERE id = ?", (row_id,)).fetchone()
            content["receipt_no"] = found[0] if found else "?"
        add(
            PULLED if origin == Origin.HUB else REFUSED,
            till=till,
            what_id=describe(kind, till, record_uuid, content, "id"),
            what_en=describe(kind, till, record_uuid, content, "en"),
            reason=reason,
        )
    if len(rows) > MAX_FINDINGS:
        add(MORE, count=len(rows) - MAX_FINDINGS)
