"""Closing the fair day from the GUI: cash count by denomination, Z report, closed-day refusals.

The clock is fixed at 18:00 on fair day 1 (28 Feb 2024) for the whole app,
so the sale screen, the reports screen and core agree on "today". Flows are
driven by keys; every check reads the SQLite file through a fresh connection.
"""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, type_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sale_support import RecordingPrinter

from boothpos.core import clock, days, paths, reports
from boothpos.core.checkout import Tender
from boothpos.core.denominations import DENOMINATIONS
from boothpos.core.errors import DayClosed, PermissionDenied
from boothpos.core.event import get_event
from boothpos.core.money import format_rupiah
from boothpos.gui import app as gui_app
from boothpos.gui.preferences import Preferences
from boothpos.gui.screens import Screen
from boothpos.gui.views.close_day_dialog import CloseDayDialog, difference_text, find_day
from boothpos.gui.views.day_dialogs import OpenDayDialog, ReopenDayDialog
from boothpos.gui.views.reports_view import make_reports_screen

ENTER = Qt.Key.Key_Return
DAY1 = "2024-02-28"


def fixed_now(booth, day: int = 1, hour: int = 18):
    moment = booth.time(day, hour)

    def now(tz: str = clock.DEFAULT_TZ) -> datetime:
        return moment.astimezone(ZoneInfo(tz))

    return now


@pytest.fixture
def day1_clock(booth, monkeypatch):
    """The whole app (GUI and core) thinks it is 18:00 on fair day 1."""
    monkeypatch.setattr(clock, "now", fixed_now(booth, 1))


@pytest.fixture
def a4_printer(monkeypatch) -> RecordingPrinter:
    """The A4 'system printer' the reports print on."""
    printer = RecordingPrinter()
    monkeypatch.setattr("boothpos.printing.SystemPrinter", lambda *a, **k: printer)
    return printer


@pytest.fixture
def window(qtbot, booth, receipts, translators, day1_clock):
    main = gui_app.build_main_window(booth.db, booth.path, Preferences(), receipts=receipts)
    main.resize(1366, 760)
    show(qtbot, main)
    yield main
    receipts.work.wait_idle()
    qtbot.wait(10)


def close_rows(booth) -> list[tuple]:
    return (
        booth.reopen()
        .execute(
            "SELECT day, counted_cash, expected_cash, z_number, detail FROM day_events "
            "WHERE kind = 'close' ORDER BY id"
        )
        .fetchall()
    )


def wait_dialog(qtbot, screen, kind):
    qtbot.waitUntil(lambda: isinstance(screen.dialog, kind) and screen.dialog.isVisible())
    dialog = screen.dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def count_by_keyboard(qtbot, dialog: CloseDayDialog, counts: dict[int, int]) -> None:
    """Type each denomination's count (blank = 0) and Enter, from Rp 100.000 down."""
    for denomination in DENOMINATIONS:
        assert focused() is dialog.spins[denomination], denomination
        if counts.get(denomination):
            type_text(qtbot, str(counts[denomination]))
        press(qtbot, ENTER)


def test_close_the_day_by_denomination_shows_the_difference_then_records_z_1(
    qtbot, booth, window, receipts, a4_printer
):
    booth.sell(("kopi", 2))  # Rp 170.000 cash
    booth.sell("noken", pay=[Tender("qris")])  # Rp 125.000 QRIS: not in the drawer
    expected = reports.day_report(booth.db, DAY1).cash.expected
    assert expected == 170_000
    window.sign_in(booth.supervisor)
    qtbot.waitUntil(lambda: window.current_screen() is window.sale)

    press(qtbot, Qt.Key.Key_F4)  # from the sale screen: Close the fair day…
    dialog = wait_dialog(qtbot, window.reports, CloseDayDialog)
    assert dialog.day().isoformat() == DAY1
    qtbot.waitUntil(lambda: focused() is dialog.spins[100_000])

    counts = {100_000: 1, 50_000: 1, 10_000: 1, 5_000: 1}  # Rp 165.000: Rp 5.000 short
    count_by_keyboard(qtbot, dialog, counts)
    counted = 165_000
    # before confirming: the difference is on screen, nothing is written
    assert dialog.shown_difference() == difference_text(counted - expected) == "-Rp 5.000"
    assert dialog.counted_label.text() == format_rupiah(counted)
    assert dialog.difference_label.property("state") == "short"
    assert close_rows(booth) == []
    assert focused() is dialog.confirm_button
    assert "Z-1" in dialog.confirm_button.text()

    press(qtbot, ENTER)  # confirm
    rows = close_rows(booth)
    assert len(rows) == 1
    day, counted_cash, expected_cash, z_number, detail = rows[0]
    assert (day, counted_cash, expected_cash, z_number) == (DAY1, counted, expected, 1)
    assert json.loads(detail)["denominations"] == {str(d): n for d, n in counts.items()} | {
        str(d): 0 for d in DENOMINATIONS if d not in counts
    }
    assert days.state(booth.reopen(), DAY1).status == "closed"
    assert "Z-1" in dialog.done_title.text()

    receipts.work.wait_idle()  # the Z report is rendered and saved in the background
    pdf = paths.event_folder(booth.path) / "laporan" / "Laporan-Z-001_2024-02-28.pdf"
    assert pdf.exists()
    assert dialog.z_path == pdf and str(pdf) in dialog.z_file_label.text()
    text = PdfReader(pdf).pages[0].extract_text()
    assert "LAPORAN Z" in text and "Z-1" in text and "KURANG" in text
    assert dialog.z_preview.image() is not None  # the Z report is shown before printing
    qtbot.waitUntil(lambda: focused() is dialog.print_button)
    press(qtbot, ENTER)  # print the Z report on the A4 printer
    receipts.work.wait_idle()
    assert a4_printer.titles == ["Laporan Z-1"]
    assert a4_printer.jobs[0][1] == pdf.read_bytes()
    press(qtbot, ENTER)  # Done
    qtbot.waitUntil(lambda: window.reports.dialog is None)


def test_after_the_close_the_sale_screen_refuses_a_sale_with_a_banner(
    qtbot, booth, window, receipts, beeps
):
    booth.sell("kopi")
    window.sign_in(booth.kasir)
    sale = window.sale
    qtbot.waitUntil(lambda: sale.scan_field.hasFocus())
    assert not sale.banner.isVisible()
    days.close_day(booth.db, booth.time(1, 0).date(), user=booth.supervisor, counted_cash=85_000)
    message = DayClosed(days.CLOSED, day=DAY1).message()
    assert message.startswith("hari 2024-02-28 sudah ditutup")
    before = booth.snapshot()

    type_text(qtbot, booth.product["gelang"].barcode)
    press(qtbot, ENTER)
    assert sale.model.rowCount() == 1  # ringing up is allowed; taking payment is not
    press(qtbot, Qt.Key.Key_F12)
    assert sale.payment_dialog is None
    assert beeps
    assert message[1:] in sale.banner.text()  # core's message (capitalised), as a banner
    assert "administrator" in sale.banner.text()
    assert booth.snapshot() == before  # no sale, no line, no payment, nothing at all
    assert booth.count("sales") == 1
    assert focused() is sale.scan_field  # the next scan still lands in the cart


def test_closing_from_the_reports_screen_tells_the_sale_screen_at_once(
    qtbot, booth, window, receipts, a4_printer
):
    booth.sell("kopi")
    window.sign_in(booth.supervisor)
    press(qtbot, Qt.Key.Key_F11)
    assert window.current_screen() is window.reports
    qtbot.mouseClick(window.reports.close_day_button, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, window.reports, CloseDayDialog)
    count_by_keyboard(qtbot, dialog, {50_000: 1, 20_000: 1, 10_000: 1, 5_000: 1})
    assert dialog.shown_difference() == "Rp 0"
    press(qtbot, ENTER)
    receipts.work.wait_idle()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.reports.dialog is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reports.table)
    assert window.reports.data.day is not None and window.reports.data.day.z_number == 1
    assert "Z-1" in window.reports.day_combo.currentText()

    press(qtbot, Qt.Key.Key_Escape)  # back to the sale screen
    assert window.current_screen() is window.sale
    assert "sudah ditutup" in window.sale.banner.text()


def test_a_closed_day_refuses_voids_in_the_sales_history(qtbot, booth, window, receipts):
    from boothpos.gui.views.supervisor_dialog import SupervisorDialog

    sale = booth.sell("kopi")
    days.close_day(booth.db, booth.time(1, 0).date(), user=booth.supervisor, counted_cash=85_000)
    before = booth.snapshot()
    window.sign_in(booth.supervisor)
    press(qtbot, Qt.Key.Key_F9)
    history = window.history
    assert history.selected_sale().receipt_no == sale.receipt_no
    press(qtbot, Qt.Key.Key_F7)  # void: the supervisor approves, core refuses the closed day
    qtbot.waitUntil(lambda: isinstance(history.dialog, SupervisorDialog))
    dialog = history.dialog
    qtbot.waitUntil(lambda: focused() is dialog.pin_edit)
    type_text(qtbot, "5555")
    press(qtbot, ENTER)
    type_text(qtbot, "salah scan")
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: history.dialog is None)
    assert "sudah ditutup" in history.banner.text()
    after = booth.snapshot()
    after.pop("audit"), before.pop("audit")  # the PIN check itself is audited
    assert after == before  # no void, no stock move


def test_a_closed_day_refuses_closing_twice(qtbot, booth, window, receipts):
    days.close_day(booth.db, booth.time(1, 0).date(), user=booth.supervisor, counted_cash=0)
    window.sign_in(booth.supervisor)
    press(qtbot, Qt.Key.Key_F4)
    dialog = wait_dialog(qtbot, window.reports, CloseDayDialog)
    index = find_day(dialog.day_combo, booth.time(1, 0).date())
    dialog.day_combo.setCurrentIndex(index)
    assert not dialog.confirm_button.isEnabled()
    assert "Z-1" in dialog.state_label.text()
    assert "ditutup" in dialog.message.text()
    dialog.confirm()
    assert len(close_rows(booth)) == 1
    press(qtbot, Qt.Key.Key_Escape)


def test_an_attendant_cannot_reach_reports_or_close_the_day(qtbot, booth, window):
    window.sign_in(booth.kasir)
    assert not window.reports_action.isEnabled()
    assert not window.close_day_action.isEnabled()
    press(qtbot, Qt.Key.Key_F11)
    press(qtbot, Qt.Key.Key_F4)
    assert window.current_screen() is window.sale
    assert window.screens.built(Screen.REPORTS) is None  # never even built
    assert close_rows(booth) == []


# ------------------------------------------------------------- open / reopen ---


@pytest.fixture
def screen(qtbot, booth, receipts, translators, a4_printer):
    view = make_reports_screen(
        booth.db,
        get_event(booth.db),
        booth.path,
        work=receipts.work,
        printer=lambda: a4_printer,
        now=lambda: booth.time(2, 9),
    )
    view.resize(1300, 720)
    show(qtbot, view)
    yield view
    receipts.work.wait_idle()


def test_reopen_is_for_an_administrator_only(qtbot, booth, screen):
    booth.sell("kopi")
    day1 = booth.time(1, 0).date()
    days.close_day(booth.db, day1, user=booth.supervisor, counted_cash=85_000)
    screen.open()

    screen.set_user(booth.supervisor)
    assert not screen.reopen_button.isEnabled()
    screen.reopen_day()
    assert screen.dialog is None
    with pytest.raises(PermissionDenied):  # core refuses too, whatever the widget does
        screen._days.reopen(day1, booth.supervisor, "coba")
    assert days.state(booth.reopen(), day1).status == "closed"

    screen.set_user(booth.admin)
    assert screen.reopen_button.isEnabled()
    qtbot.mouseClick(screen.reopen_button, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, screen, ReopenDayDialog)
    assert dialog.day() == day1
    assert focused() is dialog.field
    press(qtbot, ENTER)  # no reason: refused, nothing changes
    assert dialog.isVisible() and "alasan" in dialog.message.text().lower()
    assert days.state(booth.reopen(), day1).status == "closed"
    type_text(qtbot, "struk terlewat")
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: screen.dialog is None)

    row = (
        booth.reopen()
        .execute(
            "SELECT e.detail, u.username FROM day_events e JOIN users u ON u.id = e.user_id "
            "WHERE e.kind = 'reopen'"
        )
        .fetchall()
    )
    assert [(json.loads(d)["reason"], u) for d, u in row] == [("struk terlewat", "admin")]
    assert days.state(booth.reopen(), day1).status == "open"
    assert "dibuka kembali" in screen.banner.text() or "dibuka lagi" in screen.banner.text()
    booth.sell("gelang")  # the day takes sales again


def test_open_the_day_with_a_float(qtbot, booth, screen):
    screen.set_user(booth.supervisor)
    qtbot.mouseClick(screen.open_day_button, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, screen, OpenDayDialog)
    assert dialog.day() == booth.time(2, 0).date()  # today (fair day 2)
    assert focused() is dialog.field
    type_text(qtbot, "500.000")
    assert dialog.note.text() == "Rp 500.000"
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: screen.dialog is None)
    state = days.state(booth.reopen(), booth.time(2, 0).date())
    assert (state.status, state.opening_float) == ("open", 500_000)
    assert reports.day_report(booth.reopen(), "2024-02-29").cash.expected == 500_000

    qtbot.mouseClick(screen.open_day_button, Qt.MouseButton.LeftButton)  # twice: refused
    dialog = wait_dialog(qtbot, screen, OpenDayDialog)
    type_text(qtbot, "100000")
    press(qtbot, ENTER)
    assert dialog.isVisible() and "sudah dibuka" in dialog.message.text()
    press(qtbot, Qt.Key.Key_Escape)
    assert booth.count("day_events", "kind = 'open'") == 1
