"""``qadeck init``: a starter ``qadeck.yaml`` for a folder of one's own notes.

The file fixes what must never change once a deck is in Anki (its ``deck_id``, random so that two
users' decks never share one) and shows, commented out, the settings a user reaches for next. The
MLOps taxonomy bundled in ``cards/`` is no starting point for anyone else's notes.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import config as config_mod
from . import sources
from .errors import ConfigError, SourceError
from .files import write_text_atomic
from .naming import DeckName, choose


@dataclass(frozen=True)
class Started:
    """What :func:`init` wrote."""

    path: Path
    name: DeckName
    deck_id: int
    #: True when ``deck_id`` was kept from the file that was overwritten.
    kept_id: bool


def new_deck_id() -> int:
    """A random id in the range :func:`qadeck.config.stable_id` uses (31 bits, never 0 or 1)."""
    return secrets.randbelow(1 << 30) | (1 << 30)


def init(folder: Path, force: bool = False, topics_yaml: str = "") -> Started:
    """Write ``folder/qadeck.yaml``; refuses to overwrite one unless ``force`` (which keeps its id).

    ``topics_yaml`` is a ``topics:`` block to write instead of the commented example (a draft from
    ``qadeck topics --suggest``).
    """
    if not folder.is_dir():
        raise SourceError("not a folder", folder)
    path = folder / config_mod.CONFIG_NAME
    deck_id, kept = new_deck_id(), False
    if path.exists():
        if not force:
            raise ConfigError(
                "already exists; edit it, or run 'qadeck init --force' to start it again "
                "(its deck_id is kept)", path)
        old = _old_deck_id(path)
        if old:
            deck_id, kept = old, True
    name = choose(folder, sources.collect([folder]).files)
    write_text_atomic(path, render(name, deck_id, topics_yaml))
    return Started(path, name, deck_id, kept)


def _old_deck_id(path: Path) -> int | None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    value = data.get("deck_id") if isinstance(data, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 1 else None


def render(name: DeckName, deck_id: int, topics_yaml: str = "") -> str:
    """The file's text: every line that is not commented out is valid config."""
    topics = (_TOPICS_DRAFT + topics_yaml.rstrip() + "\n") if topics_yaml.strip() else _TOPICS_EXAMPLE
    return _TEMPLATE.format(deck=_quote(name.name), origin=name.origin, deck_id=deck_id,
                            topics=topics)


def _quote(text: str) -> str:
    return yaml.safe_dump(text, default_style=None, allow_unicode=True, width=1_000).strip() \
        .removesuffix("\n...").strip()


_TOPICS_EXAMPLE = """\
# Topics: a taxonomy of your own (slug -> keywords with weights). Without one, topics come from
# your documents' section headings. 'qadeck topics --suggest' drafts one from your cards.
# topics:
#   networking:
#     keywords: {network: 3, tcp: 2, "load balancer": 3}
#   storage:
#     keywords: {volume: 3, disk: 2, backup: 2}
"""

_TOPICS_DRAFT = """\
# Topics: a draft drawn from your cards. Rename, merge and prune them; a keyword matches at the
# start of a word, and its weight says how surely it names the topic.
"""

_TEMPLATE = """\
# qadeck deck configuration (see the README's "Deck configuration").
# Deck name, from {origin}: change it freely, Anki finds the deck by deck_id.
deck: {deck}
# Anki finds the deck by this id on every import: never change it.
deck_id: {deck_id}
# Topic for the cards that no topic below matches.
default_topic: misc

{topics}
# Overrides: per card, keyed by the question's exact text.
# overrides:
#   "What is a container?": {{difficulty: easy, topics: [storage]}}

# Layout: qadeck detects each file's layout; force one for every file here
# (the same names as 'qadeck build --layout').
# layout: headings
"""
