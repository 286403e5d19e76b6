"""The history: every session, newest first, the trend charts, and one session's sets.

For the patient it shows their own effort; for the therapist, adherence, tiredness and
symptoms at a glance. Three pages share one screen: the sessions, the charts, and a
session's detail. Range buttons (4 weeks, 3 months, a year, all) narrow the sessions and
the charts together. The figures come from `alshome.domain.trends`, so a report prints the same.

pyqtgraph (with numpy) is imported when the charts are first built, the first time this
screen opens, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from alshome.domain.trends import SessionSummary, Span, Trends, trends
from alshome.ui.announce import announce
from alshome.ui.failure_text import explain
from alshome.ui.screens.base import SPACING, Screen, row
from alshome.ui.screens.history_rows import LinesModel, RowList, session_lines, set_lines
from alshome.ui.theme import LIGHT, Palette
from alshome.ui.widgets import FitLabel, PageStack, button, label, set_text, ticked, toggle
from alshome.ui.widgets.scrolling import column_of, scrolled

if TYPE_CHECKING:
    from alshome.domain.alsfrs import Entry
    from alshome.domain.recorded import StoredSet
    from alshome.ui.charts import TrendChart
    from alshome.ui.window_services import ReportWriter

SPANS: dict[Span, str] = {
    Span.FOUR_WEEKS: QT_TRANSLATE_NOOP("History", "4 weeks"),
    Span.THREE_MONTHS: QT_TRANSLATE_NOOP("History", "3 months"),
    Span.YEAR: QT_TRANSLATE_NOOP("History", "A year"),
    Span.ALL: QT_TRANSLATE_NOOP("History", "All"),
}


class HistoryRecords(Protocol):
    """What the history screen reads: the repository, once the history is open."""

    def session_summaries(self) -> list[SessionSummary]: ...

    def session_sets(self, uuid: str) -> list[StoredSet]: ...

    def alsfrs_entries(self) -> list[Entry]: ...


def span_name(span: Span) -> str:
    return QCoreApplication.translate("History", SPANS[span])


class HistoryScreen(Screen):
    """Sessions, charts and a session's sets; Back leaves the detail, then the screen."""

    def __init__(
        self,
        records: Callable[[], HistoryRecords],
        on_home: Callable[[], None],
        write_report: ReportWriter | None = None,
    ) -> None:
        super().__init__(self.tr("Your history"))
        self.records = records
        self.write_report = write_report
        self.on_home = on_home
        self.palette_ = LIGHT
        self.span = Span.THREE_MONTHS
        self.summaries: Sequence[SessionSummary] = ()
        self.alsfrs: Sequence[Entry] = ()
        self.now = datetime.now().astimezone()
        self.default_target = 2
        self.trends = trends((), self.default_target)
        self.charts: list[TrendChart] = []

        self.spans = {
            span: toggle(
                span_name(span),
                lambda span=span: self.pick_span(span),
                self.tr("Show {span}").format(span=span_name(span)),
            )
            for span in Span
        }
        self.overview = FitLabel("", "body", floor=20, grow=False)
        self.sessions_model = LinesModel(session_lines)
        self.sessions = RowList(self.tr("Sessions, newest first"), self.open_session)
        self.sessions.setModel(self.sessions_model)
        self.no_sessions = label(
            self.tr("Each session you do will show here, newest first."), "body"
        )
        self.list_page = self._page(self.sessions, self.no_sessions)
        self.charts_column = QVBoxLayout()
        self.charts_page = self._charts_page()
        self.detail_heading = FitLabel("", "body", floor=20, grow=False)
        self.detail_outline = FitLabel("", "body", floor=20, grow=False)
        self.sets_model = LinesModel(set_lines)
        self.sets = RowList(self.tr("Every set of this session"), lambda row: None)
        self.sets.setModel(self.sets_model)
        self.no_sets = label(self.tr("No set was recorded in this session."), "body")
        self.detail_page = self._page(
            self.detail_heading, self.detail_outline, self.sets, self.no_sets
        )
        self.pages = PageStack()
        for page in (self.list_page, self.charts_page, self.detail_page):
            self.pages.addWidget(page)

        self.show_list = toggle(
            self.tr("Sessions"), self.open_list, self.tr("Show the list of sessions")
        )
        self.show_charts = toggle(self.tr("Charts"), self.open_charts, self.tr("Show the charts"))
        self.back = button(
            self.tr("Back"),
            self.go_back,
            role="large",
            description=self.tr("Back to the list from a session, else back home."),
        )
        self.report = button(
            self.tr("Clinic report"),
            self.save_report,
            description=self.tr("Save a PDF of the range shown, to bring to your therapist."),
        )
        self.report.setVisible(write_report is not None)
        self.primary = self.back
        heading = QHBoxLayout()
        heading.setSpacing(SPACING * 2)
        heading.addWidget(label(self.tr("Your history"), "title", wrap=False))
        heading.addLayout(row(*self.spans.values()), 1)
        self.layout_.addLayout(heading)
        self.layout_.addWidget(self.overview)
        self.layout_.addWidget(self.pages, 1)
        self.layout_.addLayout(row(self.show_list, self.show_charts, self.report, self.back))
        self._tick_spans()

    @staticmethod
    def _page(*widgets: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        for widget in widgets:
            layout.addWidget(widget, 0 if isinstance(widget, QLabel) else 1)
        return page

    def _charts_page(self) -> QWidget:
        content = QWidget()
        self.charts_column = column_of(content)
        self.charts_column.addStretch(1)
        self.charts_area = scrolled(content)
        self.charts_area.viewport().installEventFilter(self)
        return self._page(self.charts_area)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The charts take the height of their scrolling area whenever it changes, and a
        chart that takes the focus is scrolled into view."""
        if watched is self.charts_area.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_charts()
        elif event.type() == QEvent.Type.FocusIn:
            for chart in self.charts:
                if watched is chart.plot:
                    self.bring_into_view(chart)
        return super().eventFilter(watched, event)

    def bring_into_view(self, chart: TrendChart) -> None:
        """Scroll as little as needed to show `chart` whole, or, when it is taller than the
        area, its plot whole with as much above and below as fits.

        The scroll area's own `ensureWidgetVisible` would show only the plot's focus item.
        """
        content = self.charts_area.widget()
        bar = self.charts_area.verticalScrollBar()
        view = self.charts_area.viewport().height()
        top = chart.mapTo(content, QPoint(0, 0)).y()
        bottom = top + chart.height()
        plot_top = chart.plot.mapTo(content, QPoint(0, 0)).y()
        plot_bottom = plot_top + chart.plot.height()
        value = bar.value()
        if bottom - top <= view:
            value = min(max(value, bottom - view), top)
        else:
            value = min(max(value, plot_bottom - view), plot_top)
        bar.setValue(value)

    def fit_charts(self) -> None:
        """Each chart as tall as the area that scrolls them, or less: a chart focused is
        brought into view whole, its dates with it (see `TrendChart.fit_height`)."""
        height = self.charts_area.viewport().height()
        for chart in self.charts:
            chart.fit_height(height)

    # ----- what is shown -----------------------------------------------------------------

    def show_history(
        self, summaries: Sequence[SessionSummary], now: datetime, default_target: int
    ) -> None:
        """Every session (oldest first, as the repository reads them), shown from `now`,
        with the ALSFRS-R ratings read afresh (one query: a few hundred rows at most)."""
        self.summaries = summaries
        self.alsfrs = self.records().alsfrs_entries()
        self.now = now
        self.default_target = default_target
        self.build_charts()
        self._refigure()
        self.open_charts()

    def pick_span(self, span: Span) -> None:
        self.span = span
        self._tick_spans()
        self._refigure()

    def _tick_spans(self) -> None:
        for span, each in self.spans.items():
            each.setChecked(span is self.span)
            set_text(each, ticked(span_name(span), span is self.span))
            each.setAccessibleName(self.tr("Show {span}").format(span=span_name(span)))

    def _refigure(self) -> None:
        today = self.now.astimezone().date()
        first = self.span.first_day(today)
        self.trends = trends(self.summaries, self.default_target, first, today, self.alsfrs)
        self.sessions_model.set_items(self.trends.newest_first)
        shown = not self.trends.empty
        self.sessions.setVisible(shown)
        self.no_sessions.setVisible(not shown)
        if shown:
            self.sessions.select_row(0)
        set_text(self.overview, self._overview(self.trends))
        for chart in self.charts:
            chart.update_trends(self.trends)

    def _overview(self, figures: Trends) -> str:
        if figures.empty:
            return self.tr("No sessions in this time.")
        weeks = figures.weeks
        return self.tr(
            "{sessions} sessions · target met in {met} of {weeks} weeks · {stops} stopped early"
        ).format(
            sessions=len(figures.sessions),
            met=sum(1 for week in weeks if week.met),
            weeks=len(weeks),
            stops=len(figures.early_stops),
        )

    # ----- the charts ----------------------------------------------------------------------

    def build_charts(self) -> None:
        """The charts, made once, the first time the history opens."""
        if self.charts:
            return
        from alshome.ui.charts import AdherenceChart, AlsfrsChart, FatigueChart, WorkChart

        for chart in (AdherenceChart(), FatigueChart(), WorkChart(), AlsfrsChart()):
            self.add_chart(chart)

    def add_chart(self, chart: TrendChart) -> None:
        """One more chart under the others; it gets every range's figures through
        `update_trends(trends)` and follows the colours."""
        self.charts.append(chart)
        self.charts_column.insertWidget(self.charts_column.count() - 1, chart)
        chart.set_palette(self.palette_)
        chart.update_trends(self.trends)
        chart.fit_height(self.charts_area.viewport().height())
        chart.plot.installEventFilter(self)

    def set_palette(self, palette: Palette) -> None:
        self.palette_ = palette
        self.sessions.set_palette(palette)
        self.sets.set_palette(palette)
        for chart in self.charts:
            chart.set_palette(palette)

    # ----- the clinic report ---------------------------------------------------------------

    def save_report(self) -> None:
        """Ask where to save the report of the range shown, write it, and say where."""
        from alshome.operations.reports import report_figures, report_file_name

        today = self.now.astimezone().date()
        oldest = self.summaries[0].local_day if self.summaries else today
        first = self.span.first_day(today) or min(oldest, today)
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the clinic report"),
            str(Path.home() / report_file_name(first, today)),
            self.tr("PDF files (*.pdf)"),
            options=QFileDialog.Option.DontUseNativeDialog,  # Qt's own: keys and switches work
        )
        if not path or self.write_report is None:
            return
        try:
            figures = report_figures(self.records(), first, today, today, self.default_target)
            self.write_report(Path(path), figures)
        except Exception as error:
            sentence = explain(error)
            if sentence is None:
                raise
            set_text(self.overview, sentence)
            return
        set_text(self.overview, self.tr("The clinic report is saved in {path}.").format(path=path))
        announce(self.overview, self.overview.text())

    # ----- moving between the pages ------------------------------------------------------

    def open_list(self) -> None:
        self._show_page(self.list_page)

    def open_charts(self) -> None:
        self._show_page(self.charts_page)

    def open_session(self, row: int) -> None:
        """The sets of the session at `row` of the list (newest first)."""
        session = self.trends.newest_first[row]
        self.sessions.select_row(row)
        first, second = session_lines(session)
        set_text(self.detail_heading, first)
        set_text(self.detail_outline, second)
        sets = self.records().session_sets(session.uuid)
        self.sets_model.set_items(sets)
        self.sets.setVisible(bool(sets))
        self.no_sets.setVisible(not sets)
        if sets:
            self.sets.select_row(0)
        self._show_page(self.detail_page)

    def go_back(self) -> None:
        if self.pages.currentWidget() is self.detail_page:
            self.open_list()
        else:
            self.on_home()

    def _show_page(self, page: QWidget) -> None:
        """Show `page`; a session's sets leave the range and its figures out, for room."""
        self.pages.setCurrentWidget(page)
        for widget in (self.overview, *self.spans.values()):
            widget.setVisible(page is not self.detail_page)
        self.show_list.setChecked(page is self.list_page)
        self.show_charts.setChecked(page is self.charts_page)
        set_text(self.show_list, ticked(self.tr("Sessions"), page is self.list_page))
        set_text(self.show_charts, ticked(self.tr("Charts"), page is self.charts_page))
        self.show_list.setAccessibleName(self.tr("Show the list of sessions"))
        self.show_charts.setAccessibleName(self.tr("Show the charts"))
        target = self.first_focus()
        if target is not None and self.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def first_focus(self) -> QWidget | None:
        """The list's current row, the newest chart point, or a session's first set."""
        page = self.pages.currentWidget()
        if page is self.list_page and self.sessions.isVisibleTo(self):
            return self.sessions
        if page is self.detail_page and self.sets.isVisibleTo(self):
            return self.sets
        if page is self.charts_page and self.charts and not self.trends.empty:
            return self.charts[0].plot
        return self.back

    def activate_primary(self) -> None:
        """Enter on a session in the list opens its sets; elsewhere it does nothing here
        (on a button the keyboard contract presses that button)."""
        if self.sessions.hasFocus() and self.sessions.currentIndex().isValid():
            self.open_session(self.sessions.currentIndex().row())
