"""Sleep posture and the knee pillow (Lesson 5): the side-lying and back-lying models, their
diagrams and explorers."""
