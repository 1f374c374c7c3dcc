"""Measure topics and difficulty on folders of real documents built with no ``qadeck.yaml``.

Usage: ``python scripts/evaluate_topics.py FOLDER [FOLDER...]``. Every Q&A file of the folders
is copied to a temporary folder without a config (``SOURCES.md`` manifests and ``qadeck.yaml``
are left out) and tagged as a user's notes would be. Printed:

- **slugs**: how many topic slugs, and those that are no topic: a part (between ``::``) that is
  a number, starts with numbering, ends in a count, or is a word that names no topic;
- **catch-all**: the share of cards whose primary topic is the catch-all or their file's own topic;
- **ARI**: per document with at least two sections, each section heading is deleted, the
  document is tagged again, and the primary topics are compared with the author's sections
  (the heading each card sat under) by the adjusted Rand index; then the mean;
- **author's levels**: on the cards whose author marked a level (an emoji in the question's
  line, or a level word in a heading above it), how often qadeck's level is the author's.

The truth of the last two is read from the raw text here, independently of qadeck's tagging.
The documents are not ours: this script only reads them, nothing from them is kept.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Hashable, Sequence
from math import comb
from pathlib import Path

from qadeck import pipeline, sources
from qadeck.errors import SourceError
from qadeck.model import Card
from qadeck.tagging.topic import document_topic

SKIP = {"SOURCES.md", "qadeck.yaml", "qadeck.lock"}
CATCH_ALL = {"general", "misc", "other"}
#: Words that name no topic (a slug part made only of these is not a topic).
GENERIC = {
    "question", "questions", "answer", "answers", "general", "faq", "faqs", "interview", "interviews",
    "content", "contents", "table", "of", "and", "the", "q", "a", "qa", "introduction", "misc", "other",
    "others", "more", "miscellaneous", "simple", "knowledge", "section", "chapter", "part", "top",
}
_NUMBERING = re.compile(r"^(?:\d+|[ivx]+)(?:-|$)")
_COUNT = re.compile(r"-\d+$")
#: The author's level markers, as the evaluation reads them from the raw text.
_EMOJI_LEVELS = {"👶": "easy", "⭐": "medium", "🚀": "hard", "🟢": "easy", "🟡": "medium", "🔴": "hard"}
_LEVEL_WORDS = {
    "easy": "easy", "beginner": "easy", "junior": "easy", "basic": "easy",
    "medium": "medium", "intermediate": "medium", "regular": "medium",
    "hard": "hard", "advanced": "hard", "senior": "hard", "guru": "hard",
}
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+\S|^={1,5}\s+\S")
#: The line under a setext (Markdown) or AsciiDoc section title.
_UNDERLINE = re.compile(r"^(?:-{3,}|={3,}|~{3,}|\^{3,})\s*$")
_LEVEL_WORD = re.compile(r"\b(" + "|".join(_LEVEL_WORDS) + r")\b", re.IGNORECASE)


def bad_slug(slug: str) -> str:
    """Why ``slug`` is not a topic ("" when it is one)."""
    for part in slug.split("::"):
        if _NUMBERING.match(part):
            return "a number" if part.isdigit() else "numbering"
        if _COUNT.search(part):
            return "ends in a count"
        if all(word in GENERIC for word in part.split("-")):
            return "generic"
    return ""


def adjusted_rand(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """The adjusted Rand index of two labelings of the same items (Hubert and Arabie, 1985)."""
    n = len(truth)
    if n < 2:
        return 1.0
    pairs = Counter(zip(truth, found))
    index = sum(comb(c, 2) for c in pairs.values())
    rows = sum(comb(c, 2) for c in Counter(truth).values())
    cols = sum(comb(c, 2) for c in Counter(found).values())
    expected = rows * cols / comb(n, 2)
    top = (rows + cols) / 2
    if top == expected:
        return 1.0  # both labelings put everything together (or everything apart)
    return (index - expected) / (top - expected)


def load(folder: Path) -> list[Card]:
    return pipeline.load([folder]).deck.cards


def copy_sources(folders: Sequence[Path], into: Path) -> list[Path]:
    copied = []
    for folder in folders:
        for path in sources.collect([folder]).files:
            if path.name not in SKIP:
                copied.append(Path(shutil.copy(path, into / path.name)))
    return copied


def section_headings(lines: list[str], cards: list[Card]) -> set[int]:
    """The numbers of the lines (1-based) that make a section heading: heading lines outside the
    cards' line ranges (questions that are headings, and headings inside answers, are not)."""
    inside = set()
    for card in cards:
        inside.update(range(card.lines[0], card.lines[1] + 1))
    found = set()
    fence = False
    for number, line in enumerate(lines, start=1):
        if number in inside:
            continue  # a card's fences ("- ```bash" in a list item) are the card's: they hide no heading
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if fence:
            continue
        if _HEADING.match(line):
            found.add(number)
        elif number < len(lines) and line.strip() and _UNDERLINE.match(lines[number]) and number + 1 not in inside:
            found.update((number, number + 1))
    return found


def without_section_headings(text: str, cards: list[Card]) -> str:
    lines = text.split("\n")
    headings = section_headings(lines, cards)
    return "\n".join(line for number, line in enumerate(lines, start=1) if number not in headings)


def author_level(lines: list[str], headings: set[int], card: Card) -> str:
    """The level the author marked for ``card``: an emoji on its first line, else a level word in
    the nearest section heading it sits under that has one; "" when none."""
    first = lines[card.lines[0] - 1]
    for mark, level in _EMOJI_LEVELS.items():
        if mark in first:
            return level
    above = 7  # only the headings the card sits under count: each shallower than the last one seen
    for number in range(card.lines[0] - 1, 0, -1):
        if number not in headings or _UNDERLINE.match(lines[number - 1]):
            continue
        depth = _depth(lines, number)
        if depth >= above:
            continue
        above = depth
        if found := _LEVEL_WORD.search(lines[number - 1]):
            return _LEVEL_WORDS[found.group(1).lower()]
    return ""


def _depth(lines: list[str], number: int) -> int:
    """How deep the heading on line ``number`` is: 1 for ``#`` (or ``=``, or a title underlined with ``=``)."""
    line = lines[number - 1].lstrip()
    if line[:1] in "#=":
        return len(line) - len(line.lstrip(line[0]))
    below = lines[number] if number < len(lines) else ""
    return 1 if below.startswith("=") else 2


def main(argv: list[str]) -> int:
    folders = [Path(arg) for arg in argv]
    if not folders or not all(folder.is_dir() for folder in folders):
        print("usage: evaluate_topics.py FOLDER [FOLDER...] (folders of Q&A files)")
        return 0 if not folders else 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "notes"
        work.mkdir()
        files = copy_sources(folders, work)
        cards = load(work)
        by_file: dict[str, list[Card]] = {}
        for card in cards:
            by_file.setdefault(card.source, []).append(card)

        slugs = Counter(card.topics[0] for card in cards)
        every = sorted({t for card in cards for t in card.topics})
        bad = {slug: why for slug in every if (why := bad_slug(slug))}
        # A file's own topic (its title's or name's) is where its cards go that nothing else names: a catch-all too.
        own = {name: document_topic(sources.read(work / name)) for name in by_file}
        catch_all = sum(card.topics[0] in CATCH_ALL or card.topics[0] == own[card.source] for card in cards)
        print(f"{len(cards)} cards from {len(by_file)} files; {len(every)} topic slugs, "
              f"{len(slugs)} of them primary")
        print(f"slugs that are no topic: {len(bad)}" + "".join(f"\n  {s} ({w})" for s, w in sorted(bad.items())))
        print(f"catch-all: {catch_all} cards ({catch_all / max(len(cards), 1):.1%})")

        print("\nper file: cards, primary topics, ARI with section headings deleted, author's levels followed")
        scores = []
        marked = followed = 0
        for path in files:
            mine = by_file.get(path.name, [])
            if not mine:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            lines = text.split("\n")
            if any(card.lines[1] > len(lines) for card in mine):  # a document read as other text (PDF, Word)
                print(f"  {path.name:<34} {len(mine):>4} {len({card.topics[0] for card in mine}):>4}")
                continue
            headings = section_headings(lines, mine)
            levels = [(card, author_level(lines, headings, card)) for card in mine]
            carried = [(card, level) for card, level in levels if level]
            agree = sum(card.difficulty == level for card, level in carried)
            marked += len(carried)
            followed += agree
            sections = [card.section for card in mine]
            ari = ""
            if len(set(sections)) >= 2:
                flat = Path(tmp) / "flat"
                shutil.rmtree(flat, ignore_errors=True)
                flat.mkdir()
                (flat / path.name).write_text(without_section_headings(text, mine), encoding="utf-8")
                try:
                    again = {card.question: card.topics[0] for card in load(flat)}
                except SourceError:  # its headings were its questions' only marks: nothing to compare
                    again = {}
                pairs = [(card.section, again[card.question]) for card in mine if card.question in again]
                if pairs:
                    value = adjusted_rand([p[0] for p in pairs], [p[1] for p in pairs])
                    scores.append(value)
                    ari = f"{value:.3f} ({len(set(sections))} sections, {len(pairs)} cards matched)"
                else:
                    ari = "no card without its headings"
            topics = len({card.topics[0] for card in mine})
            level_note = f"{agree}/{len(carried)}" if carried else ""
            print(f"  {path.name:<34} {len(mine):>4} {topics:>4}  {ari:<40} {level_note}")
        if scores:
            print(f"\nARI mean over {len(scores)} documents: {sum(scores) / len(scores):.3f}")
        if marked:
            print(f"author's levels followed: {followed}/{marked} ({followed / marked:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
