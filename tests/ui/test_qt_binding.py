"""Guards against a Qt binding that would crash a long session.

PySide6 6.12.0 drops one reference to `True` on every `Signal.emit()` under Python 3.11
(where True is not immortal); the session's display timer emits ten times a second, so
the app would abort with "deallocating True" after some minutes. pyproject.toml excludes
that release; this test fails on any binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    fired = Signal()


def test_signal_emit_keeps_reference_counts():
    emitter = Emitter()
    calls = []
    emitter.fired.connect(lambda: calls.append(1))
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    for _ in range(200):
        emitter.fired.emit()
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert len(calls) == 200
    drift = [a - b for a, b in zip(after, before, strict=True)]
    assert all(abs(change) < 50 for change in drift), drift
