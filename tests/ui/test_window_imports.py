"""The main window sits at the top of the UI: only the front ends that make it import it.

Every other UI module (screens, the keyboard contract, the announcer, reminders) is given
what it needs, or names the part of the window it uses in a Protocol; importing the
window back, even for a type, would tie them all into one cycle through it
(`tests/test_architecture.py` fails on any such cycle in the package).
"""

from __future__ import annotations

import grimp

FRONT_ENDS = {"alshome.app", "alshome.self_test"}


def test_only_the_front_ends_import_the_main_window():
    graph = grimp.build_graph("alshome", cache_dir=None)
    assert graph.find_modules_that_directly_import("alshome.ui.main_window") <= FRONT_ENDS

