"""Google Code's project wiki markup as Markdown, line for line.

Google Code hosted each project's wiki as ``.wiki`` files, kept in many repositories since its export to
git; a page opens with pragma lines (``#summary …``, ``#labels …``), which tell it from MediaWiki's pages
(:mod:`.mediawiki` hands such a page here). Its syntax differs where it matters to the cards:
``*bold*`` and ``_italic_`` take one mark (a FAQ sets its questions in them), ``{{{ … }}}`` is code
(a block when the braces stand alone on their lines), ``!WikiWord`` escapes a word from becoming a link,
lists are items indented by spaces (``  * point``, ``  # step``, deeper with more spaces or marks), a
heading may close with fewer ``=`` than it opens with, and ``[Page label]`` links another page.
Pragmas and ``<wiki:…>`` tags (a table of contents, a gadget) go.
"""

from __future__ import annotations

import re

from .blocks import code_span
from .data import Placed

#: The pragma lines a page opens with.
_PRAGMA = re.compile(r"#(?:summary|labels|sidebar)\b")
_TITLE = re.compile(r"^(={1,6})\s*(.+?)\s*=*\s*$")
_ITEM = re.compile(r"^(\s+)([*#]+)\s+(.*)$")
_CODE_LINE = re.compile(r"^\s*\{\{\{\s*$")
_CODE_END = re.compile(r"^\s*\}\}\}\s*$")
_WIKI_TAG = re.compile(r"</?wiki:[^>]*>")
_INLINE_CODE = re.compile(r"\{\{\{(.+?)\}\}\}|`([^`]+)`")
_BOLD = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])")
_ESCAPED = re.compile(r"(?<![\w!])!(?=[A-Z])")
_URL_LINK = re.compile(r"\[((?:https?|ftp)://\S+)\s+([^\]]+)\]")
_PAGE_LINK = re.compile(r"\[([A-Za-z][\w#.]*)(?:\s+([^\]]+))?\](?!\()")


def opens_page(text: str) -> bool:
    """Does ``text`` open with Google Code's pragma lines (``#summary``, ``#labels``)?"""
    return _PRAGMA.match(text.lstrip()) is not None


def to_markdown(text: str) -> Placed:
    """The page as Markdown; an indented paragraph right under a line of text is set apart by a blank line,
    as the wiki shows it (indented, a block of its own: a FAQ's answer under its question in bold), and
    the text knows the file's line each of its lines came from."""
    lines = text.split("\n")
    out: list[str] = []
    origins: list[int] = []
    code = False
    for number, line in enumerate(lines, 1):
        if code:
            if _CODE_END.match(line):
                line, code = "```", False
        elif _CODE_LINE.match(line):
            line, code = "```", True
        elif _PRAGMA.match(line) or not _WIKI_TAG.sub("", line).strip():
            line = ""
        elif title := _TITLE.match(line):
            line = "#" * len(title.group(1)) + " " + _inline(title.group(2))
        elif item := _ITEM.match(line):
            line = _item(item)
        else:
            if line[:1] in (" ", "\t") and out and _paragraph(out[-1]):
                out.append("")
                origins.append(number - 1)
            line = _inline(line.strip())  # an indented paragraph is a paragraph, not code
        out.append(line)
        origins.append(number)
    if code:
        out.append("```")
        origins.append(len(lines))
    placed = Placed("\n".join(out))
    if len(out) != len(lines):
        placed.origins = tuple(origins)
    return placed


def _paragraph(line: str) -> bool:
    """Is ``line`` (as written out) a line of a paragraph, not blank, a heading, an item or a fence?"""
    return bool(line.strip()) and not line.startswith(("#", "```", "- ", "1. ", " "))


def _item(item: re.Match[str]) -> str:
    indent, marks, text = item.groups()
    depth = "    " * max(len(indent) // 2 - 1 + len(marks) - 1, 0)
    return depth + ("1. " if marks[-1] == "#" else "- ") + _inline(text)


def _inline(text: str) -> str:
    if "<wiki:" in text:
        text = _WIKI_TAG.sub("", text)
    if "{{{" not in text and "`" not in text:
        return _marked(text)
    # Code spans keep their text as written: only what lies between them is marked up.
    parts: list[str] = []
    start = 0
    for match in _INLINE_CODE.finditer(text):
        parts.append(_marked(text[start : match.start()]))
        parts.append(code_span(match.group(1) if match.group(1) is not None else match.group(2)))
        start = match.end()
    parts.append(_marked(text[start:]))
    return "".join(parts)


def _marked(text: str) -> str:
    if "[" in text:
        text = _URL_LINK.sub(r"[\2](\1)", text)
        text = _PAGE_LINK.sub(lambda m: m.group(2) or m.group(1), text)
    if "!" in text:
        text = _ESCAPED.sub("", text)
    if "*" in text:
        text = _BOLD.sub(r"**\1**", text)
    if "_" in text:
        text = _ITALIC.sub(r"*\1*", text)
    return text
