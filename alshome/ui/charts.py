"""The history's trend charts, drawn with pyqtgraph.

Imported only when the history screen first opens: pyqtgraph and numpy cost more at start
than the home window itself (tests/ui/test_start.py keeps them out).

Each chart creates its plot items once and afterwards only calls `setData`, so changing
the range or the history redraws without building anything. Series are told apart by
colour (the Okabe-Ito palette, safe for colour-blind eyes) and always also by line style
and symbol, with a legend that shows both. A chart is a keyboard stop: Left and Right
move a marked point along the dates, Home and End go to the first and last, and the line
under the plot says that point's values in words (the same line follows the pointer),
so no value is only visible on hover. An empty chart says what will appear there.

Every chart fits the screen it is on: the history sets each plot's height so a chart's
title, legend, plot with its dates, and line of values show together in the space the
screen has (`fit_height`), down to a floor that still shows the plot with its dates
whole. Counts (sessions, minutes, repetitions, ratings) are marked with whole numbers only,
spaced for the large labels, and the lowest and highest values sit far enough inside the
plot that their labels are drawn whole (`CountAxis`, `TrendChart.set_y_span`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from alshome.domain.alsfrs import MAX_TOTAL, Domain, EnteredBy, Entry
from alshome.domain.program import LoadUnit
from alshome.domain.session import SessionStatus
from alshome.domain.trends import ExerciseWork, SessionSummary, Trends
from alshome.ui import words
from alshome.ui.theme import LIGHT, Palette
from alshome.ui.widgets import label, set_text

AXIS_FONT_PX = 20
LINE_WIDTH = 4
SYMBOL_SIZE = 16
SYMBOL_LIMIT = 400  # above this many points a line alone reads better (and draws faster)
PLOT_HEIGHT = 240  # the plot's height when the screen gives it room
DATE_AXIS_PX = AXIS_FONT_PX * 2 + 8
# The lowest plot: the dates, and room for three labelled whole numbers above them.
MIN_PLOT_HEIGHT = DATE_AXIS_PX + 6 * AXIS_FONT_PX
LABEL_ROOM = 1.2  # a tick label's height, in font pixels (pyqtgraph measures about this)
TICK_GAP = 1.25  # ticks are at least this many label heights apart
NICE_STEPS = tuple(m * 10**e for e in range(7) for m in (1, 2, 5))
DAY_SECONDS = 86_400
MONTH_SECONDS = 30 * DAY_SECONDS  # pyqtgraph's spacing of month ticks
YEAR_SECONDS = 365 * DAY_SECONDS  # and of year ticks
DAYS_PER_WEEK = 7
BAR_DAYS = 5  # a week's bar, with a gap to the next

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
ORANGE, SKY_BLUE, GREEN, YELLOW = "#E69F00", "#56B4E9", "#009E73", "#F0E442"
BLUE, VERMILLION, PURPLE = "#0072B2", "#D55E00", "#CC79A7"
# How the legend (a line of text under the title) draws each line style and symbol.
LINE_SAMPLES = {
    Qt.PenStyle.SolidLine: "━━",
    Qt.PenStyle.DashLine: "╺╸╺╸",
    Qt.PenStyle.DotLine: "┉┉",
    Qt.PenStyle.DashDotLine: "╺╸·╺╸",
    Qt.PenStyle.DashDotDotLine: "╺╸··╺╸",
}
SYMBOL_SAMPLES = {
    "o": "●",
    "s": "■",
    "t": "▼",
    "t1": "▲",
    "d": "◆",
    "x": "✕",
    "star": "★",
    "p": "⬟",
    "+": "✚",
}
# Resistance exercises take these in turn: a colour, a dash pattern and a symbol each.
EXERCISE_STYLES = (
    (PURPLE, Qt.PenStyle.DashDotLine, "t"),
    (ORANGE, Qt.PenStyle.DotLine, "d"),
    (SKY_BLUE, Qt.PenStyle.DashLine, "s"),
    (VERMILLION, Qt.PenStyle.DashDotDotLine, "star"),
    (YELLOW, Qt.PenStyle.SolidLine, "p"),
)
# The ALSFRS-R parts: the report's short names, and a colour, dash pattern and symbol each.
PART_STYLES = {
    Domain.BULBAR: (
        QT_TRANSLATE_NOOP("Charts", "Speech and swallowing"),
        VERMILLION,
        Qt.PenStyle.DashLine,
        "s",
    ),
    Domain.FINE_MOTOR: (QT_TRANSLATE_NOOP("Charts", "Hands"), ORANGE, Qt.PenStyle.DotLine, "d"),
    Domain.GROSS_MOTOR: (
        QT_TRANSLATE_NOOP("Charts", "Walking and turning"),
        GREEN,
        Qt.PenStyle.DashDotLine,
        "t",
    ),
    Domain.RESPIRATORY: (
        QT_TRANSLATE_NOOP("Charts", "Breathing"),
        PURPLE,
        Qt.PenStyle.DashDotDotLine,
        "t1",
    ),
}
PART_MAX = MAX_TOTAL // len(Domain)  # 12: three items of 0-4
PART_SCALE = MAX_TOTAL // PART_MAX  # a part is drawn this many times as tall as its points
# Bar outlines by how many weeks a chart shows: over years, bars a few pixels wide would
# be all outline, so it thins and then goes, and the bars close up into one shape (gaps
# between them would only flicker); the target stays a dashed line either way.
THICK_OUTLINE_WEEKS = 60
THIN_OUTLINE_WEEKS = 160


def tr(text: str) -> str:
    return QCoreApplication.translate("Charts", text)


class DateAxis(pg.DateAxisItem):
    """Dates spaced for large tick labels: ticks are chosen as if the axis were shorter.

    Months and days are written in the app's language (pyqtgraph's own are English), and
    a day names its month ("5 Dec" rather than pyqtgraph's bare "05"), so where days are
    marked the first of each month is not marked again on its own (it would crowd them).
    """

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickValues(minVal, maxVal, size / 2)
        days = [(spacing, values) for spacing, values in levels if spacing < MONTH_SECONDS]
        return days if any(values for _spacing, values in days) else levels

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing >= YEAR_SECONDS or spacing < DAY_SECONDS:
            return super().tickStrings(values, scale, spacing)
        form = "MMM" if spacing >= MONTH_SECONDS else "d MMM"
        locale = QLocale()
        return [locale.toString(datetime.fromtimestamp(value).date(), form) for value in values]


class CountAxis(pg.AxisItem):
    """An axis of whole numbers only, as far apart as large labels need, each label whole.

    pyqtgraph would mark 1.5 sessions between 1 and 2 when there is room, and leaves out a
    label that would reach past the plot's edge. Here the step is the smallest of `steps`
    that keeps labels TICK_GAP label heights apart, and only ticks whose label fits inside
    the plot are given, between `lowest` and `highest` (the scale's own ends; fatigue's
    0-10 has rows of marks just outside it). `per_value` draws a scale `per_value` times as
    tall as its numbers (the ALSFRS-R parts on the total's scale).
    """

    def __init__(
        self,
        orientation: str,
        lowest: int = 0,
        highest: int | None = None,
        steps: Sequence[int] = NICE_STEPS,
        per_value: int = 1,
    ) -> None:
        super().__init__(orientation)
        self.lowest, self.highest, self.steps, self.per_value = lowest, highest, steps, per_value

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if size <= 0 or maxVal <= minVal:
            return []
        per_unit = size / (maxVal - minVal)
        label = LABEL_ROOM * AXIS_FONT_PX
        step = next(
            (s for s in self.steps if s * self.per_value * per_unit >= TICK_GAP * label),
            self.steps[-1],
        )
        low = max(minVal + label / 2 / per_unit, self.lowest * self.per_value)
        high = maxVal - label / 2 / per_unit
        if self.highest is not None:
            high = min(high, self.highest * self.per_value)
        unit = step * self.per_value
        first, last = math.ceil(low / unit), math.floor(high / unit)
        return [(unit, [n * unit for n in range(first, last + 1)])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [str(round(value / self.per_value)) for value in values]


class TrendChart(QWidget):
    """A titled plot with dates along the bottom, a focusable marked point and its words.

    Subclasses create their items, then call `set_palette` once to colour everything.
    """

    def __init__(
        self, title: str, empty_text: str, y_label: str, left: CountAxis | None = None
    ) -> None:
        super().__init__()
        self.palette_ = LIGHT
        self.x = np.empty(0)
        self.describe: Callable[[int], str] = lambda index: ""
        self.index = -1
        self.title = label(title, "subtitle")
        self.empty = label(empty_text, "body")
        self.value = label("", "body")
        self.y_span = (0.0, 1.0)  # the values the plot must show whole, labels included
        self.room: int | None = None  # the height the chart was fitted to
        self.plot = pg.PlotWidget(
            axisItems={"bottom": DateAxis(), "left": left or CountAxis("left")}
        )
        self.plot.setFixedHeight(PLOT_HEIGHT)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setLabel("left", y_label)
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.setAccessibleName(title)
        self.plot.setAccessibleDescription(
            tr("Left and Right move along the dates; the line below says the values.")
        )
        self.legend = label("", "note")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend_entries: dict[str, str] = {}
        self.marker = pg.ScatterPlotItem(size=SYMBOL_SIZE * 2, symbol="o")
        self.marker.setZValue(10)
        self.plot.addItem(self.marker)
        for side in ("left", "bottom", "right"):
            self.style_axis(self.plot.getAxis(side))
        # pyqtgraph sizes the date axis before its large labels are laid out, cutting them.
        self.plot.getAxis("bottom").setHeight(DATE_AXIS_PX)
        keys = {
            Qt.Key.Key_Left: lambda: self.move(-1),
            Qt.Key.Key_Right: lambda: self.move(1),
            Qt.Key.Key_Home: lambda: self.show_point(0),
            Qt.Key.Key_End: lambda: self.show_point(len(self.x) - 1),
        }
        # Shortcuts on the plot itself: the window's keyboard contract reads plain arrow
        # key presses as "move the focus", and a shortcut is offered the key first.
        for key, action in keys.items():
            shortcut = QShortcut(QKeySequence(key), self.plot, action)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.plot.scene().sigMouseMoved.connect(self._pointer_moved)
        self.plot.getPlotItem().vb.sigResized.connect(self._fit_y)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.legend, self.plot, self.value, self.empty):
            layout.addWidget(widget)

    @staticmethod
    def style_axis(axis: pg.AxisItem) -> None:
        font = QFont()
        font.setPixelSize(AXIS_FONT_PX)
        axis.setStyle(tickFont=font, tickTextOffset=8)
        axis.label.setFont(font)

    def set_palette(self, palette: Palette) -> None:
        self.palette_ = palette
        self.plot.setBackground(palette.background)
        for side in ("left", "bottom", "right"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(palette.text, width=2))
            axis.setTextPen(pg.mkPen(palette.text))
        self.marker.setPen(pg.mkPen(palette.focus, width=LINE_WIDTH))
        self.marker.setBrush(None)

    def fit_height(self, height: int) -> None:
        """Make the whole chart at most `height` px tall, its plot between MIN_PLOT_HEIGHT and
        PLOT_HEIGHT, and show the plot's side labels only where they fit along it.

        Fitted again whenever the chart's width changes, which rewraps its lines of text.
        """
        self.room = height
        layout = self.layout()
        width = self.width()
        shown = [w for w in (self.title, self.legend, self.value, self.empty) if not w.isHidden()]
        others = sum(
            w.heightForWidth(width) if w.hasHeightForWidth() else w.sizeHint().height()
            for w in shown
        )
        others += layout.spacing() * len(shown)
        plot_height = min(max(height - others, MIN_PLOT_HEIGHT), PLOT_HEIGHT)
        self.plot.setFixedHeight(plot_height)
        along = plot_height - DATE_AXIS_PX
        for side in ("left", "right"):
            axis = self.plot.getAxis(side)
            text = axis.labelText
            if text:
                axis.showLabel(QFontMetrics(axis.label.font()).horizontalAdvance(text) < along)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self.room is not None:
            self.fit_height(self.room)

    def set_y_span(self, low: float, high: float) -> None:
        """Show `low` to `high` with room for a whole label beyond each (see `CountAxis`)."""
        self.y_span = (low, max(high, low + 1))
        self._fit_y()

    def _fit_y(self) -> None:
        """The y range that keeps `y_span` a label's half height or more inside the plot."""
        low, high = self.y_span
        size = self.plot.getPlotItem().vb.height()
        margin = LABEL_ROOM * AXIS_FONT_PX * 0.75
        if size <= 2 * margin:
            self.plot.setYRange(low, high, padding=0)
            return
        pad = margin * (high - low) / (size - 2 * margin)
        self.plot.setYRange(low - pad, high + pad, padding=0)

    def set_points(self, x: Sequence[float], describe: Callable[[int], str]) -> None:
        """The dates a keyboard or pointer can visit, and how to say each one's values."""
        self.x = np.asarray(x, dtype=float)
        self.describe = describe
        shown = len(self.x) > 0
        self.plot.setVisible(shown)
        self.value.setVisible(shown)
        self.empty.setVisible(not shown)
        self.show_point(len(self.x) - 1)

    def move(self, step: int) -> None:
        self.show_point(min(max(self.index + step, 0), len(self.x) - 1))

    def show_point(self, index: int) -> None:
        """Mark the point at `index` (the newest when there is one) and say its values."""
        self.index = index
        if index < 0 or not len(self.x):
            self.marker.setData([], [])
            set_text(self.value, "")
            return
        self.marker.setData([self.x[index]], [self.marker_y(index)])
        set_text(self.value, self.describe(index))
        self.plot.setAccessibleDescription(self.value.text())

    def marker_y(self, index: int) -> float:
        """Where the mark sits for the point at `index`; charts say which value it marks."""
        return 0.0

    def _pointer_moved(self, position: QPointF) -> None:
        if not len(self.x) or not self.plot.sceneBoundingRect().contains(position):
            return
        moment = self.plot.getPlotItem().vb.mapSceneToView(position).x()
        index = int(np.clip(np.searchsorted(self.x, moment), 0, len(self.x) - 1))
        if index > 0 and abs(self.x[index - 1] - moment) < abs(self.x[index] - moment):
            index -= 1
        self.show_point(index)

    def curve(self, name: str, colour: str, style: Qt.PenStyle, symbol: str) -> pg.PlotDataItem:
        """A line created once (then fed with `setData`), named in the legend."""
        item = self.plot.plot(
            [],
            [],
            name=name,
            pen=pg.mkPen(colour, width=LINE_WIDTH, style=style),
            symbol=symbol,
            symbolSize=SYMBOL_SIZE,
            symbolBrush=colour,
            symbolPen=pg.mkPen(self.palette_.text, width=1),
        )
        item.setClipToView(True)
        item.setDownsampling(auto=True, method="peak")
        item.setProperty("symbol", symbol)
        self.add_to_legend(name, colour, LINE_SAMPLES[style] + SYMBOL_SAMPLES[symbol])
        return item

    def add_to_legend(self, name: str, colour: str, sample: str) -> None:
        """The legend is text, so it grows with the text size and screen readers read it."""
        self.legend_entries[name] = f'<span style="color:{colour}">{sample}</span>&nbsp;{name}'
        self.legend.setText("&nbsp;&nbsp;&nbsp; ".join(self.legend_entries.values()))
        self.legend.setAccessibleName(", ".join(self.legend_entries))

    def feed(self, item: pg.PlotDataItem, x: Sequence[float], y: Sequence[float]) -> None:
        """New data for an existing item: its symbols only while they stay readable."""
        item.setSymbol(item.property("symbol") if len(x) <= SYMBOL_LIMIT else None)
        item.setData(np.asarray(x, dtype=float), np.asarray(y, dtype=float))

    def markers(self, name: str, colour: str, symbol: str) -> pg.ScatterPlotItem:
        item = pg.ScatterPlotItem(
            name=name,
            symbol=symbol,
            size=SYMBOL_SIZE + 6,
            brush=pg.mkBrush(colour),
            pen=pg.mkPen(self.palette_.text, width=1),
        )
        self.plot.addItem(item)
        self.add_to_legend(name, colour, SYMBOL_SAMPLES[symbol])
        return item


class FatigueChart(TrendChart):
    """Highest and average fatigue of each session, with early stops and symptoms marked."""

    STOP_Y, SYMPTOM_Y = 10.8, -0.8  # just above and below the 0-10 scale

    def __init__(self) -> None:
        super().__init__(
            tr("Tiredness after each session"),
            tr("Your fatigue after each session will show here."),
            tr("Tiredness (0-10)"),
            CountAxis("left", 0, 10, (1, 2, 5, 10)),
        )
        self.highest = self.curve(tr("Highest"), VERMILLION, Qt.PenStyle.SolidLine, "o")
        self.mean = self.curve(tr("Average"), BLUE, Qt.PenStyle.DashLine, "s")
        self.stops = self.markers(tr("Stopped early"), ORANGE, "x")
        self.symptoms = self.markers(tr("Symptom"), PURPLE, "t1")
        self.set_y_span(self.SYMPTOM_Y, self.STOP_Y)
        self.sessions: Sequence[SessionSummary] = ()
        self.peaks = np.empty(0)
        self.set_palette(LIGHT)

    def update_trends(self, trends: Trends) -> None:
        self.feed(self.highest, trends.highest_fatigue.x, trends.highest_fatigue.y)
        self.feed(self.mean, trends.mean_fatigue.x, trends.mean_fatigue.y)
        stops = [s.timestamp for s in trends.early_stops]
        self.stops.setData(stops, [self.STOP_Y] * len(stops))
        marked = [s.timestamp for s in trends.with_symptoms]
        self.symptoms.setData(marked, [self.SYMPTOM_Y] * len(marked))
        self.sessions = trends.sessions
        self.peaks = np.array(
            [np.nan if s.highest_fatigue is None else s.highest_fatigue for s in self.sessions]
        )
        self.set_points([s.timestamp for s in self.sessions], self._say)

    def marker_y(self, index: int) -> float:
        peak = self.peaks[index]
        return self.STOP_Y if np.isnan(peak) else float(peak)

    def _say(self, index: int) -> str:
        session = self.sessions[index]
        parts = [words.short_date(session.local_day)]
        if session.highest_fatigue is None:
            parts.append(tr("no tiredness rated"))
        else:
            parts.append(
                tr("highest {high}, average {mean}").format(
                    high=session.highest_fatigue, mean=words.decimal(session.mean_fatigue)
                )
            )
        if session.status is not SessionStatus.COMPLETED:
            parts.append(words.status(session.status))
        if session.symptoms:
            parts.append(", ".join(words.symptom(s) for s in session.symptoms))
        return ": ".join(parts[:2]) + "".join(f"; {part}" for part in parts[2:])


class WorkChart(TrendChart):
    """Minutes on the mini-cycle, and repetitions of each strengthening exercise."""

    def __init__(self) -> None:
        super().__init__(
            tr("Work done in each session"),
            tr("The minutes you cycle and the lifts you do will show here."),
            tr("Minutes or repetitions"),
        )
        self.endurance = self.curve(tr("Cycling minutes"), GREEN, Qt.PenStyle.SolidLine, "o")
        self.exercises: dict[str, pg.PlotDataItem] = {}
        self.sessions: Sequence[SessionSummary] = ()
        self.set_palette(LIGHT)

    def exercise_curve(self, exercise_id: str, name: str) -> pg.PlotDataItem:
        """The line of one resistance exercise: made the first time it appears, then reused."""
        if exercise_id not in self.exercises:
            colour, style, symbol = EXERCISE_STYLES[len(self.exercises) % len(EXERCISE_STYLES)]
            self.exercises[exercise_id] = self.curve(name, colour, style, symbol)
        return self.exercises[exercise_id]

    def update_trends(self, trends: Trends) -> None:
        self.feed(self.endurance, trends.endurance_minutes.x, trends.endurance_minutes.y)
        shown = set()
        for series in trends.resistance:
            item = self.exercise_curve(series.exercise_id, series.exercise_name)
            self.feed(item, series.repetitions.x, series.repetitions.y)
            shown.add(series.exercise_id)
        for exercise_id, item in self.exercises.items():
            if exercise_id not in shown:
                self.feed(item, [], [])
        self.sessions = [s for s in trends.sessions if s.work]
        highest = [self.marker_y(index) for index in range(len(self.sessions))]
        self.set_y_span(0, max(highest, default=1))
        self.set_points([s.timestamp for s in self.sessions], self._say)

    def marker_y(self, index: int) -> float:
        return max((self._amount(work) for work in self.sessions[index].work), default=0.0)

    @staticmethod
    def _amount(work: ExerciseWork) -> float:
        return work.seconds / 60 if work.repetitions == 0 else float(work.repetitions)

    def _say(self, index: int) -> str:
        session = self.sessions[index]
        parts = []
        for work in session.work:
            if work.repetitions:
                amount = tr("{n} repetitions").format(n=work.repetitions)
                if work.load is not None and work.unit is not None:
                    load = words.load(work.load, LoadUnit(work.unit))
                    amount += " " + tr("with {load}").format(load=load)
            else:
                amount = words.duration(work.seconds)
            parts.append(f"{work.exercise_name} {amount}")
        return f"{words.short_date(session.local_day)}: " + "; ".join(parts)


class AdherenceChart(TrendChart):
    """Sessions per week as bars, and the week's target as a dashed line over them."""

    def __init__(self) -> None:
        super().__init__(
            tr("Sessions each week"),
            tr("How many sessions you do each week will show here, next to your target."),
            tr("Sessions"),
        )
        self.bars = pg.BarGraphItem(x=[], height=[], width=BAR_DAYS * DAY_SECONDS, brush=SKY_BLUE)
        self.plot.addItem(self.bars)
        self.add_to_legend(tr("Sessions done"), SKY_BLUE, "▇")
        self.target = self.curve(tr("Target"), self.palette_.text, Qt.PenStyle.DashLine, "+")
        self.weeks = ()
        self.set_palette(LIGHT)

    def _outline(self) -> pg.QtGui.QPen:
        """A 2 px outline while bars are wide, 1 px (cosmetic) over a few years, then none."""
        if len(self.weeks) > THIN_OUTLINE_WEEKS:
            return pg.mkPen(None)
        width = 2 if len(self.weeks) <= THICK_OUTLINE_WEEKS else 1
        return pg.mkPen(self.palette_.text, width=width, cosmetic=True)

    def set_palette(self, palette: Palette) -> None:
        super().set_palette(palette)
        self.bars.setOpts(pen=self._outline())
        self.target.setPen(pg.mkPen(palette.text, width=LINE_WIDTH, style=Qt.PenStyle.DashLine))
        self.target.setSymbolBrush(palette.text)
        self.target.setSymbolPen(palette.text)
        self.add_to_legend(tr("Target"), palette.text, LINE_SAMPLES[Qt.PenStyle.DashLine] + "✚")

    def update_trends(self, trends: Trends) -> None:
        self.weeks = trends.weeks
        x = [week.timestamp for week in self.weeks]
        self.bars.setOpts(
            x=x,
            height=[week.sessions for week in self.weeks],
            width=(DAYS_PER_WEEK if len(x) > THIN_OUTLINE_WEEKS else BAR_DAYS) * DAY_SECONDS,
            pen=self._outline(),
        )
        self.feed(self.target, x, [week.target for week in self.weeks])
        self.set_y_span(0, max((max(w.sessions, w.target) for w in self.weeks), default=1))
        self.set_points(x, self._say)

    def marker_y(self, index: int) -> float:
        return float(self.weeks[index].sessions)

    def _say(self, index: int) -> str:
        week = self.weeks[index]
        return tr("Week of {day}: {done} of {target} sessions").format(
            day=words.short_date(week.monday), done=week.sessions, target=week.target
        )


class AlsfrsChart(TrendChart):
    """The ALSFRS-R total and its four parts, rating by rating.

    One plot rather than two, so a fall in one part lines up with the total's: the total
    reads on the left scale (0-48), the parts on the right one (0-12), drawn four times as
    tall so that a point of a part is as high as a point of the total would be. The legend
    and the line under the plot say which scale is which, and the line says every value.
    """

    def __init__(self) -> None:
        super().__init__(
            tr("ALSFRS-R self-rating"),
            tr("Your ALSFRS-R ratings will show here, once you rate how you are doing (Settings)."),
            tr("Total (0-48)"),
            CountAxis("left", 0, MAX_TOTAL, (PART_MAX, 2 * PART_MAX, MAX_TOTAL)),
        )
        self.total = self.curve(tr("Total (left scale)"), BLUE, Qt.PenStyle.SolidLine, "o")
        self.add_to_legend(tr("Parts (right scale, 0-12):"), BLUE, "")
        self.parts = {
            domain: self.curve(tr(name), colour, style, symbol)
            for domain, (name, colour, style, symbol) in PART_STYLES.items()
        }
        right = CountAxis("right", 0, PART_MAX, (3, 6, PART_MAX), PART_SCALE)
        self.plot.getPlotItem().setAxisItems({"right": right})
        self.plot.showAxis("right")
        right.setLabel(tr("Each part (0-12)"))
        self.style_axis(right)
        self.set_y_span(0, MAX_TOTAL)
        self.entries: Sequence[Entry] = ()
        self.set_palette(LIGHT)

    def update_trends(self, trends: Trends) -> None:
        self.entries = trends.alsfrs
        x = [entry.entered_at.timestamp() for entry in self.entries]
        self.feed(self.total, x, [entry.total for entry in self.entries])
        for domain, item in self.parts.items():
            self.feed(item, x, [entry.subscore(domain) * PART_SCALE for entry in self.entries])
        self.set_points(x, self._say)

    def marker_y(self, index: int) -> float:
        return float(self.entries[index].total)

    def _say(self, index: int) -> str:
        entry = self.entries[index]
        who = {
            EnteredBy.PATIENT: tr("rated by you"),
            EnteredBy.CAREGIVER: tr("rated by a caregiver"),
            EnteredBy.CLINICIAN: tr("rated by a clinician"),
        }[entry.entered_by]
        parts = ", ".join(
            f"{tr(PART_STYLES[domain][0])} {score}" for domain, score in entry.subscores().items()
        )
        return tr("{day}: total {total} of 48, {who}; {parts}").format(
            day=words.short_date(entry.day), total=entry.total, who=who, parts=parts
        )
