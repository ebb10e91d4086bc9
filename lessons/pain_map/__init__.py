"""Where pain is felt and what can refer there (Lesson 7): the pain map, its diagram and its explorer."""
