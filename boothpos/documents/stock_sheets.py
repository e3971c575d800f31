"""Stock documents on A4 for the partner to sign: intake receipt, return sheet, adjustment.

Input is a :class:`~boothpos.core.stock_ops.StockDocument` and the
:class:`~boothpos.core.event.Event`; output is PDF bytes (or a file). In
Bahasa Indonesia by default (``lang="en"`` for English): title, document
number and date, the partner block, a table of every item with its
quantity (and price and value), totals, and two signature lines — the
partner's (*Tanda tangan Mitra*) and the booth's (*Tanda tangan Petugas
Booth*). Long lists continue on further pages with the table header
repeated; every page says "Halaman n dari m" and the document number.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from boothpos.core.codes import MoveKind
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.event import Event
from boothpos.core.formatting import local_time
from boothpos.core.money import format_number, format_rupiah
from boothpos.core.stock_ops import StockDocument
from boothpos.documents.fonts import FontPair, fonts_for
from boothpos.documents.palette import (
    FOOTER_GRAY,
    LINE,
    SHEET_HEAD_BG,
    SHEET_LABEL_BG,
    THIN_LINE,
)
from boothpos.documents.pdf_files import write_pdf

LANGS = ("id", "en")
MARGIN = 18 * mm
CONTENT_W = A4[0] - 2 * MARGIN - 12  # the frame's width less its 6-point paddings

BAD_LANG = Msg(
    id="bahasa dokumen '{value}' tidak dikenal; pilih id atau en",
    en="unknown document language '{value}'; choose id or en",
)

TITLES: dict[MoveKind, tuple[Msg, Msg]] = {
    MoveKind.INTAKE: (
        Msg(id="TANDA TERIMA BARANG", en="GOODS RECEIVED NOTE"),
        Msg(
            id="Barang titipan mitra diterima di booth",
            en="Partner goods received at the booth",
        ),
    ),
    MoveKind.RETURN: (
        Msg(id="BERITA ACARA PENGEMBALIAN BARANG", en="RETURN OF GOODS TO PARTNER"),
        Msg(
            id="Barang yang tidak terjual dikembalikan kepada mitra",
            en="Unsold goods handed back to the partner",
        ),
    ),
    MoveKind.ADJUSTMENT: (
        Msg(id="BERITA ACARA PENYESUAIAN STOK", en="STOCK ADJUSTMENT RECORD"),
        Msg(id="Koreksi stok barang titipan mitra", en="Correction of a partner's stock"),
    ),
}

L: dict[str, Msg] = {
    "number": Msg(id="No. dokumen", en="Document no."),
    "date": Msg(id="Tanggal", en="Date"),
    "partner": Msg(id="Mitra", en="Partner"),
    "region": Msg(id="Daerah", en="Region"),
    "staff": Msg(id="Petugas", en="Staff"),
    "reason": Msg(id="Keterangan", en="Note"),
    "adj_reason": Msg(id="Alasan", en="Reason"),
    "no": Msg(id="No", en="No"),
    "barcode": Msg(id="Barcode", en="Barcode"),
    "product": Msg(id="Nama produk", en="Product"),
    "category": Msg(id="Kategori", en="Category"),
    "price": Msg(id="Harga", en="Price"),
    "qty": Msg(id="Jumlah", en="Qty"),
    "value": Msg(id="Nilai", en="Value"),
    "left": Msg(id="Sisa", en="Left"),
    "before": Msg(id="Stok buku", en="Books"),
    "counted": Msg(id="Hitung", en="Counted"),
    "change": Msg(id="Selisih", en="Change"),
    "total": Msg(id="Jumlah", en="Total"),
    "items": Msg(id="{lines} jenis barang, {qty} buah", en="{lines} products, {qty} items"),
    "handed": Msg(id="Diserahkan oleh,", en="Handed over by,"),
    "received": Msg(id="Diterima oleh,", en="Received by,"),
    "made": Msg(id="Dibuat oleh,", en="Made by,"),
    "known": Msg(id="Mengetahui,", en="Acknowledged by,"),
    "sign_partner": Msg(id="Tanda tangan Mitra", en="Partner signature"),
    "sign_booth": Msg(id="Tanda tangan Petugas Booth", en="Booth staff signature"),
    "name": Msg(id="Nama", en="Name"),
    "page": Msg(id="Halaman {page} dari {pages}", en="Page {page} of {pages}"),
    "statement_intake": Msg(
        id="Barang di atas telah diterima di booth dalam keadaan baik dan jumlah sesuai.",
        en="The goods above were received at the booth in good condition and as counted.",
    ),
    "statement_return": Msg(
        id="Barang di atas telah dikembalikan kepada mitra dan diterima dalam jumlah sesuai.",
        en="The goods above were handed back to the partner and received as counted.",
    ),
    "statement_adjustment": Msg(
        id="Stok barang di atas dikoreksi sesuai hasil pemeriksaan.",
        en="The stock of the goods above was corrected after inspection.",
    ),
}


@dataclass(frozen=True)
class _Styles:
    fonts: FontPair
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle


def _styles(fonts: FontPair) -> _Styles:
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=9.5, leading=12.5)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5)
    head = ParagraphStyle("head", parent=cell, fontName=fonts.bold)
    return _Styles(
        fonts=fonts,
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        cell=cell,
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        head=head,
        head_right=ParagraphStyle("head_right", parent=head, alignment=TA_RIGHT),
        title=ParagraphStyle("title", parent=body, fontName=fonts.bold, fontSize=14, leading=18),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=9.5, leading=12),
    )


def _p(text: object, style: ParagraphStyle, fonts: FontPair, *, bold: bool = False) -> Paragraph:
    clean = escape(fonts.clean(str(text)))
    return Paragraph(f"<b>{clean}</b>" if bold else clean, style)


class _Doc:
    """Builds the flowables of one stock document."""

    def __init__(self, doc: StockDocument, event: Event, lang: str, st: _Styles) -> None:
        self.doc, self.event, self.lang, self.st = doc, event, lang, st

    def t(self, key: str, **values: object) -> str:
        return L[key].render(self.lang, **values)

    def p(self, text: object, style: ParagraphStyle | None = None, bold: bool = False):
        return _p(text, style or self.st.body, self.st.fonts, bold=bold)

    def header(self) -> list:
        title, subtitle = TITLES[self.doc.kind]
        width = CONTENT_W
        left = [
            self.p(title.render(self.lang), self.st.title),
            self.p(subtitle.render(self.lang), self.st.subtitle),
            self.p(" · ".join(x for x in (self.event.name, self.event.venue) if x), self.st.small),
        ]
        right = Table(
            [
                [
                    self.p(self.t("number"), self.st.cell),
                    self.p(self.doc.number, self.st.cell, True),
                ],
                [
                    self.p(self.t("date"), self.st.cell),
                    self.p(local_time(self.doc.at, self.event.timezone), self.st.cell),
                ],
            ],
            colWidths=[25 * mm, 37 * mm],
            style=TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, LINE),
                    ("INNERGRID", (0, 0), (-1, -1), 0.4, THIN_LINE),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            ),
        )
        top = Table(
            [[left, right]],
            colWidths=[width - 62 * mm, 62 * mm],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
                ]
            ),
        )
        return [top, Spacer(1, 5 * mm)]

    def partner_block(self) -> list:
        d, p = self.doc, self.doc.partner
        rows = [
            [self.t("partner"), f"{p.code} — {p.name}"],
        ]
        if p.region:
            rows.append([self.t("region"), p.region])
        rows.append([self.t("staff"), f"{d.user_name} ({d.user})"])
        if d.kind == MoveKind.ADJUSTMENT:
            rows.append([self.t("adj_reason"), d.reason_text(self.lang)])
        elif d.reason:
            rows.append([self.t("reason"), d.reason])
        data = [
            [self.p(k, self.st.body), self.p(v, self.st.body, bold=(i == 0))]
            for i, (k, v) in enumerate(rows)
        ]
        table = Table(
            data,
            colWidths=[28 * mm, CONTENT_W - 28 * mm],
            style=TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, LINE),
                    ("BACKGROUND", (0, 0), (0, -1), SHEET_LABEL_BG),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            ),
        )
        return [table, Spacer(1, 5 * mm)]

    def items(self) -> list:
        d, st = self.doc, self.st
        kind = d.kind
        if kind == MoveKind.ADJUSTMENT:
            heads = ["no", "barcode", "product", "before", "counted", "change", "value"]
            widths = [9, 27, None, 17, 16, 16, 25]
        elif kind == MoveKind.RETURN:
            heads = ["no", "barcode", "product", "price", "qty", "value", "left"]
            widths = [9, 27, None, 23, 15, 24, 12]
        else:
            heads = ["no", "barcode", "product", "price", "qty", "value"]
            widths = [9, 27, None, 23, 15, 25]
        right = {"no", "price", "qty", "value", "left", "before", "counted", "change"}
        body_w = CONTENT_W / mm
        fixed = sum(w for w in widths if w)
        col_widths = [(w if w else body_w - fixed) * mm for w in widths]
        data = [[self.p(self.t(h), st.head_right if h in right else st.head) for h in heads]]
        for n, line in enumerate(d.lines, start=1):
            values = {
                "no": n,
                "barcode": line.barcode,
                "product": line.name,
                "category": line.category,
                "price": format_rupiah(line.price),
                "qty": format_number(line.qty),
                "value": format_rupiah(line.value),
                "left": format_number(line.on_hand_after),
                "before": format_number(line.on_hand_before),
                "counted": "" if line.counted is None else format_number(line.counted),
                "change": f"{line.qty:+d}",
            }
            data.append(
                [self.p(values[h], st.cell_right if h in right else st.cell) for h in heads]
            )
        total = {h: "" for h in heads}
        total["product"] = self.t(
            "items", lines=len(d.lines), qty=format_number(sum(abs(x.qty) for x in d.lines))
        )
        total["value"] = format_rupiah(d.total_value)
        if kind == MoveKind.ADJUSTMENT:
            total["change"] = f"{d.total_qty:+d}"
        else:
            total["qty"] = format_number(d.total_qty)
        total["no"] = ""
        data.append([self.p(total[h], st.head_right if h in right else st.head) for h in heads])
        data[-1][1] = self.p(self.t("total"), st.head)
        table = Table(
            data,
            colWidths=col_widths,
            repeatRows=1,
            style=TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), SHEET_HEAD_BG),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, LINE),
                    ("LINEBELOW", (0, 1), (-1, -2), 0.25, THIN_LINE),
                    ("LINEABOVE", (0, -1), (-1, -1), 0.8, LINE),
                    ("BOX", (0, 0), (-1, -1), 0.8, LINE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            ),
        )
        return [table, Spacer(1, 4 * mm)]

    def signatures(self) -> list:
        d = self.doc
        partner_name = d.partner.name
        booth_name = d.user_name
        partner = (self.t("sign_partner"), partner_name)
        booth = (self.t("sign_booth"), booth_name)
        if d.kind == MoveKind.INTAKE:
            sides = [(self.t("handed"), *partner), (self.t("received"), *booth)]
        elif d.kind == MoveKind.RETURN:
            sides = [(self.t("handed"), *booth), (self.t("received"), *partner)]
        else:
            sides = [(self.t("made"), *booth), (self.t("known"), *partner)]
        cells = []
        for role, caption, name in sides:
            cells.append(
                [
                    self.p(role),
                    Spacer(1, 20 * mm),
                    Table(
                        [[""]],
                        colWidths=[70 * mm],
                        rowHeights=[1],
                        style=TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0.8, LINE)]),
                    ),
                    self.p(caption, bold=True),
                    self.p(f"{self.t('name')}: {name}", self.st.small),
                ]
            )
        statement = self.p(self.t(f"statement_{d.kind}"))
        width = CONTENT_W / 2
        table = Table(
            [cells],
            colWidths=[width, width],
            style=TableStyle(
                [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
            ),
        )
        return [KeepTogether([statement, Spacer(1, 6 * mm), table])]

    def flowables(self) -> list:
        return [*self.header(), *self.partner_block(), *self.items(), *self.signatures()]


def _numbered_canvas(footer_left: str, page_msg: Msg, lang: str, font: str):
    """A canvas class that writes "Halaman n dari m" once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 7.5)
                self.setFillGray(FOOTER_GRAY)
                self.drawString(MARGIN, 10 * mm, footer_left)
                self.drawRightString(
                    A4[0] - MARGIN,
                    10 * mm,
                    page_msg.render(lang, page=self._pageNumber, pages=total),
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def _texts(doc: StockDocument, event: Event) -> list[str]:
    texts = [event.name, event.venue, doc.partner.name, doc.partner.region, doc.user_name]
    texts += [doc.reason, doc.note]
    for line in doc.lines:
        texts += [line.name, line.category]
    return texts


def render_stock_sheet(doc: StockDocument, event: Event, *, lang: str = "id") -> bytes:
    """The document as A4 PDF bytes (intake receipt, return sheet or adjustment record)."""
    if lang not in LANGS:
        raise RefusedInput(BAD_LANG, value=lang)
    fonts = fonts_for(_texts(doc, event))
    styles = _styles(fonts)
    buffer = io.BytesIO()
    title = TITLES[doc.kind][0].render(lang)
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{title} {doc.number}",
        author=event.name,
        creator="boothpos",
        invariant=1,
    )
    footer = fonts.clean(f"{doc.number} · {doc.partner.code} — {doc.partner.name}")
    template.build(
        _Doc(doc, event, lang, styles).flowables(),
        canvasmaker=_numbered_canvas(footer, L["page"], lang, fonts.regular),
    )
    return buffer.getvalue()


def sheet_filename(doc: StockDocument) -> str:
    """``INA24-T1-TTB-0001-BTS001.pdf``"""
    return f"{doc.number}-{doc.partner.code}.pdf"


def save_stock_sheet(doc: StockDocument, event: Event, path: str | Path, *, lang: str = "id"):
    """Render and write atomically; ``path`` may be a folder (named by :func:`sheet_filename`)."""
    target = Path(path)
    if target.is_dir():
        target = target / sheet_filename(doc)
    return write_pdf(target, render_stock_sheet(doc, event, lang=lang))
