"""Start-up: one till app per database, a quick integrity check, early warnings."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from boothpos.core import backup, db, startup
from boothpos.core.errors import DamagedDatabase, DatabaseError, DatabaseInUse
from boothpos.core.instance import InstanceLock, lock_path

ROOT = Path(__file__).resolve().parents[2]


def hold_lock_in_another_process(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from boothpos.core.instance import InstanceLock; "
            "InstanceLock(sys.argv[1]).acquire(); print('locked', flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout.readline().strip() == "locked"
    return proc


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(getattr(signal, "SIGKILL", signal.SIGTERM))
    proc.wait()


def damage(path: Path) -> None:
    """Overwrite table pages in the middle of the file (its header stays intact)."""
    with path.open("r+b") as fh:
        fh.seek(4096 * 3)
        fh.write(b"\x00\xff" * 4096)


def checkpointed(booth) -> Path:
    booth.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    booth.db.close()
    return booth.path


def test_a_sound_database_opens_for_the_till_with_its_lock(booth):
    booth.sell("kopi")

    with startup.open_for_till(booth.path) as till:
        assert till.lock.held
        assert till.db.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 1
        assert till.notices == ()
        assert lock_path(booth.path).exists()

    InstanceLock(booth.path).acquire().release()  # closing the till let go of the lock


def test_a_second_till_on_the_same_database_is_refused_naming_the_first(booth):
    with startup.open_for_till(booth.path), pytest.raises(DatabaseInUse) as refused:
        startup.open_for_till(booth.path)

    text = refused.value.message("en")
    assert f"pid {os.getpid()} on {socket.gethostname()}" in text
    assert "Only one till app may open a database" in text
    assert "sedang dipakai aplikasi boothpos lain" in refused.value.message("id")
    assert refused.value.exit_code == 1


def test_a_till_in_another_process_is_refused_and_its_crash_leaves_no_stale_lock(booth):
    holder = hold_lock_in_another_process(booth.path)
    try:
        with pytest.raises(DatabaseInUse) as refused:
            startup.open_for_till(booth.path)
        assert f"pid {holder.pid}" in refused.value.message("en")
    finally:
        kill(holder)

    with startup.open_for_till(booth.path) as till:
        assert till.lock.held


def test_the_same_lock_object_is_reentrant_and_releasing_twice_is_harmless(booth):
    lock = InstanceLock(booth.path)
    assert lock.acquire() is lock.acquire()
    lock.release()
    lock.release()
    assert not lock.held


def test_a_damaged_database_names_the_newest_good_backup(booth):
    booth.sell("kopi")
    good = backup.backup_now(booth.db, booth.path).written[0]
    path = checkpointed(booth)
    damage(path)

    with pytest.raises(DamagedDatabase) as refused:
        startup.open_for_till(path)

    assert refused.value.backup == good
    text = refused.value.message("en")
    assert good.name in text and "1 transactions" in text
    assert f"boothpos restore {good}" in text
    assert "rusak" in refused.value.message("id")
    InstanceLock(path).acquire().release()  # the lock is free for the restore


def test_a_damaged_database_without_a_backup_says_so(booth):
    path = checkpointed(booth)
    damage(path)

    with pytest.raises(DamagedDatabase) as refused:
        startup.open_for_till(path)

    assert refused.value.backup is None
    assert "no good backup" in refused.value.message("en")


def test_a_truncated_database_is_a_damaged_one(booth):
    booth.sell("kopi")
    path = checkpointed(booth)
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)

    with pytest.raises(DamagedDatabase):
        startup.open_for_till(path)


def test_restoring_the_named_backup_makes_the_till_open_again(booth):
    booth.sell("kopi")
    backup.backup_now(booth.db, booth.path)
    path = checkpointed(booth)
    damage(path)
    with pytest.raises(DamagedDatabase) as refused:
        startup.open_for_till(path)

    backup.restore(refused.value.backup, path)

    with startup.open_for_till(path) as till:
        assert till.db.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 1


@pytest.mark.parametrize("case", ["missing", "text", "newer"])
def test_files_connect_refuses_are_refused_and_the_lock_is_let_go(booth, tmp_path, case):
    path = {"missing": tmp_path / "nope.db", "text": tmp_path / "notes.db"}.get(case, booth.path)
    if case == "text":
        path.write_text("bukan database\n" * 50)
    if case == "newer":
        booth.db.execute("PRAGMA user_version = 999")

    with pytest.raises(DatabaseError) as refused:
        startup.open_for_till(path)

    assert not isinstance(refused.value, DatabaseInUse)
    InstanceLock(path).acquire().release()


def test_start_warnings_for_a_missing_backup_folder_and_a_nearly_full_disk(booth, monkeypatch):
    backup.configure(booth.db, folder="/media/usb-that-is-not-there")
    monkeypatch.setattr(startup, "LOW_DISK_BYTES", shutil.disk_usage(booth.path.parent).free * 2)

    with startup.open_for_till(booth.path) as till:
        texts = [n.message("en") for n in till.notices]

    assert any("MB free on the disk" in t for t in texts)
    assert any("/media/usb-that-is-not-there" in t for t in texts)


def test_the_quick_check_finds_nothing_in_a_busy_sound_file(booth):
    for minute in range(20):
        booth.sell("kopi", ("kalung", 1), at=booth.time(1, 10, minute))

    assert db.integrity_problems(booth.path, quick=True) == []


def test_unchecked_the_till_opens_and_check_integrity_names_the_newest_good_backup(booth):
    """The app opens without the quick check and runs ``check_integrity`` in the background."""
    booth.sell("kopi")
    good = backup.backup_now(booth.db, booth.path).written[0]
    path = checkpointed(booth)
    assert startup.check_integrity(path) is None  # sound
    conn = db.sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'payments'").fetchone()
    conn.close()
    with path.open("r+b") as fh:  # damage a table the start-up does not read
        fh.seek((root - 1) * 4096)
        fh.write(b"\xff" * 4096)

    with startup.open_for_till(path, check=False) as till:
        assert till.lock.held
        with pytest.raises(DamagedDatabase) as refused:
            startup.check_integrity(path)
    assert refused.value.backup == good
    with pytest.raises(DamagedDatabase):
        startup.open_for_till(path)  # checked by default, as before


def test_unchecked_a_file_too_damaged_to_open_is_still_refused(booth):
    path = checkpointed(booth)
    with path.open("r+b") as fh:  # the schema's pages: connect cannot read them
        fh.seek(2 * 4096)
        fh.write(b"\xff" * 3 * 4096)

    with pytest.raises(DamagedDatabase):
        startup.open_for_till(path, check=False)
    InstanceLock(path).acquire().release()  # the lock was let go
