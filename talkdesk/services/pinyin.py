"""Names by sound: 张三 is found by `zhangsan` and by its initials `zs`."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) in lower case, without tones or spaces."""
    pieces = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    syllables = [word.lower() for piece in pieces for word in piece.split()]
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables if s[0].isalnum())
    return full, initials
