"""Crash-safety harness: SIGKILL a till in the middle of its work, then prove the books.

    cd /work/main && PYTHONPATH=. python benchmarks/kill_test.py            # the long run
    PYTHONPATH=. python benchmarks/kill_test.py --rounds 1 --random 50     # a quick one

A child process (this script with ``--child``) opens the event database the
way the app does (:func:`boothpos.core.db.connect`: WAL, ``synchronous=FULL``)
and is killed with SIGKILL — no clean-up, no atexit, no rollback — in two ways:

* **at every statement boundary**: for each scenario (the first sale of a fair
  day, which also opens the day; an ordinary sale with a split payment and
  change; a void; a partial refund), the statements the action runs are
  listed with ``sqlite3.Connection.set_trace_callback`` on a copy of the
  database, then for every N = 1 … len + 1 a child runs the same action and
  kills itself (``os.kill(os.getpid(), SIGKILL)``) from the trace callback just
  before statement N — N = len + 1 is right after the action returned;
* **at random moments**: a child rings up sales (now and then a void or a
  refund) in a loop, printing each receipt number once its transaction has
  committed, and the parent kills it after a random delay.

After every kill the parent reopens the file (SQLite recovers the WAL) and
proves: ``boothpos check`` (:func:`boothpos.core.check.run_checks`) passes —
which includes gapless receipt numbers, lines = total, payments − change =
total, stock cache = ledger, foreign keys, integrity; every record is whole
(each sale has its stock moves, audit entry and open fair day; each void and
refund its moves and audit entry; no audit entry without its record); the
action killed at statement N is present exactly when N came after its COMMIT
(whole or absent, nothing between); and no receipt a child reported as
committed is missing.

Exits 1 on the first failure (with the evidence), 0 when every kill was
survived; prints the figures for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from boothpos.core import check, demo, products, returns, users
from boothpos.core import db as dbmod
from boothpos.core.checkout import CartLine, Tender, checkout

ROOT = Path(__file__).resolve().parents[1]
WIB = ZoneInfo("Asia/Jakarta")
FIRST_DAY = date(2024, 2, 28)
SCENARIOS = ("first_sale", "sale", "void", "refund")
EARLIER_SALES = 200

# Records that are not whole: each query lists the offenders (empty = all whole).
WHOLENESS = {
    "sale without its one audit entry": """
        SELECT s.receipt_no FROM sales s LEFT JOIN (SELECT entity_id, COUNT(*) AS n FROM audit
        WHERE action = 'sale.checkout' GROUP BY entity_id) a ON a.entity_id = s.receipt_no
        WHERE s.kind = 'sale' AND COALESCE(a.n, 0) != 1""",
    "sale without a stock move per line": """
        SELECT s.receipt_no FROM sales s WHERE s.kind = 'sale' AND
        (SELECT COUNT(*) FROM sale_lines l WHERE l.sale_id = s.id) !=
        (SELECT COUNT(*) FROM stock_moves m WHERE m.sale_id = s.id AND m.kind = 'sale')""",
    "refund without its one audit entry": """
        SELECT s.receipt_no FROM sales s LEFT JOIN (SELECT entity_id, COUNT(*) AS n FROM audit
        WHERE action = 'sale.refund' GROUP BY entity_id) a ON a.entity_id = s.receipt_no
        WHERE s.kind = 'refund' AND COALESCE(a.n, 0) != 1""",
    "restocked refund without a stock move per line": """
        SELECT s.receipt_no FROM sales s JOIN audit a ON a.action = 'sale.refund'
        AND a.entity_id = s.receipt_no WHERE json_extract(a.detail, '$.restock')
        AND (SELECT COUNT(*) FROM sale_lines l WHERE l.sale_id = s.id) !=
        (SELECT COUNT(*) FROM stock_moves m WHERE m.sale_id = s.id AND m.kind = 'refund')""",
    "void without its audit entry or stock moves": """
        SELECT s.receipt_no FROM voids v JOIN sales s ON s.id = v.sale_id
        LEFT JOIN (SELECT entity_id, COUNT(*) AS n FROM audit WHERE action = 'sale.void'
        GROUP BY entity_id) a ON a.entity_id = s.receipt_no
        LEFT JOIN (SELECT void_id, COUNT(*) AS n FROM stock_moves WHERE void_id IS NOT NULL
        GROUP BY void_id) m ON m.void_id = v.id
        WHERE COALESCE(a.n, 0) != 1
        OR COALESCE(m.n, 0) != (SELECT COUNT(*) FROM sale_lines l WHERE l.sale_id = s.id)""",
    "sale on a fair day nobody opened": """
        SELECT s.receipt_no FROM sales s WHERE NOT EXISTS
        (SELECT 1 FROM day_events d WHERE d.day = s.day AND d.kind = 'open')""",
    "day opened without its audit entry": """
        SELECT d.day FROM day_events d WHERE d.kind = 'open' AND (SELECT COUNT(*) FROM audit a
        WHERE a.action = 'day.open' AND a.entity_id = d.day) != 1""",
    "audit entry of a sale that is not there": """
        SELECT a.entity_id FROM audit a WHERE a.action IN ('sale.checkout', 'sale.refund')
        AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.receipt_no = a.entity_id)""",
    "audit entry of a void that is not there": """
        SELECT a.entity_id FROM audit a WHERE a.action = 'sale.void' AND NOT EXISTS
        (SELECT 1 FROM voids v JOIN sales s ON s.id = v.sale_id
        WHERE s.receipt_no = a.entity_id)""",
    "stock move of a sale that is not there": """
        SELECT m.id FROM stock_moves m WHERE m.sale_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.id = m.sale_id)""",
}


# ------------------------------------------------------------------- actions ---
# Shared by the child (which is killed) and the probe (which lists the statements).


def _moment(day_offset: int, minute: int) -> datetime:
    day = FIRST_DAY + timedelta(days=day_offset)
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=WIB) + timedelta(minutes=minute)


def _staff(db):
    return users.get_user(db, "kasir"), users.get_user(db, "supervisor")


def prepare(db, scenario: str, attempt: int):
    """Untraced set-up; returns the action to trace (a no-argument callable)."""
    kasir, supervisor = _staff(db)
    items = products.list_products(db)
    pick = [items[(attempt * 7 + i * 13) % len(items)] for i in range(3)]
    cart = [CartLine(pick[0].id, 2), CartLine(pick[1].id, 1, 1_000), CartLine(pick[2].id, 1)]
    tenders = [Tender("qris", 50_000), Tender("cash", 100_000_000)]
    if scenario == "first_sale":  # a day of its own: the sale also opens the fair day
        at = _moment(10 + attempt, 0)
        return lambda: checkout(db, cart, tenders, cashier=kasir, at=at)
    at = _moment(1, attempt % 600)  # fair day 2, opened by the earlier sales
    if scenario == "sale":
        return lambda: checkout(db, cart, tenders, cashier=kasir, at=at)
    done = checkout(db, cart, tenders, cashier=kasir, at=at)
    if scenario == "void":
        return lambda: returns.void_sale(
            db, done.receipt_no, requested_by=kasir, supervisor=supervisor, reason="salah scan",
            at=at,
        )  # fmt: skip
    if scenario == "refund":
        return lambda: returns.refund_sale(
            db, done.receipt_no, {1: 1, 2: 1}, cashier=kasir, supervisor=supervisor,
            reason="tidak jadi", at=at,
        )  # fmt: skip
    raise ValueError(scenario)


def probe(db_path: Path, scenario: str, attempt: int, scratch: Path) -> list[str]:
    """The statements the scenario's action runs, on a copy of the database."""
    copy = scratch / "probe.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    with closing(sqlite3.connect(db_path)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    db = dbmod.connect(copy)
    try:
        action = prepare(db, scenario, attempt)
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        action()
        db.conn.set_trace_callback(None)
    finally:
        db.close()
    return statements


# --------------------------------------------------------------------- child ---


def child(spec: dict) -> int:
    db = dbmod.connect(spec["db"])
    if spec["mode"] == "statement":
        action = prepare(db, spec["scenario"], spec["attempt"])
        kill_at = spec["kill_at"]
        count = 0

        def tracer(_sql: str) -> None:
            nonlocal count
            count += 1
            if count == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

        db.conn.set_trace_callback(tracer)
        action()
        db.conn.set_trace_callback(None)
        if count + 1 == kill_at:  # right after the action returned
            os.kill(os.getpid(), signal.SIGKILL)
        print(f"not killed after {count} statements", flush=True)
        return 3
    rng = random.Random(spec["seed"])
    kasir, supervisor = _staff(db)
    items = products.list_products(db)
    at = _moment(2, 0)  # fair day 3
    mine: list[str] = []
    print("ready", flush=True)
    for n in range(1_000_000):
        moment = at + timedelta(seconds=n)
        roll = rng.random()
        if mine and roll < 0.05:
            receipt = mine.pop(rng.randrange(len(mine)))
            returns.void_sale(
                db, receipt, requested_by=kasir, supervisor=supervisor, reason="batal", at=moment
            )
            print(f"V {receipt}", flush=True)
        elif mine and roll < 0.10:
            receipt = mine.pop(rng.randrange(len(mine)))
            done = returns.refund_sale(
                db, receipt, {1: 1}, cashier=kasir, supervisor=supervisor, reason="retur",
                restock=rng.random() < 0.5, at=moment,
            )  # fmt: skip
            print(f"C {done.receipt_no}", flush=True)
        else:
            cart = [
                CartLine(items[rng.randrange(len(items))].id, rng.randint(1, 3))
                for _ in range(rng.randint(1, 4))
            ]
            tenders = [Tender("cash", 100_000_000)] if rng.random() < 0.5 else [Tender("qris")]
            done = checkout(db, cart, tenders, cashier=kasir, at=moment)
            mine.append(done.receipt_no)
            print(f"C {done.receipt_no}", flush=True)
    return 0


# -------------------------------------------------------------------- parent ---


@dataclass
class Tally:
    statement_kills: int = 0
    random_kills: int = 0
    present: int = 0  # killed actions found whole
    absent: int = 0  # killed actions found absent
    reported: int = 0  # receipts children reported committed (random mode)
    lost: int = 0
    sales_checked: int = 0  # sales in the file at the last check
    checks: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def kills(self) -> int:
        return self.statement_kills + self.random_kills


def build_base(path: Path) -> None:
    db = dbmod.connect(path, create=True)
    try:
        demo.build_demo(db)
        kasir, _ = _staff(db)
        items = products.list_products(db)
        rng = random.Random(1)
        for n in range(EARLIER_SALES):
            cart = [CartLine(items[rng.randrange(len(items))].id, rng.randint(1, 3))]
            day = n % 2  # fair days 1 and 2
            checkout(db, cart, [Tender("cash", 100_000_000)], cashier=kasir, at=_moment(day, n))
    finally:
        db.close()


def counts(db_path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db_path)) as conn:
        return {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("sales", "voids", "stock_moves", "audit", "day_events")
        }


def verify(db_path: Path, tally: Tally) -> list[str]:
    """Reopen after a kill: boothpos check + every record whole. Returns the problems."""
    db = dbmod.connect(db_path)
    try:
        report = check.run_checks(db)
        problems = [f.message("en") for f in report.findings]
        for name, sql in WHOLENESS.items():
            rows = db.execute(sql).fetchall()
            if rows:
                problems.append(f"{name}: {[r[0] for r in rows[:5]]}")
        tally.sales_checked = report.counts.get("sales", 0)
        tally.checks += 1
    finally:
        db.close()
    return problems


def run_child(spec: dict, *, timeout: float = 60) -> subprocess.Popen:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(spec)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def statement_round(db_path: Path, scratch: Path, tally: Tally, scenarios, attempt0: int) -> int:
    """Kill each scenario at every statement; returns the next attempt number."""
    attempt = attempt0
    for scenario in scenarios:
        n = 1
        while True:
            statements = probe(db_path, scenario, attempt, scratch)
            if n > len(statements) + 1:
                break
            commit_at = len(statements) - statements[::-1].index("COMMIT")
            expect_present = n > commit_at
            before = counts(db_path)
            spec = {
                "db": str(db_path), "mode": "statement", "scenario": scenario,
                "attempt": attempt, "kill_at": n,
            }  # fmt: skip
            proc = run_child(spec)
            out, err = proc.communicate(timeout=120)
            where = f"{scenario} killed before statement {n}/{len(statements)}"
            if proc.returncode != -signal.SIGKILL:
                tally.failures.append(f"{where}: child exited {proc.returncode}: {out}{err}")
                return attempt
            tally.statement_kills += 1
            after = counts(db_path)
            key = "voids" if scenario == "void" else "sales"
            grew = after[key] - before[key] - (1 if scenario == "refund" else 0)
            if scenario == "refund" and after["sales"] - before["sales"] < 1:
                tally.failures.append(f"{where}: the refund's sale is missing")
            if grew != int(expect_present):
                state = "present" if grew else "absent"
                want = "after" if expect_present else "before"
                tally.failures.append(
                    f"{where} ({want} COMMIT at {commit_at}): the action is {state} ({grew})"
                )
            if grew:
                tally.present += 1
            else:
                tally.absent += 1
            problems = verify(db_path, tally)
            if problems:
                tally.failures.append(f"{where}: " + "; ".join(problems))
            if tally.failures:
                return attempt
            attempt += 1
            n += 1
    return attempt


def random_kills(
    db_path: Path, tally: Tally, n: int, seed: int, max_delay: float, progress: bool = False
) -> None:
    rng = random.Random(seed)
    for i in range(n):
        proc = run_child({"db": str(db_path), "mode": "random", "seed": seed * 100_000 + i})
        assert proc.stdout is not None
        ready = proc.stdout.readline().strip()
        if ready != "ready":
            out, err = proc.communicate(timeout=60)
            tally.failures.append(f"random child {i} did not start: {ready}{out}{err}")
            return
        time.sleep(rng.uniform(0, max_delay))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
        if proc.returncode != -signal.SIGKILL:
            tally.failures.append(f"random child {i} exited {proc.returncode}: {err[-2000:]}")
            return
        tally.random_kills += 1
        committed = [line.split() for line in out.splitlines() if line.strip()]
        tally.reported += len(committed)
        with closing(sqlite3.connect(db_path)) as conn:
            for kind, receipt in committed:
                found = conn.execute(
                    "SELECT COUNT(*) FROM sales WHERE receipt_no = ?"
                    if kind == "C"
                    else "SELECT COUNT(*) FROM voids v JOIN sales s ON s.id = v.sale_id "
                    "WHERE s.receipt_no = ?",
                    (receipt,),
                ).fetchone()[0]
                if found != 1:
                    tally.lost += 1
                    tally.failures.append(f"random kill {i}: reported {kind} {receipt} is lost")
        problems = verify(db_path, tally)
        if problems:
            tally.failures.append(f"random kill {i}: " + "; ".join(problems))
        if tally.failures:
            return
        if progress and (i + 1) % 100 == 0:
            print(f"random: {i + 1} kills, {tally.sales_checked} sales", flush=True)


def run(
    *, rounds: int, random_n: int, scenarios=SCENARIOS, seed: int = 7, max_delay: float = 0.1,
    workdir: Path | None = None, quiet: bool = False,
) -> Tally:  # fmt: skip
    """Build a database, kill children on it, check after every kill. Returns the tally."""
    with tempfile.TemporaryDirectory(prefix="boothpos-kill-", dir=workdir) as tmp:
        scratch = Path(tmp)
        db_path = scratch / "kill.db"
        build_base(db_path)
        tally = Tally()
        attempt = 0
        for r in range(rounds):
            attempt = statement_round(db_path, scratch, tally, scenarios, attempt)
            if not quiet:
                print(f"round {r + 1}: {tally.statement_kills} statement kills", flush=True)
            if tally.failures:
                return tally
        random_kills(db_path, tally, random_n, seed, max_delay, progress=not quiet)
        if not quiet and random_n:
            print(f"random: {tally.random_kills} kills, {tally.reported} reported", flush=True)
        return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=3, help="statement rounds (default 3)")
    parser.add_argument("--random", type=int, default=800, help="random kills (default 800)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-delay", type=float, default=0.1, help="seconds (default 0.1)")
    parser.add_argument("--workdir", type=Path, help="where the scratch database lives")
    args = parser.parse_args(argv)
    if args.child:
        return child(json.loads(args.child))
    if sys.platform == "win32":
        print("kill_test needs POSIX signals (SIGKILL)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    tally = run(
        rounds=args.rounds, random_n=args.random, seed=args.seed, max_delay=args.max_delay,
        workdir=args.workdir,
    )  # fmt: skip
    took = time.perf_counter() - started
    print()
    print(f"kills:                 {tally.kills}")
    print(f"  at statement N:      {tally.statement_kills} ({len(SCENARIOS)} scenarios x "
          f"every statement x {args.rounds} rounds)")  # fmt: skip
    print(f"  at random moments:   {tally.random_kills}")
    print(f"killed actions:        {tally.present} whole, {tally.absent} absent")
    print(f"committed sales/voids reported by killed children: {tally.reported}, "
          f"lost: {tally.lost}")  # fmt: skip
    print(f"checks run:            {tally.checks} (boothpos check + wholeness, after every kill)")
    print(f"sales in the file:     {tally.sales_checked} (all checked after the last kill)")
    print(f"time:                  {took:.0f} s")
    if tally.failures:
        print("\nFAILED:", *tally.failures[:10], sep="\n  ")
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
