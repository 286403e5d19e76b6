"""Sizes, colours and the style sheet: large, high-contrast, readable from across a room.

Every size is in pixels at 100 % text. The text-size setting (100 % to 200 %) scales the
text people read (instructions, notes) in full, while text that is already very large
(titles, headlines, the main button, the countdown) grows only up to DISPLAY_CAP and the
words on ordinary buttons up to BUTTON_CAP: a 52 px title does not need to become 104 px
to be read, and capping it is what lets every screen still fit a 1280x720 window at
200 % (tests/ui/test_fit.py). Where a screen still has more words than room, its longest
texts are `FitLabel`s, drawn as large as the room allows.

Target heights are minimums that do not scale: a button grows past them when its text
needs it. Focus is a thick frame in a colour that stands out on each palette; selection
is shown with a tick and a frame, never by colour alone. The three palettes (light, dark,
high contrast) keep text at WCAG AAA contrast (7:1) against its background.
"""

from __future__ import annotations

from dataclasses import dataclass

PRIMARY_HEIGHT = 132  # huge primary buttons (at least 120 px at 100 %)
TARGET_HEIGHT = 72  # every other target (at least 64 px at 100 %)
RATING_HEIGHT = 104  # the eleven fatigue buttons: number and anchor word
DISPLAY_CAP = 60  # px: large display text grows with the setting up to this size
BUTTON_CAP = 36  # px: the words on ordinary buttons grow up to this size
PRIMARY_CAP = 52  # px: a primary button's words; larger, "Start" and two more miss the row
SCALES = (100, 125, 150, 175, 200)
BORDER = 2  # px: a button's frame
FOCUS_FRAME = 8  # px: the focused button's frame, drawn inside the button
# What a button's words lose across when the thick focus frame replaces its thin one: a
# row with room to spare gives it them, so the words stay whole when the focus arrives.
FOCUS_GROWTH = 2 * (FOCUS_FRAME - BORDER)


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
    disabled_text: str = "#5c626b"
    disabled_border: str = "#9aa0a8"


LIGHT = Palette()
DARK = Palette(
    background="#15181d",
    text="#f2f4f7",
    muted="#c9ced6",
    primary="#8cc4ff",
    primary_text="#0a1a2e",
    secondary="#2a3038",
    secondary_text="#f2f4f7",
    stop="#ffb4a6",
    focus="#ffb000",
    panel="#20252c",
    border="#aeb5bf",
    disabled_text="#9aa1ab",
    disabled_border="#4d545e",
)
HIGH_CONTRAST = Palette(
    background="#000000",
    text="#ffffff",
    muted="#ffffff",
    primary="#ffff00",
    primary_text="#000000",
    secondary="#000000",
    secondary_text="#ffffff",
    stop="#ff9d9d",
    focus="#00ffff",
    panel="#000000",
    border="#ffffff",
    disabled_text="#c0c0c0",
    disabled_border="#808080",
)
PALETTES = {"light": LIGHT, "dark": DARK, "high_contrast": HIGH_CONTRAST}


def px(size: float, scale: float = 1.0) -> int:
    return round(size * scale)


def style_sheet(palette: Palette = LIGHT, scale: float = 1.0) -> str:
    p = palette

    def s(size: float) -> int:
        """Reading text and spacing: the full text size."""
        return px(size, scale)

    def d(size: float, cap: int = DISPLAY_CAP) -> int:
        """Display text: grows with the setting up to `cap`, never shrinks."""
        return max(size, min(px(size, scale), cap))

    return f"""
    QWidget {{ background: {p.background}; color: {p.text}; font-size: {s(24)}px; }}
    QLabel#title {{ font-size: {d(52)}px; font-weight: 700; }}
    QLabel#subtitle {{ font-size: {d(30, 40)}px; color: {p.muted}; }}
    QLabel#headline {{ font-size: {d(40)}px; font-weight: 700; }}
    QLabel#body {{ font-size: {s(28)}px; }}
    QLabel#note {{ font-size: {s(22)}px; color: {p.muted}; }}
    QLabel#countdown {{ font-size: 140px; font-weight: 700; }}
    QFrame#panel {{
        background: {p.panel}; border-radius: 14px; border: 2px solid {p.panel};
    }}
    QFrame#panel QLabel, QFrame#panel QStackedWidget#media {{ background: {p.panel}; }}
    QFrame#footer, QFrame#footer QLabel {{ background: {p.panel}; font-size: {d(20, 28)}px; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: {p.background}; border: none; }}
    QScrollBar:vertical {{ width: 32px; background: {p.panel}; border: none; }}
    QScrollBar::handle:vertical {{
        background: {p.border}; min-height: 72px; border-radius: 12px; margin: 4px;
    }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
    QLineEdit {{
        background: {p.background}; color: {p.text}; border: 3px solid {p.border};
        border-radius: 10px; min-height: {TARGET_HEIGHT}px; padding: 0 14px;
        font-size: {s(26)}px;
    }}
    QLineEdit:focus {{ border: {FOCUS_FRAME}px solid {p.focus}; }}
    QPushButton {{
        background: {p.secondary}; color: {p.secondary_text};
        border: {BORDER}px solid {p.border}; border-radius: 14px;
        min-height: {TARGET_HEIGHT}px; padding: 0 16px;
        font-size: {d(26, BUTTON_CAP)}px; font-weight: 600;
    }}
    QPushButton[role="primary"] {{
        background: {p.primary}; color: {p.primary_text}; border-color: {p.primary};
        min-height: {PRIMARY_HEIGHT}px; font-size: {d(44, PRIMARY_CAP)}px; font-weight: 700;
    }}
    QPushButton[role="large"] {{ min-height: {PRIMARY_HEIGHT}px; font-size: {d(34, 44)}px; }}
    QPushButton[role="stop"] {{ color: {p.stop}; border-color: {p.stop}; }}
    QPushButton[role="rating"] {{
        font-size: {d(22, 26)}px; padding: 0 2px; min-height: {RATING_HEIGHT}px;
    }}
    QPushButton:checked {{
        background: {p.text}; color: {p.background}; border: 6px solid {p.text};
    }}
    QPushButton:disabled {{
        background: {p.panel}; color: {p.disabled_text}; border-color: {p.disabled_border};
    }}
    QPushButton:focus {{ border: {FOCUS_FRAME}px solid {p.focus}; }}
    QPushButton[role="primary"]:focus {{ border: {FOCUS_FRAME}px solid {p.focus}; }}
    """


def style_for(theme: str, text_scale: int) -> str:
    """The style sheet for the settings' `theme` and `text_scale` (percent)."""
    return style_sheet(PALETTES.get(theme, LIGHT), text_scale / 100)
