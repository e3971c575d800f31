"""Open, close and reopen a fair day from the GUI: ``core.days``, then the Z report PDF.

- open: :func:`core.days.open_day` with the opening float (a supervisor).
  Selling never waits for it: the first sale opens the day at float 0.
- close: :func:`core.days.close_preview` while the supervisor counts the
  drawer (expected vs counted, nothing written), then
  :func:`core.days.close_day` with the count by denomination. Then, as
  ``boothpos close-day`` does, a backup (a problem only warns: the close is
  saved), and the Z report is rendered and saved under
  ``<event folder>/laporan`` in the background, ready to print on an A4
  system printer.
- reopen: :func:`core.days.reopen_day` (an administrator, with a reason).

Core refuses what is not allowed (a closed day twice, an attendant closing,
a supervisor reopening) with its own message; the dialogs show it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from boothpos.core import backup, clock, days, errors
from boothpos.core.codes import DayStatus, Role
from boothpos.core.days import DayChoice, day_choices
from boothpos.core.event import Event
from boothpos.core.money import parse_rupiah
from boothpos.core.qris_match import stored_match
from boothpos.core.reports import DayReport
from boothpos.core.users import User
from boothpos.gui.output import Kind, OutputJob, OutputService, describe_error
from boothpos.gui.pdf_pages import page_count, render_page
from boothpos.gui.worker import BackgroundWork

log = logging.getLogger(__name__)


def z_report_name(report: DayReport) -> str:
    """``Laporan-Z-001_2024-02-28.pdf`` (a reopened and re-closed day gets a new file)."""
    return f"Laporan-Z-{report.z_number or 0:03d}_{report.day.isoformat()}.pdf"


class FairDayController(QObject):
    """Signals: ``dayChanged(date)`` after an open, close or reopen; ``zSaved(Path)`` /
    ``zFailed(str)`` when the Z report PDF is written (or not); ``info``/``failed`` texts."""

    dayChanged = Signal(object)
    zSaved = Signal(object)
    zPage = Signal(object, int, int, object)  # path, page index, page count, QImage
    zFailed = Signal(str)
    info = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        db: Database,
        event: Event,
        db_path: Path | None,
        folder: Path,
        work: BackgroundWork,
        printer: Callable[[], object],
        *,
        now: Callable[[], datetime] | None = None,
        output: OutputService | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._event = event
        self._db_path = db_path
        self._folder = Path(folder)
        self._output = output or OutputService(self._folder, None, work=work, parent=self)
        self._work = self._output.work
        self._printer = printer
        self._now = now

    @property
    def event(self) -> Event:
        return self._event

    @property
    def work(self) -> BackgroundWork:
        return self._work

    def now(self) -> datetime:
        return self._now() if self._now is not None else clock.now(self._event.timezone)

    def today(self) -> date:
        return clock.today(self._event.timezone, self.now())

    def day_choices(self) -> list[DayChoice]:
        return day_choices(self._db, self._event)

    def state(self, day: date) -> days.DayState:
        return days.state(self._db, day)

    def default_close_day(self) -> date:
        """Today if it is an open fair day; else the earliest day still open; else today."""
        today = self.today()
        choices = self.day_choices()
        status = {c.day: c.status for c in choices}
        if self._event.day_number(today) is not None and status.get(today) != DayStatus.CLOSED:
            return today
        still_open = [c.day for c in choices if c.status == DayStatus.OPEN]
        if still_open:
            return still_open[0]
        not_closed = [d for d in self._event.fair_days if status.get(d) != DayStatus.CLOSED]
        return not_closed[0] if not_closed else today

    def default_open_day(self) -> date:
        """Today if it is a fair day; else the first fair day nobody opened yet."""
        today = self.today()
        if self._event.day_number(today) is not None:
            return today
        for choice in self.day_choices():
            if choice.number is not None and choice.status == DayStatus.NOT_OPENED:
                return choice.day
        return today

    # ---------------------------------------------------------- open ---

    def open_day(self, day: date, opening_float: str | int, user: User) -> days.DayState:
        """Open ``day`` with the float typed by the supervisor; raises the core refusal."""
        from boothpos.core import users

        users.require(user, Role.SUPERVISOR)
        amount = parse_rupiah(opening_float)
        state = days.open_day(self._db, day, opening_float=amount, user_id=user.id, at=self.now())
        self.dayChanged.emit(day)
        return state

    # ---------------------------------------------------------- close ---

    def preview(self, day: date, counts: dict[int, int]) -> DayReport:
        """The Z report the close would record: expected, counted, difference. Writes nothing."""
        return days.close_preview(self._db, day, denominations=counts)

    def close(self, day: date, counts: dict[int, int], user: User) -> DayReport:
        """Close ``day`` with the count; back up; save the Z report PDF in the background.

        Raises the core refusal (nothing written) when the close is not allowed.
        """
        report = days.close_day(self._db, day, user=user, denominations=counts, at=self.now())
        self.dayChanged.emit(day)
        if self._db_path is not None:
            saved = backup.backup_after_day_close(self._db, self._db_path, user_id=user.id)
            for notice in saved.warnings:  # the close is committed: a backup problem warns
                self.failed.emit(notice.message())
        self.save_z(report)
        return report

    def z_path(self, report: DayReport) -> Path:
        return self._folder / z_report_name(report)

    def save_z(self, report: DayReport) -> None:
        """Render and save the Z report of ``report`` (background); ``zSaved`` or ``zFailed``."""
        event, path = self._event, self.z_path(report)
        qris = stored_match(self._db, report.day)  # read here: the render runs in the background
        lang = errors.language()  # the UI's language (the rendering runs on a worker)

        def render() -> bytes:
            from boothpos.documents.z_report import render_z_report

            return render_z_report(report, event, qris=qris, lang=lang)

        self._output.output(
            OutputJob(Kind.Z_REPORT, path.name),
            render,
            path=path,
            on_saved=self.zSaved.emit,
            on_failed=lambda _stage, reason: self.zFailed.emit(
                self.tr("The Z report could not be saved: {reason}").format(reason=reason)
            ),
        )

    def render_page(self, path: Path, index: int, width_px: int) -> None:
        """Page ``index`` of a saved PDF as an image (background); ``zPage`` when ready."""

        def render() -> tuple[int, object]:
            pdf = Path(path).read_bytes()
            return page_count(pdf), render_page(pdf, index, width_px)

        self._work.submit(
            render,
            on_done=lambda result: self.zPage.emit(path, index, result[0], result[1]),
            on_error=lambda exc: log.warning("preview of %s failed: %s", path, exc),
        )

    def print_file(self, path: Path, title: str) -> None:
        """Send a saved PDF to the A4 system printer (background)."""
        try:
            printer = self._printer()
        except Exception as exc:  # noqa: BLE001 - say it; the file is saved anyway
            self.failed.emit(
                self.tr("{what} could not be printed: {reason}").format(
                    what=title, reason=describe_error(exc)
                )
            )
            return
        self._output.output(
            OutputJob(Kind.Z_REPORT, title),
            lambda: Path(path).read_bytes(),
            printer=printer,
            on_printed=lambda: self.info.emit(
                self.tr("{what} sent to the printer.").format(what=title)
            ),
            on_failed=lambda _stage, reason: self.failed.emit(
                self.tr("{what} could not be printed: {reason}").format(what=title, reason=reason)
            ),
        )

    # ---------------------------------------------------------- reopen ---

    def reopen(self, day: date, user: User, reason: str) -> days.DayState:
        """Reopen a closed day (an administrator, with a reason); raises the core refusal."""
        state = days.reopen_day(self._db, day, user=user, reason=reason, at=self.now())
        self.dayChanged.emit(day)
        return state
