"""Fair days: the first sale opens the day; only a closed day refuses sales."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from boothpos.core import audit, days, returns
from boothpos.core.codes import DayStatus
from boothpos.core.errors import DayClosed, RefusedInput
from boothpos.core.event import get_event

DAY_1 = date(2024, 2, 28)
DAY_2 = date(2024, 2, 29)


def close(booth, day: date, z_number: int = 1) -> None:
    """Record a close directly (the close-day command belongs to the reports module)."""
    booth.db.execute(
        "INSERT INTO day_events (day, kind, at, user_id, counted_cash, expected_cash, z_number) "
        "VALUES (?, 'close', ?, ?, 0, 0, ?)",
        (day.isoformat(), f"{day.isoformat()}T21:00:00+07:00", booth.supervisor.id, z_number),
    )


def reopen_day(booth, day: date) -> None:
    booth.db.execute(
        "INSERT INTO day_events (day, kind, at, user_id) VALUES (?, 'reopen', ?, ?)",
        (day.isoformat(), f"{day.isoformat()}T21:30:00+07:00", booth.supervisor.id),
    )


def test_a_day_nobody_touched_is_not_opened(booth):
    state = days.state(booth.db, DAY_1)

    assert (state.day, state.status, state.opening_float, state.z_number) == (
        DAY_1,
        "not_opened",
        0,
        None,
    )


def test_state_accepts_an_iso_date_string(booth):
    booth.sell("kopi", at=booth.time(1, 10))

    assert days.state(booth.db, "2024-02-28").status == "open"


def test_the_first_sale_opens_the_day_automatically_with_float_zero(booth):
    booth.sell("kopi", at=booth.time(1, 9, 30))

    state = days.state(booth.reopen(), DAY_1)
    assert (state.status, state.opening_float) == ("open", 0)
    entry = audit.entries(booth.reopen(), action="day.open")[0]
    assert entry["entity_id"] == "2024-02-28"
    assert entry["detail"] == {"opening_float": 0, "automatic": True}


def test_opening_a_day_by_hand_records_the_float(booth):
    state = days.open_day(
        booth.db, DAY_1, opening_float=500_000, user_id=booth.supervisor.id, at=booth.time(1, 8)
    )

    assert (state.status, state.opening_float) == ("open", 500_000)
    row = booth.reopen().execute("SELECT kind, user_id, opening_float, detail FROM day_events")
    kind, user_id, opening_float, detail = row.fetchone()
    assert (kind, user_id, opening_float) == ("open", booth.supervisor.id, 500_000)
    assert json.loads(detail) == {"automatic": False}


def test_a_sale_on_a_day_opened_by_hand_keeps_its_float(booth):
    days.open_day(booth.db, DAY_1, opening_float=500_000, user_id=booth.supervisor.id)

    booth.sell("kopi", at=booth.time(1, 10))

    assert booth.count("day_events") == 1
    assert days.state(booth.reopen(), DAY_1).opening_float == 500_000


def test_opening_an_open_day_again_is_refused(booth):
    booth.sell("kopi", at=booth.time(1, 10))

    with pytest.raises(RefusedInput) as refused:
        days.open_day(booth.db, DAY_1, opening_float=100_000, user_id=booth.supervisor.id)

    assert refused.value.msg is days.ALREADY_OPEN
    assert booth.count("day_events") == 1


def test_each_day_opens_on_its_own(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    assert days.state(booth.db, DAY_2).status == "not_opened"

    booth.sell("kopi", at=booth.time(2, 10))

    assert days.state(booth.db, DAY_2).status == "open"


def test_a_closed_day_reports_its_z_number(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    close(booth, DAY_1, z_number=7)

    state = days.state(booth.db, DAY_1)
    assert (state.status, state.z_number) == ("closed", 7)


def test_a_closed_day_refuses_a_sale(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    close(booth, DAY_1)
    before = booth.snapshot()

    with pytest.raises(DayClosed) as refused:
        booth.sell("kopi", at=booth.time(1, 22))

    assert refused.value.exit_code == 2
    assert booth.snapshot() == before


def test_a_closed_day_refuses_a_refund_given_that_day(booth):
    sale = booth.sell("kopi", at=booth.time(1, 10))
    close(booth, DAY_1)
    before = booth.snapshot()

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


def test_a_sale_of_a_closed_day_can_be_refunded_the_next_day(booth):
    sale = booth.sell("kopi", at=booth.time(1, 10))
    close(booth, DAY_1)

    back = returns.refund_sale(
        booth.db,
        sale.receipt_no,
        cashier=booth.kasir,
        supervisor=booth.supervisor,
        reason="cacat",
        at=booth.time(2, 10),
    )

    assert back.day == DAY_2
    assert days.state(booth.db, DAY_2).status == "open"


def test_closing_one_day_does_not_block_the_next(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    close(booth, DAY_1)

    assert booth.sell("kopi", at=booth.time(2, 9)).receipt_no == "INA24-T1-0229-00002"


def test_opening_a_closed_day_is_refused(booth):
    close(booth, DAY_1)

    with pytest.raises(DayClosed):
        days.open_day(booth.db, DAY_1, opening_float=0, user_id=booth.supervisor.id)


def test_a_reopened_day_sells_again_without_a_new_open_record(booth):
    booth.sell("kopi", at=booth.time(1, 10))
    close(booth, DAY_1)
    reopen_day(booth, DAY_1)

    booth.sell("kopi", at=booth.time(1, 22))

    assert days.state(booth.db, DAY_1).status == "open"
    kinds = [r[0] for r in booth.reopen().execute("SELECT kind FROM day_events ORDER BY id")]
    assert kinds == ["open", "close", "reopen"]


def test_the_days_to_choose_are_the_fair_days_and_any_other_day_with_records(booth):
    """``days.day_choices``: the day list of the reports and close-day screens, in core."""
    event = get_event(booth.db)
    booth.sell("kopi", at=booth.time(1, 10))
    close(booth, DAY_1, z_number=1)
    before = date(2024, 2, 27)  # goods sold at the set-up day, before the fair
    booth.sell("kopi", at=datetime(2024, 2, 27, 15, 0, tzinfo=ZoneInfo("Asia/Jakarta")))

    choices = days.day_choices(booth.db, event)

    assert [c.day for c in choices] == [before, *event.fair_days]
    assert [(c.number, c.status, c.z_number) for c in choices[:3]] == [
        (None, DayStatus.OPEN, None),
        (1, DayStatus.CLOSED, 1),
        (2, DayStatus.NOT_OPENED, None),
    ]
