"""Titled boxes in Markdown: Obsidian callouts, MkDocs admonitions, Pandoc, Quarto and Docusaurus divs.

Note-takers fold a flashcard or a FAQ entry into a box whose title asks and whose body answers::

    > [!question]- Why does a B-tree stay shallow?      Obsidian: the body quoted under the title
    > Each node holds many keys ...

    ??? question "How do I pin a version?"              MkDocs Material: the body indented
        Add it to the lock file ...

    ::: {.callout-tip collapse="true" title="Why ...?"} Quarto and Pandoc (Docusaurus: ``:::tip[Why ...?]``)
    ...
    :::

A box whose title asks, or a question box (``question``, ``faq``, ``help``, ``quiz``, ``flashcard``) with
a title that is more than a reveal label, becomes ``<details><summary>title</summary>`` ... ``</details>``,
which the ``details`` layout reads as a card. Any other box loses its markers and keeps its text, its
title as a bold line, or no line when the title only says "Answer" or "Show solution": such a box is the
answer of the question above it; an untitled div whose kind names an answer (``:::solution``,
``:::correction``) is folded as an "Answer" fold is, apart from the exercise above it. The functions rewrite
a document's lines in place and keep every line's number (a box that runs to the end of the file closes on a
line added there).
"""

from __future__ import annotations

import html
import re

from ..parsers.headings import asks
from ..parsers.structure import HEADING, ends_asking, fold_label

#: Box kinds that hold a question whatever their title says (Obsidian's ``help`` and ``faq`` are aliases
#: of ``question``).
QUESTION_KINDS = frozenset({"question", "questions", "faq", "help", "quiz", "flashcard", "card", "qa", "query"})
#: A title that only offers to show what the box holds, in the languages readers write it in.
REVEAL = re.compile(
    r"^(?:(?:click(?: here)?(?: to)? )?(?:show|see|reveal|view|check|display|toggle|expand|open)\s+)?"
    r"(?:(?:the|an?|one|possible|sample|example|my|your|model|suggested)\s+)*"
    r"(?:answers?|solutions?|hints?|explanations?|responses?|results?|réponses?|respuestas?|soluci[oó]n(?:es)?|"
    r"antwort(?:en)?|lösung(?:en)?|risposta|soluzione|resposta|solução|ответ|решение|答案|解答|回答|정답|해답)"
    r"(?:\s*\d+)?\W*$",
    re.IGNORECASE,
)
#: An Obsidian callout of a question kind, anywhere in a text.
_QUESTION_CALLOUT = re.compile(rf"^ {{0,3}}> ?\[!(?:{'|'.join(sorted(QUESTION_KINDS))})\]", re.IGNORECASE | re.MULTILINE)
#: An Obsidian callout's first line: its kind, fold mark and title.
CALLOUT = re.compile(r"^ {0,3}> ?\[!([^\]\s]+)\]([+-]?)[^\S\n]*(.*?)[^\S\n]*$")
#: An MkDocs admonition's first line (``!!!``, or ``???`` that folds): indent, kind, modifiers, title.
ADMONITION = re.compile(r'^( {0,3})(?:!!!|\?\?\?\+?)[^\S\n]+([\w-]+)(?:[^\S\n]+[\w-]+)*(?:[^\S\n]+"(.*)")?[^\S\n]*$')
#: An MkDocs content tab's first line (``=== "Linux"``, ``===+`` selected, ``===!`` starting a new set):
#: indent and label; the tab's body is indented under it.
TAB = re.compile(r'^([^\S\n]*)===[!+]?[^\S\n]+"(.*)"[^\S\n]*$')
#: A fenced div's fence: its colons and what follows them (nothing when it closes).
DIV = re.compile(r"^ {0,3}(:{3,})[^\S\n]*(.*?)[^\S\n]*:*[^\S\n]*$")
#: A quote's marker, one level of it.
QUOTE = re.compile(r"^ {0,3}> ?")
#: A MyST directive's fence info: ``{name}`` and its argument.
_MYST = re.compile(r"^\{([\w:-]+)\}[^\S\n]*(.*)$")
#: A MyST directive's option line, right under its fence.
_MYST_OPTION = re.compile(r"^[^\S\n]*:[\w-]+:(?:[^\S\n].*)?$")
#: MyST directives whose body is code.
_MYST_CODE = frozenset({"code-block", "code", "sourcecode", "code-cell"})
_DIV_KIND = re.compile(r"\.callout-([\w-]+)|\.([\w-]+)|^\{?([\w-]+)")
_DIV_TITLE = re.compile(r"""\btitle=(?:"([^"]*)"|'([^']*)')|\[([^\]]*)\]|^[\w-]+[^\S\n]+([^{].*)$""")
#: A question box's body labelled as a card's two sides (``Q: …`` over ``A: …``, the labels bold or not):
#: the labels are the card's parts, not its text.
_ASKED_LABEL = re.compile(r"^[^\S\n]*(?:\*\*|__)?(?:Q|Question|Front)(?:\*\*|__)?[^\S\n]*[:：](?:\*\*|__)?[^\S\n]*",
                          re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"^[^\S\n]*(?:\*\*|__)?(?:A|Answer|Back)(?:\*\*|__)?[^\S\n]*[:：](?:\*\*|__)?[^\S\n]*",
                           re.IGNORECASE)
_CLOSE = "</details>"
#: Callouts nested deeper than this stay quoted text: each level is read by unquoting every line under
#: it again, and a hostile file of thousands of levels would take that many passes.
MAX_NESTING = 8


def opening(kind: str, title: str | None, open_box: bool = False) -> str:
    """What a box's first line becomes: a ``<details>`` summary when the box holds a card, else its
    title in bold, or nothing for a reveal label or an empty title. A box with no title (None) shows
    its kind as one, as the apps do, and holds no card. An ``open_box`` (a callout that does not fold)
    of another kind than a question's asks only with a question mark: its body is shown, not hidden, and
    a title that opens with a question word ("What's next", "How it works") names a note's part."""
    if title is None:
        return "" if kind.lower() in QUESTION_KINDS else f"**{kind.capitalize()}**"
    title = title.strip()
    if not title or REVEAL.match(title):
        return ""
    # A box titled as the answer to an item by its number ("Solution to Exercise 2") follows that item, whose
    # statement may run over paragraphs: folded, it stays apart from them, as a fold labelled "Answer" is.
    if (kind.lower() in QUESTION_KINDS or fold_label(title) == "answer"
            or asks(title) and (not open_box or ends_asking(title.rstrip("*_ \t")))):
        return f"<details><summary>{html.escape(title, quote=False)}</summary>"
    return title if "**" in title or "__" in title else f"**{title}**"  # a title bold in parts keeps its own bold


def _close(lines: list[str], end: int, opened: str) -> None:
    """Close the card box opened as ``opened`` whose last line is ``lines[end - 1]``: on the blank line
    after it, else after that line."""
    if not opened.startswith("<details>"):
        return
    if end < len(lines) and not lines[end].strip():
        lines[end] = _CLOSE
    else:
        lines[end - 1] += "\n" + _CLOSE


class Boxes:
    """What the boxes of one document left open as its lines are read, first to last."""

    def __init__(self, size: int, typed: bool = False) -> None:
        #: What each fenced div open here became, innermost last.
        self.divs: list[str] = []
        #: How many callouts hold each line (each unquoted it once).
        self.nesting = [0] * size
        #: The note puts its questions in question callouts (see :func:`typed`): a folded box of another
        #: kind then asks only with a question mark, as an open one does.
        self.typed = typed


def typed(text: str) -> bool:
    """Whether ``text`` holds an Obsidian callout of a question kind (``> [!question]``, ``> [!faq]-``)."""
    return "[!" in text and _QUESTION_CALLOUT.search(text) is not None


def callout(lines: list[str], start: int, boxes: Boxes) -> bool:
    """Rewrite the Obsidian callout opening at ``lines[start]``, if one does: its lines lose one level of
    quoting (a callout nested in it is then read in turn, up to :data:`MAX_NESTING` deep)."""
    found = CALLOUT.match(lines[start])
    if not found or boxes.nesting[start] >= MAX_NESTING:
        return False
    end = start + 1
    while end < len(lines) and QUOTE.match(lines[end]):
        lines[end] = QUOTE.sub("", lines[end], count=1)
        boxes.nesting[end] += 1
        end += 1
    kind, title = found.group(1), found.group(3) or _asked_first(lines, start + 1, end, found.group(1))
    if title and _prompts(lines[start + 1 : end]):
        lines[start] = f"**{title.strip()}**"  # a self-test's prompt: no answer in it
    else:
        lines[start] = opening(kind, title, not found.group(2) or boxes.typed)
    _close(lines, end, lines[start])
    return True


def _prompts(body: list[str]) -> bool:
    """Whether a box's body is one line that asks (a self-test's "Could I explain … to a beginner?"):
    the box holds a question to think over, not its answer."""
    said = [line for line in body if line.strip()]
    return len(said) == 1 and ends_asking(said[0].strip().rstrip("*_ \t"))


def _asked_first(lines: list[str], start: int, end: int, kind: str) -> str | None:
    """The question a question box with no title opens its body with, its line then blanked; None
    when it has none (the box is titled by its kind). A first line labelled as the question (``Q:``,
    ``**Q**:``) asks whatever its words, and the answer's label on the line below it goes."""
    if kind.lower() not in QUESTION_KINDS or start >= end - 1:
        return None
    first = lines[start].strip()
    labelled = _ASKED_LABEL.match(first)
    if labelled and first[labelled.end():].strip():
        first = first[labelled.end():].strip()
        lines[start + 1] = _ANSWER_LABEL.sub("", lines[start + 1], count=1)
    elif not asks(first):
        return None
    lines[start] = ""
    return first


def admonition(lines: list[str], start: int) -> bool:
    """Rewrite the MkDocs admonition opening at ``lines[start]``, if one does: its body, the lines
    indented under it, dedented."""
    found = ADMONITION.match(lines[start])
    if not found:
        return False
    indent = len(found.group(1)) + 4
    end = last = start + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) >= indent):
        if lines[end].strip():
            lines[end] = lines[end].expandtabs(4)[indent:]
            last = end + 1
        end += 1
    title = found.group(3)
    lines[start] = opening(found.group(2), title)
    _close(lines, last, lines[start])
    return True


def tab(lines: list[str], start: int) -> bool:
    """Rewrite the MkDocs content tab opening at ``lines[start]``, if one does: its label a bold label line
    (``**Linux:**``: a tab's label names a variant, it never asks, and a line of bold alone would read as a
    question), its body, the lines indented under it, dedented."""
    found = TAB.match(lines[start])
    if not found:
        return False
    indent = _indent(found.group(1)) + 4
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) >= indent):
        if lines[end].strip():
            lines[end] = lines[end].expandtabs(4)[4:]
        end += 1
    label = found.group(2).strip()
    lines[start] = f"{found.group(1)}**{label.rstrip(':')}:**" if label else ""
    return True


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def div(lines: list[str], index: int, opened: list[str]) -> bool:
    """Rewrite the fenced div fence at ``lines[index]``, if it is one; ``opened`` holds what the divs
    open around it became, innermost last (see :attr:`Boxes.divs`)."""
    found = DIV.match(lines[index])
    if not found:
        return False
    info = found.group(2)
    if not info:  # a closing fence: it closes the innermost div
        closed = opened.pop() if opened else ""
        lines[index] = _CLOSE if closed.startswith("<details>") else "```" if closed == "```" else ""
        return True
    myst = _MYST.match(info)
    if myst:
        return _myst(lines, index, myst.group(1).lower(), myst.group(2).strip(), opened)
    kinds = _DIV_KIND.search(info)
    kind = next((group for group in kinds.groups() if group), "") if kinds else ""
    titled = _DIV_TITLE.search(info)
    title = next((group for group in titled.groups() if group is not None), "") if titled else ""
    if not title and ".callout" in info:
        title = _heading_title(lines, index + 1)
    if not title and fold_label(kind) == "answer":
        # ":::solution", ":::correction": an untitled box that answers the exercise above it, folded as the
        # "Answer" folds are, so that the exercise's text (paragraphs, a list item) stays apart from it.
        lines[index] = f"<details><summary>{html.escape(kind, quote=False)}</summary>"
    else:
        lines[index] = opening(kind, title)
    opened.append(lines[index])
    return True


def _myst(lines: list[str], index: int, name: str, argument: str, opened: list[str]) -> bool:
    """Rewrite the MyST directive opening at ``lines[index]`` (``:::{dropdown} How do I …?``): its option
    lines (``:open:``, ``:color: info``) go; a code directive becomes a code fence; any other is a box
    titled by its argument (an admonition's title, a dropdown's), as :func:`opening` makes one."""
    option = index + 1
    while option < len(lines) and _MYST_OPTION.match(lines[option]):
        lines[option] = ""
        option += 1
    if name in _MYST_CODE:
        lines[index] = "```" + (argument.split()[0] if argument.split() else "")
        opened.append("```")
        return True
    lines[index] = opening(name, argument) if argument else ""
    opened.append(lines[index])
    return True


def _heading_title(lines: list[str], start: int) -> str:
    """The title of a Quarto callout that has none in its attributes: the heading it opens with, if
    any, whose line is then blanked."""
    first = next((k for k in range(start, len(lines)) if lines[k].strip()), None)
    found = HEADING.match(lines[first]) if first is not None else None
    if not found or not found.group(2):
        return ""
    lines[first] = ""
    return found.group(2)


def rewrite(lines: list[str], index: int, boxes: Boxes) -> bool:
    """Rewrite the box line at ``lines[index]`` (not code), if it is one: True when it was."""
    text = lines[index].lstrip(" ")
    if text.startswith(">"):
        return callout(lines, index, boxes)
    if text.startswith(("!!!", "???")):
        return admonition(lines, index)
    if text.startswith("==="):
        return tab(lines, index)
    return text.startswith(":::") and div(lines, index, boxes.divs)
