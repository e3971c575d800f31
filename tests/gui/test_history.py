"""Sales history: list and search, reprint, void and refund behind a supervisor PIN."""

from __future__ import annotations

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, today_sale, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from boothpos.core import sales
from boothpos.core.event import get_event
from boothpos.gui.controllers.history_controller import HistoryController
from boothpos.gui.models.sales_model import COL_RECEIPT, COL_STATUS, COL_TOTAL
from boothpos.gui.views.history_view import HistoryScreen
from boothpos.gui.views.refund_dialog import RefundDialog
from boothpos.gui.views.supervisor_dialog import SupervisorDialog

ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab


@pytest.fixture
def history(qtbot, booth, receipts, translators) -> HistoryScreen:
    controller = HistoryController(booth.db, get_event(booth.db), receipts)
    screen = HistoryScreen(controller)
    screen.set_user(booth.kasir)
    screen.resize(1100, 640)
    show(qtbot, screen)
    screen.open_day()
    return screen


def status_in_db(booth, receipt_no: str) -> str:
    return sales.get_sale(booth.reopen(), receipt_no).status


def open_dialog(qtbot, history: HistoryScreen, key: Qt.Key, kind: type):
    press(qtbot, key)
    qtbot.waitUntil(lambda: isinstance(history.dialog, kind) and history.dialog.isVisible())
    dialog = history.dialog
    qtbot.waitUntil(lambda: focused().window() is dialog, timeout=2000)
    return dialog


def approve(qtbot, dialog: SupervisorDialog, pin: str, reason: str) -> None:
    """Type the PIN (focus starts there), Enter, the reason, Enter."""
    assert focused() is dialog.pin_edit
    type_text(qtbot, pin)
    press(qtbot, ENTER)
    if reason:
        assert focused() is dialog.reason_edit
        type_text(qtbot, reason)
        press(qtbot, ENTER)


def test_lists_the_sales_of_the_day_with_the_newest_selected(qtbot, booth, history):
    first = today_sale(booth, ("kopi", 2))
    second = today_sale(booth, "noken", "gelang")
    booth.sell("kalung")  # 28 Feb 2024: another day
    history.open_day()

    model = history.model
    assert model.rowCount() == 2
    assert model.index(0, COL_RECEIPT).data() == first.receipt_no
    assert model.index(1, COL_TOTAL).data() == "Rp 160.000"
    assert model.index(1, COL_STATUS).data() == "Selesai"
    assert history.selected_sale().receipt_no == second.receipt_no
    assert history.lines_model.rowCount() == 2
    assert "2 struk" in history.summary.text() and "Rp 330.000" in history.summary.text()
    assert focused() is history.table

    press(qtbot, Qt.Key.Key_Up)
    assert history.selected_sale().receipt_no == first.receipt_no


def test_search_by_receipt_number_looks_through_every_day(qtbot, booth, history):
    old = booth.sell("kalung")  # fair day 1, 2024
    today_sale(booth, "kopi")
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is history.search_edit
    type_text(qtbot, old.receipt_no[-6:])
    assert history.model.rowCount() == 1
    assert history.model.index(0, COL_RECEIPT).data() == old.receipt_no
    assert history.selected_sale().receipt_no == old.receipt_no


def test_reprint_makes_a_new_pdf_each_time(qtbot, booth, history, receipts):
    sale = today_sale(booth, "kopi")
    history.open_day()
    receipts.issue(sale.receipt_no)
    receipts.work.wait_idle()
    before = set(receipts.folder.glob("*.pdf"))

    press(qtbot, Qt.Key.Key_F6)
    receipts.work.wait_idle()
    press(qtbot, Qt.Key.Key_F6)
    receipts.work.wait_idle()

    new = set(receipts.folder.glob("*.pdf")) - before
    assert len(new) == 2
    assert all(p.read_bytes().startswith(b"%PDF") for p in new)
    assert all(sale.receipt_no in p.name and "reprint" in p.name for p in new)
    assert history.banner.isVisible()
    assert sale.receipt_no in history.banner.text()
    assert booth.count("sales") == 1  # a reprint is not a sale


def test_void_with_supervisor_pin_and_reason(qtbot, booth, history):
    sale = today_sale(booth, ("kopi", 2))
    history.open_day()
    on_hand = booth.on_hand("kopi")

    dialog = open_dialog(qtbot, history, Qt.Key.Key_F7, SupervisorDialog)
    assert dialog.selected_user().username == "supervisor"
    approve(qtbot, dialog, "5555", "pelanggan batal")

    qtbot.waitUntil(lambda: history.dialog is None)
    row = (
        booth.reopen()
        .execute(
            "SELECT v.reason, u.username, a.username FROM voids v JOIN users u ON u.id = v.user_id "
            "JOIN users a ON a.id = v.approved_by"
        )
        .fetchall()
    )
    assert row == [("pelanggan batal", "kasir", "supervisor")]
    assert status_in_db(booth, sale.receipt_no) == "voided"
    assert booth.on_hand("kopi") == on_hand + 2
    assert history.model.index(0, COL_STATUS).data() == "Dibatalkan"
    assert "dibatalkan" in history.banner.text()
    assert not history.void_button.isEnabled()
    assert not history.refund_button.isEnabled()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is history.table)  # ready for the next


def test_refund_of_one_line(qtbot, booth, history, receipts):
    sale = today_sale(booth, ("kopi", 2), "noken")
    history.open_day()
    kopi, noken = booth.on_hand("kopi"), booth.on_hand("noken")

    choose = open_dialog(qtbot, history, Qt.Key.Key_F8, RefundDialog)
    assert focused() is choose.spins[1]
    press(qtbot, Qt.Key.Key_Up)  # one of line 1 (kopi)
    assert choose.lines() == {1: 1}
    assert choose.total_label.text() == "Rp 85.000"
    assert choose.method() == "cash" and choose.restock()
    press(qtbot, ENTER)

    qtbot.waitUntil(lambda: isinstance(history.dialog, SupervisorDialog))
    dialog = history.dialog
    qtbot.waitUntil(lambda: focused().window() is dialog, timeout=2000)
    assert "Rp\u00a085.000" in dialog.summary.text()  # never split over two lines
    approve(qtbot, dialog, "5555", "kemasan rusak")
    qtbot.waitUntil(lambda: history.dialog is None)
    receipts.work.wait_idle()

    fresh = booth.reopen()
    refund = fresh.execute(
        "SELECT receipt_no, total, reason FROM sales WHERE kind = 'refund'"
    ).fetchall()
    assert len(refund) == 1
    refund_no, total, reason = refund[0]
    assert (total, reason) == (-85_000, "kemasan rusak")
    lines = fresh.execute(
        "SELECT name, qty FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
        "WHERE s.kind = 'refund'"
    ).fetchall()
    assert lines == [("Kopi Arabika Gayo 250 g", -1)]
    assert booth.on_hand("kopi") == kopi + 1
    assert booth.on_hand("noken") == noken
    assert status_in_db(booth, sale.receipt_no) == "completed"
    assert receipts.path_for(refund_no).exists()  # the refund's receipt
    assert history.model.row_of(refund_no) >= 0
    assert "Rp\u00a085.000" in history.banner.text()
    assert history.selected_sale().receipt_no == sale.receipt_no
    assert "Sudah di-refund: 1 barang, Rp\u00a085.000" in history.detail_info.text()
    assert history.refund_button.isEnabled()  # one kopi and the noken are left


def test_attendant_pin_in_the_supervisor_dialog_is_refused(qtbot, booth, history):
    sale = today_sale(booth, "kopi")
    history.open_day()
    before = booth.snapshot()

    dialog = open_dialog(qtbot, history, Qt.Key.Key_F7, SupervisorDialog)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is dialog.user_combo
    press(qtbot, Qt.Key.Key_Up)  # kasir is listed first
    assert dialog.selected_user().username == "kasir"
    press(qtbot, TAB)
    approve(qtbot, dialog, "1111", "coba-coba")

    assert dialog.isVisible()
    assert "tidak berwenang" in dialog.message.text()
    assert focused() is dialog.pin_edit
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: history.dialog is None)
    after = booth.snapshot()
    after.pop("audit"), before.pop("audit")  # the PIN check itself is audited
    assert after == before
    assert status_in_db(booth, sale.receipt_no) == "completed"


def test_wrong_supervisor_pin_and_missing_reason_change_nothing(qtbot, booth, history):
    sale = today_sale(booth, "kopi")
    history.open_day()
    before = booth.snapshot()

    dialog = open_dialog(qtbot, history, Qt.Key.Key_F7, SupervisorDialog)
    type_text(qtbot, "5555")
    press(qtbot, ENTER)  # no reason yet: the focus moves to the reason, no PIN is spent
    assert focused() is dialog.reason_edit
    assert dialog.isVisible()
    type_text(qtbot, "salah scan")
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    dialog.pin_edit.selectAll()
    type_text(qtbot, "0000")
    press(qtbot, ENTER)

    assert dialog.isVisible()
    assert "PIN salah" in dialog.message.text()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: history.dialog is None)
    after = booth.snapshot()
    after.pop("audit"), before.pop("audit")
    assert after == before
    assert status_in_db(booth, sale.receipt_no) == "completed"


def test_a_sale_of_another_day_cannot_be_voided_but_can_be_refunded(qtbot, booth, history):
    old = booth.sell("kalung")  # 28 Feb 2024
    history.open_day()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, old.receipt_no)
    press(qtbot, ENTER)
    assert history.selected_sale().receipt_no == old.receipt_no
    before = booth.snapshot()

    assert not history.void_button.isEnabled()
    assert history.refund_button.isEnabled()
    press(qtbot, Qt.Key.Key_F7)
    assert history.dialog is None
    assert "Hanya penjualan hari ini" in history.banner.text()
    assert booth.snapshot() == before


def test_a_domain_error_is_shown_and_changes_nothing(qtbot, booth, history):
    """A sale voided meanwhile (e.g. on another screen) is refused by core, with its message."""
    from boothpos.core import returns
    from boothpos.gui.controllers.history_controller import Approval

    sale = today_sale(booth, "kopi")
    history.open_day()
    returns.void_sale(booth.db, sale.receipt_no, requested_by=booth.kasir,
                      supervisor=booth.supervisor, reason="dobel")  # fmt: skip
    before = booth.snapshot()
    history._controller.void(sale.receipt_no, Approval(booth.supervisor, "lagi"))
    assert "sudah dibatalkan" in history.banner.text()
    assert booth.snapshot() == before
