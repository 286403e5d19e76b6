"""Tiny real pictures and videos, made as the tests run, and bundles made of them.

Pictures are drawn with Pillow; videos are encoded with PyAV (H.264 in MP4, VP8 in WebM),
the same library that checks them, so every fixture is a file a camera could have made.
"""

from __future__ import annotations

import copy
import io
import json
import zipfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import av
import numpy
from PIL import Image

from alshome.programs.demo import demo_document

PUTTY = {
    "id": "hand_putty_squeeze",
    "name": "Putty squeeze",
    "kind": "resistance",
    "region": "hand",
    "instruction": "Squeeze the soft putty slowly, then let go.",
    "caregiver_instruction": "Hold the putty steady on the table.",
    "safety": "Stop if your hand cramps.",
    "picture": "media/putty.png",
    "video": "media/putty.mp4",
}


def custom_document(*exercises: Mapping[str, Any]) -> dict[str, Any]:
    """The demo as a version 2 document whose first prescription is the first exercise."""
    document = copy.deepcopy(demo_document())
    document["format_version"] = 2
    document["custom_exercises"] = [dict(exercise) for exercise in exercises or (PUTTY,)]
    document["prescriptions"].insert(
        0,
        {
            "exercise": document["custom_exercises"][0]["id"],
            "kind": document["custom_exercises"][0]["kind"],
            "load": 0,
            "repetitions": 8,
            "sets": 2,
            "sides": "both",
        },
    )
    return document


def picture(format_name: str = "PNG", size: tuple[int, int] = (32, 24)) -> bytes:
    image = Image.new("RGB", size, (40, 120, 200))
    image.paste((250, 200, 40), (4, 4, size[0] // 2, size[1] // 2))
    buffer = io.BytesIO()
    image.save(buffer, format=format_name)
    return buffer.getvalue()


@cache
def video(container: str = "mp4", codec: str = "libx264", seconds: int = 2) -> bytes:
    """A silent video of `seconds` at one frame a second, 32 by 24 pixels."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container) as output:
        stream = output.add_stream(codec, rate=1)
        stream.width, stream.height, stream.pix_fmt = 32, 24, "yuv420p"
        for second in range(seconds):
            pixels = numpy.full((24, 32, 3), 10 * (second % 20), dtype=numpy.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                output.mux(packet)
        for packet in stream.encode():
            output.mux(packet)
    return buffer.getvalue()


def putty_media() -> dict[str, bytes]:
    return {"media/putty.png": picture(), "media/putty.mp4": video()}


def write_bundle(
    path: Path,
    document: Mapping[str, Any] | None = None,
    media: Mapping[str, bytes] | None = None,
    *,
    program_name: str = "program.json",
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """A bundle as another tool might zip it (deflated, its own timestamps), not canonical."""
    with zipfile.ZipFile(path, "w", compression) as archive:
        archive.writestr(program_name, json.dumps(document or custom_document()))
        for name, content in (putty_media() if media is None else media).items():
            archive.writestr(name, content)
    return path
