"""Shared page furniture for A4 reports: header, footer, tables, signatures.

Every report (Z report, partner day sheet, settlement, booth summary) is an
A4 portrait PDF built with reportlab's platypus from plain core data:

- a header on every page (event, venue, the document's title and whose
  sheet it is) and a footer with the print time and ``Halaman 1 dari 3``
  counted per *section* (one partner's sheet in a PDF of all partners is
  numbered on its own, so each partner's pages say "1 dari 2", "2 dari 2");
- tables with a grey header row repeated on every page, money
  right-aligned as ``Rp 1.250.000`` and a bold total row;
- signature blocks ("Tanda tangan Mitra", "Petugas Booth").

Texts are Bahasa Indonesia: these are the sheets partners read and sign.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from boothpos.core.event import Event
from boothpos.core.formatting import day_month_text, local_text
from boothpos.core.money import format_number, format_rupiah
from boothpos.documents.fonts import FontPair, fonts_for
from boothpos.documents.palette import (
    ACCENT,
    HEAD_BG,
    INK,
    LIGHT_RULE,
    MUTED,
    RULE,
    TOTAL_BG,
    ZEBRA,
)
from boothpos.documents.pdf_files import write_pdf

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 22 * mm  # room for the running header
MARGIN_BOTTOM = 16 * mm  # room for the footer
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X


HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
HARI_PENDEK = ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min")
BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


# ---------------------------------------------------------------- words and numbers


def rp(amount: int) -> str:
    """``1250000`` → ``Rp 1.250.000`` (``-Rp 5.000`` below zero)."""
    return format_rupiah(amount)


def pcs(n: int) -> str:
    """Pieces with thousands dots: ``1.250``."""
    return format_number(n) if n >= 0 else "-" + format_number(-n)


def long_date(day: date, lang: str = "id") -> str:
    """``Rabu, 28 Februari 2024`` (English: ``Wednesday, 28 February 2024``)."""
    if lang == "en":
        return f"{DAYS_EN[day.weekday()]}, {day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{HARI[day.weekday()]}, {day.day} {BULAN[day.month - 1]} {day.year}"


def plain_date(day: date) -> str:
    """``28 Februari 2024``."""
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """``Rab 28/02``: a table row's day."""
    return f"{HARI_PENDEK[day.weekday()]} {day_month_text(day)}"


def chart_date(day: date) -> str:
    """``Rab\n28/02``: a day under a chart's bar, on two short lines."""
    return f"{HARI_PENDEK[day.weekday()]}\n{day_month_text(day)}"


def period_text(first: date, last: date) -> str:
    """``28 Februari – 3 Maret 2024`` (one day: ``Rabu, 28 Februari 2024``)."""
    if first == last:
        return long_date(first)
    if first.year == last.year:
        if first.month == last.month:
            return f"{first.day} – {plain_date(last)}"
        return f"{first.day} {BULAN[first.month - 1]} – {plain_date(last)}"
    return f"{plain_date(first)} – {plain_date(last)}"


# ---------------------------------------------------------------- styles


@dataclass(frozen=True)
class Styles:
    fonts: FontPair
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    cell_right: ParagraphStyle
    cell_bold: ParagraphStyle

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text (escaped, cleaned to what the font can show)."""
        return Paragraph(self.esc(text), style or self.body)

    def esc(self, text: str) -> str:
        return escape(self.clean(text))

    def clean(self, text: object) -> str:
        text = str(text)
        return text if text.isascii() else self.fonts.clean(text)


def make_styles(fonts: FontPair) -> Styles:
    r, b = fonts.regular, fonts.bold
    return Styles(
        fonts=fonts,
        title=ParagraphStyle(
            "title", fontName=b, fontSize=16, leading=19, textColor=INK, spaceAfter=1
        ),
        subtitle=ParagraphStyle(
            "subtitle", fontName=r, fontSize=10.5, leading=13, textColor=INK, spaceAfter=4
        ),
        h2=ParagraphStyle(
            "h2",
            fontName=b,
            fontSize=11,
            leading=14,
            textColor=ACCENT,
            spaceBefore=6,
            spaceAfter=2.5,
        ),
        body=ParagraphStyle("body", fontName=r, fontSize=9, leading=11.5, textColor=INK),
        note=ParagraphStyle("note", fontName=r, fontSize=7.5, leading=9.5, textColor=MUTED),
        cell=ParagraphStyle("cell", fontName=r, fontSize=8.5, leading=10.2, textColor=INK),
        cell_small=ParagraphStyle(
            "cell_small", fontName=r, fontSize=7, leading=8.4, textColor=MUTED
        ),
        cell_right=ParagraphStyle(
            "cell_right", fontName=r, fontSize=8.5, leading=10.2, alignment=TA_RIGHT
        ),
        cell_bold=ParagraphStyle("cell_bold", fontName=b, fontSize=8.5, leading=10.2),
    )


# ---------------------------------------------------------------- tables


def data_table(
    st: Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    align: str,
    total: Sequence[object] | None = None,
    size: float = 8.5,
) -> Table:
    """A list table: grey header (repeated on each page), zebra rows, bold total row.

    ``align`` is one letter per column, ``L`` or ``R`` (money and counts are
    ``R``). Cells may be strings or flowables (a :class:`Paragraph` wraps).
    """
    head_style = ParagraphStyle(
        "head", fontName=st.fonts.bold, fontSize=size - 0.5, leading=size + 0.7, textColor=INK
    )
    head_right = ParagraphStyle("head_right", parent=head_style, alignment=TA_RIGHT)
    head = [
        Paragraph(st.esc(h), head_right if a == "R" else head_style)
        for h, a in zip(header, align, strict=True)
    ]
    body = [[_cell(st, c) for c in row] for row in rows]
    data = [head, *body]
    if total is not None:
        data.append([_cell(st, c) for c in total])
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), st.fonts.regular, size),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
    ]
    for col, a in enumerate(align):
        if a == "R":
            cmds.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
    for i in range(1, len(body) + 1):
        if i % 2 == 0:
            cmds.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    if total is not None:
        cmds += [
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
            ("FONT", (0, -1), (-1, -1), st.fonts.bold, size),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
        ]
    table.setStyle(TableStyle(cmds))
    return table


def _cell(st: Styles, value: object) -> object:
    if isinstance(value, (Flowable, list)):
        return value
    return st.clean(value)


def wrap_cell(st: Styles, text: str, small: str = "") -> list[Paragraph] | Paragraph:
    """A text cell that wraps; ``small`` adds a grey second line (a barcode, a note)."""
    main = Paragraph(st.esc(text), st.cell)
    if not small:
        return main
    return [main, Paragraph(st.esc(small), st.cell_small)]


@dataclass(frozen=True)
class Row:
    """One row of a :func:`figures_table`: label, value, and how it should stand out."""

    label: str
    value: str
    strong: bool = False  # bold
    big: bool = False  # bold, larger, boxed (the figure the sheet is about)
    note: str = ""  # a grey explanation under the label
    rule_above: bool = False


def figures_table(st: Styles, rows: Sequence[Row], width: float) -> Table:
    """A two-column summary: label left, amount right-aligned, optional emphasis."""
    label_w = width * 0.64
    data, cmds = (
        [],
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -2), 0.3, LIGHT_RULE),
        ],
    )
    for i, row in enumerate(rows):
        size = 11 if row.big else 9
        font = st.fonts.bold if (row.strong or row.big) else st.fonts.regular
        label_style = ParagraphStyle(
            f"l{i}", fontName=font, fontSize=size, leading=size + 2.5, textColor=INK
        )
        value_style = ParagraphStyle(f"v{i}", parent=label_style, alignment=TA_RIGHT, textColor=INK)
        label: object = Paragraph(st.esc(row.label), label_style)
        if row.note:
            label = [label, Paragraph(st.esc(row.note), st.cell_small)]
        data.append([label, Paragraph(st.esc(row.value), value_style)])
        if row.big:
            cmds += [
                ("BOX", (0, i), (-1, i), 1.2, INK),
                ("BACKGROUND", (0, i), (-1, i), TOTAL_BG),
                ("TOPPADDING", (0, i), (-1, i), 4),
                ("BOTTOMPADDING", (0, i), (-1, i), 5),
            ]
        if row.rule_above:
            cmds.append(("LINEABOVE", (0, i), (-1, i), 0.9, INK))
    table = Table(data, colWidths=[label_w, width - label_w], hAlign="LEFT")
    table.setStyle(TableStyle(cmds))
    return table


def info_table(st: Styles, pairs: Sequence[tuple[str, str]], width: float) -> Table:
    """``Label: value`` lines in two aligned columns (who, when, which partner)."""
    label_style = ParagraphStyle("il", parent=st.body, textColor=MUTED)
    data = [[Paragraph(st.esc(k), label_style), Paragraph(st.esc(v), st.body)] for k, v in pairs]
    table = Table(data, colWidths=[34 * mm, width - 34 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return table


def side_by_side(left: Flowable, right: Flowable, left_width: float, gap: float = 6 * mm):
    """Two flowables next to each other (a summary and a chart)."""
    table = Table([[left, right]], colWidths=[left_width, CONTENT_WIDTH - left_width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), gap),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def signature_block(
    st: Styles,
    signers: Sequence[tuple[str, str]],
    *,
    place_date: str = "",
    statement: str = "",
    lang: str = "id",
) -> KeepTogether:
    """Signature boxes side by side, kept on one page.

    ``signers`` are ``(title, organisation)``: "Tanda tangan Mitra" over the
    partner's business name; the person signs on the line and writes their
    name under it.
    """
    n = len(signers)
    gap = 16 * mm
    col = (CONTENT_WIDTH - gap * (n - 1)) / n
    title_style = ParagraphStyle(
        "sig_t", parent=st.body, fontName=st.fonts.bold, alignment=TA_CENTER
    )
    hint_style = ParagraphStyle("sig_h", parent=st.note, alignment=TA_CENTER)
    org_style = ParagraphStyle("sig_o", parent=st.body, alignment=TA_CENTER)
    titles, space, names, widths = [], [], [], []
    for i, (title, organisation) in enumerate(signers):
        if i:
            titles.append("")
            space.append("")
            names.append("")
            widths.append(gap)
        head = [Paragraph(st.esc(title), title_style)]
        if organisation:
            head.append(Paragraph(st.esc(organisation), org_style))
        titles.append(head)
        space.append(Spacer(1, 15 * mm))
        names.append(Paragraph("full name" if lang == "en" else "nama jelas", hint_style))
        widths.append(col)
    table = Table([titles, space, names], colWidths=widths)
    cmds = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for i in range(0, 2 * n - 1, 2):
        cmds.append(("LINEABOVE", (i, 2), (i, 2), 0.8, INK))
    table.setStyle(TableStyle(cmds))
    parts: list[Flowable] = [Spacer(1, 4 * mm)]
    if statement or place_date:
        right = ParagraphStyle("pd", parent=st.body, alignment=TA_RIGHT)
        line = Table(
            [[st.p(statement), Paragraph(st.esc(place_date), right)]],
            colWidths=[CONTENT_WIDTH * 0.68, CONTENT_WIDTH * 0.32],
        )
        line.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        parts += [line, Spacer(1, 2 * mm)]
    parts.append(table)
    return KeepTogether(parts)


def heading(st: Styles, text: str) -> Paragraph:
    return Paragraph(st.esc(text), st.h2)


# ---------------------------------------------------------------- the document


class SectionStart(Flowable):
    """An invisible marker: the pages from here on belong to ``key`` (numbered on their own)."""

    def __init__(self, key: str, label: str) -> None:
        super().__init__()
        self.key = key
        self.label = label
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        self.canv._boothpos_section = (self.key, self.label)


@dataclass(frozen=True)
class PageInfo:
    """What the running header and footer say."""

    event: Event
    title: str
    printed: str  # "03/03/2024 21:15 WIB"
    lang: str = "id"  # the footer's language


def _make_canvas_class(info: PageInfo, fonts: FontPair):
    class NumberedCanvas(Canvas):
        """Defers each page until the end, to write "Halaman i dari n" per section."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._boothpos_pages: list[dict] = []
            self._boothpos_section = ("", "")

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._boothpos_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = self._boothpos_pages
            totals: dict[str, int] = {}
            for state in pages:
                key = state["_boothpos_section"][0]
                totals[key] = totals.get(key, 0) + 1
            seen: dict[str, int] = {}
            for state in pages:
                self.__dict__.update(state)
                key, label = self._boothpos_section
                seen[key] = seen.get(key, 0) + 1
                _draw_furniture(self, info, fonts, label, seen[key], totals[key])
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _draw_furniture(
    c: Canvas, info: PageInfo, fonts: FontPair, label: str, page: int, pages: int
) -> None:
    c.saveState()
    top = PAGE_HEIGHT - 10 * mm
    c.setFillColor(INK)
    c.setFont(fonts.bold, 9.5)
    c.drawString(MARGIN_X, top, fonts.clean(info.event.name))
    c.setFont(fonts.regular, 8)
    c.setFillColor(MUTED)
    c.drawString(MARGIN_X, top - 10, fonts.clean(info.event.venue))
    c.setFillColor(INK)
    c.setFont(fonts.bold, 9.5)
    c.drawRightString(PAGE_WIDTH - MARGIN_X, top, fonts.clean(info.title))
    if label:
        c.setFont(fonts.regular, 8)
        c.drawRightString(PAGE_WIDTH - MARGIN_X, top - 10, fonts.clean(label))
    c.setStrokeColor(ACCENT)
    c.setLineWidth(1.2)
    c.line(MARGIN_X, top - 15, PAGE_WIDTH - MARGIN_X, top - 15)
    bottom = 9 * mm
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.line(MARGIN_X, bottom + 9, PAGE_WIDTH - MARGIN_X, bottom + 9)
    c.setFillColor(MUTED)
    c.setFont(fonts.regular, 7.5)
    english = info.lang == "en"
    printed = f"Printed {info.printed}" if english else f"Dicetak {info.printed}"
    numbered = f"Page {page} of {pages}" if english else f"Halaman {page} dari {pages}"
    footer = f"{printed} · boothpos"
    room = PAGE_WIDTH - 2 * MARGIN_X - c.stringWidth(numbered, fonts.bold, 8.5) - 6 * mm
    if c.stringWidth(footer, fonts.regular, 7.5) > room and " · " in info.printed:
        # several tills' seals: the seal gets a line of its own, under the print time
        seal = info.printed.split(" · ", 1)[1]
        footer = f"{printed.split(' · ', 1)[0]} · boothpos"
        c.setFont(fonts.regular, 6.5)
        c.drawString(MARGIN_X, bottom - 8, seal)
        c.setFont(fonts.regular, 7.5)
    c.drawString(MARGIN_X, bottom, footer)
    c.setFillColor(INK)
    c.setFont(fonts.bold, 8.5)
    c.drawRightString(PAGE_WIDTH - MARGIN_X, bottom, numbered)
    c.restoreState()


def printed_text(event: Event, printed_at: datetime | None) -> str:
    moment = printed_at or datetime.now(ZoneInfo(event.timezone))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(event.timezone))
    return local_text(moment, event.timezone)


def choose_fonts(texts: Iterable[str]) -> FontPair:
    """Helvetica (not embedded, small files) unless a name needs a TrueType font."""
    return fonts_for(texts)


def build_pdf(
    story: list[Flowable],
    *,
    info: PageInfo,
    fonts: FontPair,
    subject: str = "",
) -> bytes:
    """Lay ``story`` out on A4 portrait pages with header, footer and page numbers."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=info.title,
        author=info.event.name,
        subject=subject,
        creator="boothpos",
        invariant=1,
        pageCompression=1,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    with _lean_reportlab():
        doc.build(story, canvasmaker=_make_canvas_class(info, fonts))
    return buffer.getvalue()


@contextmanager
def _lean_reportlab() -> Iterator[None]:
    """While a report is built: no ASCII-85 stream encoding, no shape attribute checks.

    Both are reportlab-wide settings (``rl_config``) that cost about a fifth
    of a 51-sheet settlement's time and buy nothing here: streams stay
    Flate-compressed (smaller without the ASCII-85 layer), and the charts'
    attributes are set by this package's own code. Restored afterwards.
    """
    saved = rl_config.useA85, rl_config.shapeChecking
    rl_config.useA85, rl_config.shapeChecking = 0, 0
    try:
        yield
    finally:
        rl_config.useA85, rl_config.shapeChecking = saved


def save_pdf(data: bytes, path: str | Path) -> Path:
    """Write ``data`` to ``path`` atomically (a half-written PDF never replaces a good one)."""
    return write_pdf(path, data)


def seal_text(heads: Sequence, lang: str = "id") -> str:
    """The books' seal (hash-chain head per till) for the footer of a signed document.

    The paper people sign then pins the books: a file changed afterwards, even
    with a whole chain recomputed, no longer ends in this head. ``heads`` are
    :class:`boothpos.core.chain.Head` (till, count, hash).
    """
    records, seal = ("records", "books' seal ") if lang == "en" else ("catatan", "segel buku ")
    parts = [f"{h.till} {h.count:,}".replace(",", ".") + f" {records} {h.short}" for h in heads]
    return (seal + "; ".join(parts)) if parts else ""


def with_seal(printed: str, heads: Sequence, lang: str = "id") -> str:
    """The footer's printed-at text followed by the books' seal."""
    seal = seal_text(heads, lang)
    return f"{printed} · {seal}" if seal else printed
