"""Sign-out with an unpaid cart: the next user starts empty; the cart waits for its cashier."""

from __future__ import annotations

from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from boothpos.core import db as dbmod
from boothpos.gui import app as gui_app
from boothpos.gui.preferences import Preferences

ENTER = Qt.Key.Key_Return


def sign_in(qtbot, window, pin: str) -> None:
    assert focused() is window.login.pin_edit
    type_text(qtbot, pin)
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: window.current_screen() is window.sale)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale.scan_field)


def sign_out(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() is window.login


def test_sign_out_parks_the_cart_and_clears_the_last_sale(qtbot, booth, receipts, translators):
    database = dbmod.connect(booth.path)
    window = gui_app.build_main_window(database, booth.path, Preferences(), receipts=receipts)
    window.resize(1280, 760)
    show(qtbot, window)
    try:
        sign_in(qtbot, window, "1111")  # kasir sells one, then starts a second sale
        with qtbot.waitSignal(window.sale.saleCompleted, timeout=5000):
            type_text(qtbot, booth.product["gelang"].barcode)
            press(qtbot, ENTER)
            press(qtbot, Qt.Key.Key_F12)
            qtbot.waitUntil(lambda: window.sale.payment_dialog is not None)
            qtbot.waitUntil(lambda: focused().window() is window.sale.payment_dialog)
            press(qtbot, ENTER)
        qtbot.waitUntil(lambda: window.sale.payment_dialog is None)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale.scan_field)
        assert window.sale.last_sale_frame.isVisible()
        type_text(qtbot, booth.product["kopi"].barcode)
        press(qtbot, ENTER)
        type_text(qtbot, booth.product["kopi"].barcode)
        press(qtbot, ENTER)
        assert window.sale.model.item_count() == 2

        sign_out(qtbot, window)
        sign_in(qtbot, window, "9999")  # the admin starts on an empty cart
        assert window.user.username == "admin"
        assert window.sale.model.rowCount() == 0
        assert window.sale.total_label.text() == "Rp 0"
        assert not window.sale.last_sale_frame.isVisible()  # not kasir's change
        assert not window.sale.pay_button.isEnabled()

        sign_out(qtbot, window)
        sign_in(qtbot, window, "1111")  # kasir gets the parked cart back
        assert window.user.username == "kasir"
        assert [(i.product.name, i.qty) for i in window.sale.model.cart] == [
            ("Kopi Arabika Gayo 250 g", 2)
        ]
        assert window.sale.total_label.text() == "Rp 170.000"
        assert booth.count("sales") == 1  # the parked cart was never a sale
    finally:
        qtbot.wait(10)
        database.close()


def test_settings_only_for_a_signed_in_supervisor_or_admin(qtbot, booth, receipts, translators):
    database = dbmod.connect(booth.path)
    window = gui_app.build_main_window(database, booth.path, Preferences(), receipts=receipts)
    window.resize(1280, 760)
    show(qtbot, window)
    try:
        assert not window.settings_action.isEnabled()  # nobody signed in
        with qtbot.assertNotEmitted(window.settingsRequested):
            press(qtbot, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
        sign_in(qtbot, window, "1111")
        assert not window.settings_action.isEnabled()  # an attendant
        sign_out(qtbot, window)
        sign_in(qtbot, window, "5555")
        assert window.settings_action.isEnabled()
        with qtbot.waitSignal(window.settingsRequested, timeout=2000):
            window.settings_action.trigger()
        sign_out(qtbot, window)
        assert not window.settings_action.isEnabled()
    finally:
        qtbot.wait(10)
        database.close()
