"""Bring resources/i18n/alshome_<language>.ts up to date with the code, and compile its .qm.

Run from the checkout after changing any text on screen:

    .venv/bin/python packaging/update_translations.py

then translate every entry marked `type="unfinished"` (in Qt Linguist, or by hand) and run
it again. The steps:

1. pyside6-lupdate lists the texts of alshome/ into a scratch .ts, without the source
   locations (so a moved line does not change the file);
2. packaging/extra_strings.py adds the texts lupdate cannot see, under their context;
3. each text keeps the translation it had in the previous .ts; a new one is marked
   unfinished, and a text no longer in the code is dropped;
4. pyside6-lrelease compiles the .ts into the .qm the app loads. The .qm is committed, so
   a checkout runs translated without a build step; a test checks it matches the .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from extra_strings import SOURCE, Entry, extra_strings  # noqa: E402

I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("es",)


def tool(name: str) -> str:
    """A PySide6 tool, from the Python environment running this script or from PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found: install PySide6 into this environment.")
    return found


def source_strings() -> list[Entry]:
    """Every (context, text) to translate, in the order of the .ts file.

    lupdate files the calls of a module's own `tr` helper under an empty context;
    extra_strings lists them under the helper's real one, so the empty context is dropped.
    """
    with tempfile.TemporaryDirectory() as scratch:
        found = Path(scratch) / "found.ts"
        options = ["-extensions", "py", "-no-obsolete", "-locations", "none", "-silent"]
        subprocess.run(
            [tool("pyside6-lupdate"), *options, str(SOURCE), "-ts", str(found)], check=True
        )
        entries = [(context, text) for context, text, _translation in read_ts(found) if context]
    return list(dict.fromkeys([*entries, *extra_strings()]))


def read_ts(path: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation) of each message; None for an unfinished translation."""
    if not path.exists():
        return []
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") is None
            text = translation.text if finished and translation.text else None
            messages.append((name, message.findtext("source") or "", text))
    return messages


def write_ts(path: Path, language: str, entries: list[Entry], known: dict[Entry, str]) -> None:
    """The .ts for `entries`, each with its translation in `known` or marked unfinished."""
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    for context, text in entries:
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        if (context, text) in known:
            translation.text = known[(context, text)]
        else:
            translation.set("type", "unfinished")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def update(language: str) -> int:
    """Update and compile one language; the number of texts still to translate."""
    ts = I18N / f"alshome_{language}.ts"
    known = {(c, s): t for c, s, t in read_ts(ts) if t is not None}
    entries = source_strings()
    I18N.mkdir(parents=True, exist_ok=True)
    write_ts(ts, language, entries, known)
    compile_qm(ts, ts.with_suffix(".qm"))
    return sum(entry not in known for entry in entries)


if __name__ == "__main__":
    for code in LANGUAGES:
        missing = update(code)
        print(f"alshome_{code}.ts: {missing} texts to translate.")
