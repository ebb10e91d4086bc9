"""One broken question bank (a real malformed file, in a copy of the banks) leaves everything
that sums up several lessons working: "My progress", its Refresh, the certificate, the review.
The broken bank is reported once, in one line that names it, never as a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import lessons.quizzes.bank
from lessons.quizzes.progress import ProgressStore, progress_report, progress_summary
from lessons.quizzes.review import certificate_text
from lessons.quizzes.review_widget import certificate, course_review
from lessons.quizzes.widget import my_progress

BROKEN = "03b-nerve-tension-tests"

#: Ways a clinician's edit can break a bank, each a real file on disk.
DAMAGE = {
    "TOML syntax": lambda text: text.replace("]]", "]", 1),
    "missing title": lambda text: text.replace("title =", "titel =", 1),
    "not UTF-8": lambda text: text.encode("latin-1", "replace").decode("latin-1") + "\udcff",
    "empty file": lambda _text: "",
    "byte-order mark": lambda text: "\ufeff" + text,
}


@pytest.fixture
def banks(tmp_path, monkeypatch) -> Path:
    """A copy of the question banks that the course reads instead of its own."""
    folder = tmp_path / "quiz"
    shutil.copytree(lessons.quizzes.bank.BANK_DIR, folder)
    monkeypatch.setattr(lessons.quizzes.bank, "BANK_DIR", folder)
    return folder


def break_bank(folder: Path, how: str) -> None:
    path = folder / f"{BROKEN}.toml"
    text = DAMAGE[how](path.read_text(encoding="utf-8"))
    path.write_bytes(text.encode("utf-8", "surrogateescape"))


def store_with_answers() -> ProgressStore:
    store = ProgressStore(":memory:")
    start = lessons.quizzes.bank.load_bank("00-start-here")
    store.record("00-start-here", start.questions[0].id, "x", True)
    store.record(BROKEN, "some-question", "y", True)
    return store


@pytest.mark.parametrize("how", list(DAMAGE))
def test_my_progress_reports_the_broken_bank_once_and_scores_the_rest(banks, how):
    """The summary has one line naming the broken bank, then every other lesson's score."""
    assert BROKEN in lessons.quizzes.bank.lesson_ids()
    break_bank(banks, how)
    store = store_with_answers()
    text = progress_summary(store)
    warnings = [line for line in text.splitlines() if line.startswith("⚠")]
    assert len(warnings) == 1 and BROKEN in warnings[0] and "left out" in warnings[0]
    assert "Traceback" not in text
    assert "Start Here: 1 of" in text
    report = progress_report(store)
    assert len(report.lessons) == len(lessons.quizzes.bank.lesson_ids()) - 1


def test_refresh_shows_a_bank_broken_after_the_panel_was_built(banks):
    """Refresh reads again: a bank broken since shows up in the panel, and a mended one goes."""
    store = store_with_answers()
    panel = my_progress(store)
    assert "⚠" not in panel.text
    original = (banks / f"{BROKEN}.toml").read_text(encoding="utf-8")
    break_bank(banks, "TOML syntax")
    panel.children[1].click()
    assert panel.text.count("⚠") == 1 and BROKEN in panel.text
    (banks / f"{BROKEN}.toml").write_text(original, encoding="utf-8")
    panel.children[1].click()
    assert "⚠" not in panel.text and "Start Here: 1 of" in panel.text


def test_the_certificate_keeps_every_other_score(banks):
    """The certificate names the broken bank once and still lists every other lesson's score."""
    break_bank(banks, "missing title")
    store = store_with_answers()
    text = certificate_text(progress_report(store))
    assert text.count("⚠") == 1 and BROKEN in text
    assert "Start Here: 1 of" in text
    panel = certificate(store)
    assert panel.text == text and "Start Here" in panel.view.value


def test_the_review_leaves_the_broken_lesson_out_and_says_so(banks):
    """The course review draws from the other lessons and says which bank is left out."""
    break_bank(banks, "empty file")
    review = course_review(ProgressStore(":memory:"))
    assert BROKEN not in {pick.lesson for pick in review.picks}
    warnings = [line for line in review.intro.value.split("\n") if "⚠" in line]
    assert len(warnings) == 1 and BROKEN in warnings[0]
