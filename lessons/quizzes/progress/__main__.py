"""``python -m lessons.quizzes.progress``: see :mod:`lessons.quizzes.progress.cli`."""

import sys

from lessons.quizzes.progress.cli import main

sys.exit(main())
