"""The contract every layout parser follows.

A layout is a module exposing ``LAYOUT = Layout(...)``. ``detect`` looks at a
source and returns a score in [0, 1] (0: not this layout); ``parse`` turns the
source into cards and findings. Detection and parsing are separate so that
``--layout NAME`` can skip detection, and so that ``qadeck list``/``check`` can
say which layout was chosen and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import ParseResult, Source


@dataclass(frozen=True, slots=True)
class Layout:
    #: Short name used by ``--layout`` and shown by ``list``/``check``.
    name: str
    #: One line for ``--help`` and the README.
    description: str
    detect: Callable[[Source], float]
    parse: Callable[[Source], ParseResult]
    #: The highest score ``detect`` can return: detection skips a layout that cannot win.
    best_score: float = 1.0
