"""The app's look: Fusion plus a small style sheet keyed on object names and roles."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE_SHEET = """
QWidget#loginScreen { background: #e9edf2; }
QFrame#loginCard { background: #ffffff; border: 1px solid #cfd6de; border-radius: 10px; }
QLabel#loginTitle { font-size: 18pt; font-weight: 600; color: #1d3557; }
QLabel#loginVenue { color: #4a5561; }
QLabel#loginHeading { font-size: 14pt; font-weight: 600; color: #1d3557; padding-top: 6px; }
QLabel#pinLabel { font-size: 11pt; color: #2b3440; }
QLabel#loginHint, QLabel#hint { color: #6b7580; }
QListView#userList { font-size: 12pt; border: 1px solid #cfd6de; border-radius: 6px; }
QListView#userList::item { padding: 8px 6px; }
QListView#userList::item:selected { background: #1d6fb8; color: #ffffff; }
QLineEdit#pinEdit { font-size: 20pt; padding: 6px; border: 2px solid #1d6fb8;
                    border-radius: 6px; }
QPushButton#signInButton { font-size: 12pt; padding: 8px; }
QLabel[role="error"] { color: #b3261e; font-weight: 600; }
QLabel#historyBanner { padding: 6px 10px; border-radius: 4px; }
QLabel#historyBanner[role="error"] { background: #fdecea; color: #8c1d18;
                                     border: 1px solid #f1b5ae; }
QLabel#historyBanner[role="info"] { background: #e7f4ea; color: #1e4620;
                                    border: 1px solid #a9d3b1; }
QPushButton#demoButton, QPushButton#createButton { padding: 7px 14px; font-weight: 600; }
QLabel#screenTitle { font-size: 15pt; font-weight: 600; color: #1d3557; }
QLabel#detailTitle { font-size: 12pt; font-weight: 600; }
QLabel#historySummary { color: #4a5561; padding: 2px; }
QToolBar#mainToolbar { spacing: 6px; padding: 3px; }
QToolBar#mainToolbar QToolButton { padding: 4px 10px; }
QStatusBar QLabel { padding: 0 8px; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
