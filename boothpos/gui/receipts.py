"""Receipts of the till: save the PDF now, print it in the background.

The sale is already committed when :meth:`ReceiptService.issue` is called.
The PDF is rendered and saved synchronously (``<folder>/<receipt_no>.pdf``),
so a receipt exists on disk whatever the printer does; printing then runs on
the :class:`~boothpos.gui.worker.BackgroundWork` and reports ``printed`` or
``printFailed``. A printer failure never touches the database: the sale is
neither lost nor duplicated, and :meth:`reprint` prints it again.
"""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from boothpos.core import errors
from boothpos.core.event import Event
from boothpos.gui.worker import BackgroundWork

if TYPE_CHECKING:
    from boothpos.printing import Printer

RECEIPT_WIDTHS = (58, 80)
RENDERER = "boothpos.documents.receipt"


def describe_error(exc: BaseException) -> str:
    """A person-readable text for an exception (domain errors in the user's language)."""
    message = getattr(exc, "message", None)
    if callable(message):
        try:
            return str(message())
        except Exception:  # noqa: BLE001 - fall back to str()
            pass
    return str(exc) or type(exc).__name__


def _safe_name(receipt_no: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", receipt_no.strip())


class ReceiptService(QObject):
    """Render, save and print receipts for one event database.

    Signals: ``printed(receipt_no)``, ``printFailed(receipt_no, message)``.
    """

    printed = Signal(str)
    printFailed = Signal(str, str)

    def __init__(
        self,
        db: Database,
        event: Event,
        folder: Path,
        printer: Printer,
        *,
        width_mm: int = 80,
        lang: str | None = None,
        work: BackgroundWork | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._event = event
        self._folder = Path(folder)
        self._printer = printer
        self._width_mm = width_mm if width_mm in RECEIPT_WIDTHS else 80
        self._lang = lang or errors.language()
        self._work = work or BackgroundWork(self)
        self._warmed = False

    # -- settings ---------------------------------------------------------------------

    @property
    def folder(self) -> Path:
        return self._folder

    @property
    def width_mm(self) -> int:
        """The receipt roll's width (58 or 80 mm)."""
        return self._width_mm

    @property
    def work(self) -> BackgroundWork:
        return self._work

    @property
    def printer(self) -> Printer:
        return self._printer

    def set_printer(self, printer: Printer) -> None:
        self._printer = printer

    def set_width(self, width_mm: int) -> None:
        if width_mm in RECEIPT_WIDTHS:
            self._width_mm = width_mm

    def set_language(self, lang: str) -> None:
        self._lang = lang

    def set_event(self, event: Event) -> None:
        self._event = event

    def warm_up(self) -> None:
        """Load the PDF renderer (reportlab, ~0.1 s) in the background, once, so the
        first sale does not wait for it. Call it when the till is on screen."""
        if not self._warmed:
            self._warmed = True
            self._work.submit(importlib.import_module, RENDERER)

    # -- receipts ---------------------------------------------------------------------

    def path_for(self, receipt_no: str) -> Path:
        """Where the original receipt of ``receipt_no`` is saved."""
        return self._folder / f"{_safe_name(receipt_no)}.pdf"

    def issue(self, receipt_no: str) -> Path:
        """Render and save the receipt of a committed sale, then queue printing.

        Raises a :class:`~boothpos.core.errors.BoothError` for an unknown receipt
        and ``OSError`` when the file cannot be written; never a printer error.
        """
        pdf = self._render(receipt_no, reprint=False)
        path = self._save(self.path_for(receipt_no), pdf)
        self._queue_print(receipt_no, pdf)
        return path

    def reprint(self, receipt_no: str) -> Path:
        """A reprint (marked as such): ``<receipt_no>-reprint-<n>.pdf``, then printed."""
        pdf = self._render(receipt_no, reprint=True)
        path = self._save(self._next_reprint_path(receipt_no), pdf)
        self._queue_print(receipt_no, pdf)
        return path

    def _render(self, receipt_no: str, *, reprint: bool) -> bytes:
        from boothpos.core import sales
        from boothpos.documents.receipt import render_receipt

        sale = sales.get_sale(self._db, receipt_no)
        return render_receipt(
            sale, self._event, width_mm=self._width_mm, reprint=reprint, lang=self._lang
        )

    def _next_reprint_path(self, receipt_no: str) -> Path:
        stem = _safe_name(receipt_no)
        pattern = re.compile(re.escape(stem) + r"-reprint-(\d+)\.pdf$")
        taken = [
            int(m.group(1))
            for p in self._folder.glob(f"{stem}-reprint-*.pdf")
            if (m := pattern.match(p.name))
        ]
        return self._folder / f"{stem}-reprint-{max(taken, default=0) + 1}.pdf"

    def _save(self, path: Path, pdf: bytes) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        with tmp.open("wb") as fh:
            fh.write(pdf)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        return path

    def _queue_print(self, receipt_no: str, pdf: bytes) -> None:
        printer = self._printer
        title = receipt_no
        self._work.submit(
            lambda: printer.print_pdf(pdf, title=title),
            on_done=lambda _result: self.printed.emit(receipt_no),
            on_error=lambda exc: self.printFailed.emit(receipt_no, describe_error(exc)),
        )
