"""Sizes, colours and the style sheet: large, high-contrast, readable from across a room.

Every size is in pixels at 100 % text and scales with one factor, so a later text-size
setting changes the whole look in one place. Focus is a thick amber frame that no colour
scheme hides; selection is shown with a tick and a frame, never by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

PRIMARY_HEIGHT = 132  # huge primary buttons (at least 120 px at 100 %)
TARGET_HEIGHT = 72  # every other target (at least 64 px at 100 %)
RATING_HEIGHT = 132  # the eleven fatigue buttons: number and anchor word


@dataclass(frozen=True)
class Palette:
    background: str = "#fbfaf7"
    text: str = "#14161a"
    muted: str = "#3d434c"
    primary: str = "#0b4a8f"
    primary_text: str = "#ffffff"
    secondary: str = "#e4e7ec"
    secondary_text: str = "#14161a"
    stop: str = "#7a1f12"
    focus: str = "#ffb000"
    panel: str = "#eef1f5"
    border: str = "#4a505a"


LIGHT = Palette()


def px(size: float, scale: float = 1.0) -> int:
    return round(size * scale)


def style_sheet(palette: Palette = LIGHT, scale: float = 1.0) -> str:
    p = palette

    def s(size: float) -> int:
        return px(size, scale)

    return f"""
    QWidget {{ background: {p.background}; color: {p.text}; font-size: {s(24)}px; }}
    QLabel#title {{ font-size: {s(52)}px; font-weight: 700; }}
    QLabel#subtitle {{ font-size: {s(30)}px; color: {p.muted}; }}
    QLabel#headline {{ font-size: {s(40)}px; font-weight: 700; }}
    QLabel#body {{ font-size: {s(28)}px; }}
    QLabel#note {{ font-size: {s(22)}px; color: {p.muted}; }}
    QLabel#countdown {{ font-size: {s(150)}px; font-weight: 700; }}
    QFrame#panel {{ background: {p.panel}; border-radius: {s(14)}px; }}
    QFrame#panel QLabel {{ background: {p.panel}; }}
    QFrame#footer, QFrame#footer QLabel {{ background: {p.panel}; font-size: {s(20)}px; }}
    QPushButton {{
        background: {p.secondary}; color: {p.secondary_text};
        border: {s(2)}px solid {p.border}; border-radius: {s(14)}px;
        min-height: {s(TARGET_HEIGHT)}px; padding: 0 {s(22)}px;
        font-size: {s(26)}px; font-weight: 600;
    }}
    QPushButton[role="primary"] {{
        background: {p.primary}; color: {p.primary_text}; border-color: {p.primary};
        min-height: {s(PRIMARY_HEIGHT)}px; font-size: {s(44)}px; font-weight: 700;
    }}
    QPushButton[role="large"] {{ min-height: {s(PRIMARY_HEIGHT)}px; font-size: {s(34)}px; }}
    QPushButton[role="stop"] {{ color: {p.stop}; border-color: {p.stop}; }}
    QPushButton[role="rating"] {{
        font-size: {s(22)}px; padding: 0 {s(2)}px; min-height: {s(RATING_HEIGHT)}px;
    }}
    QPushButton[role="rating"]:checked {{
        background: {p.text}; color: {p.background}; border: {s(6)}px solid {p.text};
    }}
    QPushButton:disabled {{ background: {p.panel}; color: #6b717b; border-color: #9aa0a8; }}
    QPushButton:focus {{ border: {s(8)}px solid {p.focus}; }}
    QPushButton[role="primary"]:focus {{ border: {s(8)}px solid {p.focus}; }}
    """
