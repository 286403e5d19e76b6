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
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
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
PLOT_HEIGHT = 240
DATE_AXIS_PX = AXIS_FONT_PX * 2 + 8
DAY_SECONDS = 86_400
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
    """Dates spaced for large tick labels: ticks are chosen as if the axis were shorter."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        return super().tickValues(minVal, maxVal, size / 2)


class TrendChart(QWidget):
    """A titled plot with dates along the bottom, a focusable marked point and its words.

    Subclasses create their items, then call `set_palette` once to colour everything.
    """

    def __init__(self, title: str, empty_text: str, y_label: str) -> None:
        super().__init__()
        self.palette_ = LIGHT
        self.x = np.empty(0)
        self.describe: Callable[[int], str] = lambda index: ""
        self.index = -1
        self.title = label(title, "subtitle")
        self.empty = label(empty_text, "body")
        self.value = label("", "body")
        self.plot = pg.PlotWidget(axisItems={"bottom": DateAxis()})
        self.plot.setMinimumHeight(PLOT_HEIGHT)
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
        font = QFont()
        font.setPixelSize(AXIS_FONT_PX)
        for side in ("left", "bottom", "right"):
            axis = self.plot.getAxis(side)
            axis.setStyle(tickFont=font, tickTextOffset=8)
            axis.label.setFont(font)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.legend, self.plot, self.value, self.empty):
            layout.addWidget(widget)

    def set_palette(self, palette: Palette) -> None:
        self.palette_ = palette
        self.plot.setBackground(palette.background)
        for side in ("left", "bottom", "right"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(palette.text, width=2))
            axis.setTextPen(pg.mkPen(palette.text))
        self.marker.setPen(pg.mkPen(palette.focus, width=LINE_WIDTH))
        self.marker.setBrush(None)

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
        )
        self.highest = self.curve(tr("Highest"), VERMILLION, Qt.PenStyle.SolidLine, "o")
        self.mean = self.curve(tr("Average"), BLUE, Qt.PenStyle.DashLine, "s")
        self.stops = self.markers(tr("Stopped early"), ORANGE, "x")
        self.symptoms = self.markers(tr("Symptom"), PURPLE, "t1")
        self.plot.setYRange(-1.5, 11.5, padding=0)
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
        highest = max((max(w.sessions, w.target) for w in self.weeks), default=1)
        self.plot.setYRange(0, highest + 0.5, padding=0)
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
            tr(
                "Your ALSFRS-R ratings will show here, once you rate how you are doing "
                "(Settings)."
            ),
            tr("Total (0-48)"),
        )
        self.total = self.curve(tr("Total (left scale)"), BLUE, Qt.PenStyle.SolidLine, "o")
        self.add_to_legend(tr("Parts (right scale, 0-12):"), BLUE, "")
        self.parts = {
            domain: self.curve(tr(name), colour, style, symbol)
            for domain, (name, colour, style, symbol) in PART_STYLES.items()
        }
        self.plot.showAxis("right")
        right = self.plot.getAxis("right")
        right.setLabel(tr("Each part (0-12)"))
        right.setTicks([[(v * PART_SCALE, str(v)) for v in range(0, PART_MAX + 1, 3)]])
        self.plot.getAxis("left").setTicks(
            [[(v, str(v)) for v in range(0, MAX_TOTAL + 1, PART_MAX)]]
        )
        self.plot.setYRange(-2, MAX_TOTAL + 2, padding=0)
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
