"""The course's shared machinery: the explorer and its controls, presenter mode, the palette and
planes, errors, data files, figures and the environment check."""
