"""txt2tags (``.t2t``) as Markdown, line for line.

A txt2tags source opens with up to three header lines (title, author, date; none when the first line is
blank), then settings (``%!target: html``) and the body. Titles are closed by as many signs as open them
(``== Section ==``, ``+ Numbered +``, an anchor may follow: ``== Why? ==[why]``): they become ATX headings,
one level under the header's title, which becomes the top heading. ``%`` lines are comments, settings or
macros and ``%%%`` lines open and close a comment block: none is text. A line of three backticks opens or
closes a verbatim block (a Markdown fence already), and one with text after them is one verbatim line;
blocks between lines of three double or three single quotes are raw text. ``+`` items are numbered, ``:`` terms of a definition list become a
bold line; a line indented by a TAB outside a list is a quotation. ``//italic//``, ````mono````,
``[label url]`` links become Markdown's; ``**bold**`` is Markdown's already.

A FAQ in txt2tags asks in its titles (``=== How do I …? ===``) or in a list whose items hold the answers
as sub-items; both are what the Markdown layouts read.
"""

from __future__ import annotations

import re

from .blocks import code_span

#: A title: its signs (``=`` or ``+``), its text and the same signs closing it, an anchor after them.
_TITLE = re.compile(r"^[ \t]*(=+|\++)[ \t]*([^=+\s].*?)[ \t]*\1(?:\[[\w-]*\])?[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)([-+:])[ \t]+(\S.*)$")
_EMPTY_ITEM = re.compile(r"^[ \t]*[-+:][ \t]*$")
_SEPARATOR = re.compile(r"^[ \t]*(?:-{20,}|={20,}|_{20,})[ \t]*$")
_VERBATIM_LINE = re.compile(r"^```[ \t](.*)$")
_RAW_LINE = re.compile(r"^(?:\"\"\"|''')[ \t](.*)$")
_ITALIC = re.compile(r"(?<![:\w/])//(?=[^\s/])(.+?)(?<=[^\s:/])//(?!/)")
_MONO = re.compile(r"``(?=\S)(.+?)(?<=\S)``")
_UNDERLINE = re.compile(r"(?<!_)__(?=\S)(.+?)(?<=\S)__(?!_)")
_STRIKE = re.compile(r"(?<![-\w])--(?=[^\s-])(.+?)(?<=[^\s-])--(?![-\w])")
_PLAIN = re.compile(r"\"\"(?=\S)(.+?)(?<=\S)\"\"|''(?=\S)(.+?)(?<=\S)''")
#: A link: a label and, last, an address (a URL, a path, a mail address or an anchor); a lone picture
#: (``[photo.jpg]``) is no text.
_LINK = re.compile(r"\[([^\[\]]+?)[ \t]+((?:[a-z]+://|mailto:|#|\.{0,2}/)\S*|\S+[./@]\S*)\]")
_PICTURE = re.compile(r"\[[^\s\[\]]+\.(?:png|jpe?g|gif|svg|webp|bmp)\]", re.IGNORECASE)


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    out = list(lines)
    body = _header(lines, out)
    deeper = 1 if body else 0  # titles sit one level under the header's title
    block = ""  # the delimiter of the open verbatim, raw or comment block
    in_list = False
    blanks = 0
    hanging = ""  # the indent that carries on the list item above (its text, wrapped onto the next line)
    text_indent = ""  # the indent of the list's last line of text: a verbatim line inside the list keeps it
    for index in range(body, len(lines)):
        line = lines[index]
        stripped = line.strip()
        if block:
            if stripped == block:
                out[index], block = ("```" if block == "```" else ""), ""
            elif block == "%%%":
                out[index] = ""
            continue
        if stripped in ("```", '"""', "'''", "%%%") and line == line.lstrip():
            block = stripped
            out[index] = "```" if stripped == "```" else ""
            continue
        if not stripped:
            blanks, hanging = blanks + 1, ""
            in_list = in_list and blanks < 2  # two blank lines close every open list
            continue
        blanks = 0
        if line.startswith("%"):
            out[index] = ""
            continue
        verbatim = _VERBATIM_LINE.match(line)
        if verbatim:
            code = verbatim.group(1).strip()
            out[index] = (text_indent if in_list else "") + code_span(code) if code else ""
            continue
        raw = _RAW_LINE.match(line)
        if raw:
            out[index] = raw.group(1)
            continue
        title = _TITLE.match(line)
        if title and not line[:1].isspace():
            level = min(len(title.group(1)) + deeper, 6)
            out[index] = "#" * level + " " + _inline(title.group(2))
            in_list = False
            continue
        if _SEPARATOR.match(line):
            out[index] = "---"
            continue
        if _EMPTY_ITEM.match(line):
            out[index], in_list = "", False
            continue
        item = _ITEM.match(line)
        if item:
            indent, mark, content = item.groups()
            indent = indent.replace("\t", "    ")
            in_list = True
            hanging = text_indent = indent + "   " if mark == "+" else indent + "  "
            if mark == "+":
                out[index] = f"{indent}1. {_inline(content)}"
            elif mark == ":":
                out[index] = f"{indent}**{_inline(content)}**"
            else:
                out[index] = f"{indent}- {_inline(content)}"
            continue
        if line.startswith("\t") and not in_list:
            out[index] = "> " + _inline(stripped)
            continue
        if in_list:
            line = line.replace("\t", "    ")
            if len(line) - len(line.lstrip()) < len(hanging):
                line = hanging + line.lstrip()
            text_indent = line[: len(line) - len(line.lstrip())]
        out[index] = _inline(line)
    return "\n".join(out)


def _header(lines: list[str], out: list[str]) -> int:
    """Write the header's title as the top heading and blank its other lines; the first body line's index."""
    if not lines or not lines[0].strip():
        return 0
    end = 1
    while end < min(3, len(lines)) and not lines[end].startswith("%!"):
        end += 1
    out[0] = "# " + _inline(lines[0].strip())
    for index in range(1, end):
        out[index] = ""
    return end


def _inline(text: str) -> str:
    if "[" in text:
        text = _PICTURE.sub("", text)
        text = _LINK.sub(lambda found: f"[{found.group(1).strip()}]({found.group(2)})", text)
    if "``" in text:
        text = _MONO.sub(lambda found: code_span(found.group(1)), text)
    if "//" in text:
        text = _ITALIC.sub(r"*\1*", text)
    if "__" in text:
        text = _UNDERLINE.sub(r"\1", text)
    if "--" in text:
        text = _STRIKE.sub(r"~~\1~~", text)
    if '""' in text or "''" in text:
        text = _PLAIN.sub(lambda found: found.group(1) or found.group(2), text)
    return text
