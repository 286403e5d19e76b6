"""The pictures and videos of a therapist's own exercises: each really is what it claims.

A picture or video comes inside an untrusted bundle and is later shown on the patient's
screen, so each is opened here, within caps, before anything is saved: a picture must
decode whole as the format its name says (PNG, JPEG or WebP), and a video must be an MP4
holding H.264 or a WebM holding VP8, VP9 or AV1, short enough for a loop by the exercise.

Pictures are read with Pillow, limited to its own formats named here; the size in the
header is checked against the cap before a pixel is decoded, so decoding allocates at
most 4096 x 4096 pixels (and Pillow's decompression-bomb warning is an error here).
Videos are read with PyAV, FFmpeg's Python binding: the same demuxers and decoders that
play the video later, so a file that passes here is one they understand. Its wheel
carries its own FFmpeg and installs on Debian 12 with Python 3.11 without a compiler.
The container's header is checked by its first bytes before FFmpeg sees the file, and
FFmpeg is told which demuxer to use, so no other container format's reader is reached.
One frame is decoded to know the video really plays.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError, Message

if TYPE_CHECKING:
    from av.container import InputContainer
    from av.video.stream import VideoStream

PICTURE_MAX_BYTES = 5 * 1024 * 1024
VIDEO_MAX_BYTES = 60 * 1024 * 1024
MAX_SIDE = 4096  # pixels, for a picture and a video alike
VIDEO_MAX_SECONDS = 120

# Pillow's name for the format of each picture extension the program format allows.
PICTURE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
# FFmpeg's demuxer for each video extension, and the video codecs allowed in it.
VIDEO_FORMATS = {".mp4": ("mp4", {"h264"}), ".webm": ("webm", {"vp8", "vp9", "av1"})}
MATROSKA_MAGIC = b"\x1a\x45\xdf\xa3"


class MediaError(DocumentError):
    """A picture or video that cannot be used; the sentence is the reason, without the name."""


MP4_VIDEO = QT_TRANSLATE_NOOP("Errors", "an MP4 video")
WEBM_VIDEO = QT_TRANSLATE_NOOP("Errors", "a WebM video")


def media_cap(path: str) -> int:
    """The largest size, in bytes, a picture or video named `path` may have."""
    return VIDEO_MAX_BYTES if _suffix(path) in VIDEO_FORMATS else PICTURE_MAX_BYTES


def check_media(path: str, data: bytes) -> None:
    """Check the picture or video named `path` (a path the program format allows); MediaError."""
    suffix = _suffix(path)
    checker: Callable[[bytes, str], None] = (
        check_video if suffix in VIDEO_FORMATS else check_picture
    )
    if len(data) > media_cap(path):
        raise MediaError(
            QT_TRANSLATE_NOOP("Errors", "is larger than {size} MB"),
            size=media_cap(path) // (1024 * 1024),
        )
    checker(data, suffix)


def check_picture(data: bytes, suffix: str) -> None:
    from PIL import Image

    format_name = PICTURE_FORMATS[suffix]
    not_a_picture = MediaError(
        QT_TRANSLATE_NOOP("Errors", "is not a {format} picture that opens"), format=format_name
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=[format_name]) as image:
                width, height = image.size
                if max(width, height) > MAX_SIDE:
                    raise MediaError(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "is {width} by {height} pixels; a picture may have at most "
                            "{limit} a side",
                        ),
                        width=width,
                        height=height,
                        limit=MAX_SIDE,
                    )
                image.load()
        except MediaError:
            raise
        except (
            OSError,  # UnidentifiedImageError too, and a truncated or damaged picture
            SyntaxError,
            ValueError,
            EOFError,
            Image.DecompressionBombError,
            Image.DecompressionBombWarning,
        ):
            raise not_a_picture from None


def check_video(data: bytes, suffix: str) -> None:
    import av

    demuxer, codecs = VIDEO_FORMATS[suffix]
    kind = Message(MP4_VIDEO if suffix == ".mp4" else WEBM_VIDEO)
    if not _looks_like(demuxer, data):
        raise MediaError(QT_TRANSLATE_NOOP("Errors", "is not {kind}"), kind=kind)
    av.logging.set_level(None)  # a damaged file is reported here, not on the terminal
    try:
        with av.open(io.BytesIO(data), format=demuxer) as container:
            if not container.streams.video:
                raise MediaError(
                    QT_TRANSLATE_NOOP("Errors", "is {kind} without a picture"), kind=kind
                )
            for each in container.streams.video:
                codec = each.codec_context.name
                if codec not in codecs:
                    raise MediaError(
                        QT_TRANSLATE_NOOP("Errors", "is {codec} video; {kind} must hold {allowed}"),
                        codec=codec,
                        kind=kind,
                        allowed="H.264" if suffix == ".mp4" else "VP8, VP9, AV1",
                    )
            stream = container.streams.video[0]
            if max(stream.codec_context.width, stream.codec_context.height) > MAX_SIDE:
                raise MediaError(
                    QT_TRANSLATE_NOOP("Errors", "is larger than {limit} pixels a side"),
                    limit=MAX_SIDE,
                )
            seconds = _duration(container, stream)
            if seconds is None:
                raise MediaError(QT_TRANSLATE_NOOP("Errors", "does not say how long it plays"))
            if seconds > VIDEO_MAX_SECONDS:
                raise MediaError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "plays for {seconds} seconds; a video may play for at most "
                        "{minutes} minutes",
                    ),
                    seconds=round(seconds),
                    minutes=VIDEO_MAX_SECONDS // 60,
                )
            if next(container.decode(stream), None) is None:
                raise MediaError(
                    QT_TRANSLATE_NOOP("Errors", "is {kind} with no picture that plays"), kind=kind
                )
    except MediaError:
        raise
    except (av.FFmpegError, OSError, ValueError, EOFError, StopIteration):
        raise MediaError(
            QT_TRANSLATE_NOOP("Errors", "is not {kind} that plays"), kind=kind
        ) from None


def _duration(container: InputContainer, stream: VideoStream) -> float | None:
    """How long the video plays, in seconds, from the container or else the stream."""
    import av

    if container.duration is not None and container.duration > 0:
        return container.duration / av.time_base
    if stream.duration is not None and stream.time_base is not None and stream.duration > 0:
        return float(stream.duration * stream.time_base)
    return None


def _looks_like(demuxer: str, data: bytes) -> bool:
    """An MP4 opens with its `ftyp` box; a WebM with an EBML header whose type is webm."""
    if demuxer == "mp4":
        return data[4:8] == b"ftyp"
    return data.startswith(MATROSKA_MAGIC) and b"webm" in data[:64]


def _suffix(path: str) -> str:
    return PurePosixPath(path).suffix
