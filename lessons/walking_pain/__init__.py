"""Leg pain on walking (Lesson 7): neurogenic against vascular claudication, its diagram and its explorer."""
