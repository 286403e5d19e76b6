"""The program bundle: one `.alshome` file holding a program and the media it names.

A program whose own exercises have a picture or a video travels as a zip archive with
`program.json` at its root and each picture and video at the path the program names. A
bundle comes from outside and is untrusted, so `read_program_source` checks it whole
before anything opens the database: the caps, every entry's name and kind, the program,
and every picture and video (`alshome.programs.media`). A bad bundle is refused with one
sentence naming the entry and the reason, and nothing is written.

Bundles are written in one form: `program.json` first, then the media by path, every
entry stored uncompressed (pictures and videos are compressed already, and a deflated
entry's bytes depend on the zlib at hand) with the same timestamp and attributes. So a
program exported, imported and exported again gives the same bytes, on any computer.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path, PurePath, PurePosixPath
from typing import Any, BinaryIO

from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError, Message
from alshome.programs.document import MAX_FILE_BYTES, json_from_bytes
from alshome.programs.media import MediaError, check_media, media_cap
from alshome.programs.transfer import (
    CheckedProgram,
    check_program,
    program_file_text,
    read_program_file,
)

BUNDLE_SUFFIX = ".alshome"
PROGRAM_ENTRY = "program.json"
MAX_BUNDLE_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 64
MAX_RATIO = 100  # how many times its compressed size an entry may expand to
ZIP_MAGIC = b"PK\x03\x04"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no clock in the bytes
UNIX = 3  # the zip's "made by" system, so its attributes read the same everywhere
FILE_MODE = stat.S_IFREG | 0o644


def is_bundle(path: Path) -> bool:
    """A file named `.alshome`, or any zip archive (a bundle renamed by a mail program)."""
    if path.suffix.lower() == BUNDLE_SUFFIX:
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(len(ZIP_MAGIC)) == ZIP_MAGIC
    except OSError:
        return False  # reading it as a plain file says why it cannot be read


def read_program_source(path: Path) -> CheckedProgram:
    """A program bundle or a plain program file, checked whole; or one DocumentError."""
    if is_bundle(path):
        return read_bundle(path)
    checked = read_program_file(path)
    if checked.program.media:
        where, named = _first_media_field(checked.document)
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file}: {field}: {value} can only travel in a {suffix} bundle, with the "
                "program and its pictures and videos in one file.",
            ),
            file=path.name,
            field=where,
            value=repr(named),
            suffix=BUNDLE_SUFFIX,
        )
    return checked


def read_bundle(path: Path) -> CheckedProgram:
    """Check a bundle whole, then give its program and media; DocumentError names the entry."""
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise _refused(path, None, _larger(MAX_BUNDLE_BYTES))
        with path.open("rb") as handle:
            return _read_zip(path, handle)
    except FileNotFoundError:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "There is no file at {path}."), path=path
        ) from None
    except IsADirectoryError:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a file."), path=path
        ) from None
    except OSError as exc:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be read: {reason}."),
            path=path,
            reason=exc.strerror,
        ) from None


def bundle_from_bytes(data: bytes, name: str) -> CheckedProgram:
    """A bundle that arrived as bytes (the clinic's program), checked exactly as a file
    named `name` would be, without writing it anywhere first."""
    path = PurePosixPath(name)
    if len(data) > MAX_BUNDLE_BYTES:
        raise _refused(path, None, _larger(MAX_BUNDLE_BYTES))
    return _read_zip(path, io.BytesIO(data))


def _read_zip(path: PurePath, source: BinaryIO) -> CheckedProgram:
    try:
        with zipfile.ZipFile(source) as archive:
            return _read_archive(path, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        raise _refused(
            path, None, QT_TRANSLATE_NOOP("Errors", "is not a program bundle (a zip archive)")
        ) from None


def bundle_bytes(document: Mapping[str, Any], media: Mapping[str, bytes]) -> bytes:
    """A saved program and its media as a bundle, in the one form bundles are written in."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        _write_entry(archive, PROGRAM_ENTRY, program_file_text(document).encode("utf-8"))
        for name in sorted(media):
            _write_entry(archive, name, media[name])
    return buffer.getvalue()


def exported_program(
    document: Mapping[str, Any], media: Mapping[str, bytes], output: Path
) -> bytes:
    """What a program export writes to `output`: a bundle when the program has pictures or
    video (or the name asks for one), else the plain program file, as before bundles.

    A program with media is never written as a plain file, which would lose them, so such
    an `output` must be named `.alshome`; DocumentError otherwise, before anything is written.
    """
    if output.suffix.lower() == BUNDLE_SUFFIX:
        return bundle_bytes(document, media)
    if media:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The program has pictures or video, so it is written as a bundle: give the "
                "file a name ending in {suffix}, such as {example}.",
            ),
            suffix=BUNDLE_SUFFIX,
            example=output.with_suffix(BUNDLE_SUFFIX).name,
        )
    return program_file_text(document).encode("utf-8")


def _read_archive(path: PurePath, archive: zipfile.ZipFile) -> CheckedProgram:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise _refused(
            path,
            None,
            QT_TRANSLATE_NOOP("Errors", "holds {count} files; a bundle may hold {limit}"),
            count=len(entries),
            limit=MAX_ENTRIES,
        )
    files: dict[str, zipfile.ZipInfo] = {}
    for entry in entries:
        _check_entry(path, entry)
        if entry.is_dir():
            continue
        if entry.orig_filename in files:
            raise _refused(
                path, entry.orig_filename, QT_TRANSLATE_NOOP("Errors", "is in the bundle twice")
            )
        files[entry.orig_filename] = entry
    if PROGRAM_ENTRY not in files:
        raise _refused(
            path,
            None,
            QT_TRANSLATE_NOOP("Errors", "has no {program} at its root"),
            program=PROGRAM_ENTRY,
        )
    data = _read_entry(path, archive, files.pop(PROGRAM_ENTRY), MAX_FILE_BYTES)
    try:
        checked = check_program(json_from_bytes(data, PROGRAM_ENTRY))
    except DocumentError as exc:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{file}: {entry}: {problem}"),
            file=path.name,
            entry=PROGRAM_ENTRY,
            problem=exc.message,
        ) from None
    named = dict.fromkeys(checked.program.media)
    for name in files:
        if name not in named:
            raise _refused(
                path,
                name,
                QT_TRANSLATE_NOOP("Errors", "is not named by {program}"),
                program=PROGRAM_ENTRY,
            )
    for name in named:
        if name not in files:
            raise _refused(
                path,
                name,
                QT_TRANSLATE_NOOP("Errors", "is named by {program} but is not in the bundle"),
                program=PROGRAM_ENTRY,
            )
    media = {}
    for name in named:
        content = _read_entry(path, archive, files[name], media_cap(name))
        try:
            check_media(name, content)
        except MediaError as exc:
            raise _refused(path, name, exc.message) from None
        media[name] = content
    return CheckedProgram(checked.document, checked.program, media)


def _check_entry(path: PurePath, entry: zipfile.ZipInfo) -> None:
    """An entry's name, kind and sizes, before a byte of it is read."""
    name = entry.orig_filename
    mode = entry.external_attr >> 16
    problem = None
    if "\x00" in name or "\\" in name:
        problem = QT_TRANSLATE_NOOP("Errors", "has a name no bundle uses")
    elif name.startswith("/") or name[1:3] == ":/":
        problem = QT_TRANSLATE_NOOP("Errors", "has an absolute path")
    elif ".." in PurePosixPath(name).parts:
        problem = QT_TRANSLATE_NOOP("Errors", "has a path that leads out of the bundle (..)")
    elif stat.S_ISLNK(mode):
        problem = QT_TRANSLATE_NOOP("Errors", "is a link")
    elif stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        problem = QT_TRANSLATE_NOOP("Errors", "is not a plain file")
    elif entry.flag_bits & 0x1:
        problem = QT_TRANSLATE_NOOP("Errors", "is encrypted")
    elif entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        problem = QT_TRANSLATE_NOOP("Errors", "is compressed in a way bundles do not use")
    if problem is not None:
        raise _refused(path, name, problem)
    if entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
        raise _refused(
            path,
            name,
            QT_TRANSLATE_NOOP("Errors", "expands more than {ratio} times its size (a zip bomb)"),
            ratio=MAX_RATIO,
        )


def _read_entry(
    path: PurePath, archive: zipfile.ZipFile, entry: zipfile.ZipInfo, cap: int
) -> bytes:
    """An entry's bytes, no more than `cap`; the archive's checksum is checked on the way."""
    name = entry.orig_filename
    if entry.file_size > cap:
        raise _refused(path, name, _larger(cap))
    try:
        with archive.open(entry) as handle:
            data = handle.read(cap + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise _refused(path, name, QT_TRANSLATE_NOOP("Errors", "is damaged")) from None
    if len(data) > cap:
        raise _refused(path, name, _larger(cap))
    return data


def _write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    entry.create_system = UNIX
    entry.external_attr = FILE_MODE << 16
    entry.compress_type = zipfile.ZIP_STORED
    archive.writestr(entry, data)


def _first_media_field(document: Mapping[str, Any]) -> tuple[str, str]:
    for index, exercise in enumerate(document.get("custom_exercises", ())):
        for field in ("picture", "video"):
            if exercise.get(field) is not None:
                return f"custom_exercises[{index}].{field}", exercise[field]
    raise ValueError("the document names no picture or video")


def _larger(cap: int) -> Message:
    if cap >= 1024 * 1024:
        return Message(QT_TRANSLATE_NOOP("Errors", "is larger than {size} MB"), {"size": cap >> 20})
    return Message(QT_TRANSLATE_NOOP("Errors", "is larger than {size} KB"), {"size": cap >> 10})


def _refused(
    path: PurePath, entry: str | None, problem: str | Message, **values: object
) -> DocumentError:
    """One sentence: the bundle, the entry when there is one, and the reason."""
    reason = problem if isinstance(problem, Message) else Message(problem, values)
    if entry is None:
        return DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{file} {problem}."), file=path.name, problem=reason
        )
    shown = "".join(c if c.isprintable() else "?" for c in entry[:120])
    return DocumentError(
        QT_TRANSLATE_NOOP("Errors", "{file}: {entry}: {problem}."),
        file=path.name,
        entry=shown,
        problem=reason,
    )
