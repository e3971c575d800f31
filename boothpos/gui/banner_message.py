"""What the banners show: one non-modal message, its level a :class:`~boothpos.core.codes.Level`.

The sale screen's and the stock screen's banners (:mod:`boothpos.gui.views.banner`)
show these; controllers emit them. It lives here, not in a controller, so that
a view or another controller can use it without importing the sale screen's logic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from boothpos.core.codes import Level

INFO, WARNING, ERROR = Level.INFO, Level.WARNING, Level.ERROR


@dataclass(frozen=True)
class BannerMessage:
    """A non-modal message for a screen's banner.

    ``sticky`` messages stay until dismissed (printer problems); the others
    are cleared when the next product is added. ``action`` (with its button
    text) lets the cashier act on it, e.g. reprint a receipt.
    """

    level: Level
    text: str
    sticky: bool = False
    action_text: str = ""
    action: Callable[[], None] | None = None
    key: str = ""  # messages with the same key replace each other


__all__ = ["ERROR", "INFO", "WARNING", "BannerMessage", "Level"]
