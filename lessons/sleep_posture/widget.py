"""Wire controls to the sleep-posture models: the side-lying and back-lying explorers, and the claim
check.

>>> ex = side_lying_explorer()
>>> ex.controls["pillow_cm"].value = 8
>>> print(ex.readout_text.splitlines()[0])
Top hip: near neutral (0°, within ±3°): the top thigh runs about level with the bottom one.
>>> print(side_lying_explorer(audience="patient", pillow_cm=8).readout_text.splitlines()[0])
Your top thigh lies about level with the bottom one: the pillow fills the gap between your knees.
>>> check = claim_check()
>>> check.choices["improved-circulation"].value = "correct"
>>> check.check.click()
>>> print(check.feedback_text("improved-circulation").splitlines()[0])
✓ Correct: the verdict is CORRECT.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
from matplotlib.figure import Figure

from lessons.claims.model import VERDICTS, Claim, load_claims
from lessons.core.explorer import Explorer, check_audience, readout_html, reset_button, slider
from lessons.core.still import WidgetOutput
from lessons.sleep_posture.diagram import (
    draw_back_lying,
    draw_side_lying,
    update_back_lying,
    update_side_lying,
)
from lessons.sleep_posture.model import (
    BACK_RANGES,
    SIDE_DEFAULTS,
    SIDE_RANGES,
    BackLying,
    SideLying,
    back_lying,
    describe_back_lying,
    describe_side_lying,
    side_lying,
)

__all__ = ["BENCHMARK", "BACK_DEFAULTS", "ClaimCheck", "back_lying_explorer", "claim_check",
           "plain_back_lying",
           "plain_side_lying", "side_lying_explorer"]

#: Where the back-lying explorer starts: the typical adult (FACTS section F), a 10 cm pillow, no
#: operation.
BACK_DEFAULTS: dict[str, float | bool] = {"height_m": 1.75, "pillow_cm": 10.0,
                                          "knee_replacement": False}

_STYLE = {"description_width": "22em"}
_SIDE_LABELS = {
    "height_m": ("Body height, m", 0.01, ".2f"),
    "hip_spacing_cm": ("Hip-centre spacing D, cm", 0.5, ".1f"),
    "knee_gap_cm": ("Knee-centre gap, knees touching (k), cm", 0.5, ".1f"),
    "pillow_cm": ("Pillow between the knees, squashed (t), cm", 0.5, ".1f"),
}
#: The patient's labels for the same sliders (the clinic page): no letters for lengths.
_PLAIN_SIDE_LABELS = {
    "height_m": "Your height, m",
    "hip_spacing_cm": "Distance between your hip joints, cm",
    "knee_gap_cm": "Distance between your knee centres, cm",
    "pillow_cm": "Pillow between the knees, squashed, cm",
}


def plain_side_lying(pose: SideLying) -> str:
    """Say what the side-lying picture shows in a patient's words: which way the top thigh slopes,
    and by how much.

    >>> print(plain_side_lying(side_lying()))  # doctest: +NORMALIZE_WHITESPACE
    Your top thigh slopes down towards the bed by about 11°: your top knee sits 8 cm lower than your
    top hip.
    Your hips are wider apart than your knees, so without a pillow the top knee drops.
    In this picture a pillow about 8 cm thick when squashed would keep the top thigh level.
    This is a simple model, not a measurement of you.
    """
    angle = abs(pose.adduction_deg)
    drop = abs(pose.knee_drop_cm)
    if pose.state == "near neutral":
        first = (
            "Your top thigh lies about level with the bottom one: the pillow fills the gap "
            "between your knees."
        )
    elif pose.state == "adducted":
        first = (
            f"Your top thigh slopes down towards the bed by about {angle:.0f}°: your top knee "
            f"sits {drop:.0f} cm lower than your top hip."
        )
    else:
        first = (
            f"Your top thigh slopes up, away from the bed, by about {angle:.0f}°: the top knee is "
            f"pushed {drop:.0f} cm higher than your top hip."
        )
    lines = [first]
    if pose.pillow_cm == 0 and pose.pillow_for_neutral_cm > 0:
        lines.append(
            "Your hips are wider apart than your knees, so without a pillow the top knee drops."
        )
    if pose.pillow_for_neutral_cm > 0:
        lines.append(
            f"In this picture a pillow about {pose.pillow_for_neutral_cm:.0f} cm thick when "
            "squashed would keep the top thigh level."
        )
    else:
        lines.append("In this picture your knees are as far apart as your hips: any pillow pushes "
                     "the top knee up.")
    lines.append("This is a simple model, not a measurement of you.")
    return "\n".join(lines)


def plain_back_lying(pose: BackLying, knee_replacement: bool = False) -> str:
    """Say what the back-lying picture shows in a patient's words, with the knee-replacement rule if
    asked.

    >>> pose = back_lying(pillow_cm=10)
    >>> print(plain_back_lying(pose, knee_replacement=True))  # doctest: +NORMALIZE_WHITESPACE
    A 10 cm pillow under your knees bends your hip a little (about 13°) and your knee a little more
    (about 27°).
    After a knee replacement: put NOTHING under the knee. Resting with the knee bent can leave it
    unable to straighten fully. Follow your surgical team's advice.
    """
    if pose.pillow_cm == 0:
        lines = ["No pillow: your hip and knee lie straight."]
    else:
        lines = [
            f"A {pose.pillow_cm:g} cm pillow under your knees bends your hip a little (about "
            f"{pose.hip_flexion_deg:.0f}°) and your knee a little more (about "
            f"{pose.knee_flexion_deg:.0f}°)."
        ]
    if knee_replacement:
        lines.append(
            "After a knee replacement: nothing under the knee, as here, so the knee can rest "
            "straight."
            if pose.pillow_cm == 0
            else "After a knee replacement: put NOTHING under the knee. Resting with the knee "
                 "bent can leave it "
            "unable to straighten fully. Follow your surgical team's advice."
        )
    return "\n".join(lines)


def side_lying_explorer(*, audience: str = "student", **start: float) -> Explorer:
    """Build the side-lying explorer: the top hip's adduction as the pillow between the knees
    changes.

    Args:
        audience: "student" (the lesson: adduction, D, k, t, fact ids) or "patient" (the clinic
            page: plain labels and :func:`plain_side_lying`).
        **start: starting values by name: ``height_m``, ``hip_spacing_cm``, ``knee_gap_cm``,
            ``pillow_cm`` (defaults: the typical adult of FACTS section F, no pillow).
    """
    plain = check_audience(audience)
    say = plain_side_lying if plain else describe_side_lying
    values = {**SIDE_DEFAULTS, **start}
    pose = side_lying(**values)  # validates before anything is drawn
    controls = {
        name: slider(_PLAIN_SIDE_LABELS[name] if plain else label, values[name],
                     SIDE_RANGES[name][0],
                     SIDE_RANGES[name][1], step, fmt)
        for name, (label, step, fmt) in _SIDE_LABELS.items()
    }
    reset = reset_button()
    artists = draw_side_lying(pose, plain=plain)
    explorer = Explorer("Side-lying explorer", controls, artists.figure, animated=artists.moving(),
                        extra=[reset])
    explorer.artists = artists

    def update() -> None:
        new_pose = side_lying(**{name: control.value for name, control in controls.items()})
        update_side_lying(artists, new_pose)
        explorer.set_readout(say(new_pose))
        explorer.redraw()

    explorer.wire(update, reset, SIDE_DEFAULTS)
    explorer.set_readout(say(pose))
    return explorer


def back_lying_explorer(*, audience: str = "student", **start: float | bool) -> Explorer:
    """Build the back-lying explorer: a pillow under the knees bends the hip and knee.

    Args:
        audience: "student" (the lesson, with fact ids) or "patient" (the clinic page:
            :func:`plain_back_lying`).
        **start: starting values: ``height_m``, ``pillow_cm``, ``knee_replacement`` (show the
            "nothing under the knee" rule, FACTS D5).
    """
    plain = check_audience(audience)
    say = plain_back_lying if plain else describe_back_lying
    values = {**BACK_DEFAULTS, **start}
    pose = back_lying(values["height_m"], values["pillow_cm"])
    controls: dict[str, widgets.Widget] = {
        "height_m": slider("Your height, m" if plain else "Body height, m", values["height_m"],
                           *BACK_RANGES["height_m"][:2], 0.01, ".2f"),
        "pillow_cm": slider("Pillow under the knees, squashed, cm", values["pillow_cm"],
                             *BACK_RANGES["pillow_cm"][:2], 0.5, ".1f"),
        "knee_replacement": widgets.Checkbox(value=bool(values["knee_replacement"]),
                                             description="After a knee replacement", indent=False),
    }
    reset = reset_button()
    artists = draw_back_lying(pose, bool(values["knee_replacement"]), plain=plain)
    explorer = Explorer("Back-lying explorer", controls, artists.figure, animated=artists.moving(),
                        extra=[reset])
    explorer.artists = artists

    def update() -> None:
        new_pose = back_lying(controls["height_m"].value, controls["pillow_cm"].value)
        knee_replacement = controls["knee_replacement"].value
        update_back_lying(artists, new_pose, knee_replacement)
        explorer.set_readout(say(new_pose, knee_replacement))
        explorer.redraw()

    explorer.wire(update, reset, BACK_DEFAULTS)
    explorer.set_readout(say(pose, bool(values["knee_replacement"])))
    return explorer


# --- the claim check ----------------------------------------------------------------------


def _claim_feedback(claim: Claim, choice: str | None) -> str:
    """Words for one claim after Check: right or not, the verdict, why, and what to say instead."""
    if choice is None:
        return "Choose keep, soften or correct for this claim, then press Check."
    verdict = claim.verdict_label
    first = (f"✓ Correct: the verdict is {verdict}." if choice == claim.verdict
             else f"✗ Not quite: you chose {choice}; the verdict is {verdict}.")
    return "\n".join([first, f"Why: {claim.why}", f"Say instead: {claim.say_instead}",
                      f"Source: {claim.source}"])


class ClaimCheck(WidgetOutput, widgets.VBox):
    """Sort the knee-pillow article's claims into keep, soften or correct; Check shows each verdict
    and why."""

    widget_name = "Claim check"

    def __init__(self, claims: tuple[Claim, ...]) -> None:
        self.claims = {claim.id: claim for claim in claims}
        self.choices: dict[str, widgets.ToggleButtons] = {}
        self.feedback: dict[str, widgets.HTML] = {}
        self._feedback_text: dict[str, str] = {}
        rows: list[widgets.Widget] = []
        for number, claim in enumerate(claims, start=1):
            heading = widgets.HTML(f"<b>{number}. {html.escape(claim.name)}</b>: "
                                   f"{html.escape(claim.article_says)}")
            choice = widgets.ToggleButtons(
                options=list(VERDICTS), value=None, description="Verdict:",
                tooltips=["the evidence supports it", "partly true: say it more carefully",
                          "wrong or unsupported as stated"],
                style={"button_width": "7em"},
            )
            choice.add_class("course-claim-choice")
            feedback = widgets.HTML()
            feedback.add_class("course-claim-feedback")
            self.choices[claim.id], self.feedback[claim.id] = choice, feedback
            row = widgets.VBox([heading, choice, feedback],
                               layout=widgets.Layout(margin="0 0 0.8em 0"))
            row.add_class("course-claim")
            rows.append(row)
        self.check = widgets.Button(description="Check", icon="check",
                                    tooltip="Show the verdict for each claim")
        self.reset = widgets.Button(description="Start again", icon="undo")
        self.score = widgets.HTML()
        self.score.add_class("course-claim-score")
        self.score_text = ""
        self.check.on_click(self._on_check)
        self.reset.on_click(self._on_reset)
        title = widgets.HTML("<h4 style='margin:0.2em 0'>Claim check: the knee pillow's eight "
                             "benefits</h4><p>Each claim is the article's, put in our own words. "
                             "For each one choose <b>keep</b>, <b>soften</b> or <b>correct</b>, "
                             "then press Check.</p>")
        super().__init__([title, *rows, widgets.HBox([self.check, self.reset]), self.score])
        self.add_class("course-claim-check")

    def __repr__(self) -> str:
        return f"Claim check ({len(self.claims)} claims): run this cell in JupyterLab to sort them."

    def feedback_text(self, claim_id: str) -> str:
        """The feedback shown under one claim, as plain text ("" before Check)."""
        return self._feedback_text.get(claim_id, "")

    def _on_check(self, _button: widgets.Button | None = None) -> None:
        right = answered = 0
        for claim_id, claim in self.claims.items():
            choice = self.choices[claim_id].value
            text = _claim_feedback(claim, choice)
            self._feedback_text[claim_id] = text
            self.feedback[claim_id].value = readout_html(text, "course-claim-feedback-text")
            answered += choice is not None
            right += choice == claim.verdict
        self.score_text = f"{right} of {len(self.claims)} match the evidence ({answered} sorted)."
        self.score.value = readout_html(self.score_text)

    def _on_reset(self, _button: widgets.Button | None = None) -> None:
        for claim_id in self.claims:
            self.choices[claim_id].value = None
            self.feedback[claim_id].value = ""
        self._feedback_text.clear()
        self.score_text = ""
        self.score.value = ""


def claim_check() -> ClaimCheck:
    """Build the claim check from the claims ``lessons/data/claims.toml`` marks ``shown_by =
    "claim_check"``.

    Those are the knee-pillow article's eight benefits, with FACTS section G's verdicts.
    """
    return ClaimCheck(load_claims().shown_by("claim_check"))


def _naive_side(values: dict) -> Figure:
    """Draw the whole side-lying figure from scratch: the benchmark's baseline."""
    return draw_side_lying(side_lying(**values)).figure


def _naive_back(values: dict) -> Figure:
    """Draw the whole back-lying figure from scratch: the benchmark's baseline."""
    return draw_back_lying(
        back_lying(values["height_m"], values["pillow_cm"]), values["knee_replacement"]
    ).figure


#: For ``tools/benchmark.py``: name -> (build the widget, draw it naively from control values).
BENCHMARK = {
    "side-lying explorer": (side_lying_explorer, _naive_side),
    "back-lying explorer": (back_lying_explorer, _naive_back),
}
