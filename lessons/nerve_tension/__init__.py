"""Nerve tension tests (Lesson 3b): the teaching model of the straight-leg raise and slump, its
diagram and explorer."""
