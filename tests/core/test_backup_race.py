"""Backups racing each other report no false failures (issue 11, item 5).

Parallel ``sell`` processes each back up when one is due; two backups of the
same database into the same folder at the same moment used to share one
temporary file name, so one removed the other's copy mid-write ("disk I/O
error", "readonly database", "No such file") although every backup was sound.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

from boothpos.core import backup

RACER = textwrap.dedent(
    """
    import sys, time
    from boothpos.core import backup, db as dbmod
    database = dbmod.connect(sys.argv[1])
    start = float(sys.argv[2])
    while time.time() < start:
        time.sleep(0.001)
    failures = 0
    for _ in range(int(sys.argv[3])):
        run = backup.backup_now(database, sys.argv[1])
        for w in run.warnings:
            print(w.message("en"), flush=True)
    database.close()
    """
)


def test_parallel_backups_never_report_each_other_s_temporary_files(booth):
    booth.sell("kopi")
    booth.db.close()
    start = time.time() + 1.0
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(booth.path), str(start), "15"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    out = []
    for racer in racers:
        stdout, stderr = racer.communicate(timeout=120)
        assert racer.returncode == 0, stderr
        out.append(stdout)
    assert "".join(out) == ""  # no warning at all
    folder = backup.local_folder(booth.path)
    kept = backup.list_backups(folder)
    assert kept
    for found in kept:
        assert backup.verify_backup(found.path).sales == 1
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


def test_a_temporary_copy_left_by_a_killed_backup_is_cleared_later(booth):
    folder = backup.local_folder(booth.path)
    stale = folder / ".INA24-T1-20240228-100000-0001.db.999-dead.tmp"
    stale.write_bytes(b"half a copy")
    old = time.time() - backup.STALE_TEMPORARY_SECONDS - 60
    os.utime(stale, (old, old))
    fresh = folder / ".INA24-T1-20240228-100000-0002.db.998-live.tmp"
    fresh.write_bytes(b"being written")

    backup.backup_now(booth.db, booth.path)

    assert not stale.exists() and fresh.exists()
