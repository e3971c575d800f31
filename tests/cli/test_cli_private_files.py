"""Database files and backups are owner-only (0600); command-line actions name the OS user."""

from __future__ import annotations

import os
import stat

import pytest

from boothpos.cli import main
from boothpos.core import audit, backup
from boothpos.core import db as dbmod


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_database_wal_shm_and_backups_are_created_0600(tmp_path, capsys):
    old_umask = os.umask(0o022)  # what a desktop session usually has
    try:
        path = tmp_path / "fair.db"
        assert main(["--lang", "en", "--db", str(path), "init", "--admin-pin", "2468"]) == 0
        assert mode(path) == 0o600
        live = dbmod.connect(path)
        try:
            live.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
            for sidecar in ("-wal", "-shm"):
                assert mode(f"{path}{sidecar}") == 0o600, sidecar
            assert main(["--lang", "en", "--db", str(path), "backup"]) == 0
        finally:
            live.close()
        written = backup.list_backups(backup.local_folder(path))
        assert written and all(mode(b.path) == 0o600 for b in written)
    finally:
        os.umask(old_umask)


def test_an_existing_world_readable_database_is_made_private_when_opened(tmp_path, capsys):
    path = tmp_path / "fair.db"
    assert main(["--db", str(path), "init", "--admin-pin", "2468"]) == 0
    os.chmod(path, 0o644)
    assert main(["--db", str(path), "check"]) == 0
    assert mode(path) == 0o600


def test_command_line_actions_are_audited_as_the_os_user(booth, capsys):
    code = main(["--lang", "en", "--db", str(booth.path), "sell", booth.product["kopi"].barcode])
    assert code == 0
    entry = audit.entries(booth.reopen(), action="sale.checkout")[0]
    assert entry["user"] == audit.cli_actor() and audit.cli_actor().startswith("cli:")
    assert entry["actor"] == audit.cli_actor() and entry["as_user"] == "kasir"
    # the app itself (no actor set) still records the signed-in booth user
    booth.sell("kalung")
    entry = audit.entries(booth.reopen(), action="sale.checkout")[0]
    assert entry["user"] == "kasir" and entry["actor"] == ""


def test_check_prints_the_chain_head_the_signed_sheets_carry(booth, capsys):
    from boothpos.core import chain

    booth.sell("kopi")
    code = main(["--lang", "en", "--db", str(booth.path), "check"])
    out = capsys.readouterr().out
    (head,) = chain.heads(booth.reopen())
    assert code == 0
    assert f"Book seal T1: {head.count} records, chain head {head.hash[:16]} ({head.hash})" in out


def test_a_rescued_copy_is_owner_only_too(booth):
    old_umask = os.umask(0o022)
    try:
        saved = dbmod.rescue(booth.db, "database_replaced")
    finally:
        os.umask(old_umask)
    assert saved.copy is not None and mode(saved.copy) == 0o600
