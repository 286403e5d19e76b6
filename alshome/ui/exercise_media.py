"""A therapist's own picture or video of an exercise, shown in the figure's place.

A video loops without sound and without controls, as calm as the drawn figure: no audio
output is ever given to the player, so no sound system is needed or used. Qt's
multimedia module is loaded through `alshome.ui.sound_modules` on the first video only,
never at start-up. When the video cannot play here (no multimedia module, a codec
missing, any error from the player), the picture stands in, or nothing at all so the
words take the room: the patient never sees a message about it.

The video's bytes come from the history; the player reads them from a private temporary
file (mode 0600, made by `tempfile.mkstemp`) that is removed as soon as another exercise
is shown, the view is hidden or the view goes away.

For people who find motion distracting (the "moving pictures" setting off), the picture
is shown instead of the video; an exercise with only a video shows its first frame.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QStackedWidget, QWidget

from alshome.domain.program import Exercise, Program
from alshome.ui.sound_modules import sound_modules

MediaSource = Callable[[Program], Mapping[str, bytes]]  # a program version's pictures and videos


def no_media(_program: Program) -> Mapping[str, bytes]:
    return {}


class PictureView(QWidget):
    """A picture as large as the box allows, whole and centred, never stretched."""

    def __init__(self) -> None:
        super().__init__()
        self.pixmap = QPixmap()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def set_picture(self, data: bytes) -> bool:
        """Show the picture in `data`; False (and nothing shown) if Qt cannot read it."""
        self.pixmap = QPixmap()
        loaded = self.pixmap.loadFromData(data)
        self.update()
        return loaded

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.pixmap.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self.pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) / 2
        top = (self.height() - size.height()) / 2
        painter.drawPixmap(
            QRectF(left, top, size.width(), size.height()), self.pixmap, QRectF(self.pixmap.rect())
        )


class VideoBox(QWidget):
    """The video as large as the box allows, whole and centred, with the panel's colour
    around it rather than black bars: the video widget is given the video's own shape."""

    def __init__(self, video: QWidget) -> None:
        super().__init__()
        self.video = video
        self.shape = QSize()
        video.setParent(self)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def set_shape(self, size: QSize) -> None:
        self.shape = size
        self._place()

    def resizeEvent(self, event: Any) -> None:
        self._place()
        super().resizeEvent(event)

    def _place(self) -> None:
        size = self.size()
        if self.shape.isValid() and not self.shape.isEmpty():
            size = self.shape.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        self.video.setGeometry(
            (self.width() - size.width()) // 2,
            (self.height() - size.height()) // 2,
            size.width(),
            size.height(),
        )


class ExerciseMedia(QStackedWidget):
    """`show_exercise(exercise, media)` shows its picture or video; False when it has none
    that can be shown here, so the caller shows the drawn figure or only the words."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("media")  # in a panel, the panel's colour around the picture
        self.picture = PictureView()
        self.addWidget(self.picture)
        self.player: Any = None  # QMediaPlayer, made with the first video
        self.video: VideoBox | None = None  # around a QVideoWidget, likewise
        self.temporary: weakref.finalize | None = None  # removes the video's file once
        self.animated = True
        self.playing_path = ""
        self.has_picture = False
        self.exercise_name = ""
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.hide()

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def show_exercise(self, exercise: Exercise, media: Mapping[str, bytes]) -> bool:
        """Show `exercise`'s video (looping, silent) or picture from `media`, by path."""
        self.stop()
        self.has_picture = bool(exercise.picture and exercise.picture in media)
        if self.has_picture:
            self.has_picture = self.picture.set_picture(media[exercise.picture])
        shown = False
        if exercise.video and exercise.video in media and (self.animated or not self.has_picture):
            shown = self._play(exercise.video, media[exercise.video])
        if not shown and self.has_picture:
            self.setCurrentWidget(self.picture)
            shown = True
        self.exercise_name = exercise.name
        self._name_it()
        self.setVisible(shown)
        return shown

    def _name_it(self) -> None:
        """What a screen reader calls it: the video or the picture of the exercise."""
        if self.is_playing():
            name = QCoreApplication.translate("ExerciseMedia", "Video of {name}")
        else:
            name = QCoreApplication.translate("ExerciseMedia", "Picture of {name}")
        self.setAccessibleName(name.format(name=self.exercise_name))

    def set_animated(self, animated: bool) -> None:
        self.animated = animated

    def is_playing(self) -> bool:
        return self.video is not None and self.currentWidget() is self.video

    def stop(self) -> None:
        """Stop the video and remove its temporary file."""
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        self.playing_path = ""
        if self.temporary is not None:
            self.temporary()
            self.temporary = None

    def hideEvent(self, event: Any) -> None:
        """A hidden video waits (during a rest, say) and goes on where it was when shown."""
        if self.player is not None:
            self.player.pause()
        super().hideEvent(event)

    def showEvent(self, event: Any) -> None:
        if self.player is not None and self.playing_path and self.animated:
            self.player.play()
        super().showEvent(event)

    # ----- the video ---------------------------------------------------------------------

    def _play(self, path: str, data: bytes) -> bool:
        if not self._make_player():
            return False
        handle, name = tempfile.mkstemp(prefix="alshome-", suffix=PurePosixPath(path).suffix)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        self.temporary = weakref.finalize(self, _remove, Path(name))
        self.playing_path = path
        self.player.setSource(QUrl.fromLocalFile(name))
        if self.animated:
            self.player.play()
        else:
            self.player.pause()  # shows the first frame and stays
        self.setCurrentWidget(self.video)
        return True

    def _make_player(self) -> bool:
        if self.player is not None:
            return True
        multimedia = sound_modules().multimedia
        if multimedia is None:
            return False
        try:
            from PySide6.QtMultimediaWidgets import QVideoWidget
        except ImportError:
            return False
        screen = QVideoWidget()
        screen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Its box already has the video's shape: filled whole, without a black line.
        screen.setAspectRatioMode(Qt.AspectRatioMode.IgnoreAspectRatio)
        self.video = VideoBox(screen)
        self.addWidget(self.video)
        player = multimedia.QMediaPlayer(self)
        player.setLoops(multimedia.QMediaPlayer.Loops.Infinite)
        player.setVideoOutput(screen)  # and no audio output: it never makes a sound
        screen.videoSink().videoSizeChanged.connect(
            lambda: self.video.set_shape(screen.videoSink().videoSize())
        )
        player.errorOccurred.connect(self._cannot_play)
        invalid = multimedia.QMediaPlayer.MediaStatus.InvalidMedia
        player.mediaStatusChanged.connect(
            lambda status: self._cannot_play() if status == invalid else None
        )
        self.player = player
        return True

    def _cannot_play(self, *_reason: object) -> None:
        """The picture stands in for a video that cannot play here, or nothing does."""
        if not self.playing_path:
            return
        self.stop()
        if self.has_picture:
            self.setCurrentWidget(self.picture)
            self._name_it()
        else:
            self.hide()


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
