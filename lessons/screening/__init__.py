"""Screening tests for hip and lumbar-root pain (Lesson 7): tests as data, limb, explorer."""
