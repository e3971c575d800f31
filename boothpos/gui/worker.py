"""The one background-work helper: slow work (printing, PDFs, backups) off the GUI thread.

A callable runs on a :class:`QThreadPool`; its result or exception comes back
on the GUI thread through a queued signal and is handed to the ``on_done`` /
``on_error`` callbacks given with the job. Jobs must not touch the database
connection (SQLite connections belong to the thread that opened them): give
them plain data, such as PDF bytes.

By default one worker thread runs the jobs in the order they were submitted,
so receipts come out of the printer in sale order.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from shiboken6 import isValid

from boothpos.gui import pyside_fix  # noqa: F401 - guards PySide6 6.12.0 (see module)

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Job(QRunnable):
    def __init__(self, owner: BackgroundWork, job_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._owner = owner
        self._job_id = job_id
        self._fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # noqa: BLE001 - handed back to the GUI thread
            self._deliver(self._owner._failed, exc)
        else:
            self._deliver(self._owner._done, result)

    def _deliver(self, signal: Any, value: object) -> None:
        try:
            signal.emit(self._job_id, value)
        except RuntimeError:  # the helper was deleted (app closing): nobody to tell
            log.debug("background job %s finished after its owner was deleted", self._job_id)


class BackgroundWork(QObject):
    """Run callables in the background; deliver results on the GUI thread.

    ``submit(fn, *args, on_done=..., on_error=..., **kwargs)`` returns a job id.
    ``idle`` is emitted when the last pending job has been delivered.
    """

    idle = Signal()
    _done = Signal(int, object)
    _failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, max_threads))
        self._jobs: dict[int, tuple[Done | None, Failed | None]] = {}
        self._next_id = 0
        self._done.connect(self._deliver_done, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._deliver_failed, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        **kwargs: Any,
    ) -> int:
        """Queue ``fn(*args, **kwargs)``; callbacks run later on the GUI thread."""
        self._next_id += 1
        job_id = self._next_id
        self._jobs[job_id] = (on_done, on_error)
        self._pool.start(_Job(self, job_id, lambda: fn(*args, **kwargs)))
        return job_id

    def pending(self) -> int:
        """Jobs submitted whose result has not been delivered yet."""
        return len(self._jobs)

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Process events until every job is delivered (for tests and shutdown).

        False when the time ran out, or when the helper was deleted with its owner
        (a closed window) before its jobs could be delivered.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        while self._jobs:
            if time.monotonic() > deadline or not isValid(self._pool):
                return False
            self._pool.waitForDone(10)
            QCoreApplication.sendPostedEvents(self)
            QCoreApplication.processEvents()
        return True

    @Slot(int, object)
    def _deliver_done(self, job_id: int, result: object) -> None:
        on_done, _ = self._jobs.pop(job_id, (None, None))
        try:
            if on_done is not None:
                on_done(result)
        finally:
            self._maybe_idle()

    @Slot(int, object)
    def _deliver_failed(self, job_id: int, exc: object) -> None:
        _, on_error = self._jobs.pop(job_id, (None, None))
        try:
            if on_error is not None:
                on_error(exc)  # type: ignore[arg-type]
            else:
                log.error("background job %s failed: %s", job_id, exc)
        finally:
            self._maybe_idle()

    def _maybe_idle(self) -> None:
        if not self._jobs:
            self.idle.emit()
