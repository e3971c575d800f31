"""One way to keep track of open dialogs (after Anki's ``aqt.DialogManager``).

- :class:`DialogSlot`: a screen's "one dialog open at a time" (the history's
  approvals, the stock screen's intake/return/adjust, the reports' fair-day
  dialogs, the sale screen's payment and search). ``open`` shows a dialog
  without blocking (``QDialog.open``) and remembers it; when it finishes it is
  forgotten and deleted, and the screen's ``closed`` hook runs (focus back to
  the list, a dialog waiting for an approval, …).
- :class:`DialogManager`: the app's named dialogs (backups, audit log,
  partner PINs, booth QRIS). Asking again for one that is open brings it to the
  front instead of opening a second.

Every dialog is opened window-modal and non-blocking, so no nested event loop
ever swallows a scan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


class DialogSlot(Generic[D]):
    """The one dialog a screen has open (or None)."""

    def __init__(self, closed: Callable[[], None] | None = None) -> None:
        self._current: D | None = None
        self._closed = closed

    @property
    def current(self) -> D | None:
        return self._current

    def is_open(self) -> bool:
        return self._current is not None

    def open(self, dialog: D) -> D:
        """Show ``dialog`` (non-blocking) as the screen's open dialog."""
        self.track(dialog)
        dialog.open()
        return dialog

    def track(self, dialog: D) -> D:
        """Remember ``dialog`` as the open one (the caller shows it, after telling others)."""
        self._current = dialog
        dialog.finished.connect(lambda _result: self._finished(dialog))
        return dialog

    def _finished(self, dialog: D) -> None:
        if self._current is dialog:
            self._current = None
        dialog.deleteLater()
        if self._closed is not None:
            self._closed()


class DialogManager:
    """The app's named dialogs: at most one of each, raised when asked for again."""

    def __init__(self) -> None:
        self._open: dict[str, QDialog] = {}

    def get(self, name: str) -> QDialog | None:
        """The dialog ``name`` if it is open."""
        return self._open.get(name)

    def open(self, name: str, make: Callable[[], D | None]) -> D | QDialog | None:
        """Bring dialog ``name`` to the front, or make it (``make`` may refuse with None)
        and show it without blocking. It is forgotten and deleted when it finishes."""
        shown = self._open.get(name)
        if shown is not None:
            shown.raise_()
            shown.activateWindow()
            return shown
        dialog = make()
        if dialog is None:
            return None
        self._open[name] = dialog
        dialog.finished.connect(lambda _result: self._finished(name, dialog))
        dialog.open()
        return dialog

    def _finished(self, name: str, dialog: QDialog) -> None:
        if self._open.get(name) is dialog:
            del self._open[name]
        dialog.deleteLater()
