"""Receipts of the till: read the sale now, render, save and print it on the output service.

The sale is already committed when :meth:`ReceiptService.issue` is called.
The sale is read on the GUI thread (the connection is this thread's); its
PDF is rendered and saved atomically as ``<folder>/<receipt_no>.pdf`` before
``issue`` returns (DESIGN's cashier flow: committed, receipt PDF saved,
printing started, then the screen is back) and printed on the app's
:class:`~boothpos.gui.output.OutputService` worker. A reprint is rendered,
saved and printed on the worker. The outcome comes back through the output
service's signals (``saved``/``printed``/``failed`` with an
:class:`~boothpos.gui.output.OutputJob` of kind ``Kind.RECEIPT`` whose title
is the receipt number). A printer failure never touches the database: the
sale is neither lost nor duplicated, and :meth:`reprint` prints it again.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from sqlite_utils import Database

from boothpos.core import errors
from boothpos.core.event import Event
from boothpos.gui.output import Kind, OutputJob, OutputService

if TYPE_CHECKING:
    from boothpos.core.sales import Sale
    from boothpos.gui.worker import BackgroundWork
    from boothpos.printing import Printer

RECEIPT_WIDTHS = (58, 80)
RENDERER = "boothpos.documents.receipt"


def _safe_name(receipt_no: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", receipt_no.strip())


class ReceiptService(QObject):
    """Render, save and print the receipts of one event database through ``output``."""

    def __init__(
        self,
        db: Database,
        event: Event,
        folder: Path,
        output: OutputService,
        *,
        width_mm: int = 80,
        lang: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._event = event
        self._folder = Path(folder)
        self._output = output
        if output.parent() is None:
            output.setParent(self)  # the app's service lives as long as its receipts
        self._width_mm = width_mm if width_mm in RECEIPT_WIDTHS else 80
        self._lang = lang or errors.language()
        self._warmed = False
        self._reprints: dict[str, int] = {}  # receipt -> the last reprint number handed out

    # -- settings ---------------------------------------------------------------------

    @property
    def folder(self) -> Path:
        return self._folder

    @property
    def output(self) -> OutputService:
        """The output service the receipts go through (its signals tell what happened)."""
        return self._output

    @property
    def width_mm(self) -> int:
        """The receipt roll's width (58 or 80 mm)."""
        return self._width_mm

    @property
    def work(self) -> BackgroundWork:
        return self._output.work

    @property
    def printer(self) -> Printer | None:
        return self._output.printer

    def set_printer(self, printer: Printer) -> None:
        self._output.set_printer(printer)

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
            self.work.submit(importlib.import_module, RENDERER)

    # -- receipts ---------------------------------------------------------------------

    def path_for(self, receipt_no: str) -> Path:
        """Where the original receipt of ``receipt_no`` is saved."""
        return self._folder / f"{_safe_name(receipt_no)}.pdf"

    def issue(self, receipt_no: str) -> Path:
        """The receipt of a committed sale: rendered and saved now, printing queued.

        Returns where it is saved. Raises a
        :class:`~boothpos.core.errors.BoothError` for an unknown receipt (nothing
        queued); every later problem comes through the output service's ``failed``.
        """
        sale = self._sale(receipt_no)
        path = self.path_for(receipt_no)
        self._queue(sale, path, reprint=False, now=True)
        return path

    def reprint(self, receipt_no: str) -> Path:
        """A reprint (marked as such): ``<receipt_no>-reprint-<n>.pdf``, then printed."""
        sale = self._sale(receipt_no)
        path = self._next_reprint_path(receipt_no)
        self._queue(sale, path, reprint=True)
        return path

    def _sale(self, receipt_no: str) -> Sale:
        from boothpos.core import sales

        return sales.get_sale(self._db, receipt_no)  # read here: the render runs on the worker

    def _queue(self, sale: Sale, path: Path, *, reprint: bool, now: bool = False) -> None:
        event, width, lang = self._event, self._width_mm, self._lang

        def render() -> bytes:
            from boothpos.documents.receipt import render_receipt

            return render_receipt(sale, event, width_mm=width, reprint=reprint, lang=lang)

        self._output.output(
            OutputJob(Kind.RECEIPT, sale.receipt_no),
            render,
            path=path,
            printer=self._output.printer,
            now=now,
        )

    def _next_reprint_path(self, receipt_no: str) -> Path:
        stem = _safe_name(receipt_no)
        pattern = re.compile(re.escape(stem) + r"-reprint-(\d+)\.pdf$")
        taken = [
            int(m.group(1))
            for p in self._folder.glob(f"{stem}-reprint-*.pdf")
            if (m := pattern.match(p.name))
        ]
        number = max([*taken, self._reprints.get(receipt_no, 0)]) + 1  # some not saved yet
        self._reprints[receipt_no] = number
        return self._folder / f"{stem}-reprint-{number}.pdf"
