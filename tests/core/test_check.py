"""``check`` proves the database tells one consistent story; the file itself protects it.

Damage is done the way a person with an SQLite tool would do it: through a
second, raw ``sqlite3`` connection, dropping the append-only triggers or
ignoring CHECK constraints where the schema would otherwise refuse.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from boothpos.core import check, db, returns, schema, tamper
from boothpos.core.checkout import Tender
from boothpos.core.errors import DatabaseError


@pytest.fixture
def busy(booth):
    """A booth after two fair days: discounts, split and change, a void, refunds, negative stock."""
    booth.sell(("kopi", 3, 5_000), "kalung", pay=[Tender("qris", 300_000), Tender("cash")])
    booth.sell(("tenun", 2), pay=[Tender("debit", 500_000, "EDC-1"), Tender("cash", 500_000)])
    mistake = booth.sell(("noken", 2), at=booth.time(1, 15))
    returns.void_sale(
        booth.db,
        mistake.receipt_no,
        requested_by=booth.kasir,
        supervisor=booth.supervisor,
        reason="salah scan",
        at=booth.time(1, 15, 1),
    )
    later = booth.sell(("gelang", 3, 1_000), ("kopi", 2), at=booth.time(2, 10))
    for lines, restock in (({1: 1}, True), ({1: 2, 2: 1}, False)):
        returns.refund_sale(
            booth.db,
            later.receipt_no,
            lines,
            cashier=booth.kasir,
            supervisor=booth.supervisor,
            reason="tidak jadi",
            restock=restock,
            at=booth.time(2, 16),
        )
    return booth


def raw(booth) -> closing[sqlite3.Connection]:
    """A plain sqlite3 connection to the booth file, outside boothpos."""
    return closing(sqlite3.connect(booth.path))


def findings(booth) -> list[tuple[object, str]]:
    """(message template, English text) of every finding, read on a fresh connection."""
    return [(f.msg, f.message("en")) for f in check.run_checks(booth.reopen()).findings]


def first_receipt(booth) -> str:
    return booth.reopen().execute("SELECT receipt_no FROM sales ORDER BY id").fetchone()[0]


# --- a sound database ----------------------------------------------------------------------


def test_a_busy_database_passes(busy):
    report = check.run_checks(busy.reopen())

    assert report.ok, [f.message("en") for f in report.findings]
    assert report.counts["sales"] == 6
    assert report.counts["voids"] == 1
    assert report.counts["products"] == 5


def test_an_empty_event_passes(empty_db):
    assert check.run_checks(empty_db).ok


def test_check_changes_nothing(busy):
    before = busy.snapshot()

    check.run_checks(busy.reopen())

    assert busy.snapshot() == before


# --- damage it finds -----------------------------------------------------------------------


def test_a_cached_on_hand_that_differs_from_the_ledger_is_named(busy):
    busy.db.execute("UPDATE products SET on_hand = on_hand + 1 WHERE id = ?", (busy.pid("kopi"),))

    found = findings(busy)

    assert [msg for msg, _ in found] == [check.LEDGER]
    text = found[0][1]
    assert busy.product["kopi"].barcode in text
    ledger = busy.ledger("kopi")
    assert f"stored {ledger + 1}" in text and f"says {ledger}" in text


def test_every_product_off_the_ledger_is_named(busy):
    busy.db.execute("UPDATE products SET on_hand = on_hand + 1")

    assert [msg for msg, _ in findings(busy)] == [check.LEDGER] * 5


def test_a_wrong_line_total_is_named_with_receipt_and_line(busy):
    receipt = first_receipt(busy)
    with raw(busy) as conn:
        conn.execute("DROP TRIGGER sale_lines_no_update")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute(
            "UPDATE sale_lines SET line_total = line_total - 1000 WHERE line_no = 2 AND "
            "sale_id = (SELECT id FROM sales WHERE receipt_no = ?)",
            (receipt,),
        )
        conn.commit()

    found = findings(busy)

    messages = [msg for msg, _ in found]
    assert check.LINE_MATH in messages
    assert check.LINES_SUM in messages
    line_math = next(text for msg, text in found if msg is check.LINE_MATH)
    assert f"receipt {receipt} line 2" in line_math
    assert "249000" in line_math


def test_a_sale_total_that_differs_from_its_lines_is_named(busy):
    receipt = first_receipt(busy)
    with raw(busy) as conn:
        conn.execute("DROP TRIGGER sales_no_update")
        conn.execute("UPDATE sales SET total = total + 1 WHERE receipt_no = ?", (receipt,))
        conn.commit()

    found = findings(busy)

    assert check.LINES_SUM in [msg for msg, _ in found]
    assert any(receipt in text for msg, text in found if msg is check.LINES_SUM)


def test_payments_that_do_not_match_the_total_are_named(busy):
    receipt = first_receipt(busy)
    busy.db.execute(
        "INSERT INTO payments (sale_id, method, amount) "
        "SELECT id, 'transfer', 5000 FROM sales WHERE receipt_no = ?",
        (receipt,),
    )

    found = findings(busy)

    # the payment written outside a boothpos transaction has no seal either
    assert [msg for msg, _ in found] == [check.PAYMENTS, tamper.UNLINKED]
    assert receipt in found[0][1]
    assert receipt in found[1][1]


def test_a_change_figure_that_does_not_match_is_named(busy):
    receipt = first_receipt(busy)
    with raw(busy) as conn:
        conn.execute("DROP TRIGGER sales_no_update")
        conn.execute("UPDATE sales SET change = change + 500 WHERE receipt_no = ?", (receipt,))
        conn.commit()

    messages = [msg for msg, _ in findings(busy)]
    assert check.PAYMENTS in messages
    assert check.TRIGGER_MISSING in messages  # the guard dropped to do the damage is named too


def test_a_dropped_append_only_guard_is_named(busy):
    with raw(busy) as conn:
        conn.execute("DROP TRIGGER audit_no_delete")
        conn.commit()

    found = findings(busy)

    assert [msg for msg, _ in found] == [check.TRIGGER_MISSING, tamper.SCHEMA_MISSING]
    assert "audit_no_delete" in found[0][1]
    assert "audit_no_delete" in found[1][1]


def test_change_above_the_cash_tendered_is_named(busy):
    key = next(iter(busy.product))
    receipt = busy.sell(key, pay=[Tender("qris")]).receipt_no
    with raw(busy) as conn:
        conn.execute("DROP TRIGGER sales_no_update")
        conn.execute("DROP TRIGGER payments_no_update")
        conn.execute(
            "UPDATE payments SET amount = amount + 1000 WHERE sale_id = "
            "(SELECT id FROM sales WHERE receipt_no = ?)",
            (receipt,),
        )
        conn.execute("UPDATE sales SET change = 1000 WHERE receipt_no = ?", (receipt,))
        conn.commit()

    messages = [msg for msg, _ in findings(busy)]
    assert check.CHANGE_OVER_CASH in messages


def test_a_gap_in_the_receipt_numbers_is_named(busy):
    last_seq = busy.reopen().execute("SELECT MAX(seq) FROM sales").fetchone()[0]
    insert_sale(busy, seq=last_seq + 2)

    found = findings(busy)

    assert [msg for msg, _ in found] == [check.GAP]
    assert f"number {last_seq + 1} is missing (found {last_seq + 2})" in found[0][1]


def test_receipts_not_starting_at_one_are_a_gap(booth):
    insert_sale(booth, seq=2)

    found = findings(booth)

    assert [msg for msg, _ in found] == [check.GAP]
    assert "number 1 is missing (found 2)" in found[0][1]


def test_a_sale_without_lines_is_named(busy):
    last_seq = busy.reopen().execute("SELECT MAX(seq) FROM sales").fetchone()[0]
    receipt = insert_sale(busy, seq=last_seq + 1, with_line=False)

    found = findings(busy)

    assert [msg for msg, _ in found] == [check.NO_LINES]
    assert receipt in found[0][1]


def test_a_broken_foreign_key_is_named(busy):
    with raw(busy) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("INSERT INTO payments (sale_id, method, amount) VALUES (9999, 'cash', 0)")
        conn.commit()

    found = findings(busy)

    assert [msg for msg, _ in found] == [check.FOREIGN_KEY]
    assert "payments" in found[0][1]


def insert_sale(booth, *, seq: int, with_line: bool = True) -> str:
    """Append a self-consistent sale of one kopi with the given sequence number."""
    receipt = f"INA24-T1-0229-{seq:05d}"
    kopi = booth.product["kopi"]
    total = kopi.price if with_line else 0
    with booth.db.atomic():
        sale_id = booth.db.execute(
            "INSERT INTO sales (uuid, kind, till_code, seq, receipt_no, day, time, cashier_id, "
            "total) VALUES (?, 'sale', 'T1', ?, ?, '2024-02-29', '2024-02-29T17:00:00+07:00', "
            "?, ?)",
            (f"manual-{seq}", seq, receipt, booth.kasir.id, total),
        ).lastrowid
        if with_line:
            booth.db.execute(
                "INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, partner_id, "
                "partner_code, partner_name, qty, unit_price, discount, line_total) "
                "VALUES (?, 1, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?)",
                (sale_id, kopi.id, kopi.barcode, kopi.name, kopi.partner.id, kopi.partner.code,
                 kopi.partner.name, kopi.price, kopi.price),
            )  # fmt: skip
            booth.db.execute(
                "INSERT INTO payments (sale_id, method, amount) VALUES (?, 'cash', ?)",
                (sale_id, kopi.price),
            )
    return receipt


# --- append-only tables --------------------------------------------------------------------


@pytest.mark.parametrize("table", schema.APPEND_ONLY)
def test_append_only_tables_refuse_update(busy, table):
    conn = busy.reopen()
    before = conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    assert before, f"the busy fixture must leave rows in {table}"

    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute(f"UPDATE {table} SET id = id WHERE id = (SELECT MIN(id) FROM {table})")

    assert not conn.conn.in_transaction
    assert busy.reopen().execute(f"SELECT * FROM {table} ORDER BY id").fetchall() == before


@pytest.mark.parametrize("table", schema.APPEND_ONLY)
def test_append_only_tables_refuse_delete(busy, table):
    conn = busy.reopen()
    before = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute(f"DELETE FROM {table}")

    assert busy.count(table) == before


def test_a_raw_connection_cannot_delete_a_sale_either(busy):
    with raw(busy) as conn, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM sales WHERE id = 1")


def test_products_and_partners_stay_editable(booth):
    booth.db.execute("UPDATE products SET price = 90000 WHERE id = ?", (booth.pid("kopi"),))

    assert booth.reopen().execute(
        "SELECT price FROM products WHERE id = ?", (booth.pid("kopi"),)
    ).fetchone() == (90_000,)


# --- opening the file ----------------------------------------------------------------------


def test_a_connection_uses_wal_full_sync_foreign_keys_and_a_busy_timeout(booth):
    conn = booth.reopen().conn

    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_a_new_database_records_its_schema_version(db_path):
    database = db.connect(db_path, create=True)
    try:
        assert database.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert schema.SCHEMA_VERSION >= 1
    finally:
        database.close()


def test_a_missing_file_is_refused_without_create(tmp_path):
    with pytest.raises(DatabaseError) as refused:
        db.connect(tmp_path / "nope.db")

    assert refused.value.msg is db.MISSING
    assert not (tmp_path / "nope.db").exists()


def test_a_text_file_is_not_a_database(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("partner_code;partner_name\nAMB01;Mutiara\n", encoding="utf-8")

    with pytest.raises(DatabaseError) as refused:
        db.connect(path)

    assert refused.value.msg is db.NOT_A_DATABASE
    assert str(path) in refused.value.message("en")
    assert path.read_text(encoding="utf-8").startswith("partner_code;")


def test_a_database_from_a_newer_app_is_refused(booth):
    with raw(booth) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
        conn.commit()

    with pytest.raises(DatabaseError) as refused:
        db.connect(booth.path)

    assert refused.value.msg is db.TOO_NEW
    assert str(schema.SCHEMA_VERSION + 1) in refused.value.message("en")


def test_an_existing_database_is_copied_aside_before_a_migration(busy, monkeypatch):
    from sqlite_utils import Migrations

    def m9999_test_extra(database):
        database.execute("CREATE TABLE test_extra (id INTEGER PRIMARY KEY)")

    extra = Migrations._Migration("9999_test_extra", m9999_test_extra)
    monkeypatch.setattr(schema.MIGRATIONS, "_migrations", [*schema.MIGRATIONS._migrations, extra])
    monkeypatch.setattr(db, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    sales_before = busy.count("sales")

    migrated = db.connect(busy.path)
    try:
        assert "test_extra" in migrated.table_names()
        assert migrated.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION + 1
    finally:
        migrated.close()

    copies = list(busy.path.parent.glob(f"{busy.path.stem}.before-9999_test_extra-*.db"))
    assert len(copies) == 1
    with closing(sqlite3.connect(copies[0])) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert copy.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == sales_before
        tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
        assert "test_extra" not in tables


def test_opening_an_up_to_date_database_makes_no_copy(booth):
    booth.reopen()

    assert sorted(p.name for p in booth.path.parent.glob("*.before-*")) == []
