"""Day-end QRIS matching: reading a merchant history file and matching it to the books."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
import pytest

from boothpos.core import audit, qris_match
from boothpos.core.checkout import Tender
from boothpos.core.errors import RefusedInput
from boothpos.core.qris_match import HistoryError

DAY1 = date(2024, 2, 28)
TZ = "Asia/Jakarta"


pytestmark = pytest.mark.usefixtures("english")  # messages compared in English


def write_csv(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def sell_qris(booth, item, hour, minute, reference=""):
    return booth.sell(item, pay=[Tender("qris", None, reference)], at=booth.time(1, hour, minute))


def test_reads_generic_csv_with_indonesian_headers_and_rupiah_forms(tmp_path):
    path = write_csv(
        tmp_path / "riwayat.csv",
        "Waktu;Nominal;Referensi\n"
        "28/02/2024 10:05;Rp 85.000;RRN001\n"
        "2024-02-28T10:20:30;125000;\n"
        "28/02/2024 10:31:15;Rp1.250.000,00;RRN003\n",
    )
    rows = qris_match.read_history(path, TZ)
    assert [(r.row, r.amount, r.reference) for r in rows] == [
        (2, 85_000, "RRN001"),
        (3, 125_000, ""),
        (4, 1_250_000, "RRN003"),
    ]
    assert rows[0].time.isoformat() == "2024-02-28T10:05:00+07:00"
    assert rows[2].time.second == 15


def test_reads_xlsx_with_real_datetime_cells(tmp_path):
    from datetime import datetime

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Time", "Amount", "Reference"])
    ws.append([datetime(2024, 2, 28, 10, 5), 85000, "A1"])
    ws.append(["28/02/2024 11:00", "Rp 35.000", None])
    path = tmp_path / "history.xlsx"
    wb.save(path)
    rows = qris_match.read_history(path, TZ)
    assert [(r.amount, r.time.hour, r.reference) for r in rows] == [
        (85_000, 10, "A1"),
        (35_000, 11, ""),
    ]


def test_orderkuota_preset_keeps_incoming_rows_only(tmp_path):
    path = write_csv(
        tmp_path / "mutasi.csv",
        "date,amount,type,qris,brand_name,issuer_reff,buyer_reff,balance\n"
        "2024-02-28 10:05:00,85000,CR,ShopeePay,ShopeePay,id123,,85000\n"
        "2024-02-28 12:00:00,50000,DB,,,wd1,,35000\n"
        "2024-02-28 13:10:00,35000,CR,DANA,DANA,id124,,70000\n",
    )
    rows = qris_match.read_history(path, TZ)
    assert [(r.amount, r.reference) for r in rows] == [(85_000, "id123"), (35_000, "id124")]


def test_bad_rows_are_all_named_and_nothing_read(tmp_path):
    path = write_csv(
        tmp_path / "bad.csv",
        'time,amount\n2024-02-28 10:05,85000\nyesterday,85000\n2024-02-28 10:06,"85.000,5"\n'
        "2024-02-28 10:07,\n2024-02-28 10:08,-5\n",
    )
    with pytest.raises(HistoryError) as refused:
        qris_match.read_history(path, TZ)
    text = refused.value.message("en")
    assert "row 3, column time: 'yesterday' is not a time" in text
    assert "row 4, column amount" in text and "fraction" in text
    assert "row 5, column amount: empty" in text
    assert "row 6, column amount" in text and "negative" in text
    assert "(4 problems)" in text
    assert refused.value.exit_code == 2


def test_missing_columns_and_wrong_format_are_refused(tmp_path):
    path = write_csv(tmp_path / "x.csv", "tanggal,jumlah\n2024-02-28,1000\n")
    with pytest.raises(HistoryError, match="no time and amount columns"):
        qris_match.read_history(path, TZ)
    other = tmp_path / "x.pdf"
    other.write_bytes(b"%PDF-1.4")
    with pytest.raises(HistoryError, match="not supported"):
        qris_match.read_history(other, TZ)
    with pytest.raises(HistoryError, match="does not exist"):
        qris_match.read_history(tmp_path / "missing.csv", TZ)


def _h(row, hour, minute, amount, ref=""):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    moment = datetime(2024, 2, 28, hour, minute, tzinfo=ZoneInfo(TZ))
    return qris_match.HistoryPayment(row, moment, amount, ref)


def _b(receipt, hour, minute, amount):
    return qris_match.BookPayment(receipt, _h(0, hour, minute, 0).time, amount)


def test_match_same_amount_within_15_minutes_closest_first_each_once():
    books = [_b("R1", 10, 0, 85_000), _b("R2", 10, 10, 85_000), _b("R3", 11, 0, 35_000)]
    history = [
        _h(2, 10, 12, 85_000, "H-a"),  # closest to R2 (2 min), also within 12 min of R1
        _h(3, 10, 4, 85_000, "H-b"),  # R1 (4 min)
        _h(4, 11, 16, 35_000, "H-c"),  # 16 min after R3: outside the window
        _h(5, 11, 1, 36_000, "H-d"),  # other amount
    ]
    result = qris_match.match(DAY1, books, history, TZ)
    assert [(m.book.receipt_no, m.history.reference) for m in result.matched] == [
        ("R1", "H-b"),
        ("R2", "H-a"),
    ]
    assert [b.receipt_no for b in result.unmatched_books] == ["R3"]
    assert [h.reference for h in result.unmatched_history] == ["H-c", "H-d"]


def test_match_window_is_inclusive_at_15_minutes():
    books = [_b("R1", 10, 0, 1000)]
    exactly = qris_match.match(DAY1, books, [_h(2, 10, 15, 1000)], TZ)
    assert len(exactly.matched) == 1
    late = _h(2, 10, 15, 1000)
    late = qris_match.HistoryPayment(2, late.time + timedelta(seconds=1), 1000)
    assert qris_match.match(DAY1, books, [late], TZ).matched == []


def test_match_file_against_the_books_and_stored_for_the_reports(booth, tmp_path):
    first = sell_qris(booth, "kopi", 10, 0)
    second = sell_qris(booth, "gelang", 10, 30, "ref-typed")
    booth.sell("kopi", at=booth.time(1, 11))  # cash: not a QRIS payment
    split = booth.sell("noken", pay=[Tender("qris", 100_000), Tender("cash")], at=booth.time(1, 12))
    path = write_csv(
        tmp_path / "h.csv",
        "time,amount,reference\n"
        "2024-02-28 10:03:10,85000,RRN-1\n"
        "2024-02-28 12:09:00,100000,RRN-3\n"
        "2024-02-28 14:00:00,50000,RRN-4\n",
    )
    result = qris_match.match_file(booth.db, path, user_id=booth.supervisor.id)
    payload = result.to_json()
    assert payload["day"] == "2024-02-28"
    assert [m["receipt_no"] for m in payload["matched"]] == [first.receipt_no, split.receipt_no]
    assert payload["matched"][0] == {
        "receipt_no": first.receipt_no,
        "amount": 85_000,
        "time": "2024-02-28T10:00:00+07:00",
        "reference": "RRN-1",
    }
    assert payload["unmatched_books"] == [
        {"receipt_no": second.receipt_no, "amount": 35_000, "time": "2024-02-28T10:30:00+07:00"}
    ]
    assert payload["unmatched_history"] == [
        {"amount": 50_000, "time": "2024-02-28T14:00:00+07:00", "reference": "RRN-4"}
    ]
    again = qris_match.stored_match(booth.reopen(), DAY1)
    assert again is not None and again.to_json() == payload
    assert qris_match.stored_match(booth.reopen(), date(2024, 2, 29)) is None
    assert any(
        e["entity_id"] == "qris.history.2024-02-28"
        for e in audit.entries(booth.reopen(), action="setting.change")
    )


def test_several_days_need_a_day(booth, tmp_path):
    path = write_csv(
        tmp_path / "h.csv",
        "time,amount\n2024-02-28 10:00,1000\n2024-02-29 10:00,2000\n",
    )
    with pytest.raises(RefusedInput, match="several days"):
        qris_match.match_file(booth.db, path)
    result = qris_match.match_file(booth.db, path, day=date(2024, 2, 29))
    assert [h["amount"] for h in result.to_json()["unmatched_history"]] == [2000]
    with pytest.raises(RefusedInput, match="no payment on 2024-03-01"):
        qris_match.match_file(booth.db, path, day=date(2024, 3, 1))
