"""Output formats, and writing them so a failure never costs the previous file.

Contract: each format is a :class:`Format` in ``FORMATS``; its ``write`` gets
the deck's :class:`Output` and a path. :func:`write_atomic` has the writer
write a temporary file in the target folder and renames it over the old one
only when writing succeeded, so an interrupted build leaves the last good
deck, CSV and lock file as they were.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError
from ..model import Card
from ..render import Renderer


@dataclass
class Output:
    """Everything a writer needs: the deck's name and id and its final cards."""

    deck: str
    deck_id: int
    cards: list[Card]
    renderer: Renderer = field(default_factory=Renderer)
    #: Keep markup as HTML in a plain-text format (``--html``; the TSV honours it).
    html: bool = False
    #: The file this write replaces (the writer itself gets a temporary path): the
    #: Obsidian writer reads the review data the app stored in it, to keep it.
    target: Path | None = None


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extension: str
    description: str
    write: Callable[[Output, Path], None]


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
