"""Where the stock sheets and label PDFs go, and printing them on a system printer.

Documents are saved under the event folder (``<database>-files/<kind>/``),
always, before anything is printed. They are printed only when this till's
printer is a system printer (``SystemPrinter``: an office A4 printer or a
label printer with a driver): an ESC/POS receipt printer cannot print an A4
sheet, so then the PDF is only saved and the message says where.

Printing runs on the app's :class:`~boothpos.gui.worker.BackgroundWork`
(the receipt service's), so jobs reach the printer in order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from boothpos.documents.pdf_files import write_pdf
from boothpos.gui.receipts import describe_error
from boothpos.gui.worker import BackgroundWork
from boothpos.printing import SystemPrinter

STOCK_FOLDER = "stok"
LABELS_FOLDER = "label"


class PdfOutput(QObject):
    """Saves PDFs in the event folder and prints them on a system printer.

    ``printer`` returns the till's current printer (it can change in the
    settings). Signals: ``printed(title)``, ``printFailed(title, reason)``.
    """

    printed = Signal(str)
    printFailed = Signal(str, str)

    def __init__(
        self,
        folder: Path,
        printer: Callable[[], object],
        work: BackgroundWork | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = Path(folder)
        self._printer = printer
        self._work = work or BackgroundWork(self)

    @property
    def folder(self) -> Path:
        return self._folder

    @property
    def work(self) -> BackgroundWork:
        return self._work

    def folder_for(self, kind: str) -> Path:
        """``<event folder>/<kind>``, made when missing."""
        folder = self._folder / kind
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def save(self, kind: str, filename: str, pdf: bytes) -> Path:
        """Write ``pdf`` atomically as ``<event folder>/<kind>/<filename>``."""
        return write_pdf(self.folder_for(kind) / filename, pdf)

    def can_print(self) -> bool:
        """True when the till prints on a system printer (which can take A4 and labels)."""
        return isinstance(self._printer(), SystemPrinter)

    def printer_name(self) -> str:
        printer = self._printer()
        name = getattr(printer, "printer_name", None)
        return name or ""

    def print_pdf(
        self,
        pdf: bytes,
        title: str,
        *,
        on_done: Callable[[], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> bool:
        """Queue ``pdf`` for the system printer; False (nothing queued) without one."""
        printer = self._printer()
        if not isinstance(printer, SystemPrinter):
            return False

        def done(_result: object) -> None:
            self.printed.emit(title)
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> None:
            reason = describe_error(exc)
            self.printFailed.emit(title, reason)
            if on_error is not None:
                on_error(reason)

        self._work.submit(printer.print_pdf, pdf, title=title, on_done=done, on_error=failed)
        return True

    @staticmethod
    def open_folder(path: Path) -> bool:
        """Show the folder of ``path`` (or ``path`` itself when it is a folder)."""
        folder = path if path.is_dir() else path.parent
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
