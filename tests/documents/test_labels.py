"""Barcode labels, read back: rasterised and scanned, measured against their label boxes.

Every label of every layout is rasterised at 150, 203 and 300 dpi and
decoded with zxing-cpp; text and bars are measured with pypdfium2 (char
boxes, object bounds) against the label boxes; the 203-dpi snapping is
checked on a rasterisation at exactly 203 dpi (pdfium with an exact matrix,
and poppler's pdftoppm).
"""

from __future__ import annotations

import math
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from PIL import Image
from reportlab.lib.units import mm

from boothpos.core import barcodes, labeling, products
from boothpos.core import db as dbmod
from boothpos.core.catalog import import_catalog
from boothpos.core.demo import build_demo
from boothpos.core.errors import NotFound, RefusedInput
from boothpos.core.labeling import LabelData
from boothpos.core.money import format_rupiah
from boothpos.documents import labels as labeldoc
from boothpos.documents.label_layouts import LAYOUTS, LabelLayout, get_layout
from boothpos.documents.labels import module_dots, page_plan, render_labels, symbol_for

LONGEST = "Kain Songket Pandai Sikek Motif Pucuak Rabuang Benang Emas Tenun 210x90 cm"
EAN8 = "96385074"
UPCA = "036000291452"  # stored as 0036000291452
DPIS = (150, 203, 300)
# Below 1.5 pixels per module zxing's edge finder misreads bars that straddle pixels:
# each bar edge lands anywhere within a pixel (±0.34 module at 1.48 px). Only one
# layout/resolution pair is that fine: the 38 mm roll's EAN-13 / UPC-A at 150 dpi
# (0.25 mm = 2 dots at 203 dpi, the only whole-dot module whose 113 modules fit 38 mm).
# The 150-dpi image still holds every bar (anti-aliased grey edges), so such a scan is
# read the way a phone reader treats a small code: the captured image is enlarged 2×
# (bicubic) before decoding. Nothing is skipped: every label of every layout decodes.
MIN_PX_PER_MODULE = 1.5
FORMATS = {
    "EAN13": zxingcpp.BarcodeFormat.EAN13,
    "EAN8": zxingcpp.BarcodeFormat.EAN8,
    "UPCA": zxingcpp.BarcodeFormat.UPCA,
}
EXTRA_CATALOG = f"""partner_code;partner_name;region;product_name;category;price;barcode;stock
SBY009;Kerajinan Surabaya;Kota Surabaya, Jawa Timur;Tas Anyaman Eceng Gondok;Tas;Rp 175.000;{EAN8};4
SBY009;Kerajinan Surabaya;Kota Surabaya, Jawa Timur;Dompet Kulit Pari;Fesyen;Rp 95.000;{UPCA};0
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator:
    """The demo event plus an EAN-8 and a UPC-A product (one with no stock)."""
    folder = tmp_path_factory.mktemp("labels")
    db = dbmod.connect(folder / "demo.db", create=True)
    build_demo(db)
    extra = folder / "extra.csv"
    extra.write_text(EXTRA_CATALOG, encoding="utf-8")
    import_catalog(db, extra)
    yield db
    db.close()


@pytest.fixture(scope="module")
def samples(demo) -> list[LabelData]:
    """One label of each kind: longest name, manufacturer and internal EAN-13, EAN-8, UPC-A."""
    everything = {p.name: p for p in products.list_products(demo)}
    manufacturer = next(p for p in everything.values() if p.barcode.startswith("899"))
    internal = next(p for p in everything.values() if p.barcode.startswith("20"))
    chosen = [
        everything[LONGEST],
        manufacturer,
        internal,
        products.find_by_code(demo, EAN8),
        products.find_by_code(demo, UPCA),
        max(everything.values(), key=lambda p: (p.price, len(p.partner.code))),
    ]
    return labeling.labels_for(chosen)


# ---------------------------------------------------------------- helpers


def label_boxes(layout: LabelLayout, count: int, start: int = 1) -> list[list[tuple]]:
    """Per page: ``(label index, (x0, y0, x1, y1))`` in PDF points, origin bottom-left."""
    page_h = layout.page_h * mm
    pages = []
    for page in page_plan(count, layout, start):
        boxes = []
        for position, index in page:
            left, top, w, h = layout.label_box(position)
            x0, y1 = left * mm, page_h - top * mm
            boxes.append((index, (x0, y1 - h * mm, x0 + w * mm, y1)))
        pages.append(boxes)
    return pages


def inside(inner, outer, tol: float = 0.01) -> bool:
    return (
        inner[0] >= outer[0] - tol
        and inner[1] >= outer[1] - tol
        and inner[2] <= outer[2] + tol
        and inner[3] <= outer[3] + tol
    )


def shrink(box, by: float):
    return (box[0] + by, box[1] + by, box[2] - by, box[3] - by)


def chars(page) -> list[tuple[str, tuple]]:
    text = page.get_textpage()
    found = []
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if ch.strip():
            found.append((ch, text.get_charbox(i)))
    return found


def objects(page) -> list[tuple[int, tuple]]:
    return [(obj.type, obj.get_bounds()) for obj in page.get_objects()]


def render(page, dpi: int) -> Image.Image:
    return page.render(scale=dpi / 72).to_pil().convert("L")


def render_exact(page, dpi: int) -> Image.Image:
    """Rasterise at exactly ``dpi`` (``render`` stretches the page to whole pixels)."""
    scale = dpi / 72
    width, height = math.ceil(page.get_width() * scale), math.ceil(page.get_height() * scale)
    bitmap = pdfium.PdfBitmap.new_native(width, height, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((255, 255, 255, 255), 0, 0, width, height)
    matrix = pdfium_c.FS_MATRIX(scale, 0, 0, scale, 0, 0)
    clip = pdfium_c.FS_RECTF(0, 0, width, height)
    pdfium_c.FPDF_RenderPageBitmapWithMatrix(bitmap, page, matrix, clip, pdfium_c.FPDF_ANNOT)
    return bitmap.to_pil().convert("L")


def crop(image: Image.Image, box, page_h: float, dpi: int) -> Image.Image:
    s = dpi / 72
    return image.crop(
        (
            math.floor(box[0] * s),
            math.floor((page_h - box[3]) * s),
            math.ceil(box[2] * s),
            math.ceil((page_h - box[1]) * s),
        )
    )


def decode(image: Image.Image) -> list:
    return zxingcpp.read_barcodes(image, try_downscale=False)


def bars_of(page) -> list[tuple]:
    return [bounds for kind, bounds in objects(page) if kind == pdfium_c.FPDF_PAGEOBJ_PATH]


# ---------------------------------------------------------------- scanning


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_every_label_scans_as_exactly_its_products_code(samples, layout, dpi):
    lay = get_layout(layout)
    pdf = pdfium.PdfDocument(render_labels(samples, lay))
    pages = label_boxes(lay, len(samples))
    assert len(pdf) == len(pages)
    seen, too_fine = [], []
    for page, boxes in zip(pdf, pages, strict=True):
        image = render(page, dpi)
        for index, box in boxes:
            label = samples[index]
            seen.append(label.barcode)
            kind = symbol_for(label.barcode).kind
            scan = crop(image, box, lay.page_h * mm, dpi)
            if module_dots(symbol_for(label.barcode), lay) * dpi / lay.dpi < MIN_PX_PER_MODULE:
                too_fine.append(kind)
                scan = scan.resize((scan.width * 2, scan.height * 2), Image.BICUBIC)
            results = decode(scan)
            assert len(results) == 1, (label.name, layout, dpi)
            (result,) = results
            assert barcodes.normalise(result.text) == label.barcode
            if kind == "UPCA":  # a UPC-A is an EAN-13 with a leading 0; readers report either
                assert result.format in (FORMATS["EAN13"], FORMATS["UPCA"])
                (upc,) = zxingcpp.read_barcodes(
                    scan,
                    formats=FORMATS["UPCA"],
                    try_downscale=False,
                )
                assert upc.format == FORMATS["UPCA"]
                assert barcodes.normalise(upc.text) == label.barcode
            else:
                assert result.format == FORMATS[kind]
    assert seen == [s.barcode for s in samples]
    assert {symbol_for(s.barcode).kind for s in samples} == {"EAN13", "EAN8", "UPCA"}
    if (layout, dpi) == ("roll-38x25", 150):
        assert set(too_fine) == {"EAN13", "UPCA"}  # enlarged; the EAN-8 (3 dots: 2.2 px) not
    else:
        assert too_fine == []


def test_the_whole_demo_catalog_scans_on_a4_and_on_a_roll(demo):
    everything = labeling.labels_for(labeling.choose_products(demo))
    assert len(everything) == 84
    for layout, dpi in (("a4-3x8", 150), ("a4-4x10", 150), ("roll-38x25", 203)):
        lay = get_layout(layout)
        pdf = pdfium.PdfDocument(render_labels(everything, lay))
        decoded = []
        for page, boxes in zip(pdf, label_boxes(lay, len(everything)), strict=True):
            image = render(page, dpi)
            for index, box in boxes:
                (result,) = decode(crop(image, box, lay.page_h * mm, dpi))
                decoded.append(barcodes.normalise(result.text))
                assert decoded[-1] == everything[index].barcode
        assert len(decoded) == 84


# ---------------------------------------------------------------- staying inside


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_full_page_of_the_longest_name_stays_inside_each_label(demo, layout):
    lay = get_layout(layout)
    longest = labeling.label_for(next(p for p in products.list_products(demo) if p.name == LONGEST))
    items = [longest] * lay.per_page
    pdf = pdfium.PdfDocument(render_labels(items, lay))
    assert len(pdf) == (1 if lay.kind == "a4" else lay.per_page)
    for page, boxes in zip(pdf, label_boxes(lay, len(items)), strict=True):
        safe = [shrink(box, 0.5 * mm) for _, box in boxes]  # clear of the label's edge
        for ch, box in chars(page):
            assert sum(inside(box, s) for s in safe) == 1, (ch, box)
        for kind, bounds in objects(page):
            assert kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT)  # vector
            assert sum(inside(bounds, s) for s in safe) == 1, (kind, bounds)
        for _, box in boxes:
            text = page.get_textpage().get_text_bounded(*box)
            assert "BTS001" in text and "Rp 4.500.000" in text
            name = " ".join(text.split("BTS001")[0].split())
            assert name == LONGEST or (
                name.endswith("…") and LONGEST.startswith(name[:-1].rstrip())
            ), name
            assert text.count("BTS001") == 1


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_texts_and_bars_of_every_sample_stay_in_their_own_label(samples, layout):
    lay = get_layout(layout)
    pdf = pdfium.PdfDocument(render_labels(samples, lay))
    for page, boxes in zip(pdf, label_boxes(lay, len(samples)), strict=True):
        for _, bounds in objects(page):
            assert any(inside(bounds, box) for _, box in boxes)
        for index, box in boxes:
            label = samples[index]
            text = page.get_textpage().get_text_bounded(*box)
            assert label.partner_code in text
            assert format_rupiah(label.price) in text
            digits = "".join(
                ch for ch in text.split(format_rupiah(label.price))[-1] if ch.isdigit()
            )
            assert digits == symbol_for(label.barcode).digits  # human-readable, in order
            (bars,) = [b for b in bars_of(page) if inside(b, box)]
            assert inside(bars, shrink(box, lay.padding * mm - 0.01))


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_quiet_zones_are_clear_and_inside_the_label(samples, layout):
    lay = get_layout(layout)
    pdf = pdfium.PdfDocument(render_labels(samples, lay))
    for page, boxes in zip(pdf, label_boxes(lay, len(samples)), strict=True):
        texts = [b for kind, b in objects(page) if kind == pdfium_c.FPDF_PAGEOBJ_TEXT]
        for index, box in boxes:
            symbol = symbol_for(samples[index].barcode)
            (bars,) = [b for b in bars_of(page) if inside(b, box)]
            module = (bars[2] - bars[0]) / len(symbol.modules)
            assert module <= labeldoc.MAX_MODULE_MM * mm + 1e-6
            assert bars[0] - box[0] >= symbol.quiet_left * module
            assert box[2] - bars[2] >= symbol.quiet_right * module
            upper = bars[1] + (bars[3] - bars[1]) / 2  # a scanner's line crosses the bars here
            zone = (bars[0] - symbol.quiet_left * module, upper,
                    bars[2] + symbol.quiet_right * module, bars[3])  # fmt: skip
            for t in texts:
                overlaps = t[0] < zone[2] and t[2] > zone[0] and t[1] < zone[3] and t[3] > zone[1]
                assert not overlaps, (symbol.digits, t)


# ---------------------------------------------------------------- dots


@pytest.mark.parametrize(
    ("layout", "code", "dots"),
    [
        ("roll-50x25", "8994621005716", 3),
        ("roll-50x30", "8994621005716", 3),
        ("roll-38x25", "8994621005716", 2),
        ("roll-38x25", EAN8, 3),
        ("roll-38x25", "0" + UPCA, 2),
        ("a4-3x8", "8994621005716", 5),
        ("a4-3x7", "8994621005716", 5),
        ("a4-4x10", "8994621005716", 4),
    ],
)
def test_module_is_the_largest_whole_number_of_dots_that_fits(layout, code, dots):
    lay = get_layout(layout)
    symbol = symbol_for(code)
    assert module_dots(symbol, lay) == dots
    bigger = (dots + 1) * lay.dot_mm
    assert (
        bigger > labeldoc.MAX_MODULE_MM
        or symbol.total_modules * bigger > lay.label_w - 2 * labeldoc.EDGE_MM
        or len(symbol.modules) * bigger > lay.label_w - 2 * lay.padding
    )


def scan_row(image: Image.Image, bars, page_h: float, dpi: int) -> tuple[list[int], int, int]:
    s = dpi / 72
    row = round((page_h - bars[3] + 3) * s)  # 3 pt below the top of the bars
    left, right = math.floor(bars[0] * s) - 3, math.ceil(bars[2] * s) + 3
    return [image.getpixel((x, row)) for x in range(left, right)], left, right


def runs(pixels: list[int]) -> list[tuple[int, int]]:
    """(dark?, length) runs of a row of pixels."""
    found: list[tuple[int, int]] = []
    for value in pixels:
        dark = int(value < 128)
        if found and found[-1][0] == dark:
            found[-1] = (dark, found[-1][1] + 1)
        else:
            found.append((dark, 1))
    return found


def expected_runs(symbol, k: int) -> list[tuple[int, int]]:
    return [(dark, n * k) for dark, n in runs([0 if m == "1" else 255 for m in symbol.modules])]


@pytest.mark.parametrize("offset", [(0.0, 0.0), (0.7, -0.3), (-1.25, 2.0)])
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_bar_edges_fall_on_whole_printer_dots(samples, layout, offset):
    """At the layout's own resolution every bar is exactly k dots per module: no grey edges."""
    lay = get_layout(layout)
    pdf = pdfium.PdfDocument(render_labels(samples, lay, offset=offset))
    page_h = lay.page_h * mm
    for page_no, page in enumerate(pdf):
        image = render_exact(page, lay.dpi)
        on_page = [samples[i] for i, _ in label_boxes(lay, len(samples))[page_no]]
        for bars, label in zip(sorted(bars_of(page), key=lambda b: (-b[3], b[0])), on_page,
                               strict=True):  # fmt: skip
            symbol = symbol_for(label.barcode)
            pixels, _, _ = scan_row(image, bars, page_h, lay.dpi)
            assert all(v <= 8 or v >= 247 for v in pixels), (label.barcode, sorted(set(pixels)))
            k = module_dots(symbol, lay)
            assert runs(pixels)[1:-1] == expected_runs(symbol, k)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("layout", ["roll-50x25", "roll-38x25", "roll-50x30"])
def test_poppler_at_203_dpi_sees_the_same_whole_dot_bars(samples, layout, tmp_path):
    lay = get_layout(layout)
    pdf_path = tmp_path / "labels.pdf"
    pdf_path.write_bytes(render_labels(samples, lay, offset=(0.4, 0.3)))
    subprocess.run(
        ["pdftoppm", "-r", "203", "-gray", str(pdf_path), str(tmp_path / "p")], check=True
    )
    pdf = pdfium.PdfDocument(pdf_path)
    for n, (page, label) in enumerate(zip(pdf, samples, strict=True), start=1):
        image = Image.open(next(tmp_path.glob(f"p-{n}.pgm")))
        assert image.size == (
            math.ceil(lay.page_w / 25.4 * 203),
            math.ceil(lay.page_h / 25.4 * 203),
        )
        (bars,) = bars_of(page)
        pixels, _, _ = scan_row(image, bars, lay.page_h * mm, 203)
        assert set(pixels) <= {0, 255}
        symbol = symbol_for(label.barcode)
        assert runs(pixels)[1:-1] == expected_runs(symbol, module_dots(symbol, lay))


# ---------------------------------------------------------------- pages and positions


@pytest.mark.parametrize(
    ("layout", "count", "start", "pages"),
    [
        ("a4-3x8", 24, 1, 1),
        ("a4-3x8", 25, 1, 2),
        ("a4-3x8", 20, 5, 1),
        ("a4-3x8", 21, 5, 2),
        ("a4-4x10", 40, 1, 1),
        ("a4-4x10", 1, 40, 1),
        ("a4-4x10", 2, 40, 2),
        ("roll-50x25", 7, 1, 7),
    ],
)
def test_page_count(samples, layout, count, start, pages):
    items = (samples * 10)[:count]
    pdf = pdfium.PdfDocument(render_labels(items, layout, start=start))
    assert len(pdf) == pages
    lay = get_layout(layout)
    for page in pdf:
        assert page.get_size() == pytest.approx((lay.page_w * mm, lay.page_h * mm))


def test_start_leaves_the_used_labels_of_the_first_sheet_empty(samples):
    lay = get_layout("a4-3x8")
    pdf = pdfium.PdfDocument(render_labels(samples[:2], lay, start=5))
    (page,) = pdf
    used = {index: box for index, box in label_boxes(lay, 2, start=5)[0]}
    assert used[0] == label_boxes(lay, 5)[0][4][1]  # first label on position 5: row 2, col 2
    for _, bounds in objects(page):
        assert any(inside(bounds, box) for box in used.values())
    text = page.get_textpage().get_text_bounded(*used[0])
    assert samples[0].partner_code in text


@pytest.mark.parametrize(("layout", "start"), [("a4-3x8", 0), ("a4-3x8", 25), ("roll-50x25", 2)])
def test_bad_start_is_refused(samples, layout, start):
    with pytest.raises(RefusedInput):
        render_labels(samples, layout, start=start)


def test_offset_moves_every_label_right_and_down(samples):
    lay = get_layout("a4-4x10")
    plain = pdfium.PdfDocument(render_labels(samples, lay))[0]
    moved = pdfium.PdfDocument(render_labels(samples, lay, offset=(1.5, 2.0)))[0]
    tol = 72 / lay.dpi  # bars (and the digits under them) re-snap to the dot grid
    for (k1, a), (k2, b) in zip(objects(plain), objects(moved), strict=True):
        assert k1 == k2
        assert b[0] - a[0] == pytest.approx(1.5 * mm, abs=tol)
        assert b[1] - a[1] == pytest.approx(-2.0 * mm, abs=tol)


def test_outline_draws_each_label_edge_inside_the_label(samples):
    lay = get_layout("a4-3x8")
    page = pdfium.PdfDocument(render_labels(samples, lay, outline=True))[0]
    boxes = [box for _, box in label_boxes(lay, len(samples))[0]]
    paths = bars_of(page)
    assert len(paths) == 2 * len(samples)  # an outline and a barcode per label
    for bounds in paths:
        assert any(inside(bounds, box) for box in boxes)


def test_no_labels_and_unknown_layouts_are_refused():
    with pytest.raises(RefusedInput):
        render_labels([], "a4-3x8")
    with pytest.raises(RefusedInput) as exc:
        get_layout("a4-9x9")
    assert "a4-3x8" in exc.value.message("en")


def test_layout_table_geometry_fits_the_page():
    for lay in LAYOUTS.values():
        right = lay.margin_left + lay.cols * lay.label_w + (lay.cols - 1) * lay.gap_x
        bottom = lay.margin_top + lay.rows * lay.label_h + (lay.rows - 1) * lay.gap_y
        assert right <= lay.page_w + 1e-9 and bottom <= lay.page_h + 1e-9, lay.name
        assert lay.kind in ("a4", "roll")
        if lay.kind == "a4":
            assert (lay.page_w, lay.page_h) == (210, 297) and lay.dpi == 300
        else:
            assert lay.per_page == 1 and lay.dpi == 203
    assert {"a4-3x8", "a4-4x10", "roll-50x25", "roll-38x25", "roll-50x30"} <= set(LAYOUTS)


# ---------------------------------------------------------------- texts


def test_names_shrink_then_shorten_at_a_word():
    from boothpos.documents.fonts import HELVETICA

    lines, size = labeldoc.fit_name("Kopi Gayo", 100, 2, 8, 6, HELVETICA)
    assert (lines, size) == (["Kopi Gayo"], 8)
    lines, size = labeldoc.fit_name(LONGEST, 110, 2, 7, 6, HELVETICA)
    assert len(lines) == 2 and size == 6
    assert all(HELVETICA.width(line, size, bold=True) <= 110 for line in lines)
    assert lines[-1].endswith("…")
    assert " ".join(lines)[:-1].rstrip() in LONGEST
    lines, _ = labeldoc.fit_name("X" * 80, 50, 1, 7, 7, HELVETICA)
    assert lines[0].endswith("…") and HELVETICA.width(lines[0], 7, bold=True) <= 50


def test_a_name_outside_windows_1252_is_shown_with_an_embedded_font(samples):
    from boothpos.documents import fonts

    if fonts.truetype_fonts() is None:
        pytest.skip("no TrueType font on this machine")
    label = LabelData(samples[1].barcode, "Tenun Ṭabanan Ā", "BAL001", 125_000)
    page = pdfium.PdfDocument(render_labels([label], "roll-50x25"))[0]
    assert "Tenun Ṭabanan Ā" in page.get_textpage().get_text_range()
    assert "Rp 125.000" in page.get_textpage().get_text_range()


# ---------------------------------------------------------------- choosing labels


def test_labels_per_stock_and_copies(demo):
    kopi = products.partner_by_code(demo, "TKN001")
    chosen = labeling.choose_products(demo, partners=[kopi.code])
    assert [p.on_hand for p in chosen] == [40, 30]
    assert len(labeling.labels_for(chosen, per_stock=True)) == 70
    assert len(labeling.labels_for(chosen, copies=3)) == 6
    sby = labeling.choose_products(demo, partners=["SBY009"])
    per_stock = labeling.labels_for(sby, per_stock=True)
    assert [lb.barcode for lb in per_stock] == [EAN8] * 4  # none for the UPC-A with stock 0
    with pytest.raises(RefusedInput):
        labeling.labels_for([products.find_by_code(demo, UPCA)], per_stock=True)
    for bad in (0, -1, 1001, True, "2"):
        with pytest.raises(RefusedInput):
            labeling.labels_for(chosen, copies=bad)


def test_choosing_products_by_code_then_partner_without_repeats(demo):
    chosen = labeling.choose_products(demo, codes=[UPCA, "8994621005716"], partners=["TKN001"])
    assert [p.barcode for p in chosen][:2] == ["0" + UPCA, "8994621005716"]
    assert len(chosen) == 3
    assert len(labeling.choose_products(demo)) == 84
    with pytest.raises(NotFound):
        labeling.choose_products(demo, partners=["NOPE01"])
    with pytest.raises(NotFound):
        labeling.choose_products(demo, codes=["8990000000000"])


def test_print_offset_is_stored_per_layout(tmp_path):
    db = dbmod.connect(tmp_path / "e.db", create=True)
    build_demo(db)
    assert labeling.get_offset(db, "roll-50x25") == (0.0, 0.0)
    assert labeling.set_offset(db, "roll-50x25", "-1,5", 0.25) == (-1.5, 0.25)
    fresh = dbmod.connect(tmp_path / "e.db")
    assert labeling.get_offset(fresh, "roll-50x25") == (-1.5, 0.25)
    assert labeling.get_offset(fresh, "a4-3x8") == (0.0, 0.0)
    for bad in ("11", "-10.5", "satu", "nan", "inf"):
        with pytest.raises(RefusedInput):
            labeling.set_offset(db, "roll-50x25", bad, 0)
    assert labeling.get_offset(fresh, "roll-50x25") == (-1.5, 0.25)
    fresh.close()
    db.close()


def test_labels_are_written_atomically_to_a_file(samples, tmp_path):
    path = labeldoc.save_labels(tmp_path / "sub" / "labels.pdf", samples, "a4-3x8")
    assert path.read_bytes() == render_labels(samples, "a4-3x8")
    assert [p.name for p in Path(path).parent.iterdir()] == ["labels.pdf"]
