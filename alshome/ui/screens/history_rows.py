"""The history's lists: sessions and one session's sets, as big rows of plain words.

Ten years hold some 1,500 sessions, so the list is a view over a model (a row's text is
made only when it is drawn), not a column of 1,500 buttons. Each row is two lines of text
at the reading size, at least a target's height, and says everything in words, so
nothing rests on colour or on a chart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from alshome.domain.program import LoadUnit, SetTarget
from alshome.domain.trends import SessionSummary
from alshome.ui import words
from alshome.ui.i18n import program_text
from alshome.ui.screens.who_moves import mover_text
from alshome.ui.theme import TARGET_HEIGHT, Palette

if TYPE_CHECKING:
    from alshome.domain.recorded import StoredSet

ROW_PADDING = 14
BATCH_ROWS = 40
FRAME = 6  # px: the current row's frame

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


def session_lines(session: SessionSummary) -> tuple[str, str]:
    """When and which program; then how it went, in words."""
    when = words.session_moment(session.started_at)
    first = tr("{when} · {program}, version {version}").format(
        when=when, program=program_text(session.program_name), version=session.program_version
    )
    parts = [words.status(session.status).capitalize()]
    if session.duration is not None:
        parts.append(words.duration(session.duration.total_seconds()))
    parts.append(
        tr("{done} of {planned} sets").format(done=session.sets_done, planned=session.sets_planned)
    )
    if session.highest_fatigue is None:
        parts.append(tr("no tiredness rated"))
    else:
        parts.append(
            tr("tiredness highest {high}, average {mean}").format(
                high=session.highest_fatigue, mean=words.decimal(session.mean_fatigue)
            )
        )
    if session.symptoms:
        parts.append(
            tr("symptoms: {names}").format(
                names=", ".join(words.symptom(s) for s in session.symptoms)
            )
        )
    return first, " · ".join(parts)


def set_target(values: dict[str, Any]) -> SetTarget:
    unit = values.get("unit")
    return SetTarget(
        seconds=values.get("seconds"),
        repetitions=values.get("repetitions"),
        load=values.get("load"),
        unit=None if unit is None else LoadUnit(unit),
    )


def set_lines(stored: StoredSet) -> tuple[str, str]:
    """Which exercise, side and set, who moved; then planned against done and the check."""
    heading = [stored.exercise_name]
    if words.side(stored.side):
        heading.append(words.side(stored.side))
    heading.append(tr("set {n} of {total}").format(n=stored.set_number, total=stored.total_sets))
    heading.append(mover_text(stored.mover))
    planned = words.target(set_target(stored.planned))
    if stored.done is None:
        done = tr("skipped")
    else:
        done = words.target(set_target({**stored.planned, **stored.done}))
    parts = [tr("Planned: {planned}").format(planned=planned), tr("done: {done}").format(done=done)]
    if stored.fatigue is not None:
        parts.append(tr("tiredness {rating} of 10").format(rating=stored.fatigue))
    if stored.symptoms:
        parts.append(", ".join(words.symptom(s) for s in stored.symptoms))
    return " · ".join(heading), " · ".join(parts)


class LinesModel(QAbstractListModel):
    """Rows of two lines each, made from `items` by `lines` only when a row is drawn."""

    def __init__(self, lines: Callable[[Any], tuple[str, str]]) -> None:
        super().__init__()
        self.lines = lines
        self.items: Sequence[Any] = ()

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(self.lines(self.items[index.row()]))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ". ".join(self.lines(self.items[index.row()]))
        return None


class BigRows(QStyledItemDelegate):
    """Rows at least a target's height, measured as the text is drawn: inside the padding
    and frame (the style's own measure wraps the text across the whole row)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        room = 2 * (ROW_PADDING + FRAME)
        inside = QStyleOptionViewItem(option)
        inside.rect = option.rect.adjusted(0, 0, -room, 0)
        size = super().sizeHint(inside, index)
        return QSize(size.width(), max(TARGET_HEIGHT, size.height() + room))


class RowList(QListView):
    """A keyboard list: Up and Down move between rows, Enter opens (via the screen).

    The window's keyboard contract reads arrow key presses as "move the focus", so the
    arrows are shortcuts on the list itself, which Qt offers a key before that. Up from
    the first row and Down from the last leave the list, as the arrows do elsewhere.
    """

    def __init__(self, accessible_name: str, on_open: Callable[[int], None]) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.setItemDelegate(BigRows(self))
        # Rows differ in height (a symptom, a long name, large text wrap them further), so
        # each is measured; in batches, so the first rows show at once however many follow.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(BATCH_ROWS)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows are measured for the width they have: the scroll bar is always there, and a
        # new width measures them again, so wrapped text is never cut short.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clicked.connect(lambda index: on_open(index.row()))
        for key, step in ((Qt.Key.Key_Up, -1), (Qt.Key.Key_Down, 1)):
            shortcut = QShortcut(QKeySequence(key), self, lambda step=step: self.step(step))
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def step(self, step: int) -> None:
        row = self.currentIndex().row() + step
        if 0 <= row < self.model().rowCount():
            self.select_row(row)
        else:
            self.window().focusNextPrevChild(step > 0)

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def set_palette(self, palette: Palette) -> None:
        """The current row framed in the focus colour and shaded: never colour alone.

        Every row has a frame of the same width (most of them invisible), so a row's text
        wraps the same whether it is current or not and is never cut short.
        """
        self.setStyleSheet(
            f"""
            QListView {{ border: 2px solid {palette.border}; border-radius: 10px; }}
            QListView::item {{
                padding: {ROW_PADDING}px; border: {FRAME}px solid transparent;
                border-bottom-color: {palette.panel};
            }}
            QListView::item:selected {{
                background: {palette.panel}; color: {palette.text};
                border: {FRAME}px solid {palette.focus};
            }}
            """
        )
