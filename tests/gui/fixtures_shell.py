"""Fixtures for the app shell tests (login, history, app start, languages).

Imported by the shell test modules (``from fixtures_shell import *``); the
``booth`` fixture (a real SQLite file with kasir/supervisor/admin and five
products) comes from ``tests/conftest.py``.

Flows are driven with key presses sent to whatever widget has the keyboard
focus, as a cashier (or a barcode scanner) would type them.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from boothpos.core import clock, errors  # noqa: E402
from boothpos.gui.i18n import Translators  # noqa: E402

__all__ = [
    "focused",
    "home",
    "press",
    "receipts",
    "show",
    "translators",
    "type_text",
    "today_sale",
]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def type_text(qtbot, text: str) -> None:
    """Type ``text`` into the focused widget, key by key."""
    qtbot.keyClicks(focused(), text)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    """Press one key (with a modifier) on the focused widget (shortcuts included)."""
    qtbot.keyClick(focused(), key, modifier)


def show(qtbot, widget: QWidget, *, track: bool = True) -> QWidget:
    """Show a top-level widget and make it the active window (so keys and shortcuts land).

    ``track=False`` for a window its owner deletes (the app shell rebuilds its window).
    """
    if track:
        qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=2000)
    return widget


def today_sale(booth, *items):
    """A sale made now (voids are for today's sales only)."""
    return booth.sell(*items, at=clock.now())


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private BOOTHPOS_HOME (preferences INI, demo database) for one test."""
    folder = tmp_path / "home"
    monkeypatch.setenv("BOOTHPOS_HOME", str(folder))
    monkeypatch.delenv("BOOTHPOS_DB", raising=False)
    return folder


@pytest.fixture
def translators(qapp) -> Iterator[Translators]:
    """The app's translators, Indonesian installed (the default); removed afterwards."""
    installed = Translators(qapp)
    installed.install("id")
    yield installed
    installed.remove()
    errors.set_language("id")


@pytest.fixture
def receipts(booth, qapp, tmp_path: Path):
    """The real ReceiptService on the booth database, saving PDFs, printing nowhere."""
    from boothpos.core.event import get_event
    from boothpos.gui.output import OutputService
    from boothpos.gui.receipts import ReceiptService
    from boothpos.printing import PdfOnlyPrinter

    service = ReceiptService(
        booth.db,
        get_event(booth.db),
        tmp_path / "receipts",
        OutputService(tmp_path, PdfOnlyPrinter()),
        lang="id",
    )
    yield service
    service.work.wait_idle()
