"""The floor: the least any genanki-based tool pays to turn these files into a deck.

Usage: ``python benchmarks/floor.py SOURCES_DIR OUT.apkg`` prints one JSON
object: ``notes`` written and ``seconds`` (wall time, imports excluded).

It reads every source, splits it with one regular expression (a line that
opens a question in any of the benchmark's layouts starts a note; its first
line is the question, the rest the answer), escapes the text with
``html.escape`` and writes the notes with ``genanki.Package(deck).write_to_file``.
No layout detection, cleaning, tagging, identity or Markdown: whatever qadeck
spends beyond this is the price of what it does on top.
"""

from __future__ import annotations

import html
import json
import re
import sys
import time
from pathlib import Path

import genanki

#: A question starts a line: "Q: …", "### …?", "12. …?", or a CSV row '"…?",'.
QUESTION = re.compile(r'^(?:Q: |#{3} |\d+\. |"?(?=[^\n]*\?"?,))(.*)$', re.MULTILINE)
EXTENSIONS = (".txt", ".md", ".csv")

MODEL = genanki.Model(
    1091735104,
    "floor",
    fields=[{"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}],
)


def notes(text: str) -> list[genanki.Note]:
    starts = list(QUESTION.finditer(text))
    out = []
    for match, after in zip(starts, [*starts[1:], None]):
        answer = text[match.end() : after.start() if after else len(text)]
        fields = [html.escape(match.group(1)), html.escape(answer.strip())]
        out.append(genanki.Note(model=MODEL, fields=fields))
    return out


def main(folder: Path, out: Path) -> dict[str, float]:
    start = time.perf_counter()
    deck = genanki.Deck(2059400110, "floor")
    for path in sorted(folder.iterdir()):
        if path.suffix in EXTENSIONS:
            for note in notes(path.read_text(encoding="utf-8")):
                deck.add_note(note)
    genanki.Package(deck).write_to_file(out)
    return {"notes": len(deck.notes), "seconds": time.perf_counter() - start}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
