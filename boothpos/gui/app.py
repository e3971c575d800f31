"""Start the cashier app: application, language, database, main window.

``run()`` is what ``boothpos`` (no subcommand) calls. The pieces are
separate so tests can build them without entering the event loop:
:func:`resolve_database`, :func:`build_main_window` and :class:`AppShell`.

Start-up loads only what the first screens need (sign-in and sale screen).
The sales history screen is built on its first F9; the first-run, settings,
payment, search, refund and supervisor dialogs are imported when first
opened; reportlab when the first receipt is rendered (see ``gui.receipts``).
``benchmarks/bench_gui.py`` measures the cold start.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import boothpos
from boothpos.core import db as dbmod
from boothpos.core import paths
from boothpos.core.errors import BoothError
from boothpos.core.event import Event, get_event
from boothpos.core.users import User
from boothpos.gui.controllers import setup_controller as setup
from boothpos.gui.controllers.login_controller import LoginController
from boothpos.gui.i18n import Translators
from boothpos.gui.main_window import MainWindow
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
from boothpos.gui.style import apply_style
from boothpos.gui.views.login_view import LoginScreen
from boothpos.gui.views.sale_view import SaleScreen

if TYPE_CHECKING:
    from sqlite_utils import Database

    from boothpos.gui.views.history_view import HistoryScreen

log = logging.getLogger(__name__)

APP_NAME = "boothpos"
ORGANISATION = "boothpos"
EXIT_OK, EXIT_FAIL = 0, 1

AskFirstRun = Callable[[Path], Path | None]


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("boothpos")
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(boothpos.__version__)
    apply_style(app)


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
    if setup.has_event(path):
        return path
    return ask(path)


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
    """The ``ReceiptService`` for this event, this till's printer and receipt width."""
    printer, problem = make_printer(prefs)
    folder = paths.event_folder(db_path) / "receipts"
    folder.mkdir(parents=True, exist_ok=True)
    service = ReceiptService(
        db, event, folder, printer, width_mm=prefs.receipt_width, lang=prefs.language
    )
    return service, problem


def build_main_window(
    db: Database,
    db_path: Path,
    prefs: Preferences,
    *,
    user: User | None = None,
    receipts: QObject | None = None,
) -> MainWindow:
    """Compose the window: each screen gets only the services it needs."""
    event = get_event(db)
    problem = None
    if receipts is None:
        receipts, problem = make_receipts(db, event, db_path, prefs)
    login = LoginScreen(LoginController(db), event.name, event.venue)
    sale = SaleScreen(db, event, receipts)

    def history() -> HistoryScreen:  # built on the first F9, not at start
        from boothpos.gui.controllers.history_controller import HistoryController
        from boothpos.gui.views.history_view import HistoryScreen

        return HistoryScreen(HistoryController(db, event, receipts))

    window = MainWindow(event, login, sale, history)
    if receipts.parent() is None:
        receipts.setParent(window)  # lives as long as the window
    window.receipts = receipts
    if problem:
        window.statusBar().showMessage(printer_problem_text(problem), 15000)
    if user is not None:
        window.sign_in(user)
    return window


class AppShell(QObject):
    """Owns the window, the preferences and the translators; rebuilds after a settings change."""

    def __init__(
        self,
        db: Database,
        db_path: Path,
        settings: QSettings,
        translators: Translators,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.db_path = db_path
        self.settings = settings
        self.translators = translators
        self.prefs = load_preferences(settings)
        self.window: MainWindow | None = None

    def start(self, user: User | None = None) -> MainWindow:
        window = build_main_window(self.db, self.db_path, self.prefs, user=user)
        geometry = load_geometry(self.settings)
        window.settingsRequested.connect(self.open_settings)
        window.closing.connect(self.save_window)
        self.window = window
        if geometry is not None and window.restoreGeometry(geometry):
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
        from boothpos.gui.views.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.prefs, available_printers(), check_printer, parent=self.window)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply(dialog.preferences())

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
        if old is not None:
            self.save_window()
            old.closing.disconnect(self.save_window)
            old.hide()
            old.deleteLater()
        self.window = None
        self.start(user)


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


def run(db_path: str | Path | None = None, demo: bool = False, argv: Sequence[str] | None = None
        ) -> int:  # fmt: skip
    """Run the cashier app until its window closes; the process exit code."""
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    configure_application(app)
    settings = open_settings()
    translators = Translators(app)
    translators.install(load_preferences(settings).language)
    try:
        try:
            path = resolve_database(db_path, demo)
            if path is None:
                return EXIT_OK
            db = dbmod.connect(path)
        except BoothError as exc:
            QMessageBox.critical(None, "boothpos", exc.message())
            return EXIT_FAIL
        shell = AppShell(db, path, settings, translators)
        shell.start()
        code = app.exec()
        db.close()
        return code
    finally:
        translators.remove()
