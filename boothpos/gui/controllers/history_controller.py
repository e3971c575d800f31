"""Sales history: list a day, search a receipt, reprint, void and refund.

Every change goes through core (``returns.void_sale`` / ``returns.refund_sale``)
with a supervisor's approval; a domain error is reported through ``failed``
and nothing is changed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from boothpos.core import clock, returns, sales, users
from boothpos.core.codes import METHODS, Method, Role, SaleStatus
from boothpos.core.errors import BoothError
from boothpos.core.event import Event
from boothpos.core.money import format_rupiah
from boothpos.core.sales import Sale
from boothpos.core.users import User
from boothpos.gui.output import Kind, OutputJob, OutputService, Stage

log = logging.getLogger(__name__)


class Receipts(Protocol):
    """What the history needs of ``gui.receipts.ReceiptService``."""

    @property
    def output(self) -> OutputService: ...

    def issue(self, receipt_no: str) -> Path: ...

    def reprint(self, receipt_no: str) -> Path: ...


@dataclass(frozen=True)
class Approval:
    """A supervisor who typed their PIN, and the reason they gave."""

    supervisor: User
    reason: str


class SupervisorCheck:
    """Verifies a supervisor PIN: ``users.authenticate`` plus the supervisor role."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def users(self) -> list[User]:
        return users.list_users(self._db)

    def verify(self, username: str, pin: str) -> User:
        """The user if the PIN is right and they are a supervisor; else raises ``BoothError``."""
        user = users.authenticate(self._db, username, pin)
        return users.require(user, Role.SUPERVISOR)


class HistoryController(QObject):
    """The history screen's logic. ``salesChanged`` after a reload, ``failed``/``info`` messages."""

    salesChanged = Signal(list)  # list[Sale]
    info = Signal(str)
    failed = Signal(str)
    printed = Signal(str, str)  # receipt no, message: a receipt this screen sent was printed

    def __init__(
        self,
        db: Database,
        event: Event,
        receipts: Receipts,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._event = event
        self._receipts = receipts
        self._user: User | None = None
        self.supervisor_check = SupervisorCheck(db)
        self.day: date = self.today()
        self.search = ""
        self._sent: set[str] = set()  # receipts this screen sent to the printer
        receipts.output.printed.connect(self._on_output_printed)
        receipts.output.failed.connect(self._on_output_failed)

    # ---------------------------------------------------------- reading ---

    def set_user(self, user: User | None) -> None:
        self._user = user

    @property
    def user(self) -> User | None:
        return self._user

    def today(self) -> date:
        return clock.today(self._event.timezone)

    def load(self, day: date | None = None, search: str | None = None) -> list[Sale]:
        """Sales of ``day``; a receipt search looks through every day."""
        if day is not None:
            self.day = day
        if search is not None:
            self.search = search.strip()
        if self.search:
            found = sales.list_sales(self._db, search=self.search)
        else:
            found = sales.list_sales(self._db, day=self.day.isoformat())
        self.salesChanged.emit(found)
        return found

    def reload(self) -> list[Sale]:
        return self.load()

    def sale(self, receipt_no: str) -> Sale:
        return sales.get_sale(self._db, receipt_no)

    def refunded(self, sale: Sale) -> dict[int, tuple[int, int]]:
        """Line id → (qty, discount) already refunded."""
        return sales.refunded_qty_by_line(self._db, sale.id)

    def refunded_so_far(self, sale: Sale) -> tuple[int, int]:
        """(items already refunded, rupiah already given back) for ``sale``."""
        done = self.refunded(sale)
        items = sum(qty for qty, _discount in done.values())
        amount = sum(
            done[line.id][0] * line.unit_price - done[line.id][1]
            for line in sale.lines
            if line.id in done
        )
        return items, amount

    def refundable(self, sale: Sale) -> dict[int, int]:
        """Line no → quantity that can still be refunded."""
        done = self.refunded(sale)
        return {line.line_no: line.qty - done.get(line.id, (0, 0))[0] for line in sale.lines}

    def refund_amount(self, sale: Sale, wanted: dict[int, int]) -> int:
        return returns.refund_preview(sale, self.refunded(sale), wanted)

    def can_void(self, sale: Sale | None) -> bool:
        return (
            sale is not None
            and sale.kind == "sale"
            and sale.status == SaleStatus.COMPLETED
            and sale.day == self.today().isoformat()
            and not self.refunded(sale)
        )

    def can_refund(self, sale: Sale | None) -> bool:
        return (
            sale is not None
            and sale.kind == "sale"
            and sale.status == SaleStatus.COMPLETED
            and any(left > 0 for left in self.refundable(sale).values())
        )

    def summary(self, shown: list[Sale]) -> tuple[int, int]:
        """(receipts that count, their total): voided sales count for nothing."""
        counted = [s for s in shown if s.status != SaleStatus.VOIDED]
        return len(counted), sum(s.total for s in counted)

    def default_refund_method(self, sale: Sale) -> str:
        """Cash when the sale took any cash (the customer is at the booth: cash back now,
        no bank or QRIS reversal to wait for); else the method that paid most."""
        return self.refund_methods(sale)[0]

    def refund_methods(self, sale: Sale) -> list[str]:
        """Refund methods in the order a supervisor would offer them: cash first if the
        sale took cash, then the sale's other methods (largest first), then the rest."""
        paid: dict[str, int] = {}
        for payment in sale.payments:
            if payment.method in METHODS:
                paid[payment.method] = paid.get(payment.method, 0) + payment.amount
        used = sorted(paid, key=lambda m: (m != Method.CASH, -paid[m]))
        return used + [m for m in METHODS if m not in used] if used else list(METHODS)

    # ---------------------------------------------------------- changing ---

    def reprint(self, receipt_no: str) -> Path | None:
        self._sent.add(receipt_no)
        try:
            path = self._receipts.reprint(receipt_no)
        except BoothError as exc:
            self.failed.emit(exc.message())
            return None
        except Exception as exc:  # a printer or PDF problem never takes the app down
            log.exception("reprint of %s failed", receipt_no)
            self.failed.emit(
                self.tr("Receipt {receipt} could not be made: {reason}").format(
                    receipt=receipt_no, reason=exc
                )
            )
            return None
        self.info.emit(
            self.tr("Receipt {receipt} sent again to the printer.").format(receipt=receipt_no)
        )
        return path

    def void(self, receipt_no: str, approval: Approval) -> bool:
        if self._user is None:
            self.failed.emit(self.tr("Nobody is signed in."))
            return False
        try:
            result = returns.void_sale(
                self._db, receipt_no, requested_by=self._user,
                supervisor=approval.supervisor, reason=approval.reason,
            )  # fmt: skip
        except BoothError as exc:
            self.failed.emit(exc.message())
            return False
        self.reload()
        self.info.emit(
            self.tr("Sale {receipt} ({total}) is voided; the goods are back in stock.").format(
                receipt=result.receipt_no, total=format_rupiah(result.total)
            )
        )
        return True

    def refund(
        self,
        receipt_no: str,
        lines: dict[int, int],
        approval: Approval,
        *,
        restock: bool,
        method: str,
    ) -> str | None:
        """Record the refund, print its receipt; returns the refund's receipt number."""
        if self._user is None:
            self.failed.emit(self.tr("Nobody is signed in."))
            return None
        try:
            result = returns.refund_sale(
                self._db, receipt_no, lines, cashier=self._user,
                supervisor=approval.supervisor, reason=approval.reason,
                restock=restock, method=method,
            )  # fmt: skip
        except BoothError as exc:
            self.failed.emit(exc.message())
            return None
        self.reload()
        self.info.emit(
            self.tr("Refund {receipt} recorded: {amount} back to the customer.").format(
                receipt=result.receipt_no, amount=format_rupiah(-result.total)
            )
        )
        self._sent.add(result.receipt_no)
        try:
            self._receipts.issue(result.receipt_no)
        except Exception as exc:  # the refund is saved; its receipt can be reprinted
            log.exception("receipt of refund %s failed", result.receipt_no)
            self.failed.emit(
                self.tr(
                    "Refund {receipt} is saved, but its receipt failed: {reason}. "
                    "Reprint it from this list."
                ).format(receipt=result.receipt_no, reason=exc)
            )
        return result.receipt_no

    # ---------------------------------------------------------- printing ---

    def _on_output_printed(self, job: OutputJob) -> None:
        if job.kind is Kind.RECEIPT:
            self._on_printed(job.title)

    def _on_output_failed(self, job: OutputJob, stage: str, reason: str) -> None:
        if job.kind is not Kind.RECEIPT:
            return
        if stage == Stage.PRINT:
            self._on_print_failed(job.title, reason)
        elif job.title in self._sent:  # the PDF itself failed: nothing to print
            self._sent.discard(job.title)
            self.failed.emit(
                self.tr("Receipt {receipt} could not be made: {reason}").format(
                    receipt=job.title, reason=reason
                )
            )

    def _on_printed(self, receipt_no: str) -> None:
        if receipt_no in self._sent:
            self._sent.discard(receipt_no)
            self.printed.emit(
                receipt_no, self.tr("Receipt {receipt} printed.").format(receipt=receipt_no)
            )

    def _on_print_failed(self, receipt_no: str, reason: str) -> None:
        if receipt_no not in self._sent:
            return  # a sale's receipt: the sale screen reports it
        self._sent.discard(receipt_no)
        self.failed.emit(
            self.tr(
                "Printer problem with receipt {receipt}: {reason}. The sale is saved; "
                "reprint it when the printer is ready."
            ).format(receipt=receipt_no, reason=reason)
        )
