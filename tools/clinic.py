"""Kept so ``python -m tools.clinic`` still starts the clinic app; the launcher is
:mod:`lessons.apps.clinic_launcher`, run as ``course clinic``."""

import sys

from lessons.apps.clinic_launcher import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m tools.clinic"))
