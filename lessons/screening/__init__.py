"""Screening tests for hip and lumbar-root pain (Lesson 7): the tests as data, the limb in position, the explorer."""
