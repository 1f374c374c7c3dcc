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
are cards: ``<<rememberq "id" "question" "answer">>`` written as a ``<details>``
block, a ``rememberp`` pair as a reversible ``front:::back`` line (a card each way),
a ``remembercz`` cloze with its ``{deletions}`` as Anki's. A transclusion (``{{Tiddler}}``) is the
picture it names, or the tiddler's name in italics (its text is another file's); other macros (``<<…>>``)
are left as written.
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
_REMEMBER = re.compile(rf"<<remember([qp])\s+{_ARG}\s+({_ARG})\s+({_ARG})(?:\s+{_ARG})*\s*>>"
                       rf"|<<remember(cz)\s+{_ARG}\s+({_ARG})(?:\s+{_ARG})*\s*>>")
#: A transclusion, ``{{Tiddler}}`` (``{{Tiddler||Template}}``, ``{{Tiddler!!field}}``): the tiddler's text shown in
#: place, which a file of one tiddler does not hold; a picture's is the picture. Not a cloze's ``{{c1::…}}``.
_TRANSCLUSION = re.compile(r"\{\{(?!c\d+::)([^{}|!]+?)(?:\|\|[^{}]*|!![^{}]*)?\}\}")
_PICTURE = re.compile(r"(?i)\.(?:png|jpe?g|gif|svg|webp|bmp)$")
#: A deletion in a TiddlyRemember cloze note: ``{text}``.
_DELETION = re.compile(r"(?<!\{)\{([^{}]+)\}(?!\})")
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
    """``lines`` with TiddlyRemember's notes outside code as cards (see the module docstring), each on the
    macro's first line, the lines it spanned left blank."""
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
    values = [_value(found.group(index)) for index in ((2, 3) if found.group(1) else (5,))]
    if any(value is None for value in values):
        return found.group(0)
    if found.group(4):  # a cloze: each {deletion} numbered in turn, as Anki writes them
        counter = iter(range(1, 1000))
        card = _DELETION.sub(lambda m: f"{{{{c{next(counter)}::{m.group(1)}}}}}", values[0] or "")
    elif found.group(1) == "p":  # a pair: a card each way, as a reversible Obsidian line is
        card = f"{values[0]}:::{values[1]}"
    else:
        card = f"<details><summary>{html.escape(values[0] or '', quote=False)}</summary>{values[1]}</details>"
    return card + "\n" * found.group(0).count("\n")


def _value(argument: str) -> str | None:
    """A macro argument's text on one line, its quotes or brackets taken off (None for no argument)."""
    found = _ARGUMENT.match(argument)
    return " ".join(next(part for part in found.groups() if part is not None).split()) if found else None


def _inline(line: str) -> str:
    if "''" in line:
        line = _BOLD.sub(r"**\1**", line)
    if "//" in line:
        line = _ITALIC.sub(r"*\1*", line)
    if "[[" in line:
        line = _LINK.sub(lambda m: m.group(1), line)
    if "{{" in line:
        line = _TRANSCLUSION.sub(_transcluded, line)
    return line


def _transcluded(found: re.Match[str]) -> str:
    name = found.group(1).strip()
    return f"![{name}]({name.replace(' ', '%20')})" if _PICTURE.search(name) else f"*{name}*"
