"""What is on disk: fingerprints of a folder's files, and a search for text in them."""

from __future__ import annotations

import hashlib
from pathlib import Path


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under `folder` (recursively) by relative path: content hash and mtime."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): (_digest(p), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def contents(snap: dict[str, tuple[str, int]]) -> dict[str, str]:
    """Only the hashes: for when a file may be rewritten with the same bytes."""
    return {name: digest for name, (digest, _) in snap.items()}


def files_under(*places: Path) -> list[Path]:
    out: list[Path] = []
    for place in places:
        if place.is_file():
            out.append(place)
        elif place.is_dir():
            out.extend(p for p in sorted(place.rglob("*")) if p.is_file())
    return out


def encodings(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le")]


def leaks(needles: dict[str, bytes], *places: Path) -> list[str]:
    """`name in file` for every needle found in any file under `places`."""
    found = []
    for path in files_under(*places):
        data = path.read_bytes()
        found.extend(f"{name} in {path.name}" for name, needle in needles.items() if needle in data)
    return found
