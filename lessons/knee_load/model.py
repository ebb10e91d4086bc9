"""Compute peak knee forces in daily activities, and what losing weight takes off them.

Instrumented knee implants measured the peak tibiofemoral (knee joint) force
in body weights (Kutzner et al. 2010, FACTS A7): 2.61 walking, 2.59 standing on
one leg, 3.16 up stairs, 3.46 down stairs. Forces in newtons here are those
multiples times body weight (mass × 9.81 m/s²).

Weight loss (Messier et al. 2005, FACTS A12): in overweight and obese older
adults with knee osteoarthritis, each kilogram lost went with about 4 kg less
peak knee compressive force per walking step, estimated by gait analysis and
modelling before and after an 18-month diet-and-exercise trial. The rule holds
for that population; it is not a measurement of anyone else. A step here is one
foot strike; "per day" multiplies by a number of steps the learner chooses,
which makes an illustration, not a measured daily total (FACTS A12).

>>> knee_peak_force_n("walking", 80)
2048.3...
>>> weight_loss_saving(5, steps_per_day=5000).per_step_kg
20.0
"""

from __future__ import annotations

from dataclasses import dataclass

from lessons.core.errors import check_choice, check_range
from lessons.hip_load.model import G_M_PER_S2

__all__ = [
    "KNEE_PEAK_BW",
    "KG_OFF_PER_KG_LOST",
    "RANGES",
    "WeightLossSaving",
    "describe",
    "knee_peak_force_n",
    "weight_loss_saving",
]

#: Peak tibiofemoral force, × body weight (Kutzner et al. 2010, J Biomech 43:2164; FACTS A7).
KNEE_PEAK_BW = {"walking": 2.61, "one-leg stance": 2.59, "stairs up": 3.16, "stairs down": 3.46}
#: Knee force removed per step for each kilogram of body mass lost, in overweight and obese
#: older adults with knee osteoarthritis (Messier et al. 2005; FACTS A12).
KG_OFF_PER_KG_LOST = 4.0
#: Who the 4:1 rule was estimated in (Messier et al. 2005; FACTS A12).
_STUDIED_IN = "overweight and obese older adults with knee osteoarthritis"

#: Accepted ranges (low, high, unit) of the calculator's inputs: the ranges a widget offers, not
#: clinical figures.
RANGES = {
    "body_mass_kg": (40.0, 150.0, " kg"),
    "weight_loss_kg": (0.0, 30.0, " kg"),
    "steps_per_day": (0.0, 20000.0, " steps"),
}


def _check(name: str, value: float) -> float:
    return check_range(name, value, *RANGES[name])


def knee_peak_force_n(activity: str, body_mass_kg: float) -> float:
    """Return the peak knee force in newtons for an activity (FACTS A7) and a body mass in kg."""
    check_choice("activity", activity, KNEE_PEAK_BW)
    body_mass_kg = _check("body_mass_kg", body_mass_kg)
    return KNEE_PEAK_BW[activity] * body_mass_kg * G_M_PER_S2


@dataclass(frozen=True)
class WeightLossSaving:
    """Knee force a weight loss takes off walking by the 4:1 rule (FACTS A12), in kilograms-force.

    ``per_day_kg`` is the per-step figure times a chosen number of steps: an
    illustration of the rule, not a measured daily total.
    """

    weight_loss_kg: float
    steps_per_day: float
    per_step_kg: float
    per_day_kg: float

    @property
    def per_step_n(self) -> float:
        return self.per_step_kg * G_M_PER_S2


def weight_loss_saving(weight_loss_kg: float, steps_per_day: float = 5000) -> WeightLossSaving:
    """Apply the 1 kg → about 4 kg rule (FACTS A12) per step, and illustrate it over a day of steps.

    The rule was estimated in overweight and obese older adults with knee
    osteoarthritis (Messier et al. 2005); the daily figure only multiplies it.

    >>> s = weight_loss_saving(10, steps_per_day=6000)
    >>> s.per_step_kg, s.per_day_kg
    (40.0, 240000.0)
    """
    weight_loss_kg = _check("weight_loss_kg", weight_loss_kg)
    steps_per_day = _check("steps_per_day", steps_per_day)
    per_step = KG_OFF_PER_KG_LOST * weight_loss_kg
    return WeightLossSaving(weight_loss_kg, steps_per_day, per_step, per_step * steps_per_day)


def describe(
    activity: str, body_mass_kg: float, weight_loss_kg: float, steps_per_day: float
) -> str:
    """Say what the calculator shows, in words and numbers.

    >>> print(describe("stairs down", 80, 5, 5000))  # doctest: +NORMALIZE_WHITESPACE
    Stairs down at 80 kg: peak knee force 3.46 × body weight, about 2,715 N (277 kg-force) (Kutzner
    2010).
    Losing 5 kg: about 20 kg less force on the knee with every walking step, by the rule estimated
    in overweight and obese older adults with knee osteoarthritis (Messier 2005).
    Over 5,000 steps that adds up to 100 tonnes a day: an illustration of the rule, not a measured
    total.
    If knee force only scaled with body weight, 5 kg would save 13 kg per walking step (2.61 × 5
    kg); the trial's estimate is larger.
    """
    check_choice("activity", activity, KNEE_PEAK_BW)
    body_mass_kg = _check("body_mass_kg", body_mass_kg)
    weight_loss_kg = _check("weight_loss_kg", weight_loss_kg)
    steps_per_day = _check("steps_per_day", steps_per_day)
    force = knee_peak_force_n(activity, body_mass_kg)
    lines = [
        f"{activity.capitalize()} at {body_mass_kg:.0f} kg: peak knee force "
        f"{KNEE_PEAK_BW[activity]:.2f} × body weight, about {force:,.0f} N "
        f"({force / G_M_PER_S2:,.0f} kg-force) (Kutzner 2010)."
    ]
    saving = weight_loss_saving(weight_loss_kg, steps_per_day)
    if weight_loss_kg > 0:
        lines.append(
            f"Losing {weight_loss_kg:g} kg: about {saving.per_step_kg:g} kg less force on the "
            f"knee with every walking step, by the rule estimated in {_STUDIED_IN} (Messier 2005)."
        )
        lines.append(
            f"Over {steps_per_day:,.0f} steps that adds up to {saving.per_day_kg / 1000:,.0f} "
            "tonnes a day: an illustration of the rule, not a measured total."
        )
        proportional = KNEE_PEAK_BW["walking"] * weight_loss_kg
        lines.append(
            f"If knee force only scaled with body weight, {weight_loss_kg:g} kg would save "
            f"{proportional:.0f} kg per walking step ({KNEE_PEAK_BW['walking']:.2f} × "
            f"{weight_loss_kg:g} kg); the trial's estimate is larger."
        )
    else:
        lines.append(
            "Set a weight loss to see what it takes off the knee (about 4 kg per kg, per step, "
            f"in {_STUDIED_IN}; Messier 2005)."
        )
    return "\n".join(lines)
