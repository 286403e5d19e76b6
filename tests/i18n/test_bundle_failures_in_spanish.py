"""A refused program bundle reads in Spanish on a Spanish screen, naming the same entry,
and in English on the command line: its reason is translated inside the sentence."""

from __future__ import annotations

import pytest

from alshome.operations.failures import BAD_INPUT, explain_failure
from alshome.platform.errors import DocumentError
from alshome.programs.bundle import read_program_source
from alshome.ui.failure_text import explain
from tests.programs.bundles import picture, putty_media, video, write_bundle


@pytest.mark.parametrize(
    ("media", "english", "spanish_text"),
    [
        (
            {**putty_media(), "media/putty.png": picture(size=(4100, 8))},
            "clinic.alshome: media/putty.png: is 4100 by 8 pixels; a picture may have at most "
            "4096 a side.",
            "clinic.alshome: media/putty.png: mide 4100 por 8 píxeles; una imagen puede tener "
            "como mucho 4096 por lado.",
        ),
        (
            {**putty_media(), "media/putty.mp4": video(codec="mpeg4")},
            "clinic.alshome: media/putty.mp4: is mpeg4 video; an MP4 video must hold H.264.",
            "clinic.alshome: media/putty.mp4: es vídeo mpeg4; un vídeo MP4 debe contener H.264.",
        ),
        (
            {**putty_media(), "notes.txt": b"left over"},
            "clinic.alshome: notes.txt: is not named by program.json.",
            "clinic.alshome: notes.txt: no lo nombra program.json.",
        ),
    ],
    ids=["picture too wide", "not H.264", "unnamed file"],
)
def test_a_refused_bundle_is_spanish_on_screen(spanish, tmp_path, media, english, spanish_text):
    with pytest.raises(DocumentError) as caught:
        read_program_source(write_bundle(tmp_path / "clinic.alshome", media=media))
    assert explain_failure(caught.value) == (BAD_INPUT, english)
    assert explain(caught.value) == spanish_text
