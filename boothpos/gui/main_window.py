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

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QWidget

from boothpos.core import clock
from boothpos.core.event import Event
from boothpos.core.users import User
from boothpos.gui.labels import role_label

if TYPE_CHECKING:
    from boothpos.gui.views.history_view import HistoryScreen
    from boothpos.gui.views.login_view import LoginScreen

HISTORY_KEY = "F9"
SIGN_OUT_KEY = "Ctrl+L"
SETTINGS_KEY = "Ctrl+,"


def fair_day_text(event: Event, today: date) -> str:
    """ "Fair day 2 of 5 · 29-02-2024", or the date "· outside the fair days"."""
    number = event.day_number(today)
    shown = today.strftime("%d-%m-%Y")
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
    userChanged = Signal(object)  # User | None
    closing = Signal()

    def __init__(
        self,
        event: Event,
        login: LoginScreen,
        sale: QWidget,
        history: Callable[[], HistoryScreen],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"boothpos — {event.name}")
        self.setMinimumSize(QSize(960, 600))
        self._event = event
        self._user: User | None = None
        self.login = login
        self.sale = sale
        self._make_history = history
        self._history: HistoryScreen | None = None
        self.receipts: QObject | None = None  # the ReceiptService, set by build_main_window

        self.stack = QStackedWidget()
        self.stack.setObjectName("screens")
        for screen in (login, sale):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)

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
        for action in (self.history_action, self.sign_out_action, self.settings_action):
            toolbar.addAction(action)
            self.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

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

        login.signedIn.connect(self.sign_in)
        completed = getattr(sale, "saleCompleted", None)
        if completed is not None:
            completed.connect(self._on_sale_completed)

        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self.refresh_status)
        self._clock.start()
        self._update_actions()
        self.refresh_status()
        self.stack.setCurrentWidget(login)

    # ----------------------------------------------------------- public ---

    @property
    def user(self) -> User | None:
        return self._user

    @property
    def history(self) -> HistoryScreen:
        """The sales history screen, built (for the signed-in user) when first used."""
        if self._history is None:
            screen = self._make_history()
            screen.set_user(self._user)
            screen.backRequested.connect(self.show_sale)
            self.stack.addWidget(screen)
            self._history = screen
        return self._history

    def sign_in(self, user: User) -> None:
        """Hand the cashier to the screens and open the sale screen.

        ``sale`` is ``gui.views.sale_view.SaleScreen``: ``set_cashier(user)``,
        ``focus_scan()`` and the signal ``saleCompleted(receipt_no)``.
        """
        self._user = user
        self.sale.set_cashier(user)
        if self._history is not None:
            self._history.set_user(user)
        self._update_actions()
        self.refresh_status()
        self.show_sale()
        self.userChanged.emit(user)

    def sign_out(self) -> None:
        """Back to the sign-in screen, the app stays open (switch cashier)."""
        if self._user is None:
            return
        self._user = None
        self.sale.set_cashier(None)
        if self._history is not None:
            self._history.set_user(None)
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

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def refresh_status(self) -> None:
        today = clock.fair_day(clock.now(self._event.timezone), self._event.timezone)
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
        return self._history is not None and self.stack.currentWidget() is self._history

    def _update_actions(self) -> None:
        signed_in = self._user is not None
        self.history_action.setEnabled(signed_in)
        self.sign_out_action.setEnabled(signed_in)
        on_history = self._on_history()
        self.history_action.setText(
            self.tr("Back to sale") if on_history else self.tr("Sales history")
        )

    def _on_sale_completed(self, receipt_no: str) -> None:
        self.statusBar().showMessage(
            self.tr("Sale {receipt} saved.").format(receipt=receipt_no), 8000
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
