"""Markdown (and plain text) with the few lines its writers put in HTML or lists made plain Markdown.

A line that is one HTML heading (``<h3 name="x">What is …?</h3>``) becomes an
ATX heading, so headings read as headings whichever way they were written; a
heading whose tag stays open over a few lines becomes one heading on its first
line, the lines it spanned left blank so every later line keeps its number; a
heading inside a numbered list item (``12. ### What is …?``) becomes the
heading with its number, and the item's body is dedented with it; so does markdown-anki-decks' question
block (``<div data-question markdown="block">`` on a line of its own, closed by a ``</div>`` line within
a few lines), its lines joined and their heading and list marks dropped. A definition list
(Pandoc, PHP Markdown Extra, kramdown, MkDocs: a term on its own line, then ``: its
definition``) becomes its term as a heading of the deepest level over the definition, so
that a glossary reads as card titles over their backs (the ``titles`` layout), under the
document's own headings. Abbreviations' definitions (``*[HTML]: Hypertext Markup Language``) are a glossary's
terms in a file of them, and blank in a page, which shows none of them. A quote holding ``Q:`` pairs (``> **Q:** …``) loses its markers:
some FAQs set each card apart so, and the pair is the prefixed layout's. A line that is one Hugo
shortcode (``{{< hint info >}}``, ``{{% /details %}}``) is page layout, not text: it goes, what it
wraps stays; a folding one titled with a question (``{{% details title="Can I …?" %}}``, ``{{< expand
"How …?" >}}``) is how Hugo sites write a FAQ entry, and becomes ``<details><summary>`` … ``</details>``
(a fold titled "Show answer" under a question in bold stays the bold layout's). Titled boxes (Obsidian
callouts, MkDocs admonitions, fenced divs) are rewritten by :mod:`.callouts`; a callout a note app wrote as
``<aside>`` and ``</aside>`` lines around its text (Notion's export) becomes a quote of that text at its
indent, so a hint under a question's toggle stays in its answer, as a note set apart. Code fences are left
alone. Every other line is kept as it is, and a text holding none of these is returned untouched.
"""

from __future__ import annotations

import re

from pathlib import Path

from ..model import Source
from . import callouts
from .callouts import QUOTE  # a quote holding "Q:" pairs is how some FAQs set their cards apart
from ..parsers.markup import inline_text
from ..parsers.prefixed import QUESTION
from ..parsers.structure import SPACE, Line, LineStart, ends_asking, outline

_HTML_HEADING = re.compile(r"^\s{0,3}<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
_HTML_HEADING_OPEN = re.compile(r"^\s{0,3}<h([1-6])\b[^>]*>(.*)$", re.IGNORECASE)
# A heading is a few lines at most: an open tag with no close in reach is not read as one.
_MAX_HEADING_LINES = 12
_LISTED_HEADING = re.compile(r"^\s{0,3}(\d+[.)])\s+(#{1,6})\s+(\S.*)$")
#: markdown-anki-decks' question block, its lines the question (an unclosed one is text).
_QUESTION_DIV = re.compile(r"<div\s+data-question\b[^>]*>[ \t]*")
_QUESTION_LINES = 20
_MARKS = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)")
#: A line either rewrite could start on: searched from newline to newline, every file is read so.
_MAY_REWRITE = LineStart(
    re.compile(rf"^{SPACE}{{0,3}}(?:<[hH][1-6]|<div{SPACE}+data-question|\*?\[|\d+[.)]{SPACE}+#|[:~]{SPACE}+\S|>{SPACE}*(?:\*\*|__)?Q|\{{\{{[<%]|\{{%|>{SPACE}?\[!|!!!|\?\?\?|:::|===[!+]?{SPACE}+\")")
)
#: A numbered line indented as code (four spaces or more): where a writer indented a whole list of numbered
#: questions and their answers, Markdown shows a code block, and no layout reads what it holds.
_INDENTED_NUMBERED = LineStart(re.compile(rf"^(?: {{4}}|\t){SPACE}*\d{{1,3}}[.)]{SPACE}+\S"))
_NUMBERED_ITEM = re.compile(r"^\d{1,3}[.)]\s+(\S.*)$")
#: The line before an indented block that keeps it in a list (an item, or its text indented under it): then the
#: block is the item's own text, not code.
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
#: An abbreviation's definition (PHP Markdown Extra, MkDocs): ``*[HTML]: Hypertext Markup Language``.
_ABBREVIATION = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*(\S.*)$")
#: A link reference definition, ``[docs]: https://… "title"`` (a footnote's ``[^1]:`` is text, not one).
_LINK_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?\S+>?(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$")
#: A definition: ":" (or "~") and its text, under a term.
_DEFINITION = re.compile(r"^ {0,3}[:~]\s+(\S.*)$")
#: A line that is one Hugo shortcode: its delimiter, "/" when it closes, its name, its arguments, "/"
#: when it closes itself.
_SHORTCODE = re.compile(
    r"""^\s*\{\{([<%])\s*(/?)\s*([\w./-]+)((?:\s+(?:[\w-]+=)?(?:"[^"]*"|'[^']*'|`[^`]*`|[^\s"'`/%>]+))*)"""
    r"""\s*(/?)\s*[>%]\}\}\s*$"""
)
#: A shortcode's title: a ``title=`` argument, else its first argument when that is quoted.
_SHORTCODE_TITLE = re.compile(r"""\btitle=(?:"([^"]*)"|'([^']*)')|^\s*(?:"([^"]*)"|'([^']*)')""")
#: Shortcodes that fold what they wrap under their title (the last part of the name, lower case).
_FOLDING = frozenset({"details", "expand", "collapse", "collapsible", "accordion", "toggle", "spoiler", "faq"})
#: A line that is one Liquid tag (GitBook's ``{% hint style="info" %}``, ``{% endtabs %}``, Jekyll's
#: ``{% highlight python %}``): its name and its arguments.
_LIQUID = re.compile(r"""^\s*\{%-?\s*([\w-]+)((?:\s+(?:[\w-]+=)?(?:"[^"]*"|'[^']*'|[^\s"'%]+))*)\s*-?%\}\s*$""")
#: The blocks GitBook and Jekyll lay a page out with (a closing tag is ``end`` and the name): the tags are
#: no text. Liquid's logic (``for``, ``if``, ``include``) is not among them: a site's machinery, which
#: :func:`..parsers.structure.without_site_templates` reads, and other templates' tags stay text.
_LIQUID_BLOCKS = frozenset({
    "hint", "tabs", "tab", "code", "content-ref", "embed", "file", "stepper", "step", "columns", "column",
    "raw", "highlight", "swagger", "swagger-description", "swagger-parameter", "swagger-response", "openapi",
    "openapi-operation", "openapi-schemas", "openapi-webhook", "updates", "update",
})
#: A tab's label as GitBook writes it (``{% tab title="Linux" %}``).
_LIQUID_TITLE = re.compile(r"""\btitle=(?:"([^"]*)"|'([^']*)')""")
#: An embed's address (``{% embed url="https://…" %}``), shown as a link.
_LIQUID_URL = re.compile(r"""\burl=(?:"([^"]+)"|'([^']+)')""")
#: Lines that cannot be a term: blank, a heading, a list item, a quote, a table row, a definition.
_NOT_TERM = re.compile(r"^\s*$|^ {0,3}(?:#|[-*+>|]\s|\d+[.)]\s|[:~]\s)")


def _dedent_item(lines: list[str], start: int, width: int) -> None:
    """Lines of the list item opening above ``start``, out of the item: up to ``width`` spaces less.

    Once its heading is no list item, its body indented under it would read as code.
    """
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent == 0 or _LISTED_HEADING.match(line):
            return
        lines[index] = line[min(indent, width) :]


def _unindent_question_blocks(lines: list[str], marked: list[Line]) -> None:
    """Each indented code block that holds numbered questions (two or more items ending in a question mark, at
    the block's own indent), made plain text: its lines lose the indent they share. A writer who indents a
    whole list of questions and answers by four spaces (``    1. Class là gì?`` over its answer) means a list,
    not code; a block of code numbers no questions so."""
    index, count = 0, len(lines)
    while index < count:
        line = lines[index]
        if marked[index].code or not line.strip() or _indent(line) < 4 or not _opens_code(lines, index):
            index += 1
            continue
        end = index
        while end < count and not marked[end].code and (not lines[end].strip() or _indent(lines[end]) >= 4):
            end += 1
        block = range(index, end)
        width = min(_indent(lines[k]) for k in block if lines[k].strip())
        asked = sum(1 for k in block if _indent(lines[k]) == width
                    and (item := _NUMBERED_ITEM.match(lines[k].expandtabs(4)[width:])) and ends_asking(item.group(1).rstrip()))
        if asked >= 2:
            for k in block:
                lines[k] = lines[k].expandtabs(4)[width:]
        index = end


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _opens_code(lines: list[str], index: int) -> bool:
    """Does the indented line ``lines[index]`` open an indented code block: a blank line (or the text's start)
    above it, and above that no list item whose text it could be?"""
    above = index - 1
    if above >= 0 and lines[above].strip():
        return False
    while above >= 0 and not lines[above].strip():
        above -= 1
    return above < 0 or (_indent(lines[above]) < 4 and not _LIST_ITEM.match(lines[above]))


def _rewrite_html_heading(lines: list[str], index: int, marked: list[Line]) -> None:
    """The HTML heading opening at ``lines[index]`` as an ATX heading, when it closes within a few lines."""
    line = lines[index]
    html = _HTML_HEADING.match(line)
    if html:
        level, body, end = html.group(1), html.group(2), index
    else:
        opened = _HTML_HEADING_OPEN.match(line)
        if not opened:
            return
        level, close = opened.group(1), f"</h{opened.group(1)}>"
        parts = [opened.group(2)]
        for end in range(index + 1, min(index + _MAX_HEADING_LINES, len(lines))):
            if marked[end].code:
                return
            text = lines[end]
            found = text.lower().find(close)
            if found >= 0:
                if text[found + len(close) :].strip():
                    return  # more after the tag: a block of HTML, not a heading
                parts.append(text[:found])
                break
            parts.append(text)
        else:
            return
        body = " ".join(part.strip() for part in parts)
    _as_heading(lines, index, end, int(level), inline_text(body))


def _rewrite_question_div(lines: list[str], index: int) -> None:
    """markdown-anki-decks' question block opening at ``lines[index]`` as a level-2 heading, when it closes
    within :data:`_QUESTION_LINES` and holds no other block."""
    end = next((k for k in range(index + 1, min(index + _QUESTION_LINES, len(lines))) if lines[k].strip() == "</div>"),
               None)
    inner = lines[index + 1 : end] if end is not None else []
    if end is None or any("<div" in part for part in inner):
        return
    _as_heading(lines, index, end, 2, " ".join(_MARKS.sub("", part).strip() for part in inner if part.strip()))


def _as_heading(lines: list[str], index: int, end: int, level: int, title: str) -> None:
    """``lines[index:end + 1]`` as one ATX heading on the first, the others blank: later lines keep their numbers."""
    if not title:
        return
    lines[index] = "#" * level + " " + title
    for spanned in range(index + 1, end + 1):
        lines[spanned] = ""


def _unquote_cards(lines: list[str], start: int, marked: list[Line]) -> None:
    """The quote opening at ``lines[start]`` without its markers when a line of it opens with a
    question marker (``> **Q:** …``): its cards, read as the prefixed layout reads them."""
    end = start
    while end < len(lines) and not marked[end].code and QUOTE.match(lines[end]):
        end += 1
    inner = [QUOTE.sub("", line, count=1) for line in lines[start:end]]
    if any(QUESTION.match(text) for text in inner):
        lines[start:end] = inner


def _unshown_definitions(lines: list[str], marked: list[Line]) -> None:
    """Abbreviations' definitions (``*[HTML]: …``) as a glossary's bold terms where they are most of the text (a
    site's list of its abbreviations), else blank: a page shows none of them, they only mark its words. Link
    reference definitions that are most of the text are blank too."""
    found = [index for index, line in enumerate(lines) if line[:2] == "*[" and not marked[index].code
             and _ABBREVIATION.match(line)]
    written = sum(1 for line in lines if line.strip())
    listed = len(found) * 2 >= written
    for index in found:
        term, meaning = _ABBREVIATION.match(lines[index]).group(1, 2)  # type: ignore[union-attr]
        lines[index] = f"**{term.strip()}**: {meaning.strip()}" if listed else ""
    # A file that is mostly link reference definitions (a docs site's list of link targets) shows nothing: its
    # targets are no definitions of their names. In a page they stay, for the page's links.
    targets = [index for index, line in enumerate(lines) if line.lstrip(" ")[:1] == "[" and not marked[index].code
               and _LINK_DEFINITION.match(line)]
    if targets and len(targets) * 2 >= written:
        for index in targets:
            lines[index] = ""


def _rewrite_definition(lines: list[str], index: int, marked: list[Line]) -> bool:
    """True when ``lines[index]`` defines a term: the line above it, or the one above a blank line,
    which is made a level-6 heading; or a definition of the same term (rewritten already) just above it."""
    above = index - 1
    if above > 0 and not lines[above].strip():
        above -= 1  # a blank line may part the term from its definition
    if above < 0 or marked[above].code:
        return False
    if marked[above].text != lines[above]:
        return bool(_DEFINITION.match(marked[above].text))  # the term's earlier definition
    term = lines[above]
    if _NOT_TERM.match(term) or (above > 0 and lines[above - 1].strip()):
        return False  # a term is a paragraph of one line
    lines[above] = f"###### {term.strip()}"
    return True


def _shortcode(found: re.Match[str], opened: list[tuple[str, bool]]) -> str:
    """What the line of the shortcode ``found`` becomes; ``opened`` holds the shortcodes open around it
    (name, and whether it folds), innermost last. A shortcode may never close (``{{< include … >}}``):
    a closing one closes the nearest of its name."""
    _, closing, name, arguments, alone = found.groups()
    if closing:
        while opened:
            open_name, folds = opened.pop()
            if open_name == name:
                return "</details>" if folds else ""
        return ""
    title = _SHORTCODE_TITLE.search(arguments)
    question = next((group for group in title.groups() if group is not None), "") if title else ""
    line = callouts.opening(name, question) if not alone and name.rsplit("/", 1)[-1].lower() in _FOLDING else ""
    if not alone:
        opened.append((name, line.startswith("<details>")))
    return line


#: A MyST role (``{ref}`install```, ``{doc}`Setup <setup>```): its name and what it shows.
#: It stands after a space or an opening bracket or quote, never inside code (`` `{name}` ``) or after a ``$``.
_MYST_ROLE = re.compile(r"""(?:(?<=^)|(?<=[\s(\["']))\{([a-z][\w:-]*)\}(`+)([^`]+?)\2(?!`)""")


def _myst_role(found: re.Match[str]) -> str:
    """What a MyST role shows: math as math, else its title (the text before ``<target>``) or its target,
    as code, as the reStructuredText reader shows roles."""
    name, text = found.group(1), found.group(3)
    if name == "math":
        return f"${text}$"
    titled = re.match(r"^(.+?)\s*<[^>]*>$", text)
    shown = (titled.group(1) if titled else text.removeprefix("~").lstrip("!")).replace("`", "")
    return f"`{shown}`"


def _liquid(found: re.Match[str]) -> str | None:
    """What the line of the Liquid tag ``found`` becomes: a layout block's tag goes and what it wraps stays
    (a hint's text, a tab's, a stepper's steps), a tab's label as a bold label over its text (as MkDocs tabs'
    labels are, :func:`.callouts.tab`), an embed as a
    link to what it embeds, Jekyll's ``highlight`` block as a code fence; None for any other tag, which
    is kept."""
    name, arguments = found.group(1).lower(), found.group(2)
    if name.removeprefix("end") not in _LIQUID_BLOCKS:
        return None
    if name == "highlight":
        return "```" + (arguments.split()[0] if arguments.split() else "")
    if name == "endhighlight":
        return "```"
    label = _LIQUID_TITLE.search(arguments) if name == "tab" else None
    if label:
        return f"**{next(group for group in label.groups() if group is not None).strip().rstrip(':')}:**"
    url = _LIQUID_URL.search(arguments) if name == "embed" else None
    if url:
        return f"<{next(group for group in url.groups() if group is not None)}>"
    return ""


#: A callout's opening and closing lines as Notion exports them to Markdown, at any indent (a toggle's).
_ASIDE_OPEN = "<aside>"
_ASIDE_CLOSE = "</aside>"
#: How far a callout's closing line is looked for: a callout is a few paragraphs.
_ASIDE_LINES = 60


def _quote_asides(lines: list[str], marked: list[Line]) -> None:
    """Each ``<aside>`` … ``</aside>`` run of lines as a quote of the lines between, at the opening line's indent
    (their own lines blank: every line keeps its number); an opening line with no closing one in reach is kept."""
    for index, line in enumerate(lines):
        if marked[index].code or line.strip() != _ASIDE_OPEN:
            continue
        end = next((j for j in range(index + 1, min(len(lines), index + _ASIDE_LINES))
                    if not marked[j].code and lines[j].strip() in (_ASIDE_OPEN, _ASIDE_CLOSE)), None)
        if end is None or lines[end].strip() != _ASIDE_CLOSE:
            continue
        indent = line[: len(line) - len(line.lstrip())]
        inner = range(index + 1, end)
        last = max((k for k in inner if lines[k].strip()), default=index)
        for k in inner:
            body = lines[k][len(indent):] if lines[k].startswith(indent) else lines[k].lstrip()
            lines[k] = f"{indent}> {body}" if body.strip() else (f"{indent}>" if k < last else "")
        lines[index] = lines[end] = ""


def to_markdown(text: str) -> str:
    asides = _ASIDE_OPEN in text
    roles = "}`" in text
    indented = _INDENTED_NUMBERED.found_in(text)
    if not asides and not roles and not indented and not _MAY_REWRITE.found_in(text):
        return text  # most files
    marked = outline(Source(Path("<markdown>"), text))  # which lines are code, as every layout reads them
    lines = [line.text for line in marked]
    if indented:
        _unindent_question_blocks(lines, marked)
    if asides:
        _quote_asides(lines, marked)
    _unshown_definitions(lines, marked)
    opened: list[tuple[str, bool]] = []  # the Hugo shortcodes open here
    boxes = callouts.Boxes(len(lines), callouts.typed(text))  # what the callouts and fenced divs open here left
    for index, line in enumerate(lines):
        if marked[index].code:
            continue
        if roles and "}`" in line:
            lines[index] = line = _MYST_ROLE.sub(_myst_role, line)
        if line.lstrip(" ")[:1] in (">", "!", "?", ":", "=") and callouts.rewrite(lines, index, boxes):
            continue
        if "{{" in line and (shortcode := _SHORTCODE.match(line)):
            lines[index] = _shortcode(shortcode, opened)
            continue
        if "{%" in line and (tag := _LIQUID.match(line)) and (rewritten := _liquid(tag)) is not None:
            lines[index] = rewritten
            continue
        if line.lstrip(" ")[:2] in ("<h", "<H"):
            _rewrite_html_heading(lines, index, marked)
            continue
        if line.startswith("<div") and _QUESTION_DIV.fullmatch(line):
            _rewrite_question_div(lines, index)
            continue
        listed = _LISTED_HEADING.match(line)
        if listed:
            lines[index] = f"{listed.group(2)} {listed.group(1)} {listed.group(3)}"
            _dedent_item(lines, index + 1, line.index("#"))
            continue
        defined = _DEFINITION.match(line)
        if defined and _rewrite_definition(lines, index, marked):
            lines[index] = defined.group(1)
            continue
        if QUOTE.match(line) and (index == 0 or not QUOTE.match(lines[index - 1])):
            _unquote_cards(lines, index, marked)
    start = len(text.split("\n")) - len(lines)  # outline leaves front matter out
    return "\n".join([*text.split("\n")[:start], *lines])
