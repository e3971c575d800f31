"""``restore`` replaces the database only with a backup that passes the whole ``check``."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from boothpos.cli import main
from boothpos.core import backup


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))


def run(capsys, *argv):
    code = main(["--lang", "en", *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


def file_state(path: Path) -> tuple:
    with closing(sqlite3.connect(path)) as conn:
        return (
            conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0],
            conn.execute("SELECT group_concat(bank_details, '|') FROM partners").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0],
        )


@pytest.fixture
def taken(booth, tmp_path):
    booth.sell(("kopi", 2))
    path = backup.backup_now(booth.db, booth.path).written[0]
    booth.sell("kalung")
    booth.db.close()
    return path


def doctored(taken: Path, tmp_path: Path, *statements: str) -> Path:
    bad = tmp_path / taken.name
    with closing(sqlite3.connect(taken)) as src, closing(sqlite3.connect(bad)) as dest:
        src.backup(dest)
    with closing(sqlite3.connect(bad)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    return bad


def test_a_backup_carrying_an_extra_trigger_is_refused(booth, capsys, tmp_path, taken):
    bad = doctored(
        taken,
        tmp_path,
        "CREATE TRIGGER pay_me AFTER INSERT ON sales "
        "BEGIN UPDATE partners SET bank_details = 'ATTACKER'; END",
    )
    before = file_state(booth.path)

    code, out, err = run(capsys, "--db", booth.path, "restore", bad)

    assert code == 2, (out, err)
    assert "fails the check" in err and "pay_me" in err and "nothing was changed" in err
    assert "Traceback" not in err
    assert file_state(booth.path) == before
    assert not list(booth.path.parent.glob("*.replaced-*"))
    code, _, err = run(capsys, "--db", booth.path, "sell", booth.product["kopi"].barcode)
    assert code == 0, err
    assert "ATTACKER" not in file_state(booth.path)[1]


def test_a_backup_with_altered_books_is_refused(booth, capsys, tmp_path, taken):
    bad = doctored(
        taken,
        tmp_path,
        "DROP TRIGGER sales_no_update",
        "UPDATE sales SET time = '2024-02-28T09:00:00+07:00'",
        "CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales\n"
        "BEGIN SELECT RAISE(ABORT, 'sales is append-only: records are never changed'); END",
    )
    before = file_state(booth.path)

    code, _, err = run(capsys, "--db", booth.path, "restore", bad)

    assert code == 2
    assert "BOOKS ALTERED" in err
    assert file_state(booth.path) == before


def test_a_backup_whose_books_do_not_add_up_is_refused(booth, capsys, tmp_path, taken):
    bad = doctored(
        taken,
        tmp_path,
        "DROP TRIGGER payments_no_update",
        "UPDATE payments SET amount = amount - 1000",
    )
    code, _, err = run(capsys, "--db", booth.path, "restore", bad)
    assert code == 2
    assert "paid" in err and "fails the check" in err


def test_a_sound_backup_still_restores(booth, capsys, taken):
    code, out, err = run(capsys, "--db", booth.path, "restore", taken)
    assert code == 0, err
    code, out, err = run(capsys, "--db", booth.path, "check")
    assert code == 0, out + err
