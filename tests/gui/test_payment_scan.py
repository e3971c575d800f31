"""A scanner burst while the payment dialog is open: never an amount, never the completing Enter.

The issue this guards: a scan typed into the amount field ("2000000000084" + Enter)
completed the sale as cash with the barcode as the amount. Now the product goes
into the cart behind the dialog (the dialog's total follows) or the scan is
refused with a beep; the dialog stays open and nothing is written.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from sale_support import burst, focused, open_payment, scan


def code(booth, key: str) -> str:
    return booth.product[key].barcode


def test_burst_into_the_amount_goes_to_the_cart_and_the_dialog_stays(
    qtbot, sale_screen, booth, scan_clock
):
    scan(qtbot, sale_screen, code(booth, "gelang"))  # 35.000
    before = booth.snapshot()
    dialog = open_payment(qtbot, sale_screen)
    assert dialog.amount_edit.text() == "35.000"

    scan_clock.scanner()
    burst(qtbot, dialog.amount_edit, code(booth, "kopi"))  # 85.000, typed 5 ms apart + Enter

    assert dialog.isVisible() and sale_screen.payment_dialog is dialog
    assert booth.snapshot() == before  # no sale, no payment, no stock move
    assert [i.product.name for i in sale_screen.model.cart] == [
        "Gelang Mutiara",
        "Kopi Arabika Gayo 250 g",
    ]
    assert dialog.total_value.text() == "Rp 120.000"
    assert dialog.amount_edit.text() == "120.000"  # the untouched amount follows the total
    assert "Kopi Arabika Gayo 250 g" in dialog.error_label.text()
    assert "Rp\u00a0120.000" in dialog.error_label.text()  # never split

    scan_clock.person()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # the cashier's own Enter completes
    assert sale_screen.payment_dialog is None
    assert booth.reopen().execute("SELECT total, change FROM sales").fetchall() == [(120_000, 0)]
    lines = booth.reopen().execute("SELECT id FROM sale_lines").fetchall()
    assert len(lines) == 2


def test_burst_keeps_an_amount_the_cashier_typed(qtbot, sale_screen, booth, scan_clock):
    scan(qtbot, sale_screen, code(booth, "gelang"))  # 35.000
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()
    qtbot.keyClicks(dialog.amount_edit, "200.000")
    scan_clock.t += 1.0  # a second later, the scanner
    scan_clock.scanner()
    burst(qtbot, dialog.amount_edit, code(booth, "kopi"))
    assert dialog.amount_edit.text() == "200.000"
    assert dialog.change_value.text() == "Rp 80.000"  # 200.000 for 120.000
    assert booth.count("sales") == 0


def test_unknown_code_burst_is_refused_with_a_beep(qtbot, sale_screen, booth, scan_clock, beeps):
    scan(qtbot, sale_screen, code(booth, "noken"))  # 125.000
    before = booth.snapshot()
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.scanner()
    burst(qtbot, dialog.amount_edit, "2000000000084")
    assert dialog.isVisible()
    assert beeps
    assert dialog.amount_edit.text() == "125.000"  # not the barcode
    assert "2000000000084" in dialog.error_label.text()
    assert "Nothing was paid" in dialog.error_label.text()
    assert booth.snapshot() == before
    assert sale_screen.model.rowCount() == 1


def test_burst_into_the_reference_field_never_completes(
    qtbot, sale_screen, booth, scan_clock, beeps
):
    scan(qtbot, sale_screen, code(booth, "noken"))
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F6)  # QRIS, exact amount
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Tab)
    assert dialog.reference_edit.hasFocus()
    scan_clock.scanner()
    burst(qtbot, dialog.reference_edit, "9990001112223")
    assert dialog.isVisible()
    assert booth.count("sales") == 0


def test_real_timing_burst_and_a_real_person(qtbot, sale_screen, booth):
    """The wall clock: keys sent back to back are a scanner; 60 ms apart are a person."""
    scan(qtbot, sale_screen, code(booth, "gelang"))  # 35.000
    dialog = open_payment(qtbot, sale_screen)
    dialog.burst_guard.set_clock(time.monotonic)
    qtbot.keyClicks(dialog.amount_edit, code(booth, "kopi"))  # no delay: a scanner
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.total_value.text() == "Rp 120.000"
    assert booth.count("sales") == 0

    dialog.amount_edit.selectAll()
    qtbot.keyClicks(dialog.amount_edit, "150000", delay=60)  # a person, 60 ms apart
    qtbot.wait(60)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert sale_screen.payment_dialog is None
    assert booth.reopen().execute("SELECT total, change FROM sales").fetchall() == [
        (120_000, 30_000)
    ]


def test_payment_error_clears_when_the_amount_is_corrected(
    qtbot, sale_screen, booth, scan_clock, beeps
):
    scan(qtbot, sale_screen, code(booth, "gelang"))  # 35.000
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()
    qtbot.keyClicks(dialog.amount_edit, "20.000")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)  # short cash: refused
    assert dialog.error_label.isVisible() and beeps
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Backspace)
    assert not dialog.error_label.isVisible()
    assert dialog.error_label.text() == ""
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)
