"""Data files that will not load (lessons/core/datafile.py): each way gives a DataFileError naming
the file and the cause, never a misleading syntax error, a RecursionError or a ValueError; and the
real loaders (nerve map, stretch catalog, question bank, source-article claims) pass it on. Every
case is a real broken copy of a course file, in a temporary folder."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from lessons.claims.model import CLAIMS_PATH, read_claims
from lessons.core.datafile import read_toml
from lessons.core.errors import DataFileError
from lessons.nerve_map.model import MAP_PATH, read_nerve_map
from lessons.quizzes.bank import BANK_DIR, read_bank
from lessons.stretches.catalog import CATALOG_PATH, read_catalog


def copy_of(tmp_path: Path, source: Path, change) -> Path:
    """A copy of a course data file with one change made to its bytes."""
    target = tmp_path / source.name
    target.write_bytes(change(source.read_bytes()))
    return target


def with_bom(data: bytes) -> bytes:
    return codecs.BOM_UTF8 + data


def replace_once(old: bytes, new: bytes):
    def change(data: bytes) -> bytes:
        assert old in data
        return data.replace(old, new, 1)

    return change


#: (what, the file, how it is broken, words the error must hold)
BROKEN = [
    ("byte-order mark", BANK_DIR / "00-start-here.toml", with_bom, "byte-order mark"),
    ("byte-order mark", CATALOG_PATH, with_bom, "save it again as plain UTF-8"),
    (
        "deep nesting",
        CLAIMS_PATH,
        lambda data: data + b"\ndeep = " + b"[" * 3000 + b"]" * 3000 + b"\n",
        "nests lists or tables too deeply",
    ),
    (
        "deep inline tables",
        MAP_PATH,
        lambda data: data + b"\ndeep = " + b"{a = " * 3000 + b"1" + b"}" * 3000 + b"\n",
        "nests lists or tables too deeply",
    ),
    (
        "5,000-digit integer",
        CATALOG_PATH,
        replace_once(b"hold_s = 30", b"hold_s = " + b"3" * 5000),
        "whole number too long to read (more than 4,300 digits)",
    ),
    (
        "NaN coordinate",
        MAP_PATH,
        replace_once(b"[[-4, 112], [4, 112]", b"[[-4, 112], [nan, 112]"),
        "item 2 is [nan, 112]: nan and inf are not numbers",
    ),
    (
        "infinite coordinate",
        MAP_PATH,
        replace_once(b"[[-4, 112], [4, 112]", b"[[-4, 112], [4, -inf]"),
        "item 2 is [4, -inf]: nan and inf are not numbers",
    ),
    ("not UTF-8", CLAIMS_PATH, lambda data: data + b"\n# caf\xe9\n", "is not UTF-8 text"),
    (
        "not TOML",
        BANK_DIR / "00-start-here.toml",
        lambda data: data + b"\n[[question]\n",
        "is not valid TOML",
    ),
]

LOADERS = {
    MAP_PATH.name: read_nerve_map,
    CATALOG_PATH.name: read_catalog,
    CLAIMS_PATH.name: read_claims,
    "00-start-here.toml": read_bank,
}


@pytest.mark.parametrize(("what", "source", "change", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_every_broken_file_gives_the_course_error_naming_file_and_cause(
    tmp_path, what, source, change, words
):
    """The file's loader raises DataFileError: the file's name first, then the cause in words;
    nothing else escapes (read_toml too, for what makes a file unreadable as TOML)."""
    broken = copy_of(tmp_path, source, change)
    loaders = [LOADERS[source.name]] + ([] if "coordinate" in what else [read_toml])
    for load in loaders:
        with pytest.raises(DataFileError) as caught:
            load(broken)
        message = str(caught.value)
        assert message.startswith(source.name), message
        assert words in message, message


def test_the_nan_error_names_the_structure_and_field(tmp_path):
    """A NaN coordinate is found by its place: the structure and its points field."""
    broken = copy_of(
        tmp_path, MAP_PATH, replace_once(b"[[-4, 112], [4, 112]", b"[[-4, 112], [nan, 112]")
    )
    where = r"entry '[a-z0-9-]+', field 'points': item 2 is \[nan, 112\]"
    with pytest.raises(DataFileError, match=where):
        read_nerve_map(broken)


def test_a_folder_or_a_missing_file_cannot_be_read(tmp_path):
    """A folder, or no file at all, in place of a data file is 'cannot be read', with the name."""
    for path in (tmp_path, tmp_path / "missing.toml"):
        with pytest.raises(DataFileError, match=f"^{path.name}: cannot be read"):
            read_toml(path)


def test_the_course_files_themselves_load():
    """The course's own files pass every one of these checks."""
    for source, load in (
        (MAP_PATH, read_nerve_map),
        (CATALOG_PATH, read_catalog),
        (CLAIMS_PATH, read_claims),
    ):
        load(source)
    for bank in sorted(BANK_DIR.glob("*.toml")):
        read_bank(bank)
