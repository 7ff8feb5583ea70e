"""Error codes are worded for the user, with what to do next, and never quote details."""

from __future__ import annotations

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.ui.messages import error_text, unexpected_text


def test_every_code_has_its_own_words_except_unexpected(qapp: object) -> None:
    texts = {code: error_text(TalkdeskError(code, field="name")) for code in ErrorCode}
    generic = unexpected_text()
    assert texts.pop(ErrorCode.UNEXPECTED) == generic
    assert all(text and text != generic for text in texts.values())


def test_busy_and_denied_files_are_told_apart(qapp: object) -> None:
    busy = error_text(TalkdeskError(ErrorCode.FILE_NOT_WRITABLE, reason="busy"))
    denied = error_text(TalkdeskError(ErrorCode.FILE_NOT_WRITABLE, reason="denied"))
    plain = error_text(TalkdeskError(ErrorCode.FILE_NOT_WRITABLE))
    assert "another talkdesk window" in busy and "permissions" in denied
    assert len({busy, denied, plain}) == 3
