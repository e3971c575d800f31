"""The real app with neighbours, SIGKILLed at random: nothing the screen called saved is lost.

    PYTHONPATH=. python benchmarks/kill_app.py                 # the long run (500 kills)
    PYTHONPATH=. python benchmarks/kill_app.py --kills 5       # a quick one (CI runs this size)

Issue 11: the first kill test only killed lone command-line processes. A booth
runs the *app* (several connections: the start-up background check opens a
second one; the receipt worker; backups) with ordinary commands beside it. So
here, each round:

* a child process runs the real cashier app (``boothpos.gui.app.run``, the
  path ``boothpos --db FILE`` takes: instance lock, background integrity
  check, sign-in, sale screen; offscreen) and rings up sales by key presses:
  the PIN + Enter, a code + Enter, ``F12``, Enter on the payment dialog.
  Each time the app reports a sale completed (its receipt PDF is saved: what
  the cashier was told), the child appends ``receipt_no uuid`` to a log and
  fsyncs it. An audit hook in the child records any Python-level ``open`` of
  the database, its -wal or -shm (none may happen: see ``core.db``);
* meanwhile a neighbour thread of this script runs, every few hundred
  milliseconds, the read-only commands the README says run beside the app:
  ``export sales``, ``report settlement``, ``report day``, ``partner view``,
  ``check`` and ``backup`` — each a separate ``boothpos`` process;
* after a random delay the child is SIGKILLed (a power cut).

After every kill, from a fresh connection: every logged sale is in the books
with the same uuid (lost = 0; a receipt number issued to another sale would
show as reused), ``boothpos check`` passes — which also proves that no
receipt PDF in ``<db>-files/receipts`` names a sale the books lack — and the
child opened no database file outside SQLite. The next round starts the app
again on the same file, so a lost -wal would also show as a reused number.

Exits 1 on the first failure (with the evidence), 0 otherwise; prints the
figures for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARTNER_PIN = "246810"

# ------------------------------------------------------------------------ child ---


def child(db_path: Path, log_path: Path, seed: int) -> None:
    """Run the real app and ring up sales with key presses until killed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - kept open until the kill

    def note(line: str) -> None:
        log.write(line + "\n")
        log.flush()
        os.fsync(log.fileno())

    watched = {str(db_path) + s for s in ("", "-wal", "-shm")}
    watched |= {os.path.realpath(n) for n in watched}

    def hook(event: str, args: tuple) -> None:
        if event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
            name = os.fsdecode(args[0])
            if name in watched or os.path.realpath(name) in watched:
                note(f"OPEN {name}")

    sys.addaudithook(hook)

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from boothpos.gui import app as gui_app

    rng = random.Random(seed)
    state = {"app": QApplication([sys.argv[0], *gui_app.style_arguments()]), "codes": []}

    def shell_window():
        for widget in QApplication.topLevelWidgets():
            if type(widget).__name__ == "MainWindow" and widget.isVisible():
                return widget
        return None

    def step() -> None:
        window = shell_window()
        if window is None:
            QTimer.singleShot(50, step)
            return
        if window.user is None:  # the sign-in screen: PIN + Enter (waits for the check)
            focus = QApplication.focusWidget()
            if focus is not None and not window.login.controller.held:
                QTest.keyClicks(focus, "1111")
                QTest.keyClick(focus, Qt.Key.Key_Return)
            QTimer.singleShot(100, step)
            return
        screen = window.sale
        if not state["codes"]:
            from boothpos.core import products

            state["codes"] = [p.barcode for p in products.list_products(screen.controller._db)]
            screen.saleCompleted.connect(completed)
        if screen.payment_dialog is not None:
            QTest.keyClick(screen.payment_dialog.amount_edit, Qt.Key.Key_Return)
            QTimer.singleShot(rng.randint(0, 30), step)
            return
        for _ in range(rng.randint(1, 3)):
            QTest.keyClicks(screen.scan_field, rng.choice(state["codes"]))
            QTest.keyClick(screen.scan_field, Qt.Key.Key_Return)
        QTest.keyClick(screen.scan_field, Qt.Key.Key_F12)
        QTimer.singleShot(rng.randint(0, 30), step)

    def completed(receipt_no: str, *rest) -> None:
        window = shell_window()
        db = window.sale.controller._db
        sql = "SELECT uuid FROM sales WHERE receipt_no = ?"
        (uuid,) = db.execute(sql, (receipt_no,)).fetchone()
        note(f"SALE {receipt_no} {uuid}")

    parent = os.getppid()

    def orphaned() -> None:  # the harness died: never leave an app ringing up sales
        if os.getppid() != parent:
            os._exit(3)

    watch = QTimer()
    watch.timeout.connect(orphaned)
    watch.start(500)
    state["watch"] = watch
    QTimer.singleShot(0, step)
    note("START")
    gui_app.run(db_path=db_path, argv=[sys.argv[0]])
    os._exit(0)


# ----------------------------------------------------------------------- parent ---


def boothpos(db: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "boothpos", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@dataclass
class Neighbour:
    """Runs read-only commands beside the app every few hundred milliseconds."""

    db: Path
    usb: Path
    day: str
    partner: str
    runs: int = 0
    failures: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def commands(self) -> list[tuple[str, ...]]:
        return [
            ("export", "sales", "--format", "json"),
            ("report", "settlement", "--json"),
            ("report", "day", self.day, "--json"),
            ("partner", "view", self.partner, "--pin", PARTNER_PIN, "--json"),
            ("check",),
            ("backup", str(self.usb)),
        ]

    def loop(self, rng: random.Random) -> None:
        commands = self.commands()
        while not self.stop.is_set():
            args = rng.choice(commands)
            done = boothpos(self.db, *args)
            self.runs += 1
            # check may fail while the app is mid-sale? No: it reads one snapshot.
            if done.returncode != 0 and args[0] != "check":
                self.failures.append(f"{' '.join(args)} → {done.returncode}: {done.stderr[-300:]}")
            self.stop.wait(rng.uniform(0.1, 0.4))


@dataclass
class Figures:
    kills: int = 0
    sales_checked: int = 0
    lost: int = 0
    reused: int = 0
    plain_opens: int = 0
    neighbour_runs: int = 0


def verify(db_path: Path, log_path: Path, figures: Figures) -> list[str]:
    """The books after a kill: every logged sale there with its uuid, check passes."""
    from boothpos.core import check
    from boothpos.core import db as dbmod

    problems = []
    logged: dict[str, str] = {}
    for line in log_path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] == "SALE" and len(parts) == 3:
            if parts[1] in logged and logged[parts[1]] != parts[2]:
                figures.reused += 1
                problems.append(f"receipt {parts[1]} was issued twice")
            logged[parts[1]] = parts[2]
        elif parts and parts[0] == "OPEN":
            figures.plain_opens += 1
            problems.append(f"the app opened {parts[1]} outside SQLite")
    db = dbmod.connect(db_path)
    try:
        books = dict(db.execute("SELECT receipt_no, uuid FROM sales").fetchall())
        report = check.run_checks(db)
    finally:
        db.close()
    for receipt_no, uuid in logged.items():
        if receipt_no not in books:
            figures.lost += 1
            problems.append(f"sale {receipt_no} (the screen said saved) is lost")
        elif books[receipt_no] != uuid:
            figures.reused += 1
            problems.append(f"receipt {receipt_no} now belongs to another sale")
    figures.sales_checked = len(logged)
    problems += [f"check: {f.message('en')}" for f in report.findings]
    return problems


def prepare(folder: Path) -> tuple[Path, str, str]:
    db = folder / "booth.db"
    for args in (("init", "--demo"),):
        done = boothpos(db, *args)
        assert done.returncode == 0, done.stderr
    products = json.loads(boothpos(db, "export", "products", "--format", "json").stdout)
    partner = products[0]["partner_code"]
    done = boothpos(db, "partner", "pin", partner, "--pin", PARTNER_PIN)
    assert done.returncode == 0, done.stderr
    return db, partner, time.strftime("%Y-%m-%d")


def run(kills: int, seed: int, folder: Path, *, quiet: bool = False) -> tuple[Figures, list[str]]:
    rng = random.Random(seed)
    db, partner, day = prepare(folder)
    usb = folder / "usb"
    usb.mkdir()
    log_path = folder / "sales.log"
    home = folder / "home"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "BOOTHPOS_HOME": str(home),
    }
    neighbour = Neighbour(db, usb, day, partner)
    thread = threading.Thread(target=neighbour.loop, args=(random.Random(seed + 1),), daemon=True)
    thread.start()
    figures = Figures()
    problems: list[str] = []
    started = time.monotonic()
    try:
        for n in range(kills):
            before = log_path.read_text().count("SALE ") if log_path.exists() else 0
            proc = subprocess.Popen(
                [sys.executable, __file__, "--child", str(db), str(log_path), str(seed + n)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            # wait for the first sale of this round (the app is up), then a random moment
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and proc.poll() is None:
                if log_path.exists() and log_path.read_text().count("SALE ") > before:
                    break
                time.sleep(0.05)
            if proc.poll() is not None:
                said = proc.stderr.read()[-800:]
                problems.append(f"round {n}: the app ended by itself: {said!r}")
                break
            time.sleep(rng.uniform(0.0, 1.5))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            figures.kills += 1
            problems = verify(db, log_path, figures)
            if problems:
                break
            if not quiet and (n + 1) % 25 == 0:
                print(
                    f"  {n + 1} kills, {figures.sales_checked} sales checked, "
                    f"{neighbour.runs} neighbour commands, {time.monotonic() - started:.0f} s",
                    flush=True,
                )
    finally:
        neighbour.stop.set()
        thread.join(timeout=150)
    figures.neighbour_runs = neighbour.runs
    problems += neighbour.failures
    return figures, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: a temp one)")
    parser.add_argument("--child", nargs=3, metavar=("DB", "LOG", "SEED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), int(args.child[2]))
        return 0
    with tempfile.TemporaryDirectory(prefix="boothpos-kill-app-") as scratch:
        folder = args.dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        figures, problems = run(args.kills, args.seed, folder)
        took = time.monotonic() - started
    print(
        f"kills {figures.kills} · sales checked {figures.sales_checked} · lost {figures.lost} · "
        f"receipt numbers reused {figures.reused} · plain opens {figures.plain_opens} · "
        f"neighbour commands {figures.neighbour_runs} · {took:.0f} s"
    )
    for problem in problems[:20]:
        print("FAIL:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
