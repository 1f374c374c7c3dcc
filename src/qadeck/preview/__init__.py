"""``qadeck preview``: the deck as one self-contained HTML page, to look over before importing it.

Contract: :func:`page_cards` gives the cards of the page, :func:`page` the page's text and
:func:`write` puts it in place atomically. Each card Anki makes of a note shows as Anki shows it
(:mod:`.cards`: a reversed note's two, a cloze note's one per deletion): the note's fields (the
same HTML the package holds, so the same escaping) in the note type's templates and CSS, math
typeset as MathML (:mod:`.mathml`). The page's counts and filters count those cards. The page
loads nothing: its style and script are inline, and a Content-Security-Policy lets only that one
script run and no request leave, so even a card whose HTML slipped past escaping could neither run
script nor call out.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from pathlib import Path

from ..config import LEVELS
from ..files import write_text_atomic
from ..model import Card, Finding
from ..render import Renderer
from ..writers import apkg
from .cards import NoteCard, note_cards
from .charts import Bar, bar_chart

#: A remote picture's address in the HTML the renderer makes (always double-quoted there).
_REMOTE_SRC = re.compile(r'(<(?:img|audio|video|source)\b[^>]*?)\ssrc="((?:https?:)?//[^"]*)"', re.IGNORECASE)


@dataclass(frozen=True)
class Preview:
    """What the page shows: the deck's name, its cards and what ``qadeck check`` reports."""

    deck: str
    cards: Sequence[Card]
    findings: Sequence[Finding]


def offline(html: str) -> str:
    """The HTML with remote pictures left unloaded: the page makes no request (Anki loads them)."""
    return _REMOTE_SRC.sub(r'\1 data-remote-src="\2" title="remote: \2"', html)


def card_html(card: Card, made: NoteCard) -> str:
    """One card's ``<article>``: both sides, and its note's facts."""
    level = escape(card.difficulty)
    meta = [
        f'<span class="where">{escape(card.location)}</span>',
        *([f'<span class="badge kind">{escape(made.label)}</span>'] if made.label else []),
        f'<span class="topics">{escape(", ".join(card.topics))}</span>',
        f'<span class="badge {level}">{level}</span>',
    ]
    if card.inferred:
        meta.append('<span class="badge inferred" title="qadeck inferred this question from the '
                    'answer: check it">inferred question</span>')
    meta.append(f'<span class="tags">{escape(" ".join(apkg.anki_tags(card)))}</span>')
    return (
        f'<article class="qa" tabindex="0" data-guid="{escape(card.guid)}" data-card="{made.number}" '
        f'data-topics="{escape(" ".join(card.topics))}" data-difficulty="{level}" '
        f'data-source="{escape(card.source)}">'
        f'<div class="card front">{made.front}</div><div class="card back">{made.back}</div>'
        f'<div class="meta">{"".join(meta)}</div></article>'
    )


def _options(name: str, label: str, values: Sequence[str], counts: Counter[str]) -> str:
    options = "".join(f'<option value="{escape(v)}">{escape(v)} ({counts[v]})</option>' for v in values)
    return (f'<label>{label} <select id="{name}" name="{name}"><option value="">all</option>'
            f"{options}</select></label>")


def _findings(findings: Sequence[Finding]) -> str:
    if not findings:
        return "<p>Nothing to report.</p>"
    kinds = Counter(f.kind for f in findings)
    items = "".join(
        f'<li><span class="where">{escape(f.source)}:{f.line}</span> <b>{escape(f.kind)}</b>: '
        f"{escape(f.message)}</li>"
        for f in sorted(findings, key=lambda f: (f.source, f.line))
    )
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    return f'<p>{summary}</p><ul class="findings">{items}</ul>'


def _charts(cards: Sequence[Card]) -> str:
    per_topic: dict[str, Counter[str]] = {}
    for card in cards:
        primary = card.topics[0] if card.topics else "(none)"
        per_topic.setdefault(primary, Counter())[card.difficulty] += 1
    topics = sorted(per_topic.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    sources = Counter(card.source for card in cards)
    by_topic = bar_chart("Cards per topic, by difficulty",
                         [Bar(t, tuple(c[lv] for lv in LEVELS)) for t, c in topics], LEVELS)
    by_source = bar_chart("Cards per source",
                          [Bar(s, (n,)) for s, n in sorted(sources.items())], ("cards",))
    return (f'<div class="charts"><div><h3>Cards per topic (primary), by difficulty</h3>{by_topic}'
            f"</div><div><h3>Cards per source</h3>{by_source}</div></div>")


def _asset(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def page_cards(preview: Preview, renderer: Renderer) -> list[tuple[Card, NoteCard]]:
    """Each card Anki makes of the preview's notes, beside the note it is made of."""
    contents = apkg.note_contents(preview.cards, renderer)
    return [(card, made) for card, (fields, _) in zip(preview.cards, contents)
            for made in note_cards(card.kind, [offline(field) for field in fields])]


def page(preview: Preview, made: Sequence[tuple[Card, NoteCard]]) -> str:
    """The whole page's text, showing ``made`` (:func:`page_cards`)."""
    cards = [card for card, _ in made]
    script = _asset("page.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
              "img-src data: file:; media-src data: file:; font-src data:")
    topics = Counter(t for card in cards for t in card.topics)
    levels = Counter(card.difficulty for card in cards)
    sources = Counter(card.source for card in cards)
    deck = escape(preview.deck)
    articles = "\n".join(card_html(card, one) for card, one in made)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{deck}: qadeck preview</title>
<style>{apkg.CSS}</style>
<style>{_asset("page.css")}</style>
</head>
<body class="page">
<header class="top"><h1>{deck}</h1>
<div class="controls" role="search">
<input type="search" id="search" placeholder="Search questions, answers, tags" aria-label="Search">
{_options("topic", "Topic", sorted(topics), topics)}
{_options("difficulty", "Difficulty", [lv for lv in LEVELS if levels[lv]], levels)}
{_options("source", "Source", sorted(sources), sources)}
<label><input type="checkbox" id="show-answers"> Show all answers</label>
<output id="count">{len(cards)} of {len(cards)} cards</output>
</div></header>
<main>
<section class="panel" id="charts"><details open><summary>Topics and sources</summary>
{_charts(cards)}</details></section>
<section class="panel" id="check"><details>
<summary>What 'qadeck check' reports ({len(preview.findings)})</summary>
{_findings(preview.findings)}</details></section>
<div id="cards" aria-live="polite"></div>
<button type="button" id="more" hidden></button>
<template id="deck">
{articles}
</template>
</main>
<script>{script}</script>
</body></html>
"""


def write(preview: Preview, renderer: Renderer, path: Path) -> int:
    """Write the page to ``path``; returns how many cards it shows."""
    made = page_cards(preview, renderer)
    write_text_atomic(path, page(preview, made))
    return len(made)
