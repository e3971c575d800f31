"""Feeds the customer display from the sale screen, live, through its signals only.

- the cart model's signals → the lines (the display's table shows the same
  model, read-only) and the total; an empty cart → the welcome page (unless the
  thanks of the last sale is still showing);
- ``SaleScreen.paymentOpened(dialog)`` → the amount to pay; the dialog's QRIS
  panel ``codeShown``/``codeHidden`` → the code shown to the customer as well;
- ``SaleController.saleCompleted(LastSale)`` → "Terima kasih" and the change,
  until the next product is scanned.

The window goes to the second screen when there is one, else it opens as a
normal window; the screen it was last on is remembered in the till's
preferences (``customer_display/screen``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QGuiApplication, QScreen

from boothpos.gui.views.customer_display import PAGE_THANKS, CustomerDisplay

SCREEN_KEY = "customer_display/screen"


def choose_screen(
    screens: list[QScreen], remembered: str, main: QScreen | None
) -> tuple[QScreen | None, bool]:
    """(the screen for the display, whether it has that screen to itself)."""
    if not screens:
        return None, False
    by_name = {s.name(): s for s in screens}
    if remembered in by_name:
        screen = by_name[remembered]
        return screen, screen is not main
    others = [s for s in screens if s is not main]
    if others:
        return others[0], True
    return screens[0], False


class CustomerDisplayController(QObject):
    """Attaches a :class:`CustomerDisplay` to one sale screen."""

    def __init__(
        self,
        sale_screen: Any,
        event_name: str,
        settings: QSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sale = sale_screen
        self._settings = settings
        self._dialog: Any = None
        self.display = CustomerDisplay(event_name, sale_screen.model)
        self.destroyed.connect(self.display.deleteLater)  # a top-level window: no Qt parent
        model = sale_screen.model
        model.totalsChanged.connect(self._cart_changed)
        model.modelReset.connect(self._cart_changed)
        sale_screen.paymentOpened.connect(self._payment_opened)
        sale_screen.controller.saleCompleted.connect(self._sale_completed)
        self._cart_changed()

    # -- the window ---------------------------------------------------------------------

    def open(self) -> CustomerDisplay:
        """Show the display on its screen (the second one when there is one)."""
        main = self._sale.window().screen() if self._sale is not None else None
        remembered = str(self._settings.value(SCREEN_KEY, "")) if self._settings else ""
        screen, own = choose_screen(QGuiApplication.screens(), remembered, main)
        display = self.display
        if screen is not None and own:
            display.setScreen(screen)
            display.setGeometry(screen.geometry())
            display.showFullScreen()
        else:
            if screen is not None:
                display.move(screen.availableGeometry().topLeft())
            display.showNormal()
        display.raise_()
        return display

    def close(self) -> None:
        """Hide the display and remember the screen it was on."""
        display = self.display
        if self._settings is not None and display.isVisible() and display.screen() is not None:
            self._settings.setValue(SCREEN_KEY, display.screen().name())
            self._settings.sync()
        display.hide()

    def toggle(self) -> bool:
        """Open or close; returns whether it is open now."""
        if self.display.isVisible():
            self.close()
            return False
        self.open()
        return True

    # -- following the sale screen ------------------------------------------------------

    def _cart_changed(self) -> None:
        if self._dialog is not None:
            return  # the payment page stays until the dialog closes
        cart = self._sale.model.cart
        if not cart.is_empty():
            self.display.show_cart(cart.total)
        elif self.display.page != PAGE_THANKS:
            self.display.show_welcome()

    def _payment_opened(self, dialog: Any) -> None:
        self._dialog = dialog
        self.display.show_payment(dialog.controller.total)
        panel = dialog.qris_panel
        panel.codeShown.connect(self._code_shown)
        panel.codeHidden.connect(self._code_hidden)
        dialog.finished.connect(self._payment_closed)

    def _code_shown(self, payload: str, amount: int) -> None:
        if self._dialog is None or self.display.page == PAGE_THANKS:
            return
        static = amount == 0
        shown = amount or self._dialog.controller.due
        self.display.show_payment(shown, payload, static=static)

    def _code_hidden(self) -> None:
        if self._dialog is None or self.display.page == PAGE_THANKS:
            return
        self.display.show_payment(self._dialog.controller.due)

    def _payment_closed(self, _result: int) -> None:
        self._dialog = None
        if self.display.page != PAGE_THANKS:
            self._cart_changed()

    def _sale_completed(self, last: Any) -> None:
        self.display.show_thanks(last.paid, last.change)
