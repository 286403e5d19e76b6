"""The editor's library page: every stock exercise as a large button with its picture,
narrowed down by body region (buttons, for a switch) or by typing part of a name (for a
keyboard). The pictures are drawn in the theme's colours when the page is first opened
after a change of theme, so a theme change costs nothing until then.

The therapist's own exercises of the program come first, each with its own picture, and
"Make a new exercise" leads to a page to write one."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from alshome.domain.program import Exercise
from alshome.illustrations.pose import stock_poses
from alshome.ui import words
from alshome.ui.figure import render_still
from alshome.ui.screens.base import SPACING, row
from alshome.ui.theme import LIGHT, Palette
from alshome.ui.widgets import button, label, set_text, ticked, toggle
from alshome.ui.widgets.scrolling import column_of, scrolled

PICTURE_SIZE = 88  # px: the end position, large enough to tell two exercises apart

# The library's regions, head to foot, then the mini-cycle's; "" shows them all.
REGIONS: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("Editor", "All"),
    "neck": QT_TRANSLATE_NOOP("Editor", "Neck"),
    "shoulders": QT_TRANSLATE_NOOP("Editor", "Shoulders"),
    "elbows": QT_TRANSLATE_NOOP("Editor", "Elbows"),
    "wrists": QT_TRANSLATE_NOOP("Editor", "Wrists"),
    "hands": QT_TRANSLATE_NOOP("Editor", "Hands"),
    "trunk": QT_TRANSLATE_NOOP("Editor", "Trunk"),
    "hips": QT_TRANSLATE_NOOP("Editor", "Hips"),
    "knees": QT_TRANSLATE_NOOP("Editor", "Knees"),
    "ankles": QT_TRANSLATE_NOOP("Editor", "Ankles"),
    "arms": QT_TRANSLATE_NOOP("Editor", "Arms"),
    "legs": QT_TRANSLATE_NOOP("Editor", "Legs"),
}


def region_name(region: str) -> str:
    return QCoreApplication.translate("Editor", REGIONS.get(region, region))


class LibraryPage(QWidget):
    """Choosing one exercise to add: `on_pick(exercise)`, or `on_back()` to add nothing."""

    def __init__(
        self,
        library: Mapping[str, Exercise],
        on_pick: Callable[[Exercise], None],
        on_back: Callable[[], None],
        on_make: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.on_pick = on_pick
        self.own: dict[str, Exercise] = {}
        self.own_choices: dict[str, QPushButton] = {}
        self.region = ""
        self.palette = LIGHT
        self.drawn_in: tuple[Palette, float] | None = None
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search the exercises"))
        self.search.setPlaceholderText(self.tr("Type part of a name"))
        self.search.textChanged.connect(self._filter)
        self.regions = {
            region: toggle(
                region_name(region),
                lambda region=region: self.pick_region(region),
                self.tr("Region: {name}").format(name=region_name(region)),
            )
            for region in REGIONS
        }
        # The name above its kind: on one line the longest would be wider than the list on
        # a 1024 px window, or at 150 % text.
        self.choices: dict[str, QPushButton] = {
            exercise.id: button(
                f"{exercise.name}\n{words.kind(exercise.kind)}",
                lambda exercise=exercise: on_pick(exercise),
                accessible_name=f"{exercise.name} – {words.kind(exercise.kind)}",
                description=self.tr("Adds it at the end of the program."),
            )
            for exercise in library.values()
        }
        content = QWidget()
        layout = column_of(content)
        if on_make is not None:
            self.make = button(
                self.tr("Make a new exercise"),
                on_make,
                description=self.tr("Your own exercise, with a picture or video if you like."),
            )
            layout.addWidget(self.make)
        layout.addWidget(label(self.tr("Search"), "body"))
        layout.addWidget(self.search)
        layout.addLayout(row(*self.regions.values()))
        self.own_column = QVBoxLayout()
        self.own_column.setSpacing(SPACING // 2)
        layout.addLayout(self.own_column)
        for choice in self.choices.values():
            layout.addWidget(choice)
        layout.addStretch(1)
        self.area = scrolled(content)
        self.back = button(self.tr("Back, add nothing"), on_back, role="large")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        column.addWidget(label(self.tr("Add an exercise"), "title"))
        column.addWidget(self.area, 1)
        column.addLayout(row(self.back))

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        if self.isVisible():
            self._draw_pictures()

    def _draw_pictures(self) -> None:
        """The pictures in the colours, and at the screen's pixel density, now in use."""
        ratio = self.devicePixelRatioF()
        if self.drawn_in == (self.palette, ratio):
            return
        drawn = stock_poses()
        for exercise_id, choice in self.choices.items():
            if exercise_id in drawn:
                still = render_still(exercise_id, 1.0, PICTURE_SIZE, self.palette, ratio)
                choice.setIcon(QIcon(QPixmap.fromImage(still)))
                choice.setIconSize(QSize(PICTURE_SIZE, PICTURE_SIZE))
        self.drawn_in = (self.palette, ratio)

    def set_own(self, exercises: Sequence[Exercise], media: Mapping[str, bytes]) -> None:
        """The program's own exercises, listed first, each with its picture if it has one."""
        while self.own_column.count():
            gone = self.own_column.takeAt(0).widget()
            gone.hide()
            gone.deleteLater()
        self.own = {exercise.id: exercise for exercise in exercises}
        self.own_choices = {}
        for exercise in exercises:
            choice = button(
                f"{exercise.name}\n{words.kind(exercise.kind)}",
                lambda exercise=exercise: self.on_pick(exercise),
                accessible_name=f"{exercise.name} – {words.kind(exercise.kind)}",
                description=self.tr("Adds it at the end of the program."),
            )
            picture = QPixmap()
            if exercise.picture in media and picture.loadFromData(media[exercise.picture]):
                size = QSize(PICTURE_SIZE, PICTURE_SIZE) * self.devicePixelRatioF()
                picture = picture.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                picture.setDevicePixelRatio(self.devicePixelRatioF())
                choice.setIcon(QIcon(picture))
                choice.setIconSize(QSize(PICTURE_SIZE, PICTURE_SIZE))
            self.own_choices[exercise.id] = choice
            self.own_column.addWidget(choice)
        self._filter()

    def start(self) -> QWidget:
        """Every exercise shown again; returns the control to focus first."""
        self._draw_pictures()
        self.search.clear()
        self.pick_region("")
        return self.regions[""]

    def pick_region(self, region: str) -> None:
        self.region = region
        for name, each in self.regions.items():
            each.setChecked(name == region)
            set_text(each, ticked(region_name(name), name == region))
            each.setAccessibleName(self.tr("Region: {name}").format(name=region_name(name)))
        self._filter()

    def _filter(self) -> None:
        typed = self.search.text().strip().casefold()
        for exercises, choices in ((self.library, self.choices), (self.own, self.own_choices)):
            for exercise in exercises.values():
                shown = (not self.region or exercise.region == self.region) and (
                    typed in exercise.name.casefold()
                )
                choices[exercise.id].setVisible(shown)
