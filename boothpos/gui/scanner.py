"""Barcode scanner bursts that land in the cart wherever the focus is on the sale screen.

A USB/Bluetooth scanner is a keyboard: it types the code's characters a few
milliseconds apart and ends with Enter. While the sale screen is shown,
:class:`ScanCatcher` watches where the focus is. While it is on a widget of the
sale screen other than the scan field, it watches key presses application-wide
(an event filter on the ``QApplication``, so a cell editor opened later is
covered too); while the focus is in the scan field, where a cashier works
nearly all the time, no filter runs at all. (An application-wide filter hands
every event of every object to Python; for Qt's internal objects PySide then
builds the Python classes of every QObject type it knows, a fifth of the
cold start.) A key typed into the scan field itself is left alone
(that field handles code + Enter as usual). A printable key typed into any
other widget of the sale screen (the cart table, a cell editor, a button) is
*held back*:

- when the next printable key follows within ``max_gap_ms`` (35 ms) it is held
  too; when Enter follows within the gap and at least ``min_length`` (4)
  characters are held, it was a scanner: the keys are swallowed and the code
  is emitted as ``scanned(code)``;
- otherwise (a slower key, a non-printable key, Enter after too few
  characters, or no further key within the gap) the held keys are replayed,
  in order, to the widget they were meant for, so a person typing into a
  cell editor sees no difference beyond a few milliseconds.

The clock is injectable (``clock`` returns seconds, like ``time.monotonic``)
so tests can simulate a scanner or a person with exact timing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

MIN_LENGTH = 4
MAX_GAP_MS = 35

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass(frozen=True)
class _Held:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScanCatcher(QObject):
    """Detects scanner bursts typed into ``scope`` outside ``scan_field``.

    Install with :meth:`install` while the sale screen is visible and
    :meth:`uninstall` when it is hidden.
    """

    scanned = Signal(str)

    def __init__(
        self,
        scope: QWidget,
        scan_field: QWidget,
        *,
        min_length: int = MIN_LENGTH,
        max_gap_ms: int = MAX_GAP_MS,
        clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else scope)
        self._scope = scope
        self._scan_field = scan_field
        self._min_length = min_length
        self._gap = max_gap_ms / 1000
        self._clock = clock or time.monotonic
        self._held: list[_Held] = []
        self._last = 0.0
        self._replaying = False
        self._installed = False  # watching the focus (the sale screen is shown)
        self._filtering = False  # the application-wide key filter is on
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max_gap_ms + 15)
        self._timer.timeout.connect(self.flush)

    # -- installation -----------------------------------------------------------------

    @property
    def installed(self) -> bool:
        return self._installed

    @property
    def filtering(self) -> bool:
        """True while key presses are filtered (the focus is elsewhere on the screen)."""
        return self._filtering

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.focusChanged.connect(self._focus_changed)
            self._installed = True
            self._focus_changed(None, QApplication.focusWidget())

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.focusChanged.disconnect(self._focus_changed)
            self._installed = False
            self._filter(False)
        self.flush()

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        self._filter(now is not None and self._watching(now))

    def _filter(self, on: bool) -> None:
        """Put the key filter on or off (held keys are replayed by their timer either way)."""
        app = QCoreApplication.instance()
        if app is None or on == self._filtering:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = on

    def set_clock(self, clock: Callable[[], float]) -> None:
        self._clock = clock

    # -- the filter -------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        focus = QApplication.focusWidget()
        if focus is None or obj is not focus:
            return False  # the window's copy, or a propagation to a parent
        if not self._watching(focus):
            self.flush()
            return False
        assert isinstance(event, QKeyEvent)
        now = self._clock()
        if self._held and now - self._last > self._gap and self._flush_moved_focus(obj):
            return self._redeliver(event)
        if event.key() in _ENTER:
            if len(self._held) >= self._min_length:
                code = "".join(h.text for h in self._held)
                self._held.clear()
                self._timer.stop()
                self.scanned.emit(code)
                return True
            return self._flush_moved_focus(obj) and self._redeliver(event)
        if self._is_code_char(event):
            self._held.append(_Held(focus, event.key(), event.modifiers(), event.text()))
            self._last = now
            self._timer.start()
            return True
        return self._flush_moved_focus(obj) and self._redeliver(event)

    def _flush_moved_focus(self, obj: QObject) -> bool:
        """Replay held keys; True when that moved the focus away from ``obj``
        (a replayed digit opened a cell editor, say)."""
        if not self._held:
            return False
        self.flush()
        return QApplication.focusWidget() not in (None, obj)

    @staticmethod
    def _redeliver(event: QKeyEvent) -> bool:
        """Send ``event`` to the widget that has the focus now; swallow the original."""
        target = QApplication.focusWidget()
        copy = QKeyEvent(
            QEvent.Type.KeyPress, event.key(), event.modifiers(), event.text(),
            event.isAutoRepeat(), event.count(),
        )  # fmt: skip
        QApplication.sendEvent(target, copy)
        return True

    def flush(self) -> None:
        """Replay held keys to the widgets they were typed into."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for h in held:
                if shiboken6.isValid(h.target):
                    replay = QKeyEvent(QEvent.Type.KeyPress, h.key, h.modifiers, h.text)
                    QApplication.sendEvent(h.target, replay)
        finally:
            self._replaying = False

    def _watching(self, focus: QWidget) -> bool:
        if not self._scope.isVisible():
            return False
        if focus is self._scan_field or self._scan_field.isAncestorOf(focus):
            return False
        return focus is self._scope or self._scope.isAncestorOf(focus)

    @staticmethod
    def _is_code_char(event: QKeyEvent) -> bool:
        text = event.text()
        if len(text) != 1 or not text.isprintable() or text.isspace():
            return False
        if event.isAutoRepeat():
            return False
        return not (event.modifiers() & _COMMAND_MODIFIERS)


@dataclass
class _Snapshot:
    edit: QLineEdit
    text: str
    selection_start: int
    selection_length: int
    cursor: int


class BurstGuard(QObject):
    """Keeps a scanner burst out of a dialog's fields and away from its Enter.

    While a dialog such as the payment dialog is open, a scan is never an
    amount and never the Enter that completes a sale. Unlike :class:`ScanCatcher`
    no key is held back (a person typing an amount sees every key at once);
    instead the guard remembers the focused field's text before each run of
    keys. When a run of at least ``min_length`` code characters, each less than
    ``max_gap_ms`` after the previous, ends in an Enter that is that fast too,
    the field gets its text back, the Enter is swallowed and the code is
    emitted as ``scanned(code)``.

    Install with :meth:`install` when the dialog is shown and :meth:`uninstall`
    when it closes (an application-wide key filter runs only meanwhile).
    """

    scanned = Signal(str)

    def __init__(
        self,
        scope: QWidget,
        *,
        min_length: int = MIN_LENGTH,
        max_gap_ms: int = MAX_GAP_MS,
        clock: Callable[[], float] | None = None,
        wants: Callable[[str], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else scope)
        self._scope = scope
        self._min_length = min_length
        self._gap = max_gap_ms / 1000
        self._clock = clock or time.monotonic
        self._wants = wants  # None: every burst is a scan; else only the codes it accepts
        self._run: list[str] = []
        self._last = float("-inf")
        self._before: _Snapshot | None = None
        self._installed = False

    @property
    def installed(self) -> bool:
        return self._installed

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self._reset()

    def set_clock(self, clock: Callable[[], float]) -> None:
        self._clock = clock

    def _reset(self) -> None:
        self._run = []
        self._before = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress:
            return False
        focus = QApplication.focusWidget()
        if focus is None or obj is not focus:
            return False  # the window's copy, or a propagation to a parent
        if not (focus is self._scope or self._scope.isAncestorOf(focus)):
            return False
        assert isinstance(event, QKeyEvent)
        now = self._clock()
        fast = now - self._last <= self._gap
        self._last = now
        if event.key() in _ENTER:
            code = "".join(self._run)
            if (
                fast
                and len(self._run) >= self._min_length
                and not event.isAutoRepeat()
                and (self._wants is None or self._wants(code))
            ):
                self._restore()
                self._reset()
                self.scanned.emit(code)
                return True
            self._reset()
            return False
        if ScanCatcher._is_code_char(event):
            if not fast or not self._run:
                self._run = []
                self._before = self._snapshot(focus)
            self._run.append(event.text())
            return False
        self._reset()
        return False

    @staticmethod
    def _snapshot(widget: QWidget) -> _Snapshot | None:
        if not isinstance(widget, QLineEdit):
            return None
        return _Snapshot(
            widget, widget.text(), widget.selectionStart(), len(widget.selectedText()),
            widget.cursorPosition(),
        )  # fmt: skip

    def _restore(self) -> None:
        before = self._before
        if before is None or not shiboken6.isValid(before.edit):
            return
        before.edit.setText(before.text)
        if before.selection_start >= 0 and before.selection_length:
            before.edit.setSelection(before.selection_start, before.selection_length)
        else:
            before.edit.setCursorPosition(before.cursor)
