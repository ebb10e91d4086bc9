"""The stretches of Lesson 4: the catalog, the stick-figure poses, the viewer, hold timer, routine
builder and printable card."""
