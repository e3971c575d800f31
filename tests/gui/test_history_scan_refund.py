"""History: a scan is never silently dropped; refunds default to cash and read as refunds."""

from __future__ import annotations

from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, today_sale, type_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from boothpos.core import clock
from boothpos.core import db as dbmod
from boothpos.core.checkout import Tender
from boothpos.core.event import get_event
from boothpos.gui import app as gui_app
from boothpos.gui.controllers.history_controller import HistoryController
from boothpos.gui.preferences import Preferences
from boothpos.gui.views.history_view import HistoryScreen
from boothpos.gui.views.refund_dialog import RefundDialog
from boothpos.gui.views.supervisor_dialog import SupervisorDialog

ENTER = Qt.Key.Key_Return


def test_a_scan_on_history_goes_to_the_cart_and_the_screen_says_so(
    qtbot, booth, receipts, translators, beeps
):
    database = dbmod.connect(booth.path)
    window = gui_app.build_main_window(database, booth.path, Preferences(), receipts=receipts)
    window.resize(1280, 760)
    show(qtbot, window)
    try:
        type_text(qtbot, "1111")
        press(qtbot, ENTER)
        qtbot.waitUntil(lambda: window.current_screen() is window.sale)
        press(qtbot, Qt.Key.Key_F9)
        assert window.current_screen() is window.history
        qtbot.waitUntil(lambda: window.history.isVisible())

        # a scanner: the keys back to back, then Enter (real time, well under 35 ms apart)
        type_text(qtbot, booth.product["kopi"].barcode)
        press(qtbot, ENTER)
        assert window.current_screen() is window.history
        assert window.history.banner.isVisible()
        assert "Kopi Arabika Gayo 250 g" in window.history.banner.text()
        assert window.history.banner.property("role") == "info"
        assert window.history.search_edit.text() == ""  # nothing left in a field
        assert not beeps

        # an unknown code: beep and a message, the cart unchanged
        type_text(qtbot, "8990000000001")
        press(qtbot, ENTER)
        assert beeps
        assert window.history.banner.property("role") == "error"
        assert "8990000000001" in window.history.banner.text()

        press(qtbot, Qt.Key.Key_Escape)
        assert window.current_screen() is window.sale
        assert [(i.product.name, i.qty) for i in window.sale.model.cart] == [
            ("Kopi Arabika Gayo 250 g", 1)
        ]
        assert booth.count("sales") == 0
    finally:
        qtbot.wait(10)
        database.close()


def test_a_receipt_number_typed_fast_into_search_still_searches(
    qtbot, booth, receipts, translators
):
    sale = today_sale(booth, "kopi")
    screen = HistoryScreen(HistoryController(booth.db, get_event(booth.db), receipts))
    screen.set_user(booth.kasir)
    screen.resize(1100, 640)
    show(qtbot, screen)
    screen.open_day()
    with qtbot.assertNotEmitted(screen.scanned):
        press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, sale.receipt_no)
        press(qtbot, ENTER)
    assert screen.selected_sale().receipt_no == sale.receipt_no


def test_refund_of_a_qris_and_cash_sale_defaults_to_cash_and_reads_as_a_refund(
    qtbot, booth, receipts, translators
):
    sale = today_sale(booth, "noken")  # 125.000
    mixed = booth.sell(
        "kalung", pay=[Tender("qris", 200_000, "QR-1"), Tender("cash", 50_000)], at=clock.now()
    )
    screen = HistoryScreen(HistoryController(booth.db, get_event(booth.db), receipts))
    screen.set_user(booth.kasir)
    screen.resize(1100, 640)
    show(qtbot, screen)
    screen.open_day()
    screen.select_receipt(mixed.receipt_no)
    assert screen.selected_sale().receipt_no == mixed.receipt_no
    assert sale.receipt_no != mixed.receipt_no

    press(qtbot, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: isinstance(screen.dialog, RefundDialog) and screen.dialog.isVisible())
    choose = screen.dialog
    assert choose.method() == "cash"  # QRIS 200.000 + cash 50.000: cash back first
    combo = choose.method_combo
    assert [combo.itemData(i) for i in range(combo.count())][:2] == ["cash", "qris"]
    qtbot.waitUntil(lambda: focused().window() is choose, timeout=2000)
    press(qtbot, Qt.Key.Key_Up)  # the one kalung line
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: isinstance(screen.dialog, SupervisorDialog))
    dialog = screen.dialog
    qtbot.waitUntil(lambda: focused().window() is dialog, timeout=2000)
    type_text(qtbot, "5555")
    press(qtbot, ENTER)
    type_text(qtbot, "salah ukuran")
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: screen.dialog is None)
    receipts.work.wait_idle()

    refund_no = (
        booth.reopen().execute("SELECT receipt_no FROM sales WHERE kind = 'refund'").fetchone()[0]
    )
    screen.select_receipt(refund_no)
    text = screen.payments_label.text().replace("\u00a0", " ")  # "Rp" and amount held together
    assert text == "Refund: Tunai Rp 250.000"  # not "Dibayar: Tunai -Rp 250.000"
    assert "supervisor" in screen.detail_info.text()  # approved by

    pdf = PdfReader(str(receipts.path_for(refund_no)))
    receipt = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Disetujui" in receipt and "supervisor" in receipt
    QApplication.processEvents()
