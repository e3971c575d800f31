"""Partner mode: the partner's sign-in form and their read-only dashboard, in large type.

Reached from the sign-in screen ("Mitra", F3, or a scan of a partner card).
The partner types or scans their code, types their PIN, presses Enter, and
sees their own figures only: today's pieces and net sales, each fair day,
each product (price, sold, net, still at the booth), the stock at the booth,
and commission and payout so far. "Cetak slip" prints the same figures on
the receipt printer.

Nothing here reaches the booth's functions: the screen holds the
:class:`~boothpos.gui.controllers.partner_controller.PartnerController`
only (no database, no booth user), and the main window disables its
toolbar while it is shown. It goes back to the sign-in screen (emitting
``finished``) on Esc, on "Selesai", and by itself after
``partner_access.IDLE_SECONDS`` without a key press or a touch; the figures
are dropped from every widget then.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothpos.core import errors, partner_access
from boothpos.core.formatting import day_month_text, local_time, rate_text, slash_date
from boothpos.core.money import format_rupiah
from boothpos.core.partner_view import PartnerDashboard
from boothpos.gui.controllers.partner_controller import PartnerController
from boothpos.gui.labels import keep_amounts, plural, sentence
from boothpos.gui.models.partner_models import (
    COL_NAME,
    PartnerDaysModel,
    PartnerProductsModel,
    count_text,
)
from boothpos.gui.views.login_view import centred_card

PIN_MAX = 8
CODE_MAX = 40
_ACTIVITY = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
)


def _label(name: str, text: str = "", *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


class PartnerSignIn(QWidget):
    """Code (typed or scanned) + PIN + Enter."""

    submitted = Signal(str, str)  # code or card scan, PIN
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerSignIn")
        self.heading = _label("partnerSignInHeading", self.tr("Partner: see your sales"))
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = _label(
            "partnerSignInIntro",
            self.tr("Scan your partner card or type your partner code, then type your PIN."),
            wrap=True,
        )
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label = _label("partnerCodeLabel", self.tr("Partner code"))
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("partnerCodeEdit")
        self.code_edit.setMaxLength(CODE_MAX)
        self.code_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setBuddy(self.code_edit)
        self.pin_label = _label("partnerPinLabel", self.tr("PIN"))
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("partnerPinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(PIN_MAX)
        self.pin_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{PIN_MAX}}}"), self)
        )
        self.pin_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_label.setBuddy(self.pin_edit)
        self.message = _label("partnerSignInMessage", wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setProperty("role", "error")
        self.message.hide()
        self.submit_button = QPushButton(self.tr("Show my sales"))
        self.submit_button.setObjectName("partnerSubmitButton")
        self.submit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.submit_button.clicked.connect(self.submit)
        self.back_button = QPushButton(self.tr("Back (Esc)"))
        self.back_button.setObjectName("partnerBackButton")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.cancelled)

        self.code_edit.returnPressed.connect(self._code_entered)
        self.pin_edit.returnPressed.connect(self.submit)

        inner = centred_card(self, min_width=420, max_width=520)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addSpacing(6)
        inner.addWidget(self.code_label)
        inner.addWidget(self.code_edit)
        inner.addWidget(self.pin_label)
        inner.addWidget(self.pin_edit)
        inner.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.submit_button, 1)
        inner.addLayout(buttons)

    def reset(self, code: str = "") -> None:
        self.code_edit.setText(code)
        self.pin_edit.clear()
        self.message.clear()
        self.message.hide()
        self.focus_first()

    def focus_first(self) -> None:
        (self.pin_edit if self.code_edit.text().strip() else self.code_edit).setFocus()

    def submit(self) -> None:
        code, pin = self.code_edit.text(), self.pin_edit.text()
        self.pin_edit.clear()
        self.submitted.emit(code, pin)

    def show_failure(self, text: str) -> None:
        self.pin_edit.clear()
        self.message.setText(sentence(text))
        self.message.show()
        self.focus_first()

    def _code_entered(self) -> None:
        """Enter after the code (a scanner sends it): on to the PIN."""
        text = self.code_edit.text().strip()
        if text:
            self.code_edit.setText(text)
            self.message.hide()
            self.pin_edit.setFocus()


COMPACT_BELOW = 1200  # px: a narrower dashboard (a 1024 px netbook) uses smaller figures


class PartnerDashboardView(QWidget):
    """The partner's own figures, read-only, in large type."""

    printRequested = Signal()
    doneRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerDashboard")
        self.products = PartnerProductsModel(self)
        self.days = PartnerDaysModel(self, lang=errors.language())

        header = self._build_header()
        tiles = self._build_tiles()
        tables = self._build_tables()
        self.message = _label("partnerMessage", wrap=True)
        self.message.hide()
        self.hint = _label("partnerHint", wrap=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 10)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addLayout(tiles)
        layout.addLayout(tables, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)

    def _build_header(self) -> QHBoxLayout:
        """Who the partner is, as of when; Print slip and Done."""
        self.name_label = _label("partnerName", wrap=True)
        self.detail_label = _label("partnerDetail", wrap=True)
        self.as_of_label = _label("partnerAsOf", wrap=True)
        self.print_button = QPushButton(self.tr("Print slip"))
        self.print_button.setObjectName("partnerPrintButton")
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.clicked.connect(self.printRequested)
        self.done_button = QPushButton(self.tr("Done (Esc)"))
        self.done_button.setObjectName("partnerDoneButton")
        self.done_button.clicked.connect(self.doneRequested)
        for button in (self.print_button, self.done_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = QHBoxLayout()
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.name_label)
        names.addWidget(self.detail_label)
        names.addWidget(self.as_of_label)
        header.addLayout(names, 1)
        header.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignTop)
        return header

    def _build_tiles(self) -> QHBoxLayout:
        """The big figures: today, so far, due to the partner, at the booth."""
        self.today_title = _label("partnerTileTitle")
        self.today_net = _label("partnerBigFigure")
        self.today_qty = _label("partnerTileDetail")
        self.total_title = _label("partnerTileTitle", self.tr("Sold so far"))
        self.total_net = _label("partnerBigFigure")
        self.total_qty = _label("partnerTileDetail", wrap=True)
        self.payout_title = _label("partnerTileTitle", self.tr("Due to you so far"))
        self.payout = _label("partnerBigFigure")
        self.commission = _label("partnerTileDetail", wrap=True)
        self.stock_title = _label("partnerTileTitle", self.tr("Still at the booth"))
        self.stock = _label("partnerBigFigure")
        self.stock_detail = _label("partnerTileDetail", self.tr("pieces of your goods"), wrap=True)
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for title, big, detail in (
            (self.today_title, self.today_net, self.today_qty),
            (self.total_title, self.total_net, self.total_qty),
            (self.payout_title, self.payout, self.commission),
            (self.stock_title, self.stock, self.stock_detail),
        ):
            tile = QFrame()
            tile.setObjectName("partnerTile")
            box = QVBoxLayout(tile)
            box.setContentsMargins(14, 10, 14, 10)
            box.setSpacing(2)
            for label in (title, big):  # never wider than the tile (compact type fits 1024 px)
                label.setMinimumWidth(1)
            box.addWidget(title)
            box.addWidget(big)
            box.addWidget(detail)
            box.addStretch(1)
            tiles.addWidget(tile, 1)
        return tiles

    def _build_tables(self) -> QGridLayout:
        """Each fair day, and each product so far."""
        self.days_title = _label("partnerSection", self.tr("Each fair day"))
        self.days_view = self._table("partnerDaysTable", self.days)
        self.products_title = _label("partnerSection", self.tr("Each product (so far)"))
        self.products_view = self._table("partnerProductsTable", self.products)
        self.products_view.horizontalHeader().setSectionResizeMode(
            COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.days_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tables = QGridLayout()
        tables.setHorizontalSpacing(12)
        tables.addWidget(self.days_title, 0, 0)
        tables.addWidget(self.products_title, 0, 1)
        tables.addWidget(self.days_view, 1, 0)
        tables.addWidget(self.products_view, 1, 1)
        tables.setColumnStretch(0, 9)
        tables.setColumnStretch(1, 16)
        return tables

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        compact = event.size().width() < COMPACT_BELOW
        names = ("partnerBigFigure", "partnerTileTitle", "partnerDaysTable", "partnerProductsTable")
        for widget in self.findChildren(QWidget):
            if widget.objectName() in names and widget.property("compact") != compact:
                widget.setProperty("compact", compact)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _table(self, name: str, model) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setHighlightSections(False)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        return view

    # ----------------------------------------------------------- public ---

    def show_dashboard(self, dash: PartnerDashboard, idle_seconds: int) -> None:
        self.name_label.setText(dash.name)
        self.detail_label.setText(
            " · ".join(part for part in (dash.code, dash.region, dash.event_name) if part)
        )
        shown = local_time(dash.as_of, dash.timezone)
        as_of = self.tr("Figures as of {time}").format(time=shown)
        if dash.booth_as_of:  # several tills: the others' sales as of the last sync
            synced = local_time(dash.booth_as_of, dash.timezone)
            as_of += " · " + self.tr("other tills as of {time}").format(time=synced)
        self.as_of_label.setText(as_of)
        today = dash.today
        day = slash_date(today.day)  # as the "figures as of" time above it
        if today.day_number:
            self.today_title.setText(
                self.tr("Today · day {n} · {date}").format(n=today.day_number, date=day)
            )
        else:
            self.today_title.setText(self.tr("Today · {date}").format(date=day))
        self.today_net.setText(format_rupiah(today.net))
        self.today_qty.setText(
            plural(
                today.qty,
                self.tr("{n} piece sold today"),
                self.tr("{n} pieces sold today"),
                shown=count_text(today.qty),
            )  # fmt: skip
        )
        todate = dash.to_date
        self.total_net.setText(format_rupiah(todate.net))
        self.total_qty.setText(
            plural(
                todate.qty,
                self.tr("{n} piece sold since {date}"),
                self.tr("{n} pieces sold since {date}"),
                shown=count_text(todate.qty),
                date=day_month_text(todate.sales_from or todate.first),  # a fair day
            )
        )
        self.payout.setText(format_rupiah(todate.payout))
        self.commission.setText(
            keep_amounts(
                self.tr("net sales minus booth commission {rate} ({amount})").format(
                    rate=rate_text(todate.rate_bp), amount=format_rupiah(todate.commission)
                )
            )
        )
        self.stock.setText(count_text(dash.on_hand))
        self.days.set_language(errors.language())
        self.days.set_rows(dash.days, today.day)
        self.products.set_rows(dash.products)
        self.message.clear()
        self.message.hide()
        self.hint.setText(
            self.tr(
                "Provisional figures; the final payment follows the signed settlement sheet. "
                "Press Esc or “Done” when you are finished; this screen also closes by "
                "itself after {seconds} seconds without a touch."
            ).format(seconds=idle_seconds)
        )

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(sentence(text))
        self.message.setProperty("role", "error" if error else "info")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def clear(self) -> None:
        """Drop every figure of the partner from the widgets."""
        for label in self.findChildren(QLabel):
            if label not in (self.total_title, self.payout_title, self.stock_title,
                             self.stock_detail, self.days_title, self.products_title):  # fmt: skip
                label.clear()
        self.message.hide()
        self.products.clear()
        self.days.clear()


class PartnerScreen(QWidget):
    """Partner sign-in, then the dashboard; ``finished`` when the partner is done or idle."""

    finished = Signal()

    def __init__(
        self,
        controller: PartnerController,
        parent: QWidget | None = None,
        *,
        idle_ms: int = partner_access.IDLE_SECONDS * 1000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partnerScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._controller = controller
        self.sign_in_form = PartnerSignIn()
        self.dashboard = PartnerDashboardView()
        self.dashboard.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.sign_in_form)
        self.pages.addWidget(self.dashboard)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(max(1, idle_ms))
        self.idle_timer.timeout.connect(self.finish)
        self._filtering = False

        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.finish)

        self.sign_in_form.submitted.connect(controller.sign_in)
        self.sign_in_form.cancelled.connect(self.finish)
        self.dashboard.doneRequested.connect(self.finish)
        self.dashboard.printRequested.connect(self.print_slip)
        controller.failed.connect(self._failed)
        controller.signedIn.connect(self._signed_in)
        controller.slipPrinted.connect(
            lambda _path: self.dashboard.show_message(self.tr("Your slip has been printed."))
        )
        controller.slipFailed.connect(
            lambda reason: self.dashboard.show_message(
                self.tr("The slip could not be printed: {reason}. Ask the booth staff.").format(
                    reason=reason
                ),
                error=True,
            )
        )

    # ----------------------------------------------------------- public ---

    def set_idle_ms(self, ms: int) -> None:
        """How long without a key press or touch before the screen closes by itself."""
        self.idle_timer.setInterval(max(1, ms))
        if self.idle_timer.isActive():
            self.idle_timer.start()

    def idle_seconds(self) -> int:
        return max(1, round(self.idle_timer.interval() / 1000))

    def start(self, code: str = "") -> None:
        """The sign-in form, empty (or with a scanned card's code filled in)."""
        self._controller.sign_out()
        self.dashboard.clear()
        self.pages.setCurrentWidget(self.sign_in_form)
        self.sign_in_form.reset(code)
        self.idle_timer.start()

    def finish(self) -> None:
        """Forget the partner and their figures; back to the booth's sign-in screen."""
        self.idle_timer.stop()
        self._controller.sign_out()
        self.dashboard.clear()
        self.sign_in_form.reset()
        self.pages.setCurrentWidget(self.sign_in_form)
        self.finished.emit()

    def on_dashboard(self) -> bool:
        return self.pages.currentWidget() is self.dashboard

    def print_slip(self) -> None:
        if self._controller.dashboard is None:
            return
        self.dashboard.show_message(self.tr("Printing your slip…"))
        self._controller.print_slip()

    # ---------------------------------------------------------- private ---

    def _signed_in(self, dash: PartnerDashboard) -> None:
        self.dashboard.show_dashboard(dash, self.idle_seconds())
        self.pages.setCurrentWidget(self.dashboard)
        self.dashboard.setFocus()
        self.idle_timer.start()

    def _failed(self, text: str) -> None:
        self.dashboard.clear()
        self.pages.setCurrentWidget(self.sign_in_form)
        self.sign_in_form.show_failure(text)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True

    def hideEvent(self, event) -> None:
        self._stop_filter()
        self.idle_timer.stop()
        super().hideEvent(event)

    def _stop_filter(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in _ACTIVITY
            and self.idle_timer.isActive()
            and isinstance(watched, QWidget)
            and (watched is self or self.isAncestorOf(watched))
        ):
            self.idle_timer.start()  # restart: the partner is still there
        return False
