"""The QRIS sheet of a fair day, and the QRIS section of the Z report.

Input: a :class:`~boothpos.core.qris_match.QrisMatch` (the merchant's history
matched to the day's QRIS payments). Three lists: matched, unmatched in the
books (a sale recorded as QRIS with no incoming payment found), unmatched in
the history (money received that no sale explains).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from boothpos.core import clock
from boothpos.core.event import Event
from boothpos.core.formatting import clock_time
from boothpos.core.qris_match import QrisMatch
from boothpos.documents.layout import (
    CONTENT_WIDTH,
    PageInfo,
    Row,
    SectionStart,
    Styles,
    build_pdf,
    choose_fonts,
    data_table,
    figures_table,
    heading,
    long_date,
    make_styles,
    pcs,
    printed_text,
    rp,
    save_pdf,
)

TITLE = "LEMBAR QRIS"


def _t(moment: datetime, tz: str) -> str:
    return clock_time(clock.to_iso(moment), tz)


def qris_section(st: Styles, result: QrisMatch, event: Event, *, title: str) -> list[Flowable]:
    """Summary and the three lists (matched / unmatched in books / unmatched in history)."""
    story = _qris_summary(st, result, title)
    story += _matched_list(st, result, event.timezone)
    story += _books_only_list(st, result, event.timezone)
    story += _history_only_list(st, result, event.timezone)
    return story


def _qris_summary(st: Styles, result: QrisMatch, title: str) -> list[Flowable]:
    n_books = len(result.matched) + len(result.unmatched_books)
    n_history = len(result.matched) + len(result.unmatched_history)
    books_total = result.matched_total + sum(b.amount for b in result.unmatched_books)
    history_total = result.matched_total + sum(h.amount for h in result.unmatched_history)
    story: list[Flowable] = [heading(st, title)]
    story.append(
        figures_table(
            st,
            [
                Row("QRIS di pembukuan", f"{pcs(n_books)} · {rp(books_total)}"),
                Row("QRIS di riwayat merchant", f"{pcs(n_history)} · {rp(history_total)}"),
                Row("Cocok", f"{pcs(len(result.matched))} · {rp(result.matched_total)}",
                    strong=True),
                Row("Selisih (pembukuan - riwayat)", rp(books_total - history_total), big=True),
            ],
            CONTENT_WIDTH * 0.6,
        )
    )  # fmt: skip
    return story


def _matched_list(st: Styles, result: QrisMatch, tz: str) -> list[Flowable]:
    w = CONTENT_WIDTH
    story: list[Flowable] = [heading(st, "Cocok")]
    if result.matched:
        rows = [
            [m.book.receipt_no, _t(m.book.time, tz), _t(m.history.time, tz),
             m.history.reference or m.book.reference or "-", rp(m.book.amount)]
            for m in result.matched
        ]  # fmt: skip
        story.append(
            data_table(
                st,
                ["Struk", "Waktu struk", "Waktu riwayat", "Referensi", "Jumlah"],
                rows,
                [42 * mm, 24 * mm, 26 * mm, w - 128 * mm, 36 * mm],
                align="LLLLR",
                total=["", "", "", f"{len(rows)} pembayaran", rp(result.matched_total)],
            )
        )
    else:
        story.append(st.p("Tidak ada pembayaran yang cocok.", st.note))
    return story


def _books_only_list(st: Styles, result: QrisMatch, tz: str) -> list[Flowable]:
    w = CONTENT_WIDTH
    story: list[Flowable] = [heading(st, "Di pembukuan, tidak ada di riwayat")]
    if result.unmatched_books:
        rows = [[b.receipt_no, _t(b.time, tz), rp(b.amount)] for b in result.unmatched_books]
        story.append(
            data_table(
                st,
                ["Struk", "Waktu", "Jumlah"],
                rows,
                [60 * mm, w - 96 * mm, 36 * mm],
                align="LLR",
                total=["", f"{len(rows)} pembayaran",
                       rp(sum(b.amount for b in result.unmatched_books))],
            )
        )  # fmt: skip
        story.append(
            st.p(
                "Periksa: pembayaran ini dicatat sebagai QRIS tetapi tidak ditemukan di riwayat "
                "merchant dengan jumlah sama dalam 15 menit.",
                st.note,
            )
        )
    else:
        story.append(st.p("Semua pembayaran QRIS di pembukuan ditemukan di riwayat.", st.note))
    return story


def _history_only_list(st: Styles, result: QrisMatch, tz: str) -> list[Flowable]:
    w = CONTENT_WIDTH
    story: list[Flowable] = [heading(st, "Di riwayat, tidak ada di pembukuan")]
    if result.unmatched_history:
        rows = [
            [h.reference or "-", _t(h.time, tz), rp(h.amount)] for h in result.unmatched_history
        ]
        story.append(
            data_table(
                st,
                ["Referensi", "Waktu", "Jumlah"],
                rows,
                [60 * mm, w - 96 * mm, 36 * mm],
                align="LLR",
                total=["", f"{len(rows)} pembayaran",
                       rp(sum(h.amount for h in result.unmatched_history))],
            )
        )  # fmt: skip
    else:
        story.append(st.p("Semua pembayaran di riwayat ada di pembukuan.", st.note))
    return story


def render_qris_sheet(
    result: QrisMatch, event: Event, *, printed_at: datetime | None = None
) -> bytes:
    """The QRIS sheet of one fair day as PDF bytes (A4 portrait)."""
    fonts = choose_fonts([event.name, event.venue])
    st = make_styles(fonts)
    day_no = event.day_number(result.day)
    day_label = f"Hari ke-{day_no} · " if day_no else ""
    story: list[Flowable] = [SectionStart("qris", f"{day_label}{long_date(result.day)}")]
    story.append(st.p(TITLE, st.title))
    story.append(st.p(f"{day_label}{long_date(result.day)}", st.subtitle))
    story += qris_section(st, result, event, title="Pencocokan Riwayat QRIS Merchant")
    info = PageInfo(event, TITLE, printed_text(event, printed_at))
    return build_pdf(story, info=info, fonts=fonts, subject=f"{TITLE} {result.day}")


def save_qris_sheet(
    result: QrisMatch, event: Event, path: str | Path, *, printed_at: datetime | None = None
) -> Path:
    return save_pdf(render_qris_sheet(result, event, printed_at=printed_at), path)
