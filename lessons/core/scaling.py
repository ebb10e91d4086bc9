"""Presenter mode's hooks: every live explorer, and drawing one's figure larger."""

from __future__ import annotations

import weakref

from lessons.core.errors import CourseError

__all__ = ["Scalable"]

#: Every explorer built in this kernel and still referenced somewhere.
_LIVE: weakref.WeakSet = weakref.WeakSet()


class Scalable:
    """An explorer that presenter mode can find (:meth:`live`) and enlarge (:meth:`set_scale`).

    A mixin: :meth:`_register` records the figure's own dpi and the explorer itself.
    """

    def _register(self) -> None:
        self.scale = 1.0
        self._base_dpi = self.figure.get_dpi() if self.figure is not None else None
        _LIVE.add(self)

    @staticmethod
    def live() -> list:
        """Every explorer built in this kernel that is still in use (for presenter mode)."""
        return list(_LIVE)

    def set_scale(self, scale: float) -> None:
        """Draw the figure ``scale`` times its normal size (presenter mode: 1.5)."""
        if not 0.5 <= scale <= 3:
            raise CourseError(
                f"scale = {scale:g} is outside 0.5 to 3; choose a value in that range."
            )
        self.scale = scale
        if scale == 1.0:
            self.remove_class("course-presenting")
        else:
            self.add_class("course-presenting")
        if self.figure is not None:
            # On a high-resolution screen the front end asks matplotlib for device_pixel_ratio
            # times the figure's own dpi, which it keeps in _original_dpi (matplotlib's
            # FigureCanvasBase._set_device_pixel_ratio): scale that, or a 2x screen undoes it.
            self.figure._original_dpi = self._base_dpi * scale
            self.figure.set_dpi(self._base_dpi * scale * self.canvas.device_pixel_ratio)
            if self._blitter is not None:
                self._blitter.forget_background()
            self.canvas.draw_idle()
