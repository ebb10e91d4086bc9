"""Tests for lessons/apps/instructor_guide.py: teaching notes
for every lesson, answer keys printed from the banks."""

from __future__ import annotations

import re
import shutil

import pytest

import lessons.quizzes.bank
from lessons.apps import instructor_guide
from lessons.apps.course_folder import lesson_notebooks
from lessons.apps.instructor_guide import GUIDE_DIR, GuideError, course_lessons
from lessons.quizzes.bank import correct_answer_text, lesson_ids, load_bank
from lessons.red_flags.signs import load_red_flags


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build the whole guide once for the module."""
    out = tmp_path_factory.mktemp("instructor")
    assert instructor_guide.main(["--out", str(out)]) == 0
    return out


def test_the_command_writes_each_lesson_and_the_course_as_markdown_and_html(built):
    """One Markdown and one HTML file per lesson, and both for the whole course."""
    for lesson in course_lessons():
        assert (built / f"{lesson.quiz}.md").is_file()
        assert (built / f"{lesson.quiz}.html").is_file()
    assert (built / "instructor-guide.md").is_file()
    assert (built / "instructor-guide.html").is_file()


def test_the_html_is_printable_and_offline(built):
    """The HTML has a title, a lang, print styles with a
    page break per lesson, and nothing from the network."""
    page = (built / "instructor-guide.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and re.search(r"<title>[^<]+</title>", page)
    assert "@media print" in page and "break-before: page" in page
    assert page.count('<section class="lesson"') == len(lesson_notebooks())
    assert not re.search(r"<(script|link|img)\b[^>]*(src|href)=[\"']?(https?:)?//", page)
    assert "@import" not in page and "<script" not in page


def test_every_question_id_and_its_correct_answer_is_in_the_guide(built):
    """The assembled guide names every question of every bank with its correct answer."""
    guide = (built / "instructor-guide.md").read_text(encoding="utf-8")
    for lesson_id in lesson_ids():
        for question in load_bank(lesson_id).questions:
            assert f"`{question.id}`" in guide, question.id
            assert correct_answer_text(question) in guide, question.id


def test_the_red_flags_guide_prints_every_sign_on_its_step_from_the_data(built):
    """Lesson 6's guide carries the red-flag table printed from the data file (FACTS E5), not
    retyped: every sign appears in a row with its step, and every combination rule is listed."""
    guide = (built / "06-red-flags.md").read_text(encoding="utf-8")
    assert instructor_guide.RED_FLAGS_MARKER not in guide
    flags = load_red_flags()
    for sign in flags.symptoms:
        assert f"| {flags.step(sign.step).headline} | {sign.label} |" in guide, sign.id
    for rule in flags.combinations:
        assert f"- {rule.label} ({flags.step(rule.step).name}): {rule.reason}" in guide, rule.id


def test_every_notebook_has_notes_and_every_note_a_notebook():
    """instructor/ holds exactly one notes file per lesson notebook, named after its quiz."""
    lessons = course_lessons()
    assert [lesson.notebook for lesson in lessons] == lesson_notebooks()
    notes = sorted(p.name for p in GUIDE_DIR.glob("*.md") if p.name != "README.md")
    assert notes == sorted(lesson.notes.name for lesson in lessons)


def test_objectives_and_time_come_from_the_notebook(built):
    """A lesson's guide quotes the objectives and the time its notebook states."""
    text = (built / "02-knee-and-hip.md").read_text(encoding="utf-8")
    assert "Stated time: about 45 minutes." in text
    assert "- predict what a trunk lean, a cane in either hand and body weight do" in text


def test_notes_cite_the_fact_sheet():
    """Every notes file cites FACTS ids, as the lessons do."""
    for path in GUIDE_DIR.glob("*.md"):
        if path.name != "README.md":
            assert re.search(r"FACTS [A-H]\d", path.read_text(encoding="utf-8")), path.name


def test_editing_a_bank_answer_changes_the_printed_key(tmp_path, monkeypatch):
    """The key is printed from the bank at build time:
    change an answer and the guide changes with it."""
    banks = tmp_path / "quiz"
    shutil.copytree(lessons.quizzes.bank.BANK_DIR, banks)
    path = banks / "00-start-here.toml"
    text = path.read_text(encoding="utf-8")
    assert "answer = 49.9\n" in text
    path.write_text(text.replace("answer = 49.9\n", "answer = 52.3\n"), encoding="utf-8")
    monkeypatch.setattr(lessons.quizzes.bank, "BANK_DIR", banks)
    out = tmp_path / "out"
    instructor_guide.build(out)
    guide = (out / "00-start-here.md").read_text(encoding="utf-8")
    assert "`knee-height` (Number): 52.3 cm (accepted: 51.3 to 53.3 cm)" in guide
    assert "49.9 cm (accepted" not in guide


@pytest.fixture
def notes_copy(tmp_path):
    """A copy of instructor/ to break on purpose."""
    folder = tmp_path / "instructor"
    shutil.copytree(GUIDE_DIR, folder)
    return folder


def test_a_lesson_without_notes_stops_the_build(notes_copy, tmp_path):
    """Removing a lesson's notes fails the build, naming the notebook and the file it needs."""
    (notes_copy / "04-stretches.md").unlink()
    with pytest.raises(
        GuideError,
        match=r"04-Stretches-For-Sciatica.ipynb needs teaching notes in instructor/04-stretches.md",
    ):
        instructor_guide.build(tmp_path / "out", guide_dir=notes_copy)


def test_notes_without_a_lesson_stop_the_build(notes_copy, tmp_path):
    """A notes file whose number matches no notebook fails the build, naming the file."""
    (notes_copy / "09-extra.md").write_text("## Timing\n", encoding="utf-8")
    with pytest.raises(GuideError, match="09-extra.md"):
        instructor_guide.build(tmp_path / "out", guide_dir=notes_copy)


def test_a_timing_plan_that_overruns_the_lesson_stops_the_build(notes_copy, tmp_path):
    """A plan ending after the lesson's stated time fails the build, saying both numbers."""
    path = notes_copy / "00-start-here.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("| 13–15 |", "| 13–18 |"), encoding="utf-8"
    )
    with pytest.raises(
        GuideError, match=r"ends at minute 18, but the lesson states 'about 15 minutes.'"
    ):
        instructor_guide.build(tmp_path / "out", guide_dir=notes_copy)


def test_a_missing_section_stops_the_build(notes_copy, tmp_path):
    """Notes without their discussion prompts fail the build, naming the section."""
    path = notes_copy / "01-kinetic-chain.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("## Discussion prompts", "## Talk"),
        encoding="utf-8",
    )
    with pytest.raises(GuideError, match="## Discussion prompts"):
        instructor_guide.build(tmp_path / "out", guide_dir=notes_copy)
