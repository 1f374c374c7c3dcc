"""Tagging: give every card its topics and difficulty.

Contract: :func:`tag` returns the cards with ``topics`` (1-3 slugs, primary
first) and ``difficulty`` filled, applying the config's per-card overrides
last, so a user's correction always wins over a rule. Topics follow the
config's taxonomy where it has one, else the file's own structure and phrases
(:func:`.topic.document_topics`); a level the author marked wins over the
rules (:func:`.difficulty.author_levels`), and its markers leave the question.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..config import DeckConfig, Override
from ..model import Card, Source
from .difficulty import author_levels, difficulty_of, without_level_tags
from .headings import heading_paths
from .topic import TopicTagger, document_topics


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


def tag(cards: list[Card], config: DeckConfig, source: Source | None = None) -> list[Card]:
    """The cards of one file (``source``, when given, is read for its headings and front matter)."""
    tagger = _tagger(config)
    overrides = _overrides(config)
    paths = heading_paths(cards, source)
    authored = author_levels(cards, paths, source)
    found = None if tagger.order else document_topics(cards, source, paths)
    out = []
    for index, card in enumerate(cards):
        marked = authored[index]
        written = card.question
        if marked.question != written:
            card = replace(card, question=marked.question)
        if card.tags and marked.level:
            card = replace(card, tags=without_level_tags(card.tags))
        topics = found[index] if found is not None else tagger.topics(card)
        level, by = (marked.level, "author") if marked.level else (difficulty_of(card), "rules")
        override = overrides.get(written) or overrides.get(card.question)
        if override:
            topics = override.topics or topics
            if override.difficulty:
                level, by = override.difficulty, "override"
        out.append(card.tagged(topics, level, by))
    return out
