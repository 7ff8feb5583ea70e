"""Overlapping character pairs: how text is indexed and how a query finds it.

FTS5 trigram finds nothing under three characters and unicode61 treats a run of
Chinese as one token, yet two-character words (家庭, 压力) are the commonest
queries. So every run of non-space characters is indexed as its overlapping
pairs plus its last character alone; a query of n characters becomes the
phrase of its n-1 pairs, which matches exactly the texts holding it.
"""

from __future__ import annotations

import re

_RUN = re.compile(r"\S+")


def index_tokens(text: str) -> str:
    """The document FTS stores for `text`: pairs and each run's last character."""
    out: list[str] = []
    for run in _RUN.findall(text.lower()):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        out.append(run[-1])
    return " ".join(out)


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for `query`, or None when there is nothing to find.

    Runs separated by spaces must all occur (AND); a single character matches
    as a prefix, so it finds every pair that starts with it.
    """
    parts: list[str] = []
    for run in _RUN.findall(query.lower()):
        if len(run) == 1:
            parts.append(_quote(run) + "*")
        else:
            parts.append(_quote(" ".join(run[i : i + 2] for i in range(len(run) - 1))))
    return " AND ".join(parts) if parts else None


def _quote(phrase: str) -> str:
    return '"' + phrase.replace('"', '""') + '"'
