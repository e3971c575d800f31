"""Sign-in screen: type your PIN, press Enter (the PIN picks the user)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.barcodes import PARTNER_CARD_PREFIX as CARD_PREFIX
from boothpos.core.users import User
from boothpos.gui.controllers.login_controller import LoginController
from boothpos.gui.labels import sentence
from boothpos.gui.models.users_model import UsersListModel

PIN_MAX = 8
PARTNER_KEY = "F3"  # partner mode: a UMK partner sees their own sales


def centred_card(screen: QWidget, *, min_width: int, max_width: int) -> QVBoxLayout:
    """A white sign-in card in the middle of ``screen``; returns the card's layout to fill."""
    card = QFrame()
    card.setObjectName("loginCard")
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setMinimumWidth(min_width)
    card.setMaximumWidth(max_width)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(28, 24, 28, 24)
    inner.setSpacing(10)
    outer = QVBoxLayout(screen)
    outer.addStretch(1)
    outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
    outer.addStretch(1)
    return inner


class LoginScreen(QWidget):
    """The PIN field always has focus; Up/Down in it choose another user."""

    signedIn = Signal(object)  # User
    partnerRequested = Signal(str)  # partner mode; a scanned card's code, or ""

    def __init__(
        self,
        controller: LoginController,
        event_name: str,
        venue: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._controller = controller
        self._model = UsersListModel(self)

        self._build_heading(event_name, venue)
        self._build_user_list()
        self._build_pin_entry()
        self._build_messages(controller)

        inner = centred_card(self, min_width=380, max_width=460)
        inner.addWidget(self.title)
        inner.addWidget(self.venue)
        inner.addWidget(self.heading)
        inner.addSpacing(6)
        inner.addWidget(self.user_list)
        inner.addWidget(self.pin_label)
        inner.addWidget(self.pin_edit)
        inner.addWidget(self.message)
        inner.addWidget(self.checking)
        inner.addWidget(self.sign_in_button)
        inner.addWidget(self.hint)
        self._add_partner_entry(inner)

        controller.failed.connect(self._show_failure)
        controller.waiting.connect(self.checking.setVisible)
        controller.signedIn.connect(self._on_signed_in)
        self.reset()

    def _build_heading(self, event_name: str, venue: str) -> None:
        self.title = QLabel(event_name)
        self.title.setObjectName("loginTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.venue = QLabel(venue)
        self.venue.setObjectName("loginVenue")
        self.venue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.venue.setWordWrap(True)
        self.venue.setVisible(bool(venue))
        self.heading = QLabel(self.tr("Sign in"))
        self.heading.setObjectName("loginHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def _build_user_list(self) -> None:
        """The users; clicking one leaves the keys in the PIN field."""
        self.user_list = QListView()
        self.user_list.setObjectName("userList")
        self.user_list.setModel(self._model)
        self.user_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.user_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.user_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay in the PIN field
        self.user_list.clicked.connect(lambda _index: self.pin_edit.setFocus())
        self.user_list.doubleClicked.connect(lambda _index: self.pin_edit.setFocus())

    def _build_pin_entry(self) -> None:
        """The PIN field (digits only; Enter signs in) and the Sign in button."""
        self.pin_label = QLabel(self.tr("Type your PIN and press Enter"))
        self.pin_label.setObjectName("pinLabel")
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(PIN_MAX)
        self.pin_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{PIN_MAX}}}"), self)
        )
        self.pin_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_label.setBuddy(self.pin_edit)
        self.pin_edit.returnPressed.connect(self.submit)
        self.pin_edit.installEventFilter(self)

        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sign_in_button.clicked.connect(self.submit)

    def _build_messages(self, controller: LoginController) -> None:
        """A refusal, the start-up check's progress, the hint."""
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setProperty("role", "error")
        self.message.hide()

        # while the start-up integrity check runs; a PIN entered meanwhile waits for it
        self.checking = QLabel(self.tr("Checking the database…"))
        self.checking.setObjectName("loginChecking")
        self.checking.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.checking.setVisible(controller.held)

        self.hint = QLabel(self.tr("Your PIN signs you in under your own name"))
        self.hint.setObjectName("loginHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

    # ----------------------------------------------------------- public ---

    def reset(self) -> None:
        """Reload the users, start on an attendant (never a supervisor), empty the PIN."""
        users = self._controller.users()
        self._model.set_users(users)
        self._fit_list(len(users))
        if users:
            self.select_row(self._controller.start_index(users))
        self.pin_edit.clear()
        self._card_scan = ""
        self.message.hide()
        self.pin_edit.setFocus()

    @property
    def controller(self) -> LoginController:
        return self._controller

    def selected_user(self) -> User | None:
        index = self.user_list.currentIndex()
        return self._model.user_at(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        rows = self._model.rowCount()
        if rows == 0:
            return
        row = max(0, min(row, rows - 1))
        index = self._model.index(row, 0)
        self.user_list.setCurrentIndex(index)
        self.user_list.scrollTo(index)

    def _fit_list(self, rows: int) -> None:
        """As tall as the users it shows (3 to 8 rows; more scroll)."""
        row = self.user_list.sizeHintForRow(0) if rows else 0
        row = max(row, self.fontMetrics().height() + 18)
        frame = 2 * self.user_list.frameWidth() + 10
        # The PIN picks the user, so the list is only a help: on a short screen (1024×600)
        # it gives up its height first (it scrolls) rather than squeeze the PIN field.
        self.user_list.setMinimumHeight(0)
        self.user_list.setMaximumHeight(min(max(rows, 3), 8) * row + frame)

    def submit(self) -> None:
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        self._controller.sign_in(self.selected_user(), pin)

    # ---------------------------------------------------------- private ---

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.pin_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pin_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if step is not None:
                self.select_row(self.user_list.currentIndex().row() + step)
                self.message.hide()
                return True
            if self._card_key(event):
                return True
        return super().eventFilter(watched, event)

    def _add_partner_entry(self, layout: QVBoxLayout) -> None:
        """The way into partner mode: the "Mitra" button (F3); a card scan also leads there."""
        self._card_scan = ""  # what a partner card's scanner has typed so far
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setObjectName("loginSeparator")
        self.partner_hint = QLabel(self.tr("UMK partner? Scan your partner card or press:"))
        self.partner_hint.setObjectName("partnerEntryHint")
        self.partner_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.partner_hint.setWordWrap(True)
        self.partner_button = QPushButton(self.tr("Partner"))
        self.partner_button.setObjectName("partnerButton")
        self.partner_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.partner_button.setToolTip(
            self.tr("Partners: see your own sales") + f" ({PARTNER_KEY})"
        )
        self.partner_button.clicked.connect(lambda: self.partnerRequested.emit(""))
        shortcut = QShortcut(QKeySequence(PARTNER_KEY), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.partnerRequested.emit(""))
        layout.addWidget(line)
        layout.addWidget(self.partner_hint)
        layout.addWidget(self.partner_button)

    def _card_key(self, event: QKeyEvent) -> bool:
        """Collect a partner card scan (``MITRA-…`` + Enter) typed into the PIN field.

        True when the key belongs to a scan (it does not reach the PIN field).
        """
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            scan, self._card_scan = self._card_scan, ""
            if scan.upper().startswith(CARD_PREFIX) and len(scan) > len(CARD_PREFIX):
                self.pin_edit.clear()
                self.message.hide()
                self.partnerRequested.emit(scan)
                return True
            return False
        text = event.text()
        if not text or not text.isprintable():
            return False
        candidate = (self._card_scan + text).upper()
        if candidate.startswith(CARD_PREFIX) or CARD_PREFIX.startswith(candidate):
            self._card_scan += text
            return True
        self._card_scan = ""
        return False

    def _show_failure(self, text: str) -> None:
        self.message.setText(sentence(text))
        self.message.show()
        self.pin_edit.setFocus()

    def _on_signed_in(self, user: User) -> None:
        self.message.hide()
        self.signedIn.emit(user)
