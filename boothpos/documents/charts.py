"""Vector charts (reportlab.graphics) for the reports: where a reader would rather look.

- :func:`sales_by_day` — net sales per fair day (vertical bars, amount on each bar);
- :func:`by_method` — what each payment method brought in (horizontal bars);
- :func:`top_partners` — the partners with the largest net sales (horizontal bars).

Amounts are int rupiah; labels are short Indonesian forms (``Rp 12,5 jt``,
``Rp 350 rb``). Every chart is a :class:`~reportlab.graphics.shapes.Drawing`,
a platypus flowable, drawn as vectors (sharp at any zoom, small files).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String

from boothpos.core.money import round_half_up_div
from boothpos.documents.fonts import FontPair
from boothpos.documents.palette import CHART_BAR, CHART_BAR_NEGATIVE, CHART_GRID, CHART_TEXT


def short_rupiah(amount: int | float) -> str:
    """``12_500_000`` → ``Rp 12,5 jt``; ``350_000`` → ``Rp 350 rb``; 2.1 billion → ``Rp 2,1 M``.

    Axis ticks may arrive as floats from the chart's scale; they are rounded
    to whole rupiah first.
    """
    n = int(round(amount))
    sign = "-" if n < 0 else ""
    n = abs(n)
    units = ((1_000_000_000, "M"), (1_000_000, "jt"), (1_000, "rb"))
    for i, (unit, word) in enumerate(units):
        smaller = units[i + 1][0] if i + 1 < len(units) else 0
        # 999.950 is "Rp 1 jt", not "Rp 1.000 rb"
        if n >= unit or (smaller and round_half_up_div(n, smaller) >= 1000):
            if n >= 100 * unit:  # three digits say enough: "Rp 653 rb", not "Rp 652,5 rb"
                number = f"{round_half_up_div(n, unit):,}".replace(",", ".")
                return f"{sign}Rp {number} {word}"
            tenths = round_half_up_div(n * 10, unit)
            whole, frac = divmod(tenths, 10)
            return f"{sign}Rp {whole}{f',{frac}' if frac else ''} {word}"
    return f"{sign}Rp {n}"


def _title(drawing: Drawing, text: str, fonts: FontPair, width: float, height: float) -> None:
    drawing.add(
        String(
            0, height - 10, fonts.clean(text), fontName=fonts.bold, fontSize=9, fillColor=CHART_TEXT
        )
    )


def sales_by_day(
    days: Sequence[tuple[str, int]],
    fonts: FontPair,
    *,
    width: float,
    height: float = 150,
    title: str = "Penjualan bersih per hari",
) -> Drawing:
    """Vertical bars: ``days`` is ``[(label, net rupiah)]`` in date order.

    A label may hold a newline (``"Rab\\n28/02"``): two short lines fit under a bar.
    """
    drawing = Drawing(width, height)
    _title(drawing, title, fonts, width, height)
    values = [int(v) for _, v in days] or [0]
    chart = VerticalBarChart()
    chart.x, chart.y = 52, 26
    chart.width, chart.height = width - 60, height - 50
    chart.data = [values]
    chart.categoryAxis.categoryNames = [fonts.clean(label) for label, _ in days] or [""]
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.labels.leading = 8.5
    chart.valueAxis.valueMin = min(0, min(values))
    chart.valueAxis.valueMax = max(1, max(values)) * 1.18
    chart.valueAxis.labelTextFormat = short_rupiah
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = CHART_GRID
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.strokeWidth = 0.5
    chart.categoryAxis.strokeWidth = 0.5
    chart.bars.strokeWidth = 0
    chart.bars[0].fillColor = CHART_BAR
    for i, v in enumerate(values):
        if v < 0:
            chart.bars[(0, i)].fillColor = CHART_BAR_NEGATIVE
    chart.barLabelFormat = short_rupiah
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    chart.barWidth = 10
    chart.groupSpacing = 10
    drawing.add(chart)
    return drawing


def horizontal_bars(
    items: Sequence[tuple[str, int]],
    fonts: FontPair,
    *,
    width: float,
    title: str,
    label_width: float = 110,
    row_height: float = 15,
) -> Drawing:
    """Horizontal bars with the category on the left and the amount at the bar's end."""
    items = list(items) or [("-", 0)]
    height = 22 + row_height * len(items) + 14
    drawing = Drawing(width, height)
    _title(drawing, title, fonts, width, height)
    values = [int(v) for _, v in reversed(items)]
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 12
    chart.width = width - label_width - 58
    chart.height = row_height * len(items)
    chart.data = [values]
    chart.categoryAxis.categoryNames = [fonts.clean(label) for label, _ in reversed(items)]
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeWidth = 0.5
    chart.valueAxis.valueMin = min(0, min(values))
    chart.valueAxis.valueMax = max(1, max(values))
    chart.valueAxis.visible = 0
    chart.bars.strokeWidth = 0
    chart.bars[0].fillColor = CHART_BAR
    for i, v in enumerate(values):
        if v < 0:
            chart.bars[(0, i)].fillColor = CHART_BAR_NEGATIVE
    chart.barLabelFormat = short_rupiah
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barWidth = row_height * 0.62
    chart.groupSpacing = row_height * 0.38
    drawing.add(chart)
    return drawing


def by_method(
    amounts: Sequence[tuple[str, int]], fonts: FontPair, *, width: float, title: str
) -> Drawing:
    """Payment methods: ``[(method name, rupiah)]``."""
    return horizontal_bars(amounts, fonts, width=width, title=title, label_width=72)


def top_partners(
    partners: Sequence[tuple[str, int]],
    fonts: FontPair,
    *,
    width: float,
    title: str,
    limit: int = 10,
) -> Drawing:
    """The ``limit`` partners with the largest net: ``[(name, net)]`` in any order."""
    best = sorted(partners, key=lambda p: -p[1])[:limit]
    labels = [(_shorten(name, 30), net) for name, net in best]
    return horizontal_bars(labels, fonts, width=width, title=title, label_width=150)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
