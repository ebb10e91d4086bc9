"""The closed kinetic chain (Lesson 1): the planted-foot model, its diagram and the chain
explorer."""
