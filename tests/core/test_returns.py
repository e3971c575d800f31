"""Voids and refunds: new records that point back; the original sale is never touched."""

from __future__ import annotations

import pytest

from boothpos.core import audit, check, export, returns, sales
from boothpos.core.checkout import Tender
from boothpos.core.errors import DayClosed, NotFound, PermissionDenied, SaleError


def sale_row(booth, receipt_no: str) -> tuple:
    return (
        booth.reopen().execute("SELECT * FROM sales WHERE receipt_no = ?", (receipt_no,)).fetchone()
    )


def line_rows(booth, sale_id: int) -> list[tuple]:
    return (
        booth.reopen()
        .execute("SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no", (sale_id,))
        .fetchall()
    )


def void(booth, receipt_no: str, *, supervisor=None, reason="salah scan", at=None):
    return returns.void_sale(
        booth.db,
        receipt_no,
        requested_by=booth.kasir,
        supervisor=supervisor or booth.supervisor,
        reason=reason,
        at=at or booth.time(1, 16),
    )


def refund(booth, receipt_no: str, lines=None, *, at=None, supervisor=None, **kwargs):
    kwargs.setdefault("reason", "barang cacat")
    return returns.refund_sale(
        booth.db,
        receipt_no,
        lines,
        cashier=booth.kasir,
        supervisor=supervisor or booth.supervisor,
        at=at or booth.time(2, 11),
        **kwargs,
    )


def export_status(booth, receipt_no: str) -> str:
    return next(s["status"] for s in export.sales(booth.reopen()) if s["receipt_no"] == receipt_no)


# --- void ---------------------------------------------------------------------------------


def test_void_records_who_asked_who_approved_and_why(booth):
    sale = booth.sell(("kopi", 2), at=booth.time(1, 10))

    result = void(booth, sale.receipt_no, reason="  pelanggan batal  ", at=booth.time(1, 10, 5))

    row = (
        booth.reopen()
        .execute("SELECT id, sale_id, at, user_id, approved_by, reason, uuid FROM voids")
        .fetchone()
    )
    assert row[:6] == (
        result.void_id,
        sale.sale_id,
        "2024-02-28T10:05:00+07:00",
        booth.kasir.id,
        booth.supervisor.id,
        "pelanggan batal",
    )
    assert row[6]
    assert (result.receipt_no, result.total) == (sale.receipt_no, 170_000)


def test_void_puts_the_goods_back_on_hand(booth):
    sale = booth.sell(("kopi", 2), "noken")

    result = void(booth, sale.receipt_no)

    assert booth.on_hand("kopi") == booth.ledger("kopi") == 20
    assert booth.on_hand("noken") == booth.ledger("noken") == 5
    moves = (
        booth.reopen()
        .execute("SELECT product_id, kind, qty, void_id FROM stock_moves WHERE kind = 'void'")
        .fetchall()
    )
    assert sorted(moves) == sorted(
        [
            (booth.pid("kopi"), "void", 2, result.void_id),
            (booth.pid("noken"), "void", 1, result.void_id),
        ]
    )


def test_void_leaves_the_original_sale_lines_and_payments_untouched(booth):
    sale = booth.sell(("kopi", 2, 10_000), pay=[Tender("cash", 200_000)])
    before = (
        sale_row(booth, sale.receipt_no),
        line_rows(booth, sale.sale_id),
        booth.count("payments"),
    )

    void(booth, sale.receipt_no)

    after = (
        sale_row(booth, sale.receipt_no),
        line_rows(booth, sale.sale_id),
        booth.count("payments"),
    )
    assert after == before
    assert booth.count("sales") == 1


def test_a_voided_sale_reads_back_and_exports_as_voided(booth):
    sale = booth.sell("kopi")

    void(booth, sale.receipt_no, reason="salah harga")

    read = sales.get_sale(booth.reopen(), sale.receipt_no)
    assert (read.status, read.void_reason) == ("voided", "salah harga")
    assert export_status(booth, sale.receipt_no) == "voided"


def test_void_writes_an_audit_entry(booth):
    sale = booth.sell("kopi")

    void(booth, sale.receipt_no, reason="salah scan")

    entry = audit.entries(booth.reopen(), action="sale.void")[0]
    assert entry["user_id"] == booth.supervisor.id
    assert entry["entity_id"] == sale.receipt_no
    assert entry["detail"]["reason"] == "salah scan"


def test_void_by_an_attendant_as_supervisor_is_refused(booth):
    sale = booth.sell("kopi")
    before = booth.snapshot()

    with pytest.raises(PermissionDenied) as refused:
        void(booth, sale.receipt_no, supervisor=booth.kasir)

    assert refused.value.exit_code == 2
    assert booth.snapshot() == before


def test_an_admin_may_approve_a_void(booth):
    sale = booth.sell("kopi")

    void(booth, sale.receipt_no, supervisor=booth.admin)

    assert export_status(booth, sale.receipt_no) == "voided"


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_void_without_a_reason_is_refused(booth, reason):
    sale = booth.sell("kopi")
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        void(booth, sale.receipt_no, reason=reason)

    assert refused.value.msg is returns.NEEDS_REASON
    assert booth.snapshot() == before


def test_voiding_twice_is_refused(booth):
    sale = booth.sell("kopi")
    void(booth, sale.receipt_no)
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        void(booth, sale.receipt_no)

    assert refused.value.msg is returns.ALREADY_VOIDED
    assert booth.snapshot() == before
    assert booth.on_hand("kopi") == 20


def test_void_of_a_sale_from_an_earlier_day_is_refused(booth):
    sale = booth.sell("kopi", at=booth.time(1, 20))
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        void(booth, sale.receipt_no, at=booth.time(2, 9))

    assert refused.value.msg is returns.VOID_OTHER_DAY
    assert booth.snapshot() == before


def test_void_after_a_refund_is_refused(booth):
    sale = booth.sell(("kopi", 2), at=booth.time(1, 10))
    refund(booth, sale.receipt_no, {1: 1}, at=booth.time(1, 11))
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        void(booth, sale.receipt_no, at=booth.time(1, 12))

    assert refused.value.msg is returns.VOID_AFTER_REFUND
    assert booth.snapshot() == before


def test_a_refund_receipt_cannot_be_voided(booth):
    sale = booth.sell("kopi", at=booth.time(1, 10))
    back = refund(booth, sale.receipt_no, at=booth.time(1, 11))

    with pytest.raises(SaleError) as refused:
        void(booth, back.receipt_no, at=booth.time(1, 12))

    assert refused.value.msg is returns.NOT_A_SALE


def test_void_on_a_closed_day_is_refused(booth):
    sale = booth.sell("kopi", at=booth.time(1, 10))
    booth.db.execute(
        "INSERT INTO day_events (day, kind, at, z_number) "
        "VALUES ('2024-02-28', 'close', '2024-02-28T21:00:00+07:00', 1)"
    )
    before = booth.snapshot()

    with pytest.raises(DayClosed):
        void(booth, sale.receipt_no, at=booth.time(1, 21, 30))

    assert booth.snapshot() == before


def test_the_database_checks_out_after_voids(booth):
    for _ in range(3):
        void(booth, booth.sell(("kopi", 2), "tenun").receipt_no)

    assert check.run_checks(booth.reopen()).ok
    assert booth.on_hand("tenun") == 1


def test_void_of_an_unknown_receipt_is_refused(booth):
    with pytest.raises(NotFound) as refused:
        void(booth, "INA24-T1-0228-00099")

    assert refused.value.exit_code == 2
    assert booth.count("voids") == 0


# --- refund -------------------------------------------------------------------------------


def test_a_whole_refund_is_a_new_negative_record_pointing_back(booth):
    sale = booth.sell(("kopi", 2), "noken", at=booth.time(1, 10))

    back = refund(booth, sale.receipt_no, reason="tidak jadi", at=booth.time(2, 11))

    row = (
        booth.reopen()
        .execute(
            "SELECT kind, seq, receipt_no, day, total, change, refund_of, reason, approved_by, "
            "cashier_id FROM sales WHERE id = ?",
            (back.sale_id,),
        )
        .fetchone()
    )
    assert row == (
        "refund",
        2,
        "INA24-T1-0229-00002",
        "2024-02-29",
        -295_000,
        0,
        sale.sale_id,
        "tidak jadi",
        booth.supervisor.id,
        booth.kasir.id,
    )
    assert back.total == -295_000
    read = sales.get_sale(booth.reopen(), back.receipt_no)
    assert read.refund_of == sale.receipt_no
    assert read.status == "refund"
    assert [(ln.qty, ln.discount, ln.line_total) for ln in read.lines] == [
        (-2, 0, -170_000),
        (-1, 0, -125_000),
    ]
    assert [(p.method, p.amount) for p in read.payments] == [("cash", -295_000)]


def test_refund_lines_point_back_to_the_original_lines(booth):
    sale = booth.sell(("kopi", 2), "noken")

    back = refund(booth, sale.receipt_no)

    original = sales.get_sale(booth.reopen(), sale.receipt_no).lines
    refunded = sales.get_sale(booth.reopen(), back.receipt_no).lines
    assert [ln.refund_of_line for ln in refunded] == [ln.id for ln in original]
    assert [(ln.name, ln.partner_code, ln.unit_price) for ln in refunded] == [
        (ln.name, ln.partner_code, ln.unit_price) for ln in original
    ]


def test_a_refund_leaves_the_original_sale_untouched(booth):
    sale = booth.sell(("kopi", 2), "noken")
    before = (sale_row(booth, sale.receipt_no), line_rows(booth, sale.sale_id))

    refund(booth, sale.receipt_no)

    assert (sale_row(booth, sale.receipt_no), line_rows(booth, sale.sale_id)) == before
    assert export_status(booth, sale.receipt_no) == "completed"


def test_a_refund_exports_with_status_refund_and_negative_amounts(booth):
    sale = booth.sell(("kopi", 2))

    back = refund(booth, sale.receipt_no)

    record = next(s for s in export.sales(booth.reopen()) if s["receipt_no"] == back.receipt_no)
    assert record["status"] == "refund"
    assert record["total"] == -170_000
    assert record["lines"][0]["qty"] == -2
    assert record["payments"] == [{"method": "cash", "amount": -170_000, "reference": ""}]


def test_partial_refund_of_some_pieces_of_one_line(booth):
    sale = booth.sell(("kopi", 3), "noken")

    back = refund(booth, sale.receipt_no, {1: 2})

    lines = sales.get_sale(booth.reopen(), back.receipt_no).lines
    assert [(ln.line_no, ln.product_id, ln.qty, ln.line_total) for ln in lines] == [
        (1, booth.pid("kopi"), -2, -170_000)
    ]
    assert back.total == -170_000
    assert booth.on_hand("kopi") == booth.ledger("kopi") == 19
    assert booth.on_hand("noken") == booth.ledger("noken") == 4


def test_partial_refund_of_a_later_line_only(booth):
    sale = booth.sell("kopi", ("noken", 2))

    back = refund(booth, sale.receipt_no, {2: 1})

    lines = sales.get_sale(booth.reopen(), back.receipt_no).lines
    assert [(ln.line_no, ln.name, ln.qty) for ln in lines] == [(1, "Noken Anyaman Kecil", -1)]


def test_refund_without_lines_refunds_only_what_is_left(booth):
    sale = booth.sell(("kopi", 3), "noken")
    refund(booth, sale.receipt_no, {1: 1})

    rest = refund(booth, sale.receipt_no)

    lines = sales.get_sale(booth.reopen(), rest.receipt_no).lines
    assert [(ln.name, ln.qty) for ln in lines] == [
        ("Kopi Arabika Gayo 250 g", -2),
        ("Noken Anyaman Kecil", -1),
    ]
    assert rest.total == -(2 * 85_000 + 125_000)


def test_refunding_more_than_was_sold_is_refused(booth):
    sale = booth.sell(("kopi", 2))
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        refund(booth, sale.receipt_no, {1: 3})

    assert refused.value.msg is returns.TOO_MANY
    assert booth.snapshot() == before


def test_over_refund_is_refused_across_two_refunds(booth):
    sale = booth.sell(("kopi", 3))
    refund(booth, sale.receipt_no, {1: 2})
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        refund(booth, sale.receipt_no, {1: 2})

    assert refused.value.msg is returns.TOO_MANY
    assert "1" in refused.value.message("en")
    assert booth.snapshot() == before


def test_a_fully_refunded_sale_has_nothing_left_to_refund(booth):
    sale = booth.sell(("kopi", 2))
    refund(booth, sale.receipt_no)
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        refund(booth, sale.receipt_no)

    assert refused.value.msg is returns.NOTHING_TO_REFUND
    assert booth.snapshot() == before


@pytest.mark.parametrize("qty", [0, -1])
def test_refunding_zero_or_negative_pieces_is_refused(booth, qty):
    sale = booth.sell(("kopi", 2))
    before = booth.snapshot()

    with pytest.raises(SaleError):
        refund(booth, sale.receipt_no, {1: qty})

    assert booth.snapshot() == before


def test_refunding_a_line_the_receipt_does_not_have_is_refused(booth):
    sale = booth.sell("kopi")

    with pytest.raises(SaleError) as refused:
        refund(booth, sale.receipt_no, {2: 1})

    assert refused.value.msg is returns.NO_SUCH_LINE


def test_a_refund_of_a_discounted_line_returns_its_share_of_the_discount(booth):
    sale = booth.sell(("kopi", 4, 20_000))  # 340.000 − 20.000 = 320.000

    back = refund(booth, sale.receipt_no, {1: 1})

    line = sales.get_sale(booth.reopen(), back.receipt_no).lines[0]
    assert (line.qty, line.discount, line.line_total) == (-1, -5_000, -80_000)


def test_refunding_a_discounted_line_in_pieces_returns_exactly_the_line_total(booth):
    sale = booth.sell(("kopi", 3, 10_000))  # 255.000 − 10.000 = 245.000 (not divisible by 3)

    totals = [refund(booth, sale.receipt_no, {1: 1}).total for _ in range(3)]

    assert sum(totals) == -245_000
    refunded = booth.reopen().execute(
        "SELECT SUM(qty), SUM(discount), SUM(line_total) FROM sale_lines WHERE refund_of_line "
        "IS NOT NULL"
    )
    assert refunded.fetchone() == (-3, -10_000, -245_000)
    assert check.run_checks(booth.reopen()).ok


def test_no_partial_refund_takes_money_from_the_customer(booth):
    # A discount of all but 1 rupiah, refunded piece by piece: rounding each
    # refund on its own once left the last refund line at +1 rupiah.
    sale = booth.sell(("gelang", 3, 104_999))  # 105.000 − 104.999 = 1

    backs = [refund(booth, sale.receipt_no, {1: 1}) for _ in range(3)]

    assert sum(b.total for b in backs) == -1
    for back in backs:
        assert back.total <= 0
        line = sales.get_sale(booth.reopen(), back.receipt_no).lines[0]
        assert line.line_total <= 0
        assert -line.unit_price <= line.discount <= 0
    assert check.run_checks(booth.reopen()).ok


def test_a_restocking_refund_puts_the_goods_back(booth):
    sale = booth.sell(("kopi", 2))

    back = refund(booth, sale.receipt_no, restock=True)

    assert booth.on_hand("kopi") == booth.ledger("kopi") == 20
    moves = (
        booth.reopen()
        .execute("SELECT product_id, kind, qty FROM stock_moves WHERE sale_id = ?", (back.sale_id,))
        .fetchall()
    )
    assert moves == [(booth.pid("kopi"), "refund", 2)]


def test_a_refund_without_restock_leaves_stock_alone(booth):
    sale = booth.sell(("kopi", 2))

    back = refund(booth, sale.receipt_no, restock=False, reason="barang rusak")

    assert booth.on_hand("kopi") == booth.ledger("kopi") == 18
    assert booth.count("stock_moves", "sale_id = ?", (back.sale_id,)) == 0
    assert check.run_checks(booth.reopen()).ok


def test_refund_by_qris_stores_method_and_reference(booth):
    sale = booth.sell("noken", pay=[Tender("qris", reference="QR-1")])

    back = refund(booth, sale.receipt_no, method="qris", reference=" QR-REV-9 ")

    payments = sales.get_sale(booth.reopen(), back.receipt_no).payments
    assert [(p.method, p.amount, p.reference) for p in payments] == [("qris", -125_000, "QR-REV-9")]


def test_refund_with_an_unknown_method_is_refused(booth):
    sale = booth.sell("noken")
    before = booth.snapshot()

    with pytest.raises(SaleError):
        refund(booth, sale.receipt_no, method="gopay")

    assert booth.snapshot() == before


def test_refund_of_a_voided_sale_is_refused(booth):
    sale = booth.sell("kopi")
    void(booth, sale.receipt_no)
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        refund(booth, sale.receipt_no)

    assert refused.value.msg is returns.ALREADY_VOIDED
    assert booth.snapshot() == before


def test_refund_of_an_unknown_receipt_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(NotFound):
        refund(booth, "INA24-T1-0228-00099")

    assert booth.snapshot() == before


def test_refund_of_a_refund_is_refused(booth):
    sale = booth.sell("kopi")
    back = refund(booth, sale.receipt_no)

    with pytest.raises(SaleError) as refused:
        refund(booth, back.receipt_no)

    assert refused.value.msg is returns.NOT_A_SALE


def test_refund_approved_by_an_attendant_is_refused(booth):
    sale = booth.sell("kopi")
    before = booth.snapshot()

    with pytest.raises(PermissionDenied):
        refund(booth, sale.receipt_no, supervisor=booth.kasir)

    assert booth.snapshot() == before


def test_refund_without_a_reason_is_refused(booth):
    sale = booth.sell("kopi")
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        refund(booth, sale.receipt_no, reason=" ")

    assert refused.value.msg is returns.NEEDS_REASON
    assert booth.snapshot() == before


def test_refund_writes_an_audit_entry(booth):
    sale = booth.sell("kopi")

    back = refund(booth, sale.receipt_no, restock=False)

    entry = audit.entries(booth.reopen(), action="sale.refund")[0]
    assert entry["user_id"] == booth.supervisor.id
    assert entry["entity_id"] == back.receipt_no
    assert entry["detail"]["refund_of"] == sale.receipt_no
    assert entry["detail"]["restock"] is False
    assert entry["detail"]["total"] == -85_000


def test_the_database_checks_out_after_mixed_refunds(booth):
    a = booth.sell(("kopi", 3, 1_000), ("noken", 2, 3), at=booth.time(1, 10))
    b = booth.sell(("tenun", 2), "gelang", pay=[Tender("qris", 500_000), Tender("cash")])
    refund(booth, a.receipt_no, {1: 1, 2: 1}, at=booth.time(2, 10))
    refund(booth, a.receipt_no, at=booth.time(3, 10), restock=False)
    refund(booth, b.receipt_no, {2: 1}, at=booth.time(3, 11), method="qris")

    report = check.run_checks(booth.reopen())
    assert report.ok, [f.message("en") for f in report.findings]
    assert report.counts["sales"] == 5


def test_a_refund_is_numbered_under_the_till_code_read_inside_its_transaction(booth, monkeypatch):
    """A restore may switch the till code after the refund read the event: the new code wins."""
    sale = booth.sell("kopi", at=booth.time(1, 10))
    read_event = returns.get_event

    def event_then_switched(database):
        event = read_event(database)  # what the refund builds its inputs from (till T1)
        database.execute("UPDATE event SET till_code = 'T1R1' WHERE id = 1")
        return event

    monkeypatch.setattr(returns, "get_event", event_then_switched)
    result = refund(booth, sale.receipt_no, at=booth.time(1, 11))

    assert result.receipt_no == "INA24-T1R1-0228-00001"
    row = booth.reopen().execute(
        "SELECT till_code, seq FROM sales WHERE receipt_no = ?", (result.receipt_no,)
    )
    assert row.fetchone() == ("T1R1", 1)
    report = check.run_checks(booth.reopen())
    assert report.ok, [f.message("en") for f in report.findings]


def test_refund_preview_equals_what_the_refund_gives_back(booth):
    from boothpos.core.returns import refund_preview
    from boothpos.core.sales import get_sale, refunded_qty_by_line

    key = next(iter(booth.product))
    price = booth.product[key].price
    sold = booth.sell((key, 3, price - 1), pay=[Tender("cash", 3 * price)])
    for qty in (1, 1, 1):
        sale = get_sale(booth.db, sold.receipt_no)
        preview = refund_preview(sale, refunded_qty_by_line(booth.db, sale.id), {1: qty})
        result = returns.refund_sale(
            booth.db,
            sold.receipt_no,
            {1: qty},
            cashier=booth.kasir,
            supervisor=booth.supervisor,
            reason="tidak jadi",
            at=booth.time(1, 12),
        )
        assert result.total == -preview
