"""A draft taxonomy for ``qadeck.yaml``, drawn from a deck tagged without one.

Contract: :func:`suggest` takes cards tagged from their own structure and
phrases (no taxonomy) and returns the topics worth keeping (those several
cards have, the biggest first), each with the keywords that tell its cards
from the rest of the deck, weighted 1 to 3; :func:`taxonomy_yaml` writes them
as the ``topics:`` block of ``qadeck.yaml``, with a keyword-less catch-all, for
the user to edit and keep. One pass over the cards: linear in their number.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from math import log

import yaml

from ..model import Card
from .phrases import QUESTION_WEIGHT, card_phrases, named_alone, slug_words
from .topic import FALLBACK_TOPIC

#: Topics kept at most, the biggest first.
MAX_TOPICS = 40
#: A topic fewer cards have is left out (its cards go where their keywords point).
MIN_CARDS = 3
#: Keywords per topic at most.
KEYWORDS = 8
#: The catch-all of the draft: ``default_topic`` names it.
CATCH_ALL = "misc"


@dataclass(frozen=True, slots=True)
class Suggested:
    """One topic of the draft: its slug, how many cards have it first, its weighted keywords."""

    slug: str
    cards: int
    keywords: tuple[tuple[str, float], ...]


def suggest(cards: Sequence[Card], limit: int = MAX_TOPICS) -> list[Suggested]:
    """The topics of ``cards`` (tagged without a taxonomy) worth a place in a taxonomy."""
    members: dict[str, list[int]] = defaultdict(list)
    found = []
    shared: Counter[str] = Counter()
    for index, card in enumerate(cards):
        weights = card_phrases(card.question, card.answer)
        found.append(weights)
        shared.update(weights.keys())
        if card.topics:
            members[card.topics[0]].append(index)
    total = len(cards)
    # A catch-all, the draft's own or the one cards fall into without a taxonomy, names no topic.
    ranked = sorted((slug for slug, m in members.items()
                     if len(m) >= MIN_CARDS and slug not in (CATCH_ALL, FALLBACK_TOPIC)),
                    key=lambda slug: (-len(members[slug]), slug))
    out = []
    for slug in ranked[:limit]:
        inside: Counter[str] = Counter()
        for index in members[slug]:
            inside.update(found[index])  # weights: a phrase in a question counts more
        size = len(members[slug])
        score = {
            phrase: weight / (QUESTION_WEIGHT * size) * log(total / shared[phrase])
            for phrase, weight in inside.items()
            if weight >= 2 and shared[phrase] < total and named_alone(phrase)
        }
        own = " ".join(slug_words(slug.rsplit("::", 1)[-1]))
        own = own if own.count(" ") <= 1 else ""  # a long title is no phrase a card would hold
        best = sorted(score, key=lambda p: (-score[p], p))[:KEYWORDS]
        top = score[best[0]] if best else 1.0
        keywords = {own: 3.0} if own else {}
        for phrase in best:
            keywords.setdefault(phrase, round(1 + 2 * score[phrase] / top, 1))
        out.append(Suggested(slug, size, tuple(keywords.items())[:KEYWORDS]))
    return out


def taxonomy_yaml(topics: Sequence[Suggested]) -> str:
    """The ``topics:`` block of ``qadeck.yaml`` for ``topics``, and the keyword-less :data:`CATCH_ALL`."""
    data = {t.slug: {"keywords": dict(t.keywords)} for t in topics}
    data[CATCH_ALL] = {"keywords": {}}
    body = yaml.safe_dump({"topics": data}, sort_keys=False, allow_unicode=True, default_flow_style=None,
                          width=100)
    return body
