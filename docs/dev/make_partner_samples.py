"""Render docs/partner-card.png and docs/partner-slip.png from the demo event.

    PYTHONPATH=. python docs/dev/make_partner_samples.py [--out docs] [--keep DIR]

Builds the demo event, sells four fair days (core checkout, with discounts,
voids and refunds), gives the sample partner (largest net among those with a
refund and a discount) a 10 % commission, then writes the first A4 page of
partner cards and that partner's slip (80 mm) as seen on the evening of fair
day 4, and renders both with ``pdftoppm -png -r 100``.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from make_report_samples import png  # run as a script: docs/dev is on the path

from boothpos.core import db as dbmod
from boothpos.core import demo, partner_access, partner_terms, partner_view, reports, users
from boothpos.core.demo_sales import simulate_fair
from boothpos.core.event import get_event
from boothpos.documents.partner_card import render_partner_cards
from boothpos.documents.partner_slip import render_partner_slip

AT = datetime(2024, 3, 2, 19, 45, tzinfo=ZoneInfo("Asia/Jakarta"))  # fair day 4, evening


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--keep", type=Path, help="also keep the PDFs and database here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        db = dbmod.connect(work / "partner-samples.db", create=True)
        demo.build_demo(db)
        simulate_fair(db, sales_per_day=[35, 45, 50, 55, 0], refund_every=15, discount_share=0.15)
        partners = reports.settle(db).partners
        code = max(partners, key=lambda p: (p.refunds > 0, p.discounts > 0, p.net)).code
        admin = users.get_user(db, "admin")
        partner_terms.set_partner_commission(db, code, 1000, user=admin)
        png(render_partner_cards(partner_access.cards(db), get_event(db).name),
            args.out / "partner-card.png", work, dpi=100)  # fmt: skip
        pin = partner_access.set_partner_pin(db, code, admin=admin)
        session = partner_access.authenticate_partner(db, f"MITRA-{code}", pin, at=AT)
        dash = partner_view.dashboard(db, session, at=AT)
        png(render_partner_slip(dash, width_mm=80), args.out / "partner-slip.png", work, dpi=100)
        db.close()
    print(f"written to {args.out}/ (sample partner {code})")


if __name__ == "__main__":
    main()
