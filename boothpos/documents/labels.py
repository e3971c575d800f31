"""Barcode labels as a PDF: A4 label sheets and thermal label rolls.

Each label shows the product name (bold, shrunk and then shortened with
"…" to fit its lines), the partner code, the price (``Rp 125.000``) and the
product's EAN-13 / EAN-8 / UPC-A barcode with its human-readable digits.

The bars are vector rectangles (python-barcode gives the module pattern;
nothing is rasterised). The module width is a whole number of printer dots
of the layout's resolution (``k × 25.4 / dpi`` mm, the largest ``k`` whose
symbol and quiet zones fit the label, at most :data:`MAX_MODULE_MM`), and the
first bar starts on a whole dot from the page's left edge, so on a 203-dpi
thermal printer every bar edge falls on a dot edge: no bar is widened or
thinned by rounding. Quiet zones (EAN-13: 11 modules left, 7 right; EAN-8:
7 and 7; UPC-A: 9 and 9) stay clear and inside the label.

Everything a label draws stays inside its label box, whatever the name;
a print offset (mm, right and down; see :mod:`boothpos.core.labeling`)
moves every label to make up for a printer that prints shifted. Print the
PDF at 100 % ("actual size"), never "fit to page".
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import barcode as pybarcode
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from boothpos.core import barcodes
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.labeling import NO_LABELS, LabelData
from boothpos.core.money import format_rupiah
from boothpos.documents.fonts import FontPair, fonts_for
from boothpos.documents.label_layouts import LabelLayout, get_layout
from boothpos.documents.palette import BARS_GRAY, OUTLINE_GRAY
from boothpos.documents.pdf_files import write_pdf
from boothpos.documents.receipt import wrap, wrap_balanced

MAX_MODULE_MM = 0.5  # 150 % of the nominal 0.33 mm: larger bars only waste label
EDGE_MM = 0.5  # quiet zones keep this far from the label edge
# Each bar edge moves inwards by this fraction of a dot (0.001 mm at 203 dpi): a bar
# whose edge is computed a hair outside a dot edge (floating point) would otherwise be
# rounded out to a whole extra dot by a rasteriser (pdfium, printer drivers).
BAR_TRIM = 0.01
ELLIPSIS = "…"  # in Windows-1252 too, so Helvetica shows it

BAD_START = Msg(
    id="posisi awal {value} tidak ada di lembar {layout} (1 sampai {count})",
    en="start position {value} is not on a {layout} sheet (1 to {count})",
)
START_ON_ROLL = Msg(
    id="posisi awal hanya untuk lembar A4; {layout} adalah rol label",
    en="a start position is only for A4 sheets; {layout} is a label roll",
)
LABEL_TOO_SMALL = Msg(
    id="barcode {code} tidak muat di label {layout}",
    en="barcode {code} does not fit on a {layout} label",
)


# ---------------------------------------------------------------- symbols


@dataclass(frozen=True)
class Symbol:
    """A barcode as modules, with where its digits and long (guard) bars go.

    Module positions count from the first module of the start guard.
    """

    kind: str  # "EAN13" | "EAN8" | "UPCA"
    digits: str  # as printed (12 digits for UPC-A)
    modules: str  # "1" bar, "0" space
    quiet_left: int
    quiet_right: int
    long_ranges: tuple[tuple[int, int], ...]  # [start, end) module ranges drawn long
    inner_digits: tuple[tuple[int, float], ...]  # (digit index, centre module)
    outer_left: int | None  # digit index printed left of the bars (EAN-13, UPC-A)
    outer_right: int | None  # digit index printed right of the bars (UPC-A)

    @property
    def total_modules(self) -> int:
        return self.quiet_left + len(self.modules) + self.quiet_right


def _centres(first: int, start_module: int, count: int) -> tuple[tuple[int, float], ...]:
    return tuple((first + i, start_module + 7 * i + 3.5) for i in range(count))


@cache
def symbol_for(code: str) -> Symbol:
    """The symbol of a stored product code (EAN-13, EAN-8, or UPC-A as ``0`` + 12 digits)."""
    code = barcodes.validate(str(code))
    if len(code) == 13 and code.startswith("0"):
        kind, digits = "UPCA", code[1:]
    elif len(code) == 12:
        kind, digits = "UPCA", code
    elif len(code) == 13:
        kind, digits = "EAN13", code
    else:
        kind, digits = "EAN8", code
    symbology = {"EAN13": "ean13", "EAN8": "ean8", "UPCA": "upca"}[kind]
    built = pybarcode.get(symbology, digits[:-1])
    if built.get_fullcode() != digits:  # python-barcode recomputes the check digit
        raise ValueError(f"python-barcode encoded {built.get_fullcode()}, not {digits}")
    modules = built.build()[0]
    if kind == "EAN13":
        return Symbol(
            kind, digits, modules, 11, 7, ((0, 3), (45, 50), (92, 95)),
            _centres(1, 3, 6) + _centres(7, 50, 6), outer_left=0, outer_right=None,
        )  # fmt: skip
    if kind == "EAN8":
        return Symbol(
            kind, digits, modules, 7, 7, ((0, 3), (31, 36), (64, 67)),
            _centres(0, 3, 4) + _centres(4, 36, 4), outer_left=None, outer_right=None,
        )  # fmt: skip
    return Symbol(  # UPC-A: the first and last digit's bars are long too
        kind, digits, modules, 9, 9, ((0, 10), (45, 50), (85, 95)),
        _centres(1, 10, 5) + _centres(6, 50, 5), outer_left=0, outer_right=11,
    )  # fmt: skip


def module_dots(symbol: Symbol, layout: LabelLayout) -> int:
    """Dots per module: the largest whole number whose symbol fits the label.

    The bars fit inside the label's padding, the quiet zones inside the label
    (:data:`EDGE_MM` from its edge), and a module is at most
    :data:`MAX_MODULE_MM`. Raises :class:`RefusedInput` if even one dot is too wide.
    """
    dot = layout.dot_mm
    k = int(MAX_MODULE_MM / dot + 1e-9)
    while k >= 1:
        module = k * dot
        bars_fit = len(symbol.modules) * module <= layout.label_w - 2 * layout.padding
        quiet_fit = symbol.total_modules * module <= layout.label_w - 2 * EDGE_MM
        if bars_fit and quiet_fit:
            return k
        k -= 1
    raise RefusedInput(LABEL_TOO_SMALL, code=symbol.digits, layout=layout.name)


# ---------------------------------------------------------------- text fitting


def fit_name(
    name: str, width: float, lines: int, size: float, min_size: float, fonts: FontPair
) -> tuple[list[str], float]:
    """The name in at most ``lines`` lines of ``width`` points: ``(lines, type size)``.

    Shrinks from ``size`` to ``min_size`` in half points first; a name that
    still does not fit is shortened with "…" at a word boundary (or mid-word
    when the last word is very long).
    """
    text = " ".join(fonts.clean(name).split())
    size = max(size, min_size)
    current = size
    while True:
        measure = _measure(fonts, current)
        wrapped = [line for line in wrap(text, width, measure) if line]
        if len(wrapped) <= lines:  # fits: lines of even length, no lonely last word
            return [line for line in wrap_balanced(text, width, measure) if line], current
        if current - 0.5 < min_size - 1e-9:
            break
        current -= 0.5
    head = wrapped[: lines - 1]
    rest = " ".join(wrapped[lines - 1 :])
    return [*head, shorten(rest, width, measure)], current


def shorten(text: str, width: float, measure: Callable[[str], float]) -> str:
    """``text`` cut to fit ``width`` with "…" (after a whole word when that keeps most of it)."""
    if measure(text) <= width:
        return text
    words = text.split()
    by_words = ""
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n]).rstrip(" ,.;:-/") + ELLIPSIS
        if measure(candidate) <= width:
            by_words = candidate
            break
    if by_words and measure(by_words) >= 0.6 * width:
        return by_words
    cut = len(text)
    while cut > 0 and measure(text[:cut].rstrip() + ELLIPSIS) > width:
        cut -= 1
    return text[:cut].rstrip() + ELLIPSIS


def _measure(fonts: FontPair, size: float, bold: bool = True) -> Callable[[str], float]:
    return lambda s: fonts.width(s, size, bold=bold)


# ---------------------------------------------------------------- drawing

NAME_LEADING = 1.12
ASCENT = 0.80  # from a line's top to its baseline, per point of type size
DESCENT = 0.22  # below the baseline, per point
DIGIT_HEIGHT = 0.72  # height of a digit above the baseline, per point
DIGIT_WIDTH = 0.556  # Helvetica digits, per point
BAR_GAP = 2.0  # points between the price line's descenders and the bars
NAME_GAP = 1.0  # points between the name and the price line


@dataclass(frozen=True)
class Placement:
    """Where a label goes on its page (PDF points, origin bottom-left)."""

    left: float
    top: float
    page_height: float


def _snap(value: float, dot: float) -> float:
    return round(value / dot) * dot


def draw_label(
    c: Canvas, label: LabelData, layout: LabelLayout, at: Placement, fonts: FontPair
) -> None:
    """Draw one label with its top-left corner at ``at`` (the offset already applied)."""
    pad = layout.padding * mm
    width = layout.label_w * mm
    inner_left, inner_right = at.left + pad, at.left + width - pad
    inner_w = inner_right - inner_left
    inner_top = at.top - pad
    inner_bottom = at.top - layout.label_h * mm + pad

    # name: up to name_lines bold lines at the top
    lines, size = fit_name(
        label.name, inner_w, layout.name_lines, layout.name_size, layout.name_min, fonts
    )
    c.setFillGray(BARS_GRAY)
    c.setFont(fonts.bold, size)
    for n, line in enumerate(lines):
        c.drawString(inner_left, inner_top - size * ASCENT - n * size * NAME_LEADING, line)
    info_top = inner_top - layout.name_lines * layout.name_size * NAME_LEADING - NAME_GAP

    # partner code (left) and price (right) on one line
    price = format_rupiah(label.price)
    price_size = layout.price_size
    code = fonts.clean(label.partner_code)
    gap = 4.0
    while (
        price_size > 5.0
        and fonts.width(price, price_size, bold=True) + gap + fonts.width(code, layout.code_size)
        > inner_w
    ):
        price_size -= 0.5
    code_room = inner_w - gap - fonts.width(price, price_size, bold=True)
    code = shorten(code, code_room, _measure(fonts, layout.code_size, bold=False))
    baseline = info_top - layout.price_size * ASCENT
    c.setFont(fonts.bold, price_size)
    c.drawRightString(inner_right, baseline, price)
    c.setFont(fonts.regular, layout.code_size)
    c.drawString(inner_left, baseline, code)
    bars_top = baseline - layout.price_size * DESCENT - BAR_GAP

    # barcode with its digits at the bottom
    _draw_symbol(c, symbol_for(label.barcode), layout, at, fonts, bars_top, inner_bottom)


def _draw_symbol(
    c: Canvas,
    symbol: Symbol,
    layout: LabelLayout,
    at: Placement,
    fonts: FontPair,
    bars_top: float,
    inner_bottom: float,
) -> None:
    dot = 72.0 / layout.dpi
    module = module_dots(symbol, layout) * dot
    width = layout.label_w * mm
    full = symbol.total_modules * module
    x0 = _snap(at.left + (width - full) / 2 + symbol.quiet_left * module, dot)

    digit_size = min(layout.digits_size, 6.0 * module / DIGIT_WIDTH)
    digits_base = inner_bottom + 0.03 * digit_size
    # bar ends on whole dots counted from the top of the page (how the printer feeds)
    top = at.page_height - _snap(at.page_height - bars_top, dot)
    bottom = at.page_height - _snap(
        at.page_height - (digits_base + digit_size * DIGIT_HEIGHT + 0.8), dot
    )
    long_bottom = at.page_height - _snap(at.page_height - (digits_base + 0.3 * digit_size), dot)

    # All bars are one path of rectangles: one object in the PDF, and rasterisers
    # anti-alias it (a lone rectangle is often snapped to whole pixels instead,
    # which at a resolution other than the printer's makes bars uneven).
    trim = BAR_TRIM * dot
    bars = c.beginPath()
    for start, end, long in _runs(symbol):
        y = long_bottom if long else bottom
        left, right = x0 + start * module + trim, x0 + end * module - trim
        bars.rect(left, y + trim, right - left, top - y - 2 * trim)
    c.setFillGray(BARS_GRAY)
    c.drawPath(bars, stroke=0, fill=1)

    c.setFont(fonts.regular, digit_size)
    for index, centre in symbol.inner_digits:
        c.drawCentredString(x0 + centre * module, digits_base, symbol.digits[index])
    outer_size = digit_size if symbol.kind == "EAN13" else digit_size * 0.8
    c.setFont(fonts.regular, outer_size)
    if symbol.outer_left is not None:
        c.drawRightString(x0 - 1.5 * module, digits_base, symbol.digits[symbol.outer_left])
    if symbol.outer_right is not None:
        right = x0 + (len(symbol.modules) + 1.5) * module
        c.drawString(right, digits_base, symbol.digits[symbol.outer_right])


def _runs(symbol: Symbol) -> list[tuple[int, int, bool]]:
    """Bars as ``(first module, end module, long)``; a run never crosses a guard edge."""

    def is_long(i: int) -> bool:
        return any(a <= i < b for a, b in symbol.long_ranges)

    runs: list[tuple[int, int, bool]] = []
    i, modules = 0, symbol.modules
    while i < len(modules):
        if modules[i] != "1":
            i += 1
            continue
        start, long = i, is_long(i)
        while i < len(modules) and modules[i] == "1" and is_long(i) == long:
            i += 1
        runs.append((start, i, long))
    return runs


def _outline(c: Canvas, layout: LabelLayout, at: Placement) -> None:
    c.saveState()
    c.setStrokeGray(OUTLINE_GRAY)
    c.setLineWidth(0.3)
    c.setDash(2, 2)
    inset = 0.3  # the line (0.3 pt) stays inside the label
    w, h = layout.label_w * mm, layout.label_h * mm
    c.rect(at.left + inset, at.top - h + inset, w - 2 * inset, h - 2 * inset, stroke=1, fill=0)
    c.restoreState()


# ---------------------------------------------------------------- pages


def page_plan(count: int, layout: LabelLayout, start: int = 1) -> list[list[tuple[int, int]]]:
    """Pages of ``(position on page, label index)``; ``start`` is the first free position."""
    check_start(layout, start)
    pages: list[list[tuple[int, int]]] = []
    position = start - 1
    for index in range(count):
        if position == 0 or not pages:
            pages.append([])
        pages[-1].append((position, index))
        position = (position + 1) % layout.per_page
    return pages


def check_start(layout: LabelLayout, start: int) -> int:
    if isinstance(start, bool) or not isinstance(start, int):
        raise RefusedInput(BAD_START, value=start, layout=layout.name, count=layout.per_page)
    if layout.kind == "roll" and start != 1:
        raise RefusedInput(START_ON_ROLL, layout=layout.name)
    if not 1 <= start <= layout.per_page:
        raise RefusedInput(BAD_START, value=start, layout=layout.name, count=layout.per_page)
    return start


def render_labels(
    labels: Sequence[LabelData],
    layout: LabelLayout | str,
    *,
    offset: tuple[float, float] = (0.0, 0.0),
    start: int = 1,
    outline: bool = False,
    title: str = "Label barang",
) -> bytes:
    """The labels as PDF bytes: A4 pages of ``cols × rows``, or one page per roll label.

    ``offset`` (mm, right and down) moves every label; ``start`` (A4 only) is
    the first free position on a partly used first sheet; ``outline`` draws
    each label's edge (dashed grey) for a test print on plain paper.
    """
    if isinstance(layout, str):
        layout = get_layout(layout)
    if not labels:
        raise RefusedInput(NO_LABELS)
    pages = page_plan(len(labels), layout, start)
    fonts = fonts_for([text for lb in labels for text in (lb.name, lb.partner_code)])
    page_w, page_h = layout.page_w * mm, layout.page_h * mm
    dx, dy = offset[0] * mm, offset[1] * mm
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(page_w, page_h), invariant=1, pageCompression=1)
    c.setTitle(f"{title} ({layout.title})")
    c.setCreator("boothpos")
    for page in pages:
        for position, index in page:
            left, top, _, _ = layout.label_box(position)
            at = Placement(left * mm + dx, page_h - top * mm - dy, page_h)
            if outline:
                _outline(c, layout, at)
            draw_label(c, labels[index], layout, at, fonts)
        c.showPage()
    c.save()
    return buffer.getvalue()


def save_labels(path: str | Path, labels: Sequence[LabelData], layout: LabelLayout | str, **kw):
    """Render with :func:`render_labels` and write the PDF atomically; returns the path."""
    return write_pdf(path, render_labels(labels, layout, **kw))
