"""Partner cards: a credit-card-sized card per partner to check their sales at the booth.

Each card (ID-1: 85.6 × 54 mm) shows the event, the partner's name, region
and code, a Code 128 barcode of the card value (``MITRA-AMB001``, see
:func:`boothpos.core.partner_access.card_value`) with its text under the
bars, and how to use it, in Bahasa Indonesia and (smaller) English. There is
no PIN on a card, ever: the admin sets the PIN and tells it to the partner.

Sheets: ``a4`` puts 2 × 5 cards on an A4 page with a thin cut line around
each (print at 100 %, cut along the lines, laminate if you like); ``card``
makes one page per card, the size of the card (card printers).

The bars are vector rectangles: python-barcode gives the Code 128 module
pattern, the module is a whole number of 300-dpi dots (0.42 mm for the usual
code, never under 0.25 mm) starting on a whole dot from the page edge, with 10-module quiet zones,
drawn as one path the way :mod:`boothpos.documents.labels` draws EAN bars.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import barcode as pybarcode
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.partner_access import PartnerCard, check_card_code
from boothpos.documents.fonts import FontPair, fonts_for
from boothpos.documents.labels import BAR_TRIM, fit_name, shorten
from boothpos.documents.palette import ACCENT, BARS_GRAY, CUT_LINE_GRAY, INK, MUTED, WHITE
from boothpos.documents.pdf_files import write_pdf
from boothpos.documents.receipt import wrap_balanced

CARD_W, CARD_H = 85.6, 54.0  # ISO/IEC 7810 ID-1, mm
CORNER = 3.18  # mm, the ID-1 corner radius
PAD = 4.0  # mm inside the card edge
BAND_H = 7.5  # mm, the event band along the top
DPI = 300  # bars are whole dots of an office printer's resolution
QUIET = 10  # modules of quiet zone each side (Code 128 asks for 10)
MAX_MODULE_MM = 0.45
MIN_MODULE_DOTS = 3  # 0.25 mm: narrower bars are too fine for a booth's handheld scanner
BAR_H_MM = (8.0, 11.0)  # the bars take what room is left, within these limits

TITLE = "KARTU MITRA · PARTNER CARD"
TITLE_SHORT = "KARTU MITRA"
HOW_ID = "Cek penjualan Anda di booth: pilih 'Mitra' di layar masuk, pindai kartu ini, masukkan PIN"
HOW_EN = (
    "Check your sales at the booth: choose 'Mitra' (Partner) on the sign-in screen, "
    "scan this card, enter your PIN"
)
KEEP_PIN = "Jangan tulis PIN di kartu ini · Never write your PIN on this card"

NO_CARDS = Msg(id="tidak ada mitra untuk dibuatkan kartu", en="no partners to make cards for")
UNKNOWN_SHEET = Msg(
    id="lembar kartu '{name}' tidak dikenal; pilih a4 atau card",
    en="unknown card sheet '{name}'; choose a4 or card",
)
CODE_TOO_LONG = Msg(
    id="kode mitra {code} terlalu panjang untuk barcode kartu",
    en="partner code {code} is too long for the card barcode",
)


@dataclass(frozen=True)
class CardSheet:
    """Where cards go on a page (mm)."""

    name: str
    page_w: float
    page_h: float
    cols: int
    rows: int
    margin_left: float
    margin_top: float
    gap_x: float
    gap_y: float

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    def card_box(self, position: int) -> tuple[float, float]:
        """Left and top (mm from the page's top-left corner) of card ``position`` (0-based)."""
        row, col = divmod(position, self.cols)
        return (
            self.margin_left + col * (CARD_W + self.gap_x),
            self.margin_top + row * (CARD_H + self.gap_y),
        )


def _centred(page_w: float, page_h: float, cols: int, rows: int, gap_x: float, gap_y: float):
    return (
        (page_w - cols * CARD_W - (cols - 1) * gap_x) / 2,
        (page_h - rows * CARD_H - (rows - 1) * gap_y) / 2,
    )


_A4_LEFT, _A4_TOP = _centred(210.0, 297.0, 2, 5, 6.0, 3.0)
SHEETS = {
    "a4": CardSheet("a4", 210.0, 297.0, 2, 5, _A4_LEFT, _A4_TOP, 6.0, 3.0),
    "card": CardSheet("card", CARD_W, CARD_H, 1, 1, 0.0, 0.0, 0.0, 0.0),
}


def get_sheet(name: str | CardSheet) -> CardSheet:
    if isinstance(name, CardSheet):
        return name
    if name not in SHEETS:
        raise RefusedInput(UNKNOWN_SHEET, name=name)
    return SHEETS[name]


# ---------------------------------------------------------------- Code 128


def code128_modules(value: str) -> str:
    """The Code 128 module pattern of ``value`` ("1" bar, "0" space), check symbol included."""
    return pybarcode.get("code128", value).build()[0]


def module_dots(value: str, width_mm: float) -> int:
    """Dots (at :data:`DPI`) per module: the largest that fits ``width_mm`` with quiet zones."""
    dot = 25.4 / DPI
    total = len(code128_modules(value)) + 2 * QUIET
    k = int(MAX_MODULE_MM / dot + 1e-9)
    while k >= MIN_MODULE_DOTS:
        if total * k * dot <= width_mm:
            return k
        k -= 1
    raise RefusedInput(CODE_TOO_LONG, code=value)


def _runs(modules: str) -> list[tuple[int, int]]:
    runs, i = [], 0
    while i < len(modules):
        if modules[i] == "1":
            start = i
            while i < len(modules) and modules[i] == "1":
                i += 1
            runs.append((start, i))
        else:
            i += 1
    return runs


def _snap(value: float, dot: float) -> float:
    return round(value / dot) * dot


# ---------------------------------------------------------------- drawing


def _wrap(text: str, width: float, size: float, fonts: FontPair, lines: int) -> list[str]:
    measure = lambda s: fonts.width(s, size)  # noqa: E731
    wrapped = [w for w in wrap_balanced(fonts.clean(text), width, measure) if w]
    if len(wrapped) > lines:
        rest = " ".join(wrapped[lines - 1 :])
        wrapped = [*wrapped[: lines - 1], shorten(rest, width, measure)]
    return wrapped


@dataclass(frozen=True)
class _CardBox:
    """A card's place on the page (PDF points) and its inner margins."""

    left: float
    top: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.top - self.h

    @property
    def inner_left(self) -> float:
        return self.left + PAD * mm

    @property
    def inner_right(self) -> float:
        return self.left + self.w - PAD * mm

    @property
    def inner_w(self) -> float:
        return self.inner_right - self.inner_left


def draw_card(
    c: Canvas,
    card: PartnerCard,
    event_name: str,
    left: float,
    top: float,
    page_h: float,
    fonts: FontPair,
    *,
    cut_line: bool = True,
) -> None:
    """One card with its top-left corner at ``left``, ``top`` (PDF points)."""
    box = _CardBox(left, top, CARD_W * mm, CARD_H * mm)
    _draw_edge_and_band(c, box, cut_line)
    _draw_event_name(c, box, event_name, fonts)
    names_bottom = _draw_partner(c, box, card, fonts)
    placed, texts_top = _place_instructions(box, fonts)
    # the barcode in the room between, its text under the bars
    _draw_code128(c, card.value, left, box.w, names_bottom, texts_top, page_h, fonts)
    for y, line, size, bold, ink in reversed(placed):
        c.setFillColor(ink)
        c.setFont(fonts.bold if bold else fonts.regular, size)
        c.drawCentredString(left + box.w / 2, y, line)


def _draw_edge_and_band(c: Canvas, box: _CardBox, cut_line: bool) -> None:
    """The cut line around the card and the event band along its top."""
    c.saveState()
    edge = c.beginPath()
    edge.roundRect(box.left, box.bottom, box.w, box.h, CORNER * mm)
    if cut_line:
        c.setStrokeGray(CUT_LINE_GRAY)
        c.setLineWidth(0.4)
        c.drawPath(edge, stroke=1, fill=0)
    # the event band along the top, inside the rounded corners
    c.clipPath(edge, stroke=0, fill=0)
    band = BAND_H * mm
    c.setFillColor(ACCENT)
    c.rect(box.left, box.top - band, box.w, band, stroke=0, fill=1)
    c.restoreState()


def _draw_event_name(c: Canvas, box: _CardBox, event_name: str, fonts: FontPair) -> None:
    """The event's name and the card's title, white on the band."""
    band = BAND_H * mm
    c.saveState()
    c.setFillColor(WHITE)
    base = box.top - band / 2 - 2.6
    # the event name first: the card's title drops its English half, then the name
    # shrinks, before the name is shortened
    event_text = fonts.clean(event_name)
    title, size = TITLE, 8.5
    for title, size in ((TITLE, 8.5), (TITLE_SHORT, 8.5), (TITLE_SHORT, 7.0)):
        room = box.inner_w - fonts.width(title, 6, bold=True) - 4
        if fonts.width(event_text, size, bold=True) <= room:
            break
    c.setFont(fonts.bold, 6)
    c.drawRightString(box.inner_right, base, title)
    c.setFont(fonts.bold, size)
    c.drawString(box.inner_left, base, shorten(event_text, room, _m(fonts, size, True)))
    c.restoreState()


def _draw_partner(c: Canvas, box: _CardBox, card: PartnerCard, fonts: FontPair) -> float:
    """The partner: name (up to two lines), then region and code; returns where they end."""
    inner_left, inner_right, inner_w = box.inner_left, box.inner_right, box.inner_w
    y = box.top - BAND_H * mm - 2.2 * mm
    lines, size = fit_name(card.name, inner_w, 2, 11.0, 8.0, fonts)
    c.setFillColor(INK)
    c.setFont(fonts.bold, size)
    for line in lines:
        y -= size * 0.86
        c.drawString(inner_left, y, line)
        y -= size * 0.26
    y -= 1.2 * mm
    code_text = f"Kode {card.code}"
    c.setFont(fonts.bold, 8)
    c.drawRightString(inner_right, y - 6.5, code_text)
    region_room = inner_w - fonts.width(code_text, 8, bold=True) - 6
    c.setFillColor(MUTED)
    c.setFont(fonts.regular, 7)
    if card.region:
        region = shorten(fonts.clean(card.region), region_room, _m(fonts, 7))
        c.drawString(inner_left, y - 6.5, region)
    return y - 6.5 - 2.2


def _place_instructions(
    box: _CardBox, fonts: FontPair
) -> tuple[list[tuple[float, str, float, bool, colors.Color]], float]:
    """How to use it: placed from the bottom up (the PIN warning, English, Indonesian),
    to be drawn from the top down so the text reads in order; and where they begin."""
    inner_w = box.inner_w
    placed: list[tuple[float, str, float, bool, colors.Color]] = []  # y, text, size, bold, ink
    y = box.bottom + 2.6 * mm
    placed.append((y, KEEP_PIN, 5.0, False, MUTED))
    y += 5 * 1.6
    for line in reversed(_wrap(HOW_EN, inner_w, 5.6, fonts, 2)):
        placed.append((y, line, 5.6, False, MUTED))
        y += 5.6 * 1.18
    y += 0.4
    for line in reversed(_wrap(HOW_ID, inner_w, 6.8, fonts, 2)):
        placed.append((y, line, 6.8, True, INK))
        y += 6.8 * 1.18
    return placed, y - 6.8 * 0.2


def _m(fonts: FontPair, size: float, bold: bool = False):
    return lambda s: fonts.width(s, size, bold=bold)


def _draw_code128(
    c: Canvas,
    value: str,
    left: float,
    width: float,
    room_top: float,
    room_bottom: float,
    page_h: float,
    fonts: FontPair,
) -> None:
    dot = 72.0 / DPI
    modules = code128_modules(value)
    module = module_dots(value, CARD_W - 2 * 1.5) * dot  # quiet zones may reach 1.5 mm of the edge
    text_size = 7.5
    gap = 1.0 * mm
    text_h = text_size * 0.75 + gap
    bar_h = room_top - room_bottom - text_h - 2 * gap
    bar_h = max(BAR_H_MM[0] * mm, min(BAR_H_MM[1] * mm, bar_h))
    block = bar_h + text_h
    block_top = room_bottom + gap + (room_top - room_bottom - 2 * gap + block) / 2
    x0 = _snap(left + (width - len(modules) * module) / 2, dot)
    top = page_h - _snap(page_h - block_top, dot)
    bar_bottom = page_h - _snap(page_h - (block_top - bar_h), dot)
    trim = BAR_TRIM * dot
    bars = c.beginPath()
    for start, end in _runs(modules):
        x_left, x_right = x0 + start * module + trim, x0 + end * module - trim
        bars.rect(x_left, bar_bottom + trim, x_right - x_left, top - bar_bottom - 2 * trim)
    c.setFillGray(BARS_GRAY)
    c.drawPath(bars, stroke=0, fill=1)
    c.setFont(fonts.regular, text_size)
    c.drawCentredString(x0 + len(modules) * module / 2, bar_bottom - gap - text_size * 0.75, value)


# ---------------------------------------------------------------- pages


def render_partner_cards(
    cards: Sequence[PartnerCard],
    event_name: str,
    *,
    sheet: str | CardSheet = "a4",
    cut_lines: bool = True,
) -> bytes:
    """The cards as PDF bytes: 10 to an A4 page (``a4``) or one per card-sized page."""
    layout = get_sheet(sheet)
    if not cards:
        raise RefusedInput(NO_CARDS)
    for card in cards:  # refuse a code Code 128 cannot carry, or too long, before drawing
        check_card_code(card.code)
        module_dots(card.value, CARD_W - 2 * 1.5)
    texts = [event_name, TITLE, HOW_ID, HOW_EN, KEEP_PIN]
    texts += [t for card in cards for t in (card.name, card.region, card.code)]
    fonts = fonts_for(texts)
    page_w, page_h = layout.page_w * mm, layout.page_h * mm
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(page_w, page_h), invariant=1, pageCompression=1)
    c.setTitle(f"Kartu mitra · {event_name}")
    c.setAuthor(event_name)
    c.setCreator("boothpos")
    for start in range(0, len(cards), layout.per_page):
        for position, card in enumerate(cards[start : start + layout.per_page]):
            left, top = layout.card_box(position)
            draw_card(
                c, card, event_name, left * mm, page_h - top * mm, page_h, fonts,
                cut_line=cut_lines and layout.name != "card",
            )  # fmt: skip
        c.showPage()
    c.save()
    return buffer.getvalue()


def save_partner_cards(
    path: str | Path,
    cards: Sequence[PartnerCard],
    event_name: str,
    *,
    sheet: str | CardSheet = "a4",
    cut_lines: bool = True,
) -> Path:
    """Render with :func:`render_partner_cards` and write the PDF atomically; returns the path."""
    return write_pdf(
        path, render_partner_cards(cards, event_name, sheet=sheet, cut_lines=cut_lines)
    )
