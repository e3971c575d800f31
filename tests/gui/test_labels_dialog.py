"""The labels dialog: products from the selection or a partner, copies or one per item in
stock, layout, start position, offset calibration; the PDF's barcodes scan as the products.

Each PDF is rasterised with pypdfium2 at 300 dpi and every label is decoded
with zxing-cpp; the offset is read back from the SQLite file.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from boothpos.core import barcodes, labeling
from boothpos.core.event import get_event
from boothpos.documents.label_layouts import get_layout
from boothpos.documents.labels import page_plan
from boothpos.gui.controllers.inventory_controller import InventoryController
from boothpos.gui.output import LABELS_FOLDER, OutputService
from boothpos.gui.views.inventory_view import InventoryScreen
from boothpos.gui.views.labels_dialog import LabelsDialog
from boothpos.gui.worker import BackgroundWork
from boothpos.printing import PdfOnlyPrinter

DPI = 300
MM = 72 / 25.4
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def files(tmp_path: Path) -> Path:
    return tmp_path / "inacraft-2024-files"


@pytest.fixture
def screen(qtbot, booth, files, translators):
    work = BackgroundWork()
    output = OutputService(files, PdfOnlyPrinter(), work=work)
    controller = InventoryController(booth.db, get_event(booth.db), output)
    inventory = InventoryScreen(controller)
    inventory.set_user(booth.supervisor)
    inventory.resize(1280, 720)
    show(qtbot, inventory)
    inventory.open()
    yield inventory
    work.wait_idle()
    if inventory.dialog is not None:
        inventory.dialog._controller.work.wait_idle()
        inventory.dialog.reject()


def open_labels(qtbot, screen) -> LabelsDialog:
    press(qtbot, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: isinstance(screen.dialog, LabelsDialog) and screen.dialog.isVisible())
    dialog = screen.dialog
    qtbot.waitUntil(lambda: focused().window() is dialog, timeout=2000)
    return dialog


def save(qtbot, dialog: LabelsDialog) -> Path:
    press(qtbot, Qt.Key.Key_Return, CTRL)
    dialog._controller.work.wait_idle()
    qtbot.waitUntil(lambda: dialog.last_saved is not None and not dialog.busy, timeout=10_000)
    return dialog.last_saved.path


def decode_all(path: Path, layout_name: str, count: int, start: int = 1) -> list[str]:
    """The codes of the first ``count`` labels of the PDF, read at 300 dpi."""
    layout = get_layout(layout_name)
    pdf = pdfium.PdfDocument(path)
    pages = page_plan(count, layout, start)
    assert len(pdf) == len(pages)
    scale = DPI / 25.4
    found = []
    for page, placed in zip(pdf, pages, strict=True):
        image = page.render(scale=DPI / 72).to_pil().convert("L")
        for position, _index in placed:
            left, top, width, height = layout.label_box(position)
            box = (
                math.floor(left * scale),
                math.floor(top * scale),
                math.ceil((left + width) * scale),
                math.ceil((top + height) * scale),
            )
            results = zxingcpp.read_barcodes(image.crop(box), try_downscale=False)
            assert len(results) == 1, (position, results)
            found.append(barcodes.normalise(results[0].text))
    return found


def select_rows(qtbot, screen, keys: list[str], booth) -> None:
    """Select the products' rows with the keyboard (they must be adjacent, top one first)."""
    rows = sorted(screen.model.row_of(booth.pid(k)) for k in keys)
    screen.table.setFocus()
    press(qtbot, Qt.Key.Key_Home, CTRL)
    for _ in range(rows[0]):
        press(qtbot, Qt.Key.Key_Down)
    for _ in range(rows[-1] - rows[0]):
        press(qtbot, Qt.Key.Key_Down, SHIFT)
    assert sorted(screen.selected_ids()) == sorted(booth.pid(k) for k in keys)


def codes_of(booth, *keys: str) -> list[str]:
    return [booth.product[k].barcode for k in keys]


def test_labels_of_the_selected_products_scan_as_their_codes(qtbot, booth, screen, files):
    select_rows(qtbot, screen, ["gelang", "kalung"], booth)  # AMB01, adjacent rows
    dialog = open_labels(qtbot, screen)
    assert dialog.selected_radio.isChecked()
    assert dialog.selected_radio.text() == "2 produk yang dipilih di daftar"
    assert focused() is dialog.copies_spin
    type_text(qtbot, "3")  # replaces the selected 1
    assert dialog.summary.text() == "6 label di 1 lembar A4"
    path = save(qtbot, dialog)

    assert path.parent == files / LABELS_FOLDER
    assert path.name.startswith("label-pilihan-a4-3x8-")
    codes = Counter(decode_all(path, "a4-3x8", 6))
    assert codes == Counter(dict.fromkeys(codes_of(booth, "gelang", "kalung"), 3))
    assert "6 label" in dialog.result.text() and str(path) in dialog.result.text()
    assert dialog.open_button.isVisible()


def test_one_label_per_item_in_stock_of_a_partner_on_a_roll(qtbot, booth, screen):
    booth.sell(("gelang", 1))  # 2 gelang and 10 kalung left
    dialog = open_labels(qtbot, screen)  # nothing selected beyond the first row
    dialog.partner_combo.setFocus()
    index = dialog.partner_combo.findData("AMB01")
    dialog.partner_combo.setCurrentIndex(index)
    assert dialog.partner_radio.isChecked()
    dialog.stock_radio.click()
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("roll-50x25"))
    assert not dialog.start_spin.isEnabled()
    assert dialog.summary.text() == "12 label di rol"
    path = save(qtbot, dialog)

    assert "label-AMB01-roll-50x25-" in path.name
    codes = Counter(decode_all(path, "roll-50x25", 12))
    assert codes == Counter(
        {booth.product["gelang"].barcode: 2, booth.product["kalung"].barcode: 10}
    )


def test_the_offset_is_stored_per_layout_and_a_partly_used_sheet_is_skipped(qtbot, booth, screen):
    select_rows(qtbot, screen, ["noken"], booth)
    dialog = open_labels(qtbot, screen)
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("a4-4x10"))
    assert dialog.start_spin.maximum() == 40
    dialog.start_spin.setFocus()
    dialog.start_spin.selectAll()
    type_text(qtbot, "7")  # six labels of the sheet were used before
    for spin, text in ((dialog.offset_x, "1.5"), (dialog.offset_y, "-0.5")):
        spin.setFocus()
        spin.selectAll()
        type_text(qtbot, text)
    path = save(qtbot, dialog)

    fresh = booth.reopen()
    assert labeling.get_offset(fresh, "a4-4x10") == (1.5, -0.5)
    assert labeling.get_offset(fresh, "a4-3x8") == (0.0, 0.0)  # per layout
    (audited,) = fresh.execute(
        "SELECT user_id, detail FROM audit WHERE action = 'setting.change' AND entity_id = ?",
        ("labels.offset.a4-4x10",),
    ).fetchall()
    assert audited[0] == booth.supervisor.id
    assert "1.5,-0.5" in audited[1]

    layout = get_layout("a4-4x10")
    pdf = pdfium.PdfDocument(path)
    image = pdf[0].render(scale=DPI / 72).to_pil().convert("L")
    left, top, width, height = layout.label_box(6)  # position 7, moved by the offset
    scale = DPI / 25.4
    box = (
        round((left + 1.5) * scale),
        round((top - 0.5) * scale),
        round((left + 1.5 + width) * scale),
        round((top - 0.5 + height) * scale),
    )
    (result,) = zxingcpp.read_barcodes(image.crop(box), try_downscale=False)
    assert barcodes.normalise(result.text) == booth.product["noken"].barcode
    first = layout.label_box(0)
    corners = (first[0], first[1], first[0] + first[2], first[1] + first[3])
    empty = image.crop(tuple(round(v * scale) for v in corners))
    assert empty.getextrema() == (255, 255)  # the used positions stay blank

    press(qtbot, Qt.Key.Key_Escape)  # closes the dialog
    qtbot.waitUntil(lambda: screen.dialog is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.table)
    again = open_labels(qtbot, screen)
    again.layout_combo.setCurrentIndex(again.layout_combo.findData("a4-4x10"))
    assert (again.offset_x.value(), again.offset_y.value()) == (1.5, -0.5)


def test_nothing_to_print_is_explained_and_saves_nothing(qtbot, booth, screen, files):
    booth.sell(("tenun", 1))  # tenun: 0 left
    select_rows(qtbot, screen, ["tenun"], booth)
    dialog = open_labels(qtbot, screen)
    dialog.stock_radio.click()
    assert dialog.summary.text().startswith("Tidak ada label untuk dicetak")
    assert not dialog.save_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.result.text().startswith("Tidak ada label")
    assert not (files / LABELS_FOLDER).exists() or not list((files / LABELS_FOLDER).iterdir())
