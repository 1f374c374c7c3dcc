"""Layout ``asciidoc``: plain-text FAQs written as AsciiDoc definition lists.

    Credentials
    -----------

    [[http-credentials]]
    How do I specify my credentials?::
    	Use a credential helper ...
    +
    ----
    $ git config credential.helper store
    ----

A question is a term alone on its line ending in ``::`` (or ``:::``,
``::::``, ``;;``). Its answer is the indented paragraph below, plus every
block attached with a ``+`` line; listing blocks (``----``, ``....``) become
code fences. ``[[anchor]]`` lines are targets for links, not content. Titles
(``== Title`` or a line underlined with ``=``/``-``/``~``) set the section.
"""

from __future__ import annotations

import re

from ..model import Source
from .entries import Entry, make_layout
from .markup import inline_text
from .structure import DOUBLE_COLON

NAME = "asciidoc"

_TERM = re.compile(r"^(\S.*?)(?::{2,4}|;;)\s*$")
_ANCHOR = re.compile(r"^\[\[[^\]]*\]\]\s*$|^\[#[^\]]*\]\s*$")
# "#" too: qadeck.markups reads an .adoc file's "== Title" as Markdown's "## Title".
_TITLE = re.compile(r"^(={1,6}|#{1,6})\s+(\S.*?)\s*[=#]*\s*$")
_UNDERLINE = re.compile(r"^([=\-~^+])\1+\s*$")
_DELIMITERS = {"----": "```", "....": "```", "====": "", "****": "", "____": "", "--": ""}
_LINKGIT = re.compile(r"linkgit:([\w.-]+)\[(\d+)\]")
_URL_LINK = re.compile(r"(?:link:)?((?:https?|ftp)://[^\s\[]+)\[([^\]]*)\]")


def _underlined_title(lines: list[str], index: int) -> str | None:
    """The title when ``lines[index]`` is text underlined by the next line (same length, ±2)."""
    if index + 1 >= len(lines):
        return None
    text, under = lines[index].rstrip(), lines[index + 1].rstrip()
    if not text or text[0] in " \t" or not _UNDERLINE.match(under) or _UNDERLINE.match(text):
        return None
    return text.strip() if abs(len(text) - len(under)) <= 2 and len(under) >= 2 else None


def _delimiter(line: str) -> str | None:
    stripped = line.strip()
    for mark in _DELIMITERS:
        if len(stripped) >= len(mark) and stripped == stripped[0] * len(stripped) and stripped.startswith(mark):
            return stripped
    return None


class _Reader:
    """Walks the lines once, handing out terms with the lines of their answers."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.index = 0
        self.section = ""

    def entries(self) -> list[Entry]:
        out: list[Entry] = []
        while self.index < len(self.lines):
            line = self.lines[self.index]
            title = _TITLE.match(line)
            underlined = _underlined_title(self.lines, self.index)
            term = _TERM.match(line)
            if title or underlined:
                self.section = inline_text(title.group(2) if title else underlined or "")
                self.index += 1 if title else 2
            elif term and not line.startswith((" ", "\t")):
                out.append(self._entry(term.group(1)))
            elif (mark := _delimiter(line)) is not None:
                self._skip_block(mark)
            else:
                self.index += 1
        return out

    def _entry(self, question: str) -> Entry:
        first = self.index + 1
        self.index += 1
        body: list[str] = []
        attach = True  # the first block, right after the term, belongs to it
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if line.strip() == "+":
                attach = True
                body.append("")
                self.index += 1
            elif not line.strip():
                # Blank lines may separate the term from its description; after that,
                # only indented text or a "+" keeps the answer going.
                attach = not any(body) or self._indented_follows()
                if not attach:
                    break
                body.append("")
                self.index += 1
            elif _ends_item(line, attach):
                break
            elif (mark := _delimiter(line)) is not None:
                body.extend(self._block(mark))
                attach = False
            else:
                body.append(line)
                self.index += 1
        last = first + _last_text(body)
        return Entry(inline_text(_inline(question)), _markdown(body), first, last, self.section)

    def _indented_follows(self) -> bool:
        for line in self.lines[self.index + 1 :]:
            if line.strip():
                return line.startswith((" ", "\t")) or line.strip() == "+"
        return False

    def _block(self, mark: str) -> list[str]:
        """A delimited block as Markdown lines (listings become code fences)."""
        start = self.index
        self._skip_block(mark)
        inner = self.lines[start + 1 : self.index - 1]
        fence = _DELIMITERS.get(mark[: 4 if len(mark) >= 4 else 2], "")
        return [fence, *inner, fence]  # one line out for each line in, for line numbers

    def _skip_block(self, mark: str) -> None:
        self.index += 1
        while self.index < len(self.lines) and self.lines[self.index].strip() != mark:
            self.index += 1
        self.index += 1


def _ends_item(line: str, attach: bool) -> bool:
    """True when the line starts something else: an anchor, a term, or text not attached by "+"."""
    if _ANCHOR.match(line):
        return True
    return not line.startswith((" ", "\t")) and (not attach or bool(_TERM.match(line)))


def _last_text(body: list[str]) -> int:
    """Offset of the last non-blank line of the body (0 for the term's own line)."""
    return max((k + 1 for k, line in enumerate(body) if line.strip()), default=0)


def _markdown(body: list[str]) -> str:
    """The answer's lines as Markdown: paragraphs dedented, code kept, AsciiDoc links made Markdown."""
    out: list[str] = []
    in_code = False
    for line in body:
        if line.startswith("```"):
            in_code = not in_code
            out.append(line)
        else:
            out.append(line if in_code else _inline(line.strip()))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")


def _inline(text: str) -> str:
    text = _LINKGIT.sub(r"`\1(\2)`", text)
    return _URL_LINK.sub(lambda m: f"[{m.group(2) or m.group(1)}]({m.group(1)})", text)


def _entries(source: Source) -> list[Entry]:
    # Without a term's "::" or ";;" there is nothing to find: skip the walk through the lines.
    # (One ";" is found at memchr speed; a two-character needle is not.)
    text = source.text
    if not DOUBLE_COLON.search(text) and not (";" in text and ";;" in text):
        return []
    return _Reader(source.text).entries()


LAYOUT = make_layout(
    NAME,
    "AsciiDoc FAQs: 'Question?::' terms, indented answers, '+' continuations",
    _entries,
)
