"""Closing a fair day: the cash count, Z numbers, refusals, reopening (issue 5)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from boothpos.core import audit, days, denominations, reports, returns
from boothpos.core.checkout import Tender
from boothpos.core.errors import DayClosed, PermissionDenied, RefusedInput

DAY_1 = date(2024, 2, 28)
DAY_2 = date(2024, 2, 29)
DAY_3 = date(2024, 3, 1)


def close(booth, day=DAY_1, counted=0, hour=21, **kw):
    return days.close_day(
        booth.db, day, user=booth.supervisor, counted_cash=counted, at=booth.time(
            (day - DAY_1).days + 1, hour
        ), **kw
    )  # fmt: skip


# ---------------------------------------------------------------- denominations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100000=3,50000=2", {100_000: 3, 50_000: 2}),
        ("100.000=3; 500=10", {100_000: 3, 500: 10}),
        ("Rp100.000=1 100=4", {100_000: 1, 100: 4}),
        ("  1000=0 , 200=7 ", {1_000: 0, 200: 7}),
    ],
)
def test_denominations_parse_the_forms_people_type(text, expected):
    assert denominations.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "msg"),
    [
        ("", denominations.EMPTY),
        ("75000=1", denominations.UNKNOWN),
        ("100000", denominations.BAD_ITEM),
        ("100000=-1", denominations.BAD_COUNT),
        ("100000=1.5", denominations.BAD_COUNT),
        ("100000=1,100.000=2", denominations.TWICE),
        ("abc=1", denominations.BAD_ITEM),
    ],
)
def test_denominations_refuse_what_is_not_a_count(text, msg):
    with pytest.raises(RefusedInput) as refused:
        denominations.parse(text)
    assert refused.value.msg is msg
    assert refused.value.exit_code == 2


def test_denominations_total_and_breakdown():
    counts = {100_000: 3, 50_000: 2, 2_000: 1, 500: 3, 100: 2}
    assert denominations.total(counts) == 403_700
    assert denominations.total(denominations.breakdown(403_700)) == 403_700
    assert denominations.parse(denominations.to_text(counts)) == counts
    assert list(denominations.validate({100: 1, 100_000: 1})) == [100_000, 100]


# ---------------------------------------------------------------- close


def test_close_records_the_count_and_gives_z_1(booth):
    days.open_day(booth.db, DAY_1, opening_float=300_000, user_id=booth.supervisor.id)
    booth.sell(("kopi", 2), pay=[Tender("cash", 200_000)], at=booth.time(1, 10))  # change 30.000
    booth.sell("noken", pay=[Tender("qris")], at=booth.time(1, 11))

    z = close(booth, counted=468_000)

    assert (z.z_number, z.status, z.kind) == (1, "closed", "Z")
    assert z.cash.to_json() == {
        "opening_float": 300_000,
        "expected": 470_000,
        "counted": 468_000,
        "difference": -2_000,
    }
    row = booth.reopen().execute(
        "SELECT kind, counted_cash, expected_cash, z_number, detail FROM day_events "
        "WHERE kind = 'close'"
    )
    kind, counted, expected, z_number, detail = row.fetchone()
    assert (kind, counted, expected, z_number) == ("close", 468_000, 470_000, 1)
    assert json.loads(detail) == {"difference": -2_000}
    entry = audit.entries(booth.reopen(), action="day.close")[0]
    assert entry["user_id"] == booth.supervisor.id
    assert entry["detail"]["z_number"] == 1 and entry["detail"]["difference"] == -2_000


def test_close_by_denomination_keeps_the_count(booth):
    booth.sell("kopi", at=booth.time(1, 10))

    z = close(booth, counted=None, denominations={50_000: 1, 20_000: 1, 10_000: 1, 5_000: 1})

    assert z.cash.counted == 85_000 and z.cash.difference == 0
    assert z.cash.denominations == {50_000: 1, 20_000: 1, 10_000: 1, 5_000: 1}
    again = reports.day_report(booth.reopen(), DAY_1)
    assert again.cash.denominations == {50_000: 1, 20_000: 1, 10_000: 1, 5_000: 1}


def test_count_and_denominations_must_agree(booth):
    before = booth.snapshot()
    with pytest.raises(RefusedInput) as refused:
        close(booth, counted=90_000, denominations={50_000: 1})
    assert refused.value.msg is days.COUNT_MISMATCH
    assert close(booth, counted=50_000, denominations={50_000: 1}).cash.counted == 50_000
    assert before["day_events"] == 0


@pytest.mark.parametrize("bad", [-1, 1.5, "100", True])
def test_a_bad_count_is_refused_and_nothing_changes(booth, bad):
    before = booth.snapshot()
    with pytest.raises(RefusedInput):
        close(booth, counted=bad)
    assert booth.snapshot() == before


def test_no_count_at_all_is_refused(booth):
    with pytest.raises(RefusedInput) as refused:
        days.close_day(booth.db, DAY_1, user=booth.supervisor)
    assert refused.value.msg is days.NO_COUNT


def test_z_numbers_follow_the_close_order_over_the_event(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    booth.sell("kopi", at=booth.time(2, 10))
    booth.sell("kopi", at=booth.time(3, 10))

    assert close(booth, DAY_2).z_number == 1
    assert close(booth, DAY_1).z_number == 2
    assert close(booth, DAY_3).z_number == 3


def test_closing_twice_is_refused_and_changes_nothing(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    close(booth)
    before = booth.snapshot()

    with pytest.raises(DayClosed) as refused:
        close(booth, counted=85_000, hour=22)

    assert refused.value.msg is days.ALREADY_CLOSED
    assert refused.value.exit_code == 2
    assert booth.snapshot() == before


def test_a_day_without_sales_closes_with_a_zero_z_report(booth):
    z = close(booth, DAY_2)

    assert z.z_number == 1
    assert (z.transactions, z.gross, z.net, z.partners) == (0, 0, 0, ())
    assert z.cash.to_json() == {"opening_float": 0, "expected": 0, "counted": 0, "difference": 0}
    kinds = [r[0] for r in booth.reopen().execute("SELECT kind FROM day_events ORDER BY id")]
    assert kinds == ["open", "close"]


def test_only_a_supervisor_closes(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    before = booth.snapshot()
    with pytest.raises(PermissionDenied):
        days.close_day(booth.db, DAY_1, user=booth.kasir, counted_cash=0)
    assert booth.snapshot() == before
    assert days.close_day(booth.db, DAY_1, user=booth.admin, counted_cash=0).z_number == 1


def test_close_preview_shows_the_difference_and_writes_nothing(booth):
    days.open_day(booth.db, DAY_1, opening_float=100_000, user_id=booth.supervisor.id)
    booth.sell("kopi", at=booth.time(1, 10))
    before = booth.snapshot()

    preview = days.close_preview(booth.db, DAY_1, counted_cash=180_000)

    assert preview.preview and preview.z_number == 1 and preview.status == "open"
    assert preview.cash.to_json() == {
        "opening_float": 100_000,
        "expected": 185_000,
        "counted": 180_000,
        "difference": -5_000,
    }
    assert booth.snapshot() == before


def test_a_bad_opening_float_is_refused(booth):
    with pytest.raises(RefusedInput) as refused:
        days.open_day(booth.db, DAY_1, opening_float=-5, user_id=booth.supervisor.id)
    assert refused.value.msg is days.BAD_FLOAT


# ---------------------------------------------------------------- a closed day refuses


def test_a_closed_day_refuses_sales_voids_and_refunds(booth):
    sale = booth.sell("kopi", at=booth.time(1, 10))
    close(booth)
    before = booth.snapshot()

    with pytest.raises(DayClosed):
        booth.sell("kopi", at=booth.time(1, 22))
    with pytest.raises(DayClosed):
        returns.void_sale(
            booth.db,
            sale.receipt_no,
            requested_by=booth.kasir,
            supervisor=booth.supervisor,
            reason="salah",
            at=booth.time(1, 22),
        )
    with pytest.raises(DayClosed):
        returns.refund_sale(
            booth.db,
            sale.receipt_no,
            cashier=booth.kasir,
            supervisor=booth.supervisor,
            reason="cacat",
            at=booth.time(1, 22),
        )

    assert booth.snapshot() == before
    assert reports.day_report(booth.reopen(), DAY_1).net == 85_000


def test_opening_float_of_a_closed_day_cannot_change(booth):
    close(booth)
    with pytest.raises(DayClosed):
        days.open_day(booth.db, DAY_1, opening_float=5, user_id=booth.supervisor.id)


# ---------------------------------------------------------------- reopen


def test_reopening_needs_an_admin_and_a_reason(booth):
    close(booth)
    before = booth.snapshot()

    with pytest.raises(PermissionDenied):
        days.reopen_day(booth.db, DAY_1, user=booth.supervisor, reason="salah hitung")
    with pytest.raises(RefusedInput) as refused:
        days.reopen_day(booth.db, DAY_1, user=booth.admin, reason="   ")
    assert refused.value.msg is days.NEEDS_REASON
    assert booth.snapshot() == before


def test_only_a_closed_day_can_be_reopened(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    with pytest.raises(RefusedInput) as refused:
        days.reopen_day(booth.db, DAY_1, user=booth.admin, reason="x")
    assert refused.value.msg is days.NOT_CLOSED


def test_a_reopened_day_is_audited_sells_again_and_gets_a_new_z(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    close(booth, counted=85_000)
    close(booth, DAY_2)  # Z 2

    state = days.reopen_day(
        booth.db, DAY_1, user=booth.admin, reason="kas salah hitung", at=booth.time(1, 22)
    )
    assert (state.status, state.z_number) == ("open", None)
    x = reports.day_report(booth.db, DAY_1)
    assert (x.kind, x.z_number, x.cash.counted, x.cash.difference) == ("X", None, None, None)
    entry = audit.entries(booth.reopen(), action="day.reopen")[0]
    assert entry["user_id"] == booth.admin.id
    assert entry["detail"] == {"reason": "kas salah hitung", "z_number": 1}

    booth.sell("gelang", at=booth.time(1, 22, 10))
    z = close(booth, counted=120_000, hour=23)

    assert z.z_number == 3
    assert z.earlier_z == (1,)
    assert z.reopen_reasons == ("kas salah hitung",)
    assert (z.net, z.cash.counted, z.cash.difference) == (120_000, 120_000, 0)
    kinds = [
        r[0]
        for r in booth.reopen().execute(
            "SELECT kind FROM day_events WHERE day = '2024-02-28' ORDER BY id"
        )
    ]
    assert kinds == ["open", "close", "reopen", "close"]
