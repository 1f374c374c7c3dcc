"""Texinfo (``.texi``: GNU manuals and their FAQ chapters) as Markdown, line for line.

Sectioning commands become ATX headings (``@chapter`` ``#``, ``@section``
``##``, ``@subsection`` ``###`` …); ``@example``, ``@lisp`` and ``@verbatim``
blocks become fenced code; an ``@item`` of an ``@enumerate`` becomes a
numbered item and of an ``@itemize`` or ``@table`` a bullet, its text on the
same line or the next. Bookkeeping lines (``@node``, ``@c``, index entries,
``@menu`` and ``@ignore`` blocks, ``@setfilename`` …) are left blank. Inline
commands, nested or spread over lines, become Markdown: ``@code{…}`` code,
``@emph{…}`` emphasis, ``@strong{…}`` bold, ``@uref{url, text}`` a link,
``@ref{node}`` its name, and any other ``@name{…}`` (a macro of the manual's
own) its text. A paragraph that is one call of such a macro (``@faq{How do
I …?}``) is the manual's way of marking a question: it becomes a bold line.
"""

from __future__ import annotations

import re

from .blocks import item_marker

_HEADING = {
    **dict.fromkeys(("top", "chapter", "unnumbered", "appendix", "majorheading", "chapheading"), 1),
    **dict.fromkeys(("section", "unnumberedsec", "appendixsec", "heading"), 2),
    **dict.fromkeys(("subsection", "unnumberedsubsec", "appendixsubsec", "subheading"), 3),
    **dict.fromkeys(("subsubsection", "unnumberedsubsubsec", "appendixsubsubsec", "subsubheading"), 4),
}
_CODE_BLOCKS = frozenset({"example", "smallexample", "lisp", "smalllisp", "verbatim"})
_DROPPED_BLOCKS = frozenset({"menu", "ignore", "titlepage", "copying", "detailmenu", "direntry", "macro", "tex"})
_LISTS = frozenset({"itemize", "enumerate", "table", "ftable", "vtable", "multitable"})
_BOOKKEEPING = re.compile(
    r"^\s*(?:\\input\b|@(?:c|comment|node|[a-z]*index|setfilename|settitle|set|clear|include|bye|page|sp|"
    r"noindent|anchor|vskip|need|dircategory|syncodeindex|synindex|printindex|contents|shortcontents|"
    r"summarycontents|paragraphindent|firstparagraphindent|exampleindent|documentencoding|documentlanguage|"
    r"headings|setchapternewpage|finalout|smallbook|afourpaper|insertcopying|frenchspacing|end\s+\w+|"
    r"if\w+|group|refill)\b)"
)
_COMMAND_LINE = re.compile(r"^\s*@(\w+)(?:\s+(.*?))?\s*$")
_INLINE = re.compile(r"@(\w+)\{([^{}]*)\}")
_MACRO_START = re.compile(r"^@(\w+)\{")
_MAX_MACRO_LINES = 8
_ESCAPES = {"@@": "\x00", "@{": "\x01", "@}": "\x02"}
_CODE = frozenset({"code", "samp", "command", "file", "option", "env", "kbd", "key", "t", "verb", "indicateurl",
                   "command", "var", "math"})
_EMPHASIS = frozenset({"emph", "i", "dfn", "cite", "sc", "slanted"})
_BOLD = frozenset({"strong", "b"})
_LINKS = frozenset({"url", "uref", "email", "ref", "xref", "pxref", "inforef", "acronym", "abbr", "w", "footnote",
                    "titlefont", "asis", "anchor", "image", "verb"})
_SYMBOLS = {"dots": "...", "enddots": "...", "copyright": "©", "registeredsymbol": "®", "tie": " ", "TeX": "TeX",
            "LaTeX": "LaTeX", "bullet": "•", "minus": "-", "result": "=>", "expansion": "==>", "equiv": "==",
            "error": "error-->", "point": "-!-", "today": ""}


_KNOWN = _CODE | _EMPHASIS | _BOLD | _LINKS | set(_SYMBOLS)


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    block = ""  # the open block: code to fence, or dropped
    lists: list[list[int]] = []  # for each open list: [1] when numbered (the next number), [] for bullets
    pending = ""  # an @item alone on its line: the marker waits for the next line of text
    for line in lines:
        command = _COMMAND_LINE.match(line)
        name = command.group(1) if command else ""
        if block:
            if name == "end" and (command.group(2) or "").split()[:1] == [block]:
                out.append("```" if block in _CODE_BLOCKS else "")
                block = ""
            else:
                out.append(line if block in _CODE_BLOCKS else "")
            continue
        if name in _CODE_BLOCKS or name in _DROPPED_BLOCKS:
            block = name
            out.append("```" if name in _CODE_BLOCKS else "")
            continue
        if name in _LISTS:
            lists.append([1] if name == "enumerate" else [])
            out.append("")
            continue
        if name == "end" and (command.group(2) or "").split()[:1] and command.group(2).split()[0] in _LISTS:
            if lists:
                lists.pop()
            out.append("")
            continue
        if name in _HEADING:
            out.append("#" * _HEADING[name] + " " + (command.group(2) or ""))
            continue
        if name in ("item", "itemx"):
            marker = item_marker(lists)
            rest = command.group(2) or ""
            out.append(marker + rest if rest else "")
            pending = "" if rest else marker
            continue
        if _BOOKKEEPING.match(line):
            out.append("")
            continue
        if pending and line.strip():
            line, pending = pending + line.strip(), ""
        out.append(line.replace("``", '"').replace("''", '"'))  # TeX's quotes, outside code
    _bold_paragraph_macros(out)
    return _inline("\n".join(out))


def _bold_paragraph_macros(lines: list[str]) -> None:
    """A paragraph made of one call of a macro the table does not know becomes one bold line."""
    for index, line in enumerate(lines):
        found = _MACRO_START.match(line)
        if not found or found.group(1) in _KNOWN:
            continue
        depth, parts = 0, []
        for end in range(index, min(index + _MAX_MACRO_LINES, len(lines))):
            text = lines[end] if end > index else line[found.end() :]
            if not text.strip() and end > index:
                break  # the paragraph ended with the call still open: not a marker
            for position, char in enumerate(text):
                depth += char == "{"
                if char == "}" and depth == 0:
                    if text[position + 1 :].strip():
                        break  # text follows the call: it marks a phrase, not the paragraph
                    parts.append(text[:position])
                    lines[index] = "**" + " ".join(part.strip() for part in parts if part.strip()) + "**"
                    lines[index + 1 : end + 1] = [""] * (end - index)
                    break
                depth -= char == "}"
            else:
                parts.append(text)
                continue
            break


def _inline(text: str) -> str:
    """Inline commands as Markdown, innermost first; the text of any the table does not know."""
    for escape, mark in _ESCAPES.items():
        text = text.replace(escape, mark)
    for command, written in (("@*", ""), ("@.", "."), ("@:", ""), ("@!", "!"), ("@?", "?"), ("@-", ""), ("@/", "")):
        text = text.replace(command, written)
    while True:
        replaced = _INLINE.sub(_command, text)
        if replaced == text:
            break
        text = replaced
    text = re.sub(r"@(\w+)\b", lambda m: _SYMBOLS.get(m.group(1), m.group(0)), text)
    return text.replace("\x00", "@").replace("\x01", "{").replace("\x02", "}")


def _command(found: re.Match[str]) -> str:
    name, argument = found.group(1), found.group(2)
    if name in _SYMBOLS and not argument:
        return _SYMBOLS[name]
    if name in _CODE:
        return f"`{argument}`" if argument else ""
    if name in _EMPHASIS:
        return f"*{argument}*" if argument else ""
    if name in _BOLD:
        return f"**{argument}**" if argument else ""
    arguments = [part.strip() for part in argument.split(",")]
    if name in ("url", "uref"):
        url, label = arguments[0], (arguments[2] if len(arguments) > 2 and arguments[2] else
                                    arguments[1] if len(arguments) > 1 and arguments[1] else "")
        return f"[{label}]({url})" if label else f"<{url}>"
    if name == "email":
        return arguments[-1] if len(arguments) > 1 and arguments[-1] else f"<{arguments[0]}>"
    if name in ("ref", "xref", "pxref", "inforef", "acronym", "abbr", "w", "footnote", "titlefont", "asis"):
        return arguments[0] if name not in ("w", "footnote", "asis") else argument
    return argument or name  # a macro of the manual's own: its text, or its name (@AUCTeX{})
