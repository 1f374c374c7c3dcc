"""Compare qadeck's answer HTML with a CommonMark reference rendering, card by card.

Usage: ``python scripts/compare_render.py FOLDER [--show N]``. Every file of
FOLDER is parsed as ``qadeck build`` would; each card's answer is rendered by
qadeck and by the reference (markdown-it-py's CommonMark with tables and
strikethrough, raw HTML off: what GitHub shows, less its autolinks and task
lists). A card *differs* when the two disagree on its structure: how many list
items, code blocks, tables, emphasised runs and headings it has. A card *shows
syntax* when its visible text (code and math aside) holds Markdown that the
reference turned into markup: ``**`` around words, a list marker, a heading
mark or a fence at the start of a line, a table's delimiter row.

The documents are not ours: this script only reads them.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt

from qadeck import parsers, sources
from qadeck.errors import QadeckError
from qadeck.render import Renderer

#: Tags that make a card's structure, and the name each counts under.
STRUCTURE = {"li": "list item", "pre": "code block", "table": "table", "em": "emphasis",
             "strong": "emphasis", "h1": "heading", "h2": "heading", "h3": "heading",
             "h4": "heading", "h5": "heading", "h6": "heading"}  # fmt: skip
#: Markdown left as text: strong markers around a word, a block's opening mark at a line start,
#: a table's delimiter row.
SYNTAX = re.compile(
    r"\*\*[^\s*][^*\n]*?\*\*|__[^\s_][^_\n]*?__"
    r"|^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S"
    r"|^[ \t]{0,3}#{1,6}[ \t]+\S"
    r"|^[ \t]{0,3}(?:```|~~~)"
    r"|^\|?[ \t]*:?-{3,}:?[ \t]*\|",
    re.MULTILINE,
)
#: MathJax's delimiters as qadeck writes them: their content is TeX, not Markdown.
MATH = re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]", re.DOTALL)


def reference() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


class _Structure(HTMLParser):
    """Counts the structural tags, and collects the text outside code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.counts: Counter[str] = Counter()
        self.text: list[str] = []
        self._in_code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in STRUCTURE:
            self.counts[STRUCTURE[tag]] += 1
        if tag in ("code", "pre"):
            self._in_code += 1
        elif tag in ("p", "li", "td", "th", "br") or tag in STRUCTURE:
            self.text.append("\n")  # a block starts a line, as its Markdown did

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre"):
            self._in_code = max(0, self._in_code - 1)

    def handle_data(self, data: str) -> None:
        if not self._in_code:
            self.text.append(data)


@dataclass(frozen=True)
class Look:
    """What a rendering shows: its structure and the Markdown left visible in its text."""

    counts: Counter[str]
    syntax: int


def look(html: str) -> Look:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    text = MATH.sub(" ", "".join(parser.text))
    return Look(parser.counts, len(SYNTAX.findall(text)))


@dataclass(frozen=True)
class Finding:
    file: str
    question: str
    ours: Look
    theirs: Look

    @property
    def differs(self) -> bool:
        return self.ours.counts != self.theirs.counts

    @property
    def shows_syntax(self) -> bool:
        return self.ours.syntax > self.theirs.syntax


def compare(folder: Path) -> list[Finding]:
    md, renderer = reference(), Renderer()
    findings = []
    for path in sources.collect([folder]).files:
        try:
            cards = parsers.parse(sources.read(path)).cards
        except QadeckError as exc:
            print(f"{path.name}: {exc}", file=sys.stderr)
            continue
        for card in cards:
            ours, theirs = look(renderer.html(card.answer)), look(md.render(card.answer))
            findings.append(Finding(path.name, card.question, ours, theirs))
    return findings


def _delta(finding: Finding) -> str:
    keys = sorted(set(finding.ours.counts) | set(finding.theirs.counts))
    return ", ".join(f"{k} {finding.ours.counts[k]} vs {finding.theirs.counts[k]}"
                     for k in keys if finding.ours.counts[k] != finding.theirs.counts[k])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", type=int, default=10, help="list this many differing cards")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"no folder at {args.folder}: nothing to compare")
        return 0
    findings = compare(args.folder)
    differ = [f for f in findings if f.differs]
    syntax = [f for f in findings if f.shows_syntax]
    for f in (differ + [s for s in syntax if s not in differ])[: args.show]:
        what = _delta(f) or "same structure"
        if f.shows_syntax:
            what += f"; Markdown shown as text ({f.ours.syntax} vs {f.theirs.syntax})"
        print(f"{f.file}: {f.question[:70]!r}: {what}")
    total = len(findings)
    share = 100 * len(differ) / total if total else 0.0
    print(f"{total} cards: {len(differ)} differ in structure ({share:.1f}%), "
          f"{len(syntax)} show Markdown syntax as text")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
