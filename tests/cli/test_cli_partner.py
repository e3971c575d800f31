"""``boothpos partner pin|cards|view|slip`` on the command line."""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from boothpos.cli import main
from boothpos.core import db as dbmod
from boothpos.core import demo_sales

CODE = "TKN001"
NAME = "Kopi Arabika Gayo Tani Mulia"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def fair_file(tmp_path_factory):
    """The demo event with four simulated fair days, as a file (built once)."""
    path = tmp_path_factory.mktemp("cli_partner") / "fair.db"
    assert main(["--db", str(path), "init", "--demo"]) == 0
    db = dbmod.connect(path)
    demo_sales.simulate_fair(db, sales_per_day=[30, 30, 30, 30, 0])
    db.close()
    return path


@pytest.fixture
def fair(fair_file, tmp_path):
    """A private copy of the fair for one test (PINs and locks change it)."""
    copy = tmp_path / "fair.db"
    copy.write_bytes(fair_file.read_bytes())
    return copy


@pytest.fixture
def names(fair_file) -> dict[str, str]:
    db = dbmod.connect(fair_file)
    try:
        return dict(db.execute("SELECT code, name FROM partners").fetchall())
    finally:
        db.close()


def set_pin(capsys, db, code=CODE, pin="246810"):
    assert run(capsys, "--db", db, "partner", "pin", code, "--pin", pin)[0] == 0
    return pin


def test_pin_is_printed_once_and_opens_the_view(capsys, fair):
    code, out, err = run(capsys, "--db", fair, "partner", "pin", CODE.lower())
    assert code == 0 and err == ""
    (pin,) = re.findall(r": (\d{6})\n", out)
    assert f"PIN mitra {CODE} ({NAME}): {pin}" in out and "tidak akan ditampilkan lagi" in out
    code, out, _ = run(capsys, "--db", fair, "partner", "view", CODE, "--pin", pin, "--json")
    assert code == 0 and json.loads(out)["partner"]["code"] == CODE
    # the audit log has the reset, not the PIN
    code, out, _ = run(capsys, "--db", fair, "audit", "--action", "partner", "--json")
    assert code == 0 and "partner.set_pin" in out and pin not in out


def test_pin_refusals_change_nothing(capsys, fair):
    for argv, needle in (
        (["partner", "pin", CODE, "--pin", "12"], "4 sampai 8 angka"),
        (["partner", "pin", "XXX999"], "XXX999"),
        (["partner", "pin", CODE, "--user", "kasir"], "tidak berwenang"),
        (["partner", "pin", CODE, "--user", "supervisor"], "tidak berwenang"),
    ):
        code, out, err = run(capsys, "--db", fair, *argv)
        assert code == 2 and out == "" and needle in err, argv
    code, _, err = run(capsys, "--db", fair, "partner", "view", CODE, "--pin", "123456")
    assert code == 2 and "PIN belum diatur, minta admin booth" in err


def test_view_json_equals_the_settlement_row_for_the_same_period(capsys, fair, names):
    pin = set_pin(capsys, fair)
    code, out, err = run(
        capsys, "--db", fair, "partner", "view", f"MITRA-{CODE}", "--pin", pin, "--json",
        "--today", "2024-03-01",
    )  # fmt: skip
    assert code == 0 and err == ""
    view = json.loads(out)
    to_date = view["to_date"]
    assert (to_date["from"], to_date["to"]) == ("2024-02-27", "2024-03-01")
    code, out, _ = run(
        capsys, "--db", fair, "report", "settlement", "--json",
        "--from", to_date["from"], "--to", to_date["to"],
    )  # fmt: skip
    settlement = json.loads(out)
    (row,) = [p for p in settlement["partners"] if p["code"] == CODE]
    assert {k: v for k, v in row.items() if k not in ("code", "name")} == {
        k: to_date[k] for k in row if k not in ("code", "name")
    }
    assert view["on_hand"] == row["stock"]["on_hand"]
    assert to_date["net"] > 0 and to_date["net"] < settlement["totals"]["net"]
    # the day's figures are the partner's row of that day's settlement
    code, out, _ = run(
        capsys, "--db", fair, "report", "settlement", "--json",
        "--from", "2024-03-01", "--to", "2024-03-01",
    )  # fmt: skip
    (day_row,) = [p for p in json.loads(out)["partners"] if p["code"] == CODE]
    assert (view["today"]["qty"], view["today"]["net"]) == (day_row["qty"], day_row["net"])
    # nothing of any other partner, and no booth totals
    shown = json.dumps(view, ensure_ascii=False)
    for other, name in names.items():
        if other != CODE:
            assert not re.search(rf"\b{other}\b", shown) and name not in shown
    assert settlement["totals"]["net"] not in [to_date["net"], view["today"]["net"]]
    assert set(view) == {
        "partner",
        "event",
        "as_of",
        "today",
        "days",
        "products",
        "on_hand",
        "to_date",
    }


def test_view_as_text_is_the_slip(capsys, fair, names):
    pin = set_pin(capsys, fair)
    code, out, _ = run(capsys, "--db", fair, "partner", "view", CODE, "--pin", pin)
    assert code == 0
    assert out.startswith("SLIP PENJUALAN MITRA\n") and f"{CODE} · {NAME}" in out
    assert "HAK MITRA" in out
    for other, name in names.items():
        if other != CODE:
            assert other not in out and name not in out
    code, out, _ = run(capsys, "--db", fair, "--lang", "en", "partner", "view", CODE, "--pin", pin)
    assert code == 0 and out.startswith("PARTNER SALES SLIP\n")


def test_wrong_and_locked_pins_print_nothing_of_the_partner(capsys, fair, tmp_path):
    pin = set_pin(capsys, fair)
    slip = tmp_path / "slip.pdf"
    for n in range(1, 6):
        code, out, err = run(capsys, "--db", fair, "partner", "view", CODE, "--pin", "999999")
        assert code == 2 and out == ""
        assert CODE not in err and NAME not in err
        assert ("sisa" in err) if n < 5 else ("coba lagi setelah" in err)
    for argv in (
        ["partner", "view", CODE, "--pin", pin, "--json"],  # locked: the right PIN too
        ["partner", "slip", CODE, "--pin", pin, "-o", slip],
    ):
        code, out, err = run(capsys, "--db", fair, *argv)
        assert code == 2 and out == "" and "coba lagi setelah" in err
        assert CODE not in err and NAME not in err
    assert not slip.exists()
    # an admin's reset clears the lock
    set_pin(capsys, fair, pin="135790")
    assert run(capsys, "--db", fair, "partner", "view", CODE, "--pin", "135790")[0] == 0


def test_no_pin_and_no_terminal_is_refused(capsys, fair, monkeypatch):
    set_pin(capsys, fair)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = run(capsys, "--db", fair, "partner", "view", CODE)
    assert code == 2 and out == "" and "--pin" in err


def test_slip_pdf(capsys, fair, tmp_path, names):
    pin = set_pin(capsys, fair)
    target = tmp_path / "slip.pdf"
    code, out, err = run(
        capsys, "--db", fair, "partner", "slip", CODE, "--pin", pin, "-o", target, "--width", "58"
    )
    assert code == 0 and out == "" and str(target) in err
    (page,) = PdfReader(target).pages
    assert float(page.mediabox.width) == pytest.approx(58 / 25.4 * 72)
    text = re.sub(r"\s+", " ", page.extract_text())
    assert "SLIP PENJUALAN MITRA" in text and NAME in text and "HAK MITRA" in text
    for other, name in names.items():
        if other != CODE:
            assert not re.search(rf"\b{other}\b", text) and name not in text


def test_cards(capsys, fair, tmp_path):
    every = tmp_path / "cards.pdf"
    code, out, err = run(capsys, "--db", fair, "partner", "cards", "-o", every)
    assert code == 0 and "51 kartu mitra, 6 halaman" in err
    assert len(PdfReader(every).pages) == 6
    two = tmp_path / "two.pdf"
    code, _, err = run(
        capsys, "--db", fair, "partner", "cards", "--partner", CODE, "--partner", "amb001",
        "-o", two,
    )  # fmt: skip
    assert code == 0 and "2 kartu mitra, 1 halaman" in err
    text = PdfReader(two).pages[0].extract_text()
    assert f"MITRA-{CODE}" in text and "MITRA-AMB001" in text and "MITRA-PDE001" not in text
    single = tmp_path / "single.pdf"
    assert run(capsys, "--db", fair, "partner", "cards", "--sheet", "card", "-o", single)[0] == 0
    assert len(PdfReader(single).pages) == 51
    missing = tmp_path / "missing.pdf"
    code, _, err = run(
        capsys, "--db", fair, "partner", "cards", "--partner", "NOPE01", "-o", missing
    )
    assert code == 2 and "NOPE01" in err and not missing.exists()
