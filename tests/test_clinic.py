"""The clinic app's parts (lessons/clinic.py), its launcher (lessons/apps/clinic_launcher.py)
and its notebook."""

from __future__ import annotations

import base64
import re
import socket

import ipywidgets as widgets
import nbformat
import pytest
from matplotlib.text import Text

from lessons.apps import clinic_launcher as launcher
from lessons.clinic import (
    CARDS_ENV,
    CLINIC_FACTS,
    card_link_html,
    cards_folder,
    clinic_routine_builder,
    clinic_sources,
    red_flags_list,
)
from lessons.core.plain_words import load_plain_words
from lessons.red_flags.signs import load_red_flags

NOTEBOOK = launcher.NOTEBOOK


# -- the routine builder with its download link ---------------------------------


def test_cards_go_to_the_chosen_folder_and_the_link_carries_the_same_pdf(tmp_path):
    """A saved card lands in the chosen folder; the link downloads exactly its bytes, by name."""
    builder = clinic_routine_builder(tmp_path)
    assert builder.controls["folder"].value == str(tmp_path)
    path = builder.save()
    assert path.parent == tmp_path and path.read_bytes().startswith(b"%PDF-")
    link = builder.download.value
    assert f'download="{path.name}"' in link
    encoded = re.search(r"data:application/pdf;base64,([A-Za-z0-9+/=]+)", link).group(1)
    assert base64.b64decode(encoded) == path.read_bytes()


def test_an_emptied_folder_box_still_saves_into_the_chosen_folder(tmp_path):
    """Clearing the Folder box saves into the chosen folder, never into the app's own folder."""
    builder = clinic_routine_builder(tmp_path)
    builder.controls["folder"].value = ""
    assert builder.save().parent == tmp_path


def test_the_launchers_folder_is_the_default(tmp_path, monkeypatch):
    """Without a folder, the builder uses the one the launcher put in $COURSE_CLINIC_CARDS."""
    monkeypatch.setenv(CARDS_ENV, str(tmp_path))
    assert cards_folder() == tmp_path
    assert clinic_routine_builder().controls["folder"].value == str(tmp_path)


def test_changing_the_routine_removes_the_link_to_the_old_card(tmp_path):
    """After any change the old card's link goes, so it is never mistaken for the new routine."""
    builder = clinic_routine_builder(tmp_path)
    builder.save()
    builder.choices["knee-to-chest"].value = False
    assert builder.download.value == ""


def test_a_failed_save_shows_the_reason_and_no_link(tmp_path):
    """With nothing ticked, Save says why in words and offers no download."""
    builder = clinic_routine_builder(tmp_path)
    for box in builder.choices.values():
        box.value = False
    builder.save_button.click()
    assert "Tick at least one stretch" in builder.message.value
    assert builder.download.value == "" and not list(tmp_path.iterdir())


def test_the_link_escapes_the_file_name(tmp_path):
    """A file name with HTML characters cannot break the page."""
    card = tmp_path / 'a"<b>.pdf'
    card.write_bytes(b"%PDF-1.4")
    link = card_link_html(card)
    assert "<b>" not in link and "&lt;b&gt;" in link and 'download="a&quot;' in link


# -- the red-flags list ------------------------------------------------------------


def test_the_list_holds_every_warning_sign_in_patient_words_under_its_answer():
    """Each emergency-now, same-day and soon sign appears once, under its step; routine signs do
    not."""
    flags = load_red_flags()
    text = repr(red_flags_list())
    emergency, rest = text.split("⚠ SAME DAY")
    same_day, soon = rest.split("◆ SOON")
    assert emergency.startswith("‼ EMERGENCY NOW")
    for sign in flags.symptoms:
        where = {"emergency-now": emergency, "same-day": same_day, "soon": soon}.get(sign.step)
        if where is None:
            assert sign.label not in text
        else:
            assert text.splitlines().count(f"- {sign.label}") == 1
            assert f"- {sign.label}" in where


def test_the_list_as_html_escapes_the_data():
    """The HTML form escapes the file's words (an apostrophe in a label stays text)."""
    page = red_flags_list()._repr_html_()
    assert "can&#x27;t feel toilet paper" in page
    assert page.count("<li>") == len(load_red_flags().symptoms) - len(
        load_red_flags().at_step("routine")
    )


# -- the launcher -------------------------------------------------------------------


def test_voila_serves_locally_without_code_tracebacks_or_a_browser_of_its_own():
    """Voilà listens on 127.0.0.1 only, one port, a token (read from a file, not given on the
    command line), the offline template, no code shown."""
    command = launcher.voila_command(8123)
    assert command[3] == str(NOTEBOOK)
    for flag in (
        "--Voila.ip=127.0.0.1", "--Voila.port=8123", "--Voila.port_retries=0",
        "--Voila.auto_token=True", "--template=clinic", "--strip_sources=True",
        "--show_tracebacks=False", "--no-browser",
    ):  # fmt: skip
        assert flag in command
    assert not any(part.startswith(("--Voila.token", "--token")) for part in command)


def test_the_environment_names_the_template_and_the_cards_folder(tmp_path, monkeypatch):
    """JUPYTER_PATH gains the clinic template (keeping the rest); the cards folder is passed on."""
    monkeypatch.setenv("JUPYTER_PATH", "/elsewhere")
    env = launcher.voila_env(tmp_path)
    assert env["JUPYTER_PATH"].split(":") == [str(launcher.TEMPLATES), "/elsewhere"]
    assert env[CARDS_ENV] == str(tmp_path)
    template = launcher.TEMPLATES / "voila" / "templates" / "clinic"
    assert (template / "conf.json").is_file()
    assert "cdn.jsdelivr.net" in (template / "index.html.j2").read_text()  # the links it removes


def test_a_busy_port_is_swapped_for_a_free_one():
    """If the usual port is taken, the launcher picks another rather than failing."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        assert launcher.free_port(taken) != taken


# -- the notebook -------------------------------------------------------------------


@pytest.fixture(scope="module")
def notebook():
    return nbformat.read(NOTEBOOK, as_version=4)


def test_the_notebook_is_thin_and_saved_without_outputs(notebook):
    """Each code cell is one builder call (an import and a call, at most with the patient
    audience), saved unrun: Voilà runs it."""
    for cell in (c for c in notebook.cells if c.cell_type == "code"):
        lines = [line for line in cell.source.splitlines() if line.strip()]
        call = re.fullmatch(r'\w+\((?:audience="patient")?\)', lines[-1])
        assert len(lines) <= 2 and call, cell.source
        assert cell.outputs == [] and cell.execution_count is None


# -- plain words for patients ---------------------------------------------------------

WORDS = load_plain_words()


def _widget_texts(widget) -> list[str]:
    """Every text a widget tree shows: values, labels, options, tooltips, and its figure's words."""
    texts, stack = [], [widget]
    while stack:
        w = stack.pop()
        for attr in ("value", "description", "placeholder", "tooltip", "readout_text"):
            value = getattr(w, attr, None)
            if isinstance(value, str):
                texts.append(value)
        for option in getattr(w, "options", None) or ():
            texts.append(str(option[0] if isinstance(option, tuple) else option))
        figure = getattr(w, "figure", None)
        if figure is not None:
            texts += [text.get_text() for text in figure.findobj(Text)]
        stack += list(getattr(w, "children", None) or ())
    for method in ("__repr__", "_repr_html_"):
        if not isinstance(widget, widgets.Widget) and hasattr(widget, method):
            texts.append(getattr(widget, method)())
    return texts


def _exercise(explorer) -> list[str]:
    """Move every control of an explorer to each end (each option, each tick); collect the words."""
    seen = _widget_texts(explorer)
    for control in getattr(explorer, "controls", {}).values():
        if control.disabled and hasattr(control, "min"):
            control.disabled = False
        start = control.value
        if isinstance(control, widgets.Checkbox):
            values = [not start]
        elif hasattr(control, "min"):
            values = [control.min, control.max]
        elif isinstance(control, widgets.Dropdown):
            values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        else:
            continue
        for value in values:
            control.value = value
            seen += _widget_texts(explorer)
        control.value = start
    return seen


@pytest.fixture(scope="module")
def monkey_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture(scope="module")
def page_texts(notebook, tmp_path_factory, monkey_module):
    """Every word the clinic page shows: its markdown, and each part its cells build,
    with the controls moved."""
    monkey_module.setenv(CARDS_ENV, str(tmp_path_factory.mktemp("cards")))
    texts = {"markdown": [c.source for c in notebook.cells if c.cell_type == "markdown"]}
    scope: dict = {}  # one namespace for the page, as in its kernel
    for cell in (c for c in notebook.cells if c.cell_type == "code"):
        *imports, call = [line for line in cell.source.splitlines() if line.strip()]
        exec("\n".join(imports), scope)  # noqa: S102 - the page's own imports
        texts[call] = _exercise(eval(call, scope))  # noqa: S307 - the page's own one-call cell
    return texts


def test_the_page_shows_no_fact_id_and_no_jargon(page_texts):
    """The clinic page is for patients: no "FACTS" id, and no W′, b/a, newtons or other term
    of the jargon list."""
    for part, texts in page_texts.items():
        for text in texts:
            assert "FACTS" not in text, (part, text)
            assert WORDS.jargon_in(text) == [], (part, WORDS.jargon_in(text), text)


def test_the_page_builds_the_patient_explorers(page_texts):
    """The hip load and both sleep explorers are the patient versions, and say numbers."""
    calls = " ".join(page_texts)
    for builder in ("hip_load_explorer", "side_lying_explorer", "back_lying_explorer"):
        assert f'{builder}(audience="patient")' in calls
    hip = next(texts for part, texts in page_texts.items() if "hip_load_explorer" in part)
    assert any("times your body weight" in text for text in hip)


def test_the_page_ends_with_its_sources_in_plain_words(notebook):
    """The last part lists the plain references of the facts the page rests on, without ids."""
    assert notebook.cells[-1].source.strip().endswith("clinic_sources()")
    sources = clinic_sources()
    assert sources.references == load_plain_words().references_for(CLINIC_FACTS)
    assert "NICE guideline NG59" in repr(sources) and "FACTS" not in sources._repr_html_()


def test_the_notebook_opens_with_the_safety_line_and_links_to_each_part(notebook):
    """The first cell says "Education, not diagnosis" and links to every section, which exist."""
    first = notebook.cells[0].source
    assert "**Education, not diagnosis.**" in first
    headings = {
        line.lstrip("#").strip().replace(" ", "-")
        for cell in notebook.cells if cell.cell_type == "markdown"
        for line in cell.source.splitlines() if line.startswith("#")
    }
    markdown = "\n".join(c.source for c in notebook.cells)
    links = set(re.findall(r"\]\(#([^)]+)\)", markdown))
    parts = {"Your-stretch-routine", "Sleeping-positions", "Load-on-the-hip", "Warning-signs"}
    assert parts <= links
    assert links <= headings
