"""Leg pain on walking (Lesson 7): neurogenic against vascular claudication, and its explorer."""
