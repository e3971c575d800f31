"""The stock & labels screen: list and filter, edit products, intake, count, return, catalog.

Driven with key presses (and, where a person would click, widget
interaction); every test checks the SQLite file afterwards through a fresh
connection. The booth fixture has five products of four partners:
ACH01 kopi (20), AMB01 gelang (3) and kalung (10), JPR01 noken (5), NTT01
tenun (1).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, type_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from boothpos.core import products
from boothpos.core.event import get_event
from boothpos.gui import app as gui_app
from boothpos.gui.controllers.inventory_controller import InventoryController
from boothpos.gui.models import inventory_model as cols
from boothpos.gui.models import stock_lines_model as line_cols
from boothpos.gui.output import OutputService
from boothpos.gui.preferences import Preferences
from boothpos.gui.views.catalog_dialog import CatalogProblemsDialog
from boothpos.gui.views.inventory_view import InventoryScreen
from boothpos.gui.views.stock_dialogs import AdjustDialog, IntakeDialog, ReturnDialog
from boothpos.gui.views.supervisor_dialog import SupervisorDialog
from boothpos.gui.worker import BackgroundWork
from boothpos.printing import SystemPrinter

ENTER = Qt.Key.Key_Return
CTRL = Qt.KeyboardModifier.ControlModifier


class RecordingSystemPrinter(SystemPrinter):
    """A system printer that prints nothing and remembers the jobs."""

    def __init__(self) -> None:
        super().__init__("Kantor A4")
        self.jobs: list[tuple[str, bytes]] = []

    def print_pdf(self, pdf: bytes, *, title: str) -> None:
        self.jobs.append((title, pdf))


@pytest.fixture
def system_printer() -> RecordingSystemPrinter:
    return RecordingSystemPrinter()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    return tmp_path / "inacraft-2024-files"


@pytest.fixture
def screen(qtbot, booth, files, system_printer, translators):
    """The inventory screen for the supervisor, shown, on the whole list."""
    work = BackgroundWork()
    output = OutputService(files, system_printer, work=work)
    controller = InventoryController(booth.db, get_event(booth.db), output)
    inventory = InventoryScreen(controller)
    inventory.set_user(booth.supervisor)
    inventory.resize(1280, 720)
    show(qtbot, inventory)
    inventory.open()
    yield inventory
    work.wait_idle()
    if inventory.dialog is not None:
        inventory.dialog.reject()


def shown_names(screen) -> list[str]:
    return [screen.model.index(r, cols.COL_NAME).data() for r in range(screen.model.rowCount())]


def select_product(qtbot, screen, key: str, booth, column: int = cols.COL_NAME) -> None:
    """Move to the product's row with the arrow keys, then to ``column``."""
    screen.table.setFocus()
    press(qtbot, Qt.Key.Key_Home, CTRL)
    target = screen.model.row_of(booth.pid(key))
    assert target >= 0
    for _ in range(target):
        press(qtbot, Qt.Key.Key_Down)
    screen.table.setCurrentIndex(screen.model.index(target, column))
    assert screen.current_row().product_id == booth.pid(key)


def commit_cell(qtbot, view) -> None:
    """Enter in a cell editor: the delegate commits on the next turn of the event loop."""
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: focused() is view)


def wait_dialog(qtbot, screen, kind: type):
    qtbot.waitUntil(lambda: isinstance(screen.dialog, kind) and screen.dialog.isVisible())
    dialog = screen.dialog
    qtbot.waitUntil(lambda: focused().window() is dialog, timeout=2000)
    return dialog


def moves(booth, kind: str) -> list[tuple]:
    return (
        booth.reopen()
        .execute(
            "SELECT p.name, m.qty, m.reason, m.user_id FROM stock_moves m "
            "JOIN products p ON p.id = m.product_id WHERE m.kind = ? ORDER BY m.id",
            (kind,),
        )
        .fetchall()
    )


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


# ---------------------------------------------------------------- the screen


def test_f10_opens_stock_and_labels_for_a_supervisor_only(qtbot, booth, receipts, translators):
    window = gui_app.build_main_window(booth.db, booth.path, Preferences(), receipts=receipts)
    window.resize(1280, 760)
    show(qtbot, window)
    window.sign_in(booth.kasir)
    qtbot.waitUntil(lambda: window.current_screen() is window.sale)
    assert window.inventory_action.text() == "Stok && label"
    assert not window.inventory_action.isEnabled()
    press(qtbot, Qt.Key.Key_F10)
    assert window.current_screen() is window.sale
    assert window.stack.count() == 2  # not even built for an attendant

    window.sign_out()
    window.sign_in(booth.supervisor)
    assert window.inventory_action.isEnabled()
    assert window.import_catalog_action.isEnabled()
    press(qtbot, Qt.Key.Key_F10)
    screen = window.inventory
    assert window.current_screen() is screen
    assert window.inventory_action.isChecked()
    assert screen.model.rowCount() == 5
    assert focused() is screen.table
    press(qtbot, Qt.Key.Key_F5)  # the screen's keys are not taken by the window's
    qtbot.waitUntil(lambda: isinstance(screen.dialog, AdjustDialog))
    qtbot.waitUntil(lambda: focused().window() is screen.dialog, timeout=2000)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.dialog is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.table)
    press(qtbot, Qt.Key.Key_Escape)
    assert window.current_screen() is window.sale
    qtbot.wait(10)  # the sale screen's queued focus call


def test_lists_every_product_with_its_ledger_figures(qtbot, booth, screen):
    booth.sell(("kopi", 3))
    screen.reload()
    row = screen.model.row_of(booth.pid("kopi"))
    data = [screen.model.index(row, c).data() for c in range(cols.COLUMN_COUNT)]
    assert data[cols.COL_PARTNER] == "ACH01"
    assert data[cols.COL_PRICE] == "Rp 85.000"
    assert data[cols.COL_CATEGORY] == "Makanan & Minuman"
    assert (data[cols.COL_RECEIVED], data[cols.COL_SOLD], data[cols.COL_ON_HAND]) == (
        "20",
        "3",
        "17",
    )
    assert data[cols.COL_ON_HAND] == str(booth.ledger("kopi"))
    assert data[cols.COL_STATUS] == "Aman"
    assert "5 produk" in screen.summary.text()


def test_filter_by_partner_and_by_text(qtbot, booth, screen):
    combo = screen.partner_combo
    combo.setFocus()
    amb01 = products.partner_by_code(booth.reopen(), "AMB01")
    while combo.currentData() != amb01.id:  # the partner list, key by key
        press(qtbot, Qt.Key.Key_Down)
    assert shown_names(screen) == ["Gelang Mutiara", "Kalung Mutiara Laut"]

    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focused() is screen.search_edit
    type_text(qtbot, "kalung")
    assert shown_names(screen) == ["Kalung Mutiara Laut"]

    combo.setCurrentIndex(0)  # all partners, the text still applies
    screen.search_edit.clear()
    type_text(qtbot, "tenun ikat")
    assert shown_names(screen) == ["Selendang Tenun Ikat"]

    screen.search_edit.clear()
    type_text(qtbot, booth.product["noken"].barcode)  # a scanned barcode
    press(qtbot, ENTER)
    assert shown_names(screen) == ["Noken Anyaman Kecil"]
    assert focused() is screen.table
    assert screen.current_row().product_id == booth.pid("noken")


def test_negative_and_low_stock_are_coloured_and_named(qtbot, booth, screen):
    booth.sell(("tenun", 3))  # 1 received, 3 sold: the books say -2
    screen.reload()
    assert booth.ledger("tenun") == -2
    row = screen.model.row_of(booth.pid("tenun"))
    status = screen.model.index(row, cols.COL_STATUS)
    assert status.data() == "Minus: hitung ulang"
    assert status.data(cols.StatusRole) == "negative"
    background = status.data(Qt.ItemDataRole.BackgroundRole).color().name()
    assert background == "#fde7e9"
    on_hand = screen.model.index(row, cols.COL_ON_HAND)
    assert on_hand.data() == "-2"
    assert on_hand.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#a4262c"
    assert on_hand.data(Qt.ItemDataRole.FontRole).bold()

    gelang = screen.model.row_of(booth.pid("gelang"))  # 3 on hand, threshold 2: ok
    assert screen.model.index(gelang, cols.COL_STATUS).data() == "Aman"
    assert screen.model.index(gelang, cols.COL_STATUS).data(Qt.ItemDataRole.BackgroundRole) is None
    booth.sell("gelang")
    screen.reload()
    assert screen.model.index(gelang, cols.COL_STATUS).data() == "Menipis"
    assert "1 minus" in screen.summary.text()

    screen.flagged_box.click()
    assert shown_names(screen) == ["Gelang Mutiara", "Selendang Tenun Ikat"]


# ---------------------------------------------------------------- editing


def audit_updates(booth) -> list[dict]:
    rows = (
        booth.reopen()
        .execute("SELECT user_id, detail FROM audit WHERE action = 'product.update' ORDER BY id")
        .fetchall()
    )
    return [{"user_id": uid, **json.loads(detail)} for uid, detail in rows]


def test_a_supervisor_changes_a_price_and_it_is_audited(qtbot, booth, screen):
    select_product(qtbot, screen, "kalung", booth, cols.COL_PRICE)
    press(qtbot, Qt.Key.Key_F2)
    editor = focused()
    assert editor is not screen.table
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Rp 275.000")
    commit_cell(qtbot, screen.table)

    price = (
        booth.reopen()
        .execute("SELECT price FROM products WHERE id = ?", (booth.pid("kalung"),))
        .fetchone()[0]
    )
    assert price == 275_000
    (entry,) = audit_updates(booth)
    assert entry["user_id"] == booth.supervisor.id
    assert entry["old"] == {"price": 250_000}
    assert entry["new"] == {"price": 275_000}
    assert entry["source"] == "edit"
    row = screen.model.row_of(booth.pid("kalung"))
    assert screen.model.index(row, cols.COL_PRICE).data() == "Rp 275.000"
    assert "Rp 250.000" in screen.banner.text() and "Rp 275.000" in screen.banner.text()

    select_product(qtbot, screen, "kalung", booth, cols.COL_NAME)  # and a new name
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Kalung Mutiara Laut Selatan")
    commit_cell(qtbot, screen.table)
    assert products.product_by_id(booth.reopen(), booth.pid("kalung")).name == (
        "Kalung Mutiara Laut Selatan"
    )
    assert audit_updates(booth)[-1]["new"] == {"name": "Kalung Mutiara Laut Selatan"}


def test_a_refused_price_shows_on_the_banner_and_changes_nothing(qtbot, booth, screen):
    before = booth.snapshot()
    select_product(qtbot, screen, "kopi", booth, cols.COL_PRICE)
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "85.000,50")
    commit_cell(qtbot, screen.table)

    assert booth.snapshot() == before
    assert audit_updates(booth) == []
    assert products.product_by_id(booth.reopen(), booth.pid("kopi")).price == 85_000
    assert screen.banner.isVisible()
    (message,) = screen.banner.messages()
    assert message.level == "error"
    assert message.text.startswith("Tidak diubah:") and "85.000,50" in message.text
    row = screen.model.row_of(booth.pid("kopi"))
    assert screen.model.index(row, cols.COL_PRICE).data() == "Rp 85.000"


def test_an_attendant_cannot_edit_a_product(qtbot, booth, screen):
    screen.set_user(booth.kasir)
    select_product(qtbot, screen, "kopi", booth, cols.COL_PRICE)
    index = screen.table.currentIndex()
    assert not screen.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    press(qtbot, Qt.Key.Key_F2)
    assert focused() is screen.table  # no editor opened
    type_text(qtbot, "1000")
    press(qtbot, ENTER)
    assert not screen.model.setData(index, "Rp 1.000")
    assert screen._controller.edit_product(booth.pid("kopi"), "price", "1000") is None
    assert "supervisor" in screen.banner.text()
    assert products.product_by_id(booth.reopen(), booth.pid("kopi")).price == 85_000
    assert audit_updates(booth) == []
    assert not screen.import_button.isEnabled()


# ---------------------------------------------------------------- stock documents


def test_intake_by_scanning_writes_intake_moves_and_the_signed_sheet(
    qtbot, booth, screen, files, system_printer
):
    press(qtbot, Qt.Key.Key_F3)
    dialog = wait_dialog(qtbot, screen, IntakeDialog)
    assert focused() is dialog.scan_edit
    for key in ("kalung", "kalung", "gelang"):
        type_text(qtbot, booth.product[key].barcode)
        press(qtbot, ENTER)
    assert dialog.partner_combo.currentText().startswith("AMB01")  # followed the first scan
    assert dialog.model.items() == {booth.pid("kalung"): 2, booth.pid("gelang"): 1}
    assert dialog.total_label.text() == "2 produk, 3 barang"

    dialog.table.setFocus()  # a quantity typed on the row: 4 kalung
    dialog.table.setCurrentIndex(
        dialog.model.index(dialog.model.row_of(booth.pid("kalung")), line_cols.COL_QTY)
    )
    type_text(qtbot, "4")
    commit_cell(qtbot, dialog.table)
    dialog.reason_edit.setFocus()
    type_text(qtbot, "kiriman kedua")
    assert dialog.print_requested()
    press(qtbot, ENTER, CTRL)

    qtbot.waitUntil(lambda: screen.dialog is None)
    intake = moves(booth, "intake")[5:]  # after the five of the fixture
    assert [(name, qty, user) for name, qty, _reason, user in intake] == [
        ("Gelang Mutiara", 1, booth.supervisor.id),
        ("Kalung Mutiara Laut", 4, booth.supervisor.id),
    ]
    number = intake[0][2].split(":")[0]
    assert number == "INA24-T1-TTB-0001"
    assert intake[0][2] == f"{number}: kiriman kedua"
    assert booth.ledger("kalung") == 14 and booth.on_hand("kalung") == 14

    assert screen._controller.output.work.wait_idle()  # the sheet is made on the worker
    sheet = files / "stok" / f"{number}-AMB01.pdf"
    assert sheet.exists()
    text = pdf_text(sheet)
    assert "TANDA TERIMA BARANG" in text and number in text and "Tanda tangan Mitra" in text
    screen._controller.output.work.wait_idle()
    assert [title for title, _pdf in system_printer.jobs] == [number]
    assert number in screen.banner.text()
    row = screen.model.row_of(booth.pid("kalung"))
    assert screen.model.index(row, cols.COL_ON_HAND).data() == "14"


def test_an_attendant_needs_a_supervisor_pin_for_an_intake(qtbot, booth, screen):
    screen.set_user(booth.kasir)
    press(qtbot, Qt.Key.Key_F3)
    approval = wait_dialog(qtbot, screen, SupervisorDialog)
    type_text(qtbot, "5555")
    press(qtbot, ENTER)
    type_text(qtbot, "terima barang")
    press(qtbot, ENTER)
    dialog = wait_dialog(qtbot, screen, IntakeDialog)
    assert approval is not dialog
    type_text(qtbot, booth.product["noken"].barcode)
    press(qtbot, ENTER)
    press(qtbot, ENTER, CTRL)
    qtbot.waitUntil(lambda: screen.dialog is None)
    assert moves(booth, "intake")[-1][1:] == (1, "INA24-T1-TTB-0001", booth.supervisor.id)


def test_count_records_an_adjustment_and_its_record(qtbot, booth, screen, files):
    select_product(qtbot, screen, "kopi", booth)
    press(qtbot, Qt.Key.Key_F5)
    dialog = wait_dialog(qtbot, screen, AdjustDialog)
    assert focused() is dialog.counted_spin
    type_text(qtbot, "17")  # counted 17 of the 20 in the books
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("damaged"))
    dialog.note_edit.setFocus()
    type_text(qtbot, "kemasan sobek")
    assert "20 → 17 (-3)" in dialog.preview.text()
    press(qtbot, ENTER)

    qtbot.waitUntil(lambda: screen.dialog is None)
    assert moves(booth, "adjustment") == [
        ("Kopi Arabika Gayo 250 g", -3, "INA24-T1-PNY-0001: damaged: kemasan sobek",
         booth.supervisor.id),
    ]  # fmt: skip
    assert booth.ledger("kopi") == 17
    assert screen._controller.output.work.wait_idle()
    sheet = files / "stok" / "INA24-T1-PNY-0001-ACH01.pdf"
    assert "BERITA ACARA PENYESUAIAN STOK" in pdf_text(sheet)
    row = screen.model.row_of(booth.pid("kopi"))
    assert screen.model.index(row, cols.COL_ADJUSTED).data() == "-3"


def test_a_loss_that_raises_the_stock_is_refused_in_the_dialog(qtbot, booth, screen):
    before = booth.snapshot()
    select_product(qtbot, screen, "noken", booth)
    press(qtbot, Qt.Key.Key_F5)
    dialog = wait_dialog(qtbot, screen, AdjustDialog)
    type_text(qtbot, "7")  # 5 in the books: +2 cannot be "lost"
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("lost"))
    dialog.counted_spin.setFocus()
    press(qtbot, ENTER)
    assert dialog.isVisible() and dialog.message.isVisible()
    assert "hilang" in dialog.message.text()
    assert booth.snapshot() == before
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.dialog is None)


def test_a_return_of_more_than_is_on_hand_is_refused_and_nothing_is_written(
    qtbot, booth, screen, files
):
    before = booth.snapshot()
    select_product(qtbot, screen, "gelang", booth)
    press(qtbot, Qt.Key.Key_F6)
    dialog = wait_dialog(qtbot, screen, ReturnDialog)
    assert dialog.partner_combo.currentText().startswith("AMB01")  # the selected row's
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(
        dialog.model.index(dialog.model.row_of(booth.pid("gelang")), line_cols.COL_QTY)
    )
    type_text(qtbot, "5")  # 3 on hand
    commit_cell(qtbot, dialog.table)
    press(qtbot, ENTER, CTRL)

    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert dialog.message.text().startswith("Tidak bisa mengembalikan lebih dari stok")
    assert "Gelang Mutiara" in dialog.message.text() and "stok 3" in dialog.message.text()
    assert booth.snapshot() == before
    assert not (files / "stok").exists() or not list((files / "stok").glob("*.pdf"))

    dialog.all_button.click()  # everything on hand instead: 3 gelang, 10 kalung
    assert dialog.model.total() == (2, 13)
    dialog.print_box.setChecked(False)
    press(qtbot, ENTER, CTRL)
    qtbot.waitUntil(lambda: screen.dialog is None)
    returned = [(name, qty) for name, qty, _r, _u in moves(booth, "return")]
    assert returned == [("Gelang Mutiara", -3), ("Kalung Mutiara Laut", -10)]
    assert booth.ledger("gelang") == 0 and booth.ledger("kalung") == 0
    assert screen._controller.output.work.wait_idle()
    sheet = files / "stok" / "INA24-T1-RTR-0001-AMB01.pdf"
    text = pdf_text(sheet)
    assert "BERITA ACARA PENGEMBALIAN BARANG" in text and "Tanda tangan Mitra" in text


# ---------------------------------------------------------------- catalog


BAD_CATALOG = (
    "kode_mitra;nama_mitra;daerah;nama_produk;kategori;harga;barcode;stok\r\n"
    "SLW01;Tenun Donggala;Palu, Sulawesi Tengah;Sarung Donggala;Kain;Rp 350.000;;4\r\n"
    "SLW01;Tenun Donggala;Palu, Sulawesi Tengah;Selendang Donggala;Kain;dua ratus;;2\r\n"
    ";Tanpa Kode;;Topi Pandan;Anyaman;Rp 75.000;;1\r\n"
    "SLW01;Tenun Donggala;Palu, Sulawesi Tengah;Syal Donggala;Kain;Rp 95.000;;x\r\n"
)
GOOD_CATALOG = (
    "partner_code,partner_name,region,product_name,category,price,barcode,stock\n"
    'SLW01,Tenun Donggala,"Palu, Sulawesi Tengah",Sarung Donggala,Kain,350000,,4\n'
    'SLW01,Tenun Donggala,"Palu, Sulawesi Tengah",Selendang Donggala,Kain,200000,,2\n'
)


def choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_a_bad_catalog_lists_every_problem_and_changes_nothing(
    qtbot, booth, screen, tmp_path, monkeypatch
):
    path = tmp_path / "katalog-baru.csv"
    path.write_text(BAD_CATALOG, encoding="utf-8")
    choose_file(monkeypatch, path)
    before = booth.snapshot()
    counts = (booth.count("partners"), booth.count("products"))

    press(qtbot, Qt.Key.Key_I, CTRL)
    dialog = wait_dialog(qtbot, screen, CatalogProblemsDialog)
    assert "katalog-baru.csv" in dialog.heading.text()
    assert "3 masalah" in dialog.heading.text()
    rows = [
        tuple(dialog.model.index(r, c).data() for c in range(3))
        for r in range(dialog.model.rowCount())
    ]
    assert [(row, column) for row, column, _ in rows] == [
        ("3", "harga"),
        ("4", "kode_mitra"),
        ("5", "stok"),
    ]
    assert "dua ratus" in rows[0][2]
    assert rows[1][2] == "Kode mitra kosong"
    assert "'x'" in rows[2][2]
    assert booth.snapshot() == before
    assert (booth.count("partners"), booth.count("products")) == counts
    assert "tidak diimpor" in screen.banner.text()

    dialog.copy_button.click()
    assert "dua ratus" in QApplication.clipboard().text()
    press(qtbot, ENTER)  # Close
    qtbot.waitUntil(lambda: screen.dialog is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.table)


def test_a_good_catalog_is_imported_with_a_summary(qtbot, booth, screen, tmp_path, monkeypatch):
    path = tmp_path / "katalog.csv"
    path.write_text(GOOD_CATALOG, encoding="utf-8")
    choose_file(monkeypatch, path)
    screen.import_button.click()

    fresh = booth.reopen()
    names = fresh.execute(
        "SELECT p.name, p.price, p.on_hand FROM products p JOIN partners pa "
        "ON pa.id = p.partner_id WHERE pa.code = 'SLW01' ORDER BY p.name"
    ).fetchall()
    assert names == [("Sarung Donggala", 350_000, 4), ("Selendang Donggala", 200_000, 2)]
    text = screen.banner.text()
    assert "katalog.csv" in text and "1 mitra ditambahkan" in text and "2 produk" in text
    assert screen.model.rowCount() == 7
    assert screen.partner_combo.findText("SLW01 — Tenun Donggala") >= 0

    screen.import_button.click()  # the same file again: nothing changes
    assert "sudah mutakhir" in screen.banner.text()
    assert booth.count("products") == 7


def test_the_main_window_menu_imports_a_catalog(
    qtbot, booth, receipts, translators, tmp_path, monkeypatch
):
    path = tmp_path / "katalog.csv"
    path.write_text(GOOD_CATALOG, encoding="utf-8")
    choose_file(monkeypatch, path)
    window = gui_app.build_main_window(booth.db, booth.path, Preferences(), receipts=receipts)
    window.resize(1280, 760)
    show(qtbot, window)
    window.sign_in(booth.admin)
    assert window.import_catalog_action.text() == "Impor katalog…"
    assert window.import_catalog_action in window.inventory_action.menu().actions()

    window.import_catalog_action.trigger()
    assert window.current_screen() is window.inventory
    assert booth.count("products") == 7
    assert "katalog.csv diimpor" in window.inventory.banner.text()
    qtbot.wait(10)


def test_a_sheet_that_cannot_be_saved_is_said_and_the_document_stands(qtbot, booth, screen, files):
    files.mkdir(parents=True, exist_ok=True)
    (files / "stok").write_text("a file where the sheets folder should be")
    select_product(qtbot, screen, "kopi", booth)
    press(qtbot, Qt.Key.Key_F5)
    wait_dialog(qtbot, screen, AdjustDialog)
    type_text(qtbot, "17")
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: screen.dialog is None)
    assert screen._controller.output.work.wait_idle()
    assert booth.ledger("kopi") == 17  # the adjustment is recorded
    assert "INA24-T1-PNY-0001" in screen.banner.text()
    assert (
        "tidak dapat dibuat" in screen.banner.text() or "could not be made" in screen.banner.text()
    )
    assert (files / "stok").is_file()
