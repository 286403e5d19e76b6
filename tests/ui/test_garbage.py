"""The app collects reference cycles on the GUI thread only (alshome.ui.garbage)."""

from __future__ import annotations

import gc
import weakref

import pytest

from alshome.ui.garbage import GuiThreadCollector


@pytest.fixture
def collector(qapp):
    thresholds = gc.get_threshold()
    gc.enable()  # as Python starts; the test run's own fixture switches it off
    made = GuiThreadCollector(qapp)
    yield made
    made.deleteLater()
    gc.set_threshold(*thresholds)


def test_automatic_collection_is_off_once_the_collector_runs(collector):
    assert not gc.isenabled()


def test_a_cycle_is_collected_on_the_gui_threads_timer(collector, qtbot):
    class Node:
        pass

    for _ in range(gc.get_threshold()[0] + 10):
        node = Node()
        node.me = node  # a cycle: reference counting alone never frees it
    watch = weakref.ref(node)
    del node
    assert watch() is not None
    qtbot.waitUntil(lambda: watch() is None, timeout=3_000)


def test_nothing_is_collected_below_the_thresholds(collector, monkeypatch):
    collected = []
    monkeypatch.setattr(gc, "collect", lambda generation=2: collected.append(generation))
    monkeypatch.setattr(gc, "get_count", lambda: (1, 0, 0))
    collector.check()
    assert collected == []
    monkeypatch.setattr(gc, "get_count", lambda: (701, 11, 0))
    collector.check()
    assert collected == [1]
