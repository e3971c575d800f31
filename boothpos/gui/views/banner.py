"""A non-modal message strip: warnings and errors that never swallow the next scan.

Holds a few messages (newest last), each with its level colour, optional
action button and a close button. No widget in it takes keyboard focus, so
a scan or a key goes on to where the cashier was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from boothpos.gui import palette as pal
from boothpos.gui.banner_message import BannerMessage
from boothpos.gui.labels import keep_amounts, sentence

MAX_MESSAGES = 4

_STYLE = f"""
QFrame#bannerRow {{ border-radius: 6px; border: 1px solid; }}
QFrame#bannerRow[level="info"] {{
    background: {pal.INFO_BANNER}; border-color: {pal.ACCENT_SOFT_BORDER};
}}
QFrame#bannerRow[level="warning"] {{
    background: {pal.WARNING_SOFT}; border-color: {pal.WARNING_BORDER};
}}
QFrame#bannerRow[level="error"] {{
    background: {pal.DANGER_SOFT}; border-color: {pal.ERROR_BORDER};
}}
QFrame#bannerRow QLabel {{
    background: transparent; border: none; color: {pal.INK}; font-size: 11pt;
}}
QFrame#bannerRow QLabel#bannerMark {{ font-weight: 700; }}
QFrame#bannerRow[level="info"] QLabel#bannerMark {{ color: {pal.INFO_MARK}; }}
QFrame#bannerRow[level="warning"] QLabel#bannerMark {{ color: {pal.WARNING}; }}
QFrame#bannerRow[level="error"] QLabel#bannerMark {{ color: {pal.DANGER}; }}
QFrame#bannerRow QPushButton {{ padding: 3px 10px; }}
QFrame#bannerRow QPushButton#bannerClose {{
    border: none; background: transparent; font-size: 15pt; padding: 0 6px; color: {pal.CAPTION};
}}
"""


class _Row(QFrame):
    def __init__(self, message: BannerMessage, banner: Banner) -> None:
        super().__init__(banner)
        self.message = message
        self.setObjectName("bannerRow")
        self.setProperty("level", message.level)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(10)
        marks = {"info": "ℹ", "warning": "⚠", "error": "✖"}
        mark = QLabel(marks.get(message.level, "•"), self)
        mark.setObjectName("bannerMark")
        layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        # core's messages start in lower case (they also end CLI lines); amounts stay whole
        self.label = QLabel(keep_amounts(sentence(message.text)), self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.label, 1)
        if message.action_text and message.action is not None:
            button = QPushButton(message.action_text, self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            action = message.action
            button.clicked.connect(lambda: action())
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.action_button = button
        else:
            self.action_button = None
        close = QPushButton("×", self)
        close.setObjectName("bannerClose")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setToolTip(banner.tr("Dismiss"))
        close.clicked.connect(lambda: banner.remove_row(self))
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignVCenter)


class Banner(QWidget):
    """Shows :class:`BannerMessage` values, newest last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet(_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._rows: list[_Row] = []
        self.setVisible(False)

    def show_message(self, message: BannerMessage) -> None:
        if message.key:
            for row in [r for r in self._rows if r.message.key == message.key]:
                self._drop(row)
        row = _Row(message, self)
        self._rows.append(row)
        self._layout.addWidget(row)
        while len(self._rows) > MAX_MESSAGES:
            oldest = next((r for r in self._rows if not r.message.sticky), self._rows[0])
            self._drop(oldest)
        self.setVisible(True)

    def clear(self, *, keep_sticky: bool = True) -> None:
        for row in list(self._rows):
            if not (keep_sticky and row.message.sticky):
                self._drop(row)
        self.setVisible(bool(self._rows))

    def dismiss(self, key: str) -> None:
        for row in [r for r in self._rows if r.message.key == key]:
            self._drop(row)
        self.setVisible(bool(self._rows))

    def remove_row(self, row: _Row) -> None:
        if row in self._rows:
            self._drop(row)
        self.setVisible(bool(self._rows))

    def messages(self) -> list[BannerMessage]:
        return [r.message for r in self._rows]

    def texts(self) -> list[str]:
        return [r.message.text for r in self._rows]

    def text(self) -> str:
        return "\n".join(self.texts())

    def rows(self) -> list[_Row]:
        return list(self._rows)

    def _drop(self, row: _Row) -> None:
        self._rows.remove(row)
        self._layout.removeWidget(row)
        row.hide()
        row.deleteLater()
