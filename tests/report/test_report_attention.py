"""Page one of the report answers "what needs attention": the flags of the range's last
day, most urgent first, each in its sentence with its evidence; the JSON carries them.

The stored history (conftest.py) seen on 10 Jan 2026 has a session stopped for a cramp
four days before (urgent) and, between the ratings of June 2025 and 1 Jan 2026, the hands
and walking subscores down 2 points each; on 25 Jan the cramp is older than the 14 days a
stop stays flagged, and the breathing subscore fell from 12 to 10 on 15 Jan.
"""

from __future__ import annotations

from datetime import date

import pytest

from alshome.domain.attention import AttentionThresholds, Concern
from alshome.operations.reports import report_figures
from alshome.platform.paths import resolve_locations
from alshome.report.pdf import report_pdf
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.i18n.conftest import spanish  # noqa: F401 (a fixture)
from tests.report.conftest import FIRST, LAST
from tests.report.poppler import page_text, poppler, skip_without_poppler, written
from tests.report.test_report_figures import MADE_ON, figures_of

pytestmark = pytest.mark.databases("sqlite", "postgresql")
skip_without_poppler()

TENTH = date(2026, 1, 10)


def test_the_flags_are_those_of_the_last_day_of_the_range(report_history):
    """Not those of the day the report is made (1 Feb 2026), after the range."""
    on_the_tenth = figures_of(report_history, FIRST, TENTH).attention
    assert [flag.concern for flag in on_the_tenth] == [
        Concern.SYMPTOM_STOP,
        Concern.ALSFRS_DOMAIN_DROP,
        Concern.ALSFRS_DOMAIN_DROP,
    ]
    assert [flag.concern for flag in figures_of(report_history).attention] == [
        Concern.ALSFRS_DOMAIN_DROP
    ]


def test_page_one_names_each_flag_its_urgency_and_its_evidence(qapp, report_history, tmp_path):
    pdf = written(tmp_path, report_pdf(figures_of(report_history, FIRST, TENTH)), "flags.pdf")
    first = page_text(pdf, 1)
    assert "What needs attention As of 10 Jan 2026, the most urgent first." in first
    assert "Urgent Stopped a session for cramp on 6 Jan 2026. Sessions: 6 Jan 2026" in first
    assert "Soon Hands down 2 points, from 11 to 9, on 1 Jan 2026." in first
    assert "Soon Walking and turning down 2 points, from 12 to 10, on 1 Jan 2026." in first
    assert "ALSFRS-R ratings: 1 Jun 2025, 1 Jan 2026" in first
    assert first.index("What needs attention") < first.index("At a glance")
    assert "4 sessions, the last on 6 Jan 2026; the weekly target met in 1 of 3 weeks" in first


def test_a_range_without_flags_says_so_on_page_one(qapp, report_history, tmp_path):
    figures = figures_of(report_history, date(2025, 3, 3), date(2025, 3, 16))
    pdf = written(tmp_path, report_pdf(figures), "calm.pdf")
    assert "What needs attention Nothing is flagged on 16 Mar 2025." in page_text(pdf, 1)


def test_the_json_carries_the_flags_with_their_evidence(report_history):
    figures = figures_of(report_history, FIRST, TENTH)
    document = figures.as_json()
    stop, *drops = document["attention"]
    assert stop["concern"] == "symptom_stop"
    assert stop["severity"] == "urgent"
    assert stop["sentence"] == "Stopped a session for cramp on 6 Jan 2026."
    assert [(e["source"], e["date"]) for e in stop["evidence"]] == [("session", "2026-01-06")]
    assert stop["evidence"][0]["ref"] in {session.uuid for session in figures.sessions}
    assert [drop["severity"] for drop in drops] == ["soon", "soon"]
    assert drops[0]["evidence"][-1] == {
        "source": "alsfrs",
        "date": "2026-01-01",
        "ref": "2026-01-01T18:00:00+01:00",
    }


@pytest.mark.usefixtures("spanish")
def test_the_report_in_spanish_says_the_flags_in_spanish(qapp, report_history, tmp_path):
    figures = figures_of(report_history, FIRST, TENTH)
    pdf = written(tmp_path, report_pdf(figures), "es.pdf")
    first = page_text(pdf, 1)
    assert "Qué necesita atención" in first
    assert "Urgente" in first
    assert "calambre" in first
    assert "What needs attention" not in " ".join(poppler("pdftotext", pdf, "-").split())


def test_a_clinics_thresholds_decide_the_flags(report_history):
    """A clinic that flags a stop for a symptom for 30 days sees the cramp on 25 January."""
    engine = open_database(resolve_locations(str(report_history)).database_url)
    try:
        figures = report_figures(
            Repository(engine), FIRST, LAST, MADE_ON, 2, AttentionThresholds(recent_days=30)
        )
    finally:
        engine.dispose()
    assert [flag.concern for flag in figures.attention] == [
        Concern.SYMPTOM_STOP,
        Concern.ALSFRS_DOMAIN_DROP,
    ]
