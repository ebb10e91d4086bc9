"""The clinic app in Chromium, started as a clinician would: no code, every part works, all local.

The app is served by ``python -m tools.clinic`` (the ``voila_server`` fixture).
One test walks through it the way a clinician would with a patient, and
watches every request the page makes: all of them must go to 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from lessons.hip_load import HipLoadInputs, hip_load
from lessons.hip_load_widget import DEFAULTS as HIP_DEFAULTS
from lessons.hip_load_widget import plain_readout
from lessons.sleep_posture import side_lying
from lessons.sleep_posture_widget import plain_side_lying

from .conftest import VoilaServer
from .jupyterlab import (
    FAILURE_TEXTS,
    LOADING_TEXTS,
    STDERR,
    JupyterLab,
    expect,
    wait_for_canvas_change,
    wait_for_canvas_stable,
)

EXPLORERS = ("Routine builder", "Side-lying explorer", "Back-lying explorer", "Hip load explorer",
             "What should I do?")  # fmt: skip
#: Text that would mean code or a Python error reached the page.
CODE_OR_ERRORS = ("import ", "clinic_routine_builder(", "Traceback", "Error", "There was an error")
CARD_NAME = "clinic-browser-test"


class ClinicPage(JupyterLab):
    """The page-object helpers of the lesson tests, on a Voilà page instead of JupyterLab.

    ``off_host`` collects every request the page tried to send beyond 127.0.0.1.
    """

    off_host: list[str]

    def assert_no_errors(self, timeout_s: float | None = None) -> None:
        """No error output, no widget failure and no loading placeholder left on the page."""
        timeout_ms = (timeout_s or self.timeout_s) * 1000
        expect(self.page.locator(f'[data-mime-type="{STDERR}"]')).to_have_count(0)
        outputs = self.page.locator(".jp-OutputArea-output")
        for text in FAILURE_TEXTS + LOADING_TEXTS:
            expect(outputs.filter(has_text=text)).to_have_count(0, timeout=timeout_ms)


@pytest.fixture
def clinic(page, voila_server: VoilaServer, output_dir: Path) -> ClinicPage:
    """The clinic app open in the test's tab, all cells run; off-host requests noted and refused."""
    off_host: list[str] = []

    def local_only(route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            off_host.append(route.request.url)
            route.abort()

    def local_socket(socket) -> None:
        if urlsplit(socket.url).hostname != "127.0.0.1":
            off_host.append(socket.url)

    page.route("**/*", local_only)
    page.on("websocket", local_socket)
    page.goto(voila_server.url, wait_until="domcontentloaded", timeout=120_000)
    # Voilà reveals the page only once every cell has run.
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=120_000)
    app = ClinicPage(page, voila_server.base_url, "", output_dir)
    app.off_host = off_host
    return app


def _tick_box(root, label: str):
    """The input of the tick box labelled ``label`` inside ``root``."""
    return root.locator(".widget-checkbox").filter(has_text=label).locator("input")


def test_clinic_app_without_code_every_part_works_and_nothing_leaves(
    clinic: ClinicPage, voila_server: VoilaServer, console_errors: list[str]
) -> None:
    """No code or traceback; every explorer answers; a red flag changes the answer; a card saves."""
    page = clinic.page
    clinic.assert_no_errors()
    body = page.locator("body").inner_text()
    assert "Education, not diagnosis." in body
    for text in CODE_OR_ERRORS:
        assert text not in body, f"The page shows {text!r}: code or an error reached the clinician."
    expect(page.locator(".jp-InputArea .cm-editor, .jp-InputArea pre")).to_have_count(0)
    expect(page.locator(".course-explorer")).to_have_count(len(EXPLORERS))
    clinic.screenshot("clinic-top")

    # The contents jump to their part.
    page.locator("#rendered_cells a", has_text="Warning signs").first.click()
    expect(page.locator("#Warning-signs")).to_be_in_viewport()

    # Sleep posture: the pillow between the knees levels the top thigh (model and browser agree,
    # in plain words).
    side = clinic.explorer("Side-lying explorer")
    level = plain_side_lying(side_lying(pillow_cm=8))
    clinic.move_slider(side, "Pillow between the knees, squashed, cm", "ArrowRight", 16, level)
    back = clinic.explorer("Back-lying explorer")
    clinic.press_keys(_tick_box(back.root, "After a knee replacement"), "Space")
    expect(back.readout).to_contain_text("NOTHING under the knee")

    # Hip load: a longer body-weight lever raises the joint force, as the model says (plain words).
    hip = clinic.explorer("Hip load explorer")
    longer = plain_readout(
        hip_load(HipLoadInputs(**{**HIP_DEFAULTS, "body_weight_lever_cm": 15.0}))
    )
    clinic.move_slider(hip, "Your weight's distance from the hip, cm", "ArrowRight", 10, longer)
    wait_for_canvas_stable(hip.canvas)  # the last frames arrive after the first change
    clinic.screenshot("clinic-hip-load", hip.root)

    # Red flags: a tick changes the answer and its picture; the list is there in patient words.
    triage = clinic.explorer("What should I do?")
    answer = triage.root.locator(".course-triage-answer")
    expect(answer).to_contain_text("ℹ ROUTINE")
    ladder = wait_for_canvas_stable(triage.canvas)
    _tick_box(triage.root, "Sciatica in both legs").check()
    expect(answer).to_contain_text("‼ EMERGENCY NOW")
    _tick_box(triage.root, "Sciatica in both legs").uncheck()
    _tick_box(triage.root, "You have had cancer in the past").check()
    expect(answer).to_contain_text("◆ SOON")
    wait_for_canvas_change(triage.canvas, ladder)
    triage.canvas.scroll_into_view_if_needed()
    clinic.screenshot("clinic-red-flags")
    flags = page.locator(".course-red-flags-list")
    expect(flags.locator(".course-red-flags-emergency-now")).to_contain_text(
        "Sciatica in both legs"
    )
    expect(flags.locator(".course-red-flags-same-day")).to_contain_text("A child or teenager")
    expect(flags.locator(".course-red-flags-soon")).to_contain_text("You have had cancer")

    # The routine: choose, name, save into the clinician's folder, then download the same card.
    builder = page.locator(".course-explorer", has=page.locator("h4", has_text="Routine builder"))
    builder.scroll_into_view_if_needed()
    _tick_box(builder, "Seated piriformis stretch").check()
    builder.locator(".widget-text").filter(has_text="File name").locator("input").fill(CARD_NAME)
    expect(builder.locator(".course-readout")).to_contain_text(f"saved as {CARD_NAME}.pdf")
    clinic.button("Save the card (PDF)", within=builder).click()
    saved = builder.locator(".course-save-status")
    expect(saved).to_contain_text(f"✓ Saved your card as {CARD_NAME}.pdf")
    card = voila_server.cards_dir / f"{CARD_NAME}.pdf"
    try:
        text = "\n".join(p.extract_text() for p in PdfReader(card).pages)
        for words in ("Seated piriformis stretch", "Single knee to chest", "Stop"):
            assert words in text, f"The card's text lacks {words!r}."
        with page.expect_download() as download:
            builder.locator("a.course-card-download").click()
        assert download.value.suggested_filename == card.name
        assert Path(download.value.path()).read_bytes() == card.read_bytes()
        builder.locator("a.course-card-download").scroll_into_view_if_needed()
        clinic.screenshot("clinic-card-saved")
    finally:
        card.unlink(missing_ok=True)

    clinic.assert_no_errors()
    beyond = "\n".join(clinic.off_host)
    assert not beyond, f"The app tried to reach beyond this computer:\n{beyond}"
    assert not console_errors, "The browser console reported errors:\n" + "\n".join(console_errors)
