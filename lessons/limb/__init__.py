"""The lower limb (Start Here, Lesson 1): joint angles to a pose, its side and front views, and the
limb explorer."""
