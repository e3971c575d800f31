"""English on screen: plurals, sentences, amounts that never split over two lines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sale_support import focused, open_payment, scan

from boothpos.gui.labels import keep_amounts, plural, sentence


def test_plural_sentence_and_amount_helpers():
    assert plural(1, "{n} line", "{n} lines") == "1 line"
    assert plural(2, "{n} line", "{n} lines") == "2 lines"
    assert plural(0, "{n} line", "{n} lines") == "0 lines"
    assert plural(1200, "{n} piece", "{n} pieces since {d}", shown="1.200", d="28/02") == (
        "1.200 pieces since 28/02"
    )
    assert sentence("wrong PIN for 'kasir'") == "Wrong PIN for 'kasir'"
    assert keep_amounts("Total Rp 895.000") == "Total Rp\u00a0895.000"


def test_the_cart_counts_in_english_plurals(qtbot, sale_screen, booth):
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    assert sale_screen.count_label.text() == "1 pcs · 1 line"
    scan(qtbot, sale_screen, booth.product["gelang"].barcode)
    assert sale_screen.count_label.text() == "2 pcs · 2 lines"


def test_last_sale_keeps_rp_with_its_amount(qtbot, sale_screen, booth, scan_clock):
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()
    qtbot.keyClicks(dialog.amount_edit, "100000")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale_screen.payment_dialog is None)
    text = sale_screen.last_receipt_label.text()
    assert "Rp\u00a085.000" in text and "Rp 85.000" not in text
