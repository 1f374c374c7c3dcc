"""Obsidian Spaced Repetition: the deck as one Markdown note, review data kept on rewrite.

Contract: :func:`write` writes a note the Obsidian Spaced Repetition plugin
reads as multi-line cards (question, a ``?`` line, the answer, a blank line
after), grouped under a heading per primary topic whose tag
``#flashcards/<deck-slug>/<topic>`` puts the cards in that deck. The plugin
stores a card's reviews as a ``<!--SR:!2025-01-01,3,250-->`` comment at the
end of the card, inside the note; rewriting the note must not lose them. So
each question line ends with an invisible ``<!--qadeck:GUID-->``, and
:func:`review_comments` reads the note being replaced (``Output.target``) to
put each card's SR comments back under it: a card keeps its reviews when its
answer or question changes, and a removed card's reviews go with it.

The plugin's parser decides what the text may hold:

* a blank line ends a card, so blank lines inside an answer are dropped
  (paragraphs become single line breaks, code blocks lose their empty lines);
* a question line holding ``::`` would be a one-line card, so a colon after a
  colon is written ``\\:`` there (and ``&#58;`` inside code);
* an answer line that is just ``?`` or ``??`` would be a separator: escaped.

Source text is untrusted, as for the Anki deck: ``<`` outside code and math is
written ``&lt;``, so ``List<String>`` shows and raw HTML stays text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from .. import cloze
from ..errors import OutputError
from ..model import Card
from ..render import FENCED_CODE, strip_controls
from ..tagging.topic import slugify
from . import Output

MARKER = "<!--qadeck:{}-->"
_MARKER = re.compile(r"<!--qadeck:(\S+?)-->")
_SR_COMMENT = re.compile(r"<!--SR:.*?-->")
NOTICE = ("<!-- Written by qadeck: edit the sources, not this note; each export rewrites "
          "the cards and keeps their review data. -->")

# Code and math are left as they are: escapes would show there. Math is taken more loosely
# than render's ``MATH`` (``$5 and $6`` counts), so nothing that might be math is escaped.
_VERBATIM = re.compile(
    rf"{FENCED_CODE}|(?P<t>`+).+?(?P=t)|\$\$.+?\$\$|\$[^\s$][^$\n]*?\$",
    re.MULTILINE | re.DOTALL,
)
#: Starts a heading, quote or list: escaped at the start of a question (the last character).
_BLOCK_START = re.compile(r"^([#>+*-]|\d+[.)])")
_COLON_AFTER_COLON = re.compile(r"(?<=:):")


def review_comments(text: str) -> dict[str, list[str]]:
    """The SR comments in a note this module wrote, by the guid of the card they belong to."""
    comments: dict[str, list[str]] = {}
    guid = None
    for line in text.splitlines():
        if not line.strip():
            guid = None  # a blank line ends a card
            continue
        marker = _MARKER.search(line)
        if marker:
            guid = marker.group(1)
        if guid is not None:
            comments.setdefault(guid, []).extend(_SR_COMMENT.findall(line))
    return comments


def _outside_verbatim(
    text: str,
    outside: Callable[[str], str],
    inside: Callable[[re.Match[str]], str] = lambda m: m.group(0),
) -> str:
    """``text`` with ``outside`` applied between code spans, code blocks and math."""
    out, last = [], 0
    for m in _VERBATIM.finditer(text):
        out.append(outside(text[last : m.start()]))
        out.append(inside(m))
        last = m.end()
    out.append(outside(text[last:]))
    return "".join(out)


def question_line(question: str) -> str:
    """The question on one line, safe as the first line of a card."""
    text = " ".join(strip_controls(question).split())
    text = _BLOCK_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)

    def inside(m: re.Match[str]) -> str:
        if m.group("t") and "::" in m.group(0):  # inline code: only HTML can hide a colon
            body = m.group(0)[len(m.group("t")) : -len(m.group("t"))].strip()
            return "<code>" + html.escape(body).replace(":", "&#58;") + "</code>"
        return m.group(0)

    return _outside_verbatim(text, lambda s: _COLON_AFTER_COLON.sub(r"\:", s.replace("<", "&lt;")),
                             inside)


def answer_lines(answer: str) -> list[str]:
    """The answer's Markdown as card lines: no blank line, no line the parser takes for a separator."""
    text = _outside_verbatim(strip_controls(answer), lambda s: s.replace("<", "&lt;"))
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    return ["\\" + line.strip() if line.strip() in ("?", "??") else line for line in lines]


def render(output: Output, comments: dict[str, list[str]]) -> str:
    """The whole note, each card followed by the SR comments ``comments`` holds for its guid."""
    deck_slug = slugify(output.deck)
    by_topic: dict[str, list[Card]] = {}
    for card in output.cards:
        by_topic.setdefault(card.topics[0] if card.topics else "general", []).append(card)
    lines = [f"# {output.deck}", "", NOTICE, ""]
    for topic, cards in by_topic.items():
        lines += [f"## {topic}", "", f"#flashcards/{deck_slug}/{slugify(topic)}", ""]
        for card in cards:
            if card.kind == "cloze":  # the plugin's highlight cloze: the text alone, each deletion marked
                lines += answer_lines(cloze.highlighted(card.question))
                lines[-1] += " " + MARKER.format(card.guid)
                lines += answer_lines(card.answer)
            else:
                lines.append(question_line(card.question) + " " + MARKER.format(card.guid))
                lines.append("??" if card.kind == "reversed" else "?")
                lines += answer_lines(card.answer)
            lines += comments.get(card.guid, [])
            lines.append("")
    return "\n".join(lines)


def _previous(target: Path | None) -> str:
    if target is None or not target.exists():
        return ""
    try:
        return target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OutputError(
            f"cannot read it to keep its review data ({exc}); move it away to start afresh", target
        ) from exc


def write(output: Output, path: Path) -> None:
    """The ``obsidian`` format."""
    comments = review_comments(_previous(output.target))
    path.write_text(render(output, comments), encoding="utf-8", newline="\n")
