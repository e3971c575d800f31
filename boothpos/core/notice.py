"""A warning that never blocks what it warns about: the sale, the backup, the start.

Core functions return notices beside their results; the sale screen shows them
as a banner and the CLI prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from boothpos.core.errors import Msg


@dataclass(frozen=True)
class Notice:
    """A warning that never blocks the sale (shown as a banner, printed by the CLI)."""

    msg: Msg
    values: tuple[tuple[str, object], ...] = ()

    def message(self, lang: str | None = None) -> str:
        return self.msg.render(lang, **dict(self.values))
