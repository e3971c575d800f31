"""The reports screen (supervisors and administrators): totals, chart, documents, exports.

Choose one day or a period (default: the whole event) and all partners or
one; the totals, the payment methods (whole booth), the chart and the list
follow at once. Documents — Z/X report, partner day sheet, final settlement,
booth summary — are previewed page by page, saved as PDF and printed on an
A4 system printer. Settlement, stock and sales lines export to XLSX or CSV.
The fair day is opened, closed (cash count) and reopened from here.

Keys: F5 preview · Ctrl+PgDown / Ctrl+PgUp next / previous page ·
Ctrl+S save the PDF · Ctrl+P print · Ctrl+E export · F4 close the day (a
window shortcut) · Esc back to the sale screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from boothpos.core import paths
from boothpos.core.codes import METHODS, DayStatus, Role
from boothpos.core.event import Event
from boothpos.core.formatting import day_text, rate_text
from boothpos.core.money import format_rupiah
from boothpos.core.users import User
from boothpos.gui import palette as pal
from boothpos.gui.controllers.close_day_controller import FairDayController
from boothpos.gui.controllers.reports_controller import (
    DOCUMENTS,
    EXPORTS,
    Preview,
    ReportData,
    ReportKind,
    ReportsController,
    Selection,
)
from boothpos.gui.dialogs import DialogSlot
from boothpos.gui.labels import method_label, plural
from boothpos.gui.models import report_models as cols
from boothpos.gui.models.report_models import PartnerTotalsModel, ProductTotalsModel, SortRole
from boothpos.gui.output import OutputService
from boothpos.gui.views.close_day_dialog import CloseDayDialog, day_choice_text, find_day
from boothpos.gui.views.day_dialogs import OpenDayDialog, ReopenDayDialog
from boothpos.gui.views.report_widgets import BarChart, PdfPreview
from boothpos.gui.worker import BackgroundWork

PREVIEW_KEY = "F5"
SAVE_KEY = "Ctrl+S"
PRINT_KEY = "Ctrl+P"
EXPORT_KEY = "Ctrl+E"
CLOSE_DAY_KEY = "F4"  # the main window's action (so it works from the sale screen too)

AskPath = Callable[[str, Path, str], Path | None]

_STYLE = f"""
QWidget#reportsScreen {{ background: {pal.PAGE}; }}
QFrame#figureCard {{ background: {pal.WHITE}; border: 1px solid {pal.BORDER}; border-radius: 6px; }}
QFrame#figureCard[accent="true"] {{ background: {pal.ACCENT_SOFT};
    border: 1px solid {pal.ACCENT_SOFT_BORDER}; }}
QLabel#cardCaption {{ color: {pal.CAPTION}; font-size: 9pt; font-weight: 600; }}
QLabel#cardValue {{ font-size: 13pt; font-weight: 600; color: {pal.INK}; }}
QFrame#methodsPanel, QFrame#chartPanel, QFrame#docPanel {{
    background: {pal.WHITE}; border: 1px solid {pal.BORDER}; border-radius: 6px;
}}
QLabel#panelTitle {{ font-weight: 600; color: {pal.HEADING}; }}
QLabel#methodName {{ color: {pal.INK_SOFT}; }}
QLabel#methodValue {{ color: {pal.INK}; }}
QLabel#reportStatus {{ color: {pal.INK_SOFT}; font-size: 10.5pt; }}
QLabel#reportHints {{ color: {pal.HINT}; }}
QLabel#previewTitle {{ font-weight: 600; color: {pal.HEADING}; }}
QScrollArea#previewScroll {{ background: {pal.PREVIEW}; border: none; }}
QLabel#previewImage {{ background: {pal.PREVIEW}; color: {pal.PREVIEW_TEXT}; font-size: 11pt;
    padding: 8px; }}
QLabel#reportsBanner {{ padding: 5px 10px; border-radius: 4px; }}
QLabel#reportsBanner[role="error"] {{ background: {pal.DANGER_BANNER}; color: {pal.DANGER_INK};
                                     border: 1px solid {pal.DANGER_BORDER}; }}
QLabel#reportsBanner[role="info"] {{ background: {pal.SUCCESS_SOFT}; color: {pal.SUCCESS_INK};
                                    border: 1px solid {pal.SUCCESS_BORDER}; }}
QTableView#reportTable {{ background: {pal.WHITE}; alternate-background-color: {pal.ROW_ALT_SOFT};
    }}
"""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def ask_save_path(parent: QWidget, title: str, default: Path, filters: str) -> Path | None:
    """The system "Save as" dialog; None when cancelled."""
    default.parent.mkdir(parents=True, exist_ok=True)
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(default), filters)
    return Path(chosen) if chosen else None


class _Card(QFrame):
    def __init__(self, caption: str, parent: QWidget, *, accent: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setProperty("accent", "true" if accent else "false")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("cardCaption")
        self.value = QLabel("", self)
        self.value.setObjectName("cardValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)


class ReportsScreen(QWidget):
    """Emits ``backRequested`` (Esc) and ``dayChanged(date)`` after an open, close or reopen."""

    backRequested = Signal()
    dayChanged = Signal(object)

    def __init__(
        self,
        controller: ReportsController,
        days: FairDayController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self._controller = controller
        self._days = days
        self._user: User | None = None
        self.data: ReportData | None = None
        self._dialogs: DialogSlot[QDialog] = DialogSlot(closed=self._dialog_closed)  # one at a time
        self.ask_path: AskPath = lambda title, default, filters: ask_save_path(
            self, title, default, filters
        )
        self._loading = False
        self._shape: tuple[bool, bool] | None = None  # (one day, one partner) last shown

        self.partner_model = PartnerTotalsModel(self)
        self.product_model = ProductTotalsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SortRole)

        self._build()
        self._wire()
        self._fill_choices()
        self.apply_selection(controller.default_selection())

    # ------------------------------------------------------------ layout ---

    def _build(self) -> None:
        top = self._build_selection_bar()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("reportStatus")
        self.status_label.setWordWrap(True)
        left = self._build_figures()
        right = self._build_document_panel()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        splitter.setChildrenCollapsible(False)
        bottom = self._build_actions()
        self._build_messages()

        root = QVBoxLayout(self)
        root.setContentsMargins(12, 8, 12, 6)
        root.setSpacing(6)
        root.addLayout(top)
        root.addWidget(self.status_label)
        root.addWidget(splitter, 1)
        root.addWidget(self.banner)
        root.addLayout(bottom)
        root.addWidget(self.hints)
        self._add_shortcuts()

    def _build_selection_bar(self) -> QHBoxLayout:
        """The title, one day or a period, and the partner."""
        title = QLabel(self.tr("Reports"), self)
        title.setObjectName("screenTitle")

        self.day_radio = QRadioButton(self.tr("One &day"), self)
        self.period_radio = QRadioButton(self.tr("&Period"), self)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.day_radio)
        self.mode_group.addButton(self.period_radio)
        self.day_combo = QComboBox(self)
        self.day_combo.setObjectName("reportDay")
        self.day_combo.setMinimumContentsLength(26)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit, name in ((self.from_edit, "reportFrom"), (self.to_edit, "reportTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.whole_button = QPushButton(self.tr("&Whole event"), self)
        self.whole_button.setAutoDefault(False)
        to_label = QLabel("–", self)
        self.partner_combo = QComboBox(self)
        self.partner_combo.setObjectName("reportPartner")
        self.partner_combo.setMinimumContentsLength(24)
        partner_label = QLabel(self.tr("P&artner"), self)
        partner_label.setBuddy(self.partner_combo)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.day_radio)
        top.addWidget(self.day_combo)
        top.addSpacing(10)
        top.addWidget(self.period_radio)
        top.addWidget(self.from_edit)
        top.addWidget(to_label)
        top.addWidget(self.to_edit)
        top.addWidget(self.whole_button)
        top.addStretch(1)
        top.addWidget(partner_label)
        top.addWidget(self.partner_combo)
        return top

    def _build_figures(self) -> QWidget:
        """The left side: figure cards, payments and cash, the chart, the list."""
        cards = self._build_cards()
        self._build_methods_panel()
        self.chart = BarChart(self)
        chart_panel = QFrame(self)
        chart_panel.setObjectName("chartPanel")
        chart_layout = QVBoxLayout(chart_panel)
        chart_layout.setContentsMargins(4, 4, 4, 4)
        chart_layout.addWidget(self.chart)
        middle = QHBoxLayout()
        middle.setSpacing(6)
        middle.addWidget(self.methods_panel, 0)
        middle.addWidget(chart_panel, 1)
        self._build_table()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addLayout(cards)
        left_layout.addLayout(middle)
        left_layout.addWidget(self.table, 1)
        return left

    def _build_cards(self) -> QGridLayout:
        self.cards: dict[str, _Card] = {}
        cards = QGridLayout()
        cards.setSpacing(6)
        for i, (key, caption) in enumerate(
            (
                ("gross", self.tr("GROSS SALES")),
                ("discounts", self.tr("DISCOUNTS")),
                ("refunds", self.tr("REFUNDS")),
                ("net", self.tr("NET SALES")),
                ("commission", self.tr("BOOTH COMMISSION")),
                ("payout", self.tr("PAYOUT TO PARTNERS")),
            )
        ):
            card = _Card(caption, self, accent=key in ("net", "payout"))
            self.cards[key] = card
            cards.addWidget(card, i // 3, i % 3)
        return cards

    def _build_methods_panel(self) -> None:
        """What each payment method took, and the day's cash."""
        self.methods_panel = QFrame(self)
        self.methods_panel.setObjectName("methodsPanel")
        methods = QGridLayout(self.methods_panel)
        methods.setContentsMargins(10, 6, 10, 6)
        methods.setVerticalSpacing(2)
        self.methods_title = QLabel(self.tr("Payments (whole booth)"), self.methods_panel)
        self.methods_title.setObjectName("panelTitle")
        methods.addWidget(self.methods_title, 0, 0, 1, 2)
        self.method_values: dict[str, QLabel] = {}
        row = 1
        for method in METHODS:
            name = QLabel(method_label(method), self.methods_panel)
            name.setObjectName("methodName")
            value = QLabel("", self.methods_panel)
            value.setObjectName("methodValue")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            methods.addWidget(name, row, 0)
            methods.addWidget(value, row, 1)
            self.method_values[method] = value
            row += 1
        self.cash_rows: dict[str, tuple[QLabel, QLabel]] = {}
        for key, text in (
            ("float", self.tr("Opening float")),
            ("expected", self.tr("Cash expected")),
            ("counted", self.tr("Cash counted")),
            ("difference", self.tr("Difference")),
        ):
            name = QLabel(text, self.methods_panel)
            name.setObjectName("methodName")
            value = QLabel("", self.methods_panel)
            value.setObjectName("methodValue")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            methods.addWidget(name, row, 0)
            methods.addWidget(value, row, 1)
            self.cash_rows[key] = (name, value)
            row += 1
        methods.setRowStretch(row, 1)
        methods.setColumnStretch(0, 1)
        self.methods_panel.setMinimumWidth(230)

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("reportTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setHighlightSections(False)

    def _build_document_panel(self) -> QFrame:
        """The right side: which document, its buttons and its preview."""
        self.doc_combo = QComboBox(self)
        self.doc_combo.setObjectName("reportDocument")
        for kind, text in (
            (ReportKind.DAY, self.tr("Day report (Z / X)")),
            (ReportKind.PARTNER_DAY, self.tr("Partner day sheet")),
            (ReportKind.SETTLEMENT, self.tr("Final settlement (partner sheets)")),
            (ReportKind.SUMMARY, self.tr("Booth summary (all partners)")),
        ):
            self.doc_combo.addItem(text, kind)
        doc_label = QLabel(self.tr("D&ocument"), self)
        doc_label.setBuddy(self.doc_combo)
        self.preview_button = QPushButton(self.tr("Preview") + f"  ({PREVIEW_KEY})", self)
        self.save_button = QPushButton(self.tr("Save PDF…") + "  (Ctrl+S)", self)
        self.print_button = QPushButton(self.tr("Print…") + "  (Ctrl+P)", self)
        self.preview_button.setObjectName("previewButton")
        self.save_button.setObjectName("savePdfButton")
        self.print_button.setObjectName("printButton")
        doc_row = QHBoxLayout()
        doc_row.addWidget(doc_label)
        doc_row.addWidget(self.doc_combo, 1)
        doc_buttons = QHBoxLayout()
        doc_buttons.addWidget(self.preview_button)
        doc_buttons.addWidget(self.save_button)
        doc_buttons.addWidget(self.print_button)
        doc_buttons.addStretch(1)
        self.preview = PdfPreview(self)
        right = QFrame(self)
        right.setObjectName("docPanel")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 8, 8, 8)
        right_layout.setSpacing(6)
        right_layout.addLayout(doc_row)
        right_layout.addLayout(doc_buttons)
        right_layout.addWidget(self.preview, 1)
        return right

    def _build_actions(self) -> QHBoxLayout:
        """The bottom row: exports, the fair day's buttons, back to sale."""
        self.export_combo = QComboBox(self)
        self.export_combo.setObjectName("reportExport")
        for what, text in (
            ("settlement", self.tr("Settlement per partner")),
            ("stock", self.tr("Stock per product")),
            ("lines", self.tr("Sales lines")),
        ):
            self.export_combo.addItem(text, what)
        self.export_button = QPushButton(self.tr("Export XLSX / CSV…") + "  (Ctrl+E)", self)
        self.export_button.setObjectName("exportButton")
        self.open_day_button = QPushButton(self.tr("Open day…"), self)
        self.open_day_button.setObjectName("openDayButton")
        self.close_day_button = QPushButton(self.tr("Close day…") + f"  ({CLOSE_DAY_KEY})", self)
        self.close_day_button.setObjectName("closeDayButton")
        self.reopen_button = QPushButton(self.tr("Reopen day…"), self)
        self.reopen_button.setObjectName("reopenDayButton")
        self.back_button = QPushButton(self.tr("Back to sale") + "  (Esc)", self)
        self.back_button.setObjectName("backButton")
        for button in (
            self.whole_button,
            self.preview_button,
            self.save_button,
            self.print_button,
            self.export_button,
            self.open_day_button,
            self.close_day_button,
            self.reopen_button,
            self.back_button,
        ):
            button.setAutoDefault(False)

        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        export_label = QLabel(self.tr("E&xport"), self)
        export_label.setBuddy(self.export_combo)
        bottom.addWidget(export_label)
        bottom.addWidget(self.export_combo)
        bottom.addWidget(self.export_button)
        bottom.addSpacing(18)
        bottom.addWidget(self.open_day_button)
        bottom.addWidget(self.close_day_button)
        bottom.addWidget(self.reopen_button)
        bottom.addStretch(1)
        bottom.addWidget(self.back_button)
        return bottom

    def _build_messages(self) -> None:
        self.banner = QLabel(self)
        self.banner.setObjectName("reportsBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.hints = QLabel(
            self.tr(
                "F5 preview · Ctrl+PgDown / Ctrl+PgUp next / previous page · Ctrl+S save PDF · "
                "Ctrl+P print · Ctrl+E export · F4 close the day · Esc back to sale"
            ),
            self,
        )
        self.hints.setObjectName("reportHints")

    def _add_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (PREVIEW_KEY, self.show_preview),
            (SAVE_KEY, self.save_pdf),
            (PRINT_KEY, self.print_document),
            (EXPORT_KEY, self.export),
            ("Ctrl+PgDown", self.preview.next_page),
            ("Ctrl+PgUp", self.preview.previous_page),
            ("Esc", self.backRequested.emit),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    def _counts(self, sales: int, voids: int, refunds: int) -> str:
        """ "12 sales · 1 voided · 1 refund" (English plurals; Indonesian has none)."""
        return " · ".join(
            (
                plural(sales, self.tr("{n} sale"), self.tr("{n} sales")),
                self.tr("{n} voided").format(n=voids),
                plural(refunds, self.tr("{n} refund"), self.tr("{n} refunds")),
            )
        )

    def _wire(self) -> None:
        c = self._controller
        self.day_radio.toggled.connect(lambda _on: self._selection_changed())
        self.day_combo.currentIndexChanged.connect(lambda _i: self._selection_changed())
        self.from_edit.dateChanged.connect(lambda _d: self._selection_changed())
        self.to_edit.dateChanged.connect(lambda _d: self._selection_changed())
        self.partner_combo.currentIndexChanged.connect(lambda _i: self._selection_changed())
        self.doc_combo.currentIndexChanged.connect(lambda _i: self._document_changed())
        self.whole_button.clicked.connect(self.show_whole_event)
        self.preview_button.clicked.connect(self.show_preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_document)
        self.export_button.clicked.connect(self.export)
        self.open_day_button.clicked.connect(self.open_day)
        self.close_day_button.clicked.connect(self.close_day)
        self.reopen_button.clicked.connect(self.reopen_day)
        self.back_button.clicked.connect(self.backRequested)
        self.preview.pageRequested.connect(c.page)
        c.previewReady.connect(self._preview_ready)
        c.pageReady.connect(self.preview.set_page)
        c.previewFailed.connect(self._preview_failed)
        c.info.connect(lambda text: self.show_banner(text, error=False))
        c.failed.connect(lambda text: self.show_banner(text, error=True))
        self._days.info.connect(lambda text: self.show_banner(text, error=False))
        self._days.failed.connect(lambda text: self.show_banner(text, error=True))
        self._days.dayChanged.connect(self._day_changed)

    def _fill_choices(self) -> None:
        """The day list (with each day's state) and the partner list."""
        self._loading = True
        current = self.day_combo.currentData()
        self.day_combo.clear()
        for choice in self._controller.day_choices():
            self.day_combo.addItem(day_choice_text(choice), choice.day)
        if current is not None:
            index = find_day(self.day_combo, current)
            if index >= 0:
                self.day_combo.setCurrentIndex(index)
        if not self.partner_combo.count():
            self.partner_combo.addItem(self.tr("All partners"), None)
            for code, name in self._controller.partners():
                self.partner_combo.addItem(f"{code} · {name}", code)
        first, last = self._controller.event_period()
        for edit in (self.from_edit, self.to_edit):
            edit.setDateRange(_qdate(first), _qdate(last))
        self._loading = False

    # ------------------------------------------------------------ public ---

    def set_user(self, user: User | None) -> None:
        """Closing and opening need a supervisor, reopening an administrator."""
        self._user = user
        self._update_day_buttons()

    @property
    def user(self) -> User | None:
        return self._user

    def open(self) -> None:
        """Shown again: fresh day states and figures (sales went on meanwhile)."""
        self._fill_choices()
        self.reload()
        self.table.setFocus()

    def selection(self) -> Selection:
        partner = self.partner_combo.currentData()
        if self.day_radio.isChecked():
            day = self.day_combo.currentData() or self._controller.today()
            return Selection(day, day, partner)
        first, last = _pydate(self.from_edit.date()), _pydate(self.to_edit.date())
        return Selection(first, last, partner)

    def apply_selection(self, selection: Selection) -> None:
        """Show ``selection`` (a single day goes to the day list when it is there)."""
        self._loading = True
        index = find_day(self.day_combo, selection.first) if selection.day else -1
        if index >= 0:
            self.day_combo.setCurrentIndex(index)
            self.day_radio.setChecked(True)
        else:
            self.period_radio.setChecked(True)
        self.from_edit.setDate(_qdate(selection.first))
        self.to_edit.setDate(_qdate(selection.last))
        partner = self.partner_combo.findData(selection.partner) if selection.partner else 0
        self.partner_combo.setCurrentIndex(max(partner, 0))
        self._loading = False
        self._selection_changed()

    def show_whole_event(self) -> None:
        first, last = self._controller.event_period()
        partner = self.partner_combo.currentData()
        self.apply_selection(Selection(first, last, partner))

    def document_kind(self) -> str:
        return self.doc_combo.currentData()

    def choose_document(self, kind: str) -> None:
        index = self.doc_combo.findData(kind)
        if index >= 0:
            self.doc_combo.setCurrentIndex(index)

    def reload(self) -> ReportData | None:
        data = self._controller.load(self.selection())
        if data is not None:
            self._show(data)
        return data

    # -- documents

    def show_preview(self) -> None:
        kind = self.document_kind()
        problem = self._controller.document_problem(kind, self.selection())
        if problem:
            self.preview.show_message(problem)
            return
        title = self.doc_combo.currentText()
        self.preview.show_message(self.tr("Making {what}…").format(what=title), title)
        self._controller.preview(kind, self.selection(), self.preview.page_width())

    def save_pdf(self) -> None:
        kind, selection = self.document_kind(), self.selection()
        problem = self._controller.document_problem(kind, selection)
        if problem:
            self.show_banner(problem, error=True)
            return
        default = self._controller.default_path(kind, selection)
        if default is None:
            return
        path = self.ask_path(self.tr("Save the report as PDF"), default, self.tr("PDF (*.pdf)"))
        if path is not None:
            self._controller.save_pdf(kind, selection, path)

    def print_document(self) -> None:
        self._controller.print_document(self.document_kind(), self.selection())

    def export(self) -> None:
        what, selection = self.export_combo.currentData(), self.selection()
        default = self._controller.folder / self._controller.export_name(what, selection)
        path = self.ask_path(
            self.tr("Export"),
            default,
            self.tr("Excel workbook (*.xlsx);;CSV, comma separated (*.csv)"),
        )
        if path is not None:
            self._controller.export(what, selection, path)

    # -- the fair day

    def open_day(self) -> None:
        if self.dialog is not None or not self._may(Role.SUPERVISOR):
            return
        user = self._user
        dialog = OpenDayDialog(
            self._days.day_choices(),
            self._days.default_open_day(),
            lambda day, amount: self._days.open_day(day, amount, user),
            parent=self,
        )
        dialog.accepted.connect(
            lambda: self.show_banner(
                self.tr("Fair day {day} is open.").format(day=day_text(dialog.day())), error=False
            )
        )
        self._open_dialog(dialog)

    def close_day(self) -> None:
        if self.dialog is not None or not self._may(Role.SUPERVISOR):
            return
        selection = self.selection()
        day = selection.day if selection.day and self.day_radio.isChecked() else None
        if day is not None and self._days.state(day).status == DayStatus.CLOSED:
            day = None  # offer the day still to close
        dialog = CloseDayDialog(self._days, self._user, day=day, parent=self)
        self._open_dialog(dialog)

    def reopen_day(self) -> None:
        if self.dialog is not None or not self._may(Role.ADMIN):
            return
        user = self._user
        selection = self.selection()
        day = selection.first if selection.day else self._controller.today()
        dialog = ReopenDayDialog(
            self._days.day_choices(),
            day,
            lambda chosen, reason: self._days.reopen(chosen, user, reason),
            parent=self,
        )
        dialog.accepted.connect(
            lambda: self.show_banner(
                self.tr("Fair day {day} is open again; sales and changes are allowed.").format(
                    day=day_text(dialog.day())
                ),
                error=False,
            )
        )
        self._open_dialog(dialog)

    def show_banner(self, text: str, *, error: bool) -> None:
        self.banner.setText(text)
        self.banner.setProperty("role", "error" if error else "info")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.show()

    # ----------------------------------------------------------- private ---

    def _may(self, role: str) -> bool:
        return self._user is not None and self._user.can(role)

    def _update_day_buttons(self) -> None:
        supervisor = self._may(Role.SUPERVISOR)
        self.open_day_button.setEnabled(supervisor)
        self.close_day_button.setEnabled(supervisor)
        self.reopen_button.setEnabled(self._may(Role.ADMIN))
        self.reopen_button.setToolTip(
            "" if self._may(Role.ADMIN) else self.tr("Only an administrator can reopen a day.")
        )

    @property
    def dialog(self) -> QDialog | None:
        """The fair-day dialog open now (one at a time)."""
        return self._dialogs.current

    def _open_dialog(self, dialog: QDialog) -> None:
        self._dialogs.open(dialog)

    def _dialog_closed(self) -> None:
        if self.isVisible():
            self.window().activateWindow()
            self.table.setFocus()

    def _day_changed(self, day: date) -> None:
        self._fill_choices()
        if self.isVisible() or self.data is not None:
            self.reload()
        self.dayChanged.emit(day)

    def _selection_changed(self) -> None:
        if self._loading:
            return
        day_mode = self.day_radio.isChecked()
        self.day_combo.setEnabled(day_mode)
        for widget in (self.from_edit, self.to_edit):
            widget.setEnabled(not day_mode)
        self._fit_document()
        self._controller.clear_preview()
        self.reload()
        self.preview.show_message(
            self.tr("Press F5 to preview: {what}").format(what=self.doc_combo.currentText())
        )

    def _document_changed(self) -> None:
        self._controller.clear_preview()
        problem = self._controller.document_problem(self.document_kind(), self.selection())
        self.preview.show_message(
            problem
            or self.tr("Press F5 to preview: {what}").format(what=self.doc_combo.currentText())
        )

    def _fit_document(self) -> None:
        """A new kind of choice (one day or a period, one partner or all) gets its natural
        document; within the same kind the chosen one stays while it fits."""
        selection = self.selection()
        shape = (selection.day is not None, selection.partner is not None)
        fits = not self._controller.document_problem(self.document_kind(), selection)
        if shape == self._shape and fits:
            return
        self._shape = shape
        wanted = {
            (True, False): ReportKind.DAY,
            (True, True): ReportKind.PARTNER_DAY,
            (False, False): ReportKind.SUMMARY,
            (False, True): ReportKind.SETTLEMENT,
        }[shape]
        self.doc_combo.blockSignals(True)
        self.choose_document(wanted)
        self.doc_combo.blockSignals(False)

    def _show(self, data: ReportData) -> None:
        self.data = data
        totals = data.totals
        for key in ("gross", "discounts", "refunds", "net", "commission", "payout"):
            value = getattr(totals, key)
            shown = format_rupiah(value)
            if key in ("discounts", "refunds") and value:
                shown = "-" + shown
            self.cards[key].value.setText(shown)
        self.status_label.setText(self._status_text(data))
        self._show_methods(data)
        title, items = self._controller.chart(data)
        self.chart.set_data(title, items, self.tr("No sales in this choice yet."))
        self._show_table(data)

    def _show_methods(self, data: ReportData) -> None:
        settlement, day = data.settlement, data.day
        by_method = day.by_method if day is not None else settlement.by_method
        partner_only = data.selection.partner is not None
        self.methods_panel.setVisible(not partner_only)
        for method, label in self.method_values.items():
            label.setText(format_rupiah(by_method.get(method, 0)))
        for _name, value in self.cash_rows.values():
            value.setText("")
        show_cash = day is not None
        for name, value in self.cash_rows.values():
            name.setVisible(show_cash)
            value.setVisible(show_cash)
        if day is None:
            return
        cash = day.cash
        self.cash_rows["float"][1].setText(format_rupiah(cash.opening_float))
        self.cash_rows["expected"][1].setText(format_rupiah(cash.expected))
        if cash.counted is None:
            not_yet = self.tr("not counted yet")
            self.cash_rows["counted"][1].setText(not_yet)
            self.cash_rows["difference"][1].setText("—")
        else:
            self.cash_rows["counted"][1].setText(format_rupiah(cash.counted))
            difference = cash.difference or 0
            sign = "+" if difference > 0 else ""
            self.cash_rows["difference"][1].setText(sign + format_rupiah(difference))

    def _show_table(self, data: ReportData) -> None:
        partner = data.partner
        header = self.table.horizontalHeader()
        if partner is not None:
            self.product_model.set_products(partner.products)
            self.proxy.setSourceModel(self.product_model)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(cols.PCOL_NAME, QHeaderView.ResizeMode.Stretch)
        else:
            self.partner_model.set_partners(data.settlement.partners)
            self.proxy.setSourceModel(self.partner_model)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(cols.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # core's order: by code

    def _status_text(self, data: ReportData) -> str:
        event = self._controller.event
        selection, settlement = data.selection, data.settlement
        parts: list[str] = []
        if data.day is not None:
            day = data.day
            number = event.day_number(day.day)
            if number is not None:
                parts.append(
                    self.tr("Fair day {n} of {days} · {date}").format(
                        n=number, days=event.days, date=day_text(day.day)
                    )
                )
            else:
                outside = self.tr("{date} (outside the fair days)")
                parts.append(outside.format(date=day_text(day.day)))
            if day.status == DayStatus.CLOSED:
                parts.append(
                    self.tr("closed (Z-{z}) by {who}").format(
                        z=day.z_number, who=day.closed_by or "?"
                    )
                )
            elif day.status == DayStatus.OPEN:
                parts.append(self.tr("open: the X report may still grow"))
            else:
                parts.append(self.tr("not opened"))
            parts.append(self._counts(day.transactions, day.voids, day.refund_count))
        else:
            span = f"{day_text(settlement.first)} – {day_text(settlement.last)}"
            if data.whole_event:  # the fair's days; stock received on set-up day is counted too
                first, last = self._controller.sales_period()
                span = f"{day_text(first)} – {day_text(max(last, settlement.last))}"
                parts.append(self.tr("Whole event · {span}").format(span=span))
            else:
                parts.append(self.tr("Period {span}").format(span=span))
            choices = self._controller.day_choices()
            closed = sum(1 for c in choices if c.status == DayStatus.CLOSED and c.number)
            parts.append(
                self.tr("{closed} of {days} fair days closed").format(
                    closed=closed, days=event.days
                )
            )
            if selection.partner is None:
                parts.append(
                    self._counts(settlement.transactions, settlement.voids, settlement.refund_count)
                )
        partner = data.partner
        if partner is not None:
            parts.append(
                self.tr("{code} {name}, commission {rate}").format(
                    code=partner.code, name=partner.name, rate=rate_text(partner.rate_bp)
                )
            )
        return "  ·  ".join(parts)

    def _preview_ready(self, preview: Preview) -> None:
        self.preview.start(preview.title, preview.pages)

    def _preview_failed(self, text: str) -> None:
        self.preview.show_message(text)


def make_reports_screen(
    db: Database,
    event: Event,
    db_path: Path,
    *,
    work: BackgroundWork | None = None,
    printer: Callable[[], object] | None = None,
    now: Callable[[], datetime] | None = None,
    output: OutputService | None = None,
) -> ReportsScreen:
    """The reports screen with its controllers. A4 documents go to the default system
    printer; ``work`` is the app's one background helper (pdfium is not thread-safe)."""
    folder = paths.event_folder(Path(db_path)) / "laporan"

    def system_printer() -> object:
        from boothpos.printing import SystemPrinter

        return SystemPrinter()

    work = output.work if output is not None else work or BackgroundWork()
    make_printer = printer or system_printer
    controller = ReportsController(db, event, folder, work, make_printer, now=now, output=output)
    days = FairDayController(
        db, event, Path(db_path), folder, work, make_printer, now=now, output=output
    )
    screen = ReportsScreen(controller, days)
    controller.setParent(screen)
    days.setParent(screen)
    if work.parent() is None:
        work.setParent(screen)
    return screen


__all__ = ["DOCUMENTS", "EXPORTS", "ReportsScreen", "make_reports_screen"]
