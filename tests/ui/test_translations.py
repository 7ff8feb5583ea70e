"""The zh_CN translation is complete and its compiled .qm matches the committed .ts."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "translations", ROOT / "packaging" / "translations.py"
)
assert _spec is not None and _spec.loader is not None
translations = importlib.util.module_from_spec(_spec)
sys.modules["translations"] = translations
_spec.loader.exec_module(translations)


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            out[(name, message.findtext("source", ""))] = message
    return out


def test_every_source_string_has_a_finished_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(translations.TS_FILE, fresh)  # lupdate keeps what is already translated
    translations.run_lupdate(fresh)
    missing = translations.unfinished(fresh)
    assert not missing, "untranslated (run packaging/translations.py update, then fill):\n" + (
        "\n".join(f"  [{c}] {s}" for c, s in missing)
    )
    # and the committed file already holds them all (not just the fresh copy)
    assert set(messages(fresh)) <= set(messages(translations.TS_FILE))


def test_the_compiled_catalogue_is_current(tmp_path: Path) -> None:
    rebuilt = tmp_path / "rebuilt.qm"
    translations.run_lrelease(translations.TS_FILE, rebuilt)
    assert rebuilt.read_bytes() == translations.QM_FILE.read_bytes(), (
        "talkdesk_zh_CN.qm is stale: run packaging/translations.py update"
    )
