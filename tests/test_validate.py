"""Tests for the one data-file check (lessons/core/validate.py) and the shared rules
(lessons/core/validation.py): every shipped file passes, and a misspelt field, a
wrong type, an unknown id and a missing field in any kind of file each give one
error line naming the file, the entry and the field, with a hint."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.core.datafile import DATA_DIR
from lessons.core.errors import DataFileError
from lessons.core.validate import data_files, kind_of, main
from lessons.core.validation import FACTS_CITATION, cites_facts_without_id, facts_ids


def test_every_shipped_data_file_is_ok(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(data_files()) >= 7
    assert all(line.startswith("ok: ") for line in out)
    assert any(re.fullmatch(r"ok: .*stretches\.toml \(\d+ stretches\)", line) for line in out)


def test_python_dash_m_runs_and_checks_named_files_only():
    done = subprocess.run(
        [sys.executable, "-m", "lessons.core.validate", str(DATA_DIR / "claims.toml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1
    assert "claims.toml (" in done.stdout


def _copy(tmp_path: Path, relative: str) -> Path:
    target = tmp_path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA_DIR / relative, target)
    return target


def _inject(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert changed != text, f"the fault was not injected into {path.name}"
    path.write_text(changed, encoding="utf-8")


# (file, fault pattern, replacement, the error line after "error: <file>: ", a hint it must hold)
FAULTS = [
    (  # a misspelt field
        "quiz/00-start-here.toml",
        r"^explanation =",
        "explantion =",
        "run-a-cell: explantion is not a field of a single question",
        'did you mean "explanation"',
    ),
    (  # a misspelt field, elsewhere
        "nerve_map.toml",
        r"^description =",
        "descripton =",
        "leg-outline: descripton is not a field here",
        'did you mean "description"',
    ),
    (  # a wrong type
        "stretches.toml",
        r"^hold_s = (\d+)",
        r'hold_s = "\1 s"',
        "figure-4: hold_s should be a whole number",
        "without quotes or units",
    ),
    (  # an unknown id
        "red_flags.toml",
        r'^(\[\[symptom\]\][^\[]*?)^group = "([a-z-]+)"',
        r'\1group = "\2s"',
        'saddle-numbness: group is "cauda-equinas", which is not the id of a group',
        'did you mean "cauda-equina"',
    ),
    (  # an unknown builder named by a question
        "quiz/02-knee-and-hip.toml",
        r'^explorer = "hip_load_explorer"',
        'explorer = "hip_load_explorr"',
        'cane-opposite-hand: explorer is "hip_load_explorr", which is not a widget of the course',
        'did you mean "hip_load_explorer"',
    ),
    (  # a missing field
        "nerve_map.toml",
        r"^description = .*\n",
        "",
        "leg-outline: description is missing",
        "every entry here needs: id, name",
    ),
    (  # a missing field, elsewhere
        "quiz/00-start-here.toml",
        r"^source = .*\n",
        "",
        "run-a-cell: source is missing",
        "FACTS.md id",
    ),
    (  # a FACTS citation that names no fact
        "claims.toml",
        r'^source = "[^"]*"',
        'source = "FACTS"',
        "spinal-alignment: source 'FACTS' should cite a FACTS.md id",
        "like",
    ),
]


@pytest.mark.parametrize("relative, pattern, replacement, line, hint", FAULTS)
def test_a_fault_gives_one_error_line_naming_file_entry_and_field(
    tmp_path, monkeypatch, capsys, relative, pattern, replacement, line, hint
):
    path = _copy(tmp_path, relative)
    _inject(path, pattern, replacement)
    monkeypatch.chdir(tmp_path)
    assert main([relative]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"error: {relative}: {line}"), err
    assert hint in err


def test_kind_is_told_by_name_or_quiz_folder(tmp_path, capsys):
    good = _copy(tmp_path, "quiz/00-start-here.toml")
    assert main([str(good), str(DATA_DIR / "plain_words.toml")]) == 0
    out = capsys.readouterr().out
    assert f"ok: {good} (" in out and "plain_words.toml (" in out
    stray = tmp_path / "stretch.toml"
    stray.write_text("", encoding="utf-8")
    with pytest.raises(DataFileError, match='did you mean "stretches.toml"'):
        kind_of(stray)
    assert main([str(stray)]) == 1
    assert "is not a course data file" in capsys.readouterr().err


def test_a_file_that_is_not_toml_is_an_error_line_not_a_crash(tmp_path, capsys):
    path = tmp_path / "claims.toml"
    path.write_text("[[claim\n", encoding="utf-8")
    assert main([str(path), str(DATA_DIR / "nerve_map.toml")]) == 1
    out, err = capsys.readouterr()
    assert err.startswith(f"error: {path}: is not valid TOML")
    assert "nerve_map.toml (" in out  # the other file is still checked


@pytest.mark.parametrize(
    "text, cited",
    [
        ("FACTS A10b", ("A10b",)),
        ("FACTS I2", ("I2",)),
        ("FACTS section I", ("section I",)),
        ("FACTS E; FACTS C6", ("section E", "C6")),
        ("fact sheet section G", ("section G",)),
    ],
)
def test_one_citation_pattern_accepts_facts_ids_and_sections(text, cited):
    assert not cites_facts_without_id(text)
    assert facts_ids(text) == cited


@pytest.mark.parametrize("text", ["FACTS", "see FACTS.md", "FACTS J1", "FACTS section", "FACTS a2"])
def test_a_citation_without_a_fact_is_refused(text):
    assert cites_facts_without_id(text)
    assert not FACTS_CITATION.search(text)
