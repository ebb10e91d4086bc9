"""Dynamic knee valgus (Lesson 1): the front-view model of the squatting knee, its diagram and
explorer."""
