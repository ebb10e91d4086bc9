"""Wire the stretch catalog, poses and card to widgets: the stretch viewer, the hold timer and the
routine builder.

- :func:`stretch_viewer`: choose a stretch; a play control (``ipywidgets.Play``,
  ticking in the browser) moves the stick figure through its key positions in
  place; beside it the steps, what to feel, the dose, the stop signs (always
  shown) and who should ask first.
- :func:`hold_timer`: a countdown for each hold, counted in the browser by an
  ``ipywidgets.Play`` at one tick a second, so the kernel is never blocked;
  Start, Pause, Resume, and a repetition count, in large type.
- :func:`routine_builder`: choose stretches, hold and repetitions, a page size
  and a file name, and save a printable card (:mod:`lessons.stretches.card`).

>>> viewer = stretch_viewer()
>>> viewer.controls["progress_pct"].value = 100
>>> print(viewer.readout_text.splitlines()[0])
Key position 3 of 3 (hold): Pull the other thigh towards the chest and hold.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.core.errors import CourseError
from lessons.core.explorer import Explorer, readout_html
from lessons.stretches.card import PAGE_SIZES, card_path, save_card
from lessons.stretches.catalog import (
    HOLD_RANGE_S,
    REPETITIONS_RANGE,
    RedFlags,
    Stretch,
    TimerState,
    describe_dose,
    load_catalog,
    routine_item,
    routine_minutes,
)
from lessons.stretches.poses import body_pose, describe_pose, pose_at
from lessons.stretches.poses_diagram import draw_pose, update_pose

log = logging.getLogger(__name__)

__all__ = ["BENCHMARK", "HoldTimer", "RoutineBuilder", "stretch_panel_html", "hold_timer",
           "routine_builder", "stretch_viewer"]

_STYLE = {"description_width": "14em"}
_WIDE = widgets.Layout(width="auto")


class _Tool(Explorer):
    """An explorer-shaped widget without a diagram, with a plain-text form that says so."""

    failure_subject = "This tool"

    def __repr__(self) -> str:
        return f"{self.title}: run this cell in JupyterLab to use it."


# --------------------------------------------------------------------------- stretch viewer


def _list(items, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + f"</{tag}>"


def stretch_panel_html(
    stretch: Stretch, dose_evidence: str = "", red_flags: RedFlags | None = None
) -> str:
    """The written instructions for one stretch, as HTML; the stop signs come first after the dose.

    With ``red_flags``, the red-flags box closes the panel (the stop signs refer to it).
    """
    e = html.escape
    article = (
        " (from the source article)"
        if stretch.from_article
        else " (a standard physiotherapy exercise)"
    )
    dose = describe_dose(stretch.hold_s, stretch.repetitions, stretch.how_often, stretch.kind)
    parts = [
        f"<h4 style='margin:0.3em 0'>{e(stretch.name)}{e(article)}</h4>",
        f"<p><b>What it is for:</b> {e(stretch.targets)}</p>",
        f"<p><b>Dose:</b> {e(dose)} {e(stretch.dose_note)}</p>",
        "<div class='course-stop-signs' role='note' "
        "style='border:3px solid #D55E00;padding:0.3em 0.8em;"
        "margin:0.4em 0'><b>⚠ Stop signs: stop if…</b>" + _list(stretch.stop_signs) + "</div>",
        f"<p><b>Starting position ({e(stretch.position_words)}):</b> "
        f"{e(stretch.starting_position)}</p>",
        "<p><b>Steps</b></p>" + _list(stretch.steps, ordered=True),
        f"<p><b>What you should feel:</b> {e(stretch.feel)}</p>",
        "<p><b>Who should avoid it, or ask a clinician "
        "first</b></p>" + _list(stretch.avoid_or_ask_first),
        f"<p><b>Why it is done this way:</b> {e(stretch.why)}</p>",
    ]
    if dose_evidence:
        parts.append(f"<p><b>The evidence on dose:</b> {e(dose_evidence)}</p>")
    if red_flags is not None:
        parts.append(
            "<div class='course-red-flags' role='note' "
            "style='border:3px solid #000;padding:0.3em 0.8em;margin:0.4em 0'>"
            "<b>Red flags: stop and get help</b>"
            + "".join(
                f"<p><b>{e(heading)}</b></p>" + _list(signs)
                for heading, signs in red_flags.sections
            )
            + f"<p style='font-size:0.9em'>{e(red_flags.source)}.</p></div>"
        )
    parts.append(f"<p style='font-size:0.9em'>Sources: {e('; '.join(stretch.sources))}.</p>")
    return "<div class='course-stretch-panel'>" + "".join(parts) + "</div>"


def stretch_viewer(stretch_id: str = "figure-4", progress_pct: int = 0) -> Explorer:
    """Build the stretch viewer: the stick figure moving through a stretch, with its instructions.

    Args:
        stretch_id: the stretch shown first (an id from ``lessons/data/stretches.toml``).
        progress_pct: how far through the movement to start, 0 (start) to 100 (the hold).

    Returns:
        An :class:`~lessons.core.explorer.Explorer`; ``controls["stretch"]`` and
        ``controls["progress_pct"]`` drive it, ``play`` animates it and
        ``panel`` holds the written instructions.
    """
    catalog = load_catalog()
    stretch = catalog.stretch(stretch_id)
    posture, _, _ = pose_at(stretch.id, progress_pct)
    controls = {
        "stretch": widgets.Dropdown(
            options=[(s.name, s.id) for s in catalog.stretches], value=stretch.id,
            description="Stretch", style=_STYLE, layout=_WIDE,
        ),
        "progress_pct": widgets.IntSlider(
            value=progress_pct, min=0, max=100, step=1, description="Through the movement, %",
            style=_STYLE, layout=_WIDE,
        ),
    }
    play = widgets.Play(
        value=progress_pct, min=0, max=100, step=2, interval=80, description="Play the stretch",
        repeat=False, show_repeat=False,
    )
    # One way, Play -> slider, in the kernel: the browser ticks, the kernel moves the figure.
    play.observe(lambda change: setattr(controls["progress_pct"], "value", int(change["new"])),
                 names="value")
    play_label = widgets.HTML("<span>▶ Play the movement from the start to the hold:</span>")
    artists = draw_pose(body_pose(posture))
    explorer = Explorer(
        "Stretch viewer", controls, artists.figure, animated=artists.moving(),
        extra=[widgets.HBox([play_label, play])],
    )
    explorer.artists = artists
    explorer.play = play
    explorer.panel = widgets.HTML(stretch_panel_html(stretch, catalog.dose_evidence,
                                                     catalog.red_flags))
    explorer.children = (*explorer.children, explorer.panel)

    def update() -> None:
        sid = controls["stretch"].value
        new_posture, _, _ = pose_at(sid, controls["progress_pct"].value)
        update_pose(artists, body_pose(new_posture))
        explorer.set_readout(describe_pose(sid, controls["progress_pct"].value))
        explorer.redraw()

    def on_stretch(_change=None) -> None:
        explorer.panel.value = stretch_panel_html(catalog.stretch(controls["stretch"].value),
                                                  catalog.dose_evidence, catalog.red_flags)
        play.playing = False
        play.value = 0
        controls["progress_pct"].value = 0

    callback = explorer.guarded(update)
    controls["progress_pct"].observe(callback, names="value")
    controls["stretch"].observe(explorer.guarded(on_stretch), names="value")
    controls["stretch"].observe(callback, names="value")
    explorer.set_readout(describe_pose(stretch.id, progress_pct))
    return explorer


# --------------------------------------------------------------------------- hold timer


class HoldTimer(_Tool):
    """The hold timer widget: its state (:class:`~lessons.stretches.catalog.TimerState`) and its
    browser clock."""

    def __init__(self, hold_s: int = 30, repetitions: int = 2) -> None:
        self.state = TimerState(hold_s=hold_s, repetitions=repetitions)  # validates first
        controls = {
            "hold_s": widgets.IntSlider(
                value=hold_s, min=HOLD_RANGE_S[0], max=HOLD_RANGE_S[1], step=5,
                description="Hold, seconds",
                style=_STYLE, layout=_WIDE,
            ),
            "repetitions": widgets.IntSlider(
                value=repetitions, min=REPETITIONS_RANGE[0], max=REPETITIONS_RANGE[1],
                description="Repetitions",
                style=_STYLE, layout=_WIDE,
            ),
        }
        # The clock: ticks once a second in the browser. Its value is 1 + the seconds held,
        # because Play takes its first step at once when it starts.
        self.clock = widgets.Play(
            value=0, min=0, max=hold_s + 1, step=1, interval=1000, repeat=False, show_repeat=False,
            description="Hold clock", layout=widgets.Layout(display="none"),
        )
        self.start_button = widgets.Button(
            description="Start", icon="play", button_style="primary",
            layout=widgets.Layout(width="12em", height="3.2em"),
        )
        self.start_button.add_class("course-timer-start")
        self.reset_button = widgets.Button(
            description="Reset", icon="undo", layout=widgets.Layout(width="10em", height="3.2em")
        )
        self.display_big = widgets.HTML()
        self.display_big.add_class("course-timer-display")
        self.bar = widgets.IntProgress(value=hold_s, min=0, max=hold_s, description="Time left",
                                       layout=widgets.Layout(width="100%", height="2em"))
        self._syncing = False
        super().__init__(
            "Hold timer", controls, None,
            extra=[widgets.HBox([self.start_button, self.reset_button]), self.clock],
        )
        self.children = (self.children[0], self.display_big, self.bar, *self.children[1:])
        self.start_button.on_click(lambda _b: self.guarded(self.press_start)())
        self.reset_button.on_click(lambda _b: self.guarded(self.reset)())
        for control in controls.values():
            control.observe(self.guarded(self.reset), names="value")
        self.clock.observe(self._on_clock, names="value")
        self._show()

    def _set_clock(self, value: int, playing: bool | None = None) -> None:
        self._syncing = True
        try:
            self.clock.value = value
        finally:
            self._syncing = False
        if playing is not None:
            self.clock.playing = playing

    def press_start(self) -> None:
        """The big button: Start (or Resume) when stopped, Pause when running."""
        if self.state.running:
            self.state = self.state.pause()
            self.clock.playing = False
        else:
            self.state = self.state.start()
            # The browser adds one step at once on play: start one below the seconds held.
            self._set_clock(self.state.elapsed_s, playing=True)
        self._show()

    def reset(self) -> None:
        """Stop and go back to repetition 1 with the chosen hold and repetitions."""
        hold, reps = self.controls["hold_s"].value, self.controls["repetitions"].value
        self.state = self.state.reset(hold_s=hold, repetitions=reps)
        self.clock.playing = False
        self.clock.max = hold + 1
        self._set_clock(0)
        self._show()

    def _on_clock(self, change) -> None:
        if self._syncing:
            return
        self.state = self.state.tick(max(int(change["new"]) - 1, 0))
        if not self.state.running:
            self.clock.playing = False
        self._show()

    def _show(self) -> None:
        s = self.state
        words = {"ready": "Start", "holding": "Pause", "paused": "Resume", "rest": "Start",
                 "finished": "Start again"}
        self.start_button.description = words[s.status]
        self.start_button.icon = "pause" if s.running else "play"
        self.bar.max = s.hold_s
        self.bar.value = s.remaining_s
        big = (
            f"{s.remaining_s} s"
            if s.status in ("holding", "paused", "ready")
            else ("✓" if s.status == "finished" else "Rest")
        )
        line = (
            f"Repetition {s.current} of {s.repetitions}"
            if s.status != "finished"
            else f"{s.repetitions} of {s.repetitions} done"
        )
        self.display_big.value = (
            "<div style='text-align:center;line-height:1.1'><div class='course-timer-count' "
            f"style='font-size:4.5em;font-weight:bold'>{html.escape(big)}</div><div "
            f"class='course-timer-rep' style='font-size:2em'>{html.escape(line)}</div></div>"
        )
        self.set_readout(s.describe())


def hold_timer(hold_s: int = 30, repetitions: int = 2) -> HoldTimer:
    """Build the hold timer: a large countdown for each hold that counts repetitions (FACTS C6: 30 s
    × 2).

    >>> timer = hold_timer()
    >>> timer.start_button.click(); timer.clock.value = 11   # the browser has ticked 10 s
    >>> timer.readout_text
    'Hold: 20 s left in repetition 1 of 2.'
    """
    return HoldTimer(hold_s, repetitions)


# --------------------------------------------------------------------------- routine builder


class RoutineBuilder(_Tool):
    """The routine builder widget: choose stretches and a dose, name the file, save the card."""

    failure_subject = "The routine builder"

    def __init__(
        self,
        chosen: tuple[str, ...] = ("figure-4", "knee-to-chest"),
        base: str | Path | None = None,
        *,
        confine: bool = False,
    ) -> None:
        """``confine=True`` keeps every card inside ``base`` (the clinic app's chosen folder)."""
        self.catalog = load_catalog()
        self.base = Path(base) if base is not None else None
        self.confine = confine
        self.choices = {
            s.id: widgets.Checkbox(value=s.id in chosen, description=s.name, indent=False,
                                   layout=_WIDE)
            for s in self.catalog.stretches
        }
        controls: dict[str, widgets.Widget] = {
            f"include_{sid}": box for sid, box in self.choices.items()
        }
        controls.update(
            hold_s=widgets.IntSlider(value=30, min=HOLD_RANGE_S[0], max=HOLD_RANGE_S[1], step=5,
                                     description="Hold, seconds", style=_STYLE, layout=_WIDE),
            repetitions=widgets.IntSlider(value=2, min=REPETITIONS_RANGE[0],
                                          max=REPETITIONS_RANGE[1],
                                          description="Repetitions", style=_STYLE, layout=_WIDE),
            page=widgets.ToggleButtons(options=list(PAGE_SIZES), value="A4",
                                       description="Page size",
                                       style=_STYLE),
            file_name=widgets.Text(value="my-stretches", placeholder="my-stretches",
                                   description="File name", style=_STYLE, layout=_WIDE),
            folder=widgets.Text(value="", placeholder="empty: next to this notebook",
                                description="Folder (optional)", style=_STYLE, layout=_WIDE),
            replace=widgets.Checkbox(value=False, description="Replace an existing file",
                                     indent=False),
        )
        self.save_button = widgets.Button(description="Save the card (PDF)", icon="save",
                                          button_style="primary",
                                          layout=widgets.Layout(width="16em"))
        self.status = widgets.HTML()
        self.status.add_class("course-save-status")
        super().__init__("Routine builder", controls, None, extra=[self.save_button])
        self.children = (*self.children, self.status)
        update = self.guarded(self._summarise)
        for control in controls.values():
            control.observe(update, names="value")
        self.save_button.on_click(lambda _b: self._on_save())
        self._summarise()

    def items(self):
        """The chosen stretches with the chosen dose, in catalog order."""
        hold, reps = self.controls["hold_s"].value, self.controls["repetitions"].value
        return [
            routine_item(s, hold, reps) for s in self.catalog.stretches if self.choices[s.id].value
        ]

    def _summarise(self) -> None:
        items = self.items()
        self.status.value = ""
        if not items:
            self.set_readout("No stretches chosen yet: tick at least one to make a card.")
            return
        names = "; ".join(item.stretch.name for item in items)
        where = (
            "next to this notebook"
            if not self.controls["folder"].value.strip()
            else "in the folder you named"
        )
        try:
            file_name = card_path(self.controls["file_name"].value, base=".").name
        except CourseError as error:
            file_name = f"(not yet: {error})"
        self.set_readout(
            f"Your routine: {len(items)} stretch{'es' if len(items) > 1 else ''}: {names}.\nEach: "
            f"{items[0].dose} About {routine_minutes(items):g} minutes of holding a day.\nCard: "
            f"{self.controls['page'].value} page, saved as {file_name} {where}."
        )

    def save(self) -> Path:
        """Save the card; say where it went (or why not) in words."""
        items = self.items()
        if not items:
            raise CourseError("Tick at least one stretch before saving the card.")
        path = save_card(
            items, self.controls["file_name"].value, self.controls["folder"].value or None,
            self.controls["page"].value, replace=self.controls["replace"].value, base=self.base,
            confine=self.confine,
        )
        self.status.value = readout_html(
            f"✓ Saved your card as {path.name} in {path.parent}. Open it to print.",
            "course-save-ok"
        )
        return path


    def _on_save(self) -> None:
        """Save, saying why not in words (the course's reason, or what failed), never a
        traceback."""
        try:
            self.save()
        except CourseError as error:
            self.message.value = readout_html(f"⚠ {error}", "course-warning")
        except Exception as error:  # noqa: BLE001 - a bug: shown to the learner, logged in full
            log.exception("saving the stretch card failed")
            self.message.value = readout_html(
                f"⚠ The card could not be saved ({type(error).__name__}: {error}). Please tell "
                "the course team; choosing stretches still works.",
                "course-warning",
            )
        else:
            self.message.value = ""


def routine_builder(base: str | Path | None = None) -> RoutineBuilder:
    """Build the routine builder. Cards are saved into ``base`` (default: the notebook's folder).

    >>> rb = routine_builder()
    >>> rb.controls["hold_s"].value = 45
    >>> print(rb.readout_text.splitlines()[1])
    Each: Hold 45 s, 2 times (90 s in all), once a day. About 3 minutes of holding a day.
    """
    return RoutineBuilder(base=base)


def _naive_frame(values: dict) -> Figure:
    """Draw the whole stretch figure from scratch: the benchmark's baseline."""
    posture, _, _ = pose_at(values["stretch"], values["progress_pct"])
    return draw_pose(body_pose(posture)).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {"stretch viewer": (stretch_viewer, _naive_frame)}
