"""Benchmark: one checkout commit on a database holding 100,000 earlier sales.

Measures ``boothpos.core.checkout.checkout`` (3 lines, QRIS part + cash with
change) as a *ratio* to a bare ``sqlite3`` baseline that writes the same rows
in one ``BEGIN … COMMIT`` with the same pragmas, in the same run, interleaved
with it (machines are noisy; only the ratio is compared with the target).

    cd /work/main && PYTHONPATH=. python benchmarks/bench_checkout.py [--n 200] [--strict]

The earlier-sales database is built once (raw ``sqlite3`` ``executemany``,
a few seconds) and cached under ``--db-dir`` keyed by ``BUILD_VERSION``, the
schema version and the number of sales; every run works on fresh copies of it,
so the cache stays clean. ``--rebuild`` forces a new build.

Exit status 0 whatever the ratio, unless ``--strict`` (then 1 when over target).
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import os
import platform
import pstats
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from boothpos.core import barcodes, checkout, event, users
from boothpos.core import db as boothdb
from boothpos.core.check import run_checks
from boothpos.core.checkout import CartLine, Tender
from boothpos.core.schema import SCHEMA_VERSION

# Bump when the generated data changes shape: the cached database is rebuilt.
BUILD_VERSION = "checkout-v1"
TARGET_RATIO = 3.0

EVENT_NAME = "INACRAFT 2024"
FIRST_DAY = date(2024, 2, 28)
DAYS = 5
TZ = ZoneInfo("Asia/Jakarta")
PARTNERS = 80
PRODUCTS = 1_000
OPENING_FLOAT = 500_000
SEED = 20240228

REGIONS = (
    ("ACH", "Kabupaten Pidie, Aceh"),
    ("MDN", "Kota Medan, Sumatera Utara"),
    ("PDG", "Kota Padang, Sumatera Barat"),
    ("PLM", "Kota Palembang, Sumatera Selatan"),
    ("BDG", "Kota Bandung, Jawa Barat"),
    ("JPR", "Kabupaten Jepara, Jawa Tengah"),
    ("YOG", "Kabupaten Bantul, DI Yogyakarta"),
    ("SBY", "Kota Surabaya, Jawa Timur"),
    ("GNY", "Kabupaten Gianyar, Bali"),
    ("LOM", "Kabupaten Lombok Tengah, NTB"),
    ("SMB", "Kabupaten Sumba Timur, NTT"),
    ("PTK", "Kota Pontianak, Kalimantan Barat"),
    ("MKS", "Kota Makassar, Sulawesi Selatan"),
    ("AMB", "Kota Ambon, Maluku"),
    ("JYP", "Kota Jayapura, Papua"),
)
CATEGORIES = (
    ("Tenun", ("Kain Tenun", "Selendang", "Sarung", "Songket")),
    ("Batik", ("Kain Batik Tulis", "Kemeja Batik", "Batik Cap", "Syal Batik")),
    ("Kuliner", ("Kopi Bubuk 250 gr", "Keripik", "Sambal", "Dodol", "Teh Herbal")),
    ("Kriya", ("Tas Anyaman", "Ukiran Kayu", "Gerabah", "Anyaman Pandan")),
    ("Aksesoris", ("Gelang Perak", "Kalung Mutiara", "Bros", "Anting Etnik")),
)
MOTIFS = ("Merah", "Biru", "Klasik", "Motif Bunga", "Motif Pucuk Rebung", "Premium", "Mini")
PRICES = (
    15_000,
    25_000,
    35_000,
    45_000,
    55_000,
    75_000,
    85_000,
    95_000,
    125_000,
    150_000,
    185_000,
    250_000,
    350_000,
    450_000,
    650_000,
    950_000,
    1_250_000,
)


# ---------------------------------------------------------------- build


def cache_path(db_dir: Path, sales: int) -> Path:
    return db_dir / f"bench-{BUILD_VERSION}-schema{SCHEMA_VERSION}-{sales}sales.db"


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _round_up(amount: int, unit: int) -> int:
    return -(-amount // unit) * unit


def _ean13_indonesia(serial: int) -> str:
    payload = f"899{serial:09d}"
    return payload + str(barcodes.check_digit(payload))


def build_database(path: Path, sales: int) -> None:
    """Create the event database at ``path`` with ``sales`` earlier sales."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(SEED)

    db = boothdb.connect(path, create=True)
    ev = event.create_event(
        db,
        name=EVENT_NAME,
        venue="Jakarta Convention Center (JCC), Jakarta",
        first_day=FIRST_DAY,
        days=DAYS,
        receipt_prefix="INA24",
    )
    kasir = users.add_user(db, "kasir", "1111", "attendant", "Kasir Booth")
    kasir2 = users.add_user(db, "kasir2", "2222", "attendant", "Kasir Dua")
    supervisor = users.add_user(db, "supervisor", "5555", "supervisor", "Supervisor Booth")
    admin = users.add_user(db, "admin", "9999", "admin", "Admin Booth")
    db.close()

    conn = sqlite3.connect(path, isolation_level=None)
    # Bulk load: no fsync, a big cache; WAL is switched back on at the end.
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("BEGIN")
    setup_iso = _iso(
        datetime.combine(FIRST_DAY - timedelta(days=1), datetime.min.time(), TZ)
        + timedelta(hours=15)
    )

    partners = []
    for i in range(PARTNERS):
        code, region = REGIONS[i % len(REGIONS)]
        partners.append(
            (
                i + 1,
                f"{code}{i // len(REGIONS) + 1:03d}",
                f"UMK {region.split(',')[0].split()[-1]} Mandiri {i + 1}",
                region,
            )
        )
    conn.executemany(
        "INSERT INTO partners (id, code, name, region, created_at) VALUES (?, ?, ?, ?, ?)",
        [(*p, setup_iso) for p in partners],
    )

    # products: (id, barcode, name, partner_id, partner_code, partner_name, price, category)
    products = []
    internal_serial = 0
    for pid in range(1, PRODUCTS + 1):
        partner = partners[rng.randrange(PARTNERS)] if pid > PARTNERS else partners[pid - 1]
        category, kinds = CATEGORIES[partner[0] % len(CATEGORIES)]
        name = f"{rng.choice(kinds)} {rng.choice(MOTIFS)} No. {pid}"
        if rng.random() < 0.6:
            barcode = _ean13_indonesia(100_000 + pid)
        else:
            internal_serial += 1
            barcode = barcodes.internal_code(internal_serial)
        products.append(
            (pid, barcode, name, partner[0], partner[1], partner[2], rng.choice(PRICES), category)
        )
    conn.executemany(
        "INSERT INTO products (id, barcode, barcode_internal, name, partner_id, category, price, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (p[0], p[1], int(p[1].startswith("20")), p[2], p[3], p[7], p[6], setup_iso)
            for p in products
        ],
    )

    # Popularity: a few best sellers, a long tail.
    weights = [1.0 / (1 + rank) ** 0.7 for rank in range(PRODUCTS)]
    rng.shuffle(weights)
    cum_weights = list(itertools.accumulate(weights))
    sold = [0] * (PRODUCTS + 1)

    day_counts = [sales // DAYS + (1 if d < sales % DAYS else 0) for d in range(DAYS)]
    seq = 0
    line_id = 0
    move_id = PRODUCTS  # ids 1..PRODUCTS are the intake moves, written last
    z_number = 0
    cashiers = (kasir.id, kasir.id, kasir2.id, supervisor.id)
    for d, count in enumerate(day_counts):
        day = FIRST_DAY + timedelta(days=d)
        iso_day = day.isoformat()
        start = datetime.combine(day, datetime.min.time(), TZ) + timedelta(hours=10)
        span = (7 if d == DAYS - 1 else 11) * 3600  # the last day is still open
        day_rows, sale_rows, line_rows, pay_rows, move_rows, audit_rows = [], [], [], [], [], []
        open_at = _iso(start - timedelta(minutes=30))
        day_rows.append(
            (
                iso_day,
                "open",
                open_at,
                supervisor.id,
                OPENING_FLOAT,
                None,
                None,
                None,
                json.dumps({"automatic": False}),
            )
        )
        audit_rows.append(
            (
                open_at,
                supervisor.id,
                "day.open",
                "day",
                iso_day,
                json.dumps({"automatic": False, "opening_float": OPENING_FLOAT}, sort_keys=True),
            )
        )
        cash_net = 0
        for j in range(count):
            seq += 1
            at = _iso(start + timedelta(seconds=j * span // max(count, 1)))
            cashier = cashiers[seq % len(cashiers)]
            receipt_no = checkout.receipt_number(ev, day, seq)
            sale_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            n_lines = rng.choices((1, 2, 3, 4), weights=(45, 30, 15, 10))[0]
            picked = list(dict.fromkeys(rng.choices(products, cum_weights=cum_weights, k=n_lines)))
            total = 0
            for line_no, p in enumerate(picked, start=1):
                qty = rng.choices((1, 2, 3), weights=(75, 18, 7))[0]
                gross = qty * p[6]
                discount = gross * 10 // 100 // 500 * 500 if rng.random() < 0.1 else 0
                line_total = gross - discount
                total += line_total
                line_id += 1
                move_id += 1
                sold[p[0]] += qty
                line_rows.append(
                    (
                        line_id,
                        seq,
                        line_no,
                        p[0],
                        p[1],
                        p[2],
                        p[3],
                        p[4],
                        p[5],
                        qty,
                        p[6],
                        discount,
                        line_total,
                    )
                )
                move_rows.append((move_id, p[0], "sale", -qty, at, iso_day, cashier, seq))
            r = rng.random()
            if r < 0.50:
                unit = rng.choice((1, 10_000, 50_000, 100_000))
                pays = [("cash", _round_up(total, unit), "")]
            elif r < 0.95:
                method = (
                    "qris"
                    if r < 0.80
                    else "debit"
                    if r < 0.88
                    else "credit"
                    if r < 0.92
                    else "transfer"
                )
                pays = [(method, total, f"{method.upper()}{seq:08d}")]
            else:
                qris = total // 2 // 1000 * 1000
                cash = _round_up(total - qris, 50_000)
                pays = (
                    [("qris", qris, f"QRIS{seq:08d}"), ("cash", cash, "")]
                    if qris
                    else [("cash", cash, "")]
                )
            paid = sum(a for _, a, _ in pays)
            change = paid - total
            cash_net += sum(a for m, a, _ in pays if m == "cash") - change
            pay_rows.extend((seq, m, a, ref) for m, a, ref in pays)
            sale_rows.append(
                (
                    seq,
                    sale_uuid,
                    "sale",
                    ev.till_code,
                    seq,
                    receipt_no,
                    iso_day,
                    at,
                    cashier,
                    total,
                    change,
                )
            )
            audit_rows.append(
                (
                    at,
                    cashier,
                    "sale.checkout",
                    "sale",
                    receipt_no,
                    json.dumps(
                        {"lines": len(picked), "total": total, "uuid": sale_uuid}, sort_keys=True
                    ),
                )
            )
        if d < DAYS - 1:
            z_number += 1
            close_at = _iso(start + timedelta(seconds=span + 1800))
            expected = OPENING_FLOAT + cash_net
            day_rows.append(
                (
                    iso_day,
                    "close",
                    close_at,
                    supervisor.id,
                    None,
                    expected,
                    expected,
                    z_number,
                    "{}",
                )
            )
            audit_rows.append(
                (
                    close_at,
                    supervisor.id,
                    "day.close",
                    "day",
                    iso_day,
                    json.dumps({"z_number": z_number, "counted_cash": expected}, sort_keys=True),
                )
            )
        conn.executemany(
            "INSERT INTO day_events (day, kind, at, user_id, opening_float, counted_cash, "
            "expected_cash, z_number, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            day_rows,
        )
        conn.executemany(
            "INSERT INTO sales (id, uuid, kind, till_code, seq, receipt_no, day, time, "
            "cashier_id, total, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            sale_rows,
        )
        conn.executemany(
            "INSERT INTO sale_lines (id, sale_id, line_no, product_id, barcode, name, partner_id, "
            "partner_code, partner_name, qty, unit_price, discount, line_total) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            line_rows,
        )
        conn.executemany(
            "INSERT INTO payments (sale_id, method, amount, reference) VALUES (?, ?, ?, ?)",
            pay_rows,
        )
        conn.executemany(
            "INSERT INTO stock_moves (id, product_id, kind, qty, at, day, user_id, sale_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            move_rows,
        )
        conn.executemany(
            "INSERT INTO audit (at, user_id, action, entity, entity_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            audit_rows,
        )

    # Intake on set-up day: what was sold plus what is still at the booth.
    intake_rows, product_rows = [], []
    for p in products:
        left = rng.randint(5, 60)
        intake = sold[p[0]] + left
        intake_rows.append(
            (p[0], p[0], "intake", intake, setup_iso, setup_iso[:10], admin.id, "catalog")
        )
        product_rows.append((left, intake, p[0]))
    conn.executemany(
        "INSERT INTO stock_moves (id, product_id, kind, qty, at, day, user_id, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        intake_rows,
    )
    conn.executemany(
        "UPDATE products SET on_hand = ?, catalog_intake = ? WHERE id = ?", product_rows
    )
    conn.execute(
        "INSERT INTO audit (at, user_id, action, entity, entity_id, detail) "
        "VALUES (?, ?, 'catalog.import', 'catalog', 'bench', ?)",
        (setup_iso, admin.id, json.dumps({"products": PRODUCTS, "partners": PARTNERS})),
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    seal(path)


def seal(path: Path) -> None:
    """Link the rows written with raw SQL into the books' hash chain, as boothpos would have."""
    from boothpos.core import chain

    db = boothdb.connect(path)
    with db.atomic():
        chain.seal_all_unlinked(db)
    db.close()


def ensure_database(db_dir: Path, sales: int, rebuild: bool) -> Path:
    """The cached earlier-sales database, built (and checked) when missing."""
    path = cache_path(db_dir, sales)
    wal = Path(f"{path}-wal")
    if path.exists() and not rebuild and not (wal.exists() and wal.stat().st_size > 0):
        print(f"database: cached {path}")
        return path
    db_dir.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    print(f"database: building {sales:,} earlier sales into {path} …", flush=True)
    t0 = time.perf_counter()
    build_database(building, sales)
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    db = boothdb.connect(building)
    report = run_checks(db)
    db.close()
    checked = time.perf_counter() - t0
    counts = ", ".join(f"{k} {v:,}" for k, v in report.counts.items())
    print(
        f"database: built in {built:.1f} s; check {'ok' if report.ok else 'FAILED'} "
        f"in {checked:.1f} s ({counts})"
    )
    if not report.ok:
        for finding in report.findings[:20]:
            print(f"  {finding.message('en')}")
        raise SystemExit("the generated database fails boothpos check; not cached")
    for stale in (wal, Path(f"{path}-shm")):  # never let an old WAL replay onto the new file
        stale.unlink(missing_ok=True)
    os.replace(building, path)
    return path


# ---------------------------------------------------------------- measure


def _copy(src: Path, dst: Path) -> Path:
    """Copy and fsync, so the copy's dirty pages are not flushed by a timed checkpoint."""
    shutil.copyfile(src, dst)
    fd = os.open(dst, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return dst


def _bare_connect(path: Path) -> sqlite3.Connection:
    """A stdlib connection with the pragmas boothpos.core.db.connect applies."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {boothdb.BUSY_TIMEOUT_MS}")
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


class Plan:
    """The carts of the run, and the rows each checkout writes, precomputed."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        ev: event.Event,
        count: int,
        first_seq: int,
        user_id: int,
        seed: int = SEED,
    ):
        catalog = {
            row[0]: row
            for row in conn.execute(
                "SELECT p.id, p.barcode, p.name, pa.id, pa.code, pa.name, p.price "
                "FROM products p JOIN partners pa ON pa.id = p.partner_id ORDER BY p.id"
            )
        }
        ids = list(catalog)
        rng = random.Random(seed)
        # After the last earlier sale of the last (still open) fair day.
        start = datetime.combine(ev.last_day, datetime.min.time(), TZ) + timedelta(hours=17.5)
        step = max(1, min(20, 6 * 3600 // max(count, 1)))
        self.carts: list[tuple[list[CartLine], list[Tender], datetime]] = []
        self.rows: list[tuple] = []
        for k in range(count):
            at = start + timedelta(seconds=min(k * step, 6 * 3600))
            iso, iso_day = _iso(at), at.date().isoformat()
            cart, lines, moves, on_hand, total = [], [], [], [], 0
            for line_no, pid in enumerate(rng.sample(ids, 3), start=1):
                _, barcode, name, partner_id, partner_code, partner_name, price = catalog[pid]
                qty = rng.choice((1, 1, 2))
                gross = qty * price
                discount = gross * 5 // 100 // 500 * 500 if line_no == 1 else 0
                cart.append(CartLine(pid, qty, discount))
                total += gross - discount
                lines.append(
                    (
                        line_no,
                        pid,
                        barcode,
                        name,
                        partner_id,
                        partner_code,
                        partner_name,
                        qty,
                        price,
                        discount,
                        gross - discount,
                    )
                )
                moves.append((pid, -qty, iso, iso_day, user_id))
                on_hand.append((-qty, pid))
            qris = total // 2 // 1000 * 1000
            cash = (total - qris) // 50_000 * 50_000 + 50_000  # always some change
            change = qris + cash - total
            self.carts.append((cart, [Tender("qris", qris), Tender("cash", cash)], at))

            seq = first_seq + k
            receipt_no = checkout.receipt_number(ev, at.date(), seq)
            sale_uuid = str(uuid.uuid4())
            detail = json.dumps({"lines": 3, "total": total, "uuid": sale_uuid}, sort_keys=True)
            self.rows.append(
                (
                    (
                        sale_uuid,
                        ev.till_code,
                        seq,
                        receipt_no,
                        iso_day,
                        iso,
                        user_id,
                        total,
                        change,
                    ),
                    lines,
                    [("qris", qris, ""), ("cash", cash, "")],
                    moves,
                    on_hand,
                    (iso, user_id, receipt_no, detail),
                )
            )


SALE_SQL = (
    "INSERT INTO sales (uuid, kind, till_code, seq, receipt_no, day, time, cashier_id, total, "
    "change) VALUES (?, 'sale', ?, ?, ?, ?, ?, ?, ?, ?)"
)
LINE_SQL = (
    "INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, partner_id, "
    "partner_code, partner_name, qty, unit_price, discount, line_total) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
PAYMENT_SQL = "INSERT INTO payments (sale_id, method, amount, reference) VALUES (?, ?, ?, ?)"
MOVE_SQL = (
    "INSERT INTO stock_moves (product_id, kind, qty, at, day, user_id, sale_id, void_id, reason) "
    "VALUES (?, 'sale', ?, ?, ?, ?, ?, NULL, '')"
)
ON_HAND_SQL = "UPDATE products SET on_hand = on_hand + ? WHERE id = ?"
AUDIT_SQL = (
    "INSERT INTO audit (at, user_id, action, entity, entity_id, detail) "
    "VALUES (?, ?, 'sale.checkout', 'sale', ?, ?)"
)


def baseline_sale(conn: sqlite3.Connection, rows: tuple) -> tuple[int, int]:
    """Write one precomputed sale in one transaction; return (total ns, COMMIT ns)."""
    sale, lines, pays, moves, on_hand, audit_row = rows
    t0 = time.perf_counter_ns()
    conn.execute("BEGIN")
    sale_id = conn.execute(SALE_SQL, sale).lastrowid
    conn.executemany(LINE_SQL, [(sale_id, *line) for line in lines])
    conn.executemany(PAYMENT_SQL, [(sale_id, *p) for p in pays])
    conn.executemany(MOVE_SQL, [(*m, sale_id) for m in moves])
    conn.executemany(ON_HAND_SQL, on_hand)
    conn.execute(AUDIT_SQL, audit_row)
    t1 = time.perf_counter_ns()
    conn.execute("COMMIT")
    t2 = time.perf_counter_ns()
    return t2 - t0, t2 - t1


def bare_commit(conn: sqlite3.Connection, k: int) -> int:
    """One single-row transaction: what a durable COMMIT (WAL fsync) costs by itself."""
    t0 = time.perf_counter_ns()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO t (k) VALUES (?)", (k,))
    conn.execute("COMMIT")
    return time.perf_counter_ns() - t0


def _new_rows(conn: sqlite3.Connection, first_seq: int, last_audit: int) -> list:
    """What the run wrote, without the per-sale uuid, to prove both sides wrote the same."""
    queries = (
        (
            "SELECT seq, receipt_no, day, time, cashier_id, total, change FROM sales "
            "WHERE seq >= ? ORDER BY seq",
            (first_seq,),
        ),
        (
            "SELECT s.seq, l.line_no, l.product_id, l.barcode, l.name, l.partner_id, "
            "l.partner_code, l.partner_name, l.qty, l.unit_price, l.discount, l.line_total "
            "FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.seq >= ? ORDER BY l.id",
            (first_seq,),
        ),
        (
            "SELECT s.seq, p.method, p.amount, p.reference FROM payments p "
            "JOIN sales s ON s.id = p.sale_id WHERE s.seq >= ? ORDER BY p.id",
            (first_seq,),
        ),
        (
            "SELECT s.seq, m.product_id, m.kind, m.qty, m.at, m.day, m.user_id, m.void_id, "
            "m.reason FROM stock_moves m JOIN sales s ON s.id = m.sale_id WHERE s.seq >= ? "
            "ORDER BY m.id",
            (first_seq,),
        ),
        (
            "SELECT at, user_id, action, entity, entity_id, json_remove(detail, '$.uuid') "
            "FROM audit WHERE id > ? ORDER BY id",
            (last_audit,),
        ),
        ("SELECT COUNT(*) FROM day_events", ()),
        ("SELECT id, on_hand FROM products ORDER BY id", ()),
    )
    return [conn.execute(sql, params).fetchall() for sql, params in queries]


def _ms(ns: float) -> str:
    return f"{ns / 1e6:8.2f} ms"


def _pct(values: list[int], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def run(args: argparse.Namespace) -> int:
    db_dir = Path(args.db_dir) if args.db_dir else Path(tempfile.gettempdir()) / "boothpos-bench"
    cached = ensure_database(db_dir, args.sales, args.rebuild)
    if args.build_only:
        return 0

    work = Path(tempfile.mkdtemp(prefix="run-", dir=db_dir))
    try:
        co_path = _copy(cached, work / "checkout.db")
        bl_path = _copy(cached, work / "baseline.db")
        db = boothdb.connect(co_path)
        cashier = users.get_user(db, "kasir")
        bare = _bare_connect(bl_path)
        scratch = _bare_connect(work / "commit.db")
        scratch.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL)")

        ev = event.get_event(db)
        first_seq = bare.execute("SELECT MAX(seq) + 1 FROM sales").fetchone()[0]
        last_audit = bare.execute("SELECT MAX(id) FROM audit").fetchone()[0]
        total_runs = args.warmup + args.n
        plan = Plan(bare, ev, total_runs, first_seq, cashier.id)

        co_ns, bl_ns, bl_commit_ns, commit_ns = [], [], [], []
        for k in range(total_runs):
            cart, tenders, at = plan.carts[k]

            def do_checkout(cart=cart, tenders=tenders, at=at) -> int:
                t0 = time.perf_counter_ns()
                checkout.checkout(db, cart, tenders, cashier=cashier, at=at)
                return time.perf_counter_ns() - t0

            if k % 2 == 0:  # ABAB…: alternate who goes first
                b, bc = baseline_sale(bare, plan.rows[k])
                c = do_checkout()
            else:
                c = do_checkout()
                b, bc = baseline_sale(bare, plan.rows[k])
            f = bare_commit(scratch, k)
            if k >= args.warmup:
                co_ns.append(c)
                bl_ns.append(b)
                bl_commit_ns.append(bc)
                commit_ns.append(f)

        same = _new_rows(db.conn, first_seq, last_audit) == _new_rows(bare, first_seq, last_audit)
        profile_text = ""
        if args.profile:
            profile_text = _profile(db, ev, cashier, bare, first_seq + total_runs, args.n)
        db.close()
        bare.close()
        scratch.close()

        checks = []
        if not args.no_check:
            seal(bl_path)  # bare sqlite3 writes no chain links; the same rows, linked after
            for label, path in (("checkout copy", co_path), ("baseline copy", bl_path)):
                conn = boothdb.connect(path)
                checks.append((label, run_checks(conn).ok))
                conn.close()
    finally:
        if args.keep:
            print(f"kept run databases in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    med_co = _pct(co_ns, 0.5)
    med_bl = _pct(bl_ns, 0.5)
    ratio = med_co / med_bl
    passed = ratio <= TARGET_RATIO
    size = cached.stat().st_size / 1e6
    print()
    print(f"boothpos checkout benchmark — {datetime.now():%Y-%m-%d %H:%M}, {_machine()}")
    print(
        f"database: {args.sales:,} earlier sales, {PRODUCTS:,} products, {PARTNERS} partners, "
        f"{size:.1f} MB, WAL + synchronous=FULL + foreign_keys, in {db_dir}"
    )
    print(
        f"run: {args.n} checkouts of 3 lines, QRIS + cash with change "
        f"({args.warmup} warm-up each, not counted), interleaved with the baseline"
    )
    print()
    print(f"{'':38}{'median':>11}{'p90':>11}{'min':>11}")
    table = (
        ("checkout.checkout()", co_ns),
        ("bare sqlite3, same rows, 1 transaction", bl_ns),
        ("  of which its COMMIT", bl_commit_ns),
        ("bare 1-row COMMIT (fsync context)", commit_ns),
    )
    for label, values in table:
        print(
            f"{label:38}{_ms(_pct(values, 0.5)):>11}{_ms(_pct(values, 0.9)):>11}"
            f"{_ms(min(values)):>11}"
        )
    print()
    print(
        f"checkout overhead over the bare write: {(med_co - med_bl) / 1e6:.2f} ms per sale; "
        f"a durable commit alone costs {_pct(commit_ns, 0.5) / 1e6:.2f} ms"
    )
    print(f"baseline wrote the same rows as checkout (uuids aside): {'yes' if same else 'NO'}")
    for label, ok in checks:
        print(f"boothpos check on the {label} after the run: {'ok' if ok else 'FAILED'}")
    verdict = "PASS" if passed else f"OVER TARGET by {ratio / TARGET_RATIO:.2f}×"
    print(
        f"ratio (median checkout / median bare sqlite3): {ratio:.2f}×  "
        f"target ≤ {TARGET_RATIO:g}×  {verdict}"
    )
    if profile_text:
        print()
        print(profile_text)
    if not same or not all(ok for _, ok in checks):
        return 1
    return 1 if args.strict and not passed else 0


def _profile(db, ev, cashier, bare: sqlite3.Connection, first_seq: int, count: int) -> str:
    """cProfile ``count`` further checkouts (outside the timed loop)."""
    plan = Plan(bare, ev, count, first_seq, cashier.id, seed=SEED + 1)
    profiler = cProfile.Profile()
    for cart, tenders, at in plan.carts:
        profiler.enable()
        checkout.checkout(db, cart, tenders, cashier=cashier, at=at)
        profiler.disable()
    out = _Capture()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(18)
    return f"cProfile of {count} more checkouts (sorted by own time):\n" + out.text()


class _Capture:
    def __init__(self):
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def text(self) -> str:
        return "".join(self.parts).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Checkout commit on a 100,000-sale database, as a ratio to bare sqlite3."
    )
    parser.add_argument("--n", type=int, default=200, help="timed checkouts (default 200)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed first iterations")
    parser.add_argument("--sales", type=int, default=100_000, help="earlier sales in the database")
    parser.add_argument(
        "--db-dir",
        help="where the cached database and run copies live (default: $TMPDIR/boothpos-bench)",
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    parser.add_argument("--build-only", action="store_true", help="build/check the cache, stop")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over the target")
    parser.add_argument(
        "--profile", action="store_true", help="also cProfile --n further checkouts (not timed)"
    )
    parser.add_argument(
        "--no-check", action="store_true", help="skip 'boothpos check' on the run copies afterwards"
    )
    parser.add_argument("--keep", action="store_true", help="keep the run's database copies")
    args = parser.parse_args(argv)
    if args.n < 1 or args.warmup < 0 or args.sales < 1:
        parser.error("--n and --sales must be at least 1, --warmup at least 0")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
