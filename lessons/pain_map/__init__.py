"""Where pain is felt and what can refer there (Lesson 7): the pain map and its explorer."""
