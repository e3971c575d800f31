"""Backups from the app: settings, back up now, the list of backups, what a restore did.

Every action is a core function of :mod:`boothpos.core.backup`. Backups run on
the :class:`~boothpos.gui.worker.BackgroundWork` with their own database
connection (:func:`backup_job`): an SQLite connection belongs to the thread
that opened it, so the GUI's connection never crosses into the worker.

Restoring replaces the database under the app, so it is not done here: the
backup dialog asks for it (``restoreRequested``) and the app shell closes its
connection, restores with the instance lock it holds, reconnects and rebuilds
the window (``gui.app.AppShell.restore_backup``). :func:`restore_summary`
says what the restore did: what may be missing first, then what was brought
back from the replaced file and the till code receipts now continue under.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from sqlite_utils import Database

from boothpos.core import backup, merge, users
from boothpos.core import db as dbmod
from boothpos.core.backup import BackupFile, BackupInfo, BackupRun, BackupSettings, RestoreResult
from boothpos.core.codes import Role
from boothpos.core.notice import Notice
from boothpos.core.users import User
from boothpos.gui.models.sales_model import display_time
from boothpos.gui.output import describe_error
from boothpos.gui.worker import BackgroundWork

SHOWN_MISSING = 10  # receipts named in the restore warning; the rest are counted


def backup_job(
    db_path: str | Path, *, reason: str = "manual", user_id: int | None = None
) -> BackupRun:
    """Worker-thread job: back up to every folder on a connection of its own."""
    database = dbmod.connect(db_path)
    try:
        return backup.backup_now(database, db_path, reason=reason, user_id=user_id)
    finally:
        database.close()


def auto_backup_job(db_path: str | Path) -> BackupRun:
    """Worker-thread job after a sale: the backup if one is due (never raises a backup error)."""
    database = dbmod.connect(db_path)
    try:
        return backup.maybe_backup_after_sale(database, db_path)
    finally:
        database.close()


def failed_run(exc: BaseException) -> BackupRun:
    """A job that could not even start (no connection): one warning, as core words it."""
    return BackupRun(warnings=(Notice(backup.BACKUP_WARNING, (("reason", describe_error(exc)),)),))


def backup_details(info: BackupInfo) -> str:
    """What a verified backup holds: event, sales, last receipt and its time, the file.

    (The file name carries when the backup was taken, in the event's time zone.)
    """
    last = info.last_receipt or "-"
    when = display_time(info.last_sale_time, with_date=True) if info.last_sale_time else "-"
    text = QCoreApplication.translate(
        "BackupController",
        "Event: {event}\nTransactions: {sales}\nLast receipt: {receipt} ({time})\nFile: {file}",
    )
    return text.format(
        event=info.event,
        sales=info.sales,
        receipt=last,
        time=when,
        file=info.path,
    )


def restore_summary(result: RestoreResult) -> tuple[bool, str]:
    """(all well, text) after a restore: warnings first, then what came back and the till code.

    ``missing_receipts`` None means the replaced file could not be read: nobody
    knows whether sales are missing, and the text says so. Records the restore
    could not bring back are named with the reason (core messages, in the
    current language); a switched till code is said, so the next receipt's
    number surprises nobody.
    """
    warnings = _restore_warnings(result)
    parts = _restore_parts(result)
    return result.complete and not result.warnings, " ".join(warnings + parts)


def _restore_warnings(result: RestoreResult) -> list[str]:
    """What may be missing after a restore, loudest first."""
    last = result.backup.last_receipt or "-"
    warnings = []
    if result.missing_receipts is None:
        unknown = QCoreApplication.translate(
            "BackupController",
            "ATTENTION: the previous file could not be read, so sales after receipt "
            "{receipt} may be missing. Check the paper receipts.",
        )
        warnings.append(unknown.format(receipt=last))
    elif result.previous_damaged:
        warnings.append(
            QCoreApplication.translate(
                "BackupController",
                "ATTENTION: the previous file is damaged; what could be read was brought back, "
                "but other sales may be missing. Check the paper receipts.",
            )
        )
    if result.unmerged:
        shown = "; ".join(item.describe() for item in result.unmerged[:SHOWN_MISSING])
        lost = QCoreApplication.translate(
            "BackupController",
            "ATTENTION: records of the previous file that could not be brought back "
            "({count}): {details}. Enter them again from the paper receipts.",
        )
        more = " …" if len(result.unmerged) > SHOWN_MISSING else ""
        warnings.append(lost.format(count=len(result.unmerged), details=shown + more))
    if result.stock_moves_not_merged:
        moves = result.stock_moves_not_merged
        stock = QCoreApplication.translate(
            "BackupController",
            "ATTENTION: {count} stock changes of the previous file are not in this backup "
            "({kinds}); record them again.",
        )
        warnings.append(stock.format(count=sum(moves.values()), kinds=merge.moves_text(moves)))
    return warnings + [notice.message() for notice in result.warnings]


def _restore_parts(result: RestoreResult) -> list[str]:
    """What the restore put back: the backup, the records merged, the till code, the old file."""
    info = result.backup
    last = info.last_receipt or "-"
    restored = QCoreApplication.translate(
        "BackupController", "Restored {file}: {sales} transactions, last receipt {receipt}."
    )
    parts = [restored.format(file=info.path.name, sales=info.sales, receipt=last)]
    if result.merged_receipts:
        merged = QCoreApplication.translate(
            "BackupController",
            "Brought back from the previous file: {count} transactions made after this "
            "backup ({receipts}).",
        )
        count = len(result.merged_receipts)
        parts.append(merged.format(count=count, receipts=_shown(result.merged_receipts)))
    if result.merged_voids:
        voids = QCoreApplication.translate(
            "BackupController",
            "Brought back from the previous file: the voids of {count} sales ({receipts}).",
        )
        count = len(result.merged_voids)
        parts.append(voids.format(count=count, receipts=_shown(result.merged_voids)))
    if result.merged_day_events:
        days = QCoreApplication.translate(
            "BackupController",
            "Brought back from the previous file: {count} fair-day openings/closings.",
        )
        parts.append(days.format(count=result.merged_day_events))
    if result.users_added:
        users_back = QCoreApplication.translate(
            "BackupController",
            "Brought back from the previous file: the user accounts its transactions need "
            "({users}), with the same PINs.",
        )
        parts.append(users_back.format(users=", ".join(result.users_added)))
    if result.till_code is not None:
        till = QCoreApplication.translate(
            "BackupController",
            "Receipt numbers now continue under till code {till} (was {old}), so that no "
            "receipt number is ever issued twice.",
        )
        parts.append(till.format(till=result.till_code, old=result.previous_till or "-"))
    if result.replaced is not None:
        kept = QCoreApplication.translate(
            "BackupController", "The previous file is kept as {file}."
        )
        parts.append(kept.format(file=result.replaced))
    return parts


def _shown(receipts: tuple[str, ...]) -> str:
    """The first receipt numbers, then … for the rest."""
    more = " …" if len(receipts) > SHOWN_MISSING else ""
    return ", ".join(receipts[:SHOWN_MISSING]) + more


def run_text(run: BackupRun) -> str:
    """A finished backup: the files written, then any warnings."""
    written = QCoreApplication.translate("BackupController", "Backup written: {file}")
    lines = [written.format(file=path) for path in run.written]
    lines += [notice.message() for notice in run.warnings]
    return "\n".join(lines) or QCoreApplication.translate(
        "BackupController", "No backup was written."
    )


class BackupController(QObject):
    """The backup dialog's logic, for an admin. ``backupFinished(BackupRun)`` after a backup."""

    backupFinished = Signal(object)

    def __init__(
        self,
        db: Database,
        db_path: Path,
        user: User,
        work: BackgroundWork,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._user = users.require(user, Role.ADMIN)
        self._db = db
        self._db_path = Path(db_path)
        self._work = work
        self._running = False

    @property
    def user(self) -> User:
        return self._user

    @property
    def db_path(self) -> Path:
        return self._db_path

    @property
    def running(self) -> bool:
        return self._running

    def settings(self) -> BackupSettings:
        return backup.settings(self._db)

    def save_settings(self, *, every: int | str, keep: int | str, folder: str) -> BackupSettings:
        """Change the backup settings (audited); raises ``RefusedInput`` for a bad value."""
        return backup.configure(
            self._db, every=every, keep=keep, folder=folder.strip(), user_id=self._user.id
        )

    def backups(self) -> list[BackupFile]:
        """Every backup in the local folder and the USB folder, newest first."""
        return backup.list_backups(*backup.backup_folders(self._db_path))

    def verify(self, path: str | Path) -> BackupInfo:
        """What ``path`` holds; raises ``RefusedInput`` for a file that cannot be restored."""
        return backup.verify_backup(path)

    def back_up_now(self) -> bool:
        """Start a backup in the background (False: one is already running)."""
        if self._running:
            return False
        self._running = True
        self._work.submit(
            backup_job,
            self._db_path,
            reason="manual",
            user_id=self._user.id,
            on_done=self._finished,
            on_error=lambda exc: self._finished(failed_run(exc)),
        )
        return True

    def _finished(self, run: BackupRun) -> None:
        self._running = False
        with contextlib.suppress(RuntimeError):  # the dialog (and this controller) closed
            self.backupFinished.emit(run)
