"""Generic CSV for other flashcard apps: UTF-8, a header row, RFC 4180 quoting.

Answers are plain text (no HTML), so any app or spreadsheet shows them
readably; line breaks inside a field are kept and quoted.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..render import plain_text
from . import Output

HEADER = ("question", "answer", "topics", "difficulty", "source")


def write_csv(output: Output, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, dialect="excel", lineterminator="\r\n")
        writer.writerow(HEADER)
        for card in output.cards:
            writer.writerow(
                (
                    plain_text(card.question),
                    plain_text(card.answer),
                    " ".join(card.topics),
                    card.difficulty,
                    card.source,
                )
            )
