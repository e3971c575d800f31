"""Domain exceptions and the two-language messages they carry.

Core code never returns ``None`` for failure: it raises one of these. Each
error holds a :class:`Msg` (Bahasa Indonesia and English text) and the values
it names, so the command line and the GUI show it in the user's language.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

LANGUAGES = ("id", "en")
_language = os.environ.get("BOOTHPOS_LANG") or "id"


def set_language(lang: str) -> None:
    """Choose the language of core messages ("id" or "en")."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _language = lang


def language() -> str:
    return _language if _language in LANGUAGES else "id"


@dataclass(frozen=True)
class Msg:
    """A user-facing text in Bahasa Indonesia (``id``) and English (``en``).

    Both are ``str.format`` templates over the same named values.
    """

    id: str
    en: str

    def render(self, lang: str | None = None, **values: object) -> str:
        template = self.en if (lang or language()) == "en" else self.id
        return template.format(**values)


class BoothError(Exception):
    """Base of every boothpos domain error. ``exit_code`` is the CLI's."""

    exit_code = 1

    def __init__(self, msg: Msg, **values: object) -> None:
        self.msg = msg
        self.values = values
        super().__init__(msg.render("en", **values))

    def message(self, lang: str | None = None) -> str:
        return self.msg.render(lang, **self.values)

    def __str__(self) -> str:
        return self.message()


class RefusedInput(BoothError):
    """Bad input, refused with a clear message; nothing was changed."""

    exit_code = 2


class MoneyError(RefusedInput):
    pass


class BarcodeError(RefusedInput):
    pass


class NotFound(RefusedInput):
    pass


class PaymentError(RefusedInput):
    pass


class SaleError(RefusedInput):
    pass


class DayClosed(RefusedInput):
    pass


class AuthError(RefusedInput):
    """Wrong user or PIN."""


class AccountLocked(AuthError):
    pass


class PermissionDenied(RefusedInput):
    pass


class DatabaseError(BoothError):
    """The database file cannot be used (missing, not a database, too new)."""


@dataclass(frozen=True)
class Problem:
    """One bad cell of an imported file: 1-based row (as a spreadsheet shows it)."""

    row: int
    column: str
    msg: Msg
    values: tuple[tuple[str, object], ...] = ()

    def message(self, lang: str | None = None) -> str:
        reason = self.msg.render(lang, **dict(self.values))
        english = (lang or language()) == "en"
        where = []
        if self.row:
            where.append(f"row {self.row}" if english else f"baris {self.row}")
        if self.column:
            where.append(f"column {self.column}" if english else f"kolom {self.column}")
        return f"{', '.join(where)}: {reason}" if where else reason


CATALOG_REFUSED = Msg(
    id="Katalog tidak diimpor ({count} masalah); tidak ada yang diubah:\n{details}",
    en="Catalog not imported ({count} {problems}); nothing was changed:\n{details}",
)


class CatalogError(RefusedInput):
    """An import was refused; ``problems`` names every bad row, column and reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        n = len(self.problems)
        super().__init__(
            CATALOG_REFUSED, count=n, problems="problem" if n == 1 else "problems", details=""
        )

    def message(self, lang: str | None = None) -> str:
        details = "\n".join("  " + p.message(lang) for p in self.problems)
        return self.msg.render(lang, **{**self.values, "details": details})


class StorageError(BoothError):
    """The disk refused a write (full, read-only, I/O error): nothing was saved."""


class FilesChanged(StorageError):
    """The database file or its -wal is no longer the one this connection writes to.

    Something outside the till deleted or replaced it (a neighbour that lost
    SQLite's locks, a careless ``rm``, a sync tool): the till stops writing,
    and what its connection still holds has been saved (``rescue``).
    """


class DatabaseInUse(DatabaseError):
    """Another boothpos app (a till) has this database open; see core.startup."""


class DamagedDatabase(DatabaseError):
    """The file failed SQLite's integrity check; ``backup`` names the newest good one."""

    @property
    def backup(self) -> object:
        return self.values.get("backup_path")
