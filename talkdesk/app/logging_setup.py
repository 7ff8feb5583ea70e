"""A rotating log file in the workspace's logs/ folder; never names, notes, passwords or keys.

Every message in talkdesk is written with that rule in mind (codes, counts and
exception type names only). Libraries that could echo data (SQLAlchemy's SQL
echo with its parameters) are held at WARNING.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "talkdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(folder: Path, level: int = logging.INFO) -> logging.Handler | None:
    """Log to folder/talkdesk.log (rotated); returns the handler, or None if not writable."""
    root = logging.getLogger()
    root.setLevel(level)
    for quiet in ("sqlalchemy", "alembic", "keyring", "apscheduler"):
        logging.getLogger(quiet).setLevel(logging.WARNING)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return handler


def close_logging(handler: logging.Handler | None) -> None:
    """Detach and close the file (before a demo folder is removed)."""
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
