"""Backups in the app: automatic after sales, a full disk during a sale, the admin's dialog.

Sales are rung up with key presses on the real sale screen (``sale_screen``
of ``tests/gui/conftest.py``); automatic backups run on the receipt service's
worker with their own connection. The admin's backup dialog and restore go
through the app shell (``gui.app.AppShell``) as the admin menu does.
"""

from __future__ import annotations

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import show
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sale_support import focused, open_payment, scan

from boothpos.core import audit, backup, check, startup, users
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.core.errors import StorageError
from boothpos.gui import app as gui_app
from boothpos.gui.banner_message import ERROR, INFO, WARNING
from boothpos.gui.preferences import Preferences, open_settings

ENTER = Qt.Key.Key_Return


def ring_up(qtbot, screen, *codes: str) -> None:
    """Scan the codes, F12, Enter (exact cash): one sale, the cashier's way."""
    for code in codes:
        scan(qtbot, screen, code)
    dialog = open_payment(qtbot, screen)
    qtbot.keyClick(dialog.amount_edit, ENTER)
    qtbot.waitUntil(lambda: screen.payment_dialog is None, timeout=3000)
    qtbot.waitUntil(lambda: screen.scan_field.hasFocus(), timeout=3000)


def backups_of(booth) -> list:
    return backup.list_backups(backup.local_folder(booth.path))


# --- automatic backups after sales -----------------------------------------------------------


def test_every_second_sale_writes_a_backup_in_the_background(
    qtbot, booth, sale_screen, receipt_service
):
    backup.configure(booth.db, every=2)
    kopi = booth.product["kopi"].barcode

    ring_up(qtbot, sale_screen, kopi)
    receipt_service.work.wait_idle()
    assert backups_of(booth) == []  # one sale: not due yet

    ring_up(qtbot, sale_screen, kopi)
    assert receipt_service.work.wait_idle()
    [written] = backups_of(booth)
    info = backup.verify_backup(written.path)
    assert info.sales == 2
    assert written.path.name.startswith("INA24-T1-")
    [entry] = audit.entries(booth.db, action="db.backup")
    assert entry["detail"]["reason"] == "auto" and entry["detail"]["sales"] == 2
    assert sale_screen.banner.texts() == []

    ring_up(qtbot, sale_screen, kopi)  # the count starts again after the backup
    receipt_service.work.wait_idle()
    assert len(backups_of(booth)) == 1


def test_a_backup_problem_is_a_banner_warning_and_the_sale_stands(
    qtbot, booth, sale_screen, receipt_service, tmp_path
):
    usb = tmp_path / "usb-not-plugged-in"
    backup.configure(booth.db, every=1, folder=str(usb))

    ring_up(qtbot, sale_screen, booth.product["noken"].barcode)
    assert receipt_service.work.wait_idle()

    assert booth.count("sales") == 1
    assert len(backups_of(booth)) == 1  # the local copy was still written
    [message] = sale_screen.banner.messages()
    assert message.level == WARNING and message.sticky
    assert message.text.startswith("cadangan gagal:")
    assert str(usb) in message.text


# --- a full disk during a sale ---------------------------------------------------------------


def fill_the_disk(database) -> None:
    """Simulate a full disk: the file may not grow by a single page any more."""
    pages = database.execute("PRAGMA page_count").fetchone()[0]
    database.execute(f"PRAGMA max_page_count = {pages}")


def sell_until_refused(booth) -> int:
    """Sales (kopi + kalung) until the full disk refuses one; how many went through."""
    for n in range(2000):
        try:
            booth.sell(("kopi", 1), ("kalung", 1), at=booth.time(1, 10, n % 60))
        except StorageError:
            return n
    raise AssertionError("the disk never filled up")


def test_a_full_disk_keeps_the_cart_and_says_so_on_a_banner_until_a_sale_goes_through(
    qtbot, booth, sale_screen, receipt_service, receipt_folder, printer, beeps
):
    fill_the_disk(booth.db)
    went_through = sell_until_refused(booth)
    sales_before = booth.count("sales")

    kopi, kalung = booth.product["kopi"].barcode, booth.product["kalung"].barcode
    scan(qtbot, sale_screen, kopi)
    scan(qtbot, sale_screen, kalung)
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, ENTER)
    qtbot.waitUntil(lambda: sale_screen.payment_dialog is None, timeout=3000)
    qtbot.waitUntil(lambda: sale_screen.scan_field.hasFocus(), timeout=3000)

    assert QApplication.activeModalWidget() is None  # a banner, not a modal
    [message] = sale_screen.banner.messages()
    assert message.level == ERROR and message.sticky
    assert message.text.startswith("disk penuh: penjualan TIDAK tersimpan")
    assert str(booth.path.parent) in message.text
    assert beeps
    assert sale_screen.model.rowCount() == 2  # the cart is kept
    assert booth.count("sales") == sales_before  # nothing saved
    assert not booth.db.conn.in_transaction
    receipt_service.work.wait_idle()
    assert not receipt_folder.exists() or list(receipt_folder.iterdir()) == []
    assert printer.jobs == []
    report = check.run_checks(booth.reopen())
    assert report.ok, [f.message("en") for f in report.findings]

    scan(qtbot, sale_screen, booth.product["gelang"].barcode)  # the banner stays
    assert message in sale_screen.banner.messages()
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)  # back to the refused cart
    assert sale_screen.model.rowCount() == 2

    booth.db.execute("PRAGMA max_page_count = 1073741823")  # space freed: try again
    with qtbot.waitSignal(sale_screen.saleCompleted, timeout=5000) as done:
        dialog = open_payment(qtbot, sale_screen)
        qtbot.keyClick(dialog.amount_edit, ENTER)
    assert done.args[0].endswith(f"-{went_through + 1:05d}")  # the next number: no gap
    assert message not in sale_screen.banner.messages()  # (stock warnings may show)
    assert all(m.level != ERROR for m in sale_screen.banner.messages())
    assert sale_screen.model.rowCount() == 0
    receipt_service.work.wait_idle()
    assert printer.titles == [done.args[0]]
    assert check.run_checks(booth.reopen()).ok


# --- start-up warnings -----------------------------------------------------------------------


def test_start_up_notices_show_as_banners_on_the_sale_screen(qtbot, booth, receipts, tmp_path):
    backup.configure(booth.db, folder=str(tmp_path / "usb"))
    booth.db.close()
    till = startup.open_for_till(booth.path)
    try:
        window = gui_app.build_main_window(
            till.db, booth.path, Preferences(), receipts=receipts, notices=till.notices
        )
        qtbot.addWidget(window)
        window.sign_in(booth.kasir)
        messages = window.sale.banner.messages()
        assert [m.text for m in messages] == [n.message() for n in till.notices]
        assert all(m.sticky and m.level == WARNING for m in messages)
        usb = [m for m in messages if str(tmp_path / "usb") in m.text]
        assert usb and "USB" in usb[0].text
        window.sale.controller.clearBanner.emit()  # the next scan keeps them
        assert window.sale.banner.messages() == messages
        receipts.work.wait_idle()
    finally:
        qtbot.wait(10)
        till.close()


# --- the admin's backup dialog ---------------------------------------------------------------


@pytest.fixture
def shell(qtbot, home, booth, translators):
    """The app shell on the booth database (no till lock: a restore takes its own)."""
    app_shell = gui_app.AppShell(booth.db, booth.path, open_settings(), translators)
    try:
        yield app_shell
    finally:
        qtbot.wait(10)
        if app_shell.window is not None:
            app_shell.window.receipts.work.wait_idle()
            app_shell.window.close()
            app_shell.window.deleteLater()
        qtbot.wait(10)
        app_shell.db.close()


def started(qtbot, app_shell, user):
    window = app_shell.start(user)
    show(qtbot, window, track=False)
    return window


def test_the_admin_menu_is_for_admins_only(qtbot, shell, booth):
    window = started(qtbot, shell, booth.supervisor)
    assert not window.admin_action.isVisible()
    assert not window.backup_action.isEnabled() and not window.audit_action.isEnabled()
    assert shell.open_backup() is None  # refused in core, said on the status bar
    assert "admin" in window.statusBar().currentMessage()

    window.sign_out()
    window.sign_in(booth.admin)
    assert window.admin_action.isVisible() and window.backup_action.isEnabled()
    assert window.admin_action.text() == "Admin"
    assert window.backup_action.text() == "Cadangan dan pemulihan…"


def test_back_up_now_and_change_the_settings(qtbot, shell, booth, tmp_path):
    booth.sell("kopi")
    window = started(qtbot, shell, booth.admin)
    window.backup_action.trigger()
    dialog = shell.backup_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 0
    assert (dialog.every_spin.value(), dialog.keep_spin.value()) == (20, 30)

    with qtbot.waitSignal(dialog.controller.backupFinished, timeout=10_000):
        dialog.backup_button.click()
        assert not dialog.backup_button.isEnabled()
    assert dialog.backup_button.isEnabled()
    assert dialog.model.rowCount() == 1
    assert "Cadangan ditulis" in dialog.run_label.text()
    [entry] = audit.entries(shell.db, action="db.backup")
    assert entry["user"] == "admin" and entry["detail"]["reason"] == "manual"

    usb = tmp_path / "usb"
    usb.mkdir()
    dialog.every_spin.setValue(5)
    dialog.keep_spin.setValue(3)
    dialog.folder_edit.setText(str(usb))
    dialog.save_button.click()
    assert backup.settings(shell.db) == backup.BackupSettings(every=5, keep=3, folder=usb)
    assert dialog.settings_message.text() == "Pengaturan cadangan disimpan."
    assert len(audit.entries(shell.db, action="setting.change")) == 3
    dialog.close_button.click()
    assert shell.backup_dialog is None


def test_restore_a_listed_backup_rebuilds_the_till_and_brings_back_later_sales(qtbot, shell, booth):
    booth.sell("kopi")
    booth.sell("noken")
    backup.backup_now(booth.db, booth.path)
    later = booth.sell("gelang")  # after the backup: brought back from the replaced file
    window = started(qtbot, shell, booth.admin)
    window.backup_action.trigger()
    dialog = shell.backup_dialog
    assert dialog.model.rowCount() == 1
    assert dialog.selected_path() is not None

    dialog.check_button.click()
    assert dialog.details.info.sales == 2
    assert dialog.details.restore_button.isEnabled()
    dialog.details.restore_button.click()

    assert shell.backup_dialog is None and shell.window is not window
    new = shell.window
    assert new.user is not None and new.user.username == "admin"
    assert shell.db.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 3
    assert check.run_checks(shell.db).ok
    [message] = new.sale.banner.messages()
    assert message.level == INFO and message.sticky
    assert " dipulihkan: 2 transaksi" in message.text
    assert f"({later.receipt_no})" in message.text
    [entry] = audit.entries(shell.db, action="db.restore")
    assert entry["user"] == "admin" and entry["detail"]["missing_receipts"] == 0
    assert entry["detail"]["merged"] == 1


def test_restore_warns_of_sales_it_could_not_bring_back(qtbot, shell, booth):
    booth.sell("kopi")
    backup.backup_now(booth.db, booth.path)
    with booth.db.atomic():  # a product added after the backup: not in it
        partner = booth.db.execute(
            "INSERT INTO partners (code, name, created_at) VALUES ('BTK01', 'Batik', '2024')"
        ).lastrowid
        product = booth.db.execute(
            "INSERT INTO products (barcode, name, partner_id, price, created_at) "
            "VALUES ('2000000000046', 'Kain Batik Tulis', ?, 300000, '2024')",
            (partner,),
        ).lastrowid
    lost = checkout(
        booth.db, [CartLine(product)], [Tender("cash")], cashier=booth.kasir, at=booth.time(1, 11)
    )
    window = started(qtbot, shell, booth.admin)
    window.backup_action.trigger()
    dialog = shell.backup_dialog
    dialog.check_button.click()
    dialog.details.restore_button.click()

    new = shell.window
    assert shell.db.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 1
    assert check.run_checks(shell.db).ok
    [message] = new.sale.banner.messages()
    assert message.level == ERROR and message.sticky
    assert lost.receipt_no in message.text
    assert "produk 2000000000046 (Kain Batik Tulis) tidak ada di cadangan" in message.text
    assert "T1R1" in message.text  # its number stays used: receipts go on under a new till code


def test_a_backup_of_another_event_is_refused_and_the_till_goes_on(qtbot, shell, booth, tmp_path):
    from boothpos.core import db as dbmod
    from boothpos.core import event

    other_path = tmp_path / "other.db"
    other = dbmod.connect(other_path, create=True)
    event.create_event(other, name="Pameran Lain", first_day=booth.time(1).date(), days=2)
    foreign = backup.backup(other, tmp_path)
    other.close()
    booth.sell("kopi")
    window = started(qtbot, shell, booth.admin)
    window.backup_action.trigger()
    dialog = shell.backup_dialog
    dialog._choose_file = lambda: str(foreign)
    dialog.choose_button.click()
    assert dialog.details.info is not None  # a sound file: checked, offered
    dialog.details.restore_button.click()

    new = shell.window
    [message] = new.sale.banner.messages()
    assert message.level == ERROR
    assert message.text.startswith("Tidak ada yang dipulihkan:")
    assert "acara lain" in message.text
    assert shell.db.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 1


def test_restore_says_which_user_accounts_came_back_with_the_sales(qtbot, shell, booth):
    booth.sell("kopi")
    backup.backup_now(booth.db, booth.path)
    users.add_user(booth.db, "kasir2", "2222", "attendant")  # not in the backup
    hers = booth.sell("noken", cashier=users.get_user(booth.db, "kasir2"))
    window = started(qtbot, shell, booth.admin)
    window.backup_action.trigger()
    dialog = shell.backup_dialog
    dialog.check_button.click()
    dialog.details.restore_button.click()

    new = shell.window
    assert shell.db.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 2
    assert users.authenticate(shell.db, "kasir2", "2222").role == "attendant"
    [message] = new.sale.banner.messages()
    assert message.level == INFO
    assert hers.receipt_no in message.text and "kasir2" in message.text
