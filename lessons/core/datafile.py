"""Read the course's TOML data files, with one clear error for a file that will not load.

Question banks, the stretch catalog, the red flags, the nerve map and the
source articles' claims are TOML files a clinician can edit. Each module validates
its own fields; this one only turns "cannot read" and "not TOML" into the
course's :class:`~lessons.core.errors.DataFileError`, naming the file.

>>> read_toml("no-such-file.toml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lessons.core.errors.DataFileError: no-such-file.toml: cannot be read (...)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from lessons.core.errors import DataFileError

__all__ = ["DATA_DIR", "read_toml"]

#: The folder of the course's data files (question banks, stretches, red flags, …).
DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def read_toml(path: str | Path) -> dict[str, Any]:
    """Parse one TOML data file; raise DataFileError naming the file if it cannot be read or parsed."""
    path = Path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(
            path.name,
            None,
            None,
            f"is not valid TOML ({error}); check quotes, brackets and commas there",
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(path.name, None, None, f"cannot be read ({error})") from None
