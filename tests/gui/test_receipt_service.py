"""ReceiptService and BackgroundWork: the PDF is saved now, printing happens in the background."""

from __future__ import annotations

import threading

import pytest
from sale_support import FailingPrinter

from boothpos.core.errors import NotFound
from boothpos.core.event import get_event
from boothpos.gui.receipts import ReceiptService
from boothpos.gui.worker import BackgroundWork

# -- BackgroundWork ----------------------------------------------------------------------------


def test_background_work_delivers_results_on_the_gui_thread(qapp):
    work = BackgroundWork()
    gui_thread = threading.get_ident()
    ran_on: list[int] = []
    delivered: list[tuple[object, int]] = []

    def slow(x: int) -> int:
        ran_on.append(threading.get_ident())
        return x * 2

    work.submit(slow, 21, on_done=lambda r: delivered.append((r, threading.get_ident())))
    assert work.pending() == 1
    assert work.wait_idle(5000)
    assert delivered == [(42, gui_thread)]
    assert ran_on and ran_on[0] != gui_thread
    assert work.pending() == 0


def test_background_work_delivers_errors_and_keeps_order(qapp):
    work = BackgroundWork()
    seen: list[object] = []

    def boom() -> None:
        raise ValueError("no paper")

    for n in range(5):
        work.submit(lambda n=n: n, on_done=seen.append)
    work.submit(boom, on_error=lambda exc: seen.append(str(exc)))
    with_idle: list[bool] = []
    work.idle.connect(lambda: with_idle.append(True))
    assert work.wait_idle(5000)
    assert seen == [0, 1, 2, 3, 4, "no paper"]  # one worker: submission order
    assert with_idle


# -- ReceiptService ----------------------------------------------------------------------------


def test_issue_saves_the_pdf_synchronously_then_prints(booth, receipt_service, printer, qtbot):
    sale = booth.sell("kopi", ("gelang", 2))
    with qtbot.waitSignal(receipt_service.printed, timeout=5000) as printed:
        path = receipt_service.issue(sale.receipt_no)
        assert path == receipt_service.folder / f"{sale.receipt_no}.pdf"
        assert path.read_bytes().startswith(b"%PDF")  # saved before printing finished
    assert printed.args == [sale.receipt_no]
    assert printer.titles == [sale.receipt_no]
    assert printer.jobs[0][1] == path.read_bytes()
    assert not list(receipt_service.folder.glob("*.part"))


def test_reprints_get_numbered_files_and_the_database_is_untouched(booth, receipt_service, printer):
    sale = booth.sell("noken")
    receipt_service.issue(sale.receipt_no)
    before = booth.snapshot()
    first = receipt_service.reprint(sale.receipt_no)
    second = receipt_service.reprint(sale.receipt_no)
    assert first.name == f"{sale.receipt_no}-reprint-1.pdf"
    assert second.name == f"{sale.receipt_no}-reprint-2.pdf"
    assert first.read_bytes() != (receipt_service.folder / f"{sale.receipt_no}.pdf").read_bytes()
    receipt_service.work.wait_idle()
    assert printer.titles == [sale.receipt_no] * 3
    assert booth.snapshot() == before


def test_printer_failure_is_reported_and_never_touches_the_database(booth, qtbot, tmp_path):
    jammed = FailingPrinter(failures=1)
    service = ReceiptService(booth.db, get_event(booth.db), tmp_path / "r", jammed, lang="en")
    sale = booth.sell("kalung")
    before = booth.snapshot()
    with qtbot.waitSignal(service.printFailed, timeout=5000) as failed:
        path = service.issue(sale.receipt_no)
    receipt_no, message = failed.args
    assert receipt_no == sale.receipt_no
    assert "paper jam" in message and "TM-T82" in message
    assert path.exists()
    assert booth.snapshot() == before

    with qtbot.waitSignal(service.printed, timeout=5000):
        service.reprint(sale.receipt_no)
    assert jammed.titles == [sale.receipt_no]
    assert booth.snapshot() == before


def test_any_printer_exception_becomes_print_failed(booth, qtbot, tmp_path):
    class Unplugged:
        def print_pdf(self, pdf: bytes, *, title: str) -> None:
            raise OSError("device /dev/usb/lp0 not found")

    service = ReceiptService(booth.db, get_event(booth.db), tmp_path / "r", Unplugged())
    sale = booth.sell("kopi")
    with qtbot.waitSignal(service.printFailed, timeout=5000) as failed:
        service.issue(sale.receipt_no)
    assert "lp0" in failed.args[1]


def test_unknown_receipt_is_refused_before_anything_is_saved(receipt_service, printer):
    with pytest.raises(NotFound):
        receipt_service.issue("INA24-T1-0228-99999")
    assert not receipt_service.folder.exists() or not list(receipt_service.folder.iterdir())
    assert receipt_service.work.pending() == 0
    assert printer.jobs == []


def test_width_and_language_settings(booth, receipt_service, printer):
    from pypdf import PdfReader

    sale = booth.sell("kopi")
    receipt_service.set_width(58)
    receipt_service.set_width(99)  # ignored: 58 and 80 only
    path = receipt_service.issue(sale.receipt_no)
    box = PdfReader(path).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 58
