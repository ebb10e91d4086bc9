"""The `course` command (lessons/cli.py): every subcommand's help, its work, and its faults.

Run as a user runs it (``python -m lessons.cli``, what the `course` script calls) where the exit
code and the absence of a traceback matter; in-process where a fault must be injected.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lessons import cli
from lessons.apps import handouts, instructor_guide
from lessons.core import validate
from lessons.quizzes.progress import ENV_VAR, ProgressStore

REPO = Path(__file__).resolve().parent.parent


def course(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None):
    """Run ``course ARGS...`` in a fresh interpreter and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "lessons.cli", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip


def test_course_help_lists_every_command():
    done = course("--help")
    assert done.returncode == 0, done.stderr
    for name in cli.COMMANDS:
        assert name in done.stdout


@pytest.mark.parametrize("name", list(cli.COMMANDS))
def test_every_command_has_help_under_its_course_name(name):
    done = course(name, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: course {name}")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ((), "the following arguments are required: COMMAND"),
        (("diagnose",), "invalid choice: 'diagnose'"),
        (("validate", "--strict"), "unrecognized arguments: --strict"),
        (("handouts", "--page", "A3"), "invalid choice: 'A3'"),
        (("handouts", "no-such-lesson.ipynb"), "no such lesson notebook: no-such-lesson.ipynb"),
        (("instructor-guide", "--out"), "expected one argument"),
        (("clinic", "--port", "http"), "use a whole number from 1 to 65535"),
        (("progress",), "the following arguments are required: command"),
        (("progress", "export"), "the following arguments are required: out"),
        (("progress", "merge", "class.csv"), "the following arguments are required: files"),
    ],
)
def test_bad_arguments_exit_2_with_a_one_line_reason_and_no_traceback(args, says):
    done = course(*args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert says in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0].startswith("usage: course")


def test_version_names_the_installed_package():
    done = course("--version")
    assert done.returncode == 0 and done.stdout.startswith("course ")


def test_validate_passes_the_course_data_and_names_each_file():
    done = course("validate")
    assert done.returncode == 0, done.stderr
    assert "ok: lessons/data/red_flags.toml" in done.stdout
    assert "ok: lessons/data/quiz/04-stretches.toml" in done.stdout


def test_validate_exits_1_naming_a_broken_file(tmp_path, monkeypatch, capsys):
    """A bank with a question that has no answer: the command says which file, and fails."""
    broken = tmp_path / "quiz" / "09-broken.toml"
    broken.parent.mkdir()
    broken.write_text(
        'lesson = "09-broken"\ntitle = "Broken"\n[[question]]\nid = "q1"\ntype = "single"\n'
        'prompt = "Which?"\n',
        encoding="utf-8",
    )
    assert cli.main(["validate", "--quiet", str(broken)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "error:" in err and "09-broken.toml" in err and "q1" in err


def test_instructor_guide_writes_the_guide(tmp_path):
    done = course("instructor-guide", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "instructor-guide.html").is_file()
    assert "course instructor-guide" in (tmp_path / "instructor-guide.md").read_text("utf-8")


@pytest.mark.parametrize(("command", "module"), [
    ("handouts", handouts), ("instructor-guide", instructor_guide),
])  # fmt: skip
def test_outside_the_course_folder_the_command_says_where_to_run_it(
    command, module, tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(module, "ROOT", tmp_path)
    assert cli.main([command, "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path} is not the course folder: it has no notebooks/" in err
    assert not (tmp_path / "out").exists()


def test_a_missing_teaching_extra_is_named_with_the_install_command(monkeypatch, capsys):
    """Without nbconvert (the 'teach' extra), `course handouts` says what to install."""
    monkeypatch.delitem(sys.modules, "lessons.apps.handouts")
    monkeypatch.setitem(sys.modules, "nbconvert", None)
    assert cli.main(["handouts"]) == 1
    err = capsys.readouterr().err
    assert "needs nbconvert" in err and "pip install 'knee-hip-course[teach]'" in err


def test_progress_export_then_merge(tmp_path):
    """A learner exports their answers; a teacher merges two learners' files into one CSV."""
    for learner, answers in (("alice", 2), ("bob", 1)):
        store = ProgressStore(tmp_path / f"{learner}.sqlite3")
        for n in range(answers):
            store.record("02-knee-and-hip", f"q{n}", "A", n == 0)
    env = {**os.environ, ENV_VAR: str(tmp_path / "alice.sqlite3")}
    done = course("progress", "export", str(tmp_path / "alice.csv"), env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"2 attempts written to {tmp_path / 'alice.csv'}"
    done = course("progress", "merge", str(tmp_path / "class.csv"),
                  str(tmp_path / "alice.sqlite3"), str(tmp_path / "bob.sqlite3"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "class.csv", newline="", encoding="utf-8") as handle:
        learners = [row["learner"] for row in csv.DictReader(handle)]
    assert sorted(learners) == ["alice", "alice", "bob"]


def test_progress_merge_of_a_missing_file_exits_1_and_writes_nothing(tmp_path):
    done = course("progress", "merge", str(tmp_path / "class.csv"), str(tmp_path / "no.sqlite3"))
    assert done.returncode == 1 and "no.sqlite3" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "class.csv").exists()


def test_the_validate_module_runs_on_its_own_and_quiet_prints_nothing_when_all_is_well(capsys):
    assert validate.main(["--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


def test_clinic_without_voila_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setattr("importlib.util.find_spec", lambda name, *a: None)
    assert cli.main(["clinic", "--no-browser", "--port", "8872"]) == 2
    assert "pip install 'knee-hip-course[teach]'" in capsys.readouterr().err
