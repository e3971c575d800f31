"""The main window: sign-in screen → sale screen (→ sales history), toolbar and status bar.

It is handed its screens ready-made (see ``gui.app.build_main_window``) and
only moves between them; it holds no database and no business logic. The
sales history is handed over as a factory: the screen is built the first
time it is needed (F9), so start-up does not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from boothpos.core import clock
from boothpos.core.codes import Role
from boothpos.core.event import Event
from boothpos.core.formatting import day_text
from boothpos.core.users import User
from boothpos.gui.labels import role_label
from boothpos.gui.screens import Screen, ScreenRegistry

if TYPE_CHECKING:
    from boothpos.gui.output import OutputService
    from boothpos.gui.receipts import ReceiptService
    from boothpos.gui.views.history_view import HistoryScreen
    from boothpos.gui.views.inventory_view import InventoryScreen
    from boothpos.gui.views.login_view import LoginScreen
    from boothpos.gui.views.partner_dashboard import PartnerScreen
    from boothpos.gui.views.reports_view import ReportsScreen

HISTORY_KEY = "F9"
SIGN_OUT_KEY = "Ctrl+L"
SETTINGS_KEY = "Ctrl+,"
INVENTORY_KEY = "F10"  # stock & labels: supervisors and administrators
REPORTS_KEY = "F11"  # reports and the fair day: supervisors and administrators
CLOSE_DAY_KEY = "F4"
CUSTOMER_DISPLAY_KEY = "Ctrl+D"  # open/close the customer display (second screen)


def fair_day_text(event: Event, today: date) -> str:
    """ "Fair day 2 of 5 · 29-02-2024", or the date "· outside the fair days"."""
    number = event.day_number(today)
    shown = day_text(today)
    if number is None:
        return QCoreApplication.translate("MainWindow", "{date} · outside the fair days").format(
            date=shown
        )
    return QCoreApplication.translate("MainWindow", "Fair day {n} of {days} · {date}").format(
        n=number, days=event.days, date=shown
    )


class MainWindow(QMainWindow):
    """``settingsRequested`` asks the app to open the settings; ``closing`` before it closes.

    ``history`` makes the sales history screen (``HistoryScreen``); it is
    called once, the first time :attr:`history` is used.
    """

    settingsRequested = Signal()
    backupRequested = Signal()  # admin menu: backups and restore
    auditRequested = Signal()  # admin menu: the audit log
    partnerAdminRequested = Signal()  # admin menu: partner PINs and cards
    qrisRequested = Signal()  # admin menu: the booth's QRIS
    customerDisplayRequested = Signal()  # open/close the customer display
    userChanged = Signal(object)  # User | None
    closing = Signal()

    def __init__(
        self,
        event: Event,
        login: LoginScreen,
        sale: QWidget,
        history: Callable[[], HistoryScreen],
        parent: QWidget | None = None,
        *,
        inventory: Callable[[], InventoryScreen] | None = None,
        reports: Callable[[], ReportsScreen] | None = None,
        partner: Callable[[], PartnerScreen] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"boothpos — {event.name}")
        # fits a 1024×600 netbook with its panel and title bar (about 550 px of height)
        self.setMinimumSize(QSize(960, 520))
        self._event = event
        self._user: User | None = None
        self.login = login
        self.sale = sale
        self._partner_locked: list[QAction] = []  # actions disabled for partner mode
        self.receipts: ReceiptService | None = None  # set by build_main_window
        self.output: OutputService | None = None  # the app's one output service, likewise

        self.stack = QStackedWidget()
        self.stack.setObjectName("screens")
        for screen in (login, sale):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)
        self.screens = ScreenRegistry(self.stack, lambda: self._user)
        self._register_screens(history, inventory, reports, partner)

        self._build_toolbar()
        self._build_status_bar(event)
        self._connect_screens(login, sale)

        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self.refresh_status)
        self._clock.start()
        self._update_actions()
        self.refresh_status()
        self.stack.setCurrentWidget(login)

    def _register_screens(
        self,
        history: Callable[[], HistoryScreen],
        inventory: Callable[[], InventoryScreen] | None,
        reports: Callable[[], ReportsScreen] | None,
        partner: Callable[[], PartnerScreen] | None,
    ) -> None:
        """The screens built on first use (F9, F10, F11, partner mode), with their hooks."""
        self.screens.register(Screen.HISTORY, history, hook=self._hook_history)
        self.screens.register(Screen.INVENTORY, inventory, hook=self._hook_back)
        self.screens.register(Screen.REPORTS, reports, hook=self._hook_reports)
        self.screens.register(Screen.PARTNER, partner, hook=self._hook_partner, takes_user=False)

    def _hook_back(self, screen: QWidget) -> None:
        screen.backRequested.connect(self.show_sale)  # type: ignore[attr-defined]

    def _hook_history(self, screen: QWidget) -> None:
        self._hook_back(screen)
        scanned = getattr(screen, "scanned", None)
        if scanned is not None:  # a scan on History goes to the cart, and History says so
            scanned.connect(lambda code: self._scanned_on_history(screen, code))

    def _hook_reports(self, screen: QWidget) -> None:
        self._hook_back(screen)
        check_day = getattr(self.sale, "check_day", None)
        if check_day is not None:  # a day closed or reopened: the sale screen says so
            screen.dayChanged.connect(lambda _day: check_day())  # type: ignore[attr-defined]

    def _hook_partner(self, screen: QWidget) -> None:
        screen.finished.connect(self._leave_partner)  # type: ignore[attr-defined]

    def _build_toolbar(self) -> None:
        """History, sign-out, settings and customer display; then stock, reports, admin."""
        self.history_action = QAction(self.tr("Sales history"), self)
        self.history_action.setObjectName("historyAction")
        self.history_action.setShortcut(QKeySequence(HISTORY_KEY))
        self.history_action.setToolTip(self.tr("Sales history") + f" ({HISTORY_KEY})")
        self.history_action.triggered.connect(self.toggle_history)
        self.sign_out_action = QAction(self.tr("Sign out / switch cashier"), self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.setShortcut(QKeySequence(SIGN_OUT_KEY))
        self.sign_out_action.setToolTip(self.tr("Sign out / switch cashier") + " (Ctrl+L)")
        self.sign_out_action.triggered.connect(self.sign_out)
        self.settings_action = QAction(self.tr("Settings"), self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence(SETTINGS_KEY))
        self.settings_action.triggered.connect(self.settingsRequested)

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.customer_display_action = QAction(self.tr("Customer display"), self)
        self.customer_display_action.setObjectName("customerDisplayAction")
        self.customer_display_action.setShortcut(QKeySequence(CUSTOMER_DISPLAY_KEY))
        self.customer_display_action.setToolTip(
            self.tr("Customer display") + f" ({CUSTOMER_DISPLAY_KEY})"
        )
        self.customer_display_action.triggered.connect(self.customerDisplayRequested)
        for action in (
            self.history_action, self.sign_out_action, self.settings_action,
            self.customer_display_action,
        ):  # fmt: skip
            toolbar.addAction(action)
            self.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar
        self._add_inventory_actions(toolbar)
        self._add_report_actions(toolbar)
        self._add_admin_actions(toolbar)

    def _build_status_bar(self, event: Event) -> None:
        self.event_label = QLabel(event.name)
        self.event_label.setObjectName("statusEvent")
        self.day_label = QLabel()
        self.day_label.setObjectName("statusDay")
        self.cashier_label = QLabel()
        self.cashier_label.setObjectName("statusCashier")
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        status.addWidget(self.event_label)
        status.addWidget(self.day_label)
        status.addPermanentWidget(self.cashier_label)

    def _connect_screens(self, login: LoginScreen, sale: QWidget) -> None:
        login.signedIn.connect(self.sign_in)
        partner_requested = getattr(login, "partnerRequested", None)
        if partner_requested is not None:
            partner_requested.connect(self.show_partner)
        completed = getattr(sale, "saleCompleted", None)
        if completed is not None:
            completed.connect(self._on_sale_completed)

    # ----------------------------------------------------------- public ---

    @property
    def user(self) -> User | None:
        return self._user

    @property
    def history(self) -> HistoryScreen:
        """The sales history screen, built (for the signed-in user) when first used."""
        return self.screens.get(Screen.HISTORY)  # type: ignore[return-value]

    @property
    def inventory(self) -> InventoryScreen:
        """The stock & labels screen, built (for the signed-in user) when first used."""
        return self.screens.get(Screen.INVENTORY)  # type: ignore[return-value]

    def sign_in(self, user: User) -> None:
        """Hand the cashier to the screens and open the sale screen.

        ``sale`` is ``gui.views.sale_view.SaleScreen``: ``set_cashier(user)``,
        ``focus_scan()`` and the signal ``saleCompleted(receipt_no)``.
        """
        self._user = user
        self.sale.set_cashier(user)
        self.screens.set_user(user)
        self._update_actions()
        self.refresh_status()
        self.show_sale()
        self.userChanged.emit(user)

    def _scanned_on_history(self, screen: HistoryScreen, code: str) -> None:
        added, text = self.sale.take_scan(code)
        if added:
            text += " " + self.tr("Esc goes back to the sale.")
        screen.show_scan_result(text, error=not added)

    def sign_out(self) -> None:
        """Back to the sign-in screen, the app stays open (switch cashier)."""
        if self._user is None:
            return
        self._user = None
        self.sale.set_cashier(None)
        self.screens.set_user(None)
        self._update_actions()
        self.refresh_status()
        self.stack.setCurrentWidget(self.login)
        self.login.reset()
        self.userChanged.emit(None)

    def show_sale(self) -> None:
        if self._user is None:
            return
        self.stack.setCurrentWidget(self.sale)
        self._update_actions()
        self.sale.focus_scan()

    def show_history(self) -> None:
        if self._user is None:
            return
        self.stack.setCurrentWidget(self.history)
        self._update_actions()
        self.history.open_day()

    def toggle_history(self) -> None:
        if self._on_history():
            self.show_sale()
        else:
            self.show_history()

    def may_manage_stock(self) -> bool:
        user = self._user
        offered = self.screens.offers(Screen.INVENTORY)
        return offered and user is not None and user.can(Role.SUPERVISOR)

    def show_inventory(self) -> None:
        """Stock & labels, for a supervisor or an administrator (others: nothing happens)."""
        if not self.may_manage_stock():
            return
        self.stack.setCurrentWidget(self.inventory)
        self._update_actions()
        self.inventory.open()

    def toggle_inventory(self) -> None:
        if self._on_inventory():
            self.show_sale()
        else:
            self.show_inventory()

    def _inventory_then(self, action: str) -> None:
        """Open the inventory screen, then one of its dialogs (``import_catalog``, …)."""
        if not self.may_manage_stock():
            return
        self.show_inventory()
        getattr(self.inventory, action)()

    # ---------------------------------------------------------- partner mode ---

    @property
    def partner(self) -> PartnerScreen:
        """The partner screen (sign-in form and dashboard), built when first used."""
        return self.screens.get(Screen.PARTNER)  # type: ignore[return-value]

    def in_partner_mode(self) -> bool:
        return self.screens.is_shown(Screen.PARTNER)

    def show_partner(self, code: str = "") -> None:
        """Partner mode, from the sign-in screen only: every booth function is out of reach
        (toolbar hidden, every action and its shortcut disabled) until the partner is done."""
        if not self.screens.offers(Screen.PARTNER) or self._user is not None:
            return
        if self.in_partner_mode():
            return
        if self.login.controller.held:  # the start-up integrity check has not passed yet
            return
        self._partner_locked = [a for a in self._booth_actions() if a.isEnabled()]
        self.stack.setCurrentWidget(self.partner)
        self._lock_for_partner()
        self.partner.start(code)

    def _lock_for_partner(self) -> None:
        partner_mode = self.in_partner_mode()
        self.toolbar.setVisible(not partner_mode)
        self.statusBar().setVisible(not partner_mode)  # no "nobody signed in" there
        if partner_mode:
            for action in self._booth_actions():
                action.setEnabled(False)

    def _booth_actions(self) -> list[QAction]:
        """Every action of the window and its screens but the partner screen's own."""
        partner = self.screens.built(Screen.PARTNER)

        def own(action: QAction) -> bool:
            parent = action.parent()
            return (
                partner is not None
                and isinstance(parent, QWidget)
                and (parent is partner or partner.isAncestorOf(parent))
            )

        return [a for a in self.findChildren(QAction) if not own(a)]

    def _leave_partner(self) -> None:
        """The partner is done (or went away): back to the booth's sign-in screen."""
        self.stack.setCurrentWidget(self.login)
        for action in self._partner_locked:
            action.setEnabled(True)
        self._partner_locked = []
        self._update_actions()
        self.login.reset()

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def refresh_status(self) -> None:
        today = clock.today(self._event.timezone)
        self.day_label.setText(fair_day_text(self._event, today))
        if self._user is None:
            self.cashier_label.setText(self.tr("Nobody signed in"))
        else:
            self.cashier_label.setText(
                self.tr("Cashier: {name} ({role})").format(
                    name=self._user.display_name, role=role_label(self._user.role)
                )
            )

    # ---------------------------------------------------------- private ---

    def _on_history(self) -> bool:
        return self.screens.is_shown(Screen.HISTORY)

    def _add_inventory_actions(self, toolbar: QToolBar) -> None:
        """Stock & labels (F10) in the toolbar, with its menu: import a catalog, labels."""
        self.inventory_action = QAction(self.tr("Stock && labels"), self)
        self.inventory_action.setObjectName("inventoryAction")
        self.inventory_action.setShortcut(QKeySequence(INVENTORY_KEY))
        self.inventory_action.setCheckable(True)
        self.inventory_action.setToolTip(
            self.tr("Stock, intake, returns, catalog and labels") + f" ({INVENTORY_KEY})"
        )
        self.inventory_action.triggered.connect(self.toggle_inventory)
        self.import_catalog_action = QAction(self.tr("Import catalog…"), self)
        self.import_catalog_action.setObjectName("importCatalogAction")
        self.import_catalog_action.triggered.connect(lambda: self._inventory_then("import_catalog"))
        self.labels_action = QAction(self.tr("Print labels…"), self)
        self.labels_action.setObjectName("labelsAction")
        self.labels_action.triggered.connect(lambda: self._inventory_then("open_labels"))
        menu = QMenu(self)
        menu.setObjectName("inventoryMenu")
        menu.addAction(self.import_catalog_action)
        menu.addAction(self.labels_action)
        self.inventory_action.setMenu(menu)
        toolbar.insertAction(self.sign_out_action, self.inventory_action)
        self.addAction(self.inventory_action)
        button = toolbar.widgetForAction(self.inventory_action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        if not self.screens.offers(Screen.INVENTORY):
            self.inventory_action.setVisible(False)

    def _on_inventory(self) -> bool:
        return self.screens.is_shown(Screen.INVENTORY)

    def _update_actions(self) -> None:
        self._update_admin_actions()
        signed_in = self._user is not None
        self.history_action.setEnabled(signed_in)
        self.sign_out_action.setEnabled(signed_in)
        # language, printer, receipt width: a signed-in supervisor or administrator only
        self.settings_action.setEnabled(self._user is not None and self._user.can(Role.SUPERVISOR))
        on_history = self._on_history()
        self.history_action.setText(
            self.tr("Back to sale") if on_history else self.tr("Sales history")
        )
        manager = self.may_manage_stock()
        for action in (self.inventory_action, self.import_catalog_action, self.labels_action):
            action.setEnabled(manager)
        self.inventory_action.setChecked(self._on_inventory())  # pressed while it is shown
        self._update_report_actions()
        self._lock_for_partner()

    def may_administer(self) -> bool:
        return self._user is not None and self._user.can(Role.ADMIN)

    def _add_admin_actions(self, toolbar: QToolBar) -> None:
        """The admin menu (admins only): backups and restore, the audit log."""
        self.backup_action = QAction(self.tr("Backups and restore…"), self)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self.backupRequested)
        self.audit_action = QAction(self.tr("Audit log…"), self)
        self.audit_action.setObjectName("auditAction")
        self.audit_action.triggered.connect(self.auditRequested)
        menu = QMenu(self)
        menu.setObjectName("adminMenu")
        menu.addAction(self.backup_action)
        menu.addAction(self.audit_action)
        self.partner_admin_action = QAction(self.tr("Partner PINs and cards…"), self)
        self.partner_admin_action.setObjectName("partnerAdminAction")
        self.partner_admin_action.triggered.connect(self.partnerAdminRequested)
        menu.addAction(self.partner_admin_action)
        self.qris_action = QAction(self.tr("Booth QRIS…"), self)
        self.qris_action.setObjectName("qrisAction")
        self.qris_action.triggered.connect(self.qrisRequested)
        menu.addAction(self.qris_action)
        self.admin_action = QAction(self.tr("Admin"), self)
        self.admin_action.setObjectName("adminAction")
        self.admin_action.setMenu(menu)
        toolbar.addAction(self.admin_action)
        button = toolbar.widgetForAction(self.admin_action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def _update_admin_actions(self) -> None:
        admin = self.may_administer()
        for action in (
            self.admin_action, self.backup_action, self.audit_action, self.partner_admin_action,
            self.qris_action,
        ):  # fmt: skip
            action.setEnabled(admin)
        self.admin_action.setVisible(admin)

    # ---------------------------------------------------------- reports ---

    @property
    def reports(self) -> ReportsScreen:
        """The reports screen, built (for the signed-in user) when first used."""
        return self.screens.get(Screen.REPORTS)  # type: ignore[return-value]

    def may_report(self) -> bool:
        user = self._user
        offered = self.screens.offers(Screen.REPORTS)
        return offered and user is not None and user.can(Role.SUPERVISOR)

    def show_reports(self) -> None:
        """Reports, for a supervisor or an administrator (others: nothing happens)."""
        if not self.may_report():
            return
        self.stack.setCurrentWidget(self.reports)
        self._update_actions()
        self.reports.open()

    def toggle_reports(self) -> None:
        if self.screens.is_shown(Screen.REPORTS):
            self.show_sale()
        else:
            self.show_reports()

    def _reports_then(self, action: str) -> None:
        """A fair-day dialog of the reports screen (``open_day``, ``close_day``, ``reopen_day``)
        over the screen shown now."""
        if self.may_report():
            getattr(self.reports, action)()

    def _add_report_actions(self, toolbar: QToolBar) -> None:
        """Reports (F11) in the toolbar, with its menu: open, close (F4) and reopen the day."""
        self.reports_action = QAction(self.tr("Reports"), self)
        self.reports_action.setObjectName("reportsAction")
        self.reports_action.setShortcut(QKeySequence(REPORTS_KEY))
        self.reports_action.setCheckable(True)
        self.reports_action.setToolTip(
            self.tr("Day reports, settlements, exports; open and close the fair day")
            + f" ({REPORTS_KEY})"
        )
        self.reports_action.triggered.connect(self.toggle_reports)
        self.open_day_action = QAction(self.tr("Open the fair day…"), self)
        self.open_day_action.setObjectName("openDayAction")
        self.open_day_action.triggered.connect(lambda: self._reports_then("open_day"))
        self.close_day_action = QAction(self.tr("Close the fair day…"), self)
        self.close_day_action.setObjectName("closeDayAction")
        self.close_day_action.setShortcut(QKeySequence(CLOSE_DAY_KEY))
        self.close_day_action.triggered.connect(lambda: self._reports_then("close_day"))
        self.reopen_day_action = QAction(self.tr("Reopen a closed day…"), self)
        self.reopen_day_action.setObjectName("reopenDayAction")
        self.reopen_day_action.triggered.connect(lambda: self._reports_then("reopen_day"))
        menu = QMenu(self)
        menu.setObjectName("reportsMenu")
        for action in (self.open_day_action, self.close_day_action, self.reopen_day_action):
            menu.addAction(action)
            self.addAction(action)
        self.reports_action.setMenu(menu)
        toolbar.insertAction(self.sign_out_action, self.reports_action)
        self.addAction(self.reports_action)
        button = toolbar.widgetForAction(self.reports_action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        if not self.screens.offers(Screen.REPORTS):
            self.reports_action.setVisible(False)

    def _update_report_actions(self) -> None:
        reporter = self.may_report()
        for action in (self.reports_action, self.open_day_action, self.close_day_action):
            action.setEnabled(reporter)
        self.reopen_day_action.setEnabled(reporter and self._user.can(Role.ADMIN))
        self.reports_action.setChecked(self.screens.is_shown(Screen.REPORTS))

    def _on_sale_completed(self, receipt_no: str) -> None:
        self.statusBar().showMessage(
            self.tr("Sale {receipt} saved.").format(receipt=receipt_no), 8000
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
