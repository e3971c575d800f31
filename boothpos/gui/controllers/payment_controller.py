"""Taking payment for one sale: part payments, the amount being typed, change. Qt-free.

The payment dialog shows what :meth:`PaymentController.preview` says about
the current entry (method + typed amount + reference) and hands every Enter
to :meth:`PaymentController.enter`:

- the entry (with the part payments taken so far) covers the total: the
  ``commit`` callback (:class:`Commit`, the sale controller's ``commit_sale``)
  records the sale; checkout checks the payments there, once, inside the
  sale's transaction (:func:`boothpos.core.checkout.settle_payments`). A
  controller without ``commit`` (a dry run) checks them the same way;
- a non-cash entry below what is still due becomes a part payment line
  (QRIS for part, then cash for the rest);
- a cash entry below what is due is refused: the payment is short.

Refusals are core errors (``PaymentError``, ``MoneyError``) carrying their
message in both languages; nothing is committed then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from boothpos.core.checkout import (
    BAD_AMOUNT,
    NONCASH_OVER,
    SaleResult,
    Tender,
    settle_payments,
)
from boothpos.core.codes import METHODS, Method
from boothpos.core.errors import BoothError, PaymentError
from boothpos.core.money import format_rupiah, parse_rupiah

Action = Literal["complete", "add", "short", "invalid"]

NOTES = (50_000, 100_000, 200_000)
ROUND_STEPS = (10_000, 50_000, 100_000)


def quick_amounts(due: int, *, limit: int = 4) -> list[int]:
    """Cash amounts a customer is likely to hand over for ``due`` (above it, ascending).

    The next round-ups (to 10.000, 50.000 and 100.000) and the common notes
    50.000 / 100.000 / 200.000 that exceed ``due``: 137.000 → 140.000,
    150.000, 200.000. "Exact" is offered separately.
    """
    if due <= 0:
        return []
    candidates = {(due // step + 1) * step for step in ROUND_STEPS}
    candidates.update(note for note in NOTES if note > due)
    return sorted(candidates)[:limit]


@dataclass(frozen=True)
class Entry:
    """What the cashier has on the form right now."""

    method: str
    amount_text: str
    reference: str = ""


@dataclass(frozen=True)
class Preview:
    """How the form should look for an :class:`Entry`, and what Enter would do."""

    action: Action
    amount: int | None
    due: int  # still to pay before this entry
    change: int  # cash handed back if completed now
    short: int  # missing if this entry were the last
    error: str = ""  # why the amount cannot be used ("invalid")


class Commit(Protocol):
    """Records the sale paid with ``tenders`` (one transaction) and returns checkout's result;
    raises a core error, with nothing written, when checkout refuses (payments included)."""

    def __call__(self, tenders: list[Tender]) -> SaleResult: ...


@dataclass(frozen=True)
class Completed:
    tenders: list[Tender]
    change: int
    result: SaleResult | None  # what ``commit`` returned; None for a dry run (no commit)


class PaymentController:
    """Payment of ``total`` rupiah; ``commit(tenders)`` records the sale when paid."""

    def __init__(self, total: int, commit: Commit | None = None) -> None:
        self._total = total
        self._commit = commit
        self._lines: list[Tender] = []

    # -- state ------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def set_total(self, total: int) -> None:
        """The cart behind the dialog changed (a product scanned meanwhile)."""
        self._total = total

    @property
    def lines(self) -> tuple[Tender, ...]:
        """Part payments taken so far (each with an amount)."""
        return tuple(self._lines)

    @property
    def paid(self) -> int:
        return sum(t.amount or 0 for t in self._lines)

    @property
    def due(self) -> int:
        """Still to pay after the part payments."""
        return max(self._total - self.paid, 0)

    def quick_amounts(self) -> list[int]:
        return quick_amounts(self.due)

    @staticmethod
    def parse_amount(text: str) -> int:
        return parse_rupiah(text)

    # -- the entry --------------------------------------------------------------------

    def preview(self, entry: Entry) -> Preview:
        due = self.due
        try:
            amount = parse_rupiah(entry.amount_text)
        except BoothError as exc:
            return Preview("invalid", None, due, 0, due, exc.message())
        if amount >= due:
            change = amount - due if entry.method == Method.CASH else 0
            return Preview("complete", amount, due, change, 0)
        if entry.method != Method.CASH and amount > 0:
            return Preview("add", amount, due, 0, due - amount)
        return Preview("short", amount, due, 0, due - amount)

    def enter(self, entry: Entry) -> Completed | None:
        """Act on Enter: complete the sale (returns :class:`Completed`) or add a part payment
        (returns None). Raises a core error, with nothing committed, when refused."""
        preview = self.preview(entry)
        if preview.action == "invalid":
            parse_rupiah(entry.amount_text)  # raises the MoneyError with its message
        if preview.action == "add":
            return self.add_line(entry)
        return self.complete(entry)

    def add_line(self, entry: Entry) -> Completed | None:
        """Take ``entry`` as a part payment (None), or, when it pays all that is due,
        complete the sale with it (returns :class:`Completed`)."""
        tender = self._tender(entry)
        amount = tender.amount or 0
        if amount <= 0:
            raise PaymentError(BAD_AMOUNT, amount=format_rupiah(amount), method=tender.method)
        if amount >= self.due:
            return self.complete(entry)
        noncash = sum(t.amount or 0 for t in self._lines if t.method != Method.CASH)
        if tender.method != Method.CASH and noncash + amount > self._total:
            raise PaymentError(
                NONCASH_OVER, noncash=format_rupiah(noncash + amount),
                total=format_rupiah(self._total),
            )  # fmt: skip
        self._lines.append(tender)
        return None

    def remove_line(self, index: int) -> Tender:
        return self._lines.pop(index)

    def complete(self, entry: Entry) -> Completed:
        """Commit the part payments plus ``entry``; raise (nothing written) if refused.

        The payments are checked once: by checkout, inside the sale's transaction
        (without ``commit``, by the same :func:`settle_payments`, for a dry run).
        """
        tenders = [*self._lines, self._tender(entry)]
        if self._commit is None:
            _payments, change = settle_payments(self._total, tenders)
            return Completed(tenders, change, None)
        result = self._commit(tenders)
        return Completed(tenders, result.change, result)

    def _tender(self, entry: Entry) -> Tender:
        if entry.method not in METHODS:
            raise PaymentError(BAD_AMOUNT, amount=entry.amount_text, method=entry.method)
        amount = parse_rupiah(entry.amount_text)
        reference = entry.reference.strip() if entry.method != Method.CASH else ""
        return Tender(entry.method, amount, reference)
