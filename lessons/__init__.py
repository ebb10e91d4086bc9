"""The models, diagrams, widgets and quizzes behind the knee-hip and sciatica course.

The package is laid out by concept, each with its pure model, its diagram and
its widget side by side (``lessons/hip_load/model.py``, ``diagram.py``,
``widget.py``), the quiz and the stretches in subpackages of their own, and the
shared machinery (the explorer, presenter mode, the palette, errors, data
files) in ``lessons/core``. See the README's "How it is built".

A lesson cell imports what it shows from the package itself, so cells stay one
line and survive later moves::

    from lessons import hip_load_explorer
    hip_load_explorer()

The builders are imported when first asked for, so importing a model never
pulls in matplotlib or ipywidgets.

>>> from lessons import red_flags_box
>>> red_flags_box.__module__
'lessons.red_flags.view'
"""

from __future__ import annotations

import importlib

#: What a lesson or the clinic page calls -> the module that defines it.
BUILDERS: dict[str, str] = {
    "back_lying_explorer": "lessons.sleep_posture.widget",
    "certificate": "lessons.quizzes.review_widget",
    "chain_explorer": "lessons.chain.widget",
    "check_environment": "lessons.core.environment",
    "claim_check": "lessons.sleep_posture.widget",
    "claims_table": "lessons.claims.model",
    "clinic_routine_builder": "lessons.clinic",
    "course_review": "lessons.quizzes.review_widget",
    "gait_timeline": "lessons.gait.widget",
    "hip_load_explorer": "lessons.hip_load.widget",
    "hold_timer": "lessons.stretches.widget",
    "knee_load_calculator": "lessons.knee_load.widget",
    "limb_explorer": "lessons.limb.widget",
    "my_progress": "lessons.quizzes.widget",
    "nerve_map_explorer": "lessons.nerve_map.widget",
    "nerve_tension_explorer": "lessons.nerve_tension.widget",
    "pain_map_explorer": "lessons.pain_map.widget",
    "presenter_switch": "lessons.core.presenter",
    "q_angle_explorer": "lessons.q_angle.widget",
    "quiz": "lessons.quizzes.widget",
    "red_flags_box": "lessons.red_flags.view",
    "red_flags_list": "lessons.clinic",
    "root_explorer": "lessons.roots.widget",
    "routine_builder": "lessons.stretches.widget",
    "screening_explorer": "lessons.screening.widget",
    "side_lying_explorer": "lessons.sleep_posture.widget",
    "stretch_viewer": "lessons.stretches.widget",
    "urgency_ladder": "lessons.red_flags.view",
    "valgus_explorer": "lessons.valgus.widget",
    "walking_pain_explorer": "lessons.walking_pain.widget",
    "what_should_i_do": "lessons.red_flags.widget",
}

__all__ = sorted(BUILDERS)


def __getattr__(name: str):
    """Import a builder from its module the first time a lesson asks for it."""
    if name in BUILDERS:
        return getattr(importlib.import_module(BUILDERS[name]), name)
    raise AttributeError(f"module 'lessons' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *BUILDERS])
