"""The command line, as a coordinator uses it: real database files, real output."""

import json
import sqlite3
import subprocess
import sys

import pytest

from boothpos.cli import main
from boothpos.core import barcodes


@pytest.fixture
def demo_db(tmp_path, monkeypatch):
    path = tmp_path / "demo.db"
    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))
    assert main(["--db", str(path), "init", "--demo"]) == 0
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def counts(path):
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in (
                "partners",
                "products",
                "sales",
                "sale_lines",
                "payments",
                "stock_moves",
                "audit",
            )
        }
    finally:
        conn.close()


def test_demo_lists_82_products_of_51_partners_with_valid_unique_barcodes(demo_db, capsys):
    code, out, _ = run(capsys, "--db", demo_db, "export", "products", "--format", "json")
    assert code == 0
    items = json.loads(out)
    assert len(items) == 82
    assert {tuple(sorted(i)) for i in items} == {
        ("barcode", "category", "name", "partner_code", "price", "stock")
    }
    assert len({i["partner_code"] for i in items}) == 51
    codes = [i["barcode"] for i in items]
    assert len(set(codes)) == 82
    for c in codes:
        barcodes.validate(c)
    assert all(isinstance(i["price"], int) and i["price"] > 0 for i in items)
    generated = [c for c in codes if c.startswith("2")]
    assert 40 <= len(generated) <= 60  # about two thirds get an internal code

    code, out, _ = run(capsys, "--db", demo_db, "export", "partners", "--format", "json")
    partners = json.loads(out)
    assert len(partners) == 51 and set(partners[0]) == {"code", "name", "region"}


def test_sale_appears_in_export_and_stock_drops(demo_db, capsys):
    _, out, _ = run(capsys, "--db", demo_db, "export", "products", "--format", "json")
    before = {p["barcode"]: p for p in json.loads(out)}
    a, b = sorted(before)[:2]
    code, out, err = run(
        capsys,
        "--db",
        demo_db,
        "sell",
        "--at",
        "2024-02-28T10:15:00+07:00",
        "--pay",
        "qris=100000",
        "--pay",
        "cash",
        f"{a}:2",
        b,
        "--json",
    )
    assert code == 0, err
    sold = json.loads(out)
    assert set(sold) == {"receipt_no", "total", "change", "warnings"}
    expected_total = 2 * before[a]["price"] + before[b]["price"]
    assert sold["total"] == expected_total and sold["change"] == 0
    assert sold["receipt_no"] == "INA24-T1-0228-00001"

    _, out, _ = run(capsys, "--db", demo_db, "export", "sales", "--format", "json")
    [sale] = json.loads(out)
    assert sale["receipt_no"] == sold["receipt_no"]
    assert sale["status"] == "completed" and sale["cashier"] == "kasir"
    assert sale["day"] == "2024-02-28" and sale["time"] == "2024-02-28T10:15:00+07:00"
    assert [(ln["barcode"], ln["qty"], ln["partner_code"]) for ln in sale["lines"]] == [
        (a, 2, before[a]["partner_code"]),
        (b, 1, before[b]["partner_code"]),
    ]
    assert sale["payments"] == [
        {"method": "qris", "amount": 100000, "reference": ""},
        {"method": "cash", "amount": expected_total - 100000, "reference": ""},
    ]
    _, out, _ = run(capsys, "--db", demo_db, "export", "products", "--format", "json")
    after = {p["barcode"]: p for p in json.loads(out)}
    assert after[a]["stock"] == before[a]["stock"] - 2
    assert after[b]["stock"] == before[b]["stock"] - 1
    assert run(capsys, "--db", demo_db, "check")[0] == 0


def test_cash_change_and_human_output(demo_db, capsys):
    _, out, _ = run(capsys, "--db", demo_db, "export", "products", "--format", "json")
    p = json.loads(out)[0]
    code, out, _ = run(
        capsys,
        "--db",
        demo_db,
        "sell",
        "--pay",
        f"cash=Rp {p['price'] + 50000:,}".replace(",", "."),
        p["barcode"],
    )
    assert code == 0
    assert "Rp 50.000" in out


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["sell", "0000000000000"], "tidak dikenal"),
        (["sell", "--pay", "cash=1000", "{code}"], "kurang"),
        (["sell", "--pay", "qris=99999999", "{code}"], "non-tunai"),
        (["sell", "--pay", "bitcoin", "{code}"], "bitcoin"),
        (["sell", "--pay", "cash=12,5", "{code}"], "pecahan"),
        (["sell", "{code}:x"], "KODE:JUMLAH"),
        (["sell", "--cashier", "nobody", "{code}"], "nobody"),
        (["sell", "--at", "yesterday", "{code}"], "ISO-8601"),
    ],
)
def test_refused_input_exits_2_and_changes_nothing(demo_db, capsys, args, fragment):
    _, out, _ = run(capsys, "--db", demo_db, "export", "products", "--format", "json")
    code_ = json.loads(out)[0]["barcode"]
    before = counts(demo_db)
    code, out, err = run(capsys, "--db", demo_db, *[a.format(code=code_) for a in args])
    assert code == 2
    assert fragment in err
    assert counts(demo_db) == before


def test_english_messages(demo_db, capsys):
    code, _, err = run(capsys, "--lang", "en", "--db", demo_db, "sell", "0000000000000")
    assert code == 2 and "unknown code" in err


def test_csv_exports(demo_db, capsys, tmp_path):
    target = tmp_path / "products.csv"
    assert run(capsys, "--db", demo_db, "export", "products", "-o", target)[0] == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    # the JSON keys, then what the catalog importer needs to take the file back (issue 12)
    assert lines[0] == (
        "barcode,name,partner_code,category,price,stock,partner_name,region,product_name,on_hand"
    )
    assert len(lines) == 83
    run(capsys, "--db", demo_db, "sell", lines[1].split(",")[0])
    code, out, _ = run(capsys, "--db", demo_db, "export", "sales")
    assert code == 0
    header, row = out.splitlines()
    assert header.startswith("receipt_no,time,day,status,cashier,total,change,line_no,barcode")
    assert row.startswith("INA24-T1-")


def test_init_empty_event_with_admin(tmp_path, capsys):
    path = tmp_path / "fair.db"
    code, out, _ = run(
        capsys,
        "--db",
        path,
        "init",
        "--admin-pin",
        "2468",
        "--event",
        "Pameran Kriya Bali",
        "--start",
        "2024-06-01",
        "--days",
        "3",
    )
    assert code == 0 and "Pameran Kriya Bali" in out
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT username, role FROM users").fetchall() == [("admin", "admin")]
    assert conn.execute("SELECT first_day, days, commission_bp FROM event").fetchone() == (
        "2024-06-01",
        3,
        0,
    )
    pin_hash = conn.execute("SELECT pin_hash FROM users").fetchone()[0]
    assert "2468" not in pin_hash
    conn.close()
    # a second init on the same file is refused and changes nothing
    code, _, err = run(capsys, "--db", path, "init", "--admin-pin", "1357")
    assert code == 2 and "sudah" in err


def test_init_without_pin_and_without_terminal_is_refused(tmp_path):
    path = tmp_path / "fair.db"
    proc = subprocess.run(
        [sys.executable, "-m", "boothpos", "--db", str(path), "init"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "--admin-pin" in proc.stderr
    assert not path.exists() or counts_users(path) == 0


def counts_users(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name='users'").fetchone()[0]
    finally:
        conn.close()


def test_init_refuses_a_bad_pin(tmp_path, capsys):
    code, _, err = run(capsys, "--db", tmp_path / "x.db", "init", "--admin-pin", "12")
    assert code == 2 and "PIN" in err


def test_check_fails_on_a_tampered_ledger(demo_db, capsys):
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE products SET on_hand = on_hand + 1 WHERE id = 1")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", demo_db, "check")
    assert code == 1
    assert "GAGAL" in out
    code, out, _ = run(capsys, "--db", demo_db, "check", "--json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False and len(report["problems"]) == 1


def test_not_a_database(tmp_path, capsys):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello, this is not sqlite\n" * 10)
    code, _, err = run(capsys, "--db", bogus, "check")
    assert code == 1 and "bukan file database" in err
    assert bogus.read_text().startswith("hello")


def test_missing_database(tmp_path, capsys):
    code, _, err = run(capsys, "--db", tmp_path / "nope.db", "export", "products")
    assert code == 1 and "boothpos init" in err
    assert not (tmp_path / "nope.db").exists()


def test_python_dash_m_and_env_db(demo_db):
    proc = subprocess.run(
        [sys.executable, "-m", "boothpos", "export", "partners", "--format", "json"],
        env={**__import__("os").environ, "BOOTHPOS_DB": str(demo_db)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 51
    assert "PySide6" not in proc.stderr


def test_receipt_command_writes_the_receipt_pdf(demo_db, capsys, tmp_path):
    from pypdf import PdfReader

    _, out, _ = run(capsys, "--db", demo_db, "export", "products", "--format", "json")
    product = json.loads(out)[0]
    _, out, _ = run(
        capsys, "--db", demo_db, "sell", "--pay", "cash=5000000", product["barcode"], "--json"
    )
    receipt_no = json.loads(out)["receipt_no"]
    for width in (58, 80):
        target = tmp_path / f"r{width}.pdf"
        code, _, err = run(
            capsys, "--db", demo_db, "receipt", receipt_no, "-o", target, "--width", width
        )
        assert code == 0, err
        page = PdfReader(target).pages[0]
        assert abs(float(page.mediabox.width) - width / 25.4 * 72) < 0.5
        text = " ".join(page.extract_text().split())
        assert receipt_no in text
        assert product["name"].split()[0] in text
    code, _, err = run(capsys, "--db", demo_db, "receipt", "NOPE-1", "-o", tmp_path / "x.pdf")
    assert code == 2 and "NOPE-1" in err
    assert not (tmp_path / "x.pdf").exists()
    code, _, err = run(
        capsys, "--db", demo_db, "receipt", receipt_no, "-o", tmp_path / "y.pdf", "--print", "lpt9"
    )
    assert code == 2
    assert not (tmp_path / "y.pdf").exists()
