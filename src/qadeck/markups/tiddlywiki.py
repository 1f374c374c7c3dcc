"""TiddlyWiki tiddlers (``.tid``) as Markdown, line for line.

A ``.tid`` file is one tiddler: header fields (``title: …``, ``tags: …``,
``type: …``), a blank line, then its text. The title becomes a first-level
heading on its own line, the other fields blank lines (line *n* of the text is
line *n* of the file); a tiddler whose title asks is a card of its own, its text
the answer, written as a ``<details>`` block (see :mod:`.notes`). The text is
wikitext unless the ``type`` field says Markdown: ``!`` headings (one level under
the title), ``*`` and ``#`` lists at their depth, ``''bold''``, ``//italic//``,
``[[links]]`` as their text, ``;term`` and ``:definition`` lines; code blocks
fenced with backticks are Markdown's already. TiddlyRemember's notes
(``<<rememberq "id" "question" "answer">>``, and ``rememberp`` pairs) are cards,
written as ``<details>`` blocks; other macros and transclusions (``<<…>>``,
``{{…}}``) are left as written.
"""

from __future__ import annotations

import html
import re

from . import notes

_FIELD = re.compile(r"^([\w.-]+):\s?(.*)$")
_MARKDOWN_TYPES = ("text/x-markdown", "text/markdown")
_HEADING = re.compile(r"^(!{1,6})\s*(.*)$")
_LIST = re.compile(r"^([*#]+)\s*(.*)$")
_BOLD = re.compile(r"''(?=\S)(.+?)(?<=\S)''")
_ITALIC = re.compile(r"(?<![:/])//(?=\S)(.+?)(?<=\S)//")
_LINK = re.compile(r"\[\[([^\]|]+?)(?:\|[^\]]*)?\]\]")
_FENCE = re.compile(r"^\s*```")
#: A TiddlyWiki macro argument: in triple or single quotes, or in double square brackets.
_ARG = r"(?:\"\"\"[\s\S]*?\"\"\"|\"[^\"]*\"|'[^']*'|\[\[[\s\S]*?\]\])"
_ARGUMENT = re.compile(r'^"""([\s\S]*)"""$|^"([^"]*)"$|^\'([^\']*)\'$|^\[\[([\s\S]*)\]\]$')
#: TiddlyRemember's question-and-answer and pair notes: ``<<rememberq "id" "question" "answer">>``.
_REMEMBER = re.compile(rf"<<remember([qp])\s+{_ARG}\s+({_ARG})\s+({_ARG})(?:\s+{_ARG})*\s*>>")
_DEEPEST = 6


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    fields: dict[str, str] = {}
    for line in lines:
        found = _FIELD.match(line)
        if not found:
            break
        fields[found.group(1).lower()] = found.group(2).strip()
    if "title" not in fields:
        return text  # no header: the text of a tiddler saved without its fields, or no tiddler
    end = len(fields) + 1  # the fields and the blank line after them
    body = lines[end:] if fields.get("type", "") in _MARKDOWN_TYPES else _wikitext(lines[end:])
    title, header = fields["title"], [""] * min(end, len(lines))
    if notes.is_card(title, "\n".join(body)):
        header[0] = notes.details_opening(title)
        return "\n".join(header + body + ["", "</details>", ""])
    header[0] = f"# {title}"
    return "\n".join(header + body)


def _wikitext(lines: list[str]) -> list[str]:
    lines = _remembered(lines)
    out: list[str] = []
    code = False
    for line in lines:
        if _FENCE.match(line):
            code = not code
            out.append(line)
            continue
        if code:
            out.append(line)
            continue
        heading = _HEADING.match(line)
        listed = _LIST.match(line)
        if heading:
            line = "#" * min(len(heading.group(1)) + 1, _DEEPEST) + " " + heading.group(2)
        elif listed:
            marks = listed.group(1)
            line = "    " * (len(marks) - 1) + ("1. " if marks[-1] == "#" else "- ") + listed.group(2)
        elif line.startswith(";"):
            line = f"**{line[1:].strip()}**" if line[1:].strip() else ""
        elif line.startswith(":"):
            line = line[1:].strip()
        out.append(_inline(line))
    return out


def _remembered(lines: list[str]) -> list[str]:
    """``lines`` with TiddlyRemember's question-and-answer and pair macros outside code as ``<details>`` blocks,
    each on the macro's first line, the lines it spanned left blank."""
    text = "\n".join(lines)
    if "<<remember" not in text:
        return lines
    out: list[str] = []
    run: list[str] = []
    code = False
    for line in [*lines, None]:
        fence = line is not None and bool(_FENCE.match(line))
        if line is None or fence or code:
            if run:
                out += _REMEMBER.sub(_card, "\n".join(run)).split("\n")
                run = []
            if line is not None:
                out.append(line)
                code = code != fence
        else:
            run.append(line)
    return out


def _card(found: re.Match[str]) -> str:
    question, answer = (_ARGUMENT.match(found.group(index)) for index in (2, 3))
    if not question or not answer:
        return found.group(0)
    ask, tell = (next(part for part in value.groups() if part is not None).strip() for value in (question, answer))
    block = f"{html.escape(ask, quote=False)}</summary>{tell}</details>"
    return "<details><summary>" + block.replace("\n", " ") + "\n" * found.group(0).count("\n")


def _inline(line: str) -> str:
    if "''" in line:
        line = _BOLD.sub(r"**\1**", line)
    if "//" in line:
        line = _ITALIC.sub(r"*\1*", line)
    if "[[" in line:
        line = _LINK.sub(lambda m: m.group(1), line)
    return line
