"""Teach the signs of the L4, L5 and S1 nerve roots, and which root a set of findings fits best.

The table is FACTS B6 (Harrison's, "Lumbosacral radiculopathy"): for each root,
the disc that usually presses on it, where feeling changes (the dermatome),
which movements weaken (the myotome) and which reflex drops. FACTS B7 adds how
an L5 root problem differs from a common fibular (peroneal) nerve palsy: both
cause foot drop, but only L5 also weakens hip abduction and inversion.

:func:`best_fit` scores findings against the table. It teaches the *pattern*;
it is not a diagnosis, and every explanation it writes says so. Real
dermatome maps vary between people, roots overlap, and a clinician's
examination (and sometimes imaging) is what tells.

Worked example: a numb big toe, weak heel-walking and weak hip abduction is
the L5 pattern (FACTS B6).

>>> fit = best_fit(["numb-big-toe", "weak-heel-walking", "weak-hip-abduction"])
>>> fit.best, fit.scores["L5"], fit.scores["L4"]
(('L5',), 3.0, 0.5)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lessons.core.errors import CourseError, check_choice, check_kind

__all__ = [
    "FINDINGS",
    "FOOT_DROP_COMPARISON",
    "NOT_A_DIAGNOSIS",
    "ROOTS",
    "ROOT_SIGNS",
    "Finding",
    "RootFit",
    "RootSigns",
    "best_fit",
    "describe_fit",
    "describe_root",
    "finding_label",
]

#: Said with every result of the scorer.
NOT_A_DIAGNOSIS = (
    "This teaches the textbook patterns; it is not a diagnosis. Dermatome maps vary between "
    "people and roots overlap: only a clinician who examines you can say."
)

ROOTS = ("L4", "L5", "S1")


@dataclass(frozen=True)
class RootSigns:
    """One row of FACTS B6: a root's usual disc, its skin area, its weakness and its reflex."""

    root: str
    usual_disc: str
    sensation: str
    weakness: str
    reflex: str


#: FACTS B6 (Harrison's, "Lumbosacral radiculopathy").
ROOT_SIGNS: dict[str, RootSigns] = {
    "L4": RootSigns(
        "L4", "L3/4", "medial leg down to the medial malleolus (inner ankle bone)",
        "knee extension (quadriceps), some dorsiflexion", "knee jerk reduced",
    ),
    "L5": RootSigns(
        "L5", "L4/5", "lateral calf, dorsum (top) of the foot, big toe and first web space",
        "big-toe extension (extensor hallucis longus), dorsiflexion (heel-walking), "
        "hip abduction, inversion", "none reliable",
    ),
    "S1": RootSigns(
        "S1", "L5/S1", "lateral foot, little toe, sole and posterior calf",
        "plantarflexion (toe-walking), hip extension", "ankle jerk reduced",
    ),
}


@dataclass(frozen=True)
class Finding:
    """A finding a learner can pick, and how well it fits each root (1 = typical, 0.5 = partly)."""

    id: str
    label: str
    kind: str  # "sensation", "weakness" or "reflex"
    weights: tuple[tuple[str, float], ...]

    def weight(self, root: str) -> float:
        """How strongly this finding points to ``root`` (0 if not at all)."""
        return dict(self.weights).get(root, 0.0)


def _f(id_: str, label: str, kind: str, **weights: float) -> Finding:
    return Finding(id_, label, kind, tuple((r, float(w)) for r, w in weights.items()))


#: Findings from the columns of FACTS B6. "Some dorsiflexion" under L4 scores half.
FINDINGS: tuple[Finding, ...] = (
    _f("numb-medial-leg", "numb inner (medial) shin down to the inner ankle", "sensation", L4=1),
    _f("numb-lateral-calf", "numb outer (lateral) calf", "sensation", L5=1),
    _f("numb-dorsum-foot", "numb top of the foot", "sensation", L5=1),
    _f("numb-big-toe", "numb big toe or first web space", "sensation", L5=1),
    _f("numb-lateral-foot", "numb outer edge of the foot or little toe", "sensation", S1=1),
    _f("numb-sole", "numb sole of the foot", "sensation", S1=1),
    _f("numb-posterior-calf", "numb back of the calf", "sensation", S1=1),
    _f("weak-knee-extension", "weak knee straightening (quadriceps)", "weakness", L4=1),
    _f("weak-big-toe-extension", "weak lifting of the big toe", "weakness", L5=1),
    _f("weak-heel-walking", "weak heel-walking (foot lifting, dorsiflexion)", "weakness",
       L5=1, L4=0.5),
    _f("weak-hip-abduction", "weak hip abduction (leg out to the side)", "weakness", L5=1),
    _f("weak-inversion", "weak turning of the sole inwards (inversion)", "weakness", L5=1),
    _f("weak-toe-walking", "weak toe-walking (plantarflexion)", "weakness", S1=1),
    _f("weak-hip-extension", "weak hip extension", "weakness", S1=1),
    _f("reduced-knee-jerk", "reduced knee jerk", "reflex", L4=1),
    _f("reduced-ankle-jerk", "reduced ankle jerk", "reflex", S1=1),
)
_BY_ID = {f.id: f for f in FINDINGS}

#: FACTS B7 (with B3 and A5): foot drop from an L5 root versus a common fibular nerve palsy.
FOOT_DROP_COMPARISON: tuple[tuple[str, str, str], ...] = (
    ("foot drop (weak dorsiflexion)", "yes", "yes"),
    ("weak hip abduction", "yes", "no"),
    ("weak inversion", "yes", "no"),
    ("Trendelenburg gait possible", "yes", "no"),
    ("where the problem is", "the L5 root, at the spine", "the nerve at the fibular neck"),
)


@dataclass(frozen=True)
class RootFit:
    """How well a set of findings fits each root.

    ``scores`` adds each finding's weight per root; ``best`` holds the root(s)
    with the highest score (several if tied, none if nothing was chosen);
    ``unexplained`` lists findings the best root does not account for.
    """

    findings: tuple[str, ...]
    scores: dict[str, float]
    best: tuple[str, ...]
    unexplained: tuple[str, ...]
    fibular_palsy_also_fits: bool


def best_fit(finding_ids: Iterable[str]) -> RootFit:
    """Score findings against the root table (FACTS B6) and say which root fits best.

    Args:
        finding_ids: ids from :data:`FINDINGS`, such as ``"numb-big-toe"``.

    Raises:
        CourseError: for an id that is not a known finding (the message lists them).

    >>> best_fit(["reduced-ankle-jerk", "numb-sole"]).best
    ('S1',)
    >>> best_fit([]).best
    ()
    """
    if isinstance(finding_ids, (str, bytes)) or not isinstance(finding_ids, Iterable):
        raise CourseError(
            f"finding_ids must be a list of finding ids, like ['numb-sole'], not {finding_ids!r}."
        )
    given = list(finding_ids)
    for finding_id in given:
        check_choice("finding_ids", finding_id, _BY_ID)
    chosen = tuple(dict.fromkeys(given))
    scores = {root: sum(_BY_ID[f].weight(root) for f in chosen) for root in ROOTS}
    top = max(scores.values())
    best = tuple(root for root in ROOTS if top > 0 and scores[root] == top)
    unexplained = tuple(
        f for f in chosen if best and all(_BY_ID[f].weight(root) == 0 for root in best)
    )
    # FACTS B7: foot drop without the L5-only signs also fits a fibular nerve palsy.
    foot_drop = {"weak-heel-walking", "weak-big-toe-extension"} & set(chosen)
    l5_only = {"weak-hip-abduction", "weak-inversion"} & set(chosen)
    return RootFit(chosen, scores, best, unexplained, bool(foot_drop) and not l5_only)


def finding_label(finding_id: str) -> str:
    """The words for a finding.

    >>> finding_label("numb-big-toe")
    'numb big toe or first web space'
    """
    check_choice("finding_id", finding_id, _BY_ID)
    return _BY_ID[finding_id].label


def describe_root(root: str) -> str:
    """Say a root's signs in words (FACTS B6).

    >>> print(describe_root("S1").splitlines()[0])
    S1 root (usually pressed on by the L5/S1 disc).
    """
    check_choice("root", root, ROOTS)
    s = ROOT_SIGNS[root]
    return (
        f"{root} root (usually pressed on by the {s.usual_disc} disc).\nFeeling (dermatome, "
        f"shaded): {s.sensation}.\nWeakness (myotome): {s.weakness}.\nReflex: {s.reflex}."
    )


def describe_fit(fit: RootFit) -> str:
    """Say which root the findings fit, with the not-a-diagnosis reminder.

    >>> print(describe_fit(best_fit(["weak-heel-walking"])))  # doctest: +NORMALIZE_WHITESPACE
    Findings: weak heel-walking (foot lifting, dorsiflexion).
    Best textbook fit: L5 (score L4 0.5, L5 1, S1 0).
    Foot drop without weak hip abduction or inversion also fits a common fibular nerve palsy at the
    fibular neck (FACTS B7).
    This teaches the textbook patterns; it is not a diagnosis. Dermatome maps vary between people
    and roots overlap: only a clinician who examines you can say.
    """
    check_kind("fit", fit, RootFit, "best_fit()")
    if not fit.findings:
        return (
            "No findings chosen: tick some to see which root's pattern they fit.\n"
            + NOT_A_DIAGNOSIS
        )
    lines = ["Findings: " + "; ".join(finding_label(f) for f in fit.findings) + "."]
    scores = ", ".join(f"{root} {fit.scores[root]:g}" for root in ROOTS)
    if len(fit.best) == 1:
        lines.append(f"Best textbook fit: {fit.best[0]} (score {scores}).")
    else:
        lines.append(f"No single best fit: {' and '.join(fit.best)} tie (score {scores}).")
    if fit.unexplained:
        lines.append(
            "Not explained by that root: " + "; ".join(finding_label(f) for f in fit.unexplained)
            + ". More than one root, or something else, may be involved."
        )
    if fit.fibular_palsy_also_fits:
        lines.append(
            "Foot drop without weak hip abduction or inversion also fits a common fibular nerve "
            "palsy at the fibular neck (FACTS B7)."
        )
    lines.append(NOT_A_DIAGNOSIS)
    return "\n".join(lines)
