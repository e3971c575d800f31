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
QWidget#partnerScreen { background: #e9edf2; }
QLabel#partnerSignInHeading { font-size: 18pt; font-weight: 600; color: #1d3557; }
QLabel#partnerSignInIntro, QLabel#partnerCodeLabel, QLabel#partnerPinLabel { font-size: 12pt; }
QLineEdit#partnerCodeEdit, QLineEdit#partnerPinEdit { font-size: 20pt; padding: 6px;
    border: 2px solid #1d6fb8; border-radius: 6px; }
QPushButton#partnerSubmitButton, QPushButton#partnerBackButton { font-size: 12pt; padding: 8px; }
QPushButton#partnerButton { font-size: 12pt; padding: 8px; font-weight: 600; }
QLabel#partnerName { font-size: 24pt; font-weight: 700; color: #1d3557; }
QLabel#partnerDetail { font-size: 13pt; color: #2b3440; }
QLabel#partnerAsOf, QLabel#partnerHint { font-size: 11pt; color: #4a5561; }
QFrame#partnerTile { background: #ffffff; border: 1px solid #cfd6de; border-radius: 10px; }
QLabel#partnerTileTitle { font-size: 13pt; font-weight: 600; color: #2b3440; }
QLabel#partnerBigFigure { font-size: 26pt; font-weight: 700; color: #1d3557; }
QLabel#partnerBigFigure[compact="true"] { font-size: 19pt; }
QLabel#partnerTileTitle[compact="true"] { font-size: 11pt; }
QLabel#partnerTileDetail { font-size: 12pt; color: #4a5561; }
QLabel#partnerSection { font-size: 14pt; font-weight: 600; color: #1d3557; }
QTableView#partnerProductsTable, QTableView#partnerDaysTable { font-size: 14pt; }
QTableView#partnerProductsTable[compact="true"], QTableView#partnerDaysTable[compact="true"] {
    font-size: 12pt; }
QTableView#partnerProductsTable QHeaderView::section,
QTableView#partnerDaysTable QHeaderView::section { font-size: 12pt; padding: 4px 6px; }
QPushButton#partnerPrintButton, QPushButton#partnerDoneButton { font-size: 14pt;
    font-weight: 600; padding: 10px 22px; }
QLabel#partnerMessage { font-size: 13pt; }
QLabel#pinShown { font-size: 40pt; font-weight: 700; color: #1d3557; padding: 12px; }
"""


def style_arguments() -> list[str]:
    """QApplication arguments choosing Fusion, for an application not made yet.

    Chosen this way Qt creates the style itself; ``setStyle`` from Python first
    builds the bindings of ``QStyle`` (several hundred enum members), a
    noticeable part of the cashier app's start.
    """
    return ["-style", "fusion"]


def apply_style(app: QApplication, *, style_chosen: bool = False) -> None:
    """Fusion (unless the application was made with :func:`style_arguments`) and the sheet."""
    if not style_chosen:
        app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
