"""Markups whose headings are lines of equals signs, as Markdown, line for line.

They count the signs two ways:

- **down**, closed on both sides: DokuWiki and Zim pages (``====== Title ======`` the top level,
  ``==`` the deepest) and WordPress plugins' ``readme.txt`` (``=== Plugin ===``, ``== Section ==``,
  ``= Question? =``);
- **up**, the closing signs optional: RDoc, Typst and Creole (``= Title``, ``== Section``, more signs
  deeper). MediaWiki's closed headings also count up; they are :mod:`.mediawiki`'s.

A heading becomes an ATX heading of its level (a file counting down has its most signs at ``#``), so
the layouts find questions in headings and sections over them as in any Markdown file. Code blocks
(``<code>``, Zim's ``'''``, Creole's ``{{{``, Typst's and Markdown's fences, RDoc's indented verbatim)
become fences; the inline marks that would show as text on a card become Markdown's where that is
cheap and clear. Every other line is kept, so line *n* stays line *n*. A Typst problem set's
``#problem[…]`` (``#exercise``, ``#question``) answered by the ``#solution[…]`` (``#proof``, ``#answer``) inside
it or after it becomes ``Q:``/``A:`` lines (see :mod:`.asking`), and in such a file the text outside them is
left blank.

DokuWiki and Zim pages, WordPress readmes and pasted MediaWiki text are saved as ``.txt``:
:func:`is_wiki_text` tells them from other text by their closed headings (or Zim's header), and
:func:`text_to_markdown` reads them in the direction their headings count (:func:`levels`: a first
heading with the most signs is the page's title, and some readmes count up below it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..parsers.structure import SPACE, LineStart
from . import asking, mediawiki, typstdata
from .blocks import code_span, fence, indentation, indented_run, single_marks

#: A heading: its opening signs, the space after them, its title, its closing signs (none in the open form).
_HEADING = re.compile(r"^(={1,6})([ \t]*)(.*?[^=\s].*?)[ \t]*(=*)[ \t]*$")
#: Where a heading could start: searched once over a whole ``.txt`` before any line is looked at.
_MAY_BE_HEADING = LineStart(re.compile(rf"^={{1,6}}{SPACE}*[^= \t\n]"))
_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+\S")
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
#: Zim's page header: ``Content-Type: text/x-zim-wiki`` first, then ``Key: value`` lines up to a blank one.
_ZIM = "Content-Type: text/x-zim-wiki"
_HEADER_FIELD = re.compile(r"^[A-Z][\w-]*:")

# Wiki inline marks (DokuWiki, Zim, Creole).
_WIKI_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_MEDIA = re.compile(r"\{\{[^{}]*\}\}")  # DokuWiki's pictures and plugin calls ({{tag>…}}), Zim's pictures
_MONO = re.compile(r"''(?=\S)(.+?)(?<=\S)''")
_ITALIC = re.compile(r"(?<![:\w/])//(?=[^\s/])(.+?)(?<=[^\s:/])//(?!/)")
_DELETED = re.compile(r"<del>(.*?)</del>")
_BREAK = re.compile(r"[ \t]*\\\\(?:[ \t]+|$)")
_MACRO = re.compile(r"~~[A-Z_]+~~")
_INLINE_CODE = re.compile(r"<code>(.*?)</code>|\{\{\{(.*?)\}\}\}")
#: DokuWiki's lines indented two spaces are preformatted unless they are list items, two spaces a level.
_PREFORMATTED = re.compile(r"^(?: {2,}|\t)(?!\s*[*-] )")
_WIKI_ITEM = re.compile(r"^( {2,})([*-]) ")

# RDoc inline marks: words only, as RDoc reads them.
_RDOC_CODE = re.compile(r"<(tt|code)>(.*?)</\1>|(?<![\w+])\+([^\s+]+)\+(?![\w+])")
_RDOC_BOLD = re.compile(r"<b>(.*?)</b>|(?<![\w*])\*([^\s*]+)\*(?![\w*])")
_RDOC_EM = re.compile(r"<(em|i)>(.*?)</\1>|(?<![\w_])_([^\s_]+)_(?![\w_])")
_RDOC_LINK = re.compile(r"\{([^{}]+)\}\[(\S+?)\]")
#: An RDoc label list item (``Label:: text``), at the margin.
_RDOC_LABEL = re.compile(r"^([^\s:][^:]*?)::(?:[ \t]+(.*))?$")
_ITEM = re.compile(r"^\s*(?:[*-]|\d+\.|\[[^\]]+\])\s")

# Typst.
_TYPST_CODE_LINE = re.compile(r"^\s*#(?:set|show|let|import|include)\b")
#: A line that is one function call or name and nothing else (``#pagebreak()``, ``#v(1em)``, ``#qed``): layout or a
#: symbol, no text.
_TYPST_CALL = re.compile(r"^\s*#[\w.-]+(?:\([^()\[\]]*\))?\s*$")
#: A function's content block (``#definition[`` … ``]``, ``#align(center)[…]``): its text is the document's.
_TYPST_BLOCK = re.compile(r"^\s*#[\w.-]+(?:\([^()]*\))?\[(.*?)(\]?)\s*$")
_TYPST_BLOCK_END = re.compile(r"^\s*\]\s*$")
_TYPST_LABEL = re.compile(r"\s*<[\w:.-]+>\s*$")
_TYPST_LINK = re.compile(r'#link\("([^"]+)"\)(?:\[([^\]]*)\])?')
_TYPST_ITEM = re.compile(r"^(\s*)\+ ")
_TYPST_TERM = re.compile(r"^(\s*)/ ([^:]+):\s*(.*)$")
_COMMENT = re.compile(r"^\s*//")
#: Calls that ask (a problem set's ``#problem[…]``, ``#exercise``, ``#question``) and those answering the one they
#: sit in or follow (``#solution[…]``, ``#proof``, ``#answer``): see :mod:`.asking`.
_TYPST_ASKS = frozenset({"problem", "exercise", "question", "task", "exo", "aufgabe"})
_TYPST_ANSWERS = frozenset({"solution", "answer", "proof", "ans"})
_TYPST_ASKING = re.compile(r"(?m)^[ \t]*#(problem|exercise|question|task|exo|aufgabe|solution|answer|proof|ans)\b")
#: A block quote opening its line (``#quote(block: true)[…]``): under a heading naming an exercise, the exercise's
#: statement, as solution sheets quote it, the solution after it (see :func:`_quoted_exercises`).
_TYPST_QUOTE = re.compile(r"(?m)^[ \t]*#quote[ \t]*\(([^()]*)\)[ \t]*\[")
#: A heading that names an exercise: its word and number (``Exercise 1.2``, ``Problem 3``, ``Aufgabe 2``).
_TYPST_EXERCISE = re.compile(r"(?:exercise|exercice|ejercicio|esercizio|exerc[ií]cio|problem|question|task|aufgabe|übung"
                             r"|exo|ex\.?|q)[ \t]*\d", re.IGNORECASE)
#: A list written as a call (``#enum(numbering: "(a)", enum.item[…], …)``, ``#list(…)``), and its items
#: (``enum.item[``).
_TYPST_LIST = re.compile(r"#(enum|list)\(")
_TYPST_ITEM_CALL = re.compile(r"(?:enum|list)\.item(?:\([^()]*\))?\[")
_MATH_SPAN = re.compile(r"\$[^$]*\$")
#: What a file keeping its cards as data holds (see :mod:`.typstdata`): a card's call, a record's answer.
_TYPST_DATA = re.compile(r"card[ \t]*[(\[]|\b(?:solution|answer|back|verso|definition)[ \t]*:", re.IGNORECASE)
_TYPST_NUMBERED = re.compile(r"(?m)^[ \t]*\+ ")
_NUMBER_ONE = re.compile(r"^(\s*)1\. ")
_BLOCK_ARGUMENT = re.compile(r"\bblock[ \t]*:[ \t]*true\b")

_CREOLE_ITEM = re.compile(r"^\s*(#+)\s+(.*)$")


def _wiki_link(found: re.Match[str]) -> str:
    target, text = found.group(1), found.group(2)
    if text:
        return text
    return target.split(">", 1)[-1].lstrip(":")  # an interwiki link (wp>Page) shows its page


def _wiki_inline(text: str) -> str:
    """DokuWiki's, Zim's and Creole's inline marks as Markdown's (``**bold**`` is both)."""
    if "[[" in text:
        text = _WIKI_LINK.sub(_wiki_link, text)
    if "{{" in text or "<code>" in text:
        text = _INLINE_CODE.sub(lambda m: code_span(m.group(1) if m.group(1) is not None else m.group(2)), text)
        text = _MEDIA.sub("", text)
    if "''" in text:
        text = _MONO.sub(lambda m: code_span(m.group(1)), text)
    if "//" in text:
        text = _ITALIC.sub(r"*\1*", text)
    if "<del>" in text:
        text = _DELETED.sub(r"~~\1~~", text)
    if "\\\\" in text:
        text = _BREAK.sub(" ", text)
    if "~~" in text:
        text = _MACRO.sub("", text)
    return text


def _wiki_line(line: str) -> str:
    if _PREFORMATTED.match(line):
        return line
    item = _WIKI_ITEM.match(line)
    if item:  # at Markdown's depths: four spaces a level under the first, "-" a numbered item
        marker = "1." if item.group(2) == "-" else "*"
        line = " " * (4 * (len(item.group(1)) // 2 - 1)) + marker + line[item.end() - 1 :]
    return _wiki_inline(line)


def _rdoc_inline(text: str) -> str:
    if "{" in text:
        text = _RDOC_LINK.sub(r"[\1](\2)", text)
    if "+" in text or "<" in text:
        text = _RDOC_CODE.sub(lambda m: code_span(m.group(2) if m.group(2) is not None else m.group(3)), text)
    if "*" in text or "<b>" in text:
        text = _RDOC_BOLD.sub(lambda m: f"**{m.group(1) if m.group(1) is not None else m.group(2)}**", text)
    if "_" in text or "<" in text:
        text = _RDOC_EM.sub(lambda m: f"*{m.group(2) if m.group(2) is not None else m.group(3)}*", text)
    return text


def _rdoc_line(line: str) -> str:
    labelled = _RDOC_LABEL.match(line)
    if labelled:
        return f"{labelled.group(1)}: {_rdoc_inline(labelled.group(2) or '')}".rstrip()
    return _rdoc_inline(line)


def _typst_inline(text: str) -> str:
    if "#link" in text:
        text = _TYPST_LINK.sub(lambda m: f"[{m.group(2) or m.group(1)}]({m.group(1)})", text)
    return single_marks(text).removesuffix(" \\")


def _typst_line(line: str) -> str:
    if _COMMENT.match(line) or _TYPST_CALL.match(line) or _TYPST_BLOCK_END.match(line):
        return ""
    block = _TYPST_BLOCK.match(line)
    if block and (block.group(2) or not block.group(1).strip()):  # the block on its line, or its opener alone
        return _typst_inline(block.group(1))
    term = _TYPST_TERM.match(line)
    if term:
        return f"{term.group(1)}**{term.group(2).strip()}**: {_typst_inline(term.group(3))}"
    if line[:1] in " \t" and line.lstrip().startswith("$"):
        line = line.lstrip()  # display math indented as Typst allows, no code block as Markdown's indent would make it
    return _TYPST_ITEM.sub(r"\g<1>1. ", _typst_inline(line), count=1)


def _creole_line(line: str) -> str:
    item = _CREOLE_ITEM.match(line)  # "#" items would read as Markdown headings
    if item:
        return "    " * (len(item.group(1)) - 1) + "1. " + _wiki_inline(item.group(2))
    return _wiki_inline(line)


def _typst_title(title: str) -> str:
    return _typst_inline(_TYPST_LABEL.sub("", title))


@dataclass(frozen=True)
class Convention:
    """How one markup writes headings, code and inline marks."""

    #: More signs are a higher level (DokuWiki, Zim, WordPress readmes) rather than a deeper one; None: as
    #: the page's headings count (see :func:`levels`).
    down: bool | None
    #: A heading needs its closing signs: an open ``= x`` line is text.
    closed: bool
    #: A heading's title as Markdown.
    title: Callable[[str], str]
    #: Any other line outside code as Markdown.
    line: Callable[[str], str]
    #: A code block's opening line (group 1, if any: its language) and its closing line.
    code: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    #: Indented lines after a blank line are verbatim text (RDoc).
    indented_code: bool = False
    #: Lines opening with these are code to drop, with the lines their open brackets carry on to (Typst).
    code_lines: re.Pattern[str] | None = None


DOKUWIKI = Convention(
    down=True, closed=True, title=_wiki_inline, line=_wiki_line,
    code=(re.compile(r"^\s*(?:<code|<file)(?:\s+([\w+#-]+))?[^>]*>\s*$|^'''\s*$"), re.compile(r"^\s*(?:</code>|</file>|''')\s*$")),
)
#: A wiki page saved as plain text: DokuWiki's marks, its levels read from its headings (see :func:`levels`).
WIKI_TEXT = replace(DOKUWIKI, down=None)
RDOC = Convention(down=False, closed=False, title=_rdoc_inline, line=_rdoc_line, indented_code=True)
TYPST = Convention(down=False, closed=False, title=_typst_title, line=_typst_line, code_lines=_TYPST_CODE_LINE)
CREOLE = Convention(
    down=False, closed=False, title=_wiki_inline, line=_creole_line,
    code=(re.compile(r"^\{\{\{\s*$()"), re.compile(r"^\}\}\}\s*$")),
)


def translate(text: str, convention: Convention) -> str:
    """``text``, written in ``convention``, as Markdown."""
    lines = text.split("\n")
    out = list(lines)
    header = _zim_header(lines)
    out[:header] = [""] * header
    headings: list[tuple[int, int, str]] = []  # line, signs, title
    closing: re.Pattern[str] | None = None  # what ends the markup's code block open here
    fenced: str | None = None  # the Markdown fence open here
    depth = 0  # brackets a dropped code line left open
    for index in range(header, len(lines)):
        line = lines[index]
        if depth:
            depth += _open_brackets(line)
            out[index] = ""
            continue
        if closing is not None:
            if closing.match(line):
                out[index] = "```"
                closing = None
            continue
        code, fenced = _fence_step(line, fenced)
        if code:
            continue
        if convention.code and (opened := convention.code[0].match(line)):
            out[index] = f"```{opened.group(1) or ''}"
            closing = convention.code[1]
            continue
        if convention.code_lines and convention.code_lines.match(line):
            out[index] = ""
            depth = max(0, _open_brackets(line))
            continue
        heading = _HEADING.match(line)
        if heading and (heading.group(4) if convention.closed else heading.group(2)):
            headings.append((index, len(heading.group(1)), heading.group(3)))
            continue
        if line.strip():
            out[index] = convention.line(line)
    for (index, _, title), level in zip(headings, levels([signs for _, signs, _ in headings], convention.down)):
        out[index] = "#" * level + " " + convention.title(title)
    if convention.indented_code:
        _fence_indented(out, lines)
    return "\n".join(out)


def _fence_step(line: str, fenced: str | None) -> tuple[bool, str | None]:
    """Is ``line`` in a Markdown code fence (its fences included), read with the fence ``fenced`` open
    before it; and the fence open after it."""
    if fenced is not None:
        return True, (None if line.lstrip().startswith(fenced) else fenced)
    opened = _FENCE.match(line)
    return (True, opened.group(1)) if opened else (False, None)


def _zim_header(lines: list[str]) -> int:
    """How many lines Zim's header takes (``Content-Type:`` and the other facts about the page, not its text)."""
    if not lines[0].startswith(_ZIM):
        return 0
    end = 0
    while end < len(lines) and _HEADER_FIELD.match(lines[end]):
        end += 1
    return end


def _open_brackets(line: str) -> int:
    return sum(line.count(c) for c in "([{") - sum(line.count(c) for c in ")]}")


def _fence_indented(out: list[str], lines: list[str]) -> None:
    """RDoc's verbatim text (lines indented past the margin after a blank line) as fences, as written; under
    a list item it is the item's next paragraph, and under a label (``A:: …``) it is dedented to the margin."""
    index = 1
    while index < len(out):
        if out[index].strip() and indentation(lines[index]) > 0 and not lines[index - 1].strip():
            end = indented_run(lines, index, 0)
            item = _item_above(lines, index)
            if item is None:
                out[index:end] = lines[index:end]  # verbatim: no inline marks read
                fence(out, index, end)
            elif _RDOC_LABEL.match(item):
                out[index:end] = [line.lstrip() for line in out[index:end]]
            index = end + 1
            continue
        index += 1


def _item_above(lines: list[str], index: int) -> str | None:
    """The list item or label whose paragraph is above the blank line before ``lines[index]``, if any."""
    above = index - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    while above > 0 and lines[above - 1].strip() and indentation(lines[above]) > 0:
        above -= 1
    if above >= 0 and (_ITEM.match(lines[above]) or _RDOC_LABEL.match(lines[above])):
        return lines[above]
    return None


def _closed_signs(text: str) -> tuple[list[int], int]:
    """The sign counts of the closed headings outside code (both sides alike), and how many Markdown headings."""
    signs: list[int] = []
    atx = 0
    fenced: str | None = None
    for line in text.split("\n"):
        code, fenced = _fence_step(line, fenced)
        if code:
            continue
        if line[:1] == "=":
            heading = _HEADING.match(line)
            if heading and len(heading.group(1)) == len(heading.group(4)):
                signs.append(len(heading.group(1)))
        elif line[:1] in "# " and _ATX.match(line):
            atx += 1
    return signs, atx


def is_wiki_text(text: str) -> bool:
    """Is this plain text a wiki page: Zim's header, or two closed ``== headings ==`` or more, outnumbering
    any Markdown headings? A stray ``= x`` line, a setext underline or ``a == b`` is no heading."""
    if text.startswith(_ZIM):
        return True
    if not _MAY_BE_HEADING.found_in(text):
        return False
    signs, atx = _closed_signs(text)
    return len(signs) >= 2 and len(signs) > atx


def counts_down(signs: list[int]) -> bool:
    """Do these headings (in order) count down, DokuWiki's way? A page opens with its top level: most
    signs there counts down (DokuWiki, WordPress), fewest up (MediaWiki); a page of one level counts down
    when it has DokuWiki's top signs (three or more), MediaWiki's sections having two."""
    if not signs:
        return True
    first, most, fewest = signs[0], max(signs), min(signs)
    if most > fewest and first in (most, fewest):
        return first == most
    return first >= 3


def titled(signs: list[int]) -> bool:
    """Does the first heading title the page: as many signs as any other heading, more than some?

    A WordPress readme opens with ``=== Plugin ===`` over ``== Section ==`` and ``= Question =``, but
    some write their questions ``=== Question ===`` under ``== FAQ ==``, counting up below the title."""
    return len(signs) > 1 and signs[0] >= max(signs[1:]) and signs[0] > min(signs[1:])


def levels(signs: list[int], down: bool | None) -> list[int]:
    """The Markdown level of each heading with these signs, counted ``down`` (more signs higher), up, or
    (None) as the page counts them: below a title (:func:`titled`, the top level), as the rest count."""
    if not signs:
        return []
    if down is None and titled(signs):
        return [1, *(level + 1 for level in levels(signs[1:], counts_down(signs[1:])))]
    if down is None:
        down = counts_down(signs)
    most, fewest = max(signs), min(signs)
    return [most - n + 1 if down else n - fewest + 1 for n in signs]


def text_to_markdown(text: str) -> str:
    """A wiki page saved as plain text, read in the direction its headings count: a page with a title or
    counting down is DokuWiki's, Zim's or a WordPress readme; one counting up MediaWiki's."""
    signs = _closed_signs(text)[0]
    if text.startswith(_ZIM) or titled(signs) or counts_down(signs):
        return translate(text, WIKI_TEXT)
    return mediawiki.to_markdown(text)


def dokuwiki_to_markdown(text: str) -> str:
    return translate(text, DOKUWIKI)


def rdoc_to_markdown(text: str) -> str:
    return translate(text, RDOC)


def typst_to_markdown(text: str) -> str:
    """A Typst file as Markdown: the cards it keeps as data (:mod:`.typstdata`) when it keeps any, else its markup,
    its exercises answered by their solutions (quoted statements, ``#problem``/``#solution`` calls) marked."""
    if _TYPST_DATA.search(text):
        cards = typstdata.to_markdown(text, _typst_content)
        if cards:
            return cards
    markdown = translate(text, TYPST)
    if _TYPST_NUMBERED.search(text):
        markdown = _nest_under_numbers(text.split("\n"), markdown)
    if "#quote" in text or "#enum(" in text or "#list(" in text:
        lines = markdown.split("\n")
        if "#enum(" in text or "#list(" in text:
            _typst_lists(text, lines)
        if "#quote" in text:
            _quoted_exercises(text, lines)
        markdown = "\n".join(lines)
    if _TYPST_ASKING.search(text) is None:
        return markdown
    placed = asking.Lines(text.split("\n"))
    marked: dict[int, str] = {}
    held = asking.pair(placed, _typst_blocks(placed.text), _TYPST_ASKS, _TYPST_ANSWERS, _typst_quiet, _typst_plain,
                       marked)
    if not held:
        return markdown
    lines = markdown.split("\n")
    for row, line in enumerate(lines):
        if row in marked:
            lines[row] = _typst_inline(marked[row])
        elif row not in held and not line.startswith("#"):
            lines[row] = ""  # a sheet of answered questions: what none holds is no card's text (headings stay)
    return "\n".join(lines)


def _nest_under_numbers(source: list[str], markdown: str) -> str:
    """``markdown`` with each numbered item (``+ …``) numbered as Typst shows it (``1.``, ``2.`` … down a list), and
    the lines inside it (its text two columns in) one column further in, as the number holds its text three columns
    in: the options listed under a question stay its own (``+ Question`` over ``  - [x] right``)."""
    lines = markdown.split("\n")
    open_items: list[int] = []  # the indentation of each numbered item the line is inside
    counts: dict[int, int] = {}  # the last number given at each indentation, in the lists still going on
    fenced: str | None = None
    for row, line in enumerate(source):
        code, fenced = _fence_step(line, fenced)
        if code or not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        while open_items and indent < open_items[-1] + 2:
            open_items.pop()
        item = _TYPST_ITEM.match(line)
        for level in [level for level in counts if level > indent or level == indent and not item]:
            del counts[level]  # text at or left of a list ends it
        if open_items and lines[row].strip():
            lines[row] = " " * len(open_items) + lines[row]
        if item:
            counts[indent] = counts.get(indent, 0) + 1
            lines[row] = _NUMBER_ONE.sub(rf"\g<1>{counts[indent]}. ", lines[row], count=1)
            open_items.append(indent)
    return "\n".join(lines)


def _typst_content(markup: str) -> str:
    return translate(markup, TYPST)


def _quoted_exercises(text: str, lines: list[str]) -> None:
    """Write each exercise whose statement is quoted (a heading naming it, a block quote opening its section, the
    solution below) in ``lines`` (``text`` as Markdown) as ``Q:``/``A:`` lines: the quote's first line ``Q:``, the
    first line after it ``A:`` (line *n* stays line *n*)."""
    placed = asking.Lines(text.split("\n"))
    source = text.split("\n")
    for found in _TYPST_QUOTE.finditer(text):
        if not _BLOCK_ARGUMENT.search(found.group(1)):
            continue
        opened = found.end()
        closing = asking.group_end(text, opened - 1, min(len(text), opened + 20 * asking.ARGUMENT_LIMIT), math=True)
        if closing is None:
            continue
        first, last = placed.row(found.start()), placed.row(closing - 1)
        answer = _after_quote(source, last + 1)
        if text[closing : placed.line_end(last)].strip() or answer is None or not _names_exercise(source, first):
            continue
        if first != last:  # the opening's line and the closing bracket's, as the line passes left them
            lines[first] = _TYPST_QUOTE.sub("", lines[first], count=1)
            lines[last] = lines[last].rstrip().removesuffix("]")
        else:
            lines[first] = _typst_inline(text[opened : closing - 1])
        lines[first] = f"Q: {lines[first].strip()}".rstrip()
        lines[answer] = f"A: {lines[answer].lstrip()}"


def _typst_lists(text: str, lines: list[str]) -> None:
    """Write each ``#enum(…)`` and ``#list(…)`` call of ``text`` in ``lines`` as a Markdown list: an
    ``enum.item[…]`` (``list.item``) or a content argument an item, the lines inside it the item's, its other
    arguments (``numbering: "(a)"``) and its brackets left out. Text before the call on its first line and after it
    on its last stays."""
    placed = asking.Lines(text.split("\n"))
    source = text.split("\n")
    done = -1
    for found in _TYPST_LIST.finditer(text):
        first = placed.row(found.start())
        if first <= done:
            continue  # a list inside one already written
        closing = typstdata.group_end(text, found.end() - 1)
        if closing is None:
            continue
        last = placed.row(closing - 1)
        done = last
        marker = "1." if found.group(1) == "enum" else "-"
        before = lines[first] if first != placed.row(found.start()) else text[placed.starts[first] : found.start()]
        rows = [text[found.end() : placed.line_end(first)]] + source[first + 1 : last]
        rows.append(text[placed.starts[last] : closing - 1] if last != first else "")
        written = _list_lines(rows, marker)
        if last == first:
            lines[first] = (before + " ".join(one for one in written if one)).rstrip()
        else:
            written[0] = (before + written[0]).rstrip()
            lines[first : last + 1] = written[:-1] + [(written[-1] + text[closing : placed.line_end(last)]).rstrip()]


def _list_lines(rows: list[str], marker: str) -> list[str]:
    """The argument lines of a list call (``rows``, the first after its opening parenthesis, the last before its
    closing one) as Markdown list lines, one for one."""
    out = []
    depth = 0  # content brackets open at the start of the row: inside an item
    for row in rows:
        stripped = row.strip()
        if depth == 0:
            item = _TYPST_ITEM_CALL.match(stripped)
            if item or stripped.startswith("["):
                rest = stripped[item.end() if item else 1 :]
                opened = 1 + _open_content(rest)
                written = rest.rstrip(",").rstrip()
                if opened == 0:
                    written = written.removesuffix("]")
                out.append(f"{marker} {_typst_inline(written).strip()}".rstrip())
                depth = opened
                continue
            out.append("")  # an argument (``numbering: "(a)"``), a comma or the closing parenthesis
            continue
        depth += _open_content(stripped)
        if depth <= 0:
            depth = 0
            out.append(_typst_line(stripped.rstrip(",").rstrip().removesuffix("]")).strip())
            continue
        out.append(("   " + _typst_line(stripped).strip()).rstrip())
    return out


def _open_content(line: str) -> int:
    """How many more content brackets ``line`` opens than it closes, outside its math."""
    outside = _MATH_SPAN.sub("", line)
    return outside.count("[") - outside.count("]")


def _names_exercise(source: list[str], row: int) -> bool:
    """Is the line above ``row`` (blank lines skipped) a heading naming an exercise (``=== Exercise 1.2``)?"""
    above = row - 1
    while above >= 0 and (not source[above].strip() or _TYPST_CODE_LINE.match(source[above])
                          or _COMMENT.match(source[above])):
        above -= 1
    heading = _HEADING.match(source[above]) if above >= 0 else None
    return heading is not None and bool(heading.group(2)) and _TYPST_EXERCISE.match(heading.group(3)) is not None


def _after_quote(source: list[str], row: int) -> int | None:
    """The first line of text after a quote ending before ``row``, in its section: None when a heading or the end
    comes first (a quote with nothing under it)."""
    while row < len(source):
        line = source[row]
        if _HEADING.match(line) and line.startswith("="):
            return None
        if line.strip() and not _COMMENT.match(line):
            return row
        row += 1
    return None


def _typst_blocks(text: str) -> list[asking.Block]:
    """The asking and answering calls with a content block (``#problem(title: [x])[…]``, ``#solution[…]``)."""
    blocks = []
    for found in _TYPST_ASKING.finditer(text):
        at = found.end()
        if at < len(text) and text[at] == "(":
            at = asking.group_end(text, at, min(len(text), at + asking.ARGUMENT_LIMIT)) or len(text)
        if at >= len(text) or text[at] != "[":
            continue
        closing = asking.group_end(text, at, min(len(text), at + 20 * asking.ARGUMENT_LIMIT), math=True)
        if closing is not None:
            blocks.append(asking.Block(found.group(1), found.start(), at + 1, closing - 1, closing))
    return blocks


def _typst_quiet(between: str) -> bool:
    """Only blank lines, comments and layout calls (``#v(1em)``) between a question and its answer?"""
    return all(not line.strip() or _COMMENT.match(line) or _TYPST_CALL.match(line) for line in between.split("\n"))


def _typst_plain(text: str) -> str:
    return _TYPST_ITEM.sub(" ", text.replace("]", " ").replace("[", " "))


def creole_to_markdown(text: str) -> str:
    return translate(text, CREOLE)
