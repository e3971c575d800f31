"""The partner's slip: their own figures on the receipt printer (58 or 80 mm roll).

Printed from the partner screen ("Cetak slip"): exactly the lines of
:func:`boothpos.core.partner_view.slip_lines` for the dashboard on the
screen — today, each fair day, each product with its stock at the booth,
the stock in total, and commission and payout to date — laid out with the
receipt's own line layout (:mod:`boothpos.documents.receipt`): one page as
wide as the roll and as tall as the content, text wrapped, never clipped.
Nothing on it is of another partner: it is made from the dashboard alone.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from boothpos.core.partner_view import PartnerDashboard, SlipLine, slip_lines
from boothpos.documents.fonts import fonts_for
from boothpos.documents.pdf_files import write_pdf
from boothpos.documents.receipt import (
    BOTTOM_MARGIN,
    INDENT,
    TOP_MARGIN,
    Layout,
    draw,
    paper_for,
)


def layout_slip(lines: tuple[SlipLine, ...], width_mm: int = 80) -> Layout:
    """The slip's lines wrapped to the roll's printable width."""
    paper = paper_for(width_mm)
    texts = [text for line in lines for text in (line.text, line.value)]
    lay = Layout(paper, fonts_for(texts))
    for line in lines:
        kind = line.kind
        if kind == "title":
            lay.text(line.text, paper.title, bold=True, align="center")
        elif kind == "center":
            lay.text(line.text, bold=True, align="center")
        elif kind == "small":
            lay.text(line.text, paper.small, align="center" if line.center else "left")
        elif kind == "heading":
            lay.space(2)
            lay.text(line.text, bold=True)
        elif kind == "item":
            lay.text(line.text, bold=True)
        elif kind == "pair":
            lay.pair(line.text, line.value, bold=line.bold, indent=INDENT if line.indent else 0)
        elif kind == "total":
            lay.pair(line.text, line.value, paper.total, bold=True)
        elif kind == "rule":
            lay.rule()
        elif kind == "double_rule":
            lay.rule(double=True)
        elif kind == "space":
            lay.space(3)
        elif kind == "note":
            lay.text(line.text, paper.small)
        else:
            raise ValueError(f"unknown slip line kind {kind!r}")
    return lay


def render_partner_slip(
    dash: PartnerDashboard, *, width_mm: int = 80, lang: str | None = None
) -> bytes:
    """The slip of ``dash`` as PDF bytes: one page ``width_mm`` wide, as tall as needed."""
    lay = layout_slip(slip_lines(dash, lang=lang), width_mm)
    height = TOP_MARGIN + lay.height + BOTTOM_MARGIN
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(lay.paper.width, height), invariant=1, pageCompression=1)
    c.setTitle(f"Slip mitra {dash.code}")
    c.setAuthor(dash.event_name)
    c.setCreator("boothpos")
    draw(c, lay, height - TOP_MARGIN)
    c.showPage()
    c.save()
    return buffer.getvalue()


def slip_filename(dash: PartnerDashboard) -> str:
    """``slip-TKN001-20240301-1430.pdf``."""
    moment = datetime.fromisoformat(dash.as_of)
    return f"slip-{dash.code}-{moment:%Y%m%d-%H%M}.pdf"


def save_partner_slip(
    dash: PartnerDashboard, path: str | Path, *, width_mm: int = 80, lang: str | None = None
) -> Path:
    """Render the slip and write it atomically to ``path`` (a folder: named by
    :func:`slip_filename`); returns the path."""
    target = Path(path)
    if target.is_dir():
        target = target / slip_filename(dash)
    return write_pdf(target, render_partner_slip(dash, width_mm=width_mm, lang=lang))
