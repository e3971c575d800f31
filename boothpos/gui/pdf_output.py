"""Where the stock sheets and label PDFs go (``<database>-files/<kind>/``).

Saving and printing them is the app's one output service,
:class:`boothpos.gui.output.OutputService`: the sheets are saved under the
event folder, always, before anything is printed; they are printed only when
this till's printer is a system printer (``SystemPrinter``: an office A4
printer or a label printer with a driver): an ESC/POS receipt printer cannot
print an A4 sheet, so then the PDF is only saved and the message says where.
"""

from __future__ import annotations

from boothpos.gui.output import OutputService

STOCK_FOLDER = "stok"
LABELS_FOLDER = "label"

PdfOutput = OutputService  # the old name, importable for this session (issue 14)

__all__ = ["LABELS_FOLDER", "STOCK_FOLDER", "OutputService", "PdfOutput"]
