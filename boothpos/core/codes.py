"""The codes the books store and the contracts print, as typed enumerations.

Every code is a :class:`enum.StrEnum`: a member *is* its stored string
(``Method.CASH == "cash"``), so it goes into SQLite, JSON and f-strings
unchanged, and a row read back compares equal to the member. Use the members
in code, never the bare strings; a typo then fails on import, not at the till.

What a code is *called* is not here: each surface keeps one label table
(``gui.labels`` for the screens, ``documents.code_names`` for the PDFs, the CLI
prints the codes themselves, as DESIGN's contracts say).
"""

from __future__ import annotations

from enum import StrEnum


class Method(StrEnum):
    """A payment method (DESIGN: ``--pay METHOD``; ``by_method`` keys; ``payments.method``)."""

    CASH = "cash"
    QRIS = "qris"
    DEBIT = "debit"
    CREDIT = "credit"
    TRANSFER = "transfer"


METHODS: tuple[Method, ...] = tuple(Method)  # report order


class Role(StrEnum):
    """A user's role (``users.role``)."""

    ATTENDANT = "attendant"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLES: tuple[Role, ...] = tuple(Role)  # rank order: each may do what the one before may


class SaleKind(StrEnum):
    """What a ``sales`` row is: a sale, or a refund pointing back at one."""

    SALE = "sale"
    REFUND = "refund"


class SaleStatus(StrEnum):
    """A sale's state in ``export sales`` and the history (DESIGN's ``status``)."""

    COMPLETED = "completed"
    VOIDED = "voided"
    REFUND = "refund"


class DayStatus(StrEnum):
    """Where a fair day stands (derived from its ``day_events``)."""

    NOT_OPENED = "not_opened"
    OPEN = "open"
    CLOSED = "closed"


class DayEvent(StrEnum):
    """A ``day_events.kind``: what was done to a fair day."""

    OPEN = "open"
    CLOSE = "close"
    REOPEN = "reopen"


class MoveKind(StrEnum):
    """A ``stock_moves.kind``: why stock moved (the sign is in the quantity)."""

    INTAKE = "intake"
    SALE = "sale"
    VOID = "void"
    REFUND = "refund"
    ADJUSTMENT = "adjustment"
    RETURN = "return"


MOVE_KINDS: tuple[MoveKind, ...] = tuple(MoveKind)


class Origin(StrEnum):
    """Where a ``hub_records`` row was made: on this till, or pulled from the hub."""

    LOCAL = "local"
    HUB = "hub"


class RecordStatus(StrEnum):
    """A ``hub_records`` row: applied, or parked with a reason."""

    OK = "ok"
    PARKED = "parked"


class Level(StrEnum):
    """How loud a notice is (banners on the sale screen, lines of ``check``)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class ChangeSource(StrEnum):
    """Who changed a product's name or price (``product_names``, ``price_changes``)."""

    EDIT = "edit"  # by hand (stock_ops.update_product)
    CATALOG = "catalog"  # a catalog import


class AdjustReason(StrEnum):
    """Why a count or correction changed a product's stock (an adjustment document's reason)."""

    DAMAGED = "damaged"
    LOST = "lost"
    MISCOUNT = "miscount"
