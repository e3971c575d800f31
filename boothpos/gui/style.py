"""The app's look: Fusion plus a small style sheet keyed on object names and roles."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from boothpos.gui import palette as pal

STYLE_SHEET = f"""
QWidget#loginScreen {{ background: {pal.SIGN_IN_PAGE}; }}
QFrame#loginCard {{ background: {pal.WHITE}; border: 1px solid {pal.CARD_BORDER};
    border-radius: 10px; }}
QLabel#loginTitle {{ font-size: 18pt; font-weight: 600; color: {pal.HEADING}; }}
QLabel#loginVenue {{ color: {pal.MUTED}; }}
QLabel#loginHeading {{ font-size: 14pt; font-weight: 600; color: {pal.HEADING}; padding-top: 6px; }}
QLabel#pinLabel {{ font-size: 11pt; color: {pal.INK_SOFT}; }}
QLabel#loginHint, QLabel#hint {{ color: {pal.HINT}; }}
QListView#userList {{ font-size: 12pt; border: 1px solid {pal.CARD_BORDER}; border-radius: 6px; }}
QListView#userList::item {{ padding: 8px 6px; }}
QListView#userList::item:selected {{ background: {pal.ACCENT}; color: {pal.WHITE}; }}
QLineEdit#pinEdit {{ font-size: 20pt; padding: 6px; border: 2px solid {pal.ACCENT};
                    border-radius: 6px; }}
QPushButton#signInButton {{ font-size: 12pt; padding: 8px; }}
QLabel[role="error"] {{ color: {pal.DANGER}; font-weight: 600; }}
QLabel#historyBanner {{ padding: 6px 10px; border-radius: 4px; }}
QLabel#historyBanner[role="error"] {{ background: {pal.DANGER_BANNER}; color: {pal.DANGER_INK};
                                     border: 1px solid {pal.DANGER_BORDER}; }}
QLabel#historyBanner[role="info"] {{ background: {pal.SUCCESS_SOFT}; color: {pal.SUCCESS_INK};
                                    border: 1px solid {pal.SUCCESS_BORDER}; }}
QPushButton#demoButton, QPushButton#createButton {{ padding: 7px 14px; font-weight: 600; }}
QLabel#screenTitle {{ font-size: 15pt; font-weight: 600; color: {pal.HEADING}; }}
QLabel#detailTitle {{ font-size: 12pt; font-weight: 600; }}
QLabel#historySummary {{ color: {pal.MUTED}; padding: 2px; }}
QToolBar#mainToolbar {{ spacing: 6px; padding: 3px; }}
QToolBar#mainToolbar QToolButton {{ padding: 4px 10px; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QWidget#partnerScreen {{ background: {pal.SIGN_IN_PAGE}; }}
QLabel#partnerSignInHeading {{ font-size: 18pt; font-weight: 600; color: {pal.HEADING}; }}
QLabel#partnerSignInIntro, QLabel#partnerCodeLabel, QLabel#partnerPinLabel {{ font-size: 12pt; }}
QLineEdit#partnerCodeEdit, QLineEdit#partnerPinEdit {{ font-size: 20pt; padding: 6px;
    border: 2px solid {pal.ACCENT}; border-radius: 6px; }}
QPushButton#partnerSubmitButton, QPushButton#partnerBackButton {{ font-size: 12pt; padding: 8px; }}
QPushButton#partnerButton {{ font-size: 12pt; padding: 8px; font-weight: 600; }}
QLabel#partnerName {{ font-size: 24pt; font-weight: 700; color: {pal.HEADING}; }}
QLabel#partnerDetail {{ font-size: 13pt; color: {pal.INK_SOFT}; }}
QLabel#partnerAsOf, QLabel#partnerHint {{ font-size: 11pt; color: {pal.MUTED}; }}
QFrame#partnerTile {{ background: {pal.WHITE}; border: 1px solid {pal.CARD_BORDER};
    border-radius: 10px; }}
QLabel#partnerTileTitle {{ font-size: 13pt; font-weight: 600; color: {pal.INK_SOFT}; }}
QLabel#partnerBigFigure {{ font-size: 26pt; font-weight: 700; color: {pal.HEADING}; }}
QLabel#partnerBigFigure[compact="true"] {{ font-size: 19pt; }}
QLabel#partnerTileTitle[compact="true"] {{ font-size: 11pt; }}
QLabel#partnerTileDetail {{ font-size: 12pt; color: {pal.MUTED}; }}
QLabel#partnerSection {{ font-size: 14pt; font-weight: 600; color: {pal.HEADING}; }}
QTableView#partnerProductsTable, QTableView#partnerDaysTable {{ font-size: 14pt; }}
QTableView#partnerProductsTable[compact="true"], QTableView#partnerDaysTable[compact="true"] {{
    font-size: 12pt; }}
QTableView#partnerProductsTable QHeaderView::section,
QTableView#partnerDaysTable QHeaderView::section {{ font-size: 12pt; padding: 4px 6px; }}
QPushButton#partnerPrintButton, QPushButton#partnerDoneButton {{ font-size: 14pt;
    font-weight: 600; padding: 10px 22px; }}
QLabel#partnerMessage {{ font-size: 13pt; }}
QLabel#pinShown {{ font-size: 40pt; font-weight: 700; color: {pal.HEADING}; padding: 12px; }}
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
