"""The entries of a Q&A data file (parsed JSON or YAML): which mappings are cards, and what each card says.

An entry is a mapping with a question and an answer under any of the usual names
(``question``/``answer``, ``q``/``a``, ``front``/``back``, ``f``/``b``,
``term``/``definition``, ``questionText``, ``question_en``, ``pregunta``/``respuesta``,
``frage``/``antwort`` …), or with two languages' words (``german``/``english``). A
multiple-choice entry has options (``options``, ``choices``, ``answers``, a list or
a mapping of letters) and says which is right (an index, a letter, the option's text
or an ``isCorrect`` flag): its answer is the right option. Other shapes: a mapping of
questions (ending in ``?``) to answers, and rows (lists of two or more values: the
first the front, the rest the back). An answer that is a list is a Markdown list;
``explanation``, ``example`` and ``notes`` follow the answer. An entry's ``tags``
become its tags, its ``difficulty`` or ``level`` (a word, or a number on the file's
scale of 3 or 5) the author's level, its ``category`` (or the first of its ``categories``) its section; otherwise the
section is the title of the group it sits in, or the key naming its group when a
mapping holds several. JSON Schemas and the like hold no entries.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

#: Names of a question, and of an answer, in order of preference ("title" and "name" ask only beside an answer).
QUESTION_KEYS = ("question", "q", "front", "f", "term", "word", "phrase", "prompt", "title", "name", "summary")
ANSWER_KEYS = ("answer", "answers", "a", "back", "b", "definition", "meaning", "translation", "response", "reply", "solution",
               "acceptedanswer", "content", "text", "body", "description", "desc", "explanation")
#: What may follow a question's or an answer's name: ``questionText``, ``question_en``, ``answerHtml``.
_KEY_TAILS = ("text", "title", "body", "content", "html", "md", "markdown", "str", "string")
_OPTION_KEYS = ("options", "choices", "answers", "alternatives", "possibleanswers", "answeroptions", "opciones",
                "opcoes", "opções", "optionen", "antworten", "réponses", "reponses", "risposte", "opzioni")
#: Names of the right option (its index, letter or text); the answer's own names come after these.
_CORRECT_KEYS = ("correct", "correctanswer", "correctoption", "correctchoice", "correctindex", "correctanswerindex",
                 "answerindex", "answerkey", "rightanswer", "key", "respuestacorrecta", "correcta",
                 "richtigeantwort", "bonnereponse", "bonneréponse", "rispostacorretta", "respostacorreta")
_FLAG_KEYS = ("iscorrect", "correct", "correcta", "correcto", "right", "isright", "istrue", "richtig", "correctanswer")
_OPTION_TEXT_KEYS = ("text", "answer", "option", "label", "value", "content", "choice", "title", "texto", "respuesta")
_EXTRA_KEYS = ("explanation", "explication", "explicación", "explicacion", "erklärung", "erklarung", "example",
               "examples", "examplesentence", "sentence", "note", "notes")
TAG_KEYS = ("tags", "tag", "labels", "keywords", "etiquetas")
LEVEL_KEYS = ("difficulty", "level", "difficultylevel", "dificultad", "schwierigkeit", "niveau", "nivel",
               "difficoltà", "difficolta")
CATEGORY_KEYS = ("category", "categoria", "categoría", "kategorie", "catégorie", "categorie", "topic", "subject",
                  "chapter", "section")
_SECTION_KEYS = ("title", "name", "category", "section", "heading", "label", "topic", "subject", "chapter")
#: Words two-language vocabulary entries name their languages by (the first one written is the front).
_LANGUAGES = frozenset("""
english spanish french german italian portuguese dutch swedish norwegian danish finnish icelandic polish czech
slovak hungarian romanian russian ukrainian greek turkish arabic hebrew persian hindi urdu bengali japanese chinese
mandarin cantonese korean vietnamese thai indonesian malay tagalog latin esperanto swahili catalan croatian serbian
bulgarian lithuanian latvian estonian irish welsh deutsch español espanol français francais italiano português
portugues nederlands svenska norsk dansk suomi polski русский 日本語 中文 한국어
""".split())
#: A schema describes data, it holds none: its titles and descriptions are no cards.
_SCHEMA_KEYS = ("$schema", "$id", "$ref", "$defs")
_HEADER_WORDS = frozenset(("question", "answer", "front", "back", "term", "definition", "word", "meaning", "q", "a"))
_LETTER = re.compile(r"^\(?([A-Za-z])\)?[.):]?$")
_NUMBER = re.compile(r"^\d+$")
_FENCE = re.compile(r"^\s*(```|~~~)")
#: A line that starts a Markdown block: the line before it needs no break.
_BLOCK_START = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|#{1,6}\s|>|\||```|~~~|<)")


class _Keys(dict):  # type: ignore[type-arg]
    """An entry's keys as compared (:func:`_norm`), each knowing how the author wrote it."""

    written: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a data file, ready to be written as Markdown."""

    question: str
    #: Markdown ("" when the entry has none: reported as unanswered).
    answer: str
    #: The line the entry starts on in the data file (0 when not known).
    line: int
    section: str = ""
    tags: tuple[str, ...] = ()
    #: The author's level: easy, medium, hard or "".
    level: str = ""
    #: (letter, text) of a multiple-choice entry's options, shown with the question.
    options: tuple[tuple[str, str], ...] = ()
    #: What Anki makes of it: basic, reversed (a card each way) or cloze (see :attr:`qadeck.model.Card.kind`).
    kind: str = "basic"


def items(data: object) -> list[Item]:
    """Every entry in ``data``, in the file's order."""
    found = list(_walk(data, "", 0))
    numbers = [number for _, number in found if number is not None]
    top = max(numbers, default=0)
    out = []
    for item, number in found:
        if number is not None and not item.level and 1 <= number <= 5 and top <= 5:
            scale = ("easy", "medium", "hard") if top <= 3 else ("easy", "easy", "medium", "hard", "hard")
            item = Item(item.question, item.answer, item.line, item.section, item.tags, scale[number - 1],
                        item.options)
        out.append(item)
    return out


def _walk(node: object, section: str, line: int) -> Iterator[tuple[Item, int | None]]:
    line = getattr(node, "line", 0) or line
    if isinstance(node, dict):
        if any(key in node for key in _SCHEMA_KEYS) or ("type" in node and ("properties" in node or "items" in node)):
            return
        keys = _Keys((_norm(key), value) for key, value in node.items())
        keys.written = {_norm(key): str(key) for key in node}
        if not _groups(node) or _options(keys) is not None:  # options may be mappings: still an entry
            entry = _entry(keys, section, line)
            if entry is not None:
                yield entry
                return
        if (rows := _rows(list(node.values()), section, line)) or (rows := _asked(node, section, line)):
            yield from rows
            return
        title = next((_text(keys[key]) for key in _SECTION_KEYS if isinstance(keys.get(key), str)), section)
        holders = [key for key, value in node.items() if _groups({key: value})]
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                named = len(holders) > 1 and key in holders
                yield from _walk(value, _text(str(key)) if named else title, line)
    elif isinstance(node, list):
        rows = _rows(node, section, line)
        if rows:
            yield from rows
            return
        for value in node:
            yield from _walk(value, section, line)


def _groups(node: dict[object, object]) -> bool:
    """Does the mapping hold a list of mappings (a group of entries, not an entry)?"""
    return any(isinstance(value, list) and any(isinstance(v, dict) for v in value) for value in node.values())


def _entry(keys: dict[str, object], section: str, line: int) -> tuple[Item, int | None] | None:
    options = _options(keys)
    if options is not None:
        question_key = _question_key(keys, ())
        if question_key is None:
            return None
        right = _right(keys, options)
        answered = None if right else _answer_key(keys)  # no option marked right: the answer as written
        if right:
            answer = "\n\n".join(f"**{options[index][0]}**: {options[index][1]}" for index in right)
        else:
            answer = _answer(keys[answered]) if answered else ""
        shown = tuple((letter, text) for letter, text, _ in options)
    else:
        answer_key = _answer_key(keys)
        question_key = _question_key(keys, (answer_key,)) if answer_key else None
        if answer_key is None or question_key is None:
            return _two_languages(keys, section, line)
        value = keys[answer_key]
        if answer_key in _OPTION_KEYS and isinstance(value, str) and value.startswith("[") and value.endswith("]"):
            value = _listed(value)
        answer = _answer(value)
        answered, shown = answer_key, ()
    question = _text(keys[question_key]).strip()
    if not question:
        return None
    extras = _extras(keys, _EXTRA_KEYS, answered)
    if options is None and answer:
        extras = [extra for extra in extras if extra and extra.strip() not in answer]
    answer = "\n\n".join(part for part in (answer, *extras) if part) if answer else ""
    level, number = _level(keys)
    item = Item(question, answer, line, _category(keys) or section, _tags(keys), level, shown)
    return item, number


def _question_key(keys: dict[str, object], taken: tuple[str | None, ...]) -> str | None:
    return next((key for key in _named(keys, QUESTION_KEYS, _asking()) if key not in taken and _scalar(keys[key])),
                None)


def _answer_key(keys: dict[str, object]) -> str | None:
    return next((key for key in _named(keys, ANSWER_KEYS, _answering()) if _usable(keys[key])), None)


def _named(keys: dict[str, object], names: tuple[str, ...], words: tuple[str, ...]) -> Iterator[str]:
    """The keys among ``keys`` that are one of ``names`` or ``words``, or one with a tail (in that order)."""
    for name in (*names, *words):
        if name in keys:
            yield name
    for name in (*names, *words):
        if len(name) < 4:
            continue
        for key in keys:
            tail = key[len(name):]
            if key.startswith(name) and (tail in _KEY_TAILS or (len(tail) == 2 and tail.isalpha())):
                yield key


def _two_languages(keys: dict[str, object], section: str, line: int) -> tuple[Item, int | None] | None:
    """A vocabulary entry naming its languages: the first language written asks, the second answers."""
    words = [key for key, value in keys.items() if key in _LANGUAGES and isinstance(value, str) and value.strip()]
    if len(words) < 2:
        return None
    answer = _answer(keys[words[1]])
    extras = _extras(keys, (*_EXTRA_KEYS, "translation"), None)
    answer = "\n\n".join(part for part in (answer, *extras) if part)
    level, number = _level(keys)
    item = Item(_text(keys[words[0]]).strip(), answer, line, _category(keys) or section, _tags(keys), level)
    return item, number


def _options(keys: dict[str, object]) -> list[tuple[str, str, bool]] | None:
    """(letter, text, flagged right) of a multiple-choice entry's options, None when it has none or no right one."""
    for name in _OPTION_KEYS:
        if name not in keys:
            continue
        value = keys[name]
        if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
            value = _listed(value)  # a list written out as text, as some exports do
        options: list[tuple[str, str, bool]] = []
        if isinstance(value, dict):
            options = [(str(key).upper(), _text(text), False) for key, text in value.items()
                       if _scalar(text) and len(str(key)) <= 3]
        elif isinstance(value, list):
            for index, option in enumerate(value[:26]):
                letter = chr(ord("A") + index)
                if isinstance(option, dict):
                    fields = {_norm(key): text for key, text in option.items()}
                    text = next((_text(fields[k]) for k in _OPTION_TEXT_KEYS if _scalar(fields.get(k))), None)
                    if text is None:
                        continue
                    given = next((str(fields[k]) for k in ("letter", "letra", "lettre", "buchstabe")
                                  if _scalar(fields.get(k))), "")
                    flagged = any(fields.get(k) is True for k in _FLAG_KEYS)
                    options.append((given.upper() if _LETTER.match(given) else letter, text, flagged))
                elif _scalar(option):
                    options.append((letter, _text(option), False))
        if len(options) < 2:
            continue
        if name == "answers" and not _right(keys, options):
            return None  # a list of answers, none of them marked right: the answer itself, as a list
        return options
    return None


def _listed(value: str) -> object:
    try:
        return json.loads(value)
    except ValueError:
        pass
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return value


def _right(keys: dict[str, object], options: list[tuple[str, str, bool]]) -> list[int]:
    """Indexes of the right options: flagged, or named by the entry's right-answer key."""
    flagged = [index for index, (_, _, right) in enumerate(options) if right]
    if flagged:
        return flagged
    for name in (*_CORRECT_KEYS, *_named(keys, ("answer", "a"), _answering())):
        if name in keys and keys[name] is not None and not isinstance(keys[name], bool):
            found = _pointed(keys[name], options)
            if found:
                return found
    return []


def _pointed(value: object, options: list[tuple[str, str, bool]]) -> list[int]:
    """The options ``value`` names: an index (from 0, or from 1 when it is the last), a letter or a text."""
    if isinstance(value, list):
        return [index for one in value for index in _pointed(one, options)]
    if isinstance(value, int) or (isinstance(value, str) and _NUMBER.match(value.strip())):
        number = int(value)
        if number == len(options):
            return [number - 1]
        return [number] if 0 <= number < len(options) else []
    if not isinstance(value, str):
        return []
    text = value.strip()
    letter = _LETTER.match(text)
    if letter:
        found = [index for index, (mark, _, _) in enumerate(options) if mark == letter.group(1).upper()]
        if found:
            return found
    wanted = text.casefold()
    return [index for index, (_, option, _) in enumerate(options) if option.strip().casefold() == wanted]


def _rows(values: list[object], section: str, line: int) -> list[tuple[Item, int | None]]:
    """Rows of values (``["Hund", "dog"]``): the first the question, the rest its answer, one a line."""
    if len(values) < 2 or not all(isinstance(row, list) and len(row) >= 2 and all(map(_scalar, row)) for row in values):
        return []
    out: list[tuple[Item, int | None]] = []
    for index, row in enumerate(values):
        cells = [_text(cell).strip() for cell in row]  # type: ignore[union-attr]
        if index == 0 and all(cell.lower() in _HEADER_WORDS for cell in cells[:2]):
            continue  # a header row
        if cells[0]:
            answer = hard_breaks("\n".join(cell for cell in cells[1:] if cell))
            out.append((Item(cells[0], answer, getattr(row, "line", 0) or line, section), None))
    return out


def _asked(node: dict[object, object], section: str, line: int) -> list[tuple[Item, int | None]]:
    """A mapping of questions to answers: most of its keys asking (ending in a question mark)."""
    pairs = [(str(key).strip(), value) for key, value in node.items() if isinstance(value, (str, list))]
    asking = sum(key.endswith(("?", "？")) for key, _ in pairs)
    if len(pairs) < 2 or asking * 2 < len(node):
        return []
    return [(Item(key, _answer(value), line, section), None) for key, value in pairs if key and _usable(value)]


def _answer(value: object) -> str:
    """An answer's value as Markdown: text (its line breaks kept), a list as a list, a mapping's text."""
    if isinstance(value, dict):
        keys = {_norm(key): text for key, text in value.items()}
        inner = next((keys[key] for key in (*ANSWER_KEYS, *_answering()) if _usable(keys.get(key))), None)
        return _answer(inner) if inner is not None else ""
    if isinstance(value, list):
        lines = []
        for one in value:
            text = _answer(one).strip()
            if text:
                first, *rest = text.split("\n")
                lines.append("\n".join([f"- {first}", *(f"  {more}" if more else "" for more in rest)]))
        return "\n".join(lines)
    return hard_breaks(_text(value).strip()) if value is not None else ""


def _extras(keys: dict[str, object], names: tuple[str, ...], answered: str | None) -> list[str]:
    """What follows the answer: an explanation as it is, an example or a note under its name (``**Example:**``)."""
    out = []
    for key in names:
        text = _answer(keys[key]) if key in keys and key != answered else ""
        if not text or key.startswith(("expl", "erkl")):
            out.append(text)
            continue
        written = getattr(keys, "written", {}).get(key, key)
        label = re.sub(r"(?<=[a-z])(?=[A-Z])|[_-]+", " ", written).strip().capitalize()
        out.append(f"**{label}:** {text}" if "\n" not in text else f"**{label}:**\n\n{text}")
    return out


def hard_breaks(text: str) -> str:
    """A data file's line breaks as Markdown's: the author broke the line (Markdown would join the two)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    fenced = False
    for index, line in enumerate(lines[:-1]):
        if _FENCE.match(line):
            fenced = not fenced
        following = lines[index + 1]
        if fenced or not line.strip() or not following.strip() or _BLOCK_START.match(following) \
                or _BLOCK_START.match(line) or line.endswith(("  ", "\\")):
            continue
        lines[index] = line + "  "
    return "\n".join(lines)


def _tags(keys: dict[str, object]) -> tuple[str, ...]:
    for name in TAG_KEYS:
        value = keys.get(name)
        if isinstance(value, list):
            return tuple(_text(tag).strip() for tag in value if _scalar(tag) and _text(tag).strip())
        if isinstance(value, str) and value.strip():
            parts = value.split(",") if "," in value else value.split()
            return tuple(part.strip().lstrip("#") for part in parts if part.strip())
    return ()


def _level(keys: dict[str, object]) -> tuple[str, int | None]:
    """The author's level as a word, or the number the author gave (scaled once the file is read)."""
    from ..tagging.difficulty import words_level  # the tagging package reads the layouts, which read markups

    for name in LEVEL_KEYS:
        value = keys.get(name)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int) or (isinstance(value, str) and _NUMBER.match(value.strip())):
            return "", int(value)
        if isinstance(value, str):
            return words_level(value), None
    return "", None


def _category(keys: dict[str, object]) -> str:
    """The entry's own category (the first of a list of them), "" for none."""
    for key in (*CATEGORY_KEYS, *(name + "s" for name in CATEGORY_KEYS)):
        value = keys.get(key)
        value = next((one for one in value if isinstance(one, str)), None) if isinstance(value, list) else value
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _scalar(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _usable(value: object) -> bool:
    """An answer's value: text or a number, a list of them, or a mapping holding an answer's text."""
    if _scalar(value):
        return True
    if isinstance(value, list):
        return bool(value) and all(_scalar(one) or isinstance(one, (list, dict)) for one in value)
    if isinstance(value, dict):
        keys = {_norm(key) for key in value}
        return any(key in keys for key in (*ANSWER_KEYS, *_answering()))
    return False


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@lru_cache(maxsize=4096)
def _norm(key: object) -> str:
    """A key as compared: lower case, without separators (``correct_answer`` -> ``correctanswer``)."""
    return re.sub(r"[\W_]+", "", str(key).lower())


@lru_cache(maxsize=1)
def _asking() -> tuple[str, ...]:
    from ..parsers.structure import ASKING_WORDS  # the layouts' package reads markups: imported when first asked

    return tuple(_norm(word) for word in ASKING_WORDS)


@lru_cache(maxsize=1)
def _answering() -> tuple[str, ...]:
    from ..parsers.structure import ANSWERING_WORDS

    return tuple(_norm(word) for word in ANSWERING_WORDS)
