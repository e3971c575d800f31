"""The till on a netbook (1024×600) and a laptop (1366×768), in both languages.

Each screen a cashier, supervisor or partner uses is laid out at the screen's
usable size (the panel and the title bar take about 48 px of the height) and
checked the way a user would notice a problem: the cart's and the stock list's
product-name column keeps a minimum width, every button lies inside the
window (or dialog) and the dialog inside the screen, the change after a sale
and the partner dashboard's labels are whole. The screenshots are saved in the
test's folder, and to ``docs/screens/`` when ``BOOTHPOS_SHOTS=1``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, type_text
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from boothpos.core import db as dbmod
from boothpos.core import demo, demo_sales, errors, partner_access, users
from boothpos.core.event import get_event
from boothpos.gui import app as gui_app
from boothpos.gui.i18n import Translators
from boothpos.gui.models import inventory_model as inv_cols
from boothpos.gui.models.cart_model import COL_PRODUCT
from boothpos.gui.output import OutputService
from boothpos.gui.preferences import Preferences
from boothpos.gui.receipts import ReceiptService
from boothpos.gui.style import apply_style
from boothpos.gui.views.inventory_view import NAME_MIN_WIDTH
from boothpos.gui.views.sale_widgets import PRODUCT_MIN_WIDTH
from boothpos.printing import PdfOnlyPrinter

ENTER = Qt.Key.Key_Return
SCREENS = {"netbook": (1024, 600), "laptop": (1366, 768)}
DECORATION = 48  # px of height a desktop panel and the title bar take
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screens"
PARTNER_PIN = "246813"


@pytest.fixture(scope="module")
def fair_template(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("small_screens")
    path = folder / "fair.db"
    db = dbmod.connect(path, create=True)
    demo.build_demo(db)
    demo_sales.simulate_fair(db, sales_per_day=[12, 12, 0, 0, 0])
    code = db.execute(
        "SELECT pa.code FROM sale_lines l JOIN partners pa ON pa.id = l.partner_id "
        "GROUP BY pa.code ORDER BY SUM(l.qty) DESC, pa.code LIMIT 1"
    ).fetchone()[0]
    partner_access.set_partner_pin(db, code, admin=users.get_user(db, "admin"), pin=PARTNER_PIN)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return {"path": path, "partner": code}


@pytest.fixture(params=[(s, lang) for s in SCREENS for lang in ("id", "en")], ids=str)
def till(request, qtbot, qapp, fair_template, tmp_path, home):
    screen, lang = request.param
    width, height = SCREENS[screen]
    path = tmp_path / "fair.db"
    shutil.copy(fair_template["path"], path)
    db = dbmod.connect(path)
    translators = Translators(qapp)
    translators.install(lang)
    style, sheet = qapp.style().name(), qapp.styleSheet()
    apply_style(qapp)  # what the cashier app looks like, large type included
    service = ReceiptService(
        db,
        get_event(db),
        tmp_path / "receipts",
        OutputService(tmp_path, PdfOnlyPrinter()),
        width_mm=58,
        lang=lang,
    )
    window = gui_app.build_main_window(db, path, Preferences(language=lang), receipts=service)
    window.resize(width, height - DECORATION)
    show(qtbot, window)
    yield {
        "window": window, "db": db, "size": (width, height - DECORATION),
        "name": f"{screen}-{lang}", "tmp": tmp_path, "partner": fair_template["partner"],
    }  # fmt: skip
    service.work.wait_idle()
    translators.remove()
    errors.set_language("id")
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    db.close()


def shoot(till, widget: QWidget, what: str) -> None:
    QApplication.processEvents()
    image = widget.grab()
    image.save(str(till["tmp"] / f"{what}-{till['name']}.png"))
    if os.environ.get("BOOTHPOS_SHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        image.save(str(DOCS / f"{what}-{till['name']}.png"))


def outside(container: QWidget) -> list[str]:
    """Visible buttons of ``container`` not wholly inside it."""
    bounds = container.rect()
    lost = []
    for button in container.findChildren(QAbstractButton):
        if not button.isVisibleTo(container) or button.window() is not container.window():
            continue
        top_left = button.mapTo(container, QPoint(0, 0))
        if not bounds.contains(QRect(top_left, button.size())):
            lost.append(button.text() or button.objectName())
    return lost


def cut_labels(container: QWidget) -> list[str]:
    """One-line labels whose text does not fit them (clipped or squeezed)."""
    cut = []
    for label in container.findChildren(QLabel):
        if not label.isVisibleTo(container) or label.wordWrap() or not label.text():
            continue
        if "<" in label.text() or label.pixmap() is not None and not label.pixmap().isNull():
            continue
        need = label.fontMetrics().horizontalAdvance(label.text().split("\n")[0])
        if need > label.contentsRect().width() + 1:
            cut.append(f"{label.text()} ({need} > {label.contentsRect().width()} px)")
    return cut


def fits_the_window(till, *, status_bar: bool = True) -> None:
    window = till["window"]
    width, height = till["size"]
    assert window.width() <= width and window.height() <= height, "window larger than screen"
    hint = window.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, f"needs {hint}"
    assert outside(window) == []
    status = window.statusBar()
    assert status.isVisible() == status_bar  # partner mode hides the booth's status bar
    assert status.mapTo(window, QPoint(0, status.height())).y() <= window.height()


def sign_in(qtbot, window, pin: str) -> None:
    type_text(qtbot, pin)
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: window.current_screen() is window.sale)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale.scan_field)


def test_sale_payment_and_after_sale_fit(qtbot, till):
    window, db = till["window"], till["db"]
    shoot(till, window, "login")
    fits_the_window(till)
    sign_in(qtbot, window, "1111")
    sale = window.sale
    assert sale.cart_view.columnWidth(COL_PRODUCT) >= PRODUCT_MIN_WIDTH  # even empty
    codes = [r[0] for r in db.execute("SELECT barcode FROM products ORDER BY id LIMIT 12")]
    for code in codes:
        sale.controller.enter_code(code)
    QApplication.processEvents()
    assert sale.model.rowCount() == 12
    shoot(till, window, "sale")
    assert sale.cart_view.columnWidth(COL_PRODUCT) >= PRODUCT_MIN_WIDTH
    fits_the_window(till)

    # payment: two part payments and an error
    press(qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: sale.payment_dialog is not None)
    dialog = sale.payment_dialog
    qtbot.waitUntil(lambda: focused().window() is dialog, timeout=2000)
    for method_key in (Qt.Key.Key_F6, Qt.Key.Key_F7):
        press(qtbot, method_key)
        dialog.amount_edit.setText("1.000.000")
        press(qtbot, ENTER)
    assert len(dialog.controller.lines) == 2
    dialog.amount_edit.setText("12,5")
    press(qtbot, ENTER)
    assert dialog.error_label.isVisible()
    QApplication.processEvents()
    shoot(till, dialog, "payment")
    width, height = till["size"]
    assert dialog.width() <= width and dialog.height() <= height, dialog.size()
    assert outside(dialog) == []
    assert dialog.complete_button.isVisible()

    # complete with cash: the change shows whole in the last-sale panel
    dialog.amount_edit.setText("20.000.000")
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: sale.payment_dialog is None)
    QApplication.processEvents()
    shoot(till, window, "after-sale")
    assert sale.last_sale_frame.isVisible()
    frame = sale.last_sale_frame
    change = sale.change_label
    assert change.height() >= change.sizeHint().height()
    bottom = change.mapTo(sale.totals_panel, QPoint(0, change.height())).y()
    assert bottom <= sale.totals_panel.contentsRect().bottom()
    assert frame.mapTo(window, QPoint(0, frame.height())).y() <= window.height()
    assert cut_labels(frame) == []
    fits_the_window(till)


def test_stock_list_and_partner_dashboard_fit(qtbot, till):
    window = till["window"]
    sign_in(qtbot, window, "5555")  # supervisor: stock & labels
    press(qtbot, Qt.Key.Key_F10)
    inventory = window.inventory
    qtbot.waitUntil(lambda: window.current_screen() is inventory)
    QApplication.processEvents()
    shoot(till, window, "stock")
    assert inventory.table.columnWidth(inv_cols.COL_NAME) >= NAME_MIN_WIDTH
    fits_the_window(till)

    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_F3)
    assert window.in_partner_mode()
    type_text(qtbot, till["partner"])
    press(qtbot, ENTER)
    type_text(qtbot, PARTNER_PIN)
    press(qtbot, ENTER)
    dashboard = window.partner.dashboard
    qtbot.waitUntil(dashboard.isVisible)
    QApplication.processEvents()
    shoot(till, window, "partner")
    assert cut_labels(dashboard) == []
    fits_the_window(till, status_bar=False)
