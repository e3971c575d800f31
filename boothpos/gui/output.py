"""The one output service of the app: render → atomic save → print, on the one background worker.

Every document the till makes (a receipt, a reprint, a Z report, a report, a
stock sheet, labels, a partner slip) goes the same way:

1. the database is read on the GUI thread (a SQLite connection belongs to the
   thread that opened it) and the caller hands over a ``render`` callable that
   works on plain data;
2. on the :class:`~boothpos.gui.worker.BackgroundWork` thread the PDF is
   rendered and, when a path is given, written atomically
   (:func:`boothpos.documents.pdf_files.write_pdf`: a temporary file, fsync,
   rename; nothing half-written is ever left, not even the temporary file).
   One job does this step on the GUI thread (``now=True``): the receipt of a
   sale just paid, because DESIGN's cashier flow promises "the sale is
   committed, its receipt PDF saved, printing started" before the screen is
   back (a 80 mm receipt costs a few ms), and ``check`` names a receipt PDF the
   books lack as the trace of a lost sale;
3. when a printer is given, printing follows on the same worker thread, so
   jobs reach the printer in the order they were asked for.

The outcome comes back on the GUI thread through one set of signals,
``saved(job, path)``, ``printed(job)`` and ``failed(job, stage, reason)``, and
through the callbacks given with the job (for the screen that asked). A
failure to print never undoes the save: the file is on disk before printing
starts.

The service owns the till's printer (:meth:`set_printer` when the settings
change) and the event folder (``<database>-files``); widgets are handed this
service, never the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from boothpos.documents.pdf_files import write_pdf
from boothpos.gui.worker import BackgroundWork

if TYPE_CHECKING:
    from boothpos.printing import Printer

log = logging.getLogger(__name__)

STOCK_FOLDER = "stok"  # <event folder>/stok: stock documents
LABELS_FOLDER = "label"  # <event folder>/label: label sheets

Render = Callable[[], bytes]


class Stage(StrEnum):
    """Where an output job failed."""

    RENDER = "render"
    SAVE = "save"
    PRINT = "print"


class Kind(StrEnum):
    """What an output job is (listeners of the service's signals pick theirs by it)."""

    RECEIPT = "receipt"
    REPORT = "report"
    Z_REPORT = "z_report"
    STOCK_SHEET = "stock_sheet"
    LABELS = "labels"
    SLIP = "slip"


@dataclass(frozen=True)
class OutputJob:
    """One document on its way out: its kind and the title messages name it by."""

    kind: Kind
    title: str  # a receipt number, a document's title


def describe_error(exc: BaseException) -> str:
    """A person-readable text for an exception (domain errors in the user's language)."""
    message = getattr(exc, "message", None)
    if callable(message):
        try:
            return str(message())
        except Exception:  # noqa: BLE001 - fall back to str()
            pass
    return str(exc) or type(exc).__name__


class _Failed(Exception):
    """An exception of a worker step, with the stage it happened in."""

    def __init__(self, stage: Stage, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.stage = stage
        self.cause = cause


def _render_and_save(render: Render | bytes, path: Path | None) -> tuple[bytes, Path | None]:
    """Worker step 1: the PDF bytes, written atomically to ``path`` when given."""
    try:
        pdf = render if isinstance(render, bytes) else render()
    except Exception as exc:
        raise _Failed(Stage.RENDER, exc) from exc
    if path is None:
        return pdf, None
    try:
        return pdf, write_pdf(path, pdf)
    except Exception as exc:
        raise _Failed(Stage.SAVE, exc) from exc


class OutputService(QObject):
    """Renders, saves and prints documents for one event folder on one worker.

    Signals: ``saved(OutputJob, Path)``, ``printed(OutputJob)``,
    ``failed(OutputJob, Stage, reason)``.
    """

    saved = Signal(object, object)
    printed = Signal(object)
    failed = Signal(object, str, str)

    def __init__(
        self,
        folder: Path,
        printer: Printer | None,
        *,
        work: BackgroundWork | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = Path(folder)
        self._printer = printer
        self._work = work or BackgroundWork(self)

    # -- what it holds ----------------------------------------------------------------

    @property
    def folder(self) -> Path:
        """The event folder (``<database>-files``)."""
        return self._folder

    @property
    def work(self) -> BackgroundWork:
        """The app's one background worker (pdfium and the printers use one thread)."""
        return self._work

    @property
    def printer(self) -> Printer | None:
        """The till's printer (receipts; A4 and labels only when it is a system printer)."""
        return self._printer

    def set_printer(self, printer: Printer | None) -> None:
        self._printer = printer

    def folder_for(self, kind: str) -> Path:
        """``<event folder>/<kind>``, made when missing."""
        folder = self._folder / kind
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def system_printer(self) -> Printer | None:
        """The till's printer when it can take A4 sheets and labels (a system printer)."""
        from boothpos.printing import SystemPrinter

        return self._printer if isinstance(self._printer, SystemPrinter) else None

    def can_print(self) -> bool:
        """True when the till prints on a system printer (which can take A4 and labels)."""
        return self.system_printer() is not None

    def printer_name(self) -> str:
        name = getattr(self._printer, "printer_name", None)
        return name or ""

    @staticmethod
    def open_folder(path: Path) -> bool:
        """Show the folder of ``path`` (or ``path`` itself when it is a folder)."""
        folder = path if path.is_dir() else path.parent
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- the pipeline -----------------------------------------------------------------

    def output(
        self,
        job: OutputJob,
        render: Render | bytes,
        *,
        path: Path | None = None,
        printer: Printer | None = None,
        on_saved: Callable[[Path], None] | None = None,
        on_printed: Callable[[], None] | None = None,
        on_failed: Callable[[Stage, str], None] | None = None,
        now: bool = False,
    ) -> None:
        """Render ``job`` (or take its finished bytes), save it at ``path``, print it on
        ``printer``; all on the worker, or the render and save before returning when
        ``now``. Outcomes: the signals and the callbacks."""

        def fail(stage: Stage, exc: BaseException) -> None:
            reason = describe_error(exc)
            log.warning("%s %s failed at %s: %s", job.kind, job.title, stage, reason)
            self.failed.emit(job, stage, reason)
            if on_failed is not None:
                on_failed(stage, reason)

        def saved(result: tuple[bytes, Path | None]) -> None:
            pdf, where = result
            if where is not None:
                self.saved.emit(job, where)
                if on_saved is not None:
                    on_saved(where)
            if printer is not None:
                self._print(job, pdf, printer, on_printed, fail)

        def step_failed(exc: BaseException) -> None:
            if isinstance(exc, _Failed):
                fail(exc.stage, exc.cause)
            else:
                fail(Stage.RENDER, exc)

        if now:
            try:
                result = _render_and_save(render, path)
            except Exception as exc:  # noqa: BLE001 - reported like a worker failure
                step_failed(exc)
            else:
                saved(result)
            return
        self._work.submit(_render_and_save, render, path, on_done=saved, on_error=step_failed)

    def _print(
        self,
        job: OutputJob,
        pdf: bytes,
        printer: Printer,
        on_printed: Callable[[], None] | None,
        fail: Callable[[Stage, BaseException], None],
    ) -> None:
        def done(_result: object) -> None:
            self.printed.emit(job)
            if on_printed is not None:
                on_printed()

        self._work.submit(
            printer.print_pdf,
            pdf,
            title=job.title,
            on_done=done,
            on_error=lambda exc: fail(Stage.PRINT, exc),
        )

    # -- finished PDFs (stock sheets, labels) -----------------------------------------

    def save(self, kind: str, filename: str, pdf: bytes) -> Path:
        """Write finished ``pdf`` atomically as ``<event folder>/<kind>/<filename>`` now."""
        return write_pdf(self.folder_for(kind) / filename, pdf)

    def print_pdf(
        self,
        pdf: bytes,
        title: str,
        *,
        kind: Kind = Kind.REPORT,
        on_done: Callable[[], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> bool:
        """Queue finished ``pdf`` for the system printer; False (nothing queued) without one."""
        printer = self.system_printer()
        if printer is None:
            return False
        self.output(
            OutputJob(kind, title),
            pdf,
            printer=printer,
            on_printed=on_done,
            on_failed=(lambda _stage, reason: on_error(reason)) if on_error else None,
        )
        return True
