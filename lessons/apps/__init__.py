"""What teachers and clinicians run, behind the ``course`` command (:mod:`lessons.cli`).

- :mod:`lessons.apps.clinic_launcher`: ``course clinic``, the code-free clinic app;
- :mod:`lessons.apps.handouts`: ``course handouts``, static handouts and stretch cards;
- :mod:`lessons.apps.instructor_guide`: ``course instructor-guide``, notes and answer keys.

They ship in the package, so the command works from an installed wheel; they read the
course's own folders (``notebooks/``, ``instructor/``, ``clinic/``, ``figures/``) from the
course folder that :mod:`lessons.apps.course_folder` finds.
"""
