"""The clinic report as a PDF, made with Qt's own PDF writer (no other PDF library).

The words and tables are an HTML document (`document.py`) that Qt lays out at the
writer's resolution and breaks into pages; each page is then painted with its footer:
the page number and a note that this is not a medical device. The history screen's
charts are drawn into it as images, so the paper shows what the screen shows.

Charts are widgets, so a QApplication is needed: the command line makes one on the
offscreen platform (no window, no display needed); the app uses its own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLocale,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication

from alshome.operations.reports import ReportFigures
from alshome.platform.files import write_private_bytes
from alshome.report.document import CHARTS, day_text, report_html

if TYPE_CHECKING:
    from alshome.ui.charts import TrendChart

RESOLUTION = 300  # dots per inch of the page's layout; charts keep their own pixels
MARGIN_MM = 15
BODY_POINTS = 11
FOOTER_POINTS = 9
CHART_WIDTH = 1100  # pixels a chart is drawn across before it is fitted to the page
CHART_PLOT_HEIGHT = 430  # pixels of a chart's plot, its date labels included
FOOTER_FLAGS = int(
    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
)
OBJECT_REPLACEMENT = "\ufffc"  # what an image is in its block's text
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def offscreen_application() -> QApplication:
    """The running QApplication, or a new one on the offscreen platform (keep a reference)."""
    existing = QApplication.instance()
    if existing is not None:
        return existing
    return QApplication(["alshome", "-platform", "offscreen"])


def paper_for_locale() -> str:
    """Letter where the locale measures in inches (the US), else A4."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def save_report_pdf(path: Path, figures: ReportFigures, paper: str) -> None:
    """Write the report's PDF to `path` whole or not at all, readable by its owner only."""
    write_private_bytes(path, report_pdf(figures, paper))


def report_pdf(figures: ReportFigures, paper: str = "a4") -> bytes:
    """The report as PDF bytes on A4 or Letter paper (`paper` is a key of PAPERS)."""
    application = offscreen_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAPERS[paper]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(tr("Home exercise report"))
    writer.setCreator(f"alshome {figures.app_version}")
    _paint(writer, figures)
    buffer.close()
    del application  # held while the charts were drawn; one made here ends with the report
    return bytes(QByteArray(buffer.data()))


def _paint(writer: QPdfWriter, figures: ReportFigures) -> None:
    """Lay the document out at the writer's resolution, then paint it page by page."""
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_font = QFont()
    footer_font.setPointSizeF(FOOTER_POINTS)
    painter = QPainter()
    painter.begin(writer)
    painter.setFont(footer_font)
    footer_height = painter.fontMetrics().lineSpacing() * 3
    body = QSizeF(area.width(), area.height() - footer_height)
    document = _document(writer, figures, body)
    pages = document.pageCount()
    footer = tr(
        "Made by alshome {version} on {day}. Not a medical device: for discussion with "
        "your therapist."
    ).format(version=figures.app_version, day=day_text(figures.made_on))
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(0, -page * body.height())
        document.drawContents(painter, _rect(0, page * body.height(), body))
        painter.restore()
        painter.setFont(footer_font)
        bottom = _rect(0, body.height(), QSizeF(area.width(), footer_height))
        painter.drawLine(bottom.topLeft(), bottom.topRight())
        page_number = tr("Page {page} of {pages}").format(page=page + 1, pages=pages)
        painter.drawText(bottom, FOOTER_FLAGS, f"{footer}\n{page_number}")
    painter.end()


def _document(writer: QPdfWriter, figures: ReportFigures, body: QSizeF) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setPageSize(body)
    # The layout measures images in 96-dpi units and scales them to the writer's dots.
    width = body.width() / (writer.logicalDpiX() / 96)
    sizes = {}
    for name, image in chart_images(figures).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        sizes[name] = (int(width), int(width * image.height() / image.width()))
    document.setHtml(report_html(figures, sizes))
    _keep_headings_with_next(document, body.height())
    return document


def _keep_headings_with_next(document: QTextDocument, page_height: float) -> None:
    """A heading whose section would leave its page before its chart (or, without one,
    before its first lines) starts the next page instead."""
    layout = document.documentLayout()
    reserve = QFontMetricsF(document.defaultFont(), layout.paintDevice()).lineSpacing() * 4
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            heading = layout.blockBoundingRect(block)
            needed = max(heading.bottom() + reserve, _kept_with(block, layout))
            fits = needed - heading.top() < page_height
            if fits and heading.top() // page_height != needed // page_height:
                form = block.blockFormat()
                form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(form)
                _lay_out_again(document)
        block = block.next()


def _kept_with(heading: QTextBlock, layout: QAbstractTextDocumentLayout) -> float:
    """The bottom of what a heading keeps on its page: its section's text down to its
    chart, stopping at a table (whose first rows the reserve holds) or the next heading."""
    bottom = 0.0
    block = heading.next()
    while block.isValid() and not block.blockFormat().headingLevel():
        if QTextCursor(block).currentTable() is not None:
            break
        bottom = layout.blockBoundingRect(block).bottom()
        if OBJECT_REPLACEMENT in block.text():  # an image: the chart
            break
        block = block.next()
    return bottom


def _lay_out_again(document: QTextDocument) -> None:
    """Qt lays a changed document out lazily; measuring or painting needs all of it now."""
    document.markContentsDirty(0, document.characterCount())
    document.pageCount()


def chart_images(figures: ReportFigures) -> dict[str, QImage]:
    """The history's charts for the report's range (`chart_names`), drawn on white at a
    fixed width.

    pyqtgraph sizes its date labels on the first paint, so each chart is drawn twice.
    """
    images = {}
    for name in chart_names(figures):
        chart = report_chart(name, figures)
        chart.grab()
        QApplication.processEvents()
        images[f"chart:{name}"] = chart.grab().toImage()
        chart.deleteLater()
    return images


def chart_names(figures: ReportFigures) -> list[str]:
    """The charts the report shows (of `CHARTS`): the sessions' when there were any (that
    of the work done when there was cycling or strengthening), the ALSFRS-R one when there
    were ratings."""
    trends = figures.trends
    shown = {
        "adherence": not trends.empty,
        "fatigue": not trends.empty,
        "work": bool(trends.endurance_minutes or trends.resistance),
        "alsfrs": bool(figures.ratings.entries),
    }
    return [name for name in CHARTS if shown[name]]


def report_chart(name: str, figures: ReportFigures) -> TrendChart:
    """The history screen's chart `name` of the report's range, as the paper shows it:
    no keyboard mark, no title or value line (the report's heading and tables say them)."""
    from alshome.ui.charts import AdherenceChart, AlsfrsChart, FatigueChart, WorkChart
    from alshome.ui.theme import style_sheet

    kinds = dict(zip(CHARTS, (AdherenceChart, FatigueChart, WorkChart, AlsfrsChart), strict=True))
    chart = kinds[name]()
    chart.setStyleSheet(style_sheet())
    chart.update_trends(replace(figures.trends, alsfrs=figures.ratings.entries))
    chart.show_point(-1)
    chart.title.hide()
    chart.value.hide()
    chart.plot.setFixedHeight(CHART_PLOT_HEIGHT)  # the chart's own date axis included
    chart.resize(CHART_WIDTH, chart.sizeHint().height())
    return chart


def _rect(x: float, y: float, size: QSizeF) -> QRectF:
    return QRectF(QPointF(x, y), size)

