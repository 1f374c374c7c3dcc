"""Layout ``mkdocs-quiz``: the quizzes of MkDocs sites that use the mkdocs-quiz plugin, in either syntax.

    <?quiz?>                                   <quiz>
    question: Which gas do plants take in?     Which gas do plants take in?
    answer: Oxygen                             - [ ] Oxygen
    answer-correct: Carbon dioxide             - [x] Carbon dioxide
    content:                                   They fix its carbon in sugars.
    <p>They fix its carbon in sugars.</p>      </quiz>
    <?/quiz?>
                                               <quiz>
                                               Water boils at [[100]] degrees Celsius.
                                               </quiz>

The first syntax (the plugin's before 1.0) names each line: the question, the wrong answers, the right ones
(``answer-correct:``, several for a multiple-answer question), then the content shown after answering, HTML
or Markdown. The second writes the question as Markdown, its options as a task list with the right ones
ticked, the content after them (or after a ``---`` line); ``[[answer]]`` in the question is a blank to fill
in. A card is the question with its options lettered as every multiple-choice card shows them
(:func:`.options.options_card`), the right ones then the content on the back; a blank's card shows ``[…]``
where the answer goes and the answers on the back. Quizzes inside a fenced code block are examples of the
syntax, not quizzes.
"""

from __future__ import annotations

import re

from ..model import Source
from .entries import Entry, make_layout
from .markup import html_to_markdown
from .options import SHOWN_LETTERS, options_card
from .structure import Line, answer_from, outline, sections

NAME = "mkdocs-quiz"

#: Where a quiz may open: one search of the text, which the regex engine makes faster than ``in`` (see liascript).
_MAY = re.compile(r"<\??quiz\??>")
_OPEN = re.compile(r"^[ \t]*<(?:\?quiz\?|quiz)>[ \t]*$")
_CLOSE = re.compile(r"^[ \t]*<(?:\?/quiz\?|/quiz)>[ \t]*$")
#: A field of the first syntax: ``question:``, ``answer:``, ``answer-correct:``, ``content:``.
_FIELD = re.compile(r"^[ \t]*(question|answer-correct|answer|content)[ \t]*:[ \t]?(.*)$")
_TASK = re.compile(r"^[ \t]*[-*+][ \t]+\[([ xX])\][ \t]+(.*?)[ \t]*$")
_BLANK = re.compile(r"\[\[([^\[\]\n]+)\]\]")
_RULE = re.compile(r"^[ \t]*-{3,}[ \t]*$")


def find(source: Source) -> list[Entry]:
    if not _MAY.search(source.text):
        return []
    lines = outline(source)
    titles = sections(lines)
    entries: list[Entry] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.code or not _OPEN.match(line.text):
            index += 1
            continue
        end = next((k for k in range(index + 1, len(lines)) if not lines[k].code and _CLOSE.match(lines[k].text)), None)
        if end is None:
            break
        body = [Line(inner.number, inner.text.strip() if not inner.code else inner.text, inner.code)
                for inner in lines[index + 1 : end]]
        made = _fields(body) if "?" in line.text else _markdown(body)
        if made is not None:
            entries.append(Entry(made[0], made[1], line.number, lines[end].number, titles[index]))
        index = end + 1
    return entries


def _fields(body: list[Line]) -> tuple[str, str] | None:
    """(front, back) of a quiz in the first syntax."""
    question = ""
    options: list[str] = []
    chosen: list[int] = []
    content: list[Line] = []
    in_content = False
    for line in body:
        field = None if in_content or line.code else _FIELD.match(line.text)
        if field is None:
            if in_content:
                content.append(line)
            elif question and not options and line.text:
                question += " " + line.text  # a question wrapped over lines
            continue
        name, value = field.group(1), field.group(2).strip()
        if name == "question":
            question = value
        elif name == "content":
            in_content = True
            content.append(Line(line.number, value))
        else:
            if name == "answer-correct":
                chosen.append(len(options))
            options.append(value)
    return _card(_inline(question), options, chosen, content)


def _markdown(body: list[Line]) -> tuple[str, str] | None:
    """(front, back) of a quiz in the second syntax: Markdown, options as a task list."""
    first = next((k for k, line in enumerate(body) if not line.code and _TASK.match(line.text)), None)
    if first is None:
        rule = next((k for k, line in enumerate(body) if not line.code and _RULE.match(line.text)), len(body))
        asked, _ = answer_from(body[:rule])
        answers: list[str] = []

        def blank(match: re.Match[str]) -> str:
            answers.append(match.group(1).strip())
            return "[…]"

        front = _BLANK.sub(blank, asked)
        if not answers:
            return None
        back = answers[0] if len(answers) == 1 else "\n".join(f"{k}. {a}" for k, a in enumerate(answers, 1))
        content, _ = answer_from(body[rule + 1 :])
        return front, "\n\n".join(part for part in (back, content) if part)
    options: list[str] = []
    chosen: list[int] = []
    end = first
    while end < len(body):
        task = None if body[end].code else _TASK.match(body[end].text)
        if task is None:
            if body[end].text:
                break
            end += 1
            continue
        if task.group(1) != " ":
            chosen.append(len(options))
        options.append(task.group(2))
        end += 1
    question, _ = answer_from(body[:first])
    rest = body[end + 1 :] if end < len(body) and _RULE.match(body[end].text) else body[end:]
    return _card(question, options, chosen, rest)


def _card(question: str, options: list[str], chosen: list[int], content: list[Line]) -> tuple[str, str] | None:
    if not question or not options or len(options) > len(SHOWN_LETTERS):
        return None
    front, back = options_card(question, [_inline(option) for option in options], chosen)
    said, _ = answer_from(content)
    return front, "\n\n".join(part for part in (back, said) if part)


def _score(source: Source, entries: list[Entry]) -> float:
    """The plugin's tags name the quizzes: a page that holds one is this layout's, whatever prose stands around it."""
    return 1.0 if entries else 0.0


def _inline(text: str) -> str:
    """An option or question line as Markdown: its HTML (``<code>``, entities) converted, a ``<br>`` shown as " / "."""
    if "<" not in text and "&" not in text:
        return text
    return " / ".join(part.strip() for part in html_to_markdown(text).split("\n") if part.strip())


LAYOUT = make_layout(
    NAME,
    "mkdocs-quiz quizzes: <?quiz?> with question:/answer:/answer-correct: lines, or <quiz> with a task list",
    find,
    _score,
)
