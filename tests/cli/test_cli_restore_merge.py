"""``boothpos restore`` of an older backup: what came back, what could not, the till code."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from boothpos.cli import main
from boothpos.core import returns, stock, users


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))


def run(capsys, *argv, lang: str = "en"):
    code = main(["--lang", lang, *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


def backup_file(capsys, booth) -> Path:
    code, out, err = run(capsys, "--db", booth.path, "backup")
    assert code == 0, err
    return Path(out.split(": ", 1)[1].strip())


def sell(capsys, booth, key: str = "kopi", at: str = "2024-02-28T15:00:00+07:00") -> str:
    code, out, err = run(
        capsys, "--db", booth.path, "sell", booth.product[key].barcode, "--at", at, "--json"
    )
    assert code == 0, err
    return json.loads(out)["receipt_no"]


def issued(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT receipt_no FROM sales ORDER BY id")]


def test_restore_brings_back_later_sales_and_their_voids_and_says_so(booth, capsys):
    first = sell(capsys, booth, at="2024-02-28T10:00:00+07:00")
    taken = backup_file(capsys, booth)
    later = sell(capsys, booth, "noken", at="2024-02-28T11:00:00+07:00")
    returns.void_sale(
        booth.db,
        first,
        requested_by=booth.kasir,
        supervisor=booth.supervisor,
        reason="salah harga",
        at=booth.time(1, 11, 30),
    )
    on_paper = issued(booth.path)

    code, out, err = run(capsys, "--db", booth.path, "restore", taken)

    assert code == 0 and err == ""
    merged = f"Brought back from the previous file: 1 transactions made after this backup ({later})"
    assert merged in out
    assert f"Brought back from the previous file: the voids of 1 sales ({first})" in out
    assert "till code" not in out  # nothing was lost: the numbering simply goes on
    assert run(capsys, "--db", booth.path, "check")[0] == 0
    following = sell(capsys, booth)
    assert following == "INA24-T1-0228-00003" and following not in on_paper


def test_restore_over_an_unreadable_file_switches_the_till_code(booth, capsys):
    sell(capsys, booth, at="2024-02-28T10:00:00+07:00")
    taken = backup_file(capsys, booth)
    lost = sell(capsys, booth, at="2024-02-28T11:00:00+07:00")
    booth.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    booth.db.close()
    with booth.path.open("r+b") as fh:
        fh.write(b"\xa5" * 8192)

    code, out, err = run(capsys, "--db", booth.path, "restore", taken)

    assert code == 0, err
    assert "the previous file could not be read" in err
    assert "Receipt numbers now continue under till code T1R1 (was T1)" in out
    assert run(capsys, "--db", booth.path, "check")[0] == 0
    following = sell(capsys, booth)
    assert following == "INA24-T1R1-0228-00001" and following != lost


def test_restore_onto_a_new_laptop_switches_the_till_code_and_says_so(booth, capsys, tmp_path):
    sell(capsys, booth, at="2024-02-28T10:00:00+07:00")
    taken = backup_file(capsys, booth)
    lost = sell(capsys, booth, at="2024-02-28T11:00:00+07:00")  # then the laptop dies
    fresh = tmp_path / "laptop2" / "inacraft-2024.db"
    fresh.parent.mkdir()

    code, out, err = run(capsys, "--db", fresh, "restore", taken)

    assert code == 0 and err == ""
    assert "Receipt numbers now continue under till code T1R1 (was T1)" in out
    assert run(capsys, "--db", fresh, "check")[0] == 0
    code, out, err = run(
        capsys, "--db", fresh, "sell", booth.product["kopi"].barcode, "--at",
        "2024-02-28T15:00:00+07:00", "--json",
    )  # fmt: skip
    assert code == 0, err
    following = json.loads(out)["receipt_no"]
    assert following == "INA24-T1R1-0228-00001" and following != lost


def test_restore_brings_back_a_cashier_added_after_the_backup_and_says_so(booth, capsys):
    sell(capsys, booth, at="2024-02-28T10:00:00+07:00")
    taken = backup_file(capsys, booth)
    users.add_user(booth.db, "dewi", "2468", "attendant")
    code, out, err = run(
        capsys, "--db", booth.path, "sell", booth.product["noken"].barcode, "--cashier", "dewi",
        "--at", "2024-02-28T11:00:00+07:00", "--json",
    )  # fmt: skip
    assert code == 0, err
    hers = json.loads(out)["receipt_no"]

    code, out, err = run(capsys, "--db", booth.path, "restore", taken)

    assert code == 0 and err == ""
    assert f"1 transactions made after this backup ({hers})" in out
    assert "the user accounts its transactions need (dewi), with the same PINs" in out
    code, out, err = run(capsys, "--db", booth.path, "restore", taken, lang="id")
    assert "akun pengguna yang diperlukan transaksinya (dewi), dengan PIN yang sama" in out


def test_restore_names_what_it_could_not_bring_back_in_both_languages(booth, capsys):
    sell(capsys, booth, at="2024-02-28T10:00:00+07:00")
    taken = backup_file(capsys, booth)
    with booth.db.atomic():  # a product added after the backup, with its intake
        partner = booth.db.execute(
            "INSERT INTO partners (code, name, created_at) VALUES ('BTK01', 'Batik', '2024')"
        ).lastrowid
        product = booth.db.execute(
            "INSERT INTO products (barcode, name, partner_id, price, created_at) "
            "VALUES ('2000000000046', 'Kain Batik Tulis', ?, 300000, '2024')",
            (partner,),
        ).lastrowid
        stock.record_move(
            booth.db, product, "intake", 4, at=booth.time(1, 9), day="2024-02-28", user_id=None
        )
    code, out, err = run(
        capsys, "--db", booth.path, "sell", "2000000000046", "--at", "2024-02-28T11:00:00+07:00",
        "--json",
    )  # fmt: skip
    lost = json.loads(out)["receipt_no"]

    code, out, err = run(capsys, "--db", booth.path, "restore", taken)

    assert code == 0
    assert "ATTENTION: 1 records in the previous file are not in this backup" in err
    assert f"  {lost} (sale): product 2000000000046 (Kain Batik Tulis) is not in the backup" in err
    assert "1 stock changes in the previous file are not in this backup (intake 1)" in err
    assert "Receipt numbers now continue under till code T1R1 (was T1)" in out
    assert run(capsys, "--db", booth.path, "check")[0] == 0


def test_restore_speaks_indonesian(booth, capsys):
    sell(capsys, booth, at="2024-02-28T10:00:00+07:00")
    taken = backup_file(capsys, booth)
    later = sell(capsys, booth, at="2024-02-28T11:00:00+07:00")

    code, out, err = run(capsys, "--db", booth.path, "restore", taken, lang="id")

    assert code == 0, err
    assert f"Dikembalikan dari file sebelumnya: 1 transaksi sesudah cadangan ini ({later})" in out
    assert "File sebelumnya disimpan sebagai" in out
