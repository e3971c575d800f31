"""The label layouts: A4 label sheets and thermal label rolls.

A layout is data: page size, columns × rows, label size, margins and gaps
(all in millimetres), the printer resolution the bars are snapped to, and
the type sizes that suit the label. ``a4`` layouts put many labels on an A4
page (office laser/inkjet printers: bars snapped to 300 dpi, which 600 and
1200 dpi printers share); ``roll`` layouts put one label on a page as large
as the label (thermal label printers at 203 dpi: every bar is a whole number
of printer dots).

A4 geometries follow the common 24-, 21- and 40-up sheets (Avery/Zweckform
L7159, L7160, L7654 and their Indonesian look-alikes).
"""

from __future__ import annotations

from dataclasses import dataclass

from boothpos.core.errors import Msg, RefusedInput

MM_PER_INCH = 25.4

UNKNOWN_LAYOUT = Msg(
    id="tata letak label '{name}' tidak dikenal; pilih salah satu: {names}",
    en="unknown label layout '{name}'; choose one of: {names}",
)


@dataclass(frozen=True)
class LabelLayout:
    """Where the labels are on a page, and how big their texts are.

    Lengths are millimetres, type sizes points. Labels are numbered 1, 2, …
    left to right, top to bottom (``--start N`` skips the first N − 1).
    """

    name: str
    title: str  # what the coordinator sees in a list
    kind: str  # "a4" | "roll"
    page_w: float
    page_h: float
    cols: int
    rows: int
    label_w: float
    label_h: float
    margin_left: float = 0.0
    margin_top: float = 0.0
    gap_x: float = 0.0
    gap_y: float = 0.0
    dpi: int = 300  # bars are whole multiples of 25.4 / dpi mm
    padding: float = 1.5  # inner margin of a label (mm): nothing is drawn in it
    name_lines: int = 2
    name_size: float = 7.0  # product name, bold (shrinks to name_min before it is shortened)
    name_min: float = 6.0
    price_size: float = 9.0  # price, bold
    code_size: float = 6.5  # partner code
    digits_size: float = 6.5  # human-readable digits under the bars

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    @property
    def dot_mm(self) -> float:
        """One printer dot (the bar-width grid), in mm."""
        return MM_PER_INCH / self.dpi

    def label_box(self, position: int) -> tuple[float, float, float, float]:
        """``(left, top, width, height)`` in mm from the page's top-left corner.

        ``position`` counts from 0 within a page, left to right, top to bottom.
        """
        if not 0 <= position < self.per_page:
            raise ValueError(f"position {position} is not on a {self.cols}×{self.rows} page")
        row, col = divmod(position, self.cols)
        left = self.margin_left + col * (self.label_w + self.gap_x)
        top = self.margin_top + row * (self.label_h + self.gap_y)
        return left, top, self.label_w, self.label_h

    def describe(self) -> str:
        """``A4 3×8 (63,5 × 33,9 mm, 24 per page)``-style summary for lists."""
        size = f"{_mm(self.label_w)} × {_mm(self.label_h)} mm"
        if self.kind == "roll":
            return f"{self.title}: {size}, {self.dpi} dpi"
        return f"{self.title}: {size}, {self.per_page}/A4, {self.dpi} dpi"


def _mm(value: float) -> str:
    return f"{value:g}"


A4_W, A4_H = 210.0, 297.0

LAYOUTS: dict[str, LabelLayout] = {
    layout.name: layout
    for layout in (
        LabelLayout(
            name="a4-3x8", title="A4 3×8", kind="a4", page_w=A4_W, page_h=A4_H,
            cols=3, rows=8, label_w=63.5, label_h=33.9, margin_left=7.25, margin_top=12.9,
            gap_x=2.5, dpi=300, padding=2.0, name_lines=2, name_size=8.5, name_min=7.0,
            price_size=11.0, code_size=7.5, digits_size=7.5,
        ),
        LabelLayout(
            name="a4-3x7", title="A4 3×7", kind="a4", page_w=A4_W, page_h=A4_H,
            cols=3, rows=7, label_w=63.5, label_h=38.1, margin_left=7.25, margin_top=15.15,
            gap_x=2.5, dpi=300, padding=2.0, name_lines=2, name_size=9.0, name_min=7.5,
            price_size=12.0, code_size=8.0, digits_size=8.0,
        ),
        LabelLayout(
            name="a4-4x10", title="A4 4×10", kind="a4", page_w=A4_W, page_h=A4_H,
            cols=4, rows=10, label_w=45.7, label_h=25.4, margin_left=9.7, margin_top=21.5,
            gap_x=2.6, dpi=300, padding=1.5, name_lines=2, name_size=6.5, name_min=5.5,
            price_size=8.5, code_size=6.0, digits_size=6.0,
        ),
        LabelLayout(
            name="roll-50x25", title="Rol 50×25", kind="roll", page_w=50, page_h=25,
            cols=1, rows=1, label_w=50, label_h=25, dpi=203, padding=1.5, name_lines=2,
            name_size=7.0, name_min=6.0, price_size=9.0, code_size=6.5, digits_size=6.5,
        ),
        LabelLayout(
            name="roll-38x25", title="Rol 38×25", kind="roll", page_w=38, page_h=25,
            cols=1, rows=1, label_w=38, label_h=25, dpi=203, padding=1.5, name_lines=2,
            name_size=6.5, name_min=5.5, price_size=8.5, code_size=6.0, digits_size=6.0,
        ),
        LabelLayout(
            name="roll-50x30", title="Rol 50×30", kind="roll", page_w=50, page_h=30,
            cols=1, rows=1, label_w=50, label_h=30, dpi=203, padding=1.5, name_lines=2,
            name_size=7.5, name_min=6.5, price_size=10.0, code_size=7.0, digits_size=7.0,
        ),
    )
}  # fmt: skip

DEFAULT_LAYOUT = "a4-3x8"


def get_layout(name: str) -> LabelLayout:
    """The layout called ``name`` (case-insensitive); refused with the list of names."""
    layout = LAYOUTS.get(str(name).strip().lower())
    if layout is None:
        raise RefusedInput(UNKNOWN_LAYOUT, name=name, names=", ".join(LAYOUTS))
    return layout
