"""Topic tagging from weighted keyword rules in the deck's taxonomy.

Every rule phrase matches at the start of a word (``monitor`` matches
"monitoring"), and all phrases of all topics are compiled into one regular
expression so a card's text is scanned once, whatever the taxonomy's size. The
expression is a trie of the phrases (``dat(?:a(?: (?:drift|lake)|)|...)``):
a plain alternation of hundreds of phrases makes the regex engine try every
one at every word, a trie tries one branch per character.
Rules read the card's words, not its cloze markers and math
(:func:`.words.without_cloze_or_math`): a cloze's hint or a formula's ``\\log``
matches no keyword. Words in the question count
most, then the section heading, then the answer:
the question says what the card is about, a section can be broad, and an answer
mentions many things in passing. Because rules look at the card's words, the
same subject gets the same topic in every source.

Without a taxonomy, :func:`document_topics` tags a file's cards from its own
structure: the section headings a card sits under, cleaned (see
:mod:`.headings`), nested where two levels name a topic. Where a section (or a
file without sections) holds many cards and no subsections, its key phrases
shared by several cards become topics under it (see :func:`content_topics`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain

from ..config import DeckConfig
from ..config import slugify as config_slugify
from ..model import Card, Source
from ..parsers.structure import asks_in
from .headings import heading_paths, path_topic, topic_label
from .phrases import card_phrases, named_alone, slug_words
from .words import without_cloze_or_math

QUESTION_WEIGHT = 3.0
SECTION_WEIGHT = 1.5
ANSWER_WEIGHT = 1.0
#: A further topic is kept when it scores at least this share of the primary's score.
SECONDARY_SHARE = 0.5
MAX_TOPICS = 3
#: The catch-all: the topic of a card nothing else names.
FALLBACK_TOPIC = "general"
#: A section (or a file without sections) with more cards than this, all of them directly under it,
#: is split into topics by its key phrases.
BIG_SECTION = 20
#: A phrase names a topic of a big section when at least this many of its cards hold it...
MIN_SHARED = 3
#: ...and at most this share of them (beyond, it names the whole section).
MAX_SHARE = 0.6
#: A phrase of two words names a topic more precisely than one word: its score is worth this much more.
PAIR_BONUS = 1.5
#: How much more a phrase more cards share is worth: broad topics over narrow ones.
SHARED_EXPONENT = 0.5
#: Cards on either side of a card that are its neighbours: authors keep a subject's questions together.
NEIGHBOURS = 2
#: What a phrase a neighbour holds too adds to its score, beside each card that holds it.
NEIGHBOUR_WEIGHT = 10.0
#: A phrase starts a word: no word character or hyphen before it.
_WORD_START = r"(?<![\w-])"
#: What may stand before a phrase in lowercase ASCII: :data:`_WORD_START` as a character to consume.
_ASCII_SEPARATOR = "[^a-z0-9_-]"
#: Weights up to this size sum to a finite score over any text (1e200 × 3 × a billion phrases ≪ 1.8e308).
_LARGEST_WEIGHT = 1e200


@lru_cache(maxsize=4096)  # called for every card's source and section
def slugify(text: str) -> str:
    """:func:`qadeck.config.slugify`, never empty (:data:`FALLBACK_TOPIC` then)."""
    return config_slugify(text) or FALLBACK_TOPIC


def _trie(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases``, the longest one where several match at a position.

    Longest wins because each branch tries to go on before it settles for a
    phrase that ends there: "data drift" wins over "data".
    """
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        ways = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not ways:
            return ""
        body = ways[0] if len(ways) == 1 else f"(?:{'|'.join(ways)})"
        return f"(?:{body})?" if "" in node else body

    return branch(root)


@dataclass(frozen=True)
class TopicTagger:
    #: Taxonomy order, used to break ties.
    order: tuple[str, ...]
    default: str
    pattern: re.Pattern[str] | None
    #: Phrase (lowercase) -> the topics it points to, with weights.
    weights: dict[str, tuple[tuple[str, float], ...]]
    #: Topic slug -> its place in the taxonomy.
    rank: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: DeckConfig) -> TopicTagger:
        weights: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for rule in config.topics:
            for phrase, weight in rule.keywords:
                weights[phrase].append((rule.slug, weight))
        pattern = None
        if weights:
            pattern = re.compile(rf"{_WORD_START}({_trie(weights)})")
        return cls(
            order=tuple(config.topic_slugs),
            default=config.default_topic,
            pattern=pattern,
            weights={p: tuple(w) for p, w in weights.items()},
            rank={slug: i for i, slug in enumerate(config.topic_slugs)},
        )

    def scores(self, card: Card) -> dict[str, float]:
        scores: dict[str, float] = {}
        if self.pattern is None:
            return scores
        question, _, answer = self._points  # section points come from _section_points
        get = scores.get
        words = without_cloze_or_math
        # The additions run in the order the weights are listed, text by text: the same sums, bit for bit.
        for slug, points in chain.from_iterable(map(question.__getitem__, self.phrases(words(card.question)))):
            scores[slug] = get(slug, 0.0) + points
        for slug, points in self._section_points(card.section):
            scores[slug] = get(slug, 0.0) + points
        for slug, points in chain.from_iterable(map(answer.__getitem__, self.phrases(words(card.answer)))):
            scores[slug] = get(slug, 0.0) + points
        return scores

    def phrases(self, text: str) -> list[str]:
        """The phrases in ``text``, in order, as ``pattern.findall`` of the lowercased text finds them.

        Most texts are ASCII: there the search looks for a separator, then a phrase after it,
        which lets the engine skip from separator to separator, where the look-behind
        costs a try at every character (a third less in all). A phrase ending in a
        separator, e.g. "ct)", would consume the separator of a phrase right after it:
        when one is found, the text is searched the plain way (property-tested).
        """
        if self.pattern is None:
            return []
        lowered = text.lower()
        if lowered.isascii():
            found: list[str] = self._after_separator.findall(" " + lowered)
            if not self._separator_ends or self._separator_ends.isdisjoint(found):
                return found
        return self.pattern.findall(lowered)

    @cached_property
    def _after_separator(self) -> re.Pattern[str]:
        """:attr:`pattern` for lowercase ASCII, a separator consumed instead of looked behind."""
        assert self.pattern is not None and self.pattern.pattern.startswith(_WORD_START)
        return re.compile(_ASCII_SEPARATOR + self.pattern.pattern.removeprefix(_WORD_START), self.pattern.flags)

    @cached_property
    def _separator_ends(self) -> frozenset[str]:
        """Phrases that end in a separator (or are empty): after them, only the plain search is right."""
        return frozenset(phrase for phrase in self.weights if not re.fullmatch(r"[\w-]", phrase[-1:]))

    @cached_property
    def _points(self) -> tuple[dict[str, tuple[tuple[str, float], ...]], ...]:
        """Per text (question, section, answer): phrase -> (topic, weight × the text's weight).

        Worked out once per tagger rather than once per phrase found.
        """
        return tuple(
            {phrase: tuple((slug, weight * factor) for slug, weight in pairs) for phrase, pairs in self.weights.items()}
            for factor in (QUESTION_WEIGHT, SECTION_WEIGHT, ANSWER_WEIGHT)
        )

    @cached_property
    def _section_points(self) -> Callable[[str], list[tuple[str, float]]]:
        """A section heading's (topic, points), in order, remembered: a heading is shared by many cards."""

        def points(section: str) -> list[tuple[str, float]]:
            table = self._points[1]
            return [pair for phrase in self.phrases(without_cloze_or_math(section)) for pair in table[phrase]]

        return lru_cache(maxsize=1024)(points)

    def topics(self, card: Card) -> tuple[str, ...]:
        if not self.order:
            return (slugify(card.section) if card.section else FALLBACK_TOPIC,)
        scores = self.scores(card)
        if not scores:
            return (self.default or self.order[0],)
        if not self._ordinary_weights:
            ranked = sorted(scores, key=lambda s: (-scores[s], self.rank[s]))
            best = scores[ranked[0]]
            return tuple(s for s in ranked[:MAX_TOPICS] if scores[s] >= best * SECONDARY_SHARE)
        # The topics that score enough form the head of that ranking (scores fall along it), so
        # only they need sorting, and most cards have one. Sums of ordinary weights are never
        # NaN or infinite, which would make max() and the sort disagree (property-tested).
        floor = max(scores.values()) * SECONDARY_SHARE
        kept = [slug for slug, score in scores.items() if score >= floor]
        if len(kept) > 1:
            rank = self.rank
            kept.sort(key=lambda s: (-scores[s], rank[s]))
        return tuple(kept[:MAX_TOPICS])

    @cached_property
    def _ordinary_weights(self) -> bool:
        """True when no weight is NaN or so large that a card's sum of them could overflow."""
        return all(abs(weight) <= _LARGEST_WEIGHT for pairs in self.weights.values() for _, weight in pairs)


def document_topics(cards: Sequence[Card], source: Source | None = None,
                    paths: Sequence[Sequence[str]] | None = None) -> list[tuple[str, ...]]:
    """Each card's topics (primary first) from its file's own structure, with no taxonomy.

    A card's topic is the nested slug of the section headings it sits under, or the file's subject
    (:func:`document_topic`) where none names one; the cards of a big section with no subsections, and
    those of a big file with no section (or a small one whose subject is unknown), are split further
    by :func:`content_topics`. Linear in the cards: each file is tagged alone, each card once.
    """
    bases = [path_topic(path) for path in (paths if paths is not None else heading_paths(cards, source))]
    groups: dict[str, list[int]] = defaultdict(list)
    for index, base in enumerate(bases):
        groups[base].append(index)
    catch_all = document_topic(source) if source is not None and "" in groups else FALLBACK_TOPIC
    topics: list[tuple[str, ...]] = [(base or catch_all,) for base in bases]
    for base, members in groups.items():
        if len(members) <= BIG_SECTION and (base or catch_all != FALLBACK_TOPIC):
            continue  # a small section, or a small file of no sections whose title or name says its subject
        found = content_topics([cards[i] for i in members], base.rsplit("::", 1)[-1], catch_all)
        for index, tags in zip(members, found):
            topics[index] = tags
    return topics


#: Words a file's name holds to say what kind of file it is, not what it is about (``anki-cloze-deck.md``).
_FILE_WORDS = frozenset("""
anki cloze clozes deck decks cheat cheatsheet cheatsheets readme untitled draft drafts exam exams lecture lectures
vocab vocabulary glossary words study guide guides sheet sheets set sets list lists collection export
""".split())


def document_topic(source: Source) -> str:
    """What a file's cards that nothing else names are about: the topic its title names, or else its name
    (``docker-interview-cards.md``: docker), or else :data:`FALLBACK_TOPIC`. A title that asks is the first
    card's question, not the file's subject."""
    from ..naming import document_title, plain_name  # naming reads sources, which read markups: imported when first needed

    title = document_title(source.text)
    for name in (title if not asks_in(title) else "", plain_name(source.path.stem)):
        words = [word for word in topic_label(name).split("-") if word and word not in _FILE_WORDS]
        if words:
            return "-".join(words)
    return FALLBACK_TOPIC


def content_topics(cards: Sequence[Card], base: str = "", catch_all: str = FALLBACK_TOPIC) -> list[tuple[str, ...]]:
    """Topics for cards of one flat section (``base``, "" for a file without sections) from the
    key phrases they share: up to :data:`MAX_TOPICS` each, nested under ``base``.

    A phrase can name a topic when several cards hold it (:data:`MIN_SHARED`, two in a
    small section) and not most of them (:data:`MAX_SHARE`). Each card takes the phrases it
    holds that score best: where it holds them (question or answer only), times how many
    cards share them, a pair of words more than one word, and no word of a pair it already took.
    A card's topics depend only on its own phrases and how many cards hold each: adding a card
    retags only cards that share a phrase with it. A card that holds no such phrase keeps ``base`` (or ``catch_all``).
    """
    found = [card_phrases(card.question, card.answer) for card in cards]
    shared = Counter(phrase for weights in found for phrase in weights)
    count = len(cards)
    least = MIN_SHARED if count > BIG_SECTION else 2
    most = max(least, MAX_SHARE * count)
    own = set(slug_words(base))
    prefix = f"{base}::" if base else ""
    root: dict[str, float] = {}
    out: list[tuple[str, ...]] = []
    for index, weights in enumerate(found):
        eligible = [phrase for phrase in weights if least <= shared[phrase] <= most and named_alone(phrase)]
        if own:
            eligible = [phrase for phrase in eligible if not own.issuperset(phrase.split())]
        if not eligible:
            out.append((base or catch_all,))
            continue
        around = found[max(0, index - NEIGHBOURS) : index] + found[index + 1 : index + 1 + NEIGHBOURS]
        scored = []
        for phrase in eligible:
            if phrase not in root:
                root[phrase] = shared[phrase] ** SHARED_EXPONENT
            near = sum(phrase in other for other in around)
            score = weights[phrase] * (root[phrase] + NEIGHBOUR_WEIGHT * near)
            scored.append((-score * PAIR_BONUS if " " in phrase else -score, phrase))
        scored.sort()
        least_kept = scored[0][0] * SECONDARY_SHARE
        kept: list[str] = []
        for score, phrase in scored:
            if len(kept) == MAX_TOPICS or score > least_kept:
                break
            if any(phrase in other.split(" ") for other in kept):
                continue  # "operating" after "operating system": the pair says it
            kept.append(phrase)
        out.append(tuple(prefix + phrase.replace(" ", "-") for phrase in kept))
    return out
