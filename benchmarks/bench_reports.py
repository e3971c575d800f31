"""Benchmark: settlement sheets and ``report settlement --json`` on realistic event data.

Two measurements, each printed beside its target (medians of ``--repeat`` runs):

1. **Settlement PDFs** of all 51 demo partners over five fair days with 5,000
   sales: ``reports.settle(db, detail=True)`` then
   ``documents.settlement.render_settlement`` (one PDF, every partner's
   sheet). Target: under 2 s in total.
2. **``report settlement --json``** computation (``reports.settle(db)`` and
   ``json.dumps`` of its ``to_json()``, on a fresh connection) at 1,000, 10,000
   and 100,000 sales. Targets: under 1 s at 100,000 sales, and growing no
   faster than the number of sales (time ratio ≤ sales ratio between sizes).
   The command's wall time (a new Python process) is printed for context.

    cd /work/main && PYTHONPATH=. python benchmarks/bench_reports.py [--strict]

Databases are built once and cached under ``--db-dir``: the 5,000-sale demo
fair through the real core checkout (about a minute), the 1k/10k/100k
databases by ``bench_checkout.build_database`` (raw inserts); every run works
on a copy, to which voids (0.1 %) and refunds (0.2 %, some restocked) are
added through core. Exit status 0 unless ``--strict`` and a target is missed.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_checkout  # noqa: E402  (the 1k/10k/100k databases are its databases)

from boothpos.core import db as boothdb  # noqa: E402
from boothpos.core import demo, reports, returns, stock, users  # noqa: E402
from boothpos.core.db import write_transaction  # noqa: E402
from boothpos.core.demo_sales import simulate_fair  # noqa: E402
from boothpos.core.errors import SaleError  # noqa: E402
from boothpos.core.schema import SCHEMA_VERSION  # noqa: E402
from boothpos.documents.settlement import render_settlement  # noqa: E402

BUILD_VERSION = "reports-v1"
PDF_TARGET_S = 2.0
JSON_TARGET_S = 1.0
DEMO_SALES_PER_DAY = 1_000
TZ = ZoneInfo("Asia/Jakarta")


def _median_s(samples: list[float]) -> float:
    return statistics.median(samples)


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "OVER TARGET"


# ---------------------------------------------------------------- 1. settlement PDFs


def demo_fair_path(db_dir: Path, rebuild: bool) -> Path:
    """The demo event (51 partners, 82 products) with 5 × 1,000 sales through core."""
    path = db_dir / f"bench-{BUILD_VERSION}-schema{SCHEMA_VERSION}-demo-5000sales.db"
    if path.exists() and not rebuild:
        print(f"database: cached {path}")
        return path
    db_dir.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    print(f"database: building the demo fair with 5,000 sales into {path} …", flush=True)
    t0 = time.perf_counter()
    db = boothdb.connect(building, create=True)
    demo.build_demo(db)
    admin = users.get_user(db, "admin")
    at = datetime(2024, 2, 27, 17, 0, tzinfo=TZ)
    ids = [r[0] for r in db.execute("SELECT id FROM products ORDER BY id")]
    with write_transaction(db):  # a second delivery, so the booth never runs dry
        stock.record_moves(db, "intake", [(i, 150) for i in ids], at=at, day="2024-02-27",
                           user_id=admin.id, reason="kiriman kedua")  # fmt: skip
    run = simulate_fair(db, sales_per_day=DEMO_SALES_PER_DAY, close_last_day=True)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    os.replace(building, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    print(
        f"database: {len(run.sales):,} sales, {len(run.voided)} voids, {len(run.refunds)} "
        f"refunds, built in {time.perf_counter() - t0:.1f} s"
    )
    return path


def bench_pdf(path: Path, repeat: int, keep: Path | None) -> bool:
    db = boothdb.connect(path)
    data_s, render_s, total_s = [], [], []
    pdf = b""
    for _ in range(repeat):
        t0 = time.perf_counter()
        settlement = reports.settle(db, detail=True)
        t1 = time.perf_counter()
        pdf = render_settlement(settlement)
        t2 = time.perf_counter()
        data_s.append(t1 - t0)
        render_s.append(t2 - t1)
        total_s.append(t2 - t0)
    pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
    sales_n = db.execute("SELECT COUNT(*) FROM sales WHERE kind = 'sale'").fetchone()[0]
    db.close()
    if keep:
        keep.write_bytes(pdf)
    total = _median_s(total_s)
    print(
        f"\n1. settlement PDFs, {len(settlement.partners)} partners, {sales_n:,} sales, "
        f"{pages} pages, {len(pdf) / 1024:.0f} KiB (median of {repeat})"
    )
    print(f"   figures (settle, detail)   {_median_s(data_s):7.3f} s")
    print(f"   PDF (render_settlement)    {_median_s(render_s):7.3f} s")
    ok = total < PDF_TARGET_S
    print(f"   total                      {total:7.3f} s   target < {PDF_TARGET_S:.1f} s   "
          f"{_verdict(ok)}")  # fmt: skip
    return ok


# ---------------------------------------------------------------- 2. settlement JSON


def add_voids_and_refunds(path: Path, sales: int) -> tuple[int, int]:
    """Through core, on the run copy: voids of day-5 sales and refunds of earlier sales."""
    db = boothdb.connect(path)
    kasir = users.get_user(db, "kasir")
    supervisor = users.get_user(db, "supervisor")
    last_day = db.execute("SELECT MAX(day) FROM sales").fetchone()[0]
    day5 = [r[0] for r in db.execute(
        "SELECT receipt_no FROM sales WHERE day = ? ORDER BY seq", (last_day,))]  # fmt: skip
    earlier = [r[0] for r in db.execute(
        "SELECT receipt_no FROM sales WHERE day < ? ORDER BY seq", (last_day,))]  # fmt: skip
    at = datetime.fromisoformat(f"{last_day}T18:00:00+07:00")
    voids = refunds = 0
    for receipt in day5[:: max(len(day5) // max(sales // 1000, 1), 1)][: max(sales // 1000, 1)]:
        returns.void_sale(db, receipt, requested_by=kasir, supervisor=supervisor,
                          reason="bench", at=at)  # fmt: skip
        voids += 1
    step = max(len(earlier) // max(sales // 500, 1), 1)
    for n, receipt in enumerate(earlier[::step][: max(sales // 500, 1)]):
        try:
            returns.refund_sale(db, receipt, {1: 1}, cashier=kasir, supervisor=supervisor,
                                reason="bench", restock=n % 3 != 0,
                                at=at + timedelta(seconds=n))  # fmt: skip
            refunds += 1
        except SaleError:
            pass
    db.close()
    return voids, refunds


def settlement_json_seconds(path: Path) -> tuple[float, str]:
    db = boothdb.connect(path)
    t0 = time.perf_counter()
    text = json.dumps(reports.settle(db).to_json(), ensure_ascii=False, indent=2)
    elapsed = time.perf_counter() - t0
    db.close()
    return elapsed, text


def bench_json(sizes: list[int], repeat: int, db_dir: Path, rebuild: bool) -> bool:
    results: dict[int, float] = {}
    print("\n2. report settlement --json (median of fresh-connection runs)")
    with tempfile.TemporaryDirectory(dir=db_dir) as tmp:
        for sales in sizes:
            cached = bench_checkout.ensure_database(db_dir, sales, rebuild)
            run_path = bench_checkout._copy(cached, Path(tmp) / f"run-{sales}.db")
            voids, refunds = add_voids_and_refunds(run_path, sales)
            settlement_json_seconds(run_path)  # warm the page cache
            samples = [settlement_json_seconds(run_path)[0] for _ in range(repeat)]
            results[sales] = _median_s(samples)
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "boothpos", "--db", str(run_path), "report",
                 "settlement", "--json"],
                check=True, stdout=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": os.pathsep.join(
                    filter(None, [str(Path(__file__).resolve().parents[1]),
                                  os.environ.get("PYTHONPATH")]))},
            )  # fmt: skip
            wall = time.perf_counter() - t0
            per_sale_us = results[sales] / sales * 1e6
            print(
                f"   {sales:>7,} sales (+{voids} voids, {refunds} refunds): "
                f"{results[sales] * 1000:8.1f} ms  ({per_sale_us:5.2f} µs/sale)   "
                f"command wall time {wall:5.2f} s"
            )
    ok = True
    biggest = max(results)
    if biggest >= 100_000:
        under = results[biggest] < JSON_TARGET_S
        ok &= under
        print(f"   at {biggest:,} sales: {results[biggest]:.3f} s   target < "
              f"{JSON_TARGET_S:.1f} s   {_verdict(under)}")  # fmt: skip
    ordered = sorted(results)
    for small, large in zip(ordered, ordered[1:], strict=False):
        time_ratio = results[large] / results[small]
        sales_ratio = large / small
        linear = time_ratio <= sales_ratio
        ok &= linear
        print(
            f"   {small:,} → {large:,} sales (×{sales_ratio:g}): time ×{time_ratio:.2f}   "
            f"target ≤ ×{sales_ratio:g}   {_verdict(linear)}"
        )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="sales per JSON database")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per figure")
    parser.add_argument(
        "--db-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "boothpos-bench",
        help="where the cached databases live",
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached databases")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--skip-json", action="store_true")
    parser.add_argument("--keep-pdf", type=Path, metavar="FILE", help="write the settlement PDF")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    print(
        f"bench_reports · Python {platform.python_version()} · "
        f"SQLite {__import__('sqlite3').sqlite_version} · {platform.machine()} · "
        f"{os.cpu_count()} CPUs"
    )
    ok = True
    if not args.skip_pdf:
        ok &= bench_pdf(demo_fair_path(args.db_dir, args.rebuild), args.repeat, args.keep_pdf)
    if not args.skip_json:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        ok &= bench_json(sizes, args.repeat, args.db_dir, args.rebuild)
    return 1 if (args.strict and not ok) else 0


if __name__ == "__main__":
    sys.exit(main())
