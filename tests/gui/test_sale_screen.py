"""The sale screen, driven with key presses only; every test checks the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sale_support import burst, focused, open_payment, scan


def code(booth, key: str) -> str:
    return booth.product[key].barcode


def test_scan_adds_product_and_again_raises_quantity(qtbot, sale_screen, booth):
    before = booth.snapshot()
    scan(qtbot, sale_screen, code(booth, "kalung"))
    scan(qtbot, sale_screen, code(booth, "kalung"))
    scan(qtbot, sale_screen, code(booth, "kopi"))

    model = sale_screen.model
    assert model.rowCount() == 2
    assert [(i.product.name, i.qty) for i in model.cart] == [
        ("Kalung Mutiara Laut", 2),
        ("Kopi Arabika Gayo 250 g", 1),
    ]
    assert sale_screen.total_label.text() == "Rp 585.000"
    assert sale_screen.scan_field.text() == ""
    assert sale_screen.scan_field.hasFocus()
    assert booth.snapshot() == before  # ringing up writes nothing


def test_upc_form_of_a_code_finds_the_same_product(qtbot, sale_screen, booth):
    ean = code(booth, "noken")
    assert ean.startswith("0") is False  # the fixture's codes are 899…; the scan is trimmed
    scan(qtbot, sale_screen, f"  {ean} ")
    assert [i.product.name for i in sale_screen.model.cart] == ["Noken Anyaman Kecil"]


def test_scanner_burst_while_focus_is_on_the_cart_table_lands_in_the_cart(
    qtbot, sale_screen, booth
):
    scan(qtbot, sale_screen, code(booth, "kalung"))
    table = sale_screen.cart_view
    table.setFocus()
    assert focused() is table

    burst(qtbot, table, code(booth, "kopi"))
    assert sale_screen.scan_field.hasFocus()  # a scan brings the focus back to the field
    table.setFocus()
    burst(qtbot, table, code(booth, "kalung"))

    assert [(i.product.name, i.qty) for i in sale_screen.model.cart] == [
        ("Kalung Mutiara Laut", 2),
        ("Kopi Arabika Gayo 250 g", 1),
    ]
    assert sale_screen.scan_field.hasFocus()
    assert sale_screen.scan_field.text() == ""
    assert booth.count("sales") == 0


def test_scanner_burst_while_focus_is_on_a_button_lands_in_the_cart(qtbot, sale_screen, booth):
    sale_screen.search_button.setFocus()
    assert focused() is sale_screen.search_button

    burst(qtbot, sale_screen.search_button, code(booth, "noken"))

    assert [i.product.name for i in sale_screen.model.cart] == ["Noken Anyaman Kecil"]
    assert sale_screen.search_dialog is None  # nothing was clicked
    assert sale_screen.scan_field.hasFocus()


def test_scanner_burst_into_an_open_quantity_editor_still_lands_in_the_cart(
    qtbot, sale_screen, booth
):
    scan(qtbot, sale_screen, code(booth, "kalung"))
    table = sale_screen.cart_view
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # opens the quantity editor
    editor = focused()
    assert editor is not table and table.isAncestorOf(editor)

    burst(qtbot, editor, code(booth, "kopi"))

    names = [i.product.name for i in sale_screen.model.cart]
    assert names == ["Kalung Mutiara Laut", "Kopi Arabika Gayo 250 g"]
    assert sale_screen.model.cart[0].qty == 1  # the editor got none of the digits


def test_a_person_typing_a_quantity_on_the_table_edits_it(qtbot, sale_screen, booth, scan_clock):
    scan(qtbot, sale_screen, code(booth, "kopi"))
    table = sale_screen.cart_view
    table.setFocus()
    scan_clock.person()  # 200 ms between keys: not a scanner

    qtbot.keyClick(table, Qt.Key.Key_3)  # a digit on a row starts editing its quantity
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: sale_screen.model.cart[0].qty == 3, timeout=2000)
    assert booth.count("sales") == 0


def test_unknown_code_beeps_shows_banner_and_leaves_the_cart(qtbot, sale_screen, booth, beeps):
    scan(qtbot, sale_screen, code(booth, "kalung"))
    before = booth.snapshot()

    scan(qtbot, sale_screen, "8990000009999")

    assert len(beeps) == 1
    assert sale_screen.banner.isVisible()
    assert "8990000009999" in sale_screen.banner.text()
    assert [(i.product.name, i.qty) for i in sale_screen.model.cart] == [("Kalung Mutiara Laut", 1)]
    assert sale_screen.scan_field.text() == ""
    assert sale_screen.scan_field.hasFocus()
    assert QApplication.activeModalWidget() is None  # a banner, never a modal dialog
    assert booth.snapshot() == before

    scan(qtbot, sale_screen, code(booth, "kopi"))  # the next good scan clears it
    assert not sale_screen.banner.isVisible()


def test_unknown_code_from_a_scanner_burst_elsewhere_beeps_too(qtbot, sale_screen, booth, beeps):
    sale_screen.cart_view.setFocus()
    burst(qtbot, sale_screen.cart_view, "12345678")
    assert len(beeps) == 1
    assert "12345678" in sale_screen.banner.text()
    assert sale_screen.model.rowCount() == 0


def test_plus_minus_and_star_change_the_quantity(qtbot, sale_screen, booth):
    scan(qtbot, sale_screen, code(booth, "kalung"))
    scan(qtbot, sale_screen, code(booth, "kopi"))
    table = sale_screen.cart_view
    table.setFocus()
    table.selectRow(0)

    qtbot.keyClick(table, Qt.Key.Key_Plus)
    qtbot.keyClick(table, Qt.Key.Key_Plus)
    qtbot.keyClick(table, Qt.Key.Key_Minus)
    assert [i.qty for i in sale_screen.model.cart] == [2, 1]

    sale_screen.focus_scan()
    scan(qtbot, sale_screen, "*4")  # the selected line (kalung) becomes 4
    assert [i.qty for i in sale_screen.model.cart] == [4, 1]
    qtbot.keyClick(sale_screen.scan_field, Qt.Key.Key_Plus)  # empty scan field: + steps it
    assert [i.qty for i in sale_screen.model.cart] == [5, 1]
    assert sale_screen.total_label.text() == "Rp 1.335.000"  # 5 × 250.000 + 85.000
    assert booth.count("sales") == 0


def test_quantity_cell_edit_and_refusal(qtbot, sale_screen, booth, beeps):
    scan(qtbot, sale_screen, code(booth, "noken"))
    table = sale_screen.cart_view
    table.setFocus()

    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = focused()
    editor.selectAll()
    qtbot.keyClicks(editor, "6")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: sale_screen.model.cart[0].qty == 6, timeout=2000)

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = focused()
    editor.selectAll()
    qtbot.keyClicks(editor, "0")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(beeps), timeout=2000)
    assert sale_screen.model.cart[0].qty == 6  # refused: unchanged
    assert "0" in sale_screen.banner.text()

    qtbot.keyClick(sale_screen.scan_field, Qt.Key.Key_Minus)  # cannot go below 1 either
    sale_screen.model.set_qty(0, 1)
    qtbot.keyClick(sale_screen.scan_field, Qt.Key.Key_Minus)
    assert sale_screen.model.cart[0].qty == 1


def test_discount_cell_takes_rupiah_and_refuses_more_than_the_line(
    qtbot, sale_screen, booth, scan_clock
):
    scan(qtbot, sale_screen, code(booth, "kalung"))
    scan_clock.person()  # typed by a person (a 5 ms burst + Enter would be a scan)
    model = sale_screen.model
    index = model.index(0, 4)  # COL_DISCOUNT
    table = sale_screen.cart_view
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    editor = focused()
    editor.selectAll()
    qtbot.keyClicks(editor, "Rp 25.000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.cart[0].discount == 25_000, timeout=2000)
    assert sale_screen.total_label.text() == "Rp 225.000"

    assert not model.setData(index, "300.000")
    assert model.cart[0].discount == 25_000
    assert "Rp 250.000" in sale_screen.banner.text()


def test_delete_removes_the_selected_line(qtbot, sale_screen, booth):
    for key in ("kalung", "kopi", "noken"):
        scan(qtbot, sale_screen, code(booth, key))
    table = sale_screen.cart_view
    table.setFocus()
    table.selectRow(1)

    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [i.product.name for i in sale_screen.model.cart] == [
        "Kalung Mutiara Laut",
        "Noken Anyaman Kecil",
    ]
    assert sale_screen.scan_field.hasFocus()

    qtbot.keyClick(sale_screen.scan_field, Qt.Key.Key_Delete)  # empty field: Del removes
    assert sale_screen.model.rowCount() == 1
    assert booth.count("sales") == 0


def test_pay_cash_with_change(qtbot, sale_screen, booth, receipt_folder, printer, scan_clock):
    scan(qtbot, sale_screen, code(booth, "kalung"))
    scan(qtbot, sale_screen, code(booth, "noken"))  # 250.000 + 125.000 = 375.000

    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()  # a person types into the dialog (no scanner burst)
    assert dialog.method == "cash"
    assert dialog.amount_edit.text() == "375.000"
    assert dialog.amount_edit.selectedText() == "375.000"
    qtbot.keyClicks(dialog.amount_edit, "400000")
    assert dialog.change_value.text() == "Rp 25.000"
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    sale = (
        booth.reopen()
        .execute("SELECT id, receipt_no, total, change, cashier_id FROM sales")
        .fetchall()
    )
    assert len(sale) == 1
    sale_id, receipt_no, total, change, cashier_id = sale[0]
    assert (total, change, cashier_id) == (375_000, 25_000, booth.kasir.id)
    payments = (
        booth.reopen()
        .execute("SELECT method, amount FROM payments WHERE sale_id = ?", (sale_id,))
        .fetchall()
    )
    assert payments == [("cash", 400_000)]
    assert booth.on_hand("kalung") == 9 and booth.on_hand("noken") == 4
    assert booth.ledger("kalung") == 9
    assert sale_screen.receipts.work.wait_idle()  # the receipt is made on the worker
    assert (receipt_folder / f"{receipt_no}.pdf").read_bytes().startswith(b"%PDF")

    assert sale_screen.payment_dialog is None
    assert sale_screen.model.rowCount() == 0
    assert sale_screen.total_label.text() == "Rp 0"
    qtbot.waitUntil(lambda: sale_screen.scan_field.hasFocus(), timeout=2000)
    assert "Rp 25.000" in sale_screen.change_label.text()
    sale_screen.receipts.work.wait_idle()
    assert printer.titles == [receipt_no]


def test_keyboard_only_f12_enter_pays_exact_cash(qtbot, sale_screen, booth):
    with qtbot.waitSignal(sale_screen.saleCompleted) as completed:
        scan(qtbot, sale_screen, code(booth, "kopi"))
        dialog = open_payment(qtbot, sale_screen)
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    receipt_no = completed.args[0]
    row = (
        booth.reopen()
        .execute(
            "SELECT s.total, s.change, p.method, p.amount FROM sales s "
            "JOIN payments p ON p.sale_id = s.id WHERE s.receipt_no = ?",
            (receipt_no,),
        )
        .fetchall()
    )
    assert row == [(85_000, 0, "cash", 85_000)]
    assert receipt_no == "INA24-T1-0228-00001"
    qtbot.waitUntil(lambda: sale_screen.scan_field.hasFocus(), timeout=2000)

    # the next customer straight away: scan, F12, Enter
    scan(qtbot, sale_screen, code(booth, "gelang"))
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert booth.count("sales") == 2


def test_split_payment_qris_then_cash(qtbot, sale_screen, booth, scan_clock):
    scan(qtbot, sale_screen, code(booth, "kalung"))
    scan(qtbot, sale_screen, code(booth, "noken"))  # 375.000
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()  # a person types into the dialog (no scanner burst)

    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F6)  # QRIS
    assert dialog.method == "qris"
    qtbot.keyClicks(dialog.amount_edit, "200.000")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "QR-778812")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # below the total: a part payment

    assert dialog.isVisible()
    assert [(t.method, t.amount, t.reference) for t in dialog.controller.lines] == [
        ("qris", 200_000, "QR-778812")
    ]
    assert dialog.method == "cash"
    assert dialog.due_value.text() == "Rp 175.000"
    assert dialog.amount_edit.text() == "175.000"
    assert booth.count("sales") == 0  # nothing written until the sale completes

    qtbot.keyClicks(dialog.amount_edit, "200.000")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    rows = (
        booth.reopen()
        .execute(
            "SELECT s.total, s.change, p.method, p.amount, p.reference FROM sales s "
            "JOIN payments p ON p.sale_id = s.id ORDER BY p.id"
        )
        .fetchall()
    )
    assert rows == [
        (375_000, 25_000, "qris", 200_000, "QR-778812"),
        (375_000, 25_000, "cash", 200_000, ""),
    ]


def test_f12_on_an_empty_cart_opens_nothing(qtbot, sale_screen, booth, beeps):
    before = booth.snapshot()
    qtbot.keyClick(sale_screen.scan_field, Qt.Key.Key_F12)
    assert sale_screen.payment_dialog is None
    assert QApplication.activeModalWidget() is None
    assert sale_screen.banner.isVisible()
    assert beeps
    assert sale_screen.scan_field.hasFocus()
    assert booth.snapshot() == before


def test_short_payment_is_refused_and_nothing_is_written(
    qtbot, sale_screen, booth, beeps, scan_clock
):
    scan(qtbot, sale_screen, code(booth, "kalung"))
    before = booth.snapshot()
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()  # a person types into the dialog (no scanner burst)
    qtbot.keyClicks(dialog.amount_edit, "100.000")
    assert dialog.change_value.property("state") == "short"
    assert dialog.change_value.text() == "Rp 150.000"
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "Rp\u00a0150.000" in dialog.error_label.text()  # what is missing, never split
    assert beeps
    assert booth.snapshot() == before

    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)
    assert sale_screen.payment_dialog is None
    assert sale_screen.model.rowCount() == 1  # the cart is kept
    qtbot.waitUntil(lambda: sale_screen.scan_field.hasFocus(), timeout=2000)
    assert booth.snapshot() == before


def test_f2_search_adds_the_chosen_product(qtbot, sale_screen, booth):
    scan(qtbot, sale_screen, code(booth, "kopi"))
    qtbot.keyClick(sale_screen.scan_field, Qt.Key.Key_F2)
    dialog = sale_screen.search_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.query_edit.hasFocus(), timeout=2000)

    qtbot.keyClicks(dialog.query_edit, "mutiara")  # partner name: two products
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Down)
    assert dialog.model.rowCount() == 2
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)

    assert sale_screen.search_dialog is None
    assert [i.product.name for i in sale_screen.model.cart] == [
        "Kopi Arabika Gayo 250 g",
        "Kalung Mutiara Laut",  # sorted by name: Gelang, Kalung; ↓ picked the second
    ]
    qtbot.waitUntil(lambda: sale_screen.scan_field.hasFocus(), timeout=2000)
    assert booth.count("sales") == 0


def test_f2_search_by_partner_code_and_escape(qtbot, sale_screen, booth):
    qtbot.keyClick(sale_screen.scan_field, Qt.Key.Key_F2)
    dialog = sale_screen.search_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.query_edit, "JPR01")
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert [i.product.name for i in sale_screen.model.cart] == ["Noken Anyaman Kecil"]

    qtbot.keyClick(sale_screen.scan_field, Qt.Key.Key_F2)
    dialog = sale_screen.search_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.query_edit, "tenun")
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Escape)
    assert sale_screen.search_dialog is None
    assert sale_screen.model.rowCount() == 1


def test_printer_failure_keeps_the_sale_once_and_reprint_works(
    qtbot, booth, receipt_service, receipt_folder, sale_time, scan_clock
):
    from sale_support import FailingPrinter

    from boothpos.core.event import get_event
    from boothpos.gui.views.sale_view import SaleScreen

    jammed = FailingPrinter(failures=1)
    receipt_service.set_printer(jammed)
    screen = SaleScreen(
        booth.db, get_event(booth.db), receipt_service, now=lambda: sale_time,
        scanner_clock=scan_clock,
    )  # fmt: skip
    screen.set_cashier(booth.kasir)
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: screen.scan_field.hasFocus(), timeout=2000)

    scan(qtbot, screen, code(booth, "gelang"))
    with qtbot.waitSignal(receipt_service.output.failed, timeout=5000) as failed:
        dialog = open_payment(qtbot, screen)
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    job, stage, message = failed.args
    receipt_no = job.title
    assert stage == "print" and "paper jam" in message

    assert booth.count("sales") == 1
    assert booth.count("payments") == 1
    assert (receipt_folder / f"{receipt_no}.pdf").exists()
    assert screen.banner.isVisible()
    assert receipt_no in screen.banner.text()
    assert "paper jam" in screen.banner.text()
    assert QApplication.activeModalWidget() is None
    assert screen.model.rowCount() == 0

    # scanning goes on while the printer problem stays on the banner
    scan(qtbot, screen, code(booth, "kopi"))
    assert receipt_no in screen.banner.text()

    [row] = screen.banner.rows()
    assert row.action_button is not None  # "Reprint"
    with qtbot.waitSignal(receipt_service.output.printed, timeout=5000):
        row.action_button.click()
    assert (receipt_folder / f"{receipt_no}-reprint-1.pdf").exists()
    assert jammed.titles == [receipt_no]
    assert booth.count("sales") == 1  # the reprint wrote nothing
    receipt_service.work.wait_idle()
    screen.hide()


def test_negative_stock_warning_shows_on_the_banner(qtbot, sale_screen, booth):
    scan(qtbot, sale_screen, code(booth, "tenun"))  # one in stock
    scan(qtbot, sale_screen, code(booth, "tenun"))
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    assert booth.count("sales") == 1
    assert booth.on_hand("tenun") == -1
    assert sale_screen.banner.isVisible()
    assert "-1" in sale_screen.banner.text()
    assert QApplication.activeModalWidget() is None


def test_sale_outside_the_fair_days_is_recorded_with_a_banner_warning(
    qtbot, booth, receipt_service, scan_clock
):
    from boothpos.core.event import get_event
    from boothpos.gui.views.sale_view import SaleScreen

    after_the_fair = booth.time(9, 11)
    screen = SaleScreen(
        booth.db, get_event(booth.db), receipt_service, now=lambda: after_the_fair,
        scanner_clock=scan_clock,
    )  # fmt: skip
    screen.set_cashier(booth.kasir)
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: screen.scan_field.hasFocus(), timeout=2000)
    scan(qtbot, screen, code(booth, "kopi"))
    dialog = open_payment(qtbot, screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    assert booth.count("sales", "day = ?", ("2024-03-07",)) == 1
    assert "2024-03-07" in screen.banner.text()
    screen.hide()


def test_scanner_watch_is_installed_only_while_the_screen_is_shown(qtbot, sale_screen):
    assert sale_screen.scanner.installed
    sale_screen.hide()
    assert not sale_screen.scanner.installed
    sale_screen.show()
    assert sale_screen.scanner.installed


def test_keys_are_filtered_app_wide_only_while_the_focus_is_off_the_scan_field(
    qtbot, sale_screen, booth
):
    """In the scan field (nearly all the time) no application-wide filter runs."""
    qtbot.waitUntil(sale_screen.scan_field.hasFocus, timeout=2000)
    assert sale_screen.scanner.installed and not sale_screen.scanner.filtering
    sale_screen.cart_view.setFocus()
    assert focused() is sale_screen.cart_view
    assert sale_screen.scanner.filtering
    burst(qtbot, sale_screen.cart_view, code(booth, "kopi"))
    assert [i.product.name for i in sale_screen.model.cart] == ["Kopi Arabika Gayo 250 g"]
    assert sale_screen.scan_field.hasFocus()  # the scan brought the focus back ...
    assert not sale_screen.scanner.filtering  # ... and the filter is off again
    sale_screen.cart_view.setFocus()
    sale_screen.hide()
    assert not sale_screen.scanner.filtering and not sale_screen.scanner.installed
    sale_screen.show()


def test_in_the_main_window_scan_pay_and_history_switch(qtbot, booth, monkeypatch, tmp_path):
    """The real window from gui.app: kasir signed in, scan, F12, Enter; F9 hides the till."""
    from boothpos.gui.app import build_main_window
    from boothpos.gui.preferences import Preferences

    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))
    window = build_main_window(
        booth.db, booth.path, Preferences(language="en", printer="pdf"), user=booth.kasir
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    screen = window.sale
    qtbot.waitUntil(lambda: screen.scan_field.hasFocus(), timeout=2000)
    assert screen.scanner.installed

    scan(qtbot, screen, code(booth, "noken"))
    with qtbot.waitSignal(screen.saleCompleted, timeout=5000) as completed:
        dialog = open_payment(qtbot, screen)
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    receipt_no = completed.args[0]
    assert booth.count("sales", "receipt_no = ?", (receipt_no,)) == 1
    assert window.output.work.wait_idle()
    assert list(booth.path.parent.rglob(f"{receipt_no}.pdf"))
    qtbot.waitUntil(lambda: screen.scan_field.hasFocus(), timeout=2000)

    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F9)  # sales history
    assert window.current_screen() is window.history
    assert not screen.scanner.installed  # a scan no longer reaches the hidden till
    window.show_sale()
    assert screen.scanner.installed
    window.receipts.work.wait_idle()


def test_receipt_that_cannot_be_saved_keeps_the_sale_and_can_be_made_again(
    qtbot, sale_screen, booth, receipt_service, receipt_folder, monkeypatch
):
    from boothpos.gui import output as output_module

    real_write = output_module.write_pdf
    failures = [OSError(28, "No space left on device")]

    def full_disk(path, pdf):
        if failures:
            raise failures.pop()
        return real_write(path, pdf)

    monkeypatch.setattr(output_module, "write_pdf", full_disk)
    scan(qtbot, sale_screen, code(booth, "kopi"))
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    assert sale_screen.payment_dialog is None  # the sale is done, not "failed"
    assert booth.count("sales") == 1
    [receipt_no] = [r[0] for r in booth.reopen().execute("SELECT receipt_no FROM sales")]
    assert receipt_service.work.wait_idle()  # the save failed before the screen was back
    assert not (receipt_folder / f"{receipt_no}.pdf").exists()
    assert "No space left" in sale_screen.banner.text()
    [row] = sale_screen.banner.rows()

    row.action_button.click()  # "Try again": the original receipt, not a reprint
    assert receipt_service.work.wait_idle()
    assert (receipt_folder / f"{receipt_no}.pdf").exists()
    assert not sale_screen.banner.isVisible()
    assert booth.count("sales") == 1


def test_a_database_error_during_payment_is_shown_and_nothing_is_written(
    qtbot, sale_screen, booth, monkeypatch, beeps
):
    import sqlite3

    from boothpos.core import checkout as checkout_module

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    scan(qtbot, sale_screen, code(booth, "gelang"))
    before = booth.snapshot()
    dialog = open_payment(qtbot, sale_screen)
    monkeypatch.setattr(checkout_module, "checkout", locked)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert "database is locked" in dialog.error_label.text()
    assert beeps
    assert booth.snapshot() == before
    assert sale_screen.model.rowCount() == 1
    monkeypatch.undo()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)  # the lock is gone: Enter again
    assert booth.count("sales") == 1


def test_a_deleted_wal_stops_payments_with_a_red_banner_and_keeps_the_cart(
    qtbot, sale_screen, booth, beeps
):
    """Issue 11: files changed under the running till (here: a neighbour deletes the -wal)."""
    import os

    scan(qtbot, sale_screen, code(booth, "kopi"))
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert booth.count("sales") == 1
    for suffix in ("-wal", "-shm"):
        os.unlink(f"{booth.path}{suffix}")

    # the watch notices on its own, before anybody pays
    qtbot.waitUntil(lambda: ".rescued-" in sale_screen.banner.text(), timeout=5000)
    banner = sale_screen.banner.messages()[-1]
    assert banner.level == "error" and banner.sticky
    assert "Pembayaran dihentikan" in banner.text  # the UI's language (Indonesian by default)
    assert "jurnal -wal-nya dihapus" in banner.text

    scan(qtbot, sale_screen, code(booth, "kalung"))
    assert not sale_screen.pay_button.isEnabled()
    assert sale_screen.pay_button.text() == sale_screen.tr("Payments stopped")
    before = len(beeps)
    qtbot.keyClick(sale_screen.scan_field, Qt.Key.Key_F12)
    assert sale_screen.payment_dialog is None and len(beeps) > before
    assert sale_screen.model.rowCount() == 1  # the cart is kept
    assert booth.count("sales") == 1  # the first sale was written back into the file


def test_a_payment_taken_just_after_the_wal_was_deleted_is_refused_and_the_cart_kept(
    qtbot, sale_screen, booth, beeps
):
    import os

    scan(qtbot, sale_screen, code(booth, "kopi"))
    dialog = open_payment(qtbot, sale_screen)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale_screen.scan_field.hasFocus(), timeout=2000)
    scan(qtbot, sale_screen, code(booth, "kalung"))
    dialog = open_payment(qtbot, sale_screen)  # opened before the watch's next round
    for suffix in ("-wal", "-shm"):
        os.unlink(f"{booth.path}{suffix}")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: sale_screen.payment_dialog is None, timeout=2000)
    assert sale_screen.model.rowCount() == 1  # the cart is kept
    assert booth.count("sales") == 1
    assert "Pembayaran dihentikan" in sale_screen.banner.text()
    assert len([m for m in sale_screen.banner.messages() if ".rescued-" in m.text]) == 1
    assert not sale_screen.pay_button.isEnabled()
