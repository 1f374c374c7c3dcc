"""Neorg notes (``.norg``, the markup of Neovim's Neorg) as Markdown, line for line.

Headings (``*``, ``**`` …) become ATX headings, a task's status (``( )``, ``(x)``) dropped; list items
nest by how many ``-`` (unordered) or ``~`` (ordered) open them, not by indentation, which Neorg
does not read (bodies are indented under their headings, and Markdown would take four spaces
for code): every line loses it, and items and the lines that continue them are indented as
Markdown nests them. ``@code`` and ``|example`` blocks become fenced code, ``@math`` a display
formula; ``@document.meta`` and comment blocks, carried-over tags (``#name``, ``+name``), ``.toc``
lines and delimiting lines (``---``, ``===``) are bookkeeping and left blank. A definition
(``$ Term`` over its text, or ``$$ Term`` … ``$$``) is a glossary's term in bold over its
definition; quotes are Markdown's. Inline, ``*bold*`` and ``/italic/`` become Markdown's and links
(``{https://…}[text]``, ``{:note:}[text]``, ``[text]{* Heading}``) their text, a web link's
address kept. Nothing a link names is opened.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"(\*+)\s+(.*)")
#: A detached modifier that opens a list item (``-``, ``--``, ``~`` …), a quote or a definition.
_ITEM = re.compile(r"(-+|~+|>+|\$\$?|\^\^?)(?:\s+(.*)|$)")
#: A task's status after a heading's or an item's marker: ``( )``, ``(x)``, ``(?)``, ``(# A)`` …, several
#: joined with ``|``.
_STATUS = re.compile(r"\((?:[ x?!+\-=_]|[#<>@][^)]*)(?:\|[^)]*)?\)\s+")
#: A line that only delimits (``---`` closes a heading's section, ``===`` all of them; ``___`` is a rule).
_DELIMITER = re.compile(r"(-{3,}|={3,}|_{3,})\s*")
_RANGED = re.compile(r"([@|=])([\w.-]+)(?:\s+(.*))?")
#: A carried-over tag (``#name value``, ``+name``) or an infirm one (``.toc``, ``.image url``): lower case, as
#: Neorg's are (``+1 from me`` and ``.NET is …`` are text).
_TAG_LINE = re.compile(r"(?:[#+][a-z][\w.-]*|\.(?:toc|image|include|embed))(?:\s.*)?")
#: A link: ``{target}`` with its optional ``[text]``, or ``[text]`` with its ``{target}``.
_LINK = re.compile(r"\{([^{}\n]+)\}(?:\[([^\[\]\n]+)\])?|\[([^\[\]\n]+)\]\{([^{}\n]+)\}")
_WEB = re.compile(r"https?://\S+")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
#: Italics, ``/text/``: a slash after no letter or digit opens them, one before none closes them, as in Neorg.
_ITALIC = re.compile(r"(?<![\w/:])/(?=[^\s/])([^/\n]*?[^\s/])/(?![\w/])")
_CODE = re.compile(r"(`[^`\n]*`)")
#: What Markdown nests an item under its parent by.
_INDENT = "    "
#: Ranged tags whose text is no note's: the document's metadata, comments.
_HIDDEN = frozenset({"document.meta", "comment"})


def to_markdown(text: str) -> str:
    """The Markdown of a Neorg file's text (see the module docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    block = mark = ""  # the ranged tag being read ("" outside one), and what opened it (@, | or =)
    cut = 0  # how far a code block's lines are indented in the file
    item = ""  # the indentation a line continuing the current item takes
    in_item = False
    term: int | None = None  # the line of a definition's term whose definition is the lines below it
    # A ranged tag opens only where a line below closes it: "@param" alone on a line of prose opens nothing.
    ends = {sign: max((index for index, line in enumerate(lines) if line.strip() == f"{sign}end"), default=-1)
            for sign in "@|="} if ("@" in text or "|" in text or "=" in text) else {}
    for number, line in enumerate(lines):
        stripped = line.strip()
        if block:
            if stripped == f"{mark}end":
                out.append("```" if block in ("code", "example", "verbatim") else "$$" if block == "math" else "")
                block = ""
            elif block in _HIDDEN:
                out.append("")
            elif block in ("code", "example", "verbatim", "math"):
                out.append(line[cut:] if line[:cut].isspace() else line.lstrip())
            else:
                out.append(_inline(stripped))
            continue
        ranged = _RANGED.fullmatch(stripped) if stripped[:1] in "@|=" else None
        if ranged and ranged.group(2) != "end" and ends.get(ranged.group(1), -1) > number:
            mark, block = ranged.group(1), ranged.group(2)
            cut = len(line) - len(line.lstrip())
            language = (ranged.group(3) or "").split()[0] if ranged.group(3) else ""
            out.append(f"```{language}" if block == "code" else "```" if block in ("example", "verbatim")
                       else "$$" if block == "math" else "")
            in_item = False
            continue
        if not stripped:
            out.append("")
            in_item = False
            continue
        heading = _HEADING.fullmatch(stripped)
        if heading:
            title = _STATUS.sub("", heading.group(2), count=1) if heading.group(2).startswith("(") else heading.group(2)
            out.append(f"{'#' * min(len(heading.group(1)), 6)} {_inline(title)}")
            in_item = False
            continue
        if _DELIMITER.fullmatch(stripped) or _TAG_LINE.fullmatch(stripped) or stripped in ("$$", "^^"):
            out.append("---" if stripped.startswith("_") else "")
            in_item = False
            continue
        found = _ITEM.fullmatch(stripped)
        if found:
            marker, rest = found.group(1), found.group(2) or ""
            written, item = _item(marker, rest)
            term = len(out) if marker == "$" and written.endswith("**") else None
            out.append(written)
            in_item = True
            continue
        if in_item and term is not None:
            # A definition's text joins its term's line, as a glossary's entry is written: "Term: what it is".
            out[term] += (": " if out[term].endswith("**") else " ") + _inline(stripped)
            out.append("")
            continue
        out.append(item + _inline(stripped) if in_item else _inline(stripped))
    return "\n".join(out)


def _item(marker: str, rest: str) -> tuple[str, str]:
    """A detached modifier's line as Markdown, and the indentation of the lines that continue it."""
    kind, depth = marker[0], len(marker)
    if rest.startswith("("):
        status = _STATUS.match(rest)
        if status:
            done = status.group(0).startswith("(x)")
            rest = ("[x] " if done else "[ ] " if status.group(0).startswith("( )") else "") + rest[status.end():]
    text = _inline(rest)
    if kind == ">":
        return "> " * depth + text, "> " * depth
    if kind == "$":
        # A definition: its term in bold, the text after it (on the lines below) the definition. A term typed
        # with its definition after a colon on the one line is written so too.
        term, colon, definition = text.partition(": ")
        term = (term if colon and definition.strip() else text).strip().rstrip(":").rstrip()
        return (f"- **{term}**: {definition.strip()}" if colon and definition.strip() else f"- **{term}**"), _INDENT
    if kind == "^":
        return text, ""
    indent = _INDENT * (depth - 1)
    bullet = "1." if kind == "~" else "-"
    return f"{indent}{bullet} {text}", indent + _INDENT


def _inline(text: str) -> str:
    if "`" in text:
        # Inline code is verbatim: only the text between code spans is marked up.
        return "".join(part if index % 2 else _marks(part) for index, part in enumerate(_CODE.split(text)))
    return _marks(text)


def _marks(text: str) -> str:
    if "{" in text:
        text = _LINK.sub(_link, text)
    if "*" in text:
        text = _BOLD.sub(r"**\1**", text)
    if "/" in text:
        text = _ITALIC.sub(r"*\1*", text)
    return text


def _link(found: re.Match[str]) -> str:
    target = found.group(1) or found.group(4) or ""
    words = found.group(2) or found.group(3)
    web = _WEB.fullmatch(target.strip())
    if words:
        return f"[{words}]({target.strip()})" if web else words
    if web:
        return target.strip()
    # A link to a heading or a file of the notes, with no text: what it names, its markers dropped.
    return re.sub(r"^[:*#$^/@]+\s*|:$", "", target.strip()).strip(": ")
