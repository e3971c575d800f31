"""The documents' colours, in one place: ink on paper, most of it printed in grey.

Screens have their own palette (``gui/palette.py``); a PDF is printed on a laser or
thermal printer, so these stay dark and plain. Grey levels (``setFillGray``) are
kept as levels: 0 is black, 1 is white.
"""

from __future__ import annotations

from reportlab.lib import colors

# ---------------------------------------------------------------- A4 reports (layout.py)
INK = colors.HexColor("#1a1a1a")  # body text
MUTED = colors.HexColor("#555555")  # header and footer lines, small print
RULE = colors.HexColor("#9a9a9a")  # the rules under a table's head and above its total
LIGHT_RULE = colors.HexColor("#d0d0d0")  # between the rows of a figures box
HEAD_BG = colors.HexColor("#e4e7eb")  # a table's head row
ZEBRA = colors.HexColor("#f5f6f7")  # every other row
TOTAL_BG = colors.HexColor("#dfe9f3")  # a total row
ACCENT = colors.HexColor("#0b4f8a")  # PLN-ish blue, prints as dark grey
WHITE = colors.white  # text on the accent band of a partner card

# ---------------------------------------------------------------- charts (charts.py)
CHART_BAR = colors.HexColor("#2f6fa8")
CHART_BAR_NEGATIVE = colors.HexColor("#b5483c")
CHART_GRID = colors.HexColor("#d8dde3")
CHART_TEXT = colors.HexColor("#333333")

# ---------------------------------------------------------------- stock sheets (stock_sheets.py)
LINE = colors.black  # boxes and strong rules of a signed sheet
THIN_LINE = colors.grey  # inner grid and row rules
SHEET_HEAD_BG = colors.Color(0.88, 0.88, 0.88)  # the items table's head row
SHEET_LABEL_BG = colors.Color(0.93, 0.93, 0.93)  # the label column of the partner box

# ---------------------------------------------------------------- grey levels
BARS_GRAY = 0  # barcode bars and a label's name: pure black, for the scanner
CUT_LINE_GRAY = 0.55  # the cut line around a partner card
OUTLINE_GRAY = 0.6  # a label's outline on a test print
FOOTER_GRAY = 0.35  # a stock sheet's footer
