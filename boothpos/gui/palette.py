"""The app's colours, named by their job; every style sheet and QColor takes them from here.

Plain ``#rrggbb`` strings, so a style sheet is an f-string (``f"color: {INK};"``,
with ``{{ }}`` for the sheet's own braces) and a model's colour is ``QColor(DANGER)``.
Change a colour here and every screen follows; add a colour here, never in a view.
The PDFs keep their own colours (``documents/layout.py``): paper is not a screen.
"""

from __future__ import annotations

# ---------------------------------------------------------------- text
INK = "#1f2328"  # figures and values: the darkest text
INK_SOFT = "#2b3440"  # names beside figures, ordinary labels
HEADING = "#1d3557"  # titles, panel titles, big figures
MUTED = "#4a5561"  # a screen's summary line, secondary text
CAPTION = "#5f6b7a"  # captions, column heads, a search's status, quiet cells
HINT = "#6b7580"  # key hints and small print
INTRO = "#3d4a56"  # a dialog's introduction, what a figure means
QUIET = "#9aa3ad"  # zero in a table of movements
FADED = "#8a8f98"  # a report cell with nothing in it
VOIDED = "#8a8a8a"  # a voided sale in the history

# ---------------------------------------------------------------- surfaces and lines
WHITE = "#ffffff"
PAGE = "#f6f7f9"  # behind the panels of a work screen (inventory, reports, close day)
SIGN_IN_PAGE = "#e9edf2"  # behind the login and partner cards
ROW_ALT = "#f7f9fb"  # every other row of the inventory
ROW_ALT_SOFT = "#f3f6fa"  # every other row of a report table; an info box
HEADER = "#eef1f5"  # a table's header row
INPUT = "#eef5fc"  # a cell the user types into
PREVIEW = "#8a9099"  # around a PDF page in a preview
PREVIEW_TEXT = "#f3f4f6"  # text on the preview's grey
BORDER = "#d0d7de"  # panels, tables, rules
CARD_BORDER = "#cfd6de"  # the sign-in card, the partner tiles, a backup's details
GRID = "#e6e9ee"  # grid lines of a table
GRID_SOFT = "#e3e7ec"  # a header's column lines, a chart's grid

# ---------------------------------------------------------------- accent (the main action)
ACCENT = "#1d6fb8"  # a primary button, a focused PIN field, a selected user
ACCENT_BORDER = "#175c99"
ACCENT_FOCUS = "#0b3a66"  # the focus ring of a primary button
ACCENT_DISABLED = "#a9c3dc"
ACCENT_SOFT = "#eaf2fb"  # a figure card that stands out
ACCENT_SOFT_BORDER = "#8ab4e0"
SELECTION = "#cfe3f8"  # selected table rows
CHART_BAR = "#2f6fa8"
CHART_BAR_NEGATIVE = "#b5483c"

# ---------------------------------------------------------------- danger, success, warning
DANGER = "#b3261e"  # an error message, a refund, a shortfall
DANGER_STRONG = "#a4262c"  # negative stock, a refused count
DANGER_INK = "#8c1d18"  # text on a danger banner
DANGER_BANNER = "#fdecea"  # a danger banner
DANGER_SOFT = "#fde7e9"  # a danger message box, a negative-stock row
DANGER_BORDER = "#f1b5ae"
SUCCESS = "#1b7f3b"  # saved, even, done
SUCCESS_INK = "#1e4620"  # text on a success banner
SUCCESS_SOFT = "#e7f4ea"  # a success banner
SUCCESS_BORDER = "#a9d3b1"
WARNING = "#8a5a00"  # over, out of stock, waiting
WARNING_STRONG = "#b25e00"  # a cart line that will take stock below zero
WARNING_SOFT = "#fff4ce"  # an out-of-stock row
WARNING_SOFTER = "#fff8e1"  # a low-stock row

# ---------------------------------------------------------------- the customer display (dark)
DISPLAY = "#0f2a44"  # its background, header and grid
DISPLAY_ROWS = "#143757"
DISPLAY_ROWS_ALT = "#18406a"
DISPLAY_CAPTION = "#b9cde2"
DISPLAY_HINT = "#d9e6f2"
DISPLAY_THANKS = "#8ee59b"

# ---------------------------------------------------------------- the sale screen and banners
PAY_BORDER = "#14602c"  # the pay and complete buttons (SUCCESS) have this edge
PAY_DISABLED = "#9fb8a7"
LAST_SALE = "#eef7f0"  # the last sale's panel
LAST_SALE_BORDER = "#b7dcc1"
INPUT_DISABLED = "#eef0f3"  # a field that does not apply (the reference of a cash payment)
INFO_BANNER = "#e8f1fb"  # an info banner
INFO_MARK = "#0f5ea8"  # the mark of an info banner
WARNING_BORDER = "#e0b000"  # a warning banner's edge
ERROR_BORDER = "#d13438"  # an error banner's edge
