"""The whole event as screens name it starts on the first FAIR day, not the set-up day."""

from __future__ import annotations

from datetime import date

from boothpos.core import partner_view, reports
from boothpos.core.partner_access import PartnerSession


def test_sales_period_is_the_fair_days_while_the_figures_keep_set_up_intake(booth):
    booth.sell("kopi")  # fair day 1 (28 Feb); the intake was on the set-up day (27 Feb)
    assert reports.event_period(booth.db) == (date(2024, 2, 27), date(2024, 3, 3))
    assert reports.sales_period(booth.db) == (date(2024, 2, 28), date(2024, 3, 3))
    settlement = reports.settle(booth.db)  # the figures still count the set-up day's intake
    kopi = next(p for p in settlement.partners if p.code == booth.product["kopi"].partner.code)
    assert kopi.stock.received > 0


def test_a_sale_before_the_fair_widens_the_named_period(booth):
    booth.sell("kopi", at=booth.time(0, 17))  # sold on the set-up day: it counts
    assert reports.sales_period(booth.db)[0] == date(2024, 2, 27)


def test_partner_dashboard_says_sold_since_the_first_fair_day(booth):
    booth.sell(("kopi", 2))
    partner = booth.product["kopi"].partner
    session = PartnerSession(partner.id, partner.code, partner.name)
    dash = partner_view.dashboard(booth.db, session, today=date(2024, 2, 29))
    assert dash.to_date.first == date(2024, 2, 27)  # the figures: intake included
    assert dash.to_date.sales_from == date(2024, 2, 28)  # what "sold since" names
    assert dash.to_date.qty == 2
