"""Small building blocks shared by every screen, so each screen states only what it shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy


def button(
    text: str,
    on_click: Callable[[], None],
    *,
    role: str = "",
    accessible_name: str = "",
    description: str = "",
) -> QPushButton:
    """A large push button; `role` picks its look (primary, stop, rating)."""
    widget = QPushButton(text)
    if role:
        widget.setProperty("role", role)
    widget.setAccessibleName(accessible_name or text.replace("\n", " "))
    if description:
        widget.setAccessibleDescription(description)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.setAutoDefault(False)
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    widget.clicked.connect(lambda _checked=False: on_click())
    return widget


def label(text: str = "", name: str = "body", *, wrap: bool = True, center: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if center:
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


def panel() -> QFrame:
    frame = QFrame()
    frame.setObjectName("panel")
    return frame


def set_text(widget: QLabel | QPushButton, text: str) -> None:
    """Change a label or button and its accessible name together, so readers follow."""
    widget.setText(text)
    widget.setAccessibleName(text.replace("\n", " "))
