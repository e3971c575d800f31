"""The booth hub in the app: sync in the background, its state in the status bar.

A till that has joined a hub (``boothpos join`` / ``hub init``) syncs every
few seconds and right after each sale, on a worker thread with a SQLite
connection of its own: nothing about sync ever waits in front of a scan or a
payment (a sale commits to SQLite alone; a pulled record holds the write lock
for one short transaction). The status bar says "Hub: synced 14:02",
"Hub: 3 waiting" or "Hub: offline since 10:42 · 5 waiting" (and how many
records are parked). A till without a hub shows nothing and never imports
psycopg.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget
from sqlite_utils import Database

from boothpos.core import clock
from boothpos.core.event import get_event, get_setting
from boothpos.core.tills import SETTING_HUB_DSN
from boothpos.gui.worker import BackgroundWork

if TYPE_CHECKING:
    from boothpos.hub.sync import SyncResult

INTERVAL_MS = 3000


def sync_round(db_path: Path) -> SyncResult:
    """One push + pull on a connection of this worker thread's own."""
    from boothpos.core import db as dbmod
    from boothpos.hub import sync

    database = dbmod.connect(db_path)
    try:
        return sync.sync(database)
    finally:
        database.close()


class HubStatus(QObject):
    """Runs sync rounds (one at a time) and shows the outcome in ``label``.

    ``request()`` asks for a round now (a sale was made); a round asked for
    while one runs follows it at once. ``changed`` carries the status text.
    """

    changed = Signal(str)

    def __init__(
        self,
        db_path: Path,
        label: QLabel,
        timezone: str,
        parent: QObject | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
        round_fn: Any = sync_round,
    ) -> None:
        super().__init__(parent)
        self._db_path = db_path
        self._label = label
        self._timezone = timezone
        self._round = round_fn
        self._work = BackgroundWork(self)
        self._running = False
        self._again = False
        self.offline_since: datetime | None = None
        self.synced_at: datetime | None = None
        self.last: SyncResult | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.request)
        label.setText(self.tr("Hub: connecting…"))

    def start(self) -> None:
        self._timer.start()
        self.request()

    def stop(self, timeout_ms: int = 10_000) -> None:
        self._timer.stop()
        self._work.wait_idle(timeout_ms)

    def request(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self._work.submit(self._round, self._db_path, on_done=self._finished, on_error=self._failed)

    def _finished(self, result: SyncResult) -> None:
        self._running = False
        self.last = result
        now = clock.now(self._timezone)
        if result.error:
            self.offline_since = self.offline_since or now
        else:
            self.offline_since, self.synced_at = None, now
        self._show(self.text(result), result.error or "")
        if self._again:
            self._again = False
            self.request()

    def _failed(self, exc: BaseException) -> None:
        """The round itself failed (the hub extra missing, a disk error): shown, retried."""
        self._running = False
        self.offline_since = self.offline_since or clock.now(self._timezone)
        message = exc.message() if hasattr(exc, "message") else str(exc)
        self._show(self.tr("Hub: not syncing ({reason})").format(reason=message), message)

    def _show(self, text: str, tip: str) -> None:
        self._label.setText(text)
        self._label.setToolTip(tip)
        self.changed.emit(text)

    def text(self, result: SyncResult) -> str:
        if result.error:
            text = self.tr("Hub: offline since {time} · {n} waiting").format(
                time=f"{self.offline_since:%H:%M}", n=result.pending
            )
        elif result.pending:
            text = self.tr("Hub: {n} waiting").format(n=result.pending)
        else:
            text = self.tr("Hub: synced {time}").format(time=f"{self.synced_at:%H:%M}")
        if result.parked:
            text += " · " + self.tr("{n} parked").format(n=result.parked)
        return text


def attach_hub_status(
    window: QMainWindow, db: Database, db_path: Path, *, sale: QWidget | None = None
) -> HubStatus | None:
    """A hub status in ``window``'s status bar, syncing in the background; None without a hub."""
    if not get_setting(db, SETTING_HUB_DSN):
        return None
    label = QLabel()
    label.setObjectName("statusHub")
    window.statusBar().addPermanentWidget(label)
    status = HubStatus(db_path, label, get_event(db).timezone, parent=window)
    completed = getattr(sale, "saleCompleted", None)
    if completed is not None:
        completed.connect(lambda *_: status.request())
    status.start()
    return status
