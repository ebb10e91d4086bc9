"""The knee's load and body weight (Lesson 2): the model, its diagram and the knee load
calculator."""
