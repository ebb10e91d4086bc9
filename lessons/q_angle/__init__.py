"""The Q-angle (Lesson 1): its model, its diagram and the Q-angle measurer."""
