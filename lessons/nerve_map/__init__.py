"""The course of the sciatic nerve (Lesson 3a): the map as data, its diagram and the nerve map
explorer."""
