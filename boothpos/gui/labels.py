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
