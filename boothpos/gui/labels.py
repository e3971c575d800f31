"""The screens' one label table: the translated name of every core code shown on screen.

Keyed by the :mod:`boothpos.core.codes` enums (a member *is* its stored string,
so a plain ``"cash"`` read from a row finds its label too). The tables are
built when asked, so they follow the language installed at the time (each entry
is a literal ``QCoreApplication.translate`` call, which ``pyside6-lupdate`` finds).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from boothpos.core.codes import Method, Role, SaleStatus


def role_labels() -> dict[Role, str]:
    return {
        Role.ATTENDANT: QCoreApplication.translate("Labels", "Attendant"),
        Role.SUPERVISOR: QCoreApplication.translate("Labels", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("Labels", "Administrator"),
    }


def method_labels() -> dict[Method, str]:
    return {
        Method.CASH: QCoreApplication.translate("Labels", "Cash"),
        Method.QRIS: QCoreApplication.translate("Labels", "QRIS"),
        Method.DEBIT: QCoreApplication.translate("Labels", "Debit card"),
        Method.CREDIT: QCoreApplication.translate("Labels", "Credit card"),
        Method.TRANSFER: QCoreApplication.translate("Labels", "Bank transfer"),
    }


def status_labels() -> dict[SaleStatus, str]:
    return {
        SaleStatus.COMPLETED: QCoreApplication.translate("Labels", "Completed"),
        SaleStatus.VOIDED: QCoreApplication.translate("Labels", "Voided"),
        SaleStatus.REFUND: QCoreApplication.translate("Labels", "Refund"),
    }


def role_label(role: str) -> str:
    """``attendant`` → "Attendant" (Indonesian: "Kasir")."""
    return role_labels().get(role, role)  # type: ignore[call-overload]


def method_label(method: str) -> str:
    """Payment method code → its name (``cash`` → "Cash", Indonesian "Tunai")."""
    return method_labels().get(method, method)  # type: ignore[call-overload]


def status_label(status: str) -> str:
    """Sale status (``completed``, ``voided``, ``refund``) → its name."""
    return status_labels().get(status, status)  # type: ignore[call-overload]


__all__ = [
    "keep_amounts",
    "method_label",
    "method_labels",
    "plural",
    "role_label",
    "role_labels",
    "sentence",
    "status_label",
    "status_labels",
]


def plural(n: int, one: str, many: str, *, shown: str | None = None, **values: object) -> str:
    """``one`` or ``many`` (both translated, with ``{n}``) filled in: "1 line", "2 lines".

    Indonesian has no plural form (both translate alike); English needs the choice,
    and Qt's ``%n`` numerus forms would need an English translation file. ``shown``
    is how ``n`` is written (thousands separators); ``values`` fill other fields.
    """
    return (one if n == 1 else many).format(n=shown if shown is not None else n, **values)


def sentence(text: str) -> str:
    """Core messages start in lower case (they also end CLI lines); on screen a
    message starts with a capital: "wrong PIN …" → "Wrong PIN …"."""
    return text[:1].upper() + text[1:] if text else text


def keep_amounts(text: str) -> str:
    """Never break "Rp 895.000" over two lines of a word-wrapped label."""
    return text.replace("Rp ", "Rp\u00a0")
