"""The gait cycle (Lesson 2): stance and swing, their timeline diagram and explorer."""
