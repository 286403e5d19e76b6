"""The words and tables of the clinic report, as the HTML subset Qt's text layout reads.

Qt's QTextDocument lays this out and breaks it into pages (a table carries on over a page
with its header row repeated, and no line of text is ever cut), so the report needs no
layout code of its own. The charts are images the caller adds under the names in
`CHARTS`. Words are plain and calm, for a patient and a therapist reading together.

Page one is for a therapist with a minute before a visit: what needs attention (the
flags, each with its evidence), then the key figures at a glance. The sections follow in
the same order, each heading kept on the page of its chart: adherence, tiredness,
symptoms and early stops, ALSFRS-R, each exercise, then the programs followed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from alshome.domain import alsfrs
from alshome.domain.alsfrs import Domain
from alshome.domain.attention import Evidence, Flag, Severity, Source
from alshome.domain.program import LoadUnit, Mover
from alshome.domain.safety import CarryOver
from alshome.domain.session import SessionStatus
from alshome.operations.attention_words import sentence
from alshome.operations.report_exercises import ExerciseFigures
from alshome.operations.reports import ReportFigures
from alshome.ui import words
from alshome.ui.screens.history_rows import set_target

WEEKLY_TABLE_MAX_WEEKS = 26  # longer ranges are tabled by month
CHARTS = ("adherence", "fatigue", "work", "alsfrs")  # image names, in `chart:<name>` URLs
STYLE = """
h1 { font-size: 20pt; margin-bottom: 4pt; }
h2 { font-size: 15pt; margin-top: 60px; margin-bottom: 12px; }
p { margin-top: 2pt; margin-bottom: 4pt; }
th { background-color: #e8e8e8; text-align: left; }
.note { color: #444444; }
.urgent { color: #a00000; font-weight: bold; }
.soon { color: #7a4a00; font-weight: bold; }
"""


def tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def attention_tr(text: str) -> str:
    return QCoreApplication.translate("Attention", text)


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

    parts = [f"<style>{STYLE}</style>", *_heading(figures), *_attention(figures)]
    parts += _at_a_glance(figures)
    if figures.trends.empty:
        parts.append(f"<h2>{tr('Sessions')}</h2>")
        parts.append(f"<p>{tr('There were no sessions in this period.')}</p>")
    else:
        parts += _adherence(figures, chart("adherence"))
        parts += _fatigue(figures, chart("fatigue"))
        parts += _stops(figures)
    parts += _carry_over(figures)
    parts += _ratings(figures, chart)
    if not figures.trends.empty:
        parts += _exercises(figures, [chart("work")] if "chart:work" in chart_sizes else [])
        parts += _programs(figures)
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


def _adherence(figures: ReportFigures, chart: str) -> list[str]:
    lines = [
        f"<h2>{tr('Sessions against the weekly target')}</h2>",
        "<p>"
        + tr("The target was met in {met} of {weeks} weeks.").format(
            met=figures.weeks_met, weeks=len(figures.weeks)
        )
        + "</p>",
        chart,
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


def _fatigue(figures: ReportFigures, chart: str) -> list[str]:
    stats = figures.fatigue
    lines = [f"<h2>{tr('Tiredness (0 to 10, rated after each set)')}</h2>"]
    if stats.rated_sessions == 0:
        return [*lines, f"<p>{tr('No tiredness was rated in this period.')}</p>"]
    lines.append(chart)
    rows = [
        (tr("Sessions with a rating"), str(stats.rated_sessions)),
        (tr("Highest rating in a session, on average"), number(stats.mean_highest)),
        (tr("Highest rating in a session, median"), number(stats.median_highest)),
        (tr("Highest rating of the period"), str(stats.highest)),
        (tr("Average rating in a session, on average"), number(stats.mean_average)),
        (tr("Trend of the highest rating"), _fatigue_trend(figures)),
    ]
    return [*lines, table((tr("Figure"), tr("Value")), rows)]


def _fatigue_trend(figures: ReportFigures) -> str:
    stats = figures.fatigue
    return {
        None: tr("not enough ratings to say"),
        "steady": tr("steady"),
        "rising": tr("rising by {n} a month"),
        "falling": tr("falling by {n} a month"),
    }[stats.trend].format(n=number(abs(stats.trend_per_month or 0.0), 2))


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


SEVERITY_CLASSES = {Severity.URGENT: "urgent", Severity.SOON: "soon", Severity.ROUTINE: "routine"}


def severity_text(severity: Severity) -> str:
    return {
        Severity.URGENT: tr("Urgent"),
        Severity.SOON: tr("Soon"),
        Severity.ROUTINE: tr("Routine"),
    }[severity]


def evidence_kind(source: Source) -> str:
    """What a flag's evidence of `source` is, with the place for its days."""
    return {
        Source.SESSION: tr("Sessions: {days}"),
        Source.CARRY_OVER: tr("Answers before a session: {days}"),
        Source.LIFT_CHECK: tr("Lift checks: {days}"),
        Source.ALSFRS: tr("ALSFRS-R ratings: {days}"),
        Source.PROGRAM: tr("Program given: {days}"),
    }[source]


def movers_text(movers: dict[Mover, int]) -> str:
    """The sets done by each mover, for a clinician: "alone 12, helped 3"."""
    texts = {
        Mover.PATIENT: tr("alone {n}"),
        Mover.ASSISTED: tr("helped {n}"),
        Mover.CAREGIVER: tr("by the caregiver {n}"),
    }
    return ", ".join(texts[mover].format(n=n) for mover, n in movers.items() if n) or "–"


def _attention(figures: ReportFigures) -> list[str]:
    """The flags, most urgent first, each in one sentence with the records behind it."""
    lines = [f"<h2>{tr('What needs attention')}</h2>"]
    day = day_text(min(figures.last, figures.made_on))
    if not figures.attention:
        return [*lines, f"<p>{tr('Nothing is flagged on {day}.').format(day=day)}</p>"]
    lines.append(
        "<p class='note'>"
        + tr("As of {day}, the most urgent first.").format(day=day)
        + "</p>"
    )
    rows = [
        (
            f"<span class='{SEVERITY_CLASSES[flag.severity]}'>"
            f"{severity_text(flag.severity)}</span>",
            escape(sentence(flag, attention_tr, day_text)),
            escape(evidence_text(flag)),
        )
        for flag in figures.attention
    ]
    headers = (tr("How soon"), tr("Why"), tr("Evidence"))
    return [*lines, table(headers, rows, widths=(14, 52, 34))]


def evidence_text(flag: Flag) -> str:
    """The records behind a flag by kind, each with its days: "Sessions: 6 Jan 2026"."""
    kinds: dict[Source, list[Evidence]] = {}
    for item in flag.evidence:
        kinds.setdefault(item.source, []).append(item)
    parts = []
    for source, items in kinds.items():
        days = ", ".join(dict.fromkeys(day_text(item.day) for item in items))
        if source is Source.PROGRAM:
            days = ", ".join(f"{item.ref} ({day_text(item.day)})" for item in items)
        parts.append(evidence_kind(source).format(days=days))
    return "; ".join(parts)


def _at_a_glance(figures: ReportFigures) -> list[str]:
    """The key figures of each section, in the sections' order, on page one."""
    rows = []
    if not figures.trends.empty:
        rows.append(
            (
                tr("Sessions"),
                tr(
                    "{sessions} sessions, the last on {day}; the weekly target met in {met} of "
                    "{weeks} weeks"
                ).format(
                    sessions=len(figures.sessions),
                    day=day_text(figures.sessions[-1].local_day),
                    met=figures.weeks_met,
                    weeks=len(figures.weeks),
                ),
            )
        )
        if figures.fatigue.rated_sessions:
            rows.append(
                (
                    tr("Tiredness"),
                    tr("highest in a session {median} (median), {trend}").format(
                        median=number(figures.fatigue.median_highest),
                        trend=_fatigue_trend(figures),
                    ),
                )
            )
        stops = figures.early_stops()
        rows.append(
            (
                tr("Symptoms"),
                tr("sessions stopped for a symptom: {symptom}; when tired: {tired}").format(
                    symptom=stops["symptom"], tired=stops["tired"]
                ),
            )
        )
    ratings = figures.ratings
    if ratings.entries:
        latest = ratings.entries[-1]
        text = tr("latest {total} of 48 on {day}").format(
            total=latest.total, day=day_text(latest.day)
        )
        if ratings.slope_per_month is not None:
            text += "; " + tr("{slope} points a month").format(
                slope=signed(ratings.slope_per_month)
            )
        if ratings.latest_dfs is not None:
            text += "; " + tr("dFS {dfs}").format(dfs=number(ratings.latest_dfs, 2))
        rows.append((tr("ALSFRS-R"), text))
    if not rows:
        return []
    headers = (tr("Figure"), tr("In this period"))
    return [f"<h2>{tr('At a glance')}</h2>", table(headers, rows, widths=(20, 80))]


def _exercises(figures: ReportFigures, chart: list[str]) -> list[str]:
    """One row an exercise: sets planned against done, the load, who moved, the skips."""
    lines = [f"<h2>{tr('Each exercise')}</h2>", *chart]
    if not figures.exercises:
        return [*lines, f"<p>{tr('No set was recorded in this period.')}</p>"]
    lines.append(
        "<p class='note'>"
        + tr(
            "Sets done of those planned in the sessions that reached the exercise; a set "
            "skipped was offered and not done. The load is the heaviest of the sets done; "
            "who moved counts the sets done alone, with help, or by the caregiver."
        )
        + "</p>"
    )
    rows = [_exercise_row(exercise) for exercise in figures.exercises]
    headers = (
        tr("Exercise"),
        tr("Sessions"),
        tr("Sets done of planned"),
        tr("Skipped"),
        tr("Latest plan"),
        tr("Load"),
        tr("Who moved (sets)"),
    )
    return [*lines, table(headers, rows, widths=(18, 13, 14, 12, 15, 11, 17))]


def _exercise_row(exercise: ExerciseFigures) -> tuple[str, ...]:
    load = "–"
    if exercise.heaviest_load is not None and exercise.unit is not None:
        load = words.load(exercise.heaviest_load, LoadUnit(exercise.unit))
    return (
        escape(exercise.name),
        str(exercise.sessions),
        tr("{done} of {planned}").format(done=exercise.sets_done, planned=exercise.sets_planned),
        str(exercise.sets_skipped),
        words.target(set_target(exercise.latest_plan)),
        load,
        movers_text(exercise.movers),
    )


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[int] | None = None,
) -> str:
    """A full-width table whose header row repeats on each page it runs onto; `widths`
    gives each column its percentage of the page's width."""
    sized = widths or [None] * len(headers)
    head = "".join(
        f"<th>{header}</th>" if width is None else f'<th width="{width}%">{header}</th>'
        for header, width in zip(headers, sized, strict=True)
    )
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        f'style="border-collapse: collapse;"><thead><tr>{head}</tr></thead>{body}</table>'
    )
