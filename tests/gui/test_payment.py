"""Payment: the Qt-free PaymentController rules and the dialog driven by keys."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sale_support import focused, open_payment, scan

from boothpos.core.checkout import SaleResult, Tender, settle_payments
from boothpos.core.errors import MoneyError, PaymentError
from boothpos.gui.controllers.payment_controller import (
    Entry,
    PaymentController,
    quick_amounts,
)

# -- the controller (no Qt) --------------------------------------------------------------------


class RecordingCommit:
    """A commit that checks the payments as checkout does, then records the tenders."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.committed: list[list[Tender]] = []

    def __call__(self, tenders: list[Tender]) -> SaleResult:
        _payments, change = settle_payments(self.total, tenders)
        self.committed.append(tenders)
        day = date(2024, 2, 28)
        return SaleResult(len(self.committed), "uuid", "INA24-T1-0228-00001", day, 0, change)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (137_000, [140_000, 150_000, 200_000]),
        (12_000, [20_000, 50_000, 100_000, 200_000]),
        (140_000, [150_000, 200_000]),
        (1_250_000, [1_260_000, 1_300_000]),
        (0, []),
    ],
)
def test_quick_amounts_round_up_above_the_total(due, expected):
    assert quick_amounts(due) == expected


def test_exact_cash_completes_and_commits_the_tenders():
    commit = RecordingCommit(137_000)
    pc = PaymentController(137_000, commit=commit)
    done = pc.enter(Entry("cash", "137.000"))
    assert done is not None
    assert done.change == 0
    assert done.result.receipt_no == "INA24-T1-0228-00001"
    assert commit.committed == [[Tender("cash", 137_000, "")]]


def test_cash_over_the_total_gives_change():
    pc = PaymentController(137_000)
    preview = pc.preview(Entry("cash", "Rp 150.000"))
    assert (preview.action, preview.change) == ("complete", 13_000)
    done = pc.enter(Entry("cash", "150000"))
    assert done is not None and done.change == 13_000 and done.result is None  # a dry run
    assert done.tenders == [Tender("cash", 150_000, "")]


def test_short_cash_is_refused_and_nothing_committed():
    commit = RecordingCommit(137_000)
    pc = PaymentController(137_000, commit=commit)
    assert pc.preview(Entry("cash", "100.000")).action == "short"
    with pytest.raises(PaymentError) as refused:
        pc.enter(Entry("cash", "100.000"))
    assert "Rp 37.000" in refused.value.message("en")
    assert commit.committed == []


def test_noncash_below_the_total_becomes_a_part_payment_then_cash_last():
    commit = RecordingCommit(137_000)
    pc = PaymentController(137_000, commit=commit)
    assert pc.preview(Entry("qris", "100.000")).action == "add"
    assert pc.enter(Entry("qris", "100.000", " QR-1 ")) is None
    assert pc.lines == (Tender("qris", 100_000, "QR-1"),)
    assert pc.due == 37_000
    assert pc.quick_amounts() == [40_000, 50_000, 100_000, 200_000]
    done = pc.enter(Entry("cash", "50.000"))
    assert done is not None and done.change == 13_000
    assert commit.committed == [[Tender("qris", 100_000, "QR-1"), Tender("cash", 50_000, "")]]


def test_noncash_over_what_is_due_is_refused():
    pc = PaymentController(137_000)
    with pytest.raises(PaymentError):
        pc.enter(Entry("debit", "150.000"))
    pc.enter(Entry("debit", "100.000"))
    with pytest.raises(PaymentError):
        pc.enter(Entry("credit", "40.000"))  # 140.000 non-cash for 137.000


def test_bad_amounts_are_refused_with_the_money_message():
    pc = PaymentController(50_000)
    assert pc.preview(Entry("cash", "lima puluh")).action == "invalid"
    with pytest.raises(MoneyError):
        pc.enter(Entry("cash", "lima puluh"))
    with pytest.raises(MoneyError):
        pc.enter(Entry("cash", "50.000,50"))
    with pytest.raises(PaymentError):
        pc.add_line(Entry("qris", "0"))
    assert pc.lines == ()


def test_cash_part_payment_then_card_for_the_rest():
    pc = PaymentController(300_000)
    pc.add_line(Entry("cash", "100.000"))
    done = pc.enter(Entry("debit", "200.000", "APPR 0042"))
    assert done is not None and done.change == 0
    assert [t.method for t in done.tenders] == ["cash", "debit"]


def test_remove_a_part_payment():
    pc = PaymentController(100_000)
    pc.add_line(Entry("qris", "30.000"))
    assert pc.due == 70_000
    pc.remove_line(0)
    assert pc.due == 100_000 and pc.lines == ()


# -- the dialog on the sale screen -------------------------------------------------------------


def test_dialog_opens_on_cash_with_the_exact_total_and_quick_amounts(qtbot, sale_screen, booth):
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    scan(qtbot, sale_screen, booth.product["gelang"].barcode)  # 85.000 + 35.000
    dialog = open_payment(qtbot, sale_screen)
    assert dialog.total_value.text() == "Rp 120.000"
    assert dialog.method_buttons["cash"].isChecked()
    assert dialog.amount_edit.text() == "120.000"
    assert not dialog.reference_edit.isEnabled()
    amounts = [b.toolTip() for b in dialog.quick_buttons]  # "Exact amount", then round-ups
    assert amounts == ["Rp 120.000", "Rp 130.000", "Rp 150.000", "Rp 200.000"]
    assert dialog.change_value.text() == "Rp 0"

    dialog.quick_buttons[2].click()  # Rp 150.000 handed over
    assert dialog.amount_edit.text() == "150.000"
    assert dialog.change_value.text() == "Rp 30.000"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    rows = (
        booth.reopen()
        .execute(
            "SELECT s.total, s.change, p.method, p.amount FROM sales s JOIN payments p "
            "ON p.sale_id = s.id"
        )
        .fetchall()
    )
    assert rows == [(120_000, 30_000, "cash", 150_000)]


def test_dialog_method_keys_and_reference(qtbot, sale_screen, booth, scan_clock):
    scan(qtbot, sale_screen, booth.product["noken"].barcode)  # 125.000
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()  # a person types into the dialog (no scanner burst)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F8)  # credit card
    assert dialog.method == "credit"
    assert dialog.reference_edit.isEnabled()
    assert dialog.amount_edit.text() == "125.000"
    assert dialog.amount_edit.hasFocus()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "APPR 9911")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # exactly the total: completes

    rows = booth.reopen().execute("SELECT method, amount, reference FROM payments").fetchall()
    assert rows == [("credit", 125_000, "APPR 9911")]


def test_dialog_refuses_a_card_paying_more_than_the_total(
    qtbot, sale_screen, booth, beeps, scan_clock
):
    scan(qtbot, sale_screen, booth.product["gelang"].barcode)  # 35.000
    before = booth.snapshot()
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()  # a person types into the dialog (no scanner burst)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F7)  # debit
    qtbot.keyClicks(dialog.amount_edit, "50.000")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert beeps
    assert booth.snapshot() == before
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)


def test_dialog_ctrl_enter_takes_cash_first_then_transfer(qtbot, sale_screen, booth, scan_clock):
    scan(qtbot, sale_screen, booth.product["kalung"].barcode)  # 250.000
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()  # a person types into the dialog (no scanner burst)
    qtbot.keyClicks(dialog.amount_edit, "100.000")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [(t.method, t.amount) for t in dialog.controller.lines] == [("cash", 100_000)]
    assert dialog.lines_view.isVisible()
    assert dialog.due_value.text() == "Rp 150.000"
    assert booth.count("sales") == 0

    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F9)  # transfer for the rest
    assert dialog.amount_edit.text() == "150.000"
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    rows = booth.reopen().execute("SELECT method, amount FROM payments ORDER BY id").fetchall()
    assert rows == [("cash", 100_000), ("transfer", 150_000)]
    assert booth.reopen().execute("SELECT change FROM sales").fetchone() == (0,)


def test_dialog_del_removes_a_part_payment(qtbot, sale_screen, booth, scan_clock):
    scan(qtbot, sale_screen, booth.product["kalung"].barcode)
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()  # a person types into the dialog (no scanner burst)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_F6)
    qtbot.keyClicks(dialog.amount_edit, "50.000")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert len(dialog.controller.lines) == 1
    dialog.lines_view.setFocus()
    dialog.lines_view.selectRow(0)
    qtbot.keyClick(dialog.lines_view, Qt.Key.Key_Delete)
    assert dialog.controller.lines == ()
    assert not dialog.lines_view.isVisible()
    assert dialog.amount_edit.text() == "250.000"
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)
    assert booth.count("sales") == 0


def test_closed_day_refusal_is_shown_in_the_dialog_and_nothing_written(
    qtbot, sale_screen, booth, sale_time
):
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    dialog = open_payment(qtbot, sale_screen)
    with booth.db.atomic():  # meanwhile the supervisor closed fair day 1 (a 'close' day event)
        booth.db.execute(
            "INSERT INTO day_events (day, kind, at, user_id, z_number) VALUES (?, ?, ?, ?, ?)",
            ("2024-02-28", "close", sale_time.isoformat(), booth.supervisor.id, 1),
        )
    before = booth.snapshot()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "2024-02-28" in dialog.error_label.text()
    assert booth.snapshot() == before
    assert sale_screen.model.rowCount() == 1
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)
    assert QApplication.activeModalWidget() is None


def test_ctrl_enter_with_the_whole_amount_completes_the_sale(qtbot, sale_screen, booth, scan_clock):
    scan(qtbot, sale_screen, booth.product["gelang"].barcode)  # 35.000
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()  # a person types into the dialog (no scanner burst)
    qtbot.keyClicks(dialog.amount_edit, "50.000")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sale_screen.payment_dialog is None
    assert booth.reopen().execute("SELECT total, change FROM sales").fetchall() == [
        (35_000, 15_000)
    ]


def test_add_line_paying_everything_completes():
    commit = RecordingCommit(35_000)
    pc = PaymentController(35_000, commit=commit)
    done = pc.add_line(Entry("cash", "50.000"))
    assert done is not None and done.change == 15_000
    assert commit.committed == [[Tender("cash", 50_000, "")]]


def test_a_sale_through_the_dialog_checks_its_payments_once_in_checkout(
    qtbot, sale_screen, booth, monkeypatch, scan_clock
):
    from boothpos.core import checkout as checkout_module
    from boothpos.gui.controllers import payment_controller

    calls: list[int] = []
    real = checkout_module.settle_payments

    def counted(total, tenders):
        calls.append(total)
        return real(total, tenders)

    monkeypatch.setattr(checkout_module, "settle_payments", counted)
    monkeypatch.setattr(payment_controller, "settle_payments", counted)
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()  # a person types the amount (no scanner burst)
    qtbot.keyClicks(dialog.amount_edit, "100000")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert booth.reopen().execute("SELECT total, change FROM sales").fetchall() == [
        (85_000, 15_000)
    ]
    assert calls == [85_000]  # once, by checkout, inside the sale's transaction
    assert dialog.completed.result.change == 15_000


def test_when_enter_completes_the_receipt_pdf_is_already_saved_and_printing_started(
    qtbot, sale_screen, booth, receipt_folder, printer, scan_clock
):
    """DESIGN's cashier flow: committed, its receipt PDF saved, printing started, screen back.

    Checked the moment the dialog's Enter returns, before the worker has run."""
    from pypdf import PdfReader

    scan(qtbot, sale_screen, booth.product["gelang"].barcode)
    dialog = open_payment(qtbot, sale_screen)
    scan_clock.person()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    (receipt_no,) = [r for (r,) in booth.reopen().execute("SELECT receipt_no FROM sales")]
    saved = receipt_folder / f"{receipt_no}.pdf"
    assert saved.exists()
    assert receipt_no in PdfReader(saved).pages[0].extract_text()
    assert sale_screen.payment_dialog is None
    qtbot.waitUntil(sale_screen.scan_field.hasFocus, timeout=2000)
    assert sale_screen.receipts.work.wait_idle()
    assert printer.titles == [receipt_no]
