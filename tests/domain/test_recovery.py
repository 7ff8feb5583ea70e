"""The recovery code: well formed when fresh, and forgiving of how a person types it back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from talkdesk.domain.recovery import (
    ALPHABET,
    GROUP_LEN,
    GROUPS,
    format_code,
    groups,
    is_well_formed,
    new_recovery_code,
    normalise,
)

codes = st.text(alphabet=ALPHABET, min_size=GROUPS * GROUP_LEN, max_size=GROUPS * GROUP_LEN)
_LOOK_ALIKES = {"1": "IiLl", "0": "Oo", "V": "Uu"}


def test_new_code_is_well_formed_grouped_and_random() -> None:
    code = new_recovery_code()
    assert is_well_formed(code)
    assert normalise(code) == code
    assert groups(code) == code.split("-")
    assert len(groups(code)) == GROUPS and all(len(g) == GROUP_LEN for g in groups(code))
    assert len({new_recovery_code() for _ in range(20)}) == 20


@settings(max_examples=30)  # each example draws 64 choices
@given(codes, st.data())
def test_case_spaces_dashes_and_look_alikes_are_forgiven(raw: str, data: st.DataObject) -> None:
    code = format_code(raw)
    typed = []
    for ch in raw:
        variants = [ch, ch.lower(), *_LOOK_ALIKES.get(ch, "")]
        typed.append(data.draw(st.sampled_from(variants)))
        typed.append(data.draw(st.sampled_from(["", "", " ", "-", "  ", " - ", "\t"])))
    typed_code = data.draw(st.sampled_from([" ", ""])) + "".join(typed)
    assert normalise(typed_code) == code
    assert is_well_formed(typed_code)


@given(codes)
def test_the_canonical_code_is_a_fixed_point(raw: str) -> None:
    code = format_code(raw)
    assert normalise(code) == code
    assert normalise(normalise(code.lower())) == code


def test_ill_formed_codes() -> None:
    code = new_recovery_code()
    raw = code.replace("-", "")
    assert not is_well_formed(raw[:-1])  # a character short
    assert not is_well_formed(raw + "A")  # a character too many
    assert not is_well_formed("")
    assert not is_well_formed(raw[:-1] + "中")  # not in the alphabet
    assert is_well_formed(raw[:-1] + "!" + raw[-1])  # punctuation is dropped, not counted


def test_full_width_characters_from_a_chinese_input_method_are_accepted() -> None:
    code = new_recovery_code()
    # What a Chinese IME in full-width mode types: Ａ-Ｚ, ０-９, the ideographic space and dash.
    full_width = "".join(chr(ord(ch) + 0xFEE0) if ch != "-" else "－" for ch in code.lower())
    typed = full_width.replace("－", "\u3000", 3)
    assert typed != code and is_well_formed(typed)
    assert normalise(typed) == code
    assert not is_well_formed(code[:-1] + "谈")
