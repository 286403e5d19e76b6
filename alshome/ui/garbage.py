"""Python's cycle collector runs on the GUI thread only.

Python collects reference cycles whenever allocations cross a threshold, on whichever
thread is running Python at that moment. Threads of alshome's run Python too (the speech
engine's slots, the charts' imports), so a collection there could delete a QObject that
lives on the GUI thread from the wrong thread: Qt then cannot unregister its timers, and
the next of them to fire crashes the process. So automatic collection is switched off and
the same thresholds are checked on a timer of the GUI thread, the pattern PyQt and
PySide applications with worker threads rely on. Objects without cycles are freed at once
by reference counting as before; only cycles wait, for at most one interval.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1_000  # once a second: cheap, and no wake-up a hold's power budget notices


class GuiThreadCollector(QObject):
    """Collects cycles on the thread it was made on, the way Python's own thresholds would."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the oldest generation whose count is past its threshold, if any."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return
