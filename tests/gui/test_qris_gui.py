"""QRIS on screen: the amount code in the payment dialog, the customer display, the admin dialog.

The QR codes are read back the way a customer's phone would: the widget is
grabbed as an image and decoded with zxing-cpp.
"""

from __future__ import annotations

import pytest
import segno
import zxingcpp
from fixtures_shell import *  # noqa: F403 - home, translators
from fixtures_shell import press, show
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qris_samples import static_payload, wrong_crc
from sale_support import focused, open_payment, scan

from boothpos.core import qris
from boothpos.core.errors import PermissionDenied
from boothpos.core.event import get_event
from boothpos.gui.controllers.customer_display_controller import (
    CustomerDisplayController,
    choose_screen,
)
from boothpos.gui.views.customer_display import PAGE_CART, PAGE_PAYMENT, PAGE_THANKS

pytestmark = pytest.mark.usefixtures("english")  # messages compared in English


@pytest.fixture
def with_qris(booth):
    qris.set_static(booth.db, static_payload(), user_id=booth.admin.id)
    return qris.validate_static(static_payload())


def decode(widget, tmp_path, name="grab.png") -> str:
    """Grab ``widget`` as a customer's camera would see it and decode its QR code."""
    path = tmp_path / name
    assert widget.grab().save(str(path))
    found = zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1, f"{len(found)} QR codes in {name}"
    return found[0].text


def assert_amount_code(text: str, static: qris.QrisCode, amount: int) -> None:
    code = qris.parse(text)  # TLV parsed, CRC valid
    assert code.get("01") == "12"
    assert code.get("54") == str(amount)
    assert not {"55", "56", "57"} & set(code.tags())
    merchant = [f for f in code.fields if f.tag not in ("01", "54", "63")]
    assert merchant == [f for f in static.fields if f.tag not in ("01", "63")]


def test_qris_in_the_payment_dialog_shows_the_amount_code_then_enter_confirms(
    qtbot, sale_screen, booth, with_qris, tmp_path, scan_clock
):
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    scan(qtbot, sale_screen, booth.product["gelang"].barcode)  # 85.000 + 35.000
    dialog = open_payment(qtbot, sale_screen)
    assert not dialog.qris_panel.isVisible()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F6)
    assert dialog.qris_panel.isVisible()
    assert dialog.qris_panel.amount_label.text() == "Rp 120.000"
    assert_amount_code(decode(dialog.qris_panel.qr, tmp_path), with_qris, 120_000)
    assert booth.count("sales") == 0  # pending until the attendant confirms
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Tab)
    scan_clock.person()  # typed by the attendant, not a scanner burst
    qtbot.keyClicks(focused(), "RRN 7788")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    rows = booth.reopen().execute("SELECT method, amount, reference FROM payments").fetchall()
    assert rows == [("qris", 120_000, "RRN 7788")]


def test_a_part_payment_by_qris_shows_the_part_amount(
    qtbot, sale_screen, booth, with_qris, tmp_path, scan_clock
):
    scan(qtbot, sale_screen, booth.product["kalung"].barcode)  # 250.000
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F6)
    scan_clock.person()  # typed by the attendant, not a scanner burst
    qtbot.keyClicks(dialog.amount_edit, "100.000")
    assert_amount_code(decode(dialog.qris_panel.qr, tmp_path), with_qris, 100_000)
    qtbot.keyClicks(dialog.amount_edit, "x")  # not an amount: no code at all
    assert dialog.qris_panel.qr.payload == ""
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)


def test_fallback_shows_the_static_code_and_esc_goes_back_to_the_cart(
    qtbot, sale_screen, booth, with_qris, tmp_path
):
    scan(qtbot, sale_screen, booth.product["noken"].barcode)
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F6)
    qtbot.mouseClick(dialog.qris_panel.fallback_button, Qt.MouseButton.LeftButton)
    assert decode(dialog.qris_panel.qr, tmp_path) == static_payload()
    qtbot.mouseClick(dialog.qris_panel.fallback_button, Qt.MouseButton.LeftButton)
    assert qris.parse(decode(dialog.qris_panel.qr, tmp_path, "again.png")).amount == 125_000
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: sale_screen.payment_dialog is None)
    assert booth.count("sales") == 0
    assert sale_screen.model.cart.total == 125_000
    qtbot.waitUntil(lambda: sale_screen.scan_field.hasFocus())


def test_without_a_booth_qris_the_dialog_says_so_and_qris_still_works(qtbot, sale_screen, booth):
    scan(qtbot, sale_screen, booth.product["gelang"].barcode)
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F6)
    assert dialog.qris_panel.isVisible()
    assert "No booth QRIS is set" in dialog.qris_panel.merchant_label.text()
    assert not dialog.qris_panel.qr.isVisible()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert booth.reopen().execute("SELECT method FROM payments").fetchall() == [("qris",)]


# -- the customer display ---------------------------------------------------------------------


@pytest.fixture
def display(qtbot, sale_screen, booth):
    controller = CustomerDisplayController(sale_screen, get_event(booth.db).name)
    controller.display.resize(1024, 640)
    controller.display.show()
    qtbot.waitExposed(controller.display)
    sale_screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sale_screen, timeout=2000)
    qtbot.waitUntil(lambda: sale_screen.scan_field.hasFocus(), timeout=2000)
    yield controller
    controller.display.close()
    controller.deleteLater()


def test_customer_display_follows_a_qris_sale(
    qtbot, sale_screen, booth, with_qris, display, tmp_path
):
    shown = display.display
    assert shown.event_label.text() == "INACRAFT 2024"
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    assert shown.page == PAGE_CART
    assert shown.total_label.text() == "Rp 85.000"
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    scan(qtbot, sale_screen, booth.product["gelang"].barcode)
    assert shown.total_label.text() == "Rp 205.000"
    assert shown.lines_view.model().rowCount() == 2
    assert shown.lines_view.isColumnHidden(1)  # no partner column for the customer
    dialog = open_payment(qtbot, sale_screen)
    assert shown.page == PAGE_PAYMENT and not shown.qr_card.isVisible()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F6)
    assert shown.pay_amount_label.text() == "Rp 205.000"
    assert shown.qr_card.isVisible()
    assert_amount_code(decode(shown.qr, tmp_path), with_qris, 205_000)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale_screen.payment_dialog is None)
    assert shown.page == PAGE_THANKS
    assert shown.thanks_label.text() == "Terima kasih"
    assert shown.change_label.text() == ""
    qtbot.waitUntil(lambda: sale_screen.scan_field.hasFocus(), timeout=2000)
    scan(qtbot, sale_screen, booth.product["gelang"].barcode)  # the next customer
    assert shown.page == PAGE_CART and shown.total_label.text() == "Rp 35.000"


def test_customer_display_shows_the_change_of_a_cash_sale(
    qtbot, sale_screen, booth, display, scan_clock
):
    shown = display.display
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()  # typed by the attendant, not a scanner burst
    assert shown.pay_amount_label.text() == "Rp 85.000"
    qtbot.keyClicks(dialog.amount_edit, "100.000")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown.page == PAGE_THANKS)
    assert shown.change_label.text() == "Change Rp 15.000"
    assert shown.paid_label.text() == "Paid Rp 100.000"


def test_customer_display_goes_back_to_the_cart_when_payment_is_cancelled(
    qtbot, sale_screen, booth, with_qris, display
):
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F6)
    assert display.display.qr.payload
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: sale_screen.payment_dialog is None)
    assert display.display.page == PAGE_CART


class _Screen:
    def __init__(self, name):
        self._name = name

    def name(self):
        return self._name


def test_the_display_goes_to_the_second_screen_or_the_remembered_one():
    laptop, monitor, tablet = _Screen("eDP-1"), _Screen("HDMI-1"), _Screen("DP-2")
    assert choose_screen([laptop], "", laptop) == (laptop, False)
    assert choose_screen([laptop, monitor], "", laptop) == (monitor, True)
    assert choose_screen([laptop, monitor, tablet], "DP-2", laptop) == (tablet, True)
    assert choose_screen([laptop, monitor], "gone", laptop) == (monitor, True)
    assert choose_screen([], "", None) == (None, False)


# -- admin: the booth's QRIS ----------------------------------------------------------------


def test_admin_sets_the_booth_qris_by_scanning_or_from_a_photo(qtbot, booth, tmp_path):
    from boothpos.gui.controllers.qris_controller import QrisSettingsController
    from boothpos.gui.views.qris_settings_dialog import QrisSettingsDialog

    with pytest.raises(PermissionDenied):
        QrisSettingsController(booth.db, booth.kasir)
    dialog = QrisSettingsDialog(QrisSettingsController(booth.db, booth.admin))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "No booth QRIS" in dialog.current_label.text()
    qtbot.keyClicks(dialog.input, wrong_crc(static_payload()))
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert "CRC" in dialog.message_label.text()
    assert qris.stored(booth.reopen()) is None
    dialog.input.clear()
    qtbot.keyClicks(dialog.input, static_payload())
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert qris.require(booth.reopen()).payload == static_payload()
    assert "NMID ID1024318765432" in dialog.current_label.text()
    assert decode(dialog.qr, tmp_path) == static_payload()

    other = static_payload(name="MITRA BOOTH 2")
    photo = tmp_path / "sticker.png"
    segno.make(other, error="m").save(photo, scale=4, border=4)
    assert dialog.load_image(str(photo))
    assert qris.require(booth.reopen()).merchant_name == "MITRA BOOTH 2"


# -- the main window: Ctrl+D and Admin → Booth QRIS… ------------------------------------------


def test_ctrl_d_opens_and_closes_the_display_and_the_qris_item_is_for_admins(
    qtbot, home, booth, translators
):
    from boothpos.gui import app as gui_app
    from boothpos.gui.preferences import open_settings

    shell = gui_app.AppShell(booth.db, booth.path, open_settings(), translators)
    window = shell.start(booth.kasir)
    show(qtbot, window, track=False)
    try:
        assert not window.qris_action.isEnabled()
        assert shell.open_qris() is None  # refused for an attendant, said on the status bar
        assert "admin" in window.statusBar().currentMessage()
        press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        controller = shell.customer_display
        assert controller is not None and controller.display.isVisible()
        assert controller.display.event_label.text() == "INACRAFT 2024"
        assert QApplication.activeWindow() is window  # the display never takes the keyboard
        press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert not controller.display.isVisible()
        window.sign_out()
        window.sign_in(booth.admin)
        assert window.qris_action.isEnabled()
        dialog = shell.open_qris()
        assert dialog is not None and dialog.isVisible()
        dialog.reject()
        assert shell.toggle_customer_display()
        window.close()  # the display closes with the main window
        assert not controller.display.isVisible()
    finally:
        qtbot.wait(10)
        window.receipts.work.wait_idle()
        window.close()
        window.deleteLater()
        qtbot.wait(10)


def test_the_reports_screen_z_report_carries_the_qris_matching(booth, tmp_path):
    from pypdf import PdfReader

    from boothpos.core import qris_match, reports
    from boothpos.core.checkout import Tender
    from boothpos.gui.controllers.reports_controller import ReportsController

    sale = booth.sell("kopi", pay=[Tender("qris")], at=booth.time(1, 10, 0))
    history = tmp_path / "h.csv"
    history.write_text("time,amount,reference\n2024-02-28 10:02,85000,RRN-55\n", encoding="utf-8")
    qris_match.match_file(booth.db, history)
    controller = ReportsController(
        booth.db, get_event(booth.db), tmp_path, work=None, printer=lambda: None
    )
    day = reports.day_report(booth.db, "2024-02-28")
    pdf = tmp_path / "z.pdf"
    pdf.write_bytes(controller._day_document(day).render())
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "QRIS: Pencocokan dengan Riwayat Merchant" in text
    assert sale.receipt_no in text and "RRN-55" in text
