"""Backups: verified copies after every N sales and on demand; restore, and what it refuses."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from boothpos.core import audit, backup, check, db, event, schema
from boothpos.core.errors import DatabaseInUse, RefusedInput, StorageError
from boothpos.core.instance import InstanceLock


def sales_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0]


def receipts_in(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT receipt_no FROM sales ORDER BY id")]


def sell_some(booth, n: int, hour: int = 10) -> list[str]:
    return [booth.sell("kopi", at=booth.time(1, hour, m)).receipt_no for m in range(n)]


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- writing a backup ----------------------------------------------------------------------


def test_a_backup_is_a_verified_single_file_named_by_prefix_time_and_sequence(booth, tmp_path):
    sell_some(booth, 3)
    target = tmp_path / "usb"
    target.mkdir()

    first = backup.backup(booth.db, target, at=booth.time(1, 18, 30))
    second = backup.backup(booth.db, target, at=booth.time(1, 18, 30))

    assert first.name == "INA24-T1-20240228-183000-0001.db"
    assert second.name == "INA24-T1-20240228-183000-0002.db"
    assert files_in(target) == [first.name, second.name]  # no temp file, no -wal/-journal
    with closing(sqlite3.connect(first)) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert receipts_in(first) == receipts_in(booth.path)
    info = backup.verify_backup(first)
    assert (info.event, info.prefix, info.till, info.sales) == ("INACRAFT 2024", "INA24", "T1", 3)
    assert info.last_receipt == receipts_in(booth.path)[-1]
    copy_db = db.connect(first)
    try:
        assert check.run_checks(copy_db).ok
    finally:
        copy_db.close()


def test_only_the_newest_k_backups_of_this_till_are_kept(booth, tmp_path):
    target = tmp_path / "usb"
    target.mkdir()
    other_event = target / "PAMERAN-T1-20240101-090000-0001.db"
    other_event.write_bytes(b"not ours")

    for minute in range(5):
        backup.backup(booth.db, target, keep=3, at=booth.time(1, 18, minute))

    ours = [b.path.name for b in backup.list_backups(target, prefix="INA24")]
    assert ours == [
        "INA24-T1-20240228-180400-0005.db",
        "INA24-T1-20240228-180300-0004.db",
        "INA24-T1-20240228-180200-0003.db",
    ]
    assert other_event.exists()  # another event's backups are not ours to delete


def test_a_missing_target_folder_is_refused_and_not_made(booth, tmp_path):
    usb = tmp_path / "media" / "usb"

    with pytest.raises(StorageError) as refused:
        backup.backup(booth.db, usb)

    assert "USB" in refused.value.message("id")
    assert not usb.exists()


def test_no_backup_inside_a_transaction(booth, tmp_path):
    with booth.db.atomic(), pytest.raises(StorageError):
        backup.backup(booth.db, tmp_path)


def test_backup_now_writes_the_local_folder_and_the_configured_one_and_audits(booth, tmp_path):
    sell_some(booth, 2)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.configure(booth.db, folder=usb, user_id=booth.admin.id)

    run = backup.backup_now(booth.db, booth.path, user_id=booth.admin.id)

    assert run.ok and len(run.written) == 2
    local = booth.path.parent / "inacraft-2024-files" / "backups"
    assert [p.parent for p in run.written] == [local, usb]
    entry = audit.entries(booth.reopen(), action="db.backup")[0]
    assert entry["user"] == "admin"
    assert entry["detail"]["reason"] == "manual"
    assert entry["detail"]["sales"] == 2
    assert backup.sales_since_backup(booth.db) == 0


def test_a_pulled_usb_stick_is_a_warning_and_the_local_backup_is_still_written(booth, tmp_path):
    backup.configure(booth.db, folder=tmp_path / "gone")

    run = backup.backup_now(booth.db, booth.path)

    assert len(run.written) == 1 and run.written[0].exists()
    assert len(run.warnings) == 1
    assert "gone" in run.warnings[0].message("en")
    assert "still saved" in run.warnings[0].message("en")


# --- automatic backups ---------------------------------------------------------------------


def test_an_automatic_backup_follows_every_nth_sale(booth):
    backup.configure(booth.db, every=3)
    written = []
    for minute in range(7):
        booth.sell("kopi", at=booth.time(1, 10, minute))
        run = backup.maybe_backup_after_sale(booth.db, booth.path)
        assert run.ok
        written.append(len(run.written))

    assert written == [0, 0, 1, 0, 0, 1, 0]
    local = backup.local_folder(booth.path)
    newest = backup.list_backups(local)[0]
    assert sales_in(newest.path) == 6
    assert audit.entries(booth.reopen(), action="db.backup")[0]["detail"]["reason"] == "auto"


def test_the_default_is_every_20_sales_keeping_30_and_zero_turns_it_off(booth):
    conf = backup.settings(booth.db)
    assert (conf.every, conf.keep, conf.folder) == (20, 30, None)

    backup.configure(booth.db, every=0)
    sell_some(booth, 25)

    assert not backup.auto_backup_due(booth.db)
    assert backup.maybe_backup_after_sale(booth.db, booth.path).written == ()


def test_a_failing_automatic_backup_is_a_warning_and_the_sale_stays(booth):
    backup.configure(booth.db, every=1)
    blocker = booth.path.parent / "inacraft-2024-files" / "backups"
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the backup folder should be")
    sale = booth.sell("kopi")

    run = backup.maybe_backup_after_sale(booth.db, booth.path)

    assert run.written == () and len(run.warnings) == 1
    assert run.warnings[0].message("id").startswith("cadangan gagal")
    assert receipts_in(booth.path) == [sale.receipt_no]


@pytest.mark.parametrize(("key", "value"), [("every", "-1"), ("every", "x"), ("keep", "0")])
def test_bad_backup_settings_are_refused(booth, key, value):
    with pytest.raises(RefusedInput):
        backup.configure(booth.db, **{key: value})

    assert backup.settings(booth.db) == backup.BackupSettings(20, 30, None)


def test_backup_setting_changes_are_audited(booth, tmp_path):
    backup.configure(booth.db, every=5, folder=tmp_path, user_id=booth.admin.id)

    changes = {e["entity_id"]: e for e in audit.entries(booth.reopen(), action="setting")}
    assert changes["backup_every"]["detail"] == {"old": None, "new": "5"}
    assert changes["backup_dir"]["user"] == "admin"


# --- restore -------------------------------------------------------------------------------


def test_backup_and_restore_round_trip(booth):
    kept = sell_some(booth, 4)
    taken = backup.backup_now(booth.db, booth.path).written[0]
    later = sell_some(booth, 2, hour=11)
    booth.db.close()

    result = backup.restore(taken, booth.path, user_id=booth.admin.id)

    # the sales after the backup are brought back from the replaced file (test_restore_merge.py)
    assert receipts_in(booth.path) == kept + later
    assert result.replaced is not None and result.replaced.name.startswith(
        "inacraft-2024.replaced-"
    )
    assert receipts_in(result.replaced) == kept + later  # the previous file, whole, kept aside
    assert result.missing_receipts == () and result.merged_receipts == tuple(later)
    assert result.backup.sales == 4
    restored = db.connect(booth.path)
    try:
        assert check.run_checks(restored).ok
        entry = audit.entries(restored, action="db.restore")[0]
        assert entry["detail"]["from"] == str(taken.resolve())
        assert entry["detail"]["missing_receipts"] == 0 and entry["detail"]["merged"] == 2
        assert restored.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        restored.close()
    InstanceLock(booth.path).acquire().release()  # restore let go of the lock


def test_restore_keeps_a_crashed_files_wal_with_it_and_never_applies_it_to_the_backup(
    booth, tmp_path
):
    kept = sell_some(booth, 2)
    taken = backup.backup_now(booth.db, booth.path).written[0]
    later = sell_some(booth, 3, hour=11)
    crashed = tmp_path / "crashed.db"
    with closing(sqlite3.connect(booth.path)):  # keeps the WAL from being checkpointed away
        for suffix in ("", "-wal", "-shm"):
            shutil.copy(f"{booth.path}{suffix}", f"{crashed}{suffix}")
    # the -wal holds the sales: the main file alone does not have them
    with closing(sqlite3.connect(f"file:{crashed}?mode=ro&immutable=1", uri=True)) as bare:
        tables = {r[0] for r in bare.execute("SELECT name FROM sqlite_master")}
        assert "sales" not in tables or bare.execute("SELECT COUNT(*) FROM sales").fetchone()[0] < 5

    result = backup.restore(taken, crashed)

    # the backup is the base; the crashed file's later sales (its WAL) come back by the merge
    assert receipts_in(crashed) == kept + later and result.merged_receipts == tuple(later)
    with closing(db.connect(crashed)) as restored:
        assert check.run_checks(restored).ok
    assert not Path(f"{crashed}-wal").exists() or Path(f"{crashed}-wal").stat().st_size == 0
    assert receipts_in(result.replaced) == kept + later


def test_restore_onto_a_new_laptop_without_a_database(booth, tmp_path):
    sell_some(booth, 2)
    taken = backup.backup_now(booth.db, booth.path).written[0]
    fresh = tmp_path / "laptop2" / "inacraft-2024.db"
    fresh.parent.mkdir()

    result = backup.restore(taken, fresh)

    assert result.replaced is None and result.missing_receipts == ()
    assert receipts_in(fresh) == receipts_in(booth.path)


def test_newest_good_backup_skips_a_damaged_newer_one(booth):
    sell_some(booth, 2)
    good = backup.backup(booth.db, backup.local_folder(booth.path), at=booth.time(1, 12))
    bad = backup.backup(booth.db, backup.local_folder(booth.path), at=booth.time(1, 13))
    with bad.open("r+b") as fh:
        fh.truncate(bad.stat().st_size // 2)

    assert backup.newest_good_backup(booth.path).path == good


def damaged_copy(source: Path, target: Path) -> Path:
    """A backup whose table pages were overwritten (the header is intact)."""
    shutil.copy(source, target)
    with target.open("r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(b"\xff" * 4096 * 3)
    return target


def newer_copy(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    with closing(sqlite3.connect(target)) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
        conn.commit()
    return target


def foreign_sqlite(_source: Path, target: Path) -> Path:
    with closing(sqlite3.connect(target)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.commit()
    return target


def text_file(_source: Path, target: Path) -> Path:
    target.write_text("kode_mitra;nama_mitra\nAMB01;Mutiara\n", encoding="utf-8")
    return target


def truncated(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    with target.open("r+b") as fh:
        fh.truncate(target.stat().st_size // 3)
    return target


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (damaged_copy, "is damaged"),
        (truncated, "is damaged"),
        (newer_copy, "newer boothpos"),
        (foreign_sqlite, "not a boothpos database"),
        (text_file, "not a boothpos database"),
        (lambda _s, t: t, "does not exist"),
    ],
    ids=["damaged", "truncated", "newer", "foreign-sqlite", "text", "missing"],
)
def test_restore_refuses_a_bad_file_and_changes_nothing(booth, tmp_path, make, says):
    sell_some(booth, 3)
    taken = backup.backup_now(booth.db, booth.path).written[0]
    candidate = make(taken, tmp_path / "candidate.db")
    booth.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = booth.path.read_bytes()
    listing = files_in(booth.path.parent)

    with pytest.raises(RefusedInput) as refused:
        backup.restore(candidate, booth.path)

    assert says in refused.value.message("en")
    assert "tidak ada yang diubah" in refused.value.message("id") or says == "does not exist"
    assert booth.path.read_bytes() == before
    assert files_in(booth.path.parent) == listing  # no file set aside, no temp left


def test_restore_refuses_the_database_itself_and_another_events_backup(booth, tmp_path):
    with pytest.raises(RefusedInput) as itself:
        backup.restore(booth.path, booth.path)
    assert "is the database itself" in itself.value.message("en")

    other_path = tmp_path / "other" / "pameran.db"
    other = db.connect(other_path, create=True)
    event.create_event(
        other, name="Pameran Lain", first_day=booth.time(1).date(), days=2, receipt_prefix="PL24"
    )
    other_backup = backup.backup_now(other, other_path).written[0]
    other.close()

    with pytest.raises(RefusedInput) as refused:
        backup.restore(other_backup, booth.path)

    assert "another event" in refused.value.message("en")
    assert sales_in(booth.path) == 0


def test_restore_is_refused_while_an_app_has_the_database(booth, tmp_path):
    taken = backup.backup_now(booth.db, booth.path).written[0]
    sell_some(booth, 1)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from boothpos.core.instance import InstanceLock; "
            "InstanceLock(sys.argv[1]).acquire(); print('locked', flush=True); time.sleep(60)",
            str(booth.path),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseInUse) as refused:
            backup.restore(taken, booth.path)
        assert f"pid {holder.pid}" in refused.value.message("en")
    finally:
        holder.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        holder.wait()
    assert sales_in(booth.path) == 1

    result = backup.restore(taken, booth.path)  # the killed app left no stale lock behind

    assert result.backup.sales == 0 and len(result.merged_receipts) == 1
    assert sales_in(booth.path) == 1  # the sale after the backup is brought back


def test_the_app_restores_with_the_lock_it_holds(booth):
    taken = backup.backup_now(booth.db, booth.path).written[0]
    sell_some(booth, 1)
    booth.db.close()

    with InstanceLock(booth.path) as lock:
        result = backup.restore(taken, booth.path, lock=lock)
        assert lock.held

    assert result.backup.sales == 0 and len(result.merged_receipts) == 1
    assert sales_in(booth.path) == 1


def test_an_older_backup_is_migrated_on_restore_like_any_older_file(booth, monkeypatch):
    """A backup keeps its schema version; restore opens it with db.connect (copy, migrate)."""
    from sqlite_utils import Migrations

    sell_some(booth, 1)
    taken = backup.backup_now(booth.db, booth.path).written[0]

    def m9999_test_extra(database):
        database.execute("CREATE TABLE test_extra (id INTEGER PRIMARY KEY)")

    extra = Migrations._Migration("9999_test_extra", m9999_test_extra)
    monkeypatch.setattr(schema.MIGRATIONS, "_migrations", [*schema.MIGRATIONS._migrations, extra])
    monkeypatch.setattr(db, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setattr(backup, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)

    backup.restore(taken, booth.path)

    with closing(sqlite3.connect(booth.path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION + 1
        assert conn.execute("SELECT COUNT(*) FROM test_extra").fetchone()[0] == 0
    assert sales_in(booth.path) == 1
    assert list(booth.path.parent.glob("inacraft-2024.before-9999_test_extra-*.db"))
