"""The app on a till that joined a hub: sync in the background, its state in the status bar.

The real app shell and main window (offscreen), a real PostgreSQL hub, real
SQLite till files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from boothpos.core import db as dbmod
from boothpos.core import users
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.gui import app as gui_app
from boothpos.gui.hub_status import HubStatus
from boothpos.hub import records, sync


@pytest.fixture
def joined(booth, hub_dsn, tmp_path):
    """(T1, T2 database, T2 path): T1 set up the hub, T2 joined it."""
    sync.init_hub(hub_dsn, booth.path)
    t1 = dbmod.connect(booth.path)
    sync.sync(t1)
    t2_path = tmp_path / "T2.db"
    sync.join(t2_path, hub_dsn, "T2")
    t2 = dbmod.connect(t2_path)
    yield t1, t2, t2_path
    t1.close()
    t2.close()


@pytest.fixture
def shell_for(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))
    translators = gui_app.Translators(QApplication.instance())
    translators.install("en")
    shells = []

    def make(database, path: Path):
        settings = QSettings(str(tmp_path / "home" / "boothpos.ini"), QSettings.Format.IniFormat)
        shell = gui_app.AppShell(database, path, settings, translators)
        window = shell.start()
        qtbot.addWidget(window)
        shells.append(shell)
        return shell, window

    yield make
    for shell in shells:
        if shell.hub_status is not None:
            shell.hub_status.stop()
    translators.remove()


def sell(database, n: int = 1) -> list[str]:
    kasir = users.get_user(database, "kasir")
    pid = database.execute("SELECT id FROM products ORDER BY id").fetchone()[0]
    return [
        checkout(database, [CartLine(pid, 1)], [Tender("cash")], cashier=kasir).receipt_no
        for _ in range(n)
    ]


def receipts(database) -> set[str]:
    return {r[0] for r in database.execute("SELECT receipt_no FROM sales")}


def test_the_status_bar_shows_synced_then_offline_with_what_waits(
    qtbot, joined, shell_for, tmp_path
):
    t1, t2, t2_path = joined
    shell, window = shell_for(t2, t2_path)
    label = window.findChild(QLabel, "statusHub")
    assert label is not None and label.isVisible()
    qtbot.waitUntil(lambda: label.text().startswith("Hub: synced"), timeout=15_000)

    sold_on_t1 = sell(t1)[0]
    sync.sync(t1)
    window.sale.saleCompleted.emit("INA24-T2-0228-00001")  # a sale asks for a round at once
    qtbot.waitUntil(lambda: sold_on_t1 in receipts(t2), timeout=15_000)
    window.grab().save(str(tmp_path / "hub-synced.png"))

    with dbmod.write_transaction(t2):
        t2.execute(
            "UPDATE settings SET value = 'postgresql://x:y@127.0.0.1:1/boothpos' "
            "WHERE key = 'hub_dsn'"
        )
    sell(t2)
    shell.hub_status.request()
    pattern = re.compile(r"Hub: offline since \d\d:\d\d · \d+ waiting")
    qtbot.waitUntil(lambda: pattern.fullmatch(label.text()) is not None, timeout=15_000)
    assert shell.hub_status.last.pending == records.pending_count(t2) > 0
    assert "cannot be reached" in label.toolTip()
    window.grab().save(str(tmp_path / "hub-offline.png"))


def test_a_till_without_a_hub_shows_no_hub_status(qtbot, booth, shell_for):
    shell, window = shell_for(booth.db, booth.path)

    assert shell.hub_status is None
    assert window.findChild(QLabel, "statusHub") is None


def test_a_sale_commits_while_a_long_catch_up_runs_in_the_background(qtbot, joined):
    t1, t2, t2_path = joined
    sell(t1, 300)
    sync.sync(t1)
    label = QLabel()
    status = HubStatus(t2_path, label, "Asia/Jakarta", interval_ms=60_000)
    start = records.cursor(t2)
    try:
        status.request()
        qtbot.waitUntil(lambda: records.cursor(t2) > start, timeout=15_000)

        receipt = sell(t2)[0]  # on the GUI thread's own connection, mid catch-up

        assert status._running, "the catch-up ended before the sale: nothing was shown"
        assert receipt.startswith("INA24-T2-")
    finally:
        status.stop(60_000)
    assert status.last is not None and status.last.error is None
    assert status.last.pulled >= 300  # the catch-up went on to the end


def test_settings_show_the_hub_address_and_refuse_a_bad_one(qtbot, joined):
    from boothpos.gui.preferences import Preferences
    from boothpos.gui.views.settings_dialog import SettingsDialog
    from boothpos.hub import address

    _t1, t2, _path = joined
    current = address.current(t2)
    dialog = SettingsDialog(
        Preferences("en", 80, "pdf"), [], hub_address=current, check_hub=address.problem
    )
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.findChild(QLineEdit, "hubAddress")
    assert edit.text() == current and re.fullmatch(r"127\.0\.0\.1:\d+", current)

    edit.setText("hub laptop:5432")
    dialog.accept()

    assert dialog.isVisible() and dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "hub laptop:5432" in dialog.findChild(QLabel, "settingsMessage").text()
    edit.setText("192.168.1.10")
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.hub_address() == "192.168.1.10"


def test_a_new_hub_address_from_settings_takes_effect_at_the_next_round(qtbot, joined, shell_for):
    from boothpos.core import audit
    from boothpos.hub import address

    t1, t2, t2_path = joined
    shell, window = shell_for(t2, t2_path)
    label = window.findChild(QLabel, "statusHub")
    qtbot.waitUntil(lambda: label.text().startswith("Hub: synced"), timeout=15_000)
    working = address.current(t2)

    shell.change_hub_address("127.0.0.1:1")
    qtbot.waitUntil(lambda: "offline since" in label.text(), timeout=15_000)
    shell.change_hub_address(working)
    qtbot.waitUntil(lambda: label.text().startswith("Hub: synced"), timeout=15_000)

    entries = audit.entries(t2, action="hub.address")
    assert [e["detail"]["new"] for e in entries] == [working, "127.0.0.1:1"]
    for database in (t1, t2):  # the DSN holds the till's password: never in the audit log
        password = psycopg_password(sync.hub_dsn(database))
        assert all(password not in json.dumps(e["detail"]) for e in audit.entries(database))


def psycopg_password(dsn: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    return conninfo_to_dict(dsn)["password"]


def test_the_partner_view_shows_the_booth_and_when_it_last_synced(qtbot, booth, joined, tmp_path):
    from boothpos.core import partner_access, partner_view
    from boothpos.core.event import get_setting
    from boothpos.core.tills import SETTING_SYNCED_AT
    from boothpos.gui.controllers.partner_controller import PartnerController
    from boothpos.gui.views.partner_dashboard import PartnerDashboardView

    t1, t2, _path = joined
    kopi = booth.product["kopi"]
    session = partner_access.PartnerSession(
        *t2.execute("SELECT id, code, name FROM partners WHERE code = ?", ("ACH01",)).fetchone()
    )
    before = partner_view.dashboard(t2, session).to_date.qty
    kasir = users.get_user(t1, "kasir")
    checkout(t1, [CartLine(kopi.id, 3)], [Tender("cash")], cashier=kasir)  # sold on T1
    sync.sync(t1)
    sync.sync(t2)

    controller = PartnerController(t2, tmp_path / "slips")
    controller._session = session  # signed in (the PIN flow is tested in tests/gui)
    dash = controller.refresh()

    assert dash.to_date.qty == before + 3  # the booth's figures, on T2
    assert dash.booth_as_of == get_setting(t2, SETTING_SYNCED_AT) is not None
    assert dash.to_json()["booth_as_of"] == dash.booth_as_of
    view = PartnerDashboardView()
    qtbot.addWidget(view)
    view.show_dashboard(dash, 60)
    assert re.search(r"· other tills as of .*\d\d:\d\d", view.as_of_label.text())
