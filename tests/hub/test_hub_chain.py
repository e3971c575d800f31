"""Each till's hash chain travels with its records: every till holds every till's chain.

A record made on T2 is linked, on every till, into T2's chain with the very
links T2 wrote (pushed with the records, stored verbatim on pull), so the
chain heads printed on any till's Z report and settlement are the same, and
``boothpos check`` on any till verifies every till's chain.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_hub_sync import fair_time, sell, tills  # noqa: F401  (tills: the fixture)

from boothpos.core import chain, check, returns, stock, users
from boothpos.core import db as dbmod
from boothpos.core.checkout import Tender
from boothpos.hub import records, sync


def boothpos_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "boothpos", "--db", str(path), "check"],
        env={**os.environ, "BOOTHPOS_LANG": "en"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def sync_until_quiet(tills: dict) -> int:  # noqa: F811
    """Sync every till, round after round, until no till pushes or pulls anything."""
    for rounds in range(1, 6):
        results = [sync.sync(database) for database in tills.values()]
        assert all(r.error is None for r in results), [r.error for r in results]
        if all(r.pushed == 0 and r.pulled == 0 for r in results):
            return rounds
    raise AssertionError("the tills never stopped exchanging records")


def heads(database) -> list[tuple[str, int, str]]:
    return [(h.till, h.count, h.hash) for h in chain.heads(database)]


def test_every_till_holds_every_tills_chain_and_check_names_a_pulled_record_altered(
    booth,
    tills,  # noqa: F811  (the fixture)
):
    t1, t2, t3 = tills["T1"], tills["T2"], tills["T3"]
    kopi, kalung = booth.product["kopi"].barcode, booth.product["kalung"].barcode
    sell(t1, [(kopi, 2)])
    t2_sale = sell(t2, [(kopi, 1), (kalung, 1)], pay=[Tender("qris")])
    sell(t3, [(kalung, 2)], pay=[Tender("cash", 600_000)])
    sell(t2, [(kopi, 3)], pay=[Tender("cash", 300_000)])
    with dbmod.write_transaction(t3):
        stock.record_move(
            t3, booth.pid("noken"), "adjustment", -1, at=fair_time(1, 12), day="2024-02-28"
        )
    sync.sync(t2), sync.sync(t1)
    # T1 refunds a sale T2 made, once pulled: the refund is T1's record, in T1's chain
    returns.refund_sale(
        t1,
        t2_sale.receipt_no,
        {1: 1},
        cashier=users.get_user(t1, "kasir"),
        supervisor=users.get_user(t1, "supervisor"),
        reason="rusak",
        at=fair_time(1, 14),
    )
    sync_until_quiet(tills)

    own = {code: heads(database) for code, database in tills.items()}
    # each till's own head, as that till itself holds it
    mine = {code: next(h for h in own[code] if h[0] == code) for code in tills}
    for code, database in tills.items():
        assert heads(database) == [mine["T1"], mine["T2"], mine["T3"]], code
        assert check.run_checks(database).ok, (code, check.run_checks(database).findings)
        # the seal printed on the Z report and the settlement names every till
        assert [line.split(":")[0] for line in chain.head_lines(database)] == [
            "Segel buku T1",
            "Segel buku T2",
            "Segel buku T3",
        ] or [line.split(":")[0] for line in chain.head_lines(database)] == [
            "Book seal T1",
            "Book seal T2",
            "Book seal T3",
        ]
    # T2's sale on T1 is linked into T2's chain, at the seq T2 gave it, with T2's hash
    on_t2 = t2.execute(
        "SELECT seq, hash FROM chain WHERE till_code = 'T2' AND table_name = 'sales' "
        "AND row_key = ?",
        (t2_sale.uuid,),
    ).fetchone()
    on_t1 = t1.execute(
        "SELECT c.seq, c.hash FROM chain c JOIN sales s ON s.id = c.local_id "
        "WHERE c.table_name = 'sales' AND s.uuid = ?",
        (t2_sale.uuid,),
    ).fetchall()
    assert on_t1 == [tuple(on_t2)]
    assert records.parked(t1) == records.parked(t2) == records.parked(t3) == []

    paths = {code: Path(dbmod.database_file(database)) for code, database in tills.items()}
    for database in tills.values():
        database.close()
    for code, path in paths.items():
        result = boothpos_check(path)
        assert result.returncode == 0, (code, result.stdout, result.stderr)

    # someone alters T2's pulled sale on T1's file with the SQLite shell
    trigger = subprocess.run(
        ["sqlite3", str(paths["T1"]), "SELECT sql FROM sqlite_master WHERE name='sales_no_update'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert trigger.startswith("CREATE TRIGGER")
    subprocess.run(
        ["sqlite3", str(paths["T1"])],
        input=(
            "DROP TRIGGER sales_no_update;\n"
            f"UPDATE sales SET time = '2024-02-28T09:00:00+07:00' WHERE uuid = '{t2_sale.uuid}';\n"
            f"{trigger};\n"
        ),
        text=True,
        check=True,
    )

    result = boothpos_check(paths["T1"])
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout + result.stderr
    assert "BOOKS ALTERED" in out and t2_sale.receipt_no in out
    assert f"link {on_t2[0]} of till T2" in out
    assert "Traceback" not in out
    for code in ("T2", "T3"):  # their files are untouched
        assert boothpos_check(paths[code]).returncode == 0
