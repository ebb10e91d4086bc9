"""Presenter mode and slides in a real JupyterLab: the
switch enlarges and restores; the slideshow runs offline."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from lessons.limb import JointAngles, describe, limb_pose

from .conftest import ROOT
from .jupyterlab import JupyterLab, expect

NOTEBOOK = "notebooks/00-Start-Here.ipynb"
KNEE = "Knee flexion, °"
LOCAL_HOSTS = {"127.0.0.1"}


@pytest.fixture
def requests_made(lab: JupyterLab) -> list[str]:
    """Every address the browser asks for, from any
    tab of the test (the slideshow opens its own)."""
    seen: list[str] = []
    context = lab.page.context
    context.on("request", lambda request: seen.append(request.url))
    lab.page.on("websocket", lambda socket: seen.append(socket.url))
    context.on("page", lambda page: page.on("websocket", lambda socket: seen.append(socket.url)))
    return seen


def assert_stayed_local(addresses: list[str]) -> None:
    """Fail if any request went anywhere but this machine's JupyterLab server."""
    remote = [a for a in addresses if urlparse(a).scheme not in {"data", "blob", "about"}
              and urlparse(a).hostname not in LOCAL_HOSTS]
    assert addresses and not remote, "Requests left 127.0.0.1:\n" + "\n".join(sorted(set(remote)))


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, f"{locator} has no box: it is not displayed"
    return found


def font_px(locator) -> float:
    """The computed font size of ``locator``, in CSS pixels."""
    return float(locator.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)"))


def wait_for_box(locator, accept, what: str, timeout_s: float = 15) -> dict:
    """Poll the bounding box of ``locator`` until ``accept(box)``; fail with the last box seen."""
    deadline = time.monotonic() + timeout_s
    while True:
        current = box(locator)
        if accept(current):
            return current
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out waiting for {what}; last box {current}")
        time.sleep(0.1)


def test_presenter_switch_enlarges_figure_and_controls_and_toggles_back(
    lab: JupyterLab, requests_made: list[str]
) -> None:
    """Pressing Presenter mode makes the limb figure,
    its slider labels and the quiz text larger; the
    figure still follows the keyboard; pressing again
    restores the normal sizes. Nothing leaves 127.0.0.1."""
    lab.open_notebook(NOTEBOOK)
    # As docs/presenting.md tells teachers: hide the file
    # browser (Ctrl+B) to give the lesson the width.
    lab.page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
    lab.run_all()
    lab.assert_no_errors()
    view = lab.explorer("Limb explorer")
    label = lab.slider(KNEE, within=view.root).locator(".widget-label")
    normal_canvas, normal_label = box(view.canvas), box(label)
    question = lab.page.locator(".course-quiz-question .widget-html-content").first
    normal_quiz_px = font_px(question)
    lab.screenshot("normal", view.root)

    toggle = lab.page.locator(".course-presenter .course-presenter-toggle")
    toggle.click()
    expect(lab.page.locator(".course-presenter-status")).to_contain_text("On: large diagrams")
    large_canvas = wait_for_box(
        view.canvas, lambda b: b["width"] > normal_canvas["width"] * 1.2, "the figure to grow"
    )
    assert large_canvas["height"] > normal_canvas["height"] * 1.2, (normal_canvas, large_canvas)
    large_label = box(label)
    assert large_label["height"] > normal_label["height"] * 1.3, (normal_label, large_label)
    assert large_label["width"] > normal_label["width"] * 1.3, (normal_label, large_label)
    # Text in the lesson grows too, and the figure fits inside its cell.
    cell = view.root.locator("xpath=ancestor::div[contains(@class,'jp-OutputArea-output')]")
    assert large_canvas["x"] + large_canvas["width"] <= box(cell)["x"] + box(cell)["width"] + 1
    assert font_px(question) >= normal_quiz_px * 1.5, "the quiz text did not grow"
    lab.screenshot("presenting", view.root)

    knee_5 = describe(limb_pose(JointAngles(knee_flexion_deg=5)))
    lab.move_slider(view, KNEE, "ArrowRight", 5, knee_5)
    lab.screenshot("presenting-moved", view.root)

    toggle.click()
    expect(lab.page.locator(".course-presenter-status")).to_contain_text("Off.")
    restored = wait_for_box(
        view.canvas,
        lambda b: abs(b["width"] - normal_canvas["width"]) <= 1,
        "the figure to return to its normal size",
    )
    assert abs(restored["height"] - normal_canvas["height"]) <= 1, (normal_canvas, restored)
    assert abs(box(label)["height"] - normal_label["height"]) <= 1
    assert font_px(question) == normal_quiz_px
    lab.move_slider(view, KNEE, "ArrowLeft", 5, describe(limb_pose(JointAngles())))
    assert_stayed_local(requests_made)


@pytest.fixture
def lesson_copy(output_dir: Path) -> Iterator[str]:
    """A copy of Start Here in the test's output folder:
    RISE saves the notebook before it presents it."""
    copy = output_dir / Path(NOTEBOOK).name
    shutil.copyfile(ROOT / NOTEBOOK, copy)
    yield copy.relative_to(ROOT).as_posix()


def test_rise_slideshow_opens_offline_and_shows_the_diagrams(
    lab: JupyterLab, requests_made: list[str], lesson_copy: str
) -> None:
    """RISE's "Open as Reveal Slideshow" (RISE:slideshow) shows the lesson as reveal.js slides: the
    title first, the teachers' note kept off the slides, the limb explorer's slide with its diagram;
    and the browser asks nothing of any server but 127.0.0.1.

    The RISE app cannot load the ipywidgets manager of JupyterLab 4.6 (jupyterlab-contrib/rise#126),
    so a diagram on a slide is the explorer's still
    picture, not the live widget: see docs/presenting.md.
    """
    lab.open_notebook(lesson_copy)
    lab.run_all()
    lab.assert_no_errors()
    lab.page.evaluate(
        "() => { window.jupyterapp.shell.currentWidget.content.activeCellIndex = 0; }"
    )
    with lab.page.context.expect_page(timeout=30_000) as opened:
        lab.run_command("RISE:slideshow")
    slides = opened.value
    present = slides.locator(".reveal .slides section.present:not(.stack)")
    expect(present).to_have_count(1, timeout=60_000)
    expect(present).to_contain_text("Start Here: how this course works", timeout=30_000)
    expect(present).not_to_contain_text("For teachers", use_inner_text=True)
    slides.screenshot(path=str(lab.output_dir / "title-slide.png"))
    for heading in ("What this course is", "Running a lesson", "Check your setup",
                    "Your first diagram: the limb explorer"):
        slides.keyboard.press("ArrowRight")
        expect(present).to_contain_text(heading)
    # JupyterLab's image renderer drops the alternative
    # text, so find the picture by its output area.
    picture = present.locator(".jp-OutputArea-output[data-mime-type='image/png'] img")
    expect(picture).to_have_count(1)
    picture.scroll_into_view_if_needed()
    expect(picture).to_be_visible()
    slides.screenshot(path=str(lab.output_dir / "limb-explorer-slide.png"))
    assert_stayed_local(requests_made)
