"""Schema 4: stock documents, name and price history and backups in tables of their own.

``schema3/booth-schema3.db`` was written by the app at schema 3 (commit da47181, see
``schema3/make_schema3.py``): its documents, renames, prices and backups lived only as
audit JSON. Opening it migrates it; everything must read back as the old app showed it.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from boothpos.core import backup, check, codes, db, records, stock_ops, tamper, users
from boothpos.core.schema import RECORD_TABLES, SCHEMA_VERSION

FIXTURE = Path(__file__).parent / "schema3" / "booth-schema3.db"
LUWAK = "2000000000015"  # imported without a barcode: the first internal code
SELENDANG = "8990000000013"


def _audit_rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM audit ORDER BY id").fetchall()


@pytest.fixture
def old_copy(tmp_path: Path) -> Path:
    path = tmp_path / "booth.db"
    shutil.copyfile(FIXTURE, path)
    return path


@pytest.fixture
def migrated(old_copy: Path):
    database = db.connect(old_copy)
    yield database
    database.close()


def test_fixture_is_schema_3_with_audit_only_records(old_copy):
    with sqlite3.connect(old_copy) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        stored = conn.execute(
            "SELECT COUNT(*) FROM audit WHERE entity = 'stock_document'"
        ).fetchone()[0]
    assert not tables & set(RECORD_TABLES)
    assert stored == 3


def test_migration_moves_stock_documents_whole(old_copy):
    with sqlite3.connect(old_copy) as conn:
        old_docs = {
            number: json.loads(detail)
            for number, detail in conn.execute(
                "SELECT entity_id, detail FROM audit WHERE entity = 'stock_document'"
            )
        }
    database = db.connect(old_copy)
    try:
        assert database.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        docs = stock_ops.list_documents(database)
        assert [d.number for d in docs] == [
            "INA24-T1-TTB-0001", "INA24-T1-PNY-0001", "INA24-T1-RTR-0001",
        ]  # fmt: skip
        for doc in docs:  # every field as the old app stored (and printed) it
            assert json.loads(json.dumps(doc.to_json())) == old_docs[doc.number]
            assert stock_ops.get_document(database, doc.number.lower()) == doc
        count = stock_ops.get_document(database, "INA24-T1-PNY-0001")
        assert count.reason_text("en") == "damaged: kemasan sobek"
        assert count.lines[0].counted == 3 and count.lines[0].qty == -1
        assert [d.number for d in stock_ops.list_documents(database, partner="tenun")] == [
            "INA24-T1-RTR-0001"
        ]
    finally:
        database.close()


def test_numbers_continue_gapless_after_migration(migrated):
    sup = users.get_user(migrated, "supervisor")
    assert stock_ops.receive(migrated, {SELENDANG: 2}, user=sup).number == "INA24-T1-TTB-0002"
    assert stock_ops.receive(migrated, {SELENDANG: 1}, user=sup).number == "INA24-T1-TTB-0003"
    assert (
        stock_ops.return_to_partner(migrated, "KOPI", {LUWAK: 1}, user=sup).number
        == "INA24-T1-RTR-0002"
    )


def test_migration_moves_price_and_name_history(migrated):
    luwak = [(c.old, c.new, c.source) for c in stock_ops.price_history(migrated, LUWAK)]
    assert luwak == [(150_000, 160_000, "edit"), (160_000, 150_000, "catalog")]
    selendang = stock_ops.price_history(migrated, SELENDANG)
    assert [(c.old, c.new, c.source, c.at) for c in selendang] == [
        (350_000, 375_000, "catalog", "2024-02-28T12:00:00+07:00")
    ]
    luwak_id = stock_ops.resolve_product(migrated, LUWAK).id
    assert records.old_names(migrated) == [(luwak_id, "Kopi Luwak 100 g")]
    assert records.old_names(migrated, source="catalog") == [(luwak_id, "Kopi Luwak Asli 100 g")]


def test_migration_moves_backup_markers(migrated):
    rows = list(migrated.query("SELECT reason, last_sale_id, sales, file FROM backups"))
    assert [(r["reason"], r["last_sale_id"], r["sales"]) for r in rows] == [
        ("manual", 1, 1),
        ("day_close", 2, 2),
    ]
    assert all(r["file"].startswith("INA24-T1-") for r in rows)
    assert backup.sales_since_backup(migrated) == 1  # the third sale came after


def test_migration_keeps_the_audit_log_and_passes_check(old_copy):
    before = _audit_rows(old_copy)
    database = db.connect(old_copy)
    try:
        report = check.run_checks(database)
        assert report.findings == []
        problems: list = []
        tamper.run(database, lambda msg, **values: problems.append((msg, values)))
        assert problems == []  # the schema equals a fresh build; every new row is chained
        linked = {
            table: database.execute(
                "SELECT COUNT(*) FROM chain WHERE table_name = ?", (table,)
            ).fetchone()[0]
            for table in RECORD_TABLES
        }
        assert linked == {
            "stock_documents": 3,
            "stock_document_lines": 3,
            "product_names": 2,
            "price_changes": 3,
            "backups": 2,
        }
    finally:
        database.close()
    assert _audit_rows(old_copy) == before


def test_writers_add_rows_with_their_audit_entry(booth):
    database, sup = booth.db, booth.supervisor
    doc = stock_ops.receive(database, {booth.pid("kopi"): 3}, user=sup, at=booth.time(1, 9))
    stock_ops.update_product(database, booth.pid("kopi"), name="Kopi Baru", price=99_000, user=sup)
    counts = {t: booth.count(t) for t in RECORD_TABLES}
    assert counts == {
        "stock_documents": 1,
        "stock_document_lines": 1,
        "product_names": 1,
        "price_changes": 1,
        "backups": 0,
    }
    assert booth.count("audit", "entity_id = ?", (doc.number,)) == 1
    backup.backup_now(database, booth.path, folders=[booth.path.parent])
    assert booth.count("backups") == 1
    assert backup.sales_since_backup(database) == 0
    booth.sell("kopi")
    assert backup.sales_since_backup(database) == 1


def test_refused_operation_writes_no_record(booth):
    before = {t: booth.count(t) for t in RECORD_TABLES}
    with pytest.raises(stock_ops.ReturnRefused):
        stock_ops.return_to_partner(
            booth.db, booth.product["kopi"].partner.code, {booth.pid("kopi"): 10_000},
            user=booth.supervisor,
        )  # fmt: skip
    assert {t: booth.count(t) for t in RECORD_TABLES} == before


@pytest.mark.parametrize("table", RECORD_TABLES)
def test_record_tables_are_append_only(booth, table):
    stock_ops.receive(booth.db, {booth.pid("kopi"): 1}, user=booth.supervisor)
    stock_ops.update_product(booth.db, booth.pid("kopi"), name="K2", price=1, user=booth.supervisor)
    backup.backup_now(booth.db, booth.path, folders=[booth.path.parent])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        booth.db.execute(f"DELETE FROM {table}")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        booth.db.execute(f"UPDATE {table} SET id = id")


def test_record_codes_are_what_the_schema_allows():
    fresh = db.connect_memory()
    try:
        sql = "\n".join(
            text
            for (text,) in fresh.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name IN "
                "('stock_documents', 'product_names', 'price_changes') AND sql IS NOT NULL"
            )
        )
    finally:
        fresh.close()
    groups = re.findall(r"(source|kind) IN \(([^)]*)\)", sql)
    allowed = {
        column: {v for c, g in groups if c == column for v in re.findall(r"'([^']*)'", g)}
        for column in ("source", "kind")
    }
    assert allowed["source"] == set(codes.ChangeSource) == set(records.SOURCES)
    assert allowed["kind"] == set(stock_ops.KINDS)


def test_other_tills_documents_kept_from_the_hub_are_moved_too(old_copy):
    """A till at schema 3 kept other tills' audit entries as received (hub_records): the
    migration brings their stock documents and product changes in, as a pull does now."""
    with sqlite3.connect(old_copy) as conn:
        detail = json.loads(
            conn.execute(
                "SELECT detail FROM audit WHERE entity_id = 'INA24-T1-TTB-0001'"
            ).fetchone()[0]
        )
        detail |= {"number": "INA24-T2-TTB-0001", "at": "2024-02-28T09:05:00+07:00"}
        detail["lines"][0]["product_id"] = 999  # T2's own row id: mapped here by barcode
        pulled = [
            {"at": detail["at"], "user": "supervisor", "action": "stock.intake",
             "entity": "stock_document", "entity_id": detail["number"], "detail": detail},
            {"at": "2024-02-28T09:10:00+07:00", "user": "nobody-here", "action": "product.update",
             "entity": "product", "entity_id": "7",
             "detail": {"barcode": SELENDANG, "old": {"price": 350_000},
                        "new": {"price": 360_000}, "source": "edit"}},
            {"at": "2024-02-28T09:20:00+07:00", "user": "supervisor", "action": "sale.void",
             "entity": "sale", "entity_id": "INA24-T2-0228-00001", "detail": {}},
        ]  # fmt: skip
        for n, payload in enumerate(pulled, start=1):
            conn.execute(
                "INSERT INTO hub_records (uuid, tbl, till_code, kind, origin, pushed, hub_seq, "
                "payload) VALUES (?, 'audit', 'T2', 'audit', 'hub', 1, ?, ?)",
                (f"00000000-0000-0000-0000-00000000000{n}", n, json.dumps(payload)),
            )
    database = db.connect(old_copy)
    try:
        numbers = [d.number for d in stock_ops.list_documents(database)]
        assert numbers == [
            "INA24-T1-TTB-0001", "INA24-T2-TTB-0001", "INA24-T1-PNY-0001", "INA24-T1-RTR-0001",
        ]  # fmt: skip
        theirs = stock_ops.get_document(database, "INA24-T2-TTB-0001")
        assert (
            theirs.lines[0].product_id
            == stock_ops.resolve_product(database, theirs.lines[0].barcode).id
        )
        history = stock_ops.price_history(database, SELENDANG)
        assert [(c.old, c.new, c.source, c.user_id) for c in history] == [
            (350_000, 360_000, "edit", None),  # T2's, at 09:10: before T1's import at 12:00
            (350_000, 375_000, "catalog", users.get_user(database, "admin").id),
        ]
        sup = users.get_user(database, "supervisor")
        assert stock_ops.receive(database, {SELENDANG: 1}, user=sup).number == "INA24-T1-TTB-0002"
        assert check.run_checks(database).findings == []
    finally:
        database.close()
