"""Restoring an older backup: later sales come back, and no receipt number is issued twice.

Real files throughout: sales (with a void, refunds and a new fair day) are made
after a backup, the backup is restored, and the replaced file's records must be
back with their own receipt numbers, the stock ledger intact and the next
receipt number a new one. A replaced file that cannot be read, or records that
cannot be brought back, switch the till code instead of reusing numbers.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from restore_support import DAY1, books

from boothpos.core import audit, backup, check, days, db, event, merge, reports, returns
from boothpos.core import stock as stockmod
from boothpos.core import users as usersmod
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.core.errors import DayClosed

# --- helpers ---------------------------------------------------------------------------------


def receipts_in(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT receipt_no FROM sales ORDER BY id")]


def sell_on(path: Path, booth, key: str = "kopi", *, day: int = 2, hour: int = 15) -> str:
    """A sale on a fresh connection to ``path`` (the restored file); its receipt number."""
    database = db.connect(path)
    try:
        kasir = usersmod.get_user(database, "kasir")
        result = checkout(
            database,
            [CartLine(booth.pid(key))],
            [Tender("cash")],
            cashier=kasir,
            at=booth.time(day, hour),
        )
        return result.receipt_no
    finally:
        database.close()


def ok_check(path: Path) -> None:
    database = db.connect(path)
    try:
        report = check.run_checks(database)
        assert report.ok, [f.message("en") for f in report.findings]
    finally:
        database.close()


def close_db(booth) -> None:
    booth.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    booth.db.close()


def make_unreadable(path: Path) -> None:
    """Overwrite the file's first pages, header included: SQLite cannot read it at all."""
    with path.open("r+b") as fh:
        fh.write(b"\xa5" * 3 * 4096)


def add_product_after_backup(booth) -> tuple[int, str]:
    """A new partner and product with an intake, as a catalog import after the backup would."""
    created = booth.time(1, 9).isoformat()
    with booth.db.atomic():
        partner = booth.db.execute(
            "INSERT INTO partners (code, name, region, created_at) VALUES (?, ?, ?, ?)",
            ("BTK01", "Batik Pekalongan", "Pekalongan, Jawa Tengah", created),
        ).lastrowid
        product = booth.db.execute(
            "INSERT INTO products (barcode, name, partner_id, price, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            ("2000000000046", "Kain Batik Tulis", partner, 300_000, created),
        ).lastrowid
        stockmod.record_move(
            booth.db,
            product,
            "intake",
            4,
            at=booth.time(1, 9),
            day=DAY1.isoformat(),
            user_id=booth.admin.id,
        )
    return product, "2000000000046"


# --- everything comes back -------------------------------------------------------------------


def test_sales_voids_refunds_and_a_new_day_after_the_backup_come_back_with_their_numbers(booth):
    t = booth.time
    before = [booth.sell("kopi", at=t(1, 10, m)) for m in range(3)]
    taken = backup.backup_now(booth.db, booth.path).written[0]

    # after the backup: a split payment with a discount, a void (of a new and of an old sale),
    # a partial refund of an old sale, the day close, a new fair day with a sale and a refund
    split = booth.sell(
        ("noken", 2, 10_000),
        "gelang",
        pay=[Tender("qris", 100_000, "QR-1"), Tender("cash", 200_000)],
        at=t(1, 11),
    )
    voided = booth.sell("kalung", at=t(1, 12))
    for receipt, minute in ((voided.receipt_no, 5), (before[1].receipt_no, 6)):
        returns.void_sale(
            booth.db,
            receipt,
            requested_by=booth.kasir,
            supervisor=booth.supervisor,
            reason="salah scan",
            at=t(1, 12, minute),
        )
    refund_old = returns.refund_sale(
        booth.db,
        before[0].receipt_no,
        {1: 1},
        cashier=booth.kasir,
        supervisor=booth.supervisor,
        reason="kemasan rusak",
        at=t(1, 13),
    )
    days.close_day(booth.db, DAY1, user=booth.supervisor, counted_cash=400_000, at=t(1, 21))
    day2 = booth.sell("kopi", ("tenun", 1), at=t(2, 10))
    refund_new = returns.refund_sale(
        booth.db,
        split.receipt_no,
        {1: 1},
        cashier=booth.kasir,
        supervisor=booth.supervisor,
        reason="tidak jadi",
        restock=False,
        method="qris",
        at=t(2, 11),
    )
    issued = receipts_in(booth.path)
    expected = books(booth.path)
    close_db(booth)

    result = backup.restore(taken, booth.path, user_id=booth.admin.id)

    later = (split, voided, refund_old, day2, refund_new)
    assert result.merged_receipts == tuple(r.receipt_no for r in later)
    assert result.merged_voids == (voided.receipt_no, before[1].receipt_no)
    assert result.merged_day_events == 2  # day 1 closed, day 2 opened
    assert result.missing_receipts == () and result.unmerged == ()
    assert result.stock_moves_not_merged == {}
    assert result.till_code is None and result.complete
    assert books(booth.path) == expected  # same sales, numbers, voids, stock, days, reports
    ok_check(booth.path)

    restored = db.connect(booth.path)
    try:
        [entry] = audit.entries(restored, action="restore.merge")
        assert entry["user"] == "admin" and entry["detail"]["merged"] == 5
        assert entry["detail"]["voids"] == list(result.merged_voids)
        assert entry["detail"]["till"] == {
            "backup": "T1",
            "replaced": "T1",
            "now": "T1",
            "switched": False,
        }
        [restore_entry] = audit.entries(restored, action="db.restore")
        assert restore_entry["detail"]["merged"] == 5
        assert restore_entry["detail"]["missing_receipts"] == 0
        # merging again brings nothing twice (matched by UUID and natural keys)
        with closing(sqlite3.connect(result.replaced)) as conn:
            again = merge.read_previous(conn)
        with db.write_transaction(restored):
            assert not merge.merge_previous(restored, again).anything
        kasir = usersmod.get_user(restored, "kasir")
        with pytest.raises(DayClosed):  # the close made after the backup is back
            checkout(restored, [CartLine(booth.pid("kopi"))], [], cashier=kasir, at=t(1, 22))
    finally:
        restored.close()

    following = sell_on(booth.path, booth)
    assert following == "INA24-T1-0229-00009" and following not in issued
    ok_check(booth.path)


def test_a_restore_where_nothing_is_missing_changes_nothing_extra(booth):
    booth.sell("kopi")
    booth.sell("noken", at=booth.time(1, 11))
    taken = backup.backup_now(booth.db, booth.path).written[0]
    close_db(booth)
    backups_before = sorted(p.name for p in backup.local_folder(booth.path).iterdir())
    with closing(sqlite3.connect(taken)) as conn:
        counts = {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("sales", "sale_lines", "payments", "voids", "stock_moves", "day_events")
        }
        settings = conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
        audits = conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]

    result = backup.restore(taken, booth.path)

    assert result.merged_receipts == () and result.merged_voids == ()
    assert result.merged_day_events == 0 and result.unmerged == ()
    assert result.missing_receipts == () and result.till_code is None
    assert result.warnings == () and result.complete
    with closing(sqlite3.connect(booth.path)) as conn:
        for table, n in counts.items():
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == n, table
        assert conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall() == settings
        actions = [r[0] for r in conn.execute("SELECT action FROM audit WHERE id > ?", (audits,))]
        assert actions == ["db.restore"]  # no restore.merge, no setting change
        assert conn.execute("SELECT till_code FROM event").fetchone()[0] == "T1"
    assert sorted(p.name for p in backup.local_folder(booth.path).iterdir()) == backups_before


# --- never reuse a number --------------------------------------------------------------------


@pytest.mark.parametrize("how", ["header", "pages", "truncated"])
def test_an_unreadable_replaced_file_still_restores_and_the_next_number_is_new(booth, how):
    kept = [booth.sell("kopi", at=booth.time(1, 10, m)).receipt_no for m in range(2)]
    taken = backup.backup_now(booth.db, booth.path).written[0]
    later = [booth.sell("noken", at=booth.time(1, 11, m)).receipt_no for m in range(3)]
    close_db(booth)
    if how == "header":
        make_unreadable(booth.path)
    elif how == "pages":
        with booth.path.open("r+b") as fh:
            fh.seek(4096 * 3)
            fh.write(b"\x00\xff" * 4096)
    else:
        with booth.path.open("r+b") as fh:
            fh.truncate(booth.path.stat().st_size // 2)

    result = backup.restore(taken, booth.path, user_id=booth.admin.id)

    assert result.replaced is not None and result.replaced.exists()
    assert result.till_code == "T1R1" and result.previous_till == "T1"
    assert not result.complete
    if how == "header":
        assert result.missing_receipts is None
    assert set(receipts_in(booth.path)) >= set(kept)
    ok_check(booth.path)
    following = sell_on(booth.path, booth, day=1, hour=15)
    assert following == "INA24-T1R1-0228-00001"
    assert following not in kept + later
    ok_check(booth.path)

    restored = db.connect(booth.path)
    try:
        assert event.get_setting(restored, merge.SETTING_TILL_HISTORY) == "T1"
        [entry] = audit.entries(restored, action="restore.merge")
        assert entry["detail"]["till"] == {
            "backup": "T1",
            "replaced": None,
            "now": "T1R1",
            "switched": True,
        }
        if how == "header":
            assert entry["detail"]["previous"] == "unreadable"
    finally:
        restored.close()
    # a backup under the new code was taken at once; the older ones still count as this till's
    newest = backup.newest_good_backup(booth.path)
    assert newest is not None and newest.till == "T1R1"
    newest.path.unlink()
    assert backup.newest_good_backup(booth.path).path == taken


def test_a_retired_till_code_never_comes_back_with_a_later_restore(booth):
    booth.sell("kopi")
    taken = backup.backup_now(booth.db, booth.path).written[0]
    lost = booth.sell("kopi", at=booth.time(1, 11)).receipt_no  # on paper, then the file dies
    close_db(booth)
    make_unreadable(booth.path)
    assert backup.restore(taken, booth.path).till_code == "T1R1"
    on_new_till = [sell_on(booth.path, booth, day=1, hour=h) for h in (12, 13)]
    assert on_new_till == ["INA24-T1R1-0228-00001", "INA24-T1R1-0228-00002"]

    # the same old backup again, the replaced file readable: its T1R1 sales come back, and the
    # till stays T1R1 (the backup's own code T1 may have numbers on paper beyond it)
    again = backup.restore(taken, booth.path)

    assert again.merged_receipts == tuple(on_new_till)
    assert again.missing_receipts == () and again.complete
    assert again.till_code is None and again.previous_till == "T1R1"  # unchanged for the till
    following = sell_on(booth.path, booth, day=1, hour=14)
    assert following == "INA24-T1R1-0228-00003" and following != lost
    ok_check(booth.path)

    # and once more with the file unreadable: a code nobody used (T1R1 is named by a backup)
    make_unreadable(booth.path)
    third = backup.restore(taken, booth.path)
    assert third.till_code == "T1R2"
    assert sell_on(booth.path, booth, day=1, hour=15) == "INA24-T1R2-0228-00001"


def test_restoring_a_newer_backup_over_a_file_of_a_retired_till_keeps_it_retired(booth):
    booth.sell("kopi")
    oldest = backup.backup_now(booth.db, booth.path).written[0]
    lost = booth.sell("kopi", at=booth.time(1, 11)).receipt_no  # T1-2: on paper only
    close_db(booth)
    make_unreadable(booth.path)
    backup.restore(oldest, booth.path)  # T1 retired, now T1R1
    sell_on(booth.path, booth, day=1, hour=12)
    with closing(db.connect(booth.path)) as database:
        newer = backup.backup_now(database, booth.path).written[0]
    # the database file is replaced by the oldest backup behind the app's back (an older app,
    # a file copied by hand): it sells as T1 again, and the newer backup is restored over it
    booth.path.write_bytes(oldest.read_bytes())

    result = backup.restore(newer, booth.path)

    assert result.till_code == "T1R1" and result.previous_till == "T1"
    following = sell_on(booth.path, booth, day=1, hour=15)
    assert following == "INA24-T1R1-0228-00002" and following != lost


def test_what_cannot_be_brought_back_is_named_and_its_number_never_reused(booth):
    booth.sell("kopi")
    taken = backup.backup_now(booth.db, booth.path).written[0]
    batik_id, batik_code = add_product_after_backup(booth)
    newbie = usersmod.add_user(booth.db, "kasir2", "2222", "attendant")
    merged = booth.sell("noken", at=booth.time(1, 10, 30))
    by_newbie = booth.sell("gelang", at=booth.time(1, 10, 45), cashier=newbie)  # she comes back
    novel = checkout(
        booth.db,
        [CartLine(batik_id)],
        [Tender("cash")],
        cashier=booth.kasir,
        at=booth.time(1, 11),
    )
    refund = returns.refund_sale(
        booth.db,
        novel.receipt_no,
        cashier=booth.kasir,
        supervisor=booth.supervisor,
        reason="ukuran",
        at=booth.time(1, 12),
    )
    issued = receipts_in(booth.path)
    close_db(booth)

    result = backup.restore(taken, booth.path)

    assert result.merged_receipts == (merged.receipt_no, by_newbie.receipt_no)
    assert result.users_added == ("kasir2",)
    assert result.missing_receipts == (novel.receipt_no, refund.receipt_no)
    reasons = {u.receipt_no: u.describe("en") for u in result.unmerged}
    assert reasons[novel.receipt_no] == (
        f"{novel.receipt_no} (sale): product {batik_code} (Kain Batik Tulis) is not in the backup"
    )
    assert f"belongs to receipt {novel.receipt_no}" in reasons[refund.receipt_no]
    assert "(refund)" in reasons[refund.receipt_no]
    assert "mengacu ke struk" in result.unmerged[1].describe("id")
    assert result.stock_moves_not_merged == {"intake": 1}  # the new product's intake
    assert not result.complete
    # the last numbers of T1 are on paper but not in the file: the till moves on to T1R1
    assert result.till_code == "T1R1"
    ok_check(booth.path)  # T1 is gapless up to the merged sales; stock equals its ledger
    following = sell_on(booth.path, booth, day=1, hour=15)
    assert following == "INA24-T1R1-0228-00001" and following not in issued

    restored = db.connect(booth.path)
    try:
        [entry] = audit.entries(restored, action="restore.merge")
        assert entry["detail"]["merged"] == 2 and entry["detail"]["users_added"] == ["kasir2"]
        assert [u["receipt_no"] for u in entry["detail"]["unmerged"]] == list(
            result.missing_receipts
        )
        assert entry["detail"]["stock_moves_not_merged"] == {"intake": 1}
    finally:
        restored.close()


# --- the users the merged records need -------------------------------------------------------


def user_row(path: Path, username: str) -> tuple | None:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT username, display_name, role, pin_hash, active, created_at FROM users "
            "WHERE username = ?",
            (username,),
        ).fetchone()


def test_a_void_by_a_supervisor_added_after_the_backup_comes_back_and_the_net_is_right(booth):
    t = booth.time
    booth.sell("kopi", at=t(1, 10))
    taken = backup.backup_now(booth.db, booth.path).written[0]
    boss = usersmod.add_user(booth.db, "spv2", "7777", "supervisor", "Ibu Sari", by=booth.admin)
    voided = booth.sell("noken", at=t(1, 11))
    returns.void_sale(
        booth.db, voided.receipt_no, requested_by=booth.kasir, supervisor=boss,
        reason="salah scan", at=t(1, 11, 5),
    )  # fmt: skip
    kept = booth.sell("gelang", at=t(1, 12))
    net = reports.day_report(booth.db, DAY1).net
    expected = books(booth.path)
    spv2 = user_row(booth.path, "spv2")
    close_db(booth)

    result = backup.restore(taken, booth.path, user_id=booth.admin.id)

    assert result.merged_receipts == (voided.receipt_no, kept.receipt_no)
    assert result.merged_voids == (voided.receipt_no,)  # the void came back with its sale
    assert result.users_added == ("spv2",)
    assert result.complete and result.unmerged == () and result.till_code is None
    assert user_row(booth.path, "spv2") == spv2  # the same user: role, name, PIN hash, active
    assert books(booth.path) == expected  # voids, stock, reports, settlement
    ok_check(booth.path)
    restored = db.connect(booth.path)
    try:
        assert reports.day_report(restored, DAY1).net == net == 85_000 + 35_000
        [entry] = audit.entries(restored, action="restore.merge")
        assert entry["detail"]["users_added"] == ["spv2"]
        [void] = restored.execute(
            "SELECT u.username FROM voids v JOIN users u ON u.id = v.approved_by"
        ).fetchall()
        assert void == ("spv2",)
    finally:
        restored.close()


def test_a_cashier_added_mid_fair_comes_back_with_her_sales_and_signs_in_with_her_pin(booth):
    t = booth.time
    booth.sell("kopi", at=t(1, 10))
    taken = backup.backup_now(booth.db, booth.path).written[0]
    dewi = usersmod.add_user(booth.db, "dewi", "2468", "attendant", "Dewi", by=booth.admin)
    usersmod.set_pin(booth.db, "kasir", "4321", by=booth.admin)  # a user the backup has
    hers = [
        booth.sell(key, at=t(1, 11, m), cashier=dewi).receipt_no
        for m, key in enumerate(("gelang", "noken", "kopi"))
    ]
    returns.refund_sale(
        booth.db, hers[1], cashier=dewi, supervisor=booth.supervisor, reason="ukuran",
        at=t(1, 12),
    )  # fmt: skip
    issued = receipts_in(booth.path)
    expected = books(booth.path)
    close_db(booth)

    result = backup.restore(taken, booth.path)

    assert result.merged_receipts == tuple(issued[1:])  # her sales and her refund
    assert result.users_added == ("dewi",)
    assert result.complete and result.till_code is None
    assert books(booth.path) == expected
    ok_check(booth.path)
    restored = db.connect(booth.path)
    try:
        signed_in = usersmod.authenticate(restored, "dewi", "2468")
        assert (signed_in.display_name, signed_in.role) == ("Dewi", "attendant")
        # a user the backup has is never overwritten: kasir keeps the backup's PIN
        assert usersmod.authenticate(restored, "kasir", "1111").username == "kasir"
        following = checkout(
            restored, [CartLine(booth.pid("kopi"))], [Tender("cash")], cashier=signed_in,
            at=t(1, 15),
        ).receipt_no  # fmt: skip
    finally:
        restored.close()
    assert following == "INA24-T1-0228-00006" and following not in issued
    ok_check(booth.path)


def test_a_gap_in_the_middle_is_reported_by_check_and_the_numbering_goes_on_above_it(booth):
    booth.sell("kopi")
    taken = backup.backup_now(booth.db, booth.path).written[0]
    batik_id, _ = add_product_after_backup(booth)
    lost = checkout(
        booth.db, [CartLine(batik_id)], [Tender("cash")], cashier=booth.kasir,
        at=booth.time(1, 11),
    )  # fmt: skip
    last = booth.sell("kopi", at=booth.time(1, 12))
    close_db(booth)

    result = backup.restore(taken, booth.path)

    assert result.merged_receipts == (last.receipt_no,)
    assert result.missing_receipts == (lost.receipt_no,)
    assert result.till_code is None  # the highest number issued is in the file again
    following = sell_on(booth.path, booth, day=1, hour=15)
    assert following == "INA24-T1-0228-00004"
    restored = db.connect(booth.path)
    try:
        report = check.run_checks(restored)
        # the one finding is the truth: receipt 2 was issued and is not in the database
        assert [f.message("en") for f in report.findings] == [
            "receipts of till T1: number 2 is missing (found 3)"
        ]
    finally:
        restored.close()


def test_a_merge_that_fails_as_a_whole_does_not_fail_the_restore(booth, monkeypatch):
    booth.sell("kopi")
    taken = backup.backup_now(booth.db, booth.path).written[0]
    later = booth.sell("kopi", at=booth.time(1, 11)).receipt_no
    close_db(booth)

    def broken(database, previous):
        database.execute("INSERT INTO audit (at, action) VALUES ('x', 'half-done')")
        raise RuntimeError("boom")

    monkeypatch.setattr(merge, "merge_previous", broken)
    result = backup.restore(taken, booth.path)

    assert result.missing_receipts == (later,)
    [item] = result.unmerged
    assert item.describe("en") == f"{later} (sale): it could not be copied (boom)"
    assert result.till_code == "T1R1"  # its number is on paper: never issued again
    with closing(sqlite3.connect(booth.path)) as conn:  # the half-done merge was rolled back
        half = conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'half-done'")
        assert half.fetchone()[0] == 0
    ok_check(booth.path)
    assert sell_on(booth.path, booth, day=1, hour=15) == "INA24-T1R1-0228-00001"


@pytest.mark.parametrize("current", ["missing", "empty", "receipt named"])
def test_a_restore_onto_a_new_laptop_switches_the_till_code(booth, tmp_path, current):
    """The laptop that died may have issued numbers after the backup: none is issued again."""
    kept = booth.sell("kopi").receipt_no
    taken = backup.backup_now(booth.db, booth.path).written[0]
    lost = booth.sell("kopi", at=booth.time(1, 11)).receipt_no  # on paper; then the laptop dies
    fresh = tmp_path / "laptop2" / "inacraft-2024.db"
    fresh.parent.mkdir()
    if current == "empty":
        fresh.touch()
    if current == "receipt named":  # a receipt PDF copied over with the event's folder
        receipts = fresh.with_name(fresh.stem + "-files") / "receipts"
        receipts.mkdir(parents=True)
        (receipts / "INA24-T1R1-0228-00001.pdf").write_bytes(b"%PDF")
    till = "T1R2" if current == "receipt named" else "T1R1"

    result = backup.restore(taken, fresh, user_id=booth.admin.id)

    assert (result.replaced is None) == (current != "empty")
    assert result.till_code == till and result.previous_till == "T1"
    assert result.missing_receipts == () and result.merged_receipts == ()
    assert receipts_in(fresh) == [kept]
    ok_check(fresh)
    following = sell_on(fresh, booth, day=1, hour=15)
    assert following == f"INA24-{till}-0228-00001" and following not in (kept, lost)
    ok_check(fresh)
    restored = db.connect(fresh)
    try:
        assert event.get_setting(restored, merge.SETTING_TILL_HISTORY) == "T1"
        [entry] = audit.entries(restored, action="restore.merge")
        assert entry["user"] == "admin"
        assert entry["detail"]["previous"] == "none"  # no file to read: planned as unreadable
        assert entry["detail"]["till"] == {
            "backup": "T1",
            "replaced": None,
            "now": till,
            "switched": True,
        }
    finally:
        restored.close()
    newest = backup.newest_good_backup(fresh)  # the new code is named in its folder at once
    assert newest is not None and newest.till == till


def test_a_new_till_code_skips_codes_named_by_backups_and_saved_receipts(booth):
    booth.sell("kopi")
    taken = backup.backup_now(booth.db, booth.path).written[0]
    receipts = booth.path.with_name(booth.path.stem + "-files") / "receipts"
    receipts.mkdir(parents=True)
    (receipts / "INA24-T1R1-0228-00001.pdf").write_bytes(b"%PDF")  # from a file long lost
    (receipts / "INA24-T1R2-0228-00001-reprint-1.pdf").write_bytes(b"%PDF")
    close_db(booth)
    make_unreadable(booth.path)

    assert backup.restore(taken, booth.path).till_code == "T1R3"


def test_next_till_code_stays_within_eight_characters():
    assert merge.next_till_code("T1", {"T1"}) == "T1R1"
    assert merge.next_till_code("T1", {"T1", "T1R1", "T1R4"}) == "T1R5"
    assert merge.next_till_code("KASIR123", {"KASIR123"}) == "KASIR1R1"
    nine = {"KASIR123", *(f"KASIR1R{n}" for n in range(1, 10))}
    assert merge.next_till_code("KASIR123", nine) == "KASIRR10"


def test_a_sale_screen_holding_the_old_event_still_numbers_under_the_new_till(booth):
    stale = event.get_event(booth.db)  # what a screen opened before the restore holds
    booth.sell("kopi")
    taken = backup.backup_now(booth.db, booth.path).written[0]
    close_db(booth)
    make_unreadable(booth.path)
    backup.restore(taken, booth.path)

    restored = db.connect(booth.path)
    try:
        kasir = usersmod.get_user(restored, "kasir")
        result = checkout(
            restored, [CartLine(booth.pid("kopi"))], [], cashier=kasir, at=booth.time(1, 15),
            event=stale,
        )  # fmt: skip
    finally:
        restored.close()
    assert result.receipt_no == "INA24-T1R1-0228-00001"


def test_a_damaged_but_readable_file_gives_back_what_it_can_and_switches_the_till(booth):
    booth.sell("kopi")
    taken = backup.backup_now(booth.db, booth.path).written[0]
    later = booth.sell("noken", at=booth.time(1, 11)).receipt_no
    for n in range(30):  # an audit index over more than one page
        event.set_setting(booth.db, f"note{n}", "x" * 200)
    close_db(booth)
    with closing(sqlite3.connect(booth.path)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit_action'")
        page = root.fetchone()[0]
    with booth.path.open("r+b") as fh:  # an index the merge does not read: quick_check fails
        fh.seek((page - 1) * 4096)
        fh.write(b"\xee" * 4096)

    result = backup.restore(taken, booth.path)

    assert result.previous_damaged and not result.complete
    assert result.merged_receipts == (later,) and result.missing_receipts == ()
    assert result.till_code == "T1R1"  # what could be read may not be all it issued
    ok_check(booth.path)
    assert sell_on(booth.path, booth, day=1, hour=15) == "INA24-T1R1-0228-00001"
