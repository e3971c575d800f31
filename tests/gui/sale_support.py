"""Helpers for the sale screen, payment and receipt tests (printers, clocks, key flows)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from boothpos.core.errors import Msg

PAPER_JAM = Msg(id="kertas macet", en="paper jam")


class StepClock:
    """A clock (seconds) that moves ``step`` seconds every time it is read."""

    def __init__(self, step: float = 0.005) -> None:
        self.t = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.t += self.step
        return self.t

    def scanner(self) -> None:
        self.step = 0.005  # a scanner: 5 ms between keys

    def person(self) -> None:
        self.step = 0.2  # a person: 200 ms between keys


class RecordingPrinter:
    """Prints nothing; remembers what it was asked to print (from the worker thread)."""

    name = "recording"

    def __init__(self) -> None:
        self.jobs: list[tuple[str, bytes]] = []
        self._lock = threading.Lock()

    def print_pdf(self, pdf: bytes, *, title: str) -> None:
        with self._lock:
            self.jobs.append((title, pdf))

    @property
    def titles(self) -> list[str]:
        return [title for title, _ in self.jobs]


class FailingPrinter(RecordingPrinter):
    """Raises PrintError (paper jam) for the first ``failures`` jobs, then prints."""

    name = "jammed"

    def __init__(self, failures: int = 1) -> None:
        super().__init__()
        self.failures = failures
        self.attempts = 0

    def print_pdf(self, pdf: bytes, *, title: str) -> None:
        from boothpos.printing import PrintError
        from boothpos.printing.printers import PRINT_FAILED

        self.attempts += 1
        if self.attempts <= self.failures:
            raise PrintError(PRINT_FAILED, printer="TM-T82", title=title, cause=PAPER_JAM.en)
        super().print_pdf(pdf, title=title)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def sale_count(booth) -> int:
    return booth.count("sales")


def scan(qtbot, screen, code: str) -> None:
    """Type ``code`` + Enter into the scan field (a person or a scanner typing there)."""
    field = screen.scan_field
    assert field.hasFocus()
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def burst(qtbot, widget: QWidget, code: str) -> None:
    """A scanner burst typed into ``widget`` (the test's step clock decides the timing)."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def open_payment(qtbot, screen):
    """F12 from the focused widget; returns the payment dialog once it is active."""
    qtbot.keyClick(focused(), Qt.Key.Key_F12)
    dialog = screen.payment_dialog
    assert dialog is not None, "F12 opened no payment dialog"
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    qtbot.waitUntil(lambda: dialog.amount_edit.hasFocus(), timeout=2000)
    return dialog
