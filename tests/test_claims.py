"""Tests for lessons/claims/model.py: every source-article claim
has its FACTS G verdict and is shown in its lesson."""

from __future__ import annotations

import ast
import re
import shutil
import unicodedata
from pathlib import Path

import nbformat
import pytest

from lessons.claims.model import Claim, ClaimsTable, claims_table, load_claims, main, read_claims
from lessons.core.errors import CourseError, DataFileError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
# The shared content folder sits next to the repository (the issue tracker's ../shared); not in CI.
SHARED = ROOT.parent / "shared" / "content"
ARTICLES = SHARED / "source-articles"
FACTS = SHARED / "FACTS.md"

PILLOW, KNEE_HIP, STRETCHING = (
    "000_8aa79725ea0cc6d0.txt",
    "001_3ccae03df15416f0.txt",
    "002_48627fc666d60bd4.txt",
)

# Every claim each article makes, in article order, with FACTS section G's verdict: written from
# reading the three articles, independently of the data file, so a dropped claim fails here.
EXPECTED = {
    PILLOW: [
        ("spinal-alignment", "soften"),
        # FACTS G updated: a comfort claim, no evidence for pain relief
        ("pressure-relief", "soften"),
        ("improved-circulation", "correct"),
        ("reduced-joint-stress", "soften"),
        ("comfort", "soften"),
        ("postural-support", "soften"),
        ("surgery-recovery", "correct"),  # FACTS G: make specific; wrong for a knee replacement
        ("pregnancy-support", "soften"),  # FACTS G updated: soften, reframe
        ("pillow-see-a-professional", "keep"),
    ],
    KNEE_HIP: [
        ("knee-pain-causes", "keep"),
        ("knee-pain-leads-to-hip-pain", "soften"),
        ("weight-and-strengthening", "keep"),
        ("posture-and-footwear", "soften"),
        ("rest-ice-physio-painkillers", "soften"),
        ("braces-ease-hip-strain", "correct"),
        ("stay-active", "keep"),
        ("knee-hip-see-a-professional", "keep"),
        ("knee-pain-not-always-hip", "keep"),
    ],
    STRETCHING: [
        ("stretching-prevents-sciatica", "soften"),
        ("exercise-helps-back-pain", "keep"),
        ("start-slowly", "keep"),
        ("sciatica-is-nerve-compression", "correct"),
        ("stretching-relieves-sciatica", "soften"),
        ("disc-returns-to-its-space", "correct"),
        ("individual-assessment", "keep"),
        ("hold-30-seconds", "keep"),
        ("two-to-three-times-a-day", "soften"),
        ("piriformis-key-stretch", "soften"),
        ("tight-and-sore-at-first", "soften"),
        ("physio-anti-inflammatory", "correct"),
        ("traction-restores-discs", "correct"),
    ],
}
EXPECTED_LESSON = {
    PILLOW: "05-Sleep-Posture-And-The-Knee-Pillow.ipynb",
    KNEE_HIP: "02-Knee-And-Hip-Pain.ipynb",
    STRETCHING: "04-Stretches-For-Sciatica.ipynb",
}


def test_each_article_has_exactly_the_claims_read_from_it():
    """The data file lists every claim of each article, in article order, and no other."""
    claims = load_claims().claims
    for article, expected in EXPECTED.items():
        assert [(c.id, c.verdict) for c in claims if c.article == article] == expected, article
    assert {c.article for c in claims} == set(EXPECTED)


@pytest.mark.parametrize(
    ("claim_id", "phrase"),
    [
        ("improved-circulation", "above the level of the heart"),  # FACTS D7
        ("improved-circulation", "varicose veins"),  # FACTS G, new row
        ("surgery-recovery", "NOTHING under the knee"),  # FACTS D5
        ("pregnancy-support", "28 weeks"),  # FACTS D6
        ("pregnancy-support", "wedge or a body pillow"),  # FACTS G, updated
        ("pregnancy-support", "pelvic girdle pain"),  # FACTS D6
        ("pressure-relief", "no study shows"),  # FACTS G, updated
        ("braces-ease-hip-strain", "No evidence"),  # FACTS G, new row
        ("traction-restores-discs", "NICE NG59"),  # FACTS C1
        # FACTS G
        ("stretching-prevents-sciatica", "stretching on its own showed no preventive effect"),
        ("piriformis-key-stretch", "83–90 %"),  # FACTS B4
        ("disc-returns-to-its-space", "63–70 %"),  # FACTS B9
    ],
)
def test_the_key_corrections_are_in_the_reasons(claim_id, phrase):
    """Each reason carries the correction its fact gives (the comment names the fact)."""
    assert phrase in load_claims().get(claim_id).why


def test_compound_verdicts_keep_the_fact_sheets_words():
    """Where FACTS G says more than keep, soften or correct,
    the claim keeps its words next to the verdict."""
    claim_set = load_claims()
    assert claim_set.get("surgery-recovery").verdict_label == "CORRECT (fact sheet: make specific)"
    assert (
        claim_set.get("pregnancy-support").verdict_label == "SOFTEN (fact sheet: soften, reframe)"
    )
    assert (
        claim_set.get("weight-and-strengthening").verdict_label
        == "KEEP (fact sheet: keep (strong))"
    )
    assert claim_set.get("stay-active").verdict_label == "KEEP"


def test_each_article_is_taught_in_its_lesson_and_the_lesson_exists():
    """Every claim names an existing notebook, the one that teaches its article's topic."""
    for claim in load_claims().claims:
        assert (NOTEBOOKS / claim.lesson).is_file(), claim.id
        assert claim.lesson == EXPECTED_LESSON[claim.article], claim.id


def test_the_claim_check_shows_the_knee_pillow_articles_eight_benefits():
    """Only lesson 05's eight knee-pillow benefits are sorted
    in the claim check; every other claim gets a table."""
    claim_set = load_claims()
    in_check = [c.id for c in claim_set.shown_by("claim_check")]
    assert in_check == [claim_id for claim_id, _ in EXPECTED[PILLOW][:8]]
    assert len(claim_set.shown_by("claims_table")) == len(claim_set.claims) - 8


# --- every claim is shown in its lesson -----------------------------------------------------


def _calls(notebook: Path) -> tuple[list[str], bool]:
    """The claim ids passed to claims_table(...) in a notebook's
    code cells, and whether it calls claim_check()."""
    ids: list[str] = []
    check = False
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name == "claims_table":
                ids += [
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
            check |= name == "claim_check"
    return ids, check


def missing_from_lessons(claims: tuple[Claim, ...], notebooks: Path) -> list[str]:
    """Say which claims their lesson does not show, and
    which shown ids are not that lesson's claims."""
    problems = []
    by_id = {claim.id: claim for claim in claims}
    for notebook in sorted(notebooks.glob("*.ipynb")):
        ids, check = _calls(notebook)
        for claim_id in ids:
            if claim_id not in by_id:
                problems.append(f"{notebook.name} shows {claim_id!r}, which is not in claims.toml")
            elif by_id[claim_id].lesson != notebook.name:
                problems.append(
                    f"{notebook.name} shows {claim_id!r}, a claim of {by_id[claim_id].lesson}"
                )
        for claim in claims:
            if claim.lesson != notebook.name:
                continue
            if claim.shown_by == "claims_table" and claim.id not in ids:
                problems.append(f"{notebook.name} has no claims_table(...) naming {claim.id!r}")
            if claim.shown_by == "claim_check" and not check:
                problems.append(
                    f"{notebook.name} does not call claim_check(), which shows {claim.id!r}"
                )
    return problems


def test_every_claim_is_shown_in_its_lesson():
    """Each claim's id is named in a claims_table(...) call
    of its lesson (or its lesson runs the claim check)."""
    assert missing_from_lessons(load_claims().claims, NOTEBOOKS) == []


def test_a_claim_dropped_from_its_lesson_is_caught(tmp_path):
    """The check fails when a lesson's call stops naming one of its claims."""
    shutil.copytree(NOTEBOOKS, tmp_path, dirs_exist_ok=True)
    lesson = tmp_path / "04-Stretches-For-Sciatica.ipynb"
    nb = nbformat.read(lesson, as_version=4)
    cell = next(
        c for c in nb.cells if c.cell_type == "code" and '"traction-restores-discs"' in c.source
    )
    cell.source = re.sub(r'\s*"traction-restores-discs",?', "", cell.source)
    nbformat.write(nb, lesson)
    found = missing_from_lessons(load_claims().claims, tmp_path)
    assert (
        "04-Stretches-For-Sciatica.ipynb has no claims_table(...) naming 'traction-restores-discs'"
        in found
    )


# --- the claims cover the articles and FACTS section G (needs ../shared/content) ----------------

needs_shared = pytest.mark.skipif(
    not ARTICLES.is_dir() or not FACTS.is_file(),
    reason="the shared content folder (../shared/content) is not next to the repository",
)


def _plain(text: str) -> str:
    """Fold case, curly quotes and runs of spaces, so a
    quote matches the article however it is typed."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).casefold()


@needs_shared
def test_each_claims_quote_is_in_its_article():
    """Each claim's quote is found in the article it belongs to, so the article makes the claim."""
    for claim in load_claims().claims:
        assert _plain(claim.quote) in _plain(
            (ARTICLES / claim.article).read_text(encoding="utf-8")
        ), claim.id


@needs_shared
def test_each_benefit_the_knee_pillow_article_lists_has_a_claim():
    """Each "- Benefit:" bullet of the knee-pillow article is the quote of one claim."""
    bullets = re.findall(
        r"^- ([^:\n]+):", (ARTICLES / PILLOW).read_text(encoding="utf-8"), re.MULTILINE
    )
    quotes = [claim.quote for claim in load_claims().claims if claim.article == PILLOW]
    assert len(bullets) == 8
    assert all(bullet in quotes for bullet in bullets)


def _facts_g_rows() -> dict[str, str]:
    """FACTS.md section G's table: each row's claim cell (without * emphasis) → its verdict cell."""
    text = FACTS.read_text(encoding="utf-8")
    section = text[text.index("## G."):]
    section = section[:section.index("\n## ", 1)]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and cells[0] not in ("Claim", "---"):
            rows[cells[0].replace("*", "")] = cells[1]
    return rows


@needs_shared
def test_each_facts_g_row_is_answered_by_a_claim_with_its_verdict():
    """Every row of FACTS G is some claim's facts_g row, every
    facts_g row is in FACTS G, and the verdicts agree."""
    rows = _facts_g_rows()
    assert len(rows) >= 23
    claims = load_claims().claims
    answered = {row for claim in claims for row in claim.facts_g}
    assert sorted(set(rows) - answered) == []
    assert sorted(answered - set(rows)) == []
    for claim in claims:
        for row in claim.facts_g:
            verdict_words = set(re.findall(r"keep|soften|correct", rows[row]))
            other_words = re.sub(r"keep|soften|correct|[ ,]", "", rows[row])
            assert claim.verdict in verdict_words or claim.facts_g_verdict == rows[row], claim.id
            # "make specific", "reframe", "(strong)": the fact sheet's words are kept
            if other_words:
                assert claim.facts_g_verdict == rows[row], claim.id


# --- the table a lesson shows ------------------------------------------------------------------


def test_the_table_text_names_each_claim_with_its_verdict_and_source():
    """The plain-text form lists each claim, its verdict, what to say instead and the source."""
    text = repr(claims_table("stay-active", "braces-ease-hip-strain"))
    assert text.splitlines()[0] == "Myth or fact: the knee-and-hip article (FACTS section G)"
    assert "1. Stay active. Verdict: KEEP." in text
    assert "2. Braces ease the strain on the hips. Verdict: CORRECT." in text
    assert "   Source: FACTS A12; NICE NG226; fact sheet section G" in text


def test_a_table_of_two_articles_names_both():
    """Claims from two articles give a caption naming both, in the order first shown."""
    table = claims_table("pillow-see-a-professional", "stay-active")
    assert (
        table.title
        == "Myth or fact: the knee-pillow article and the knee-and-hip article (FACTS section G)"
    )


def test_the_html_escapes_the_data_and_labels_verdicts_in_words():
    """Text from the data file is escaped in the HTML;
    each verdict is a word with a mark, not a colour."""
    claim = load_claims().get("stay-active")
    risky = Claim(
        **{**claim.__dict__, "name": "<b>x</b> & y", "why": '<script>alert("z")</script>'}
    )
    page = ClaimsTable((risky,), load_claims().articles[1:2])._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in page
    assert "✓ Keep" in claims_table("stay-active")._repr_html_()
    assert "fact sheet: soften, reframe" in claims_table("pregnancy-support")._repr_html_()


@pytest.mark.parametrize(
    ("ids", "problem"),
    [
        (("traction-restore-discs",), "did you mean 'traction-restores-discs'"),
        (("stay-active", "stay-active"), "named twice"),
        ((), "name at least one claim id"),
    ],
)
def test_a_bad_call_says_what_would_be_right(ids, problem):
    """An unknown, repeated or missing id raises a CourseError saying what to write instead."""
    with pytest.raises(CourseError, match=problem):
        claims_table(*ids)


# --- the data file is checked on load ----------------------------------------------------------

ARTICLE = '[[article]]\nfile = "a.txt"\ntitle = "the article"\n'
GOOD = (
    'id = "x"\narticle = "a.txt"\nquote = "q"\nname = "X"\narticle_says = "a"\nverdict = "keep"\n'
    'why = "b"\n'
    'say_instead = "c"\nsource = "FACTS D1"\nlesson = "05-Sleep.ipynb"\nshown_by = "claims_table"\n'
)


@pytest.mark.parametrize(
    ("text", "entry", "field", "problem"),
    [
        (
            ARTICLE + "[[claim]]\n" + GOOD.replace('verdict = "keep"', 'verdict = "maybe"'),
            "x",
            "verdict",
            "choose one of",
        ),
        (
            ARTICLE + "[[claim]]\n" + GOOD.replace('source = "FACTS D1"', 'source = "a blog"'),
            "x",
            "source",
            "FACTS.md id",
        ),
        (ARTICLE + "[[claim]]\n" + GOOD.replace('why = "b"\n', ""), "x", "why", "is missing"),
        (ARTICLE + "[[claim]]\n" + GOOD + "colour = 1\n", "x", "colour", "is not a field"),
        (ARTICLE + "[[claim]]\n" + GOOD + "[[claim]]\n" + GOOD, "x", "id", "used by two claims"),
        (
            ARTICLE + "[[claim]]\n" + GOOD.replace('name = "X"', "name = 3"),
            "x",
            "name",
            "non-empty text",
        ),
        (
            ARTICLE + "[[claim]]\n" + GOOD.replace('"a.txt"\nquote', '"b.txt"\nquote'),
            "x",
            "article",
            "a.txt",
        ),
        (
            ARTICLE + "[[claim]]\n" + GOOD.replace('quote = "q"', 'quote = "' + "q" * 61 + '"'),
            "x",
            "quote",
            "at most 60",
        ),
        (
            ARTICLE + "[[claim]]\n" + GOOD.replace('"05-Sleep.ipynb"', '"lesson five"'),
            "x",
            "lesson",
            "notebook",
        ),
        (
            ARTICLE + "[[claim]]\n" + GOOD.replace('"claims_table"', '"poster"'),
            "x",
            "shown_by",
            "claim_check",
        ),
        (
            ARTICLE + "[[claim]]\n" + GOOD + 'facts_g_verdict = "probably fine"\n',
            "x",
            "facts_g_verdict",
            "section G",
        ),
        (
            ARTICLE + "[[claim]]\n" + GOOD + 'facts_g = "Reduces joint stress"\n',
            "x",
            "facts_g",
            "a list",
        ),
        (ARTICLE + ARTICLE + "[[claim]]\n" + GOOD, "a.txt", "file", "list each article once"),
        ("[[claim]]\n" + GOOD, None, "article", "[[article]]"),
        ("[[claim\n", None, None, "not valid TOML"),
    ],
)
def test_a_bad_claims_file_names_the_entry_and_field(tmp_path, text, entry, field, problem):
    """A malformed claims file raises one DataFileError
    naming the file, the entry, the field and the fix."""
    path = tmp_path / "claims.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(problem)) as caught:
        read_claims(path)
    assert (caught.value.file, caught.value.entry, caught.value.field) == (
        "claims.toml",
        entry,
        field,
    )


def test_the_check_command_reports_a_bad_file(tmp_path, capsys):
    """python -m lessons.claims.model FILE exits 1 and prints the one error for a bad file."""
    path = tmp_path / "claims.toml"
    path.write_text("[[claim\n", encoding="utf-8")
    assert main([str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"error: {path}: is not valid TOML")
