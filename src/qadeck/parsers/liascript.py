"""Layout ``liascript``: the quizzes of LiaScript courses, written in Markdown with brackets.

    > Which planet is closest to the Sun?        What is 6 times 7?
    [( )] Venus                                  [[42]]
    [(X)] Mercury                                [[?]] Six sevens.
    [[?]] It is the smallest too.                ****
    ****                                         Multiplication by six ...
    Its orbit takes 88 days.                     ****
    ****

LiaScript marks a single-choice option ``[( )]`` or ``[(X)]``, a multiple-choice one ``[[ ]]`` or ``[[X]]``
(a list bullet before either is allowed), a text answer as ``[[answer]]`` on a line of its own, a selection as
``[[ wrong | (right) | wrong ]]``, and a matrix as a header row ``[[A] (B)]`` over rows ``[ (X) ( ) ] item``.
Hints (``[[?]] …``) and a check script (``<script>…</script>``) may follow a quiz, then its solution between
two lines of stars. The question is what stands above the quiz, back to a heading, a rule, a line of stars
(an animation block's), an animation marker (``{{1}}``) or the quiz before; where that is long (a lecture's
section), from the last paragraph that asks (with the code or picture right above it that it asks about). Gaps and selections inside a paragraph, list item or table
(``The capital is [[Paris]].``) make one card of it: its gaps shown as ``[…]`` (a selection's options
between the brackets), the answers on the back; they are read only in a file that has LiaScript's own
marks (an option, a hint, a selection), since a wiki's ``[[Page]]`` link looks just like a gap.

The card of a choice is the question with its options lettered as every multiple-choice card shows them
(:func:`.options.options_card`), the right ones on the back, then the solution.
"""

from __future__ import annotations

import re

from ..model import Source
from .entries import Entry, make_layout, marked_coverage
from .options import SHOWN_LETTERS, options_card
from .markup import inline_text
from .structure import Line, answer_from, heading, outline, sections

NAME = "liascript"

#: Where a quiz may be: every one holds "[[" or "[(". One search of the text, told by its first character: most
#: files hold neither (the regex engine finds it faster than ``in``, which slows on text beyond ASCII).
_MAY = re.compile(r"\[[\[(]")
#: What only LiaScript writes: a choice option, a hint, or a selection with its right option in parentheses ...
_MARKS = re.compile(r"\[(?:\([ xX]\)\]|\[[ xX?]\]\]|\[[^\[\]\n|]*\|[^\[\]\n]*\([^\[\]\n]*\)[^\[\]\n]*\]\])")
#: ... or an animation or narrator marker alone on its line (``{{1}}``, ``--{{2}}--``).
_MARKER_END = re.compile(r"\{\{[0-9]+(?:-[0-9]+)?\}\}-*[ \t]*$", re.MULTILINE)
#: A single-choice (``[(X)]``) or multiple-choice (``[[X]]``) option: its mark and text.
_OPTION = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?\[(?:\(([ xX])\)|\[([ xX])\])\][ \t]*(.*?)[ \t]*$")
_HINT = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?\[\[\?\]\]")
#: A text answer or a selection alone on its line: ``[[42]]``, ``[[ red | (green) ]]``.
_ALONE = re.compile(r"^[ \t]*\[\[([^\[\]]+)\]\][ \t]*$")
#: What stands in double brackets and is no answer: a hint's mark, a generic quiz's button, an option's box.
_NO_GAP = ("?", "!", "", "X", "x")
#: A gap or selection inside a line of text.
_GAP = re.compile(r"\[\[([^\[\]\n]+)\]\]")
#: A matrix quiz's header row (``- [[A] (B)]``: a cell per column) and a row (``- [ (X) ( ) ] text``).
_MATRIX_HEAD = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?\[((?:[ \t]*[\[(][^\[\]()\n]+[\])])+)[ \t]*\][ \t]*$")
_MATRIX_ROW = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?\[((?:[ \t]*[\[(][ \t]*[xX]?[ \t]*[\])])+)[ \t]*\][ \t]*(\S.*?)[ \t]*$")
_CELL = re.compile(r"[\[(][ \t]*([^\[\]()\n]*?)[ \t]*[\])]")
#: A line of stars: an animation block's fence, or a solution's.
_STARS = re.compile(r"^[ \t]*\*{3,}[ \t]*$")
#: An animation marker (``{{1}}``, ``{{2-3}}``), a narrator's (``--{{1}}--``), or a macro call (``@LIA.eval(…)``).
_MARKER = re.compile(r"^[ \t]*(?:-*\{\{[0-9]+(?:-[0-9]+)?\}\}-*|@\w.*)[ \t]*$")
_ANIMATION = re.compile(r"^[ \t]*\{\{[0-9]+(?:-[0-9]+)?\}\}[ \t]*$")
#: A macro called inside a line of text: ``@name(…)``, ``@module.name(…)``.
_MACRO_CALL = re.compile(r"(?:(?<=\s)|^)@\w+(?:\.\w+)*\([^()\n]*\)")
#: What parts one fragment of a slide from the next: an animation marker, a narrator's.
_FRAGMENT = re.compile(r"^[ \t]*-*\{\{[0-9]+(?:-[0-9]+)?\}\}-*[ \t]*$")
_RULE = re.compile(r"^[ \t]*(?:-{3,}|_{3,}|={3,})[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|[0-9]+[.)])[ \t]+")
_QUOTE = re.compile(r"^[ \t]*>[ \t]?")
_PICTURE = re.compile(r"^[ \t]*!\[")
#: Past this many blocks above a quiz, none of them asking, the question is the last.
_MOST_BLOCKS = 3


def find(source: Source) -> list[Entry]:
    text = source.text
    if not _MAY.search(text) or not (_MARKS.search(text) or _marked_fragment(text)):
        return []
    lines = outline(source)
    titles = sections(lines)
    entries: list[Entry] = []
    floor = 0  # the question of the next quiz starts at or after this index
    title = -1  # the heading the question may start at: the one right above ``floor``, else -1
    animated = False  # inside an animation block: its closing stars are no solution
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.text
        if line.code or not text.strip():
            index += 1
            continue
        marked = heading(line)
        if marked or _FRAGMENT.match(text) or _STARS.match(text):
            if _STARS.match(text):
                # Stars under an animation marker open its block; the next stars close it.
                animated = bool(index and _ANIMATION.match(lines[index - 1].text))
            floor, title = index + 1, index if marked else -1
            index += 1
            continue
        found = _quiz(lines, index)
        if found is not None:
            front, back, end = found
            question, first = _question(lines, floor, index, title)
            if not question:
                question = titles[index]  # quizzes one after another under their heading, pictures between
            solution, end = _solution(lines, end) if not animated else ("", end)
            if question:
                if front.startswith("\n\n"):
                    front = question + front  # a choice: the options under the question
                elif not front:
                    front = question
                back = "\n\n".join(part for part in (back, solution) if part)
                entries.append(Entry(front, back, lines[first].number, lines[end - 1].number, titles[index]))
            floor, title, index = end, -1, end
            continue
        if "[[" in text and _GAP.search(text):
            gapped = _gapped(lines, floor, index)
            if gapped is not None:
                front, back, first, end = gapped
                solution, end = _solution(lines, end) if not animated else ("", end)
                back = "\n\n".join(part for part in (back, solution) if part)
                entries.append(Entry(front, back, lines[first].number, lines[end - 1].number, titles[index]))
                floor, title, index = end, -1, end
                continue
        index += 1
    return entries


def _marked_fragment(text: str) -> bool:
    """Does a line of ``text`` hold only an animation or narrator marker?"""
    for found in _MARKER_END.finditer(text):
        opening = text.rfind("\n", 0, found.start()) + 1
        if not text[opening : found.start()].strip(" \t-"):
            return True
    return False


def _quiz(lines: list[Line], start: int) -> tuple[str, str, int] | None:
    """(front without its question, back, index past the quiz) when a quiz starts at ``lines[start]``."""
    text = lines[start].text
    if _OPTION.match(text):
        return _choice(lines, start)
    head = _MATRIX_HEAD.match(text)
    if head and start + 1 < len(lines) and _MATRIX_ROW.match(lines[start + 1].text):
        return _matrix(lines, start, _CELL.findall(head.group(1)))
    alone = _ALONE.match(text)
    if alone and alone.group(1).strip() not in _NO_GAP:
        end = _past_hints(lines, start + 1)
        body = alone.group(1)
        if "|" in body:
            choices = [part.strip() for part in body.split("|")]
            chosen = [k for k, part in enumerate(choices) if part.startswith("(") and part.endswith(")")]
            if not chosen:
                return None
            front, back = options_card("", [part.strip("()").strip() for part in choices], chosen)
            return front, back, end
        return "", _literal(body.strip()), end
    return None


def _choice(lines: list[Line], start: int) -> tuple[str, str, int] | None:
    options: list[str] = []
    chosen: list[int] = []
    end = start
    while end < len(lines) and not lines[end].code:
        option = _OPTION.match(lines[end].text)
        if option is None:
            if _HINT.match(lines[end].text):
                end += 1
                continue
            break
        if (option.group(1) or option.group(2)) in "xX":
            chosen.append(len(options))
        options.append(_without_macros(option.group(3)))
        end += 1
    if len(options) > len(SHOWN_LETTERS):
        return None
    front, back = options_card("", options, chosen)
    return front, back, _past_hints(lines, end)


def _matrix(lines: list[Line], start: int, columns: list[str]) -> tuple[str, str, int]:
    """A matrix quiz: the rows on the front with the columns to choose from, each row's choices on the back."""
    shown, picked = [], []
    end = start + 1
    while end < len(lines) and (row := _MATRIX_ROW.match(lines[end].text)):
        marks = _CELL.findall(row.group(1))
        item = _without_macros(row.group(2))
        shown.append(f"- {item}")
        names = [columns[k] for k, mark in enumerate(marks) if mark and k < len(columns)]
        picked.append(f"- {item}: {', '.join(names) if names else '—'}")
        end += 1
    front = "\n\n" + " / ".join(columns) + ":\n\n" + "\n".join(shown)
    return front, "\n".join(picked), _past_hints(lines, end)


def _without_macros(text: str) -> str:
    """``text`` without the LiaScript macros it calls (``@Pictures.oak(10)``: a picture this card cannot show)."""
    return _MACRO_CALL.sub("", text).strip() if "@" in text else text


def _past_hints(lines: list[Line], index: int) -> int:
    """``index``, or past the hints and the check script that follow a quiz."""
    while index < len(lines):
        text = lines[index].text
        if _HINT.match(text):
            index += 1
        elif text.lstrip().startswith("<script"):
            while index < len(lines) and "</script>" not in lines[index].text:
                index += 1
            index += 1
        else:
            break
    return min(index, len(lines))


def _solution(lines: list[Line], index: int) -> tuple[str, int]:
    """The solution between two lines of stars right under a quiz (one blank line allowed), and the index past it."""
    at = index
    if at < len(lines) and not lines[at].text.strip():
        at += 1
    if at >= len(lines) or lines[at].code or not _STARS.match(lines[at].text):
        return "", index
    close = next((k for k in range(at + 1, len(lines)) if not lines[k].code and _STARS.match(lines[k].text)), None)
    if close is None:
        return "", index
    answer, _ = answer_from(lines[at + 1 : close])
    return answer, close + 1


def _question(lines: list[Line], floor: int, start: int, title: int) -> tuple[str, int]:
    """The question above the quiz at ``start``, and the index of its first line: the blocks from ``floor``
    (from the last that asks, where there are many), under the heading ``lines[title]`` where none asks."""
    groups: list[list[Line]] = [[]]
    for line in lines[floor:start]:
        if not line.code and (line.blank or _MARKER.match(line.text) or _RULE.match(line.text)):
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append(line)
    groups = [group for group in groups if group]
    asking = [k for k, group in enumerate(groups) if not group[0].code and _asks(group)]
    if asking:
        # From the last block that asks, with the code or picture it asks about right above it.
        begin = asking[-1]
        while begin and (groups[begin - 1][0].code or _PICTURE.match(groups[begin - 1][0].text)):
            begin -= 1
        groups = groups[begin:]
    elif len(groups) > _MOST_BLOCKS:
        groups = groups[-1:]
    kept = [Line(line.number, line.text if line.code else _QUOTE.sub("", line.text, count=1), line.code)
            for group in groups for line in (*group, Line(group[-1].number, ""))]
    question, _ = answer_from(kept)
    first = next((k for k in range(floor, start) if groups and lines[k].number == groups[0][0].number), start)
    if title >= 0 and not asking:
        named = heading(lines[title])
        heading_text = inline_text(named[1]) if named else ""
        if heading_text:
            return "\n\n".join(part for part in (heading_text, question) if part), title
    return question, first


def _asks(group: list[Line]) -> bool:
    text = " ".join(line.text.strip() for line in group)
    return "?" in text or text.endswith(":")


def _literal(answer: str) -> str:
    """A typed answer as it must be typed: in a code span where Markdown would change it."""
    if not any(mark in answer for mark in "\\*_`<[]"):
        return answer
    fence = "``" if "`" in answer else "`"
    return f"{fence} {answer} {fence}" if "`" in answer else f"`{answer}`"


def _gapped(lines: list[Line], floor: int, start: int) -> tuple[str, str, int, int] | None:
    """(front, back, first index, index past it) of the paragraph, list item or table holding gaps at ``start``:
    a table or paragraph with the paragraph above it that asks for them (a table's whatever it says)."""
    text = lines[start].text
    table = text.lstrip().startswith("|")
    if _LIST_ITEM.match(text):
        first, end = start, start + 1
    else:
        first, end = start, start + 1
        while first > floor and _joins(lines[first - 1], table):
            first -= 1
        while end < len(lines) and _joins(lines[end], table):
            end += 1
    answers: list[str] = []

    def blank(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner.strip() in _NO_GAP:
            return match.group(0)
        if "|" in inner:
            choices = [part.strip() for part in inner.split("|")]
            right = [part.strip("()").strip() for part in choices if part.startswith("(") and part.endswith(")")]
            answers.append(", ".join(right))
            return "[" + " / ".join(part.strip("()").strip() for part in choices) + "]"
        answers.append(inner.strip())
        return "[…]"

    written = "\n".join(line.text for line in lines[first:end])
    front = _GAP.sub(blank, written).strip()
    if not answers or not all(answers):
        return None
    if table:  # the table filled in: which cell each answer goes to
        filled = iter(answers)
        back = _GAP.sub(lambda gap: gap.group(0) if gap.group(1).strip() in _NO_GAP else f"**{next(filled)}**", written)
    elif len(answers) == 1:
        back = _literal(answers[0])
    else:
        back = "\n".join(f"{k}. {_literal(answer)}" for k, answer in enumerate(answers, 1))
    if not _LIST_ITEM.match(text):
        above = first - 1
        while above > floor and lines[above].blank:
            above -= 1
        lead = above
        while lead > floor and _says(lines[lead - 1]):
            lead -= 1
        if floor <= above < first - 1 and _says(lines[above]):
            group = lines[lead : above + 1]
            if table or _asks(group):
                front = answer_from(group)[0] + "\n\n" + front
                first = lead
    return front, back.strip(), first, end


def _says(line: Line) -> bool:
    """Is ``line`` text that may ask for the gaps below it (a paragraph's or list item's)?"""
    return _joins(line, False) or bool(_LIST_ITEM.match(line.text)) and not line.code and not _OPTION.match(line.text)


def _joins(line: Line, table: bool) -> bool:
    """Is ``line`` part of the paragraph (or table) beside it: text, no heading, marker or line of stars?"""
    text = line.text
    if line.code or not text.strip() or heading(line) or _STARS.match(text) or _MARKER.match(text) or _RULE.match(text):
        return False
    return text.lstrip().startswith("|") == table and not _LIST_ITEM.match(text) and not _OPTION.match(text)


def _score(source: Source, entries: list[Entry]) -> float:
    """LiaScript's marks name the quizzes: a file with two of them is this layout's, however much prose
    (a lecture's) stands around them."""
    return 1.0 if len(entries) >= 2 else marked_coverage(source, entries)


LAYOUT = make_layout(
    NAME,
    "LiaScript courses' quizzes: [( )]/[(X)] and [[ ]]/[[X]] options, [[answer]] text and gaps, matrices",
    find,
    _score,
)
