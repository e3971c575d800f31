"""Guard against PySide6 6.12.0 dropping a reference to ``True`` on every ``Signal.emit()``.

With PySide6-Essentials 6.12.0 on Python 3.11, ``SignalInstance.emit()``
returns ``True`` without taking a reference to it, so each emit from Python
lowers ``True``'s reference count by one. After a few hundred emits (a few
dozen scans at the till) the count reaches zero and the interpreter aborts
with "Fatal Python error: bool_dealloc". Python 3.12+ makes ``True`` and
``False`` immortal, so the bug is harmless there; 6.11.x does not have it.

:func:`apply` probes for the bug and, only when it is present, gives ``True``
and ``False`` a reference count no program can exhaust (what Python 3.12
does). The real fix is a PySide6 without the bug (``!=6.12.0``); this keeps a
till running on an affected install.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

_PROBES = 8
_HUGE = 1 << 40
_applied = False


class _Probe(QObject):
    ping = Signal()


def emit_loses_true() -> bool:
    """True when ``Signal.emit()`` loses a reference to ``True`` on this PySide6."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return sys.getrefcount(True) < before - _PROBES // 2


def apply() -> bool:
    """Make ``True``/``False`` effectively immortal if emit() leaks them; True if applied."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not emit_loses_true():
        return False
    import ctypes  # only on an affected PySide6

    for obj in (True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _HUGE
    _applied = True
    return True


apply()
