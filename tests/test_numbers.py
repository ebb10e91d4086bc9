"""Numbers from anywhere: every public model function takes real numbers of any type (int, float,
numpy's, Fraction, Decimal) and refuses NaN, infinities, huge values, wrong types and unknown names
with the course's own error, naming the argument; it never returns NaN. Property-based (hypothesis):
each function is called with arguments drawn from its valid ranges, in every number type, or with
one argument spoiled, many times."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.chain import model as chain
from lessons.core import plane
from lessons.core.errors import CourseError, check_range
from lessons.gait import model as gait
from lessons.hip_load import model as hip_load
from lessons.knee_load import model as knee_load
from lessons.limb import model as limb
from lessons.nerve_map import model as nerve_map
from lessons.nerve_tension import model as nerve_tension
from lessons.q_angle import model as q_angle
from lessons.roots import model as roots
from lessons.sleep_posture import model as sleep_posture
from lessons.stretches import catalog as stretches
from lessons.stretches import poses
from lessons.valgus import model as valgus
from lessons.walking_pain import model as walking_pain

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same examples on every run and in CI
    database=None,  # nothing written into the checkout
)

# ---------------------------------------------------------------- what arguments look like


@dataclasses.dataclass(frozen=True)
class Real:
    """A number argument valid from low to high (whole: a whole number)."""

    low: float
    high: float
    whole: bool = False
    beyond: float | None = None  # refused only above this (when valid values depend on others)
    optional: bool = False  # None is allowed (it means "the default")


@dataclasses.dataclass(frozen=True)
class Choice:
    """A name argument valid only as one of the choices."""

    choices: tuple[object, ...]


@dataclasses.dataclass(frozen=True)
class Built:
    """An argument that is a model object, built from its own valid inputs (``spoil=False``: the
    object a method is called on, which is never anything else)."""

    strategy: st.SearchStrategy
    spoil: bool = True


def _variants(x: float, spec: Real) -> list[object]:
    """The same number as every real type the course may be handed."""
    out: list[object] = [float(x), np.float64(x), Fraction(x), Decimal(x)]
    single = np.float32(x)
    if spec.low <= float(single) <= spec.high:
        out.append(single)
    if float(x).is_integer():
        out += [int(x), np.int64(int(x)), np.int32(int(x)) if abs(x) < 2**31 else int(x)]
    return out


def valid(spec: Real | Choice | Built) -> st.SearchStrategy:
    if isinstance(spec, Choice):
        return st.sampled_from(spec.choices)
    if isinstance(spec, Built):
        return spec.strategy
    if spec.whole:
        base = st.integers(math.ceil(spec.low), math.floor(spec.high)).map(float)
    else:
        base = st.floats(spec.low, spec.high, allow_nan=False, allow_infinity=False)
    return base.flatmap(lambda x: st.sampled_from(_variants(x, spec)))


#: Values that are not numbers at all, or not usable ones.
NOT_NUMBERS = [
    math.nan,
    math.inf,
    -math.inf,
    np.float64("nan"),
    Decimal("NaN"),
    10**400,
    -(10**400),
    "12",
    None,
    True,
    np.bool_(False),
    [1.0],
    b"1",
    complex(1, 0),
]
#: Names that no model knows.
NOT_NAMES = ["", "bogus", "RIGHT", " right", None, 1, math.nan, ("right",)]


def invalid(spec: Real | Choice | Built) -> st.SearchStrategy:
    if isinstance(spec, Choice):
        return st.sampled_from([n for n in NOT_NAMES if n not in spec.choices])
    if isinstance(spec, Built):
        return st.sampled_from([1.0, "pose", math.nan, b"x"])
    above = spec.high if spec.beyond is None else spec.beyond
    outside = st.one_of(
        st.floats(above, 1e300, exclude_min=True, allow_nan=False, allow_infinity=False),
        st.floats(-1e300, spec.low, exclude_max=True, allow_nan=False, allow_infinity=False),
    )
    not_numbers = [n for n in NOT_NUMBERS if not (spec.optional and n is None)]
    choices = [outside, st.sampled_from(not_numbers)]
    if spec.whole and spec.high > spec.low:
        choices.append(st.just((spec.low + min(spec.high, spec.low + 1)) / 2))  # not whole
    return st.one_of(*choices)


@st.composite
def arguments(draw, specs: Mapping[str, Real | Choice | Built]):
    """Draw keyword arguments: all valid, or one of them spoiled (its name is returned)."""
    kwargs = {name: draw(valid(spec)) for name, spec in specs.items()}
    spoilable = [n for n, spec in specs.items() if not isinstance(spec, Built) or spec.spoil]
    spoiled = draw(st.sampled_from([None, *spoilable]))
    if spoiled is not None:
        kwargs[spoiled] = draw(invalid(specs[spoiled]))
    return kwargs, spoiled


# ---------------------------------------------------------------- what comes back

_NAN_WORD = re.compile(r"\b(nan|inf)\b", re.IGNORECASE)


def assert_finite(value: object, where: str = "result") -> None:
    """No NaN or infinity anywhere in a result: numbers, dataclasses, containers, text."""
    if isinstance(value, (bool, np.bool_)):
        return
    if isinstance(value, (float, np.floating, int, np.integer)):
        assert math.isfinite(value), f"{where} = {value}"
    elif isinstance(value, str):
        assert not _NAN_WORD.search(value), f"{where} says {value!r}"
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            assert_finite(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            assert_finite(item, f"{where}[{key!r}]")
    elif isinstance(value, (tuple, list)):
        for number, item in enumerate(value):
            assert_finite(item, f"{where}[{number}]")


def check(function: Callable, kwargs: dict, spoiled: str | None) -> object:
    """Call the function: valid arguments give a finite result; a spoiled one, a CourseError
    naming it."""
    if spoiled is None:
        result = function(**kwargs)
        assert_finite(result, function.__name__)
        return result
    with pytest.raises(CourseError) as caught:
        function(**kwargs)
    message = str(caught.value)
    assert spoiled.split("_as_")[0] in message, message
    return None


# ---------------------------------------------------------------- the models' own arguments

HEIGHT = Real(*limb.HEIGHT_RANGE_M)
SIDE = Choice(("right", "left"))


def ranges(table: Mapping[str, tuple]) -> dict[str, Real]:
    return {name: Real(low, high) for name, (low, high, *_unit) in table.items()}


ANGLES = {name: Real(*span) for name, span in limb.ANGLE_RANGES_DEG.items()}
joint_angles = st.builds(limb.JointAngles, **{n: valid(s) for n, s in ANGLES.items()})
hip_inputs = st.builds(
    hip_load.HipLoadInputs,
    **{n: valid(s) for n, s in ranges(hip_load.RANGES).items()},
    cane_hand=st.sampled_from(hip_load.CANE_HANDS),
)
TENSION = {n: Real(*span) for n, span in nerve_tension.ANGLE_RANGES_DEG.items()}
tension_pose = st.builds(
    nerve_tension.NerveTensionPose, **{n: valid(s) for n, s in TENSION.items()}
)
GAIT_SIDE = Choice(gait.SIDES)
GAIT = {
    "painful_side": GAIT_SIDE,
    "stance_shortening_pct": Real(*gait.SHORTENING_RANGE_PCT),
    "weak_abductors_side": GAIT_SIDE,
}
gait_inputs = st.builds(gait.GaitInputs, **{n: valid(s) for n, s in GAIT.items()})
gait_cycles = gait_inputs.map(gait.gait_cycle)
STRETCH = Choice(poses.stretch_ids())
postures = st.builds(poses.pose_at, valid(STRETCH), valid(Real(0, 100))).map(lambda found: found[0])
CATALOG = stretches.load_catalog()
NERVE_MAP = nerve_map.load_nerve_map()
HOLD = Real(*stretches.HOLD_RANGE_S, whole=True)
REPS = Real(*stretches.REPETITIONS_RANGE, whole=True)
items = st.builds(
    stretches.routine_item, st.sampled_from(CATALOG.stretches), valid(HOLD), valid(REPS)
)
STATUS = Choice(("ready", "holding", "paused", "rest", "finished"))


def timer(**overrides) -> st.SearchStrategy:
    fields = {"hold_s": valid(HOLD), "repetitions": valid(REPS)}
    return st.builds(stretches.TimerState, **fields).flatmap(
        lambda t: st.sampled_from([t, t.start(), t.start().tick(1), t.start().pause()])
    )


#: Every public model function (and frozen input class), with what each argument may be.
CASES: dict[str, tuple[Callable, dict]] = {
    "limb.anthropometry": (
        limb.anthropometry,
        {"height_m": HEIGHT, "hip_centre_spacing_m": Real(*limb.HIP_SPACING_RANGE_M)},
    ),
    "limb.JointAngles": (limb.JointAngles, ANGLES),
    "limb.limb_pose": (
        limb.limb_pose,
        {"angles": Built(joint_angles), "height_m": HEIGHT, "side": SIDE},
    ),
    "limb.describe": (limb.describe, {"pose": Built(st.builds(limb.limb_pose, joint_angles))}),
    "hip_load.HipLoadInputs": (
        hip_load.HipLoadInputs,
        {**ranges(hip_load.RANGES), "cane_hand": Choice(hip_load.CANE_HANDS)},
    ),
    "hip_load.hip_load": (hip_load.hip_load, {"inputs": Built(hip_inputs)}),
    "hip_load.cane_effect": (hip_load.cane_effect, {"inputs": Built(hip_inputs)}),
    "hip_load.describe": (
        hip_load.describe,
        {"load": Built(hip_inputs.map(hip_load.hip_load))},
    ),
    "knee_load.knee_peak_force_n": (
        knee_load.knee_peak_force_n,
        {
            "activity": Choice(tuple(knee_load.KNEE_PEAK_BW)),
            "body_mass_kg": Real(*knee_load.RANGES["body_mass_kg"][:2]),
        },
    ),
    "knee_load.weight_loss_saving": (
        knee_load.weight_loss_saving,
        {n: Real(*knee_load.RANGES[n][:2]) for n in ("weight_loss_kg", "steps_per_day")},
    ),
    "knee_load.describe": (
        knee_load.describe,
        {
            "activity": Choice(tuple(knee_load.KNEE_PEAK_BW)),
            **ranges(knee_load.RANGES),
        },
    ),
    "nerve_tension.NerveTensionPose": (nerve_tension.NerveTensionPose, TENSION),
    "nerve_tension.max_knee_flexion_deg": (
        nerve_tension.max_knee_flexion_deg,
        {"hip_flexion_deg": TENSION["hip_flexion_deg"]},
    ),
    **{
        f"nerve_tension.{f.__name__}": (f, {"pose": Built(tension_pose)})
        for f in (
            nerve_tension.term_contributions,
            nerve_tension.tension_index,
            nerve_tension.slr_zone,
            nerve_tension.describe,
        )
    },
    "nerve_tension.supine_leg_points": (
        nerve_tension.supine_leg_points,
        {"pose": Built(tension_pose), "height_m": HEIGHT},
    ),
    "sleep_posture.top_hip_adduction_deg": (
        sleep_posture.top_hip_adduction_deg,
        ranges(sleep_posture.SIDE_RANGES),
    ),
    "sleep_posture.side_lying": (sleep_posture.side_lying, ranges(sleep_posture.SIDE_RANGES)),
    "sleep_posture.describe_side_lying": (
        sleep_posture.describe_side_lying,
        {"pose": Built(st.builds(sleep_posture.side_lying))},
    ),
    "sleep_posture.back_lying": (sleep_posture.back_lying, ranges(sleep_posture.BACK_RANGES)),
    "sleep_posture.describe_back_lying": (
        sleep_posture.describe_back_lying,
        {
            "pose": Built(
                st.builds(
                    sleep_posture.back_lying,
                    **{n: valid(s) for n, s in ranges(sleep_posture.BACK_RANGES).items()},
                )
            ),
            "knee_replacement": Choice((True, False)),
        },
    ),
    "gait.GaitInputs": (gait.GaitInputs, GAIT),
    "gait.gait_cycle": (gait.gait_cycle, {"inputs": Built(gait_inputs)}),
    "gait.moment": (gait.moment, {"cycle": Built(gait_cycles), "t_pct": Real(0, 100)}),
    "gait.describe": (gait.describe, {"cycle": Built(gait_cycles), "t_pct": Real(0, 100)}),
    "gait.GaitCycle.on_ground": (
        lambda cycle, side, t_pct: cycle.on_ground(side, t_pct),
        {"cycle": Built(gait_cycles, spoil=False), "side": SIDE, "t_pct": Real(0, 100)},
    ),
    "gait.GaitCycle.stance_pct": (
        lambda cycle, side: (cycle.stance_pct(side), cycle.swing_pct(side), cycle.step_pct(side)),
        {"cycle": Built(gait_cycles, spoil=False), "side": SIDE},
    ),
    "chain.solve_chain": (
        chain.solve_chain,
        {
            "pelvis_drop_cm": Real(*chain.PELVIS_DROP_RANGE_CM),
            "pelvis_shift_cm": Real(*chain.PELVIS_SHIFT_RANGE_CM),
            "height_m": HEIGHT,
        },
    ),
    "chain.describe_chain": (chain.describe_chain, {"pose": Built(st.builds(chain.solve_chain))}),
    "roots.best_fit": (
        roots.best_fit,
        {"finding_ids": Built(st.lists(st.sampled_from([f.id for f in roots.FINDINGS])))},
    ),
    "roots.best_fit with an unknown id": (
        lambda finding_ids_as_one: roots.best_fit([roots.FINDINGS[0].id, finding_ids_as_one]),
        {"finding_ids_as_one": Choice(tuple(f.id for f in roots.FINDINGS))},
    ),
    "roots.finding_label": (
        roots.finding_label,
        {"finding_id": Choice(tuple(f.id for f in roots.FINDINGS))},
    ),
    "roots.describe_root": (roots.describe_root, {"root": Choice(roots.ROOTS)}),
    "q_angle.q_angle": (
        q_angle.q_angle,
        {
            "asis_width_cm": Real(*q_angle.ASIS_WIDTH_RANGE_CM),
            "knee_inward_cm": Real(*q_angle.KNEE_SHIFT_RANGE_CM),
            "tendon_outward_deg": Real(*q_angle.TENDON_RANGE_DEG),
            "height_m": HEIGHT,
        },
    ),
    "q_angle.describe_q_angle": (
        q_angle.describe_q_angle,
        {"result": Built(st.builds(q_angle.q_angle))},
    ),
    "valgus.knee_projection": (
        valgus.knee_projection,
        {
            "knee_flexion_deg": Real(*valgus.KNEE_FLEXION_RANGE_DEG),
            "hip_adduction_deg": Real(*valgus.ADDUCTION_RANGE_DEG),
            "hip_internal_rotation_deg": Real(*valgus.ROTATION_RANGE_DEG),
            "height_m": HEIGHT,
            "side": SIDE,
            "subtalar_pronation_deg": Real(*valgus.PRONATION_RANGE_DEG),
        },
    ),
    "valgus.describe_valgus": (
        valgus.describe_valgus,
        {"view": Built(st.builds(valgus.knee_projection))},
    ),
    "walking_pain.walking_pain": (
        walking_pain.walking_pain,
        {
            "distance_m": Real(*walking_pain.DISTANCE_RANGE_M),
            "posture": Choice(("upright", "bent-forward", "trolley")),
            "rest": Choice(("standing-still", "sitting")),
            "where": Choice(("buttock-leg", "calf")),
        },
    ),
    "walking_pain.describe": (
        walking_pain.describe,
        {"walk": Built(st.builds(walking_pain.walking_pain), spoil=False)},
    ),
    "poses.key_poses": (poses.key_poses, {"stretch_id": STRETCH}),
    "poses.pose_at": (poses.pose_at, {"stretch_id": STRETCH, "progress_pct": Real(0, 100)}),
    "poses.describe_pose": (
        poses.describe_pose,
        {"stretch_id": STRETCH, "progress_pct": Real(0, 100)},
    ),
    "poses.interpolate": (
        lambda stretch_id, t: poses.interpolate(
            poses.key_poses(stretch_id)[0].posture, poses.key_poses(stretch_id)[-1].posture, t
        ),
        {"stretch_id": STRETCH, "t": Real(0, 1)},
    ),
    "poses.body_pose": (poses.body_pose, {"posture": Built(postures), "height_m": HEIGHT}),
    "poses.ankle_to_other_thigh_m": (
        poses.ankle_to_other_thigh_m,
        {"pose": Built(postures.map(poses.body_pose))},
    ),
    "poses.Posture": (
        lambda base, neck_flexion_deg, hands: poses.Posture(
            base, limb.JointAngles(), limb.JointAngles(), 0.0, neck_flexion_deg, hands
        ),
        {
            "base": Choice(("supine", "seated")),
            "neck_flexion_deg": Real(-40, 45),
            "hands": Choice(tuple(poses.HANDS_WORDS)),
        },
    ),
    "stretches.describe_dose": (
        stretches.describe_dose,
        {"hold_s": HOLD, "repetitions": REPS, "kind": Choice(("hold", "glide"))},
    ),
    "stretches.routine_item": (
        stretches.routine_item,
        {
            "stretch": Built(st.sampled_from(CATALOG.stretches)),
            "hold_s": dataclasses.replace(HOLD, optional=True),
            "repetitions": dataclasses.replace(REPS, optional=True),
        },
    ),
    "stretches.routine_minutes": (
        stretches.routine_minutes,
        {
            "items": Built(st.lists(items, max_size=4)),
            "rest_s": Real(*stretches.REST_RANGE_S, whole=True),
        },
    ),
    "stretches.TimerState": (
        stretches.TimerState,
        {
            "hold_s": HOLD,
            "repetitions": REPS,
            "status": STATUS,
            "elapsed_s": Real(0, 10, whole=True, beyond=stretches.HOLD_RANGE_S[1]),
            "completed": Real(0, 1, whole=True, beyond=stretches.REPETITIONS_RANGE[1]),
        },
    ),
    "stretches.TimerState.tick": (
        lambda state, elapsed_s: state.tick(elapsed_s),
        {"state": Built(timer(), spoil=False), "elapsed_s": Real(0, 24 * 3600, whole=True)},
    ),
    "stretches.TimerState.reset": (
        lambda state, hold_s, repetitions: state.reset(hold_s, repetitions),
        {
            "state": Built(timer(), spoil=False),
            "hold_s": dataclasses.replace(HOLD, optional=True),
            "repetitions": dataclasses.replace(REPS, optional=True),
        },
    ),
    "stretches.TimerState.describe": (
        lambda state: (state.describe(), state.remaining_s, state.current),
        {"state": Built(timer(), spoil=False)},
    ),
    "nerve_map.pattern_frequency": (
        nerve_map.pattern_frequency,
        {"pattern_id": Choice(tuple(p.id for p in NERVE_MAP.patterns))},
    ),
    "nerve_map.describe_choice": (
        nerve_map.describe_choice,
        {
            "nerve_map": Built(st.just(NERVE_MAP)),
            "structure_id": Choice(tuple(s.id for s in NERVE_MAP.structures)),
            "pattern_id": Choice(tuple(p.id for p in NERVE_MAP.patterns)),
        },
    ),
    "plane.turn_deg": (
        lambda first_as_x, first_as_y, second_as_x, second_as_y: plane.turn_deg(
            (first_as_x, first_as_y), (second_as_x, second_as_y)
        ),
        {
            name: Real(-1e6, 1e6)
            for name in ("first_as_x", "first_as_y", "second_as_x", "second_as_y")
        },
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_model_function_takes_any_real_number_and_refuses_bad_input(case):
    """Valid arguments of any number type give a finite result; one bad argument gives the
    course's own error, never a raw ValueError, TypeError, KeyError or OverflowError, and never
    a silent NaN."""
    function, specs = CASES[case]

    @SETTINGS
    @given(drawn=arguments(specs))
    def run(drawn):
        kwargs, spoiled = drawn
        check(function, kwargs, spoiled)

    run()


@pytest.mark.parametrize(
    "case", [c for c in CASES if any(isinstance(s, Real) for s in CASES[c][1].values())]
)
def test_the_number_type_does_not_change_the_answer(case):
    """The same valid numbers given as int, float, numpy, Fraction or Decimal give the same result
    as plain floats."""
    function, specs = CASES[case]

    @SETTINGS
    @given(drawn=arguments(specs))
    def run(drawn):
        kwargs, spoiled = drawn
        if spoiled is not None:
            return
        plain = {k: float(v) if isinstance(specs[k], Real) else v for k, v in kwargs.items()}
        assert _same(function(**kwargs), function(**plain))

    run()


def _same(a: object, b: object) -> bool:
    if dataclasses.is_dataclass(a) and dataclasses.is_dataclass(b):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, Mapping):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, (float, int, np.number)) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    return a == b


# ---------------------------------------------------------------- the cases the issue lists


def test_check_range_takes_numpy_integers_and_refuses_huge_numbers():
    """np.int64(30) is 30, not NaN; 10**400 is refused with the course's error, not an
    OverflowError."""
    assert check_range("knee_flexion_deg", np.int64(30), 0, 135, "°") == 30.0
    with pytest.raises(CourseError, match="knee_flexion_deg = a 401-digit number is far outside"):
        check_range("knee_flexion_deg", 10**400, 0, 135, "°")


def test_nan_percent_of_the_gait_cycle_is_refused():
    """NaN is not a moment of the gait cycle (it used to say 'no foot on the ground')."""
    with pytest.raises(CourseError, match="t_pct"):
        gait.moment(gait.gait_cycle(), math.nan)


def test_max_knee_flexion_of_nan_is_refused():
    """max_knee_flexion_deg(nan) used to return 135."""
    with pytest.raises(CourseError, match="hip_flexion_deg"):
        nerve_tension.max_knee_flexion_deg(math.nan)


def test_a_negative_rest_time_is_refused():
    """A routine cannot rest for -30 s between holds."""
    with pytest.raises(CourseError, match="rest_s"):
        stretches.routine_minutes([stretches.routine_item(CATALOG.stretches[0])], rest_s=-30)


def test_a_timer_in_an_unknown_status_is_refused():
    """A timer in status 'bogus' used to describe itself as finished."""
    with pytest.raises(CourseError, match="status"):
        stretches.TimerState(status="bogus")


@pytest.mark.parametrize(
    "call",
    [
        lambda: limb.limb_pose(side="up"),
        lambda: gait.GaitInputs(painful_side="both"),
        lambda: knee_load.knee_peak_force_n("jogging", 70),
        lambda: hip_load.HipLoadInputs(cane_hand="both"),
        lambda: poses.key_poses("no-such-stretch"),
        lambda: roots.finding_label("no-such-finding"),
        lambda: CATALOG.stretch("no-such-stretch"),
    ],
)
def test_unknown_names_get_the_course_error_listing_the_choices(call):
    """A bad side, activity, hand or id names the choices, as the course's own error."""
    with pytest.raises(CourseError, match="choose one of|one of"):
        call()
