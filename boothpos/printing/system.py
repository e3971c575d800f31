"""Print through the operating system's printer: CUPS' ``lp`` where it exists, else Qt.

Where CUPS is installed (Linux, macOS: ``lp`` and ``lpstat`` on the PATH) the
PDF goes to ``lp`` (CUPS prints PDF itself), and what CUPS says is believed:
a scheduler that is not running, a queue that does not accept jobs, a queue
that is paused or unknown are each a :class:`PrintError` with a clear cause,
never a silent success (Qt hands a job to a rejecting queue and reports
nothing). Elsewhere (Windows) Qt print support paints the pages.

PySide6 is imported only inside :meth:`SystemPrinter.print_pdf`, so the
printing package (and the command line) stays importable without Qt. Pages
are rendered with pdfium at the printer's resolution (at most
:data:`MAX_DPI`) and painted with ``QPainter``, one printer page per PDF
page, the page size taken from the PDF (a receipt roll or an A4 sheet).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import Any

from boothpos.core.errors import Msg
from boothpos.printing.printers import PRINT_FAILED, PrintError, _cause

MAX_DPI = 600

NO_PRINTER = Msg(
    id="printer sistem '{printer}' tidak ditemukan (terpasang: {known})",
    en="system printer '{printer}' not found (installed: {known})",
)
NO_DEFAULT = Msg(
    id="tidak ada printer sistem bawaan (terpasang: {known})",
    en="there is no default system printer (installed: {known})",
)
CUPS_DOWN = Msg(
    id="layanan cetak (CUPS) tidak berjalan, jadi '{title}' tidak dicetak di {printer}; "
    "nyalakan layanan cetak lalu cetak ulang",
    en="the print service (CUPS) is not running, so '{title}' was not printed on {printer}; "
    "start the print service, then reprint",
)
NOT_ACCEPTING = Msg(
    id="antrean printer {printer} tidak menerima pekerjaan cetak ('{title}' tidak dicetak): "
    "{cause}",
    en="the printer queue {printer} is not accepting jobs ('{title}' was not printed): {cause}",
)
PAUSED = Msg(
    id="printer {printer} sedang dihentikan: '{title}' menunggu di antrean sampai printer "
    "dijalankan lagi",
    en="printer {printer} is paused: '{title}' waits in the queue until the printer is resumed",
)
NO_QT = Msg(
    id="mencetak ke printer sistem perlu PySide6: {cause}",
    en="printing to a system printer needs PySide6: {cause}",
)


class SystemPrinter:
    """A printer known to the operating system, by name (``None``: the default printer)."""

    def __init__(self, printer_name: str | None = None) -> None:
        self.printer_name = printer_name

    @property
    def name(self) -> str:
        return f"system:{self.printer_name}" if self.printer_name else "system"

    def print_pdf(self, pdf: bytes, *, title: str) -> None:
        if cups_available():
            return self._print_cups(pdf, title)
        try:
            qt = _qt()
            printer = self._qprinter(qt)
            printer.setDocName(title)
            paint_pdf(printer, pdf)
        except PrintError:
            raise
        except Exception as exc:
            raise PrintError(
                PRINT_FAILED, printer=self.name, title=title, cause=_cause(exc)
            ) from exc

    # -- CUPS ---------------------------------------------------------------------------

    def _print_cups(self, pdf: bytes, title: str) -> None:
        if not _scheduler_running():
            raise PrintError(CUPS_DOWN, printer=self.printer_name or "-", title=title)
        queue = self.printer_name or _default_queue()
        if queue is None:
            raise PrintError(NO_DEFAULT, known=", ".join(_queues()) or "-")
        known = _queues()
        if queue not in known:
            raise PrintError(NO_PRINTER, printer=queue, known=", ".join(known) or "-")
        done = _run(["lp", "-d", queue, "-t", title], stdin=pdf)  # the PDF on stdin
        said = " ".join((done.stderr or done.stdout).split())
        if done.returncode != 0:
            lowered = said.lower()
            if "not accepting" in lowered:
                raise PrintError(NOT_ACCEPTING, printer=queue, title=title, cause=said)
            if "scheduler" in lowered or "connect" in lowered:
                raise PrintError(CUPS_DOWN, printer=queue, title=title)
            raise PrintError(PRINT_FAILED, printer=queue, title=title, cause=said or "lp")
        state = _run(["lpstat", "-p", queue]).stdout.lower()
        if "disabled" in state:
            raise PrintError(PAUSED, printer=queue, title=title)

    def _qprinter(self, qt: Any) -> Any:
        info_cls = qt.QtPrintSupport.QPrinterInfo
        known = ", ".join(info_cls.availablePrinterNames()) or "-"
        if self.printer_name:
            info = info_cls.printerInfo(self.printer_name)
            if info.isNull():
                raise PrintError(NO_PRINTER, printer=self.printer_name, known=known)
        else:
            info = info_cls.defaultPrinter()
            if info.isNull():
                raise PrintError(NO_DEFAULT, known=known)
        return qt.QtPrintSupport.QPrinter(
            info, qt.QtPrintSupport.QPrinter.PrinterMode.HighResolution
        )


def cups_available() -> bool:
    """True where CUPS' command-line tools are installed (not on Windows)."""
    return sys.platform != "win32" and bool(shutil.which("lp") and shutil.which("lpstat"))


def _run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}  # messages to read, not to translate
    done = subprocess.run(args, input=stdin, capture_output=True, timeout=30, env=env, check=False)
    return subprocess.CompletedProcess(
        args, done.returncode, done.stdout.decode(errors="replace"),
        done.stderr.decode(errors="replace"),
    )  # fmt: skip


def _scheduler_running() -> bool:
    """``lpstat -r``: "scheduler is running" / "scheduler is not running"."""
    said = _run(["lpstat", "-r"]).stdout.lower()
    return "is running" in said


def _queues() -> list[str]:
    """Every CUPS queue (``lpstat -e``, one name a line)."""
    return [line.strip() for line in _run(["lpstat", "-e"]).stdout.splitlines() if line.strip()]


def _default_queue() -> str | None:
    """``lpstat -d``: "system default destination: NAME" (or "no system default")."""
    said = _run(["lpstat", "-d"]).stdout
    _, sep, name = said.partition(":")
    return name.strip() or None if sep else None


_apps: list[Any] = []  # a QGuiApplication made here lives as long as the process


class _Qt:
    """The PySide6 modules, imported on first use (with an application object)."""

    def __init__(self) -> None:
        from PySide6 import QtCore, QtGui, QtPrintSupport

        self.QtCore, self.QtGui, self.QtPrintSupport = QtCore, QtGui, QtPrintSupport
        if QtGui.QGuiApplication.instance() is None:  # the command line has no app yet
            _headless_default()
            _apps.append(QtGui.QGuiApplication([]))


def _headless_default() -> None:
    """Without a display, Qt would abort the process: print through its offscreen platform."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _qt() -> _Qt:
    try:
        return _Qt()
    except ImportError as exc:
        raise PrintError(NO_QT, cause=_cause(exc)) from exc


def paint_pdf(printer: Any, pdf: bytes) -> None:
    """Paint every page of ``pdf`` on a ``QPrinter`` (or a PDF-format one, in tests)."""
    import pypdfium2 as pdfium

    qt = _qt()
    doc = pdfium.PdfDocument(pdf)
    painter = qt.QtGui.QPainter()
    try:
        for index in range(len(doc)):
            page = doc[index]
            _set_page(qt, printer, page.get_size())
            if index == 0:
                if not painter.begin(printer):
                    raise RuntimeError("the printer refused to start (is it online?)")
            elif not printer.newPage():
                raise RuntimeError(f"the printer refused page {index + 1}")
            _paint_page(qt, painter, printer, page)
    finally:
        if painter.isActive():
            painter.end()
        doc.close()


def _set_page(qt: Any, printer: Any, size_pt: tuple[float, float]) -> None:
    core, gui = qt.QtCore, qt.QtGui
    page_size = gui.QPageSize(
        core.QSizeF(*size_pt),
        gui.QPageSize.Unit.Point,
        "",
        gui.QPageSize.SizeMatchPolicy.ExactMatch,
    )
    printer.setFullPage(True)
    printer.setPageSize(page_size)
    printer.setPageMargins(core.QMarginsF(0, 0, 0, 0), gui.QPageLayout.Unit.Point)


def _paint_page(qt: Any, painter: Any, printer: Any, page: Any) -> None:
    """Render the page with pdfium and draw it over the whole printer page."""
    gui, core = qt.QtGui, qt.QtCore
    width_pt, height_pt = page.get_size()
    dpi = min(printer.resolution(), MAX_DPI)
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    qimage = gui.QImage(
        image.tobytes(), image.width, image.height, image.width, gui.QImage.Format.Format_Grayscale8
    ).copy()
    scale = printer.resolution() / 72
    painter.drawImage(core.QRectF(0, 0, width_pt * scale, height_pt * scale), qimage)
