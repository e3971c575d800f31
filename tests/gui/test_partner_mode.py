"""Partner mode: a UMK partner signs in at the booth and sees their own sales, nothing else.

On the demo event (51 partners) with simulated fair days, driven by key
presses from the booth's sign-in screen: F3 (or the "Mitra" button, or a
card scan) → code + PIN + Enter → the dashboard shows partner A's figures,
equal to ``partner_view.dashboard`` and to A's row of ``reports.settle``;
every text of the window (labels, buttons, every cell of every view) holds
no other partner's name or code; wrong PINs lock; the screen goes back to
the sign-in screen by itself; the printed slip is A's; the booth's toolbar
is out of reach. And the admin's PIN and cards dialog.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, type_text
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QToolBar,
)
from sale_support import FailingPrinter, RecordingPrinter

from boothpos.core import clock, demo, demo_sales, partner_access, partner_view, reports, users
from boothpos.core import db as dbmod
from boothpos.core.event import get_event
from boothpos.core.money import format_rupiah
from boothpos.gui import app as gui_app
from boothpos.gui.controllers.partner_controller import PartnerAdminController
from boothpos.gui.models.partner_models import (
    COL_NAME,
    COL_NET,
    COL_ON_HAND,
    COL_PRICE,
    COL_SOLD,
    count_text,
)
from boothpos.gui.output import OutputService
from boothpos.gui.preferences import Preferences
from boothpos.gui.receipts import ReceiptService

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2024, 3, 1, 20, 30, tzinfo=WIB)  # fair day 3, after the sales
ENTER = Qt.Key.Key_Return
PIN_A, PIN_B = "246813", "975310"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> dict:
    """The demo event with three fair days of sales; PINs for partners A and B."""
    folder = tmp_path_factory.mktemp("partner_mode")
    path = folder / "fair.db"
    db = dbmod.connect(path, create=True)
    demo.build_demo(db)
    demo_sales.simulate_fair(db, sales_per_day=[40, 40, 40, 0, 0], void_every=25)
    admin = users.get_user(db, "admin")
    # A and B: partners with sales (so the leak check has figures to find)
    sold = [
        code
        for (code,) in db.execute(
            "SELECT pa.code FROM sale_lines l JOIN partners pa ON pa.id = l.partner_id "
            "GROUP BY pa.code ORDER BY SUM(l.qty) DESC, pa.code"
        )
    ]
    code_a, code_b = sold[0], sold[1]
    partner_access.set_partner_pin(db, code_a, admin=admin, pin=PIN_A)
    partner_access.set_partner_pin(db, code_b, admin=admin, pin=PIN_B)
    names = dict(db.execute("SELECT code, name FROM partners").fetchall())
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return {"path": path, "a": code_a, "b": code_b, "names": names}


@pytest.fixture
def fair(template, tmp_path, monkeypatch):
    """A copy of the template for one test; the clock stands on fair day 3, 20:30."""
    path = tmp_path / "fair.db"
    shutil.copy(template["path"], path)
    monkeypatch.setattr(clock, "now", lambda tz="Asia/Jakarta": NOW.astimezone(ZoneInfo(tz)))
    db = dbmod.connect(path)
    yield {**template, "path": path, "db": db}
    db.close()


@pytest.fixture
def printer() -> RecordingPrinter:
    return RecordingPrinter()


@pytest.fixture
def window(qtbot, fair, home, translators, printer):
    db = fair["db"]
    service = ReceiptService(
        db,
        get_event(db),
        tmp_folder(fair) / "receipts",
        OutputService(tmp_folder(fair), printer),
        width_mm=58,
        lang="id",
    )
    win = gui_app.build_main_window(db, fair["path"], Preferences(), receipts=service)
    win.resize(1366, 768)
    show(qtbot, win)
    yield win
    service.work.wait_idle()


def tmp_folder(fair) -> Path:
    return fair["path"].parent


def counts(model) -> tuple[int, int]:
    """Columns and rows of any model (some take the parent index, some must not)."""

    def ask(method, default: int) -> int:
        for args in ((QModelIndex(),), ()):
            try:
                return method(*args)
            except TypeError:
                continue
        return default

    return ask(model.columnCount, 1), ask(model.rowCount, 0)


def all_texts(win) -> list[str]:
    """Every label and button text and every cell (and header) of every view in the window."""
    texts = [w.text() for w in win.findChildren(QLabel)]
    texts += [w.text() for w in win.findChildren(QAbstractButton)]
    texts += [a.text() for a in win.findChildren(QAction)]
    texts.append(win.windowTitle())
    for view in win.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        columns, rows = counts(model)
        for row in range(rows):
            for column in range(columns):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.index(row, column).data(role)
                    if value is not None:
                        texts.append(str(value))
        for column in range(columns):
            texts.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
    return texts


def others_in(texts: list[str], names: dict[str, str], own: str) -> list[str]:
    text = "\n".join(texts)
    found = []
    for code, name in names.items():
        if code == own:
            continue
        if re.search(rf"\b{re.escape(code)}\b", text):
            found.append(code)
        if name in text and name not in names[own]:
            found.append(name)
    return found


def enter_partner_mode(qtbot, win, code: str, pin: str) -> None:
    press(qtbot, Qt.Key.Key_F3)
    assert win.in_partner_mode()
    assert focused() is win.partner.sign_in_form.code_edit
    type_text(qtbot, code)
    press(qtbot, ENTER)  # on to the PIN, as a scanner's Enter would
    assert focused() is win.partner.sign_in_form.pin_edit
    type_text(qtbot, pin)
    press(qtbot, ENTER)


def test_partner_sees_own_figures_and_no_other_partner(qtbot, window, fair):
    win, code_a = window, fair["a"]
    assert win.current_screen() is win.login
    enter_partner_mode(qtbot, win, code_a.lower(), PIN_A)
    screen = win.partner
    assert screen.on_dashboard()

    session = partner_access.PartnerSession(*fair["db"].execute(
        "SELECT id, code, name FROM partners WHERE code = ?", (code_a,)).fetchone())  # fmt: skip
    expected = partner_view.dashboard(fair["db"], session)
    dash = screen.dashboard
    assert dash.name_label.text() == fair["names"][code_a]
    assert expected.today.day == NOW.date() and expected.today.qty > 0
    assert dash.today_net.text() == format_rupiah(expected.today.net)
    assert count_text(expected.today.qty) in dash.today_qty.text()
    assert dash.total_net.text() == format_rupiah(expected.to_date.net)
    assert dash.payout.text() == format_rupiah(expected.to_date.payout)
    assert dash.stock.text() == count_text(expected.on_hand)

    # the same figures as A's row of the booth's settlement for the same period
    settled = reports.settle(
        fair["db"], first=expected.to_date.first, last=expected.to_date.last, partner=code_a
    ).to_json()["partners"][0]
    assert settled["code"] == code_a
    assert dash.total_net.text() == format_rupiah(settled["net"])
    assert dash.payout.text() == format_rupiah(settled["payout"])
    assert dash.stock.text() == count_text(settled["stock"]["on_hand"])
    assert count_text(settled["qty"]) in dash.total_qty.text()

    products = dash.products
    assert products.rowCount() == len(expected.products) > 0
    for row, item in enumerate(expected.products):
        cells = [products.index(row, c).data() for c in range(products.columnCount())]
        assert cells[COL_NAME] == item.name
        assert cells[COL_PRICE] == format_rupiah(item.price)
        assert cells[COL_SOLD] == count_text(item.qty)
        assert cells[COL_NET] == format_rupiah(item.net)
        assert cells[COL_ON_HAND] == count_text(item.on_hand)
    days = dash.days
    assert days.rowCount() == len(expected.days)
    for row, item in enumerate(expected.days):
        assert days.index(row, 1).data() == count_text(item.qty)
        assert days.index(row, 2).data() == format_rupiah(item.net)

    # nothing of any other partner anywhere in the window
    texts = all_texts(win)
    assert fair["names"][code_a] in "\n".join(texts)
    assert others_in(texts, fair["names"], code_a) == []

    # Esc: back to the booth's sign-in screen, every figure dropped
    press(qtbot, Qt.Key.Key_Escape)
    assert win.current_screen() is win.login and not win.in_partner_mode()
    assert fair["names"][code_a] not in "\n".join(all_texts(win))
    assert win.partner.dashboard.products.rowCount() == 0


def test_the_booth_functions_are_out_of_reach_in_partner_mode(qtbot, window, fair):
    win = window
    win.findChild(QAbstractButton, "partnerButton").click()  # "Mitra"
    assert win.in_partner_mode()
    assert win.findChild(QAbstractButton, "partnerButton").text() == "Mitra"
    toolbar = win.findChild(QToolBar, "mainToolbar")
    assert toolbar is not None and not toolbar.isVisible()
    assert not win.statusBar().isVisible()
    booth_actions = [a for a in win.findChildren(QAction) if a.objectName().endswith("Action")]
    assert booth_actions and not any(a.isEnabled() for a in booth_actions)
    type_text(qtbot, fair["a"])
    press(qtbot, ENTER)
    type_text(qtbot, PIN_A)
    press(qtbot, ENTER)
    assert win.partner.on_dashboard()
    for key in (Qt.Key.Key_F9, Qt.Key.Key_F10, Qt.Key.Key_F11, Qt.Key.Key_F4):
        press(qtbot, key)
        assert win.current_screen() is win.partner and win.user is None
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert win.current_screen() is win.partner
    assert QApplication.activeModalWidget() is None

    win.partner.dashboard.done_button.click()  # "Selesai"
    assert win.current_screen() is win.login
    assert win.statusBar().isVisible() and toolbar.isVisible()
    assert not win.findChild(QAction, "settingsAction").isEnabled()  # nobody signed in
    assert not win.findChild(QAction, "historyAction").isEnabled()  # nobody signed in


def test_wrong_pin_shows_the_message_only_and_five_lock(qtbot, window, fair):
    win = window
    press(qtbot, Qt.Key.Key_F3)
    form = win.partner.sign_in_form
    type_text(qtbot, fair["a"])
    press(qtbot, ENTER)
    type_text(qtbot, "000000")
    press(qtbot, ENTER)
    assert not win.partner.on_dashboard()
    assert form.message.isVisible() and "PIN salah" in form.message.text()
    assert form.pin_edit.text() == "" and focused() is form.pin_edit
    assert fair["names"][fair["a"]] not in "\n".join(all_texts(win))
    for _ in range(partner_access.MAX_FAILURES - 1):
        type_text(qtbot, "000000")
        press(qtbot, ENTER)
    assert "Terlalu banyak PIN salah" in form.message.text()  # a sentence
    type_text(qtbot, PIN_A)  # the right PIN is refused while locked
    press(qtbot, ENTER)
    assert not win.partner.on_dashboard()
    assert "Terlalu banyak PIN salah" in form.message.text()  # a sentence

    form.code_edit.setText("NOPE99")
    form.pin_edit.setFocus()
    type_text(qtbot, PIN_B)
    press(qtbot, ENTER)
    assert "tidak dikenal" in form.message.text() and not win.partner.on_dashboard()


def test_a_card_scan_on_the_sign_in_screen_opens_partner_mode_with_the_code(qtbot, window, fair):
    win = window
    assert focused() is win.login.pin_edit
    type_text(qtbot, partner_access.card_value(fair["b"]))  # the scanner types fast...
    press(qtbot, ENTER)  # ...and ends with Enter
    assert win.in_partner_mode()
    form = win.partner.sign_in_form
    assert partner_access.parse_card_scan(form.code_edit.text()) == fair["b"]
    assert focused() is form.pin_edit
    type_text(qtbot, PIN_B)
    press(qtbot, ENTER)
    assert win.partner.on_dashboard()
    assert win.partner.dashboard.name_label.text() == fair["names"][fair["b"]]
    assert others_in(all_texts(win), fair["names"], fair["b"]) == []


def test_digits_on_the_sign_in_screen_are_still_a_pin(qtbot, window, fair):
    win = window
    with qtbot.waitSignal(win.login.signedIn, timeout=3000):
        type_text(qtbot, "1111")
        press(qtbot, ENTER)
    assert win.user.username == "kasir" and not win.in_partner_mode()


def test_the_dashboard_goes_back_to_sign_in_when_left_alone(qtbot, window, fair):
    win = window
    win.partner.set_idle_ms(300)
    enter_partner_mode(qtbot, win, fair["a"], PIN_A)
    assert win.partner.on_dashboard()
    for _ in range(4):  # a partner still reading: each key restarts the wait
        qtbot.wait(150)
        press(qtbot, Qt.Key.Key_Down)
        assert win.in_partner_mode()
    qtbot.waitUntil(lambda: win.current_screen() is win.login, timeout=3000)
    assert fair["names"][fair["a"]] not in "\n".join(all_texts(win))
    assert focused() is win.login.pin_edit


def test_print_slip_saves_and_prints_the_partners_slip_only(qtbot, window, fair, printer):
    from pypdf import PdfReader

    win = window
    enter_partner_mode(qtbot, win, fair["a"], PIN_A)
    with qtbot.waitSignal(win.partner._controller.slipPrinted, timeout=10000) as printed:
        win.partner.dashboard.print_button.click()
    path = Path(printed.args[0])
    assert path.parent == fair["path"].parent / "fair-files" / "partner-slips"
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert fair["names"][fair["a"]] in text
    assert others_in([text], fair["names"], fair["a"]) == []
    assert len(printer.jobs) == 1 and printer.jobs[0][1] == path.read_bytes()
    width_pt = float(PdfReader(path).pages[0].mediabox.width)
    assert abs(width_pt - 58 / 25.4 * 72) < 1  # the receipt width preference
    assert "dicetak" in win.partner.dashboard.message.text()


def test_a_printer_failure_shows_a_message_and_nothing_else(qtbot, window, fair):
    win = window
    win.receipts.set_printer(FailingPrinter(failures=5))
    enter_partner_mode(qtbot, win, fair["a"], PIN_A)
    with qtbot.waitSignal(win.partner._controller.slipFailed, timeout=10000):
        win.partner.dashboard.print_button.click()
    message = win.partner.dashboard.message
    assert message.isVisible() and "tidak bisa dicetak" in message.text()
    assert win.partner.on_dashboard()


def test_admin_sets_a_pin_shown_once_and_saves_cards(qtbot, fair, translators, tmp_path):
    from pypdf import PdfReader

    from boothpos.gui.views.partner_admin_dialog import PartnerAdminDialog

    db = fair["db"]
    admin = users.get_user(db, "admin")
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied for a supervisor
        PartnerAdminController(db, users.get_user(db, "supervisor"), tmp_path)
    saved_to = tmp_path / "cards.pdf"
    dialog = PartnerAdminDialog(
        PartnerAdminController(db, admin, tmp_path), ask_path=lambda _p, _s: saved_to
    )
    show(qtbot, dialog)
    model = dialog.model
    assert model.rowCount() == len(fair["names"])
    row_a = model.row_of(fair["a"])
    assert model.index(row_a, 2).data() == "sudah"
    code_c = next(c for c in sorted(fair["names"]) if c not in (fair["a"], fair["b"]))
    assert model.index(model.row_of(code_c), 2).data() == "belum"

    dialog.select(code_c)
    pin = dialog.set_pin()
    assert pin is not None and re.fullmatch(r"\d{6}", pin)
    shown = dialog.pin_dialog
    assert shown.pin_label.text() == pin
    shown.accept()
    assert pin not in "\n".join(all_texts(dialog))
    assert model.index(model.row_of(code_c), 2).data() == "sudah"
    assert partner_access.authenticate_partner(db, code_c, pin).code == code_c

    dialog.select(fair["a"])
    dialog.select(fair["b"], add=True)
    path = dialog.save_cards(selected=True)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert f"MITRA-{fair['a']}" in text and f"MITRA-{fair['b']}" in text
    assert f"MITRA-{code_c}" not in text
    dialog.reject()


def test_partner_mode_waits_for_the_start_up_database_check(qtbot, window, fair):
    controller = window.login.controller
    controller.hold()  # as the app does while the integrity check runs in the background
    press(qtbot, Qt.Key.Key_F3)
    assert not window.in_partner_mode()
    controller.release()
    press(qtbot, Qt.Key.Key_F3)
    assert window.in_partner_mode()
