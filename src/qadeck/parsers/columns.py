"""Columns: what the cells of a deck's header row name, for the rows under it.

    id;word;definition;example;tags;status;created_at
    Question,A,B,C,D,Answer,Explanation,Difficulty
    Word,German explanation,English translation,Example sentence,Category

Exported and hand-kept decks hold more than a question and an answer: an
example or a translation (shown on the back under its header), tags, a
category or deck (the card's section), a difficulty (the author's level, as
a ``difficulty/…`` tag), lettered options with the correct one named in the
answer column (a multiple-choice card: the options on the front, the chosen
one on the back; or the right option's text beside columns of wrong ones), and
data about the row that is no part of a card (ids, timestamps, review state, row
numbers, a quiz game's time limit, points, image link and question type). A
template's note on a column ("Answer 3 (Optional)", "Question - max 120
characters") is no part of its name (:func:`head`). :func:`header_columns` reads those roles from the
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
from .table import ANSWER_NAMES, LEVEL_NAMES, QUESTION_NAMES, SECTION_NAMES, TAG_NAMES, column_names, named_columns

#: Columns about the row, not the card: ids, timestamps, review state, note types.
META_NAMES = frozenset({
    "id", "uuid", "guid", "noteid", "cardid", "status", "created", "createdat", "createdby", "updated", "updatedat",
    "modified", "modifiedat", "lastmodified", "timestamp", "date", "due", "interval", "ease", "reps", "lapses",
    "position", "index", "rank", "notetype", "sortfield", "learningstatus", "mastered", "gemeistert", "color",
    "colour",
    # how a quiz game plays a question, not what it asks or answers
    "time", "timelimit", "timeinseconds", "timeinsec", "timesec", "seconds", "duration", "points", "score", "mark", "marks",
    "questiontype", "imagelink", "imageurl", "required",
})
#: Names of the column giving each question's type.
KIND_NAMES = frozenset({"questiontype", "type"})
#: A question type whose answer is typed, not chosen (fill in the blank, short answer): its options are the
#: answers it accepts.
TYPED = re.compile(r"blank|fill|short|typed|text|input|fib|\bsr\b", re.IGNORECASE)
#: What a student who answers wrong is told ("Feedback for Incorrect Answer"): no part of the card, as in the
#: other question banks.
_TOLD_WRONG = re.compile(r"incorrect|wrong|falsch|incorrecta|incorrecto")
#: A column numbering the rows (``#``, ``No.``, ``Question #``, ``Question number``): no part of a card.
_NUMBERING = re.compile(r"(?:question|item|row|card)?(?:no|nr|num|number|stt|lfdnr)|[^\W\d_]*\s*#")
#: A multiple-choice question's wrong options (Wrong1, FalscheAntwort2, Distractor3): no part of the answer.
_WRONG = re.compile(r"^(?:wrong|incorrect|false|falsche?|distractor|errad[ao]|incorrect[ao])[^\W\d_]*\d*$")
#: Further words a question column is headed with (besides :data:`.table.QUESTION_NAMES`).
QUESTION_WORDS = QUESTION_NAMES | {"word", "words", "vocabulary", "vocab", "expression", "phrase", "concept", "mcq",
                                   "name", "questiontext", "stem"}
#: Further words an answer column is headed with; an answer column that holds an option's letter names it.
ANSWER_WORDS = (ANSWER_NAMES - {"a"}) | {"translation", "description", "correct", "correctanswer", "correctoption",
                                         "rightanswer", "key"}
#: Names of a column listing a question's options in one cell ("a : X | b : Y").
CHOICE_NAMES = frozenset({"choices", "options", "alternatives", "answeroptions", "opciones", "alternativas",
                          "optionen", "auswahl", "choix"})
#: Names of the column that names a multiple-choice question's correct option.
KEY_NAMES = frozenset({"answer", "answers", "correct", "correctanswer", "correctoption", "rightanswer", "key", "correctkey",
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
    #: Multiple choice: columns of wrong options beside the answer column holding the right one's text.
    wrong: tuple[int, ...] = ()
    #: The column naming each question's type (multiple choice, fill in the blank, …): no card text.
    kind: int | None = None
    #: Multiple choice: a column beside each option (in the options' order) marking it right or wrong.
    marks: tuple[int, ...] = ()


def header_columns(cells: Sequence[str], skip: frozenset[int] = frozenset()) -> Columns | None:
    """What the header row ``cells`` names, None when it is no header (see the module docstring);
    ``skip``: columns known to be no fields (an Anki export's guid, note type, deck)."""
    heads = [head(cell) for cell in cells]
    names = column_names(heads)
    keys = [_NOT_WORD.sub("", text.casefold()) for text in heads]  # digits kept: "Option 1", "Answer 2"
    wrong = {i for i, name in enumerate(names) if _WRONG.match(name)}
    meta = {i for i, name in enumerate(names)
            if name in META_NAMES or _ID.search(heads[i]) or _numbering(keys[i], heads[i])
            or i not in wrong and _TOLD_WRONG.search(name)}
    meta |= skip
    options = _options(keys) or _options(column_names(cells))
    choices = None if options else _first(names, CHOICE_NAMES)
    tags = _first(names, TAG_NAMES)
    section = _first(names, SECTION_NAMES)
    level = _first(names, LEVEL_NAMES)
    marks, beside = _beside(keys, options)
    special = meta | wrong | set(options) | set(beside) | {i for i in (choices, tags, section, level) if i is not None}
    visible = ["" if i in special else text for i, text in enumerate(heads)]
    pair = named_columns(visible, answer_alone=True) or _languages(visible) or _by_words(visible)
    if pair is None:
        return None
    ask, answer = pair
    if answer in meta:
        # A question column alone beside the rows' number ("SI # | Question" over rows that go on to an answer the
        # header leaves unnamed): the answer is the first column after the question the header leaves unnamed.
        answer = ask + 1
        while answer in special or answer < len(heads) and heads[answer].strip():
            answer += 1
    if options or choices is not None or wrong:
        # The column naming the correct option is the answer ("Explanation" goes after it).
        answer = next((i for i, name in enumerate(names) if name in KEY_NAMES and i not in special), answer)
    labelled = [i for i in range(ask + 1, len(cells)) if i != answer and i not in special and names[i]]
    back = tuple((i, inline_text(heads[i])) for i in labelled)
    wrong_options = tuple(sorted(wrong - meta)) if not options and choices is None else ()
    kind = next((i for i, name in enumerate(names) if name in KIND_NAMES), None)
    return Columns(ask, answer, back, options, choices, tags, section, level, wrong_options, kind, marks)


#: Words heading a column beside each option that says whether it is right ("Points A", "Correct 2", "B score").
MARK_WORDS = frozenset({"points", "point", "score", "correct", "iscorrect", "correctness", "right", "weight", "value",
                        "grade", "fraction", "mark", "marks"})
_SUFFIXED = re.compile(r"^(.+?)([a-h]|[1-8])$")
_PREFIXED = re.compile(r"^([a-h]|[1-8])(.+)$")


def _beside(keys: Sequence[str], options: Sequence[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The columns that go with each option, named after its letter or number ("Points A", "B Visible"): those
    saying which options are right (in the options' order), and all of them (no card text)."""
    if not options:
        return (), ()
    letters = [_OPTION.match(keys[i]).group(1) if _OPTION.match(keys[i]) else "" for i in options]  # type: ignore[union-attr]
    series: dict[str, dict[str, int]] = {}
    for i, key in enumerate(keys):
        if i in options:
            continue
        for found in (_SUFFIXED.match(key), _PREFIXED.match(key)):
            if found:
                word, letter = (found.group(1), found.group(2)) if found.re is _SUFFIXED else (found.group(2), found.group(1))
                series.setdefault(word, {}).setdefault(letter, i)
    marks: tuple[int, ...] = ()
    beside: list[int] = []
    for word, columns in series.items():
        if all(letter in columns for letter in letters):
            beside.extend(columns[letter] for letter in letters)
            if word in MARK_WORDS and not marks:
                marks = tuple(columns[letter] for letter in letters)
    return marks, tuple(beside)


def marked(cell: str) -> bool:
    """Does a cell beside an option mark it right: a number above 0, true, yes, x, a check mark, correct?"""
    text = inline_text(cell).strip().casefold()
    try:
        return float(text) > 0
    except ValueError:
        return text in ("true", "yes", "y", "x", "✓", "✔", "correct", "right", "wahr", "vrai", "sí", "si", "ja")


#: Where a header cell's name ends and its note on what to put under it begins: a line break, a dash between
#: spaces, a bracket ("Answer 3 (Optional)", "Question - max 120 characters", "Correct answer(s) - choose …").
_NOTE = re.compile(r"\n|<br\b|\s[-–—]\s|[(\[（]", re.IGNORECASE)
_NOT_WORD = re.compile(r"[\W_]+")


def head(cell: str) -> str:
    """A header cell's name without the note a template adds to it on what its cells hold."""
    name = _NOTE.split(cell.strip(), 1)[0].strip()
    return name or cell


def quiz_columns(rows: Sequence[Sequence[str]]) -> Columns | None:
    """The columns of rows with no header that read as a quiz template's rows: a question, two options or more,
    and last a cell naming the right ones by number or letter (``1,"What …?",Red,Blue,Green,20,2``: a row
    number, a time limit and such are no part of a card); None unless most rows read so."""
    def wide(row: Sequence[str]) -> bool:
        return sum(1 for cell in row if cell.strip()) >= 4
    def held(row: Sequence[str]) -> bool:  # more than a title, or a number on a row left empty
        return sum(1 for cell in row if cell.strip()) >= 2
    first = [row for row in rows[:10] if held(row)]
    if sum(1 for row in first if wide(row)) < QUIZ_ROWS * len(first):
        return None  # most tables fail on their first rows: two or three columns
    filled = [[cell.strip() for cell in row] for row in rows if wide(row)]
    if len(filled) < 2 or len(filled) < QUIZ_ROWS * sum(1 for row in rows if held(row)):
        return None
    width = max(len(row) for row in filled)
    key = max(next(i for i in range(len(row) - 1, -1, -1) if row[i]) for row in filled)
    keyed = [row for row in filled if key < len(row) and _KEY.fullmatch(row[key])]
    if len(keyed) < QUIZ_ROWS * len(filled):
        return None
    def numeric(column: int) -> bool:
        return all(not row[column] or _NUMBER.fullmatch(row[column]) for row in filled if column < len(row))
    texts = [i for i in range(min(key, width)) if not numeric(i)]
    if len(texts) < 3:
        return None
    ask, options = texts[0], tuple(texts[1:])
    found = [chosen_options(row[key], [row[i] if i < len(row) else "" for i in options]) for row in keyed]
    if sum(1 for chosen in found if chosen) < QUIZ_ROWS * len(filled):
        return None
    return Columns(ask, key, options=options)


#: Share of rows that must read as a quiz's for rows with no header to be read so.
QUIZ_ROWS = 0.8
#: A cell naming the right options: numbers or letters, one or several.
_KEY = re.compile(r"(?:[1-8]|[A-Ha-h])(?:\s*[,;]\s*(?:[1-8]|[A-Ha-h]))*")
#: A cell holding a number (a row number, a time limit: ``20``, ``20.0``, ``20 seconds``).
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:\s*[^\W\d_]{1,7})?")


def describes(header: Sequence[str], cells: Sequence[str], ask: int) -> bool:
    """True when ``cells``, the row under the header row ``header``, says what each column holds rather than
    being a card: its question cell and two more at least, and half of its filled cells, hold every word of
    their column's name ("Text for option 1 (required)" under "Option 1"), as templates explain themselves."""
    filled = [i for i, cell in enumerate(cells) if cell.strip()]
    named = [i for i in filled if i < len(header) and _TERMS.findall(head(header[i]).casefold())]
    said = [i for i in named if set(_TERMS.findall(head(header[i]).casefold())) <= set(_TERMS.findall(cells[i].casefold()))]
    return ask in said and len(said) >= DESCRIBED and 2 * len(said) >= len(filled)


#: How many cells of a row must repeat their column's name for the row to describe the columns.
DESCRIBED = 3
_TERMS = re.compile(r"[^\W_]+")


def _numbering(key: str, name: str) -> bool:
    """Does a header cell name a column numbering the rows (``#``, ``No.``, ``Question #``)?"""
    return bool(_NUMBERING.fullmatch(key) or _NUMBERING.fullmatch(name.strip()))


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


#: Between the options a key names (``1,3``, ``A; C``, ``2 and 4``).
_KEYS = re.compile(r"\s*(?:[,;/&|+]|\band\b)\s*")


def chosen_options(key: str, options: Sequence[str]) -> list[int]:
    """The indexes of the options ``key`` names: one (see :func:`chosen_option`), or several apart by commas,
    semicolons or "and" (``1,3``, ``A, C``), each naming one; [] when it names none."""
    one = chosen_option(key, options)
    if one is not None:
        return [one]
    parts = [part for part in _KEYS.split(inline_text(key).strip()) if part]
    if len(parts) < 2:
        return []
    found = [chosen_option(part, options) for part in parts]
    if any(index is None for index in found):
        return []
    return sorted(set(index for index in found if index is not None))


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


_DIGITS = re.compile(r"\d+")


def counted(first: list[str], second: list[str]) -> bool:
    """Are two rows the same words with other numbers in every cell (``Question 1``, ``Question 2``)?"""
    filled = [(a, b) for a, b in zip(first, second) if a.strip()]
    return bool(filled) and all(_DIGITS.search(a) and a != b and _DIGITS.sub("#", a) == _DIGITS.sub("#", b)
                                for a, b in filled)
