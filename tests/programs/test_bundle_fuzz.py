"""Property-based tests of the bundle reader: whatever a `.alshome` file holds, reading it
gives a checked program with exactly the media it names, or one plain sentence naming the
file, never a traceback.

The files are a valid bundle with bytes changed, cut short or added, and archives made of
entries drawn from good and hostile names, contents, compressions and file kinds.
"""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alshome.programs.bundle import bundle_bytes, read_program_source
from alshome.programs.document import DocumentError
from alshome.programs.transfer import check_program
from tests.programs.bundles import custom_document, picture, putty_media, video

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

DOCUMENT = custom_document()
GOOD = bundle_bytes(check_program(DOCUMENT).document, putty_media())

NAMES = [
    "program.json",
    "media/putty.png",
    "media/putty.mp4",
    "media/other.png",
    "/media/putty.png",
    "media/../putty.png",
    "../program.json",
    "media/",
    "Program.json",
    "media\\putty.png",
    "c:/putty.png",
    "media/putty.png\x00.txt",
]
CONTENTS = [
    json.dumps(DOCUMENT).encode(),
    json.dumps({**DOCUMENT, "format_version": 1}).encode(),
    b"{",
    b"",
    picture(),
    picture("JPEG"),
    picture(size=(4097, 2)),
    video(),
    video("webm", "libvpx"),
    video()[:200],
    b"\x00" * 4096,
]
MODES = [stat.S_IFREG | 0o644, stat.S_IFLNK | 0o777, stat.S_IFDIR | 0o755, stat.S_IFIFO, 0]

entries = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(NAMES), st.text(min_size=1, max_size=20)),
        st.sampled_from(CONTENTS),
        st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
        st.sampled_from(MODES),
    ),
    max_size=8,
)


def assert_read_or_refused(path: Path) -> None:
    try:
        checked = read_program_source(path)
    except DocumentError as refused:
        message = str(refused)
        assert "\n" not in message and message, message
        assert path.name in message
        return
    assert set(checked.media) == set(checked.program.media)
    assert all(checked.media.values())


@FUZZ
@given(
    changes=st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), max_size=6),
    cut=st.one_of(st.none(), st.integers(0, len(GOOD))),
    tail=st.binary(max_size=64),
)
def test_a_damaged_bundle_is_read_or_refused_plainly(tmp_path_factory, changes, cut, tail):
    data = bytearray(GOOD)
    for position, value in changes:
        data[position] = value
    data = data[:cut] + tail if cut is not None else data + tail
    path = tmp_path_factory.mktemp("fuzz") / "damaged.alshome"
    path.write_bytes(bytes(data))
    assert_read_or_refused(path)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@FUZZ
@given(archive=entries)
def test_any_archive_is_read_or_refused_plainly(tmp_path_factory, archive):
    path = tmp_path_factory.mktemp("fuzz") / "made.alshome"
    with zipfile.ZipFile(path, "w") as made:
        for name, content, compression, mode in archive:
            entry = zipfile.ZipInfo(name)
            entry.compress_type = compression
            entry.create_system = 3
            entry.external_attr = mode << 16
            made.writestr(entry, content)
    assert_read_or_refused(path)
