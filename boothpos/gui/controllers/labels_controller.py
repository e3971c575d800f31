"""The labels dialog's logic: which products, how many labels, layout, offset, the PDF.

Choosing and counting go through ``core.labeling``; the PDF is rendered by
``documents.labels`` on a background worker (a few thousand labels take
seconds), then saved under ``<event folder>/label`` and, when asked and the
till has a system printer, printed. The print offset of a layout is an event
setting (``labeling.set_offset``, audited), stored when labels are made with
a changed offset, so every till of the event prints aligned.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from boothpos.core import clock, labeling, products
from boothpos.core.event import get_event
from boothpos.core.labeling import LabelData
from boothpos.core.products import Partner, Product
from boothpos.core.users import User
from boothpos.documents.label_layouts import DEFAULT_LAYOUT, LAYOUTS, LabelLayout, get_layout
from boothpos.gui.output import LABELS_FOLDER, Kind, OutputJob, OutputService, Stage
from boothpos.gui.worker import BackgroundWork

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LabelsRequest:
    """What to print: the products, copies (``None``: one per item in stock), where."""

    products: tuple[Product, ...]
    copies: int | None
    layout: str
    start: int = 1
    offset: tuple[float, float] = (0.0, 0.0)
    outline: bool = False
    print_labels: bool = False
    name: str = "label"  # what the file name says: a partner code, "pilihan", "semua"

    @property
    def per_stock(self) -> bool:
        return self.copies is None


@dataclass(frozen=True)
class LabelsSaved:
    path: Path
    labels: int
    pages: int
    printing: bool


class LabelsController(QObject):
    """``saved(LabelsSaved)`` when a PDF is written, ``failed(message)`` when it is not."""

    saved = Signal(object)
    failed = Signal(str)
    printFailed = Signal(str)

    def __init__(
        self,
        db: Database,
        output: OutputService,
        user: User | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._output = output
        self._user = user

    @property
    def work(self) -> BackgroundWork:
        """The output service's worker: labels are rendered, saved and printed there."""
        return self._output.work

    # -- reading --------------------------------------------------------------------------

    @property
    def output(self) -> OutputService:
        return self._output

    def layouts(self) -> list[LabelLayout]:
        return list(LAYOUTS.values())

    def layout(self, name: str) -> LabelLayout:
        return get_layout(name)

    def default_layout(self) -> str:
        name = labeling.default_layout(self._db, DEFAULT_LAYOUT)
        return name if name in LAYOUTS else DEFAULT_LAYOUT

    def offset(self, layout: str) -> tuple[float, float]:
        return labeling.get_offset(self._db, layout)

    def partners(self) -> list[Partner]:
        return products.list_partners(self._db)

    def choose(
        self, *, product_ids: Iterable[int] = (), partner_codes: Iterable[str] = ()
    ) -> list[Product]:
        """The products to label (nothing named: every active product)."""
        return labeling.choose_products(
            self._db, partners=list(partner_codes), product_ids=list(product_ids)
        )

    def plan(self, request: LabelsRequest) -> tuple[int, int]:
        """(labels, pages) the request makes; raises ``RefusedInput`` when it makes none."""
        from boothpos.documents.labels import page_plan

        items = self._labels(request)
        layout = get_layout(request.layout)
        return len(items), len(page_plan(len(items), layout, request.start))

    # -- making -----------------------------------------------------------------------------

    def make(self, request: LabelsRequest) -> None:
        """Check the request, store a changed offset, render and save in the background.

        Raises ``BoothError`` for a refused request (nothing is stored then).
        """
        from boothpos.documents.labels import check_start, page_plan, render_labels

        layout = get_layout(request.layout)
        check_start(layout, request.start)
        items = self._labels(request)
        x, y = (
            labeling.parse_offset_mm(request.offset[0]),
            labeling.parse_offset_mm(request.offset[1]),
        )
        if (x, y) != self.offset(layout.name):
            labeling.set_offset(self._db, layout.name, x, y, user=self._user)
        pages = len(page_plan(len(items), layout, request.start))
        path = self._output.folder / LABELS_FOLDER / self.filename(request)  # made on the worker
        printer = self._output.system_printer() if request.print_labels else None
        self._output.output(
            OutputJob(Kind.LABELS, path.stem),
            lambda: render_labels(
                items, layout, offset=(x, y), start=request.start, outline=request.outline
            ),
            path=path,
            printer=printer,
            on_saved=lambda saved: self.saved.emit(
                LabelsSaved(saved, len(items), pages, printer is not None)
            ),
            on_failed=self._output_failed,
        )

    def filename(self, request: LabelsRequest, now: datetime | None = None) -> str:
        """``label-NAME-LAYOUT-YYYYMMDD-HHMMSS.pdf`` in the event's time (WIB), as on screen."""
        zone = get_event(self._db).timezone
        moment = now.astimezone(ZoneInfo(zone)) if now is not None else clock.now(zone)
        stamp = moment.strftime("%Y%m%d-%H%M%S")
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in request.name)
        return f"label-{safe}-{request.layout}-{stamp}.pdf"

    # -- private ------------------------------------------------------------------------------

    def _labels(self, request: LabelsRequest) -> list[LabelData]:
        return labeling.labels_for(
            request.products, copies=request.copies or 1, per_stock=request.per_stock
        )

    def _output_failed(self, stage: str, reason: str) -> None:
        if stage == Stage.PRINT:
            self.printFailed.emit(reason)
        else:
            log.error("labels PDF failed at %s: %s", stage, reason)
            self.failed.emit(reason)
