"""Files shipped with talkdesk: icons, translations, document templates.

They ship as plain files inside the package (wheels are installed unzipped), so Qt can be
handed their paths; a path costs nothing to import, unlike importlib.resources (~8 ms
on the way to the first paint).
"""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """A shipped file, e.g. path("icons", "lock.svg")."""
    return FOLDER.joinpath(*parts)
