"""The program bundle: a program and its media in one `.alshome` file, read back exactly,
and every hostile bundle refused whole with one sentence naming the entry and the reason."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from alshome.programs import bundle
from alshome.programs.bundle import bundle_bytes, exported_program, read_program_source
from alshome.programs.document import DocumentError
from alshome.programs.media import PICTURE_MAX_BYTES, VIDEO_MAX_BYTES, media_cap
from tests.programs.bundles import (
    PUTTY,
    custom_document,
    picture,
    putty_media,
    video,
    write_bundle,
)


def test_a_bundle_gives_its_program_and_every_picture_and_video(tmp_path):
    media = putty_media()
    checked = read_program_source(write_bundle(tmp_path / "putty.alshome", media=media))

    assert checked.media == media
    exercise = checked.program.prescriptions[0].exercise
    assert (exercise.id, exercise.picture, exercise.video) == (
        PUTTY["id"],
        "media/putty.png",
        "media/putty.mp4",
    )


@pytest.mark.parametrize(
    "media",
    [
        {"media/putty.png": picture("JPEG"), "media/putty.mp4": video()},
        {"media/putty.png": picture("WEBP"), "media/putty.mp4": video()},
    ],
    ids=["jpeg-named-png", "webp-named-png"],
)
def test_a_picture_must_be_the_format_its_name_says(tmp_path, media):
    with pytest.raises(DocumentError, match=r"media/putty.png: is not a PNG picture that opens"):
        read_program_source(write_bundle(tmp_path / "putty.alshome", media=media))


def test_every_allowed_picture_and_video_format_is_read(tmp_path):
    exercises = [
        {**PUTTY, "id": f"putty_{index}", "picture": name, "video": None}
        for index, name in enumerate(("a.png", "b.jpg", "c.jpeg", "d.webp"))
    ]
    exercises += [
        {**PUTTY, "id": "walk_mp4", "picture": None, "video": "walk.mp4"},
        {**PUTTY, "id": "walk_webm", "picture": None, "video": "walk.webm"},
    ]
    media = {
        "a.png": picture("PNG"),
        "b.jpg": picture("JPEG"),
        "c.jpeg": picture("JPEG"),
        "d.webp": picture("WEBP"),
        "walk.mp4": video(),
        "walk.webm": video("webm", "libvpx"),
    }
    path = write_bundle(tmp_path / "all.alshome", custom_document(*exercises), media)
    assert read_program_source(path).media == media


def test_export_import_export_gives_the_same_bytes(tmp_path):
    """A bundle zipped by another tool, read and written again, is written one way only."""
    first = read_program_source(write_bundle(tmp_path / "other-tool.alshome"))
    written = tmp_path / "written.alshome"
    written.write_bytes(bundle_bytes(first.document, first.media))
    again = read_program_source(written)

    assert bundle_bytes(again.document, again.media) == written.read_bytes()
    assert again.document == first.document and again.media == first.media
    with zipfile.ZipFile(written) as archive:
        entries = archive.infolist()
    assert [entry.filename for entry in entries] == [
        "program.json",
        "media/putty.mp4",
        "media/putty.png",
    ]
    assert {(entry.date_time, entry.compress_type) for entry in entries} == {
        ((1980, 1, 1, 0, 0, 0), zipfile.ZIP_STORED)
    }


def test_a_plain_file_without_media_stays_valid_and_one_with_media_is_refused(tmp_path):
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(custom_document({**PUTTY, "picture": None, "video": None})))
    assert read_program_source(plain).media == {}

    plain.write_text(json.dumps(custom_document()))
    with pytest.raises(DocumentError, match=r"plain.json: custom_exercises\[0\].picture: "):
        read_program_source(plain)


def test_a_renamed_bundle_is_still_read_as_a_bundle(tmp_path):
    path = write_bundle(tmp_path / "putty.zip")
    assert read_program_source(path).media == putty_media()


def test_an_export_with_media_is_a_bundle_and_never_a_plain_file(tmp_path):
    checked = read_program_source(write_bundle(tmp_path / "in.alshome"))
    data = exported_program(checked.document, checked.media, tmp_path / "out.alshome")
    assert data == bundle_bytes(checked.document, checked.media)
    with pytest.raises(DocumentError, match=r"name ending in .alshome, such as out.alshome"):
        exported_program(checked.document, checked.media, tmp_path / "out.json")


def test_the_caps_are_the_issues():
    assert (bundle.MAX_BUNDLE_BYTES, bundle.MAX_ENTRIES, bundle.MAX_RATIO) == (
        100 * 1024 * 1024,
        64,
        100,
    )
    assert media_cap("a/b.png") == PICTURE_MAX_BYTES == 5 * 1024 * 1024
    assert media_cap("a/b.webm") == media_cap("b.mp4") == VIDEO_MAX_BYTES == 60 * 1024 * 1024


# ----- hostile bundles: each refused whole, naming the entry and the reason ----------------


def _entry(name: str, *, mode: int = stat.S_IFREG | 0o644) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = mode << 16
    return info


def _with_extra(path: Path, info: zipfile.ZipInfo | str, content: bytes, **kwargs) -> Path:
    write_bundle(path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(info, content, **kwargs)
    return path


def too_large(path: Path) -> Path:
    write_bundle(path)
    os.truncate(path, 100 * 1024 * 1024 + 1)  # sparse: no disk is used
    return path


def too_many_entries(path: Path) -> Path:
    media = {**putty_media(), **{f"extra/{n}.png": b"" for n in range(63)}}
    return write_bundle(path, media=media)


def absolute(path: Path) -> Path:
    return _with_extra(path, _entry("/etc/cron.d/evil"), b"* * * * * root true")


def dot_dot(path: Path) -> Path:
    return _with_extra(path, _entry("media/../../escape.png"), picture())


def link(path: Path) -> Path:
    media = {"media/putty.mp4": video()}
    write_bundle(path, media=media)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(_entry("media/putty.png", mode=stat.S_IFLNK | 0o777), "/etc/passwd")
    return path


def bomb(path: Path) -> Path:
    return _with_extra(
        path, "media/zeros.png", bytes(1024 * 1024), compress_type=zipfile.ZIP_DEFLATED
    )


def unnamed(path: Path) -> Path:
    return _with_extra(path, "notes.txt", b"left over")


def missing(path: Path) -> Path:
    return write_bundle(path, media={"media/putty.png": picture()})


def not_a_picture(path: Path) -> Path:
    return write_bundle(path, media={**putty_media(), "media/putty.png": b"\x89PNG not really"})


def picture_too_wide(path: Path) -> Path:
    return write_bundle(path, media={**putty_media(), "media/putty.png": picture(size=(4100, 8))})


def picture_too_heavy(path: Path) -> Path:
    noise = os.urandom(PICTURE_MAX_BYTES + 1)
    return write_bundle(
        path, media={**putty_media(), "media/putty.png": noise}, compression=zipfile.ZIP_STORED
    )


def video_not_h264(path: Path) -> Path:
    return write_bundle(path, media={**putty_media(), "media/putty.mp4": video(codec="mpeg4")})


def video_too_long(path: Path) -> Path:
    return write_bundle(path, media={**putty_media(), "media/putty.mp4": video(seconds=125)})


def video_not_a_video(path: Path) -> Path:
    return write_bundle(path, media={**putty_media(), "media/putty.mp4": picture()})


def webm_really_mp4(path: Path) -> Path:
    document = custom_document({**PUTTY, "video": "media/putty.webm"})
    return write_bundle(
        path, document, media={"media/putty.png": picture(), "media/putty.webm": video()}
    )


def no_program(path: Path) -> Path:
    return write_bundle(path, program_name="programme.json")


def shadowing_program(path: Path) -> Path:
    return write_bundle(path, custom_document({**PUTTY, "id": "neck_turn"}))


def not_a_zip(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 and then nothing a zip holds")
    return path


def program_too_large(path: Path) -> Path:
    padded = json.dumps(custom_document()) + " " * 300_000
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("program.json", padded)
        for name, content in putty_media().items():
            archive.writestr(name, content)
    return path


def twice(path: Path) -> Path:
    return _with_extra(path, "media/putty.png", picture())


HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "too large": (too_large, "hostile.alshome is larger than 100 MB."),
    "too many entries": (too_many_entries, "hostile.alshome holds 66 files; a bundle may hold 64."),
    "absolute path": (absolute, "hostile.alshome: /etc/cron.d/evil: has an absolute path."),
    "dot dot": (dot_dot, "hostile.alshome: media/../../escape.png: has a path that leads out"),
    "link": (link, "hostile.alshome: media/putty.png: is a link."),
    "zip bomb": (bomb, "hostile.alshome: media/zeros.png: expands more than 100 times its size"),
    "unnamed file": (unnamed, "hostile.alshome: notes.txt: is not named by program.json."),
    "missing media": (missing, "hostile.alshome: media/putty.mp4: is named by program.json but"),
    "not a picture": (not_a_picture, "hostile.alshome: media/putty.png: is not a PNG picture"),
    "picture too wide": (picture_too_wide, "media/putty.png: is 4100 by 8 pixels; a picture"),
    "picture too heavy": (picture_too_heavy, "media/putty.png: is larger than 5 MB."),
    "video not H.264": (video_not_h264, "media/putty.mp4: is mpeg4 video; an MP4 video must"),
    "video too long": (video_too_long, "media/putty.mp4: plays for 125 seconds; a video may"),
    "video not a video": (video_not_a_video, "media/putty.mp4: is not an MP4 video."),
    "webm that is mp4": (webm_really_mp4, "media/putty.webm: is not a WebM video."),
    "no program": (no_program, "hostile.alshome has no program.json at its root."),
    "shadowing id": (shadowing_program, "program.json: custom_exercises[0].id: 'neck_turn' is a"),
    "not a zip": (not_a_zip, "hostile.alshome is not a program bundle (a zip archive)."),
    "program too large": (
        program_too_large,
        "hostile.alshome: program.json: is larger than 256 KB.",
    ),
    "entry twice": (twice, "hostile.alshome: media/putty.png: is in the bundle twice."),
}


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_bundle_is_refused_with_one_sentence(case, tmp_path):
    make, sentence = HOSTILE[case]
    path = make(tmp_path / "hostile.alshome")
    with pytest.raises(DocumentError) as refused:
        read_program_source(path)
    message = str(refused.value)
    assert message.startswith(sentence) or f": {sentence}" in message, message
    assert "\n" not in message
