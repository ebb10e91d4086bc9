"""The self-check quizzes: the question banks, grading and answer sheets, the quiz widget, the
progress store, the course review and certificate."""
