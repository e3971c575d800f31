"""Translated names of core codes (roles, payment methods, sale states) for display."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_label(role: str) -> str:
    """``attendant`` → "Attendant" (Indonesian: "Kasir")."""
    labels = {
        "attendant": QCoreApplication.translate("Labels", "Attendant"),
        "supervisor": QCoreApplication.translate("Labels", "Supervisor"),
        "admin": QCoreApplication.translate("Labels", "Administrator"),
    }
    return labels.get(role, role)


def method_label(method: str) -> str:
    """Payment method code → its name (``cash`` → "Cash", Indonesian "Tunai")."""
    labels = {
        "cash": QCoreApplication.translate("Labels", "Cash"),
        "qris": QCoreApplication.translate("Labels", "QRIS"),
        "debit": QCoreApplication.translate("Labels", "Debit card"),
        "credit": QCoreApplication.translate("Labels", "Credit card"),
        "transfer": QCoreApplication.translate("Labels", "Bank transfer"),
    }
    return labels.get(method, method)


def status_label(status: str) -> str:
    """Sale status (``completed``, ``voided``, ``refund``) → its name."""
    labels = {
        "completed": QCoreApplication.translate("Labels", "Completed"),
        "voided": QCoreApplication.translate("Labels", "Voided"),
        "refund": QCoreApplication.translate("Labels", "Refund"),
    }
    return labels.get(status, status)


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
