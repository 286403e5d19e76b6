"""The exercise figure on screen: one painter for every illustration, still or moving.

`paint_figure` draws a `Scene` from `alshome.illustrations.pose` in the theme's colours:
the moving side in the text colour, the far side muted, the helper lighter still, each
capsule outlined in the background colour so overlapping limbs stay apart on light,
dark and high-contrast themes. `FigureView` moves the figure from the start to the end
position and back with a pause at each end; it stops when hidden, and for people who
find motion distracting it can stand still, showing the end position over a faint start.

A moving figure runs for whole holds, so it is kept cheap (issue 14: at most 2 % of one
core on software rendering; `tests/benchmarks/hold_cpu.py` measures it). The movement is
shown at `FRAMES_PER_SECOND`, on a fixed grid of moments, so each moment's picture is
drawn once and then only copied; a frame that would not change (the pauses) repaints
nothing, and a frame repaints the figure's own rectangle only, which the figure covers
itself, so the panels behind it are not painted again.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from alshome.illustrations.pose import (
    MOVE_SECONDS,
    TURN_SECONDS,
    Scene,
    illustration,
    loop_timeline,
    rest_left,
    timeline,
)
from alshome.ui.theme import LIGHT, Palette

# The movements are slow and eased: at 15 frames a second a limb of a 300-pixel figure
# moves about 6 pixels a frame at most (half as many as at 30), which still reads as
# smooth, and costs half the work.
FRAMES_PER_SECOND = 15
FRAME_MS = round(1000 / FRAMES_PER_SECOND)
# The drawn frames kept for copying: about 28 (to and fro) or 45 (a turn) pictures of
# the figure's rectangle, some 10 MB at 300 pixels. A figure so large on a dense screen
# that its frames would need more than this draws the rest each time instead.
FRAME_CACHE_BYTES = 48 * 1024 * 1024


def _mix(colour: str, background: str, amount: float) -> QColor:
    a, b = QColor(colour), QColor(background)
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def layer_colours(palette: Palette) -> dict[str, QColor]:
    return {
        "near": QColor(palette.text),
        "far": _mix(palette.muted, palette.panel, 0.35),
        "helper": _mix(palette.text, palette.panel, 0.55),
        "prop": _mix(palette.muted, palette.panel, 0.2),
        "mark": QColor(palette.panel),
    }


WHOLE_BOX = (0.0, 0.0, 1.0, 1.0)


def paint_figure(
    painter: QPainter,
    rect: QRectF,
    scene: Scene,
    palette: Palette,
    frame: tuple[float, float, float, float] = WHOLE_BOX,
) -> None:
    """Draw `scene` as large as `rect` allows for its `frame`, centred in it.

    `frame` is the part of the unit box the figure uses over its whole movement (see
    `Illustration.frame`), so the figure keeps its size while it moves.
    """
    side, left, top = _placement(rect, frame)
    colours = layer_colours(palette)
    outline = QColor(palette.panel)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def at(p: tuple[float, float]) -> QPointF:
        return QPointF(left + p[0] * side, top + p[1] * side)

    for stroke in scene.strokes:
        path = QPainterPath(at(stroke.points[0]))
        for point in stroke.points[1:]:
            path.lineTo(at(point))
        if len(stroke.points) == 1:
            path.lineTo(at(stroke.points[0]))
        width = stroke.width * side
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if stroke.layer != "prop":
            painter.setPen(_pen(outline, width + max(2.0, side * 0.012)))
            painter.drawPath(path)
        painter.setPen(_pen(colours[stroke.layer], width))
        painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    for disc in scene.discs:
        if disc.layer != "mark":
            painter.setBrush(outline)
            r = disc.radius * side + max(1.0, side * 0.006)
            painter.drawEllipse(at(disc.center), r, r)
        painter.setBrush(colours[disc.layer])
        painter.drawEllipse(at(disc.center), disc.radius * side, disc.radius * side)


def _placement(
    rect: QRectF, frame: tuple[float, float, float, float]
) -> tuple[float, float, float]:
    """The unit box's size and top-left corner when `frame` is fitted and centred in `rect`."""
    frame_width, frame_height = frame[2] - frame[0], frame[3] - frame[1]
    side = min(rect.width() / frame_width, rect.height() / frame_height)
    left = rect.center().x() - side * (frame[0] + frame_width / 2)
    top = rect.center().y() - side * (frame[1] + frame_height / 2)
    return side, left, top


# A close-up's strokes are cut at the box's edge but keep their round ends and outline,
# which reach up to 0.08 of the box beyond its frame: the painted area allows for that.
BLEED = 0.1
BLEED_PX = 2.0  # an outline at least 2 px wide, whatever the size


def figure_rect(rect: QRectF, frame: tuple[float, float, float, float]) -> QRectF:
    """Where `paint_figure` may paint in `rect` for `frame`: nothing it draws lies outside."""
    side, left, top = _placement(rect, frame)
    bleed = BLEED * side + BLEED_PX
    return QRectF(
        left + frame[0] * side - bleed,
        top + frame[1] * side - bleed,
        (frame[2] - frame[0]) * side + 2 * bleed,
        (frame[3] - frame[1]) * side + 2 * bleed,
    )


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def render_still(
    exercise_id: str,
    t: float,
    size: QSize | int = 320,
    palette: Palette = LIGHT,
    ratio: float = 1.0,
) -> QImage:
    """The figure at moment `t` (0 start, 1 end) as an image `size` device-independent
    pixels large, drawn with `ratio` device pixels to each: a widget's devicePixelRatio
    keeps it sharp on a screen scaled to 150 % or 200 %."""
    size = QSize(size, size) if isinstance(size, int) else size
    image = QImage(size * ratio, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(palette.panel))
    painter = QPainter(image)
    figure = illustration(exercise_id)
    paint_figure(
        painter, QRectF(0, 0, size.width(), size.height()), figure.scene(t), palette, figure.frame
    )
    painter.end()
    return image


class FigureView(QWidget):
    """An exercise's figure moving gently between its start and end positions.

    It takes no focus and is read out by name, so it never gets in the way of the
    controls; `clock` is injectable so tests can move time themselves. The movement is
    cut into `frames()` moments; each one's scene is computed once per exercise, and its
    picture drawn once per size and colours while the figure shows.
    """

    def __init__(
        self,
        palette: Palette = LIGHT,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._palette = palette
        self._clock = clock
        self._exercise_id = ""
        self._animated = True
        self._started = clock()
        self._t = 1.0
        self._frame = 0  # the moment shown, as a number in the grid of `frames()`
        self._area: QRect | None = None  # what a frame repaints, for this size
        self._scenes: dict[int, Scene] = {}  # by frame, for the exercise shown
        self._pictures: dict[int, QPixmap] = {}  # by frame, for this size and palette
        self._pictures_ratio = 1.0  # the device pixel ratio they were drawn for
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._advance)
        # Every pixel is painted here (the panel colour around the figure), so the panels
        # behind need not be painted first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "FigureView", "Moves from the start position to the end position and back"
            )
        )

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def show_exercise(self, exercise_id: str, name: str = "") -> None:
        """Show an exercise; `name` is its readable name for the accessible name."""
        self._exercise_id = exercise_id
        self._scenes.clear()
        self._pictures.clear()
        self._area = None
        self._restart()
        self.setAccessibleName(
            QCoreApplication.translate("FigureView", "Illustration: {name}").format(
                name=name or exercise_id
            )
        )
        self._update_timer()
        self.update()

    @property
    def exercise_id(self) -> str:
        return self._exercise_id

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self._pictures.clear()
        self.update()

    def set_animated(self, animated: bool) -> None:
        self._animated = animated
        self._restart()
        self._update_timer()
        self.update()

    def is_animating(self) -> bool:
        return self._timer.isActive()

    def frame_interval(self) -> int:
        """Milliseconds to the next look at the clock: a frame, or the rest at an end."""
        return self._timer.interval()

    def moment(self) -> float:
        """Where the movement is by the clock: 0 at the start position, 1 at the end.

        The picture shown is the nearest of the `frames()` steps.
        """
        return self._t

    def frames(self) -> int:
        """How many steps the movement is cut into: one a frame at `FRAMES_PER_SECOND`."""
        if not self._exercise_id:
            return 1
        seconds = TURN_SECONDS if illustration(self._exercise_id).pose.loops else MOVE_SECONDS
        return round(seconds * FRAMES_PER_SECOND)

    def figure_area(self) -> QRect:
        """The part of this widget a frame repaints: the figure and nothing around it."""
        if not self._exercise_id:
            return QRect()
        if self._area is None:
            area = figure_rect(QRectF(self.rect()), illustration(self._exercise_id).frame)
            self._area = area.toAlignedRect().intersected(self.rect())
        return self._area

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_timer()

    def hideEvent(self, event) -> None:
        """Stop when hidden or minimized, and let the drawn frames go until shown again."""
        super().hideEvent(event)
        self._timer.stop()
        self._pictures.clear()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._pictures.clear()
        self._area = None

    def _restart(self) -> None:
        self._started = self._clock()
        self._t = 0.0 if self._animated else 1.0
        self._frame = 0

    def _update_timer(self) -> None:
        if self._animated and self._exercise_id and self.isVisible():
            self._timer.start(FRAME_MS)
        else:
            self._timer.stop()

    def _advance(self) -> None:
        elapsed = self._clock() - self._started
        looping = illustration(self._exercise_id).pose.loops
        self._t = loop_timeline(elapsed) if looping else timeline(elapsed)
        frames = self.frames()
        frame = round(self._t * frames) % frames if looping else round(self._t * frames)
        if frame != self._frame:
            self._frame = frame
            self.update(self.figure_area())
        # Resting at either end changes nothing on screen: look again when the rest ends.
        resting = 0.0 if looping else rest_left(elapsed)
        interval = max(FRAME_MS, math.ceil(resting * 1000)) if resting else FRAME_MS
        if interval != self._timer.interval():
            self._timer.start(interval)

    def _scene(self, frame: int) -> Scene:
        if frame not in self._scenes:
            self._scenes[frame] = illustration(self._exercise_id).scene(frame / self.frames())
        return self._scenes[frame]

    def _picture(self, frame: int, area: QRect) -> QPixmap:
        """Frame `frame` drawn over `area`, as it would be drawn straight onto the widget."""
        ratio = self.devicePixelRatioF()
        if ratio != self._pictures_ratio:  # moved to a screen with another scale
            self._pictures.clear()
            self._pictures_ratio = ratio
        if frame in self._pictures:
            return self._pictures[frame]
        picture = QPixmap(area.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(QColor(self._palette.panel))
        painter = QPainter(picture)
        painter.translate(-area.topLeft())
        figure = illustration(self._exercise_id)
        paint_figure(painter, QRectF(self.rect()), self._scene(frame), self._palette, figure.frame)
        painter.end()
        kept = sum(p.width() * p.height() * 4 for p in self._pictures.values())
        if kept + picture.width() * picture.height() * 4 <= FRAME_CACHE_BYTES:
            self._pictures[frame] = picture
        return picture

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = self.figure_area()
        moving = self._exercise_id and self._animated
        if not (moving and area.contains(event.rect())):  # else the frame covers it all
            painter.fillRect(self.rect(), QColor(self._palette.panel))
        if moving:
            painter.drawPixmap(area.topLeft(), self._picture(self._frame, area))
        elif self._exercise_id:
            figure = illustration(self._exercise_id)
            rect = QRectF(self.rect())
            painter.setOpacity(0.3)
            paint_figure(painter, rect, figure.scene(0.0), self._palette, figure.frame)
            painter.setOpacity(1.0)
            paint_figure(painter, rect, figure.scene(1.0), self._palette, figure.frame)
        painter.end()
