"""A closed fair day: the Pay button is grey and says so; F12 says why (beep + banner)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sale_support import focused, scan


def close_day_one(booth, sale_time) -> None:
    with booth.db.atomic():  # the supervisor closed fair day 1 (a 'close' day event)
        booth.db.execute(
            "INSERT INTO day_events (day, kind, at, user_id, z_number) VALUES (?, ?, ?, ?, ?)",
            ("2024-02-28", "close", sale_time.isoformat(), booth.supervisor.id, 1),
        )


def test_pay_button_greys_with_the_reason_and_f12_says_why(
    qtbot, sale_screen, booth, sale_time, beeps
):
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    assert sale_screen.pay_button.isEnabled()
    close_day_one(booth, sale_time)

    qtbot.keyClick(focused(), Qt.Key.Key_F12)
    assert sale_screen.payment_dialog is None
    assert beeps
    assert "2024-02-28" in sale_screen.banner.text()
    assert not sale_screen.pay_button.isEnabled()
    assert sale_screen.pay_button.text() == "Day closed"
    assert "2024-02-28" in sale_screen.pay_button.toolTip()
    assert booth.count("sales") == 0

    # the screen checks the day again (what it does each time it is shown): still grey
    sale_screen.check_day()
    assert not sale_screen.pay_button.isEnabled()
    beeps.clear()
    qtbot.keyClick(focused(), Qt.Key.Key_F12)
    assert beeps and sale_screen.payment_dialog is None


def test_pay_button_is_green_again_when_the_day_reopens(qtbot, sale_screen, booth, sale_time):
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    close_day_one(booth, sale_time)
    sale_screen.check_day()
    assert not sale_screen.pay_button.isEnabled()
    with booth.db.atomic():
        booth.db.execute(
            "INSERT INTO day_events (day, kind, at, user_id) VALUES (?, ?, ?, ?)",
            ("2024-02-28", "reopen", sale_time.isoformat(), booth.supervisor.id),
        )
    sale_screen.check_day()
    assert sale_screen.pay_button.isEnabled()
    assert sale_screen.pay_button.text() == "Pay  (F12)"


def test_payment_refusals_are_told_apart_by_kind_not_by_text(
    qtbot, sale_screen, booth, sale_time, beeps
):
    from boothpos.gui.banner_message import ERROR
    from boothpos.gui.controllers.sale_controller import DAY_CLOSED_KEY, Refusal

    controller = sale_screen.controller
    assert controller.payment_refusal().kind is Refusal.EMPTY_CART
    scan(qtbot, sale_screen, booth.product["kopi"].barcode)
    assert controller.payment_refusal() is None
    close_day_one(booth, sale_time)
    refusal = controller.payment_refusal()
    assert refusal.kind is Refusal.DAY_CLOSED and "2024-02-28" in refusal.text

    assert not controller.check_payment()
    shown = [m for m in sale_screen.banner.messages() if m.key == DAY_CLOSED_KEY]
    assert len(shown) == 1 and shown[0].sticky and shown[0].level is ERROR

    controller.set_cashier(None)  # the cart is parked with its cashier: empty again
    assert controller.payment_refusal().kind is Refusal.EMPTY_CART
