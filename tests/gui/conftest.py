"""Fixtures for the sale screen, payment and receipt tests.

The database is the real SQLite file of ``tests/conftest.py``'s ``booth``
fixture (INACRAFT-like event, users kasir/supervisor/admin, five products of
four partners with their intake in the stock ledger). Sales are dated on fair
day 1 (``now`` is injected), and the scanner's clock is a step clock so a
"scanner" (5 ms between keys) and a "person" (200 ms) are deterministic.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sale_support import RecordingPrinter, StepClock  # noqa: E402

from boothpos.core.event import get_event  # noqa: E402
from boothpos.gui import pyside_fix  # noqa: E402, F401 - PySide6 6.12.0 emit() refcount bug


@pytest.fixture
def printer() -> RecordingPrinter:
    return RecordingPrinter()


@pytest.fixture
def receipt_folder(tmp_path: Path) -> Path:
    return tmp_path / "receipts"


@pytest.fixture
def receipt_service(booth, qapp, printer, receipt_folder):
    from boothpos.gui.output import OutputService
    from boothpos.gui.receipts import ReceiptService

    service = ReceiptService(
        booth.db,
        get_event(booth.db),
        receipt_folder,
        OutputService(receipt_folder.parent, printer),
        width_mm=80,
        lang="en",
    )
    yield service
    service.work.wait_idle()


@pytest.fixture
def scan_clock() -> StepClock:
    return StepClock(0.005)


@pytest.fixture
def sale_time(booth) -> datetime:
    """Every sale of a test is rung up at 10:00 on fair day 1."""
    return booth.time(1, 10)


@pytest.fixture
def beeps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts QApplication.beep() calls."""
    calls: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: calls.append(1)))
    return calls


@pytest.fixture
def sale_screen(qtbot, booth, receipt_service, scan_clock, sale_time) -> Iterator:
    """The sale screen, shown and active, kasir signed in, focus on the scan field."""
    from boothpos.gui.views.sale_view import SaleScreen

    screen = SaleScreen(
        booth.db,
        get_event(booth.db),
        receipt_service,
        now=lambda: sale_time,
        scanner_clock=scan_clock,
    )
    screen.set_cashier(booth.kasir)
    screen.resize(1200, 700)
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen, timeout=2000)
    qtbot.waitUntil(lambda: screen.scan_field.hasFocus(), timeout=2000)
    yield screen
    receipt_service.work.wait_idle()
    for dialog in (screen.payment_dialog, screen.search_dialog):
        if dialog is not None:
            dialog.reject()
