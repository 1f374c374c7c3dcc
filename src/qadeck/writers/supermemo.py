"""SuperMemo's Q&A text (File › Import › Q&A text), which Mnemosyne imports too.

Contract: :func:`write` writes one item per card: its question on ``Q: ``
lines, its answer on ``A: `` lines, then a blank line, after the last item
too. Every line of a multi-line answer carries its own ``A: ``: the reader
(SuperMemo's, and Mnemosyne's "SuperMemo7 text" importer) joins consecutive
``A:`` lines into one answer, ends the item at a blank line and rejects any
other line, so a blank line inside an answer is written as a bare ``A:``.

Text is plain (the readers escape HTML, so markup would show as tags), UTF-8
without a byte-order mark (a BOM would hide the first ``Q:``), with Windows
line endings for SuperMemo. Readers strip each line, so indentation is lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from . import Output, sides


def prefixed(prefix: str, text: str) -> Iterator[str]:
    """Each line of ``text`` behind ``prefix`` (``Q:`` or ``A:``); a blank line gets it bare."""
    for line in text.splitlines() or [""]:
        yield f"{prefix} {line}".rstrip()


def item(question: str, answer: str) -> list[str]:
    """One card's lines, the blank line that ends it included."""
    return [*prefixed("Q:", question), *prefixed("A:", answer), ""]


def write(output: Output, path: Path) -> None:
    """The ``supermemo`` format."""
    with path.open("w", encoding="utf-8", newline="\r\n") as handle:
        plain = output.renderer.plain
        for card in output.cards:
            front, back = sides(card)
            for line in item(plain(front), plain(back)):
                handle.write(line + "\n")
