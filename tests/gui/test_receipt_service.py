"""BackgroundWork, the OutputService and the receipts on it: the sale is read now; the PDF is
rendered, saved and printed in the background, in that order."""

from __future__ import annotations

import threading

import pytest
from sale_support import FailingPrinter

from boothpos.core.errors import NotFound
from boothpos.core.event import get_event
from boothpos.gui.output import Kind, OutputService, Stage
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


# -- ReceiptService on the OutputService ---------------------------------------------------------


def receipt_jobs(signal_args: list) -> list:
    return [(job.kind, job.title) for job in signal_args]


def test_issue_reads_the_sale_now_then_renders_saves_and_prints_on_the_worker(
    booth, receipt_service, printer, qtbot
):
    sale = booth.sell("kopi", ("gelang", 2))
    output = receipt_service.output
    saved: list[tuple[object, object]] = []
    output.saved.connect(lambda job, path: saved.append((job, path)))
    with qtbot.waitSignal(output.printed, timeout=5000) as printed:
        path = receipt_service.issue(sale.receipt_no)
        assert path == receipt_service.folder / f"{sale.receipt_no}.pdf"
    job = printed.args[0]
    assert (job.kind, job.title) == (Kind.RECEIPT, sale.receipt_no)
    assert saved == [(job, path)]  # saved before printing started
    assert path.read_bytes().startswith(b"%PDF")
    assert printer.titles == [sale.receipt_no]
    assert printer.jobs[0][1] == path.read_bytes()
    assert not [p for p in receipt_service.folder.iterdir() if p.name != path.name]


def test_reprints_get_numbered_files_and_the_database_is_untouched(booth, receipt_service, printer):
    sale = booth.sell("noken")
    receipt_service.issue(sale.receipt_no)
    before = booth.snapshot()
    first = receipt_service.reprint(sale.receipt_no)
    second = receipt_service.reprint(sale.receipt_no)  # asked before the first is saved
    assert first.name == f"{sale.receipt_no}-reprint-1.pdf"
    assert second.name == f"{sale.receipt_no}-reprint-2.pdf"
    receipt_service.work.wait_idle()
    assert first.read_bytes() != (receipt_service.folder / f"{sale.receipt_no}.pdf").read_bytes()
    assert receipt_service.reprint(sale.receipt_no).name == f"{sale.receipt_no}-reprint-3.pdf"
    receipt_service.work.wait_idle()
    assert printer.titles == [sale.receipt_no] * 4
    assert booth.snapshot() == before


def test_printer_failure_is_reported_and_never_touches_the_database(booth, qtbot, tmp_path):
    jammed = FailingPrinter(failures=1)
    output = OutputService(tmp_path, jammed)
    service = ReceiptService(booth.db, get_event(booth.db), tmp_path / "r", output, lang="en")
    sale = booth.sell("kalung")
    before = booth.snapshot()
    with qtbot.waitSignal(output.failed, timeout=5000) as failed:
        path = service.issue(sale.receipt_no)
    job, stage, message = failed.args
    assert (job.kind, job.title, stage) == (Kind.RECEIPT, sale.receipt_no, Stage.PRINT)
    assert "paper jam" in message and "TM-T82" in message
    assert path.exists()
    assert booth.snapshot() == before

    with qtbot.waitSignal(output.printed, timeout=5000):
        service.reprint(sale.receipt_no)
    assert jammed.titles == [sale.receipt_no]
    assert booth.snapshot() == before


def test_any_printer_exception_becomes_a_print_failure(booth, qtbot, tmp_path):
    class Unplugged:
        def print_pdf(self, pdf: bytes, *, title: str) -> None:
            raise OSError("device /dev/usb/lp0 not found")

    output = OutputService(tmp_path, Unplugged())
    service = ReceiptService(booth.db, get_event(booth.db), tmp_path / "r", output)
    sale = booth.sell("kopi")
    with qtbot.waitSignal(output.failed, timeout=5000) as failed:
        service.issue(sale.receipt_no)
    assert failed.args[1] == Stage.PRINT and "lp0" in failed.args[2]


def test_a_receipt_that_cannot_be_saved_fails_at_the_save_and_is_not_printed(
    booth, qtbot, tmp_path, printer
):
    blocker = tmp_path / "files" / "r"
    blocker.parent.mkdir()
    blocker.write_text("a file where the receipts folder should be")
    output = OutputService(tmp_path / "files", printer)
    service = ReceiptService(booth.db, get_event(booth.db), blocker, output)
    sale = booth.sell("kopi")
    with qtbot.waitSignal(output.failed, timeout=5000) as failed:
        service.issue(sale.receipt_no)
    assert failed.args[1] == Stage.SAVE
    assert output.work.wait_idle()
    assert printer.jobs == []
    assert [p.name for p in blocker.parent.iterdir()] == ["r"]  # no temporary file left


def test_unknown_receipt_is_refused_before_anything_is_queued(receipt_service, printer):
    with pytest.raises(NotFound):
        receipt_service.issue("INA24-T1-0228-99999")
    with pytest.raises(NotFound):
        receipt_service.reprint("INA24-T1-0228-99999")
    assert not receipt_service.folder.exists() or not list(receipt_service.folder.iterdir())
    assert receipt_service.work.pending() == 0
    assert printer.jobs == []


def test_width_and_language_settings(booth, receipt_service, printer):
    from pypdf import PdfReader

    sale = booth.sell("kopi")
    receipt_service.set_width(58)
    receipt_service.set_width(99)  # ignored: 58 and 80 only
    path = receipt_service.issue(sale.receipt_no)
    assert receipt_service.work.wait_idle()
    box = PdfReader(path).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 58


# -- the atomic write every output goes through ------------------------------------------------


def test_the_one_atomic_write_leaves_nothing_behind_when_it_fails(tmp_path, monkeypatch):
    import os

    from boothpos.documents.pdf_files import write_pdf

    target = tmp_path / "out" / "a.pdf"
    write_pdf(target, b"%PDF-old")

    def refuse(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_pdf(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-old"
    assert [p.name for p in target.parent.iterdir()] == ["a.pdf"]
