"""A partner sees their own figures and nothing else (boothpos.core.partner_view).

On the full demo event (51 partners, 82 products) with five simulated fair
days, for EVERY partner A:

- the dashboard and the slip text hold no other partner's name or code;
- every figure equals A's row of ``reports.settle(...)`` for the same period
  (today, each fair day, each product, the to-date totals and stock);
- every SQL statement the view runs binds A's id (traced with
  ``set_trace_callback``): nothing reads all partners and filters afterwards.

A hypothesis property adds that other partners' sales, voids, refunds and
stock moves never change A's dashboard.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boothpos.core import (
    barcodes,
    demo,
    demo_sales,
    event,
    partner_access,
    partner_terms,
    partner_view,
    reports,
    returns,
    stock,
    users,
)
from boothpos.core import db as dbmod
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.core.errors import AuthError, PermissionDenied
from boothpos.core.money import format_rupiah
from boothpos.core.partner_access import PartnerSession, set_partner_pin
from boothpos.documents import partner_slip

WIB = ZoneInfo("Asia/Jakarta")
FAIR = [date(2024, 2, 28) + timedelta(days=i) for i in range(5)]
DAY_3 = FAIR[2]
LAST = FAIR[-1]
SETTLEMENT_KEYS = ("qty", "gross", "discounts", "refunds", "net", "commission", "payout", "stock")


# ---------------------------------------------------------------- the demo fair


@dataclass
class Fair:
    db: object
    sessions: dict[str, PartnerSession]
    names: dict[str, str]  # code → name of every partner


@pytest.fixture(scope="module")
def fair(tmp_path_factory) -> Iterator[Fair]:
    """The demo event, five fair days of sales, 10 % commission (one partner at 0 %, one 15 %)."""
    db = dbmod.connect(tmp_path_factory.mktemp("partner_view") / "fair.db", create=True)
    demo.build_demo(db)
    admin = users.get_user(db, "admin")
    partner_terms.set_event_commission(db, 1000, user=admin)
    codes = [code for (code,) in db.execute("SELECT code FROM partners ORDER BY code")]
    partner_terms.set_partner_commission(db, codes[0], 0, user=admin)
    partner_terms.set_partner_commission(db, codes[1], 1500, user=admin)
    demo_sales.simulate_fair(db, sales_per_day=45, refund_every=12, void_every=20)
    sessions = {}
    for n, code in enumerate(codes):
        pin = f"{100000 + n * 7919:06d}"
        partner_access.set_partner_pin(db, code, admin=admin, pin=pin)
        sessions[code] = partner_access.authenticate_partner(db, f"MITRA-{code}", pin)
    names = dict(db.execute("SELECT code, name FROM partners").fetchall())
    yield Fair(db, sessions, names)
    db.close()


def rows_of(settlement: reports.Settlement) -> dict[str, dict]:
    return {row["code"]: row for row in settlement.to_json()["partners"]}


@pytest.fixture(scope="module")
def settled(fair):
    """Settlements to compare with: per fair day, and to date at day 3 and the last day."""
    per_day = {d: rows_of(reports.settle(fair.db, first=d, last=d)) for d in FAIR}
    return per_day


def others_in(text: str, fair: Fair, code: str) -> list[str]:
    """Names and codes of partners other than ``code`` that appear in ``text``."""
    own = fair.names[code]
    found = []
    for other, name in fair.names.items():
        if other == code:
            continue
        if re.search(rf"\b{re.escape(other)}\b", text):
            found.append(other)
        if name in text and name not in own:
            found.append(name)
    return found


def test_the_demo_fair_has_what_the_isolation_test_needs(fair):
    """Refunds across days, voids, discounts, commission at three rates: all exercised;
    and the leak detector finds other partners where they are (the booth's settlement)."""
    whole = reports.settle(fair.db)
    booth_text = json.dumps(whole.to_json(), ensure_ascii=False)
    for code in fair.names:
        assert len(others_in(booth_text, fair, code)) == 2 * 50
    assert len(whole.partners) == 51
    assert sum(p.refunds > 0 for p in whole.partners) >= 5
    assert sum(p.discounts > 0 for p in whole.partners) >= 5
    assert {p.rate_bp for p in whole.partners} == {0, 1000, 1500}
    assert fair.db.execute("SELECT COUNT(*) FROM voids").fetchone()[0] >= 5


@pytest.mark.parametrize("today", [DAY_3, LAST])
def test_every_partner_sees_only_their_own_figures(fair, settled, today):
    at = datetime.combine(today, datetime.min.time(), WIB).replace(hour=20, minute=30)
    for code, session in fair.sessions.items():
        dash = partner_view.dashboard(fair.db, session, at=at)
        assert dash.today.day == today and (dash.code, dash.name) == (code, fair.names[code])

        # no name or code of any other partner, in the data or on the slip
        texts = [
            json.dumps(dash.to_json(), ensure_ascii=False),
            repr(dash),
            partner_slip.slip_text(dash, lang="id"),
            partner_slip.slip_text(dash, lang="en"),
        ]
        for text in texts:
            assert others_in(text, fair, code) == [], code

        # to date: A's row of the settlement of the same period, to the rupiah and piece
        period = reports.settle(fair.db, first=dash.to_date.first, last=dash.to_date.last)
        row = rows_of(period)[code]
        shown = dash.to_date.to_json()
        assert {k: shown[k] for k in SETTLEMENT_KEYS} == {k: row[k] for k in SETTLEMENT_KEYS}
        assert (shown["from"], shown["to"]) == (period.to_json()["from"], period.to_json()["to"])
        assert dash.to_date.last == today and dash.on_hand == row["stock"]["on_hand"]

        # today and each fair day: A's row of that day's settlement
        assert (dash.today.qty, dash.today.net) == (
            settled[today][code]["qty"],
            settled[today][code]["net"],
        )
        assert [d.day for d in dash.days] == [d for d in FAIR if d <= today]
        for d in dash.days:
            assert (d.qty, d.net) == (settled[d.day][code]["qty"], settled[d.day][code]["net"])
            assert d.day_number == FAIR.index(d.day) + 1
        assert sum(d.qty for d in dash.days) == dash.to_date.qty
        assert sum(d.net for d in dash.days) == dash.to_date.net

        # each product: A's product lines of the detailed settlement
        (detail,) = reports.settle(
            fair.db, first=dash.to_date.first, last=dash.to_date.last, partner=code, detail=True
        ).partners
        assert [(p.barcode, p.name, p.price, p.qty, p.net, p.on_hand) for p in dash.products] == [
            (p.barcode, p.name, p.price, p.figures.qty, p.figures.net, p.stock.on_hand)
            for p in detail.products
        ]
        assert sum(p.on_hand for p in dash.products) == dash.on_hand
        assert dash.payout + dash.commission == dash.to_date.net


def test_the_slip_shows_the_dashboard_figures(fair):
    code = max(fair.sessions, key=lambda c: reports.settle(fair.db, partner=c).partners[0].refunds)
    dash = partner_view.dashboard(fair.db, fair.sessions[code], today=LAST)
    text = partner_slip.slip_text(dash, lang="id")
    for needle in (
        "SLIP PENJUALAN MITRA",
        f"{code} · {fair.names[code]}",
        "HARI INI · Min 03/03 (hari ke-5)",
        f"Penjualan bersih  {format_rupiah(dash.today.net)}",
        "S.D. HARI INI · 27/02 – 03/03/2024",
        f"Pengembalian dana  {format_rupiah(-dash.to_date.refunds)}",
        f"HAK MITRA  {format_rupiah(dash.payout)}",
        f"STOK DI BOOTH  {dash.on_hand} pcs",
        "Dicetak",
    ):
        assert needle in text, needle
    assert dash.to_date.refunds > 0
    for product in dash.products:
        assert product.name in text and product.barcode in text
    english = partner_slip.slip_text(dash, lang="en")
    assert "PARTNER SALES SLIP" in english and "DUE TO PARTNER" in english


def test_every_statement_of_the_view_binds_the_partner(fair):
    """Traced SQL: each statement compares partner_id (or the partner row's id) with A's id."""
    binding = re.compile(r"(?:\bpartner_id|\bpa\.id|\bWHERE id)\s*(?:=|!=)\s*(\d+)")
    for code, session in fair.sessions.items():
        statements: list[str] = []
        fair.db.conn.set_trace_callback(statements.append)
        try:
            dash = partner_view.dashboard(fair.db, session, today=DAY_3)
            lines = partner_slip.slip_lines(dash)
        finally:
            fair.db.conn.set_trace_callback(None)
        assert lines and len(statements) >= 5
        for sql in statements:
            bound = set(binding.findall(sql))
            assert bound == {str(session.partner_id)}, (code, sql)
            assert not re.search(r"\bFROM partners\b(?!.*\bWHERE\b)", sql, re.S), sql


def test_the_slip_needs_no_database(fair):
    dash = partner_view.dashboard(fair.db, next(iter(fair.sessions.values())), today=DAY_3)
    statements: list[str] = []
    fair.db.conn.set_trace_callback(statements.append)
    try:
        partner_slip.slip_lines(dash, lang="id")
        partner_slip.slip_text(dash, lang="en")
    finally:
        fair.db.conn.set_trace_callback(None)
    assert statements == []


def test_only_a_partner_session_opens_the_view(fair):
    code, session = next(iter(fair.sessions.items()))
    admin = users.get_user(fair.db, "admin")
    for not_a_session in (None, code, session.partner_id, admin, {"partner_id": 1}):
        with pytest.raises(PermissionDenied):
            partner_view.dashboard(fair.db, not_a_session)
    # a session that is not what sign-in made: another partner's id with this code
    other = next(s for c, s in fair.sessions.items() if c != code)
    for forged in (
        PartnerSession(other.partner_id, code, session.name),
        PartnerSession(99_999, code, session.name),
    ):
        with pytest.raises(AuthError):
            partner_view.dashboard(fair.db, forged)


def test_wrong_or_locked_pins_give_no_session(fair):
    code = sorted(fair.sessions)[-1]
    for _ in range(partner_access.MAX_FAILURES):
        with pytest.raises(AuthError) as caught:
            partner_access.authenticate_partner(fair.db, code, "000000")
        assert fair.names[code] not in caught.value.message()
    with pytest.raises(AuthError):  # locked now: even the right PIN gives nothing
        partner_access.authenticate_partner(fair.db, code, f"{100000 + 50 * 7919:06d}")
    admin = users.get_user(fair.db, "admin")
    partner_access.set_partner_pin(fair.db, code, admin=admin, pin=f"{100000 + 50 * 7919:06d}")


def test_before_the_fair_and_by_default_today(fair):
    code, session = next(iter(fair.sessions.items()))
    early = partner_view.dashboard(fair.db, session, today=date(2024, 2, 20))
    assert early.days == () and early.today.qty == early.today.net == 0
    assert (early.to_date.first, early.to_date.last) == (date(2024, 2, 20),) * 2
    assert early.on_hand == 0 and early.payout == 0
    assert {p.on_hand for p in early.products} == {0}
    # without ``today``: the fair day of ``at`` in the event's zone
    at = datetime(2024, 2, 29, 23, 30, tzinfo=ZoneInfo("UTC"))  # 1 March 06:30 WIB
    dash = partner_view.dashboard(fair.db, session, at=at)
    assert dash.today.day == date(2024, 3, 1) and dash.as_of == "2024-03-01T06:30:00+07:00"
    # after the fair: every fair day listed, the totals are the whole event's
    after = partner_view.dashboard(fair.db, session, today=date(2024, 3, 10))
    assert [d.day for d in after.days] == FAIR and after.today.day_number is None
    whole = rows_of(reports.settle(fair.db))[code]
    assert {k: after.to_date.to_json()[k] for k in SETTLEMENT_KEYS} == {
        k: whole[k] for k in SETTLEMENT_KEYS
    }


# ---------------------------------------------------------------- a product changes hands


def test_a_product_moved_to_another_partner_keeps_its_sales_with_the_seller(booth):
    admin = booth.admin
    for code, pin in (("AMB01", "1357"), ("JPR01", "2468")):
        partner_access.set_partner_pin(booth.db, code, admin=admin, pin=pin)
    amb = partner_access.authenticate_partner(booth.db, "AMB01", "1357")
    jpr = partner_access.authenticate_partner(booth.db, "JPR01", "2468")
    booth.sell(("gelang", 2), at=booth.time(1, 11))
    booth.db.execute(
        "UPDATE products SET partner_id = ? WHERE id = ?", (jpr.partner_id, booth.pid("gelang"))
    )
    booth.sell(("gelang", 1), "noken", at=booth.time(2, 11))
    today = booth.time(2).date()
    for session in (amb, jpr):
        dash = partner_view.dashboard(booth.db, session, today=today)
        row = rows_of(reports.settle(booth.db, first=dash.to_date.first, last=today))[session.code]
        assert {k: dash.to_date.to_json()[k] for k in SETTLEMENT_KEYS} == {
            k: row[k] for k in SETTLEMENT_KEYS
        }
    amb_dash = partner_view.dashboard(booth.db, amb, today=today)
    jpr_dash = partner_view.dashboard(booth.db, jpr, today=today)
    gelang = {p.name: p for p in amb_dash.products}["Gelang Mutiara"]
    assert (gelang.qty, gelang.net, gelang.on_hand) == (2, 70_000, 0)
    gelang = {p.name: p for p in jpr_dash.products}["Gelang Mutiara"]
    assert (gelang.qty, gelang.on_hand) == (1, 0)  # 3 received − 2 − 1
    assert "Mutiara Ambon" not in json.dumps(jpr_dash.to_json())
    assert "Noken" not in json.dumps(amb_dash.to_json())


# ---------------------------------------------------------------- property: others never show


MINI_PARTNERS = (("AAA1", "Alpha Anyaman"), ("BBB2", "Beta Batik"), ("CCC3", "Gamma Gerabah"))


@dataclass
class Mini:
    db: object
    kasir: users.User
    supervisor: users.User
    products: dict[int, list[int]]  # partner id → product ids
    partners: list[int]


def mini_booth() -> Mini:
    """An in-memory event: 3 partners × 2 products, intake on set-up day (no scrypt)."""
    db = dbmod.connect_memory()
    event.create_event(
        db, name="Mini Fair", first_day=FAIR[0], days=5, receipt_prefix="MIN", commission_bp=1250
    )
    created = "2024-02-27T16:00:00+07:00"
    staff = []
    for name, role in (("kasir", "attendant"), ("spv", "supervisor")):
        uid = db.execute(
            "INSERT INTO users (username, display_name, role, pin_hash, created_at) "
            "VALUES (?, ?, ?, 'x', ?)",
            (name, name, role, created),
        ).lastrowid
        staff.append(users.User(uid, name, name, role))
    partners, products = [], {}
    n = 0
    for code, name in (
        ("AAA1", "Alpha Anyaman"),
        ("BBB2", "Beta Batik"),
        ("CCC3", "Gamma Gerabah"),
    ):
        pid = db.execute(
            "INSERT INTO partners (code, name, created_at) VALUES (?, ?, ?)", (code, name, created)
        ).lastrowid
        partners.append(pid)
        for price in (25_000, 137_500):
            n += 1
            payload = f"899{n:09d}"
            product = db.execute(
                "INSERT INTO products (barcode, name, partner_id, price, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (payload + str(barcodes.check_digit(payload)), f"{name} {n}", pid, price, created),
            ).lastrowid
            products.setdefault(pid, []).append(product)
            stock.record_move(
                db, product, "intake", 6, at=datetime(2024, 2, 27, 16, tzinfo=WIB),
                day="2024-02-27", user_id=staff[1].id,
            )  # fmt: skip
    return Mini(db, staff[0], staff[1], products, partners)


# a sale: day (0-4), lines of (partner index, product index, qty, discount?), then voided?
# refund of one line of it (restocked?) a day later or not at all.
line_st = st.tuples(st.integers(0, 2), st.integers(0, 1), st.integers(1, 3), st.booleans())
sale_st = st.tuples(
    st.integers(0, 3),
    st.lists(line_st, min_size=1, max_size=3),
    st.sampled_from(["keep", "void", "refund", "refund_restock"]),
)


def run_sales(mini: Mini, sales, only_partners: set[int] | None, minute: int) -> None:
    for n, (day, lines, after) in enumerate(sales):
        cart = {}
        for partner, product, qty, discount in lines:
            pid = mini.partners[partner]
            if only_partners is not None and pid not in only_partners:
                continue
            product_id = mini.products[pid][product]
            old = cart.get(product_id)
            qty = qty + (old.qty if old else 0)
            price = 25_000 if product == 0 else 137_500
            cart[product_id] = CartLine(product_id, qty, price * qty // 10 if discount else 0)
        if not cart:
            continue
        at = datetime.combine(FAIR[day], datetime.min.time(), WIB).replace(
            hour=10 + n % 8, minute=minute + n % 10
        )
        sale = checkout(mini.db, list(cart.values()), [Tender("cash")], cashier=mini.kasir, at=at)
        if after == "void":
            returns.void_sale(
                mini.db, sale.receipt_no, requested_by=mini.kasir, supervisor=mini.supervisor,
                reason="salah", at=at + timedelta(minutes=1),
            )  # fmt: skip
        elif after.startswith("refund"):
            returns.refund_sale(
                mini.db, sale.receipt_no, {1: 1}, cashier=mini.kasir,
                supervisor=mini.supervisor, reason="cacat", restock=after == "refund_restock",
                at=at + timedelta(days=1),
            )  # fmt: skip


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    base=st.lists(sale_st, max_size=6),
    extra=st.lists(sale_st, min_size=1, max_size=6),
    who=st.integers(0, 2),
    today=st.integers(0, 4),
)
def test_other_partners_activity_never_changes_a_partners_dashboard(base, extra, who, today):
    mini = mini_booth()
    me = mini.partners[who]
    code, name = mini.db.execute("SELECT code, name FROM partners WHERE id = ?", (me,)).fetchone()
    session = PartnerSession(me, code, name)
    at = datetime.combine(FAIR[today], datetime.min.time(), WIB).replace(hour=21)
    run_sales(mini, base, None, 0)
    before = partner_view.dashboard(mini.db, session, at=at)
    # others sell, void, refund and take stock in and back: nothing of it reaches A
    others = set(mini.partners) - {me}
    run_sales(mini, extra, others, 30)
    other_product = mini.products[sorted(others)[0]][0]
    stock.record_move(
        mini.db, other_product, "adjustment", -2, at=at - timedelta(hours=2),
        day=FAIR[today].isoformat(), user_id=mini.supervisor.id,
    )  # fmt: skip
    after = partner_view.dashboard(mini.db, session, at=at)
    assert after == before
    # and the to-date totals are A's row of the settlement of that period
    row = rows_of(reports.settle(mini.db, first=after.to_date.first, last=after.to_date.last))
    shown = after.to_date.to_json()
    assert {k: shown[k] for k in SETTLEMENT_KEYS} == {
        k: row[session.code][k] for k in SETTLEMENT_KEYS
    }
    text = partner_slip.slip_text(after) + json.dumps(after.to_json())
    names = dict(mini.db.execute("SELECT code, name FROM partners").fetchall())
    for code, name in names.items():
        if code != session.code:
            assert code not in text and name not in text


def test_a_sale_dated_after_today_counts_as_it_does_in_report_settlement(booth):
    """The to-date period used to end today: a sale rung up with a later time was left out."""
    from boothpos.core import clock

    set_partner_pin(booth.db, "ACH01", admin=booth.admin, pin="4321")
    now = clock.now()
    booth.sell(("kopi", 2), at=now)
    booth.sell(("kopi", 3), at=now + timedelta(days=2))  # `sell --at` a later day
    session = partner_access.authenticate_partner(booth.db, "ACH01", "4321")

    dash = partner_view.dashboard(booth.db, session)

    (row,) = [p for p in reports.settle(booth.db).to_json()["partners"] if p["code"] == "ACH01"]
    shown = dash.to_date.to_json()
    assert {k: shown[k] for k in SETTLEMENT_KEYS} == {k: row[k] for k in SETTLEMENT_KEYS}
    assert shown["qty"] == 5 and dash.on_hand == row["stock"]["on_hand"]
    assert dash.today.qty == 2
