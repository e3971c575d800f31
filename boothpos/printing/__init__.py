"""Send a finished PDF to a printer (ESC/POS thermal or a system printer).

Importing this package never imports Qt; :class:`SystemPrinter` imports
PySide6 only when it prints.
"""

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
from boothpos.printing.system import SystemPrinter

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
