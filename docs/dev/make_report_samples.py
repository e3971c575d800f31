"""Render the sample report pictures in docs/ from the demo event.

    PYTHONPATH=. python docs/dev/make_report_samples.py [--out docs] [--keep DIR]

Builds the demo event (51 partners, 82 products) in a temporary database,
sets a 10 % commission override and bank details for one partner, sells five
fair days through core checkout (split payments, change, discounts, voids,
refunds; day 2 counted Rp 2.000 short), then writes a Z report, a partner day
sheet, a final settlement and the booth summary as PDF and renders their
first pages to PNG with ``pdftoppm -png -r 80``.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from boothpos.core import db as dbmod
from boothpos.core import demo, partner_terms, reports, users
from boothpos.core.demo_sales import simulate_fair
from boothpos.core.event import get_event
from boothpos.documents.booth_summary import render_booth_summary
from boothpos.documents.partner_day import render_partner_day
from boothpos.documents.settlement import render_settlement
from boothpos.documents.z_report import render_z_report

PRINTED = datetime(2024, 3, 3, 21, 40, tzinfo=ZoneInfo("Asia/Jakarta"))


def build(path: Path):
    """The demo event with five days of sales; returns (db, the sample partner's code).

    The sample partner is the one with the largest net among those with a
    refund and a discount; it gets a 10 % commission override and bank details.
    """
    db = dbmod.connect(path, create=True)
    demo.build_demo(db)
    simulate_fair(
        db,
        sales_per_day=[35, 45, 50, 55, 60],
        cash_short={2: 2000},
        refund_every=15,
        discount_share=0.15,
    )
    partners = reports.settle(db).partners
    code = max(partners, key=lambda p: (p.refunds > 0, p.discounts > 0, p.net)).code
    admin = users.get_user(db, "admin")
    partner_terms.set_partner_commission(db, code, 1000, user=admin)
    partner_terms.set_bank_details(
        db, code, "BRI KCP Jakarta Senayan 0123-01-045678-50-3 a.n. Siti Rahmawati", user=admin
    )
    return db, code


def png(pdf: bytes, target: Path, work: Path, dpi: int = 80) -> None:
    """Save ``pdf`` in ``work`` and render its first page to ``target`` (PNG) at ``dpi``."""
    source = work / (target.stem + ".pdf")
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", source,
         target.with_suffix("")],
        check=True,
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--keep", type=Path, help="also keep the PDFs and database here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        db, partner = build(work / "demo-sales.db")
        event = get_event(db)
        day2 = date(2024, 2, 29)
        busiest = max(
            reports.settle(db, partner=partner, detail=True).partners[0].days,
            key=lambda d: (d.figures.refunds > 0, d.figures.discounts > 0, d.figures.net),
        ).day
        png(render_z_report(reports.day_report(db, day2), event, printed_at=PRINTED),
            args.out / "z-report.png", work)  # fmt: skip
        sheet = reports.partner_day(db, busiest, partner)
        png(render_partner_day(sheet, event, printed_at=PRINTED),
            args.out / "partner-day-sheet.png", work)  # fmt: skip
        one = reports.settle(db, partner=partner, detail=True)
        png(render_settlement(one, printed_at=PRINTED), args.out / "settlement.png", work)
        everyone = reports.settle(db, detail=True)
        png(render_booth_summary(everyone, printed_at=PRINTED),
            args.out / "booth-summary.png", work)  # fmt: skip
        (work / "settlement-all.pdf").write_bytes(render_settlement(everyone, printed_at=PRINTED))
        db.close()
    print(f"written to {args.out}/ (sample partner {partner}, day sheet of {busiest})")


if __name__ == "__main__":
    main()
