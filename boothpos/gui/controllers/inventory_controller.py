"""The inventory screen's logic: list and filter, edit products, stock documents, catalog.

Every change goes through core: ``stock_ops.update_product`` (audited, old
and new values), ``stock_ops.receive`` / ``adjust`` / ``return_to_partner``
(a numbered stock document) and ``catalog.import_catalog`` (all or nothing).
A refused change raises or reports the core's message and changes nothing.

After a stock document is committed its A4 sheet (intake receipt, return
sheet, adjustment record) is saved under ``<event folder>/stok`` and, when
asked and the till has a system printer, printed in the background.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from boothpos.core import errors, products, stock_ops, users
from boothpos.core.codes import MoveKind
from boothpos.core.errors import BoothError
from boothpos.core.event import Event
from boothpos.core.money import format_rupiah
from boothpos.core.products import Partner, Product
from boothpos.core.stock_ops import InventoryRow, StockDocument
from boothpos.core.users import User
from boothpos.gui.banner_message import ERROR, INFO, BannerMessage
from boothpos.gui.controllers.history_controller import SupervisorCheck
from boothpos.gui.output import STOCK_FOLDER, Kind, OutputJob, OutputService, Stage

log = logging.getLogger(__name__)

ROLE = stock_ops.ROLE  # who may edit products and record stock documents


class InventoryController(QObject):
    """``rowsChanged(rows)`` after a reload; ``message(BannerMessage)`` for the banner."""

    rowsChanged = Signal(list)  # list[InventoryRow]
    message = Signal(object)  # BannerMessage

    def __init__(
        self, db: Database, event: Event, output: OutputService, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._event = event
        self.output = output
        self._user: User | None = None
        self.supervisor_check = SupervisorCheck(db)
        self.partner_id: int | None = None
        self.text = ""

    # -- who ----------------------------------------------------------------------------

    def set_user(self, user: User | None) -> None:
        self._user = user

    @property
    def user(self) -> User | None:
        return self._user

    @property
    def db(self) -> Database:
        return self._db

    @property
    def event(self) -> Event:
        return self._event

    def can_manage(self, user: User | None = None) -> bool:
        """True when ``user`` (default: the signed-in one) is a supervisor or admin."""
        who = user if user is not None else self._user
        return who is not None and who.can(ROLE)

    # -- reading ------------------------------------------------------------------------

    def partners(self) -> list[Partner]:
        return products.list_partners(self._db)

    def load(self, partner_id: int | None = -1, text: str | None = None) -> list[InventoryRow]:
        """The products shown: one partner (``None``: all; -1: keep) and a text filter."""
        if partner_id != -1:
            self.partner_id = partner_id
        if text is not None:
            self.text = text.strip()
        rows = stock_ops.inventory(self._db, partner=self.partner_id, text=self.text)
        self.rowsChanged.emit(rows)
        return rows

    def reload(self) -> list[InventoryRow]:
        return self.load()

    def row(self, product_id: int) -> InventoryRow | None:
        """The fresh inventory row of one product (also an inactive one)."""
        product = products.product_by_id(self._db, product_id)
        owner = product.partner.id
        for item in stock_ops.inventory(self._db, partner=owner, include_inactive=True):
            if item.product_id == product_id:
                return item
        return None

    def partner_rows(self, partner_id: int) -> list[InventoryRow]:
        """Every active product of a partner with its stock (for the stock dialogs)."""
        return stock_ops.inventory(self._db, partner=partner_id)

    def find_product(self, code: str) -> Product:
        """The product a scanned or typed code names; raises ``NotFound`` (a BoothError)."""
        return products.find_by_code(self._db, code)

    def summary(self, rows: list[InventoryRow]) -> tuple[int, int, int, int]:
        """(products, items on hand, low or out, negative) of ``rows``."""
        on_hand = sum(max(r.on_hand, 0) for r in rows)
        low = sum(1 for r in rows if r.status in ("low", "out"))
        negative = sum(1 for r in rows if r.negative)
        return len(rows), on_hand, low, negative

    # -- product edits --------------------------------------------------------------------

    def edit_product(self, product_id: int, field: str, value: str) -> InventoryRow | None:
        """Change one field (``name``, ``category`` or ``price``) of a product.

        Returns its fresh row; ``None`` when refused (the reason goes to the
        banner, nothing is changed).
        """
        user = self._user
        if user is None or not self.can_manage(user):
            self._error(self.tr("Only a supervisor or an administrator can change products."))
            return None
        if field not in ("name", "category", "price"):
            raise ValueError(field)
        try:
            before = stock_ops.resolve_product(self._db, product_id)
            after = stock_ops.update_product(self._db, product_id, user=user, **{field: value})
        except BoothError as exc:
            self._error(self.tr("Not changed: {reason}").format(reason=exc.message()), key="edit")
            return None
        old, new = getattr(before, field), getattr(after, field)
        if old != new:
            if field == "price":
                text = self.tr("Price of {name} changed from {old} to {new}.").format(
                    name=after.name, old=format_rupiah(old), new=format_rupiah(new)
                )
            elif field == "name":
                text = self.tr("Product renamed from “{old}” to “{new}”.").format(old=old, new=new)
            else:
                text = self.tr("Category of {name} is now “{new}”.").format(
                    name=after.name, new=new
                )
            self.message.emit(BannerMessage(INFO, text, key="edit"))
        return self.row(product_id)

    # -- stock documents ------------------------------------------------------------------

    def receive(
        self, partner_id: int, items: dict[int, int], *, user: User, reason: str = ""
    ) -> StockDocument:
        """Record goods received from a partner; raises ``BoothError`` when refused."""
        return stock_ops.receive(self._db, items, user=user, partner=partner_id, reason=reason)

    def return_goods(
        self, partner_id: int, items: dict[int, int] | None, *, user: User, reason: str = ""
    ) -> StockDocument:
        """Record goods handed back (``items`` None: all on hand); raises when refused."""
        return stock_ops.return_to_partner(self._db, partner_id, items, user=user, reason=reason)

    def adjust(
        self,
        product_id: int,
        *,
        user: User,
        reason: str,
        counted: int | None = None,
        delta: int | None = None,
        note: str = "",
    ) -> StockDocument:
        """Record a count or a correction of one product; raises ``BoothError`` when refused."""
        return stock_ops.adjust(
            self._db, product_id, reason=reason, user=user, counted=counted, delta=delta,
            note=note,
        )  # fmt: skip

    def document_done(self, doc: StockDocument, *, print_sheet: bool) -> Path:
        """After a document is committed: reload, then save (and print) its sheet through the
        output service; the banner tells the outcome. Returns where the sheet goes."""
        self.reload()
        return self.save_sheet(doc, print_sheet=print_sheet, said=self._document_text(doc))

    def _document_text(self, doc: StockDocument) -> str:
        what = {
            MoveKind.INTAKE: self.tr("Intake {number} saved: {qty} items from {partner}."),
            MoveKind.RETURN: self.tr("Return {number} saved: {qty} items back to {partner}."),
            MoveKind.ADJUSTMENT: self.tr("Adjustment {number} saved: {name} {before} → {after}."),
        }[doc.kind]
        line = doc.lines[0]
        return what.format(
            number=doc.number, qty=doc.total_qty, partner=f"{doc.partner.code}",
            name=line.name, before=line.on_hand_before, after=line.on_hand_after,
        )  # fmt: skip

    def save_sheet(self, doc: StockDocument, *, print_sheet: bool = False, said: str = "") -> Path:
        """Render and save the A4 sheet of ``doc`` (and print it on a system printer when
        asked) on the output service's worker; the banner says ``said`` and the outcome."""
        from boothpos.documents.stock_sheets import render_stock_sheet, sheet_filename

        event, lang, number = self._event, errors.language(), doc.number
        path = self.output.folder / STOCK_FOLDER / sheet_filename(doc)  # made on the worker
        printer = self.output.system_printer() if print_sheet else None
        prefix = f"{said} " if said else ""

        def saved(where: Path) -> None:
            if printer is not None:
                text = self.tr("Sheet {file} saved and sent to the printer.").format(
                    file=where.name
                )
            else:
                text = self.tr("Sheet saved: {path}").format(path=where)
            self.message.emit(
                BannerMessage(
                    INFO, prefix + text, sticky=True, key="document",
                    action_text=self.tr("Open folder"),
                    action=lambda: self.output.open_folder(where),
                )
            )  # fmt: skip

        def failed(stage: str, reason: str) -> None:
            if stage == Stage.PRINT:
                self._error(
                    self.tr(
                        "Printer problem with {number}: {reason}. The sheet is saved in {path}."
                    ).format(number=number, reason=reason, path=path),
                    key="print",
                )
                return
            log.error("sheet of %s failed: %s", number, reason)
            text = prefix + self.tr("The sheet could not be made: {reason}").format(reason=reason)
            self.message.emit(BannerMessage(ERROR, text, sticky=True, key="document"))

        self.output.output(
            OutputJob(Kind.STOCK_SHEET, number),
            lambda: render_stock_sheet(doc, event, lang=lang),
            path=path,
            printer=printer,
            on_saved=saved,
            on_failed=failed,
        )
        return path

    # -- catalog --------------------------------------------------------------------------

    def import_catalog(self, path: Path):
        """Import a catalog file (all or nothing); returns the ``ImportResult``.

        Raises ``CatalogError`` (every problem: row, column, reason) or another
        ``BoothError``; nothing is changed then.
        """
        from boothpos.core import catalog

        user = self._user
        if user is None:
            raise RuntimeError("nobody is signed in")
        users.require(user, ROLE)
        result = catalog.import_catalog(self._db, path, user=user)
        self.reload()
        return result

    # -- helpers --------------------------------------------------------------------------

    def _error(self, text: str, key: str = "") -> None:
        self.message.emit(BannerMessage(ERROR, text, key=key))
