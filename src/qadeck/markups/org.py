"""Org-mode as Markdown, line for line.

Outline headings (``*``, ``**`` …) become ATX headings, TODO keywords and
tags dropped; ``#+BEGIN_SRC``/``#+BEGIN_EXAMPLE`` blocks become fenced code;
keyword lines (``#+TITLE:``), comments and property drawers are bookkeeping.
Body text is dedented under its heading (Org indents it; Markdown would read
four spaces as code). Links, ``~code~`` and ``=verbatim=`` become Markdown's.
"""

from __future__ import annotations

import re

from .blocks import code_span

_HEADING = re.compile(r"^(\*+)\s+(?:(?:TODO|DONE|NEXT|WAITING)\s+)?(?:\[#[A-C]\]\s+)?(.*?)(?:\s+:[\w@#%:]+:)?\s*$")
_BLOCK = re.compile(r"^\s*#\+(begin|end)_(\w+)\s*(\S*)", re.IGNORECASE)
_KEYWORD = re.compile(r"^\s*#\+\w+:|^\s*#(?:\s|$)")
_DRAWER = re.compile(r"^\s*:(\w+):\s*$")
_LINK = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]+)\])?\]")
_VERBATIM = re.compile(r"(?<![\w~=])([~=])(?=\S)(.+?)(?<=\S)\1(?![\w~=])")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_CODE_BLOCKS = frozenset({"src", "example"})


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    out = list(lines)
    code = False
    drawer = False
    for index, line in enumerate(lines):
        block = _BLOCK.match(line)
        if block:
            kind = block.group(2).lower()
            if kind in _CODE_BLOCKS:
                code = block.group(1).lower() == "begin"
                out[index] = "```" + (block.group(3) if code and kind == "src" else "")
            else:
                out[index] = ""
            continue
        if code:
            continue
        mark = _DRAWER.match(line)
        if drawer or mark:
            drawer = not (mark and mark.group(1).upper() == "END")
            out[index] = ""
            continue
        heading = _HEADING.match(line)
        if heading:
            out[index] = "#" * min(len(heading.group(1)), 6) + " " + _inline(heading.group(2))
        elif _KEYWORD.match(line):
            out[index] = ""
        elif line.strip():
            out[index] = _inline(line)
    _dedent_sections(out)
    return "\n".join(out)


def _dedent_sections(out: list[str]) -> None:
    """Remove each section's common indentation outside code (Org indents bodies under headings)."""
    start = 0
    for end in [*(k for k, line in enumerate(out) if line.startswith("#")), len(out)]:
        _dedent(out, start, end)
        start = end + 1


def _dedent(out: list[str], start: int, end: int) -> None:
    code = False
    indents = []
    for line in out[start:end]:
        if line.lstrip().startswith("```"):
            code = not code
        elif not code and line.strip():
            indents.append(len(line) - len(line.lstrip()))
    cut = min(indents, default=0)
    if cut:
        for k in range(start, end):
            out[k] = out[k][cut:] if out[k][:cut].isspace() else out[k].lstrip()


def _inline(text: str) -> str:
    if text.endswith("\\\\"):
        text = text[:-2].rstrip()  # a forced line break: the line ends anyway
    if "[[" in text:
        text = _LINK.sub(lambda m: f"[{m.group(2)}]({m.group(1)})" if m.group(2) else m.group(1), text)
    if "~" in text or "=" in text:
        text = _VERBATIM.sub(lambda m: code_span(m.group(2)), text)
    if "*" in text:
        text = _BOLD.sub(r"**\1**", text)
    return text
