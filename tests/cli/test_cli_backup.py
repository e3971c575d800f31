"""``boothpos backup``, ``restore``, ``audit``, the backup after ``sell``, and damaged files."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from boothpos.cli import main
from boothpos.core import audit, backup, event, startup


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))


def run(capsys, *argv):
    code = main(["--lang", "en", *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


def sales_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0]


def local_backups(booth) -> list[str]:
    return [b.path.name for b in backup.list_backups(backup.local_folder(booth.path))]


def sell(capsys, booth, *extra):
    return run(capsys, "--db", booth.path, "sell", booth.product["kopi"].barcode, *extra)


def test_backup_writes_to_the_event_folder_and_to_dir(booth, capsys, tmp_path):
    code, out, err = run(capsys, "--db", booth.path, "backup")
    assert code == 0, err
    assert out.startswith("Backup written: ") and "inacraft-2024-files/backups/INA24-T1-" in out

    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _ = run(capsys, "--db", booth.path, "backup", usb)
    assert code == 0
    written = Path(out.split(": ", 1)[1].strip())
    assert written.parent == usb and backup.verify_backup(written).event == "INACRAFT 2024"


def test_backup_to_a_missing_folder_fails_and_makes_nothing(booth, capsys, tmp_path):
    code, out, err = run(capsys, "--db", booth.path, "backup", tmp_path / "no" / "usb")

    assert code == 1 and out == ""
    assert "does not exist (USB stick not plugged in?)" in err
    assert not (tmp_path / "no").exists()


def test_backup_with_the_configured_usb_stick_missing_still_writes_locally(booth, capsys):
    backup.configure(booth.db, folder="/media/usb-not-there")

    code, out, err = run(capsys, "--db", booth.path, "backup")

    assert code == 1
    assert "Backup written" in out and "/media/usb-not-there" in err
    assert len(local_backups(booth)) == 1


def test_sell_backs_up_after_every_nth_sale(booth, capsys):
    backup.configure(booth.db, every=2)

    for n in range(1, 5):
        code, _, err = sell(capsys, booth)
        assert code == 0, err
        assert len(local_backups(booth)) == n // 2


def test_a_failing_backup_after_sell_is_a_warning_and_the_sale_stands(booth, capsys):
    backup.configure(booth.db, every=1)
    blocker = booth.path.parent / "inacraft-2024-files" / "backups"
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("not a folder")

    code, out, err = sell(capsys, booth, "--json")

    assert code == 0
    result = json.loads(out)
    assert any(w.startswith("backup failed") for w in result["warnings"])
    assert "Warning: backup failed" in err
    assert sales_in(booth.path) == 1


def test_restore_round_trip(booth, capsys):
    sell(capsys, booth)
    _, out, _ = run(capsys, "--db", booth.path, "backup")
    taken = out.split(": ", 1)[1].strip()
    _, out, _ = sell(capsys, booth, "--json")
    later = json.loads(out)["receipt_no"]

    code, out, err = run(capsys, "--db", booth.path, "restore", taken)

    assert code == 0, err
    assert "Restored from" in out and "1 transactions" in out
    assert "The previous file is kept as" in out
    # the sale after the backup is brought back from the replaced file (test_cli_restore_merge)
    merged = f"Brought back from the previous file: 1 transactions made after this backup ({later})"
    assert merged in out and err == ""
    assert sales_in(booth.path) == 2
    code, out, _ = run(capsys, "--db", booth.path, "check")
    assert code == 0 and out.startswith("Check passed")


def test_restore_refuses_a_damaged_backup_with_exit_2_and_changes_nothing(booth, capsys, tmp_path):
    sell(capsys, booth)
    _, out, _ = run(capsys, "--db", booth.path, "backup")
    taken = Path(out.split(": ", 1)[1].strip())
    with taken.open("r+b") as fh:
        fh.truncate(taken.stat().st_size // 2)
    before = sorted(p.name for p in booth.path.parent.iterdir())

    code, out, err = run(capsys, "--db", booth.path, "restore", taken)

    assert code == 2 and out == ""
    assert "is damaged" in err and "nothing was changed" in err
    assert sorted(p.name for p in booth.path.parent.iterdir()) == before
    assert sales_in(booth.path) == 1


def test_restore_is_refused_while_the_till_app_runs(booth, capsys):
    _, out, _ = run(capsys, "--db", booth.path, "backup")
    taken = out.split(": ", 1)[1].strip()

    with startup.open_for_till(booth.path):
        code, _, err = run(capsys, "--db", booth.path, "restore", taken)

    assert code == 1 and "is in use by another boothpos app" in err


def test_short_commands_work_while_the_till_app_runs(booth, capsys):
    with startup.open_for_till(booth.path):
        assert sell(capsys, booth)[0] == 0  # a coordinator backfilling a sale
        assert run(capsys, "--db", booth.path, "export", "sales", "--format", "json")[0] == 0
        assert run(capsys, "--db", booth.path, "check")[0] == 0
        assert run(capsys, "--db", booth.path, "backup")[0] == 0
        assert run(capsys, "--db", booth.path, "audit", "--limit", "3")[0] == 0


def test_audit_lists_newest_first_filters_and_emits_json(booth, capsys):
    sell(capsys, booth)
    event.set_setting(booth.db, "receipt_width", "58", user_id=booth.admin.id)

    code, out, _ = run(capsys, "--db", booth.path, "audit", "--limit", "2")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert "admin" in lines[0] and "setting.change" in lines[0] and "receipt_width" in lines[0]
    assert "kasir" in lines[1] and "sale.checkout" in lines[1]

    code, out, _ = run(capsys, "--db", booth.path, "audit", "--action", "sale", "--json")
    entries = json.loads(out)
    assert code == 0 and [e["action"] for e in entries] == ["sale.checkout"]
    assert entries[0]["detail"]["lines"] == 1
    # a command-line sale: the operating-system user acted, as the cashier kasir
    assert entries[0]["user"] == audit.cli_actor() and entries[0]["as_user"] == "kasir"

    code, out, err = run(capsys, "--db", booth.path, "audit", "--action", "nothing.here")
    assert code == 0 and out == "" and "No audit entries" in err


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_audit_refuses_a_bad_limit(booth, capsys, limit):
    code, _, err = run(capsys, "--db", booth.path, "audit", "--limit", limit)

    assert code == 2 and limit in err


def test_a_truncated_database_gets_a_message_naming_the_backup_not_a_traceback(booth, capsys):
    sell(capsys, booth)
    _, out, _ = run(capsys, "--db", booth.path, "backup")
    taken = out.split(": ", 1)[1].strip()
    booth.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    booth.db.close()
    with booth.path.open("r+b") as fh:
        fh.truncate(booth.path.stat().st_size // 2)

    for command in (["check"], ["export", "sales"], ["sell", booth.product["kopi"].barcode]):
        code, out, err = run(capsys, "--db", booth.path, *command)
        assert code == 1, command
        assert "is damaged" in err and taken in err and "Traceback" not in err

    code, out, err = run(capsys, "--db", booth.path, "restore", taken)
    assert code == 0, err
    assert "could not be read" in err  # the damaged file's last receipts are unknown
    assert run(capsys, "--db", booth.path, "check")[0] == 0


def test_close_day_backs_up_after_the_close_is_committed(booth, capsys):
    booth.sell("kopi", at=booth.time(1, 10))

    code, _, err = run(
        capsys, "--db", booth.path, "close-day", "2024-02-28", "--counted-cash", "85000",
        "--at", "2024-02-28T21:00:00+07:00",
    )  # fmt: skip

    assert code == 0, err
    newest = backup.list_backups(backup.local_folder(booth.path))[0]
    with closing(sqlite3.connect(newest.path)) as copy:
        kinds = [r[0] for r in copy.execute("SELECT kind FROM day_events ORDER BY id")]
    assert kinds == ["open", "close"]  # the backup holds the close
    entry = audit.entries(booth.reopen(), action="db.backup")[0]
    assert entry["detail"]["reason"] == "day_close" and entry["as_user"] == "supervisor"
    assert entry["user"] == audit.cli_actor()


def test_backup_when_the_local_folder_cannot_be_made_is_a_failure_not_a_traceback(booth, capsys):
    blocker = booth.path.parent / "inacraft-2024-files" / "backups"
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("not a folder")

    code, out, err = run(capsys, "--db", booth.path, "backup")

    assert code == 1 and out == ""
    assert "backup failed: could not write a backup to" in err
