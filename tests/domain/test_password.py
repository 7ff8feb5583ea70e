"""Password strength: a floor the program enforces and a hint that only grows as one types."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talkdesk.domain.password import MIN_LENGTH, Strength, is_acceptable, strength


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("", Strength.TOO_WEAK),
        ("Ab1!xyz", Strength.TOO_WEAK),  # too short
        ("aaaaaaaaaaaaaaaa", Strength.TOO_WEAK),  # long but one character
        ("abababab1", Strength.TOO_WEAK),  # three distinct characters
        ("abcdefgh", Strength.WEAK),
        ("谈心谈话记录台账", Strength.WEAK),
        ("abcdefgH1", Strength.FAIR),
        ("Abcdefgh1!", Strength.STRONG),
        ("correct horse 42", Strength.STRONG),
        ("我的谈心谈话台账2026年", Strength.FAIR),
    ],
)
def test_examples(password: str, expected: Strength) -> None:
    assert strength(password) == expected
    assert is_acceptable(password) == (expected > Strength.TOO_WEAK)


@given(st.text(max_size=MIN_LENGTH - 1))
def test_short_passwords_are_never_acceptable(password: str) -> None:
    assert not is_acceptable(password)


@given(st.text(max_size=24), st.text(min_size=1, max_size=8))
def test_typing_more_never_makes_it_weaker(password: str, more: str) -> None:
    assert strength(password + more) >= strength(password)
