"""Widgets of the reports screen: a light bar chart (QPainter) and a paged PDF preview."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from boothpos.gui import palette as pal

_BAR = QColor(pal.CHART_BAR)
_BAR_NEGATIVE = QColor(pal.CHART_BAR_NEGATIVE)
_TEXT = QColor(pal.INK_SOFT)
_MUTED = QColor(pal.HINT)
_GRID = QColor(pal.GRID_SOFT)
PAGE_PADDING = 8  # around the page in the preview (see QLabel#previewImage)


def short_rupiah(amount: int) -> str:
    """``12_500_000`` → ``Rp 12,5 jt``; ``350_000`` → ``Rp 350 rb``; small amounts in full."""
    sign = "-" if amount < 0 else ""
    n = abs(int(amount))
    for unit, word in ((1_000_000_000, "M"), (1_000_000, "jt"), (1_000, "rb")):
        if n >= unit:
            tenths = (n * 10 + unit // 2) // unit
            whole, frac = divmod(tenths, 10)
            if whole >= 100 or not frac:
                return f"{sign}Rp {(n + unit // 2) // unit} {word}"
            return f"{sign}Rp {whole},{frac} {word}"
    return f"{sign}Rp {n}"


class BarChart(QWidget):
    """Horizontal bars, one per (label, rupiah) item, largest scale first; a title on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._title = ""
        self._items: list[tuple[str, int]] = []
        self._empty_text = ""

    def set_data(self, title: str, items: list[tuple[str, int]], empty_text: str = "") -> None:
        self._title = title
        self._items = list(items)
        self._empty_text = empty_text
        self.updateGeometry()
        self.update()

    def items(self) -> list[tuple[str, int]]:
        return list(self._items)

    def title(self) -> str:
        return self._title

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        rows = max(len(self._items), 3)
        return QSize(360, 30 + rows * 22)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(240, 110)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(8, 6, -8, -6)
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(_TEXT)
        title_height = QFontMetrics(title_font).height()
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), title_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self._title,
        )
        painter.setFont(self.font())
        metrics = QFontMetrics(self.font())
        top = rect.top() + title_height + 6
        if not self._items or not any(value for _label, value in self._items):
            painter.setPen(_MUTED)
            painter.drawText(
                QRectF(rect.left(), top, rect.width(), rect.bottom() - top),
                Qt.AlignmentFlag.AlignCenter,
                self._empty_text,
            )
            painter.end()
            return
        rows = len(self._items)
        row_height = min(26.0, max(14.0, (rect.bottom() - top) / rows))
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _value in self._items) + 8,
            rect.width() * 0.38,
        )
        value_width = max(metrics.horizontalAdvance(short_rupiah(v)) for _l, v in self._items) + 8
        bar_left = rect.left() + label_width
        bar_space = max(rect.width() - label_width - value_width, 20)
        largest = max(abs(value) for _label, value in self._items) or 1
        painter.setPen(_GRID)
        painter.drawLine(int(bar_left), int(top), int(bar_left), int(top + rows * row_height))
        for i, (label, value) in enumerate(self._items):
            y = top + i * row_height
            painter.setPen(_TEXT)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width - 8))
            painter.drawText(
                QRectF(rect.left(), y, label_width - 6, row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            length = bar_space * abs(value) / largest
            bar = QRectF(bar_left + 1, y + row_height * 0.18, max(length, 1), row_height * 0.64)
            painter.fillRect(bar, _BAR if value >= 0 else _BAR_NEGATIVE)
            painter.setPen(_MUTED)
            painter.drawText(
                QRectF(bar.right() + 5, y, value_width, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                short_rupiah(value),
            )
        painter.end()


class PdfPreview(QFrame):
    """One page of a PDF at a time, fitted to the width; ◀ ▶ move between pages.

    The pages are rendered elsewhere (in the background): the preview asks for
    a page with ``pageRequested(index, width_px)`` and shows it with
    :meth:`set_page`.
    """

    pageRequested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self._pages = 0
        self._index = 0
        self._title = ""
        self._image: QImage | None = None

        self.title_label = QLabel(self)
        self.title_label.setObjectName("previewTitle")
        self.previous_button = QPushButton("◀", self)
        self.next_button = QPushButton("▶", self)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("previewPage")
        for button in (self.previous_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            button.setFixedWidth(36)
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.title_label, 1)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)

        self.page_view = QLabel(self)
        self.page_view.setObjectName("previewImage")
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_view.setWordWrap(True)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("previewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.page_view)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.show_message("")

    # -- state ------------------------------------------------------------------------

    def page_count(self) -> int:
        return self._pages

    def current_page(self) -> int:
        return self._index

    def image(self) -> QImage | None:
        """The page on screen (None while a message is shown)."""
        return self._image

    def page_width(self) -> int:
        """The width to render pages at: the visible width of the scroll area."""
        scrollbar = self.scroll.verticalScrollBar()
        width = self.scroll.viewport().width()
        if not scrollbar.isVisible():  # a page is taller than the view: it will appear
            width -= scrollbar.sizeHint().width()
        return max(width - 2 * PAGE_PADDING - 2, 420)

    # -- showing ----------------------------------------------------------------------

    def show_message(self, text: str, title: str = "") -> None:
        """No page: a message in its place (what to do, or what is being made)."""
        self._pages, self._index, self._image = 0, 0, None
        self._title = title
        self.title_label.setText(title)
        self.page_view.setPixmap(QPixmap())
        self.page_view.setText(text)
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._update_bar()

    def start(self, title: str, pages: int) -> None:
        """A new document of ``pages`` pages; its first page arrives with :meth:`set_page`."""
        self._title, self._pages, self._index = title, pages, 0
        self.title_label.setText(title)
        self._update_bar()

    def set_page(self, index: int, image: QImage) -> None:
        self._index = index
        self._image = image
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_view.setText("")
        self.page_view.setPixmap(QPixmap.fromImage(image))
        self.scroll.verticalScrollBar().setValue(0)
        self._update_bar()

    def next_page(self) -> None:
        if self._index + 1 < self._pages:
            self.pageRequested.emit(self._index + 1, self.page_width())

    def previous_page(self) -> None:
        if self._index > 0 and self._pages:
            self.pageRequested.emit(self._index - 1, self.page_width())

    def _update_bar(self) -> None:
        has_pages = self._pages > 0
        self.page_label.setVisible(has_pages)
        self.previous_button.setVisible(has_pages)
        self.next_button.setVisible(has_pages)
        self.previous_button.setEnabled(self._index > 0)
        self.next_button.setEnabled(self._index + 1 < self._pages)
        self.page_label.setText(
            self.tr("Page {n} of {pages}").format(n=self._index + 1, pages=self._pages)
        )
