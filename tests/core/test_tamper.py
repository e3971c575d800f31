"""Tampering with SQLite's own power makes ``check`` fail, naming what was done.

Each attack is the one a hostile tester ran against the file with the SQLite
shell: drop the append-only triggers, change the rows, re-create the triggers
exactly as they were (so the schema looks untouched), or edit the schema
itself through ``PRAGMA writable_schema``.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from boothpos.core import chain, check, days, db, returns, schema, tamper
from boothpos.core.checkout import Tender


@pytest.fixture
def books(booth):
    booth.sell(("kopi", 2), "kalung", pay=[Tender("qris", 200_000), Tender("cash")])
    booth.sell(("tenun", 1), ("noken", 1), pay=[Tender("cash", 600_000)])
    mistake = booth.sell(("gelang", 1), at=booth.time(1, 14))
    returns.void_sale(
        booth.db,
        mistake.receipt_no,
        requested_by=booth.kasir,
        supervisor=booth.supervisor,
        reason="salah scan",
        at=booth.time(1, 14, 1),
    )
    days.close_day(booth.db, booth.time(1).date(), counted_cash=1_190_000, user=booth.supervisor)
    booth.sell(("kopi", 1), at=booth.time(2, 11))
    return booth


def shell(booth, *statements: str, params: tuple = ()) -> None:
    """What an attacker does with the sqlite3 shell: guards off, change, guards back on."""
    with closing(sqlite3.connect(booth.path)) as conn:
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            conn.execute(statement, params if "?" in statement else ())
        for _, sql in triggers:
            conn.execute(sql)
        conn.commit()


def findings(booth) -> list[tuple[object, str]]:
    fresh = booth.reopen()
    return [(f.msg, f.message("en")) for f in check.run_checks(fresh).findings]


def kinds(found) -> set:
    return {msg for msg, _ in found}


def receipts(booth) -> list[str]:
    return [r[0] for r in booth.reopen().execute("SELECT receipt_no FROM sales ORDER BY id")]


def test_untouched_books_pass_and_every_record_has_a_link(books):
    fresh = books.reopen()
    assert check.run_checks(fresh).ok
    linked = fresh.execute("SELECT COUNT(*) FROM chain").fetchone()[0]
    appended = sum(fresh.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in chain.CHAINED)
    assert linked == appended > 0
    (head,) = chain.heads(fresh)
    assert (head.till, head.count) == ("T1", linked)


def test_a_consistent_skim_of_line_total_and_cash_is_caught(books):
    receipt = receipts(books)[1]  # tenun + noken, cash 600,000
    shell(
        books,
        "UPDATE sale_lines SET unit_price = unit_price - 100000, line_total = line_total - 100000 "
        "WHERE line_no = 1 AND sale_id = (SELECT id FROM sales WHERE receipt_no = ?)",
        "UPDATE sales SET total = total - 100000 WHERE receipt_no = ?",
        "UPDATE payments SET amount = amount - 100000 "
        "WHERE sale_id = (SELECT id FROM sales WHERE receipt_no = ?)",
        params=(receipt,),
    )
    found = findings(books)
    # the books still add up: only the chain sees it
    assert kinds(found) == {tamper.CHANGED}
    texts = " | ".join(t for _, t in found)
    assert f"receipt {receipt}" in texts
    assert f"line 1 of {receipt}" in texts
    assert f"cash payment of {receipt}" in texts
    assert "BOOKS ALTERED" in texts


def test_deleting_the_last_receipt_is_caught_and_named(books):
    last = receipts(books)[-1]
    where = "(SELECT id FROM sales WHERE receipt_no = ?)"
    shell(
        books,
        f"DELETE FROM stock_moves WHERE sale_id = {where}",
        f"DELETE FROM payments WHERE sale_id = {where}",
        f"DELETE FROM sale_lines WHERE sale_id = {where}",
        "DELETE FROM sales WHERE receipt_no = ?",
        params=(last,),
    )
    found = findings(books)
    assert tamper.REMOVED in kinds(found)
    assert tamper.AUDIT_ORPHAN in kinds(found)
    texts = [t for _, t in found]
    assert any(f"RECORD DELETED outside boothpos: receipt {last}" in t for t in texts)
    assert any("sale.checkout" in t and last in t for t in texts)


def test_moving_a_line_to_another_partner_is_caught(books):
    receipt = receipts(books)[0]
    shell(
        books,
        "UPDATE sale_lines SET partner_id = (SELECT id FROM partners WHERE code = 'NTT01'), "
        "partner_code = 'NTT01', partner_name = 'Tenun Ikat Sikka' "
        "WHERE line_no = 1 AND sale_id = (SELECT id FROM sales WHERE receipt_no = ?)",
        params=(receipt,),
    )
    found = findings(books)
    assert kinds(found) == {tamper.CHANGED}
    assert f"line 1 of {receipt}" in found[0][1]


def test_changing_cash_to_qris_is_caught(books):
    receipt = receipts(books)[-1]  # exact cash, no change
    shell(
        books,
        "UPDATE payments SET method = 'qris' "
        "WHERE sale_id = (SELECT id FROM sales WHERE receipt_no = ?)",
        params=(receipt,),
    )
    found = findings(books)
    assert kinds(found) == {tamper.CHANGED}
    assert receipt in found[0][1]


def test_re_dating_a_sale_is_caught(books):
    receipt = receipts(books)[0]
    shell(
        books,
        "UPDATE sales SET day = '2024-02-29', time = '2024-02-29T10:00:00+07:00' "
        "WHERE receipt_no = ?",
        params=(receipt,),
    )
    found = findings(books)
    assert kinds(found) == {tamper.CHANGED}
    assert f"receipt {receipt}" in found[0][1]


def test_deleting_every_fair_day_record_is_caught(books):
    shell(books, "DELETE FROM day_events")
    found = findings(books)
    assert tamper.REMOVED in kinds(found)
    assert tamper.AUDIT_ORPHAN in kinds(found)
    texts = " | ".join(t for _, t in found)
    assert "fair day 2024-02-28 close" in texts
    assert "day.close" in texts


def test_do_nothing_guards_of_the_same_name_are_caught(books):
    with closing(sqlite3.connect(books.path)) as conn:
        for table in schema.APPEND_ONLY:
            for what in ("update", "delete"):
                name = f"{table}_no_{what}"
                conn.execute(f"DROP TRIGGER {name}")
                conn.execute(
                    f"CREATE TRIGGER {name} BEFORE {what.upper()} ON {table} BEGIN SELECT 1; END"
                )
        conn.commit()
    found = findings(books)
    assert kinds(found) == {tamper.SCHEMA_DIFFERENT}
    assert any("trigger 'sales_no_delete' differs" in t for _, t in found)


def test_a_guard_disarmed_through_writable_schema_is_caught(books):
    with closing(sqlite3.connect(books.path)) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'RAISE(ABORT', 'nullif(1') "
            "WHERE type = 'trigger' AND name = 'sales_no_update'"
        )
        conn.execute("PRAGMA writable_schema = OFF")
        conn.commit()
    found = findings(books)
    assert tamper.SCHEMA_DIFFERENT in kinds(found)
    assert any("sales_no_update" in t for _, t in found)


def test_an_extra_trigger_is_caught(books):
    with closing(sqlite3.connect(books.path)) as conn:
        conn.execute(
            "CREATE TRIGGER steal AFTER INSERT ON sales "
            "BEGIN UPDATE partners SET bank_details = 'ATTACKER'; END"
        )
        conn.commit()
    found = findings(books)
    assert kinds(found) == {tamper.SCHEMA_EXTRA}
    assert "trigger 'steal' was not made by boothpos" in found[0][1]


def test_a_sale_added_with_the_shell_is_caught(books):
    shell(
        books,
        "INSERT INTO payments (sale_id, method, amount) "
        "SELECT id, 'cash', 0 FROM sales ORDER BY id LIMIT 1",
    )
    found = findings(books)
    assert kinds(found) == {tamper.UNLINKED}
    assert "RECORD ADDED outside boothpos" in found[0][1]


def test_a_removed_seal_breaks_the_chain(books):
    shell(books, "DELETE FROM chain WHERE seq = 3")
    found = findings(books)
    assert tamper.BROKEN in kinds(found)
    assert "broken at link 4" in " ".join(t for _, t in found)


def test_the_chain_head_moves_with_every_record_and_a_rebuilt_chain_differs(books):
    before = chain.heads(books.reopen())[0]
    books.sell(("kopi", 1), at=books.time(2, 12))
    after = chain.heads(books.reopen())[0]
    assert after.count > before.count and after.hash != before.hash
    # an attacker who rebuilds the whole chain after a change gets a head of its own
    receipt = receipts(books)[1]
    shell(books, "UPDATE sales SET reason = 'x' WHERE receipt_no = ?", params=(receipt,))
    shell(books, "DELETE FROM chain")
    with closing(sqlite3.connect(books.path)) as conn:
        fake = db.chain.ChainedDatabase(conn)
        chain.seal_all_unlinked(fake)
        conn.commit()
    rebuilt = chain.heads(books.reopen())[0]
    assert rebuilt.count == after.count
    assert rebuilt.hash != after.hash  # the signed paper's head no longer matches


def test_an_old_database_gets_its_chain_when_migrated(tmp_path, booth):
    # a schema-1 file as the previous release left it, with a sale in it
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    booth.db.conn.backup(conn)
    conn.execute("DROP TABLE chain")
    conn.execute("ALTER TABLE audit DROP COLUMN actor")
    for what in ("update", "delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS chain_no_{what}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_chain'")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    booth.sell(("kopi", 1))  # (the fixture's own file is not the one migrated)

    migrated = db.connect(old)
    report = check.run_checks(migrated)
    assert report.ok, [f.message("en") for f in report.findings]
    assert migrated.execute("SELECT COUNT(*) FROM chain").fetchone()[0] > 0
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert list(tmp_path.glob("old.before-0002_chain-*.db"))  # copied aside first
