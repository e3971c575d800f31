"""The Z report of a booth with several tills: the booth's figures and each till's drawer."""

from __future__ import annotations

import io
import os
from pathlib import Path

from pypdf import PdfReader
from test_hub_sync import fair_time, sell, sync_all, tills  # noqa: F401  (tills: the fixture)

from boothpos.core import days, reports, users
from boothpos.core.checkout import Tender
from boothpos.core.event import get_event
from boothpos.documents.z_report import render_z_report


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_z_report_prints_each_tills_drawer_beside_the_booths_figures(
    booth,
    tills,  # noqa: F811  (the fixture)
):
    t1, t2 = tills["T1"], tills["T2"]
    kopi = booth.product["kopi"].barcode
    day = fair_time(1, 0).date()
    days.open_day(t1, day, opening_float=200_000, user_id=users.get_user(t1, "supervisor").id,
                  at=fair_time(1, 8))  # fmt: skip
    days.open_day(t2, day, opening_float=150_000, user_id=users.get_user(t2, "supervisor").id,
                  at=fair_time(1, 8))  # fmt: skip
    sell(t1, [(kopi, 1)], pay=[Tender("cash", 100_000)])  # 85,000 into T1's drawer
    sell(t2, [(kopi, 2)], pay=[Tender("cash")])  # 170,000 into T2's drawer
    sell(t2, [(kopi, 1)], pay=[Tender("qris")])
    sync_all(tills)
    evening = fair_time(1, 20)
    days.close_day(t2, day, user=users.get_user(t2, "supervisor"), counted_cash=315_000,
                   at=evening)  # fmt: skip  # 5,000 short
    sync_all(tills)

    pdf = render_z_report(reports.day_report(t1, day), get_event(t1), lang="en")
    if dump := os.environ.get("BOOTHPOS_DUMP_PDF"):  # to look at it
        Path(dump).write_bytes(pdf)
    text = text_of(pdf)

    # the section's cells, in reading order (pypdf gives one cell a line)
    section = text.split("Cash per Till (each its own drawer)", 1)[1].split("The sales figures")[0]
    cells = [c.strip() for c in section.splitlines() if c.strip()]
    assert cells[:7] == ["Till", "Z report", "Opening float", "Net cash", "Expected", "Counted",
                         "Difference"]  # fmt: skip
    # T1 has not closed yet: its float, its cash, what its drawer should hold now
    assert cells[7:14] == ["T1", "not closed", "Rp 200.000", "Rp 85.000", "Rp 285.000",
                           "not counted yet", "-"]  # fmt: skip
    # T2 closed: its Z number, float, cash, expected (float + cash), counted, difference
    assert cells[14:21] == ["T2", "Z-1", "Rp 150.000", "Rp 170.000", "Rp 320.000",
                            "Rp 315.000", "-Rp 5.000"]  # fmt: skip
    # this till's own drawer, named, with its own cash (not the booth's)
    drawer = text.split("Cash in the Drawer (till T1)", 1)[1].split("Cash per Till")[0]
    assert "Rp 85.000" in drawer and "Rp 285.000" in drawer and "Rp 255.000" not in drawer
    # the booth's figures stay the booth's: every till's sales
    assert "Rp 340.000" in text  # net sales of the booth (4 x 85,000)

    text_id = text_of(render_z_report(reports.day_report(t2, day), get_event(t2), lang="id"))
    assert "Kas per Kasir" in text_id and "belum tutup" in text_id
