"""The FAQ a page lists in its front matter, read as cards beside its text's.

Static-site pages (Jekyll, Hugo, Astro posts) list a FAQ in their front matter
(YAML ``faq:`` entries of a question and an answer, or TOML ``[[faq]]`` tables
between Hugo's ``+++`` lines) for the template to show under the article and to
give search engines as FAQPage data: the page's reader sees them as its FAQ. They are read as a data file's entries are
(:mod:`qadeck.markups.data`), each card on its entry's lines. A question the
page's text asks too stays its text's card alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..markups import data
from ..model import ParseResult, Source
from . import prose, titles
from .structure import MARKDOWN_EXTENSIONS, ends_asking, front_matter, front_matter_end, head_lines, typed
from .tags import front_matter_tags

#: Pages written in Markdown with JSX keep the same front matter.
_PAGES = MARKDOWN_EXTENSIONS | {".mdx"}
#: Layouts that read any heading as a question.
_ANY_HEADING = frozenset({titles.NAME, prose.NAME})


def entries(source: Source, parse: Callable[[Source], ParseResult]) -> ParseResult | None:
    """What ``parse`` (the layouts' entry point) makes of the entries ``source``'s front matter lists; None for
    a page that lists none, and for any file but a page typed as Markdown or plain text."""
    suffix = source.path.suffix.lower()
    if not source.text.startswith(("---", "+++")) or not (suffix in _PAGES or typed(source)):
        return None
    head = front_matter(source.text)  # cached, and quick to say a page lists nothing
    if not data.lists_entries(head):
        return None
    lines = head_lines(source.text)
    end = front_matter_end(lines)
    text = data.front_matter_markdown("\n".join(lines[1 : end - 1]), 2, toml=lines[0].rstrip() == "+++")
    if not text:
        return None
    found = parse(Source(source.path, str(text), source.encoding, getattr(text, "origins", ())))
    page = front_matter_tags(head)  # the page's tags are each of its cards'
    if not page:
        return found
    return replace(found, cards=tuple(replace(card, tags=tuple(dict.fromkeys((*card.tags, *page))))
                                      for card in found.cards))


def joined(result: ParseResult, listed: ParseResult | None) -> ParseResult:
    """``result`` with the front matter's cards first, but those whose question a card of the text asks.

    A page that lists its FAQ is an article around it: the layouts that take any heading for a question
    (``titles``, ``prose``) keep only the headings that ask ("Why it matters" is no question)."""
    if listed is None or not listed.cards:
        return result
    text = result.cards
    if result.layout in _ANY_HEADING:
        text = tuple(card for card in text if ends_asking(card.question))
    if not text:
        return replace(listed, source=result.source)
    asked = {_key(card.question) for card in text}
    kept = tuple(card for card in listed.cards if _key(card.question) not in asked)
    return replace(result, cards=(*kept, *text), findings=(*listed.findings, *result.findings))


def _key(question: str) -> str:
    return " ".join(question.casefold().split())
