"""The sale screen's logic: codes into the cart, quantities, checkout, receipt, warnings.

The view (:mod:`boothpos.gui.views.sale_view`) forwards the cashier's keys
here and shows what the signals say. Every business rule is core's: products
are found with ``core.products``, the cart is ``core.cart.Cart`` (through the
:class:`CartTableModel`), the sale is ``core.checkout.checkout`` — committed
synchronously; then the :class:`~boothpos.gui.receipts.ReceiptService` reads
the sale and queues its receipt on the app's output service (rendered, saved
and printed on the background worker; the outcome comes back through the
output service's signals).

The price the cashier sees is the price the customer pays: each cart line
carries the unit price it showed when scanned, the payment dialog opens on the
cart's total, and checkout charges the lines' carried prices. A catalog price
changed meanwhile does not change the sale; checkout's warning about it goes
to the banner like every other notice.

A write the disk refuses (``StorageError``: disk full, read-only) saves
nothing: the cart stays, the message stays on the banner until a sale goes
through, and the retry gets the next receipt number (no gap). After each sale
an automatic backup runs in the background when one is due (``backup_every``).

Every few seconds (and before every write, in core) the controller checks that
the database file and its -wal are still the ones the till opened
(``core.db.verify_files``). When something outside the till deleted or
replaced them, a red banner says why and where what the till held was saved;
payments are refused from then on (``FilesChanged``), the cart is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from sqlite_utils import Database

from boothpos.core import checkout, clock, days, products
from boothpos.core import db as dbmod
from boothpos.core.cart import Cart
from boothpos.core.checkout import SaleResult, Tender
from boothpos.core.codes import DayStatus
from boothpos.core.errors import BoothError, DayClosed, FilesChanged, StorageError
from boothpos.core.event import Event
from boothpos.core.products import Product
from boothpos.core.users import User
from boothpos.gui.banner_message import ERROR, INFO, WARNING, BannerMessage
from boothpos.gui.models.cart_model import CartTableModel
from boothpos.gui.output import Kind, OutputJob, Stage, describe_error
from boothpos.gui.receipts import ReceiptService

if TYPE_CHECKING:
    from boothpos.core.backup import BackupRun

STORAGE_KEY = "storage"  # the banner of a write the disk refused
BACKUP_KEY = "backup"  # the banner of a failed automatic backup
DAY_CLOSED_KEY = "day-closed"  # the banner while today's fair day is closed
FILES_KEY = "files"  # the banner while the database files were changed under the till
FILES_WATCH_MS = 2000  # how often the till checks its files are still the ones on disk

log = logging.getLogger(__name__)


class Refusal(StrEnum):
    """Why payment cannot start: each kind is shown its own way (see ``check_payment``)."""

    EMPTY_CART = "empty_cart"
    NO_CASHIER = "no_cashier"
    FILES_CHANGED = "files_changed"  # the database files were changed under the till
    DAY_CLOSED = "day_closed"  # today's fair day is closed


@dataclass(frozen=True)
class PaymentRefusal:
    """A refusal to start payment: its kind (what to do about it) and its text (what to say)."""

    kind: Refusal
    text: str


@dataclass(frozen=True)
class LastSale:
    receipt_no: str
    total: int
    paid: int
    change: int


class SaleController(QObject):
    """Holds the cart of the sale being rung up and carries out the cashier's actions.

    Signals:
      ``banner(BannerMessage)``   a message for the banner (never a modal dialog)
      ``clearBanner()``           drop the non-sticky messages
      ``dismissBanner(str)``      drop the messages with this key (a problem solved)
      ``refused(str)``            an input was refused (the view beeps)
      ``lineTouched(int)``        this cart row was added/changed: select and show it
      ``saleCompleted(object)``   a :class:`LastSale` after the commit (receipt queued)
    """

    banner = Signal(object)
    clearBanner = Signal()
    dismissBanner = Signal(str)
    refused = Signal(str)
    lineTouched = Signal(int)
    saleCompleted = Signal(object)

    def __init__(
        self,
        db: Database,
        event: Event,
        receipts: ReceiptService,
        *,
        now: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._event = event
        self._receipts = receipts
        self._now = now
        self._cashier: User | None = None
        self._parked: dict[int, Cart] = {}  # user id -> the unpaid cart left at sign-out
        self._troubled: set[str] = set()  # receipts whose printing failed
        self._backing_up = False  # an automatic backup is running in the background
        self.model = CartTableModel(parent=self)
        self.model.inputRefused.connect(self._refuse)
        receipts.output.failed.connect(self._output_failed)
        receipts.output.printed.connect(self._output_printed)
        self._stopped = ""  # why payments stopped (the database files changed), "" while fine
        self._files_watch = QTimer(self)
        self._files_watch.setInterval(FILES_WATCH_MS)
        self._files_watch.timeout.connect(self.watch_files)
        self._files_watch.start()

    def watch_files(self) -> bool:
        """Whether the database files are still the till's; if not, the red banner (once).

        The till's writes refuse on their own (core checks before each one);
        this makes the banner appear before the cashier tries to pay.
        """
        try:
            dbmod.verify_files(self._db)
        except FilesChanged as exc:
            self._files_stopped(exc)
            return False
        return True

    def _files_stopped(self, exc: FilesChanged) -> None:
        """Payments stop for good (until the app starts again): the red banner says why."""
        self._files_watch.stop()
        self._stopped = exc.message()
        self.banner.emit(BannerMessage(ERROR, self._stopped, sticky=True, key=FILES_KEY))

    # -- state ------------------------------------------------------------------------

    @property
    def cashier(self) -> User | None:
        return self._cashier

    def set_cashier(self, user: User | None) -> None:
        """Another cashier (or nobody): an unpaid cart is parked for its own cashier.

        The next user starts on an empty cart; a cashier signing in again gets
        their parked cart back (kept in memory while the app runs; nothing of
        an unpaid cart is ever written).
        """
        previous = self._cashier
        self._cashier = user
        if previous is not None and (user is None or user.id != previous.id):
            if not self.model.cart.is_empty():
                self._parked[previous.id] = self.model.swap_cart(Cart())
            self.clearBanner.emit()
        if user is not None and (previous is None or previous.id != user.id):
            parked = self._parked.pop(user.id, None)
            if parked is not None and self.model.cart.is_empty():
                self.model.swap_cart(parked)
                self.banner.emit(
                    BannerMessage(
                        INFO,
                        self.tr("Your unpaid cart is back ({count} pcs).").format(
                            count=parked.item_count
                        ),
                        key="parked",
                    )
                )

    def parked_for(self, user: User) -> int:
        """Pieces in ``user``'s parked cart (0 when none)."""
        parked = self._parked.get(user.id)
        return parked.item_count if parked is not None else 0

    @property
    def event(self) -> Event:
        return self._event

    def is_empty(self) -> bool:
        return self.model.cart.is_empty()

    # -- ringing up -------------------------------------------------------------------

    def enter_code(self, text: str, selected_row: int | None = None) -> bool:
        """A code typed or scanned + Enter. ``*N`` sets the selected (else last) line to N.

        Returns True when the cart changed.
        """
        raw = text.strip()
        if not raw:
            return False
        if raw.startswith("*"):
            row = selected_row if selected_row is not None else len(self.model.cart) - 1
            if row < 0:
                self._refuse(self.tr("The cart is empty: scan a product first."))
                return False
            return self.set_qty(row, raw[1:])
        try:
            product = products.find_by_code(self._db, raw)
        except BoothError as exc:
            self._refuse(exc.message(), key="scan")
            return False
        self.add_product(product)
        return True

    def add_product(self, product: Product) -> int:
        try:
            row = self.model.add_product(product)
        except BoothError as exc:
            self._refuse(exc.message())
            return -1
        self.clearBanner.emit()
        self.lineTouched.emit(row)
        return row

    def change_qty(self, row: int, delta: int) -> bool:
        if not self._valid_row(row):
            return False
        try:
            self.model.change_qty(row, delta)
        except BoothError as exc:
            self._refuse(exc.message())
            return False
        self.lineTouched.emit(row)
        return True

    def set_qty(self, row: int, qty: str | int) -> bool:
        if not self._valid_row(row):
            return False
        try:
            self.model.set_qty(row, qty)
        except BoothError as exc:
            self._refuse(exc.message())
            return False
        self.lineTouched.emit(row)
        return True

    def remove_line(self, row: int) -> bool:
        if not self._valid_row(row):
            return False
        self.model.remove_row(row)
        if len(self.model.cart):
            self.lineTouched.emit(min(row, len(self.model.cart) - 1))
        return True

    def clear_cart(self) -> None:
        self.model.clear()

    def _valid_row(self, row: int | None) -> bool:
        if row is None or not 0 <= row < len(self.model.cart):
            self._refuse(self.tr("Select a line of the cart first."))
            return False
        return True

    # -- paying -----------------------------------------------------------------------

    def payment_refusal(self) -> PaymentRefusal | None:
        """Why payment cannot start now (None when it can)."""
        if self.model.cart.is_empty():
            return PaymentRefusal(
                Refusal.EMPTY_CART, self.tr("The cart is empty: scan a product before paying.")
            )
        if self._cashier is None:
            return PaymentRefusal(
                Refusal.NO_CASHIER, self.tr("Nobody is signed in: sign in before taking payment.")
            )
        if self._stopped:
            return PaymentRefusal(Refusal.FILES_CHANGED, self._stopped)
        closed = self.day_closed_text()
        return PaymentRefusal(Refusal.DAY_CLOSED, closed) if closed else None

    def check_payment(self) -> bool:
        """True when payment can start; else the refusal goes to the banner (and a beep)."""
        refusal = self.payment_refusal()
        if refusal is None:
            return True
        if refusal.kind is Refusal.FILES_CHANGED:  # the sticky banner is up already
            self.refused.emit(refusal.text)
        elif refusal.kind is Refusal.DAY_CLOSED:
            self.refused.emit(refusal.text)
            self.check_day()  # the sticky day-closed message, not a passing one
        else:
            self._refuse(refusal.text)
        return False

    # -- the fair day -----------------------------------------------------------------

    def today(self) -> date:
        """The fair day a sale rung up now belongs to."""
        return clock.today(self._event.timezone, self._now() if self._now is not None else None)

    def day_closed_text(self) -> str:
        """Core's DayClosed message when today's fair day is closed; "" while it takes sales."""
        day = self.today()
        if days.state(self._db, day).status != DayStatus.CLOSED:
            return ""
        return DayClosed(days.CLOSED, day=day.isoformat()).message()

    def check_day(self) -> bool:
        """Show (sticky) or drop the day-closed banner; True when sales are allowed."""
        text = self.day_closed_text()
        if not text:
            self.dismissBanner.emit(DAY_CLOSED_KEY)
            return True
        self._day_closed_banner(text)
        return False

    def _day_closed_banner(self, text: str) -> None:
        self.banner.emit(
            BannerMessage(
                ERROR,
                self.tr("{reason}. Only an administrator can reopen the day (Reports, F11).")
                .format(reason=text[:1].upper() + text[1:]),
                sticky=True,
                key=DAY_CLOSED_KEY,
            )
        )  # fmt: skip

    def commit_sale(self, tenders: list[Tender]) -> SaleResult:
        """Record the sale (one transaction, committed now), then queue its receipt (render,
        save, print on the output service's worker).

        Raises a core error, with nothing written, when checkout refuses. A
        receipt that cannot be saved after the commit is reported on the banner;
        the sale stands either way.
        """
        if self._cashier is None:
            raise RuntimeError("commit_sale without a cashier")
        at = self._now() if self._now is not None else None
        try:
            result = checkout.checkout(
                self._db,
                self.model.cart.to_cart_lines(),
                tenders,
                cashier=self._cashier,
                at=at,
                event=self._event,
            )
        except FilesChanged as exc:  # the files were changed under the till: nothing saved
            self._files_stopped(exc)
            raise
        except StorageError as exc:  # disk full / read-only: nothing saved, the cart is kept
            self.banner.emit(BannerMessage(ERROR, exc.message(), sticky=True, key=STORAGE_KEY))
            raise
        except DayClosed as exc:  # closed meanwhile (another till, the reports screen)
            self._day_closed_banner(exc.message())
            raise
        paid = result.total + result.change
        # Committed: from here on nothing may raise (the caller must never think the
        # sale failed and ring it up again).
        self.model.clear()
        self.clearBanner.emit()
        self.dismissBanner.emit(STORAGE_KEY)
        for notice in result.warnings:
            self.banner.emit(BannerMessage(WARNING, notice.message()))
        self.issue_receipt(result.receipt_no)
        self.saleCompleted.emit(LastSale(result.receipt_no, result.total, paid, result.change))
        self.backup_if_due()
        return result

    # -- receipts ---------------------------------------------------------------------

    def issue_receipt(self, receipt_no: str) -> bool:
        """Make the receipt of a committed sale (render and save now, print queued);
        never raises.

        A receipt that cannot be rendered or saved comes back through the output
        service's ``failed`` and is shown by :meth:`_receipt_failed`.
        """
        self.dismissBanner.emit(f"receipt:{receipt_no}")  # before: a failure now says so anew
        try:
            self._receipts.issue(receipt_no)
        except Exception as exc:  # noqa: BLE001 - the sale stands; say what failed
            log.exception("receipt %s could not be made", receipt_no)
            self._receipt_failed(receipt_no, describe_error(exc))
            return False
        return True

    def _receipt_failed(self, receipt_no: str, reason: str) -> None:
        self.banner.emit(
            BannerMessage(
                ERROR,
                self.tr(
                    "Sale {receipt} is saved, but its receipt could not be made: {reason}"
                ).format(receipt=receipt_no, reason=reason),
                sticky=True,
                action_text=self.tr("Try again"),
                action=lambda: self.issue_receipt(receipt_no),
                key=f"receipt:{receipt_no}",
            )
        )

    def reprint(self, receipt_no: str) -> None:
        try:
            path = self._receipts.reprint(receipt_no)
        except Exception as exc:  # noqa: BLE001 - shown, never raised into Qt
            self.banner.emit(
                BannerMessage(
                    ERROR,
                    self.tr("Receipt {receipt} could not be reprinted: {reason}").format(
                        receipt=receipt_no, reason=describe_error(exc)
                    ),
                    sticky=True,
                    key=f"receipt:{receipt_no}",
                )
            )
            return
        self.banner.emit(
            BannerMessage(
                INFO,
                self.tr("Reprinting receipt {receipt} (saved as {file}).").format(
                    receipt=receipt_no, file=path.name
                ),
                key=f"receipt:{receipt_no}",
            )
        )

    def _output_failed(self, job: OutputJob, stage: str, reason: str) -> None:
        if job.kind is not Kind.RECEIPT:
            return
        if stage == Stage.PRINT:
            self._print_failed(job.title, reason)
        else:
            self._receipt_failed(job.title, reason)

    def _output_printed(self, job: OutputJob) -> None:
        if job.kind is Kind.RECEIPT:
            self._printed(job.title)

    def _print_failed(self, receipt_no: str, message: str) -> None:
        self._troubled.add(receipt_no)
        self.banner.emit(
            BannerMessage(
                ERROR,
                self.tr(
                    "Printer problem: receipt {receipt} is saved but was not printed ({reason})."
                ).format(receipt=receipt_no, reason=message),
                sticky=True,
                action_text=self.tr("Reprint"),
                action=lambda: self.reprint(receipt_no),
                key=f"receipt:{receipt_no}",
            )
        )

    def _printed(self, receipt_no: str) -> None:
        if receipt_no in self._troubled:
            self._troubled.discard(receipt_no)
            self.banner.emit(
                BannerMessage(
                    INFO,
                    self.tr("Receipt {receipt} printed.").format(receipt=receipt_no),
                    key=f"receipt:{receipt_no}",
                )
            )

    # -- automatic backup -------------------------------------------------------------

    def backup_if_due(self) -> bool:
        """After a committed sale: start the automatic backup in the background if one is due.

        ``backup.auto_backup_due`` is one cheap query; the backup itself runs on
        the receipts' worker with its own connection. Never raises, never waits:
        a problem is a banner warning. True when a backup was started.
        """
        if self._backing_up:
            return False
        try:
            from boothpos.core import backup  # after the first sale, not at start-up

            db_path = dbmod.database_file(self._db)
            if not db_path or not backup.auto_backup_due(self._db):
                return False
            from boothpos.gui.controllers.backup_controller import auto_backup_job, failed_run

            self._receipts.work.submit(
                auto_backup_job,
                db_path,
                on_done=self._backup_done,
                on_error=lambda exc: self._backup_done(failed_run(exc)),
            )
        except Exception:  # noqa: BLE001 - the sale is saved; a backup problem must not surface
            log.exception("automatic backup could not be started")
            return False
        self._backing_up = True
        return True

    def _backup_done(self, run: BackupRun) -> None:
        self._backing_up = False
        if run.warnings:
            text = "\n".join(notice.message() for notice in run.warnings)
            self.banner.emit(BannerMessage(WARNING, text, sticky=True, key=BACKUP_KEY))
        elif run.written:
            self.dismissBanner.emit(BACKUP_KEY)

    # -- helpers ----------------------------------------------------------------------

    def _refuse(self, text: str, key: str = "") -> None:
        self.refused.emit(text)
        self.banner.emit(BannerMessage(ERROR, text, key=key or "refused"))
