"""`talkdesk export talk ID --out FILE`: Word and PDF from the command line, with no screen."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pypdf
import pytest
from sqlalchemy import select

from talkdesk.app.main import main
from talkdesk.services.bundle import Services
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.tables import audit_event
from tests.conftest import PASSWORD
from tests.reports.record_helpers import CARE_REASON, PRIVATE_NOTE, Stored, store_talks


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """The command line reuses the test run's Qt application (a QApplication, so it can draw)."""


@pytest.fixture
def stored(session: WorkspaceSession, monkeypatch: pytest.MonkeyPatch) -> Iterator[Stored]:
    """Two talks in a locked workspace, and the password in the environment (as a script)."""
    made = store_talks(Services(session))
    session.lock()
    monkeypatch.setenv("TALKDESK_PASSWORD", PASSWORD)
    yield made


def export(session: WorkspaceSession, talk: int, out: Path, *more: str) -> int:
    folder = str(session.paths.folder)
    return main(["export", "talk", str(talk), "--out", str(out), "--data-dir", folder, *more])


def exports_audited(session: WorkspaceSession) -> list[tuple[str, int]]:
    session.unlock_with_password(PASSWORD)
    try:
        with session.context.db.reading() as conn:
            rows = conn.execute(
                select(audit_event.c.entity, audit_event.c.count).where(
                    audit_event.c.action == "exported"
                )
            ).all()
    finally:
        session.lock()
    return [(r[0], r[1]) for r in rows]


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def test_a_talk_to_word_says_where_and_that_it_is_not_encrypted(
    session: WorkspaceSession,
    stored: Stored,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "talk.docx"
    assert export(session, stored.flagged, out, "--lang", "en") == 0
    said = capsys.readouterr().out
    assert f"Talk {stored.flagged} written to {out}." in said
    assert "The file is not encrypted" in said
    text = docx_text(out)
    assert "二楼小会议室" in text and "通勤时间长" in text and "解决通勤班车" in text
    assert PRIVATE_NOTE not in text and CARE_REASON not in text
    assert "Internal material" not in text
    assert exports_audited(session) == [("talk_record", 1)]


def test_care_details_only_with_include_care_and_then_marked(
    session: WorkspaceSession,
    stored: Stored,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "care.docx"
    assert export(session, stored.flagged, out, "--include-care", "--lang", "zh_CN") == 0
    said = capsys.readouterr().out
    assert "已保存到" in said and "内部资料 注意保密" in said and "未加密" in said
    text = docx_text(out)
    assert text.startswith("内部资料 注意保密")
    assert f"一般关注：{CARE_REASON}" in text and PRIVATE_NOTE not in text


def test_a_talk_to_pdf_in_chinese(
    session: WorkspaceSession,
    stored: Stored,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "talk.pdf"
    assert export(session, stored.flagged, out, "--lang", "zh_CN") == 0
    assert "未加密" in capsys.readouterr().out
    text = pdf_text(out.read_bytes())
    for expected in ("示例局谈心谈话记录表", "谈话时间", "谈话对象", "张三", "二楼小会议室"):
        assert expected in text
    assert PRIVATE_NOTE not in text and CARE_REASON not in text


def test_anything_but_docx_or_pdf_is_refused_and_nothing_is_written(
    session: WorkspaceSession,
    stored: Stored,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert export(session, stored.flagged, tmp_path / "talk.txt", "--lang", "en") == 2
    assert capsys.readouterr().err == (
        "The record form is written as .docx or .pdf, not talk.txt.\n"
    )
    assert export(session, stored.flagged, tmp_path / "talk.odt", "--lang", "zh_CN") == 2
    assert "只能保存为 .docx 或 .pdf" in capsys.readouterr().err
    assert export(session, 999, tmp_path / "none.docx", "--lang", "en") == 2
    assert capsys.readouterr().err.strip()
    (tmp_path / "there.docx").write_bytes(b"kept")
    assert export(session, stored.flagged, tmp_path / "there.docx", "--lang", "en") == 2
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "there.docx").read_bytes() == b"kept"
    assert export(session, stored.flagged, tmp_path / "no" / "x.docx", "--lang", "en") == 2
    assert "does not exist" in capsys.readouterr().err
    assert export(session, 0, tmp_path / "x.pdf", "--lang", "en") == 2  # no talk 0
    assert not (tmp_path / "x.pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["there.docx"]
    assert exports_audited(session) == []


def test_pdf_from_a_real_process_with_no_screen(
    session: WorkspaceSession, stored: Stored, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.pop("WAYLAND_DISPLAY", None)
    env.update(TALKDESK_PASSWORD=PASSWORD, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    out = tmp_path / "headless.pdf"
    args = ["export", "talk", str(stored.plain), "--out", str(out)]
    args += ["--data-dir", str(session.paths.folder), "--lang", "en"]
    done = subprocess.run(
        [sys.executable, "-m", "talkdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert f"written to {out}" in done.stdout
    text = pdf_text(out.read_bytes())
    assert "谈了年终总结" in text and "李四" in text and "另一条私下记录" not in text
    assert exports_audited(session) == [("talk_record", 1)]
