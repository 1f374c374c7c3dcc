"""What the line-keeping translations share: code fences put where blank lines were, inline code spans, list items.

Contract: every function here works on a list of output lines as long as the
source's lines (one out for each in) and changes lines in place, except
:func:`fence` at the end of a file, which may add one closing line.
"""

from __future__ import annotations

import re


def fence(out: list[str], start: int, end: int, language: str = "") -> None:
    """Make ``out[start:end]`` a fenced code block, dedented, its fences on the blank lines around it.

    The opening fence takes the blank line before ``start`` (or the line itself when
    ``start`` is the markup's own opener, already blank); the closing fence takes the
    blank line after ``end``, or a new last line at the end of the file.
    """
    body = [line.expandtabs(8) for line in out[start:end]]
    indent = min((len(line) - len(line.lstrip()) for line in body if line.strip()), default=0)
    out[start:end] = [line[indent:] for line in body]
    opener = start - 1
    if opener >= 0 and not out[opener].strip():
        out[opener] = f"```{language}"
    else:
        out[start] = f"```{language}\n{out[start]}"  # no room: rare, costs one line number below
    if end < len(out) and not out[end].strip():
        out[end] = "```"
    elif end >= len(out):
        out.append("```")
    else:
        out[end - 1] += "\n```"


def indented_run(lines: list[str], start: int, indent: int) -> int:
    """The end (exclusive) of the lines from ``start`` indented deeper than ``indent`` or blank,
    trailing blank lines left out."""
    end = start
    last = start
    while end < len(lines):
        line = lines[end]
        if line.strip():
            if len(line) - len(line.lstrip()) <= indent:
                break
            last = end + 1
        end += 1
    return last


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip())


#: ``*strong*`` and ``_emphasis_`` as Textile and Typst write them: one mark each side, against the text,
#: not inside a word, not escaped.
_SINGLE_STRONG = re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_SINGLE_EMPHASIS = re.compile(r"(?<![\w_\\])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")


def single_marks(text: str) -> str:
    """``*strong*`` and ``_emphasis_`` (Textile's, Typst's) as Markdown's ``**strong**`` and ``*emphasis*``."""
    if "*" in text:
        text = _SINGLE_STRONG.sub(r"**\1**", text)
    if "_" in text:
        text = _SINGLE_EMPHASIS.sub(r"*\1*", text)
    return text


def code_span(text: str) -> str:
    """``text`` as one inline code span, with enough backticks to hold any inside it."""
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def item_marker(lists: list[list[int]]) -> str:
    """The marker of the next item of the innermost open list: ``"3. "`` for a numbered one (its next
    number, then counted), ``"- "`` for a bulleted one or outside any list. Each open list is
    ``[next number]`` when numbered, ``[]`` when bulleted."""
    if lists and lists[-1]:
        lists[-1][0] += 1
        return f"{lists[-1][0] - 1}. "
    return "- "
