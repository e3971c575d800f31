"""The main window's screen registry: a screen is built once, on first use, for the user."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from boothpos.gui.screens import Screen, ScreenRegistry


class FakeScreen(QWidget):
    backRequested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.users: list[object] = []

    def set_user(self, user: object) -> None:
        self.users.append(user)


def test_screens_are_built_once_on_first_use_hooked_and_given_the_user(qapp):
    stack = QStackedWidget()
    stack.addWidget(QWidget())  # the sign-in screen, shown
    user = {"now": "kasir"}
    registry = ScreenRegistry(stack, lambda: user["now"])
    built: list[FakeScreen] = []
    hooked: list[QWidget] = []

    def make() -> FakeScreen:
        built.append(FakeScreen())
        return built[-1]

    registry.register(Screen.HISTORY, make, hook=hooked.append)
    registry.register(Screen.INVENTORY, None)  # this window has no stock screen
    registry.register(Screen.PARTNER, FakeScreen, takes_user=False)

    assert registry.offers(Screen.HISTORY) and not registry.offers(Screen.INVENTORY)
    assert registry.built(Screen.HISTORY) is None and stack.count() == 1
    screen = registry.get(Screen.HISTORY)
    assert registry.get(Screen.HISTORY) is screen and built == [screen]
    assert hooked == [screen] and screen.users == ["kasir"] and stack.count() == 2
    assert not registry.is_shown(Screen.HISTORY)
    stack.setCurrentWidget(screen)
    assert registry.is_shown(Screen.HISTORY)

    partner = registry.get(Screen.PARTNER)
    user["now"] = None
    registry.set_user(None)  # sign-out: the built screens that follow the user
    assert screen.users == ["kasir", None] and partner.users == []
    try:
        registry.get(Screen.INVENTORY)
    except RuntimeError as exc:
        assert "inventory" in str(exc)
    else:
        raise AssertionError("a screen the window does not have was built")
