"""``boothpos stock``, ``product edit`` and ``labels`` on the demo event, as typed.

Demo stock used here: TKN001 (Kopi Arabika Gayo Tani Mulia) has 8994621005716 (40 on
hand, Rp 85.000) and 8994621008120 (30); BTS001 has the longest name (2 on hand).
"""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from boothpos.cli import main
from boothpos.core import barcodes

KOPI, BIJI = "8994621005716", "8994621008120"


@pytest.fixture
def demo_db(tmp_path, monkeypatch):
    path = tmp_path / "demo.db"
    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))
    assert main(["--db", str(path), "init", "--demo"]) == 0
    return path


@pytest.fixture
def cli(demo_db, capsys):
    def run(*argv):
        code = main(["--db", str(demo_db), *[str(a) for a in argv]])
        out, err = capsys.readouterr()
        return code, out, err

    capsys.readouterr()
    return run


def counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = ("stock_moves", "audit", "products", "sales", "settings")
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def stock_rows(cli) -> dict[str, dict]:
    code, out, _ = cli("stock", "list", "--json")
    assert code == 0
    return {row["barcode"]: row for row in json.loads(out)}


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


# ---------------------------------------------------------------- stock


def test_intake_prints_the_document_and_writes_the_receipt(cli, demo_db, tmp_path):
    pdf = tmp_path / "terima.pdf"
    code, out, err = cli(
        "stock", "intake", f"{KOPI}:5", f"{BIJI}:2", "--reason", "kiriman kedua",
        "--at", "2024-02-28T09:00", "--pdf", pdf,
    )  # fmt: skip
    assert code == 0, err
    assert out.strip() == (
        "INA24-T1-TTB-0001: diterima 7 barang (2 produk), mitra TKN001 "
        "(Kopi Arabika Gayo Tani Mulia)"
    )
    assert f"Ditulis: {pdf}" in err
    text = pdf_text(pdf)
    assert "TANDA TERIMA BARANG" in text and "TKN001" in text
    assert "Kopi Arabika Gayo Bubuk 250 gr" in text and "Rp 85.000 5 Rp 425.000" in text
    assert "Kopi Gayo Biji Sangrai Peaberry 200 gr" in text and "Rp 95.000 2 Rp 190.000" in text
    assert "Tanda tangan Mitra" in text and "Petugas Booth" in text
    assert stock_rows(cli)[KOPI]["on_hand"] == 45

    again = tmp_path / "lagi.pdf"
    assert cli("stock", "sheet", "INA24-T1-TTB-0001", "-o", again)[0] == 0
    assert again.read_bytes() == pdf.read_bytes()


def test_intake_json_is_the_document(cli):
    code, out, _ = cli("stock", "intake", KOPI, "--json", "--user", "admin")
    assert code == 0
    doc = json.loads(out)
    assert doc["number"] == "INA24-T1-TTB-0001" and doc["kind"] == "intake"
    assert doc["user"] == "admin" and doc["partner"]["code"] == "TKN001"
    assert [(line["barcode"], line["qty"], line["on_hand_after"]) for line in doc["lines"]] == [
        (KOPI, 1, 41)
    ]


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["stock", "intake", f"{KOPI}:2", "2000000000039:1"], "satu dokumen hanya untuk satu"),
        (["stock", "intake", f"{KOPI}:0"], "KODE:JUMLAH"),
        (["stock", "intake", "8990000000000:1"], "tidak dikenal"),
        (["stock", "intake", f"{KOPI}:1", "--partner", "BTS001"], "milik mitra TKN001"),
        (["stock", "intake", f"{KOPI}:1", "--user", "kasir"], "tidak berwenang"),
        (["stock", "return", "--partner", "TKN001", f"{KOPI}:41"], "diminta 41, stok 40"),
        (["stock", "return", "--partner", "TKN001"], "--all"),
        (["stock", "return", "--partner", "TKN001", "--all", f"{KOPI}:1"], "--all"),
        (["stock", "adjust", KOPI, "--count", "41", "--reason", "damaged"], "miscount"),
        (["stock", "adjust", KOPI, "--delta", "-1", "--reason", "dicuri"], "dicuri"),
        (["stock", "sheet", "INA24-T1-TTB-0042", "-o", "x.pdf"], "tidak ada"),
        (["product", "edit", KOPI, "--price", "Rp 85.000,50"], "pecahan"),
    ],
)
def test_refused_stock_commands_change_nothing(cli, demo_db, argv, fragment):
    before = counts(demo_db)
    code, out, err = cli(*argv)
    assert code == 2
    assert fragment in err and out == ""
    assert counts(demo_db) == before


def test_every_move_type_adds_up_and_check_proves_it(cli, demo_db):
    """intake + sales − returns ± adjustments = on hand, shown by ``boothpos check``."""
    assert cli("stock", "intake", f"{KOPI}:10")[0] == 0  # 50
    assert cli("sell", "--at", "2024-02-28T10:00", f"{KOPI}:3")[0] == 0  # 47
    assert cli("stock", "adjust", KOPI, "--delta", "-2", "--reason", "damaged")[0] == 0  # 45
    assert cli("stock", "adjust", KOPI, "--count", "44", "--reason", "lost")[0] == 0  # 44
    assert cli("stock", "adjust", KOPI, "--count", "46", "--reason", "miscount")[0] == 0  # 46
    assert cli("stock", "return", "--partner", "TKN001", f"{KOPI}:6")[0] == 0  # 40
    # the longest-name songket (2 on hand) is sold 3 times: negative stock, sale not blocked
    code, _, err = cli("sell", "--at", "2024-02-28T11:00", "2000000000039:3")
    assert code == 0 and "menjadi -1" in err

    rows = stock_rows(cli)
    kopi, songket = rows[KOPI], rows["2000000000039"]
    assert (kopi["received"], kopi["sold"], kopi["returned"], kopi["adjusted"]) == (50, 3, 6, -1)
    assert kopi["on_hand"] == 50 - 3 - 6 - 1 == 40
    assert songket["on_hand"] == -1 and songket["status"] == "negative"
    for row in rows.values():
        assert row["received"] - row["sold"] - row["returned"] + row["adjusted"] == row["on_hand"]
    code, out, _ = cli("export", "products", "--format", "json")
    assert {p["barcode"]: p["stock"] for p in json.loads(out)} == {
        b: r["on_hand"] for b, r in rows.items()
    }
    code, out, _ = cli("check")
    assert code == 0 and "Pemeriksaan lulus" in out

    # nothing can be handed back from negative stock
    before = counts(demo_db)
    assert cli("stock", "return", "--partner", "BTS001", "--all")[0] == 2
    assert cli("stock", "return", "--partner", "BTS001", "2000000000039:1")[0] == 2
    assert counts(demo_db) == before

    # a tampered on-hand cache is caught by check
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute("UPDATE products SET on_hand = on_hand + 1 WHERE barcode = ?", (KOPI,))
    conn.close()
    code, out, _ = cli("check")
    assert code == 1 and KOPI in out


def test_return_all_writes_the_return_sheet(cli, tmp_path):
    pdf = tmp_path / "retur.pdf"
    code, out, err = cli("stock", "return", "--partner", "tkn001", "--all", "--pdf", pdf,
                         "--reason", "akhir pameran")  # fmt: skip
    assert code == 0, err
    assert "INA24-T1-RTR-0001: dikembalikan 70 barang (2 produk)" in out
    text = pdf_text(pdf)
    assert "BERITA ACARA PENGEMBALIAN BARANG" in text
    assert "Rp 85.000 40 Rp 3.400.000 0" in text and "Rp 95.000 30 Rp 2.850.000 0" in text
    assert "Tanda tangan Mitra" in text and "Petugas Booth" in text
    rows = stock_rows(cli)
    assert rows[KOPI]["on_hand"] == 0 and rows[KOPI]["status"] == "out"


def test_adjust_output_in_both_languages(cli):
    code, out, _ = cli("stock", "adjust", KOPI, "--count", "38", "--reason", "damaged",
                       "--note", "pecah")  # fmt: skip
    assert code == 0
    assert out.strip() == (
        "INA24-T1-PNY-0001: stok Kopi Arabika Gayo Bubuk 250 gr 40 → 38 (rusak: pecah)"
    )
    code, out, _ = cli("--lang", "en", "stock", "adjust", KOPI, "--delta", "-1",
                       "--reason", "lost")  # fmt: skip
    assert (
        out.strip() == "INA24-T1-PNY-0002: stock of Kopi Arabika Gayo Bubuk 250 gr 38 → 37 (lost)"
    )


def test_stock_list_filters_and_flags(cli):
    code, out, _ = cli("stock", "list", "--partner", "TKN001")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith("TKN001  8994621005716 Kopi Arabika Gayo Bubuk 250 gr")
    assert lines[0].endswith("Rp 85.000     40")
    code, out, _ = cli("stock", "list", "--text", "songket pucuak")
    assert "BTS001" in out and "menipis" in out and "…" in out
    code, out, _ = cli("stock", "list", "--flagged", "--low", "0", "--json")
    assert json.loads(out) == []
    code, out, _ = cli("stock", "list", "--flagged", "--json")
    flagged = json.loads(out)
    assert flagged and all(row["on_hand"] <= 2 for row in flagged)


def test_product_edit_changes_the_price_but_not_past_sales(cli, demo_db):
    assert cli("sell", "--at", "2024-02-28T10:00", KOPI)[0] == 0
    code, out, _ = cli("product", "edit", KOPI, "--price", "Rp 90.000", "--category", "Kopi")
    assert code == 0
    assert out.strip() == (
        f"Produk {KOPI} diubah: category 'Kuliner' → 'Kopi'; price 'Rp 85.000' → 'Rp 90.000'"
    )
    assert cli("sell", "--at", "2024-02-28T11:00", KOPI)[0] == 0
    code, out, _ = cli("export", "sales", "--format", "json")
    assert [s["lines"][0]["unit_price"] for s in json.loads(out)] == [85_000, 90_000]
    code, out, _ = cli("product", "edit", KOPI, "--price", "90000")
    assert "tidak berubah" in out
    code, out, _ = cli("audit", "--action", "product.update")
    assert code == 0 and "85000" in out and "90000" in out


# ---------------------------------------------------------------- labels


def decode_pages(path, dpi: int = 203) -> list[str]:
    found = []
    for page in pdfium.PdfDocument(path):
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        found.extend(
            barcodes.normalise(r.text) for r in zxingcpp.read_barcodes(image, try_downscale=False)
        )
    return found


def test_labels_command_as_in_the_design(cli, tmp_path):
    pdf = tmp_path / "label.pdf"
    code, out, err = cli(
        "labels", "--partner", "TKN001", "--partner", "BTS001", "--copies", "2",
        "--layout", "a4-3x8", "-o", pdf,
    )  # fmt: skip
    assert code == 0, err
    assert out == ""
    assert f"Ditulis: {pdf} (6 label, 1 halaman, tata letak a4-3x8" in err
    assert sorted(decode_pages(pdf)) == sorted(["2000000000039", KOPI, BIJI] * 2)


def test_labels_per_stock_start_and_roll(cli, tmp_path):
    pdf = tmp_path / "stok.pdf"
    code, _, err = cli("labels", "--partner", "TKN001", "--per-stock", "--start", "10", "-o", pdf)
    assert code == 0, err
    assert "(70 label, 4 halaman" in err  # 15 on the first sheet (10–24), 24 + 24 + 7
    assert len(pdfium.PdfDocument(pdf)) == 4

    roll = tmp_path / "rol.pdf"
    code, _, err = cli("labels", "--product", KOPI, "--product", BIJI, "--layout", "roll-38x25",
                       "-o", roll)  # fmt: skip
    assert code == 0 and "(2 label, 2 halaman" in err
    assert decode_pages(roll) == [KOPI, BIJI]


def test_calibration_is_stored_and_used(cli, demo_db, tmp_path):
    code, out, _ = cli("labels", "calibrate", "--layout", "roll-50x25", "--x=-1,5", "--y", "0.5",
                       "--default")  # fmt: skip
    assert code == 0
    assert out.strip() == "Geser cetak roll-50x25: x -1.5 mm (ke kanan), y 0.5 mm (ke bawah)"
    code, out, _ = cli("labels", "layouts", "--json")
    layouts = {row["name"]: row for row in json.loads(out)}
    assert layouts["roll-50x25"]["offset_mm"] == [-1.5, 0.5]
    assert layouts["roll-50x25"]["default"] is True
    assert layouts["a4-3x8"]["offset_mm"] == [0.0, 0.0]
    assert {"a4-3x8", "a4-4x10", "roll-50x25", "roll-38x25", "roll-50x30"} <= set(layouts)

    pdf = tmp_path / "geser.pdf"
    code, _, err = cli("labels", "--product", KOPI, "-o", pdf)  # the default layout now
    assert code == 0 and "tata letak roll-50x25, geser x -1.5 mm, y 0.5 mm" in err
    page = pdfium.PdfDocument(pdf)[0]
    assert page.get_size() == pytest.approx((50 / 25.4 * 72, 25 / 25.4 * 72))
    assert decode_pages(pdf) == [KOPI]

    code, out, _ = cli("labels", "layouts")
    assert "roll-50x25" in out and "x -1.5 y 0.5 mm *" in out


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["labels", "--partner", "NOPE01", "-o", "{out}"], "NOPE01"),
        (["labels", "--layout", "a4-9x9", "-o", "{out}"], "a4-3x8"),
        (["labels", "--copies", "0", "-o", "{out}"], "1 sampai 1000"),
        (["labels", "--start", "25", "-o", "{out}"], "1 sampai 24"),
        (["labels", "--layout", "roll-50x25", "--start", "2", "-o", "{out}"], "rol label"),
        (["labels", "--product", "0036000291452", "-o", "{out}"], "tidak dikenal"),
        (["labels"], "-o FILE.pdf"),
        (["labels", "calibrate", "--layout", "roll-50x25", "--x", "12"], "-10 dan 10"),
    ],
)
def test_refused_labels_write_nothing(cli, demo_db, tmp_path, argv, fragment):
    out_pdf = tmp_path / "x.pdf"
    before = counts(demo_db)
    code, out, err = cli(*[a.replace("{out}", str(out_pdf)) for a in argv])
    assert code == 2 and fragment in err
    assert not out_pdf.exists()
    assert counts(demo_db) == before


def test_copies_and_per_stock_exclude_each_other(cli, capsys):
    with pytest.raises(SystemExit) as exc:
        cli("labels", "--copies", "2", "--per-stock", "-o", "x.pdf")
    assert exc.value.code == 2


def test_labels_from_a_real_process(demo_db, tmp_path):
    pdf = tmp_path / "proses.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "boothpos", "--db", str(demo_db), "--lang", "en", "labels",
         "--partner", "BTS001", "--layout", "a4-4x10", "-o", str(pdf)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Written:" in proc.stderr and "(1 labels, 1 pages, layout a4-4x10" in proc.stderr
    assert decode_pages(pdf, 150) == ["2000000000039"]
