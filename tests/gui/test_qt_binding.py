"""The installed PySide6 must not leak references on signal emission (6.12.0 does and crashes)."""

import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()
    value = Signal(int)


def test_signal_emission_keeps_singleton_reference_counts(qapp):
    probe, calls = _Probe(), []
    probe.ping.connect(lambda: calls.append(0))
    probe.value.connect(calls.append)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        probe.ping.emit()
        probe.value.emit(1)
    assert len(calls) == 400
    assert abs(sys.getrefcount(True) - before_true) < 50
    assert abs(sys.getrefcount(None) - before_none) < 50
