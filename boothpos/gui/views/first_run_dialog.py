"""First start without an event database: open the demo event or start a new event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QGuiApplication, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boothpos.core.errors import BoothError
from boothpos.gui.controllers.setup_controller import NewEvent

OpenDemo = Callable[[], Path]
CreateEvent = Callable[[NewEvent], Path]


def _pin_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(8)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), parent))
    return edit


class FirstRunDialog(QDialog):
    """Accepted with :meth:`database_path` set to the database to open."""

    def __init__(
        self,
        target: Path,
        open_demo: OpenDemo,
        create_event: CreateEvent,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("boothpos — first start"))
        self.setMinimumWidth(560)
        self._open_demo = open_demo
        self._create_event = create_event
        self._path: Path | None = None

        welcome = QLabel(self.tr("Welcome to boothpos"))
        welcome.setObjectName("screenTitle")
        intro = QLabel(
            self.tr(
                "There is no event database yet at\n{path}\n\nTry the app on the demo event, "
                "or start your own event."
            ).format(path=target)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.demo_button = QPushButton(self.tr("Open the demo event (INACRAFT 2024)"))
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setAutoDefault(False)
        self.demo_button.clicked.connect(self.choose_demo)
        demo_hint = QLabel(self.tr("Demo users: kasir / 1111, supervisor / 5555, admin / 9999"))
        demo_hint.setObjectName("hint")

        group = self._build_new_event()

        self.problems = QPlainTextEdit()
        self.problems.setObjectName("firstRunProblems")
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(140)
        self.problems.hide()

        cancel = QPushButton(self.tr("Quit"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(welcome)
        layout.addWidget(intro)
        layout.addWidget(self.demo_button)
        layout.addWidget(demo_hint)
        layout.addSpacing(8)
        layout.addWidget(group)
        layout.addWidget(self.problems)
        layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignRight)
        self.name_edit.setFocus()

    def _build_new_event(self) -> QGroupBox:
        """The new event's form: name, venue, days, PINs, catalog file; Create."""
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("eventName")
        self.name_edit.setPlaceholderText(self.tr("For example: INACRAFT 2025"))
        self.venue_edit = QLineEdit()
        self.first_day_edit = QDateEdit()
        self.first_day_edit.setObjectName("firstDay")
        self.first_day_edit.setCalendarPopup(True)
        self.first_day_edit.setDisplayFormat("dd-MM-yyyy")
        today = date.today()
        self.first_day_edit.setDate(QDate(today.year, today.month, today.day))
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("eventDays")
        self.days_spin.setRange(1, 60)
        self.days_spin.setValue(5)
        self.admin_pin = _pin_edit(self)
        self.admin_pin.setObjectName("adminPin")
        self.admin_pin_again = _pin_edit(self)
        self.admin_pin_again.setObjectName("adminPinAgain")
        self.cashier_pin = _pin_edit(self)
        self.cashier_pin.setObjectName("cashierPin")
        self.cashier_pin.setPlaceholderText(self.tr("optional"))
        self.cashier_pin_again = _pin_edit(self)
        self.catalog_edit = QLineEdit()
        self.catalog_edit.setObjectName("catalogFile")
        self.catalog_edit.setPlaceholderText(self.tr("optional: .xlsx or .csv"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        catalog_row = QHBoxLayout()
        catalog_row.addWidget(self.catalog_edit, 1)
        catalog_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Event name"), self.name_edit)
        form.addRow(self.tr("Venue"), self.venue_edit)
        form.addRow(self.tr("First fair day"), self.first_day_edit)
        form.addRow(self.tr("Number of days"), self.days_spin)
        form.addRow(self.tr("Admin PIN (4–8 digits)"), self.admin_pin)
        form.addRow(self.tr("Admin PIN again"), self.admin_pin_again)
        form.addRow(self.tr("Cashier PIN (user kasir)"), self.cashier_pin)
        form.addRow(self.tr("Cashier PIN again"), self.cashier_pin_again)
        form.addRow(self.tr("Catalog file"), catalog_row)
        self.create_button = QPushButton(self.tr("Create event"))
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        group = QGroupBox(self.tr("Start a new event"))
        group_layout = QVBoxLayout(group)
        group_layout.addLayout(form)
        group_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        return group

    def database_path(self) -> Path | None:
        return self._path

    def new_event(self) -> NewEvent:
        qd = self.first_day_edit.date()
        catalog = self.catalog_edit.text().strip()
        return NewEvent(
            name=self.name_edit.text(),
            venue=self.venue_edit.text().strip(),
            first_day=date(qd.year(), qd.month(), qd.day()),
            days=self.days_spin.value(),
            admin_pin=self.admin_pin.text(),
            admin_pin_again=self.admin_pin_again.text(),
            cashier_pin=self.cashier_pin.text(),
            cashier_pin_again=self.cashier_pin_again.text(),
            catalog=Path(catalog) if catalog else None,
        )

    def choose_demo(self) -> None:
        self._run(self._open_demo)

    def create(self) -> None:
        spec = self.new_event()
        self._run(lambda: self._create_event(spec))

    def _run(self, action: Callable[[], Path]) -> None:
        self.problems.hide()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = action()
        except BoothError as exc:
            self.problems.setPlainText(exc.message())
            self.problems.show()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._path = path
        self.accept()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Catalog file"),
            "",
            self.tr("Catalog (*.xlsx *.xls *.ods *.csv);;All files (*)"),
        )
        if name:
            self.catalog_edit.setText(name)
