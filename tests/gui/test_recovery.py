"""Start-up in the app: one till per database, and a damaged database restored from a backup.

The app opens its database through ``gui.app.open_till`` (``core.startup.open_for_till``):
a second till is refused with the holder's details, a damaged file opens the
recovery dialog, which offers the newest good backup (or one the user
chooses) and restores it before the till starts.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixtures_shell import *  # noqa: F403
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from boothpos.core import backup, check, startup
from boothpos.core.errors import DamagedDatabase, DatabaseInUse
from boothpos.core.instance import InstanceLock
from boothpos.gui import app as gui_app
from boothpos.gui.banner_message import ERROR
from boothpos.gui.views.recovery_dialog import RecoveryDialog


def damage(path: Path) -> None:
    """Overwrite three pages in the middle of the file: SQLite's quick_check fails."""
    page = 4096
    assert path.stat().st_size > 6 * page
    with path.open("r+b") as fh:
        fh.seek(2 * page)
        fh.write(b"\xff" * 3 * page)


def when_modal(callback, tries: int = 200) -> None:
    """Run ``callback(dialog)`` once a modal dialog is up (inside its exec loop)."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None and left:
            QTimer.singleShot(10, lambda: attempt(left - 1))
            return
        callback(dialog)

    QTimer.singleShot(0, lambda: attempt(tries))


def sales_in(database) -> int:
    return database.execute("SELECT COUNT(*) FROM sales").fetchone()[0]


# --- one till per database -------------------------------------------------------------------


def test_a_second_till_on_the_same_database_is_refused_with_the_message(
    booth, home, monkeypatch, qapp
):
    shown: list[str] = []
    monkeypatch.setattr(gui_app, "show_error", lambda _parent, text: shown.append(text))
    with InstanceLock(booth.path):  # another boothpos app has the file
        with pytest.raises(DatabaseInUse) as refused:
            gui_app.open_till(booth.path, recover=pytest.fail)
        assert gui_app.run(db_path=booth.path) == 1

    assert shown == [refused.value.message()]
    assert shown[0].startswith(f"database '{booth.path}' sedang dipakai aplikasi boothpos lain")
    assert f"pid {os.getpid()}" in shown[0]

    till = gui_app.open_till(booth.path, recover=pytest.fail)  # the other app has closed
    try:
        assert till is not None and till.lock.held
        with pytest.raises(DatabaseInUse):
            gui_app.open_till(booth.path, recover=pytest.fail)
    finally:
        till.close()
    assert not till.lock.held


# --- a damaged database ----------------------------------------------------------------------


@pytest.fixture
def damaged(booth):
    """Three sales in the newest backup (two in an older one), a fourth after it, then damage."""
    booth.sell("kopi")
    booth.sell("noken")
    older = backup.backup_now(booth.db, booth.path).written[0]
    third = booth.sell("gelang")
    newest = backup.backup_now(booth.db, booth.path).written[0]
    booth.sell("kalung")
    booth.db.close()
    damage(booth.path)
    return {"older": older, "newest": newest, "last_receipt": third.receipt_no}


def test_the_damaged_file_is_not_sent_to_the_first_run_dialog(booth, damaged):
    assert gui_app.resolve_database(booth.path, False, ask=pytest.fail) == booth.path


def test_the_recovery_dialog_offers_the_newest_good_backup_and_restoring_it_opens_the_till(
    qtbot, booth, damaged, translators
):
    seen: dict = {}

    def restore(dialog) -> None:
        seen["dialog"] = dialog
        seen["info"] = dialog.details.info
        seen["details"] = dialog.details.details_label.text()
        seen["message"] = dialog.message_label.text()
        seen["button"] = dialog.details.restore_button.text()
        dialog.details.restore_button.click()

    when_modal(restore)
    restored: list = []
    till = gui_app.open_till(booth.path, restored=restored)
    try:
        assert isinstance(seen["dialog"], RecoveryDialog)
        assert seen["message"].startswith(f"database '{booth.path}' rusak")
        assert seen["info"].path == damaged["newest"]
        assert seen["info"].sales == 3
        assert seen["button"] == "Pulihkan cadangan ini"
        details = seen["details"]
        assert "INACRAFT 2024" in details
        assert "Transaksi: 3" in details
        assert damaged["last_receipt"] in details
        assert damaged["newest"].name in details

        assert till is not None and till.lock.held
        assert sales_in(till.db) == 3  # the backup's sales; the fourth was after it
        assert check.run_checks(till.db).ok
        [result] = restored
        assert result.backup.path == damaged["newest"]
        assert result.replaced is not None and result.replaced.exists()  # the damaged file kept
        banner = gui_app.restore_banner(result)
        assert banner.sticky
        if result.missing_receipts != ():  # the damaged file's sales after the backup
            assert banner.level == ERROR and banner.text.startswith("PERHATIAN")
    finally:
        if till is not None:
            till.close()


def test_quitting_the_recovery_dialog_opens_nothing(qtbot, booth, damaged, translators):
    when_modal(lambda dialog: dialog.quit_button.click())
    assert gui_app.open_till(booth.path) is None
    with InstanceLock(booth.path) as lock:  # the lock was let go
        assert lock.held


def test_choose_file_shows_what_it_holds_then_restores_it(
    qtbot, booth, damaged, tmp_path, translators
):
    usb = tmp_path / "usb"
    usb.mkdir()
    chosen = usb / damaged["older"].name
    chosen.write_bytes(damaged["older"].read_bytes())
    for old in backup.list_backups(backup.local_folder(booth.path)):
        old.path.unlink()  # only the USB stick has a backup now
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")

    with pytest.raises(DamagedDatabase) as exc:
        startup.open_for_till(booth.path)
    assert exc.value.backup is None
    files = iter([str(not_a_backup), str(chosen)])
    dialog = RecoveryDialog(exc.value, booth.path, choose_file=lambda: next(files))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.details.info is None
    assert not dialog.details.restore_button.isEnabled()
    assert "USB" in dialog.details.details_label.text()
    assert dialog.choose_button.text() == "Pilih file…"

    dialog.choose_button.click()  # a text file: refused, nothing to restore
    assert "bukan database boothpos" in dialog.details.refusal_label.text()
    assert not dialog.details.restore_button.isEnabled()

    dialog.choose_button.click()  # the backup on the USB stick
    assert dialog.details.info is not None and dialog.details.info.path == chosen
    assert "Transaksi: 2" in dialog.details.details_label.text()
    dialog.details.restore_button.click()

    assert dialog.result() == RecoveryDialog.DialogCode.Accepted
    assert dialog.restored is not None and dialog.restored.backup.sales == 2
    till = startup.open_for_till(booth.path)
    try:
        assert sales_in(till.db) == 2
    finally:
        till.close()
