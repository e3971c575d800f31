"""Preferences of this till (language, receipt width, printer) and window geometry.

Kept in an INI file in the user data folder (``BOOTHPOS_HOME`` moves it, so
tests never touch a real profile). They belong to the machine, not to the
event: the event database holds what every till shares.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QByteArray, QSettings

from boothpos.core import paths
from boothpos.gui.i18n import normalise_language

SETTINGS_FILE = "boothpos.ini"
RECEIPT_WIDTHS = (58, 80)
PRINTER_KINDS = ("pdf", "escpos", "system")

_LANGUAGE = "ui/language"
_WIDTH = "receipt/width_mm"
_PRINTER = "receipt/printer"
_GEOMETRY = "window/geometry"


@dataclass(frozen=True)
class Preferences:
    language: str = "id"
    receipt_width: int = 80
    printer: str = "pdf"  # "pdf", "escpos:<connection>", "system" or "system:<printer name>"

    def with_(self, **changes: object) -> Preferences:
        return replace(self, **changes)


def open_settings() -> QSettings:
    """The INI file ``<data dir>/boothpos.ini``."""
    return QSettings(str(paths.data_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


def normalise_printer(spec: str | None) -> str:
    """``pdf``, ``escpos:<connection>``, ``system`` or ``system:<name>``; else ``pdf``."""
    spec = (spec or "").strip()
    kind, _sep, target = spec.partition(":")
    target = target.strip()
    if kind == "escpos" and target:
        return f"escpos:{target}"
    if kind == "system":
        return f"system:{target}" if target else "system"
    return "pdf"


def printing_spec(printer: str) -> str:
    """The spec ``boothpos.printing.make_printer`` takes: ``escpos:usb:0416:5011`` → ``usb:…``.

    ESC/POS connections are ``usb:VID:PID``, ``serial:PORT[:BAUD]``,
    ``network:HOST[:PORT]`` or ``file:PATH``.
    """
    kind, _sep, target = normalise_printer(printer).partition(":")
    return target if kind == "escpos" else normalise_printer(printer)


def load_preferences(settings: QSettings) -> Preferences:
    try:
        width = int(settings.value(_WIDTH, 80))
    except (TypeError, ValueError):
        width = 80
    return Preferences(
        language=normalise_language(str(settings.value(_LANGUAGE, "id"))),
        receipt_width=width if width in RECEIPT_WIDTHS else 80,
        printer=normalise_printer(str(settings.value(_PRINTER, "pdf"))),
    )


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    settings.setValue(_LANGUAGE, prefs.language)
    settings.setValue(_WIDTH, prefs.receipt_width)
    settings.setValue(_PRINTER, prefs.printer)
    settings.sync()


def load_geometry(settings: QSettings) -> QByteArray | None:
    value = settings.value(_GEOMETRY)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_geometry(settings: QSettings, geometry: QByteArray) -> None:
    settings.setValue(_GEOMETRY, geometry)
    settings.sync()
