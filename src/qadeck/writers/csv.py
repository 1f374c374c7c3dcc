"""Generic CSV for other flashcard apps: UTF-8, a header row, RFC 4180 quoting.

Answers are plain text (no HTML), so any app or spreadsheet shows them
readably; line breaks inside a field are kept and quoted. A cloze is a
question with ``[...]`` gaps and the whole text as its answer.

Rows are joined here rather than by the csv module, whose writer copies every
character one at a time: on a big deck that was the slowest part of the file.
The bytes are the same as ``csv.writer(dialect="excel", lineterminator="\\r\\n")``
writes (``tests/test_csv.py`` checks it).
"""

from __future__ import annotations

from pathlib import Path

from . import Output, sides

HEADER = ("question", "answer", "topics", "difficulty", "source")
#: Rows joined into one string and written at a time: one write per row costs a call through the
#: text layer each, one write for the file would hold a second copy of it.
CHUNK = 4096


def write_csv(output: Output, path: Path) -> None:
    plain = output.renderer.plain  # a build's parse workers made most of it: see Renderer.plain
    cards = output.cards
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(row(HEADER))
        for start in range(0, len(cards), CHUNK):
            lines = []
            for card in cards[start : start + CHUNK]:
                front, back = sides(card)
                lines.append(f"{field(plain(front))},{field(plain(back))},{field(' '.join(card.topics))},"
                             f"{field(card.difficulty)},{field(card.source)}\r\n")
            handle.write("".join(lines))


def row(values: tuple[str, ...]) -> str:
    """One CSV line, ``\\r\\n`` included."""
    return ",".join(map(field, values)) + "\r\n"


def field(value: str) -> str:
    """``value`` quoted, its quotes doubled, when it holds a comma, quote or line break."""
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value
