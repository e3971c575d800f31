"""The partner's slip PDF, read back: that partner's figures only, inside the roll's width."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from boothpos.core import db as dbmod
from boothpos.core import demo, demo_sales, partner_view
from boothpos.core.errors import RefusedInput
from boothpos.core.money import format_rupiah
from boothpos.core.partner_access import PartnerSession
from boothpos.documents import partner_slip
from boothpos.documents.partner_slip import (
    render_partner_slip,
    save_partner_slip,
    slip_filename,
)
from boothpos.documents.receipt import PAPERS

AT = datetime(2024, 3, 2, 19, 45, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture(scope="module")
def fair(tmp_path_factory) -> Iterator:
    db = dbmod.connect(tmp_path_factory.mktemp("slips") / "fair.db", create=True)
    demo.build_demo(db)
    demo_sales.simulate_fair(db, sales_per_day=30, refund_every=10)
    yield db
    db.close()


def sessions(db) -> dict[str, PartnerSession]:
    """Sessions as sign-in makes them (sign-in itself: tests/core/test_partner_access.py)."""
    rows = db.execute("SELECT id, code, name FROM partners ORDER BY code").fetchall()
    return {code: PartnerSession(pid, code, name) for pid, code, name in rows}


def text_of(pdf: bytes) -> str:
    (page,) = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", page.extract_text())


def test_every_partners_slip_shows_their_figures_and_no_one_elses(fair):
    every = sessions(fair)
    for code, session in every.items():
        dash = partner_view.dashboard(fair, session, at=AT)
        text = text_of(render_partner_slip(dash, width_mm=80))
        for other, other_session in every.items():
            if other != code:
                assert not re.search(rf"\b{other}\b", text), (code, other)
                assert other_session.name not in text, (code, other_session.name)
        for line in partner_slip.slip_lines(dash, lang="id"):
            for part in (line.text, line.value):
                assert re.sub(r"\s+", " ", part) in text, (code, part)
        assert f"HAK MITRA {format_rupiah(dash.payout)}" in text
        assert f"{code} · {session.name}" in text


@pytest.mark.parametrize("width", [58, 80])
def test_the_slip_fits_the_roll(fair, width):
    session = sessions(fair)["TKN001"]
    dash = partner_view.dashboard(fair, session, at=AT)
    pdf = render_partner_slip(dash, width_mm=width)
    page = pdfium.PdfDocument(pdf)[0]
    paper = PAPERS[width]
    assert page.get_width() == pytest.approx(width * mm)
    assert page.get_height() > 100 * mm  # as tall as the content, one page
    kinds = set()
    for obj in page.get_objects():
        kinds.add(obj.type)
        left, _, right, _ = obj.get_bounds()
        # 1 pt: half a rule's stroke and its caps
        assert left >= paper.margin - 1 and right <= paper.margin + paper.content_width + 1
    assert kinds <= {pdfium.raw.FPDF_PAGEOBJ_TEXT, pdfium.raw.FPDF_PAGEOBJ_PATH}
    text = text_of(pdf)
    assert "SLIP PENJUALAN MITRA" in text and "Dicetak 02/03/2024 19:45 WIB" in text
    assert "HARI INI · Sab 02/03 (hari ke-4)" in text


def test_english_slip_and_saving_to_a_folder(fair, tmp_path):
    dash = partner_view.dashboard(fair, sessions(fair)["AMB001"], today=date(2024, 2, 29), at=AT)
    assert "PARTNER SALES SLIP" in text_of(render_partner_slip(dash, lang="en"))
    path = save_partner_slip(dash, tmp_path, width_mm=58)
    assert path.name == slip_filename(dash) == "slip-AMB001-20240302-1945.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    with pytest.raises(RefusedInput):
        render_partner_slip(dash, width_mm=57)
