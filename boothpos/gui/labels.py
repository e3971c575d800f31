"""Translated names of core codes (roles, payment methods, sale states) for display."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def role_label(role: str) -> str:
    """``attendant`` → "Attendant" (Indonesian: "Kasir")."""
    labels = {
        "attendant": _tr("Attendant"),
        "supervisor": _tr("Supervisor"),
        "admin": _tr("Administrator"),
    }
    return labels.get(role, role)


def method_label(method: str) -> str:
    """Payment method code → its name (``cash`` → "Cash", Indonesian "Tunai")."""
    labels = {
        "cash": _tr("Cash"),
        "qris": _tr("QRIS"),
        "debit": _tr("Debit card"),
        "credit": _tr("Credit card"),
        "transfer": _tr("Bank transfer"),
    }
    return labels.get(method, method)


def status_label(status: str) -> str:
    """Sale status (``completed``, ``voided``, ``refund``) → its name."""
    labels = {
        "completed": _tr("Completed"),
        "voided": _tr("Voided"),
        "refund": _tr("Refund"),
    }
    return labels.get(status, status)
