"""The entries of a Q&A data file (parsed JSON or YAML): which mappings are cards, and what each card says.

An entry is a mapping with a question and an answer under any of the usual names
(``question``/``answer``, ``q``/``a``, ``front``/``back``, ``f``/``b``,
``term``/``definition``, ``questionText``, ``question_en``, ``q_en``, ``pregunta``/``respuesta``,
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
from typing import NamedTuple
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..parsers.markup import hard_breaks, html_to_markdown

#: Names of a question, and of an answer, in order of preference ("title" and "name" ask only beside an answer);
#: Q&A and instruction datasets' names too (``prompt``/``completion``, ``instruction``/``output``, ``query``/``response``).
QUESTION_KEYS = ("question", "q", "front", "f", "recto", "term", "word", "phrase", "prompt", "instruction", "query", "title",
                 "name", "summary")
ANSWER_KEYS = ("answer", "answers", "a", "back", "b", "verso", "definition", "meaning", "translation", "response", "completion",
               "output", "chosen", "reply", "solution", "acceptedanswer", "content", "text", "body", "description",
               "desc", "explanation")
#: Names that only name a thing (a post's title, a package's name) and names of any text (a post's body, a
#: package's description): entries of one of each are cards only when at least half of the file's such entries
#: end asking (a FAQ, some phrased as statements); blog posts, a package.json's or a map's places ask seldom
#: ("Why I use Vim" is a post's title).
_NAMING_KEYS = ("title", "name", "summary")
_TEXT_KEYS = ("content", "text", "body", "description", "desc")
#: What follows the question on the front (an instruction's ``input``), with the most characters it may have:
#: a ``context`` is the passage a reading-comprehension question is asked about, shared by the five-odd questions
#: on it and the answer a span of it, so only a short one (a sentence that sets the question) is shown.
_QUESTION_EXTRAS = (("input", None), ("context", 280))
#: An Anki deletion, ``{{c1::…}}``, in a ``text`` that is a cloze note's.
_CLOZE = re.compile(r"\{\{c\d+::")
#: A cloze note's fields shown after its text.
_CLOZE_EXTRAS = ("backextra", "extra", "back")
#: A prompt written for a model to complete ends with the label its answer follows (``Answer:``, ``### Response:``)
#: or a separator (``###``, ``->``), and may open with its own label (``### Question:``, ``Q:``, ``Human:``): the
#: template's words, not the question's.
_PROMPT_END = re.compile(r"(?:^|\s)(?:#{1,6}\s*)?(?:answer|a|response|output|assistant|ai|bot|gpt|completion|solution)"
                         r"\s*[:：]\s*$|\s(?:###|->|=>)\s*$", re.IGNORECASE)
_PROMPT_LABEL = re.compile(r"^(?:#{1,6}\s*)?(?:question|q|query|prompt|instruction|input|human|user)\s*[:：]\s*",
                           re.IGNORECASE)
#: What every completion of a dataset may end with to tell a model to stop (a word in capitals such as ``END``,
#: ``<|endoftext|>``, ``</s>``, ``###``, its ``<`` written as text): the template's, not the answer's, when all of a
#: file's answers (three or more) end with the same one.
_STOP = re.compile(r"\s*((?:<|&lt;)(?:\|[a-z_]+\||/s|eos)>|\b[A-Z]{3,}\b|###)\s*$")
#: Keys of an answer marked in a passage (SQuAD's ``answer_start``): several such answers to one question are
#: annotators marking the same span, so the first is the answer.
_SPAN_KEYS = ("answerstart", "answerspan", "spanstart", "start")
#: A chat record's turns (``messages: [{role, content}]``, ShareGPT's ``conversations: [{from, value}]``): the
#: key naming who speaks, the keys of what is said, and who asks and who answers (a system prompt does neither).
_ROLE_KEYS = ("role", "from", "speaker", "sender")
_TURN_TEXT_KEYS = ("content", "value", "text", "message", "parts")
_ASKING_ROLES = frozenset(("user", "human", "prompter", "question", "questioner"))
_ANSWERING_ROLES = frozenset(("assistant", "gpt", "bot", "model", "chatgpt", "ai", "answer", "answerer"))
#: Answers of datasets, and a chat's turns, are a model's or a writer's text (Markdown at most), never a page's
#: HTML: a tag in them is text ("Which tag makes text bold?" "<b>"), shown as written.
_TEXT_ANSWER_KEYS = ("completion", "output", "response", "chosen")
#: Inline code in such text, where a tag is already shown as written (the ``details`` layout's pattern).
_INLINE_CODE = re.compile(r"(`+)[^\n]+?\1")
#: What may follow a question's or an answer's name: ``questionText``, ``question_en``, ``answerHtml``.
_KEY_TAILS = ("text", "title", "body", "content", "html", "md", "markdown", "str", "string")
#: A language's code after a short name and a separator, as bilingual FAQs write it: ``q_es``, ``a-en``.
_LANGUAGE_TAIL = re.compile(r"[_-][A-Za-z]{2}")
_OPTION_KEYS = ("options", "opts", "choices", "answers", "alternatives", "possibleanswers", "answeroptions", "opciones",
                "opcoes", "opções", "optionen", "antworten", "réponses", "reponses", "risposte", "opzioni")
#: Names of the right option (its index, letter or text); the answer's own names come after these.
CORRECT_KEYS = ("correct", "correctanswer", "correctoption", "correctchoice", "correctindex", "correctanswerindex",
                "correctchoiceindex", "correctoptionindex", "answerindex", "answerkey", "rightanswer", "key",
                "respuestacorrecta", "correcta", "richtigeantwort", "bonnereponse", "bonneréponse", "rispostacorretta",
                "respostacorreta")
#: Names of an entry's right answer given as its text, where its wrong ones are listed apart or none are.
_RIGHT_ANSWER_KEYS = ("correctanswer", "rightanswer", "correctoption", "correctchoice", "respuestacorrecta",
                      "richtigeantwort", "bonnereponse", "bonneréponse", "rispostacorretta", "respostacorreta")
#: Names of the wrong answers listed apart from the right one.
_WRONG_KEYS = ("incorrectanswers", "wronganswers", "incorrectoptions", "wrongoptions", "distractors", "incorrect",
               "wrong", "respuestasincorrectas")
_FLAG_KEYS = ("iscorrect", "correct", "correcta", "correcto", "right", "isright", "istrue", "richtig", "correctanswer")
_OPTION_TEXT_KEYS = ("text", "answer", "option", "label", "value", "content", "choice", "title", "texto", "respuesta")
_EXTRA_KEYS = ("explanation", "explication", "explicación", "explicacion", "erklärung", "erklarung", "example",
               "examples", "examplesentence", "sentence", "note", "notes")
TAG_KEYS = ("tags", "tag", "labels", "keywords", "etiquetas")
LEVEL_KEYS = ("difficulty", "level", "difficultylevel", "dificultad", "schwierigkeit", "niveau", "nivel",
               "difficoltà", "difficolta")
CATEGORY_KEYS = ("category", "categoria", "categoría", "kategorie", "catégorie", "categorie", "topic", "subject",
                  "chapter", "section")
#: An entry's category under its own name or a list of them (``categories``): a dataset's hundred thousand entries
#: each look for it.
_CATEGORY_NAMES = (*CATEGORY_KEYS, *(name + "s" for name in CATEGORY_KEYS))
_SECTION_KEYS = ("title", "name", "category", "section", "heading", "label", "topic", "subject", "chapter")
#: Words two-language vocabulary entries name their languages by (the first one written is the front).
_LANGUAGES = frozenset("""
english spanish french german italian portuguese dutch swedish norwegian danish finnish icelandic polish czech
slovak hungarian romanian russian ukrainian greek turkish arabic hebrew persian hindi urdu bengali japanese chinese
mandarin cantonese korean vietnamese thai indonesian malay tagalog latin esperanto swahili catalan croatian serbian
bulgarian lithuanian latvian estonian irish welsh deutsch español espanol français francais italiano português
portugues nederlands svenska norsk dansk suomi polski русский 日本語 中文 한국어
""".split())
#: Languages' codes (ISO 639-1, ISO 639-2's for the most studied, and ``jp``, ``jap``, ``cn``, ``kr``, ``ua`` as
#: people write them), the keys of vocabulary entries as often as their names; codes that are common words or
#: names of other things (``id``, ``no``, ``is``, ``to``, ``as``, ``or``, ``in``, ``be``, ``my``, ``so``, ``me``,
#: ``hi``, ``ko``, ``ind``, ``nor``, ``fin``) are left out.
_LANGUAGE_CODES = frozenset("""
en es fr de it pt nl sv nb nn da fi pl cs sk hu ro ru uk ua el tr ar he fa ur bn ja jp zh cn kr vi th ms tl la
eo sw ca hr sr bg lt lv et ga cy hy am ka az kk uz sq mk sl bs af
eng spa fra fre deu ger ita por rus jpn jap zho chi kor ara heb hin tur pol nld dut swe dan ukr ell gre lat vie tha
""".split())
#: What follows a language's name in a key naming its words (``english_word``, ``japaneseText``).
_LANGUAGE_WORD_TAILS = ("words", "word", "term", "text", "translation")
#: How a vocabulary entry spells its word out (Japanese in rōmaji, Chinese in pinyin): shown after the answer.
_READING_KEYS = ("romaji", "pinyin", "reading", "kana", "furigana", "transliteration", "pronunciation")
#: A schema describes data, it holds none: its titles and descriptions are no cards.
_SCHEMA_KEYS = ("$schema", "$id", "$ref", "$defs")
_HEADER_WORDS = frozenset(("question", "answer", "front", "back", "term", "definition", "word", "meaning", "q", "a"))
_LETTER = re.compile(r"^\(?([A-Za-z])\)?[.):]?$")
_NUMBER = re.compile(r"^\d+$")


class _Keys(dict):  # type: ignore[type-arg]
    """An entry's keys as compared (:func:`norm_key`), each knowing how the author wrote it."""

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


class _Found(NamedTuple):
    """An entry found, before the file is read whole."""

    item: Item
    #: The level the author gave as a number, on a scale the whole file shows.
    number: int | None = None
    #: Its question is a title beside a text (see :data:`_NAMING_KEYS`).
    titled: bool = False


def items(data: object, records_only: bool = False) -> list[Item]:
    """Every entry in ``data``, in the file's order; with ``records_only``, mappings alone are entries (no rows)."""
    found = list(_walk(data, "", 0, not records_only))
    titled = [one.item.question for one in found if one.titled]
    if 2 * sum(map(_asks, titled)) < len(titled):
        found = [one for one in found if not one.titled]  # posts, packages, places: few of their titles ask
    found = _unstopped(found)
    numbers = [one.number for one in found if one.number is not None]
    top = max(numbers, default=0)
    out = []
    for item, number, _ in found:
        if number is not None and not item.level and 1 <= number <= 5 and top <= 5:
            scale = ("easy", "medium", "hard") if top <= 3 else ("easy", "easy", "medium", "hard", "hard")
            item = Item(item.question, item.answer, item.line, item.section, item.tags, scale[number - 1],
                        item.options)
        out.append(item)
    return out


def _unstopped(found: list[_Found]) -> list[_Found]:
    """The entries without the stop marker every answer of the file ends with (see :data:`_STOP`)."""
    ends = {(stop.group(1) if (stop := _STOP.search(one.item.answer)) else None) for one in found}
    if len(found) < 3 or len(ends) != 1 or None in ends:
        return found
    kept = [one._replace(item=replace(one.item, answer=_STOP.sub("", one.item.answer))) for one in found]
    return kept if all(one.item.answer.strip() for one in kept) else found


def _walk(node: object, section: str, line: int, rows: bool = True) -> Iterator[_Found]:
    line = getattr(node, "line", 0) or line
    if isinstance(node, dict):
        if any(key in node for key in _SCHEMA_KEYS) or ("type" in node and ("properties" in node or "items" in node)):
            return
        keys = _Keys((norm_key(key), value) for key, value in node.items())
        keys.written = {norm_key(key): str(key) for key in node}
        # Options may be mappings, and a question answered in text may come with a list of them (its sources,
        # the picture it asks about): still an entry.
        if not _groups(node) or _options(keys) is not None or _answered(keys):
            entry = _entry(keys, section, line)
            if entry is not None:
                yield entry
                return
        if (found := _rows(list(node.values()), section, line) if rows else []) or (found := _asked(node, section, line)) \
                or (found := _answered_chat(keys, section, line)):
            yield from found
            return
        title = next((_text(keys[key]) for key in _SECTION_KEYS if isinstance(keys.get(key), str)), section)
        holders = [key for key, value in node.items() if _groups({key: value})]
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                named = len(holders) > 1 and key in holders
                yield from _walk(value, _text(str(key)) if named else title, line, rows)
    elif isinstance(node, list):
        found = (_rows(node, section, line) if rows else []) or _turns(node, section, line)
        if found:
            yield from found
            return
        for value in node:
            yield from _walk(value, section, line, rows)


def _answered(keys: dict[str, object]) -> bool:
    """Does the entry hold a question (under a name only questions have, not a title's) and its answer as text or
    a number?"""
    answer = _answer_key(keys)
    if answer is None or not _scalar(keys[answer]):
        return False
    question = _question_key(keys, (answer,))
    return question is not None and not _base(question, _NAMING_KEYS) and isinstance(keys[question], str)


def _groups(node: dict[object, object]) -> bool:
    """Does the mapping hold a list of mappings (a group of entries, not an entry: answers marked in a passage are
    an entry's answer)?"""
    return any(isinstance(value, list) and any(isinstance(v, dict) for v in value)
               and not all(isinstance(v, dict) and _spanned(v) for v in value) for value in node.values())


def _entry(keys: dict[str, object], section: str, line: int) -> _Found | None:
    if (deleted := _cloze(keys, section, line)) is not None:
        return deleted
    options = _options(keys)
    titled = False
    if options is not None:
        # A multiple-choice entry without a question's name asks in its text (``{text, choices, answer}``).
        question_key = _question_key(keys, ()) or _text_key(keys, ())
        if question_key is None:
            return None
        right = _right(keys, options)
        answered = None if right else _answer_key(keys)  # no option marked right: the answer as written
        if not right and answered is None and _base(question_key, _NAMING_KEYS):
            return None  # a name asks only beside an answer: a form's field with its choices (``name``, ``choices``)
        if right:
            answer = "\n\n".join(f"**{options[index][0]}**: {options[index][1]}" for index in right)
        else:
            answer = _answer(keys[answered]) if answered else ""
        shown = tuple((letter, text) for letter, text, _ in options)
    else:
        answer_key = _answer_key(keys)
        question_key = _question_key(keys, (answer_key,)) if answer_key else None
        if question_key is None and answer_key is not None and not _base(answer_key, _TEXT_KEYS):
            question_key = _text_key(keys, (answer_key,))  # a text beside its answer asks: ``body``/``solution``
        if answer_key is None or question_key is None:
            return _two_languages(keys, section, line)
        titled = _base(question_key, _NAMING_KEYS) and _base(answer_key, _TEXT_KEYS)
        value = keys[answer_key]
        if _number(value) and _number(keys[question_key]):
            return None  # a tokenizer's vocabulary numbers its tokens, "q" and "a" among them
        if answer_key in _OPTION_KEYS and isinstance(value, str) and value.startswith("[") and value.endswith("]"):
            value = _listed(value)
        answer = _answer(value)
        if _base(answer_key, _TEXT_ANSWER_KEYS):
            answer = literal(answer)
        answered, shown = answer_key, ()
    question = _from_html(_unprompted(_text(keys[question_key]).strip()))
    if not question:
        return None
    for name, most in _QUESTION_EXTRAS:
        extra = _text(keys[name]).strip() if name != question_key and _scalar(keys.get(name)) else ""
        if extra and (most is None or len(extra) <= most):
            question = f"{question}\n\n{extra}"
    extras = _extras(keys, _EXTRA_KEYS, answered)
    if options is None and answer:
        extras = [extra for extra in extras if extra and extra.strip() not in answer]
    answer = "\n\n".join(part for part in (answer, *extras) if part) if answer else ""
    level, number = _level(keys)
    item = Item(question, answer, line, _category(keys) or section, _tags(keys), level, shown)
    return _Found(item, number, titled)


def _cloze(keys: dict[str, object], section: str, line: int) -> _Found | None:
    """An Anki cloze note written as its fields (``Text`` holding ``{{c1::…}}`` deletions, ``Back Extra``), as
    notes kept in front matter write one; None for any other entry."""
    text = keys.get("text")
    if not isinstance(text, str) or "{{c" not in text or not _CLOZE.search(text) or _question_key(keys, ()):
        return None
    extra = next((_answer(keys[key]) for key in _CLOZE_EXTRAS if _usable(keys.get(key))), "")
    level, number = _level(keys)
    return _Found(Item(text.strip(), extra, line, _category(keys) or section, _tags(keys), level, kind="cloze"), number)


#: Inline HTML a record's question is written in (an app that shows its cards as HTML: ``What does <code>ls</code>
#: print?``); a question that only holds angle brackets (``List<String>``, ``a < b``) holds none of it.
_INLINE_HTML = re.compile(r"<(?:b|i|em|strong|code|u|s|sub|sup|kbd|mark|var|tt|br|p|span|div)\b[^<>]*>", re.IGNORECASE)


def _from_html(question: str) -> str:
    """A question written in inline HTML as the Markdown it means (``<code>ls</code>``: `` `ls` ``), its entities
    read; as it is when it holds no such markup. Its answer is read so where its block is (as a page's HTML is)."""
    if "<" not in question or _INLINE_HTML.search(question) is None:
        return question
    return html_to_markdown(question).strip()


def _unprompted(text: str) -> str:
    """A question as asked, its prompt template's labels and separator (see :data:`_PROMPT_END`) left out."""
    end = _PROMPT_END.search(text)
    if end is None:
        return text
    return _PROMPT_LABEL.sub("", text[:end.start()].strip(), count=1).strip() or text


def _question_key(keys: dict[str, object], taken: tuple[str | None, ...]) -> str | None:
    return next((key for key in _named(keys, QUESTION_KEYS, _asking()) if key not in taken and _scalar(keys[key])),
                None)


def _text_key(keys: dict[str, object], taken: tuple[str | None, ...]) -> str | None:
    """The first key of a text (``text``, ``body``, ``content`` …) not ``taken``: what asks in an entry with no
    question's name."""
    return next((key for key in _TEXT_KEYS if key not in taken and isinstance(keys.get(key), str)), None)


def _answer_key(keys: dict[str, object]) -> str | None:
    # A true-or-false question's "answer: false" is its answer; other true/false values are flags.
    found = next((key for key in _named(keys, ANSWER_KEYS, _answering())
                  if _usable(keys[key]) or isinstance(keys[key], bool) and norm_key(key) == "answer"), None)
    # A quiz entry that names only its right answer ("correct_answer", a true-or-false one's "False").
    return found or next((name for name in _RIGHT_ANSWER_KEYS if name in keys and _usable(keys[name])), None)


def _named(keys: dict[str, object], names: tuple[str, ...], words: tuple[str, ...]) -> Iterator[str]:
    """The keys among ``keys`` that are one of ``names`` or ``words``, or one with a tail (in that order)."""
    for name in (*names, *words):
        if name in keys:
            yield name
    written = getattr(keys, "written", {})
    for name in (*names, *words):
        short = len(name) < 4  # ``q``, ``a``: a tail only where the author set a language apart (``q_en``)
        for key in keys:
            tail = key[len(name):]
            if not key.startswith(name) or not tail:
                continue
            if short:
                if _LANGUAGE_TAIL.fullmatch(written.get(key, "")[len(name):]):
                    yield key
            elif tail in _KEY_TAILS or (len(tail) == 2 and tail.isalpha()):
                yield key


def _two_languages(keys: dict[str, object], section: str, line: int) -> _Found | None:
    """A vocabulary entry naming its languages (``german``/``english``, or their codes ``de``/``en``): the first
    language written asks, the second answers, a reading (``romaji``, ``pinyin``) and the other languages
    after it. A language's words may be a list (its meanings)."""
    words = [key for key, value in keys.items() if _language(key) and _words(value)]
    if len(words) < 2:
        return None
    answer = _answer(keys[words[1]])
    extras = _extras(keys, (*_READING_KEYS, *words[2:], *_EXTRA_KEYS, "translation"), None)
    answer = "\n\n".join(part for part in (answer, *extras) if part)
    level, number = _level(keys)
    front = keys[words[0]]
    question = ", ".join(map(str, front)) if isinstance(front, list) else _text(front)
    item = Item(question.strip(), answer, line, _category(keys) or section, _tags(keys), level)
    return _Found(item, number)


def _language(key: str) -> bool:
    """Does a key name a language (``german``, ``de``), or its words as a table's column does (``english_word``)?"""
    if key in _LANGUAGES or key in _LANGUAGE_CODES:
        return True
    stem = next((key[:-len(tail)] for tail in _LANGUAGE_WORD_TAILS if key.endswith(tail)), "")
    return stem in _LANGUAGES


def _words(value: object) -> bool:
    """Is ``value`` a language's words: text, or a list of texts (its meanings)?"""
    if isinstance(value, list):
        return bool(value) and all(isinstance(one, str) for one in value) and any(one.strip() for one in value)
    return isinstance(value, str) and bool(value.strip())


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
                    fields = {norm_key(key): text for key, text in option.items()}
                    text = next((_text(fields[k]) for k in (*_OPTION_TEXT_KEYS, *fields) if _scalar(fields.get(k))
                                 and (k in _OPTION_TEXT_KEYS or _base(k, _OPTION_TEXT_KEYS))), None)
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
    return _lettered(keys) or _numbered(keys) or _with_distractors(keys)


def _lettered(keys: dict[str, object]) -> list[tuple[str, str, bool]] | None:
    """The options of an entry that keeps them under their letters beside its question (``a``, ``b``, ``c`` …, as
    quiz files and exam templates write them), the right one named by its letter (``answer: "C"``); None when no
    letter names one (``q``/``a``/``b`` are a question and its answer)."""
    if not (_scalar(keys.get("a")) and _scalar(keys.get("b"))):
        return None
    options: list[tuple[str, str, bool]] = []
    for letter in "abcdefgh":
        if not _scalar(keys.get(letter)):
            break
        options.append((letter.upper(), _text(keys[letter]), False))
    for name in (*CORRECT_KEYS, "answer", "solution", "correct"):
        value = keys.get(name)
        found = _LETTER.match(value.strip()) if isinstance(value, str) else None
        index = ord(found.group(1).lower()) - ord("a") if found else -1
        if 0 <= index < len(options):
            options[index] = (*options[index][:2], True)
            return options
    return None


def _numbered(keys: dict[str, object]) -> list[tuple[str, str, bool]] | None:
    """The options of an entry that numbers them from 1 beside its question (``choice1`` … ``choice4``, as quiz
    app tutorials write them), the right one named by its number (``answer: 3``, counted from 1 as the names are)
    or its text; None when fewer than two are numbered or none is named right."""
    if "choice1" not in keys and "option1" not in keys and "opt1" not in keys and "alternative1" not in keys:
        return None  # the cheap test: most entries number nothing
    for stem in ("choice", "option", "opt", "alternative"):
        texts: list[str] = []
        while _scalar(keys.get(f"{stem}{len(texts) + 1}")) and len(texts) < 9:
            texts.append(_text(keys[f"{stem}{len(texts) + 1}"]))
        if len(texts) < 2:
            continue
        options = [(chr(ord("A") + index), text, False) for index, text in enumerate(texts)]
        for name in (*CORRECT_KEYS, "answer", "solution"):
            value = keys.get(name)
            if isinstance(value, bool) or value is None:
                continue
            written = str(value).strip()
            spelled = [index for index, text in enumerate(texts) if text.strip().casefold() == written.casefold()]
            if spelled and isinstance(value, str):
                index = spelled[0]  # the right option's text (options may be numbers themselves)
            else:
                index = int(written) - 1 if _NUMBER.match(written) else -1
            if 0 <= index < len(options):
                options[index] = (*options[index][:2], True)
                return options
    return None


def _with_distractors(keys: dict[str, object]) -> list[tuple[str, str, bool]] | None:
    """The options of an entry that names its right answer and lists the wrong ones apart (Open Trivia DB's
    ``correct_answer`` and ``incorrect_answers``): all of them in alphabetical order, the right one flagged. A
    true-or-false entry's are no options: its right answer is its answer."""
    right = next((keys[name] for name in _RIGHT_ANSWER_KEYS if name in keys and _scalar(keys[name])), None)
    wrong = next((keys[name] for name in _WRONG_KEYS if isinstance(keys.get(name), list)), None)
    if right is None or not wrong or not all(_scalar(one) for one in wrong):
        return None
    texts = sorted({_text(right), *map(_text, wrong)}, key=str.casefold)
    if len(texts) < 2 or {text.casefold() for text in texts} == {"true", "false"}:
        return None
    return [(chr(ord("A") + index), text, text == _text(right)) for index, text in enumerate(texts[:26])]


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
    for name in (*CORRECT_KEYS, *_named(keys, ("answer", "a"), _answering())):
        if name in keys and keys[name] is not None and not isinstance(keys[name], bool):
            found = _pointed(keys[name], options)
            if found:
                return found
    return []


def _pointed(value: object, options: list[tuple[str, str, bool]]) -> list[int]:
    """The options ``value`` names: an index (from 0, or from 1 when it is the last), a letter or a text."""
    if isinstance(value, list):
        return [index for one in value for index in _pointed(one, options)]
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        # Options that are numbers ("7", "3", "4"): a right answer written as text names the option it spells.
        spelled = [index for index, (_, option, _) in enumerate(options) if option.strip() == value.strip()]
        if spelled:
            return spelled
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


def _rows(values: list[object], section: str, line: int) -> list[_Found]:
    """Rows of values (``["Hund", "dog"]``): the first the question, the rest its answer, one a line."""
    if len(values) < 2 or not all(isinstance(row, list) and len(row) >= 2 and all(map(_scalar, row)) for row in values):
        return []
    out: list[_Found] = []
    for index, row in enumerate(values):
        cells = [_text(cell).strip() for cell in row]  # type: ignore[union-attr]
        if index == 0 and all(cell.lower() in _HEADER_WORDS for cell in cells[:2]):
            continue  # a header row
        if cells[0]:
            answer = hard_breaks("\n".join(cell for cell in cells[1:] if cell))
            out.append(_Found(Item(cells[0], answer, getattr(row, "line", 0) or line, section)))
    return out


def _asked(node: dict[object, object], section: str, line: int) -> list[_Found]:
    """A mapping of questions to answers: most of its keys asking (ending in a question mark)."""
    pairs = [(str(key).strip(), value) for key, value in node.items() if isinstance(value, (str, list))]
    asking = sum(key.endswith(("?", "？")) for key, _ in pairs)
    if len(pairs) < 2 or asking * 2 < len(node):
        return []
    return [_Found(Item(key, _answer(value), line, section)) for key, value in pairs if key and _usable(value)]


def _answer(value: object) -> str:
    """An answer's value as Markdown: text (its line breaks kept), a list as a list (the same text once), a
    mapping's text; of answers marked in a passage, the first."""
    value = _first_span(value)
    if isinstance(value, bool):
        return "True" if value else "False"  # a true-or-false question's
    if isinstance(value, dict):
        keys = {norm_key(key): text for key, text in value.items()}
        inner = next((keys[key] for key in (*ANSWER_KEYS, *_answering()) if _usable(keys.get(key))), None)
        return _answer(inner) if inner is not None else ""
    if isinstance(value, list):
        texts: dict[str, str] = {}
        for one in value:
            text = _answer(one).strip()
            if text:
                texts.setdefault(text.casefold(), text)
        if len(texts) == 1:
            return next(iter(texts.values()))  # one answer (["и"]), or one given again ("Au", "au"): no list
        lines = []
        for text in texts.values():
            first, *rest = text.split("\n")
            lines.append("\n".join([f"- {first}", *(f"  {more}" if more else "" for more in rest)]))
        return "\n".join(lines)
    return hard_breaks(_text(value).strip()) if value is not None else ""


def _first_span(value: object) -> object:
    """SQuAD's answers (``[{text, answer_start}, …]`` or ``{text: […], answer_start: […]}``): the first one's text.
    Anything else as it is."""
    if isinstance(value, dict) and _spanned(value):
        texts = next((text for key, text in value.items() if norm_key(key) in ANSWER_KEYS), None)
        return texts[0] if isinstance(texts, list) and texts else texts
    if isinstance(value, list) and value and all(isinstance(one, dict) and _spanned(one) for one in value):
        return value[0]
    return value


def _spanned(value: dict[object, object]) -> bool:
    return any(norm_key(key) in _SPAN_KEYS for key in value)


def _turns(values: list[object], section: str, line: int) -> list[_Found]:
    """A chat's turns: each one asking (a user's) followed by one answering (an assistant's) is a card."""
    turns: list[tuple[str, str, int]] = []
    for value in values:
        if not isinstance(value, dict):
            return []
        fields = {norm_key(key): one for key, one in value.items()}
        role = next((fields[key] for key in _ROLE_KEYS if isinstance(fields.get(key), str)), None)
        said = next((fields[key] for key in _TURN_TEXT_KEYS if key in fields), None)
        if role is None or said is None:
            return []
        turns.append((norm_key(role), _said(said), getattr(value, "line", 0) or line))
    if not any(role in _ASKING_ROLES for role, _, _ in turns) or not any(role in _ANSWERING_ROLES for role, _, _ in turns):
        return []
    return [_Found(Item(asked.strip(), literal(hard_breaks(said.strip())), at, section))
            for (role, asked, at), (reply, said, _) in zip(turns, turns[1:])
            if role in _ASKING_ROLES and reply in _ANSWERING_ROLES and asked.strip() and said.strip()]


def literal(text: str) -> str:
    """Markdown text whose tags outside code (as the layouts read fences) are shown as written (``&lt;``), never
    read as HTML."""
    if "<" not in text:
        return text
    from ..model import Source
    from ..parsers.structure import outline  # the layouts' package reads markups: imported when first asked

    lines = outline(Source(Path("<entry>"), "\n" + text))[1:]  # a blank line first: no front matter to leave out
    return "\n".join(line.text if line.code or "<" not in line.text else _outside_code(line.text) for line in lines)


def _outside_code(line: str) -> str:
    out, start = [], 0
    for code in _INLINE_CODE.finditer(line):
        out += [line[start:code.start()].replace("<", "&lt;"), code.group(0)]
        start = code.end()
    return "".join([*out, line[start:].replace("<", "&lt;")])


def _answered_chat(keys: dict[str, object], section: str, line: int) -> list[_Found]:
    """A chat ending in a question, its answer a turn beside it (preference data: ``conversations`` and the
    ``chosen`` reply, the ``rejected`` one left out)."""
    reply = next((keys[key] for key in ANSWER_KEYS if isinstance(keys.get(key), dict)), None)
    chats = [value for value in keys.values() if isinstance(value, list) and value and isinstance(value[-1], dict)]
    if reply is None or len(chats) != 1:
        return []
    return _turns([*chats[0], reply], section, line)


def _said(value: object) -> str:
    """A turn's text: a string, or the text parts of a list of them (``[{type: text, text}]``)."""
    if isinstance(value, list):
        parts = (one if isinstance(one, str) else next((one[key] for key in ("text", "value", "content")
                                                         if isinstance(one.get(key), str)), None)
                 if isinstance(one, dict) else None for one in value)
        return "\n\n".join(part for part in parts if isinstance(part, str))
    return _text(value) if _scalar(value) else ""


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
    for key in _CATEGORY_NAMES:
        value = keys.get(key)
        value = next((one for one in value if isinstance(one, str)), None) if isinstance(value, list) else value
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _base(key: str, names: tuple[str, ...]) -> bool:
    """Is ``key`` one of ``names``, or one with a tail (``titleText``)?"""
    return any(key == name or key.startswith(name) and key[len(name):] in _KEY_TAILS for name in names)


def _asks(value: object) -> bool:
    """Does a title end asking? A post's title may open as a question does ("Why I use Vim")."""
    from ..parsers.structure import ends_asking  # the layouts' package reads markups: imported when first asked

    return ends_asking(_text(value).strip())


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _scalar(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _usable(value: object) -> bool:
    """An answer's value: text or a number, a list of them, or a mapping holding an answer's text."""
    if _scalar(value):
        return True
    if isinstance(value, list):
        return bool(value) and all(_scalar(one) or isinstance(one, (list, dict)) for one in value)
    if isinstance(value, dict):
        keys = {norm_key(key) for key in value}
        return any(key in keys for key in (*ANSWER_KEYS, *_answering()))
    return False


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@lru_cache(maxsize=4096)
def norm_key(key: object) -> str:
    """A key as compared: lower case, without separators (``correct_answer`` -> ``correctanswer``)."""
    return re.sub(r"[\W_]+", "", str(key).lower())


@lru_cache(maxsize=1)
def _asking() -> tuple[str, ...]:
    from ..parsers.structure import ASKING_WORDS  # the layouts' package reads markups: imported when first asked

    return tuple(norm_key(word) for word in ASKING_WORDS)


@lru_cache(maxsize=1)
def _answering() -> tuple[str, ...]:
    from ..parsers.structure import ANSWERING_WORDS

    return tuple(norm_key(word) for word in ANSWERING_WORDS)


# --- vocabulary kept as a mapping: words to their meanings ----------------------------------------

#: Keys of a program's or a page's own fields: a config's, a package's or a site's, never a word to learn.
_FIELD_NAMES = frozenset(("name", "title", "description", "version", "author", "authors", "license", "email", "url",
                          "homepage", "repository", "main", "type", "id", "lang", "locale", "theme", "baseurl",
                          "tags", "keywords", "categories", "private", "scripts", "dependencies"))
#: What makes a key a name in a program rather than a word: snake_case, a dotted path, camelCase, letters and
#: digits run together (``item1``, ``h2``). Words people study have spaces, hyphens and any script, not these.
_IDENTIFIER = re.compile(r"_|\w\.\w|[a-z][A-Z]|[^\W\d_]\d|\d[^\W\d_]")
#: A placeholder a program fills in (``{name}``, ``{{count}}``, ``%s``, ``${x}``): a locale file's message.
_PLACEHOLDER = re.compile(r"\{\{?\s*[\w.]*\s*\}\}?|%[sd@]|%\(\w+\)[sd]|\$\{")
#: The most characters of a key of a word's forms (``M``/``P``, ``1``…``6``, ``sg``/``pl``).
_FORM_KEY = 3


def glossary(data: object) -> list[Item]:
    """A vocabulary kept as a mapping: words to their meanings (``{"Hund": "dog"}``, ``Hund: dog``), the same
    under topics (``{"animals": {…}}``: the topic is the section), or a list of one-word mappings
    (``- to jump: прыгать``). The word is the front, its meaning the back (several meanings a list; a mapping of
    its forms, ``{M: дом, P: дома}``, one form a line). [] for anything else: a config, a locale file (its keys
    are names in a program, its messages hold placeholders, or name their own key) or a tokenizer's vocabulary
    (numbers, not meanings) look the same at a glance, and more than one entry in ten so tells them apart."""
    entries = _glossed(data)
    if entries is None or len(entries) < 2:
        return []
    named = sum(_programs(key, value) for _, key, value, _ in entries)
    answered = sum(bool(_meaning(value)) for _, _, value, _ in entries)
    if named * 10 > len(entries) or answered * 2 < len(entries):
        return []
    return [Item(key, _meaning(value), line, section) for section, key, value, line in entries]


def _glossed(data: object) -> list[tuple[str, str, object, int]] | None:
    """(section, word, meaning, line) of each entry of a vocabulary mapping, None when ``data`` is not one."""
    line = getattr(data, "line", 0)
    if isinstance(data, list):
        if not data or not all(isinstance(one, dict) and len(one) == 1 for one in data):
            return None
        pairs = [(key, value, getattr(one, "line", 0) or line) for one in data for key, value in one.items()]
        return [("", str(key).strip(), value, at) for key, value, at in pairs] \
            if all(_word(key) and _meant(value) for key, value, _ in pairs) else None
    if not isinstance(data, dict) or not data:
        return None
    pairs = _as_written(data)
    if all(_word(key) and _meant(value) for key, value, _ in pairs):
        return [("", str(key).strip(), value, line) for key, value, line in pairs]
    groups = [(str(key).strip(), _glossed(value)) for key, value, _ in pairs
              if _word(key) and isinstance(value, dict) and not _forms(value)]
    if len(groups) != len(data) or any(entries is None for _, entries in groups):
        return None
    return [(topic, key, value, at) for topic, entries in groups for _, key, value, at in entries or ()]


def _word(key: object) -> bool:
    return isinstance(key, (str, int)) and not isinstance(key, bool) and bool(str(key).strip())


def _meant(value: object) -> bool:
    """A word's meaning: text (empty when not written yet), a list of texts, or a mapping of its forms."""
    return value is None or _words(value) or value == "" or _forms(value)


def _forms(value: object) -> bool:
    """A word's forms under short names (``{M: дом, P: дома}``, conjugations ``{1: …, 2: …}``)."""
    return isinstance(value, dict) and bool(value) and all(
        _word(key) and len(str(key)) <= _FORM_KEY and isinstance(form, str) for key, form in value.items())


def _meaning(value: object) -> str:
    if isinstance(value, dict):
        return hard_breaks("\n".join(f"{key}: {form.strip()}" for key, form in value.items() if form.strip()))
    return _answer(value)


def _programs(key: str, value: object) -> bool:
    """Does the entry look like a program's (a config's, a locale file's) rather than a word and its meaning?"""
    if key.lower() in _FIELD_NAMES or (" " not in key and _IDENTIFIER.search(key)):
        return True
    texts = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    folded = key.casefold()
    return any(_PLACEHOLDER.search(text) or folded in text.casefold().split() for text in texts)


def _as_written(mapping: dict[object, object]) -> list[tuple[object, object, int]]:
    """(key, value, line) of each of ``mapping``'s keys: YAML's booleans as the words they were (``no``, ``on``:
    the loader keeps them in ``booleans``), the line the key is on where the loader knows it (``key_lines``)."""
    booleans = getattr(mapping, "booleans", {})
    lines = getattr(mapping, "key_lines", {})
    out = []
    for key, value in mapping.items():
        written_key, written_value = booleans.get(key, (None, None))
        out.append((written_key or key, value if written_value is None else written_value,
                    lines.get(key) or getattr(mapping, "line", 0)))
    return out
