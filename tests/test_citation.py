"""CITATION.cff: valid against the Citation File Format 1.2.0 schema, in step with the release."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
CITATION = ROOT / "CITATION.cff"
SCHEMA = Path(__file__).parent / "schemas" / "citation-file-format-1.2.0.json"


def _as_strings(value):
    """Turn YAML dates into strings, as the schema asks tools to ("cast YAML 'date' objects")."""
    if isinstance(value, dict):
        return {key: _as_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_strings(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _citation() -> dict:
    return _as_strings(yaml.safe_load(CITATION.read_text(encoding="utf-8")))


def _schema_errors(citation: dict) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(top level)'}: {error.message}"
        for error in validator.iter_errors(citation)
    ]


def test_the_vendored_schema_is_the_citation_file_format_1_2_0_schema():
    """The schema file is a well-formed draft-07 JSON Schema and names itself CFF 1.2.0."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"


def test_citation_file_is_valid_citation_file_format_1_2_0():
    """CITATION.cff says cff-version 1.2.0 and the schema finds nothing wrong with it."""
    citation = _citation()
    assert citation["cff-version"] == "1.2.0"
    assert _schema_errors(citation) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda c: c.pop("authors"), "'authors' is a required property"),
        (lambda c: c.update({"licence": "MIT"}), "'licence' was unexpected"),
        (lambda c: c.update({"date-released": "21 November 2026"}), "date-released: "),
        (lambda c: c.update({"authors": []}), "authors: "),
    ],
    ids=["no-authors", "misspelt-key", "bad-date", "empty-authors"],
)
def test_the_schema_check_refuses_a_broken_citation(change, expected):
    """The same check fails a citation with a missing, misspelt or malformed field."""
    citation = _citation()
    change(citation)
    assert expected in "\n".join(_schema_errors(citation))


def test_citation_version_and_date_match_the_package_and_the_changelog():
    """The cited version is the package's, and the changelog dates it as CITATION.cff does."""
    citation = _citation()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert str(citation["version"]) == pyproject["project"]["version"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    heading = re.search(
        rf"^## \[{re.escape(str(citation['version']))}\] - (\d{{4}}-\d\d-\d\d)$", changelog, re.M
    )
    assert heading, f"CHANGELOG.md has no '## [{citation['version']}] - YYYY-MM-DD' section"
    assert heading.group(1) == citation["date-released"]
