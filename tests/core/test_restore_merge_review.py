"""Restore + merge under pressure: random fairs, restoring twice, codes switched before.

The property test rings up random sales (several lines, discounts, split
payments with cash change), voids, partial and whole refunds over two fair days
with a day close, takes a backup at a random point, restores it and demands
the replaced file's story back unchanged: every receipt with its number, lines
and payments, the voids, the stock, the day events, the settlement and the day
reports; ``check`` passes and the next receipt number is a new one.

The other tests pin the edge cases of the till code and of a restore that
cannot finish.
"""

from __future__ import annotations

import itertools
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from conftest import CATALOG, fair_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from restore_support import DAY1, DAY2, books

from boothpos.core import backup, check, days, db, merge, reports, returns
from boothpos.core import users as usersmod
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.core.errors import DayClosed, SaleError, StorageError

# --- helpers ---------------------------------------------------------------------------------


def receipts_in(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT receipt_no FROM sales ORDER BY id")]


def till_of(path: Path) -> tuple[str, str | None]:
    with closing(sqlite3.connect(path)) as conn:
        till = conn.execute("SELECT till_code FROM event").fetchone()[0]
        row = conn.execute(
            "SELECT value FROM settings WHERE key = ?", (merge.SETTING_TILL_HISTORY,)
        ).fetchone()
    return till, row[0] if row else None


def ok_check(path: Path) -> None:
    database = db.connect(path)
    try:
        report = check.run_checks(database)
        assert report.ok, [f.message("en") for f in report.findings]
    finally:
        database.close()


def sell_on(path: Path, booth, key: str = "kopi", *, day: int = 2, hour: int = 20) -> str:
    database = db.connect(path)
    try:
        kasir = usersmod.get_user(database, "kasir")
        return checkout(
            database, [CartLine(booth.pid(key))], [Tender("cash")], cashier=kasir,
            at=booth.time(day, hour),
        ).receipt_no  # fmt: skip
    finally:
        database.close()


def close_db(database) -> None:
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()


def make_unreadable(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.write(b"\xa5" * 3 * 4096)


def copy_of(booth, folder: Path, n: int) -> tuple[Path, object]:
    """A fresh database file with the booth's event, users and catalog (one per example)."""
    folder = folder / f"fair-{n}"
    folder.mkdir()
    path = folder / "inacraft-2024.db"
    with closing(sqlite3.connect(path)) as target:
        booth.db.conn.backup(target)
    return path, db.connect(path)


# --- a random fair, a backup at a random point, restored ---------------------------------------

KEYS = sorted(CATALOG)
item = st.tuples(st.sampled_from(KEYS), st.integers(1, 3), st.sampled_from([0, 0, 5, 10, 33]))
sale_op = st.tuples(
    st.just("sale"),
    st.lists(item, min_size=1, max_size=3),
    st.sampled_from(["exact", "cash_round", "split", "qris", "debit"]),
)
void_op = st.tuples(st.just("void"), st.integers(0, 99))
refund_op = st.tuples(
    st.just("refund"),
    st.integers(0, 99),
    st.one_of(st.none(), st.integers(1, 3)),  # None: all that is left; n: one piece of line n
    st.booleans(),  # restock
    st.sampled_from(["cash", "qris", "transfer"]),
)


@st.composite
def fairs(draw):
    ops = draw(
        st.lists(st.one_of(sale_op, sale_op, sale_op, void_op, refund_op), min_size=3, max_size=12)
    )
    close_at = draw(st.integers(0, len(ops)))  # day 1 closes before this operation
    backup_at = draw(st.integers(0, len(ops) + 1))  # the backup is taken before this one
    counted = draw(st.sampled_from([0, 250_000, 1_000_000]))
    return ops, close_at, backup_at, counted


def _tenders(how: str, total: int) -> list[Tender]:
    if how == "exact":
        return [Tender("cash")]
    if how == "cash_round":  # cash above the total: change is given
        return [Tender("cash", -(-total // 50_000) * 50_000 + 50_000)]
    if how == "split":  # part by QRIS, the rest in cash with change
        part = total // 2
        return [Tender("qris", part, "QR-7"), Tender("cash", total - part + 7_000)]
    return [Tender(how, reference="REF")]


def run_fair(booth, database, path: Path, ops, close_at, backup_at, counted) -> Path:
    """Play the operations, closing day 1 and taking the backup on the way; returns the backup.

    Operations before ``close_at`` happen on fair day 1, the others on day 2.
    """
    taken = None
    done = []  # SaleResult of sales (kind sale)
    minutes = itertools.count()
    for i in range(len(ops) + 2):
        if i == backup_at:
            taken = backup.backup(database, backup.local_folder(path), keep=100)
        if i == close_at:
            days.close_day(
                database, DAY1, user=booth.supervisor, counted_cash=counted,
                at=fair_time(1, 21),
            )  # fmt: skip
        if i >= len(ops):
            continue
        day = 1 if i < close_at else 2
        n = next(minutes)
        at = fair_time(day, 10 + n // 60, n % 60)
        op = ops[i]
        try:
            if op[0] == "sale":
                _, items, how = op
                cart, total = [], 0
                for key, qty, pct in items:
                    gross = qty * booth.product[key].price
                    cart.append(CartLine(booth.pid(key), qty, gross * pct // 100))
                    total += gross - gross * pct // 100
                done.append(
                    checkout(database, cart, _tenders(how, total), cashier=booth.kasir, at=at)
                )
            elif op[0] == "void" and done:
                returns.void_sale(
                    database, done[op[1] % len(done)].receipt_no, requested_by=booth.kasir,
                    supervisor=booth.supervisor, reason="salah scan", at=at,
                )  # fmt: skip
            elif op[0] == "refund" and done:
                _, index, line_no, restock, method = op
                returns.refund_sale(
                    database, done[index % len(done)].receipt_no,
                    None if line_no is None else {line_no: 1}, cashier=booth.kasir,
                    supervisor=booth.supervisor, reason="rusak", restock=restock,
                    method=method, at=at,
                )  # fmt: skip
        except (SaleError, DayClosed):
            continue  # refused (other day, already voided or refunded, no such line)
    return taken


examples = itertools.count()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(fair=fairs(), twice=st.booleans())
def test_a_random_fair_restored_from_a_random_backup_comes_back_whole(booth, tmp_path, fair, twice):
    ops, close_at, backup_at, counted = fair
    path, database = copy_of(booth, tmp_path, next(examples))
    try:
        taken = run_fair(booth, database, path, ops, close_at, backup_at, counted)
    finally:
        close_db(database)
    with closing(sqlite3.connect(taken)) as conn:
        in_backup = {r[0] for r in conn.execute("SELECT receipt_no FROM sales")}
    issued = receipts_in(path)
    expected = books(path)

    result = backup.restore(taken, path)

    assert result.merged_receipts == tuple(r for r in issued if r not in in_backup)
    assert result.complete and result.unmerged == () and result.missing_receipts == ()
    assert result.till_code is None and till_of(path) == ("T1", None)
    assert books(path) == expected
    ok_check(path)
    if twice:  # the same backup once more: the same story, nothing doubled
        again = backup.restore(taken, path)
        assert again.merged_receipts == result.merged_receipts
        assert again.merged_voids == result.merged_voids
        assert again.merged_day_events == result.merged_day_events
        assert again.complete and again.till_code is None
        assert books(path) == expected
        ok_check(path)

    following = sell_on(path, booth)
    assert following not in issued
    seq = max((int(r.rsplit("-", 1)[1]) for r in issued), default=0) + 1
    assert following == f"INA24-T1-0229-{seq:05d}"  # gapless: nothing was lost
    ok_check(path)


# --- the same older backup twice in a row ----------------------------------------------------


def test_restoring_the_same_older_backup_twice_gives_the_same_story_and_no_doubles(booth):
    t = booth.time
    first = booth.sell("kopi", at=t(1, 10))
    taken = backup.backup_now(booth.db, booth.path).written[0]
    booth.sell(("noken", 2, 10_000), pay=[Tender("qris", 100_000), Tender("cash", 200_000)],
               at=t(1, 11))  # fmt: skip
    returns.void_sale(
        booth.db, first.receipt_no, requested_by=booth.kasir, supervisor=booth.supervisor,
        reason="salah", at=t(1, 12),
    )  # fmt: skip
    days.close_day(booth.db, DAY1, user=booth.supervisor, counted_cash=0, at=t(1, 21))
    booth.sell("gelang", at=t(2, 10))
    issued = receipts_in(booth.path)
    expected = books(booth.path)
    close_db(booth.db)

    one = backup.restore(taken, booth.path)
    two = backup.restore(taken, booth.path)

    for result in (one, two):
        assert result.complete and result.till_code is None
        assert result.merged_receipts == tuple(issued[1:])
        assert result.merged_voids == (first.receipt_no,)
        assert result.merged_day_events == 2  # day 1 closed, day 2 opened
    assert books(booth.path) == expected
    assert till_of(booth.path) == ("T1", None)
    ok_check(booth.path)
    # a sale between the two restores and a third restore: it comes back too
    between = sell_on(booth.path, booth, hour=12)
    assert between == "INA24-T1-0229-00004" and between not in issued
    three = backup.restore(taken, booth.path)
    assert three.merged_receipts == (*issued[1:], between) and three.complete
    assert sell_on(booth.path, booth, hour=13) == "INA24-T1-0229-00005"
    ok_check(booth.path)


def test_restoring_twice_after_a_till_switch_keeps_the_new_code_and_its_numbers(booth):
    booth.sell("kopi")
    taken = backup.backup_now(booth.db, booth.path).written[0]
    booth.sell("kopi", at=booth.time(1, 11))  # T1-2: on paper, then the file dies
    close_db(booth.db)
    make_unreadable(booth.path)
    assert backup.restore(taken, booth.path).till_code == "T1R1"
    on_new = [sell_on(booth.path, booth, day=1, hour=h) for h in (12, 13)]

    one = backup.restore(taken, booth.path)
    two = backup.restore(taken, booth.path)

    for result in (one, two):
        assert result.merged_receipts == tuple(on_new) and result.complete
        assert result.till_code is None and result.previous_till == "T1R1"
    assert till_of(booth.path) == ("T1R1", "T1")
    assert sell_on(booth.path, booth, day=1, hour=14) == "INA24-T1R1-0228-00003"
    ok_check(booth.path)


# --- a backup taken after a till switch ------------------------------------------------------


def test_a_backup_taken_after_a_switch_restored_onto_the_file_with_the_new_code(booth):
    booth.sell("kopi")
    oldest = backup.backup_now(booth.db, booth.path).written[0]
    lost = booth.sell("kopi", at=booth.time(1, 11)).receipt_no  # T1-2: on paper only
    close_db(booth.db)
    make_unreadable(booth.path)
    switched = backup.restore(oldest, booth.path)
    assert switched.till_code == "T1R1"
    [after_switch] = [  # the backup the restore took at once, under the new code
        b for b in backup.list_backups(backup.local_folder(booth.path)) if b.till == "T1R1"
    ]
    on_new = [sell_on(booth.path, booth, day=1, hour=h) for h in (12, 13, 14)]
    issued = receipts_in(booth.path)
    expected = books(booth.path)

    result = backup.restore(after_switch.path, booth.path)

    assert result.merged_receipts == tuple(on_new) and result.complete
    assert result.till_code is None and result.previous_till == "T1R1"
    assert till_of(booth.path) == ("T1R1", "T1")
    assert books(booth.path) == expected
    ok_check(booth.path)
    following = sell_on(booth.path, booth, day=1, hour=15)
    assert following == "INA24-T1R1-0228-00004"
    assert following not in issued and following != lost

    # the same backup over the file when it cannot be read: a code nobody used, T1 stays retired
    make_unreadable(booth.path)
    again = backup.restore(after_switch.path, booth.path)
    assert again.till_code == "T1R2" and again.previous_till == "T1R1"
    assert till_of(booth.path) == ("T1R2", "T1,T1R1")
    assert sell_on(booth.path, booth, day=1, hour=16) == "INA24-T1R2-0228-00001"
    ok_check(booth.path)


# --- a restore that cannot finish puts the file back -----------------------------------------


@pytest.mark.parametrize("where", ["merge", "till", "connect"])
def test_a_restore_that_fails_after_the_swap_puts_the_replaced_file_back(booth, monkeypatch, where):
    booth.sell("kopi")
    taken = backup.backup_now(booth.db, booth.path).written[0]
    later = booth.sell("noken", at=booth.time(1, 11)).receipt_no
    issued = receipts_in(booth.path)
    expected = books(booth.path)
    close_db(booth.db)

    def refused(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    if where == "merge":  # the disk refuses the merge's writes: re-raised by the restore
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode = 10  # SQLITE_IOERR

        def merge_refused(*args, **kwargs):
            raise error

        monkeypatch.setattr(merge, "merge_previous", merge_refused)
    elif where == "till":
        monkeypatch.setattr(merge, "apply_till", refused)
    else:
        monkeypatch.setattr(db, "connect", refused)

    with pytest.raises((StorageError, sqlite3.OperationalError)):
        backup.restore(taken, booth.path)
    monkeypatch.undo()

    assert receipts_in(booth.path) == issued  # the file in place is the one it was
    assert books(booth.path) == expected
    assert not list(booth.path.parent.glob("*.replaced-*"))
    ok_check(booth.path)
    following = sell_on(booth.path, booth, day=1, hour=15)
    assert following == "INA24-T1-0228-00003" and following != later


# --- a day opened in both files (histories that went apart) ---------------------------------


def test_a_day_opened_in_both_files_keeps_one_open_and_its_float(booth):
    """An older backup restored first, the day opened again, then the right backup restored.

    The day's opening float comes from the backup's open; the replaced file's
    automatic open of the same day must not replace it (nor reopen a closed day).
    """
    t = booth.time
    booth.sell("kopi", at=t(1, 10))
    older = backup.backup_now(booth.db, booth.path).written[0]
    days.open_day(booth.db, DAY2, opening_float=500_000, user_id=booth.supervisor.id, at=t(2, 8))
    booth.sell("noken", at=t(2, 9))
    usb = booth.path.parent / "usb"
    usb.mkdir()
    newer = backup.backup_now(booth.db, booth.path, folders=[usb]).written[0]
    close_db(booth.db)
    make_unreadable(booth.path)
    # the local folder offers only the older backup; the USB stick was not plugged in
    assert backup.restore(older, booth.path).till_code == "T1R1"
    on_new = sell_on(booth.path, booth, "gelang", day=2, hour=10)  # opens day 2 again, float 0

    result = backup.restore(newer, booth.path)

    assert result.merged_receipts == (on_new,)
    with closing(db.connect(booth.path)) as restored:
        opens = restored.execute(
            "SELECT opening_float FROM day_events WHERE day = ? AND kind = 'open'",
            (DAY2.isoformat(),),
        ).fetchall()
        assert opens == [(500_000,)]
        report = reports.day_report(restored, DAY2)
        assert report.cash.opening_float == 500_000
        assert report.cash.expected == 500_000 + 125_000 + 35_000
        days.close_day(restored, DAY2, user=usersmod.get_user(restored, "supervisor"),
                       counted_cash=660_000, at=t(2, 21))  # fmt: skip
        assert days.state(restored, DAY2).status == "closed"
    ok_check(booth.path)
