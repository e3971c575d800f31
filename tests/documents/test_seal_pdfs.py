"""The books' seal (hash-chain head and record count) is on every Z report and settlement page."""

from __future__ import annotations

import io
import sqlite3
from contextlib import closing

from pypdf import PdfReader

from boothpos.core import chain, days, reports
from boothpos.core.event import get_event
from boothpos.documents.booth_summary import render_booth_summary
from boothpos.documents.settlement import render_settlement
from boothpos.documents.z_report import render_z_report


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_z_report_and_settlement_sheets_print_the_chain_head(booth):
    booth.sell(("kopi", 2), "kalung")
    days.close_day(booth.db, booth.time(1).date(), counted_cash=420_000, user=booth.supervisor)
    (head,) = chain.heads(booth.db)
    seal = f"segel buku T1 {head.count} catatan {head.hash[:16]}"

    z = reports.day_report(booth.db, booth.time(1).date())
    settlement = reports.settle(booth.db, detail=True)
    documents = {
        "z": render_z_report(z, get_event(booth.db)),
        "settlement": render_settlement(settlement),
        "summary": render_booth_summary(settlement),
    }
    for name, data in documents.items():
        texts = page_texts(data)
        assert texts and all(seal in t for t in texts), name


def test_the_printed_head_changes_when_the_books_are_changed_behind_it(booth):
    booth.sell(("kopi", 2))
    printed = page_texts(render_settlement(reports.settle(booth.db, detail=True)))[0]
    with closing(sqlite3.connect(booth.path)) as conn:  # rebuilt chain after a change
        conn.execute("DROP TRIGGER chain_no_delete")
        conn.execute("DELETE FROM chain")
        conn.commit()
    fresh = booth.reopen()
    fresh.execute("DROP TRIGGER sales_no_update")
    fresh.execute("UPDATE sales SET reason = 'skim'")
    with fresh.atomic():
        chain.seal_all_unlinked(fresh)
    again = page_texts(render_settlement(reports.settle(fresh, detail=True)))[0]
    old = printed.split("segel buku ")[1].split()[:4]
    new = again.split("segel buku ")[1].split()[:4]
    assert old[:3] == new[:3]  # same till, same number of records
    assert old[3] != new[3]  # but not the head the partner signed under
