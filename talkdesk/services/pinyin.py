"""Names by sound: 张三 is found by `zhangsan` and by its initials `zs`."""

from __future__ import annotations

# Surnames read differently from the character's common reading (曾 zēng, not céng).
SURNAME_READINGS = {
    "万俟": ["mo", "qi"],
    "尉迟": ["yu", "chi"],
    "单于": ["chan", "yu"],
    "曾": ["zeng"],
    "单": ["shan"],
    "解": ["xie"],
    "仇": ["qiu"],
    "朴": ["piao"],
    "查": ["zha"],
    "区": ["ou"],
    "乐": ["yue"],
    "缪": ["miao"],
    "翟": ["zhai"],
    "盖": ["ge"],
    "覃": ["qin"],
    "召": ["shao"],
    "员": ["yun"],
    "种": ["chong"],
    "繁": ["po"],
    "重": ["chong"],
    "折": ["she"],
    "祭": ["zhai"],
    "宓": ["fu"],
    "秘": ["bi"],
    "句": ["gou"],
    "尉": ["yu"],
}


def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) in lower case, without tones or spaces."""
    from pypinyin import Style, lazy_pinyin  # ~0.3 s to import: only when a name is written

    name = name.strip()
    surname = _surname_of(name)
    pieces = list(SURNAME_READINGS.get(surname, []))
    pieces += lazy_pinyin(name[len(surname) :], style=Style.NORMAL, errors="default")
    syllables = [word.lower() for piece in pieces for word in piece.split()]
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables if s[0].isalnum())
    return full, initials


def _surname_of(name: str) -> str:
    """The name's surname if it is one read unusually, else empty."""
    for length in (2, 1):
        if name[:length] in SURNAME_READINGS:
            return name[:length]
    return ""
