"""Writing files so that a failure never costs the previous one.

Contract: :func:`write_atomic` has a writer write a temporary file in the
target folder and renames it over the old file only when writing succeeded;
anything that goes wrong is an :class:`~qadeck.errors.OutputError` naming the
path. Every file qadeck writes (decks, exports, the lock file, its caches) goes
through here.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, write: Callable[[Path], object]) -> None:
    """Run ``write(tmp)`` on a temporary file beside ``path``, then rename it into place."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise OutputError("output folder is a file, not a folder", folder) from exc
    except OSError as exc:
        raise OutputError(f"cannot create output folder: {exc.strerror or exc}", folder) from exc
    if not folder.is_dir():
        raise OutputError("output folder is a file, not a folder", folder)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", folder) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path) from exc
    finally:
        tmp.unlink(missing_ok=True)


def write_text_atomic(path: Path, text: str) -> None:
    """``path.write_text(text)`` in UTF-8, through :func:`write_atomic`."""
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
