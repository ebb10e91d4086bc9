"""The source articles' claims and the course's verdict on each (FACTS section G), as data and as
tables for the lessons."""
