"""What a question bank holds once it is checked: its questions, as frozen objects.

The banks are read and checked by :mod:`lessons.quizzes.bank_reader`, graded by
:mod:`lessons.quizzes.grading`; this module only names the shapes they share.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["QUESTION_TYPES", "SLOT_TYPES", "Answer", "Bank", "Question"]

#: The question types a bank may use, with the words a teacher's answer sheet uses for them.
QUESTION_TYPES: dict[str, str] = {
    "single": "Single choice",
    "multiple": "Multiple select (tick all that apply)",
    "true-false": "True or false",
    "numeric": "Number",
    "matching": "Matching",
    "ordering": "Put in order",
    "labelling": "Label the diagram",
}

#: Types whose answer is one choice per slot (a matched item, a position, a marker).
SLOT_TYPES = ("matching", "ordering", "labelling")

Answer = str | bool | float | tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """One checked question from a bank.

    ``answer`` depends on ``type``: the correct option (single), the correct
    options (multiple), ``True``/``False`` (true-false), a number (numeric), or
    one option per entry of ``slots`` (matching, ordering, labelling).
    ``slots`` are the items to match, the positions to fill or the markers to
    name; ``feedback`` pairs an option with what to tell a learner who picks it.
    ``explorer`` names the lesson builder (a name in ``lessons.BUILDERS``, like
    ``"hip_load_explorer"``) whose live widget the question is answered with, or
    is None for a question answered from the lesson's text and figures.
    """

    id: str
    type: str
    prompt: str
    answer: Answer
    explanation: str
    source: str
    options: tuple[str, ...] = ()
    slots: tuple[str, ...] = ()
    feedback: tuple[tuple[str, str], ...] = ()
    tolerance: float = 0.0
    unit: str = ""
    low: float | None = None
    high: float | None = None
    shuffle: bool = True
    figure: str | None = None
    explorer: str | None = None

    def feedback_for(self, option: str) -> str:
        """Return the bank's feedback for picking ``option``, or an empty string."""
        return dict(self.feedback).get(option, "")


@dataclass(frozen=True)
class Bank:
    """The questions of one lesson's self-check quiz, in the order the bank gives them."""

    lesson: str
    title: str
    questions: tuple[Question, ...]
    path: Path

    def question(self, question_id: str) -> Question:
        """Return the question with this id.

        >>> from lessons.quizzes.bank import load_bank
        >>> load_bank("00-start-here").question("run-a-cell").type
        'single'
        """
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"{self.lesson} has no question {question_id!r}")
