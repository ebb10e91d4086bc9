"""Maintainer tools for the course repository (not part of the learner-facing package)."""
