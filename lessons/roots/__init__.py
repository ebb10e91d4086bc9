"""Nerve roots L4, L5, S1 (Lesson 3a): dermatomes, myotomes and reflexes, their diagram and the root
explorer."""
