"""Moodle XML question banks (``.xml`` whose root is ``<quiz>``) as the Markdown the layouts read.

A bank is ``<quiz>`` holding ``<question type="…">`` elements: ``category``
questions switch the category of the ones after them (its path is their
section), ``description`` ones are text, and the others are questions:
``multichoice`` (``<answer fraction="100">`` right, partial fractions for a
question with several right answers), ``truefalse``, ``shortanswer``,
``numerical`` (with ``<tolerance>`` and ``<units>``), ``matching``
(``<subquestion>`` pairs, as any type holding them), ``essay``, and ``multianswer`` or ``cloze`` (gaps such as
``{1:SHORTANSWER:=Berlin}`` or ``{:MC:~wrong~=right}`` inside the text); any
other type gives the answers it rates 100%, or none (reported as unanswered).
What each kind makes is :mod:`.moodle`'s. Question and answer text is HTML (or
Moodle's other text formats) in ``<text>`` elements, escaped or in CDATA, and is
converted to Markdown as HTML pages are: scripts and styles go, and nothing is
passed through as markup. A picture stored in the bank (a ``<file>`` element,
base64, beside the text that shows it as ``@@PLUGINFILE@@/x.png``) is written
as a reference to that element, ``document-part:N/x.png`` (``N`` its place
among the stored files, see :mod:`.stored`), so it reaches the deck; the text
looks for the file among its own question's, as Moodle does; one it does not
find is its alt text.

The XML is scanned, never parsed as XML, as the other XML readers do: no entity
is expanded and nothing it names is fetched. An element left open or closed in
the wrong place is an error naming its line. A card points at its question's lines in the XML.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, unquote

from ..errors import SourceError
from . import moodle
from .archive import PART
from .stored import STORED
from .datacards import Item
from .moodle import Answer
from .outliner import line_at

_KIND = "a Moodle XML quiz"
#: The root element, after the XML declaration, comments and a doctype.
_ROOT = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<quiz\b", re.DOTALL)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: Stored files (base64): the same lines, none of their bytes left to scan.
_FILE = re.compile(r"<file\b[^>]*>.*?</file\s*>", re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z_][\w:.-]*)\b[^>]*?(/?)>")
_QUESTION = re.compile(r"<question\b([^>]*)>(.*?)</question\s*>", re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([\w-]+)""")
_FRACTION = re.compile(r"""\bfraction\s*=\s*["']?(-?[\d.]+)""")
_FORMAT = re.compile(r"""\bformat\s*=\s*["']?([\w-]+)""")
_PLUGINFILE = re.compile(r"@@PLUGINFILE@@(/[^\s\"'<>()\]&]*)")
_FILE_NAME = re.compile(r"""\b(name|path)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def is_quiz(text: str) -> bool:
    """Is this XML a Moodle question bank (its root ``<quiz>``)?"""
    return bool(_ROOT.match(text))


def to_markdown(text: str) -> str:
    """The bank's questions as Markdown ("" when it holds none); :class:`SourceError` naming the line of an
    element left open or closed in the wrong place."""
    if "@@PLUGINFILE@@" in text:
        text = _stored_pictures(text)
    text = _FILE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _CDATA.sub(lambda m: html.escape(m.group(1), quote=False), text)  # markup in CDATA is text, as escaped
    _check_nesting(text)
    items: list[tuple[Item, list[str]]] = []
    path: list[str] = []
    for found in _QUESTION.finditer(text):
        attributes, body = found.groups()
        kind = (_TYPE.search(attributes).group(1) if _TYPE.search(attributes) else "").lower()
        if kind == "category":
            path = moodle.category(moodle.plain(_text(_element(body, "category")[1])))
            continue
        item = _question(kind, body, line_at(text, found.start()))
        if item is not None:
            items.append((item, path))
    return moodle.markdown(items, text.count("\n") + 1) if items else ""


def _stored_pictures(text: str) -> str:
    """The bank with each ``@@PLUGINFILE@@/path/name`` that one of its question's ``<file>`` elements holds
    naming that element (see the module docstring): the first such file after the reference (Moodle writes
    a text's files after it), else the last before."""
    files = []  # (start, end, place among the stored payloads, path and name)
    for number, found in enumerate(STORED.finditer(text)):
        if found.group(3) is not None:
            named = {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
                     for m in _FILE_NAME.finditer(found.group(3))}
            if named.get("name"):
                folder = named.get("path", "/").strip("/")
                files.append((found.start(), found.end(), number, f"{folder}/{named['name']}".lstrip("/"), named["name"]))
    if not files:
        return text
    questions = [(m.start(), m.end()) for m in re.finditer(r"<question\b.*?</question\s*>", text, re.DOTALL)]

    def swap(found: re.Match[str]) -> str:
        wanted = unquote(html.unescape(found.group(1))).strip("/")
        around = next(((start, end) for start, end in questions if start <= found.start() < end), None)
        if around is None:
            return found.group()
        mine = [f for f in files if around[0] <= f[0] < around[1] and f[3] == wanted]
        chosen = next((f for f in mine if f[0] > found.start()), mine[-1] if mine else None)
        return found.group() if chosen is None else f"{PART}{chosen[2]}/{quote(chosen[4])}"

    return _PLUGINFILE.sub(swap, text)


def _check_nesting(text: str) -> None:
    """Every element closed, and in the order opened: what a parser would refuse, said with its line."""
    opened: list[tuple[str, int]] = []
    for tag in _TAG.finditer(text):
        closing, name, alone = tag.groups()
        if alone:
            continue
        if not closing:
            opened.append((name, tag.start()))
        elif not opened or opened[-1][0] != name:
            expected = f"<{opened[-1][0]}> opened on line {line_at(text, opened[-1][1])}" if opened else "no open element"
            raise SourceError(f"{_KIND} that is not well-formed XML: </{name}> closes {expected}",
                              line=line_at(text, tag.start()))
        else:
            opened.pop()
    if opened:
        name, at = opened[-1]
        raise SourceError(f"{_KIND} that is not well-formed XML: <{name}> opened here is never closed",
                          line=line_at(text, at))


def _question(kind: str, body: str, line: int) -> Item | None:
    """One question's card (None for a description or a question with no text)."""
    attributes, inner = _element(body, "questiontext")
    form = _format(attributes)
    question = moodle.as_markdown(_text(inner), form)
    notes = _markdown(_element(body, "generalfeedback"))
    if kind == "description" or not question:
        return None
    if kind in ("multianswer", "cloze"):  # "cloze" is the name Moodle's import takes for it too
        return moodle.cloze(question, line, notes)
    if kind == "matching" or "<subquestion" in body:  # plugins' matching types (ddmatch) hold the same pairs
        pairs = [(_markdown(sub, form), _markdown(_element(sub[1], "answer"), form))
                 for sub in _elements(body, "subquestion")]
        return moodle.matching(question, pairs, line, notes)
    answers = [_answer(attributes, inner, form) for attributes, inner in _answers(body)]
    if kind == "multichoice":
        return moodle.choice(question, answers, line, notes)
    if kind == "truefalse":
        chosen = moodle.right(answers)
        if chosen and chosen[0].text.lower() in ("true", "false"):
            return moodle.true_false(question, chosen[0].text.lower() == "true", line,
                                     "\n\n".join(part for part in (chosen[0].feedback, notes) if part))
        return moodle.accepted(question, answers, line, notes)
    if kind == "numerical":
        unit = next((_plain(_element(inner, "unit_name")) for _, inner in _elements(body, "unit")
                     if _plain(_element(inner, "multiplier")) in ("1", "1.0", "")), "")
        answers = [Answer(moodle.number(answer.text, _plain(_element(inner, "tolerance"))) + (f" {unit}" if unit else ""),
                          answer.weight, answer.feedback)
                   for answer, (_, inner) in zip(answers, _answers(body))]
        return moodle.accepted(question, answers, line, notes)
    if kind == "essay" or not answers:
        return Item(question, "", line)  # nothing to learn by heart: reported as unanswered
    return moodle.accepted(question, answers, line, notes)


def _answers(body: str) -> list[tuple[str, str]]:
    """(attributes, inner XML) of a question's own ``<answer>`` elements (a matching question's are inside its
    subquestions, read there)."""
    return re.findall(r"<answer\b([^>]*)>(.*?)</answer\s*>", body, re.DOTALL)


def _answer(attributes: str, inner: str, form: str) -> Answer:
    fraction = _FRACTION.search(attributes)
    text = moodle.as_markdown(_text(inner), _format(attributes, form))
    return Answer(moodle.one_line(text), float(fraction.group(1)) if fraction else 0.0,
                  _markdown(_element(inner, "feedback"), form))


def _element(body: str, name: str) -> tuple[str, str]:
    """(attributes, inner XML) of the first ``<name>`` element in ``body`` (both "" when there is none)."""
    found = re.search(rf"<{name}\b([^>]*)>(.*?)</{name}\s*>", body, re.DOTALL)
    return (found.group(1), found.group(2)) if found else ("", "")


def _elements(body: str, name: str) -> list[tuple[str, str]]:
    return re.findall(rf"<{name}\b([^>]*)>(.*?)</{name}\s*>", body, re.DOTALL)


def _format(attributes: str, default: str = "html") -> str:
    found = _FORMAT.search(attributes)
    return found.group(1) if found else default


def _text(inner: str) -> str:
    """The text of an element's ``<text>`` child, unescaped: HTML as its author wrote it."""
    found = re.search(r"<text\b[^>]*>(.*?)</text\s*>", inner, re.DOTALL)
    return html.unescape(found.group(1)) if found else ""


def _markdown(element: tuple[str, str], default: str = "html") -> str:
    """An element's ``<text>`` as Markdown, in the element's own format or ``default``."""
    attributes, inner = element
    return moodle.as_markdown(_text(inner), _format(attributes, default))


def _plain(element: tuple[str, str]) -> str:
    """An element's own text (no ``<text>`` child), such as a tolerance or a unit's name."""
    return html.unescape(element[1]).strip()
