"""Partner cards, read back: barcodes decoded with zxing-cpp, texts found, no PIN anywhere."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm

from boothpos.core import db as dbmod
from boothpos.core import demo, partner_access, users
from boothpos.core.errors import RefusedInput
from boothpos.core.event import get_event
from boothpos.core.partner_access import PartnerCard
from boothpos.documents import partner_card as carddoc
from boothpos.documents.partner_card import (
    CARD_H,
    CARD_W,
    HOW_EN,
    HOW_ID,
    SHEETS,
    render_partner_cards,
    save_partner_cards,
)

DPIS = (150, 300)
LONG = PartnerCard(
    "KRW001",
    "Koperasi Pengrajin Anyaman Pandan dan Mendong Karya Wanita Tasikmalaya Sejahtera Bersama",
    "Kecamatan Rajapolah, Kabupaten Tasikmalaya, Provinsi Jawa Barat, Indonesia",
)
ODD = [  # codes whose Code 128 switches to and from character set C
    PartnerCard("A12345", "Digit Run Odd", "Kota Uji"),
    PartnerCard("123456", "All Digits", "Kota Uji"),
    PartnerCard("AB-12.X", "Punctuation", ""),
    PartnerCard("Z9", "Short", "Kota Uji"),
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Iterator:
    db = dbmod.connect(tmp_path_factory.mktemp("cards") / "demo.db", create=True)
    demo.build_demo(db)
    yield db
    db.close()


@pytest.fixture(scope="module")
def sheet(demo_db) -> tuple[list[PartnerCard], bytes]:
    cards = partner_access.cards(demo_db)
    return cards, render_partner_cards(cards, get_event(demo_db).name)


def render(page, dpi: int) -> Image.Image:
    return page.render(scale=dpi / 72).to_pil().convert("L")


def card_boxes(layout, count: int, page_h: float) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) in PDF points of the first ``count`` cards on a page."""
    boxes = []
    for position in range(count):
        left, top = layout.card_box(position)
        boxes.append(
            (left * mm, page_h - (top + CARD_H) * mm, (left + CARD_W) * mm, page_h - top * mm)
        )
    return boxes


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


def inside(box, outer, slack: float) -> bool:
    return (
        box[0] >= outer[0] - slack
        and box[1] >= outer[1] - slack
        and box[2] <= outer[2] + slack
        and box[3] <= outer[3] + slack
    )


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("dpi", DPIS)
def test_every_card_barcode_decodes_to_its_card_value(sheet, dpi):
    cards, pdf = sheet
    doc = pdfium.PdfDocument(pdf)
    per_page = SHEETS["a4"].per_page
    assert len(doc) == math.ceil(51 / per_page)
    for n, page in enumerate(doc):
        on_page = cards[n * per_page : (n + 1) * per_page]
        image = render(page, dpi)
        page_h = page.get_height()
        for card, box in zip(on_page, card_boxes(SHEETS["a4"], len(on_page), page_h), strict=True):
            found = zxingcpp.read_barcodes(crop(image, box, page_h, dpi), try_downscale=False)
            assert [(r.format, r.text) for r in found] == [
                (zxingcpp.BarcodeFormat.Code128, f"MITRA-{card.code}")
            ], (card.code, dpi)
            assert partner_access.parse_card_scan(found[0].text) == card.code


@pytest.mark.parametrize("dpi", DPIS)
def test_single_cards_and_awkward_codes_decode(dpi):
    cards = [*ODD, LONG]
    doc = pdfium.PdfDocument(render_partner_cards(cards, "Pameran Uji", sheet="card"))
    assert len(doc) == len(cards)
    for card, page in zip(cards, doc, strict=True):
        assert (page.get_width(), page.get_height()) == pytest.approx((CARD_W * mm, CARD_H * mm))
        found = zxingcpp.read_barcodes(render(page, dpi), try_downscale=False)
        assert [r.text for r in found] == [card.value], dpi


def test_card_texts_are_there_and_no_pin_is(demo_db, sheet):
    cards, _ = sheet
    admin = users.get_user(demo_db, "admin")
    pins = {c.code: partner_access.set_partner_pin(demo_db, c.code, admin=admin) for c in cards}
    pdf = render_partner_cards(partner_access.cards(demo_db), get_event(demo_db).name)
    doc = pdfium.PdfDocument(pdf)
    per_page = SHEETS["a4"].per_page
    for n, card in enumerate(cards):
        page = doc[n // per_page]
        box = card_boxes(SHEETS["a4"], per_page, page.get_height())[n % per_page]
        text = normalised(page.get_textpage().get_text_bounded(*box))
        for needle in (
            "INACRAFT 2024 (DEMO)",
            "KARTU MITRA",
            card.name,  # every demo name fits whole
            card.region,
            f"Kode {card.code}",
            f"MITRA-{card.code}",
            HOW_ID,
            HOW_EN,
            "Jangan tulis PIN di kartu ini",
        ):
            assert needle in text, (card.code, needle, text)
        assert pins[card.code] not in text
    everything = "".join(normalised(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert not set(re.findall(r"\d{4,}", everything)) & set(pins.values())
    assert all(pin.encode() not in pdf for pin in pins.values())


def test_everything_drawn_stays_on_its_card(sheet):
    cards, pdf = sheet
    page = pdfium.PdfDocument(pdf)[0]
    boxes = card_boxes(SHEETS["a4"], SHEETS["a4"].per_page, page.get_height())
    kinds = set()
    for obj in page.get_objects():
        kinds.add(obj.type)
        left, bottom, right, top = obj.get_bounds()
        assert any(inside((left, bottom, right, top), b, 0.5) for b in boxes), (
            obj.type,
            obj.get_bounds(),
        )
    # vectors and text only: no raster image to blur the bars
    assert kinds <= {pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT}


def test_a_long_name_and_region_fit_their_card():
    pdf = render_partner_cards([LONG], "INACRAFT 2024", sheet="card")
    page = pdfium.PdfDocument(pdf)[0]
    width, height = page.get_width(), page.get_height()
    texts = []
    for obj in page.get_objects():
        left, bottom, right, top = obj.get_bounds()
        assert inside((left, bottom, right, top), (0, 0, width, height), 0.1)
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            texts.append((left, bottom, right, top))
    # no two text runs overlap (the name, region, code, bars' text and instructions)
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= 0.5 or overlap_y <= 0.5, (a, b)
    text = normalised(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert "Koperasi Pengrajin" in text and "…" in text and "MITRA-KRW001" in text


def test_bars_are_whole_dots_and_leave_quiet_zones():
    value = "MITRA-AMB001"
    modules = carddoc.code128_modules(value)
    assert len(modules) == 11 * (1 + len(value) + 1) + 13  # start, data, check, stop
    k = carddoc.module_dots(value, CARD_W - 3)
    assert k * 25.4 / carddoc.DPI == pytest.approx(0.4233, abs=1e-3)  # 5 dots at 300 dpi
    page = pdfium.PdfDocument(render_partner_cards([PartnerCard("AMB001", "X", "")], "E"))[0]
    (left, top) = SHEETS["a4"].card_box(0)
    paths = [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_PATH]
    bars = min(paths, key=lambda b: b[2] - b[0])  # the bars' path is narrower than the card
    module = k * 72 / carddoc.DPI
    assert bars[2] - bars[0] == pytest.approx(len(modules) * module, abs=0.05)
    quiet = carddoc.QUIET * module
    assert bars[0] - quiet >= left * mm and bars[2] + quiet <= (left + CARD_W) * mm


def test_refusals(demo_db, tmp_path):
    with pytest.raises(RefusedInput):
        render_partner_cards([], "E")
    with pytest.raises(RefusedInput):
        render_partner_cards(ODD, "E", sheet="letter")
    with pytest.raises(RefusedInput):
        render_partner_cards([PartnerCard("X" * 24, "Too Long", "")], "E")
    render_partner_cards([PartnerCard("X" * 18, "Just fits", "")], "E")
    with pytest.raises(RefusedInput):
        render_partner_cards([PartnerCard("ṬĀ01", "Not ASCII", "")], "E")
    path = save_partner_cards(tmp_path / "c.pdf", partner_access.cards(demo_db, ["AMB001"]), "E")
    assert path.read_bytes().startswith(b"%PDF")
