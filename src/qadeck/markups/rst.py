"""reStructuredText as Markdown, line for line.

Titles (underlined, or over- and underlined, with any punctuation) become ATX
headings, their level the order in which each adornment style first appears,
as docutils assigns them. Literal blocks (a paragraph ending in ``::``) and
``code-block``/``code``/``sourcecode``/``prompt`` directives become fenced code; auto-enumerated items (``#.``)
are numbered 1, 2, 3 … as docutils shows them; an
admonition's body is kept under its label; a content directive (``list-table``,
``glossary``, ``function`` …) keeps its body, dedented; directives that arrange the
document or pull in files, comments and link targets are bookkeeping and go. Inline literals, roles and hyperlinks become
Markdown's. A definition list (a term on a line of its own, its definition indented right under it, as Sphinx's
``glossary`` directive writes its entries too) becomes what the Markdown reader makes of Markdown's: its term a
heading of the deepest level over the definition, dedented, a card title over its back.
"""

from __future__ import annotations

import re

from . import callouts
from .blocks import code_span, fence, indentation, indented_run

_ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1{2,}\s*$")
_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+(?:([\w:-]+)::(.*))?")
_CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode", "ipython", "doctest", "prompt"})
_ADMONITIONS = frozenset(
    {"note", "warning", "tip", "important", "hint", "caution", "attention", "danger", "error", "seealso",
     "admonition", "versionadded", "versionchanged", "deprecated"}
)
#: Boxes titled by their argument, which may ask: a folding ``dropdown`` (sphinx-design), a titled note.
_TITLED = frozenset({"dropdown", "admonition", "topic"})
#: Directives that arrange the document or pull in other files: nothing of theirs is a card's.
_BOOKKEEPING = frozenset(
    {"contents", "toctree", "highlight", "index", "meta", "raw", "include", "literalinclude", "image", "figure",
     "sectnum", "header", "footer", "default-role", "role", "currentmodule", "module", "moduleauthor", "only",
     "title", "target-notes", "tabularcolumns", "csv-table"}
)
_OPTION = re.compile(r"^\s*:[\w -]+:")
_ROLE = re.compile(r":[\w:+-]+:`([^`]+)`")
_LITERAL = re.compile(r"``(.+?)``")
_LINK = re.compile(r"`([^`<]+?)\s*<([^>`]+)>`__?")
_REFERENCE = re.compile(r"`([^`]+)`__?(?!\w)")
_INTERPRETED = re.compile(r"(?<![`\w])`([^`]+)`(?![`\w])")
_KEPT = re.compile("\ue000(\\d+)\ue001")
_ENUMERATOR = re.compile(r"^(\s*)#\.\s")
#: Lines that open something other than a term: a list item, a quote, a table, a field, a heading, a fence,
#: a doctest, a line block, a directive or comment.
#: A glossary entry's terms are a few lines: more are a paragraph, its last lines indented (a quote).
_MOST_TERMS = 4
_NOT_TERM = re.compile(r"^\s*(?:[-*+•|>:]|\d+[.)]\s|[#`]|>>>|\.\.)")


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    out = list(lines)
    levels: list[tuple[str, bool]] = []
    index = 0
    while index < len(lines):
        index = _translate(lines, out, index, levels)
    if "#." in text:
        _enumerate(lines, out)
    _definitions(out)
    return "\n".join(out)


def _enumerate(lines: list[str], out: list[str]) -> None:
    """Number a list's auto-enumerated items (``#.``) 1, 2, 3 … as docutils shows them, where the reader wrote
    each ``1.``: a FAQ numbers its entries so, and an entry phrased as a statement holds its place in that
    numbering. A list ends at a line of text back at its items' margin or left of it that opens no item."""
    counts: dict[int, int] = {}  # indentation of an open list -> its items so far
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        indent = indentation(line)
        item = _ENUMERATOR.match(line)
        for open_indent in [k for k in counts if k > indent or (k == indent and not item)]:
            del counts[open_indent]
        if item and out[index].startswith(" " * indent + "1. "):
            counts[indent] = counts.get(indent, 0) + 1
            out[index] = f"{' ' * indent}{counts[indent]}. {out[index][indent + 3:]}"


def _definitions(out: list[str]) -> None:
    """Each definition list item of the translated ``out`` as a level-6 heading over its definition, line for line
    (see :mod:`.markdown`): a paragraph's lines with a deeper-indented line right under them (no blank line between:
    with one, the indented text is a quote) are its terms (a glossary gives one definition several: ``CoT`` over
    ``COT``), joined on the last one, and the lines under them, blank or deeper, the definition. Items may
    follow one another with no blank line between."""
    fenced = False
    index, opens = 0, True  # does a paragraph start at index?
    while index < len(out) - 1:
        line = out[index]
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if fenced or not line.strip() or not opens or _NOT_TERM.match(line):
            # A literal block's closing fence stands on the blank line after it: a paragraph may start below.
            opens = (not line.strip() or line.lstrip().startswith("```")) and not fenced
            index += 1
            continue
        indent = indentation(line)
        last = index
        while last + 1 < len(out) and out[last + 1].strip() and indentation(out[last + 1]) == indent \
                and not _NOT_TERM.match(out[last + 1]) and last - index < _MOST_TERMS:
            last += 1
        under = out[last + 1] if last + 1 < len(out) else ""
        if not under.strip() or indentation(under) <= indent or under.lstrip().startswith("```"):
            opens = False
            index += 1
            continue
        depth = indentation(under)
        end = indented_run(out, last + 1, indent)
        while not out[end - 1].strip():
            end -= 1
        terms = ", ".join(term.strip().removesuffix(":").rstrip() for term in out[index:last + 1])
        out[index:last] = [""] * (last - index)
        out[last] = "###### " + terms  # right over its definition, as the Markdown reader leaves a term
        for k in range(last + 1, end):
            text = out[k]
            out[k] = text[depth:] if text[:depth].isspace() else text.strip()
        index, opens = end, True


def _translate(lines: list[str], out: list[str], index: int, levels: list[tuple[str, bool]]) -> int:
    """Translate the construct at ``index`` into ``out``; the index after it."""
    line = lines[index]
    title = _title(lines, index)
    if title is not None:
        first, style, text = title
        if style not in levels:
            levels.append(style)
        level = min(levels.index(style) + 1, 6)
        for k in range(index, first + 2):
            out[k] = ""
        out[first] = "#" * level + " " + _inline(text.strip())
        return first + 2
    directive = _DIRECTIVE.match(line)
    if directive and line.strip().startswith(".."):
        return _directive(lines, out, index, directive)
    if line.rstrip().endswith("::") and line.strip():
        return _literal(lines, out, index)
    if line.strip():
        out[index] = _ENUMERATOR.sub(r"\g<1>1. ", _inline(line))
    return index + 1


def _title(lines: list[str], index: int) -> tuple[int, tuple[str, bool], str] | None:
    """(line of the title text, its adornment style, the text) when a title starts at ``index``."""
    line = lines[index]
    over = _ADORNMENT.match(line)
    if over and index + 2 < len(lines):
        under = _ADORNMENT.match(lines[index + 2])
        text = lines[index + 1]
        if under and under.group(1) == over.group(1) and text.strip() and not _ADORNMENT.match(text):
            return index + 1, (over.group(1), True), text
    if index + 1 >= len(lines) or not line.strip() or line[0].isspace() or over:
        return None
    under = _ADORNMENT.match(lines[index + 1])
    if not under or len(lines[index + 1].rstrip()) < len(line.rstrip()) - 2:
        return None
    if index > 0 and lines[index - 1].strip() and not _ADORNMENT.match(lines[index - 1]):
        return None  # the last line of a paragraph over a transition is no title
    return index, (under.group(1), False), line


def _directive(lines: list[str], out: list[str], index: int, directive: re.Match[str]) -> int:
    indent = len(directive.group(1))
    name = (directive.group(2) or "").lower()
    argument = (directive.group(3) or "").strip()
    end = indented_run(lines, index + 1, indent)
    body = index + 1
    while body < end and (not lines[body].strip() or _OPTION.match(lines[body])):
        out[body] = ""
        body += 1
    if name in _CODE_DIRECTIVES:
        out[index] = ""
        if body < end:
            fence(out, body, end, argument.split()[0] if argument else "")
        return max(end, index + 1)
    if name in _TITLED and argument:
        return _titled(lines, out, index, body, end, name, argument)
    if name in _ADMONITIONS:
        label = name.replace("seealso", "see also").capitalize()
        out[index] = f"**{label}:** {_inline(argument)}".rstrip()
        for k in range(body, end):
            out[k] = _inline(lines[k].strip()) if lines[k].strip() else ""
        return max(end, index + 1)
    if name and not name.startswith("auto") and name not in _BOOKKEEPING:
        # A directive with content of its own (list-table, glossary, function, …): its body, dedented.
        out[index] = _inline(argument)
        for k in range(body, end):
            out[k] = _inline(lines[k][indent + 3 :] if lines[k][: indent + 3].isspace() else lines[k].strip())
        return max(end, index + 1)
    # Comments, link targets, substitutions, tables of contents, images: no content for a card.
    for k in range(index, max(end, index + 1)):
        out[k] = ""
    return max(end, index + 1)


def _titled(lines: list[str], out: list[str], index: int, body: int, end: int, name: str, title: str) -> int:
    """A box titled by its argument (sphinx-design's ``dropdown``, a titled ``admonition``, a ``topic``) as the
    Markdown reader's titled boxes are (:func:`.callouts.opening`): ``<details>`` whose summary is the title
    when it asks, else the title in bold, over its body, dedented by the indent its lines share and read in turn."""
    out[index] = callouts.opening(name, _inline(title))
    width = min((indentation(lines[k]) for k in range(body, end) if lines[k].strip()), default=0)
    # The body is reStructuredText in turn (its directives, literals and roles), with a blank line after it
    # where a code block that ends it can close.
    inner = [lines[k][width:] if lines[k].strip() else "" for k in range(body, end)] + [""]
    translated = list(inner)
    at = 0
    while at < len(inner):
        at = _translate(inner, translated, at, [])
    out[body:end] = translated[:-1]
    if translated[-1] and end > body:
        out[end - 1] += "\n" + translated[-1]
    if out[index].startswith("<details>"):
        closing = end if end < len(lines) and not lines[end].strip() else None
        if closing is not None:
            out[closing] = "</details>"
        else:
            out[max(end, index + 1) - 1] += "\n</details>"
    return max(end, index + 1)


def _literal(lines: list[str], out: list[str], index: int) -> int:
    """A paragraph ending in ``::``: its indented block after it is code."""
    stripped = lines[index].rstrip()
    text = stripped[:-2].rstrip()
    out[index] = _inline(text + ":") if text.strip() else ""
    start = index + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    indent = indentation(lines[index])
    if start >= len(lines) or indentation(lines[start]) <= indent:
        return index + 1
    end = indented_run(lines, start, indent)
    fence(out, start, end)
    return end


def _inline(text: str) -> str:
    if "`" not in text:
        return text
    spans: list[str] = []

    def keep(span: str) -> str:
        spans.append(code_span(span))
        return f"\ue000{len(spans) - 1}\ue001"

    text = _LITERAL.sub(lambda m: keep(m.group(1)), text)
    text = _ROLE.sub(lambda m: keep(_role_text(m.group(1))), text)
    text = _LINK.sub(lambda m: f"[{m.group(1)}]({m.group(2)})", text)
    text = _REFERENCE.sub(r"\1", text)
    text = _INTERPRETED.sub(lambda m: keep(m.group(1)), text)
    return _KEPT.sub(lambda m: spans[int(m.group(1))], text)


def _role_text(target: str) -> str:
    """What a role shows: its title before ``<…>``, or its target (``~a.b`` shows ``b``)."""
    titled = re.match(r"^(.+?)\s*<[^>]*>$", target)
    if titled:
        return titled.group(1)
    if target.startswith("~"):
        return target[1:].rsplit(".", 1)[-1]
    return target.lstrip("!")
