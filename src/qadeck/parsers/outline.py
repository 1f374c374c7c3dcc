"""Layout ``outline``: plain-text FAQs whose questions open paragraphs at one indentation.

    * Does it have a mailing list?          Frequently Asked Questions
                                              Why did you write it?
    No, but the developers' list is open.       Because the others were slow.

    * It does not start.                      Why should I use cronolog?
                                                It rotates logs without a restart.
    Run it with -debug and send the log.

A question is a line that opens a paragraph either behind a bullet (``*``,
``-``, ``o``, ``•``) standing alone, or at an indentation with its answer
indented deeper below it (a blank line between or not), or on its own, ending
in ``?``, with its answer below at the same indentation (a bare question, as
FAQs copied out of Word or a web page have them). A question that stops mid-sentence
and goes on over the next lines at its indentation, its answer indented deeper, is
that whole paragraph. Of those, the questions are the ones sharing
the indentation and bullet where most of them ask (end in ``?`` or open with
a question word), and there every one between the first and the last asking
one is an entry, however it is phrased. The answer runs to the next question
or heading (or, under a bulleted question on its own line, to the next bullet after the answer typed
at the margin below it); where two answers in three at least are nested under their questions (a note app's toggles),
a nested answer ends where the text comes back to the questions' margin.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from collections.abc import Sequence

from .repair import clean
from ..model import Source
from . import common
from .entries import Entry, coverage, make_layout
from .headings import asks
from .structure import CJK_ASKING, OTHER_ASKING, Line, cjk_asks, ends_asking, heading

NAME = "outline"

_BULLET = re.compile(r"^(\s*)([*o•+-])\s+(\S.*?)\s*$")
_ASKING = re.compile(
    r"^(?:what|why|how|when|where|which|who|is|are|was|were|can|could|do|does|did|should|would|will|shall"
    r"|may|must|has|have|am|i|my)\b",
    re.IGNORECASE,
)
_BULLET_MARKS = frozenset("*o•+-")
#: How a question set in bold or italics opens.
_EMPHASIS = frozenset({"**", "__", "*", "_"})
#: The kind of a question line with no bullet and nothing indented under it: it asks by ending in "?".
_BARE = "?"
_SENTENCE_END = re.compile(r"[.!?]\s+\S")
#: Lines that open with markup are headings, tables, HTML or links: never a bare question.
_MARKUP = frozenset("#|<>![`")
_ENUMERATED = re.compile(r"^(?:[ivx]{1,4}|\d{1,3}|[a-z])[.)]\s")
_LONGEST = 160
#: Spaces before a bare question that still leave it at the margin.
_STRAY = 3
#: A short note in brackets after a question's mark: "(1 min to pitch)", "(2 marks)".
_NOTE_AFTER = re.compile(r"(?<=[?？])[ \t]*\([^()\n]{1,60}\)$")
#: "1- ", "2) ": a number before the question, which it does not ask.
_NUMBER = re.compile(r"^\d{1,3}\s*[-.)]\s+")
#: How a line of code ends (a statement, a block, a macro's continued line), which no line of a question does.
_CODE_ENDS = ("\\", "{", "}", ";", "=", "(", "[", "&&", "||")
#: A section's title numbered in capital Roman numerals ("II. Dataset & Preprocessing", "IV) Deployment"): the
#: questions under it, right below it, open entries of their own, and it closes the answer above it.
_ROMAN_TITLE = re.compile(r"^[IVX]{1,5}[.)][ \t]+[^\W\d_][^.?!:;]{0,60}$")
_MAY_TITLE = re.compile(r"^[IVX]{1,5}[.)][ \t]", re.MULTILINE)
#: Lines a question wrapped at its own indentation may take (see :func:`_paragraph`).
_WRAPPED_LINES = 3
#: Detection's score is the coverage scaled by this: a plain-text reading gives way to any layout
#: with markup of its own that explains the file as well.
_MODESTY = 0.9


def _shapes(lines: list[Line]) -> dict[int, tuple[int, str, str]]:
    """Index -> (indentation, bullet or "", text) of the lines that could open an entry."""
    indents = [_indent(line.text) for line in lines]
    # The index of the next non-blank line after each line (len(lines) for none), in one pass back.
    following = [len(lines)] * len(lines)
    upcoming = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        following[index] = upcoming
        if not lines[index].blank:
            upcoming = index
    shapes = {}
    above: Line | None = None  # the last line with text
    for index, line in enumerate(lines):
        if line.code or line.blank:
            continue
        over, above = above, line
        if over is not None and "#" in over.text[:4] and (titled := heading(over)) and asks(titled[1]) \
                and not _toggle(lines, index, indents, following[index]):
            continue  # the paragraph under a heading that asks ("### 怎么实现？") answers it: no question of its own
        if index and not lines[index - 1].blank and indents[index - 1] >= indents[index] \
                and not _titles(lines, index - 1):
            if not _BULLET.match(line.text) or indents[index - 1] == indents[index] and not _after_margin_answer(
                    lines, index, indents):
                continue  # inside a paragraph or a tight list (a heading above, less indented, is fine)
            # a bullet after the deeper lines of the item above, or after the answer typed at the margin under
            # a question of its own: the next item
        shape = _shape(lines, index, indents, following[index])
        if shape:
            shapes[index] = shape
    return shapes


def _titles(lines: Sequence[Line], index: int) -> bool:
    """Is ``lines[index]`` a section's title numbered in Roman numerals, a blank line (or the start) above it?"""
    text = lines[index].text
    return (text[:1] in "IVX" and not lines[index].code and (index == 0 or lines[index - 1].blank)
            and _ROMAN_TITLE.match(text.rstrip()) is not None)


def _untitled(body: list[Line]) -> list[Line]:
    """``body`` up to a section's title in it (see :data:`_ROMAN_TITLE`): the title and what is under it are the next
    section's (its questions, the last unanswered), no answer."""
    for index, line in enumerate(body):
        if line.text[:1] in "IVX" and _titles(body, index):
            return body[:index]
    return body


def _after_margin_answer(lines: list[Line], index: int, indents: list[int]) -> bool:
    """Is the bullet ``lines[index]`` right under an answer typed at its margin below an item that asks on its own
    line ("* What is a decorator?" / "``A function that wraps one.``" / "* Define PyPI?"): the next question? A
    bullet under the wrapped lines of an item that states (a PDF's "• Test Execution: - the team …"), or under an
    answer's line that introduces it ("… in two parts:"), is not."""
    indent = indents[index]
    above = index - 1
    if lines[above].text.rstrip().endswith(":"):
        return False  # "… broken down in two parts:" over its items: the answer's own list
    while above >= 0 and not lines[above].blank and not lines[above].code and indents[above] == indent:
        bullet = _BULLET.match(lines[above].text)
        if bullet:
            return above < index - 1 and ends_asking(bullet.group(3))
        above -= 1
    return False


def _toggle(lines: list[Line], index: int, indents: list[int], after: int) -> bool:
    """Is ``lines[index]`` an item that asks over a body nested under it (a note app's toggle): a question of its
    own even right under a heading that asks?"""
    bullet = _BULLET.match(lines[index].text)
    return bool(bullet) and after < len(lines) and indents[after] > indents[index] and _asks(bullet.group(3))


def _shape(lines: list[Line], index: int, indents: list[int], after: int) -> tuple[int, str, str] | None:
    """(indentation, bullet or "", text) when ``lines[index]`` could open an entry, else None.

    ``after`` is the index of the next non-blank line (a blank line may part a question from its answer).
    """
    text = lines[index].text
    if text.lstrip()[:1] in _BULLET_MARKS and (bullet := _BULLET.match(text)):
        below = lines[index + 1] if index + 1 < len(lines) else None
        if below is not None and _BULLET.match(below.text) and indents[index + 1] <= indents[index]:
            return None  # a tight list, not entries (a deeper item below is this item's answer)
        if _ENUMERATED.match(bullet.group(3)):
            return None  # numbered sub-questions (the numbered layout's), not entries
        return indents[index], bullet.group(2), bullet.group(3)
    indent = indents[index]
    if after >= len(lines) or lines[after].code:
        return None
    text = text.rstrip()
    if after == index + 1 and indents[after] == indent and (wrapped := _paragraph(lines, index, indents)):
        return indent, "", wrapped
    if indents[after] <= indent:
        # A line of its own that asks, its answer below at the same indentation: a bare question.
        # One sentence: an answer may open with a statement and then ask ("It stats twice. Why?"). A note in
        # brackets after the question mark ("Tell me about yourself? (one minute)") is the question's.
        asked = _NOTE_AFTER.sub("", text) if text.endswith(")") else text
        if (
            (ends_asking(asked) or CJK_ASKING.match(asked.lstrip()) or cjk_asks(asked)) and len(asked) - indent <= _LONGEST
            and text.lstrip()[:1] not in _MARKUP
            and not _SENTENCE_END.search(asked, 0, len(asked) - 1)
        ):
            # Up to three spaces before a line still open a paragraph (as in Markdown): bare questions
            # typed with a stray space or two are of one kind with those typed at the margin.
            return (0 if indent <= _STRAY else indent), _BARE, text.strip()
        return None
    if len(text) - indent > _LONGEST or text.endswith((":", ",", ";")):
        return None  # an introduction to what is indented below it
    return indent, "", text.strip()


def _paragraph(lines: list[Line], index: int, indents: list[int]) -> str:
    """The text of a question wrapped onto the lines right under it at its indentation ("I ran it from tcsh,
    and it ends up in no echo" / "mode?"), as a plain-text FAQ saved from a web page or typed at 72 columns
    has it: the paragraph, two or three lines, its first cut at a word or a comma, each no longer than a
    question's, none ending as code does, with its answer indented deeper below it (a blank line between or
    not); "" for any other."""
    indent = indents[index]
    end = index + 1
    while end < len(lines) and end - index < _WRAPPED_LINES and not lines[end].blank and not lines[end].code \
            and indents[end] == indent and not _BULLET.match(lines[end].text):
        end += 1
    after = next((k for k in range(end, len(lines)) if not lines[k].blank), len(lines))
    paragraph = [line.text.strip() for line in lines[index:end]]
    if not (paragraph[0][-1].isalnum() or paragraph[0].endswith(",")) or any(map(_ends_as_code, paragraph)):
        return ""  # its first line ends a sentence (the line below is an answer, a note), or it is code
    if after >= len(lines) or lines[after].code or indents[after] <= indent \
            or any(len(text) > _LONGEST for text in paragraph) or paragraph[-1].endswith((":", ",", ";")):
        return ""
    return "\n".join(paragraph)


def _ends_as_code(text: str) -> bool:
    return text.endswith(_CODE_ENDS)


def _indent(text: str) -> int:
    if "\t" in text:
        text = text.expandtabs(8)
    return len(text) - len(text.lstrip())


def _asks(text: str) -> bool:
    if text[:2] in _EMPHASIS:
        text = text.strip("*_ ")  # "**What is a VM?**": a question set in bold asks as well
    if text.endswith(")"):
        text = _NOTE_AFTER.sub("", text)  # "Why us? (stand out)": it asks
    return (ends_asking(text) or bool(_ASKING.match(stripped := _NUMBER.sub("", text)) or OTHER_ASKING.match(stripped))
            or cjk_asks(text))


def _questions(lines: list[Line]) -> dict[int, str]:
    """Line number -> question, for the kind of line most of which ask."""
    shapes = _shapes(lines)
    total = Counter((indent, bullet) for indent, bullet, _ in shapes.values())
    asking = Counter((indent, bullet) for indent, bullet, text in shapes.values() if _asks(text))
    kinds = [kind for kind, n in asking.items() if n >= 2 and n * 2 >= total[kind]]
    if not kinds:
        return {}
    kind = max(kinds, key=lambda k: asking[k])
    chosen = [index for index, (indent, bullet, _) in shapes.items() if (indent, bullet) == kind]
    asked = [index for index in chosen if _asks(shapes[index][2])]
    return {  # a wrapped question keeps its line breaks: find takes its lines out of the answer
        lines[index].number: _NUMBER.sub("", shapes[index][2]) if "\n" in shapes[index][2]
        else clean.tidy_question(_NUMBER.sub("", shapes[index][2]))
        for index in chosen
        if asked[0] <= index <= asked[-1] or index > asked[-1]
    }


def find(source: Source) -> list[Entry]:
    lines = common.read_lines(source)
    questions = _questions(lines)
    if not questions:
        return []
    items = common.split_items(lines, lambda line: line.number in questions)
    nested = sum(_nested(item.first, item.body) for item in items)
    toggles = nested >= 2 and nested * 3 >= len(items) * 2
    if toggles:
        items = [common.Item(item.section, [item.first, *_nested_part(item.first, item.body)]) for item in items]
    else:
        items = [common.Item(item.section, [item.first, *_before_sibling(item.first, item.body)]) for item in items]
    bodies = []
    for place, item in enumerate(items):
        question = questions[item.first.number]
        joined = question.count("\n")
        if joined:  # the question's paragraph, wrapped at its indentation: its lines are the question's
            questions[item.first.number] = clean.tidy_question(question)
            item = items[place] = common.Item(item.section, [item.first, *item.body[joined:]])
            question = questions[item.first.number]
        wrapped = _wrapped(item, question)
        if wrapped:
            questions[item.first.number] = clean.tidy_question(" ".join([question, *(line.text.strip() for line in wrapped)]))
            item = items[place] = common.Item(item.section, [item.first, *item.body[len(wrapped):]])
        raw = [line.text for line in _untitled(item.body)]
        texts = _lone_item(raw)
        # A question over further ones, or over one follow-up nested under it: asked, not answered.
        bodies.append([] if common.only_questions(texts, _ends_asking) or _follow_up(raw) else texts)
    # A line that asks under a question, among questions left unanswered or "answered" so, is one more of
    # them ("Explain the control plane.", "What tools do you use? (e.g. …)"), not an answer.
    prompts = [_prompt(texts) for texts in bodies]
    asked = [prompt or not _filled(texts) for prompt, texts in zip(prompts, bodies)]
    entries = []
    for index, (item, texts) in enumerate(zip(items, bodies)):
        near = asked[max(index - 1, 0) : index] + asked[index + 1 : index + 2]
        if near and all(near) and prompts[index]:
            texts = []
        last = max([item.first.number] + [line.number for line in item.body if not line.blank])
        entries.append(
            Entry(questions[item.first.number], clean.answer_markdown(texts), item.first.number, last, item.section)
        )
    found = _Entries(entries)
    found.nested = toggles
    if _MAY_TITLE.search(source.text):
        found.titles = frozenset(line.number for index, line in enumerate(lines)
                                 if line.text[:1] in "IVX" and _titles(lines, index))
    return found


class _Entries(list[Entry]):
    """A file's entries, whether their answers are nested under the questions, and the lines of the sections'
    titles between them (see :func:`_score`)."""

    nested = False
    titles: frozenset[int] = frozenset()


def _wrapped(item: common.Item, question: str) -> list[Line]:
    """The lines a bulleted question that does not end asking is wrapped onto ("- Why does the copy fail when
    I move it" / "  to another disk?"): the lines right under it, indented past its bullet, no bullet of their
    own, up to the first that ends asking; none when no line there does."""
    if ends_asking(question) or not _BULLET.match(item.first.text):
        return []
    margin = _indent(item.first.text)
    for count, line in enumerate(item.body[:2], 1):
        if line.blank or line.code or _indent(line.text) <= margin or _BULLET.match(line.text):
            return []
        if ends_asking(line.text.rstrip()):
            return item.body[:count]
    return []


def _nested(question: Line, body: Sequence[Line]) -> bool:
    """Is every line of an answer indented under its question (a toggle's body, an outliner's child blocks)?"""
    margin = _indent(question.text)
    filled = [line for line in body if not line.blank]
    return bool(filled) and all(_indent(line.text) > margin for line in filled)


def _nested_part(question: Line, body: Sequence[Line]) -> list[Line]:
    """An answer of a list whose answers are nested: its lines up to the first back at the question's margin
    after nested ones, which are the page's own (a note or a title between toggles, a link to a sub-page);
    an answer that opens at the margin is all its lines."""
    margin = _indent(question.text)
    filled = [k for k, line in enumerate(body) if not line.blank]
    if not filled or _indent(body[filled[0]].text) <= margin:
        return list(body)
    end = next((k for k in filled if _indent(body[k].text) <= margin), len(body))
    return list(body[:end])


def _before_sibling(question: Line, body: list[Line]) -> list[Line]:
    """A bulleted question's answer nested under it, up to the next item of its list (the same bullet at its
    margin, with no blank line before it): a list of questions one an item, a few followed up by nested ones,
    whose other items are questions of their own, never the answer above them."""
    bullet = question.text.lstrip()[:1]
    if bullet not in _BULLET_MARKS or not body or body[0].blank:
        return body  # most answers: no bullet opens the question, or a blank line parts it from its answer
    margin = _indent(question.text)
    if _indent(body[0].text) <= margin:
        return body
    for k, line in enumerate(body):
        if line.blank:
            return body
        text = line.text
        if _indent(text) <= margin:
            return body[:k] if text.lstrip()[:2] == bullet + " " and _indent(text) == margin else body
    return body


def _ends_asking(text: str) -> bool:
    return ends_asking(text.rstrip())  # a question may end in code


def _follow_up(texts: list[str]) -> bool:
    """Is ``texts`` one indented list item that asks ("* What is X?" over "  * How do you scope it?"): the
    interviewer's next question, not the answer?"""
    filled = [text for text in texts if text.strip()]
    return len(filled) == 1 and filled[0][:1] in " \t" and clean.starts_list_item(filled[0]) and _ends_asking(filled[0])


def _filled(texts: list[str]) -> bool:
    return any(text.strip() for text in texts)


def _prompt(texts: list[str]) -> bool:
    """Whether ``texts`` are one line that asks, as a question or a prompt ("Describe a time you failed.")."""
    filled = [text.strip() for text in texts if text.strip()]
    return len(filled) == 1 and len(filled[0]) <= _LONGEST and (_asks(filled[0]) or asks(filled[0]))


def _lone_item(texts: list[str]) -> list[str]:
    """An answer that is one bulleted line as its text: an outliner's child block (Roam, Workflowy,
    Notion), not a list the author wrote."""
    filled = [text for text in texts if text.strip()]
    if len(filled) == 1 and (match := _BULLET.match(filled[0])):
        return [match.group(3)]
    return texts


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """Coverage scaled by :data:`_MODESTY`; where the answers are nested under their questions (a note app's
    toggles, markup of its own) coverage up to that, the page's text between the toggles no answer's."""
    covered = coverage(source, entries, also=getattr(entries, "titles", ()))
    return min(covered, _MODESTY) if getattr(entries, "nested", False) else covered * _MODESTY


LAYOUT = replace(make_layout(
    NAME, "Plain-text FAQs: '* question' paragraphs, or questions with their answers indented below", find, _score
), best_score=_MODESTY)
