"""The clinic app's parts (lessons/clinic.py), its launcher (tools/clinic.py) and its notebook."""

from __future__ import annotations

import base64
import re
import socket

import nbformat
import pytest

from lessons.clinic import (
    CARDS_ENV,
    card_link_html,
    cards_folder,
    clinic_routine_builder,
    red_flags_list,
)
from lessons.red_flags import load_red_flags
from tools import clinic as launcher

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
    """Each emergency and see-soon sign appears once, under its heading; self-care signs do not."""
    flags = load_red_flags()
    text = repr(red_flags_list())
    emergency, soon = text.split("⚠ SEE A DOCTOR SOON")
    assert emergency.startswith("‼ EMERGENCY NOW")
    for sign in flags.symptoms:
        where = {"emergency": emergency, "soon": soon}.get(sign.urgency)
        if where is None:
            assert sign.label not in text
        else:
            assert text.splitlines().count(f"- {sign.label}") == 1
            assert f"- {sign.label}" in where


def test_the_list_as_html_escapes_the_data():
    """The HTML form escapes the file's words (an apostrophe in a label stays text)."""
    page = red_flags_list()._repr_html_()
    assert "can&#x27;t feel toilet paper" in page
    assert page.count("<li>") == len(load_red_flags().symptoms) - 1


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
    """Each code cell is one builder call (an import and a call), saved unrun: Voilà runs it."""
    for cell in (c for c in notebook.cells if c.cell_type == "code"):
        lines = [line for line in cell.source.splitlines() if line.strip()]
        assert len(lines) <= 2 and lines[-1].endswith("()"), cell.source
        assert cell.outputs == [] and cell.execution_count is None


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
