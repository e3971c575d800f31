"""The app shell: database resolution, first run, main window flows, preferences."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, type_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from boothpos.core import db as dbmod
from boothpos.core import event, paths, products, sales, users
from boothpos.core.event import get_event
from boothpos.gui import app as gui_app
from boothpos.gui.controllers import setup_controller as setup
from boothpos.gui.preferences import (
    Preferences,
    load_geometry,
    load_preferences,
    open_settings,
)
from boothpos.gui.views.first_run_dialog import FirstRunDialog

ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab


def window_for(qtbot, path: Path, receipts=None):
    database = dbmod.connect(path)
    window = gui_app.build_main_window(database, path, Preferences(), receipts=receipts)
    window.resize(1280, 760)
    show(qtbot, window)
    return window, database


def sign_in(qtbot, window, pin: str) -> None:
    assert focused() is window.login.pin_edit
    type_text(qtbot, pin)
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: window.current_screen() is window.sale)


# --- database resolution and first run ------------------------------------------------


def test_demo_flag_builds_the_demo_event_once_in_the_data_folder(home):
    path = gui_app.resolve_database(None, True, ask=pytest.fail)
    assert path == paths.demo_db() and path.is_relative_to(home)
    database = dbmod.connect(path)
    try:
        assert get_event(database).name.startswith("INACRAFT 2024")
        assert len(products.list_products(database)) == 82
        names = [u.username for u in users.list_users(database)]
        assert names == ["kasir", "supervisor", "admin"]
    finally:
        database.close()
    stamp = path.stat().st_mtime_ns
    assert gui_app.resolve_database(None, True, ask=pytest.fail) == path
    assert path.stat().st_mtime_ns == stamp  # opened, not rebuilt


def test_an_existing_database_opens_without_asking(booth):
    assert gui_app.resolve_database(booth.path, False, ask=pytest.fail) == booth.path


def test_a_missing_database_asks_the_first_run_dialog(home, tmp_path):
    asked = []
    target = tmp_path / "new.db"
    assert gui_app.resolve_database(target, False, ask=lambda p: asked.append(p)) is None
    assert asked == [target]
    assert gui_app.resolve_database(None, False, ask=lambda p: asked.append(p)) is None
    assert asked[-1] == home / "boothpos.db"


def first_run(qtbot, target: Path) -> FirstRunDialog:
    dialog = FirstRunDialog(
        target,
        open_demo=lambda: setup.ensure_demo(paths.demo_db()),
        create_event=lambda spec: gui_app._create(target, spec),
    )
    show(qtbot, dialog)
    return dialog


def test_first_run_dialog_opens_the_demo_event(qtbot, home, tmp_path, translators):
    dialog = first_run(qtbot, tmp_path / "boothpos.db")
    assert dialog.demo_button.text() == "Buka acara demo (INACRAFT 2024)"
    dialog.demo_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)

    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.database_path() == paths.demo_db()
    database = dbmod.connect(paths.demo_db())
    try:
        assert get_event(database).name == "INACRAFT 2024 (DEMO)"
        assert len(products.list_partners(database)) == 51
    finally:
        database.close()
    assert not (tmp_path / "boothpos.db").exists()


CATALOG_CSV = (
    "kode_mitra;nama_mitra;daerah;nama_produk;kategori;harga;barcode;stok\r\n"
    "AMB001;Mutiara Ambon;Kota Ambon, Maluku;Kalung Mutiara;Perhiasan;Rp 250.000;;4\r\n"
    "JPR001;Noken Mama;Jayapura, Papua;Noken Kecil;Tas;125000;;6\r\n"
)


def fill_new_event(qtbot, dialog: FirstRunDialog, catalog: Path) -> None:
    assert focused() is dialog.name_edit
    type_text(qtbot, "Pameran UMK Bali")
    press(qtbot, TAB)  # venue
    type_text(qtbot, "Denpasar")
    press(qtbot, TAB)  # first day: today; Tab walks its day, month and year
    assert focused() is dialog.first_day_edit
    for _ in range(3):
        press(qtbot, TAB)
    assert focused() is dialog.days_spin.findChild(QLineEdit) or focused() is dialog.days_spin
    press(qtbot, TAB)  # 5 days
    assert focused() is dialog.admin_pin
    type_text(qtbot, "4321")
    press(qtbot, TAB)
    type_text(qtbot, "4321")
    press(qtbot, TAB)
    type_text(qtbot, "2222")
    press(qtbot, TAB)
    type_text(qtbot, "2222")
    press(qtbot, TAB)
    assert focused() is dialog.catalog_edit
    type_text(qtbot, str(catalog))
    press(qtbot, ENTER)  # the default button: Create event


def test_first_run_creates_a_new_event_with_its_catalog(qtbot, home, tmp_path, translators):
    catalog = tmp_path / "katalog.csv"
    catalog.write_bytes(CATALOG_CSV.encode("utf-8-sig"))
    target = tmp_path / "bali.db"
    dialog = first_run(qtbot, target)
    fill_new_event(qtbot, dialog, catalog)

    assert dialog.result() == FirstRunDialog.DialogCode.Accepted, dialog.problems.toPlainText()
    assert dialog.database_path() == target
    database = dbmod.connect(target)
    try:
        ev = get_event(database)
        assert (ev.name, ev.venue, ev.days) == ("Pameran UMK Bali", "Denpasar", 5)
        roles = database.execute("SELECT username, role FROM users ORDER BY id").fetchall()
        assert roles == [("admin", "admin"), ("kasir", "attendant")]
        assert sorted(p.name for p in products.list_products(database)) == [
            "Kalung Mutiara", "Noken Kecil"]  # fmt: skip
    finally:
        database.close()
    assert not Path(str(target) + ".new").exists()


def test_a_refused_catalog_shows_every_problem_and_creates_nothing(
    qtbot, home, tmp_path, translators
):
    catalog = tmp_path / "katalog.csv"
    catalog.write_text(CATALOG_CSV.replace("Rp 250.000", "dua ratus").replace(";6", ";-6"))
    target = tmp_path / "bali.db"
    dialog = first_run(qtbot, target)
    fill_new_event(qtbot, dialog, catalog)

    assert dialog.isVisible() and dialog.database_path() is None
    text = dialog.problems.toPlainText()
    assert "tidak ada yang diubah" in text
    assert "baris 2" in text and "baris 3" in text
    assert not target.exists()
    assert list(tmp_path.glob("bali.db*")) == []


def test_a_mismatched_admin_pin_is_refused(qtbot, home, tmp_path, translators):
    target = tmp_path / "x.db"
    dialog = first_run(qtbot, target)
    type_text(qtbot, "Pameran")
    dialog.admin_pin.setFocus()
    type_text(qtbot, "1234")
    press(qtbot, TAB)
    type_text(qtbot, "1235")
    press(qtbot, ENTER)
    assert "PIN admin tidak sama" in dialog.problems.toPlainText()
    assert not target.exists()


# --- the main window ------------------------------------------------------------------


def test_app_starts_on_the_demo_database_at_the_sign_in_screen(qtbot, home, translators):
    path = gui_app.resolve_database(None, True, ask=pytest.fail)
    window, database = window_for(qtbot, path)
    try:
        assert window.current_screen() is window.login
        assert focused() is window.login.pin_edit
        assert window.login.selected_user().username == "kasir"
        assert "INACRAFT 2024 (DEMO)" in window.windowTitle()
        assert window.event_label.text() == "INACRAFT 2024 (DEMO)"
        assert window.cashier_label.text() == "Belum ada yang masuk"
        assert not window.history_action.isEnabled()

        sign_in(qtbot, window, "1111")
        assert window.cashier_label.text() == "Kasir: Kasir Booth (Kasir)"
        qtbot.waitUntil(lambda: focused() is window.sale.scan_field)
        assert window.history_action.isEnabled()
    finally:
        qtbot.wait(10)  # let the sale screen's queued focus call run before teardown
        database.close()


def test_sell_then_history_then_sign_out_and_switch_cashier(qtbot, booth, receipts, translators):
    window, database = window_for(qtbot, booth.path, receipts)
    try:
        sign_in(qtbot, window, "1111")
        qtbot.waitUntil(lambda: focused() is window.sale.scan_field)

        # a sale, the cashier's way: scan + Enter, F12, Enter
        with qtbot.waitSignal(window.sale.saleCompleted, timeout=5000) as done:
            type_text(qtbot, booth.product["kopi"].barcode)
            press(qtbot, ENTER)
            press(qtbot, Qt.Key.Key_F12)
            qtbot.waitUntil(lambda: window.sale.payment_dialog is not None)
            qtbot.waitUntil(lambda: focused().window() is window.sale.payment_dialog)
            press(qtbot, ENTER)
        receipt_no = done.args[0]
        receipts.work.wait_idle()
        assert sales.get_sale(booth.reopen(), receipt_no).cashier == "kasir"

        # F9: the history of today, newest sale selected
        qtbot.waitUntil(lambda: window.sale.payment_dialog is None)
        window.activateWindow()  # what the window manager does when a dialog closes
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale.scan_field)
        press(qtbot, Qt.Key.Key_F9)
        assert window.current_screen() is window.history
        assert window.history.selected_sale().receipt_no == receipt_no
        assert window.history_action.text() == "Kembali ke penjualan"
        press(qtbot, Qt.Key.Key_Escape)
        assert window.current_screen() is window.sale

        # Ctrl+L: back to sign-in, the list starts on kasir, switch to supervisor
        press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert window.current_screen() is window.login
        assert window.user is None
        assert window.sale.cashier_label.text() == "Belum ada yang masuk"
        assert focused() is window.login.pin_edit
        assert window.login.selected_user().username == "kasir"
        assert not window.history_action.isEnabled()
        press(qtbot, Qt.Key.Key_Down)
        sign_in(qtbot, window, "5555")
        assert window.user.username == "supervisor"
        assert "Supervisor" in window.cashier_label.text()
        assert event.get_setting(booth.reopen(), "last_user") == "supervisor"
        assert window.history._controller.user.username == "supervisor"
    finally:
        qtbot.wait(10)  # let the sale screen's queued focus call run before teardown
        database.close()


def test_preferences_and_window_geometry_persist_in_the_data_folder(qtbot, home, booth):
    settings = open_settings()
    assert Path(settings.fileName()) == home / "boothpos.ini"
    assert load_preferences(settings) == Preferences("id", 80, "pdf")

    translators = gui_app.Translators(QApplication.instance())
    shell = gui_app.AppShell(booth.db, booth.path, settings, translators)
    try:
        window = shell.start()
        qtbot.addWidget(window)
        window.resize(990, 640)
        closed_size = window.size()
        shell.apply(Preferences("id", 58, "escpos:file:/dev/null"))
        assert window.receipts._width_mm == 58
        assert window.receipts.printer.__class__.__name__ == "EscPosPrinter"
        window.close()
    finally:
        translators.remove()

    again = QSettings(str(home / "boothpos.ini"), QSettings.Format.IniFormat)
    assert load_preferences(again) == Preferences("id", 58, "escpos:file:/dev/null")
    shell2 = gui_app.AppShell(booth.db, booth.path, again, translators)
    window2 = shell2.start()
    qtbot.addWidget(window2)
    assert load_geometry(again) is not None
    # restored, not the default 1280 x 760 (the 800-pixel offscreen screen clamps the width)
    assert window2.height() == closed_size.height() == 640
    window2.close()


def test_a_bad_printer_setting_falls_back_to_pdf_with_a_message(qtbot, booth, home):
    prefs = Preferences(printer="escpos:usb:zz")
    printer, problem = gui_app.make_printer(prefs)
    assert printer.__class__.__name__ == "PdfOnlyPrinter"
    assert problem and "usb" in problem.lower()
    assert gui_app.check_printer("escpos:usb:zz")
    assert gui_app.check_printer("escpos:network:192.168.1.50") is None


def test_run_refuses_a_file_that_is_not_a_database(home, tmp_path, monkeypatch, qapp):
    bad = tmp_path / "not-a-db.db"
    bad.write_text("hello")
    shown = []
    monkeypatch.setattr(gui_app, "show_error", lambda _parent, text: shown.append(text))
    assert gui_app.run(db_path=bad) == 1
    assert shown and "bukan file database" in shown[0]


def test_the_cashier_pin_may_not_be_the_admin_pin(qtbot, home, tmp_path, translators):
    target = tmp_path / "x.db"
    dialog = first_run(qtbot, target)
    type_text(qtbot, "Pameran")
    dialog.admin_pin.setFocus()
    type_text(qtbot, "2468")
    press(qtbot, TAB)
    type_text(qtbot, "2468")
    dialog.cashier_pin.setFocus()
    type_text(qtbot, "2468")
    press(qtbot, TAB)
    type_text(qtbot, "2468")
    press(qtbot, ENTER)
    assert "PIN ini sudah dipakai pengguna lain" in dialog.problems.toPlainText()
    assert not target.exists()
