"""Tagging: give every card its topics and difficulty.

Contract: :func:`tag` returns the cards with ``topics`` (1-3 slugs, primary
first) and ``difficulty`` filled, applying the config's per-card overrides
last, so a user's correction always wins over a rule.
"""

from __future__ import annotations

from functools import lru_cache

from ..config import DeckConfig, Override
from ..model import Card
from .difficulty import difficulty_of
from .topic import TopicTagger


@lru_cache(maxsize=8)
def _tagger(config: DeckConfig) -> TopicTagger:
    """One tagger per config: a big build tags file by file, and compiling the rules costs a millisecond."""
    return TopicTagger.from_config(config)


@lru_cache(maxsize=8)
def _overrides(config: DeckConfig) -> dict[str, Override]:
    """Question -> its override, the first listed as :meth:`DeckConfig.override_for` finds it (one lookup a card)."""
    found: dict[str, Override] = {}
    for override in config.overrides:
        found.setdefault(override.question, override)
    return found


def tag(cards: list[Card], config: DeckConfig) -> list[Card]:
    tagger = _tagger(config)
    overrides = _overrides(config)
    out = []
    for card in cards:
        topics = tagger.topics(card)
        level = difficulty_of(card)
        override = overrides.get(card.question)
        if override:
            topics = override.topics or topics
            level = override.difficulty or level
        out.append(card.tagged(topics, level))
    return out
