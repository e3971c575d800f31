"""The main window's screens that are built on first use: one registry instead of one lazy
property (and one ``None`` check) per screen.

A screen is registered with its factory and the hook that connects it to the
window (``backRequested`` → the sale screen, …). :meth:`ScreenRegistry.get`
builds it the first time it is needed, runs the hook, hands it the signed-in
user and adds it to the window's stack; start-up pays for none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtWidgets import QStackedWidget, QWidget

from boothpos.core.users import User


class Screen(StrEnum):
    """The screens built on first use."""

    HISTORY = "history"  # F9
    INVENTORY = "inventory"  # F10: stock & labels
    REPORTS = "reports"  # F11: reports and the fair day
    PARTNER = "partner"  # F3 / a partner card scanned on the sign-in screen


@dataclass
class _Entry:
    make: Callable[[], QWidget]
    hook: Callable[[QWidget], None] | None
    takes_user: bool
    screen: QWidget | None = None


class ScreenRegistry:
    """Factories of lazily built screens, and the screens once built, in one stack."""

    def __init__(self, stack: QStackedWidget, user: Callable[[], User | None]) -> None:
        self._stack = stack
        self._user = user
        self._entries: dict[Screen, _Entry] = {}

    def register(
        self,
        name: Screen,
        make: Callable[[], QWidget] | None,
        *,
        hook: Callable[[QWidget], None] | None = None,
        takes_user: bool = True,
    ) -> None:
        """Offer screen ``name`` (``make`` None: this window has no such screen).
        ``hook(screen)`` connects it once built; ``takes_user``: it has ``set_user``."""
        if make is not None:
            self._entries[name] = _Entry(make, hook, takes_user)

    def offers(self, name: Screen) -> bool:
        """True when the window has this screen (built or not)."""
        return name in self._entries

    def built(self, name: Screen) -> QWidget | None:
        """The screen if it was built already, else None (nothing is built)."""
        entry = self._entries.get(name)
        return entry.screen if entry is not None else None

    def get(self, name: Screen) -> QWidget:
        """The screen, built (for the signed-in user) the first time it is asked for."""
        entry = self._entries.get(name)
        if entry is None:
            raise RuntimeError(f"this window has no {name} screen")
        if entry.screen is None:
            screen = entry.make()
            if entry.takes_user:
                screen.set_user(self._user())  # type: ignore[attr-defined]
            if entry.hook is not None:
                entry.hook(screen)
            self._stack.addWidget(screen)
            entry.screen = screen
        return entry.screen

    def is_shown(self, name: Screen) -> bool:
        """True when the screen is built and on top of the stack."""
        screen = self.built(name)
        return screen is not None and self._stack.currentWidget() is screen

    def with_users(self) -> Iterator[QWidget]:
        """The built screens that follow the signed-in user."""
        for entry in self._entries.values():
            if entry.screen is not None and entry.takes_user:
                yield entry.screen

    def set_user(self, user: User | None) -> None:
        """Hand ``user`` (or nobody) to every built screen that follows the user."""
        for screen in self.with_users():
            screen.set_user(user)  # type: ignore[attr-defined]
