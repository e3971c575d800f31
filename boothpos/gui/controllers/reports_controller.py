"""The reports screen's logic: totals and chart, documents (preview, save, print), exports.

Every figure comes from :mod:`boothpos.core.reports` (``settle`` and
``day_report``), so the screen shows exactly what ``boothpos report … --json``
and the PDFs say. The database is read here, on the GUI thread (a SQLite
connection belongs to the thread that opened it); rendering a PDF (reportlab),
rasterising its pages (pdfium), printing and writing files run on the
:class:`~boothpos.gui.worker.BackgroundWork` with plain data, and come back
through the signals.

A4 documents go to a system printer (``printer()``), never to the till's
receipt printer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from boothpos.core import clock, errors, export, reports
from boothpos.core.days import DayChoice, day_choices
from boothpos.core.errors import BoothError
from boothpos.core.event import Event
from boothpos.core.formatting import day_month_text, day_text
from boothpos.core.products import list_partners
from boothpos.core.qris_match import QrisMatch, stored_match
from boothpos.core.reports import DayReport, PartnerSettlement, Settlement, Totals
from boothpos.documents.pdf_files import write_pdf
from boothpos.gui.output import Kind, OutputJob, OutputService, describe_error
from boothpos.gui.pdf_pages import page_count, render_page
from boothpos.gui.worker import BackgroundWork

log = logging.getLogger(__name__)


class ReportKind(StrEnum):
    """The documents the reports screen makes."""

    DAY = "day"  # Z report of a closed day, X report of an open one
    PARTNER_DAY = "partner_day"  # one partner's lines of one day
    SETTLEMENT = "settlement"  # the sheets partners sign
    SUMMARY = "summary"  # the booth across all partners


DOCUMENTS: tuple[ReportKind, ...] = tuple(ReportKind)
EXPORTS = export.REPORT_EXPORTS  # settlement, stock, lines
CHART_BARS = 10

PrinterFactory = Callable[[], object]  # returns a boothpos.printing.Printer


class ChoiceError(Exception):
    """The chosen document does not fit the selection (the message says what to choose)."""


@dataclass(frozen=True)
class Selection:
    """What the screen reports on: a period (one day when ``first == last``), one partner or all."""

    first: date
    last: date
    partner: str | None = None

    @property
    def day(self) -> date | None:
        return self.first if self.first == self.last else None


@dataclass(frozen=True)
class ReportData:
    """What the screen shows for a :class:`Selection`."""

    selection: Selection
    settlement: Settlement  # built with detail=True
    day: DayReport | None  # the X/Z figures when the selection is one day
    whole_event: bool

    @property
    def totals(self) -> Totals:
        return self.settlement.totals

    @property
    def partner(self) -> PartnerSettlement | None:
        if self.selection.partner and self.settlement.partners:
            return self.settlement.partners[0]
        return None


@dataclass(frozen=True)
class Document:
    """A PDF the screen can preview, save or print. ``render`` is pure: safe off the GUI thread."""

    kind: str
    title: str
    filename: str
    render: Callable[[], bytes]


@dataclass(frozen=True)
class Preview:
    title: str
    pdf: bytes
    pages: int


def _span(selection: Selection) -> str:
    if selection.day is not None:
        return selection.first.isoformat()
    return f"{selection.first.isoformat()}_{selection.last.isoformat()}"


def _shown(day: date) -> str:
    return day_text(day)


class ReportsController(QObject):
    """Signals: ``loaded(ReportData)``; ``previewReady(Preview)``, ``pageReady(int, QImage)``,
    ``previewFailed(str)`` for the preview; ``info(str)`` / ``failed(str)`` for the rest.
    """

    loaded = Signal(object)
    previewReady = Signal(object)
    pageReady = Signal(int, object)
    previewFailed = Signal(str)
    info = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        db: Database,
        event: Event,
        folder: Path,
        work: BackgroundWork,
        printer: PrinterFactory,
        *,
        now: Callable[[], datetime] | None = None,
        output: OutputService | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._event = event
        self._folder = Path(folder)
        self._output = output or OutputService(self._folder, None, work=work, parent=self)
        self._work = self._output.work
        self._printer = printer
        self._now = now
        self._generation = 0  # the preview being shown; older results are dropped
        self._preview: Preview | None = None

    # ---------------------------------------------------------- choices ---

    @property
    def event(self) -> Event:
        return self._event

    @property
    def folder(self) -> Path:
        """Where reports are saved by default (``<event folder>/laporan``)."""
        return self._folder

    @property
    def work(self) -> BackgroundWork:
        return self._work

    def today(self) -> date:
        return clock.today(self._event.timezone, self._now() if self._now is not None else None)

    def event_period(self) -> tuple[date, date]:
        """The whole event (fair days widened to set-up day intake and late records)."""
        return reports.event_period(self._db, self._event)

    def sales_period(self) -> tuple[date, date]:
        """The whole event as the screen names it: the fair days (and any sale outside them)."""
        return reports.sales_period(self._db, self._event)

    def partners(self) -> list[tuple[str, str]]:
        """(code, name) of every partner, by code."""
        return [(p.code, p.name) for p in sorted(list_partners(self._db), key=lambda p: p.code)]

    def day_choices(self) -> list[DayChoice]:
        return day_choices(self._db, self._event)

    def default_selection(self) -> Selection:
        """Today when it is a fair day, else the whole event."""
        today = self.today()
        if self._event.day_number(today) is not None:
            return Selection(today, today)
        first, last = self.event_period()
        return Selection(first, last)

    # ---------------------------------------------------------- figures ---

    def load(self, selection: Selection) -> ReportData | None:
        """Figures of ``selection``; ``None`` (and ``failed``) when core refuses it."""
        try:
            settlement = reports.settle(
                self._db,
                first=selection.first,
                last=selection.last,
                partner=selection.partner,
                detail=True,
            )
            day = reports.day_report(self._db, selection.day) if selection.day else None
        except BoothError as exc:
            self.failed.emit(exc.message())
            return None
        whole = (settlement.first, settlement.last) == self.event_period()
        data = ReportData(selection, settlement, day, whole)
        self.loaded.emit(data)
        return data

    def chart(self, data: ReportData) -> tuple[str, list[tuple[str, int]]]:
        """The chart of ``data``: net sales by day for a period; for one day the top
        partners (all partners) or the partner's products."""
        settlement = data.settlement
        if data.selection.day is None:
            partner = data.partner
            lines = partner.days if partner is not None else settlement.by_day
            return self.tr("Net sales by day"), [
                (day_month_text(d.day), d.figures.net) for d in lines
            ]
        partner = data.partner
        if partner is not None:
            items = [(p.name, p.figures.net) for p in partner.products if p.figures.qty]
            title = self.tr("Net sales by product")
        else:
            items = [(p.code, p.net) for p in settlement.partners if p.qty or p.net]
            title = self.tr("Top partners by net sales")
        items.sort(key=lambda item: -item[1])
        return title, items[:CHART_BARS]

    # -------------------------------------------------------- documents ---

    def document_problem(self, kind: str, selection: Selection) -> str:
        """Why ``kind`` cannot be made for ``selection`` ("" when it can)."""
        if kind in (ReportKind.DAY, ReportKind.PARTNER_DAY) and selection.day is None:
            return self.tr(
                "The day report and the partner day sheet are for one day: choose a day."
            )
        if kind == ReportKind.PARTNER_DAY and not selection.partner:
            return self.tr("Choose a partner for the partner day sheet.")
        return ""

    def document(self, kind: str, selection: Selection) -> Document:
        """Read what ``kind`` needs now; the returned ``render`` makes the PDF later.

        Raises :class:`ChoiceError` when the document does not fit the selection
        and a core error when the database refuses.
        """
        problem = self.document_problem(kind, selection)
        if problem:
            raise ChoiceError(problem)
        event = self._event
        if kind == ReportKind.DAY:
            report = reports.day_report(self._db, selection.first)
            return self._day_document(report)
        if kind == ReportKind.PARTNER_DAY:
            sheet = reports.partner_day(self._db, selection.first, selection.partner)
            code = sheet.partner.code
            return Document(
                kind,
                self.tr("Partner day sheet {code} · {day}").format(
                    code=code, day=_shown(selection.first)
                ),
                f"Harian-{code}_{selection.first.isoformat()}.pdf",
                lambda: _render_partner_day(sheet, event),
            )
        settlement = reports.settle(
            self._db,
            first=selection.first,
            last=selection.last,
            partner=selection.partner if kind == ReportKind.SETTLEMENT else None,
            detail=True,
        )
        period = (
            _shown(settlement.first)
            if settlement.first == settlement.last
            else f"{_shown(settlement.first)} – {_shown(settlement.last)}"
        )
        span = _span(Selection(settlement.first, settlement.last))
        if kind == ReportKind.SETTLEMENT:
            who = selection.partner or self.tr("all partners")
            return Document(
                kind,
                self.tr("Settlement {who} · {period}").format(who=who, period=period),
                f"Rekap-Mitra_{selection.partner or 'semua'}_{span}.pdf",
                lambda: _render_settlement(settlement),
            )
        if kind == ReportKind.SUMMARY:
            return Document(
                kind,
                self.tr("Booth summary · {period}").format(period=period),
                f"Rekap-Booth_{span}.pdf",
                lambda: _render_summary(settlement),
            )
        raise ValueError(f"unknown document {kind!r}")

    def _day_document(self, report: DayReport) -> Document:
        event = self._event
        day = report.day
        if report.z_number is not None:
            title = self.tr("Z report Z-{z} · {day}").format(z=report.z_number, day=_shown(day))
            name = f"Laporan-Z-{report.z_number:03d}_{day.isoformat()}.pdf"
        else:
            title = self.tr("X report (day still open) · {day}").format(day=_shown(day))
            name = f"Laporan-X_{day.isoformat()}.pdf"
        qris = stored_match(self._db, day)  # read here: the render runs in the background
        lang = errors.language()  # the UI's language, read here (rendering runs on a worker)
        return Document(ReportKind.DAY, title, name, lambda: _render_day(report, event, qris, lang))

    def _prepare(self, kind: str, selection: Selection, failed: Signal) -> Document | None:
        try:
            return self.document(kind, selection)
        except ChoiceError as exc:
            failed.emit(str(exc))
        except BoothError as exc:
            failed.emit(exc.message())
        return None

    def preview(self, kind: str, selection: Selection, width_px: int) -> bool:
        """Render ``kind`` in the background; ``previewReady`` then ``pageReady(0, image)``."""
        document = self._prepare(kind, selection, self.previewFailed)
        if document is None:
            return False
        self._generation += 1
        generation = self._generation
        self._preview = None

        def done(result: tuple[bytes, int, object]) -> None:
            if generation != self._generation:
                return  # a newer preview was asked for meanwhile
            pdf, pages, image = result
            self._preview = Preview(document.title, pdf, pages)
            self.previewReady.emit(self._preview)
            self.pageReady.emit(0, image)

        self._work.submit(
            _render_preview,
            document.render,
            width_px,
            on_done=done,
            on_error=lambda exc: self._preview_failed(generation, document, exc),
        )
        return True

    def page(self, index: int, width_px: int) -> bool:
        """Render page ``index`` of the current preview; ``pageReady`` when done."""
        preview = self._preview
        if preview is None or not 0 <= index < preview.pages:
            return False
        generation = self._generation

        def done(image: object) -> None:
            if generation == self._generation:
                self.pageReady.emit(index, image)

        self._work.submit(
            render_page,
            preview.pdf,
            index,
            width_px,
            on_done=done,
            on_error=lambda exc: self._preview_failed(generation, None, exc),
        )
        return True

    def clear_preview(self) -> None:
        """Forget the preview (the selection changed); late results are dropped."""
        self._generation += 1
        self._preview = None

    @property
    def current_preview(self) -> Preview | None:
        return self._preview

    def _preview_failed(self, generation: int, document: Document | None, exc: BaseException):
        if generation != self._generation:
            return
        log.error("preview failed: %s", exc)
        what = document.title if document is not None else self.tr("the document")
        self.previewFailed.emit(
            self.tr("{what} could not be shown: {reason}").format(
                what=what, reason=describe_error(exc)
            )
        )

    def default_path(self, kind: str, selection: Selection) -> Path | None:
        """Where ``kind`` would be saved by default (``<event folder>/laporan/<name>.pdf``)."""
        try:
            return self._folder / self.document(kind, selection).filename
        except (ChoiceError, BoothError):
            return None

    def save_pdf(self, kind: str, selection: Selection, path: Path) -> bool:
        """Render and write ``kind`` to ``path`` in the background; ``info`` names the file."""
        document = self._prepare(kind, selection, self.failed)
        if document is None:
            return False
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self._output.output(
            OutputJob(Kind.REPORT, document.title),
            document.render,
            path=target,
            on_saved=lambda saved: self.info.emit(
                self.tr("{what} saved as {file}.").format(what=document.title, file=saved)
            ),
            on_failed=lambda _stage, reason: self.failed.emit(
                self.tr("{what} could not be saved: {reason}").format(
                    what=document.title, reason=reason
                )
            ),
        )
        return True

    def print_document(self, kind: str, selection: Selection) -> bool:
        """Render ``kind`` and send it to the system printer, in the background."""
        document = self._prepare(kind, selection, self.failed)
        if document is None:
            return False
        self.send_to_printer(document.title, document.render)
        return True

    def send_to_printer(self, title: str, make_pdf: Callable[[], bytes]) -> None:
        try:
            printer = self._printer()
        except Exception as exc:  # noqa: BLE001 - no printer support: say so, keep going
            self.failed.emit(
                self.tr("{what} could not be printed: {reason}").format(
                    what=title, reason=describe_error(exc)
                )
            )
            return
        self._output.output(
            OutputJob(Kind.REPORT, title),
            make_pdf,
            printer=printer,
            on_printed=lambda: self.info.emit(
                self.tr("{what} sent to the printer.").format(what=title)
            ),
            on_failed=lambda _stage, reason: self.failed.emit(
                self.tr("{what} could not be printed: {reason}").format(what=title, reason=reason)
            ),
        )
        self.info.emit(self.tr("Printing {what}…").format(what=title))

    # ---------------------------------------------------------- exports ---

    def export_name(self, what: str, selection: Selection) -> str:
        stem = {"settlement": "rekap-mitra", "stock": "stok", "lines": "penjualan"}[what]
        who = f"_{selection.partner}" if selection.partner else ""
        return f"{stem}{who}_{_span(selection)}.xlsx"

    def export(self, what: str, selection: Selection, path: Path) -> bool:
        """Write ``what`` (settlement, stock, lines) for ``selection`` as XLSX, or CSV when
        ``path`` ends in ``.csv``; the rows are read now, the file written in the background."""
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_name(target.name + ".xlsx")
        try:
            sheets = export.report_sheets(
                self._db,
                what,
                first=selection.first,
                last=selection.last,
                partner=selection.partner,
            )
        except BoothError as exc:
            self.failed.emit(exc.message())
            return False
        as_csv = target.suffix.lower() == ".csv"
        rows = sum(len(sheet[2]) for sheet in sheets[:1])
        self._work.submit(
            _write_export,
            sheets,
            target,
            as_csv,
            on_done=lambda saved: self.info.emit(
                self.tr("Exported {rows} rows to {file}.").format(rows=rows, file=saved)
            ),
            on_error=lambda exc: self.failed.emit(
                self.tr("The export could not be written: {reason}").format(
                    reason=describe_error(exc)
                )
            ),
        )
        return True


# ------------------------------------------------- background (plain data) ---


def _render_day(
    report: DayReport, event: Event, qris: QrisMatch | None = None, lang: str = "id"
) -> bytes:
    from boothpos.documents.z_report import render_z_report

    return render_z_report(report, event, qris=qris, lang=lang)


def _render_partner_day(sheet, event: Event) -> bytes:
    from boothpos.documents.partner_day import render_partner_day

    return render_partner_day(sheet, event)


def _render_settlement(settlement: Settlement) -> bytes:
    from boothpos.documents.settlement import render_settlement

    return render_settlement(settlement)


def _render_summary(settlement: Settlement) -> bytes:
    from boothpos.documents.booth_summary import render_booth_summary

    return render_booth_summary(settlement)


def _render_preview(render: Callable[[], bytes], width_px: int) -> tuple[bytes, int, object]:
    pdf = render()
    return pdf, page_count(pdf), render_page(pdf, 0, width_px)


def _write_export(sheets: list, target: Path, as_csv: bool) -> Path:
    if as_csv:
        _title, columns, rows, _total = sheets[0]
        data = export.to_csv(rows, columns).encode("utf-8")
    else:
        data = export.to_xlsx(sheets)
    return write_pdf(target, data)  # the one atomic-write helper (any bytes)
