"""Where a workspace keeps its files: one folder, one database, one key file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DB_NAME = "talkdesk.db"
KEYS_NAME = "keys.json"


@dataclass(frozen=True)
class WorkspacePaths:
    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / DB_NAME

    @property
    def keys(self) -> Path:
        return self.folder / KEYS_NAME

    @property
    def keys_backup(self) -> Path:
        return self.folder / (KEYS_NAME + ".bak")

    @property
    def logs(self) -> Path:
        return self.folder / "logs"

    @property
    def backups(self) -> Path:
        """Copies made by the program itself (before a schema migration)."""
        return self.folder / "backups"

    @property
    def settings(self) -> Path:
        return self.folder / "settings.json"

    def sidecars(self) -> list[Path]:
        """The database's WAL and shared-memory files."""
        return [self.database.with_name(DB_NAME + s) for s in ("-wal", "-shm")]

    def exists(self) -> bool:
        return self.keys.exists() or self.keys_backup.exists() or self.database.exists()
