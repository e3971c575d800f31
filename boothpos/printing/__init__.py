"""Send a finished PDF to a printer (ESC/POS thermal or a system printer).

Importing this package never imports Qt; :class:`SystemPrinter` imports
PySide6 only when it prints. :mod:`boothpos.printing.system` (``subprocess``
and ``locale`` for CUPS' ``lp``) is loaded when ``SystemPrinter`` is first
asked for, not by the till's start-up with a receipt printer or none.
"""

from typing import TYPE_CHECKING

from boothpos.printing.printers import (
    Connection,
    EscPosPrinter,
    PdfOnlyPrinter,
    Printer,
    PrintError,
    make_printer,
    parse_connection,
)
from boothpos.printing.raster import dots_for_paper, rasterise

if TYPE_CHECKING:
    from boothpos.printing.system import SystemPrinter


def __getattr__(name: str) -> object:
    if name == "SystemPrinter":
        from boothpos.printing.system import SystemPrinter

        return SystemPrinter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Connection",
    "EscPosPrinter",
    "PdfOnlyPrinter",
    "PrintError",
    "Printer",
    "SystemPrinter",
    "dots_for_paper",
    "make_printer",
    "parse_connection",
    "rasterise",
]
