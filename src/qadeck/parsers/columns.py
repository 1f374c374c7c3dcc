"""Columns: what the cells of a deck's header row name, for the rows under it.

    id;word;definition;example;tags;status;created_at
    Question,A,B,C,D,Answer,Explanation,Difficulty
    Word,German explanation,English translation,Example sentence,Category

Exported and hand-kept decks hold more than a question and an answer: an
example or a translation (shown on the back under its header), tags, a
category or deck (the card's section), a difficulty (the author's level, as
a ``difficulty/…`` tag), lettered options with the correct one named in the
answer column (a multiple-choice card: the options on the front, the chosen
one on the back), and data about the row that is no part of a card (ids,
timestamps, review state). :func:`header_columns` reads those roles from the
header's names; a first row that names no question and answer column, nor
two columns at least by the words decks head them with, is no header (its
row is a card like the others). Names are compared as
:func:`.table.column_names` gives them: letters only, case-folded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .markup import inline_text
from .table import ANSWER_NAMES, QUESTION_NAMES, TAG_NAMES, column_names, named_columns

#: Columns about the row, not the card: ids, timestamps, review state, note types.
META_NAMES = frozenset({
    "id", "uuid", "guid", "noteid", "cardid", "status", "created", "createdat", "createdby", "updated", "updatedat",
    "modified", "modifiedat", "lastmodified", "timestamp", "date", "due", "interval", "ease", "reps", "lapses",
    "position", "index", "rank", "notetype", "sortfield", "learningstatus", "mastered", "gemeistert", "color",
    "colour",
})
#: A multiple-choice question's wrong options (Wrong1, FalscheAntwort2, Distractor3): no part of the answer.
_WRONG = re.compile(r"^(?:wrong|incorrect|false|falsche?|distractor|errad[ao]|incorrect[ao])[^\W\d_]*\d*$")
#: Columns naming the group a card belongs to: its section.
SECTION_NAMES = frozenset({
    "category", "categories", "deck", "topic", "subject", "chapter", "unit", "lesson", "section", "group", "theme",
    "kategorie", "categoria", "categoría", "catégorie", "thema", "tema", "thème", "capítulo", "kapitel", "chapitre",
    "stapel",
})
#: Columns naming a card's difficulty.
LEVEL_NAMES = frozenset({
    "difficulty", "level", "difficultylevel", "schwierigkeit", "dificultad", "difficulté", "difficolta", "difficoltà",
})
#: Further words a question column is headed with (besides :data:`.table.QUESTION_NAMES`).
QUESTION_WORDS = QUESTION_NAMES | {"word", "words", "vocabulary", "vocab", "expression", "phrase", "concept", "mcq",
                                   "name"}
#: Further words an answer column is headed with; an answer column that holds an option's letter names it.
ANSWER_WORDS = (ANSWER_NAMES - {"a"}) | {"translation", "description", "correct", "correctanswer", "correctoption",
                                         "rightanswer", "key"}
#: Names of a column listing a question's options in one cell ("a : X | b : Y").
CHOICE_NAMES = frozenset({"choices", "options", "alternatives", "answeroptions", "opciones", "alternativas",
                          "optionen", "auswahl", "choix"})
#: Names of the column that names a multiple-choice question's correct option.
KEY_NAMES = frozenset({"answer", "answers", "correct", "correctanswer", "correctoption", "rightanswer", "key",
                       "answerkey", "solution", "答案", "参考答案", "正确答案", "标准答案", "正確答案", "正解", "정답"})
#: Words that head a column of a card's back without being its answer.
BACK_WORDS = frozenset({
    "example", "examples", "sentence", "note", "notes", "hint", "explanation", "reading", "pronunciation", "pinyin",
    "romaji", "ipa", "context", "mnemonic", "extra", "comment", "comments", "usage", "synonym", "synonyms",
    "antonym", "antonyms", "gender", "plural", "source", "reference", "translation",
})
_KNOWN_WORDS = QUESTION_WORDS | ANSWER_WORDS | BACK_WORDS | META_NAMES | SECTION_NAMES | LEVEL_NAMES | TAG_NAMES
_WORD = re.compile(r"[^\W\d_]{2,}")
#: An id column's name ("id" a word of it: Question ID, card_id), or a flag's (is_mcq, has_image).
_ID = re.compile(r"(?<![^\W_])(?:id|uuid|guid)(?![^\W_])|^\s*(?:is|has)[_ ]", re.IGNORECASE)
#: An option column's name: a letter or number, after "option", "choice" or "opt" (or those words in
#: Spanish, Portuguese, Chinese or Korean) or alone.
_OPTION = re.compile(r"^(?:option|choice|opt|answer|opción|opcion|opção|alternativa|选项|選項|选择|보기)?([a-h]|[1-8])$")
#: A header cell is a name, not a sentence: a few words at most.
_NAME_WORDS = 4


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column holds what, 0-based."""

    ask: int
    answer: int
    #: Further columns shown on the back after the answer, each under its header.
    back: tuple[tuple[int, str], ...] = ()
    #: Multiple choice: the option columns, in order (the answer column names one by letter, number or text).
    options: tuple[int, ...] = ()
    #: Multiple choice: the column listing the options in one cell, lettered (see :func:`lettered`).
    choices: int | None = None
    tags: int | None = None
    section: int | None = None
    level: int | None = None


def header_columns(cells: Sequence[str], skip: frozenset[int] = frozenset()) -> Columns | None:
    """What the header row ``cells`` names, None when it is no header (see the module docstring);
    ``skip``: columns known to be no fields (an Anki export's guid, note type, deck)."""
    names = column_names(cells)
    meta = {i for i, name in enumerate(names) if name in META_NAMES or _WRONG.match(name) or _ID.search(cells[i])}
    meta |= skip
    options = _options(names)
    choices = None if options else _first(names, CHOICE_NAMES)
    tags = _first(names, TAG_NAMES)
    section = _first(names, SECTION_NAMES)
    level = _first(names, LEVEL_NAMES)
    special = meta | set(options) | {i for i in (choices, tags, section, level) if i is not None}
    visible = ["" if i in special else cell for i, cell in enumerate(cells)]
    pair = named_columns(visible, answer_alone=True) or _languages(visible) or _by_words(visible)
    if pair is None:
        return None
    ask, answer = pair
    if options or choices is not None:
        # The column naming the correct option is the answer ("Explanation" goes after it).
        answer = next((i for i, name in enumerate(names) if name in KEY_NAMES and i not in special), answer)
    labelled = [i for i in range(ask + 1, len(cells)) if i != answer and i not in special and names[i]]
    back = tuple((i, inline_text(cells[i])) for i in labelled)
    return Columns(ask, answer, back, options, choices, tags, section, level)


def _first(names: Sequence[str], wanted: frozenset[str]) -> int | None:
    return next((i for i, name in enumerate(names) if name in wanted), None)


def _options(names: Sequence[str]) -> tuple[int, ...]:
    """The option columns: names lettered (or numbered) in order from A (or 1), two at least."""
    found: list[int] = []
    for i, name in enumerate(names):
        match = _OPTION.match(name)
        if match and match.group(1) in ("abcdefgh"[len(found)], "12345678"[len(found)]):
            found.append(i)
    return tuple(found) if len(found) >= 2 else ()


def _words(cell: str) -> set[str]:
    """The words of a header cell that reads as a name (a few words, no sentence marks), else none."""
    if any(mark in cell for mark in "?.!:") or len(cell.split()) > _NAME_WORDS:
        return set()
    return set(_WORD.findall(cell.casefold()))


def _by_words(cells: Sequence[str]) -> tuple[int, int] | None:
    """(question, answer) columns for a header whose names hold the words decks head them with
    ("German explanation", "Example sentence"), two names at least: a card's row seldom does."""
    words = [_words(cell) for cell in cells]
    if sum(1 for found in words if found & _KNOWN_WORDS) < 2:
        return None
    ask = next((i for i, found in enumerate(words) if found & QUESTION_WORDS), None)
    answer = next((i for i, found in enumerate(words) if i != ask and found & ANSWER_WORDS), None)
    if ask is None and answer is not None:
        ask = next((i for i, cell in enumerate(cells) if i != answer and cell.strip()), None)
    if answer is None and ask is not None:
        answer = next((i for i, cell in enumerate(cells) if i > ask and cell.strip()), None)
    return (ask, answer) if ask is not None and answer is not None else None


#: What vocabulary lists head their columns with: the languages (or scripts) they pair, in English and in their own.
LANGUAGE_NAMES = frozenset({
    "english", "german", "deutsch", "french", "français", "francais", "spanish", "español", "espanol", "castellano",
    "italian", "italiano", "portuguese", "português", "portugues", "dutch", "nederlands", "swedish", "svenska",
    "norwegian", "norsk", "danish", "dansk", "finnish", "suomi", "icelandic", "polish", "polski", "czech", "čeština",
    "slovak", "slovenian", "croatian", "serbian", "bulgarian", "romanian", "română", "hungarian", "magyar", "greek",
    "ελληνικά", "russian", "русский", "ukrainian", "українська", "turkish", "türkçe", "arabic", "العربية", "hebrew",
    "עברית", "persian", "farsi", "فارسی", "hindi", "हिन्दी", "urdu", "bengali", "chinese", "mandarin", "cantonese",
    "中文", "汉语", "漢語", "japanese", "日本語", "korean", "한국어", "vietnamese", "tiếngviệt", "thai", "indonesian",
    "malay", "tagalog", "filipino", "swahili", "latin", "latina", "esperanto", "catalan", "català", "irish", "welsh",
    "estonian", "latvian", "lithuanian", "hanzi", "kanji", "kana", "hiragana", "katakana", "romaji", "pinyin",
})


def _languages(cells: Sequence[str]) -> tuple[int, int] | None:
    """The first two named columns when both name languages (German,English): a header, not a card."""
    named = [i for i, name in enumerate(column_names(cells)) if name][:2]
    names = column_names([cells[i] for i in named])
    if len(named) == 2 and all(name in LANGUAGE_NAMES for name in names):
        return named[0], named[1]
    return None


def chosen_option(key: str, options: Sequence[str]) -> int | None:
    """The index of the option ``key`` names: by its letter (``B``, ``b)``), its number (``2``) or its text."""
    key = inline_text(key).strip().rstrip(").:").strip().casefold()
    if len(key) == 1 and key in "abcdefgh" and "abcdefgh".index(key) < len(options):
        return "abcdefgh".index(key)
    if key.isdigit() and 0 < int(key) <= len(options):
        return int(key) - 1
    texts = [inline_text(option).casefold() for option in options]
    return texts.index(key) if key and key in texts else None


#: A lettered option inside a cell: at its start or after a ``|``, ``;`` or line break.
_ITEM = re.compile(r"(?:^|[ \t]*[|;\n][ \t]*)([A-Ha-h1-8])[ \t]*[:.)][ \t]*")


def lettered(cell: str) -> list[str]:
    """The options a cell lists lettered from A (or numbered from 1), in order: ``a : X | b : Y``,
    ``A) X; B) Y``, one a line; [] for a cell that lists none."""
    marks = list(_ITEM.finditer(cell.strip()))
    labels = "".join(mark.group(1).lower() for mark in marks)
    if len(marks) < 2 or labels not in ("abcdefgh"[: len(marks)], "12345678"[: len(marks)]):
        return []
    text = cell.strip()
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    return [text[mark.end() : end].strip() for mark, end in zip(marks, ends)]
