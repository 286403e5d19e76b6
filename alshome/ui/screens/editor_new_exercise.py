"""The editor's page for the therapist's own exercise: made new, or changed in a new version.

Everything the library's exercises have is asked for (name, kind, region, the words for
the patient and for the helper, the safety note) with toggles and text boxes that Tab,
the arrows and a switch all reach, and a picture or video may be chosen from a file. The
file is checked at once with the same rules as a program bundle (`check_media`), and a
refusal reads as one sentence under the button; nothing is saved until the program is.

The media are kept by a path made from their content (`media/<id>-<digest>.<ext>`), so a
changed picture is a new path in the new version, and the sessions recorded with the
earlier version keep showing the picture they were done with.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from pathlib import Path, PurePosixPath

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from alshome.domain.program import Exercise, ExerciseKind
from alshome.programs.media import PICTURE_FORMATS, VIDEO_FORMATS, MediaError, check_media
from alshome.ui import words
from alshome.ui.failure_text import explain
from alshome.ui.screens.base import SPACING, row
from alshome.ui.screens.editor_library import REGIONS, region_name
from alshome.ui.screens.editor_rows import line_field, text_box
from alshome.ui.widgets import button, label, set_text, ticked, toggle
from alshome.ui.widgets.scrolling import column_of, scrolled

MEDIA_SUFFIXES = (*PICTURE_FORMATS, *VIDEO_FORMATS)


def choose_media_file(parent: QWidget) -> str:
    """A picture or video chosen in the system's file dialog; "" when none was."""
    patterns = " ".join(f"*{suffix}" for suffix in MEDIA_SUFFIXES)
    caption = QCoreApplication.translate("NewExercise", "Choose a picture or video")
    kinds = QCoreApplication.translate("NewExercise", "Pictures and videos")
    chosen, _filter = QFileDialog.getOpenFileName(parent, caption, "", f"{kinds} ({patterns})")
    return chosen


def own_id(name: str, taken: Collection[str]) -> str:
    """An id for a new exercise from its name, used by no other exercise."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    stem = ("own_" + re.sub(r"[^a-z0-9]+", "_", plain).strip("_"))[:72].rstrip("_")
    candidate, number = stem, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}_{number}"
    return candidate


class NewExercisePage(QWidget):
    """`start(exercise, media)` shows it empty (None) or filled; `on_done(exercise, media)`
    gets the exercise made and its picture or video by path, `on_back()` gets nothing."""

    def __init__(
        self,
        taken: Callable[[], Collection[str]],
        on_done: Callable[[Exercise, dict[str, bytes]], None],
        on_back: Callable[[], None],
        choose_file: Callable[[QWidget], str] = choose_media_file,
    ) -> None:
        super().__init__()
        self.taken = taken
        self.on_done = on_done
        self.choose_file = choose_file
        self.editing: Exercise | None = None
        self.kind = ExerciseKind.RANGE_OF_MOTION
        self.region = "hands"
        self.media_path = ""
        self.media: dict[str, bytes] = {}
        self.title = label("", "title")
        content = QWidget()
        layout = column_of(content)
        self.name = line_field(layout, self.tr("Name of the exercise"), 120)
        layout.addWidget(label(self.tr("Kind"), "body"))
        self.kinds = {
            kind: toggle(
                words.kind(kind),
                lambda kind=kind: self.pick_kind(kind),
                self.tr("Kind: {name}").format(name=words.kind(kind)),
            )
            for kind in ExerciseKind
        }
        layout.addLayout(row(*self.kinds.values()))
        layout.addWidget(label(self.tr("Body region"), "body"))
        self.regions = {
            region: toggle(
                region_name(region),
                lambda region=region: self.pick_region(region),
                self.tr("Region: {name}").format(name=region_name(region)),
            )
            for region in REGIONS
            if region
        }
        layout.addLayout(row(*self.regions.values()))
        self.instruction = text_box(layout, self.tr("What the patient reads and hears"))
        self.caregiver = text_box(
            layout, self.tr("What the helper reads, when the helper moves (may stay empty)")
        )
        self.safety = text_box(layout, self.tr("Safety note (may stay empty)"))
        layout.addWidget(label(self.tr("Picture or video"), "body"))
        self.media_name = label("", "body")
        layout.addWidget(self.media_name)
        self.choose = button(
            self.tr("Choose a picture or video"),
            self.choose_media,
            description=self.tr("A PNG, JPEG or WebP picture, or an MP4 or WebM video."),
        )
        self.no_media = button(self.tr("No picture or video"), self.drop_media)
        layout.addLayout(row(self.choose, self.no_media))
        self.media_message = label("", "body")
        layout.addWidget(self.media_message)
        layout.addStretch(1)
        self.area = scrolled(content)
        self.message = label("", "body")
        self.done = button("", self.finish, role="primary")
        self.back = button(self.tr("Back, make nothing"), on_back, role="large")
        column = column_of(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        column.addWidget(self.title)
        column.addWidget(self.area, 1)
        column.addWidget(self.message)
        column.addLayout(row(self.done, self.back, stretch_between=True))

    # ----- showing -----------------------------------------------------------------------

    def start(
        self, exercise: Exercise | None = None, media: Mapping[str, bytes] | None = None
    ) -> QWidget:
        """Empty for a new exercise, or `exercise` to change; returns the control to focus."""
        self.editing = exercise
        set_text(
            self.title,
            self.tr("Change this exercise") if exercise else self.tr("Make a new exercise"),
        )
        set_text(self.done, self.tr("Save it") if exercise else self.tr("Add it"))
        self.done.setAccessibleName(
            self.tr("Save the changes") if exercise else self.tr("Add it to the program")
        )
        self.name.setText(exercise.name if exercise else "")
        self.instruction.setPlainText(exercise.instruction if exercise else "")
        self.caregiver.setPlainText((exercise.caregiver_instruction or "") if exercise else "")
        self.safety.setPlainText(exercise.safety if exercise else "")
        self.pick_kind(exercise.kind if exercise else ExerciseKind.RANGE_OF_MOTION)
        self.pick_region(exercise.region if exercise else "hands")
        path = (exercise.video or exercise.picture or "") if exercise else ""
        media = media or {}
        self.media = {path: media[path]} if path in media else {}
        self.media_path = path if self.media else ""
        self.media_message.setText("")
        self.message.setText("")
        self._show_media()
        self.area.verticalScrollBar().setValue(0)
        return self.name

    def pick_kind(self, kind: ExerciseKind) -> None:
        self.kind = kind
        for each, widget in self.kinds.items():
            widget.setChecked(each == kind)
            set_text(widget, ticked(words.kind(each), each == kind))
            widget.setAccessibleName(self.tr("Kind: {name}").format(name=words.kind(each)))

    def pick_region(self, region: str) -> None:
        self.region = region
        for each, widget in self.regions.items():
            widget.setChecked(each == region)
            set_text(widget, ticked(region_name(each), each == region))
            widget.setAccessibleName(self.tr("Region: {name}").format(name=region_name(each)))

    def _show_media(self) -> None:
        if not self.media_path:
            shown = self.tr("None: the words alone are shown.")
        elif PurePosixPath(self.media_path).suffix in VIDEO_FORMATS:
            shown = self.tr("A video, shown looping without sound.")
        else:
            shown = self.tr("A picture.")
        self.media_name.setText(shown)
        self.no_media.setEnabled(bool(self.media_path))

    # ----- the picture or video ------------------------------------------------------------

    def choose_media(self) -> None:
        chosen = self.choose_file(self)
        if not chosen:
            return
        path = Path(chosen)
        suffix = path.suffix.lower()
        if suffix not in MEDIA_SUFFIXES:
            self.media_message.setText(
                self.tr("{file} is not a picture or video the app can show.").format(file=path.name)
            )
            return
        try:
            data = path.read_bytes()
        except OSError:
            self.media_message.setText(self.tr("{file} could not be read.").format(file=path.name))
            return
        try:
            check_media(f"media/file{suffix}", data)
        except MediaError as error:
            self.media_message.setText(
                self.tr("{file} {reason}.").format(file=path.name, reason=explain(error))
            )
            return
        digest = hashlib.sha256(data).hexdigest()[:12]
        self.media_path = f"media/{digest}{suffix}"
        self.media = {self.media_path: data}
        self.media_message.setText(self.tr("{file} is ready.").format(file=path.name))
        self._show_media()

    def drop_media(self) -> None:
        self.media_path = ""
        self.media = {}
        self.media_message.setText("")
        self._show_media()
        self.choose.setFocus()

    # ----- done ------------------------------------------------------------------------

    def finish(self) -> None:
        name = " ".join(self.name.text().split())
        instruction = self.instruction.toPlainText().strip()
        if not name or not instruction:
            self.message.setText(self.tr("Give it a name and the words for the patient."))
            (self.name if not name else self.instruction).setFocus()
            return
        video = self.media_path if PurePosixPath(self.media_path).suffix in VIDEO_FORMATS else None
        picture = self.media_path if self.media_path and video is None else None
        exercise = Exercise(
            id=self.editing.id if self.editing else own_id(name, self.taken()),
            name=name,
            kind=self.kind,
            region=self.region,
            instruction=instruction,
            caregiver_instruction=self.caregiver.toPlainText().strip() or None,
            safety=self.safety.toPlainText().strip(),
            picture=picture,
            video=video,
        )
        self.on_done(exercise, dict(self.media))
