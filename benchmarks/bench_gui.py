"""Benchmark: the cashier app on a big event database (100,000 products, 100,000 sales).

Measured inside the running app (offscreen Qt, the real main window from
``boothpos.gui.app.build_main_window`` with the cashier signed in):

- scan → cart row visible: from the Enter key event of a scanned code to the
  cart model holding the row and the view repainted (median of 200 scans);
- pay → ready for the next sale: from the Enter that completes an exact-cash
  payment to the sale committed, the cart empty and the focus back on the scan
  field (median of 50 sales), the receipt PDF saved (checked after the timing;
  printing follows on the output service's worker);
- peak memory of the app process after those scans and sales: its own high-water mark
  (``VmHWM``, which ``exec`` resets), not ``ru_maxrss`` (which a child inherits from the
  process it was forked from: a run that first built its database read 349 MB).

And in fresh processes:

- cold start: ``boothpos --db FILE`` (the console script's code: ``launch.main``
  → ``gui.app.run``, the same path as ``boothpos --demo``) from process spawn
  to the sign-in screen ready for the PIN, then the cashier signed in as a
  correct PIN does (``MainWindow.sign_in``, the PIN's scrypt check left out)
  and the sale screen shown with the focus in the scan field; as a ratio to a
  fresh process showing a bare PySide6 window, in the same run (medians of
  alternating runs). Both children run as ``python -c`` with only their own
  few lines, so neither pays for this script; both run from compiled bytecode.

Each figure is printed beside its target. Not a test: exit status 0 whatever
the figures unless ``--strict``.

    cd /work/main && PYTHONPATH=. python benchmarks/bench_gui.py [--strict] [--keep] [--explain]
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Jakarta")
PRODUCTS = 100_000
PARTNERS = 3_000
SALES = 100_000
INTAKE = 60
SEED = 20240228

TARGET_SCAN_MS = 10.0
TARGET_PAY_MS = 100.0
TARGET_COLD_RATIO = 2.0
TARGET_RSS_MB = 300.0

ROOT = Path(__file__).resolve().parent.parent
BUILD_VERSION = "gui-v1"


# --------------------------------------------------------------- database ---


def build_database(path: Path) -> None:
    """An event around today with 100,000 products and 100,000 earlier sales.

    Schema, event and users through core; the bulk rows with raw sqlite3
    ``executemany`` in one transaction. ``products.on_hand`` equals the stock
    ledger (intake minus sold), as ``boothpos check`` requires.
    """
    from boothpos.core import barcodes, checkout, event, users
    from boothpos.core import db as boothdb

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(SEED)
    today = datetime.now(TZ).date()
    first_day = today - timedelta(days=2)
    db = boothdb.connect(path, create=True)
    ev = event.create_event(
        db, name="INACRAFT 2024 (BENCH)", venue="JCC", first_day=first_day, days=5,
        receipt_prefix="INA24",
    )  # fmt: skip
    kasir = users.add_user(db, "kasir", "1111", "attendant", "Kasir Booth")
    users.add_user(db, "admin", "9999", "admin", "Admin Booth")
    db.close()

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("BEGIN")
    setup = datetime.combine(first_day - timedelta(days=1), datetime.min.time(), TZ)
    setup_iso = (setup + timedelta(hours=15)).isoformat(timespec="seconds")
    conn.executemany(
        "INSERT INTO partners (id, code, name, region, created_at) VALUES (?, ?, ?, ?, ?)",
        [
            (i, f"P{i:05d}", f"UMK Binaan {i}", "Indonesia", setup_iso)
            for i in range(1, PARTNERS + 1)
        ],
    )
    prices = [5_000 * rng.randint(2, 200) for _ in range(PRODUCTS)]
    products = [
        (pid, barcodes.internal_code(pid), f"Produk UMK {pid:06d}", (pid - 1) % PARTNERS + 1)
        for pid in range(1, PRODUCTS + 1)
    ]
    conn.executemany(
        "INSERT INTO products (id, barcode, barcode_internal, name, partner_id, category, price, "
        "on_hand, catalog_intake, created_at) VALUES (?, ?, 1, ?, ?, 'Kriya', ?, 0, ?, ?)",
        [(p[0], p[1], p[2], p[3], prices[p[0] - 1], INTAKE, setup_iso) for p in products],
    )
    conn.executemany(
        "INSERT INTO stock_moves (product_id, kind, qty, at, day, user_id) "
        "VALUES (?, 'intake', ?, ?, ?, ?)",
        [(p[0], INTAKE, setup_iso, setup.date().isoformat(), kasir.id) for p in products],
    )
    sold = [0] * (PRODUCTS + 1)
    sale_rows, line_rows, pay_rows, move_rows, audit_rows, day_rows = [], [], [], [], [], []
    days = [first_day + timedelta(days=d) for d in range(3)]  # today is fair day 3
    for d in days:
        opened = datetime.combine(d, datetime.min.time(), TZ) + timedelta(hours=9, minutes=30)
        day_rows.append((d.isoformat(), "open", opened.isoformat(timespec="seconds"), kasir.id))
    for seq in range(1, SALES + 1):
        day = days[(seq - 1) * len(days) // SALES]
        at = datetime.combine(day, datetime.min.time(), TZ) + timedelta(
            hours=10, seconds=(seq % 30_000)
        )
        at_iso = at.isoformat(timespec="seconds")
        picked = rng.sample(range(1, PRODUCTS + 1), rng.choice((1, 1, 2, 3)))
        total = 0
        for line_no, pid in enumerate(picked, start=1):
            barcode, name, partner_id = products[pid - 1][1:]
            price = prices[pid - 1]
            total += price
            sold[pid] += 1
            line_rows.append(
                (seq, line_no, pid, barcode, name, partner_id, f"P{partner_id:05d}",
                 f"UMK Binaan {partner_id}", 1, price, 0, price)
            )  # fmt: skip
            move_rows.append((pid, -1, at_iso, day.isoformat(), kasir.id, seq))
        receipt_no = checkout.receipt_number(ev, day, seq)
        sale_rows.append(
            (seq, str(uuid.UUID(int=rng.getrandbits(128), version=4)), ev.till_code, seq,
             receipt_no, day.isoformat(), at_iso, kasir.id, total, 0)
        )  # fmt: skip
        pay_rows.append((seq, "cash", total, ""))
        audit_rows.append(
            (at_iso, kasir.id, "sale.checkout", "sale", receipt_no, json.dumps({"total": total}))
        )
    conn.executemany(
        "INSERT INTO day_events (day, kind, at, user_id, opening_float) VALUES (?, ?, ?, ?, 0)",
        day_rows,
    )
    conn.executemany(
        "INSERT INTO sales (id, uuid, kind, till_code, seq, receipt_no, day, time, cashier_id, "
        "total, change) VALUES (?, ?, 'sale', ?, ?, ?, ?, ?, ?, ?, ?)",
        sale_rows,
    )
    conn.executemany(
        "INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, partner_id, "
        "partner_code, partner_name, qty, unit_price, discount, line_total) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        line_rows,
    )
    conn.executemany(
        "INSERT INTO payments (sale_id, method, amount, reference) VALUES (?, ?, ?, ?)", pay_rows
    )
    conn.executemany(
        "INSERT INTO stock_moves (product_id, kind, qty, at, day, user_id, sale_id) "
        "VALUES (?, 'sale', ?, ?, ?, ?, ?)",
        move_rows,
    )
    conn.executemany(
        "INSERT INTO audit (at, user_id, action, entity, entity_id, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        audit_rows,
    )
    conn.executemany(
        "UPDATE products SET on_hand = ? WHERE id = ?",
        [(INTAKE - sold[pid], pid) for pid in range(1, PRODUCTS + 1)],
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("ANALYZE")
    conn.close()

    from boothpos.core import stock

    check = boothdb.connect(path)
    mismatches = stock.ledger_mismatches(check)
    counts = check.execute(
        "SELECT (SELECT COUNT(*) FROM products), (SELECT COUNT(*) FROM sales)"
    ).fetchone()
    check.close()
    if mismatches or counts != (PRODUCTS, SALES):
        raise SystemExit(f"bad benchmark database: {counts}, {len(mismatches)} ledger mismatches")


def ensure_database(folder: Path, rebuild: bool) -> Path:
    from boothpos.core.schema import SCHEMA_VERSION

    today = datetime.now(TZ).date().isoformat()
    path = folder / f"bench-{BUILD_VERSION}-schema{SCHEMA_VERSION}-{today}.db"
    if rebuild or not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build_database(path.with_suffix(".tmp"))
        os.replace(path.with_suffix(".tmp"), path)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s")
    return path


# ------------------------------------------------------------ child: app ---


def _app_window(db_path: Path):
    """The real main window with kasir signed in (what ``boothpos`` shows after login)."""
    from PySide6.QtWidgets import QApplication

    from boothpos.core import db as boothdb
    from boothpos.core import users
    from boothpos.gui.app import build_main_window, configure_application
    from boothpos.gui.preferences import Preferences

    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_application(app)
    db = boothdb.connect(db_path)
    window = build_main_window(
        db, db_path, Preferences(language="id", receipt_width=80, printer="pdf"),
        user=users.get_user(db, "kasir"),
    )  # fmt: skip
    window.resize(1280, 760)
    window.show()
    window.activateWindow()
    return app, db, window


def peak_memory_mb() -> float:
    """This process's own peak resident memory (``VmHWM``: reset by exec, unlike
    ``ru_maxrss``, which carries the peak of the process it was forked from)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # no /proc: best we have


def _trace(tag: str) -> None:
    """With BENCH_GUI_TRACE=1: current and peak memory of this process, on stderr."""
    if os.environ.get("BENCH_GUI_TRACE"):
        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
        peak = peak_memory_mb()
        print(f"[trace] {tag}: rss {current:.0f} MB, peak {peak:.0f} MB", file=sys.stderr)


def child_app(db_path: Path, scans: int, pays: int) -> dict:
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtTest import QTest

    _trace("start")
    app, db, window = _app_window(db_path)
    screen = window.sale
    field = screen.scan_field
    _wait(app, field.hasFocus)
    _trace("window shown")
    rng = random.Random(7)
    ids = sorted({rng.randint(1, PRODUCTS) for _ in range(scans + 3 * pays + 50)})
    marks = ",".join("?" * len(ids))
    codes = [r[0] for r in db.execute(f"SELECT barcode FROM products WHERE id IN ({marks})", ids)]
    rng.shuffle(codes)
    model = screen.model
    _trace("codes picked")

    def type_code(code: str) -> None:
        QTest.keyClicks(field, code)

    # warm-up: a few scans and one sale (first PDF render imports reportlab)
    for code in codes[:5]:
        type_code(code)
        QTest.keyClick(field, Qt.Key.Key_Return)
    QTest.keyClick(field, Qt.Key.Key_F12)
    dialog = screen.payment_dialog
    QTest.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    _wait(app, lambda: screen.payment_dialog is None and field.hasFocus())
    window.receipts.work.wait_idle()
    _trace("warm-up sale")

    scan_ms: list[float] = []
    pool = iter(codes[5:])
    for n in range(scans):
        if n % 20 == 0 and model.rowCount():
            screen.controller.clear_cart()
            app.processEvents()
        code = next(pool)
        type_code(code)
        rows_before, qty_before = model.rowCount(), model.item_count()
        started = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        screen.cart_view.viewport().repaint()
        app.processEvents()
        scan_ms.append((time.perf_counter() - started) * 1000)
        assert model.item_count() == qty_before + 1 and model.rowCount() >= rows_before
    screen.controller.clear_cart()
    _trace("scans done")

    pay_ms: list[float] = []
    open_ms: list[float] = []
    folder = window.receipts.folder
    for _ in range(pays):
        for _k in range(3):
            type_code(next(pool))
            QTest.keyClick(field, Qt.Key.Key_Return)
        app.processEvents()
        started = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_F12)
        dialog = screen.payment_dialog
        app.processEvents()
        open_ms.append((time.perf_counter() - started) * 1000)
        with_receipt: list[str] = []
        screen.saleCompleted.connect(with_receipt.append)
        started = time.perf_counter()
        QTest.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
        _wait(app, lambda: screen.payment_dialog is None and field.hasFocus())
        screen.repaint()
        pay_ms.append((time.perf_counter() - started) * 1000)
        screen.saleCompleted.disconnect(with_receipt.append)
        window.receipts.work.wait_idle()  # printing, on the worker
        assert model.rowCount() == 0 and (folder / f"{with_receipt[0]}.pdf").exists()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        _trace(f"sale {len(pay_ms)}")
    window.receipts.work.wait_idle()
    rss_mb = peak_memory_mb()
    sales = db.execute("SELECT COUNT(*) FROM sales").fetchone()[0]
    return {"scan_ms": scan_ms, "pay_ms": pay_ms, "open_ms": open_ms, "rss_mb": rss_mb,
            "sales": sales}  # fmt: skip


# ------------------------------------------------- children: cold starts ---
#
# Timed from spawn by the parent. They run as ``python -c`` with their own source
# (see ``_lean_child``), not as this script, so neither pays for compiling or
# importing the benchmark: each pays only for what it shows.


def _wait(app, condition, timeout: float = 5.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("benchmark: the app did not get ready")
        app.processEvents()


def child_cold(db_path: str) -> None:
    """``boothpos --db DB_PATH`` until the sale screen is ready.

    The app runs its own start-up code unchanged (``launch.main`` → ``gui.app.run``);
    only its event loop is replaced by this probe: once the sign-in screen is up
    with the PIN field focused, the user it offers is signed in the way a
    correct PIN does it (``MainWindow.sign_in``), and the sale screen must be
    shown with the focus in the scan field. Prints ``ready <sign-in> <sale>``
    (epoch seconds), then the moments of ``PHASES`` (for ``--explain``).
    """
    moments = [time.time()]
    # The app's own import order matters (PySide6 inspects the source of every module
    # imported after it), so import what ``boothpos`` imports, in its order: ``launch``,
    # then what ``launch.load_app`` imports to open the app: the Qt-free core first,
    # then ``gui.app``, whose first lines import Qt.
    import importlib

    cli = importlib.import_module("boothpos.launch")
    moments.append(time.time())
    cli.load_core()
    moments.append(time.time())
    QApplication = importlib.import_module("PySide6.QtWidgets").QApplication
    moments.append(time.time())
    cli.load_app()
    moments.append(time.time())

    def ready_probe() -> int:
        moments.append(time.time())
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
        _wait(app, lambda: window.isVisible() and window.login.pin_edit.hasFocus())
        window.login.repaint()
        moments.append(time.time())
        window.sign_in(window.login.selected_user())
        _wait(app, lambda: window.sale.isVisible() and window.sale.scan_field.hasFocus())
        window.sale.repaint()
        moments.append(time.time())
        print(f"ready {moments[-2]!r} {moments[-1]!r}", flush=True)
        print(" ".join(repr(m) for m in moments), flush=True)
        os._exit(0)

    QApplication.exec = staticmethod(ready_probe)
    cli.main(["--db", db_path])
    raise SystemExit("benchmark: the app returned before its event loop")


def child_bare() -> None:
    """A bare PySide6 window: a ``QLabel`` shown and painted."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([sys.argv[0]])
    label = QLabel("hello")
    label.resize(1280, 760)
    label.show()
    _wait(app, label.isVisible)
    app.processEvents()
    label.repaint()
    print(f"ready {time.time()!r} {time.time()!r}", flush=True)
    os._exit(0)


def child_floor(db_path: str) -> None:
    """The fixed stack alone, for context (``--explain``): sqlite-utils opens the database and
    reads one row; a ``QMainWindow`` with a stacked page holding a label, a focused line edit
    and a table view is shown and painted. No boothpos code; what any app on these two
    libraries pays before doing anything of its own."""
    __import__("boothpos.core")  # sqlite-utils' unused date parser deferred, as in the app
    import sqlite_utils
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QApplication,
        QLabel,
        QLineEdit,
        QMainWindow,
        QStackedWidget,
        QTableView,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication([sys.argv[0]])
    db = sqlite_utils.Database(db_path)
    users = db.execute("SELECT COUNT(*) FROM users").fetchone()[0]
    window, stack, page = QMainWindow(), QStackedWidget(), QWidget()
    window.setCentralWidget(stack)
    layout = QVBoxLayout(page)
    edit = QLineEdit()
    layout.addWidget(QLabel(f"{users} users"), 0, Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(edit)
    layout.addWidget(QTableView())
    stack.addWidget(page)
    window.resize(1280, 760)
    window.show()
    edit.setFocus()
    _wait(app, window.isVisible)
    app.processEvents()
    window.repaint()
    print(f"ready {time.time()!r} {time.time()!r}", flush=True)
    os._exit(0)


# What happens between the moments ``child_cold`` prints (after the spawn of the process).
PHASES = (
    "Python up (interpreter, site)",
    "import boothpos.launch (the console entry)",
    "launch.load_core(): the Qt-free core, sqlite-utils (imported before Qt)",
    "import PySide6 (QtCore, QtGui, QtWidgets)",
    "import boothpos.gui.app (first screens' modules; Qt classes and enums they touch)",
    "launch.main -> gui.app.run(): arguments, QApplication, database, window built, shown",
    "-> sign-in screen ready (PIN field focused, painted)",
    "-> signed in, sale screen ready (scan field focused, painted)",
)


def _lean_child(child, *args: str) -> list[str]:
    """The command line running ``child(*args)`` as ``python -c`` with only its own source."""
    code = "\n".join(
        ["import os, sys, time", inspect.getsource(_wait), inspect.getsource(child),
         f"{child.__name__}(*{args!r})"]
    )  # fmt: skip
    return [sys.executable, "-c", code]


# ------------------------------------------------------------------ parent ---


def _child(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False, timeout=600
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"child {command[1:3]} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed, done.stdout


def _start(
    command: list[str], env: dict[str, str], phases: list[list[float]] | None = None
) -> tuple[float, float, float]:
    """A cold-start child: seconds from spawn to its first screen ready and to "ready"
    (wall clock), and the CPU seconds (user + system) the child used. The durations of
    ``PHASES`` are appended to ``phases`` when the child printed its moments."""
    spawned = time.time()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed, out = _child(command, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = out.split("\n")
    first = float(lines[0].split()[1]) - spawned
    if phases is not None and len(lines) > 1 and lines[1].strip():
        moments = [spawned, *map(float, lines[1].split())]
        phases.append([b - a for a, b in zip(moments, moments[1:], strict=False)])
    return first, elapsed, cpu


def explain_phases(phases: list[list[float]]) -> None:
    """Where a cold start's wall time goes, phase by phase (medians of the timed starts)."""
    print("  cold start phases (median ms; the rest of the time is the process exiting):")
    for name, durations in zip(PHASES, zip(*phases, strict=False), strict=False):
        print(f"    {statistics.median(durations) * 1000:7.1f}  {name}")


def explain_floor(db_path: Path, env: dict[str, str], bare: float, starts: int) -> None:
    """How much of the cold-start budget the fixed stack takes before any boothpos code."""
    command = _lean_child(child_floor, str(db_path))
    _start(command, env)
    floor = statistics.median(_start(command, env)[1] for _ in range(starts))
    print(
        f"  floor of the fixed stack (sqlite-utils + a PySide6 main window, no boothpos code): "
        f"{floor / bare:.2f}x ({floor:.2f} s)"
    )


def explain_imports(db_path: Path, env: dict[str, str], top: int = 14) -> None:
    """Where a cold start's import time goes (``python -X importtime``), biggest first."""
    command = _lean_child(child_cold, str(db_path))
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        env=env, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2][1:]  # one space after the bar, then two per nesting level
        depth = (len(name) - len(name.lstrip())) // 2
        rows.append((int(parts[1]), name.strip(), depth))
    print("  cold start imports (cumulative ms, nesting by indent):")
    for cumulative, name, depth in sorted(rows, reverse=True)[:top]:
        print(f"    {cumulative / 1000:7.1f}  {'  ' * depth}{name}")


def _copy(src: Path, dst: Path) -> Path:
    src_conn = sqlite3.connect(src)
    dst_conn = sqlite3.connect(dst)
    src_conn.backup(dst_conn)
    dst_conn.close()
    src_conn.close()
    return dst


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "OVER TARGET"


def run(args: argparse.Namespace) -> int:
    cache = Path(args.db_dir)
    source = ensure_database(cache, args.rebuild)
    work = Path(tempfile.mkdtemp(prefix="bench-gui-", dir=cache))
    # The app finds its data folder as on a booth laptop (platformdirs, no BOOTHPOS_HOME),
    # inside this run's folder.
    env = {k: v for k, v in os.environ.items() if k not in ("BOOTHPOS_HOME", "BOOTHPOS_DB")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(work / "data"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    # An installed boothpos runs from compiled bytecode (pip compiles it); so do the children,
    # from a private cache (the warm-up starts fill it), whatever PYTHONDONTWRITEBYTECODE says.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")

    app_db = _copy(source, work / "app.db")
    script = [sys.executable, str(Path(__file__).resolve()), "--child", "app"]
    _elapsed, out = _child([*script, str(app_db), str(args.scans), str(args.pays)], env)
    figures = json.loads(out.strip().splitlines()[-1])

    cold_db = _copy(source, work / "cold.db")
    for _ in range(2):  # first starts: bytecode compiled, OS caches warm for both
        _start(_lean_child(child_cold, str(cold_db)), env)
        _start(_lean_child(child_bare), env)
    cold, bare, sign_in_screen, cold_cpu, bare_cpu, phases = [], [], [], [], [], []
    for _ in range(args.starts):
        first, ready, cpu = _start(_lean_child(child_cold, str(cold_db)), env, phases)
        sign_in_screen.append(first)
        cold.append(ready)
        cold_cpu.append(cpu)
        _first, ready, cpu = _start(_lean_child(child_bare), env)
        bare.append(ready)
        bare_cpu.append(cpu)

    scan = statistics.median(figures["scan_ms"])
    scan_p90 = sorted(figures["scan_ms"])[int(0.9 * len(figures["scan_ms"]))]
    pay = statistics.median(figures["pay_ms"])
    pay_p90 = sorted(figures["pay_ms"])[int(0.9 * len(figures["pay_ms"]))]
    opened = statistics.median(figures["open_ms"])
    ratio = statistics.median(cold) / statistics.median(bare)
    rss = figures["rss_mb"]
    rows = [
        ("scan -> cart row visible", f"{scan:.2f} ms (p90 {scan_p90:.2f})",
         f"< {TARGET_SCAN_MS:.0f} ms", scan < TARGET_SCAN_MS),
        ("pay (Enter) -> ready, receipt PDF saved", f"{pay:.1f} ms (p90 {pay_p90:.1f})",
         f"< {TARGET_PAY_MS:.0f} ms", pay < TARGET_PAY_MS),
        ("cold start / bare PySide6 window",
         f"{ratio:.2f}x ({statistics.median(cold):.2f} s / {statistics.median(bare):.2f} s)",
         f"<= {TARGET_COLD_RATIO:.0f}x", ratio <= TARGET_COLD_RATIO),
        ("peak memory (VmHWM)", f"{rss:.0f} MB", f"< {TARGET_RSS_MB:.0f} MB",
         rss < TARGET_RSS_MB),
    ]  # fmt: skip
    print(
        f"boothpos GUI benchmark — {PRODUCTS:,} products, {SALES:,} earlier sales; "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs"
    )
    print(
        f"scans: {len(figures['scan_ms'])}, sales: {len(figures['pay_ms'])} "
        f"(F12 -> dialog ready {opened:.1f} ms median), cold starts: {args.starts} each "
        f"(sign-in screen ready after {statistics.median(sign_in_screen):.2f} s median)"
    )
    width = max(len(r[0]) for r in rows)
    for name, value, target, ok in rows:
        print(f"  {name:<{width}}  {value:<32} target {target:<9} {_verdict(ok)}")
    cpu_cold, cpu_bare = statistics.median(cold_cpu), statistics.median(bare_cpu)
    print(
        f"  (cold start CPU time, user + system: {cpu_cold / cpu_bare:.2f}x "
        f"({cpu_cold:.2f} s / {cpu_bare:.2f} s); less disturbed by a busy machine than wall time)"
    )
    if args.explain:
        explain_phases(phases)
        explain_floor(cold_db, env, statistics.median(bare), args.starts)
        explain_imports(cold_db, env)
    if not args.keep:
        for p in sorted(work.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        work.rmdir()
    failed = not all(r[3] for r in rows)
    return 1 if (args.strict and failed) else 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        kind = argv[1]
        if kind == "app":
            result = child_app(Path(argv[2]), int(argv[3]), int(argv[4]))
            print(json.dumps(result), flush=True)
            os._exit(0)
        return 2
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--pays", type=int, default=50)
    parser.add_argument("--starts", type=int, default=5, help="cold starts of each kind")
    parser.add_argument(
        "--db-dir", default=str(Path(tempfile.gettempdir()) / "boothpos-bench"),
        help="where the cached database and the run copies live",
    )  # fmt: skip
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the run copies")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over a target")
    parser.add_argument("--explain", action="store_true", help="where cold-start time goes")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
