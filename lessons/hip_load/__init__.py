"""The hip's load in one-leg stance (Lesson 2): the lever model, its diagram and the hip load
explorer."""
