"""The headings a card sits under, and what of them names a topic or a level.

Contract: :func:`heading_paths` gives each card of a file the titles of the
section headings above it, outermost first (Markdown ``#`` headings outside
code and outside every card's lines; the document's lone title left out); where
a file has no such headings (AsciiDoc, CSV), or they disagree with the parser,
the path is the card's section alone. :func:`topic_label` turns one title into
the slug of the topic it names, or "" when it names none: numbering, counts,
years, emoji, anchors and links go, words that name no topic (questions,
answers, FAQ, interview…) and level words (junior, advanced…, which are the
difficulty's) go, and a title left with only generic words (general, contents,
introduction…) names no topic. :func:`path_topic` joins the labels of a path
into a nested slug (``docker::networking``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from ..model import Card, Source
from . import languages
from ..parsers.markup import inline_text
from ..parsers.repair.clean import clean_heading
from ..parsers.structure import heading, opens_with_title, outline

#: Levels of a nested topic kept at most: the outermost that names a topic and the innermost.
MAX_DEPTH = 2

#: Words that are in a heading's title only to say it holds questions: removed wherever they are.
FILLER = frozenset("""
question questions ques answer answers ans q a qa q&a faq faqs interview interviews quiz quizzes exercise exercises
flashcard flashcards card cards top most asked frequently common commonly important popular mcq mcqs
practice
""".split()) | languages.FILLER
#: Phrases that say what kind of questions follow ("Multiple Choice Questions", "Knowledge check", "True or
#: False"), not what they are about: removed before the words are read ("Multiple inheritance" keeps its word).
_FILLER_PHRASES = re.compile(
    r"\b(?:multiple[\s-]+choices?|true[\s-]*(?:or|/|and)[\s-]*false|fill[\s-]+in[\s-]+the[\s-]+blanks?"
    r"|(?:short|long|one[\s-]+word)[\s-]+answers?|knowledge[\s-]+checks?|self[\s-]*(?:tests?|checks?|assessments?)"
    r"|(?:test|check)[\s-]+your(?:self|[\s-]+(?:knowledge|understanding))|review[\s-]+questions?"
    r"|practice[\s-]+(?:questions?|problems?|exercises?|tests?|quiz(?:zes)?)|objective[\s-]+(?:type|questions?)"
    r"|(?:quiz|test|review)[\s-]+time|exam[\s-]*style)\b",
    re.IGNORECASE,
)
#: Words that name no topic alone: a title made only of these (and filler) names none.
GENERIC = frozenset("""
general generic knowledge content contents table toc index introduction intro overview basics
fundamentals misc miscellaneous other others more extra additional bonus various notes note
resources resource preparation prep recently added new old simple part chapter section unit lesson
module course appendix summary conclusion references reference links see also and or of the for in on to with
about your you my our a an all some topic topics subject subjects examples problems worksheet worksheets
""".split()) | languages.GENERIC | languages.FUNCTION_WORDS  # "Preguntas de Python": python
#: Words that name a level, not a topic (the difficulty reads them).
LEVEL_WORDS = frozenset("""
easy medium hard beginner beginners intermediate advanced expert experts junior regular mid senior guru
basic elementary entry level levels difficult tricky
""".split()) | frozenset(languages.LEVELS)

_NUMBERING = re.compile(
    r"^(?:chapter|part|section|unit|lesson|module|step|day|week)\s+[a-z][.):]?(?:\s+|$)"  # "Section B: Money"
    r"|^(?:(?:chapter|part|section|unit|lesson|module|step|day|week)\s+)?"
    r"(?:\d+(?:\.\d+)*|[ivxlc]+\b|[a-z](?=[.)]))[.):]?(?:\s+|$)|^q\d*[.:)]\s*",
    re.IGNORECASE,
)
#: Chinese and Japanese numbering of a title ("一、", "第三章", "第 2 题", "（二）"): no topic either.
_CJK_NUMBERING = re.compile(r"^(?:第\s*[一二三四五六七八九十百零〇\d]+\s*[章节節部篇课課回题題问問]|[（(]?[一二三四五六七八九十]+[)）、．.])\s*")
_COUNTS = re.compile(r"[(\[{]\s*\d+\s*(?:questions?|qs?|cards?|items?|marks?|points?|pts|minutes|mins)?\s*[)\]}]"
                     r"|\b(?:19|20)\d\d\b|\b\d+\b",
                     re.IGNORECASE)
_ANCHOR = re.compile(r"\{#[^{}]*\}|\[\[[^\[\]]*\]\]")  # over no brace or bracket: linear on a run of them
#: A remark in brackets after the title's words: "Storage (PV, PVC)" names storage.
_ASIDE = re.compile(r"(?<=\w)\s*[(\[][^()\[\]]*[)\]]")
_SEPARATORS = re.compile(rf"[^\w+#{languages.WORD_MARKS}]+")


#: A count of what a Chinese or Japanese title lists ("10選", ten picks; "100道", a hundred questions): no topic.
_CJK_COUNT = re.compile(r"\d+\s*[選选道问問题題个個条條]")
#: One or two hiragana alone: a Japanese particle the words around it left when they went ("面接でよく聞かれる質問":
#: "で"), no word of a subject.
_PARTICLE = re.compile("[\u3040-\u309f]{1,2}")
#: A character of Chinese or Japanese writing (kana, CJK ideographs): words no space sets apart.
_HAN_KANA = "[\u3040-\u30ff\u4e00-\u9fff]"
#: Chinese and Japanese words that name no topic, found inside a title's words, which no space sets apart
#: ("Redis基础": redis, "综合面试题": none), longest first; with the level words.
_CJK_NO_TOPIC = re.compile("|".join(sorted(
    (word for word in FILLER | GENERIC | frozenset(languages.CJK_LEVELS) if re.search(_HAN_KANA, word)),
    key=lambda word: (-len(word), word))))
#: Chinese or Japanese characters in a label's word beyond which it is a sentence, no topic's name.
MAX_CJK_CHARACTERS = 8
_CJK_RUN = re.compile(f"{_HAN_KANA}{{{MAX_CJK_CHARACTERS + 1}}}")


#: Level words of two parts (Vietnamese "Cơ bản", "Nâng cao"): removed before the words are read.
_LEVEL_PHRASES = re.compile("|".join(phrase for phrase in languages.LEVELS if " " in phrase), re.IGNORECASE)
#: Marks that are parts of words (a vowel sign, a point), no symbols: :data:`.languages.WORD_MARKS`.
_IN_WORDS = frozenset(re.findall(f"[{languages.WORD_MARKS}]", "".join(map(chr, range(0x0591, 0x1800)))))


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "SCM" and not ch.isascii() and ch not in _IN_WORDS


@lru_cache(maxsize=4096)
def topic_label(title: str) -> str:
    """The slug of the topic a section title names, "" when it names none."""
    text = inline_text(title) if ("<" in title or "[" in title or ":" in title) else title
    text = _ANCHOR.sub(" ", text).replace("_", " ")  # "04_Dictionary_Collection": words a file name joins
    text = _FILLER_PHRASES.sub(" ", text)
    text = "".join(" " if _is_symbol(ch) else ch for ch in text)
    text = _NUMBERING.sub("", text.strip())
    if not text.isascii():
        text = _CJK_COUNT.sub(" ", _CJK_NO_TOPIC.sub(" ", _CJK_NUMBERING.sub("", text)))
        text = _LEVEL_PHRASES.sub(" ", text)
    text = _COUNTS.sub(" ", text)
    text = _ASIDE.sub(" ", text)
    words = [w for w in _SEPARATORS.split(text.lower()) if w.strip("+#_") and not _PARTICLE.fullmatch(w)]  # "[+] General": no word "+"
    kept = [w for w in words if w not in FILLER and w not in LEVEL_WORDS]
    listed = kept[:]
    while kept and kept[-1] in GENERIC:
        kept.pop()  # "Docker and …" cut short: no dangling "and"
    while kept and kept[0] in GENERIC:
        kept.pop(0)
    if not kept or all(w in GENERIC or w.isdigit() for w in kept):
        return ""
    if (len(kept) == 1 and len(kept[0]) == 1 and 0 < listed.index(kept[0]) < len(listed) - 1
            and re.search(rf"(?<![^\W\d_]){re.escape(kept[0])}(?![^\W\d_])", text)):
        return ""  # a small letter left between words that name nothing is a preposition ("Lista z odnośnikami")
    return "-".join(w.replace("+", "p").replace("#", "sharp") for w in kept)


#: Words a topic's name has at most: a longer title is a sentence (a line of text read as a title), no subject.
MAX_TOPIC_WORDS = 8
#: Words of a title that asks without naming anything ("How do I ...?", "What can we do?").
_ASKING_ONLY = frozenset("""
how why what where when who which whom whose do does did is are was were can could should would will shall may might
must i we you it they this that there to be have has
""".split())


def names_subject(label: str) -> bool:
    """Does a section title whose :func:`topic_label` is ``label`` name what its cards are about? Not when it
    runs to a sentence's length (or a Chinese or Japanese word to more than :data:`MAX_CJK_CHARACTERS`), nor
    when it only asks ("How do I ...?" heads questions about anything)."""
    words = label.split("-")
    return (bool(label) and len(words) <= MAX_TOPIC_WORDS and not _ASKING_ONLY.issuperset(words)
            and (label.isascii() or not _CJK_RUN.search(label)))


def path_topic(path: Sequence[str]) -> str:
    """The nested slug of a heading path: its labels that name a topic (see :func:`names_subject`), at most
    :data:`MAX_DEPTH` (the outermost and the innermost), a child's leading words that repeat its parent's dropped."""
    labels: list[str] = []
    for title in path:
        label = topic_label(title)
        if not names_subject(label):
            continue
        if labels:
            parent = labels[-1]
            if label == parent:
                continue
            if label.startswith(parent + "-"):
                words = label[len(parent) + 1 :].split("-")  # "docker" > "docker networking": networking
                while len(words) > 1 and words[0] in GENERIC:
                    words.pop(0)  # "princípios" > "princípios de engenharia": engenharia
                label = "-".join(words)
        labels.append(label)
    if len(labels) > MAX_DEPTH:
        labels = [labels[0], labels[-1]]
    return "::".join(labels)


def heading_paths(cards: Sequence[Card], source: Source | None) -> list[tuple[str, ...]]:
    """For each card, the titles of the section headings it sits under, outermost first."""
    found = _section_headings(cards, source) if source is not None else []
    numbers = [number for number, _, _ in found]
    stack_at: list[tuple[str, ...]] = []
    stack: list[tuple[int, str]] = []
    for _, level, title in found:
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        stack_at.append(tuple(t for _, t in stack))
    paths = []
    for card in cards:
        at = bisect_right(numbers, card.lines[0]) - 1
        path = stack_at[at] if at >= 0 else ()
        if card.section and (not path or path[-1] != card.section and clean_heading(path[-1]) != card.section):
            path = (card.section,)  # the parser knows better (AsciiDoc titles, a heading it read otherwise)
        elif not card.section and path:
            path = ()
        paths.append(path)
    return paths


def _section_headings(cards: Sequence[Card], source: Source) -> list[tuple[int, int, str]]:
    """(line number, level, title) of the Markdown headings outside every card's lines."""
    ranges = sorted(card.lines for card in cards)
    starts = [first for first, _ in ranges]
    # The furthest line any card up to each one reaches: a line is inside a card when it is
    # at or before that reach of the last card starting at or before it.
    reach: list[int] = []
    for _, last in ranges:
        reach.append(max(last, reach[-1]) if reach else last)
    candidates = _heading_like(source.text)
    lines = outline(source) if candidates else []
    if not lines:
        return []
    first = lines[0].number  # after any front matter
    found = []
    for number in candidates:
        if number < first:
            continue
        marked = heading(lines[number - first])
        if marked is None:
            continue
        at = bisect_right(starts, number) - 1
        if at >= 0 and reach[at] >= number:
            continue  # a question that is a heading, or a heading inside an answer
        found.append((number, marked[0], inline_text(marked[1])))
    if opens_with_title([level for _, level, _ in found]):
        found.pop(0)
    return found


#: A line opening like an ATX heading, found from the newline before it: a literal first lets the
#: engine jump from newline to newline (``^`` with MULTILINE tries every position).
_ATX_START = re.compile(r"\n {0,3}#")


def _heading_like(text: str) -> list[int]:
    """The numbers of the lines that open like an ATX heading, found by one search of the whole
    text rather than a test of each line (most lines are none)."""
    numbers = [1] if text.lstrip(" ")[:1] == "#" and len(text) - len(text.lstrip(" ")) <= 3 else []
    number, at = 1, 0
    for match in _ATX_START.finditer(text):
        number += text.count("\n", at, match.end())
        at = match.end()
        numbers.append(number)
    return numbers
