"""Measure layout detection and parsing on a folder of real Q&A documents.

Usage: ``python scripts/evaluate.py [FOLDER]`` (default: ``../shared/corpus``
beside the repository). For every file it prints the layout detection chose,
the cards and unanswered questions parsed, and how many cards look
suspicious (a very short answer, an answer holding what looks like another
question heading, a question over 300 characters), then the totals.

When the folder has a ``SOURCES.md`` whose table gives each file's
``answered`` and ``no answer`` counts, those are shown beside what was parsed
and the file is not evaluated itself. The documents are not ours: this script
only reads them, nothing from them goes into the repository.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from qadeck import markups, parsers, sources
from qadeck.errors import QadeckError
from qadeck.model import Card
from qadeck.parsers.table import split_row
from qadeck.review import MAX_QUESTION, question_words

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
MANIFEST = "SOURCES.md"
SHORT_ANSWER = 3
_QUESTION_HEADING = re.compile(r"^#{1,6}\s+(?:Q\d*[.:)]|\d+[.)]\s|.*\?\s*#*\s*$)", re.MULTILINE)


@dataclass(frozen=True)
class Row:
    file: str
    layout: str
    score: float
    cards: int
    unanswered: int
    suspicious: int
    expected: tuple[int, int] | None

    @property
    def verdict(self) -> str:
        if self.expected is None:
            return ""
        return "ok" if self.expected == (self.cards, self.unanswered) else "OFF"


def suspicious(card: Card) -> bool:
    """A card worth a look: the parse may have cut or merged something."""
    return (
        len(card.answer.strip()) < SHORT_ANSWER
        or bool(_QUESTION_HEADING.search(card.answer))
        or len(question_words(card.question)) > MAX_QUESTION  # as qadeck check tells it
    )


def expected_counts(folder: Path) -> dict[str, tuple[int, int]]:
    """File name -> (answered, no answer) from the manifest's table, when there is one."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return {}
    counts: dict[str, tuple[int, int]] = {}
    header: list[str] = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip("`") for cell in split_row(line)]
        if "answered" in cells and "no answer" in cells:
            header = cells
        elif header and len(cells) == len(header) and cells[header.index("answered")].isdigit():
            answered, missing = cells[header.index("answered")], cells[header.index("no answer")]
            counts[cells[0]] = (int(answered), int(missing))
    return counts


def evaluate(path: Path, expected: tuple[int, int] | None) -> Row:
    try:
        source = sources.read(path)
    except QadeckError as exc:
        print(f"{path.name}: {exc}", file=sys.stderr)
        return Row(path.name, "unreadable", 0.0, 0, 0, 0, expected)
    layout, score = parsers.detect(source)
    parsed = parsers.parse(source)
    flagged = sum(1 for card in parsed.cards if suspicious(card))
    name = layout.name if layout else "none"
    return Row(path.name, name, score, len(parsed.cards), len(parsed.unanswered), flagged, expected)


def table(rows: list[Row]) -> str:
    head = ("file", "layout", "score", "cards", "unanswered", "suspicious", "expected", "")
    body = [
        (
            r.file,
            r.layout,
            f"{r.score:.2f}",
            str(r.cards),
            str(r.unanswered),
            str(r.suspicious),
            f"{r.expected[0]}/{r.expected[1]}" if r.expected else "-",
            r.verdict,
        )
        for r in rows
    ]
    known = [r for r in rows if r.expected]
    total = (
        "TOTAL",
        f"{len(rows)} files",
        "",
        str(sum(r.cards for r in rows)),
        str(sum(r.unanswered for r in rows)),
        str(sum(r.suspicious for r in rows)),
        f"{sum(r.expected[0] for r in known if r.expected)}/{sum(r.expected[1] for r in known if r.expected)}"
        if known
        else "-",
        f"{sum(r.verdict == 'ok' for r in known)}/{len(known)} ok" if known else "",
    )
    widths = [max(len(row[i]) for row in (head, *body, total)) for i in range(len(head))]
    lines = [" ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in (head, *body)]
    lines.insert(1, " ".join("-" * width for width in widths))
    lines.append(lines[1])
    lines.append(" ".join(cell.ljust(width) for cell, width in zip(total, widths)).rstrip())
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    if not folder.is_dir():
        print(f"no corpus at {folder}: nothing to evaluate (give a folder of Q&A files)")
        return 0
    counts = expected_counts(folder)
    files = [p for p in sources.collect([folder]).files if not (counts and p.name == MANIFEST)]
    # A build reads a folder's Anki packages only when named (one may be its own output); a corpus's are sources.
    files = sorted([*files, *(p for p in folder.rglob("*") if p.suffix.lower() in markups.GIVEN_ONLY and p.is_file())])
    print(table([evaluate(path, counts.get(path.name)) for path in files]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
