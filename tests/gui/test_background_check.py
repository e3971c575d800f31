"""The start-up integrity check runs in the background, after the sign-in screen is up.

``gui.app.run`` opens the till without the quick check (``open_till(check=False)``)
and ``AppShell.check_database`` runs ``core.startup.check_integrity`` on a
worker thread, on a connection of its own. Until it has passed nobody signs in:
the sign-in screen says "Memeriksa database…" and a PIN entered meanwhile is
checked once it has. A damaged file closes the app's connection and lock and
goes through the recovery dialog, as a damage found before the window does.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_recovery import when_modal

from boothpos.core import backup, startup
from boothpos.core import db as dbmod
from boothpos.core.errors import DamagedDatabase
from boothpos.core.instance import InstanceLock
from boothpos.gui import app as gui_app
from boothpos.gui.preferences import open_settings
from boothpos.gui.views.recovery_dialog import RecoveryDialog


def damage_payments(path: Path) -> None:
    """Overwrite the payments table's root page: the first screens never read it,
    so the file opens and the window shows, but ``quick_check`` fails."""
    conn = sqlite3.connect(path)
    root, page = conn.execute(
        "SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
        "FROM sqlite_master WHERE name = 'payments'"
    ).fetchone()
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\xff" * page)


class SlowCheck:
    """``db.integrity_problems`` held until :meth:`finish`; records its thread and connections."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.threads: list[int] = []
        self.connections: list[tuple[int, sqlite3.Connection]] = []
        real_problems, real_connect = dbmod.integrity_problems, sqlite3.connect

        def problems(path, *, quick=False):
            self.threads.append(threading.get_ident())
            assert self.gate.wait(10), "the test never let the check finish"
            return real_problems(path, quick=quick)

        def connect(*args, **kwargs):
            conn = real_connect(*args, **kwargs)
            self.connections.append((threading.get_ident(), conn))
            return conn

        monkeypatch.setattr(dbmod, "integrity_problems", problems)
        monkeypatch.setattr(dbmod.sqlite3, "connect", connect)

    def finish(self) -> None:
        self.gate.set()


def wait_for(qapp, condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        qapp.processEvents()
        time.sleep(0.002)


def open_shell(path: Path, translators) -> gui_app.AppShell:
    till = gui_app.open_till(path, recover=pytest.fail, check=False)
    assert till is not None
    return gui_app.AppShell(till.db, path, open_settings(), translators, till=till)


def close_shell(shell: gui_app.AppShell) -> None:
    if shell.check_work is not None:
        shell.check_work.wait_idle()
    if shell.window is not None:
        shell.window.close()
        shell.window.deleteLater()
    if shell.till is not None:
        shell.till.close()


# --- the first screen does not wait for the check ---------------------------------------------


def test_run_shows_the_sign_in_screen_before_the_check_has_finished(booth, home, monkeypatch, qapp):
    slow = SlowCheck(monkeypatch)
    seen: dict = {}

    before = set(qapp.topLevelWidgets())  # earlier tests' windows may await deletion

    def event_loop() -> int:  # what QApplication.exec would show; the check still running
        window = next(
            w for w in qapp.topLevelWidgets() if w.objectName() == "mainWindow" and w not in before
        )
        seen["shown"] = window.isVisible() and window.current_screen() is window.login
        seen["held"] = window.login.controller.held
        seen["checking"] = window.login.checking.text()
        wait_for(qapp, lambda: bool(slow.threads))  # the check has started, and waits
        seen["threads"] = list(slow.threads)
        seen["held_while_checking"] = window.login.controller.held
        slow.finish()
        wait_for(qapp, lambda: not window.login.controller.held)
        seen["released"] = not window.login.controller.held
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    booth.db.close()
    assert gui_app.run(db_path=booth.path) == 0
    assert seen["shown"] and seen["held"]
    assert seen["checking"] == "Memeriksa database…"
    assert seen["threads"] and threading.get_ident() not in seen["threads"]
    assert seen["released"]
    with InstanceLock(booth.path) as lock:  # the app let go of its lock
        assert lock.held


def test_sign_in_waits_for_the_check_which_runs_off_the_gui_thread_on_its_own_connection(
    qtbot, booth, home, monkeypatch, translators
):
    slow = SlowCheck(monkeypatch)
    shell = open_shell(booth.path, translators)
    try:
        window = shell.start()
        show(qtbot, window, track=False)
        shell.check_database()
        login = window.login
        assert window.current_screen() is login
        assert login.controller.held and login.checking.isVisible()
        assert login.checking.text() == "Memeriksa database…"

        assert focused() is login.pin_edit
        type_text(qtbot, "1111")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.wait(50)  # the PIN is kept; nobody is signed in while the check runs
        assert window.user is None and window.current_screen() is login
        assert login.checking.isVisible() and not login.message.isVisible()
        qtbot.waitUntil(lambda: bool(slow.threads))

        slow.finish()
        qtbot.waitUntil(lambda: window.current_screen() is window.sale, timeout=5000)
        assert window.user.username == "kasir"  # the PIN entered during the check
        assert not login.controller.held and not login.checking.isVisible()

        gui_thread = threading.get_ident()
        assert slow.threads and gui_thread not in slow.threads
        checked = [conn for thread, conn in slow.connections if thread in slow.threads]
        assert checked, "the check opened no connection of its own"
        assert all(conn is not shell.db.conn for conn in checked)
    finally:
        qtbot.wait(10)  # the sale screen's queued focus call
        close_shell(shell)


def test_a_wrong_pin_during_the_check_is_refused_once_it_has_passed(
    qtbot, booth, home, monkeypatch, translators
):
    slow = SlowCheck(monkeypatch)
    shell = open_shell(booth.path, translators)
    try:
        window = shell.start()
        show(qtbot, window, track=False)
        shell.check_database()
        type_text(qtbot, "0000")
        press(qtbot, Qt.Key.Key_Return)
        assert not window.login.message.isVisible()
        slow.finish()
        qtbot.waitUntil(lambda: window.login.message.isVisible(), timeout=5000)
        assert window.user is None and window.current_screen() is window.login
        type_text(qtbot, "1111")  # sign-in is open now: straight through
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.current_screen() is window.sale)
    finally:
        qtbot.wait(10)
        close_shell(shell)


# --- a damaged file found in the background ---------------------------------------------------


@pytest.fixture
def damaged_later(booth):
    """Three sales in the newest backup (two in an older one), a fourth after it, then damage
    the first screens do not see."""
    booth.sell("kopi")
    booth.sell("noken")
    older = backup.backup_now(booth.db, booth.path).written[0]
    third = booth.sell("gelang")
    newest = backup.backup_now(booth.db, booth.path).written[0]
    booth.sell("kalung")
    booth.db.close()
    damage_payments(booth.path)
    with pytest.raises(DamagedDatabase):
        startup.check_integrity(booth.path)
    return {"older": older, "newest": newest, "last_receipt": third.receipt_no}


def test_damage_found_in_the_background_opens_the_recovery_dialog_with_the_newest_backup(
    qtbot, booth, home, damaged_later, translators
):
    shell = open_shell(booth.path, translators)  # opens: the first screens do not see it
    seen: dict = {}

    def restore(dialog) -> None:
        seen["dialog"] = dialog
        seen["info"] = dialog.details.info
        seen["message"] = dialog.message_label.text()
        seen["closed"] = shell.till is not None and not shell.till.lock.held
        dialog.details.restore_button.click()

    try:
        first = shell.start()
        show(qtbot, first, track=False)
        assert first.current_screen() is first.login
        when_modal(restore, tries=500)
        shell.check_database()
        qtbot.waitUntil(lambda: "dialog" in seen, timeout=10000)
        qtbot.waitUntil(lambda: shell.window is not first, timeout=5000)

        assert isinstance(seen["dialog"], RecoveryDialog)
        assert seen["message"].startswith(f"database '{booth.path}' rusak")
        assert seen["info"].path == damaged_later["newest"] and seen["info"].sales == 3
        assert seen["closed"]  # the app's connection and lock were let go first

        assert shell.exit_code is None and shell.till.lock.held
        assert shell.db.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 3
        assert dbmod.integrity_problems(booth.path, quick=True) == []
        window = shell.window
        assert window.isVisible() and window.isEnabled()
        assert window.current_screen() is window.login
        assert not window.login.controller.held and not window.login.checking.isVisible()
        assert [m.key for m in window.sale.banner.messages()] == ["restore"]  # what was restored
    finally:
        close_shell(shell)


def test_quitting_the_recovery_dialog_ends_the_app_and_lets_go_of_the_file(
    qtbot, booth, home, damaged_later, translators, monkeypatch
):
    exits: list[int] = []
    monkeypatch.setattr(gui_app.QCoreApplication, "exit", staticmethod(exits.append))
    shell = open_shell(booth.path, translators)
    try:
        show(qtbot, shell.start(), track=False)
        when_modal(lambda dialog: dialog.quit_button.click(), tries=500)
        shell.check_database()
        qtbot.waitUntil(lambda: shell.exit_code is not None, timeout=10000)
        assert shell.exit_code == gui_app.EXIT_FAIL
        qtbot.waitUntil(lambda: exits == [gui_app.EXIT_FAIL])  # the event loop ends
        assert not shell.window.isEnabled()
        with InstanceLock(booth.path) as lock:
            assert lock.held
    finally:
        close_shell(shell)
