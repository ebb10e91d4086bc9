"""Who an explorer speaks to, and how it says a force to a patient.

Students get precise terms, symbols and newtons; patients get plain words.
"""

from __future__ import annotations

from lessons.core.errors import CourseError

__all__ = ["AUDIENCES", "check_audience", "times_body_weight"]

#: Who an explorer speaks to: students (precise terms, symbols, newtons) or patients (plain words).
AUDIENCES = ("student", "patient")


def check_audience(audience: str) -> bool:
    """Check an explorer's ``audience`` and return True for the patient (plain-words) version.

    >>> check_audience("patient"), check_audience("student")
    (True, False)
    >>> check_audience("clinician")
    Traceback (most recent call last):
    ...
    lessons.core.errors.CourseError: audience must be "student" or "patient", not 'clinician'.
    """
    if audience not in AUDIENCES:
        raise CourseError(f'audience must be "student" or "patient", not {audience!r}.')
    return audience == "patient"


def times_body_weight(force_bw: float) -> str:
    """Say a force in body weights as a patient would: to the nearest half, or a share below 3/4.

    >>> for force_bw in (2.48, 1.68, 1.0, 3.3, 0.33, 0.0):
    ...     print(times_body_weight(force_bw))
    about 2½ times your body weight
    about 1½ times your body weight
    about your body weight
    about 3½ times your body weight
    about 30 % of your body weight
    none of your body weight
    """
    if force_bw <= 0.0:
        return "none of your body weight"
    halves = round(force_bw * 2)
    if halves <= 1:
        return f"about {max(round(force_bw * 10) * 10, 10):.0f} % of your body weight"
    if halves == 2:
        return "about your body weight"
    whole, half = divmod(halves, 2)
    return f"about {whole}{'½' if half else ''} times your body weight"
