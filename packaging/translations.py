"""Keep the zh_CN translation in step with the sources: `update` and `fill FILE.json`.

    python packaging/translations.py update
        pyside6-lupdate over talkdesk/ui and talkdesk/app into
        resources/translations/talkdesk_zh_CN.ts (existing translations kept,
        obsolete ones dropped), then pyside6-lrelease to talkdesk_zh_CN.qm.
    python packaging/translations.py fill FILE.json
        applies {"source": "中文"} (any context) or {"context": {"source": "中文"}},
        marks them finished (a %n message gets its one Chinese plural form), then
        runs lrelease.

Several people (and helpers) run this at once, so each command holds an
exclusive lock on /tmp/talkdesk-translations.lock from start to end.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "talkdesk_zh_CN.ts"
QM_FILE = TRANSLATIONS / "talkdesk_zh_CN.qm"
SOURCE_DIRS = (ROOT / "talkdesk" / "ui", ROOT / "talkdesk" / "app", ROOT / "talkdesk" / "reports")
LOCK_FILE = Path("/tmp/talkdesk-translations.lock")
LANGUAGE = "zh_CN"


def tool(name: str) -> str:
    """A Qt tool from the virtualenv that runs this script (next to sys.executable)."""
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def source_files(dirs: tuple[Path, ...] = SOURCE_DIRS) -> list[Path]:
    """Every Python file under the translated packages, in a stable order."""
    return sorted(p for d in dirs for p in d.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts_file: Path, sources: list[Path] | None = None) -> None:
    """Extract the source strings into `ts_file`, keeping what it already translates."""
    files = source_files() if sources is None else sources
    cmd = [tool("pyside6-lupdate"), *map(str, files), "-no-obsolete", "-locations", "none"]
    cmd += ["-target-language", LANGUAGE, "-ts", str(ts_file)]
    _run(cmd)


def run_lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    _run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)])


def _run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"{Path(cmd[0]).name} failed ({result.returncode})")


@contextmanager
def exclusive() -> Iterator[None]:
    with LOCK_FILE.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    run_lupdate(TS_FILE)
    run_lrelease()
    missing = unfinished(TS_FILE)
    print(f"{TS_FILE.relative_to(ROOT)}: {len(missing)} string(s) still to translate")
    for context, source in missing:
        print(f"  [{context}] {source}")


def fill(json_file: Path) -> None:
    wanted = json.loads(json_file.read_text(encoding="utf-8"))
    if not isinstance(wanted, dict):
        raise SystemExit("the JSON file must hold an object")
    anywhere = {k: v for k, v in wanted.items() if isinstance(v, str)}
    by_context = {k: v for k, v in wanted.items() if isinstance(v, dict)}
    tree = ET.parse(TS_FILE)
    applied = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            text = by_context.get(name, {}).get(source, anywhere.get(source))
            if text is None:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if message.get("numerus") == "yes":
                # Chinese has one plural form: a single <numerusform>
                for form in list(translation):
                    translation.remove(form)
                translation.text = None
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
            applied += 1
    write_ts(tree, TS_FILE)
    run_lrelease()
    left = unfinished(TS_FILE)
    print(f"applied {applied} translation(s); {len(left)} string(s) still to translate")
    for context_name, source in left:
        print(f"  [{context_name}] {source}")


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"
    tmp = path.with_suffix(".ts.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished, non-empty translation."""
    out = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in {"unfinished", "vanished", "obsolete"}
                or not (translation.text or "").strip()
            ) and not _is_numerus_done(translation):
                out.append((name, message.findtext("source", "")))
    return out


def _is_numerus_done(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type"):
        return False
    forms = translation.findall("numerusform")
    return bool(forms) and all((f.text or "").strip() for f in forms)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="lupdate the sources into the .ts, then lrelease")
    fill_cmd = sub.add_parser("fill", help="apply translations from a JSON file, then lrelease")
    fill_cmd.add_argument("json_file", type=Path)
    args = parser.parse_args(argv)
    with exclusive():
        if args.command == "update":
            update()
        else:
            fill(args.json_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
