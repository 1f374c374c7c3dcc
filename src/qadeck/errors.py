"""One small error hierarchy: every error says what went wrong and where.

The CLI turns a :class:`QadeckError` into a one-line message and a non-zero
exit; anything else is a bug and only ``--debug`` shows its traceback.
"""

from __future__ import annotations

import difflib
from pathlib import Path


class QadeckError(Exception):
    """A problem the user can fix: bad input, bad config, unwritable output."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled whole (a parse worker raises it in the build process): path and line too."""
        return (type(self), (self.message, self.path, self.line))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class SourceError(QadeckError):
    """A source path is missing, unreadable, or holds no Q&A."""


class ConfigError(QadeckError):
    """``qadeck.yaml`` is malformed or names something unknown."""


class OutputError(QadeckError):
    """The output folder or a file in it cannot be written."""


class UsageError(QadeckError):
    """A command-line value is not one qadeck knows (an unknown topic, say)."""


def unknown(kind: str, value: str, known: list[str]) -> str:
    """``unknown topic 'monitor'; did you mean 'monitoring'? Known topics: …`` (closest first)."""
    close = difflib.get_close_matches(value, known, n=len(known), cutoff=0.0)
    similar = close and difflib.SequenceMatcher(None, value, close[0]).ratio() >= 0.6
    hint = f"; did you mean {close[0]!r}?" if similar else "."
    plural = "difficulties" if kind == "difficulty" else kind + "s"
    return f"unknown {kind} {value!r}{hint} Known {plural}: {', '.join(close or known)}"
