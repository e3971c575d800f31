"""Checkout: a cart becomes one committed sale, on a real database file."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import UTC, date, datetime

import pytest

from boothpos.core import audit, check, checkout, days, db, event, returns, sales, users
from boothpos.core.checkout import CartLine, Tender
from boothpos.core.errors import DayClosed, NotFound, PaymentError, SaleError


def assert_nothing_written(booth, before: dict[str, int]) -> None:
    assert booth.snapshot() == before


def payments_of(booth, result) -> list[tuple[str, int, str]]:
    return (
        booth.reopen()
        .execute(
            "SELECT method, amount, reference FROM payments WHERE sale_id = ? ORDER BY id",
            (result.sale_id,),
        )
        .fetchall()
    )


# --- the sale and what it writes ------------------------------------------------------


def test_sale_row_is_committed_with_receipt_number_day_time_and_cashier(booth):
    result = booth.sell(("kalung", 2), "kopi", at=booth.time(1, 10, 15))

    row = (
        booth.reopen()
        .execute(
            "SELECT kind, till_code, seq, receipt_no, day, time, cashier_id, total, change, "
            "refund_of FROM sales WHERE id = ?",
            (result.sale_id,),
        )
        .fetchone()
    )
    assert row == (
        "sale",
        "T1",
        1,
        "INA24-T1-0228-00001",
        "2024-02-28",
        "2024-02-28T10:15:00+07:00",
        booth.kasir.id,
        2 * 250_000 + 85_000,
        0,
        None,
    )
    assert result.receipt_no == "INA24-T1-0228-00001"
    assert result.total == 585_000
    assert result.day == date(2024, 2, 28)
    assert result.warnings == ()


def test_lines_carry_snapshots_of_product_partner_and_price(booth):
    result = booth.sell(("kalung", 2), ("kopi", 1, 5_000))

    lines = (
        booth.reopen()
        .execute(
            "SELECT line_no, product_id, barcode, name, partner_code, partner_name, qty, "
            "unit_price, discount, line_total FROM sale_lines WHERE sale_id = ? ORDER BY line_no",
            (result.sale_id,),
        )
        .fetchall()
    )
    kalung, kopi = booth.product["kalung"], booth.product["kopi"]
    assert lines == [
        (1, kalung.id, kalung.barcode, "Kalung Mutiara Laut", "AMB01", "Mutiara Ambon Lestari",
         2, 250_000, 0, 500_000),
        (2, kopi.id, kopi.barcode, "Kopi Arabika Gayo 250 g", "ACH01", "Kopi Gayo Takengon",
         1, 85_000, 5_000, 80_000),
    ]  # fmt: skip


def test_sale_keeps_old_name_partner_and_price_after_the_catalog_changes(booth):
    result = booth.sell(("kalung", 2))
    booth.db.execute(
        "UPDATE products SET name = 'Kalung Mutiara Baru', price = 300000 WHERE id = ?",
        (booth.pid("kalung"),),
    )
    booth.db.execute("UPDATE partners SET name = 'Mutiara Ambon Jaya' WHERE code = 'AMB01'")

    line = sales.get_sale(booth.reopen(), result.receipt_no).lines[0]
    assert (line.name, line.partner_name, line.unit_price, line.line_total) == (
        "Kalung Mutiara Laut",
        "Mutiara Ambon Lestari",
        250_000,
        500_000,
    )
    assert sales.get_sale(booth.reopen(), result.receipt_no).total == 500_000


def test_payments_are_committed_with_the_sale(booth):
    result = booth.sell("noken", pay=[Tender("cash", 150_000)])

    assert payments_of(booth, result) == [("cash", 150_000, "")]


def test_stock_moves_are_committed_and_the_cache_follows(booth):
    result = booth.sell(("kopi", 3), "noken", at=booth.time(1, 11))

    moves = (
        booth.reopen()
        .execute(
            "SELECT product_id, kind, qty, day, user_id FROM stock_moves WHERE sale_id = ? "
            "ORDER BY id",
            (result.sale_id,),
        )
        .fetchall()
    )
    assert moves == [
        (booth.pid("kopi"), "sale", -3, "2024-02-28", booth.kasir.id),
        (booth.pid("noken"), "sale", -1, "2024-02-28", booth.kasir.id),
    ]
    assert booth.on_hand("kopi") == booth.ledger("kopi") == 17
    assert booth.on_hand("noken") == booth.ledger("noken") == 4


def test_same_product_on_two_lines_moves_stock_twice(booth):
    booth.sell(("kopi", 2), ("kopi", 1, 1_000))

    assert booth.on_hand("kopi") == booth.ledger("kopi") == 17


def test_an_audit_entry_is_committed_with_the_sale(booth):
    result = booth.sell("kalung", "kopi", at=booth.time(1, 12))

    entries = audit.entries(booth.reopen(), action="sale.checkout")
    assert len(entries) == 1
    entry = entries[0]
    assert entry["user_id"] == booth.kasir.id
    assert entry["entity"] == "sale"
    assert entry["entity_id"] == result.receipt_no
    assert entry["at"] == "2024-02-28T12:00:00+07:00"
    assert entry["detail"] == {"total": 335_000, "lines": 2, "uuid": result.uuid}


def test_the_cashier_who_rang_up_the_sale_is_recorded(booth):
    result = booth.sell("kopi", cashier=booth.supervisor)

    sale = sales.get_sale(booth.reopen(), result.receipt_no)
    assert sale.cashier == "supervisor"


def test_sale_survives_closing_and_reopening_the_file(booth):
    result = booth.sell("kalung")
    booth.db.close()

    fresh = db.connect(booth.path)
    try:
        sale = sales.get_sale(fresh, result.receipt_no)
        assert (sale.total, sale.status, len(sale.lines), len(sale.payments)) == (
            250_000,
            "completed",
            1,
            1,
        )
        assert check.run_checks(fresh).ok
    finally:
        fresh.close()


def test_sales_read_back_in_receipt_order_by_day_and_by_search(booth):
    first = booth.sell("kopi", at=booth.time(1, 10))
    second = booth.sell("noken", at=booth.time(1, 11))
    third = booth.sell("kalung", at=booth.time(2, 10))
    fresh = booth.reopen()

    assert [s.receipt_no for s in sales.list_sales(fresh)] == [
        first.receipt_no,
        second.receipt_no,
        third.receipt_no,
    ]
    assert [s.receipt_no for s in sales.list_sales(fresh, day="2024-02-29")] == [third.receipt_no]
    assert [s.receipt_no for s in sales.list_sales(fresh, search="00002")] == [second.receipt_no]
    assert [s.receipt_no for s in sales.list_sales(fresh, limit=1)] == [first.receipt_no]
    assert sales.get_sale(fresh, f" {second.receipt_no} ").uuid == second.uuid


def test_an_unknown_receipt_is_not_found(booth):
    with pytest.raises(NotFound) as refused:
        sales.get_sale(booth.db, "INA24-T1-0228-00001")

    assert refused.value.exit_code == 2


# --- receipt numbers and identity -----------------------------------------------------


def test_receipt_numbers_are_gapless_across_fair_days(booth):
    numbers = [
        booth.sell("kopi", at=booth.time(1, 10)).receipt_no,
        booth.sell("kopi", at=booth.time(1, 18)).receipt_no,
        booth.sell("kopi", at=booth.time(2, 9)).receipt_no,
        booth.sell("kopi", at=booth.time(5, 20)).receipt_no,
    ]

    assert numbers == [
        "INA24-T1-0228-00001",
        "INA24-T1-0228-00002",
        "INA24-T1-0229-00003",
        "INA24-T1-0303-00004",
    ]
    seqs = [row[0] for row in booth.reopen().execute("SELECT seq FROM sales ORDER BY id")]
    assert seqs == [1, 2, 3, 4]


def test_a_refund_takes_the_next_number_in_the_same_sequence(booth):
    first = booth.sell("kopi", at=booth.time(1, 10))
    refund = returns.refund_sale(
        booth.db,
        first.receipt_no,
        cashier=booth.kasir,
        supervisor=booth.supervisor,
        reason="salah ukuran",
        at=booth.time(2, 10),
    )
    after = booth.sell("kopi", at=booth.time(2, 11))

    assert [first.receipt_no, refund.receipt_no, after.receipt_no] == [
        "INA24-T1-0228-00001",
        "INA24-T1-0229-00002",
        "INA24-T1-0229-00003",
    ]


def test_refused_sales_do_not_use_up_a_receipt_number(booth):
    booth.sell("kopi")
    with pytest.raises(PaymentError):
        booth.sell("kalung", pay=[Tender("cash", 1_000)])

    assert booth.sell("kopi").receipt_no == "INA24-T1-0228-00002"


def test_every_sale_has_a_unique_uuid4(booth):
    results = [booth.sell("kopi") for _ in range(3)]

    stored = [row[0] for row in booth.reopen().execute("SELECT uuid FROM sales ORDER BY id")]
    assert stored == [r.uuid for r in results]
    assert len(set(stored)) == 3
    assert all(uuid.UUID(value).version == 4 for value in stored)


def test_receipt_number_uses_the_events_till_code(tmp_path):
    database = db.connect(tmp_path / "till2.db", create=True)
    try:
        event.create_event(
            database,
            name="Pameran UMK",
            first_day=date(2024, 2, 28),
            days=3,
            receipt_prefix="UMK24",
            till_code="K2",
        )
        kasir = users.add_user(database, "kasir", "1111", "attendant")
        database.execute(
            "INSERT INTO partners (code, name, created_at) VALUES ('P1', 'Mitra', '2024-02-27')"
        )
        database.execute(
            "INSERT INTO products (barcode, name, partner_id, price, created_at) "
            "VALUES ('2000000000015', 'Batik', 1, 100000, '2024-02-27')"
        )
        result = checkout.checkout(
            database,
            [CartLine(1)],
            [Tender("cash")],
            cashier=kasir,
            at=datetime(2024, 2, 29, 9, 30, tzinfo=UTC),
        )
        assert result.receipt_no == "UMK24-K2-0229-00001"
        assert database.execute("SELECT till_code FROM sales").fetchone()[0] == "K2"
    finally:
        database.close()


def test_the_fair_day_is_the_date_in_jakarta_not_utc(booth):
    # 17:30 UTC on 28 Feb is 00:30 WIB on 29 Feb.
    result = booth.sell("kopi", at=datetime(2024, 2, 28, 17, 30, tzinfo=UTC))

    assert result.day == date(2024, 2, 29)
    assert result.receipt_no == "INA24-T1-0229-00001"
    row = booth.reopen().execute("SELECT day, time FROM sales").fetchone()
    assert row == ("2024-02-29", "2024-02-28T17:30:00+00:00")


# --- all or nothing ---------------------------------------------------------------------


def test_a_failure_after_the_lines_were_written_leaves_no_trace(booth, monkeypatch):
    before = booth.snapshot()
    real_record = audit.record
    lines_seen_inside: list[int] = []

    def failing_record(database, action, **kwargs):
        if action == "sale.checkout":
            lines_seen_inside.append(
                database.execute("SELECT COUNT(*) FROM sale_lines").fetchone()[0]
            )
            raise RuntimeError("disk yanked out")
        return real_record(database, action, **kwargs)

    monkeypatch.setattr(audit, "record", failing_record)
    with pytest.raises(RuntimeError, match="disk yanked out"):
        booth.sell(("kalung", 2), "kopi", pay=[Tender("qris", 100_000), Tender("cash")])

    assert lines_seen_inside == [2], "the failure must happen after the lines were inserted"
    assert_nothing_written(booth, before)
    assert booth.count("sales") == booth.count("sale_lines") == booth.count("payments") == 0
    assert booth.count("day_events") == 0  # the automatic day opening is rolled back too
    assert booth.on_hand("kalung") == 10
    assert not booth.db.conn.in_transaction

    monkeypatch.undo()
    assert booth.sell("kopi").receipt_no == "INA24-T1-0228-00001"
    assert check.run_checks(booth.reopen()).ok


# --- payments -----------------------------------------------------------------------------


def test_exact_cash(booth):
    result = booth.sell("kalung", pay=[Tender("cash", 250_000)])

    assert result.change == 0
    assert payments_of(booth, result) == [("cash", 250_000, "")]


def test_cash_above_the_total_gives_change(booth):
    result = booth.sell("kalung", pay=[Tender("cash", 300_000)])

    assert result.change == 50_000
    assert booth.reopen().execute("SELECT change FROM sales").fetchone()[0] == 50_000
    assert payments_of(booth, result) == [("cash", 300_000, "")]


def test_cash_without_amount_pays_exactly_the_total(booth):
    result = booth.sell("kalung", "kopi", pay=[Tender("cash")])

    assert result.change == 0
    assert payments_of(booth, result) == [("cash", 335_000, "")]


def test_no_tenders_means_exact_cash(booth):
    result = booth.sell("kopi", pay=[])

    assert payments_of(booth, result) == [("cash", 85_000, "")]


def test_split_qris_then_cash_remainder(booth):
    result = booth.sell("kalung", pay=[Tender("qris", 100_000, "QR-7781"), Tender("cash")])

    assert result.change == 0
    assert payments_of(booth, result) == [("qris", 100_000, "QR-7781"), ("cash", 150_000, "")]


def test_remainder_may_come_first_in_the_list(booth):
    result = booth.sell("kalung", pay=[Tender("debit"), Tender("cash", 50_000)])

    assert payments_of(booth, result) == [("debit", 200_000, ""), ("cash", 50_000, "")]


def test_split_debit_credit_transfer_exact_with_references(booth):
    result = booth.sell(
        "tenun",
        pay=[
            Tender("debit", 200_000, "EDC-0012"),
            Tender("credit", 150_000, "EDC-0013"),
            Tender("transfer", 100_000, " BRI 1234 "),
        ],
    )

    assert result.change == 0
    assert payments_of(booth, result) == [
        ("debit", 200_000, "EDC-0012"),
        ("credit", 150_000, "EDC-0013"),
        ("transfer", 100_000, "BRI 1234"),
    ]


def test_qris_plus_cash_with_change_from_the_cash(booth):
    result = booth.sell("kalung", pay=[Tender("qris", 200_000), Tender("cash", 100_000)])

    assert result.change == 50_000
    assert payments_of(booth, result) == [("qris", 200_000, ""), ("cash", 100_000, "")]


def test_short_payment_is_refused_and_nothing_is_written(booth):
    before = booth.snapshot()

    with pytest.raises(PaymentError) as refused:
        booth.sell("kalung", pay=[Tender("cash", 200_000)])

    assert refused.value.exit_code == 2
    assert refused.value.msg is checkout.SHORT
    assert "50.000" in refused.value.message("en")
    assert_nothing_written(booth, before)


def test_short_split_payment_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(PaymentError) as refused:
        booth.sell("kalung", pay=[Tender("qris", 100_000), Tender("debit", 100_000)])

    assert refused.value.msg is checkout.SHORT

    assert_nothing_written(booth, before)


def test_non_cash_above_the_total_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(PaymentError) as refused:
        booth.sell("kalung", pay=[Tender("qris", 300_000)])

    assert refused.value.exit_code == 2
    assert refused.value.msg is checkout.NONCASH_OVER
    assert_nothing_written(booth, before)


def test_non_cash_summing_above_the_total_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(PaymentError) as refused:
        booth.sell("kalung", pay=[Tender("debit", 200_000), Tender("credit", 100_000)])

    assert refused.value.msg is checkout.NONCASH_OVER

    assert_nothing_written(booth, before)


def test_two_remainders_are_refused(booth):
    before = booth.snapshot()

    with pytest.raises(PaymentError) as refused:
        booth.sell("kalung", pay=[Tender("qris"), Tender("cash")])

    assert refused.value.msg is checkout.TWO_REMAINDERS

    assert_nothing_written(booth, before)


def test_unknown_payment_method_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(PaymentError) as refused:
        booth.sell("kalung", pay=[Tender("gopay", 250_000)])

    assert refused.value.msg is checkout.BAD_METHOD
    assert "gopay" in refused.value.message("en")

    assert_nothing_written(booth, before)


def test_a_remainder_when_already_fully_paid_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(PaymentError) as refused:
        booth.sell("kalung", pay=[Tender("qris", 250_000), Tender("cash")])

    assert refused.value.msg is checkout.NO_REMAINDER

    assert_nothing_written(booth, before)


def test_a_remainder_after_overpaying_cash_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(PaymentError) as refused:
        booth.sell("kalung", pay=[Tender("cash", 300_000), Tender("qris")])

    assert refused.value.msg is checkout.NO_REMAINDER

    assert_nothing_written(booth, before)


@pytest.mark.parametrize("amount", [-1, 1.5, "250000", True])
def test_an_amount_that_is_not_a_whole_rupiah_figure_is_refused(booth, amount):
    before = booth.snapshot()

    with pytest.raises(PaymentError) as refused:
        booth.sell("kalung", pay=[Tender("cash", amount), Tender("qris")])

    assert refused.value.msg is checkout.BAD_AMOUNT

    assert_nothing_written(booth, before)


def test_settle_payments_skips_a_zero_tender():
    payments, change = checkout.settle_payments(
        100_000, [Tender("qris", 0), Tender("cash", 100_000)]
    )

    assert payments == [checkout.SettledPayment("cash", 100_000, "")]
    assert change == 0


# --- discounts ----------------------------------------------------------------------------


def test_line_discount_is_taken_off_that_line(booth):
    result = booth.sell(("kopi", 3, 15_000), ("kalung", 1, 0))

    lines = sales.get_sale(booth.reopen(), result.receipt_no).lines
    assert [(ln.qty, ln.unit_price, ln.discount, ln.line_total) for ln in lines] == [
        (3, 85_000, 15_000, 240_000),
        (1, 250_000, 0, 250_000),
    ]
    assert result.total == 490_000


def test_a_discount_of_the_whole_line_is_allowed(booth):
    result = booth.sell(("gelang", 1, 35_000), "kopi")

    assert result.total == 85_000
    assert check.run_checks(booth.reopen()).ok


def test_discount_above_the_line_price_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        booth.sell(("kopi", 2, 170_001))

    assert refused.value.exit_code == 2
    assert refused.value.msg is checkout.BAD_DISCOUNT
    assert "Kopi Arabika Gayo" in refused.value.message("en")
    assert_nothing_written(booth, before)


def test_negative_discount_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        booth.sell(("kopi", 1, -5_000))

    assert refused.value.msg is checkout.BAD_DISCOUNT

    assert_nothing_written(booth, before)


# --- the cart -----------------------------------------------------------------------------


def test_an_empty_cart_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        checkout.checkout(booth.db, [], [Tender("cash")], cashier=booth.kasir, at=booth.time())

    assert refused.value.msg is checkout.EMPTY_CART

    assert_nothing_written(booth, before)


@pytest.mark.parametrize("qty", [0, -1, 1.5, True])
def test_a_quantity_that_is_not_one_or_more_is_refused(booth, qty):
    before = booth.snapshot()

    with pytest.raises(SaleError) as refused:
        booth.sell(("kopi", qty))

    assert refused.value.exit_code == 2
    assert refused.value.msg is checkout.BAD_QTY
    assert_nothing_written(booth, before)


def test_an_unknown_product_is_refused(booth):
    before = booth.snapshot()

    with pytest.raises(NotFound):
        checkout.checkout(
            booth.db, [CartLine(9999)], [Tender("cash")], cashier=booth.kasir, at=booth.time()
        )

    assert_nothing_written(booth, before)


def test_selling_more_than_on_hand_is_allowed_with_a_warning_naming_the_product(booth):
    result = booth.sell(("tenun", 3))

    assert booth.on_hand("tenun") == booth.ledger("tenun") == -2
    assert booth.count("sales") == 1
    assert len(result.warnings) == 1
    text = result.warnings[0].message("en")
    assert "Selendang Tenun Ikat" in text
    assert "NTT01" in text
    assert "-2" in text


def test_only_the_product_going_negative_is_warned_about(booth):
    result = booth.sell(("tenun", 2), ("kopi", 2))

    assert len(result.warnings) == 1
    assert "Selendang Tenun Ikat" in result.warnings[0].message("en")


def test_selling_the_last_piece_gives_no_warning(booth):
    assert booth.sell("tenun").warnings == ()
    assert booth.on_hand("tenun") == 0


@pytest.mark.parametrize(
    ("moment", "day"),
    [
        (datetime(2024, 3, 5, 10, 0, tzinfo=UTC), "2024-03-05"),
        (datetime(2024, 2, 27, 3, 0, tzinfo=UTC), "2024-02-27"),
    ],
    ids=["after-the-fair", "set-up-day"],
)
def test_a_sale_outside_the_fair_days_is_recorded_with_a_warning(booth, moment, day):
    result = booth.sell("kopi", at=moment)

    assert booth.reopen().execute("SELECT day FROM sales").fetchone()[0] == day
    assert result.receipt_no == f"INA24-T1-{day[5:7]}{day[8:10]}-00001"
    assert len(result.warnings) == 1
    text = result.warnings[0].message("en")
    assert day in text
    assert "2024-02-28" in text and "2024-03-03" in text


def test_a_sale_on_the_last_fair_day_gives_no_warning(booth):
    assert booth.sell("kopi", at=booth.time(5, 21)).warnings == ()


# --- fair days ----------------------------------------------------------------------------


def test_the_first_sale_of_a_day_opens_that_day_with_float_zero(booth):
    booth.sell("kopi", at=booth.time(2, 9, 5))

    rows = (
        booth.reopen()
        .execute("SELECT day, kind, at, user_id, opening_float, detail FROM day_events")
        .fetchall()
    )
    assert len(rows) == 1
    day, kind, at, user_id, opening_float, detail = rows[0]
    assert (day, kind, at, user_id, opening_float) == (
        "2024-02-29",
        "open",
        "2024-02-29T09:05:00+07:00",
        booth.kasir.id,
        0,
    )
    assert json.loads(detail) == {"automatic": True}
    assert days.state(booth.reopen(), date(2024, 2, 29)).status == "open"


def test_later_sales_of_the_day_do_not_open_it_again(booth):
    booth.sell("kopi", at=booth.time(1, 9))
    booth.sell("kopi", at=booth.time(1, 15))
    booth.sell("kopi", at=booth.time(2, 9))

    assert booth.count("day_events") == 2
    assert booth.count("day_events", "day = '2024-02-28'") == 1


def test_a_closed_day_refuses_sales_and_nothing_is_written(booth):
    booth.db.execute(
        "INSERT INTO day_events (day, kind, at, user_id, z_number) "
        "VALUES ('2024-02-28', 'close', '2024-02-28T21:00:00+07:00', ?, 1)",
        (booth.supervisor.id,),
    )
    before = booth.snapshot()

    with pytest.raises(DayClosed) as refused:
        booth.sell("kopi", at=booth.time(1, 21, 30))

    assert refused.value.exit_code == 2
    assert "2024-02-28" in refused.value.message("en")
    assert_nothing_written(booth, before)
    assert booth.sell("kopi", at=booth.time(2, 9)).receipt_no == "INA24-T1-0229-00001"


# --- two connections at once ---------------------------------------------------------------


def test_a_sale_committed_by_another_connection_meanwhile_does_not_fail_this_one(
    booth, monkeypatch
):
    """The GUI and ``boothpos sell`` may share the file: the second waits for the first."""
    booth.sell("kopi", at=booth.time(1, 9))
    outcome: dict[str, object] = {}

    def sell_on_another_connection():
        conn = db.connect(booth.path)
        try:
            outcome["other"] = checkout.checkout(
                conn,
                [CartLine(booth.pid("noken"))],
                [Tender("cash")],
                cashier=booth.supervisor,
                at=booth.time(1, 11),
            ).receipt_no
        except Exception as exc:  # reported through outcome, asserted below
            outcome["other_error"] = exc
        finally:
            conn.close()

    other = threading.Thread(target=sell_on_another_connection)
    real_next_seq = checkout.next_seq

    def next_seq_while_another_till_sells(database, till_code):
        seq = real_next_seq(database, till_code)
        if not other.is_alive() and "started" not in outcome:
            outcome["started"] = True
            other.start()
            other.join(timeout=0.5)  # it must wait for this sale, not overtake it
        return seq

    monkeypatch.setattr(checkout, "next_seq", next_seq_while_another_till_sells)
    mine = booth.sell("kalung", at=booth.time(1, 10))
    other.join(timeout=10)

    assert "other_error" not in outcome, outcome.get("other_error")
    assert mine.receipt_no == "INA24-T1-0228-00002"
    assert outcome["other"] == "INA24-T1-0228-00003"
    assert check.run_checks(booth.reopen()).ok
