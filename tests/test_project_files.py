"""The files a newcomer reads first (README, licences, contributing guide, changelog) link to
files and headings that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", "LICENSE-CONTENT.md"]
_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)
# Links that leave the repository's files on purpose: web pages, and the CI badge, which
# GitHub resolves against the repository's own address (README.md, top).
_OUTSIDE = ("http://", "https://", "mailto:", "../../actions/")


def _prose(path: Path) -> str:
    """The Markdown of a file without its fenced code blocks."""
    return _FENCE.sub("", path.read_text(encoding="utf-8"))


def slug(heading: str) -> str:
    """The anchor GitHub makes for a heading: lowercase, punctuation dropped, spaces to hyphens.

    >>> slug("Licence, citation, contributing")
    'licence-citation-contributing'
    """
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The heading anchors of a Markdown file."""
    return {slug(heading) for heading in _HEADING.findall(_prose(path))}


def broken_links(path: Path) -> list[str]:
    """Relative links in a Markdown file whose file, or heading, does not exist."""
    found = []
    for target in _LINK.findall(_prose(path)):
        if target.startswith(_OUTSIDE):
            continue
        name, _, anchor = target.partition("#")
        linked = (path.parent / name) if name else path
        if not linked.exists():
            found.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            found.append(f"{target}: {linked.name} has no heading with that anchor")
    return found


@pytest.mark.parametrize("name", DOCUMENTS)
def test_links_in_the_newcomer_documents_resolve(name):
    """Every relative link and heading anchor in the document points at something real."""
    assert broken_links(ROOT / name) == []


def test_the_link_check_catches_a_missing_file_and_a_missing_heading(tmp_path):
    """A link to a file that is not there, or to a heading a file lacks, is reported."""
    (tmp_path / "other.md").write_text("# Other\n\n## A section\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n[ok](other.md#a-section) [gone](missing.md) [bad](other.md#nowhere)"
        " [self](#page) [web](https://example.org)\n\n```\n[in code](ignored.md)\n```\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "missing.md: no such file",
        "other.md#nowhere: other.md has no heading with that anchor",
    ]
