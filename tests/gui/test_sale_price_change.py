"""A price changed between the scan and the payment: the cashier's price is what is paid.

Driven by key presses on the real sale screen; the price is changed through
core (as the inventory screen would) while the product is in the cart.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sale_support import focused, open_payment, scan

from boothpos.core import audit, stock_ops
from boothpos.core.checkout import PRICE_CHANGED
from boothpos.gui.models.cart_model import COL_PRICE, COL_TOTAL


def reprice(booth, key: str, price: int) -> None:
    stock_ops.update_product(booth.db, booth.pid(key), user=booth.supervisor, price=price)


def cell(screen, row: int, col: int) -> str:
    return screen.model.index(row, col).data()


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_price_changed_after_the_scan_sells_at_the_scanned_price_with_a_banner(
    qtbot, sale_screen, booth, receipt_service, receipt_folder
):
    scan(qtbot, sale_screen, booth.product["kalung"].barcode)  # Rp 250.000 on the screen
    assert cell(sale_screen, 0, COL_PRICE) == "Rp 250.000"
    assert sale_screen.total_label.text() == "Rp 250.000"

    reprice(booth, "kalung", 275_000)  # a supervisor edits the price meanwhile

    dialog = open_payment(qtbot, sale_screen)
    assert dialog.total_value.text() == "Rp 250.000"  # the payment opens on what was shown
    assert dialog.amount_edit.text() == "250.000"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    fresh = booth.reopen()
    [(receipt_no, total, change)] = fresh.execute(
        "SELECT receipt_no, total, change FROM sales"
    ).fetchall()
    assert (total, change) == (250_000, 0)
    assert fresh.execute("SELECT qty, unit_price, line_total FROM sale_lines").fetchall() == [
        (1, 250_000, 250_000)
    ]
    assert fresh.execute("SELECT method, amount FROM payments").fetchall() == [("cash", 250_000)]

    expected = PRICE_CHANGED.render(
        name="Kalung Mutiara Laut", catalog="Rp 275.000", charged="Rp 250.000"
    )
    assert sale_screen.banner.isVisible()
    assert expected in sale_screen.banner.texts()
    assert [row.property("level") for row in sale_screen.banner.rows()] == ["warning"]
    assert sale_screen.banner.rows()[0].label.text() == "H" + expected[1:].replace(
        "Rp ", "Rp\u00a0"
    )  # a sentence; "Rp" and its amount never split over two lines
    assert QApplication.activeModalWidget() is None  # a banner, never a modal dialog
    qtbot.waitUntil(lambda: sale_screen.scan_field.hasFocus(), timeout=2000)
    assert sale_screen.model.rowCount() == 0

    [entry] = audit.entries(fresh, action="sale.checkout")
    assert entry["detail"]["price_changes"][0]["charged"] == 250_000
    assert entry["detail"]["price_changes"][0]["catalog"] == 275_000

    receipt_service.work.wait_idle()
    text = pdf_text(receipt_folder / f"{receipt_no}.pdf")
    assert "250.000" in text and "275.000" not in text


def test_scanning_again_after_a_price_change_adds_a_line_at_the_new_price(
    qtbot, sale_screen, booth
):
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)  # Rp 85.000
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    reprice(booth, "kopi", 90_000)
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)

    assert sale_screen.model.rowCount() == 2
    assert [(i.qty, i.price) for i in sale_screen.model.cart] == [(2, 85_000), (1, 90_000)]
    assert [cell(sale_screen, r, COL_PRICE) for r in (0, 1)] == ["Rp 85.000", "Rp 90.000"]
    assert [cell(sale_screen, r, COL_TOTAL) for r in (0, 1)] == ["Rp 170.000", "Rp 90.000"]
    assert sale_screen.total_label.text() == "Rp 260.000"

    dialog = open_payment(qtbot, sale_screen)
    assert dialog.total_value.text() == "Rp 260.000"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    rows = (
        booth.reopen()
        .execute("SELECT line_no, qty, unit_price FROM sale_lines ORDER BY line_no")
        .fetchall()
    )
    assert rows == [(1, 2, 85_000), (2, 1, 90_000)]
    assert booth.reopen().execute("SELECT total FROM sales").fetchall() == [(260_000,)]
    assert sale_screen.banner.text().count("Kopi Arabika Gayo 250 g") == 1
