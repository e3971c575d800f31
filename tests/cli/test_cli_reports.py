"""open-day, close-day, reopen-day, report …, export settlement|lines|stock on the command line."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from boothpos.cli import main

DAY_REPORT_KEYS = {
    "date",
    "z_number",
    "transactions",
    "voids",
    "gross",
    "discounts",
    "refunds",
    "net",
    "by_method",
    "cash",
    "partners",
}
SETTLEMENT_PARTNER_KEYS = {
    "code",
    "name",
    "qty",
    "gross",
    "discounts",
    "refunds",
    "net",
    "commission",
    "payout",
    "stock",
}
TOTALS_KEYS = {"qty", "gross", "discounts", "refunds", "net", "commission", "payout"}


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def counts(path):
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("sales", "sale_lines", "payments", "stock_moves", "day_events", "audit")
        }
    finally:
        conn.close()


@pytest.fixture
def booth_db(tmp_path, monkeypatch, capsys):
    """The demo event; two products of two partners known by barcode."""
    path = tmp_path / "demo.db"
    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))
    assert main(["--db", str(path), "init", "--demo"]) == 0
    capsys.readouterr()
    _, out, _ = run(capsys, "--db", path, "export", "products", "--format", "json")
    products = json.loads(out)
    by_partner = {}
    for p in products:
        by_partner.setdefault(p["partner_code"], p)
    return path, by_partner


def sell(capsys, path, barcode, at, *pay):
    args = ["--db", path, "sell", "--at", at, "--json", barcode]
    for p in pay:
        args += ["--pay", p]
    code, out, err = run(capsys, *args)
    return code, (json.loads(out) if code == 0 else err)


def test_a_fair_day_from_open_to_z_report(booth_db, capsys, tmp_path):
    path, products = booth_db
    a, b = products["AMB001"], products["PDE001"]

    code, out, _ = run(capsys, "--db", path, "open-day", "2024-02-28", "--float", "Rp 500.000")
    assert code == 0 and "Rp 500.000" in out
    assert sell(capsys, path, a["barcode"], "2024-02-28T10:00:00+07:00")[0] == 0
    paid = f"cash={b['price'] + 50_000}"
    assert sell(capsys, path, b["barcode"], "2024-02-28T11:00:00+07:00", paid)[0] == 0

    code, out, _ = run(capsys, "--db", path, "report", "day", "2024-02-28", "--json")
    x = json.loads(out)
    assert code == 0
    assert set(x) == DAY_REPORT_KEYS
    assert set(x["by_method"]) == {"cash", "qris", "debit", "credit", "transfer"}
    assert set(x["cash"]) == {"opening_float", "expected", "counted", "difference"}
    assert all(set(p) == {"code", "name", "qty", "net"} for p in x["partners"])
    net = a["price"] + b["price"]
    assert (x["z_number"], x["transactions"], x["net"], x["by_method"]["cash"]) == (
        None,
        2,
        net,
        net,
    )
    assert x["cash"] == {
        "opening_float": 500_000,
        "expected": 500_000 + net,
        "counted": None,
        "difference": None,
    }
    assert [p["code"] for p in x["partners"]] == ["AMB001", "PDE001"]

    before = counts(path)
    code, out, _ = run(
        capsys, "--db", path, "close-day", "2024-02-28", "--counted-cash", net, "--preview"
    )
    assert code == 0 and "PRATINJAU" in out and "Z-1" in out
    assert counts(path) == before

    pdf = tmp_path / "z1.pdf"
    code, out, err = run(
        capsys, "--db", path, "close-day", "2024-02-28", "--counted-cash", net, "--pdf", pdf
    )
    assert code == 0 and "Z-1" in out and "-Rp 500.000" in out
    assert "LAPORAN Z — Z-1" in PdfReader(pdf).pages[0].extract_text()

    code, out, _ = run(capsys, "--db", path, "report", "day", "2024-02-28", "--json")
    z = json.loads(out)
    assert (z["z_number"], z["net"]) == (1, net)
    assert z["cash"] == {
        "opening_float": 500_000,
        "expected": 500_000 + net,
        "counted": net,
        "difference": -500_000,
    }


def test_a_closed_day_refuses_a_sale_through_the_cli(booth_db, capsys):
    path, products = booth_db
    barcode = products["AMB001"]["barcode"]
    sell(capsys, path, barcode, "2024-02-28T10:00:00+07:00")
    assert run(capsys, "--db", path, "close-day", "2024-02-28", "--counted-cash", "0")[0] == 0
    before = counts(path)

    code, err = sell(capsys, path, barcode, "2024-02-28T20:00:00+07:00")

    assert code == 2
    assert "sudah ditutup" in err
    assert counts(path) == before
    assert sell(capsys, path, barcode, "2024-02-29T09:00:00+07:00")[0] == 0  # next day sells


def test_close_twice_reopen_and_close_again(booth_db, capsys):
    path, products = booth_db
    sell(capsys, path, products["AMB001"]["barcode"], "2024-02-28T10:00:00+07:00")
    assert run(capsys, "--db", path, "close-day", "2024-02-28", "--counted-cash", "0")[0] == 0
    assert run(capsys, "--db", path, "close-day", "2024-02-29", "--counted-cash", "0")[0] == 0
    before = counts(path)

    code, _, err = run(capsys, "--db", path, "close-day", "2024-02-28", "--counted-cash", "0")
    assert code == 2 and "menutup dua kali ditolak" in err
    code, _, err = run(
        capsys, "--db", path, "reopen-day", "2024-02-28", "--reason", "x", "--user", "supervisor"
    )
    assert code == 2 and "perlu admin" in err
    assert counts(path) == before

    code, out, _ = run(
        capsys, "--db", path, "reopen-day", "2024-02-28", "--reason", "kas dihitung ulang"
    )
    assert code == 0 and "Z-1" in out
    code, out, _ = run(
        capsys, "--db", path, "close-day", "2024-02-28", "--denominations", "100000=3,500=2",
        "--json",
    )  # fmt: skip
    z = json.loads(out)
    assert code == 0 and z["z_number"] == 3 and z["cash"]["counted"] == 301_000
    code, out, _ = run(capsys, "--db", path, "audit", "--action", "day", "--json")
    actions = [e["action"] for e in json.loads(out)]
    assert "day.reopen" in actions and actions.count("day.close") == 3


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["close-day", "2024-02-30", "--counted-cash", "0"], "bukan tanggal"),
        (["close-day", "2024-02-28", "--counted-cash", "12,5"], "pecahan rupiah"),
        (["close-day", "2024-02-28", "--denominations", "75000=2"], "pecahan 75000 tidak ada"),
        (["close-day", "2024-02-28", "--counted-cash", "-5"], "negatif"),
        (["open-day", "2024-02-28", "--float", "abc"], "bukan jumlah rupiah"),
        (["report", "day", "28-02-2024"], "bukan tanggal"),
        (["report", "settlement", "--partner", "XXX999"], "mitra 'XXX999' tidak ada"),
        (["report", "settlement", "--from", "2024-03-02", "--to", "2024-02-28"], "terbalik"),
        (["export", "settlement", "--format", "xlsx"], "-o FILE.xlsx"),
        (["commission", "150"], "antara 0 dan 100"),
        (["commission", "10", "--user", "kasir"], "tidak berwenang"),
    ],
)
def test_refused_input_exits_2_and_changes_nothing(booth_db, capsys, args, fragment):
    path, _ = booth_db
    before = counts(path)
    code, _, err = run(capsys, "--db", path, *args)
    assert code == 2, err
    assert fragment in err
    assert counts(path) == before


def test_a_missing_database_exits_1(tmp_path, capsys):
    code, _, err = run(capsys, "--db", tmp_path / "none.db", "report", "day", "2024-02-28")
    assert code == 1 and "tidak ada" in err


def test_open_day_twice_is_refused(booth_db, capsys):
    path, _ = booth_db
    assert run(capsys, "--db", path, "open-day", "2024-02-28", "--float", "100000")[0] == 0
    code, _, err = run(capsys, "--db", path, "open-day", "2024-02-28", "--float", "100000")
    assert code == 2 and "sudah dibuka" in err


def test_settlement_json_shape_filter_commission_and_pdf(booth_db, capsys, tmp_path):
    path, products = booth_db
    a, b = products["AMB001"], products["PDE001"]
    sell(capsys, path, a["barcode"], "2024-02-28T10:00:00+07:00")
    sell(capsys, path, b["barcode"], "2024-02-29T10:00:00+07:00", "qris")
    assert run(capsys, "--db", path, "commission", "5")[0] == 0
    code, out, _ = run(capsys, "--db", path, "commission", "12,5", "--partner", "amb001")
    assert code == 0 and "12,5%" in out
    code, out, _ = run(capsys, "--db", path, "bank-details", "AMB001", "BRI 0123 a.n. Maria")
    assert code == 0

    code, out, _ = run(capsys, "--db", path, "report", "settlement", "--json")
    whole = json.loads(out)
    assert code == 0
    assert set(whole) == {"from", "to", "partners", "totals"}
    assert (whole["from"], whole["to"]) == ("2024-02-27", "2024-03-03")
    assert len(whole["partners"]) == 51
    for p in whole["partners"]:
        assert set(p) == SETTLEMENT_PARTNER_KEYS
        assert set(p["stock"]) == {"received", "sold", "returned", "adjusted", "on_hand"}
    assert set(whole["totals"]) == TOTALS_KEYS
    amb = next(p for p in whole["partners"] if p["code"] == "AMB001")
    assert amb["commission"] == (a["price"] * 1250 + 5_000) // 10_000  # half-up
    assert amb["payout"] == a["price"] - amb["commission"]
    assert whole["totals"]["net"] == a["price"] + b["price"]

    code, out, _ = run(
        capsys, "--db", path, "report", "settlement", "--partner", "PDE001", "--from",
        "2024-02-29", "--to", "2024-02-29", "--json",
    )  # fmt: skip
    one = json.loads(out)
    assert code == 0 and [p["code"] for p in one["partners"]] == ["PDE001"]
    assert (one["from"], one["to"]) == ("2024-02-29", "2024-02-29")
    assert one["partners"][0]["net"] == b["price"] == one["totals"]["net"]
    assert one["partners"][0]["commission"] == (b["price"] * 500 + 5_000) // 10_000

    pdf = tmp_path / "amb.pdf"
    code, _, err = run(
        capsys, "--db", path, "report", "settlement", "--partner", "AMB001", "--pdf", pdf
    )
    assert code == 0 and str(pdf) in err
    text = PdfReader(pdf).pages[0].extract_text()
    assert "REKAP PENJUALAN MITRA" in text and "BRI 0123 a.n. Maria" in text

    code, out, _ = run(capsys, "--db", path, "report", "settlement")
    assert code == 0 and "AMB001" in out and "JUMLAH" in out


def test_partner_day_summary_and_text_reports(booth_db, capsys, tmp_path):
    path, products = booth_db
    sell(capsys, path, products["AMB001"]["barcode"], "2024-02-28T10:00:00+07:00")
    sheet = tmp_path / "sheet.pdf"
    code, _, _ = run(
        capsys, "--db", path, "report", "partner-day", "2024-02-28", "--partner", "AMB001",
        "--pdf", sheet,
    )  # fmt: skip
    assert code == 0 and "LEMBAR HARIAN MITRA" in PdfReader(sheet).pages[0].extract_text()
    summary = tmp_path / "summary.pdf"
    assert run(capsys, "--db", path, "report", "summary", "--pdf", summary)[0] == 0
    assert "REKAP BOOTH" in PdfReader(summary).pages[0].extract_text()
    code, out, _ = run(capsys, "--db", path, "report", "day", "2024-02-28")
    assert code == 0 and "LAPORAN X" in out and "belum dihitung" in out
    code, out, _ = run(capsys, "--db", path, "--lang", "en", "report", "day", "2024-02-28")
    assert "X REPORT" in out and "Net sales" in out


def test_exports_of_settlement_lines_and_stock(booth_db, capsys, tmp_path):
    path, products = booth_db
    a = products["AMB001"]
    sell(capsys, path, a["barcode"], "2024-02-28T10:00:00+07:00")

    code, out, _ = run(capsys, "--db", path, "export", "lines", "--format", "json")
    lines = json.loads(out)
    assert code == 0 and len(lines) == 1
    assert (lines[0]["partner_code"], lines[0]["line_total"]) == ("AMB001", a["price"])

    code, out, _ = run(capsys, "--db", path, "export", "settlement", "--partner", "AMB001")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["code"] for r in rows] == ["AMB001"]
    assert int(rows[0]["net"]) == a["price"]

    code, out, _ = run(capsys, "--db", path, "export", "settlement", "--format", "json")
    assert set(json.loads(out)) == {"from", "to", "partners", "totals"}

    code, out, _ = run(capsys, "--db", path, "export", "stock", "--partner", "AMB001")
    stock_rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and all(r["partner_code"] == "AMB001" for r in stock_rows)
    sold = sum(int(r["sold"]) for r in stock_rows)
    assert sold == 1

    xlsx = tmp_path / "rekap.xlsx"
    code, _, _ = run(capsys, "--db", path, "export", "settlement", "--format", "xlsx", "-o", xlsx)
    book = load_workbook(xlsx, read_only=True)
    assert code == 0 and book.sheetnames == ["Rekap Mitra", "Stok", "Penjualan"]
    rows = list(book["Rekap Mitra"].iter_rows(values_only=True))
    header = rows[0]
    total = dict(zip(header, rows[-1], strict=True))
    assert total["code"] == "JUMLAH" and total["net"] == a["price"]
    assert len(rows) == 1 + 51 + 1

    xlsx = tmp_path / "products.xlsx"
    assert run(capsys, "--db", path, "export", "products", "--format", "xlsx", "-o", xlsx)[0] == 0
    rows = list(load_workbook(xlsx, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == 83 and rows[0][0] == "barcode"
    assert all(isinstance(r[0], str) for r in rows[1:])  # barcodes stay text
