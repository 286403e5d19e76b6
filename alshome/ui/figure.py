"""The exercise figure on screen: one painter for every illustration, still or moving.

`paint_figure` draws a `Scene` from `alshome.illustrations.pose` in the theme's colours:
the moving side in the text colour, the far side muted, the helper lighter still, each
capsule outlined in the background colour so overlapping limbs stay apart on light,
dark and high-contrast themes. `FigureView` moves the figure from the start to the end
position and back with a pause at each end; it stops when hidden, and for people who
find motion distracting it can stand still, showing the end position over a faint start.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from alshome.illustrations.pose import Scene, illustration, loop_timeline, timeline
from alshome.ui.theme import LIGHT, Palette

FRAME_MS = 33  # about 30 frames a second: smooth, and light on a small computer


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
    frame_width, frame_height = frame[2] - frame[0], frame[3] - frame[1]
    side = min(rect.width() / frame_width, rect.height() / frame_height)
    left = rect.center().x() - side * (frame[0] + frame_width / 2)
    top = rect.center().y() - side * (frame[1] + frame_height / 2)
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
    controls; `clock` is injectable so tests can move time themselves.
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
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._advance)
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
        self._started = self._clock()
        self._t = 0.0 if self._animated else 1.0
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
        self.update()

    def set_animated(self, animated: bool) -> None:
        self._animated = animated
        self._started = self._clock()
        self._t = 0.0 if animated else 1.0
        self._update_timer()
        self.update()

    def is_animating(self) -> bool:
        return self._timer.isActive()

    def moment(self) -> float:
        """Where the figure is in its movement: 0 at the start position, 1 at the end."""
        return self._t

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_timer()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def _update_timer(self) -> None:
        if self._animated and self._exercise_id and self.isVisible():
            self._timer.start()
        else:
            self._timer.stop()

    def _advance(self) -> None:
        elapsed = self._clock() - self._started
        looping = illustration(self._exercise_id).pose.loops
        self._t = loop_timeline(elapsed) if looping else timeline(elapsed)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._palette.panel))
        if self._exercise_id:
            figure = illustration(self._exercise_id)
            rect = QRectF(self.rect())
            if not self._animated:
                painter.setOpacity(0.3)
                paint_figure(painter, rect, figure.scene(0.0), self._palette, figure.frame)
                painter.setOpacity(1.0)
            paint_figure(painter, rect, figure.scene(self._t), self._palette, figure.frame)
        painter.end()
