"""Day reports and settlement: hand-checked figures, then properties over random fairs.

The hand-checked scenario (``fair`` below) is small enough to verify with a
pencil; the hypothesis tests run random sales, voids, refunds, discounts,
closes and stock moves on a real SQLite file and check the invariants of
:mod:`boothpos.core.reports` against a model kept beside them, then check
that ``report settlement --json``, the settlement PDF's text and the XLSX
export say the same numbers.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from conftest import CATALOG, FIRST_DAY, fair_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from boothpos.cli import main
from boothpos.core import days, export, money, partner_terms, reports, returns, sales, stock
from boothpos.core import db as dbmod
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.core.codes import METHODS
from boothpos.core.db import write_transaction
from boothpos.core.errors import DayClosed, NotFound, RefusedInput, SaleError
from boothpos.documents.layout import rp
from boothpos.documents.settlement import minus, render_settlement

DAY_1, DAY_2, DAY_3 = date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1)


def ints_only(value, path="$"):
    """Every number in a JSON-like value is an int (no float, no bool); None allowed."""
    if isinstance(value, dict):
        for k, v in value.items():
            ints_only(v, f"{path}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            ints_only(v, f"{path}[{i}]")
    else:
        assert value is None or isinstance(value, str) or type(value) is int, (path, value)


# ---------------------------------------------------------------- a hand-checked fair


@pytest.fixture
def fair(booth):
    """Day 1 (float 200.000): S1 kopi×2 −10.000 + gelang, QRIS 100.000 + cash 100.000
    (change 5.000); S2 kalung by debit, voided; S3 noken, exact cash.
    Day 2: one kopi of S1 refunded in cash (restocked), tenun by transfer."""
    days.open_day(booth.db, DAY_1, opening_float=200_000, user_id=booth.supervisor.id)
    s1 = checkout(
        booth.db,
        [CartLine(booth.pid("kopi"), 2, 10_000), CartLine(booth.pid("gelang"))],
        [Tender("qris", 100_000), Tender("cash", 100_000)],
        cashier=booth.kasir,
        at=booth.time(1, 10),
    )
    s2 = booth.sell("kalung", pay=[Tender("debit")], at=booth.time(1, 11))
    returns.void_sale(
        booth.db,
        s2.receipt_no,
        requested_by=booth.kasir,
        supervisor=booth.supervisor,
        reason="salah scan",
        at=booth.time(1, 11, 5),
    )
    booth.sell("noken", at=booth.time(1, 12))
    returns.refund_sale(
        booth.db,
        s1.receipt_no,
        {1: 1},
        cashier=booth.kasir,
        supervisor=booth.supervisor,
        reason="kemasan rusak",
        at=booth.time(2, 9),
    )
    booth.sell("tenun", pay=[Tender("transfer")], at=booth.time(2, 10))
    return booth


def test_day_report_of_a_hand_checked_day(fair):
    report = reports.day_report(fair.db, DAY_1)

    assert report.to_json() == {
        "date": "2024-02-28",
        "z_number": None,
        "transactions": 2,
        "voids": 1,
        "gross": 330_000,
        "discounts": 10_000,
        "refunds": 0,
        "net": 320_000,
        "by_method": {"cash": 220_000, "qris": 100_000, "debit": 0, "credit": 0, "transfer": 0},
        "cash": {
            "opening_float": 200_000,
            "expected": 420_000,
            "counted": None,
            "difference": None,
        },
        "partners": [
            {"code": "ACH01", "name": "Kopi Gayo Takengon", "qty": 2, "net": 160_000},
            {"code": "AMB01", "name": "Mutiara Ambon Lestari", "qty": 1, "net": 35_000},
            {"code": "JPR01", "name": "Noken Mama Papua", "qty": 1, "net": 125_000},
        ],
    }
    assert report.kind == "X" and report.refund_count == 0


def test_a_refund_counts_on_its_own_day_for_the_partner_and_method(fair):
    report = reports.day_report(fair.db, DAY_2)

    assert (report.transactions, report.refund_count, report.voids) == (1, 1, 0)
    assert (report.gross, report.discounts, report.refunds, report.net) == (
        450_000,
        0,
        80_000,  # 85.000 minus half of the 10.000 line discount
        370_000,
    )
    assert report.by_method["cash"] == -80_000 and report.by_method["transfer"] == 450_000
    assert report.cash.to_json() == {
        "opening_float": 0,
        "expected": -80_000,
        "counted": None,
        "difference": None,
    }
    assert [p.to_json() for p in report.partners] == [
        {"code": "ACH01", "name": "Kopi Gayo Takengon", "qty": -1, "net": -80_000},
        {"code": "NTT01", "name": "Tenun Ikat Sikka", "qty": 1, "net": 450_000},
    ]


def test_settlement_of_the_whole_event(fair):
    partner_terms.set_event_commission(fair.db, 1000, user=fair.admin)  # 10 %
    partner_terms.set_partner_commission(fair.db, "JPR01", 0, user=fair.admin)  # zero override
    partner_terms.set_partner_commission(fair.db, "NTT01", 1250, user=fair.admin)  # 12,5 %

    result = reports.settle(fair.db).to_json()

    assert (result["from"], result["to"]) == ("2024-02-27", "2024-03-03")  # set-up day intake
    assert result["partners"] == [
        {
            "code": "ACH01", "name": "Kopi Gayo Takengon", "qty": 1, "gross": 170_000,
            "discounts": 10_000, "refunds": 80_000, "net": 80_000, "commission": 8_000,
            "payout": 72_000,
            "stock": {"received": 20, "sold": 1, "returned": 0, "adjusted": 0, "on_hand": 19},
        },
        {
            "code": "AMB01", "name": "Mutiara Ambon Lestari", "qty": 1, "gross": 35_000,
            "discounts": 0, "refunds": 0, "net": 35_000, "commission": 3_500, "payout": 31_500,
            "stock": {"received": 13, "sold": 1, "returned": 0, "adjusted": 0, "on_hand": 12},
        },
        {
            "code": "JPR01", "name": "Noken Mama Papua", "qty": 1, "gross": 125_000,
            "discounts": 0, "refunds": 0, "net": 125_000, "commission": 0, "payout": 125_000,
            "stock": {"received": 5, "sold": 1, "returned": 0, "adjusted": 0, "on_hand": 4},
        },
        {
            "code": "NTT01", "name": "Tenun Ikat Sikka", "qty": 1, "gross": 450_000,
            "discounts": 0, "refunds": 0, "net": 450_000, "commission": 56_250,
            "payout": 393_750,
            "stock": {"received": 1, "sold": 1, "returned": 0, "adjusted": 0, "on_hand": 0},
        },
    ]  # fmt: skip
    assert result["totals"] == {
        "qty": 4,
        "gross": 780_000,
        "discounts": 10_000,
        "refunds": 80_000,
        "net": 690_000,
        "commission": 67_750,
        "payout": 622_250,
    }
    ints_only(result)


def test_a_period_with_only_a_refund_takes_commission_back(fair):
    partner_terms.set_event_commission(fair.db, 1000, user=fair.admin)

    day_2 = reports.settle(fair.db, first=DAY_2, last=DAY_2, partner="ACH01")

    (kopi,) = day_2.partners
    assert (kopi.qty, kopi.net, kopi.commission, kopi.payout) == (-1, -80_000, -8_000, -72_000)
    assert kopi.stock == reports.StockFigures(
        opening=18, received=0, sold=-1, returned=0, adjusted=0, on_hand=19
    )


def test_commission_is_rounded_once_per_partner_per_period(booth):
    partner_terms.set_event_commission(booth.db, 3, user=booth.admin)  # 0,03 %
    booth.sell("gelang", at=booth.time(1, 10))  # 35.000 → 10,5 → 11
    booth.sell("gelang", at=booth.time(2, 10))

    one_day = reports.settle(booth.db, first=DAY_1, last=DAY_1, partner="AMB01").partners[0]
    both = reports.settle(booth.db, first=DAY_1, last=DAY_2, partner="AMB01").partners[0]

    assert one_day.commission == 11  # half rounds up
    assert both.commission == 21  # 70.000 × 0,03 % = 21, not 11 + 11
    assert both.payout == 70_000 - 21


def test_stock_moves_of_every_kind(fair):
    with write_transaction(fair.db):
        stock.record_moves(
            fair.db, "adjustment", [(fair.pid("kalung"), -1)], at=fair.time(3, 9), day="2024-03-01"
        )
        stock.record_moves(
            fair.db, "return", [(fair.pid("noken"), -2)], at=fair.time(3, 9), day="2024-03-01"
        )
        stock.record_moves(
            fair.db, "intake", [(fair.pid("noken"), 4)], at=fair.time(3, 9), day="2024-03-01"
        )
    returns.refund_sale(
        fair.db,
        "INA24-T1-0228-00003",  # the noken: refunded, not restocked
        cashier=fair.kasir,
        supervisor=fair.supervisor,
        reason="tidak jadi",
        restock=False,
        at=fair.time(3, 10),
    )

    by_code = {p.code: p for p in reports.settle(fair.db).partners}

    assert by_code["AMB01"].stock == reports.StockFigures(0, 13, 1, 0, -1, 11)
    noken = by_code["JPR01"]
    assert noken.stock == reports.StockFigures(0, 9, 1, 2, 0, 6)
    assert noken.qty == 0  # sold one, refunded one; the goods stayed with the customer
    for p in by_code.values():
        s = p.stock
        assert s.received - s.sold - s.returned + s.adjusted == s.on_hand
    period = reports.settle(fair.db, first=DAY_3, last=DAY_3, partner="JPR01").partners[0]
    assert period.stock == reports.StockFigures(4, 4, 0, 2, 0, 6)


def test_explicit_bounds_reproduce_the_whole_event(fair):
    whole = reports.settle(fair.db).to_json()
    again = reports.settle(
        fair.db, first=date.fromisoformat(whole["from"]), last=date.fromisoformat(whole["to"])
    ).to_json()

    assert again == whole


def test_partner_filter_and_refusals(fair):
    one = reports.settle(fair.db, partner="jpr01")
    assert [p.code for p in one.partners] == ["JPR01"]
    assert one.totals.net == 125_000

    with pytest.raises(NotFound):
        reports.settle(fair.db, partner="XXX99")
    with pytest.raises(RefusedInput) as refused:
        reports.settle(fair.db, first=DAY_3, last=DAY_1)
    assert refused.value.msg is reports.BAD_PERIOD


def test_settlement_detail_by_day_and_product(fair):
    detail = reports.settle(fair.db, detail=True)

    kopi = next(p for p in detail.partners if p.code == "ACH01")
    assert [(d.day, d.figures.net) for d in kopi.days][:2] == [(DAY_1, 160_000), (DAY_2, -80_000)]
    assert len(kopi.days) == 5  # every fair day, even without sales
    assert [(p.name, p.figures.qty, p.figures.net) for p in kopi.products] == [
        ("Kopi Arabika Gayo 250 g", 1, 80_000)
    ]
    assert [d.figures.net for d in detail.by_day] == [320_000, 370_000, 0, 0, 0]
    assert sum(detail.by_method.values()) == detail.totals.net == 690_000
    assert (detail.transactions, detail.voids, detail.refund_count) == (3, 1, 1)


def test_partner_day_sheet_lines(fair):
    sheet = reports.partner_day(fair.db, DAY_2, "ACH01")

    assert [(line.kind, line.qty, line.line_total, line.refund_of) for line in sheet.lines] == [
        ("refund", -1, -80_000, "INA24-T1-0228-00001")
    ]
    assert sheet.partner.net == -80_000 and sheet.voided_lines == 0
    assert reports.partner_day(fair.db, DAY_1, "AMB01").voided_lines == 1


def test_counted_lines_add_up_to_net(fair):
    first, last, rows = reports.counted_lines(fair.db)

    assert (first, last) == (date(2024, 2, 27), date(2024, 3, 3))
    assert sum(r["line_total"] for r in rows) == 690_000
    assert all(r["line_total"] == r["gross"] - r["discount"] - r["refund"] for r in rows)
    assert "INA24-T1-0228-00002" not in {r["receipt_no"] for r in rows}  # voided
    assert set(rows[0]) == set(reports.LINE_COLUMNS)


# ---------------------------------------------------------------- random fairs

KEYS = list(CATALOG)
TENDERS = ("exact", "cash_round", "qris", "split", "debit", "credit", "transfer")
RATES = (None, 0, 3, 333, 1000, 1250)

sale_op = st.tuples(
    st.just("sale"),
    st.integers(1, 3),
    st.lists(
        st.tuples(st.sampled_from(KEYS), st.integers(1, 3), st.integers(0, 100)),
        min_size=1,
        max_size=3,
        unique_by=lambda t: t[0],
    ),
    st.sampled_from(TENDERS),
)
void_op = st.tuples(st.just("void"), st.integers(0, 40))
refund_op = st.tuples(
    st.just("refund"),
    st.integers(0, 40),
    st.integers(0, 2),
    st.booleans(),
    st.sampled_from(METHODS),
    st.booleans(),
)
close_op = st.tuples(st.just("close"), st.integers(1, 5), st.integers(0, 3_000_000))
move_op = st.tuples(
    st.just("move"),
    st.sampled_from(("adjustment", "return", "intake")),
    st.sampled_from(KEYS),
    st.integers(-3, 3).filter(bool),
    st.integers(1, 4),
)
fairs = st.tuples(
    st.lists(
        st.integers(0, 9).flatmap(
            lambda k: sale_op if k < 6 else void_op if k < 7 else refund_op if k < 9 else move_op
        ),
        min_size=8,
        max_size=30,
    ).flatmap(
        lambda ops: st.lists(st.tuples(st.integers(0, len(ops)), close_op), max_size=3).map(
            lambda closes: _with_closes(ops, closes)
        )
    ),
    st.sampled_from([0, 3, 1000, 1250]),
    st.fixed_dictionaries(
        {code: st.sampled_from(RATES) for code in sorted({c[0] for c in CATALOG.values()})}
    ),
)


def _with_closes(ops, closes):
    """Insert a few day closes among the operations (later operations on that day are refused)."""
    merged = list(ops)
    for position, op in sorted(closes, key=lambda c: -c[0]):
        merged.insert(position, op)
    return merged


@dataclass
class Model:
    """What the reports must say, kept from the operations themselves."""

    partner: dict = field(default_factory=dict)  # code -> [qty, gross, discounts, refunds]
    by_day: dict = field(default_factory=dict)  # day -> {method: amount}
    sale_parts: dict = field(default_factory=dict)  # receipt -> (day, parts, methods)

    def add(self, code, qty=0, gross=0, discounts=0, refunds=0, sign=1):
        row = self.partner.setdefault(code, [0, 0, 0, 0])
        for i, v in enumerate((qty, gross, discounts, refunds)):
            row[i] += sign * v

    def pay(self, day, method, amount):
        methods = self.by_day.setdefault(day, dict.fromkeys(METHODS, 0))
        methods[method] += amount


def _copy(booth, tmp_path, n):
    path = tmp_path / f"fair-{n}.db"
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"fair-{n}.db{suffix}").unlink(missing_ok=True)
    target = sqlite3.connect(path)
    booth.db.conn.backup(target)
    target.close()
    return dbmod.connect(path), path


def _tenders(kind, total):
    if kind == "exact":
        return [Tender("cash")]
    if kind == "cash_round":
        return [Tender("cash", -(-total // 50_000) * 50_000 if total else 0)]
    if kind == "split":
        part = total // 2
        return [Tender("qris", part), Tender("cash", total - part + 7_000)] if part else []
    return [Tender(kind)]


def run_fair(booth, db, ops, event_rate, overrides) -> Model:
    model = Model()
    partner_terms.set_event_commission(db, event_rate, user=booth.admin)
    for code, rate in overrides.items():
        partner_terms.set_partner_commission(db, code, rate, user=booth.admin)
    done: list = []  # SaleResult of completed sales (kind sale)
    for i, op in enumerate(ops):
        kind = op[0]
        try:
            if kind == "sale":
                _, day_no, items, how = op
                cart, parts = [], []
                for key, qty, pct in items:
                    product = booth.product[key]
                    gross = qty * product.price
                    discount = gross * pct // 100
                    cart.append(CartLine(product.id, qty, discount))
                    parts.append((product.partner.code, qty, gross, discount))
                total = sum(g - d for _, _, g, d in parts)
                result = checkout(
                    db, cart, _tenders(how, total), cashier=booth.kasir,
                    at=fair_time(day_no, 10, i),
                )  # fmt: skip
                sale = sales.get_sale(db, result.receipt_no)
                day = result.day.isoformat()
                for code, qty, gross, discount in parts:
                    model.add(code, qty, gross, discount)
                paid = {}
                for p in sale.payments:
                    paid[p.method] = paid.get(p.method, 0) + p.amount
                paid["cash"] = paid.get("cash", 0) - sale.change
                for method, amount in paid.items():
                    model.pay(day, method, amount)
                model.sale_parts[result.receipt_no] = (day, parts, paid)
                done.append(result)
            elif kind == "void" and done:
                target = done[op[1] % len(done)]
                day_no = (target.day - FIRST_DAY).days + 1
                returns.void_sale(
                    db, target.receipt_no, requested_by=booth.kasir, supervisor=booth.supervisor,
                    reason="acak", at=fair_time(day_no, 18, i),
                )  # fmt: skip
                day, parts, paid = model.sale_parts[target.receipt_no]
                for code, qty, gross, discount in parts:
                    model.add(code, qty, gross, discount, sign=-1)
                for method, amount in paid.items():
                    model.pay(day, method, -amount)
            elif kind == "refund" and done:
                _, index, offset, restock, method, everything = op
                target = done[index % len(done)]
                day_no = (target.day - FIRST_DAY).days + 1 + offset
                back = returns.refund_sale(
                    db, target.receipt_no, None if everything else {1: 1},
                    cashier=booth.kasir, supervisor=booth.supervisor, reason="acak",
                    restock=restock, method=method, at=fair_time(day_no, 19, i),
                )  # fmt: skip
                for line in sales.get_sale(db, back.receipt_no).lines:
                    model.add(line.partner_code, qty=line.qty, refunds=-line.line_total)
                model.pay(back.day.isoformat(), method, back.total)
            elif kind == "close":
                _, day_no, counted = op
                days.close_day(
                    db, FIRST_DAY + timedelta(days=day_no - 1), user=booth.supervisor,
                    counted_cash=counted, at=fair_time(day_no, 21, i),
                )  # fmt: skip
            elif kind == "move":
                _, move, key, qty, day_no = op
                signed = -abs(qty) if move == "return" else abs(qty) if move == "intake" else qty
                at = fair_time(day_no, 9, i)
                with write_transaction(db):
                    stock.record_moves(
                        db, move, [(booth.pid(key), signed)], at=at, day=at.date().isoformat()
                    )
        except (DayClosed, SaleError):
            continue  # refused (closed day, already voided/refunded): nothing changed
    return model


def check_invariants(db, model, event_rate, overrides):
    settlement = reports.settle(db, detail=True)
    payload = settlement.to_json()
    ints_only(payload)
    by_code = {p.code: p for p in settlement.partners}
    for code, (qty, gross, discounts, refunds) in model.partner.items():
        p = by_code[code]
        assert (p.qty, p.gross, p.discounts, p.refunds) == (qty, gross, discounts, refunds), code
    for p in settlement.partners:
        rate = event_rate if overrides[p.code] is None else overrides[p.code]
        assert p.rate_bp == rate
        assert p.commission == money.commission(p.net, rate)
        assert p.payout + p.commission == p.net
        s = p.stock
        assert s.opening == 0
        assert s.received - s.sold - s.returned + s.adjusted == s.on_hand
        assert (
            s.on_hand
            == db.execute(
                "SELECT SUM(on_hand) FROM products WHERE partner_id = ?", (p.partner_id,)
            ).fetchone()[0]
        )
    totals = settlement.totals
    assert totals.net == sum(p.net for p in settlement.partners)
    assert totals.payout + totals.commission == totals.net
    paid = db.execute(
        "SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.sale_id NOT IN "
        "(SELECT sale_id FROM voids)"
    ).fetchone()[0]
    change = db.execute(
        "SELECT COALESCE(SUM(change), 0) FROM sales WHERE id NOT IN (SELECT sale_id FROM voids)"
    ).fetchone()[0]
    assert totals.net == paid - change  # refunds are negative payments
    assert sum(settlement.by_method.values()) == totals.net

    day_net = 0
    first, last = settlement.first, settlement.last
    day = first
    while day <= last:
        report = reports.day_report(db, day)
        payload = report.to_json()
        ints_only(payload)
        assert report.gross - report.discounts - report.refunds == report.net
        assert sum(report.by_method.values()) == report.net
        assert sum(p.net for p in report.partners) == report.net
        assert report.cash.expected == report.cash.opening_float + report.by_method["cash"]
        expected_methods = model.by_day.get(day.isoformat(), dict.fromkeys(METHODS, 0))
        assert report.by_method == expected_methods, day
        if report.status == "closed":
            assert report.cash.difference == report.cash.counted - report.cash.expected
        else:
            assert (report.z_number, report.cash.counted, report.cash.difference) == (
                None,
                None,
                None,
            )
        day_net += report.net
        day += timedelta(days=1)
    assert day_net == totals.net

    for lo, hi in ((DAY_1, DAY_2), (DAY_2, DAY_3), (DAY_3, date(2024, 3, 3))):
        part = reports.settle(db, first=lo, last=hi)
        nets = sum(
            reports.day_report(db, lo + timedelta(days=k)).net for k in range((hi - lo).days + 1)
        )
        assert part.totals.net == nets
        for p in part.partners:
            s = p.stock
            assert s.opening + s.received - s.sold - s.returned + s.adjusted == s.on_hand
    z_numbers = [
        r[0] for r in db.execute("SELECT z_number FROM day_events WHERE kind = 'close' ORDER BY id")
    ]
    assert z_numbers == list(range(1, len(z_numbers) + 1))
    return settlement


counter = iter(range(10**9))


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(fair=fairs)
def test_random_fairs_keep_the_books_consistent(booth, tmp_path, fair):
    ops, event_rate, overrides = fair
    db, _ = _copy(booth, tmp_path, next(counter))
    try:
        model = run_fair(booth, db, ops, event_rate, overrides)
        check_invariants(db, model, event_rate, overrides)
    finally:
        db.close()


def _page_texts_by_partner(pdf: bytes) -> dict[str, str]:
    texts: dict[str, str] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        text = page.extract_text()
        code = next(c for c in sorted({v[0] for v in CATALOG.values()}) if f"{c} ·" in text)
        texts[code] = texts.get(code, "") + "\n" + text
    return texts


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(fair=fairs)
def test_json_pdf_and_xlsx_say_the_same_numbers(booth, tmp_path, fair):
    ops, event_rate, overrides = fair
    n = next(counter)
    db, path = _copy(booth, tmp_path, n)
    try:
        run_fair(booth, db, ops, event_rate, overrides)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["--db", str(path), "report", "settlement", "--json"]) == 0
        payload = json.loads(out.getvalue())
        ints_only(payload)

        settlement = reports.settle(db, detail=True)
        assert settlement.to_json() == payload
        pages = _page_texts_by_partner(render_settlement(settlement))
        for p in payload["partners"]:
            text = pages[p["code"]]
            for key in ("gross", "net"):
                assert rp(p[key]) in text, (p["code"], key)
            assert f"sebesar {rp(p['payout'])}." in text  # the sentence above the signatures
            assert minus(p["commission"]) in text
            assert minus(p["discounts"]) in text and minus(p["refunds"]) in text

        xlsx = tmp_path / f"settlement-{n}.xlsx"
        assert (
            main(["--db", str(path), "export", "settlement", "--format", "xlsx", "-o", str(xlsx)])
            == 0
        )
        sheet = load_workbook(xlsx, read_only=True)["Rekap Mitra"]
        rows = list(sheet.iter_rows(values_only=True))
        header, body = rows[0], rows[1:]
        by_code = {row[0]: dict(zip(header, row, strict=True)) for row in body}
        for p in payload["partners"]:
            row = by_code[p["code"]]
            for key in ("qty", "gross", "discounts", "refunds", "net", "commission", "payout"):
                assert row[key] == p[key] and type(row[key]) is int, (p["code"], key)
            for key, value in p["stock"].items():
                assert row[key] == value
        total = by_code["JUMLAH"]
        for key, value in payload["totals"].items():
            assert total[key] == value
    finally:
        db.close()


def test_export_rows_match_the_settlement(fair):
    settlement = reports.settle(fair.db, detail=True)
    rows = export.settlement_rows(settlement)
    assert [r["net"] for r in rows] == [p.net for p in settlement.partners]
    assert export.settlement_total_row(settlement)["net"] == 690_000
    stock_rows = export.stock_rows(settlement)
    assert sum(r["on_hand"] for r in stock_rows) == settlement.stock.on_hand
    assert sum(r["net"] for r in stock_rows) == 690_000
