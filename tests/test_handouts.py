"""Tests for lessons/apps/handouts.py: every lesson becomes a
self-contained, accessible HTML page; cards become PDFs."""

from __future__ import annotations

import copy
import re

import nbformat
import pytest
from pypdf import PdfReader

from lessons.apps import handouts
from lessons.apps.course_folder import lesson_notebooks
from lessons.apps.instructor_guide import notebook_title
from lessons.quizzes.bank import correct_answer_text, load_bank
from lessons.stretches.catalog import load_catalog

IMG = re.compile(r"<img\b[^>]*>")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build every handout and card once for the module (about ten seconds)."""
    out = tmp_path_factory.mktemp("handouts")
    assert handouts.main(["--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("notebook", lesson_notebooks(), ids=lambda p: p.stem)
def test_each_lesson_has_a_page_with_its_title_and_no_code(built, notebook):
    """Each lesson's page exists, carries its title as
    <title> and heading, a lang, and no code input."""
    page = (built / f"{notebook.stem}.html").read_text(encoding="utf-8")
    title = notebook_title(nbformat.read(notebook, as_version=4))
    assert re.search(r'<html lang="en"', page)
    assert f"<title>{title}</title>" in page.replace("&#39;", "'")
    assert re.search(
        r"<h1[^>]*>" + re.escape(title.split(":")[0].split(" —")[0]), page.replace("&#39;", "'")
    )
    markup = re.sub(r"<style.*?</style>", "", page, flags=re.S)
    assert "jp-CodeMirrorEditor" not in markup and 'class="highlight' not in markup
    assert "from lessons." not in markup and "import " not in markup


@pytest.mark.parametrize("notebook", lesson_notebooks(), ids=lambda p: p.stem)
def test_each_page_is_offline_and_every_picture_is_described(built, notebook):
    """No script, link or picture reaches the network;
    every <img> is embedded and has real alt text."""
    page = (built / f"{notebook.stem}.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)\b[^>]*(src|href)=[\"']?(https?:)?//", page)
    images = IMG.findall(page)
    for tag in images:
        alt = re.search(r'alt="([^"]*)"', tag)
        assert alt and alt.group(1).strip(), tag[:120]
        assert handouts.NBCONVERT_PLACEHOLDER not in tag
        assert 'src="data:image/' in tag
    assert handouts.html_problems(page) == []


def test_explorers_show_their_picture_and_readout_not_run_this_cell(built):
    """An explorer prints as its still picture with the
    readout as caption, not its 'run this cell' text."""
    page = (built / "02-Knee-And-Hip-Pain.html").read_text(encoding="utf-8")
    assert "hip joint force 2.48 × body weight" in page
    assert "run this cell in JupyterLab" not in page


def test_quiz_is_listed_without_answers(built):
    """A lesson's quiz prints every prompt from its bank,
    and not the explanations that give answers away."""
    page = (built / "02-Knee-And-Hip-Pain.html").read_text(encoding="utf-8")
    bank = load_bank("02-knee-and-hip")
    for question in bank.questions:
        assert question.prompt.replace("'", "&#x27;").replace('"', "&quot;")[:50] in page
        assert question.explanation[:60].replace("'", "&#x27;") not in page
    numeric = next(q for q in bank.questions if q.type == "numeric")
    assert correct_answer_text(numeric) not in page


def test_widgets_without_a_picture_say_they_are_interactive(built):
    """The hold timer and routine builder print a one-line note instead of their fallback text."""
    page = (built / "04-Stretches-For-Sciatica.html").read_text(encoding="utf-8")
    assert f"{handouts.INTERACTIVE_NOTE}: Hold timer." in page
    assert f"{handouts.INTERACTIVE_NOTE}: Routine builder." in page


def test_links_between_lessons_point_at_the_handouts(built):
    """Links to other lessons lead to their HTML pages, not to notebooks."""
    page = (built / "00-Start-Here.html").read_text(encoding="utf-8")
    assert 'href="01-The-Lower-Limb-Kinetic-Chain.html"' in page
    assert not re.search(r'href="[^"]*\.ipynb', page)


def test_every_stretch_has_a_card_and_the_default_routine_too(built):
    """One readable PDF per stretch in the catalog, plus the routine builder's starting routine."""
    names = [f"stretch-card-{s.id}.pdf" for s in load_catalog().stretches] + [
        "stretch-card-default-routine.pdf"
    ]
    for name in names:
        reader = PdfReader(built / name)
        text = "".join(page.extract_text() for page in reader.pages)
        assert "Stop" in text and "Red flags" in text, name
    default = "".join(p.extract_text() for p in PdfReader(built / names[-1]).pages)
    assert "figure-4" in default and "knee to chest" in default.lower()


def test_index_links_every_file(built):
    """The index page links every lesson page and every card."""
    index = (built / "index.html").read_text(encoding="utf-8")
    for path in built.iterdir():
        if path.name != "index.html":
            assert f'href="{path.name}"' in index


def test_a_picture_without_alt_text_fails_the_export_naming_lesson_and_cell(tmp_path, capsys):
    """A lesson whose picture has no alternative text
    stops the export with exit 1 and a clear message."""
    source = lesson_notebooks()[2]
    nb = nbformat.read(source, as_version=4)
    crafted = copy.deepcopy(nb)
    for cell in crafted.cells:
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                output.metadata = {}
                break
        else:
            continue
        break
    path = tmp_path / source.name
    nbformat.write(crafted, path)
    assert handouts.main(["--out", str(tmp_path / "out"), str(path)]) == 1
    message = capsys.readouterr().err
    assert source.name in message and "alternative text" in message and "cell" in message
    assert not (tmp_path / "out" / f"{source.stem}.html").exists()


def test_html_check_catches_placeholders_network_and_missing_title():
    """The page check names a placeholder alt, an external script, and a missing title and lang."""
    page = (
        '<html><head></head><body><img src="data:image/png;base64,AA" '
        f'alt="{handouts.NBCONVERT_PLACEHOLDER}"><script src="https://cdn.example/x.js"></script></body></html>'
    )
    problems = " ".join(handouts.html_problems(page))
    assert "alternative text" in problems and "network" in problems
    assert "lang" in problems and "<title>" in problems


def test_a_myth_or_fact_table_prints_as_it_is():
    """A static HTML output (a claims table) stays in the handout; it is not called interactive."""
    from lessons.claims.model import claims_table

    table = claims_table("stay-active")
    cell = nbformat.v4.new_code_cell(
        'claims_table("stay-active")',
        outputs=[
            nbformat.v4.new_output(
                "execute_result",
                {"text/html": table._repr_html_(), "text/plain": repr(table)},
                execution_count=1,
            )
        ],
    )
    printed = handouts.print_notebook(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"), cell]), "99-Test"
    )
    assert printed.cells[1].outputs[0].data["text/html"] == table._repr_html_()
    assert handouts.INTERACTIVE_NOTE not in printed.cells[1].outputs[0].data["text/html"]


def _print_one(output: nbformat.NotebookNode, source: str = "x") -> nbformat.NotebookNode:
    """Print a one-cell lesson whose code cell has ``output``; return the printed cell."""
    cell = nbformat.v4.new_code_cell(source, outputs=[output])
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"), cell])
    return handouts.print_notebook(nb, "99-Test").cells[1]


def test_text_that_says_run_this_cell_without_widget_metadata_is_left_alone():
    """Saying "run this cell" does not make an output a widget's: without the metadata it prints."""
    output = nbformat.v4.new_output(
        "execute_result",
        {"text/plain": "Hold timer: run this cell in JupyterLab to use it."},
        execution_count=1,
    )
    printed = _print_one(output)
    assert printed.outputs == [output]


def test_a_widget_output_is_recognised_by_its_metadata_not_its_words():
    """A real widget's saved output, its text form reworded, still prints as the named note."""
    from lessons import hold_timer

    data, metadata = hold_timer()._repr_mimebundle_()
    data = {"text/plain": "Something else entirely."}  # as saved: no widget view, other words
    output = nbformat.v4.new_output("execute_result", data, metadata=metadata, execution_count=1)
    printed = _print_one(output, "hold_timer()")
    note = printed.outputs[0].data["text/html"]
    assert f"{handouts.INTERACTIVE_NOTE}: Hold timer." in note
    assert "Something else" not in note
