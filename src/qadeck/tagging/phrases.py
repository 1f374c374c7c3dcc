"""Key phrases of a card: the words and word pairs that could name its topic.

Contract: :func:`card_phrases` returns, for one card, each candidate phrase
(a content word, or two adjacent ones) with the weight of where it was found:
:data:`QUESTION_WEIGHT` in the question, 1 in the answer only. Words are
lowercased and made singular by a few plain rules ("networks" and "network"
are one phrase), so a phrase is also the slug of the topic it would name, the
same in every file. Function words, question words and words that name no
topic are never phrases; neither are numbers, code blocks, nor markup
(:func:`.words.unmarked`: cloze markers, math, HTML, link targets).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .headings import FILLER, GENERIC, LEVEL_WORDS
from .languages import CJK_CLAUSE, WORD_MARKS, unaccented
from .words import unmarked

#: A phrase found in the question counts this many times one found only in the answer.
QUESTION_WEIGHT = 3
#: Only the answer's first characters are read: they say what it is about, the rest adds noise and time.
ANSWER_CHARS = 700

#: Words that say nothing about a subject: function words, question and instruction words,
#: words common to any Q&A text, and what an apostrophe leaves of a contraction ("don't": don).
STOPWORDS = frozenset("""
a about above across after again against all almost along already also although always am among an and
another any anyone anything are around as ask asked at available away back based be became because become
been before being below best better between both but by can cannot case cases certain change could
current define defined definition describe described detail details did differ difference
differences different do does doing done down during each easy either else enough especially etc even
ever every example examples explain explained fact far few find first following for from full further
get gets getting give given go goes going good got great had happen happens has have having he help her
here hers high how however i ie if important in include includes including instead into is it its itself
just keep key kind know known large last least less let like likely list lot low main make makes making
many may me mean means meant might more most much must my name need needed needs new next no non none nor
not note now number of off often on once one only or other others otherwise our out over own part
particular per possible possibly problem problems provide provides put quite rather real really reason
related same say see set several shall she should show similar simple simply since small so some
something sometimes specific state still such suppose sure take tell than that the their them then there
these they thing things think this those though three through thus time times to too true false two
type types under understand until up upon us use used useful uses using usually various very via want
was way ways we well were what when where whether which while who whom whose why will with within without
would yes yet you your yours
advantage advantages benefit benefits approach common concept concepts consider different discuss
disadvantage disadvantages feature features important method methods mention purpose role work works
working question questions answer answers interview faq general overview introduction basic basics
summary topic topics term terms main briefly mean correct incorrect right wrong
add apply allow avoid call check choose compute contain create deal decide delete determine enable ensure
exist explain find follow handle happen implement improve increase decrease lead manage move obtain
occur perform prevent produce reduce remove replace represent require result return run running save
select solve specify start stop support try update write default value field rest src explanation
technique information level output input order form point place line end side option step kind sort
vs hand single local average whole
don doesn didn isn aren wasn weren won wouldn shouldn couldn haven hasn hadn mustn needn ll ve re
""".split())
#: Words whose final "s" is no plural.
NOT_PLURAL = frozenset("""
kubernetes devops mlops dataops bayes series species aws dns windows jenkins redis postgres status news analysis axis basis
bias alias canvas pandas atlas gas lens https ios macos chaos
""".split())

#: Words of section titles that name no topic are no key phrase either.
STOPWORDS = STOPWORDS | FILLER | GENERIC | LEVEL_WORDS
#: Adverbs say how, not what: "dynamically", "efficiently", "directly", "quickly", "primarily", "rarely".
_ADVERB = ("ally", "ively", "ously", "ately", "ently", "antly", "ctly", "ckly", "arily", "ely")
#: Words that name a topic only beside another: "open source", "read replica", "long short-term memory",
#: "multiple inheritance", "second normal form"; alone they say what is done or how, not what about (general
#: verbs, adjectives, counts, times). A past participle ("called", "specified", "distributed") is one too
#: (:func:`named_alone`).
PAIRED_ONLY = frozenset("""
able actual begin bring called eg ex carry close complete due equal faster four five fix found free hold
idea learn left long look lower made major meet multiple normal open original piece proper read second
send separate short soon special stand strong third total turn upper whole written
day days hour hours minute minutes month months morning today week weeks year years
""".split())
#: Words ending in "ed" that are no participle, or name a subject of their own (a keyword, a field).
_NAMED_THOUGH_ED = frozenset("undefined synchronized embedded distributed supervised unsupervised sorted".split())


def named_alone(phrase: str) -> bool:
    """Can ``phrase`` name a topic by itself? A pair of words can; a word of :data:`PAIRED_ONLY` and a past
    participle (an English word of six letters or more ending in "ed", not "eed": "required", "introduced";
    not a compound such as "voltage-gated") cannot."""
    if " " in phrase:
        return True
    if phrase in PAIRED_ONLY:
        return False
    participle = (len(phrase) >= 6 and phrase.endswith("ed") and not phrase.endswith("eed") and phrase.isascii()
                  and "-" not in phrase)
    return not participle or phrase in _NAMED_THOUGH_ED
_FENCE = re.compile(r"(```|~~~).*?(?:\1|\Z)", re.DOTALL)
#: What :func:`.words.unmarked` leaves that is no prose: backticks, TeX commands outside math.
_NOISE = re.compile(r"`|\\[a-zA-Z]+")
#: A word: letters, then letters, digits or ``+#`` (c++, c#, k8s, ec2), hyphenated words whole
#: (trade-off, k-means); a phrase never spans punctuation.
_TOKEN = re.compile(r"[a-z][a-z0-9+#]*(?:-[a-z0-9+#]+)*|[^\sa-z]+")
#: The same for a text in other scripts: a word is any letters (Cyrillic, Greek, CJK...), so that the
#: punctuation after it ("вывод?", "原因:") is a token of its own, as it is after a Latin word; a vowel sign
#: or a point is part of its word ("প্রশ্ন", "สัมภาษณ์").
_OTHER_TOKEN = re.compile(rf"[^\W\d_](?:[^\W_]|[+#{WORD_MARKS}])*(?:-(?:[^\W_]|[+#{WORD_MARKS}])+)*"
                          rf"|[^\s\w{WORD_MARKS}]+|[\d_]+")
_WORD = re.compile(r"[a-z][a-z0-9+#]*")


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A plain English singular: "policies" → "policy", "classes" → "class", "networks" → "network"."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "os", "as")) \
            or word in NOT_PLURAL:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1]


#: The case and number endings of Russian and Ukrainian nouns and adjectives, longest first: a word's
#: forms ("телескоп", "телескопа", "телескопу") are one phrase, as :func:`singular` makes English plurals one.
_CYRILLIC_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ых", "их", "ов", "ев", "ей", "ой", "ам", "ям", "ах",
                     "ях", "ом", "ем", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ий", "ый", "а", "я", "ы", "и",
                     "і", "ї", "у", "ю", "е", "є", "о", "ь")


#: The particles a Korean word is written with ("메모리를", "자바의", "영역에": 메모리, 자바, 영역), longest first; a word
#: keeps two syllables at least. Those that often end a word of their own (도, 과, 로) are left on.
_KOREAN_PARTICLES = ("에서는", "으로는", "에서", "으로", "에게", "까지", "부터", "처럼", "보다", "에는", "이란", "은", "는", "을",
                     "를", "에", "의", "와", "이", "가", "란")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A Cyrillic word without its case ending ("томатов" and "томаты": "томат"), a Korean one without its particle,
    any other word as it is.

    Only a word of six letters or more loses one, and keeps four at least: a short word's ending may be its stem.
    """
    if "가" <= word[-1] <= "힣":
        return next((word[: -len(particle)] for particle in _KOREAN_PARTICLES
                     if word.endswith(particle) and len(word) - len(particle) >= 2), word)
    if len(word) < 6 or not "а" <= word[-1] <= "ї":
        return word
    for ending in _CYRILLIC_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def phrases(text: str) -> set[str]:
    """The content words of ``text`` (singular) and each pair of adjacent ones ("gradient descent");
    a function word, punctuation or a number between two words makes no pair."""
    found: set[str] = set()
    previous: str | None = None
    known = _WORDS.get
    lowered = text.lower()
    for token in (_TOKEN if lowered.isascii() else _OTHER_TOKEN).findall(lowered):
        word = known(token, _UNSEEN)
        if word is _UNSEEN:
            word = _word(token)
        if word is not None:
            found.add(word)
            if previous is not None and previous != word:
                found.add(f"{previous} {word}")
        previous = word
    return found


#: Token -> the content word it is (None: none), remembered: a deck repeats its words.
_WORDS: dict[str, str | None] = {}
_UNSEEN = ""
_WORDS_KEPT = 200_000


def _word(token: str) -> str | None:
    word: str | None = None
    if token[0].isalpha() and len(token) > 1 and token not in STOPWORDS and not token.endswith(_ADVERB):
        word = singular(token) if token.isascii() else stem(token)
        word = None if word in STOPWORDS or not token.isascii() and CJK_CLAUSE.search(token) else word
    if len(_WORDS) >= _WORDS_KEPT:
        _WORDS.clear()
    _WORDS[token] = word
    return word


def plain(text: str) -> str:
    """``text`` without code blocks, markup (:func:`.words.unmarked`) or backticks, accents off: prose
    to find phrases in."""
    if "```" in text or "~~~" in text:
        text = _FENCE.sub(" ", text)
    text = unmarked(text)
    if not text.isascii():
        text = unaccented(text)
    return _NOISE.sub(" ", text) if "`" in text or "\\" in text else text


def card_phrases(question: str, answer: str) -> dict[str, int]:
    """Phrase -> weight: :data:`QUESTION_WEIGHT` when the question holds it, 1 when only the answer does."""
    weights = dict.fromkeys(phrases(plain(answer[:ANSWER_CHARS])), 1)
    weights.update(dict.fromkeys(phrases(plain(question)), QUESTION_WEIGHT))
    return weights


def slug_words(slug: str) -> list[str]:
    """The words of a topic slug, as :func:`words` would find them in text."""
    return [w for w in (singular(w) for w in _WORD.findall(slug.replace("-", " "))) if w not in STOPWORDS]
