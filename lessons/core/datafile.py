"""Read the course's TOML data files, with one clear error for a file that will not load.

Question banks, the stretch catalog, the red flags, the nerve map and the
source articles' claims are TOML files a clinician can edit. Their fields are
checked with the shared rules of :mod:`lessons.core.validation` (and all of them
at once by ``python -m lessons.core.validate``); this module turns every way a
file can fail to load into the
course's :class:`~lessons.core.errors.DataFileError`, naming the file and the cause:
it cannot be read, it is not UTF-8, it starts with a byte-order mark (as
Notepad's "UTF-8 with BOM" adds), it is not TOML, it nests too deeply, or it
holds a whole number too long to read. TOML allows ``nan`` and ``inf``: each
module's reader refuses them where it reads a number, naming the entry.

>>> read_toml("no-such-file.toml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lessons.core.errors.DataFileError: no-such-file.toml: cannot be read (...)
"""

from __future__ import annotations

import codecs
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
    """Parse one TOML data file; raise DataFileError naming the file and the cause if it fails."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataFileError(path.name, None, None, f"cannot be read ({error})") from None
    if data.startswith(codecs.BOM_UTF8):
        raise DataFileError(
            path.name,
            None,
            None,
            "starts with a byte-order mark (an invisible character some editors, such as "
            "Notepad's “UTF-8 with BOM”, put first); save it again as plain UTF-8",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError(
            path.name,
            None,
            None,
            f"is not UTF-8 text (byte {error.start} cannot be read); save it again as UTF-8",
        ) from None
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(
            path.name,
            None,
            None,
            f"is not valid TOML ({error}); check quotes, brackets and commas there",
        ) from None
    except RecursionError:
        raise DataFileError(
            path.name,
            None,
            None,
            "nests lists or tables too deeply to be read; no course file needs more than a few "
            "levels, so look for brackets that are opened and never closed",
        ) from None
    except ValueError:  # an integer longer than Python converts (4,300 digits by default)
        limit = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 4300
        raise DataFileError(
            path.name,
            None,
            None,
            f"holds a whole number too long to read (more than {limit:,} digits); "
            "look for a number that was pasted or typed many times over",
        ) from None
    return parsed
