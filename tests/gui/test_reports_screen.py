"""The reports screen: totals equal core's settlement, previews render, PDFs, prints, exports.

Sales over three fair days (a discount, a QRIS payment, a refund, a void) and
a 10 % booth commission, so every figure of the settlement has something to
show. Each check compares the screen with ``core.reports`` on the same
SQLite file.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sale_support import RecordingPrinter

from boothpos.core import partner_terms, reports, returns
from boothpos.core.checkout import Tender
from boothpos.core.event import get_event
from boothpos.core.money import format_rupiah
from boothpos.gui.controllers.reports_controller import (
    ReportKind,
    Selection,
)
from boothpos.gui.models import report_models as cols
from boothpos.gui.screens import Screen
from boothpos.gui.views.reports_view import make_reports_screen

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
DAY1, DAY2, DAY3 = date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1)


@pytest.fixture
def traded(booth):
    """Three fair days of sales, with a discount, QRIS, a refund, a void and 10 % commission."""
    partner_terms.set_event_commission(booth.db, 1000, user=booth.admin)
    booth.sell(("kopi", 2), "noken", at=booth.time(1, 10))
    booth.sell(("kalung", 1, 25_000), pay=[Tender("qris")], at=booth.time(1, 11))
    sale = booth.sell(("gelang", 2), at=booth.time(2, 12))
    booth.sell("tenun", at=booth.time(2, 13))
    voided = booth.sell("kopi", at=booth.time(3, 10))
    returns.void_sale(
        booth.db,
        voided.receipt_no,
        requested_by=booth.kasir,
        supervisor=booth.supervisor,
        reason="salah",
        at=booth.time(3, 10, 5),
    )
    returns.refund_sale(
        booth.db,
        sale.receipt_no,
        {1: 1},
        cashier=booth.kasir,
        supervisor=booth.supervisor,
        reason="rusak",
        at=booth.time(3, 14),
    )
    return booth


@pytest.fixture
def printer() -> RecordingPrinter:
    return RecordingPrinter()


@pytest.fixture
def screen(qtbot, traded, receipts, translators, printer):
    """The reports screen on its own; 'now' is after the fair (the whole event is shown)."""
    view = make_reports_screen(
        traded.db,
        get_event(traded.db),
        traded.path,
        work=receipts.work,
        printer=lambda: printer,
        now=lambda: traded.time(9, 9),
    )
    view.set_user(traded.supervisor)
    view.resize(1366, 720)
    show(qtbot, view)
    view.open()
    yield view
    receipts.work.wait_idle()


def shown_totals(view) -> dict[str, str]:
    return {key: card.value.text() for key, card in view.cards.items()}


def expected_cards(totals: dict) -> dict[str, str]:
    shown = {k: format_rupiah(totals[k]) for k in ("gross", "net", "commission", "payout")}
    for key in ("discounts", "refunds"):
        shown[key] = ("-" if totals[key] else "") + format_rupiah(totals[key])
    return shown


def table_rows(view) -> list[dict]:
    model = view.proxy
    return [
        {
            "code": model.index(r, cols.COL_CODE).data(),
            "net": model.index(r, cols.COL_NET).data(cols.SortRole),
            "commission": model.index(r, cols.COL_COMMISSION).data(cols.SortRole),
            "payout": model.index(r, cols.COL_PAYOUT).data(cols.SortRole),
            "qty": model.index(r, cols.COL_QTY).data(cols.SortRole),
        }
        for r in range(model.rowCount())
    ]


def test_the_whole_event_totals_equal_the_core_settlement(qtbot, traded, screen):
    settlement = reports.settle(traded.reopen()).to_json()
    assert screen.period_radio.isChecked()  # after the fair: the whole event by default
    assert screen.data.totals.to_json() == settlement["totals"]
    assert shown_totals(screen) == expected_cards(settlement["totals"])
    assert settlement["totals"]["refunds"] and settlement["totals"]["commission"]
    assert table_rows(screen) == [
        {k: p[k] for k in ("code", "net", "commission", "payout", "qty")}
        for p in settlement["partners"]
    ]
    chart_days = dict(screen.chart.items())
    assert sum(chart_days.values()) == settlement["totals"]["net"]
    assert "28/02" in chart_days and "01/03" in chart_days
    assert "Seluruh pameran" in screen.status_label.text()


def test_one_day_and_one_partner_chosen_by_keyboard_equal_the_core_figures(qtbot, traded, screen):
    screen.table.setFocus()
    press(qtbot, Qt.Key.Key_H, ALT)  # "Satu &hari" (a mnemonic clicks after a short flash)
    qtbot.waitUntil(screen.day_radio.isChecked)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.day_combo
    while screen.day_combo.currentData() != DAY1:
        press(qtbot, Qt.Key.Key_Up)
    day = reports.day_report(traded.reopen(), DAY1)
    settled = reports.settle(traded.reopen(), first=DAY1, last=DAY1).to_json()
    assert screen.data.totals.to_json() == settled["totals"]
    assert shown_totals(screen) == expected_cards(settled["totals"])
    assert screen.method_values["qris"].text() == format_rupiah(day.by_method["qris"])
    assert screen.method_values["cash"].text() == format_rupiah(day.by_method["cash"])
    assert screen.cash_rows["counted"][1].text() == "belum dihitung"
    assert screen.document_kind() == ReportKind.DAY

    press(qtbot, Qt.Key.Key_M, ALT)  # "&Mitra": the partner list
    assert focused() is screen.partner_combo
    while screen.partner_combo.currentData() != "AMB01":
        press(qtbot, Qt.Key.Key_Down)
    partner = reports.settle(traded.reopen(), first=DAY1, last=DAY1, partner="AMB01").to_json()
    assert screen.data.totals.to_json() == partner["totals"]
    assert shown_totals(screen) == expected_cards(partner["totals"])
    assert partner["totals"]["discounts"] == 25_000
    assert not screen.methods_panel.isVisible()  # methods are the booth's, not a partner's
    assert screen.proxy.sourceModel() is screen.product_model  # the partner's products
    names = [screen.proxy.index(r, cols.PCOL_NAME).data() for r in range(screen.proxy.rowCount())]
    assert "Kalung Mutiara Laut" in names and "Gelang Mutiara" in names
    assert "10%" in screen.status_label.text()


def test_a_period_with_a_partner_equals_the_core_settlement(qtbot, traded, screen):
    screen.apply_selection(Selection(DAY2, DAY3, "AMB01"))
    expected = reports.settle(traded.reopen(), first=DAY2, last=DAY3, partner="AMB01")
    assert screen.data.settlement.to_json() == expected.to_json()
    assert expected.to_json()["totals"]["refunds"] == 35_000
    assert shown_totals(screen) == expected_cards(expected.to_json()["totals"])
    assert screen.document_kind() == ReportKind.SETTLEMENT  # the day report does not fit a period


def test_preview_renders_pages_and_moves_between_them(qtbot, traded, screen, receipts):
    screen.choose_document(ReportKind.SUMMARY)
    press(qtbot, Qt.Key.Key_F5)
    receipts.work.wait_idle(20_000)
    preview = screen.preview
    assert preview.page_count() >= 1
    image = preview.image()
    assert image is not None and image.width() >= 420
    assert image.height() > image.width()  # an A4 page, portrait
    assert image.pixelColor(5, 5).name() == "#ffffff"
    assert any(
        image.pixelColor(x, image.height() // 4).lightness() < 100
        for x in range(0, image.width(), 3)
    )  # text and figures, not a blank page
    assert "Rekap booth" in preview.title_label.text()

    screen.apply_selection(Selection(DAY1, DAY3, None))
    screen.choose_document(ReportKind.SETTLEMENT)  # four partners, a page each at least
    press(qtbot, Qt.Key.Key_F5)
    receipts.work.wait_idle(20_000)
    assert preview.page_count() >= 4 and preview.current_page() == 0
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    receipts.work.wait_idle()
    assert preview.current_page() == 1
    assert preview.page_label.text() == f"Halaman 2 dari {preview.page_count()}"


def test_a_document_that_does_not_fit_says_what_to_choose(qtbot, traded, screen):
    screen.apply_selection(Selection(DAY1, DAY1, None))
    screen.choose_document(ReportKind.PARTNER_DAY)
    press(qtbot, Qt.Key.Key_F5)
    assert screen.preview.image() is None
    assert "mitra" in screen.preview.page_view.text().lower()


def test_save_the_pdf_and_print_it(qtbot, traded, screen, receipts, printer, tmp_path):
    asked = []
    target = tmp_path / "out" / "z-hari-1"
    screen.ask_path = lambda title, default, filters: asked.append(default) or target
    screen.apply_selection(Selection(DAY1, DAY1, None))
    assert screen.document_kind() == ReportKind.DAY
    press(qtbot, Qt.Key.Key_S, CTRL)
    receipts.work.wait_idle(20_000)
    saved = target.with_name("z-hari-1.pdf")
    assert saved.exists()
    assert asked[0].parent.name == "laporan" and asked[0].name == "Laporan-X_2024-02-28.pdf"
    text = PdfReader(saved).pages[0].extract_text()
    assert "LAPORAN X" in text
    assert str(saved) in screen.banner.text()

    press(qtbot, Qt.Key.Key_P, CTRL)
    receipts.work.wait_idle(20_000)
    assert len(printer.jobs) == 1
    title, pdf = printer.jobs[0]
    assert "28-02-2024" in title and pdf.startswith(b"%PDF")
    assert "printer" in screen.banner.text()


def test_xlsx_export_reads_back_with_the_settlement_figures(
    qtbot, traded, screen, receipts, tmp_path
):
    target = tmp_path / "rekap.xlsx"
    screen.ask_path = lambda title, default, filters: target
    assert screen.export_combo.currentData() == "settlement"
    press(qtbot, Qt.Key.Key_E, CTRL)
    receipts.work.wait_idle(20_000)
    assert target.exists(), screen.banner.text()

    book = load_workbook(target)
    assert book.sheetnames == ["Rekap Mitra", "Stok", "Penjualan"]
    sheet = book["Rekap Mitra"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    settlement = reports.settle(traded.reopen()).to_json()
    *partners, total = rows
    assert [(r["code"], r["net"], r["commission"], r["payout"]) for r in partners] == [
        (p["code"], p["net"], p["commission"], p["payout"]) for p in settlement["partners"]
    ]
    assert {k: total[k] for k in settlement["totals"]} == settlement["totals"]
    sales = book["Penjualan"]
    line_header = [c.value for c in sales[1]]
    lines = [
        dict(zip(line_header, row, strict=True))
        for row in sales.iter_rows(min_row=2, values_only=True)
    ]
    assert sum(line["line_total"] for line in lines) == settlement["totals"]["net"]
    assert "rekap.xlsx" in screen.banner.text()


def test_csv_export_of_sales_lines_for_one_partner(qtbot, traded, screen, receipts, tmp_path):
    target = tmp_path / "penjualan.csv"
    screen.ask_path = lambda title, default, filters: target
    screen.apply_selection(Selection(DAY1, DAY3, "AMB01"))
    screen.export_combo.setCurrentIndex(screen.export_combo.findData("lines"))
    press(qtbot, Qt.Key.Key_E, CTRL)
    receipts.work.wait_idle(20_000)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert {r["partner_code"] for r in rows} == {"AMB01"}
    net = reports.settle(traded.reopen(), first=DAY1, last=DAY3, partner="AMB01").totals.net
    assert sum(int(r["line_total"]) for r in rows) == net


def test_the_main_window_opens_reports_for_a_supervisor_only(qtbot, traded, receipts, translators):
    from boothpos.gui import app as gui_app
    from boothpos.gui.preferences import Preferences

    window = gui_app.build_main_window(traded.db, traded.path, Preferences(), receipts=receipts)
    window.resize(1366, 760)
    show(qtbot, window)
    assert window.reports_action.text() == "Laporan"
    window.sign_in(traded.kasir)
    qtbot.waitUntil(lambda: window.current_screen() is window.sale)
    assert not window.reports_action.isEnabled()
    press(qtbot, Qt.Key.Key_F11)
    assert window.current_screen() is window.sale
    assert window.screens.built(Screen.REPORTS) is None

    press(qtbot, Qt.Key.Key_L, CTRL)  # switch to the supervisor
    window.sign_in(traded.supervisor)
    assert window.reports_action.isEnabled()
    assert not window.reopen_day_action.isEnabled()  # administrators only
    press(qtbot, Qt.Key.Key_F11)
    assert window.current_screen() is window.reports
    assert window.reports.user.username == "supervisor"
    press(qtbot, Qt.Key.Key_Escape)
    assert window.current_screen() is window.sale
    press(qtbot, Qt.Key.Key_F11)
    press(qtbot, Qt.Key.Key_F11)  # F11 again: back to the sale screen
    assert window.current_screen() is window.sale
    qtbot.wait(10)


def test_the_day_report_pdf_follows_the_ui_language(screen, traded):
    from boothpos.core import errors
    from boothpos.gui.controllers.reports_controller import Selection

    day = traded.time(1, 10).date()
    errors.set_language("en")  # what switching the UI to English does
    try:
        english = screen._controller.document(ReportKind.DAY, Selection(day, day))
    finally:
        errors.set_language("id")
    indonesian = screen._controller.document(ReportKind.DAY, Selection(day, day))
    text_en = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(english.render())).pages)
    text_id = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(indonesian.render())).pages)
    assert "Sales Summary" in text_en and "Ringkasan" not in text_en
    assert "Ringkasan Penjualan" in text_id
