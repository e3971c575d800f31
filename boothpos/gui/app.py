"""Start the cashier app: application, language, database, main window.

``run()`` is what ``boothpos`` (no subcommand) calls. The pieces are
separate so tests can build them without entering the event loop:
:func:`resolve_database`, :func:`build_main_window` and :class:`AppShell`.

Start-up loads only what the first screens need (sign-in and sale screen).
The sales history screen is built on its first F9, stock & labels on its
first F10 (supervisors only); the first-run, settings,
payment, search, refund and supervisor dialogs are imported when first
opened; reportlab when the first receipt is rendered (see ``gui.receipts``).
``benchmarks/bench_gui.py`` measures the cold start.

The database is opened by :func:`open_till` (``core.startup.open_for_till``:
one till per database, start-up warnings shown as banners); its quick
integrity check runs in the background once the sign-in screen is up
(:meth:`AppShell.check_database`; nobody signs in before it has passed), and
a damaged file goes through the recovery dialog. The admin menu's
backup and audit dialogs, like the recovery dialog, are imported when opened.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

import boothpos
from boothpos.core import db as dbmod
from boothpos.core import paths, startup
from boothpos.core.codes import Role
from boothpos.core.errors import BoothError, DamagedDatabase
from boothpos.core.event import Event, get_event
from boothpos.core.users import User
from boothpos.gui.banner_message import ERROR, INFO, WARNING, BannerMessage
from boothpos.gui.controllers import setup_controller as setup
from boothpos.gui.controllers.login_controller import LoginController
from boothpos.gui.dialogs import DialogManager
from boothpos.gui.i18n import Translators
from boothpos.gui.main_window import MainWindow
from boothpos.gui.output import OutputService, describe_error
from boothpos.gui.preferences import (
    Preferences,
    load_geometry,
    load_preferences,
    open_settings,
    printing_spec,
    save_geometry,
    save_preferences,
)
from boothpos.gui.receipts import ReceiptService
from boothpos.gui.style import apply_style, style_arguments
from boothpos.gui.views.login_view import LoginScreen
from boothpos.gui.views.sale_view import SaleScreen

if TYPE_CHECKING:
    from sqlite_utils import Database

    from boothpos.core.backup import RestoreResult
    from boothpos.core.notice import Notice
    from boothpos.core.startup import Till
    from boothpos.gui.views.audit_view import AuditDialog
    from boothpos.gui.views.backup_dialog import BackupDialog
    from boothpos.gui.views.history_view import HistoryScreen
    from boothpos.gui.views.inventory_view import InventoryScreen
    from boothpos.gui.views.partner_dashboard import PartnerScreen
    from boothpos.gui.views.reports_view import ReportsScreen

log = logging.getLogger(__name__)

APP_NAME = "boothpos"
ORGANISATION = "boothpos"
EXIT_OK, EXIT_FAIL = 0, 1
# the app's named dialogs (one of each open at a time)
BACKUP_DIALOG, AUDIT_DIALOG, PARTNER_ADMIN_DIALOG, QRIS_DIALOG = (
    "backup",
    "audit",
    "partners",
    "qris",
)

AskFirstRun = Callable[[Path], Path | None]
Recover = Callable[[Path, DamagedDatabase], "RestoreResult | None"]


def configure_application(app: QApplication, *, style_chosen: bool = False) -> None:
    """Names, version and look; ``style_chosen``: made with ``style.style_arguments()``."""
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("boothpos")
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(boothpos.__version__)
    apply_style(app, style_chosen=style_chosen)


# ---------------------------------------------------------------- database ---


def ask_first_run(target: Path, parent: QWidget | None = None) -> Path | None:
    """Show the first-run dialog; the database to open, or None when the user quits."""
    from boothpos.gui.views.first_run_dialog import FirstRunDialog

    dialog = FirstRunDialog(
        target,
        open_demo=lambda: setup.ensure_demo(paths.demo_db()),
        create_event=lambda spec: _create(target, spec),
        parent=parent,
    )
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return None
    return dialog.database_path()


def _create(target: Path, spec: setup.NewEvent) -> Path:
    setup.create_event_database(target, spec)
    return target


def resolve_database(
    db_path: str | Path | None, demo: bool, ask: AskFirstRun = ask_first_run
) -> Path | None:
    """The event database to open.

    ``demo`` → the demo database (built on first use); else ``db_path`` or the
    default. A missing (or event-less) database goes through ``ask`` (the
    first-run dialog). Raises ``DatabaseError`` for a file that is not usable.
    """
    if demo:
        return setup.ensure_demo(paths.demo_db())
    path = Path(db_path) if db_path else paths.default_db()
    try:
        if setup.has_event(path):
            return path
    except DamagedDatabase:
        return path  # open_till offers to restore a backup
    return ask(path)


def ask_recovery(db_path: Path, damaged: DamagedDatabase) -> RestoreResult | None:
    """The recovery dialog for a damaged database; what was restored, or None to quit."""
    from boothpos.gui.views.recovery_dialog import RecoveryDialog

    dialog = RecoveryDialog(damaged, db_path)
    if dialog.exec() != RecoveryDialog.DialogCode.Accepted:
        return None
    return dialog.restored


def open_till(
    db_path: Path,
    *,
    recover: Recover = ask_recovery,
    restored: list[RestoreResult] | None = None,
    check: bool = True,
    damaged: DamagedDatabase | None = None,
) -> Till | None:
    """Lock, check and open the database for this till (``core.startup.open_for_till``).

    A damaged database goes to ``recover`` (the recovery dialog) until a
    restored file opens (each restore is appended to ``restored``); None when
    the user quits there. ``DatabaseInUse`` (another till has the file) and
    any other ``DatabaseError`` are raised for the caller to show.
    ``check=False`` leaves the quick check to :meth:`AppShell.check_database`;
    ``damaged`` (what that check found) starts with the recovery dialog. A
    restored file is always checked before it opens.
    """
    while True:
        if damaged is None:
            try:
                return startup.open_for_till(db_path, check=check)
            except DamagedDatabase as exc:
                damaged = exc
        result = recover(db_path, damaged)
        damaged, check = None, True
        if result is None:
            return None
        if restored is not None:
            restored.append(result)


def restore_banner(result: RestoreResult) -> BannerMessage:
    """What a restore did, for the sale screen's banner (red when sales may be missing)."""
    from boothpos.gui.controllers.backup_controller import restore_summary

    ok, text = restore_summary(result)
    return BannerMessage(INFO if ok else ERROR, text, sticky=True, key="restore")


# ------------------------------------------------------------------ window ---


def make_printer(prefs: Preferences) -> tuple[object, str | None]:
    """This till's printer; PDF-only with a reason when it cannot be set up."""
    from boothpos.printing import PdfOnlyPrinter
    from boothpos.printing import make_printer as _make

    spec = printing_spec(prefs.printer)
    try:
        return _make(spec, paper_mm=prefs.receipt_width), None
    except Exception as exc:  # a wrong printer setting must not keep the till closed
        log.warning("printer %r unavailable: %s", spec, exc)
        reason = exc.message() if isinstance(exc, BoothError) else str(exc)
        return PdfOnlyPrinter(), reason


def make_receipts(db: Database, event: Event, db_path: Path, prefs: Preferences):
    """The app's one :class:`OutputService` (this till's printer, the event folder, the one
    worker) and the ``ReceiptService`` on it, at this till's receipt width."""
    printer, problem = make_printer(prefs)
    folder = paths.receipts_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    output = OutputService(paths.event_folder(db_path), printer)
    service = ReceiptService(
        db, event, folder, output, width_mm=prefs.receipt_width, lang=prefs.language
    )
    return service, problem


def build_main_window(
    db: Database,
    db_path: Path,
    prefs: Preferences,
    *,
    user: User | None = None,
    receipts: ReceiptService | None = None,
    notices: Sequence[Notice] = (),
) -> MainWindow:
    """Compose the window: each screen gets only the services it needs.

    ``notices`` (start-up warnings: low disk, USB folder missing) stay on the
    sale screen's banner until dismissed.
    """
    event = get_event(db)
    problem = None
    if receipts is None:
        receipts, problem = make_receipts(db, event, db_path, prefs)
    output = receipts.output
    login = LoginScreen(LoginController(db), event.name, event.venue)
    sale = SaleScreen(db, event, receipts)

    def history() -> HistoryScreen:  # built on the first F9, not at start
        from boothpos.gui.controllers.history_controller import HistoryController
        from boothpos.gui.views.history_view import HistoryScreen

        return HistoryScreen(HistoryController(db, event, receipts))

    def inventory() -> InventoryScreen:  # stock & labels, built on the first F10
        return make_inventory_screen(db, event, output)

    def reports() -> ReportsScreen:  # reports & the fair day, built on the first F11
        from boothpos.gui.views.reports_view import make_reports_screen

        return make_reports_screen(db, event, db_path, work=output.work, output=output)

    def partner() -> PartnerScreen:  # partner mode, built on the first F3 / card scan
        return make_partner_screen(db, db_path, receipts, output)

    window = MainWindow(
        event, login, sale, history, inventory=inventory, reports=reports, partner=partner
    )
    if receipts.parent() is None:
        receipts.setParent(window)  # lives as long as the window
    window.receipts = receipts
    window.output = output
    if problem:
        window.statusBar().showMessage(printer_problem_text(problem), 15000)
    for notice in notices:
        sale.banner.show_message(BannerMessage(WARNING, notice.message(), sticky=True))
    if user is not None:
        window.sign_in(user)
    return window


def make_partner_screen(
    db: Database, db_path: Path, receipts: ReceiptService, output: OutputService
) -> PartnerScreen:
    """Partner mode: the partner's sign-in and dashboard; the slip is saved in the event
    folder and printed on the till's printer through the output service, at the receipt
    width."""
    from boothpos.gui.controllers.partner_controller import SLIP_FOLDER, PartnerController
    from boothpos.gui.views.partner_dashboard import PartnerScreen

    controller = PartnerController(
        db,
        paths.event_folder(db_path) / SLIP_FOLDER,
        output=output,
        width_mm=lambda: receipts.width_mm,
    )
    screen = PartnerScreen(controller)
    controller.setParent(screen)
    return screen


def make_inventory_screen(db: Database, event: Event, output: OutputService) -> InventoryScreen:
    """The stock & labels screen: sheets and labels go to the event folder and, on a
    system printer, through the output service."""
    from boothpos.gui.controllers.inventory_controller import InventoryController
    from boothpos.gui.views.inventory_view import InventoryScreen

    controller = InventoryController(db, event, output)
    screen = InventoryScreen(controller)
    controller.setParent(screen)
    return screen


@dataclass(frozen=True)
class WindowPlace:
    """Where a window is and how it is shown, to put its replacement in the same place.

    ``saveGeometry``/``restoreGeometry`` between two live windows let a maximised
    window come back un-maximised and a title bar lower on some window managers;
    the client geometry and the state carry over exactly.
    """

    geometry: QRect
    maximized: bool
    full_screen: bool

    @classmethod
    def of(cls, window: QWidget) -> WindowPlace:
        return cls(QRect(window.geometry()), window.isMaximized(), window.isFullScreen())

    def apply(self, window: QWidget) -> None:
        window.setGeometry(self.geometry)
        if self.full_screen:
            window.showFullScreen()
        elif self.maximized:
            window.showMaximized()
        else:
            window.show()


class AppShell(QObject):
    """Owns the window, the preferences and the translators; rebuilds after a settings change.

    ``till`` (from :func:`open_till`) is the hold on the database: its
    instance lock lets a restore replace the file, and its ``db`` follows the
    reconnection after one. ``notices`` are start-up warnings for the banner.
    """

    def __init__(
        self,
        db: Database,
        db_path: Path,
        settings: QSettings,
        translators: Translators,
        parent: QObject | None = None,
        *,
        till: Till | None = None,
        notices: Sequence[Notice] = (),
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.db_path = db_path
        self.settings = settings
        self.translators = translators
        self.till = till
        self.notices = tuple(notices)
        self.prefs = load_preferences(settings)
        self.window: MainWindow | None = None
        self.dialogs = DialogManager()  # backups, audit log, partner PINs, booth QRIS
        self.checking = False  # the background integrity check has not passed yet
        self.exit_code: int | None = None  # set when the app must end (recovery quit)
        self.check_work: QObject | None = None  # runs the integrity check (BackgroundWork)
        self.hub_status: QObject | None = None  # HubStatus: background sync with the booth hub
        self._recover: Recover = ask_recovery
        self.customer_display: QObject | None = None  # CustomerDisplayController, on Ctrl+D

    def start(self, user: User | None = None, *, like: WindowPlace | None = None) -> MainWindow:
        """Build and show the window; ``like`` puts it where the one it replaces was."""
        window = build_main_window(
            self.db, self.db_path, self.prefs, user=user, notices=self.notices
        )
        geometry = load_geometry(self.settings)
        window.settingsRequested.connect(self.open_settings)
        window.backupRequested.connect(self.open_backup)
        window.auditRequested.connect(self.open_audit)
        window.partnerAdminRequested.connect(self.open_partner_admin)
        window.qrisRequested.connect(self.open_qris)
        window.customerDisplayRequested.connect(self.toggle_customer_display)
        window.closing.connect(self.save_window)
        self.window = window
        from boothpos.gui.hub_status import attach_hub_status

        self.hub_status = attach_hub_status(window, self.db, self.db_path, sale=window.sale)
        if self.hub_status is not None:
            window.closing.connect(self.hub_status.stop)
        if self.checking:
            window.login.controller.hold()
        if like is not None:  # a rebuild (new language): same place, same state, no frame drift
            like.apply(window)
        elif geometry is not None and window.restoreGeometry(geometry):
            window.show()
        else:  # first start: a booth laptop screen is small, use all of it
            screen = window.screen().availableGeometry()
            window.resize(screen.size())
            window.showMaximized()
        return window

    def save_window(self) -> None:
        if self.window is not None:
            save_geometry(self.settings, self.window.saveGeometry())

    def open_settings(self) -> None:
        user = self.window.user if self.window is not None else None
        if user is None or not user.can(Role.SUPERVISOR):
            return  # settings are for a signed-in supervisor or administrator
        from boothpos.gui.views.settings_dialog import SettingsDialog

        hub = None
        if self.hub_status is not None:  # a till of a booth hub: its address is a setting too
            from boothpos.hub import address as hub

        dialog = SettingsDialog(
            self.prefs,
            available_printers(),
            check_printer,
            parent=self.window,
            hub_address=hub.current(self.db) if hub else None,
            check_hub=hub.problem if hub else (lambda _text: None),
        )
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply(dialog.preferences())
            if hub and dialog.hub_address() != hub.current(self.db):
                self.change_hub_address(dialog.hub_address())

    def change_hub_address(self, text: str) -> None:
        """Point this till at its hub's new address and sync at once."""
        from boothpos.hub import address

        user = self.window.user if self.window is not None else None
        address.change(self.db, text, user_id=user.id if user else None)
        if self.hub_status is not None:
            self.hub_status.request()

    def apply(self, prefs: Preferences) -> None:
        """Save ``prefs``. A new language rebuilds the window (same cashier signed in);
        a new printer or receipt width goes straight to the receipt service."""
        if prefs == self.prefs:
            return
        old_prefs, self.prefs = self.prefs, prefs
        save_preferences(self.settings, prefs)
        if prefs.language != old_prefs.language:
            self.translators.install(prefs.language)
            self._rebuild()
            return
        window = self.window
        receipts = window.receipts if window is not None else None
        if receipts is None:
            return
        printer, problem = make_printer(prefs)
        receipts.set_printer(printer)
        receipts.set_width(prefs.receipt_width)
        if problem and window is not None:
            window.statusBar().showMessage(printer_problem_text(problem), 15000)

    def _rebuild(self) -> None:
        old = self.window
        user = old.user if old is not None else None
        place = WindowPlace.of(old) if old is not None and old.isVisible() else None
        if old is not None:
            self.save_window()
            old.closing.disconnect(self.save_window)
            if self.customer_display is not None:
                self.customer_display.close()
                self.customer_display = None
            old.hide()
            old.deleteLater()
        self.window = None
        self.start(user, like=place)

    # -- the start-up integrity check ----------------------------------------------------

    def check_database(
        self,
        check: Callable[[Path], object] | None = None,
        *,
        recover: Recover = ask_recovery,
    ) -> None:
        """Run the quick integrity check in the background, on a connection of its own.

        ``check`` (default ``core.startup.check_integrity``) gets the database
        path on a worker thread. Until it passes nobody signs in (the sign-in
        screen says so; a PIN entered meanwhile is checked then). A damaged
        file closes this app's connection and lock and goes through
        ``recover`` (the recovery dialog) exactly as at start-up (:func:`open_till`).
        """
        from boothpos.gui.worker import BackgroundWork

        self.checking = True
        self._recover = recover
        if self.window is not None:
            self.window.login.controller.hold()
        self.check_work = BackgroundWork(self)
        self.check_work.submit(
            check or startup.check_integrity,
            self.db_path,
            on_done=self._database_checked,
            on_error=self._database_failed,
        )

    def _database_checked(self, _result: object) -> None:
        self.checking = False
        if self.window is not None:
            self.window.login.controller.release()

    def _database_failed(self, exc: BaseException) -> None:
        window = self.window
        if not isinstance(exc, DamagedDatabase):  # the file went missing, or a disk error
            log.error("start-up integrity check of %s failed: %s", self.db_path, exc)
            show_error(window, describe_error(exc))
            self._quit(EXIT_FAIL)
            return
        if window is not None:
            window.setEnabled(False)  # behind the recovery dialog, nothing to use
            if window.receipts is not None:
                window.receipts.work.wait_idle(60_000)
        if self.hub_status is not None:
            self.hub_status.stop()
        if self.till is not None:
            self.till.close()  # the connection, then the lock: a restore takes it
        else:
            self.db.close()
        restored: list[RestoreResult] = []
        try:
            till = open_till(self.db_path, recover=self._recover, restored=restored, damaged=exc)
        except BoothError as error:
            show_error(window, error.message())
            till = None
        if till is None:  # the user quit the recovery dialog
            self._quit(EXIT_FAIL)
            return
        self.till, self.db, self.notices = till, till.db, till.notices
        self.checking = False  # a restored file is checked before it opens
        self._rebuild()
        for result in restored:
            self.show_banner(restore_banner(result))

    def _quit(self, code: int) -> None:
        """End the app with ``code`` (once its event loop runs)."""
        self.exit_code = code
        QTimer.singleShot(0, lambda: QCoreApplication.exit(code))

    # -- admin: backups, restore, audit log ---------------------------------------------

    def show_banner(self, message: BannerMessage) -> None:
        """A message on the sale screen's banner (the window's current one)."""
        if self.window is not None:
            self.window.sale.banner.show_message(message)

    @property
    def backup_dialog(self) -> BackupDialog | None:
        return self.dialogs.get(BACKUP_DIALOG)  # type: ignore[return-value]

    @property
    def audit_dialog(self) -> AuditDialog | None:
        return self.dialogs.get(AUDIT_DIALOG)  # type: ignore[return-value]

    def open_backup(self) -> BackupDialog | None:
        """The backup dialog (admins only), opened without blocking; None when refused."""
        return self.dialogs.open(BACKUP_DIALOG, self._make_backup_dialog)  # type: ignore[return-value]

    def _make_backup_dialog(self) -> BackupDialog | None:
        from boothpos.gui.controllers.backup_controller import BackupController
        from boothpos.gui.views.backup_dialog import BackupDialog

        window = self.window
        if window is None or window.output is None:
            return None
        try:
            controller = BackupController(self.db, self.db_path, window.user, window.output.work)
        except BoothError as exc:  # not an admin: refused in core
            window.statusBar().showMessage(exc.message(), 10000)
            return None
        dialog = BackupDialog(controller, window)
        controller.setParent(dialog)
        dialog.restoreRequested.connect(lambda path: self._restore_from(dialog, path))
        return dialog

    def open_audit(self) -> AuditDialog | None:
        """The audit log viewer; its reads are refused in core for anyone but an admin."""
        return self.dialogs.open(AUDIT_DIALOG, self._make_audit_dialog)  # type: ignore[return-value]

    def _make_audit_dialog(self) -> AuditDialog | None:
        from boothpos.gui.controllers.audit_controller import AuditController
        from boothpos.gui.views.audit_view import AuditDialog

        window = self.window
        if window is None:
            return None
        return AuditDialog(AuditController(self.db, window.user), window)

    def open_partner_admin(self) -> QWidget | None:
        """Partner PINs and cards (admins only; refused in core for anyone else)."""
        return self.dialogs.open(PARTNER_ADMIN_DIALOG, self._make_partner_admin_dialog)

    def _make_partner_admin_dialog(self) -> QDialog | None:
        from boothpos.gui.controllers.partner_controller import (
            CARDS_FOLDER,
            PartnerAdminController,
        )
        from boothpos.gui.views.partner_admin_dialog import PartnerAdminDialog

        window = self.window
        if window is None or window.user is None:
            return None
        try:
            controller = PartnerAdminController(
                self.db, window.user, paths.event_folder(self.db_path) / CARDS_FOLDER
            )
        except BoothError as exc:  # not an admin
            window.statusBar().showMessage(exc.message(), 10000)
            return None
        dialog = PartnerAdminDialog(controller, window)
        controller.setParent(dialog)
        return dialog

    def open_qris(self) -> QWidget | None:
        """Admin → Booth QRIS… (admins only; refused in the controller for anyone else)."""
        return self.dialogs.open(QRIS_DIALOG, self._make_qris_dialog)

    def _make_qris_dialog(self) -> QDialog | None:
        from boothpos.gui.controllers.qris_controller import QrisSettingsController
        from boothpos.gui.views.qris_settings_dialog import QrisSettingsDialog

        window = self.window
        if window is None or window.user is None:
            return None
        try:
            controller = QrisSettingsController(self.db, window.user)
        except BoothError as exc:
            window.statusBar().showMessage(exc.message(), 10000)
            return None
        return QrisSettingsDialog(controller, window)

    def toggle_customer_display(self) -> bool:
        """Ctrl+D: open or close the customer display of this window's sale screen."""
        from boothpos.gui.controllers.customer_display_controller import (
            CustomerDisplayController,
        )

        window = self.window
        if window is None:
            return False
        controller = self.customer_display
        if controller is None or controller.parent() is not window:
            controller = CustomerDisplayController(
                window.sale, get_event(self.db).name, self.settings, parent=window
            )
            window.closing.connect(controller.close)
            self.customer_display = controller
        return controller.toggle()

    def _restore_from(self, dialog: QWidget, backup_file: Path) -> None:
        dialog.close()
        self.restore_backup(backup_file)

    def restore_backup(self, backup_file: Path) -> bool:
        """Put ``backup_file`` in place of the database and start the till on it again.

        The connection is closed first and the restore runs under the lock this
        app holds; then the database is reopened and the window rebuilt (same
        user signed in, if the restored file still has them). What the restore
        did — or why nothing was restored — stays on the sale screen's banner:
        red when sales of the replaced file are missing or may be missing.
        """
        from boothpos.core import backup, users
        from boothpos.gui.controllers.backup_controller import restore_summary

        window = self.window
        user = window.user if window is not None else None
        if window is not None and window.receipts is not None:
            window.receipts.work.wait_idle(60_000)  # no job may still read the old file
        if self.hub_status is not None:
            self.hub_status.stop()  # nor a hub sync round (it has a connection of its own)
        lock = self.till.lock if self.till is not None and self.till.lock.held else None
        self.db.close()
        try:
            result = backup.restore(
                backup_file, self.db_path, lock=lock, user_id=user.id if user else None
            )
        except Exception as exc:  # noqa: BLE001 - refused or a disk error: the old file stays
            log.warning("restore of %s failed: %s", backup_file, exc)
            ok = False
            message = BannerMessage(
                ERROR,
                self.tr("Nothing was restored: {reason}").format(reason=describe_error(exc)),
                sticky=True,
                key="restore",
            )
        else:
            all_well, text = restore_summary(result)
            message = BannerMessage(INFO if all_well else ERROR, text, sticky=True, key="restore")
            ok = True
        try:
            self.db = dbmod.connect(self.db_path)
        except BoothError as exc:
            show_error(window, exc.message())
            QCoreApplication.exit(EXIT_FAIL)
            return False
        if self.till is not None:
            self.till.db = self.db
        self._rebuild()
        current = self.window
        if current is not None and current.user is not None:
            try:
                users.get_user(self.db, current.user.username)
            except BoothError:  # not in the restored file: sign in again
                current.sign_out()
        self.show_banner(message)
        return ok


def show_error(parent: QWidget | None, text: str) -> None:
    """A modal error box (Qt's message box is loaded when first needed, not at start)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, "boothpos", text)


def check_printer(printer: str) -> str | None:
    """Why ``printer`` (a preferences spec) cannot be used, or None when it looks right."""
    from boothpos.printing import make_printer as _make

    try:
        _make(printing_spec(printer))
    except BoothError as exc:
        return exc.message()
    return None


def printer_problem_text(reason: str) -> str:
    return QCoreApplication.translate(
        "MainWindow", "Printer not ready ({reason}); receipts are saved as PDF only."
    ).format(reason=reason)


def available_printers() -> list[str]:
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:
        return []
    return list(QPrinterInfo.availablePrinterNames())


# --------------------------------------------------------------------- run ---


def collect_from_now_on() -> None:
    """Garbage collection on again when ``launch.main`` turned it off for the start,
    after moving everything built so far out of its reach (``gc.freeze``): the
    start-up's objects live as long as the app, and later collections need not
    walk them. (A caller that left it on, a test say, keeps it as it was.)"""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run(db_path: str | Path | None = None, demo: bool = False, argv: Sequence[str] | None = None
        ) -> int:  # fmt: skip
    """Run the cashier app until its window closes; the process exit code."""
    app = QApplication.instance()
    made_here = app is None
    if app is None:
        app = QApplication([*(argv or sys.argv[:1]), *style_arguments()])
    configure_application(app, style_chosen=made_here)
    settings = open_settings()
    translators = Translators(app)
    translators.install(load_preferences(settings).language)
    try:
        restored: list[RestoreResult] = []
        try:
            path = resolve_database(db_path, demo)
            if path is None:
                return EXIT_OK
            till = open_till(path, restored=restored, check=False)  # checked in the background
        except BoothError as exc:  # another till has the file, or it is not usable
            show_error(None, exc.message())
            return EXIT_FAIL
        if till is None:  # damaged, and the user quit the recovery dialog
            return EXIT_FAIL
        shell: AppShell | None = None
        try:
            shell = AppShell(till.db, path, settings, translators, till=till, notices=till.notices)
            shell.start()
            for result in restored:
                shell.show_banner(restore_banner(result))
            shell.check_database()  # sign-in waits for it; a damaged file goes to recovery
            collect_from_now_on()
            code = app.exec()
            return shell.exit_code if shell.exit_code is not None else code
        finally:
            till.close()
            if shell is not None and shell.till is not None and shell.till is not till:
                shell.till.close()  # the till opened after a restore
    finally:
        translators.remove()
