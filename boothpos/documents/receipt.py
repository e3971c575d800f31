"""The customer receipt: one continuous PDF page as wide as the thermal roll.

Input is a :class:`~boothpos.core.sales.Sale` and the
:class:`~boothpos.core.event.Event`; output is PDF bytes (or a file). The
page height fits the content exactly: the receipt is laid out into lines
first (wrapped to the printable width, never clipped), measured, then drawn.

Paper widths are 58 mm and 80 mm. Content stays inside the printable width
of a thermal printer (48 mm of 58 mm paper, 72 mm of 80 mm paper: 384 and
576 dots at 203 dpi), centred on the page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from boothpos.core.codes import Method, SaleKind, SaleStatus
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.event import Event
from boothpos.core.formatting import local_time
from boothpos.core.money import format_rupiah
from boothpos.core.sales import Sale, SaleLine
from boothpos.documents.code_names import method_name
from boothpos.documents.fonts import FontPair, fonts_for
from boothpos.documents.pdf_files import write_pdf

LANGS = ("id", "en")

BAD_WIDTH = Msg(
    id="lebar kertas struk {value} mm tidak didukung; pilih 58 atau 80",
    en="receipt paper width {value} mm is not supported; choose 58 or 80",
)
BAD_LANG = Msg(
    id="bahasa struk '{value}' tidak dikenal; pilih id atau en",
    en="unknown receipt language '{value}'; choose id or en",
)


@dataclass(frozen=True)
class Paper:
    """A thermal roll: page width, printable width and the type sizes that suit it."""

    width_mm: int
    printable_mm: float
    body: float
    small: float
    title: float
    total: float

    @property
    def width(self) -> float:
        return self.width_mm * mm

    @property
    def margin(self) -> float:
        return (self.width_mm - self.printable_mm) / 2 * mm

    @property
    def content_width(self) -> float:
        return self.printable_mm * mm


PAPERS: dict[int, Paper] = {
    58: Paper(58, printable_mm=48, body=8, small=7, title=10, total=12),
    80: Paper(80, printable_mm=72, body=9, small=7.5, title=12, total=14),
}

TOP_MARGIN = 4 * mm
BOTTOM_MARGIN = 4 * mm
LEADING = 1.28  # line height / type size
BASELINE = 1.0  # from the top of a line to its baseline / type size
PAIR_GAP = 6.0  # points between a label and its right-aligned amount
INDENT = 8.0  # points: quantity and discount rows sit under the product name
BANNER_PAD = 3.0

LABELS: dict[str, Msg] = {
    "receipt_no": Msg(id="No. Struk", en="Receipt no."),
    "date": Msg(id="Tanggal", en="Date"),
    "cashier": Msg(id="Kasir", en="Cashier"),
    "discount": Msg(id="Diskon", en="Discount"),
    "items": Msg(id="Jumlah barang", en="Items"),
    "total": Msg(id="TOTAL", en="TOTAL"),
    "change": Msg(id="Kembali", en="Change"),
    "reference": Msg(id="Ref.", en="Ref."),
    "refund_of": Msg(id="atas struk {receipt_no}", en="of receipt {receipt_no}"),
    "reason": Msg(id="Alasan", en="Reason"),
    "approved_by": Msg(id="Disetujui", en="Approved by"),
    "void_reason": Msg(id="Alasan batal", en="Void reason"),
    "voided_at": Msg(id="Dibatalkan", en="Voided"),
    "refunded": Msg(id="Uang dikembalikan:", en="Money paid back:"),
}
REFUND_TITLE = "PENGEMBALIAN DANA / REFUND"
VOID_TITLE = "DIBATALKAN / VOID"
REPRINT_TITLE = "CETAK ULANG / REPRINT"


# ---------------------------------------------------------------- layout items


@dataclass(frozen=True)
class Text:
    text: str
    size: float
    bold: bool = False
    align: str = "left"  # left | center | right
    indent: float = 0.0

    @property
    def height(self) -> float:
        return self.size * LEADING


@dataclass(frozen=True)
class Pair:
    """A label on the left and a value (usually an amount) right-aligned, one baseline."""

    left: str
    right: str
    size: float
    bold: bool = False
    indent: float = 0.0

    @property
    def height(self) -> float:
        return self.size * LEADING


@dataclass(frozen=True)
class Rule:
    double: bool = False

    @property
    def height(self) -> float:
        return 8.0


@dataclass(frozen=True)
class Space:
    height: float


@dataclass(frozen=True)
class Banner:
    """Centred bold lines in a box: void, refund, reprint."""

    lines: tuple[str, ...]
    size: float
    border: float

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * LEADING + 2 * BANNER_PAD + 2.0


Item = Text | Pair | Rule | Space | Banner


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy word wrap to ``width``; a word wider than the line is cut into pieces.

    Each line of ``text`` (split on newlines) wraps separately; an empty line stays.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if measure(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while measure(word) > width and len(word) > 1:
                cut = _longest_prefix(word, width, measure)
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


def wrap_balanced(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Like :func:`wrap`, with lines of similar length (no lonely last word when centred)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        count = len(wrap(paragraph, width, measure))
        narrow, wide = 0.0, width
        while wide - narrow > 1.0:  # narrowest width that still needs no more lines
            middle = (narrow + wide) / 2
            if len(wrap(paragraph, middle, measure)) > count:
                narrow = middle
            else:
                wide = middle
        lines.extend(wrap(paragraph, wide, measure))
    return lines


def _longest_prefix(word: str, width: float, measure: Callable[[str], float]) -> int:
    """Length of the longest head of ``word`` that fits, ending after a hyphen if it can."""
    cut = 1
    while cut < len(word) and measure(word[: cut + 1]) <= width:
        cut += 1
    hyphen = max(word.rfind("-", 0, cut), word.rfind("/", 0, cut))
    return hyphen + 1 if hyphen > 0 else cut


class Layout:
    """Collects receipt items, wrapping every text to the printable width."""

    def __init__(self, paper: Paper, fonts: FontPair) -> None:
        self.paper = paper
        self.fonts = fonts
        self.items: list[Item] = []

    def _measure(self, size: float, bold: bool) -> Callable[[str], float]:
        return lambda s: self.fonts.width(s, size, bold=bold)

    def text(
        self,
        text: str,
        size: float | None = None,
        *,
        bold: bool = False,
        align: str = "left",
        indent: float = 0.0,
    ) -> None:
        size = size or self.paper.body
        width = self.paper.content_width - indent
        wrapper = wrap_balanced if align == "center" else wrap
        for line in wrapper(self.fonts.clean(text), width, self._measure(size, bold)):
            self.items.append(Text(line, size, bold, align, indent) if line else Space(size))

    def pair(
        self,
        left: str,
        right: str,
        size: float | None = None,
        *,
        bold: bool = False,
        indent: float = 0.0,
    ) -> None:
        """Label and right-aligned value; the value drops to its own line if both don't fit."""
        size = size or self.paper.body
        left, right = self.fonts.clean(left), self.fonts.clean(right)
        measure = self._measure(size, bold)
        room = self.paper.content_width - indent
        if measure(left) + PAIR_GAP + measure(right) <= room:
            self.items.append(Pair(left, right, size, bold, indent))
            return
        self.text(left, size, bold=bold, indent=indent)
        self.text(right, size, bold=bold, align="right", indent=indent)

    def rule(self, *, double: bool = False) -> None:
        self.items.append(Rule(double))

    def space(self, height: float) -> None:
        self.items.append(Space(height))

    def banner(self, text: str, size: float, *, border: float = 1.5) -> None:
        width = self.paper.content_width - 2 * BANNER_PAD - 2 * border
        measure = self._measure(size, True)
        text = self.fonts.clean(text)
        if measure(text) > width:  # "PENGEMBALIAN DANA / REFUND": one language a line
            head, *rest = text.split(" / ")
            text = "\n".join([head, *(f"/ {part}" for part in rest)])
        lines = wrap_balanced(text, width, measure)
        self.items.append(Banner(tuple(lines), size, border))

    @property
    def height(self) -> float:
        return sum(item.height for item in self.items)


# ---------------------------------------------------------------- content


@dataclass(frozen=True)
class Context:
    sale: Sale
    event: Event
    lang: str
    booth_name: str | None
    reprint: bool

    def label(self, key: str, **values: object) -> str:
        return LABELS[key].render(self.lang, **values)


def _header(lay: Layout, ctx: Context) -> None:
    paper = lay.paper
    lines = [line.strip() for line in ctx.event.receipt_header.splitlines() if line.strip()]
    for n, line in enumerate(lines):
        if n == 0:
            lay.text(line, paper.title, bold=True, align="center")
        else:
            lay.text(line, align="center")
    if ctx.booth_name:
        lay.text(ctx.booth_name, bold=True, align="center")
    if ctx.event.venue.strip():
        lay.text(ctx.event.venue.strip(), paper.small, align="center")


def _banners(lay: Layout, ctx: Context) -> None:
    paper, sale = lay.paper, ctx.sale
    if sale.kind == SaleKind.REFUND:
        lay.space(4)
        lay.banner(REFUND_TITLE, paper.title, border=1.5)
        if sale.refund_of:
            lay.text(ctx.label("refund_of", receipt_no=sale.refund_of), align="center")
    if sale.status == SaleStatus.VOIDED:
        lay.space(4)
        lay.banner(VOID_TITLE, paper.total, border=2.5)
    if ctx.reprint:
        lay.space(4)
        lay.banner(REPRINT_TITLE, paper.body, border=0.8)


def _details(lay: Layout, ctx: Context) -> None:
    sale, tz = ctx.sale, ctx.event.timezone
    lay.pair(ctx.label("receipt_no"), sale.receipt_no)
    lay.pair(ctx.label("date"), local_time(sale.time, tz))
    lay.pair(ctx.label("cashier"), sale.cashier_name or sale.cashier)
    if sale.kind == SaleKind.REFUND and sale.approved_by:
        lay.pair(ctx.label("approved_by"), sale.approved_by)
    if sale.kind == SaleKind.REFUND and sale.reason:
        lay.text(f"{ctx.label('reason')}: {sale.reason}")
    if sale.status == SaleStatus.VOIDED:
        if sale.void_time:
            lay.pair(ctx.label("voided_at"), local_time(sale.void_time, tz))
        if sale.void_reason:
            lay.text(f"{ctx.label('void_reason')}: {sale.void_reason}")


def _line(lay: Layout, ctx: Context, line: SaleLine) -> None:
    paper = lay.paper
    lay.text(line.name, bold=True)
    lay.text(line.partner_name, paper.small)
    lay.pair(
        f"{line.qty} × {format_rupiah(line.unit_price)}",
        format_rupiah(line.qty * line.unit_price),
        indent=INDENT,
    )
    if line.discount:
        lay.pair(ctx.label("discount"), format_rupiah(-line.discount), indent=INDENT)


def _lines(lay: Layout, ctx: Context) -> None:
    for n, line in enumerate(ctx.sale.lines):
        if n:
            lay.space(3)
        _line(lay, ctx, line)


def _totals(lay: Layout, ctx: Context) -> None:
    sale = ctx.sale
    lay.pair(ctx.label("items"), str(sum(abs(line.qty) for line in sale.lines)))
    lay.rule(double=True)
    lay.pair(ctx.label("total"), format_rupiah(sale.total), lay.paper.total, bold=True)


def _payments(lay: Layout, ctx: Context) -> None:
    sale, paper = ctx.sale, lay.paper
    if not sale.payments:
        return
    lay.rule()
    if sale.kind == SaleKind.REFUND:
        lay.text(ctx.label("refunded"))
    for payment in sale.payments:
        lay.pair(method_name(payment.method, ctx.lang), format_rupiah(payment.amount))
        if payment.reference:
            lay.text(f"{ctx.label('reference')} {payment.reference}", paper.small, indent=INDENT)
    paid_cash = any(p.method == Method.CASH for p in sale.payments)
    if sale.change or (sale.kind == SaleKind.SALE and paid_cash):
        lay.pair(ctx.label("change"), format_rupiah(sale.change), bold=True)


def _footer(lay: Layout, ctx: Context) -> None:
    if ctx.sale.status == SaleStatus.VOIDED:
        lay.space(4)
        lay.banner(VOID_TITLE, lay.paper.total, border=2.5)
    footer = ctx.event.receipt_footer.strip()
    if footer:
        lay.space(6)
        lay.text(footer, align="center")


def layout_receipt(ctx: Context, paper: Paper, fonts: FontPair) -> Layout:
    lay = Layout(paper, fonts)
    _header(lay, ctx)
    _banners(lay, ctx)
    lay.rule()
    _details(lay, ctx)
    lay.rule()
    _lines(lay, ctx)
    lay.rule()
    _totals(lay, ctx)
    _payments(lay, ctx)
    _footer(lay, ctx)
    return lay


def receipt_texts(sale: Sale, event: Event, booth_name: str | None) -> Iterator[str]:
    """Every free text that may appear on the receipt (to choose a font that has the glyphs)."""
    yield from (event.receipt_header, event.receipt_footer, event.venue, booth_name or "")
    yield from (sale.cashier_name, sale.approved_by, sale.reason, sale.void_reason)
    for line in sale.lines:
        yield line.name
        yield line.partner_name
    for payment in sale.payments:
        yield payment.reference


# ---------------------------------------------------------------- drawing


def _draw_text(c: Canvas, item: Text, x0: float, top: float, width: float, f: FontPair) -> None:
    c.setFont(f.bold if item.bold else f.regular, item.size)
    baseline = top - item.size * BASELINE
    if item.align == "center":
        c.drawCentredString(x0 + item.indent + (width - item.indent) / 2, baseline, item.text)
    elif item.align == "right":
        c.drawRightString(x0 + width, baseline, item.text)
    else:
        c.drawString(x0 + item.indent, baseline, item.text)


def _draw_pair(c: Canvas, item: Pair, x0: float, top: float, width: float, f: FontPair) -> None:
    c.setFont(f.bold if item.bold else f.regular, item.size)
    baseline = top - item.size * BASELINE
    c.drawString(x0 + item.indent, baseline, item.left)
    c.drawRightString(x0 + width, baseline, item.right)


def _draw_rule(c: Canvas, item: Rule, x0: float, top: float, width: float) -> None:
    y = top - item.height / 2
    c.setLineWidth(0.6)
    if item.double:
        c.setDash()
        c.line(x0, y + 1.2, x0 + width, y + 1.2)
        c.line(x0, y - 1.2, x0 + width, y - 1.2)
    else:
        c.setDash(2, 2)
        c.line(x0, y, x0 + width, y)
        c.setDash()


def _draw_banner(c: Canvas, item: Banner, x0: float, top: float, width: float, f: FontPair) -> None:
    box_top = top - 1.0
    box_height = item.height - 2.0
    c.setDash()
    c.setLineWidth(item.border)
    inset = item.border / 2
    c.rect(x0 + inset, box_top - box_height + inset, width - 2 * inset, box_height - 2 * inset)
    c.setFont(f.bold, item.size)
    y = box_top - BANNER_PAD
    for line in item.lines:
        c.drawCentredString(x0 + width / 2, y - item.size * BASELINE, line)
        y -= item.size * LEADING


def draw(c: Canvas, lay: Layout, top: float) -> None:
    x0, width, fonts = lay.paper.margin, lay.paper.content_width, lay.fonts
    for item in lay.items:
        if isinstance(item, Text):
            _draw_text(c, item, x0, top, width, fonts)
        elif isinstance(item, Pair):
            _draw_pair(c, item, x0, top, width, fonts)
        elif isinstance(item, Rule):
            _draw_rule(c, item, x0, top, width)
        elif isinstance(item, Banner):
            _draw_banner(c, item, x0, top, width, fonts)
        top -= item.height


# ---------------------------------------------------------------- public API


def paper_for(width_mm: int) -> Paper:
    """The :class:`Paper` of a 58 or 80 mm roll; any other width is refused."""
    if isinstance(width_mm, bool) or width_mm not in PAPERS:
        raise RefusedInput(BAD_WIDTH, value=width_mm)
    return PAPERS[width_mm]


def render_receipt(
    sale: Sale,
    event: Event,
    *,
    width_mm: int = 80,
    booth_name: str | None = None,
    reprint: bool = False,
    lang: str = "id",
) -> bytes:
    """The receipt of ``sale`` as PDF bytes: one page ``width_mm`` wide, as tall as needed."""
    paper = paper_for(width_mm)
    if lang not in LANGS:
        raise RefusedInput(BAD_LANG, value=lang)
    ctx = Context(sale, event, lang, booth_name, reprint)
    lay = layout_receipt(ctx, paper, fonts_for(receipt_texts(sale, event, booth_name)))
    height = TOP_MARGIN + lay.height + BOTTOM_MARGIN
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(paper.width, height), invariant=1, pageCompression=1)
    c.setTitle(f"Struk {sale.receipt_no}" if lang == "id" else f"Receipt {sale.receipt_no}")
    c.setAuthor(event.name)
    c.setCreator("boothpos")
    draw(c, lay, height - TOP_MARGIN)
    c.showPage()
    c.save()
    return buffer.getvalue()


def receipt_filename(sale: Sale, *, reprint: bool = False) -> str:
    """``INA24-T1-0228-00042.pdf`` (``…-cetak-ulang.pdf`` for a reprint)."""
    return f"{sale.receipt_no}{'-cetak-ulang' if reprint else ''}.pdf"


def save_receipt(
    sale: Sale,
    event: Event,
    path: str | Path,
    *,
    width_mm: int = 80,
    booth_name: str | None = None,
    reprint: bool = False,
    lang: str = "id",
) -> Path:
    """Render the receipt and write it to ``path`` (atomically); returns the path.

    ``path`` may be an existing directory: the file is then named by
    :func:`receipt_filename`.
    """
    pdf = render_receipt(
        sale, event, width_mm=width_mm, booth_name=booth_name, reprint=reprint, lang=lang
    )
    target = Path(path)
    if target.is_dir():
        target = target / receipt_filename(sale, reprint=reprint)
    return write_pdf(target, pdf)
