"""Tests for Lesson 7's data files (pain map, screening tests, walking pain): a broken
file gives one DataFileError naming the file, the entry and the field, and saying what is wrong."""

from __future__ import annotations

import pytest

from lessons.core.errors import DataFileError
from lessons.pain_map.model import MAP_PATH, read_pain_map
from lessons.screening.model import TESTS_PATH, read_tests
from lessons.walking_pain.model import FEATURES_PATH, read_options

PAIN_MAP = (MAP_PATH, read_pain_map)
TESTS = (TESTS_PATH, read_tests)
WALKING = (FEATURES_PATH, read_options)


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            PAIN_MAP,
            'typical = ["outer-hip"]',
            'typical = ["outer-hips"]',
            "not a known id",
        ),
        (
            PAIN_MAP,
            'facts = "FACTS I3; FACTS D3"',
            'facts = "Grimaldi 2017"',
            "must cite at least one fact",
        ),
        (PAIN_MAP, 'view = "back"', 'view = "side"', "must be one of"),
        (PAIN_MAP, 'id = "calf"', 'id = "sole"', "used by two region"),
        (PAIN_MAP, "polygon = [[0.27, 2.0]", 'polygon = [[0.27, "x"]', "is not an [x, y] pair"),
        (
            TESTS,
            "sensitivity_pct = 91",
            "sensitivity_pct = 191",
            "must be a percentage",
        ),
        (
            TESTS,
            'facts = "FACTS B8; FACTS I6"',
            'facts = "StatPearls"',
            "must cite at least one fact",
        ),
        (
            TESTS,
            "knee_flexion_deg = 110",
            "knee_flexion_deg = 170",
            "170° is outside",
        ),
        (TESTS, 'id = "faber"', 'id = "fadir"', "is used by two tests"),
        (WALKING, 'vascular = "against"', 'vascular = "maybe"', "must be one of"),
        (WALKING, 'control = "where"', 'control = "when"', "must be one of"),
        (WALKING, 'value = "calf"', 'value = "buttock-leg"', "appears twice"),
        (WALKING, 'value = "standing"\n', 'value = "upright"\n', 'needs the two values "standing"'),
    ],
    ids=lambda value: value[0].name if isinstance(value, tuple) else None,
)
def test_a_bad_file_names_the_entry_and_the_field(tmp_path, file, old, new, message):
    """Breaking a file gives a DataFileError naming the file and saying what is wrong."""
    path, read = file
    text = path.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / path.name
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=path.name) as error:
        read(bad)
    assert message in str(error.value)
