"""The words and tables of the clinic report, as the HTML subset Qt's text layout reads.

Qt's QTextDocument lays this out and breaks it into pages (a table carries on over a page
with its header row repeated, and no line of text is ever cut), so the report needs no
layout code of its own. The charts are images the caller adds under the names in
`CHARTS`. Words are plain and calm, for a patient and a therapist reading together; the
headline is adherence, the number a therapist asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from alshome.domain import alsfrs
from alshome.domain.alsfrs import Domain
from alshome.domain.safety import CarryOver
from alshome.domain.session import SessionStatus
from alshome.operations.reports import ReportFigures
from alshome.ui import words

WEEKLY_TABLE_MAX_WEEKS = 26  # longer ranges are tabled by month
CHARTS = ("adherence", "fatigue", "work", "alsfrs")  # image names, in `chart:<name>` URLs
STYLE = """
h1 { font-size: 20pt; margin-bottom: 4pt; }
h2 { font-size: 15pt; margin-top: 60px; margin-bottom: 12px; }
p { margin-top: 2pt; margin-bottom: 4pt; }
th { background-color: #e8e8e8; text-align: left; }
.note { color: #444444; }
"""


def tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def day_text(day) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def month_text(day) -> str:
    return QLocale().toString(QDate(day.year, day.month, 1), "MMMM yyyy")


def number(value: float | None, places: int = 1) -> str:
    return "–" if value is None else words.decimal(value, places)


def signed(value: float) -> str:
    """A change with its sign, as the language writes numbers: +0.50 or -1,25."""
    return ("+" if value >= 0 else "") + words.decimal(value, 2)


def report_html(figures: ReportFigures, chart_sizes: dict[str, tuple[int, int]]) -> str:
    """The whole report; `chart_sizes` gives each chart's image (by URL) its size on paper."""

    def chart(name: str) -> str:
        width, height = chart_sizes[f"chart:{name}"]
        return f'<p><img src="chart:{name}" width="{width}" height="{height}"></p>'

    parts = [f"<style>{STYLE}</style>", *_heading(figures)]
    if figures.trends.empty:
        parts.append(f"<h2>{tr('Sessions')}</h2>")
        parts.append(f"<p>{tr('There were no sessions in this period.')}</p>")
    else:
        parts += _programs(figures)
        parts += _adherence(figures)
        parts.append(chart("adherence"))
        parts += _fatigue(figures)
        parts.append(chart("fatigue"))
        parts += _stops(figures)
        parts += _work(figures, chart("work"))
    parts += _carry_over(figures)
    parts += _ratings(figures, chart)
    return "\n".join(parts)


def _heading(figures: ReportFigures) -> list[str]:
    name = figures.patient_name.strip() or tr("(no name given)")
    return [
        f"<h1>{tr('Home exercise report')}</h1>",
        f"<p><b>{escape(name)}</b></p>",
        "<p>"
        + tr("From {first} to {last}").format(
            first=day_text(figures.first), last=day_text(figures.last)
        )
        + "</p>",
        "<p class='note'>"
        + tr(
            "The program comes from your therapist. These are the figures the app recorded "
            "at home, to talk over together."
        )
        + "</p>",
    ]


def _programs(figures: ReportFigures) -> list[str]:
    counts = figures.status_counts()
    summary = tr(
        "{sessions} sessions started: {completed} completed, {tired} stopped when tired, "
        "{symptom} stopped for a symptom, {other} interrupted or not finished."
    ).format(
        sessions=len(figures.sessions),
        completed=counts[SessionStatus.COMPLETED],
        tired=counts[SessionStatus.STOPPED_TIRED],
        symptom=counts[SessionStatus.STOPPED_SYMPTOM],
        other=counts[SessionStatus.INTERRUPTED] + counts[SessionStatus.IN_PROGRESS],
    )
    rows = [
        (
            escape(use.name),
            str(use.version),
            "–" if use.weekly_target is None else str(use.weekly_target),
            str(use.sessions),
            day_text(use.first_day),
            day_text(use.last_day),
        )
        for use in figures.programs
    ]
    headers = (tr("Program"), tr("Version"), tr("Target a week"), tr("Sessions"))
    return [
        f"<h2>{tr('Program followed')}</h2>",
        f"<p>{summary}</p>",
        table((*headers, tr("First"), tr("Last")), rows),
    ]


def _adherence(figures: ReportFigures) -> list[str]:
    lines = [
        f"<h2>{tr('Sessions against the weekly target')}</h2>",
        "<p>"
        + tr("The target was met in {met} of {weeks} weeks.").format(
            met=figures.weeks_met, weeks=len(figures.weeks)
        )
        + "</p>",
    ]
    if len(figures.weeks) <= WEEKLY_TABLE_MAX_WEEKS:
        rows = [
            (
                day_text(week.monday),
                str(week.sessions),
                str(week.target),
                tr("yes") if week.met else tr("no"),
            )
            for week in figures.weeks
        ]
        headers = (tr("Week of"), tr("Sessions"), tr("Target"), tr("Target met"))
    else:
        rows = [
            (
                month_text(month.month),
                str(month.sessions),
                tr("{met} of {weeks}").format(met=month.weeks_met, weeks=month.weeks),
            )
            for month in figures.months()
        ]
        headers = (tr("Month (weeks by their Monday)"), tr("Sessions"), tr("Weeks target met"))
    lines.append(table(headers, rows))
    return lines


def _fatigue(figures: ReportFigures) -> list[str]:
    stats = figures.fatigue
    lines = [f"<h2>{tr('Tiredness (0 to 10, rated after each set)')}</h2>"]
    if stats.rated_sessions == 0:
        return [*lines, f"<p>{tr('No tiredness was rated in this period.')}</p>"]
    trend = {
        None: tr("not enough ratings to say"),
        "steady": tr("steady"),
        "rising": tr("rising by {n} a month"),
        "falling": tr("falling by {n} a month"),
    }[stats.trend].format(n=number(abs(stats.trend_per_month or 0.0), 2))
    rows = [
        (tr("Sessions with a rating"), str(stats.rated_sessions)),
        (tr("Highest rating in a session, on average"), number(stats.mean_highest)),
        (tr("Highest rating in a session, median"), number(stats.median_highest)),
        (tr("Highest rating of the period"), str(stats.highest)),
        (tr("Average rating in a session, on average"), number(stats.mean_average)),
        (tr("Trend of the highest rating"), trend),
    ]
    return [*lines, table((tr("Figure"), tr("Value")), rows)]


def _stops(figures: ReportFigures) -> list[str]:
    stops = figures.early_stops()
    symptoms = [
        f"{words.symptom(symptom)} {n}" for symptom, n in figures.symptom_counts().items() if n
    ]
    lines = [
        f"<h2>{tr('Early stops and symptoms')}</h2>",
        "<p>"
        + tr("Stopped when tired: {tired}. Stopped for a symptom: {symptom}.").format(
            tired=stops["tired"], symptom=stops["symptom"]
        )
        + "</p>",
        "<p>"
        + (
            tr("Sessions with each symptom: {list}.").format(list=", ".join(symptoms))
            if symptoms
            else tr("No symptom was reported.")
        )
        + "</p>",
    ]
    notable = [s for s in figures.sessions if s.stopped_early or s.symptoms]
    if notable:
        rows = [
            (
                day_text(session.local_day),
                words.status(session.status),
                "–" if session.highest_fatigue is None else str(session.highest_fatigue),
                ", ".join(words.symptom(symptom) for symptom in session.symptoms) or "–",
            )
            for session in notable
        ]
        headers = (tr("Date"), tr("How it ended"), tr("Highest tiredness"), tr("Symptoms"))
        lines.append(table(headers, rows))
    return lines


def _work(figures: ReportFigures, chart: str) -> list[str]:
    heading = f"<h2>{tr('Work done')}</h2>"
    if figures.trends.endurance_minutes or figures.trends.resistance:
        return [heading, chart]
    return [heading, f"<p>{tr('No cycling or strengthening was recorded in this period.')}</p>"]


def _carry_over(figures: ReportFigures) -> list[str]:
    counts = figures.carry_over_counts()
    lines = [f"<h2>{tr('Still tired or sore from last time')}</h2>"]
    if not figures.carry_over:
        return [*lines, f"<p>{tr('The question was not answered in this period.')}</p>"]
    lines.append(
        "<p>"
        + tr("Asked {asked} times: fine {fine}, still tired {tired}, still sore {sore}.").format(
            asked=len(figures.carry_over),
            fine=counts[CarryOver.FINE],
            tired=counts[CarryOver.TIRED],
            sore=counts[CarryOver.SORE],
        )
        + "</p>"
    )
    answers = {CarryOver.TIRED: tr("still tired"), CarryOver.SORE: tr("still sore")}
    rows = [
        (
            day_text(report.day),
            answers[report.answer],
            tr("rested that day") if report.rested else tr("did a session"),
        )
        for report in figures.carry_over
        if report.answer.still_affected
    ]
    if rows:
        lines.append(table((tr("Date"), tr("Answer"), tr("Then")), rows))
    return lines


def _ratings(figures: ReportFigures, chart: Callable[[str], str]) -> list[str]:
    ratings = figures.ratings
    lines = [f"<h2>{tr('ALSFRS-R self-rating')}</h2>"]
    if not ratings.entries:
        return [*lines, f"<p>{tr('No self-rating was made in this period.')}</p>"]
    lines.append(
        "<p class='note'>"
        + tr(
            "Rated at home with the app's own short labels. Total out of 48, each part out "
            "of 12. dFS is the points lost a month since the first symptoms."
        )
        + "</p>"
    )
    lines.append(chart("alsfrs"))
    who = {
        alsfrs.EnteredBy.PATIENT: tr("patient"),
        alsfrs.EnteredBy.CAREGIVER: tr("caregiver"),
        alsfrs.EnteredBy.CLINICIAN: tr("clinician"),
    }
    rows = [
        (
            day_text(entry.day),
            who[entry.entered_by],
            str(entry.total),
            *(str(entry.subscore(domain)) for domain in Domain),
            number(alsfrs.pre_slope(entry), 2),
        )
        for entry in ratings.entries
    ]
    parts = (tr("Speech and swallowing"), tr("Hands"), tr("Walking and turning"), tr("Breathing"))
    lines.append(table((tr("Date"), tr("By"), tr("Total"), *parts, tr("dFS")), rows))
    lines.append(f"<p>{_slope_sentence(figures)}</p>")
    return lines


def _slope_sentence(figures: ReportFigures) -> str:
    ratings = figures.ratings
    bands = {
        alsfrs.Progression.SLOW: tr("slow"),
        alsfrs.Progression.INTERMEDIATE: tr("intermediate"),
        alsfrs.Progression.FAST: tr("fast"),
    }
    if ratings.slope_per_month is None:
        sentence = tr("A change per month needs ratings on two different days.")
    else:
        sentence = tr("Change over this period: {slope} points a month ({band}).").format(
            slope=signed(ratings.slope_per_month), band=bands[ratings.slope_progression]
        )
    if ratings.latest_dfs is not None:
        sentence += " " + tr("Latest dFS: {dfs} ({band}).").format(
            dfs=number(ratings.latest_dfs, 2), band=bands[ratings.dfs_progression]
        )
    return sentence


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A full-width table whose header row repeats on each page it runs onto."""
    head = "".join(f"<th>{header}</th>" for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        f'style="border-collapse: collapse;"><thead><tr>{head}</tr></thead>{body}</table>'
    )
