"""Difficulty: easy | medium | hard, from the shape of the question.

The rules are deterministic and ordered; the first that matches decides (the
README lists them). Roughly: recall of a definition or a name is easy;
explaining why or how, comparing, listing practices is medium; design,
scenarios, trade-offs, multi-step procedures and answers that are code are hard.
A card the rules get wrong is corrected with an override in ``qadeck.yaml``.

The rules are the fallback: where the author marked a level, it wins
(:func:`author_levels`). On the card: an emoji (👶 🟢 easy, ⭐️ 🟡 medium, 🚀 🔴
hard), a count of stars, a ``#difficulty/hard`` tag, a level word in brackets
after the question; then such a marker on a heading the card sits under; then a level word
(easy, intermediate, senior, guru…, and other languages' ones: :data:`.languages.LEVELS`) in a
heading the card sits under, the innermost first, where the file's headings
grade its cards: two of them name a level ("Junior" and "Senior", "Advanced collections"
and "Advanced streams"), or the heading names nothing else ("Senior-Level Questions"; a lone
"Advanced concepts" names a subject); then ``difficulty:`` (or
``level:``) in the file's front matter; then a level word in the file's name.
Markers on the question are decoration, not part of it: they are taken off.

Each rule may name the words one of which any text it matches holds
(``needs``): a question holding none of them is not searched, which is most
questions for most rules. Only ASCII questions are screened that way, since
only there does a case-insensitive match imply the word in ``str.lower()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Card, Source
from ..parsers.structure import front_matter
from . import languages
from .headings import topic_label
from .words import without_cloze_or_math

#: A fenced code block of at least this many lines makes an answer "code".
CODE_LINES_FOR_HARD = 3


@dataclass(frozen=True, slots=True)
class Rule:
    level: str
    pattern: re.Pattern[str]
    why: str
    #: Lowercase words one of which every match holds; () when the rule is anchored, hence cheap anyway.
    needs: tuple[str, ...] = ()

    def matches(self, question: str, lowered: str | None) -> bool:
        """True when the rule matches; ``lowered`` is the ASCII question lowercased (None: not ASCII)."""
        return _first((self,), question, lowered) is self


def _first(rules: Iterable[Rule], question: str, lowered: str | None) -> Rule | None:
    """The first of ``rules`` that matches ``question`` (``lowered`` as for :meth:`Rule.matches`).

    A substring test a word costs a fraction of a case-insensitive search, and of a search for
    an alternation of the words (which the regex engine tries at every character); the loop is
    written out, without a call a rule, as it runs for every card.
    """
    for rule in rules:
        if rule.needs and lowered is not None:
            for word in rule.needs:
                if word in lowered:
                    break
            else:
                continue  # the question holds none of the words: the search could not match
        if rule.pattern.search(question):
            return rule
    return None


def _rule(level: str, regex: str, why: str, needs: tuple[str, ...] = ()) -> Rule:
    return Rule(level, re.compile(regex, re.IGNORECASE), why, needs)


RULES: tuple[Rule, ...] = (
    _rule("hard", r"^how (would|should|will) you\b", "how would you … (design, scenario)"),
    _rule("hard", r"\bdescribe (a|an|the) (scenario|situation|time)\b", "describe a scenario", ("describe ",)),
    _rule("hard", r"\b(design|architect)(ing)?\b", "design", ("design", "architect")),
    _rule("hard", r"\btrade-?offs?\b", "trade-off", ("trade",)),
    _rule("hard", r"\bset(ting)?[ -]?up\b.*\b(pipeline|ci/cd|system|infrastructure)\b",
          "setting up a pipeline (multi-step procedure)", ("set",)),
    _rule("hard", r"\b(walk (me )?through|step[- ]by[- ]step)\b", "multi-step procedure", ("walk ", "step")),
    _rule("medium", r"\bwhy\b", "why …", ("why",)),
    _rule("easy", r"^(name|list) (one|two|three|four|five|some|a few|the)\b", "name / list some"),
    _rule("easy", r"^(what|which) (command|tool|tools|library|libraries|framework|file)\b",
          "what command / tool"),
    _rule("easy", r"^what (is|are) the (role|purpose|main goal|goal|definition|meaning)s? of\b",
          "role or purpose of X"),
    _rule("easy", r"\bstand for\b", "what an abbreviation stands for", ("stand for",)),
    _rule("medium", r"\b(difference|differ|differences|compare|comparison|versus|vs\.?)\b",
          "compare two things",
          ("differ", "compar", "versus", "vs")),
    _rule("medium", r"^how\b", "how … works / how do you …"),
    _rule("medium", r"^(explain|discuss)\b", "explain …"),
    _rule("medium", r"\b(advantages?|benefits?|challenges?|best practices?|strateg(y|ies)|"
          r"importance|limitations?|components?|considerations?)\b", "list practices or reasons",
          ("advantage", "benefit", "challenge", "best practice", "strateg", "importance", "limitation",
           "component", "consideration")),
    _rule("easy", r"^(what|who)(\s+is|\s+are|'s)\b", "what is X (definition)"),
)
DEFAULT_LEVEL = "medium"
#: The rules in their order, split by whether they come before or after the test for code.
_HARD = tuple(rule for rule in RULES if rule.level == "hard")
_OTHER = tuple(rule for rule in RULES if rule.level != "hard")

_FENCE = re.compile(r"^ *(```|~~~)[^\n]*\n(.*?)^ *\1", re.MULTILINE | re.DOTALL)


def answer_is_code(answer: str) -> bool:
    if "```" not in answer and "~~~" not in answer:
        return False  # no fence at all: skip the scan (most answers)
    return any(m.group(2).count("\n") >= CODE_LINES_FOR_HARD for m in _FENCE.finditer(answer))


def explain(card: Card) -> tuple[str, str]:
    """The level and the rule that chose it, read from the question's words: a cloze's hint or a
    formula names no rule (:func:`.words.without_cloze_or_math`)."""
    question = without_cloze_or_math(card.question).strip().strip("*").strip()
    lowered = question.lower() if question.isascii() else None
    rule = _first(_HARD, question, lowered)
    if rule is None and answer_is_code(card.answer):
        return "hard", "the answer is code"
    rule = rule or _first(_OTHER, question, lowered)
    return (rule.level, rule.why) if rule else (DEFAULT_LEVEL, "no rule matched")


def difficulty_of(card: Card) -> str:
    return explain(card)[0]


#: Level words, as authors name levels in headings and file names.
LEVEL_WORDS = {
    "easy": "easy", "beginner": "easy", "beginners": "easy", "junior": "easy", "basic": "easy",
    "elementary": "easy",
    "medium": "medium", "intermediate": "medium", "regular": "medium", "moderate": "medium",
    "hard": "hard", "advanced": "hard", "senior": "hard", "guru": "hard", "expert": "hard", "difficult": "hard",
} | languages.LEVELS
#: Emoji that mark a level on a question. A single star is "medium" beside these; alone, stars count.
EMOJI_LEVELS = {"👶": "easy", "🟢": "easy", "🟡": "medium", "🟠": "medium", "🔴": "hard", "🚀": "hard"}
_STAR = "⭐🌟★"
#: A level word alone, or before "-level" ("Senior-level questions").
_LEVEL_WORD = re.compile(r"(?<![\w-])(" + "|".join(LEVEL_WORDS) + r")(?=-level\b|(?![\w-]))", re.IGNORECASE)
#: A level word of Chinese, Japanese or Korean, inside a title's words (no spaces set them apart).
_CJK_LEVEL = re.compile("|".join(languages.CJK_LEVELS))
#: "hard disk", "basic auth", "Visual Basic": a level word that is part of a name.
_NOT_A_LEVEL = re.compile(
    r"\b(?:hard (?:disk|drive|link|reset|limit|coded?)|basic (?:auth|block|input)|visual basic|"
    r"regular (?:expression|file)|expert system|advanced (?:encryption|package))",
    re.IGNORECASE,
)
_MARKER = "|".join((
    r"[👶🟢🟡🟠🔴🚀]\ufe0f?",
    rf"(?:[{_STAR}]\ufe0f?)+☆*",
    r"(?<![\w/])#difficulty/(?:easy|medium|hard)\b",
    r"[\[(](?:" + "|".join(LEVEL_WORDS) + r")[\])]",
))
_MARKERS = re.compile(_MARKER, re.IGNORECASE)
#: Markers are decoration where they open or close the question: "What is X? 👶", "⭐⭐ What is X?".
#: One inside a sentence ("What does ⭐ mean on GitHub?") is part of it.
_EDGE_MARKERS = re.compile(rf"^(?:\s*(?:{_MARKER}))+\s*|(?:\s*(?:{_MARKER}))+\s*$", re.IGNORECASE)
_TAG = re.compile(r"(?<![\w/])#difficulty/(easy|medium|hard)\b", re.IGNORECASE)
_SPACES = re.compile(r"\s{2,}")


@dataclass(frozen=True, slots=True)
class AuthorLevel:
    """The level the author gave a card ("" for none), and its question without the markers."""

    level: str
    question: str


def author_levels(cards: Sequence[Card], paths: Sequence[Sequence[str]] | None = None,
                  source: Source | None = None) -> list[AuthorLevel]:
    """Each card's level as its author marked it (see the module's docstring); ``paths`` are the
    section headings each card sits under, outermost first (default: its section)."""
    stars = _star_scale(cards)
    document = _front_matter_level(source.text) if source is not None else ""
    document = document or (words_level(re.sub(r"[-_.]+", " ", Path(cards[0].source).stem)) if cards else "")
    if paths is None:
        paths = [(card.section,) if card.section else () for card in cards]
    # A heading names a level where the file's headings grade its cards: two headings name one ("Junior" and
    # "Senior", "Advanced collections" and "Advanced streams"), or it names nothing else ("Senior-Level Questions").
    # A lone "Advanced concepts" names a subject.
    graded = sum(bool(words_level(title)) for title in {title for path in paths for title in path}) >= 2
    out = []
    for index, card in enumerate(cards):
        level, question = _marked(card.question, stars)
        if not level:
            tagged = _TAG.search(card.answer) if "#difficulty/" in card.answer else None
            level = tagged.group(1).lower() if tagged else ""
        if not level and card.tags:  # a tag the source gave the card (see qadeck.parsers.tags)
            level = next((found for tag in card.tags if (found := _level_tag(tag))), "")
        if not level:  # a marker on a heading above it ("### Question 3 🟢"), the nearest first
            level = next((found for title in reversed(paths[index]) if (found := _marked(title, stars)[0])), "")
        if not level:
            level = next((found for title in reversed(paths[index])
                          if (found := words_level(title)) and (graded or not topic_label(title))), "")
        out.append(AuthorLevel(level or document, question))
    return out


def _level_word(word: str) -> str:
    """The level a word of :data:`LEVEL_WORDS` names, however its case was written ("İleri" lowers to "i̇leri")."""
    lowered = word.lower()
    return LEVEL_WORDS.get(lowered) or LEVEL_WORDS.get(languages.unaccented(lowered), "")


def _level_tag(tag: str) -> str:
    """The level a ``difficulty/…`` tag names ("" for none): ``difficulty/hard``, or a word for a level
    (``difficulty/beginner``, as a deck's Difficulty column gives it)."""
    head, _, word = tag.partition("/")
    return LEVEL_WORDS.get(word.casefold(), "") if head.casefold() == "difficulty" else ""


def without_level_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """``tags`` without ``difficulty/…`` tags: the card's level tag says the same the Anki way."""
    return tuple(tag for tag in tags if not _level_tag(tag))


@lru_cache(maxsize=4096)
def words_level(text: str) -> str:
    """The level a title or file name names ("Senior Sysadmin" -> hard), "" when none or several."""
    if not (_LEVEL_WORD.search(text) or not text.isascii() and _CJK_LEVEL.search(text)) or _NOT_A_LEVEL.search(text):
        return ""
    found = {level for m in _LEVEL_WORD.findall(text) if (level := _level_word(m))}
    if not text.isascii():
        found.update(languages.CJK_LEVELS[m] for m in _CJK_LEVEL.findall(text))
    return found.pop() if len(found) == 1 else ""


def _marked(question: str, stars: dict[int, str]) -> tuple[str, str]:
    """(level, question without markers) from the markers on a question."""
    if question.isascii() and "#difficulty/" not in question and not question.rstrip().endswith((")", "]")):
        return "", question  # most questions: no emoji, no tag, no bracket
    level = ""
    marks = [m for edge in _EDGE_MARKERS.finditer(question) for m in _MARKERS.findall(edge.group(0))]
    for mark in marks:
        first = mark[0]
        if first in EMOJI_LEVELS:
            level = level or EMOJI_LEVELS[first]
        elif first in _STAR:
            level = level or stars.get(sum(ch in _STAR for ch in mark), "")
        elif first == "#":
            level = level or mark.rsplit("/", 1)[1].lower()
        else:
            level = level or _level_word(mark[1:-1])
    if not level:
        return "", question
    stripped = _SPACES.sub(" ", _EDGE_MARKERS.sub(" ", question)).strip()
    stripped = re.sub(r"\s+([?.!:,])", r"\1", stripped)
    return level, stripped or question


def _star_scale(cards: Sequence[Card]) -> dict[int, str]:
    """Stars -> level for this file: beside 👶 and 🚀 one star is the middle; else 1-3 stars (or 1-5)."""
    counts = set()
    emoji = False
    for card in cards:
        question = card.question
        if question.isascii():
            continue
        emoji = emoji or any(mark in question for mark in EMOJI_LEVELS)
        for run in re.findall(rf"(?:[{_STAR}]\ufe0f?)+", question):
            counts.add(sum(ch in _STAR for ch in run))
    if emoji:
        return {1: "medium"}
    if counts and max(counts) > 3:
        return {1: "easy", 2: "easy", 3: "medium", 4: "hard", 5: "hard"}
    return {1: "easy", 2: "medium", 3: "hard"}


def _front_matter_level(text: str) -> str:
    """``difficulty:`` or ``level:`` (or a ``difficulty/…`` tag) in the file's YAML front matter."""
    data = front_matter(text)
    if not data:
        return ""
    for key in ("difficulty", "level"):
        value = data.get(key)
        if isinstance(value, str) and (found := words_level(value)):
            return found
    tags = data.get("tags")
    for tag in tags if isinstance(tags, list) else [tags] if isinstance(tags, str) else []:
        if isinstance(tag, str) and (found := _TAG.search("#" + tag.lstrip("#"))):
            return found.group(1).lower()
    return ""
