"""The PySide6 desktop front end (views, dialogs, workers); no NLP lives here.

Importing ``gui`` guards against a PySide6 bug seen with 6.12 on Python 3.11:
``SignalInstance.emit()`` and ``disconnect()`` drop one reference to ``True``
and every call of a Python slot from a C++ signal drops one reference to
``None``, so a session (or a test run) soon frees those singletons and aborts
with "bool_dealloc" / "none_dealloc". From Python 3.12 on they are immortal and
the bug is harmless; on older Pythons we give ``None``, ``True`` and ``False`` a
very large reference count once, which makes them effectively immortal too.
"""

from __future__ import annotations

import ctypes
import sys


def _emit_leaks_true() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def _immortalise_singletons() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not _emit_leaks_true():
        return
    for value in (None, True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += 1 << 40


_immortalise_singletons()
