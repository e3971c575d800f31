"""The checks of the file itself (``core.integrity``); ``boothpos check`` adds the outside.

A restore proves its candidate with the file's own checks: a private copy has
no receipts folder and no backups of its own, and looking for them made a
stray ``.<db>.restore-files/backups`` folder beside the database on every
restore.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

from boothpos.cli.app import main as cli_main
from boothpos.core import backup, check, integrity, paths
from boothpos.core.rows import first, named


def _lost_receipt_pdf(booth) -> str:
    """A receipt PDF the till saved for a sale the books do not hold (a lost -wal's trace)."""
    event = booth.db.execute("SELECT receipt_prefix, till_code FROM event").fetchone()
    number = f"{event[0]}-{event[1]}-0228-09999"
    folder = paths.receipts_folder(booth.path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{number}.pdf").write_bytes(b"%PDF-1.4\n")
    return number


def test_the_file_s_own_checks_ignore_the_outside_and_check_adds_it(booth):
    booth.sell("kopi", "kalung")
    lost = _lost_receipt_pdf(booth)
    database = booth.reopen()

    own = integrity.check_books(database)
    full = check.run_checks(database)

    assert own.ok and own.counts["sales"] == 1
    assert [f.msg for f in full.findings] == [check.LOST_SALE]
    assert lost in full.findings[0].message("en")
    assert full.counts == own.counts


def test_the_file_s_own_checks_find_damage_inside_it(booth):
    sale = booth.sell("kopi")
    with closing(sqlite3.connect(booth.path)) as raw, raw:  # a person with an SQLite tool
        raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute("DROP TRIGGER sale_lines_no_update")
        raw.execute("UPDATE sale_lines SET line_total = line_total + 1")

    found = integrity.check_books(booth.reopen()).findings

    messages = [f.msg for f in found]
    assert messages[0] is integrity.INTEGRITY  # SQLite's own check names the broken CHECK
    for expected in (integrity.LINE_MATH, integrity.LINES_SUM, integrity.TRIGGER_MISSING):
        assert expected in messages
    line_math = found[messages.index(integrity.LINE_MATH)]
    assert sale.receipt_no in line_math.message("en")


def test_a_restore_leaves_nothing_beside_the_database(tmp_path):
    path = tmp_path / "booth.db"
    usb = tmp_path / "usb"
    usb.mkdir()
    assert cli_main(["--db", str(path), "init", "--demo"]) == 0
    assert cli_main(["--db", str(path), "backup", str(usb)]) == 0

    result = backup.restore(backup.list_backups(usb)[0].path, path)

    assert result.complete
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["booth-files", "usb"]
    assert not list(tmp_path.glob(".*restore*"))


def test_rows_are_read_by_column_name(booth):
    booth.sell("kopi")

    rows = list(named(booth.db, "SELECT receipt_no, total AS amount FROM sales"))
    none = first(booth.db, "SELECT id FROM sales WHERE id = ?", [99])

    assert list(rows[0]) == ["receipt_no", "amount"] and rows[0]["amount"] > 0
    assert none is None
    assert first(booth.db, "SELECT COUNT(*) AS n FROM sales") == {"n": 1}
