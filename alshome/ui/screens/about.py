"""About alshome: its version, what it is and is not, whose words it uses, where data lives.

The version is what a therapist or a helper reads out when something needs fixing, and
the data folder is where a helper looks for the history; both are shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alshome import __version__
from alshome.ui.screens.base import Screen, row
from alshome.ui.widgets import FitLabel, button, label


class AboutScreen(Screen):
    """`data_folder` is None for a window without one (tests): the screen then says so."""

    def __init__(self, data_folder: Path | None, on_close: Callable[[], None]) -> None:
        super().__init__(self.tr("About alshome"))
        self.version = label(self.tr("Version {version}").format(version=__version__))
        folder = str(data_folder) if data_folder is not None else self.tr("(not kept in a folder)")
        # Few words: at 200 % text they must still fit a 1280x720 window without shrinking.
        paragraphs = [
            self.tr("alshome guides you through the exercise program your therapist wrote."),
            self.tr(
                "It is not a medical device and gives no medical advice. "
                "It never changes your program by itself."
            ),
            self.tr(
                "Free software under the GNU GPL, version 3 or later. Its texts, pictures "
                "and sounds were made for alshome and are shared the same way."
            ),
            self.tr("Your history stays on this computer, in:\n{folder}").format(folder=folder),
        ]
        self.text = FitLabel("\n\n".join(paragraphs), "body", floor=20)
        self.text.setAccessibleName(self.text.text())
        self.primary = button(
            self.tr("Done"),
            on_close,
            role="primary",
            description=self.tr("Goes back to the settings."),
        )
        self.layout_.addWidget(label(self.tr("About alshome"), "title"))
        self.layout_.addWidget(self.version)
        self.layout_.addWidget(self.text, 1)
        self.layout_.addLayout(row(self.primary))
